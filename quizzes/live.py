"""The live face: the same quiz as ipywidgets in a running kernel, graded by `quizzes.grading`."""
from __future__ import annotations

from html import escape

from core.formats import number

from .assemble import Quiz
from .grading import grade
from .model import Question
from .text import UI


class LiveQuiz:
    def __init__(self, quiz: Quiz):
        self.quiz = quiz
        self.ui = UI[quiz.lang]
        self.inputs: dict[str, object] = {}

    def _input(self, q: Question):
        return q.kind.live_input(q, self.quiz.lang)

    def response(self, q: Question):
        return q.kind.live_response(q, self.inputs[q.id])

    def check(self) -> str:
        parts, total = [], 0.0
        for n, q in enumerate(self.quiz.questions, 1):
            s = grade(q, self.response(q))
            total += s.points
            verdict = self.ui["right"] if s.correct else (
                self.ui["partial"].format(points=number(s.points, self.quiz.lang), max=number(s.max_points, self.quiz.lang))
                if s.points > 0 else self.ui["wrong"])
            parts.append(f"<li><b>{self.ui['question']} {n}</b> : {escape(verdict)} {escape(s.feedback)}</li>")
        score = self.ui["score"].format(score=number(total, self.quiz.lang), max=number(self.quiz.max_points, self.quiz.lang))
        return f"<p><b>{escape(score)}</b></p><ul>{''.join(parts)}</ul>"

    def widget(self):
        import ipywidgets as W

        rows = [W.HTML(f"<h3>{escape(self.ui['title'])}</h3>")]
        for n, q in enumerate(self.quiz.questions, 1):
            self.inputs[q.id] = self._input(q)
            rows += [W.HTML(f"<p><b>{self.ui['question']} {n}.</b> {escape(q.prompt)}</p>"), self.inputs[q.id]]
        result = W.HTML()
        button = W.Button(description=self.ui["check"], button_style="primary")
        button.on_click(lambda _b: setattr(result, "value", self.check()))
        return W.VBox(rows + [button, result])
