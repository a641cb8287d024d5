"""Multiple choice with partial credit: (right picks − wrong picks) / right answers, never below zero."""
from __future__ import annotations

from core.i18n import gettext

from .base import Fields, ItemType, QtiParts, at_most_simple, choice_by_text, option_inputs, parse_choices, shuffled_choices
from .single import choice_sheet, gift_choices, with_answer


class Multiple(ItemType):
    name = "multiple"
    schema = {"choices": {"type": "array", "items": {"$ref": "#/$defs/choice"}, "minItems": 2},
              "answer": {"type": "array", "items": {"type": "string"}, "minItems": 1}}
    required = ("choices",)
    qti_interaction = "choiceInteraction"
    scorm_interaction = "choice"
    distractors = True
    keyed_choices = True
    js = """{
    response: function (inputs) { return inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; }); },
    restore: function (inputs, r) { inputs.forEach(function (i) { i.checked = r.indexOf(i.value) >= 0; }); },
    fraction: function (k, r) {
      var picked = (Array.isArray(r) ? r : [r]).filter(function (id, i, all) { return all.indexOf(id) === i; });
      var right = picked.filter(function (id) { return k.correct.indexOf(id) >= 0; }).length;
      return Math.max(0, (right - (picked.length - right)) / k.correct.length);
    }
  }"""

    def parse(self, f: Fields) -> dict:
        choices = with_answer(f, parse_choices(f), single=False)
        if not any(c.correct for c in choices):
            raise f.error(f"a multiple-choice item needs at least one correct choice at level {f.level}", "choices")
        return {"choices": at_most_simple(f, choices)}

    def key(self, q) -> list[str]:
        return sorted(c.id for c in q.choices if c.correct)

    def fraction(self, q, response) -> float:
        picked = set(response if isinstance(response, list) else [response])
        right = {c.id for c in q.choices if c.correct}
        return max(0.0, (len(picked & right) - len(picked - right)) / len(right))

    def wrong_response(self, q) -> list[str]:
        return [c.id for c in q.choices if not c.correct][:1]

    def from_cell(self, q, value: str) -> list[str]:
        return [choice_by_text(q, v) for v in value.split(";") if v.strip()]

    def shuffle(self, q, rng):
        return shuffled_choices(q, rng)

    def page_key(self, q) -> dict:
        return {"correct": self.key(q), "choice_feedback": {c.id: c.feedback for c in q.choices if c.feedback}}

    def page_inputs(self, q, qid: str, lang: str) -> str:
        return option_inputs("checkbox", qid, [(c.id, c.text) for c in q.choices])

    def live_input(self, q, lang: str):
        import ipywidgets as W

        return W.VBox([W.Checkbox(description=c.text, value=False, indent=False) for c in q.choices])

    def live_response(self, q, widget) -> list[str]:
        return [c.id for c, box in zip(q.choices, widget.children) if box.value]

    def worksheet_lines(self, q, lang: str) -> list[str]:
        return [f"  [ ] {c.text}" for c in q.choices]

    def sheet_html(self, q, lang: str) -> str:
        return choice_sheet(q, gettext(lang, "Tick every right answer."))

    def answer_text(self, q, lang: str) -> str:
        return " • ".join(c.text for c in q.choices if c.correct)

    def moodle(self, q, x):
        from ..export import multiple_weights

        right = [c for c in q.choices if c.correct]
        weights, wrong = multiple_weights(len(right), len(q.choices) - len(right))
        grades = {c.id: w for c, w in zip(right, weights)}
        grades.update({c.id: wrong for c in q.choices if not c.correct})
        return "multichoice", x.multichoice(q, grades, single=False)

    def gift_answers(self, q) -> list[str]:
        from ..export import moodle_percent, multiple_weights

        right = [c for c in q.choices if c.correct]
        weights, wrong = multiple_weights(len(right), len(q.choices) - len(right))
        marks = {c.id: f"~%{moodle_percent(w)}%" for c, w in zip(right, weights)}
        marks.update({c.id: f"~%{moodle_percent(wrong)}%" for c in q.choices if not c.correct})
        return gift_choices(q, marks)

    def qti(self, q, x) -> QtiParts:
        return x.choice_parts(q, [(c.id, c.text, c.correct, c.feedback) for c in q.choices], multiple=True)
