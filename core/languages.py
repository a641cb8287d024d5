"""The course's languages and reading levels: the one place that lists them.

Every package (the models, the demos, the quiz engine, the builder, the tests) takes them from here.
"""
from __future__ import annotations

# Each language of the course and its Babel locale (numbers, percentages, money, dates): Québec French and
# Canadian English. A language is one line here, plus its message catalog (core/locales/<lang>/LC_MESSAGES/
# decodia.po) and its module texts: see the README, "Add a language". The first language is the landing page's.
LOCALES = {
    "fr": "fr_CA",
    "en": "en_CA",
}
LANGS = tuple(LOCALES)
LEVELS = ("simple", "standard", "advanced")


def per_language(schema: dict) -> dict:
    """A JSON Schema for a text written in every language of the course, each one required: the shape of the
    titles and objectives of module.yaml and of the texts of the quiz banks. Their schema files spell out
    fr and en; their loaders put this in their place, so a new language needs no schema edit."""
    return {"type": "object", "required": list(LANGS), "properties": {lang: schema for lang in LANGS},
            "additionalProperties": False}


def locale(lang: str) -> str:
    """The Babel locale of `lang` ("fr" -> "fr_CA"); an unknown language is refused."""
    try:
        return LOCALES[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}") from None
