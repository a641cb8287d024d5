"""A number, right within a tolerance; "3,5" and "3.5" and "3 500" are read as people write them."""
from __future__ import annotations

from core.formats import number
from core.i18n import gettext

from .base import Fields, QtiParts, TypedAnswer, to_number


class Numeric(TypedAnswer):
    name = "numeric"
    schema = {"answer": {"type": "number"}, "tolerance": {"type": "number", "minimum": 0}}
    required = ("answer",)
    qti_interaction = "textEntryInteraction"
    scorm_interaction = "numeric"
    numeric = True
    gift_inline = True
    js = """{
    response: function (inputs) { return inputs[0].value.trim() || null; },
    restore: function (inputs, r) { inputs[0].value = r; },
    fraction: function (k, r, h) { var v = h.number(r); return v !== null && Math.abs(v - k.answer) <= k.tolerance + 1e-9 ? 1 : 0; }
  }"""

    def parse(self, f: Fields) -> dict:
        answer, tol = f.raw.get("answer"), f.raw.get("tolerance", 0)
        if not isinstance(answer, (int, float)) or isinstance(answer, bool):
            raise f.error("a numeric item needs a number as its answer", "answer")
        if not isinstance(tol, (int, float)) or isinstance(tol, bool) or tol < 0:
            raise f.error("tolerance must be a number of zero or more", "tolerance")
        return {"answer": float(answer), "tolerance": float(tol)}

    def key(self, q) -> float:
        return float(q.answer)

    def fraction(self, q, response) -> float:
        value = to_number(response)
        return 1.0 if value is not None and abs(value - q.answer) <= q.tolerance + 1e-9 else 0.0

    def wrong_response(self, q) -> float:
        return q.answer + q.tolerance + 1

    def page_key(self, q) -> dict:
        return {"answer": q.answer, "tolerance": q.tolerance}

    def answer_text(self, q, lang: str) -> str:
        tol = " (" + gettext(lang, "tolerance") + f" ± {number(q.tolerance, lang)})" if q.tolerance else ""
        return number(q.answer, lang) + tol

    def moodle(self, q, x):
        from ..export import number as plain

        return "numerical", [x.answer(100, plain(q.answer), html=False, feedback="",
                                      extra=[x.el("tolerance", plain(q.tolerance))]),
                             x.el("unitgradingtype", "0"), x.el("unitpenalty", "0.1000000"),
                             x.el("showunits", "3"), x.el("unitsleft", "0")]

    def gift_answers(self, q) -> list[str]:
        from ..export import number as plain

        return [f"#{plain(q.answer)}:{plain(q.tolerance)}"]

    def qti(self, q, x) -> QtiParts:
        return x.numeric_parts(q)
