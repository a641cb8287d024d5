"""The images the generator learns from: real handwritten digits, and faces drawn in code.

- `digits`: scikit-learn's `load_digits` (1,797 real handwritten digits, 8 × 8 pixels, ink 0–16),
  which ships with scikit-learn: nothing is downloaded;
- `faces`: cartoon faces drawn by `draw_face` from a few random features (face shape, eyes,
  eyebrows, mouth, hair), 16 × 16 pixels, ink 0–16 like the digits. No real person's photo is
  ever used.

Each set is split once into a training part (what the generator learns) and a held-out part
(real images it never saw, for the copy check, the detector and the game).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

INK = 16          # darkest ink, as in load_digits
NAMES = ("digits", "faces")


@dataclass(frozen=True)
class ImageSet:
    name: str
    width: int
    train: np.ndarray      # (n, width * width) floats holding whole numbers 0..16
    held_out: np.ndarray


def _split(name: str, images: np.ndarray, width: int, held_out: int, seed: int) -> ImageSet:
    order = np.random.default_rng(seed).permutation(len(images))
    return ImageSet(name, width, images[order[held_out:]], images[order[:held_out]])


@lru_cache(maxsize=None)
def image_set(name: str) -> ImageSet:
    if name == "digits":
        from sklearn.datasets import load_digits
        return _split(name, load_digits().data.astype(float), 8, 400, seed=0)
    if name == "faces":
        return _split(name, drawn_faces(1500, seed=1), 16, 300, seed=0)
    raise ValueError(f"unknown image set {name!r}: expected one of {', '.join(NAMES)}")


def draw_face(rng: np.random.Generator, width: int = 16, zoom: int = 4) -> np.ndarray:
    """One cartoon face with random features, drawn at `zoom`× and averaged down (smooth edges)."""
    n = width * zoom
    y, x = (np.mgrid[0:n, 0:n] + 0.5) / n          # 0..1, y downwards
    ink = np.zeros((n, n))
    cx = 0.5 + rng.normal(0, 0.02)
    rx, ry = rng.uniform(0.30, 0.40), rng.uniform(0.36, 0.44)
    cy = 0.54
    head = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2
    ink[(head <= 1) & (head >= 0.80)] = 1.0                        # outline
    hair = rng.uniform(0.0, 0.28)                                  # 0: bald, larger: longer fringe
    ink[(head < 1) & (y < cy - ry + hair)] = 0.85
    eye_y = cy + rng.uniform(-0.10, 0.0)
    gap = rng.uniform(0.11, 0.17)
    eye = rng.uniform(0.035, 0.06)
    for side in (-1, 1):
        ex = cx + side * gap
        ink[((x - ex) ** 2 + (y - eye_y) ** 2) <= eye ** 2] = 1.0
        tilt = rng.uniform(-0.06, 0.06) * side
        brow_y = eye_y - rng.uniform(0.08, 0.12) + tilt * (x - ex) / 0.08
        ink[(np.abs(y - brow_y) < 0.018) & (np.abs(x - ex) < 0.07)] = 0.9
    mouth_y = cy + rng.uniform(0.15, 0.22)
    half = rng.uniform(0.08, 0.16)
    smile = rng.uniform(-0.5, 1.0)                                 # < 0 frowns, > 0 smiles
    curve = mouth_y + smile * 0.08 * (((x - cx) / half) ** 2 - 1) * -1
    ink[(np.abs(y - curve) < 0.022) & (np.abs(x - cx) < half)] = 1.0
    small = ink.reshape(width, zoom, width, zoom).mean(axis=(1, 3))
    return np.round(small * INK)


def drawn_faces(count: int, seed: int = 1, width: int = 16) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.stack([draw_face(rng, width).ravel() for _ in range(count)])
