"""Grading one response to one question, identically in Python and in the page's JavaScript.

Each item type grades its own responses (`quizzes/types/`): multiple choice scores (right picks − wrong
picks) / right answers, never below zero; ordering the share of items in the right place; matching the
share of right pairs; short text is compared after normalising case, accents, spaces and apostrophes.
The page runs the same rules in JavaScript; `tests/data/grading-cases.yaml` holds the cases both must agree on.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Question
from .types import normalise  # noqa: F401  (one normalisation for grading, exports and `decodia grade`)
from .types.base import Response


@dataclass(frozen=True)
class Score:
    points: float
    max_points: float
    feedback: str = ""

    @property
    def fraction(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0

    @property
    def correct(self) -> bool:
        return math.isclose(self.points, self.max_points)


def unanswered(response: Response) -> bool:
    return response is None or response == "" or response == [] or response == {}


def fraction_right(q: Question, response: Response) -> float:
    """Share of the item's points earned by `response` (0 when unanswered or malformed)."""
    return 0.0 if unanswered(response) else q.kind.fraction(q, response)


def grade(q: Question, response: Response) -> Score:
    kind = q.kind
    fraction = 0.0 if unanswered(response) else kind.fraction(q, response)
    return Score(round(fraction * q.points, 6), q.points, kind.feedback(q, response))


def wrong_response(q: Question) -> Response:
    """A response that is not fully right, for tests and previews."""
    return q.kind.wrong_response(q)
