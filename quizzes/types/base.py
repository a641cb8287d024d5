"""What every item type is: the interface each file in `quizzes/types/` implements.

An item type owns everything that depends on its kind of answer: the bank fields it reads (its part of the
JSON Schema and their validation), the typed key, grading (the fraction of the points a response earns),
the page HTML and the JavaScript that reads, restores and grades it in the page, the live ipywidget, the
worksheet and answer-key text, the printed sheet, and its Moodle XML, GIFT and QTI 2.1 pieces. Code outside
this package iterates over questions and asks `q.kind` (the question's type object); it never tests a type
name.
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING, Callable, ClassVar

from core.i18n import gettext

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Question

MAX_SIMPLE_CHOICES = 3  # at the simple level, a choice item offers at most this many choices

Response = object  # what a learner gave: the page, the live widget and `decodia grade` all produce these shapes


def normalise(text: str) -> str:
    """Lower case, no accents, one space, plain apostrophes: « L’Élève » and "l'eleve" match."""
    text = unicodedata.normalize("NFD", str(text).replace("’", "'").replace("‘", "'").lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip()


_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def to_number(value: object) -> float | None:
    """A typed number: 3.5, "3,5", " 3 500 " (spaces of any kind) -> a float; anything else -> None.
    The page's JavaScript reads numbers by the same rule (`number` in decodia-quiz.js)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = re.sub(r"\s", "", str(value)).replace(",", ".")
    return float(text) if _DECIMAL.fullmatch(text) else None


class Fields:
    """What `parse` needs from the item being validated: its level and language, text in that language
    (`text(value, field)`), and the error to raise (`error(message, field)`)."""

    def __init__(self, raw: dict, lang: str, level: str, text: Callable, error: Callable):
        self.raw, self.lang, self.level, self.text, self.error = raw, lang, level, text, error


class ItemType:
    """One kind of item. Subclasses set the class attributes and implement the methods below."""

    name: ClassVar[str]
    schema: ClassVar[dict] = {}          # the bank fields of this type (JSON Schema properties)
    required: ClassVar[tuple[str, ...]] = ()
    qti_interaction: ClassVar[str]
    scorm_interaction: ClassVar[str]     # its SCORM interaction type (cmi.interactions.n.type), in packages
    distractors: ClassVar[bool] = False  # responses name choices whose picks the item analysis counts
    keyed_choices: ClassVar[bool] = False  # the learner picks among choices, the right ones marked correct
    single_key: ClassVar[bool] = False     # …and exactly one of them is right
    js: ClassVar[str]                    # a JS object {response(inputs), restore(inputs, r), fraction(k, r)}

    # -- bank ------------------------------------------------------------------------------------------
    def parse(self, f: Fields) -> dict:
        """The type's own fields of a `Question`, validated; raise `f.error(...)` on a bad value."""
        return {}

    # -- answer and grading --------------------------------------------------------------------------
    def key(self, q: "Question"):
        """The right answer, in the shape a response takes."""
        raise NotImplementedError

    def fraction(self, q: "Question", response: Response) -> float:
        """The share of the item's points that `response` earns (0 when unanswered or malformed)."""
        raise NotImplementedError

    def feedback(self, q: "Question", response: Response) -> str:
        return q.feedback

    def wrong_response(self, q: "Question") -> Response:
        """A response that is not fully right, for tests and previews."""
        raise NotImplementedError

    def from_cell(self, q: "Question", value: str) -> Response:
        """A spreadsheet cell of an LMS export as a response (raise ValueError, with the reason, for a cell that
        cannot be read as one response: `decodia grade` rejects it instead of guessing)."""
        return value

    def shuffle(self, q: "Question", rng: random.Random) -> "Question":
        """The question as one variant shows it: its choices in a seeded order (see `assemble`)."""
        return q

    # -- the page ------------------------------------------------------------------------------------
    def page_key(self, q: "Question") -> dict:
        """What the page's JavaScript needs to grade the question (it travels obfuscated)."""
        raise NotImplementedError

    def page_inputs(self, q: "Question", qid: str, lang: str) -> str:
        raise NotImplementedError

    # -- the live kernel -----------------------------------------------------------------------------
    def live_input(self, q: "Question", lang: str):
        raise NotImplementedError

    def live_response(self, q: "Question", widget) -> Response:
        raise NotImplementedError

    # -- paper ---------------------------------------------------------------------------------------
    def worksheet_lines(self, q: "Question", lang: str) -> list[str]:
        raise NotImplementedError

    def sheet_html(self, q: "Question", lang: str) -> str:
        """The room to answer on a printed worksheet."""
        raise NotImplementedError

    def answer_text(self, q: "Question", lang: str) -> str:
        raise NotImplementedError

    # -- LMS exports ---------------------------------------------------------------------------------
    def moodle(self, q: "Question", x) -> tuple[str, list]:
        """(Moodle qtype, the question's type-specific elements), built with `x` (quizzes.export.moodle)."""
        raise NotImplementedError

    def gift_answers(self, q: "Question") -> list[str]:
        raise NotImplementedError

    gift_inline: ClassVar[bool] = False   # the answer goes on the question's line ({T}, {#3:0.5})
    gift_note: ClassVar[str] = ""         # a // comment written above the question
    moodle_since: ClassVar[str] = "4.0"   # the first Moodle whose core imports `moodle()`'s question type

    def qti(self, q: "Question", x) -> "QtiParts":
        """The item's response declaration, interaction, response processing and choice feedback, built
        with `x` (quizzes.export.qti)."""
        raise NotImplementedError


class QtiParts:
    def __init__(self, declaration, body, processing, choice_feedback: dict[str, str] | None = None,
                 feeds_response: bool = False):
        self.declaration, self.body, self.processing = declaration, body, processing
        self.choice_feedback = choice_feedback or {}
        self.feeds_response = feeds_response


# -- pieces that several types share ---------------------------------------------------------------------

def parse_choices(f: Fields) -> tuple:
    """The item's choices offered at this level, each (id, text, correct, feedback)."""
    from ..model import Choice

    raw_choices = f.raw.get("choices")
    if not isinstance(raw_choices, list) or len(raw_choices) < 2:
        raise f.error("needs a list of at least two choices", "choices")
    choices, seen = [], set()
    for i, c in enumerate(raw_choices):
        fld = f"choices[{i}]"
        if not isinstance(c, dict) or not isinstance(c.get("id"), str):
            raise f.error("each choice needs an id and a text", fld)
        if c["id"] in seen:
            raise f.error(f"choice id '{c['id']}' is used twice", fld)
        seen.add(c["id"])
        levels = c.get("levels")
        if levels is not None and f.level not in levels:
            continue  # this choice is not offered at this level
        choices.append(Choice(c["id"], f.text(c.get("text"), f"{fld}.text"), bool(c.get("correct", False)),
                              f.text(c["feedback"], f"{fld}.feedback") if c.get("feedback") else ""))
    return tuple(choices)


def at_most_simple(f: Fields, choices: tuple) -> tuple:
    """Choices a learner picks among are at most MAX_SIMPLE_CHOICES at the simple level."""
    if f.level == "simple" and len(choices) > MAX_SIMPLE_CHOICES:
        raise f.error(f"the simple level offers at most {MAX_SIMPLE_CHOICES} choices, found {len(choices)} "
                      f"(mark the others with levels: [standard, advanced])", "choices")
    return choices


def shuffled_choices(q: "Question", rng: random.Random) -> "Question":
    choices = list(q.choices)
    rng.shuffle(choices)
    return replace(q, choices=tuple(choices))


def rights_shown(q: "Question") -> list[str]:
    """A matching's right-hand texts in the order shown: the variant's shuffled order, else alphabetical."""
    return list(q.rights) or sorted({r for _, r in q.pairs}, key=lambda r: (normalise(r), r))


def choice_by_text(q: "Question", value: str) -> str:
    """A choice named in a cell by its id or by its text."""
    value = value.strip()
    if value in {c.id for c in q.choices}:
        return value
    return {normalise(c.text): c.id for c in q.choices}.get(normalise(value), value)


def split_pair(q: "Question", part: str, sep: str) -> tuple[str, str]:
    """`left <sep> right` where the left text may itself hold `sep`: split after the choice it starts with."""
    text = normalise(part)
    for c in sorted(q.choices, key=lambda c: -len(c.text)):
        head = normalise(c.text)
        if text.startswith(head) and text[len(head):].lstrip().startswith(sep):
            return c.id, part.split(sep, c.text.count(sep) + 1)[-1]
    left, right = part.split(sep, 1)
    return left, right


def option_inputs(kind: str, qid: str, options) -> str:
    return "".join(f'<div class="decodia-q__option"><input type="{kind}" id="{qid}-{cid}" name="{qid}" '
                   f'value="{escape(cid)}"><label for="{qid}-{cid}">{escape(text)}</label></div>'
                   for cid, text in options)


class TypedAnswer(ItemType):
    """A type whose learner types the answer in one box (a number, a short text): one input in the page and
    the live kernel, one line on paper."""

    numeric: ClassVar[bool] = False   # the box asks a phone for its number keyboard

    def page_inputs(self, q: "Question", qid: str, lang: str) -> str:
        return text_input(qid, gettext(lang, "Your answer"), numeric=self.numeric)

    def live_input(self, q: "Question", lang: str):
        import ipywidgets as W

        return W.Text(placeholder=gettext(lang, "Your answer"))

    def live_response(self, q: "Question", widget) -> Response:
        return widget.value.strip() or None

    def worksheet_lines(self, q: "Question", lang: str) -> list[str]:
        return [answer_line(lang)]

    def sheet_html(self, q: "Question", lang: str) -> str:
        return answer_room(lang)


def select_inputs(q: "Question", qid: str, labels, options: str, choose: str) -> str:
    return "".join(f'<div class="decodia-q__option"><label for="{qid}-{c.id}">{label}</label> '
                   f'<select id="{qid}-{c.id}" name="{qid}" data-choice="{escape(c.id)}">'
                   f'<option value="">{choose}</option>{options}</select></div>' for c, label in zip(q.choices, labels))


def answer_line(lang: str) -> str:
    """Where a worksheet's reader writes a typed answer."""
    return "  " + gettext(lang, "Your answer") + ": ______________________________"


def answer_room(lang: str) -> str:
    """The same on a printed sheet."""
    return '<p class="meta">' + gettext(lang, "Your answer") + '</p><span class="line"></span>'


def text_input(qid: str, label: str, numeric: bool) -> str:
    mode = ' inputmode="decimal"' if numeric else ""
    return (f'<div class="decodia-q__option"><label for="{qid}-input">{label}</label> '
            f'<input type="text" id="{qid}-input" name="{qid}" autocomplete="off" spellcheck="false"{mode}></div>')
