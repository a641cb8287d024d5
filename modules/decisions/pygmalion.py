"""The label that changes the outcome: a simulation over several terms.

The school scores this year's cohort (`cohort.py`) at the start and again after each term; a student whose score
reaches the threshold is flagged "at risk". What the school does with the label changes the student's marks,
and marks change the real chance of dropping out:
- `help`: tutoring and attention; each term a flagged student's average rises by `effect` points. The prediction
  prevents itself: fewer flagged students drop out than the score predicted.
- `expect`: lower expectations (easier work, less attention, the Pygmalion effect turned the wrong way); each term
  a flagged student's average falls by `effect` points. The prediction fulfils itself: more flagged students
  drop out, more students are flagged, and the score looks more accurate than it is.
- `ignore`: nobody acts on the label (the comparison).

The size of the effect is a parameter the learner chooses, in points of average per term. These values are
illustrative, not measured: studies of teacher expectations find real but generally small effects, larger for
disadvantaged students (source `jussim-harber-2005`). Each student keeps the same chance draws in every scenario,
so the differences come from the label alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .cohort import TERMS, THRESHOLD, current, dropout_probability, score_model

RESPONSES = ("help", "expect", "ignore")
EFFECTS = [1, 2, 4]       # points of average per term while flagged (illustrative, see the module docstring)
EFFECT = 2


@dataclass(frozen=True)
class Term:
    term: int
    flagged_now: int                  # students flagged at the start of this term (still in school)
    dropouts_flagged: int             # dropouts so far among the students flagged at the start (term 0)
    dropouts_others: int              # dropouts so far among the others


@dataclass(frozen=True)
class Run:
    response: str
    effect: int
    first_flagged: int                # students flagged at the start
    predicted: float                  # dropouts the score predicted among them (sum of their scores)
    terms: list                       # Term for 0 .. TERMS

    @property
    def dropouts_flagged(self) -> int:
        return self.terms[-1].dropouts_flagged

    @property
    def per_100(self) -> list[float]:
        """Dropouts so far per 100 students flagged at the start, term by term."""
        return [100 * t.dropouts_flagged / self.first_flagged for t in self.terms]

    @property
    def hit_rate(self) -> float:
        """Share of the students flagged at the start who dropped out: how right the score looks afterwards."""
        return self.dropouts_flagged / self.first_flagged


@lru_cache(maxsize=None)
def simulate(response: str = "expect", effect: int = EFFECT, threshold: float = THRESHOLD) -> Run:
    if response not in RESPONSES:
        raise ValueError(f"unknown response {response!r}")
    c, model = current(), score_model()
    mark = c.mark.astype(float).copy()
    rng = np.random.default_rng(7)
    luck = rng.random((TERMS, len(c)))            # the same draws for every response and effect
    sign = {"help": 1, "expect": -1, "ignore": 0}[response]
    in_school = np.ones(len(c), dtype=bool)
    dropped = np.zeros(len(c), dtype=bool)

    def score(m):
        return model.predict_proba(np.column_stack([c.absences, m, c.moves, c.area]).astype(float))[:, 1]

    first_scores = score(mark)
    first = first_scores >= threshold
    terms = [Term(0, int(first.sum()), 0, 0)]
    flagged = first.copy()
    for t in range(TERMS):
        mark = np.clip(mark + sign * effect * (flagged & in_school), 0, 100)
        # the two-year chance, spread evenly over the terms
        hazard = 1 - (1 - dropout_probability(c.absences, mark, c.moves)) ** (1 / TERMS)
        leaving = in_school & (luck[t] < hazard)
        dropped |= leaving
        in_school &= ~leaving
        flagged = (score(mark) >= threshold) & in_school
        terms.append(Term(t + 1, int(flagged.sum()), int((dropped & first).sum()), int((dropped & ~first).sum())))
    return Run(response, effect, int(first.sum()), float(first_scores[first].sum()), terms)
