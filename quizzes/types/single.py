"""Single choice: one right answer among the choices (radio buttons)."""
from __future__ import annotations

from html import escape

from core.i18n import gettext

from .base import (Fields, ItemType, QtiParts, at_most_simple, choice_by_text, option_inputs, parse_choices,
                   shuffled_choices)


class Single(ItemType):
    name = "single"
    schema = {"choices": {"type": "array", "items": {"$ref": "#/$defs/choice"}, "minItems": 2},
              "answer": {"type": ["string", "array"], "items": {"type": "string"}}}
    required = ("choices",)
    qti_interaction = "choiceInteraction"
    scorm_interaction = "choice"
    distractors = True
    keyed_choices = True
    single_key = True
    js = """{
    response: function (inputs) { var on = inputs.filter(function (i) { return i.checked; })[0]; return on ? on.value : null; },
    restore: function (inputs, r) { inputs.forEach(function (i) { i.checked = i.value === r; }); },
    fraction: function (k, r) { return k.correct.indexOf(r) >= 0 ? 1 : 0; },
    feedback: function (k, r) { return (k.choice_feedback && k.choice_feedback[r]) || ""; }
  }"""

    def parse(self, f: Fields) -> dict:
        choices = with_answer(f, parse_choices(f), single=True)
        right = [c for c in choices if c.correct]
        if len(right) != 1:
            raise f.error(f"a single-choice item needs exactly one correct choice at level {f.level}, "
                          f"found {len(right)}", "choices")
        return {"choices": at_most_simple(f, choices)}

    def key(self, q) -> str:
        return next(c.id for c in q.choices if c.correct)

    def fraction(self, q, response) -> float:
        # Right when the chosen id is the correct choice's (ids are unique): one pass, no key lookup.
        return 1.0 if isinstance(response, str) and any(c.correct and c.id == response for c in q.choices) else 0.0

    def feedback(self, q, response) -> str:
        chosen = next((c for c in q.choices if c.id == response), None) if isinstance(response, str) else None
        return (chosen.feedback if chosen and chosen.feedback else "") or q.feedback

    def wrong_response(self, q) -> str:
        return next(c.id for c in q.choices if not c.correct)

    def from_cell(self, q, value: str) -> str:
        return choice_by_text(q, value)

    def shuffle(self, q, rng):
        return shuffled_choices(q, rng)

    def page_key(self, q) -> dict:
        return {"correct": sorted(c.id for c in q.choices if c.correct),
                "choice_feedback": {c.id: c.feedback for c in q.choices if c.feedback}}

    def page_inputs(self, q, qid: str, lang: str) -> str:
        return option_inputs("radio", qid, [(c.id, c.text) for c in q.choices])

    def live_input(self, q, lang: str):
        import ipywidgets as W

        return W.RadioButtons(options=[(c.text, c.id) for c in q.choices], value=None, layout={"width": "auto"})

    def live_response(self, q, widget):
        return widget.value

    def worksheet_lines(self, q, lang: str) -> list[str]:
        return [f"  [ ] {c.text}" for c in q.choices]

    def sheet_html(self, q, lang: str) -> str:
        return choice_sheet(q, gettext(lang, "Tick one answer."))

    def answer_text(self, q, lang: str) -> str:
        return " • ".join(c.text for c in q.choices if c.correct)

    def moodle(self, q, x):
        return "multichoice", x.multichoice(q, {c.id: (1.0 if c.correct else 0.0) for c in q.choices}, single=True)

    def gift_answers(self, q) -> list[str]:
        return gift_choices(q, {c.id: "=" if c.correct else "~" for c in q.choices})

    def qti(self, q, x) -> QtiParts:
        return x.choice_parts(q, [(c.id, c.text, c.correct, c.feedback) for c in q.choices], multiple=False)


# -- shared with multiple choice --------------------------------------------------------------------------

def with_answer(f: Fields, choices: tuple, single: bool) -> tuple:
    """`answer: <id>` (or a list of ids) marks the right choices, instead of `correct: true` on each."""
    from ..model import Choice

    answer = f.raw.get("answer")
    if answer is None:
        return choices
    names = answer if isinstance(answer, list) else [answer]
    ids = {c.id for c in choices}
    unknown = [a for a in names if a not in ids]
    if unknown:
        raise f.error(f"the answer names no choice: {', '.join(map(str, unknown))}", "answer")
    if single and len(names) != 1:
        raise f.error("a single-choice answer names exactly one choice", "answer")
    return tuple(Choice(c.id, c.text, c.id in names, c.feedback) for c in choices)


def choice_sheet(q, hint: str) -> str:
    return (f'<p class="meta">{hint}</p><ul class="choices">'
            + "".join(f'<li><span class="box"></span>{escape(c.text)}</li>' for c in q.choices) + "</ul>")


def gift_choices(q, marks: dict[str, str]) -> list[str]:
    from ..export.gift import html

    return [f"{marks[c.id]}{html(c.text)}" + (f"#{html(c.feedback)}" if c.feedback else "") for c in q.choices]
