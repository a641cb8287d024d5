"""Matching: pair each left-hand choice with its right-hand text; each right pair earns its share."""
from __future__ import annotations

from dataclasses import replace
from html import escape

from core.i18n import gettext

from .base import (Fields, ItemType, QtiParts, choice_by_text, normalise, parse_choices, rights_shown, select_inputs,
                   shuffled_choices, split_pair)


def match_hint(lang: str) -> str:
    return gettext(lang, "Match each item with its answer.")


class Matching(ItemType):
    name = "matching"
    schema = {"choices": {"type": "array", "items": {"$ref": "#/$defs/choice"}, "minItems": 2},
              "pairs": {"type": "object", "additionalProperties": {"$ref": "#/$defs/bilingual"}}}
    required = ("choices", "pairs")
    qti_interaction = "matchInteraction"
    scorm_interaction = "matching"
    js = """{
    response: function (inputs) {
      var out = {}, any = false;
      inputs.forEach(function (s) { if (s.value) { out[s.getAttribute("data-choice")] = s.value; any = true; } });
      return any ? out : null;
    },
    restore: function (inputs, r) { inputs.forEach(function (s) { s.value = r[s.getAttribute("data-choice")] || ""; }); },
    fraction: function (k, r) {
      if (r === null || typeof r !== "object" || Array.isArray(r)) { return 0; }
      var lefts = Object.keys(k.pairs), good = 0;
      lefts.forEach(function (l) { if (r[l] === k.pairs[l]) { good++; } });
      return good / lefts.length;
    }
  }"""

    def parse(self, f: Fields) -> dict:
        choices = parse_choices(f)
        ids = {c.id for c in choices}
        pairs = f.raw.get("pairs")
        if not isinstance(pairs, dict) or not pairs:
            raise f.error("pairs must map each left choice id to its right text", "pairs")
        unknown = sorted(set(pairs) - ids)
        if unknown:
            raise f.error(f"pairs names no choice: {', '.join(unknown)}", "pairs")
        matched = tuple((left, f.text(pairs[left], f"pairs.{left}")) for left in [c.id for c in choices] if left in pairs)
        if len(matched) != len(choices):
            raise f.error("every left choice needs its right match", "pairs")
        return {"choices": choices, "pairs": matched}

    def key(self, q) -> dict[str, str]:
        return {left: right for left, right in q.pairs}

    def fraction(self, q, response) -> float:
        if not isinstance(response, dict):
            return 0.0
        return sum(response.get(left) == right for left, right in q.pairs) / len(q.pairs)

    def wrong_response(self, q) -> dict[str, str]:
        rights = [r for _, r in q.pairs]
        return {left: rights[(i + 1) % len(rights)] for i, (left, _) in enumerate(q.pairs)}

    def from_cell(self, q, value: str) -> dict[str, str]:
        """`left=right; ...`, or Moodle's response summary `left -> right; ...` (left by id or text)."""
        out = {}
        for part in value.split(";"):
            if "->" in part:
                left, right = split_pair(q, part, "->")
            elif "=" in part:
                left, right = part.split("=", 1)
            else:
                continue
            out[choice_by_text(q, left)] = right.strip()
        return out

    def shuffle(self, q, rng):
        rights = sorted({r for _, r in q.pairs}, key=lambda r: (normalise(r), r))
        rng.shuffle(rights)
        return replace(shuffled_choices(q, rng), rights=tuple(rights))

    def page_key(self, q) -> dict:
        return {"pairs": self.key(q)}

    def page_inputs(self, q, qid: str, lang: str) -> str:
        rights = rights_shown(q)
        opts = "".join(f'<option value="{escape(r)}">{escape(r)}</option>' for r in rights)
        return (f'<p class="decodia-q__hint">{match_hint(lang)}</p>'
                + select_inputs(q, qid, [escape(c.text) for c in q.choices], opts, gettext(lang, "Choose…")))

    def live_input(self, q, lang: str):
        import ipywidgets as W

        rights = rights_shown(q)
        return W.VBox([W.Dropdown(options=[("—", None)] + [(r, r) for r in rights], description=c.text,
                                  style={"description_width": "initial"}) for c in q.choices])

    def live_response(self, q, widget):
        return {c.id: box.value for c, box in zip(q.choices, widget.children) if box.value}

    def worksheet_lines(self, q, lang: str) -> list[str]:
        rights = rights_shown(q)
        return ([f"  {c.text}  →  ______" for c in q.choices] + [""]
                + [f"     ({chr(65 + i)}) {r}" for i, r in enumerate(rights)])

    def sheet_html(self, q, lang: str) -> str:
        rights = rights_shown(q)
        letters = {r: chr(65 + i) for i, r in enumerate(rights)}
        return (f'<p class="meta">{match_hint(lang)}</p><ul class="choices">'
                + "".join(f'<li>{escape(c.text)} → <span class="blank"></span></li>' for c in q.choices)
                + "</ul><ul class=\"choices\">" + "".join(f"<li>{letters[r]}) {escape(r)}</li>" for r in rights) + "</ul>")

    def answer_text(self, q, lang: str) -> str:
        text = {c.id: c.text for c in q.choices}
        return "; ".join(f"{text[left]} → {right}" for left, right in q.pairs)

    def moodle(self, q, x):
        right = dict(q.pairs)
        # the engine's (seeded) order; Moodle shuffles the answers, which it would otherwise show in order
        return "matching", [x.el("shuffleanswers", "true")] + x.combined_feedback() + [
            x.subquestion(c.text, right[c.id]) for c in q.choices]

    def gift_answers(self, q) -> list[str]:
        from ..export.gift import html, right_side

        right = dict(q.pairs)  # the left items in the engine's (seeded) order
        return [f"={html(c.text)} -> {right_side(right[c.id])}" for c in q.choices]

    def qti(self, q, x) -> QtiParts:
        return x.match_parts(q)
