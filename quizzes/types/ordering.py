"""Ordering: put the choices in the right order; each item in its right place earns its share."""
from __future__ import annotations

from dataclasses import replace
from html import escape

from core.formats import quoted
from core.i18n import gettext, pgettext

from .base import (Fields, ItemType, QtiParts, choice_by_text, normalise, parse_choices, select_inputs,
                   shuffled_choices, split_pair)


def _prefix(text: str) -> str | None:
    """The normalised start of a text an LMS cut short ("Le mod...", "Le mod…"), or None if it is not cut."""
    for end in ("...", "…"):
        if text.endswith(end) and text[: -len(end)].strip():
            return normalise(text[: -len(end)])
    return None


def order_hint(lang: str) -> str:
    return gettext(lang, "Number them in the right order.")


class Ordering(ItemType):
    name = "ordering"
    schema = {"choices": {"type": "array", "items": {"$ref": "#/$defs/choice"}, "minItems": 2},
              "order": {"type": "array", "items": {"type": "string"}}}
    required = ("choices", "order")
    qti_interaction = "orderInteraction"
    scorm_interaction = "sequencing"
    gift_note = ("// ordering item: written as matching, item -> its position (GIFT's ordering form is read by "
                 "Moodle 4.4+ only, unescaped: see quizzes/export/gift.py).")
    moodle_since = "4.4"   # qtype_ordering is core from Moodle 4.4; `moodle="4.0"` writes matching instead
    js = """{
    response: function (inputs) {
      var ranked = inputs.filter(function (s) { return s.value; })
        .sort(function (a, b) { return Number(a.value) - Number(b.value); });
      return ranked.length === inputs.length ? ranked.map(function (s) { return s.getAttribute("data-choice"); }) : null;
    },
    restore: function (inputs, r) { inputs.forEach(function (s) { s.value = String(r.indexOf(s.getAttribute("data-choice")) + 1); }); },
    fraction: function (k, r) {
      if (!Array.isArray(r)) { return 0; }
      var ok = 0; k.order.forEach(function (id, i) { if (r[i] === id) { ok++; } });
      return ok / k.order.length;
    }
  }"""

    def parse(self, f: Fields) -> dict:
        choices = parse_choices(f)
        ids = {c.id for c in choices}
        order = f.raw.get("order")
        if not isinstance(order, list) or sorted(order) != sorted(ids):
            missing = sorted(set(order or []) - ids) if isinstance(order, list) else []
            raise f.error("order must list every choice id once"
                          + (f"; it names no choice: {', '.join(missing)}" if missing else ""), "order")
        return {"choices": choices, "order": tuple(order)}

    def key(self, q) -> list[str]:
        return list(q.order)

    def fraction(self, q, response) -> float:
        if not isinstance(response, list):
            return 0.0
        return sum(a == b for a, b in zip(response, q.order)) / len(q.order)

    def wrong_response(self, q) -> list[str]:
        return list(reversed(q.order))

    def from_cell(self, q, value: str) -> list[str]:
        """Choice ids or texts in order (`a; b; c` or `a > b > c`); Moodle's response summary of an ordering
        question, each item cut to 10 characters (`Le mod...; Des fr...`); or of an ordering written as
        matching (`item -> 2; item -> 1`). An item cut so short that it could be several raises ValueError."""
        if "->" in value:
            slots = [""] * len(q.order)
            for part in value.split(";"):
                if "->" in part:
                    left, right = split_pair(q, part, "->")
                    cid, pos = choice_by_text(q, left), right.strip()
                    if pos.isdigit() and 1 <= int(pos) <= len(slots) and (not slots[int(pos) - 1]
                                                                           or q.order[int(pos) - 1] == cid):
                        slots[int(pos) - 1] = cid
            return slots
        parts = [v.strip() for v in value.replace(">", ";").split(";") if v.strip()]
        ids = [choice_by_text(q, v) for v in parts]
        known = {c.id for c in q.choices}
        cut = {i: _prefix(v) for i, v in enumerate(parts) if ids[i] not in known and _prefix(v) is not None}
        if cut:
            free = known - set(ids)
            options = {i: {c.id for c in q.choices if normalise(c.text).startswith(p) and c.id in free}
                       for i, p in cut.items()}
            while True:  # an item only one cut text can be gives it away; repeat until nothing changes
                sure = {i: next(iter(o)) for i, o in options.items() if len(o) == 1}
                if not sure:
                    break
                for i, cid in sure.items():
                    ids[i] = cid
                    del options[i]
                for o in options.values():
                    o -= set(sure.values())
            unsure = {i: o for i, o in options.items() if len(o) > 1}
            if unsure:
                i, o = next(iter(unsure.items()))
                text = {c.id: c.text for c in q.choices}
                either = pgettext(q.lang, "between two choices", " or ").join(
                    repr(text[c]) for c in sorted(o, key=list(text).index))
                raise ValueError(gettext(q.lang, "ordering item {item!r} is cut too short to tell which it is "
                                                 "({choices})", item=parts[i], choices=either))
        return ids

    def shuffle(self, q, rng):
        shown = shuffled_choices(q, rng)
        if [c.id for c in shown.choices] == list(q.order):  # never show an ordering already solved
            shown = replace(shown, choices=tuple(reversed(shown.choices)))
        return shown

    def page_key(self, q) -> dict:
        return {"order": list(q.order)}

    def page_inputs(self, q, qid: str, lang: str) -> str:
        positions = "".join(f'<option value="{i}">{i}</option>' for i in range(1, len(q.choices) + 1))
        position = gettext(lang, "Position of")
        labels = [f"{position} {escape(quoted(c.text, lang))}" for c in q.choices]
        return (f'<p class="decodia-q__hint">{order_hint(lang)}</p>'
                + select_inputs(q, qid, labels, positions, gettext(lang, "Choose…")))

    def live_input(self, q, lang: str):
        import ipywidgets as W

        n = len(q.choices)
        return W.VBox([W.Dropdown(options=[("—", None)] + [(str(i), i) for i in range(1, n + 1)],
                                  description=c.text, style={"description_width": "initial"}) for c in q.choices])

    def live_response(self, q, widget):
        ranks = [(box.value, c.id) for c, box in zip(q.choices, widget.children)]
        return [cid for _, cid in sorted(ranks)] if all(r for r, _ in ranks) else None

    def worksheet_lines(self, q, lang: str) -> list[str]:
        return [f"  ___  {c.text}" for c in q.choices]

    def sheet_html(self, q, lang: str) -> str:
        return (f'<p class="meta">{order_hint(lang)}</p><ul class="choices">'
                + "".join(f'<li><span class="blank"></span>{escape(c.text)}</li>' for c in q.choices) + "</ul>")

    def answer_text(self, q, lang: str) -> str:
        text = {c.id: c.text for c in q.choices}
        return " → ".join(text[i] for i in q.order)

    def moodle(self, q, x):
        if x.legacy:  # Moodle 4.0-4.3 has no ordering question: each item matched with its position
            return "matching", [x.el("shuffleanswers", "false")] + x.combined_feedback() + [
                x.subquestion(c.text, str(q.order.index(c.id) + 1)) for c in q.choices]
        text = {c.id: c.text for c in q.choices}
        return "ordering", [x.el("layouttype", "VERTICAL"), x.el("selecttype", "ALL"),
                            x.el("selectcount", str(len(q.order))), x.el("gradingtype", "ABSOLUTE_POSITION"),
                            x.el("showgrading", "SHOW"), x.el("numberingstyle", "none")] + x.combined_feedback() + [
            x.answer(position, text[cid], html=True, feedback=None) for position, cid in enumerate(q.order, 1)]

    def gift_answers(self, q) -> list[str]:
        from ..export.gift import html

        # the items in the engine's shuffled order: Moodle shows matching stems as written
        return [f"={html(c.text)} -> {q.order.index(c.id) + 1}" for c in q.choices]

    def qti(self, q, x) -> QtiParts:
        return x.order_parts(q)
