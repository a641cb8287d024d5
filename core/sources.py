"""A module's sources: `modules/<slug>/sources.yaml`, checked against `core/sources.schema.json`.

    from core.sources import load_sources, reference, citation
    sources = load_sources(Path("modules/bias/sources.yaml"))     # {id: Source}, in file order
    reference(sources["lum-2016"], "fr")       # the reference, as pieces (text, style, address)
    citation(sources["lum-2016"], "fr")        # "Lum et Isaac, 2016": what an inline citation shows

Every source is written once, with its author or publisher, title, date and address on the original
publisher's site; pages list the ids they cite (`:::{sources}`) and cite them inline ({source}`id`),
and the book renders every reference the same way, in the page's language (`book/sphinxext.py`).

A bad file is refused with the file, the line and the field, and what to write instead
(`modules/bias/sources.yaml, line 12, field 'sources[3].date': '2023-13' is not a real date`). Sites that
copy other publishers' texts are listed, with why, in `core/mirrors.yaml`: an address there is refused.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .yamlfile import dotted as _dotted, strip_lines as _strip_lines

from .formats import NBSP, date as long_date, listed, month as month_name, quoted
from .i18n import gettext

SCHEMA = Path(__file__).with_name("sources.schema.json")
MIRRORS = Path(__file__).with_name("mirrors.yaml")
ITALIC_KINDS = {"law", "court decision", "report", "dataset", "standard", "book"}
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class SourceError(ValueError):
    """One problem in a sources file; `str()` names the file, the line and the field."""

    def __init__(self, file: str, message: str, line: int | None = None, field: str | None = None):
        self.file, self.line, self.field, self.message = file, line, field, message
        where = file + (f", line {line}" if line else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")


class SourceErrors(ValueError):
    """Every problem of one sources file, so that a writer fixes them in one pass."""

    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


# -- dates ------------------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day ("2023", "2023-12", "2023-12-04")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """ValueError, with what is wrong, unless `text` is a real YYYY, YYYY-MM or YYYY-MM-DD date."""
        m = DATE.match(str(text))
        if not m:
            raise ValueError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            _dt.date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"'{text}' is not a real date") from None
        return cls(year, month, day)

    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        return f"{self.year}" + (f"-{self.month:02d}" if self.month else "") + (f"-{self.day:02d}" if self.day else "")

    def consulted(self, lang: str) -> str:
        """"consulted in December 2026" / "consulté le 4 décembre 2026", for a page read on this date."""
        if self.day:
            return gettext(lang, "consulted on {day}", day=self.words(lang))
        return gettext(lang, "consulted in {month}", month=self.words(lang))

    def words(self, lang: str) -> str:
        """As the reader says it: "2023", "décembre 2023" / "December 2023", "4 décembre 2023"."""
        if self.day:
            return long_date(self.first_day(), lang)
        if self.month:
            return month_name(self.first_day(), lang)
        return str(self.year)


# -- the sources ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Via:
    name: str
    address: str
    date: PartialDate


@dataclass(frozen=True)
class Source:
    id: str
    title: dict[str, str] | str
    line: int                                   # where its entry starts in sources.yaml
    author: str | None = None
    publisher: str | None = None
    date: PartialDate | None = None
    consulted: PartialDate | None = None
    address: dict[str, str] | str | None = None
    doi: str | None = None
    isbn: str | None = None
    number: str | None = None
    via: Via | None = None
    language: str | None = None
    kind: str | None = None
    details: dict[str, str] | str | None = None
    note: dict[str, str] | str | None = None
    short: str | None = None
    data: dict = field(default_factory=dict, repr=False, compare=False)

    def link(self, lang: str) -> str | None:
        """The address a reader of `lang` follows: the original page (in that language when there is one), or the DOI's."""
        return in_language(self.address, lang) or (f"https://doi.org/{self.doi}" if self.doi else None)

    @property
    def year(self) -> str:
        when = self.date or self.consulted
        return str(when.year) if when else ""


@dataclass(frozen=True)
class Derived:
    number: str
    why: str
    line: int


@dataclass(frozen=True)
class Sources:
    """A module's sources file: its sources by id (in file order) and the numbers its pages derive."""

    path: Path
    by_id: dict[str, Source]
    derived: tuple[Derived, ...] = ()

    def __getitem__(self, key: str) -> Source:
        return self.by_id[key]

    def __contains__(self, key: str) -> bool:
        return key in self.by_id

    def __iter__(self):
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)


def in_language(text: dict[str, str] | str | None, lang: str) -> str | None:
    """A text given once (a title in its own language) or per language ({fr: …, en: …})."""
    if text is None or isinstance(text, str):
        return text
    return text.get(lang) or next(iter(text.values()))


# -- reading and checking a file ------------------------------------------------------------------

def _rel(path: Path, root: Path | None) -> str:
    from .yamlfile import relative

    return relative(path, root) if root else relative(path)


def load_sources(path: Path, root: Path | None = None) -> Sources:
    """Read and check one sources file; raise SourceErrors naming the file, line and field of each problem."""
    from .yamlfile import YamlError, read_yaml

    path = Path(path)
    name = _rel(path, root)
    try:
        text = path.read_text(encoding="utf-8")
        data = read_yaml(path, root) if root else read_yaml(path)
    except YamlError as err:
        raise SourceErrors([SourceError(name, err.message, line=err.line)]) from None
    except (OSError, UnicodeDecodeError) as err:
        raise SourceErrors([SourceError(name, f"cannot be read: {err}")]) from None
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    problems = _problems(_normalised(data), name, node)
    if problems:
        raise SourceErrors(problems)
    return _build(path, _normalised(data))


def _normalised(data):
    """YAML reads `2023-12-04` as a date and `2023` as a number: dates are text here."""
    if isinstance(data, dict):
        return {k: (str(v) if k in ("date", "consulted") and isinstance(v, (int, _dt.date)) and not isinstance(v, bool)
                    else _normalised(v)) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalised(v) for v in data]
    return data


@lru_cache(maxsize=1)
def _validator():
    from .schema import load_jsonschema

    return load_jsonschema().Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))




_KIND = {"string": "text", "array": "a list", "object": "a mapping of fields"}
_PATTERNS = {
    "^[a-z0-9][a-z0-9-]*$": "lower-case letters, digits and hyphens (\"petrov-2023\")",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "a date: YYYY, YYYY-MM or YYYY-MM-DD",
    "^https?://[^\\s/$.?#][^\\s]*$": "a web address starting with https:// (or http://)",
    "^[a-z]{2}$": "a two-letter language code (fr, en, nl)",
}


def _clean(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "__line__"} if isinstance(data, dict) else data


def _schema_problems(data) -> list[tuple[tuple, str | None, str, str | None]]:
    """(path of the node, field, message, key whose line is the place) for each schema error."""
    out = []
    for e in sorted(_validator().iter_errors(_strip_lines(data)), key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(e.absolute_path)
        if e.validator == "required":
            for missing in e.validator_value:
                if isinstance(e.instance, dict) and missing not in e.instance:
                    out.append((path, _dotted(path + (missing,)), "is required but missing", None))
        elif e.validator == "additionalProperties":
            allowed = list(e.schema.get("properties", {}))
            for extra in (k for k in e.instance if k not in allowed):
                out.append((path, _dotted(path + (extra,)),
                            f"is not a field here; the fields are {', '.join(allowed)}", str(extra)))
        elif e.validator == "type":
            out.append((path, _dotted(path), f"must be {_KIND.get(e.validator_value, e.validator_value)}, "
                                              f"not {e.instance!r}", None))
        elif e.validator == "pattern":
            out.append((path, _dotted(path), f"{e.instance!r} must be "
                                              f"{_PATTERNS.get(e.validator_value, 'of the form ' + e.validator_value)}",
                        None))
        elif e.validator in ("minLength", "minItems"):
            out.append((path, _dotted(path), "must not be empty", None))
        elif e.validator == "enum":
            out.append((path, _dotted(path), f"{e.instance!r} is not one of: {', '.join(map(str, e.validator_value))}",
                        None))
        elif e.validator == "oneOf" and isinstance(e.instance, (int, float)) and not isinstance(e.instance, bool):
            out.append((path, _dotted(path), f"YAML reads {e.instance!r} as a number: put it in quotes", None))
        elif e.validator == "oneOf":
            what = "a web address" if path and path[-1] == "address" else "a text"
            out.append((path, _dotted(path), f"must be {what}, or one per language ({{fr: …, en: …}})", None))
        else:
            out.append((path, _dotted(path), e.message, None))
    return out


def _problems(data, name: str, node) -> list[SourceError]:
    from .course import _line

    def at(path, field_, message, key=None):
        return SourceError(name, message, line=_line(node, tuple(path), key), field=field_)

    if not isinstance(data, dict):
        return [SourceError(name, "must be a mapping with a 'sources:' list (copy another module's sources.yaml)")]
    out = [at(p, f, m, k) for p, f, m, k in _schema_problems(data)]
    if out:
        return out
    seen: dict[str, int] = {}
    for i, s in enumerate(data["sources"]):
        here = ("sources", i)
        where = f"sources[{i}]"
        if s["id"] in seen:
            out.append(at(here + ("id",), f"{where}.id", f"'{s['id']}' is used twice (first at sources[{seen[s['id']]}]); "
                                                           "ids must be unique"))
        seen.setdefault(s["id"], i)
        if "author" not in s and "publisher" not in s:
            out.append(at(here, f"{where}.author", f"'{s['id']}' says neither who wrote it nor who published it: give "
                                                   "`author` (\"Lum, K. & Isaac, W.\") or `publisher` (\"Reuters\")"))
        if "date" not in s and "consulted" not in s:
            out.append(at(here, f"{where}.date", f"'{s['id']}' has no date: give `date`, when it was published (YYYY, "
                                                 "YYYY-MM or YYYY-MM-DD), or for an undated page that changes, "
                                                 "`consulted`, when you read it"))
        for key in ("date", "consulted"):
            if key in s:
                try:
                    PartialDate.parse(s[key])
                except ValueError as err:
                    out.append(at(here + (key,), f"{where}.{key}", str(err)))
        if "via" in s:
            try:
                PartialDate.parse(s["via"]["date"])
            except ValueError as err:
                out.append(at(here + ("via", "date"), f"{where}.via.date", str(err)))
        if not any(k in s for k in ("address", "doi", "isbn", "number", "via")):
            out.append(at(here, f"{where}.address",
                          f"'{s['id']}' has no address: give `address`, its page on the original publisher's site; for "
                          "a print-only source, its `isbn` or `doi` (or else the publisher's document `number`); if you "
                          "only found a faithful copy, `via` (name, address, date consulted)"))
        addresses = s.get("address")
        addresses = list(_clean(addresses).values()) if isinstance(addresses, dict) else [addresses]
        for key, addr in [("address", a) for a in addresses] + [("via.address", (s.get("via") or {}).get("address"))]:
            mirror = mirror_of(addr) if addr else None
            if mirror is None:
                continue
            if key == "address":
                out.append(at(here + ("address",), f"{where}.address",
                              f"{mirror['domain']} is not the original publisher ({mirror['why']}; core/mirrors.yaml): "
                              "give the publisher's own page as `address`" +
                              ("; if you read the text only there, keep it as `via` (name, address, date consulted)"
                               if mirror["via"] else "")))
            elif not mirror["via"]:
                out.append(at(here + ("via", "address"), f"{where}.via.address",
                              f"{mirror['domain']} does not copy faithfully ({mirror['why']}; core/mirrors.yaml): "
                              "check the text in the original or in a faithful copy"))
    for i, d in enumerate(data.get("derived") or []):
        if " " in d["number"] or NBSP in d["number"]:
            out.append(at(("derived", i, "number"), f"derived[{i}].number",
                          f"'{d['number']}' has a space: write the number as the check compares it, without spaces"))
    return out


def _build(path: Path, data: dict) -> Sources:
    by_id = {}
    for s in data["sources"]:
        via = s.get("via")
        by_id[s["id"]] = Source(
            id=s["id"], title=s["title"], line=s.get("__line__", 0), author=s.get("author"),
            publisher=s.get("publisher"),
            date=PartialDate.parse(s["date"]) if "date" in s else None,
            consulted=PartialDate.parse(s["consulted"]) if "consulted" in s else None,
            address=_clean(s.get("address")), doi=s.get("doi"), isbn=s.get("isbn"), number=s.get("number"),
            via=Via(via["name"], via["address"], PartialDate.parse(via["date"])) if via else None,
            language=s.get("language"), kind=s.get("kind"), details=_clean(s.get("details")),
            note=_clean(s.get("note")), short=s.get("short"), data=_clean(s))
    derived = tuple(Derived(d["number"], d["why"], d.get("__line__", 0)) for d in data.get("derived") or [])
    return Sources(path, by_id, derived)


# -- mirrors ------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def mirrors() -> tuple[dict, ...]:
    """The sites of `core/mirrors.yaml`: each domain, why it is no source, and whether it may serve as `via`."""
    data = yaml.safe_load(MIRRORS.read_text(encoding="utf-8"))
    return tuple(data["mirrors"])


def mirror_of(address: str) -> dict | None:
    """The entry of `core/mirrors.yaml` whose domain hosts `address`, or None."""
    host = (urlsplit(address).hostname or "").lower()
    for m in mirrors():
        if host == m["domain"] or host.endswith("." + m["domain"]):
            return m
    return None


# -- rendering ----------------------------------------------------------------------------------------

def language_name(code: str, lang: str) -> str:
    """The name of language `code` in `lang`, as Babel's CLDR data writes it ("anglais", "Dutch")."""
    from babel import Locale

    from .languages import locale

    return Locale.parse(locale(lang)).languages.get(code, code)


def citation(source: Source, lang: str) -> str:
    """What an inline citation shows: "Petrov et al., 2023", "CSQ, 2025"."""
    name = source.short
    if not name:
        author = source.author or ""
        many = re.search(r"\bet (?:al|collab)\.?\s*$", author) is not None      # "Ji, Z. et al."
        names = surnames(re.sub(r",?\s+et (?:al|collab)\.?\s*$", "", author)) if author else []
        if len(names) > 2 or (many and names):
            name = gettext(lang, "{name} et al.", name=names[0])
        elif names:
            name = listed(names, lang)
        else:
            name = source.publisher or ""
    return f"{name}, {source.year}" if source.year else name


def surnames(authors: str) -> list[str]:
    """The surnames of authors written as a reference list writes them: "Lum, K. & Isaac, W." -> Lum, Isaac."""
    parts = re.split(r"(?<=\.),\s+(?=[^,]+,)|\s+(?:&|et|and)\s+", authors.strip())
    return [p.split(",")[0].strip() for p in parts if p.strip()]


def reference(source: Source, lang: str) -> list[tuple[str, str, str | None]]:
    """The full reference in `lang`, as pieces (text, style, address) with style "", "em" or "link".

    Author or publisher (date). Title. Publisher, details. In French. Note. Address. Consulted via ….
    """
    out: list[tuple[str, str, str | None]] = []

    def add(text, style="", href=None):
        out.append((text, style, href))

    who = source.author or source.publisher
    when = source.date.words(lang) if source.date else source.consulted.consulted(lang)
    add(f"{who} ({when}). ")
    title = in_language(source.title, lang).rstrip()
    ends = title.endswith(("?", "!", "."))
    if source.kind in ITALIC_KINDS:
        add(title, "em")
        add(" " if ends else ". ")
    else:
        add(quoted(title, lang) + (" " if ends else ". "))
    container = ", ".join(x for x in ((source.publisher if source.author else None),
                                      in_language(source.details, lang)) if x)
    if container:
        add(container.rstrip(".") + ". ")
    if source.language and source.language != lang:
        add(gettext(lang, "In {language}.", language=language_name(source.language, lang)) + " ")
    note = in_language(source.note, lang)
    if note:
        add(note.rstrip() + ("" if note.rstrip().endswith((".", "!", "?", "»", "”")) else ".") + " ")
    link = source.link(lang)
    if source.isbn and not link:
        add(f"ISBN {source.isbn}. ")
    if source.number and not link:
        add(gettext(lang, "Document {number}.", number=source.number) + " ")
    if link:
        add(link, "link", link)
        add(" ")
    if source.via:
        add(gettext(lang, "Consulted via {name} ({date}):", name=source.via.name,
                    date=source.via.date.words(lang)) + " ")
        add(source.via.address, "link", source.via.address)
        add(" ")
    if out:
        text, style, href = out[-1]
        out[-1] = (text.rstrip(), style, href)
    return [piece for piece in out if piece[0]]


def plain(pieces: list[tuple[str, str, str | None]]) -> str:
    """A reference's pieces as one line of text."""
    return "".join(text for text, _, _ in pieces)
