"""Moodle XML: `moodle_xml(quizzes, moodle="4.4") -> bytes`.

- One question category per objective and edition,
  `$course$/top/Décodia/<module>/<lang>-<level>/<objective>`, holding every distinct variant of that
  objective from every quiz given (a written item several quizzes drew is written once): a Moodle
  "random question" slot on that category draws one of them.
- Question names are unique and stable: `<quiz id> · <item id>` (quiz id = module-lang-level-seed).
- Each item type writes its own elements (`quizzes/types/<type>.py`, method `moodle`): multichoice with
  per-choice feedback and Moodle-allowed grades, truefalse, numerical with <tolerance>, shortanswer with
  accent-free and apostrophe variants, matching, and ordering (a core question type only since Moodle 4.4:
  with `moodle="4.0"` ordering items are written as matching, item -> its position, which Moodle 4.0-4.3
  import; one unknown question type makes Moodle refuse the whole file).
- The document is built with lxml, so escaping is correct by construction. Text goes in CDATA where
  Moodle's own export puts it (qformat_xml::xml_escape: any text with a character HTML escapes): names,
  question texts, answers, subquestions, tags and feedback; Moodle's reader drops whitespace-only pieces
  between escaped characters, so `x & <y>` outside CDATA would lose a space. A text holding "]]>" cannot
  be one CDATA section: it is written escaped (HTML texts never hold it: their ">" is "&gt;").
- Choices keep the engine's seeded order (shuffleanswers off), except matching, whose answer list
  Moodle would otherwise show in the solution's order.

`random_slots(quizzes)` says how to build a Moodle quiz like a Décodia series from those categories: for
each objective, how many distinct questions its category holds and how many random questions to draw from it.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape as _html_escape

from lxml import etree

from . import by_category, clean, html_text, number, question_html, question_name
from ..model import Question

VERSIONS = ("4.4", "4.0")   # 4.4 and later (ordering is core), or 4.0-4.3 (ordering written as matching)


def _cdata_or_text(text: str):
    text = clean(text)
    if text and _html_escape(text) != text and "]]>" not in text:
        return etree.CDATA(text)
    return text


class Builder:
    """The element helpers the item types use to write their part of a question (`ItemType.moodle`)."""

    def __init__(self, moodle: str = "4.4"):
        if moodle not in VERSIONS:
            raise ValueError(f"unknown Moodle version {moodle!r}; expected one of {', '.join(VERSIONS)}")
        self.legacy = moodle == "4.0"

    @staticmethod
    def el(tag: str, text: str | None = None, **attrib) -> etree._Element:
        e = etree.Element(tag, {k: str(v) for k, v in attrib.items()})
        if text is not None:
            e.text = text
        return e

    def text(self, tag: str, text: str, **attrib) -> etree._Element:
        """<tag><text>…</text></tag>, the text in CDATA where Moodle's export puts it there."""
        e = self.el(tag, **attrib)
        etree.SubElement(e, "text").text = _cdata_or_text(text)
        return e

    def html(self, tag: str, html: str) -> etree._Element:
        return self.text(tag, html, format="html")

    def answer(self, fraction, text: str, html: bool, feedback: str | None, extra=()) -> etree._Element:
        """An <answer>: its grade in percent, its text (HTML-escaped plain text when `html`), its feedback."""
        e = self.el("answer", fraction=fraction, format="html" if html else "moodle_auto_format")
        etree.SubElement(e, "text").text = _cdata_or_text(html_text(text) if html else text)
        if feedback is not None:
            e.append(self.html("feedback", html_text(feedback) if feedback else ""))
        for x in extra:
            e.append(x)
        return e

    def subquestion(self, left: str, right: str) -> etree._Element:
        e = self.text("subquestion", html_text(left), format="html")
        e.append(self.text("answer", right))
        return e

    def combined_feedback(self) -> list:
        return [self.html("correctfeedback", ""), self.html("partiallycorrectfeedback", ""),
                self.html("incorrectfeedback", ""), self.el("shownumcorrect", "1")]

    def multichoice(self, q: Question, grades: dict[str, float], single: bool) -> list:
        from . import moodle_percent

        return ([self.el("single", "true" if single else "false"), self.el("shuffleanswers", "false"),
                 self.el("answernumbering", "abc"), self.el("showstandardinstruction", "0")]
                + self.combined_feedback()
                + [self.answer(moodle_percent(grades[c.id]), c.text, html=True, feedback=c.feedback) for c in q.choices])


def _question(q: Question, name: str, x: Builder) -> etree._Element:
    qtype, parts = q.kind.moodle(q, x)
    e = x.el("question", type=qtype)
    e.append(x.text("name", name))
    e.append(x.html("questiontext", question_html(q)))
    e.append(x.html("generalfeedback", html_text(q.feedback) if q.feedback else ""))
    for tag, value in (("defaultgrade", number(q.points)), ("penalty", "0.3333333"), ("hidden", "0"),
                       ("idnumber", "")):
        e.append(x.el(tag, value))
    for part in parts:
        e.append(part)
    tags = x.el("tags")
    for t in [f"objective:{q.objective}"] + [f"{k}:{v}" for k, v in sorted(q.competencies.items())]:
        tags.append(x.text("tag", t))
    e.append(tags)
    return e


def moodle_xml(quizzes, moodle: str = "4.4") -> bytes:
    """The quizzes as one Moodle XML question file (UTF-8 bytes), one category per objective."""
    x = Builder(moodle)
    root = etree.Element("quiz")
    for path, items in by_category(quizzes):
        category = x.el("question", type="category")
        category.append(x.text("category", "$course$/top/" + "/".join(p.replace("/", "//") for p in path)))
        category.append(x.html("info", ""))
        root.append(category)
        for quiz, q in items:
            root.append(_question(q, question_name(quiz, q), x))
    etree.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8", pretty_print=True)


@dataclass(frozen=True)
class Slot:
    """One objective's category in a Moodle question bank, and how a quiz like a Décodia series draws from it."""

    objective: str
    in_category: int        # distinct questions the category holds (what a random question draws among)
    fewest: int             # questions of this objective in the pack's series: fewest and most
    most: int
    draw: int               # random questions to add from the category


def random_slots(quizzes) -> list[Slot]:
    """For each objective (in category order), the random questions a Moodle quiz should draw from its category
    so that the quiz is like one of the series: as many questions in all as a series has, and for each objective
    its mean share of a series, rounded (largest remainders) so that the counts add up to the series length.
    Every count lies between the fewest and the most a series has, so a category always holds enough questions."""
    quizzes = list(quizzes)
    cats = [(path[-1], len(items)) for path, items in by_category(quizzes)]
    counts = [[sum(q.objective == o for q in quiz.questions) for quiz in quizzes] for o, _ in cats]
    length = len(quizzes[0].questions)
    means = [sum(c) / len(quizzes) for c in counts]
    draw = [int(m) for m in means]
    by_remainder = sorted(range(len(cats)), key=lambda i: (-(means[i] - draw[i]), i))
    for i in by_remainder[: length - sum(draw)]:
        draw[i] += 1
    return [Slot(o, size, min(c), max(c), d) for (o, size), c, d in zip(cats, counts, draw)]
