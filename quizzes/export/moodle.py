"""Moodle XML: `moodle_xml(quizzes) -> bytes`.

- One question category per objective and edition,
  `$course$/top/Décodia/<module>/<lang>-<level>/<objective>`, holding every distinct variant of that
  objective from every quiz given (a written item several quizzes drew is written once): a Moodle
  "random question" slot on that category draws one of them.
- Question names are unique and stable: `<quiz id> · <item id>` (quiz id = module-lang-level-seed).
- single/multiple -> multichoice (per-choice feedback; multiple: Moodle-allowed grades, +1/R for each
  right choice and −1/R for each wrong one, which is the engine's (right − wrong) / right, floored at 0);
  truefalse -> truefalse; numeric -> numerical with <tolerance>; text -> shortanswer (case-insensitive,
  with accent-free and apostrophe variants, since Moodle does not ignore accents; `*` escaped so it is
  never a wildcard); matching -> matching; ordering -> the "ordering" qtype (standard since Moodle 4.4;
  grading ABSOLUTE_POSITION = the share of items in the right place, as the engine grades).
- Texts are HTML (format="html") in CDATA; user text is HTML-escaped; a "]]>" is split so that it can
  never close the CDATA. Tables are <table>, images <img src="data:image/png;base64,...">.
- Choices keep the engine's seeded order (shuffleanswers off), except matching, whose answer list
  Moodle would otherwise show in the solution's order.
"""
from __future__ import annotations

from xml.sax.saxutils import escape as _xml_escape

from . import (by_category, clean, html_text, accepted_variants, moodle_percent, multiple_weights, number,
               question_html, question_name)
from ..model import Question


def cdata(text: str) -> str:
    """Text in CDATA sections; every "]]>" is split across two sections, so it cannot end one early."""
    return "<![CDATA[" + clean(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def xml_text(text) -> str:
    return _xml_escape(clean(text))


def _html(tag: str, html: str, indent: str = "    ") -> str:
    return f'{indent}<{tag} format="html"><text>{cdata(html) if html else ""}</text></{tag}>'


def _feedback(html: str, indent: str) -> str:
    return _html("feedback", html, indent)


def _shortanswer_text(text: str) -> str:
    """Moodle short answers treat `*` as a wildcard; `\\*` is a literal asterisk."""
    return text.replace("*", "\\*")


def _head(q: Question, kind: str, name: str) -> list[str]:
    lines = [f'  <question type="{kind}">',
             f"    <name><text>{xml_text(name)}</text></name>",
             _html("questiontext", question_html(q)),
             _html("generalfeedback", html_text(q.feedback) if q.feedback else ""),
             f"    <defaultgrade>{number(q.points)}</defaultgrade>",
             "    <penalty>0.3333333</penalty>",
             "    <hidden>0</hidden>",
             "    <idnumber></idnumber>"]
    return lines


def _tags(q: Question) -> list[str]:
    tags = [f"objective:{q.objective}"] + [f"{k}:{v}" for k, v in sorted(q.competencies.items())]
    return ["    <tags>"] + [f"      <tag><text>{xml_text(t)}</text></tag>" for t in tags] + ["    </tags>"]


def _combined_feedback() -> list[str]:
    return ['    <correctfeedback format="html"><text></text></correctfeedback>',
            '    <partiallycorrectfeedback format="html"><text></text></partiallycorrectfeedback>',
            '    <incorrectfeedback format="html"><text></text></incorrectfeedback>',
            "    <shownumcorrect/>"]


def _question(q: Question, name: str) -> list[str]:
    if q.type in ("single", "multiple"):
        lines = _head(q, "multichoice", name)
        lines += [f"    <single>{'true' if q.type == 'single' else 'false'}</single>",
                  "    <shuffleanswers>false</shuffleanswers>",
                  "    <answernumbering>abc</answernumbering>",
                  "    <showstandardinstruction>0</showstandardinstruction>"]
        lines += _combined_feedback()
        if q.type == "single":
            grades = {c.id: (1.0 if c.correct else 0.0) for c in q.choices}
        else:
            right = [c for c in q.choices if c.correct]
            weights, wrong = multiple_weights(len(right), len(q.choices) - len(right))
            grades = {c.id: w for c, w in zip(right, weights)}
            grades.update({c.id: wrong for c in q.choices if not c.correct})
        for c in q.choices:
            lines += [f'    <answer fraction="{moodle_percent(grades[c.id])}" format="html">',
                      f"      <text>{cdata(html_text(c.text))}</text>",
                      _feedback(html_text(c.feedback) if c.feedback else "", "      "),
                      "    </answer>"]
    elif q.type == "truefalse":
        lines = _head(q, "truefalse", name)
        for value in (True, False):
            lines += [f'    <answer fraction="{100 if value is q.answer else 0}" format="moodle_auto_format">',
                      f"      <text>{'true' if value else 'false'}</text>",
                      _feedback("", "      "),
                      "    </answer>"]
    elif q.type == "numeric":
        lines = _head(q, "numerical", name)
        lines += ['    <answer fraction="100" format="moodle_auto_format">',
                  f"      <text>{number(q.answer)}</text>",
                  _feedback("", "      "),
                  f"      <tolerance>{number(q.tolerance)}</tolerance>",
                  "    </answer>",
                  "    <unitgradingtype>0</unitgradingtype>",
                  "    <unitpenalty>0.1000000</unitpenalty>",
                  "    <showunits>3</showunits>",
                  "    <unitsleft>0</unitsleft>"]
    elif q.type == "text":
        lines = _head(q, "shortanswer", name)
        lines.append("    <usecase>0</usecase>")
        for a in accepted_variants(q.answer):
            lines += ['    <answer fraction="100" format="moodle_auto_format">',
                      f"      <text>{xml_text(_shortanswer_text(a))}</text>",
                      _feedback("", "      "),
                      "    </answer>"]
    elif q.type == "matching":
        lines = _head(q, "matching", name)
        lines.append("    <shuffleanswers>true</shuffleanswers>")
        lines += _combined_feedback()
        right = dict(q.pairs)
        for c in q.choices:  # the engine's (seeded) order; Moodle shuffles the answers
            lines += ['    <subquestion format="html">',
                      f"      <text>{cdata(html_text(c.text))}</text>",
                      f"      <answer><text>{xml_text(right[c.id])}</text></answer>",
                      "    </subquestion>"]
    elif q.type == "ordering":
        lines = _head(q, "ordering", name)
        lines += ["    <layouttype>VERTICAL</layouttype>",
                  "    <selecttype>ALL</selecttype>",
                  f"    <selectcount>{len(q.order)}</selectcount>",
                  "    <gradingtype>ABSOLUTE_POSITION</gradingtype>",
                  "    <showgrading>SHOW</showgrading>",
                  "    <numberingstyle>none</numberingstyle>"]
        lines += _combined_feedback()
        text = {c.id: c.text for c in q.choices}
        for position, cid in enumerate(q.order, 1):  # Moodle's ordering: answers in the right order
            lines += [f'    <answer fraction="{position}" format="html">',
                      f"      <text>{cdata(html_text(text[cid]))}</text>",
                      "    </answer>"]
    else:
        raise ValueError(f"unknown item type {q.type!r}")
    return lines + _tags(q) + ["  </question>"]


def moodle_xml(quizzes) -> bytes:
    """The quizzes as one Moodle XML question file (UTF-8 bytes), one category per objective."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for path, items in by_category(quizzes):
        category = "$course$/top/" + "/".join(p.replace("/", "//") for p in path)
        out += ['  <question type="category">',
                f"    <category><text>{xml_text(category)}</text></category>",
                '    <info format="html"><text></text></info>',
                "  </question>"]
        for quiz, q in items:
            out += _question(q, question_name(quiz, q))
    out.append("</quiz>")
    return ("\n".join(out) + "\n").encode("utf-8")
