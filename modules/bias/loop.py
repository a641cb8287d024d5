"""The feedback loop: the model chooses whom to investigate, and learns only from what it finds.

The same fictional households file a claim every year. Each year some of them commit fraud, at
the same true rate in both groups. The agency's first model is trained on its biased history
(group B investigated `bias` times as often). Then, year after year:

1. the model scores this year's files and the agency investigates the highest scores;
2. fraud is found only in the files investigated, and goes into the records;
3. the model is retrained on all the records so far.

The records are the model's view of the world. Fraud found per 100 households grows fastest
where the agency looks most, so the gap between the groups' records widens every year, while the
truth stays equal: each year, about the same share of households commits fraud in both groups.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.linear_model import LogisticRegression

from .screening import BASE_INVESTIGATED, DISTRICTS, FRAUD_RATE, SHARE_B

HOUSEHOLDS = 20_000
CAPACITY = 0.05            # share of files investigated each year
SIGNALS = {"weak": 4.0, "strong": 1.0}   # noise in what a file shows: weak signal = much noise
MAX_ROUNDS = 10


@dataclass(frozen=True)
class Round:
    """One year of the loop."""

    year: int                  # 0 = the agency's history, before any model
    share_b: float             # share of the year's investigations that went to group B
    selection_ratio: float     # B's investigation rate divided by A's
    records: tuple             # (A, B): households with fraud found on record, per 100
    truth: tuple               # (A, B): households that really committed fraud, per 100, average per year so far

    @property
    def gap(self) -> float:
        """How far apart the records are, in households per 100."""
        return self.records[1] - self.records[0]


@lru_cache(maxsize=32)
def feedback_loop(bias: float = 3.0, signal: str = "weak", rounds: int = MAX_ROUNDS, seed: int = 0) -> tuple[Round, ...]:
    """Run the loop for `rounds` years after the history; returns one `Round` per year, history included."""
    if signal not in SIGNALS:
        raise ValueError(f"unknown signal {signal!r}: choose one of {', '.join(SIGNALS)}")
    rng = np.random.default_rng(seed)
    n = HOUSEHOLDS
    group = (rng.random(n) < SHARE_B).astype(int)
    district = np.where(rng.random(n) < np.where(group == 1, 0.9, 0.1),
                        rng.integers(DISTRICTS - 2, DISTRICTS, n), rng.integers(0, DISTRICTS - 2, n))
    propensity = rng.normal(size=n)
    places = np.eye(DISTRICTS)[district][:, 1:]
    logit = np.log(FRAUD_RATE / (1 - FRAUD_RATE)) - 0.9 + 1.6 * propensity
    k = int(round(CAPACITY * n))

    def year_files():
        fraud = rng.random(n) < 1 / (1 + np.exp(-logit))
        shown = propensity + rng.normal(scale=SIGNALS[signal], size=n)
        return fraud, np.column_stack([group, places, shown])

    fraud_years = np.zeros(2)
    on_record = np.zeros(n, dtype=bool)
    xs, ys, out = [], [], []
    for year in range(rounds + 1):
        fraud, x = year_files()
        if year == 0:    # the history: B investigated `bias` times as often, A at the base rate
            p = BASE_INVESTIGATED * np.where(group == 1, bias, 1.0)
            checked = rng.random(n) < p
        else:
            model = LogisticRegression(max_iter=500).fit(np.vstack(xs), np.concatenate(ys))
            checked = np.zeros(n, dtype=bool)
            checked[np.argsort(-model.decision_function(x), kind="stable")[:k]] = True
        found = fraud & checked
        fraud_years += [fraud[group == g].mean() for g in (0, 1)]
        on_record |= found
        xs.append(x)
        ys.append(found)
        rate = [checked[group == g].mean() for g in (0, 1)]
        out.append(Round(year, float(checked[group == 1].sum() / checked.sum()),
                         float(rate[1] / rate[0]) if rate[0] else float("inf"),
                         tuple(float(100 * on_record[group == g].mean()) for g in (0, 1)),
                         tuple(float(100 * f / (year + 1)) for f in fraud_years)))
    return tuple(out)
