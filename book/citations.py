"""`decodia check`'s rules on sources: every fact is sourced, every source is real and dated, every review is recent.

A module's sources are written once, in `modules/<slug>/sources.yaml` (`core/sources.py`). Each lesson and
teacher page lists the ids it cites in its `:::{sources}` block, one per line, and cites them inline in the
paragraph that states the fact: ``{source}`id``` shows "(Lum and Isaac, 2016)", ``{source}`Lum and Isaac
(2016) <lum-2016>``` links the writer's own words. The check says, with the file, the line and the
field, what to change when:

- the sources file is not valid: a source without a date, without an address (or a print identifier),
  with an address on a copy (`core/mirrors.yaml`), a duplicate id (`core.sources.load_sources`);
- a page has no `:::{sources}` block, writes a reference out in it instead of an id, lists or cites an
  id that the sources file lacks, or cites inline an id its block does not list;
- a source of the file is cited by no page;
- a number of a page's prose is neither shown by a demo, nor in a paragraph that cites a source, nor
  listed as derived (`book/numbers.py`), or a number listed as derived is stated by no page any more;
- and it warns (without failing) when the module's facts were last reviewed more than a year ago
  (`reviewed:` in `module.yaml`).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

from core.course import Module
from core.sources import SourceErrors, Sources, load_sources

from .numbers import SOURCE_ROLE, key, paragraphs, shown, source_id, uncited

SOURCES_FENCE = re.compile(r"^(?P<fence>:{3,}|`{3,})\{sources\}\s*$")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
REVIEW_EVERY = 365          # days: a module's facts are checked again at least once a year


@dataclass(frozen=True)
class Block:
    """A page's `:::{sources}` block: its first line, and each non-blank line inside with its number."""

    line: int
    entries: tuple[tuple[int, str], ...]


def sources_blocks(text: str) -> list[Block]:
    out = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = SOURCES_FENCE.match(lines[i].strip())
        if not m:
            i += 1
            continue
        start, entries = i + 1, []
        i += 1
        while i < len(lines) and lines[i].strip() != m.group("fence"):
            if lines[i].strip():
                entries.append((i + 1, lines[i].strip()))
            i += 1
        out.append(Block(start, tuple(entries)))
        i += 1
    return out


def inline_citations(text: str) -> list[tuple[int, str]]:
    """(line, id) of every ``{source}`id``` of a page."""
    return [(n, source_id(c)) for n, line in enumerate(text.splitlines(), 1) for c in SOURCE_ROLE.findall(line)]


def pages(module: Module) -> list[tuple[Path, str, str | None]]:
    """(path, language, level) of each page that cites sources: every edition (level) and teacher page (None)."""
    from .editions import LANGS, LEVELS

    return [(module.lesson(lang, level), lang, level) for lang in LANGS for level in LEVELS] + \
           [(module.guide(lang), lang, None) for lang in LANGS]


def _rel(path: Path, root: Path) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)


def check_page(path: Path, text: str, sources: Sources | None, root: Path) -> tuple[list[str], set[str]]:
    """The problems of one page's citations, and the ids it uses."""
    where = _rel(path, root)
    file = _rel(sources.path, root) if sources else "the module's sources.yaml"
    blocks = sources_blocks(text)
    if not blocks:
        return [f"{where}: no :::{{sources}} block; end the page with one listing, one per line, the ids (from "
                f"{file}) of the sources it cites"], set()
    problems: list[str] = []
    if len(blocks) > 1:
        problems.append(f"{where}, line {blocks[1].line}: a second :::{{sources}} block; a page has one: merge them")
    listed: dict[str, int] = {}
    for block in blocks:
        written = [(n, e) for n, e in block.entries if not ID.match(e)]
        if written:
            n, e = written[0]
            problems.append(f"{where}, line {n}: the :::{{sources}} block writes a reference out ({e[:50]!r}…); "
                            f"give each source an entry in {file} and list its id here, one per line")
            continue
        for n, e in block.entries:
            if e in listed:
                problems.append(f"{where}, line {n}: lists '{e}' twice (first at line {listed[e]})")
            listed.setdefault(e, n)
    if not listed and not any(b.entries for b in blocks):
        problems.append(f"{where}, line {blocks[0].line}: the :::{{sources}} block lists no source: list, one per "
                        f"line, the ids (from {file}) of the sources the page cites")
    used = set(listed)
    if sources is None:
        return problems, used
    for ident, n in listed.items():
        if ident not in sources:
            problems.append(f"{where}, line {n}: no source '{ident}' in {file}: add its entry there (id, author or "
                            "publisher, title, date, address) or correct the id")
    for n, ident in inline_citations(text):
        used.add(ident)
        if ident not in sources:
            problems.append(f"{where}, line {n}: {{source}}`{ident}` cites no source of {file}: add its entry there "
                            "or correct the id")
        elif ident not in listed:
            problems.append(f"{where}, line {n}: cites '{ident}', which its :::{{sources}} block does not list: add "
                            f"the line {ident} to the block")
    return problems, used


def check_module_sources(module: Module, root: Path, todos: list[str] | None = None, shown_text=None) -> list[str]:
    """Every citation rule for one module. `shown_text(lang)` gives what its demos show (default: `book.numbers.shown`).

    A draft module's pages that list no source yet are "to do" lines added to `todos` when given."""
    path = module.sources
    file = _rel(path, root)
    if not path.exists():
        return [f"{file}: missing; every module writes its sources there once (copy another module's and edit it): "
                "each with an id, author or publisher, title, date and address"]
    try:
        sources = load_sources(path, root)
    except SourceErrors as err:
        sources, problems = None, [str(e) for e in err.errors]
    else:
        problems = []
    used: set[str] = set()
    texts = {}
    for page, lang, level in pages(module):
        if not page.exists():
            continue        # the check of editions and teacher pages reports it
        text = page.read_text(encoding="utf-8")
        texts[page] = (text, lang)
        found, ids = check_page(page, text, sources, root)
        empty = [f for f in found if "block lists no source" in f]
        if module.draft and todos is not None:
            todos += [f"to do: {f}" for f in empty]
            found = [f for f in found if f not in empty]
        problems += found
        used |= ids
    if sources is None:
        return problems
    for s in sources:
        if s.id not in used:
            problems.append(f"{file}, line {s.line}, field 'id': '{s.id}' is cited by no page: cite it "
                            "({source}`" + s.id + "`) where the fact it supports is stated, or remove it")
    derived = {d.number for d in sources.derived}
    stated = {key(n) for text, _ in texts.values() for p in paragraphs(text) for n in p.numbers}
    for d in sources.derived:
        if d.number not in stated:
            problems.append(f"{file}, line {d.line}, field 'number': {d.number} is listed as derived but no page states "
                            "it any more: remove it from derived:")
    demo_text = shown_text or (lambda lang: shown(module.slug, module.demos, lang))
    seen: dict[str, str] = {}
    for page, (text, lang) in texts.items():
        # What the demos show is computed only for a page with numbers that nothing else accounts for.
        found = uncited(text, "", derived)
        if found:
            if lang not in seen:
                seen[lang] = demo_text(lang)
            found = uncited(text, seen[lang], derived)
        for u in found:
            problems.append(f"{_rel(page, root)}, line {u.line}: {u.number} is not computed by a demo: cite its "
                            "source in this paragraph ({source}`id`), or, if the text computes it, list it under "
                            f"derived: in {file}")
    return problems


def review_warnings(module: Module, root: Path, today: _dt.date | None = None) -> list[str]:
    """A warning when the module's facts were last reviewed more than a year before `today`."""
    from core.course import _line

    import yaml

    today = today or _dt.date.today()
    age = (today - module.reviewed_on).days
    if age <= REVIEW_EVERY:
        return []
    path = module.path / "module.yaml"
    line = _line(yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader), ("reviewed",))
    return [f"{_rel(path, root)}, line {line}, field 'reviewed': the facts were last checked on {module.reviewed}, "
            f"{age // 30} months ago: check every dated fact and figure of the pages and the bank against its source, "
            f"update them, then set reviewed: {today.isoformat()}"]
