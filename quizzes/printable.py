"""Paper: worksheets (variant code, name and date lines, room to answer) and a separate answer key, as HTML
documents that Chromium prints (`templates/sheets.html.j2`). Nothing in a worksheet gives an answer away."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from core.formats import number
from core.i18n import render

from .assemble import Quiz
from .page import extras_html
from .worksheet import answer_text

TEMPLATES = Path(__file__).parent / "templates"


def _sheets(quizzes: list[Quiz], title: str, kind: str) -> str:
    """One section per variant, each on a new page: title, kind and set code, then every question."""
    lang = quizzes[0].lang
    return render(TEMPLATES, "sheets.html.j2", lang, quizzes=quizzes, title=title, kind=kind, number=number,
                  extras=lambda q: Markup(extras_html(q)), room=lambda q: Markup(q.kind.sheet_html(q, lang)),
                  answer=lambda q: answer_text(q, lang))


def worksheets_html(quizzes: list[Quiz], title: str) -> str:
    """One worksheet per variant: set code, name and date lines, room to answer, no answers."""
    return _sheets(quizzes, title, "sheet")


def answer_key_html(quizzes: list[Quiz], title: str) -> str:
    """The answers, the feedback and the objective of every item of every variant."""
    return _sheets(quizzes, title, "key")
