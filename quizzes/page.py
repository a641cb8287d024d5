"""The quiz in the book page (kernel-free face), with its live and print faces.

`SelfCheck(module, lang, level)` displays, in one MIME bundle:
- `text/html`: the quiz graded by our vanilla JS (`static/decodia-quiz.js`); several variants
  precomputed at build time ("New questions" switches between them). The answer key and the
  feedback travel obfuscated, not as plain text in the page source;
- `application/vnd.jupyter.widget-view+json`: the same quiz as an ipywidget in a live kernel;
- `text/plain`: the worksheet of the first variant, for print.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from html import escape

from core.formats import number
from core.i18n import gettext, ngettext
from widgets.faces import three_faces
from widgets.views import image_row

from .assemble import Quiz, assemble
from .bank import module_bank
from .keycode import obfuscate, reveal  # noqa: F401  (reveal: for callers of page.reveal)
from .model import Question

VARIANTS = 3
STATIC = Path(__file__).parent / "static"
TYPES_SCRIPT = "decodia-quiz-types.js"   # written beside decodia-quiz.js in the book's _static


def types_script() -> str:
    """The item types' page pieces (quizzes/types/), which decodia-quiz.js uses to read and grade answers."""
    from .types import script

    return script()


def quiz_script() -> str:
    """Everything a page needs to grade its quizzes, as one script (for self-contained pages)."""
    return types_script() + (STATIC / "decodia-quiz.js").read_text(encoding="utf-8")


def key_of(q: Question) -> dict:
    """What the page needs to grade one question and give its feedback."""
    return {"type": q.type, "points": q.points, "feedback": q.feedback, **q.kind.page_key(q)}


def _table(q: Question) -> str:
    if not q.table:
        return ""
    head = "".join(f'<th scope="col">{escape(str(h))}</th>' for h in q.table["headers"])
    rows = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in q.table["rows"])
    return f'<table class="decodia-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _images(q: Question) -> str:
    return image_row([(i["label"], i["pixels"], i["width"]) for i in q.images]) if q.images else ""


def extras_html(q: Question) -> str:
    """What a question shows besides its text and answers: its table and its images."""
    return _table(q) + _images(q)


def question_html(q: Question, n: int, prefix: str, lang: str) -> str:
    qid = f"{prefix}-{q.id}"
    pts = ngettext(lang, "{n} point", "{n} points", q.points, n=number(q.points, lang))
    question = gettext(lang, "Question")
    legend = (f'<legend><span class="decodia-q__num">{question} {n}</span> '
              f'<span class="decodia-q__points">({pts})</span> {escape(q.prompt)}</legend>')
    body = extras_html(q) + q.kind.page_inputs(q, qid, lang)
    return (f'<fieldset class="decodia-q" data-qid="{escape(q.id)}" data-type="{q.type}">{legend}{body}'
            f'<div class="decodia-q__feedback" aria-live="polite"></div></fieldset>')


@dataclass
class SelfCheck:
    module: str
    lang: str
    level: str
    variants: int = VARIANTS
    n: int | None = None

    @classmethod
    def of(cls, quizzes: list[Quiz]) -> "SelfCheck":
        """The self-check of variants already assembled (an assignment pack's), instead of seeds 1..variants."""
        q0 = quizzes[0]
        check = cls(q0.module, q0.lang, q0.level, variants=len(quizzes))
        check.__dict__["quizzes"] = list(quizzes)      # fills the cached property
        return check

    @cached_property
    def quizzes(self) -> list[Quiz]:
        bank = module_bank(self.module)
        return [assemble(bank, self.lang, self.level, self.n, seed) for seed in range(1, self.variants + 1)]

    def static_html(self) -> str:
        lang = self.lang
        check, title, intro = gettext(lang, "Check my answers"), gettext(lang, "Self-check"), gettext(
            lang, "Answer, then check. Your answers stay in this browser: nothing is sent.")
        actions = [("new", gettext(lang, "New questions")), ("json", gettext(lang, "Download my results (JSON)")),
                   ("csv", gettext(lang, "Download my results (CSV)"))]
        # what the page's script says, its {placeholders} filled there
        texts = {"score": gettext(lang, "Score: {score} out of {max} points."),
                 "last": gettext(lang, "Last result saved in this browser: {score} out of {max} (set {variant})."),
                 "right": gettext(lang, "Right answer."), "partial": gettext(lang, "Partly right ({points} out of {max})."),
                 "wrong": gettext(lang, "Answer to review.")}
        store = f"decodia:quiz:{self.module}-{self.lang}-{self.level}"
        forms = []
        for i, quiz in enumerate(self.quizzes):
            prefix = f"quiz-{quiz.id}"
            keys = {q.id: key_of(q) for q in quiz.questions}
            questions = "".join(question_html(q, n, prefix, self.lang) for n, q in enumerate(quiz.questions, 1))
            hidden = "" if i == 0 else " hidden"
            variant = gettext(lang, "Set {n} of {total}", n=i + 1, total=len(self.quizzes))
            forms.append(
                f'<form class="decodia-quiz__variant" data-variant="{quiz.seed}" data-quiz="{quiz.id}" '
                f'data-max="{quiz.max_points:g}" data-key="{obfuscate(keys, quiz.id)}"{hidden} novalidate>'
                f'<p class="decodia-quiz__set">{variant}</p>'
                f"{questions}"
                f'<button type="submit" class="decodia-quiz__check">{check}</button></form>')
        return (
            f'<section class="decodia-quiz" data-decodia-quiz="{escape(self.module)}" data-store="{store}" '
            f'data-lang="{self.lang}" data-level="{self.level}" data-module="{escape(self.module)}" '
            f'data-text="{escape(json.dumps(texts, ensure_ascii=False))}" aria-label="{title}">'
            f'<p class="decodia-quiz__intro">{intro}</p>'
            f'<p class="decodia-quiz__last" data-last></p>{"".join(forms)}'
            f'<p class="decodia-quiz__score" role="status" aria-live="polite" data-score></p>'
            f'<div class="decodia-quiz__actions">'
            + "".join(f'<button type="button" data-action="{action}">{label}</button>' for action, label in actions)
            + '</div></section>')

    def worksheet_text(self) -> str:
        from .worksheet import worksheet_text

        return worksheet_text(self.quizzes[0])

    def live(self):
        from .live import LiveQuiz

        return LiveQuiz(self.quizzes[0]).widget()

    def _repr_mimebundle_(self, include=None, exclude=None):
        return three_faces(self.static_html(), self.worksheet_text(), self.live)
