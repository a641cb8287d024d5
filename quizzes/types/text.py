"""Short text: right when it matches an accepted answer after normalising case, accents, spaces and
apostrophes (« L’Élève » and "l'eleve" match)."""
from __future__ import annotations

from core.formats import quoted
from core.i18n import gettext
from core.languages import per_language

from .base import Fields, QtiParts, TypedAnswer, normalise


class Text(TypedAnswer):
    name = "text"
    schema = {"answers": per_language({"$ref": "#/$defs/accepted"})}
    required = ("answers",)
    qti_interaction = "textEntryInteraction"
    scorm_interaction = "fill-in"
    js = """{
    response: function (inputs) { return inputs[0].value.trim() || null; },
    restore: function (inputs, r) { inputs[0].value = r; },
    fraction: function (k, r, h) { return k.accepted.indexOf(h.normalise(r)) >= 0 ? 1 : 0; }
  }"""

    def parse(self, f: Fields) -> dict:
        answers = f.raw.get("answers")
        if not isinstance(answers, dict) or not isinstance(answers.get(f.lang), list) or not answers[f.lang]:
            raise f.error(f"a short-text item needs a list of accepted answers in '{f.lang}'", "answers")
        if not all(isinstance(a, str) and a.strip() for a in answers[f.lang]):
            raise f.error("accepted answers must be non-empty text", "answers")
        return {"answer": [a.strip() for a in answers[f.lang]]}

    def key(self, q) -> str:
        return q.answer[0]

    def fraction(self, q, response) -> float:
        return 1.0 if normalise(response) in {normalise(a) for a in q.answer} else 0.0

    def wrong_response(self, q) -> str:
        return "xyzzy"

    def page_key(self, q) -> dict:
        return {"accepted": sorted({normalise(a) for a in q.answer})}

    def answer_text(self, q, lang: str) -> str:
        return gettext(lang, "Accepted answers") + ": " + ", ".join(quoted(a, lang) for a in q.answer)

    def moodle(self, q, x):
        from ..export import accepted_variants

        return "shortanswer", [x.el("usecase", "0")] + [
            x.answer(100, a.replace("*", "\\*"), html=False, feedback="") for a in accepted_variants(q.answer)]

    def gift_answers(self, q) -> list[str]:
        from ..export import accepted_variants
        from ..export.gift import short

        return [short(a) for a in accepted_variants(q.answer)]

    def qti(self, q, x) -> QtiParts:
        return x.text_parts(q)
