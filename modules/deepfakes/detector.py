"""The detection arms race, measured live.

A detector (gradient-boosted trees on the pixels) learns to tell real images from generated ones.
Then the forger changes something simple, and the same detector is tested again:

- `trained_on`: which fakes the detector learned from: straight from the generator ("none") or
  rounded to whole numbers ("round");
- `judged`: which fakes it must now judge: "none", "round", or "filtered": rounded fakes that the
  forger first ran through this very detector, keeping only those it calls real. A detector anyone
  can use is also a forger's tool.

Accuracy is measured on held-out real images and as many new fakes, never seen in training.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from .generator import DEFAULT_SIZE, generator
from .images import image_set

TRAINED_ON = ("none", "round")
JUDGED = ("none", "round", "filtered")


@dataclass(frozen=True)
class Verdicts:
    real_kept: int       # real images judged real
    real_total: int
    fakes_caught: int    # fakes judged generated
    fakes_total: int
    fakes_made: int      # fakes the forger generated to get these (more than fakes_total when filtered)

    @property
    def accuracy(self) -> float:
        return (self.real_kept + self.fakes_caught) / (self.real_total + self.fakes_total)

    @property
    def caught_rate(self) -> float:
        return self.fakes_caught / self.fakes_total


@lru_cache(maxsize=None)
def detector(name: str = "digits", trained_on: str = "none", size: int = DEFAULT_SIZE) -> HistGradientBoostingClassifier:
    if trained_on not in TRAINED_ON:
        raise ValueError(f"unknown training fakes {trained_on!r}: expected one of {', '.join(TRAINED_ON)}")
    real = image_set(name).train
    fakes = generator(name, size).sample(len(real), seed=1, touch=trained_on)
    model = HistGradientBoostingClassifier(max_iter=100, random_state=0)
    return model.fit(np.vstack([real, fakes]), np.r_[np.zeros(len(real)), np.ones(len(fakes))])


MAX_TRIES = 200     # the filtering forger makes at most this many fakes per fake it keeps


def fakes_for(name: str, judged: str, trained_on: str, n: int, size: int = DEFAULT_SIZE) -> tuple[np.ndarray, int]:
    """`n` fakes of the kind `judged`, and how many the forger generated to get them.

    Filtering keeps only fakes the detector calls real; if even `MAX_TRIES * n` tries do not yield
    `n`, fewer are returned (never padded with fakes that did not pass).
    """
    if judged not in JUDGED:
        raise ValueError(f"unknown fakes {judged!r}: expected one of {', '.join(JUDGED)}")
    gen = generator(name, size)
    if judged != "filtered":
        return gen.sample(n, seed=2, touch=judged), n
    model = detector(name, trained_on, size)
    kept, made = [], 0
    for seed in range(3, 3 + MAX_TRIES // 10):
        pool = gen.sample(10 * n, seed=seed, touch="round")
        made += len(pool)
        passed = pool[model.predict(pool) == 0]
        kept.append(passed)
        if sum(map(len, kept)) >= n:
            made -= int(len(pool) * (sum(map(len, kept)) - n) / max(len(passed), 1))
            break
    return np.vstack(kept)[:n], made


@lru_cache(maxsize=None)
def arms_race(name: str = "digits", trained_on: str = "none", judged: str = "none",
              size: int = DEFAULT_SIZE) -> Verdicts:
    """The detector trained on `trained_on` fakes, judging held-out real images and `judged` fakes."""
    real = image_set(name).held_out
    fakes, made = fakes_for(name, judged, trained_on, len(real), size)
    model = detector(name, trained_on, size)
    return Verdicts(int((model.predict(real) == 0).sum()), len(real), int((model.predict(fakes) == 1).sum()), len(fakes),
                    made)


STEPS = {1: ("none", "none"), 2: ("none", "round"), 3: ("round", "round"), 4: ("round", "filtered")}
"""The race, step by step: the detector learns; the forger rounds; the detector relearns; the forger filters."""
