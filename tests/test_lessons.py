"""The lessons' prose stays true to what their demos compute, and cites what they do not.

A lesson that says "after 'fait', the model saw 'froid' 16 times" must still be right after a model or
corpus change, and one that says "13.8 million households" must say who counted them. Every number the
prose states (decimals, percentages, thousands) is looked up in what the demos of that language really
show (every panel of every demo, as text); a number no demo shows must sit in a paragraph that cites a
source ({source}`id`), or be one of the few numbers a page derives in its own text, listed with why under
`derived:` in the module's sources.yaml. The rule is `decodia check`'s (book/numbers.py, tested with
made-up pages in tests/test_sources.py); here it runs on every page of the course.
"""
from pathlib import Path

import pytest

from book.numbers import shown, uncited
from core.course import modules
from core.sources import load_sources

ROOT = Path(__file__).resolve().parent.parent


def _pages():
    """(page, module slug, language) for every edition and teacher page of every module."""
    for m in modules():
        for lang in ("fr", "en"):
            for level in ("simple", "standard", "advanced"):
                yield str(m.lesson(lang, level).relative_to(ROOT)), m.slug, lang
            yield str(m.guide(lang).relative_to(ROOT)), m.slug, lang


@pytest.mark.parametrize("lesson,slug,lang", sorted(_pages()))
def test_every_number_in_the_prose_is_shown_by_a_demo_or_cited(lesson, slug, lang):
    m = next(m for m in modules() if m.slug == slug)
    derived = {d.number for d in load_sources(m.sources, ROOT).derived}
    found = uncited((ROOT / lesson).read_text(encoding="utf-8"), shown(slug, m.demos, lang), derived)
    assert found == [], (f"{lesson} states numbers that no demo shows, in paragraphs that cite no source: "
                         + ", ".join(f"{u.number} (line {u.line})" for u in found))
