"""The answer key of a module's bank, for the teacher guide (never for student pages)."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from core.i18n import gettext

from .bank import module_bank
from .worksheet import answer_text


@dataclass
class AnswerKey:
    module: str
    lang: str

    def rows(self) -> list[list[str]]:
        bank = module_bank(self.module)
        rows = []
        for item in bank.items:
            q = bank.question(item, self.lang, "standard", seed=1)
            kind = q.type + (" (" + gettext(self.lang, "generated") + ")" if q.generated else "")
            rows.append([q.id, q.objective, kind, q.prompt, answer_text(q, self.lang), q.feedback])
        return rows

    def _repr_mimebundle_(self, include=None, exclude=None):
        lang = self.lang
        answer, feedback = gettext(lang, "Answer:"), gettext(lang, "Feedback:")
        caption = gettext(lang, "Answer key of the item bank (standard-level wording). Generated questions change "
                                "with each set: the example shown is set 1.")
        items = "".join(
            f'<li><p class="decodia-key__meta"><code>{escape(r[0])}</code> · {escape(r[1])} · {escape(r[2])}</p>'
            f"<p>{escape(r[3])}</p><p><strong>{escape(answer)}</strong> {escape(r[4])}</p>"
            + (f'<p class="decodia-key__feedback"><strong>{escape(feedback)}</strong> {escape(r[5])}</p>' if r[5] else "")
            + "</li>" for r in self.rows())
        html = (f'<div class="decodia-answer-key"><p><em>{escape(caption)}</em></p>'
                f"<ol>{items}</ol></div>")
        text = gettext(lang, "Answer key") + "\n\n" + "\n\n".join(
            f"{r[0]} [{r[1]}, {r[2]}]\n{r[3]}\n→ {r[4]}" for r in self.rows())
        return {"text/html": html, "text/plain": text}
