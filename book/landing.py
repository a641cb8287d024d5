"""The landing page at `_build/html/index.html`: choose a language and a reading level
(`templates/landing.html.j2`, one section per language of `core.languages.LANGS`)."""
from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup

from core import languages
from core.course import modules
from core.formats import french_spacing
from core.i18n import N_, escaped, render

from .editions import HTML, LEVELS, ROOT, THEME, Edition, interface, language_name, level_name
from .pdf import edition_pdf_path, pdf_path, site_path

TEMPLATES = Path(__file__).parent / "templates"
# What each reading level offers, on its card.
LEVEL_TEXT = {
    "simple": N_("Short sentences and everyday words. Hard words are explained. No code to read. "
                 "For adults who want an easy read."),
    "standard": N_("For the general public and high school. Clear explanations and demos. "
                   "The code is hidden, but you can show it."),
    "advanced": N_("For CEGEP, university and teachers. The code, the maths behind the models, and "
                   "exercises that change the code."),
}


def _editions(lang: str) -> list[dict]:
    """Each edition of `lang` as its card shows it: its name and text, and the PDFs already printed."""
    cards = []
    for level in LEVELS:
        e = Edition(lang, level)
        whole = edition_pdf_path(e)
        pdfs = [(site_path(pdf_path(e, m.slug)), m.title[lang]) for m in modules(ROOT) if pdf_path(e, m.slug).exists()]
        cards.append({"level": level, "name": level_name(lang, level), "text": LEVEL_TEXT[level],
                      "whole": site_path(whole) if whole.exists() else None, "pdfs": pdfs})
    return cards


@pass_context
def _typeset(ctx, text) -> Markup:
    """`text` escaped, with French typography (no-break spaces) on a French section. Escaping touches none of
    the spaces, signs and digits that `french_spacing` looks at, so it works on the escaped text."""
    text = escaped(text)
    return Markup(french_spacing(str(text))) if ctx["lang"] == "fr" else text


# The Listen control's words that its script shows (templates/landing-listen.html.j2), from the book's interface.
LISTEN_TEXT = {"listen": "listen", "pause": "listen_pause", "resume": "listen_resume", "reading": "listen_reading",
               "paused": "listen_paused", "stopped": "listen_stopped", "finished": "listen_finished",
               "no_speech": "listen_no_speech", "no_voice": "listen_no_voice", "error": "listen_error"}
LISTEN_FILES = ("decodia-listen.js", "decodia-listen.css")


def _listen(langs: list[str]) -> dict:
    """The landing page speaks every language: the control says each of its words in each of them, and prefers
    each language's own voice ("fr-CA en-CA")."""
    uis = [interface(lang) for lang in langs]
    return {"voices": " ".join(languages.locale(lang).replace("_", "-") for lang in langs),
            "text": {key: " / ".join(dict.fromkeys(ui[name] for ui in uis)) for key, name in LISTEN_TEXT.items()}}


def landing_html() -> str:
    langs = list(languages.LANGS)
    return render(TEMPLATES, "landing.html.j2", langs[0], langs=langs, language_name=language_name,
                  editions={lang: _editions(lang) for lang in langs}, typeset=_typeset, listen=_listen(langs))


def write_landing() -> None:
    HTML.mkdir(parents=True, exist_ok=True)
    (HTML / "index.html").write_text(landing_html(), encoding="utf-8")
    shutil.copyfile(THEME / "favicon.svg", HTML / "favicon.svg")
    for name in LISTEN_FILES:
        shutil.copyfile(THEME / "static" / name, HTML / name)
