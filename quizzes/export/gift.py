"""GIFT (Moodle's text format): `gift(quizzes) -> str`.

The same questions as the Moodle XML export, where GIFT can say it:
- `$CATEGORY: $course$/top/Décodia/<module>/<lang>-<level>/<objective>` before each objective's variants;
- `::<quiz id> · <item id>::[html]<p>prompt</p>...` then the answers, one per line;
- single `=right ~wrong`, multiple `~%50%right ~%-50%wrong` (Moodle-allowed weights, as in the XML),
  per-answer feedback `#...`, general feedback `####...`, true/false `{T}`/`{F}`, numeric
  `{#answer:tolerance}`, short answer `{=a =b}`, matching `{=left -> right}`.

What GIFT cannot say, and what is done instead:
- ordering: written as matching (item -> its position 1..n), which Moodle grades per right pair, i.e. the
  share of items in the right place, as the engine does. A `//` comment above the question says so.
  Moodle 4.4 and later do read an ordering form, `{>n ALL VERTICAL ABSOLUTE_POSITION SHOW none` then one
  item per line and `}` (qtype_ordering::import_from_gift in question/type/ordering/questiontype.php of
  github.com/moodle/moodle, reached through qformat_gift::readquestion -> try_importing_using_qtypes in
  question/format/gift/format.php), but it is not used, because it is not safe:
  * the items are stored as found, without GIFT's unescaping (format.php has already turned `\\:` `\\#` `\\=`
    `\\{` `\\}` `\\~` `\\n` into placeholders such as `&&058;`, and only its own question types turn them
    back), so an item with any of those characters shows the placeholder; an item cannot span lines;
  * the core version no longer sets the combined feedback fields that save_question_options reads
    (save_combined_feedback_helper in question/type/questiontypebase.php; readquestion adds blank ones for
    multichoice and matching only), and a GIFT import error with core ordering on Moodle 4.4.3, where the
    XML import works, is reported in github.com/gbateson/moodle-qtype_essayautograde/issues/84;
  * a GIFT file says nothing of its Moodle version: Moodle 4.0-4.3 without the ordering plugin read
    `{>4 ...}` silently as a short-answer question whose answer is that whole text.
  Matching imports into every Moodle and grades the same, so GIFT keeps it for every `--moodle` version.
- points: GIFT has no question weight; every question imports with Moodle's default mark of 1.
- images: GIFT has no file attachments; the images go in the [html] text as <img src="data:image/png;base64,...">
  (the page's own inline PNGs, a few hundred bytes each), with a text caption, so that even where an
  LMS strips data: URIs the caption says what was shown.
- "->" in the right side of a matching pair would be read as the separator by importers that split at the
  last "->" (the left side is HTML, where ">" is already "&gt;"), so it is written "→" there.
- a user text that starts with "[" or "%" is written "&#91;..." or "&#37;..." where GIFT reads HTML (and a
  short answer starting with "%" gets an explicit "%100%"), so that "[html]" or "%50%" typed by an author
  is never taken for a format mark or a weight.
- in short answers, `*` is Moodle's wildcard: a literal `*` is written `\\*` (GIFT-escaped); a "->" cannot
  be written at all (Moodle would read the question as matching), so it is written "-*>", which also
  accepts anything between "-" and ">".

Escaping: every user text is HTML-escaped where GIFT reads it as HTML (question, choices, feedback, the
left side of a matching pair), then GIFT-escaped: `\\ ~ = # { } :` get a backslash and a line break is
`\\n`, which is Moodle's own unescaping (qformat_gift::escapedchar_pre) read backwards.
"""
from __future__ import annotations

from . import by_category, clean, html_text, number, question_html, question_name
from ..model import Question

_SPECIAL = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"}


def escape(text) -> str:
    """GIFT-escape text: the backslash and ~ = # { } : get a backslash; a line break becomes \\n."""
    return "".join(_SPECIAL.get(ch, ch) for ch in clean(text))


def html(text) -> str:
    """User text where GIFT reads HTML. A leading "[" or "%" is written as a character reference, so that
    it is never read as a [format] mark or a %weight%."""
    text = html_text(text)
    lead = {"[": "&#91;", "%": "&#37;"}.get(text[:1])
    return escape(lead + text[1:] if lead else text)


def short(answer: str) -> str:
    """An accepted short answer: `*` (Moodle's wildcard) as `\\*`; "->" (which would make Moodle read the
    question as matching, and cannot be escaped) as "-*>"; one starting with "%" gets an explicit %100%
    so that it is not read as a weight."""
    text = escape(answer.replace("*", "\\*").replace("->", "-*>"))
    return ("=%100%" if text.startswith("%") else "=") + text


def right_side(text) -> str:
    """The plain-text right side of a matching pair: importers split a pair at the first or at the last "->"."""
    return escape(clean(text).replace("->", "→"))


def _question(q: Question, name: str) -> list[str]:
    lines = []
    if q.kind.gift_note:
        lines.append(q.kind.gift_note)
    if q.points != 1:
        lines.append(f"// worth {number(q.points)} points in the quiz; GIFT cannot carry a weight (Moodle uses 1).")
    lines.append(f"::{escape(name)}::[html]{escape(question_html(q))}" + " {")
    answers = q.kind.gift_answers(q)
    general = f"####{html(q.feedback)}" if q.feedback else ""
    if q.kind.gift_inline:
        lines[-1] += answers[0] + general + "}"
    else:
        lines += ["  " + a for a in answers]
        if general:
            lines.append("  " + general)
        lines.append("}")
    return lines


def gift(quizzes) -> str:
    """The quizzes as GIFT text: one $CATEGORY per objective, then its variants, a blank line between."""
    blocks = ["// Décodia: quizzes exported to GIFT. One category per objective; a random question on a\n"
              "// category draws one variant. Ordering items are written as matching (item -> position)."]
    for path, items in by_category(quizzes):
        blocks.append("$CATEGORY: $course$/top/" + "/".join(p.replace("/", "//") for p in path))
        blocks += ["\n".join(_question(q, question_name(quiz, q))) for quiz, q in items]
    return "\n\n".join(blocks) + "\n"
