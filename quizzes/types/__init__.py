"""The item types: one file each, behind one registry.

`item_type(name)` gives the object that knows everything about a type (see `base.ItemType`); `TYPES` lists
their names in a fixed order; `script()` is the page's JavaScript registry of the types' grading pieces.
To add a type: write `quizzes/types/<name>.py` with an `ItemType` subclass, add it to `_CLASSES` below, and
add its cases to `tests/data/grading-cases.yaml` (the JS and Python graders are both run on them).
"""
from __future__ import annotations

from .base import Fields, ItemType, QtiParts, normalise, to_number
from .matching import Matching
from .multiple import Multiple
from .numeric import Numeric
from .ordering import Ordering
from .single import Single
from .text import Text
from .truefalse import TrueFalse

_CLASSES = (Single, Multiple, TrueFalse, Numeric, Text, Ordering, Matching)
REGISTRY: dict[str, ItemType] = {cls.name: cls() for cls in _CLASSES}
TYPES = tuple(REGISTRY)

# The helpers every type's JavaScript may use (the third argument of `fraction`): the same rules as
# `normalise` and `to_number` in base.py.
_HELPERS = r"""{
    normalise: function (text) {
      return String(text).replace(/[\u2019\u2018]/g, "'").toLowerCase().normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
    },
    number: function (value) {
      if (typeof value === "boolean") { return null; }
      if (typeof value === "number") { return value; }
      var t = String(value).replace(/\s/g, "").replace(/,/g, ".");
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null;
    }
  }"""


def item_type(name: str) -> ItemType:
    try:
        return REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown item type {name!r}; expected one of {', '.join(TYPES)}") from None


def script() -> str:
    """`decodia-quiz-types.js`: each type's response, restore and fraction functions, for the page's grader."""
    body = ",\n  ".join(f'"{name}": {t.js}' for name, t in REGISTRY.items())
    return ("/* Décodia quiz item types, written from quizzes/types/*.py: one entry per type. */\n"
            f"window.DecodiaQuizHelpers = {_HELPERS};\n"
            f"window.DecodiaQuizTypes = {{\n  {body}\n}};\n")


__all__ = ["Fields", "ItemType", "QtiParts", "REGISTRY", "TYPES", "item_type", "normalise", "script", "to_number"]
