"""Numbers, percentages, money and dates (core.formats, Babel fr_CA / en_CA), and no line break inside one.

The expected strings are written with explicit escapes: NB is U+00A0 (no-break space), which CLDR gives
for fr_CA thousands and before % and $.
"""
from __future__ import annotations

import datetime
import html
import importlib
import os
import re
from pathlib import Path

import pytest

from core.course import modules
from core.formats import NNBSP, date, french_spacing, listed, money, number, percent, quoted
from core.languages import LANGS, LEVELS

NB = "\u00a0"


@pytest.mark.parametrize("value,digits,fr,en", [
    (30000, None, f"30{NB}000", "30,000"),
    (13566, None, f"13{NB}566", "13,566"),
    (1250000, None, f"1{NB}250{NB}000", "1,250,000"),
    (999, None, "999", "999"),
    (5.5, None, "5,5", "5.5"),
    (0.25, None, "0,25", "0.25"),
    (1.0, None, "1", "1"),
    (2 / 3, 2, "0,67", "0.67"),
    (1.5, 0, "2", "2"),                       # Python's rounding: half to even on the printed value
    (2.675, 2, "2,67", "2.67"),               # 2.675 is 2.67499… in binary, as Python prints it
    (1234.5, 1, f"1{NB}234,5", "1,234.5"),
    (3, 2, "3,00", "3.00"),
    (-1234.5, 1, f"-1{NB}234,5", "-1,234.5"),
    (-7, None, "-7", "-7"),
    (-0.5, 1, "-0,5", "-0.5"),
    (-0.001, 1, "0,0", "0.0"),                # no "-0,0"
])
def test_numbers(value, digits, fr, en):
    assert number(value, "fr", digits) == fr
    assert number(value, "en", digits) == en


@pytest.mark.parametrize("share,digits,fr,en", [
    (0.055, 1, f"5,5{NB}%", "5.5%"),
    (0.5, 0, f"50{NB}%", "50%"),
    (1.0, 0, f"100{NB}%", "100%"),
    (0.12345, 2, f"12,35{NB}%", "12.35%"),    # 12.345 printed with 2 decimals, as Python does
    (0.3333, 1, f"33,3{NB}%", "33.3%"),
    (12.5, 0, f"1{NB}250{NB}%", "1,250%"),
    (-0.05, 0, f"-5{NB}%", "-5%"),
    (-0.0001, 1, f"0,0{NB}%", "0.0%"),
])
def test_percentages(share, digits, fr, en):
    assert percent(share, "fr", digits) == fr
    assert percent(share, "en", digits) == en


@pytest.mark.parametrize("amount,digits,fr,en", [
    (2500, 0, f"2{NB}500{NB}$", "$2,500"),
    (18000, 0, f"18{NB}000{NB}$", "$18,000"),
    (500, 0, f"500{NB}$", "$500"),
    (2500.5, 2, f"2{NB}500,50{NB}$", "$2,500.50"),
    (-20, 0, f"-20{NB}$", "-$20"),
])
def test_money(amount, digits, fr, en):
    assert money(amount, "fr", digits) == fr
    assert money(amount, "en", digits) == en


def test_dates_stay_on_one_line():
    day = datetime.date(2021, 9, 22)
    assert date(day, "fr") == f"22{NB}septembre{NB}2021"
    assert date(day, "en") == f"September{NB}22,{NB}2021"
    assert date(datetime.date(2020, 12, 1), "fr") == f"1{NB}décembre{NB}2020"


def test_quotations_and_lists():
    assert quoted("chat", "fr") == f"«{NB}chat{NB}»"
    assert quoted("cat", "en") == "\u201ccat\u201d"
    assert listed(["a"], "fr") == "a"
    assert listed(["a", "b", "c"], "fr") == "a, b et c"
    assert listed(["a", "b", "c"], "en") == "a, b and c"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        number(1, "de")


def test_french_spacing_of_typed_text():
    typed = "Il y a 30 000 dossiers, 1 250 000 mots, 30 % de refus et 2 500 $ « volés » : vrai ? Non !"
    assert french_spacing(typed) == (f"Il y a 30{NB}000 dossiers, 1{NB}250{NB}000 mots, 30{NB}% de refus et "
                                     f"2{NB}500{NB}$ «{NB}volés{NB}»{NB}: vrai{NNBSP}? Non{NNBSP}!")
    # a year next to another number, and numbers that are not digit groups, are left alone
    assert french_spacing("en 2021 100 personnes, 3,5 000") == "en 2021 100 personnes, 3,5 000"
    assert french_spacing(french_spacing(typed)) == french_spacing(typed)


# -- nothing a reader sees breaks inside a number ---------------------------------------------------------

# a space that a line may break at, then % or $, after a digit; or digit groups joined by such a space
BREAKABLE = re.compile(r"\d[ \t\n]+[%$]|(?<![\d.,])\d{1,3}(?:[ \t\n]\d{3})+(?!\d)")


def _text(page: str) -> str:
    """What a reader sees of an HTML face: the text between tags, entities decoded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _breaks(text: str) -> list[str]:
    return sorted({text[max(m.start() - 30, 0):m.end() + 10] for m in BREAKABLE.finditer(text)})


def _demos():
    for m in modules():
        for name in m.demos:
            yield m.slug, name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug,name", list(_demos()))
def test_no_demo_breaks_a_line_inside_a_number(slug, name, lang):
    demo = getattr(importlib.import_module(f"widgets.{slug}"), name)(lang)
    faces = demo._repr_mimebundle_()
    assert _breaks(_text(faces["text/html"])) == []
    assert _breaks(faces["text/plain"]) == []


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", [m.slug for m in modules()])
def test_no_quiz_page_breaks_a_line_inside_a_number(slug, lang, level):
    from quizzes import SelfCheck

    check = SelfCheck(slug, lang, level)
    assert _breaks(_text(check.static_html())) == []
    assert _breaks(check.worksheet_text()) == []


def test_an_apostrophe_before_markup_stays_an_apostrophe(tmp_path):
    """« l'{term}`IA` » printed « l”IA » once: smart quotes saw « l' » alone and closed a quote."""
    import subprocess
    import sys

    (tmp_path / "conf.py").write_text('extensions = ["myst_parser", "book.sphinxext"]\nlanguage = "fr"\n'
                                      'myst_enable_extensions = ["colon_fence"]\n', encoding="utf-8")
    (tmp_path / "index.md").write_text("# T\n\nC'est l'{term}`IA` et l'**IA**, « d'abord ».\n\n"
                                       ":::{glossary}\nIA\n  Intelligence.\n:::\n", encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(tmp_path), str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "l\u2019<a" in page and "l\u2019<strong>" in page and "C\u2019est" in page
    assert "\u201d<a" not in page and "\u201d<strong>" not in page
