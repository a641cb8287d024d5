"""The course's languages and reading levels: the one place that lists them.

Every package (the models, the demos, the quiz engine, the builder, the tests) takes them from here.
"""
from __future__ import annotations

LANGS = ("fr", "en")
LEVELS = ("simple", "standard", "advanced")
# The locale of each language, for Babel (numbers, percentages, money, dates): Québec French and Canadian English.
LOCALES = {"fr": "fr_CA", "en": "en_CA"}


def locale(lang: str) -> str:
    """The Babel locale of `lang` ("fr" -> "fr_CA"); an unknown language is refused."""
    try:
        return LOCALES[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}") from None
