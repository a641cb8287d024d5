"""Module `deepfakes`: seeing is no longer believing.

Live models:
- `images`: real handwritten digits (scikit-learn's `load_digits`) and faces drawn in code;
- `generator`: PCA + a Gaussian mixture that generates new images, and the copy check
  (nearest-neighbour distance to the training images);
- `game`: rounds of real and generated images, and what guessing would score;
- `detector`: a detector of generated images, and the arms race against a forger;
- `impersonation`: a word model that writes a scam message in a fictional person's style.
"""
from .detector import STEPS, arms_race
from .game import chance_at_least, rounds
from .generator import SIZES, copy_check, generator
from .images import image_set
from .impersonation import PEOPLE, imitate

__all__ = ["PEOPLE", "SIZES", "STEPS", "arms_race", "chance_at_least", "copy_check", "generator", "image_set", "imitate",
           "rounds"]
