"""The print face: a worksheet (variant code, name and date lines, room to answer) and its answer key."""
from __future__ import annotations

from core.i18n import gettext
from widgets.views import image_row_text

from .assemble import Quiz
from .model import Question


def _table_lines(q: Question) -> list[str]:
    if not q.table:
        return []
    rows = [q.table["headers"]] + q.table["rows"]
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(str(c).ljust(w) for c, w in zip(r, widths)) for r in rows]


def _image_lines(q: Question) -> list[str]:
    return ["  " + line for line in image_row_text([(i["label"], i["pixels"], i["width"]) for i in q.images])]


def worksheet_text(quiz: Quiz) -> str:
    lang = quiz.lang
    worksheet, code = gettext(lang, "Worksheet"), gettext(lang, "Set code")
    name, date = gettext(lang, "Name"), gettext(lang, "Date")
    lines = [f"{worksheet} — {quiz.module} ({quiz.lang}, {quiz.level})", f"{code}: {quiz.id}", "",
             f"{name}: ______________________________    {date}: ______________", ""]
    for n, q in enumerate(quiz.questions, 1):
        lines.append(f"{n}. {q.prompt}")
        lines += _table_lines(q)
        lines += _image_lines(q)
        lines += q.kind.worksheet_lines(q, quiz.lang)
        lines.append("")
    return "\n".join(lines)


def answer_text(q: Question, lang: str) -> str:
    return q.kind.answer_text(q, lang)


def answer_key_text(quiz: Quiz) -> str:
    key, answer, objective = (gettext(quiz.lang, "Answer key"), gettext(quiz.lang, "Answer"),
                              gettext(quiz.lang, "Objective"))
    lines = [f"{key} — {quiz.id}", ""]
    for n, q in enumerate(quiz.questions, 1):
        lines += [f"{n}. {q.prompt}", f"   {answer}: {answer_text(q, quiz.lang)}", f"   {objective}: {q.objective}"]
        if q.feedback:
            lines.append(f"   {q.feedback}")
        lines.append("")
    return "\n".join(lines)
