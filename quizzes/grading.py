"""Grading one response to one question, identically in Python and in the page's JavaScript.

Partial credit: multiple choice scores (right picks − wrong picks) / right answers, never
below zero; ordering scores the share of items in the right place; matching the share of
right pairs. Short text is compared after normalising case, accents, spaces and apostrophes.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .model import Question


def normalise(text: str) -> str:
    """Lower case, no accents, one space, plain apostrophes: « L’Élève » and "l'eleve" match."""
    text = unicodedata.normalize("NFD", str(text).replace("’", "'").replace("‘", "'").lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip()


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


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def fraction_right(q: Question, response: Any) -> float:
    """Share of the item's points earned by `response` (0 when unanswered or malformed)."""
    if response is None or response == "" or response == []:
        return 0.0
    if q.type == "single":
        return 1.0 if response == q.key else 0.0
    if q.type == "multiple":
        picked = set(response if isinstance(response, list) else [response])
        right = {c.id for c in q.choices if c.correct}
        wrong = {c.id for c in q.choices if not c.correct}
        return max(0.0, (len(picked & right) - len(picked & wrong)) / len(right))
    if q.type == "truefalse":
        value = response if isinstance(response, bool) else {"true": True, "vrai": True, "false": False,
                                                             "faux": False}.get(normalise(response))
        return 1.0 if value is q.answer else 0.0
    if q.type == "numeric":
        value = _number(response)
        return 1.0 if value is not None and abs(value - q.answer) <= q.tolerance + 1e-9 else 0.0
    if q.type == "text":
        return 1.0 if normalise(response) in {normalise(a) for a in q.answer} else 0.0
    if q.type == "ordering":
        if not isinstance(response, list):
            return 0.0
        return sum(a == b for a, b in zip(response, q.order)) / len(q.order)
    if q.type == "matching":
        if not isinstance(response, dict):
            return 0.0
        return sum(response.get(left) == right for left, right in q.pairs) / len(q.pairs)
    raise ValueError(f"unknown item type {q.type!r}")


def grade(q: Question, response: Any) -> Score:
    frac = fraction_right(q, response)
    feedback = q.feedback
    if q.type == "single" and isinstance(response, str):
        chosen = next((c for c in q.choices if c.id == response), None)
        feedback = (chosen.feedback if chosen and chosen.feedback else "") or feedback
    return Score(round(frac * q.points, 6), q.points, feedback)


def wrong_response(q: Question) -> Any:
    """A response that is not fully right, for tests and previews."""
    if q.type == "single":
        return next(c.id for c in q.choices if not c.correct)
    if q.type == "multiple":
        wrong = [c.id for c in q.choices if not c.correct]
        return wrong[:1] or []
    if q.type == "truefalse":
        return not q.answer
    if q.type == "numeric":
        return q.answer + q.tolerance + 1
    if q.type == "text":
        return "xyzzy"
    if q.type == "ordering":
        return list(reversed(q.order))
    if q.type == "matching":
        rights = [r for _, r in q.pairs]
        return {left: rights[(i + 1) % len(rights)] for i, (left, _) in enumerate(q.pairs)}
    raise ValueError(q.type)
