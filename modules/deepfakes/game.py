"""The "real or generated?" game: rounds of real and generated images, and what chance would score."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import comb

import numpy as np

from .generator import generator
from .images import image_set

GAME_SIZE = 40          # the mixture that makes the game's fakes: convincing, and not a copier


@dataclass(frozen=True)
class Round:
    images: tuple[tuple[float, ...], ...]
    fake: tuple[bool, ...]
    width: int

    @property
    def fakes(self) -> int:
        return sum(self.fake)


@lru_cache(maxsize=None)
def rounds(name: str = "digits", count: int = 5, per_round: int = 8, seed: int = 0) -> tuple[Round, ...]:
    """`count` rounds of `per_round` images, half real (never seen in training), half generated."""
    if per_round < 2 or per_round % 2:
        raise ValueError("per_round must be an even number of at least 2")
    images = image_set(name)
    rng = np.random.default_rng(seed)
    real = images.held_out[rng.choice(len(images.held_out), size=count * per_round // 2, replace=False)]
    fakes = generator(name, GAME_SIZE).sample(count * per_round // 2, seed=100 + seed, touch="round")
    out = []
    for r in range(count):
        half = per_round // 2
        batch = [(img, False) for img in real[r * half:(r + 1) * half]] + [(img, True) for img in fakes[r * half:(r + 1) * half]]
        order = rng.permutation(per_round)
        out.append(Round(tuple(tuple(float(v) for v in batch[i][0]) for i in order),
                         tuple(batch[i][1] for i in order), images.width))
    return tuple(out)


def chance_at_least(right: int, total: int) -> float:
    """The probability of getting at least `right` of `total` by guessing each one at random (p = ½)."""
    if not 0 <= right <= total:
        raise ValueError("right must be between 0 and total")
    return sum(comb(total, k) for k in range(right, total + 1)) / 2 ** total
