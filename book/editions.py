"""The six editions and how each one's Jupyter Book source is laid out.

An edition is a language and a reading level. Its source tree is generated under
`_build/src/<lang>-<level>/` from `_config.yml`, the modules and `book/pages/`;
files are rewritten only when their content changes, so Sphinx and the Jupyter
cache see no change when there is none.
"""
from __future__ import annotations

import copy
import hashlib
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from core.course import modules
from core.i18n import N_, gettext, pgettext
from core import languages
from core.languages import LANGS, LEVELS  # noqa: F401  (LANGS: book.check and book.cli ask it here)

ROOT = Path(__file__).resolve().parent.parent
# Where everything is built; DECODIA_BUILD moves it (for example to build in parallel from one checkout).
BUILD = Path(os.environ.get("DECODIA_BUILD") or ROOT / "_build").resolve()
HTML = BUILD / "html"
THEME = ROOT / "book" / "theme"
PAGES = ROOT / "book" / "pages"

# What a reader sees of the book that the theme does not translate: messages of the interface catalogs.
LEVEL_NAMES = {"simple": N_("Easy reading"), "standard": N_("Standard"), "advanced": N_("In depth")}


def level_name(lang: str, level: str) -> str:
    return gettext(lang, LEVEL_NAMES[level])


def language_name(lang: str) -> str:
    """The language's own name ("Français"), as its readers write it."""
    return pgettext(lang, "the name of this language, in this language", "English")


def interface(lang: str) -> dict:
    """The book's interface words in `lang`: the theme's templates read them as `decodia_ui`."""
    return {
        "book": gettext(lang, "Decoding AI"),
        "language": language_name(lang),
        "levels": {level: level_name(lang, level) for level in LEVELS},
        "switcher": gettext(lang, "This page in another edition"),
        "home": gettext(lang, "Home: choose the language and level"),
        "modules": gettext(lang, "Modules"),
        "teachers": gettext(lang, "For teachers"),
        "resources": gettext(lang, "Resources"),
        "search": gettext(lang, "Search the book…"),
        "search_button": gettext(lang, "Search"),
        "show_code": gettext(lang, "Show code"),
        "hide_code": gettext(lang, "Hide code"),
        "colour_mode": gettext(lang, "Colour mode"),
        "toggle_primary": gettext(lang, "Show or hide the menu"),
        "toggle_secondary": gettext(lang, "Show or hide the page contents"),
        "main_nav": gettext(lang, "Main menu"),
        # the Listen control (book/theme/templates/listen.html, decodia-listen.js)
        "listen": gettext(lang, "Listen"),
        "listen_group": gettext(lang, "Listen to this page"),
        "listen_pause": gettext(lang, "Pause"),
        "listen_resume": gettext(lang, "Resume"),
        "listen_stop": gettext(lang, "Stop"),
        "listen_slower": gettext(lang, "Slower"),
        "listen_reading": gettext(lang, "Reading aloud. To hear another sentence, click it."),
        "listen_paused": gettext(lang, "Reading paused."),
        "listen_stopped": gettext(lang, "Reading stopped."),
        "listen_finished": gettext(lang, "End of the page."),
        "listen_no_speech": gettext(lang, "This browser cannot read the page aloud."),
        "listen_no_voice": gettext(lang, "No voice for this page's language is installed on this device. "
                                         "You can add one in your device's language and voice settings."),
        "listen_error": gettext(lang, "The voice stopped because of an error. Try again."),
    }


def deep_merge(base: dict, extra: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` to `path` unless it already holds exactly that; return whether it wrote."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


@dataclass(frozen=True)
class Edition:
    lang: str
    level: str

    @property
    def name(self) -> str:
        return f"{self.lang}/{self.level}"

    @property
    def key(self) -> str:
        return f"{self.lang}-{self.level}"

    @property
    def src(self) -> Path:
        return BUILD / "src" / self.key

    @property
    def out(self) -> Path:
        return HTML / self.lang / self.level

    @property
    def doctrees(self) -> Path:
        return BUILD / "doctrees" / self.key

    @property
    def ui(self) -> dict:
        return interface(self.lang)

    @property
    def title(self) -> str:
        return f"{self.ui['book']} · {self.ui['levels'][self.level]}"

    @cached_property
    def staged_sources(self) -> dict[str, Path]:
        """Staged page name -> the source file a writer edits."""
        pages = {"index": PAGES / self.lang / "index.md", "glossary": PAGES / self.lang / "glossary.md",
                 "teaching": PAGES / self.lang / "teaching.md", "workshops": PAGES / self.lang / "workshops.md"}
        for m in modules(ROOT):
            pages[m.slug] = m.lesson(self.lang, self.level)
            pages[f"{m.slug}-guide"] = m.guide(self.lang)
        return pages

    def config(self) -> dict:
        base = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
        ui = self.ui
        from .launch import hub_url

        hub = hub_url(base.get("launch_buttons", {}).get("jupyterhub_url", ""))
        editions = [{"lang": e.lang, "level": e.level, "label": f"{language_name(e.lang)} · {level_name(e.lang, e.level)}",
                     "current": e == self} for e in all_editions()]
        extra = {
            "title": self.title,
            # One execution cache per edition: editions build in parallel processes, and jupyter-cache's
            # SQLite index is not safe to share between them (a shared one once failed a build with a
            # cache record whose notebook another process had just removed). No lesson is shared.
            "execute": {"cache": str(BUILD / ".jupyter_cache" / self.key)},
            "html": {"favicon": str(THEME / "favicon.svg")},
            # The lesson's launch button is book/launch.py's (the theme's would open a path that does not exist).
            "launch_buttons": {"jupyterhub_url": ""},
            "sphinx": {"config": {
                "language": self.lang,
                "templates_path": [str(THEME / "templates")],
                "html_static_path": [str(THEME / "static"), str(ROOT / "widgets" / "static"),
                                     str(ROOT / "quizzes" / "static")],
                "html_css_files": ["decodia-theme.css", "decodia-icons.css", "decodia-widgets.css",
                                   "decodia-quiz.css", "decodia-listen.css", "decodia-print.css"],
                "html_js_files": ["decodia-widgets.js", "decodia-quiz-types.js", "decodia-quiz.js",
                                  "decodia-listen.js", "decodia-print.js"],
                "html_context": {
                    "default_mode": "light",
                    "decodia_lang": self.lang,
                    "decodia_level": self.level,
                    "decodia_ui": ui,
                    "decodia_editions": editions,
                    # the voice the Listen control prefers ("fr-CA"), then any voice of the page's language
                    "decodia_voice": languages.locale(self.lang).replace("_", "-"),
                },
                # A change in the book's Sphinx code or theme re-reads and rewrites every page.
                "decodia_theme_digest": theme_digest(),
                "decodia_jupyterhub_url": hub,
                "html_theme_options": {"search_bar_text": ui["search"]},
                "nb_code_prompt_show": ui["show_code"],
                "nb_code_prompt_hide": ui["hide_code"],
            }},
        }
        return deep_merge(base, extra)

    def toc(self) -> dict:
        mods = modules(ROOT)
        return {
            "format": "jb-book",
            "root": "index",
            "parts": [
                {"caption": self.ui["modules"], "chapters": [{"file": m.slug} for m in mods]},
                {"caption": self.ui["teachers"],
                 "chapters": [{"file": "teaching"}, {"file": "workshops"}] + [{"file": f"{m.slug}-guide"} for m in mods]},
                {"caption": self.ui["resources"], "chapters": [{"file": "glossary"}]},
            ],
        }

    def stage(self) -> list[str]:
        """Write this edition's source tree; return the pages whose text changed."""
        changed = []
        if write_if_changed(self.src / "_config.yml", yaml.safe_dump(self.config(), allow_unicode=True, sort_keys=True)):
            changed.append("_config.yml")
        if write_if_changed(self.src / "_toc.yml", yaml.safe_dump(self.toc(), allow_unicode=True, sort_keys=False)):
            changed.append("_toc.yml")
        owner = {page: m.slug for m in modules(ROOT) for page in (m.slug, f"{m.slug}-guide")}
        for page, source in self.staged_sources.items():
            text = source.read_text(encoding="utf-8")
            if page in owner:
                text = with_code_hash(text, code_digest(text, owner[page]))
            if write_if_changed(self.src / f"{page}.md", text):
                changed.append(page)
        keep = {f"{p}.md" for p in self.staged_sources} | {"_config.yml", "_toc.yml"}
        for stale in self.src.glob("*.md"):
            if stale.name not in keep:
                stale.unlink()
        return changed


def code_digest(text: str, slug: str, root: Path = ROOT) -> str:
    """A digest of every project file a module page's execution imports (see book/dependencies.py).

    It is written into the staged notebook, so the Jupyter cache re-executes the page when
    code or data behind it changes, and only then. The page's own module and its `quiz.py`
    count too: the self-check and the answer key import them by name.
    """
    from .dependencies import code_cells, dependencies

    return dependencies(root).digest(code_cells(text), {f"modules.{slug}", f"modules.{slug}.quiz"})


def with_code_hash(text: str, digest: str) -> str:
    """Append a removed cell naming the code digest, so the Jupyter cache follows code changes."""
    cell = f"\n\n```{{code-cell}} ipython3\n:tags: [remove-cell]\n# decodia code digest: {digest}\n```\n"
    return text.rstrip("\n") + cell


def theme_digest() -> str:
    """A digest of the book's own Sphinx code and theme: a change makes Sphinx rewrite every page."""
    h = hashlib.sha256()
    files = ([ROOT / "book" / n for n in ("sphinxext.py", "icons.py")] + [ROOT / "core" / "formats.py"]
             + sorted(THEME.rglob("*")) + sorted((ROOT / "core" / "locales").rglob("*.po")))
    for p in files:
        if p.is_file():
            h.update(p.relative_to(ROOT).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def all_editions() -> list[Edition]:
    return [Edition(lang, level) for lang in languages.LANGS for level in LEVELS]


def select(lang: str | None = None, level: str | None = None) -> list[Edition]:
    return [e for e in all_editions() if (lang in (None, e.lang)) and (level in (None, e.level))]
