"""A fictional school's dropout risk score: a synthetic cohort, a model trained on past dropouts, a threshold.

Everything here is synthetic and clearly fictional, made with fixed seeds so that every number is reproducible.
Each student has four things on file, like the clues a real tool reads (source `csspo-ia`: personal data,
marks, behaviour such as absences):
- `absences`: days absent in the year;
- `mark`: the average mark, out of 100;
- `moves`: changes of school so far;
- `area`: the neighbourhood, 0 = neighbourhood A, 1 = neighbourhood B (less well-off: on average more absences
  and lower marks). It is a proxy: it says nothing about one student, yet the model may use it.

Whether a student drops out depends on the first three only (plus chance): living in B adds no risk of its own.
A logistic regression learns the risk from a past cohort whose outcome is known, then scores this year's cohort.
A student is "flagged" when the score reaches the threshold.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.linear_model import LogisticRegression

# Sizes of the two synthetic cohorts.
PAST_SIZE = 4_000        # the past cohort the model learns from (outcome known)
SIZE = 1_000             # this year's cohort, the one the school scores
SHARE_B = 0.4            # share of students living in neighbourhood B
TERMS = 6                # terms (Québec: "étapes") over which a dropout can happen: two school years
# The synthetic outcome. Illustrative values chosen so that about 1 student in 7 drops out; not measured rates.
DROPOUT_BASE = -2.15     # log-odds of dropping out for an average student
ABSENCE_WEIGHT = 0.12    # per day absent above 8
MARK_WEIGHT = -0.09      # per mark point above 70
MOVE_WEIGHT = 0.45       # per change of school
FEATURES = ("absences", "mark", "moves", "area")
THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]
THRESHOLD = 0.3          # the demos' default threshold


@dataclass(frozen=True)
class Cohort:
    """Students and their files. `dropout` is what will happen (unknown to the school when it scores)."""

    absences: np.ndarray
    mark: np.ndarray
    moves: np.ndarray
    area: np.ndarray
    dropout: np.ndarray
    luck: np.ndarray          # each student's uniform draw, kept so that simulations reuse the same chance

    def __len__(self) -> int:
        return len(self.area)

    def features(self) -> np.ndarray:
        return np.column_stack([self.absences, self.mark, self.moves, self.area]).astype(float)


def dropout_probability(absences, mark, moves) -> np.ndarray:
    """The true chance (over the whole two years) that a student with this file drops out."""
    logit = (DROPOUT_BASE + ABSENCE_WEIGHT * (np.asarray(absences) - 8) + MARK_WEIGHT * (np.asarray(mark) - 70)
             + MOVE_WEIGHT * np.asarray(moves))
    return 1 / (1 + np.exp(-logit))


def cohort(seed: int, size: int) -> Cohort:
    rng = np.random.default_rng(seed)
    area = (rng.random(size) < SHARE_B).astype(int)
    difficulty = rng.normal(size=size) + 0.6 * area            # hidden; B's students face more obstacles
    absences = rng.poisson(np.exp(1.9 + 0.45 * difficulty))
    mark = np.clip(np.round(74 - 6 * difficulty + rng.normal(scale=6, size=size)), 30, 99).astype(int)
    moves = rng.poisson(0.25 + 0.25 * area + 0.3 * (difficulty > 1))
    luck = rng.random(size)
    dropout = luck < dropout_probability(absences, mark, moves)
    return Cohort(absences, mark, moves, area, dropout, luck)


@lru_cache(maxsize=None)
def past() -> Cohort:
    return cohort(1, PAST_SIZE)


@lru_cache(maxsize=None)
def current() -> Cohort:
    return cohort(2, SIZE)


@lru_cache(maxsize=None)
def score_model() -> LogisticRegression:
    """The school's risk score: a logistic regression trained on the past cohort's dropouts."""
    p = past()
    return LogisticRegression(max_iter=1000).fit(p.features(), p.dropout)


def scores(c: Cohort | None = None) -> np.ndarray:
    """The risk score of each student of `c` (this year's cohort by default; a copy, safe to change)."""
    if c is None:
        return _current_scores().copy()
    return score_model().predict_proba(c.features())[:, 1]


@lru_cache(maxsize=None)
def _current_scores() -> np.ndarray:
    return score_model().predict_proba(current().features())[:, 1]


@dataclass(frozen=True)
class Outcome:
    """What one threshold does to this year's cohort."""

    threshold: float
    students: int
    dropouts: int             # students who will drop out
    flagged: int
    caught: int               # flagged and will drop out
    false_alarms: int         # flagged but would not drop out (wrongly flagged)
    missed: int               # will drop out, not flagged
    flagged_share: dict       # area (0/1) -> share of that neighbourhood's students flagged
    wrongly_flagged_share: dict   # area -> share of the neighbourhood's students who would not drop out, flagged
    missed_share: dict        # area -> share of the neighbourhood's dropouts who are missed
    false_alarms_by_area: dict    # area -> count
    missed_by_area: dict      # area -> count

    @property
    def false_alarms_per_100(self) -> float:
        """False alarms per 100 flagged students."""
        return 100 * self.false_alarms / self.flagged if self.flagged else 0.0


@lru_cache(maxsize=None)
def outcome(threshold: float = THRESHOLD) -> Outcome:
    c = current()
    flagged = _current_scores() >= threshold
    d = c.dropout
    by = lambda mask: {a: int((mask & (c.area == a)).sum()) for a in (0, 1)}
    share = lambda mask, among: {a: float((mask & among & (c.area == a)).sum() / max((among & (c.area == a)).sum(), 1))
                                 for a in (0, 1)}
    everyone = np.ones(len(c), dtype=bool)
    return Outcome(threshold, len(c), int(d.sum()), int(flagged.sum()), int((flagged & d).sum()),
                   int((flagged & ~d).sum()), int((~flagged & d).sum()), share(flagged, everyone),
                   share(flagged, ~d), share(~flagged, d), by(flagged & ~d), by(~flagged & d))


def coefficients() -> dict[str, float]:
    """The weight the score model learned for each clue (log-odds per unit)."""
    return dict(zip(FEATURES, score_model().coef_[0]))


WEIGHTS = [1, 2, 3, 5, 10]   # false alarms a group accepts to avoid one missed student (its choice, not a fact)
WEIGHT = 3


def cost(o: Outcome, weight: float) -> float:
    """The errors of one threshold, weighed the way a group chose: each missed student counts `weight` false alarms."""
    return o.false_alarms + weight * o.missed


def weighed_threshold(weight: float) -> float:
    """The threshold (among THRESHOLDS) with the smallest weighed cost; on a tie, the higher threshold."""
    return min(reversed(THRESHOLDS), key=lambda t: cost(outcome(t), weight))
