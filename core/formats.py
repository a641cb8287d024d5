"""How the course writes numbers, percentages, money, dates, quotations and lists, in each language.

One module serves the lessons, the demos, the quizzes and the exports. Numbers, percentages, money and
dates come from Babel (the CLDR data Sphinx uses too) for `fr_CA` and `en_CA`:

    number(30000, "fr") == "30 000"          number(30000, "en") == "30,000"
    number(5.5, "fr") == "5,5"               number(2 / 3, "en", 2) == "0.67"
    percent(0.055, "fr", 1) == "5,5 %"       percent(0.055, "en", 1) == "5.5%"
    money(2500, "fr") == "2 500 $"           money(2500, "en") == "$2,500"
    date(date(2021, 9, 22), "fr") == "22 septembre 2021"
    month(date(2026, 12, 4), "fr") == "décembre 2026"

Nothing a reader sees as one number can break across lines: every space inside a formatted number,
between a number and its `%` or `$`, and inside a date is a no-break space (U+00A0, which is what CLDR
gives for fr_CA). `number_spacing` does the same for text that writers type with ordinary spaces (the
quiz banks), and `french_spacing` adds French punctuation spacing (the French editions' prose).
"""
from __future__ import annotations

import copy
import datetime as _dt
import re
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date

from .languages import locale

NBSP = "\u00a0"          # no-break space: thousands, before % and $, inside « », before :
NNBSP = "\u202f"         # narrow no-break space: before ? ! ; in French


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(locale(lang))


@lru_cache(maxsize=None)
def _pattern(lang: str, kind: str, digits: int | None):
    """The locale's own pattern for `kind`, with exactly `digits` decimals (None: the pattern's own)."""
    loc = _locale(lang)
    pattern = {"decimal": loc.decimal_formats[None], "percent": loc.percent_formats[None],
               "money": loc.currency_formats["standard"]}[kind]
    if digits is not None:
        pattern = copy.copy(pattern)
        pattern.frac_prec = (digits, digits)
    return pattern


def _rounded(value: float, digits: int) -> Decimal:
    """`value` rounded the way Python prints it (`f"{value:.{digits}f}"`), without a sign on zero."""
    d = Decimal(f"{value:.{digits}f}")
    return abs(d) if d == 0 else d


def _unbreakable(text: str) -> str:
    return text.replace(" ", NBSP)


def number(value: float, lang: str, digits: int | None = None) -> str:
    """A number the reader's way: `digits` decimals, or as many as it has (at most six significant digits).

    Thousands are grouped ("13 566" with a no-break space in French, "13,566" in English); the decimal
    mark is the reader's ("5,5" / "5.5").
    """
    if digits is None:
        d = Decimal(value) if isinstance(value, int) else Decimal(f"{value:g}")
        d = abs(d) if d == 0 else d
        text = _pattern(lang, "decimal", None).apply(d, _locale(lang), decimal_quantization=False)
    else:
        text = _pattern(lang, "decimal", digits).apply(_rounded(value, digits), _locale(lang))
    return _unbreakable(text)


def percent(share: float, lang: str, digits: int = 0) -> str:
    """A share (0.055) as a percentage with `digits` decimals: "5,5 %" (no-break space) in French, "5.5%" in English."""
    d = _rounded(100 * share, digits).scaleb(-2)        # the pattern multiplies by 100 again
    return _unbreakable(_pattern(lang, "percent", digits).apply(d, _locale(lang)))


def money(amount: float, lang: str, digits: int = 0, currency: str = "CAD") -> str:
    """An amount of money: "2 500 $" in French, "$2,500" in English (whole dollars unless `digits`)."""
    text = _pattern(lang, "money", digits).apply(_rounded(amount, digits), _locale(lang), currency=currency,
                                                 currency_digits=False)
    return _unbreakable(text)


def date(day: _dt.date, lang: str) -> str:
    """A date in words, on one line: "22 septembre 2021" / "September 22, 2021"."""
    return _unbreakable(format_date(day, format="long", locale=_locale(lang)))


def month(day: _dt.date, lang: str) -> str:
    """A month in words, on one line: "décembre 2026" / "December 2026" (CLDR's year-and-month skeleton)."""
    from babel.dates import format_skeleton

    return _unbreakable(format_skeleton("yMMMM", day, locale=_locale(lang)))


def quoted(text: str, lang: str) -> str:
    """Text in the reader's quotation marks: « … » (with no-break spaces) in French, “…” in English."""
    return f"«{NBSP}{text}{NBSP}»" if lang == "fr" else f"\u201c{text}\u201d"


def listed(items: list[str], lang: str) -> str:
    """Items joined the reader's way: "a, b et c" / "a, b and c" (no serial comma, as the course writes)."""
    last = " et " if lang == "fr" else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + last + items[-1]


# Typography for text typed with ordinary spaces: numbers (any language), then French punctuation (OQLF usage).
_UNIT = re.compile(r"(?<=\d) (?=[%$])")                              # 30 %, 2 500 $
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")      # 30 000, 1 250 000
_FRENCH = [(re.compile(r"« "), f"«{NBSP}"), (re.compile(r" »"), f"{NBSP}»"),
           (re.compile(r" ([?!;])"), f"{NNBSP}\\1"), (re.compile(r" :"), f"{NBSP}:")]


def number_spacing(text: str) -> str:
    """Ordinary spaces typed inside a number ("30 000") or between a number and its % or $ ("30 %",
    "2 500 $") become no-break spaces, so the number never breaks across lines. Other spaces are kept."""
    return _GROUPED.sub(lambda m: _unbreakable(m.group()), _UNIT.sub(NBSP, text))


def french_spacing(text: str) -> str:
    """French typography for typed text: `number_spacing`, and no-break spaces inside « » and before
    ? ! ; : (narrow before ? ! ;)."""
    for pattern, repl in _FRENCH:
        text = pattern.sub(repl, text)
    return number_spacing(text)
