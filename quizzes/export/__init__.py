"""LMS exports of the engine's quizzes: Moodle XML, GIFT and an IMS QTI 2.1 package.

One writer module per format, each fed by a list of `Quiz` objects (typically the K seeded
variants of one module and edition); import the writers from their modules:

- `moodle_xml(quizzes) -> bytes`  (`quizzes.export.moodle`): a Moodle XML question file with one
  question category per objective, so that a Moodle random-question slot draws among the variants;
- `gift(quizzes) -> str`  (`quizzes.export.gift`): the same questions in GIFT, where GIFT can say it;
- `qti_package(quizzes, title) -> bytes`  (`quizzes.export.qti`): a zip with an IMS CP 1.1 manifest,
  one QTI 2.1 assessmentItem per item variant and an assessmentTest with one section per objective.

Every writer gives the same bytes for the same input: no timestamps, no set or dict-order accidents.
This package module holds only the little text helpers the three writers share (it does not re-export
the writers: `quizzes.export.gift` stays the module, not the function).
"""
from __future__ import annotations

import html
import json
import re
from decimal import Decimal

from ..assemble import Quiz
from ..model import Question

# Characters that XML 1.0 cannot carry at all, even as character references, and lone surrogates
# (which UTF-8 cannot encode). They are replaced by U+FFFD so that no input can break an export.
_UNCARRIABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text) -> str:
    """Text that every format can carry: line breaks as \\n, characters XML forbids as U+FFFD."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _UNCARRIABLE.sub("\ufffd", text)


def html_text(text) -> str:
    """Plain text as HTML element content: `<`, `>` and `&` escaped, so it is never read as markup."""
    return html.escape(clean(text), quote=False)


def html_attr(text) -> str:
    return html.escape(clean(text), quote=True)


def number(x: float) -> str:
    """A number in plain decimal notation, never with an exponent: 9.0 -> "9", 1e-05 -> "0.00001"."""
    d = Decimal(repr(float(x)))
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def table_html(table: dict | None) -> str:
    """The question's table as a table with column headers (valid as HTML and as XHTML)."""
    if not table:
        return ""
    head = "".join(f'<th scope="col">{html_text(h)}</th>' for h in table["headers"])
    rows = "".join("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>" for row in table["rows"])
    return f'<table class="decodia-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def images_html(images) -> str:
    """The question's small images as <img> with data: PNGs (the page's own `pixels_img`), with captions."""
    if not images:
        return ""
    from widgets.views import pixels_img

    figs = "".join(f'<figure class="decodia-image">{pixels_img(i["pixels"], i["width"], clean(i["label"]))}'
                   f'<figcaption>{html_text(i["label"])}</figcaption></figure>' for i in images)
    return f'<div class="decodia-images__row">{figs}</div>'


def question_html(q: Question) -> str:
    """The stem as HTML: the prompt as an escaped paragraph, then its table and images."""
    return f"<p>{html_text(q.prompt)}</p>" + table_html(q.table) + images_html(q.images)


def category_path(quiz: Quiz, q: Question) -> list[str]:
    """Décodia / module / lang-level / objective: one category (or section) per objective and edition."""
    return ["Décodia", quiz.module, f"{quiz.lang}-{quiz.level}", q.objective]


def question_name(quiz: Quiz, q: Question) -> str:
    """A unique, stable name for one item variant: the quiz id (module-lang-level-seed) and the item id."""
    return f"{quiz.id} · {q.id}"


def unique_quizzes(quizzes) -> list[Quiz]:
    """The quizzes in the given order, a quiz id given twice kept once (names must stay unique)."""
    seen, out = set(), []
    for quiz in quizzes:
        if quiz.id not in seen:
            seen.add(quiz.id)
            out.append(quiz)
    return out


def content_key(q: Question) -> str:
    """What a learner is asked, whatever the order its choices are shown in: two quizzes that drew the
    same written item (or the same generated variant) give the same key. A matching's right-hand side is a
    set: its shown order (`rights`) is left out too, or one item would be two questions in a category."""
    d = q.to_dict()
    d.pop("variant")
    d.pop("rights", None)
    d["choices"] = sorted(d["choices"], key=lambda c: c["id"])
    return json.dumps(d, ensure_ascii=False, sort_keys=True)


def by_category(quizzes) -> list[tuple[tuple[str, ...], list[tuple[Quiz, Question]]]]:
    """Distinct item variants grouped by category (objective and edition): categories in order of first
    appearance, items in quiz order. An item that several quizzes drew is kept once, from the first quiz
    that has it, so that a random draw in a category gives each distinct question the same chance and
    never the same question twice."""
    groups: dict[tuple[str, ...], list[tuple[Quiz, Question]]] = {}
    seen: set[tuple[tuple[str, ...], str]] = set()
    for quiz in unique_quizzes(quizzes):
        for q in quiz.questions:
            path = tuple(category_path(quiz, q))
            key = (path, content_key(q))
            if key not in seen:
                seen.add(key)
                groups.setdefault(path, []).append((quiz, q))
    return list(groups.items())


def _strip_accents(text: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def accepted_variants(answers) -> list[str]:
    """Accepted short answers for an LMS that matches case-insensitively but not accent- or
    apostrophe-insensitively (Moodle, QTI mapEntry caseSensitive=false): each answer as written,
    without its accents, and with the other apostrophe, spaces collapsed. Each variant normalises
    (quizzes.grading.normalise) to an accepted answer, so nothing the engine refuses is accepted."""
    out, seen = [], set()
    for a in answers:
        base = " ".join(clean(a).split())
        for form in (base, _strip_accents(base)):
            for variant in (form, form.replace("’", "'"), form.replace("'", "’")):
                key = variant.casefold()
                if variant and key not in seen:
                    seen.add(key)
                    out.append(variant)
    return out


# Moodle's allowed answer grades (question_bank::fraction_options_full), as fractions.
MOODLE_FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
                    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05)


def moodle_percent(fraction: float) -> str:
    """A Moodle grade in percent as Moodle writes it: 100, 50, 33.33333, -14.28571."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def multiple_weights(n_right: int, n_wrong: int) -> tuple[list[float], float]:
    """Moodle-allowed grades for a multiple-answer item: one per right choice (summing to 1) and one
    for every wrong choice, as close as Moodle allows to the engine's rule (right − wrong) / right.

    With 1 to 10 or 20 right choices the weights are exact: +1/R each, −1/R for a wrong pick. With 11 to 19
    the right choices share two allowed grades that sum to 1, and a wrong pick costs the allowed grade
    nearest to 1/R. Moodle's smallest grade is 5%, so more than 20 right choices cannot be written."""
    exact = next((f for f in MOODLE_FRACTIONS if abs(f - 1 / n_right) < 5e-7), None)
    if exact is not None:
        return [exact] * n_right, -exact
    wrong = -min(MOODLE_FRACTIONS, key=lambda f: abs(f - 1 / n_right))
    for hi in MOODLE_FRACTIONS:
        for lo in MOODLE_FRACTIONS:
            if lo >= hi:
                continue
            for k in range(1, n_right):
                if abs(k * hi + (n_right - k) * lo - 1) < 5e-6:
                    return [hi] * k + [lo] * (n_right - k), wrong
    raise ValueError(f"a multiple-choice item with {n_right} right choices cannot be exported: "
                     "Moodle's grades (5% at least) cannot share 100% among more than 20")

