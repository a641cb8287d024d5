"""Numbers in a page's prose: each one is computed by a demo, cited from a source, or derived in the text.

A lesson that says "after 'fait', the model saw 'froid' 16 times" must still be right after a model or
corpus change, and one that says "13.8 million households" must say who counted them. So every number the
prose states (decimals, percentages, thousands: `NUMBER`) is

- **shown by a demo** of the module in the page's language: it appears in what the demos' kernel-free faces
  show, every panel of every demo, as text (`shown`); or
- **cited**: its paragraph cites a source inline, ``{source}`id``` or ``{source}`Lum and Isaac (2016) <lum-2016>```; or
- **derived** in the page's own text from other numbers ("1.56 means 56 % more"): listed, with why, under
  `derived:` in the module's `sources.yaml`.

A number that is a name is no quantity and is left alone (`NAME`): a provision of a law ("article 65.2"),
a model or a version ("GPT-3.5", "3.8.0").

`decodia check` reports the others (`uncited`), and `tests/test_lessons.py` runs the same rule on every page.
Running every demo takes a while, so what they show is kept in the build folder (`<build>/cache/shown/`),
under a digest of the project files the module's demos import: it is computed again only when one changes.
"""
from __future__ import annotations

import html
import importlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .readability import prose

# Decimals ("5,5", "1.56"), percentages ("61 %", "77,2 %") and grouped thousands ("13 566", "86,000").
NUMBER = re.compile(r"\d+(?:[,.]\d+)+\s?%?|\d+\s?%|\d{1,3}(?:[ \u00a0,]\d{3})+")
SPACES = re.compile(r"[\s\u00a0\u202f]")
# A number that names something is no quantity: a provision of a law ("article 65.2", "s. 162.1", "ss. 162.1
# and 163.1"), a model or version ("GPT-3.5", "gpt-3.5-turbo", "version 3.8.0"). What it names is cited where
# the page relies on it.
NAME = re.compile(r"(?:\b(?:articles?|arts?\.|sections?|ss?\.|paragraphes?|alinéas?)\s*"
                  r"(?:\d+(?:\.\d+)*\s*(?:,|et|and|à|to)\s*)*|\b(?:versions?|v)\s*|[A-Za-z]-)$", re.I)
SOURCE_ROLE = re.compile(r"\{source\}`([^`]*)`")
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<id>[^<>]*)>\s*$", re.S)


def source_id(role_text: str) -> str:
    """The id a {source} role cites: ``{source}`lum-2016``` or ``{source}`Lum and Isaac (2016) <lum-2016>```."""
    m = _EXPLICIT.match(role_text)
    return (m.group("id") if m else role_text).strip()
_FENCE = re.compile(r"^(`{3,}|:{3,})\s*(\{[^}]*\})?(.*)$")
_SKIPPED = {"code-cell", "sources", "raw", "glossary-data"}     # what book.readability.prose leaves out too


def key(number: str) -> str:
    """A number as the check compares it: without any space ("13 566" and "13,566" stay distinct)."""
    return SPACES.sub("", number)


@dataclass(frozen=True)
class Paragraph:
    """A run of consecutive lines of prose (a paragraph, a list, a table), from its first source line."""

    line: int
    raw: str

    @property
    def cites(self) -> list[str]:
        """The ids it cites inline ({source}`id`)."""
        return [source_id(c) for c in SOURCE_ROLE.findall(self.raw)]

    @property
    def numbers(self) -> list[str]:
        """The numbers a reader reads in it, as written; not the names that look like numbers (`NAME`)."""
        text = prose(SOURCE_ROLE.sub(_shown_text, self.raw))
        return [m.group().strip() for m in NUMBER.finditer(text) if not NAME.search(text[:m.start()])]


def _shown_text(m: re.Match) -> str:
    """What a reader reads of a {source} role: its own text if it has one (the rendered citation is not prose)."""
    explicit = _EXPLICIT.match(m.group(1))
    return explicit.group("text") if explicit else ""


def paragraphs(markdown: str) -> list[Paragraph]:
    """The prose of a MyST page as paragraphs, skipping what `book.readability.prose` skips: the front matter,
    code, `sources` and raw blocks, directive options, labels and comments. A directive's fence ends a
    paragraph; its title (the fence's argument) is a paragraph of its own."""
    lines = markdown.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    out: list[Paragraph] = []
    run: list[str] = []
    first = 0
    stack: list[tuple[str, bool]] = []

    def close():
        nonlocal run
        if run:
            out.append(Paragraph(first, "\n".join(run)))
        run = []

    for index in range(start, len(lines)):
        s = lines[index].strip()
        m = _FENCE.match(s)
        if m and stack and m.group(1) == stack[-1][0] and not m.group(2) and not m.group(3).strip():
            stack.pop()
            close()
            continue
        if m and (m.group(2) or m.group(1).startswith("`")):
            name = (m.group(2) or "").strip("{}")
            skip = m.group(1).startswith("`") or name in _SKIPPED or bool(stack and stack[-1][1])
            stack.append((m.group(1), skip))
            close()
            if not skip and m.group(3).strip():
                out.append(Paragraph(index + 1, m.group(3).strip()))
            continue
        if stack and stack[-1][1]:
            continue
        if re.match(r"^:[\w-]+:", s) or re.match(r"^\(.*\)=$", s) or s.startswith(("<!--", "+++")):
            continue
        if not s:
            close()
            continue
        if not run:
            first = index + 1
        run.append(s)
    close()
    return out


@dataclass(frozen=True)
class Uncited:
    line: int
    number: str


def uncited(markdown: str, shown_text: str, derived: set[str] = frozenset()) -> list[Uncited]:
    """Each number of the prose that no demo shows (`shown_text`, without spaces), that is not `derived`,
    and whose paragraph cites no source."""
    out = []
    for p in paragraphs(markdown):
        if p.cites:
            continue
        for number in p.numbers:
            k = key(number)
            if k not in shown_text and k not in derived:
                out.append(Uncited(p.line, number))
    return out


# -- what the demos show ------------------------------------------------------------------------------

def _demo_text(slug: str, demos: tuple[str, ...], lang: str) -> str:
    """Everything the demos show in `lang`, every panel of their kernel-free face, as text without spaces."""
    widgets = importlib.import_module(f"widgets.{slug}")
    parts = [html.unescape(re.sub(r"<[^>]+>", " ", getattr(widgets, name)(lang).static_html())) for name in demos]
    return SPACES.sub("", " ".join(parts))


def shown(slug: str, demos: tuple[str, ...], lang: str, cache: Path | None = None) -> str:
    """What the module's demos show in `lang` (see `_demo_text`), kept under `cache` by the digest of the
    project files they import (`book.dependencies`), so that it is computed again only after a change.
    The demos are this project's (`widgets.<slug>`, as imported), whatever folder of modules is checked."""
    from .dependencies import dependencies
    from .editions import BUILD, ROOT

    cache = Path(cache or BUILD / "cache" / "shown")
    digest = dependencies(ROOT).digest([], {f"widgets.{slug}"})
    path = cache / f"{slug}-{lang}-{'-'.join(demos)}-{digest}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    text = _demo_text(slug, demos, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(f"{slug}-{lang}-*.txt"):     # older digests of the same demos
        old.unlink(missing_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return text
