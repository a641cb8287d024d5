"""Interface text, in gettext message catalogs: `core/locales/<lang>/LC_MESSAGES/decodia.po`.

Every word of the interface that a reader sees (the demos' controls and captions, the landing page and the
edition switcher, the quiz in the page, on paper and in a kernel, the answer keys, the packs' READMEs, the
item-analysis report, the PDF headers) is a message of these catalogs. Code asks for a message by its id,
in the reader's language:

    gettext("fr", "Check my answers")                         == "Vérifier mes réponses"
    gettext("fr", "Set {n} of {total}", n=1, total=3)         == "Série 1 sur 3"
    ngettext("en", "{n} point", "{n} points", 2)              == "2 points"
    pgettext("en", "gloss", "médecin")                        == "doctor"

- **Message ids are the English source text** (the `en` catalog repeats them, so every catalog is complete
  in the same way and a new language starts from a copy of it). Where one English text needs two
  translations, the message has a context (`pgettext`).
- **Placeholders are `{name}`**, filled by `str.format` with the keywords given (`ngettext` also gives `n`).
  A message called without keywords is returned as is, braces included (the quiz script fills its own).
- **Plurals** follow each catalog's `Plural-Forms` (`ngettext`): French says "0 point", English "0 points".
- `N_(msgid)` and `NP_(context, msgid)` mark a message where it is written (in a table of options, say) and
  return it untranslated; translate it where it is shown: `gettext(lang, DATA_SETS[key])`.
- Jinja2 templates (`templates(folder)`) get the same functions, with the language taken from the
  template's `lang`: `{{ _("Answer key") }}`, `{{ ngettext("{n} point", "{n} points", q.points) }}`.

The catalogs are read with Babel when a language is first used (about 20 ms each, once per process), so
nothing compiled is kept in git. `tests/test_i18n.py` extracts the messages from the code with Babel
(`babel.cfg`) and fails when a catalog lacks one, leaves one empty or fuzzy, or keeps one the code no
longer uses. To update the catalogs after changing the code, see the README ("Interface text").
"""
from __future__ import annotations

import html
import io
from functools import lru_cache
from pathlib import Path

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "decodia"


def catalog_path(lang: str, locales: Path | None = None) -> Path:
    return (locales or LOCALES) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def translations(lang: str):
    """The catalog of `lang`, read with Babel (`babel.support.Translations`); fuzzy entries are left out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    path = catalog_path(lang)
    if not path.exists():
        from .languages import LANGS

        raise ValueError(f"no message catalog for language {lang!r} ({path}); the languages are: "
                         f"{', '.join(LANGS)}")
    with path.open("rb") as f:
        catalog = read_po(f, locale=None, domain=DOMAIN)
    mo = io.BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def _filled(text: str, values: dict) -> str:
    return text.format(**values) if values else text


def gettext(lang: str, msgid: str, /, **values) -> str:
    """The message `msgid` in `lang`, its `{placeholders}` filled from `values`."""
    return _filled(translations(lang).gettext(msgid), values)


def ngettext(lang: str, singular: str, plural: str, n: float, /, **values) -> str:
    """The form of the message for `n` in `lang` (`{n}` is `n` unless `values` give it, formatted)."""
    values.setdefault("n", n)
    return _filled(translations(lang).ngettext(singular, plural, _count(n)), values)


def _count(n: float) -> int:
    """The whole number a catalog's plural rule reads: `n` itself, or 2 for a fraction (which takes the plural,
    as it did before the catalogs: "1,5 points")."""
    return int(n) if float(n).is_integer() else 2


def pgettext(lang: str, context: str, msgid: str, /, **values) -> str:
    """The message `msgid` in `context` (for an English text that has two translations)."""
    return _filled(translations(lang).pgettext(context, msgid), values)


def N_(msgid: str) -> str:
    """Marks `msgid` as a message (Babel extracts it) where it is written; translate it where it is shown."""
    return msgid


def NP_(context: str, msgid: str) -> str:
    """Marks `msgid` in `context` as a message; translate it with `pgettext(lang, context, msgid)`."""
    return msgid


# -- extraction ---------------------------------------------------------------------------------------------

_LANG_FIRST = {"gettext", "ngettext", "pgettext", "npgettext"}


def extract_python(fileobj, keywords, comment_tags, options):
    """Babel's Python extractor, for this project's calls (`babel.cfg` names it).

    Code passes the language first, `gettext(lang, msgid)`, so its first argument is dropped; `N_(msgid)`
    and `NP_(context, msgid)` are read as `gettext` and `pgettext`. Babel's default keywords then apply
    alike to the Python code and to the Jinja2 templates. Python code does not call `_`: Babel would take a
    `_` among a call's arguments (`for _, n in counts`) for a call of its own and lose the message.
    """
    from babel.messages.extract import extract_python as babel_python

    names = [k for k in keywords if k != "_"] + ["N_", "NP_"]
    for lineno, func, messages, comments in babel_python(fileobj, names, comment_tags, options):
        if func in _LANG_FIRST and isinstance(messages, tuple):
            messages = messages[1:]
        elif func in ("N_", "NP_"):
            func = {"N_": "gettext", "NP_": "pgettext"}[func]
        yield lineno, func, messages, comments


# -- Jinja2 templates ---------------------------------------------------------------------------------------

def escaped(value):
    """What a template writes for `{{ value }}`: escaped like `core.markup.esc` (html.escape), unless it is
    already markup."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def _template_functions():
    """gettext, ngettext and pgettext for templates: in the template's `lang`, or in `in_lang` when given (a page
    that says the same in several languages)."""
    from jinja2 import pass_context

    @pass_context
    def t_gettext(ctx, msgid, in_lang=None, **values):
        return escaped(gettext(in_lang or ctx["lang"], msgid, **values))

    @pass_context
    def t_ngettext(ctx, singular, plural, n, in_lang=None, **values):
        return escaped(ngettext(in_lang or ctx["lang"], singular, plural, n, **values))

    @pass_context
    def t_pgettext(ctx, context, msgid, in_lang=None, **values):
        return escaped(pgettext(in_lang or ctx["lang"], context, msgid, **values))

    return {"gettext": t_gettext, "_": t_gettext, "ngettext": t_ngettext, "pgettext": t_pgettext}


@lru_cache(maxsize=None)
def templates(folder: str | Path):
    """The Jinja2 environment of the templates in `folder`: HTML autoescaping, and the gettext extension with
    this module's catalogs (the language is the template's `lang` variable).

    Every `{{ value }}` is escaped as `core.markup.esc` does; messages are escaped too, `{% trans %}` blocks
    included (write them without variables: use `{{ _("… {name} …", name=value) }}` for those).
    """
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=True, extensions=["jinja2.ext.i18n"],
                      undefined=StrictUndefined, keep_trailing_newline=True, finalize=escaped)
    env.globals.update(_template_functions())
    return env


def render(folder: str | Path, name: str, lang: str, **context) -> str:
    """Template `name` of `folder`, filled with `context`, its messages in `lang`."""
    return templates(folder).get_template(name).render(lang=lang, **context)
