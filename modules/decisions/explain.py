"""One decision explained: which clues weighed, the smallest change that flips it, and a less transparent model
explained by a simple surrogate.

Two models score the same students (`cohort.py`):
- `logistic`: the school's score, a logistic regression; its weights can be read directly;
- `boosted`: gradient boosting (a hundred small trees added together), often a little more accurate and much harder
  to read. It is explained by a surrogate: a decision tree of depth 2 trained to imitate its decisions. The
  surrogate is readable, but it is only an approximation: its agreement with the model is measured, and for some
  students its explanation is simply wrong.

For each clue of one student's file, the explanation says how the score would move if that clue were the average
of the past cohort (the others unchanged), and the counterfactual: the smallest single change of one clue
(fewer days absent, a higher mark, fewer changes of school, the other neighbourhood) that flips the decision.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.tree import DecisionTreeClassifier

from .cohort import FEATURES, THRESHOLD, current, past, score_model

MODELS = ("logistic", "boosted")
SURROGATE_DEPTH = 2
# How far the counterfactual search goes for each clue, and its step.
SEARCH = {"absences": (-1, 40), "mark": (1, 60), "moves": (-1, 5)}
MARGIN = 0.01             # a file chosen to show a flip lands clearly on the other side (not 29.96% shown as 30%)


@lru_cache(maxsize=None)
def boosted() -> GradientBoostingClassifier:
    p = past()
    return GradientBoostingClassifier(n_estimators=100, max_depth=3, random_state=0).fit(p.features(), p.dropout)


def model(name: str):
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}")
    return score_model() if name == "logistic" else boosted()


def score_of(name: str, rows: np.ndarray) -> np.ndarray:
    return model(name).predict_proba(np.atleast_2d(rows).astype(float))[:, 1]


@lru_cache(maxsize=None)
def surrogate() -> DecisionTreeClassifier:
    """A depth-2 tree trained to reproduce the boosted model's decisions (at the threshold) on the past cohort."""
    p = past()
    flags = score_of("boosted", p.features()) >= THRESHOLD
    return DecisionTreeClassifier(max_depth=SURROGATE_DEPTH, random_state=0).fit(p.features(), flags)


@lru_cache(maxsize=None)
def agreement() -> float:
    """Share of this year's students for whom the surrogate gives the same decision as the boosted model."""
    x = current().features()
    return float(np.mean(surrogate().predict(x) == (score_of("boosted", x) >= THRESHOLD)))


@dataclass(frozen=True)
class Condition:
    feature: str
    above: bool               # the student's value is above the split (else at or below)
    split: float


def surrogate_path(row: np.ndarray) -> tuple[list[Condition], bool]:
    """The surrogate's rule for one file: the conditions it tests, and the decision it gives (flagged or not)."""
    tree = surrogate().tree_
    node, path = 0, []
    while tree.children_left[node] != -1:
        f, split = tree.feature[node], tree.threshold[node]
        above = row[f] > split
        path.append(Condition(FEATURES[f], bool(above), float(split)))
        node = tree.children_right[node] if above else tree.children_left[node]
    return path, bool(np.argmax(tree.value[node][0]) == 1)


@dataclass(frozen=True)
class Change:
    """The smallest change of one clue that flips the decision, or None if no change in range does."""

    feature: str
    new_value: float | None
    delta: float | None
    score: float | None       # the score after the change


@dataclass(frozen=True)
class Explanation:
    name: str
    student: int              # index in this year's cohort
    values: dict              # clue -> value
    score: float
    flagged: bool
    if_average: dict          # clue -> the score if this clue were the past cohort's average
    weights: dict | None      # clue -> learned weight (logistic only)
    changes: list             # Change per clue
    surrogate_rule: list | None   # Conditions (boosted only)
    surrogate_flagged: bool | None
    agreement: float | None

    @property
    def smallest(self) -> Change | None:
        """The change that moves the file least, measured in standard deviations of each clue in the past cohort
        (switching neighbourhood counts as one)."""
        spread = {f: float(s) for f, s in zip(FEATURES, past().features().std(axis=0))}
        possible = [c for c in self.changes if c.delta is not None]
        size = lambda c: 1.0 if c.feature == "area" else abs(c.delta) / spread[c.feature]
        return min(possible, key=size, default=None)


def _change(name: str, row: np.ndarray, feature: str, flagged: bool) -> Change:
    j = FEATURES.index(feature)
    if feature == "area":
        candidates = [1 - row[j]]
    else:
        step, reach = SEARCH[feature]
        if not flagged:
            step = -step          # an unflagged file flips the other way
        candidates = [row[j] + step * k for k in range(1, reach + 1)]
        low, high = (0, 100) if feature == "mark" else (0, np.inf)
        candidates = [v for v in candidates if low <= v <= high]
    for v in candidates:
        other = row.copy()
        other[j] = v
        s = float(score_of(name, other)[0])
        if (s >= THRESHOLD) != flagged:
            return Change(feature, float(v), float(v - row[j]), s)
    return Change(feature, None, None, None)


def explain(name: str, student: int) -> Explanation:
    row = current().features()[student]
    s = float(score_of(name, row)[0])
    flagged = s >= THRESHOLD
    mean = past().features().mean(axis=0)
    if_average = {}
    for j, f in enumerate(FEATURES):
        other = row.copy()
        other[j] = mean[j]
        if_average[f] = float(score_of(name, other)[0])
    weights = dict(zip(FEATURES, map(float, score_model().coef_[0]))) if name == "logistic" else None
    rule, sur = surrogate_path(row) if name == "boosted" else (None, None)
    return Explanation(name, student, dict(zip(FEATURES, map(float, row))), s, flagged, if_average, weights,
                       [_change(name, row, f, flagged) for f in FEATURES], rule, sur,
                       agreement() if name == "boosted" else None)


@lru_cache(maxsize=None)
def files() -> tuple[int, ...]:
    """Four students of this year's cohort whose files make the point, chosen by rule (not by hand):
    1. flagged, in neighbourhood A, and at least three different single changes would remove the flag;
    2. flagged, and moving to neighbourhood A alone would remove the flag (the proxy at work);
    3. not flagged, just below the threshold, and will drop out (a student the score misses);
    4. flagged by the boosted model, while its surrogate says "not flagged" (the explanation is wrong for this file).
    """
    c = current()
    s = score_of("logistic", c.features())
    boost = score_of("boosted", c.features())
    order = np.argsort(np.abs(s - THRESHOLD - 0.08), kind="stable")    # files a little above the threshold first
    first = next(int(i) for i in order if s[i] >= THRESHOLD and c.area[i] == 0
                 and sum(ch.delta is not None for ch in explain("logistic", int(i)).changes) >= 3)
    second = next(int(i) for i in order if s[i] >= THRESHOLD and c.area[i] == 1
                  and (explain("logistic", int(i)).changes[3].score or 1) < THRESHOLD - MARGIN)
    third = next(int(i) for i in np.argsort(THRESHOLD - s, kind="stable")
                 if s[i] < THRESHOLD and c.dropout[i] and THRESHOLD - s[i] < 0.1)
    x = c.features()
    sur = surrogate().predict(x)
    fourth = next(int(i) for i in np.argsort(-boost, kind="stable")
                  if boost[i] >= THRESHOLD and not sur[i] and int(i) not in (first, second, third))
    return first, second, third, fourth
