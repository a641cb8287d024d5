"""The live face: the same quiz as ipywidgets in a running kernel, graded by `quizzes.grading`."""
from __future__ import annotations

from html import escape

from .assemble import Quiz
from .grading import grade
from .model import Question
from .text import UI, number


class LiveQuiz:
    def __init__(self, quiz: Quiz):
        self.quiz = quiz
        self.ui = UI[quiz.lang]
        self.inputs: dict[str, object] = {}

    def _input(self, q: Question):
        import ipywidgets as W

        layout = {"width": "auto"}
        if q.type == "single":
            return W.RadioButtons(options=[(c.text, c.id) for c in q.choices], value=None, layout=layout)
        if q.type == "truefalse":
            return W.RadioButtons(options=[(self.ui["true"], True), (self.ui["false"], False)], value=None)
        if q.type == "multiple":
            return W.VBox([W.Checkbox(description=c.text, value=False, indent=False) for c in q.choices])
        if q.type in ("numeric", "text"):
            return W.Text(placeholder=self.ui["your_answer"])
        if q.type == "ordering":
            n = len(q.choices)
            return W.VBox([W.Dropdown(options=[("—", None)] + [(str(i), i) for i in range(1, n + 1)],
                                      description=c.text, style={"description_width": "initial"}) for c in q.choices])
        if q.type == "matching":
            rights = sorted({r for _, r in q.pairs})
            return W.VBox([W.Dropdown(options=[("—", None)] + [(r, r) for r in rights], description=c.text,
                                      style={"description_width": "initial"}) for c in q.choices])
        raise ValueError(q.type)

    def response(self, q: Question):
        w = self.inputs[q.id]
        if q.type in ("single", "truefalse"):
            return w.value
        if q.type == "multiple":
            return [c.id for c, box in zip(q.choices, w.children) if box.value]
        if q.type in ("numeric", "text"):
            return w.value.strip() or None
        if q.type == "ordering":
            ranks = [(box.value, c.id) for c, box in zip(q.choices, w.children)]
            return [cid for _, cid in sorted(ranks)] if all(r for r, _ in ranks) else None
        if q.type == "matching":
            return {c.id: box.value for c, box in zip(q.choices, w.children) if box.value}
        return None

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
