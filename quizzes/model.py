"""The item model: what a bank item is, validated field by field.

A bank is `modules/<slug>/quiz.yaml`. Each item is either written out (its text in fr
and en, with level variants where the wording must change) or produced by a generator,
a function `(rng, lang, level) -> dict` in the module's Python code that computes a fresh
variant from the module's live model. Both are checked by `validate_item`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.formats import number_spacing

from .errors import BankError

if TYPE_CHECKING:  # pragma: no cover
    from .types import ItemType

from core.languages import LANGS, LEVELS  # noqa: E402,F401  (the course's, re-exported)
from .types import REGISTRY  # noqa: E402
from .types.base import MAX_SIMPLE_CHOICES  # noqa: E402,F401  (re-exported)


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    """One item as a learner sees it: in one language, at one level, one variant."""

    id: str
    type: str
    points: float
    objective: str
    competencies: dict
    prompt: str
    lang: str
    level: str
    choices: tuple[Choice, ...] = ()
    answer: bool | float | list[str] | None = None  # truefalse: bool; numeric: float; text: accepted answers
    tolerance: float = 0.0
    order: tuple[str, ...] = ()      # ordering: the right order of choice ids
    pairs: tuple[tuple[str, str], ...] = ()  # matching: (left, right) in the right pairing
    table: dict | None = None        # an optional table shown with the prompt (headers, rows)
    images: tuple[dict, ...] = ()    # optional small grey-level images: {label, width, pixels (ink 0-16)}
    feedback: str = ""
    generated: bool = False
    variant: str = ""
    rights: tuple[str, ...] = ()     # matching: the right-hand texts in the order shown (set when shuffled)
    fixed_order: bool = False        # the author's choice order must be kept (never shuffled)

    @property
    def kind(self) -> "ItemType":
        """The object that knows this question's type: its grading, faces and exports (quizzes/types/)."""
        return REGISTRY[self.type]

    @property
    def key(self):
        """The right answer, in the shape a response takes."""
        return self.kind.key(self)

    def to_dict(self) -> dict:
        """A plain, JSON-ready form with a stable key order."""
        d = {
            "id": self.id, "variant": self.variant, "type": self.type, "points": self.points,
            "objective": self.objective, "competencies": self.competencies, "lang": self.lang,
            "level": self.level, "prompt": self.prompt, "generated": self.generated,
            "choices": [vars(c).copy() for c in self.choices], "answer": self.answer,
            "tolerance": self.tolerance, "order": list(self.order), "pairs": [list(p) for p in self.pairs],
            "table": self.table, "feedback": self.feedback,
        }
        if self.images:
            d["images"] = [dict(i) for i in self.images]
        if self.rights:
            d["rights"] = list(self.rights)
        if self.fixed_order:
            d["fixed_order"] = True
        return d


def _images(value: Any, err) -> tuple[dict, ...]:
    """Small square grey-level images shown with the prompt, each {label, width, pixels}."""
    if not isinstance(value, list) or not value:
        raise err("images must be a non-empty list of {label, width, pixels}")
    out = []
    for i, img in enumerate(value):
        if not isinstance(img, dict) or not isinstance(img.get("label"), str) or not img["label"].strip():
            raise err(f"image {i + 1} needs a label")
        width, pixels = img.get("width"), img.get("pixels")
        if not isinstance(width, int) or isinstance(width, bool) or not 2 <= width <= 32:
            raise err(f"image {i + 1}: width must be a whole number from 2 to 32")
        if (not isinstance(pixels, list) or len(pixels) != width * width
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 16 for v in pixels)):
            raise err(f"image {i + 1}: pixels must be width × width numbers from 0 (paper) to 16 (ink)")
        out.append({"label": img["label"], "width": width, "pixels": [int(round(v)) for v in pixels]})
    return tuple(out)


def _text(value: Any, lang: str, level: str, err) -> str:
    """Text in `lang`, possibly with per-level variants: {fr: "...", en: {simple: "...", standard: "..."}}."""
    if not isinstance(value, dict):
        raise err("must give the text in both languages, e.g. {fr: ..., en: ...}")
    if lang not in value or value[lang] in (None, ""):
        raise err(f"the '{lang}' text is missing")
    v = value[lang]
    if isinstance(v, dict):
        if level in v:
            v = v[level]
        elif "standard" in v:
            v = v["standard"]
        else:
            raise err(f"the '{lang}' text has no '{level}' or 'standard' variant")
    if not isinstance(v, str) or not v.strip():
        raise err(f"the '{lang}' text must be non-empty text")
    return number_spacing(v.strip())      # "49,4 %" typed by a writer never breaks before its %


def _clean(value: Any) -> Any:
    """Data without the `__line__` marks the bank reader puts on every mapping."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def validate_item(raw: Any, lang: str, level: str, file: str, line: int | None = None,
                  generated: bool = False, variant: str = "") -> Question:
    """Turn one raw item (from YAML or a generator) into a `Question`, or raise `BankError`."""
    if isinstance(raw, dict):
        line = raw.get("__line__", line)
        raw = _clean(raw)
    item_id = raw.get("id") if isinstance(raw, dict) else None

    def err(message, fld=None):
        return BankError(file, message, line=line, item=item_id, field=fld)

    if not isinstance(raw, dict):
        raise BankError(file, "an item must be a mapping of fields", line=line)
    if not isinstance(item_id, str) or not item_id.strip():
        raise err("every item needs a text id", "id")
    from .types import TYPES, item_type

    kind = raw.get("type")
    if kind not in TYPES:
        raise err(f"unknown type {kind!r}; expected one of {', '.join(TYPES)}", "type")
    points = raw.get("points", 1)
    if not isinstance(points, (int, float)) or isinstance(points, bool) or points <= 0:
        raise err("points must be a positive number", "points")
    objective = raw.get("objective")
    if not isinstance(objective, str) or not objective:
        raise err("every item checks one objective (its id in module.yaml)", "objective")
    comps = raw.get("competencies")
    if not isinstance(comps, dict) or not comps.get("ai4k12") or not comps.get("unesco"):
        raise err("competencies needs an 'ai4k12' big idea and a 'unesco' competency", "competencies")

    def text_of(value, fld):
        return _text(value, lang, level, lambda m: err(m, fld))

    prompt = text_of(raw.get("text"), "text")
    feedback = text_of(raw["feedback"], "feedback") if raw.get("feedback") else ""
    common = dict(id=item_id, type=kind, points=float(points), objective=objective,
                  competencies={k: comps[k] for k in sorted(comps)}, prompt=prompt, lang=lang, level=level,
                  feedback=feedback, generated=generated, variant=variant, table=raw.get("table"))
    if raw.get("fixed_order") is not None:
        if not isinstance(raw["fixed_order"], bool):
            raise err("fixed_order must be true or false", "fixed_order")
        common["fixed_order"] = raw["fixed_order"]
    if raw.get("table") is not None:
        t = raw["table"]
        if not (isinstance(t, dict) and isinstance(t.get("headers"), list) and isinstance(t.get("rows"), list)):
            raise err("a table needs 'headers' and 'rows' lists", "table")
    if raw.get("images") is not None:
        common["images"] = _images(raw["images"], lambda m: err(m, "images"))

    from .types import Fields

    common.update(item_type(kind).parse(Fields(raw, lang, level, text_of, err)))
    return Question(**common)
