"""The lessons' prose stays true to what their demos compute.

A lesson that says "after 'fait', the model saw 'froid' 16 times" must still be right after
a model or corpus change. Every number the prose states is looked up in what the demos of
that language really show (every panel of every demo, as text), unless it is one of the few
numbers the lessons cite from a source or derive in the text (listed below, with why).
"""
import html
import importlib
import re
from pathlib import Path

import pytest

from book.readability import prose
from core.course import module, modules

ROOT = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"\d+(?:[,.]\d+)+\s?%?|\d+\s?%|\d{1,3}(?:[ \u00a0,]\d{3})+")

# Numbers stated from a cited source or derived in the lesson's own text, per module.
CITED_OR_DERIVED = {"chatbots": {
    "77,2%", "77.2%",            # CSQ (2025): share of members with 8 hours or less of AI training
    "3.5",                       # the model name gpt-3.5-turbo (OpenAI Cookbook)
    "0,5", "0.5",                # a temperature the advanced exercises ask the reader to try
    "0,242",                     # 16 / 66 written as a probability (the demo shows 24,2 %)
    "56%",                       # 1.56 written as "56% more"
    "1.30",                      # 20.3 / 15.6, computed in the text
    "50,000",                    # the training slice length, from the code shown at the advanced level
    "61%",                       # 61,0 % rounded (fr demo) in the standard edition
}, "limits": set(), "bias": {
    "65.2",                      # article 65.2 of the Québec access act (Loi 25), cited
    "13,8", "13.8",              # 13.8 million households scored by the CNAF (Le Monde, 2023), cited
    "20000", "20,000", "500000", "500,000",   # size of the fr_core_news_md vector table (spaCy model metadata)
}, "deepfakes": {
    "96%",                       # Deeptrace (2019): 96 % of deepfake videos were non-consensual pornography
    "95000", "95,000",           # Home Security Heroes (2023, industry report): about 95,000 videos analysed
    "4000", "4,000",             # Cybertip.ca (June 2024; its director, May 2025): about 4,000 sexual deepfakes of youth in 2023
    "9000", "9,000",             # Cybertip.ca's director (Metroland, May 2025): about 9,000 in 2024
    "9,2", "9.2", "2,4", "2.4",  # CAFC (1 Feb 2023): $9.2 M lost to emergency scams in 2022, $2.4 M in 2021
    "732000", "732,000",         # the same release: over $732,000 in Québec
    "10%",                       # "5 to 10 %" of fraud victims report (CAFC)
    "82,56%", "82.56%", "65,18%", "65.18%",   # Deepfake Detection Challenge results (Facebook AI, June 2020)
    "26%",                       # OpenAI's AI-text classifier caught 26 % of AI text (withdrawn 20 July 2023)
    "162.1", "163.1",            # sections of the Criminal Code
    "86000", "86,000",           # R. c. Larouche, 2023 QCCQ 1853: more than 86,000 files
    "1,797", "1797",             # size of scikit-learn's digits dataset ("1 797" in French)
    "95%", "20%",                # the copy check's definitions (95th percentile of real distances; verdict at 20 %)
    "1800263", "1800668", "1866658", "1888495", "1888933",   # help lines, written Québec style (1 866 658-9022...)
}}


_SHOWN: dict = {}


def shown(slug: str, lang: str) -> str:
    """Everything the module's demos show in `lang`, every panel, as text without spaces."""
    if (slug, lang) not in _SHOWN:
        demos = importlib.import_module(f"widgets.{slug}")
        parts = [html.unescape(re.sub(r"<[^>]+>", " ", getattr(demos, name)(lang).static_html()))
                 for name in module(slug).demos]
        _SHOWN[slug, lang] = re.sub(r"[\s\u00a0\u202f]", "", " ".join(parts))
    return _SHOWN[slug, lang]


def _pages():
    """(page, module slug, language) for every edition and teacher page of every module."""
    for m in modules():
        for lang in ("fr", "en"):
            for level in ("simple", "standard", "advanced"):
                yield str(m.lesson(lang, level).relative_to(ROOT)), m.slug, lang
            yield str(m.guide(lang).relative_to(ROOT)), m.slug, lang


@pytest.mark.parametrize("lesson,slug,lang", sorted(_pages()))
def test_numbers_in_the_prose_are_what_the_demos_show(lesson, slug, lang):
    path = ROOT / lesson
    allowed = CITED_OR_DERIVED.get(slug, set())
    stale = []
    for number in sorted(set(NUMBER.findall(prose(path.read_text(encoding="utf-8"))))):
        key = re.sub(r"[\s\u00a0\u202f]", "", number)
        if key not in shown(slug, lang) and key not in allowed:
            stale.append(number.strip())
    assert stale == [], f"{lesson} states numbers no demo shows: {stale}"
