"""The live face: the same quiz as ipywidgets in a running kernel, graded by `quizzes.grading`."""
from __future__ import annotations

from html import escape

from core.formats import number
from core.i18n import gettext

from .assemble import Quiz
from .grading import grade
from .model import Question


class LiveQuiz:
    def __init__(self, quiz: Quiz):
        self.quiz = quiz
        self.lang = quiz.lang
        self.inputs: dict[str, object] = {}

    def _input(self, q: Question):
        return q.kind.live_input(q, self.quiz.lang)

    def response(self, q: Question):
        return q.kind.live_response(q, self.inputs[q.id])

    def check(self) -> str:
        lang = self.lang
        parts, total = [], 0.0
        question = gettext(lang, "Question")
        for n, q in enumerate(self.quiz.questions, 1):
            s = grade(q, self.response(q))
            total += s.points
            verdict = gettext(lang, "Right answer.") if s.correct else (
                gettext(lang, "Partly right ({points} out of {max}).", points=number(s.points, lang),
                        max=number(s.max_points, lang))
                if s.points > 0 else gettext(lang, "Answer to review."))
            parts.append(f"<li><b>{question} {n}</b> : {escape(verdict)} {escape(s.feedback)}</li>")
        score = gettext(lang, "Score: {score} out of {max} points.", score=number(total, lang),
                        max=number(self.quiz.max_points, lang))
        return f"<p><b>{escape(score)}</b></p><ul>{''.join(parts)}</ul>"

    def widget(self):
        import ipywidgets as W

        title, question = gettext(self.lang, "Self-check"), gettext(self.lang, "Question")
        rows = [W.HTML(f"<h3>{escape(title)}</h3>")]
        for n, q in enumerate(self.quiz.questions, 1):
            self.inputs[q.id] = self._input(q)
            rows += [W.HTML(f"<p><b>{question} {n}.</b> {escape(q.prompt)}</p>"), self.inputs[q.id]]
        result = W.HTML()
        button = W.Button(description=gettext(self.lang, "Check my answers"), button_style="primary")
        button.on_click(lambda _b: setattr(result, "value", self.check()))
        return W.VBox(rows + [button, result])
