"""A fictional benefits agency that screens files for fraud, and a model that learns its past.

Everything here is synthetic and clearly fictional. Two groups, A and B, have exactly the same
true fraud rate. The agency's history is not neutral: it investigated group B `bias` times as
often as group A. The label the agency recorded is "fraud found", and fraud is only found where
someone looked, so a model trained on that history learns that B is "riskier".

The features a model may use:
- `group`: the group column itself (A = 0, B = 1);
- `district`: one of six postal districts; most of group B lives in districts 5 and 6, so the
  district carries much of the group information (a proxy);
- `signal`: a noisy score of discrepancies in the file, the only honest clue, equally
  distributed in both groups.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.linear_model import LogisticRegression

SIZE = 30_000          # files per year
SHARE_B = 0.3          # share of group B in the population
FRAUD_RATE = 0.05      # target true fraud rate, the same in both groups
BASE_INVESTIGATED = 0.10   # share of group A's files investigated in the past
CAPACITY = 0.10        # share of files the agency can investigate in a year
DISTRICTS = 6
FEATURE_SETS = {"all": ("group", "district", "signal"), "no-group": ("district", "signal"), "signal": ("signal",)}


@dataclass(frozen=True)
class Population:
    """One year of files: who is who, who really committed fraud, and what the file shows."""

    group: np.ndarray      # 0 = A, 1 = B
    district: np.ndarray   # 0 .. DISTRICTS - 1
    signal: np.ndarray     # discrepancies seen in the file (noisy)
    fraud: np.ndarray      # the truth, which nobody sees without an investigation

    def __len__(self) -> int:
        return len(self.group)

    def features(self, names=FEATURE_SETS["all"]) -> np.ndarray:
        cols = []
        if "group" in names:
            cols.append(self.group[:, None].astype(float))
        if "district" in names:
            cols.append(np.eye(DISTRICTS)[self.district][:, 1:])
        if "signal" in names:
            cols.append(self.signal[:, None])
        return np.hstack(cols)


def population(seed: int = 0, size: int = SIZE, proxy: float = 0.9) -> Population:
    """A year of files. `proxy` is the share of group B living in the last two districts."""
    rng = np.random.default_rng(seed)
    group = (rng.random(size) < SHARE_B).astype(int)
    in_b_area = rng.random(size) < np.where(group == 1, proxy, 0.1)
    district = np.where(in_b_area, rng.integers(DISTRICTS - 2, DISTRICTS, size), rng.integers(0, DISTRICTS - 2, size))
    latent = rng.normal(size=size)
    # fraud depends on the latent irregularity only: the same rate in both groups
    fraud = rng.random(size) < 1 / (1 + np.exp(-(np.log(FRAUD_RATE / (1 - FRAUD_RATE)) - 0.9 + 1.6 * latent)))
    signal = latent + rng.normal(scale=1.0, size=size)
    return Population(group, district, signal, fraud)


def history(pop: Population, bias: float, seed: int = 1) -> np.ndarray:
    """Who the agency investigated in the past: group B `bias` times as often as group A,
    and, within each group, files with more discrepancies a little more often."""
    rng = np.random.default_rng(seed)
    weight = np.where(pop.group == 1, bias, 1.0) * np.exp(0.5 * pop.signal)
    p = BASE_INVESTIGATED * weight / weight[pop.group == 0].mean()
    return rng.random(len(pop)) < np.clip(p, 0, 1)


def found(pop: Population, investigated: np.ndarray) -> np.ndarray:
    """The label the agency records: fraud found. Where nobody looked, nothing was found."""
    return pop.fraud & investigated


def train(pop: Population, labels: np.ndarray, features=FEATURE_SETS["all"], weights=None) -> LogisticRegression:
    model = LogisticRegression(max_iter=500)
    model.fit(pop.features(features), labels, sample_weight=weights)
    return model


def flag(scores: np.ndarray, capacity: float = CAPACITY, group: np.ndarray | None = None) -> np.ndarray:
    """Investigate the files with the highest scores, as many as the agency can handle.
    With `group`, each group gets its own threshold, so that both are flagged at the same rate."""
    k = int(round(capacity * len(scores)))
    if group is None:
        return _top(scores, k)
    chosen = np.zeros(len(scores), dtype=bool)
    for g in (0, 1):
        idx = np.flatnonzero(group == g)
        chosen[idx[_top(scores[idx], int(round(capacity * len(idx))))]] = True
    return chosen


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    chosen = np.zeros(len(scores), dtype=bool)
    chosen[np.argsort(-scores, kind="stable")[:k]] = True
    return chosen


@dataclass(frozen=True)
class GroupStats:
    """What an audit measures for one group."""

    size: int
    fraud_rate: float         # the truth
    selection_rate: float     # share of the group's files flagged
    false_positive_rate: float    # share of honest files flagged
    precision: float          # share of flagged files that really were fraud
    true_positives: int
    false_positives: int
    true_negatives: int
    false_negatives: int


def group_stats(pop: Population, flagged: np.ndarray) -> dict[str, GroupStats]:
    out = {}
    for g, name in ((0, "A"), (1, "B")):
        m = pop.group == g
        f, s = pop.fraud[m], flagged[m]
        tp, fp = int((f & s).sum()), int((~f & s).sum())
        tn, fn = int((~f & ~s).sum()), int((f & ~s).sum())
        out[name] = GroupStats(int(m.sum()), float(f.mean()), float(s.mean()), fp / max(fp + tn, 1),
                               tp / max(tp + fp, 1), tp, fp, tn, fn)
    return out


def ratio(stats: dict[str, GroupStats], measure: str) -> float:
    """B's value divided by A's: 1 means equal treatment; above 1, group B is hit harder."""
    a = getattr(stats["A"], measure)
    return getattr(stats["B"], measure) / a if a else float("inf")


@dataclass(frozen=True)
class Screening:
    bias: float
    features: tuple
    fix: str
    stats: dict
    found_total: int           # frauds the year's investigations really find
    coefficients: dict         # what the model learned, by feature name


FIXES = ("none", "reweighing", "group-thresholds", "random-audits")


@lru_cache(maxsize=64)
def screen(bias: float = 3.0, features: str = "all", fix: str = "none", seed: int = 0) -> Screening:
    """Train on the agency's past, then screen a new year of files.

    `fix` is a mitigation: `reweighing` weighs the training files so that the label no longer
    depends on the group (Kamiran and Calders); `group-thresholds` flags both groups at the same
    rate; `random-audits` trains on the results of investigations drawn at random instead of
    on the biased history.
    """
    if fix not in FIXES:
        raise ValueError(f"unknown fix {fix!r}: choose one of {', '.join(FIXES)}")
    names = FEATURE_SETS[features]
    past = population(seed)
    if fix == "random-audits":
        rng = np.random.default_rng(seed + 7)
        investigated = rng.random(len(past)) < BASE_INVESTIGATED * (1 + (bias - 1) * SHARE_B)
    else:
        investigated = history(past, bias, seed + 1)
    labels = found(past, investigated)
    weights = _reweigh(past.group, labels) if fix == "reweighing" else None
    model = train(past, labels, names, weights)
    year = population(seed + 100)
    scores = model.decision_function(year.features(names))
    flagged = flag(scores, group=year.group if fix == "group-thresholds" else None)
    return Screening(bias, names, fix, group_stats(year, flagged), int((flagged & year.fraud).sum()),
                     _coefficients(model, names))


def _reweigh(group: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Kamiran and Calders' reweighing: weight = P(group) P(label) / P(group, label)."""
    w = np.ones(len(group))
    for g in (0, 1):
        for y in (False, True):
            m = (group == g) & (labels == y)
            if m.any():
                w[m] = (group == g).mean() * (labels == y).mean() / m.mean()
    return w


def _coefficients(model: LogisticRegression, names) -> dict[str, float]:
    coef = model.coef_[0]
    out, i = {}, 0
    for n in names:
        width = DISTRICTS - 1 if n == "district" else 1
        out[n] = float(coef[i] if width == 1 else coef[i:i + width].max())
        i += width
    return out
