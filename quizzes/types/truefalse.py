"""True or false."""
from __future__ import annotations

from core.i18n import gettext

from .base import Fields, ItemType, QtiParts, normalise, option_inputs

WORDS = {"true": True, "vrai": True, "false": False, "faux": False}


class TrueFalse(ItemType):
    name = "truefalse"
    schema = {"answer": {"type": "boolean"}}
    required = ("answer",)
    qti_interaction = "choiceInteraction"
    scorm_interaction = "true-false"
    distractors = True
    gift_inline = True
    js = """{
    response: function (inputs) { var on = inputs.filter(function (i) { return i.checked; })[0]; return on ? on.value : null; },
    restore: function (inputs, r) { inputs.forEach(function (i) { i.checked = i.value === String(r); }); },
    fraction: function (k, r, h) {
      var words = { "true": true, "vrai": true, "false": false, "faux": false };
      var value = typeof r === "boolean" ? r : words[h.normalise(r)];
      return value === k.answer ? 1 : 0;
    }
  }"""

    def parse(self, f: Fields) -> dict:
        if not isinstance(f.raw.get("answer"), bool):
            raise f.error("a true/false item needs answer: true or answer: false", "answer")
        return {"answer": f.raw["answer"]}

    def key(self, q) -> bool:
        return bool(q.answer)

    def fraction(self, q, response) -> float:
        value = response if isinstance(response, bool) else WORDS.get(normalise(response))
        return 1.0 if value is q.answer else 0.0

    def wrong_response(self, q) -> bool:
        return not q.answer

    def page_key(self, q) -> dict:
        return {"answer": q.answer}

    def page_inputs(self, q, qid: str, lang: str) -> str:
        return option_inputs("radio", qid, [("true", gettext(lang, "True")), ("false", gettext(lang, "False"))])

    def live_input(self, q, lang: str):
        import ipywidgets as W

        return W.RadioButtons(options=[(gettext(lang, "True"), True), (gettext(lang, "False"), False)], value=None)

    def live_response(self, q, widget):
        return widget.value

    def worksheet_lines(self, q, lang: str) -> list[str]:
        true, false = gettext(lang, "True"), gettext(lang, "False")
        return [f"  [ ] {true}    [ ] {false}"]

    def sheet_html(self, q, lang: str) -> str:
        true, false = gettext(lang, "True"), gettext(lang, "False")
        return (f'<ul class="choices"><li><span class="box"></span>{true}</li>'
                f'<li><span class="box"></span>{false}</li></ul>')

    def answer_text(self, q, lang: str) -> str:
        return gettext(lang, "True") if q.answer else gettext(lang, "False")

    def moodle(self, q, x):
        return "truefalse", [x.answer(100 if value is q.answer else 0, "true" if value else "false", html=False,
                                      feedback="") for value in (True, False)]

    def gift_answers(self, q) -> list[str]:
        return ["T" if q.answer else "F"]

    def qti(self, q, x) -> QtiParts:
        true, false = gettext(q.lang, "True"), gettext(q.lang, "False")
        return x.choice_parts(q, [("true", true, q.answer is True, ""), ("false", false, q.answer is False, "")],
                              multiple=False, ids={"true": "TRUE", "false": "FALSE"})
