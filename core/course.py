"""The course registry: every module's `module.yaml`, checked against its schema and loaded once.

    from core.course import course, modules
    for m in modules():                 # in the order each module.yaml gives
        m.slug, m.title["fr"], m.demos, m.objective_ids, m.lesson("en", "simple")
    course().module("bias")             # an unknown slug names the modules that exist

A module is a folder of `modules/` (not starting with `_` or `.`). Its `module.yaml` must match
`core/module.schema.json`; a bad one is refused with the file, the line and the field
(`modules/bias/module.yaml, line 3, field 'order': must be a whole number, not 'three'`).

This package sits below `book`, `quizzes` and `widgets`, and imports none of them. An unreadable
file is explained by the YAML reader the quiz banks use too (`core.yamlfile.read_yaml`), so both kinds
of file report reading errors the same way.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from .yamlfile import dotted as _dotted, node_line

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).with_name("module.schema.json")
FIELDS = "slug, order, title, duration, objectives, demos, competencies and reviewed"


class ModuleError(ValueError):
    """A problem in one `module.yaml`; `str()` is one line naming the file, the line and the field."""

    def __init__(self, file: str, message: str, line: int | None = None, field: str | None = None):
        self.file, self.line, self.field, self.message = file, line, field, message
        where = file + (f", line {line}" if line else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")


class ModuleErrors(ValueError):
    """Every problem found in one or more `module.yaml` files, so a writer fixes them in one pass."""

    def __init__(self, errors: list[ModuleError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class UnknownModule(LookupError):
    def __init__(self, slug: str, known: list[str]):
        self.slug, self.known = slug, known
        super().__init__(f"no module '{slug}'; the modules are: {', '.join(known) or 'none'}")

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Objective:
    id: str
    text: dict[str, str]            # by language


@dataclass(frozen=True)
class Module:
    """One course module, as its `module.yaml` declares it."""

    slug: str
    path: Path
    order: int
    title: dict[str, str]           # by language
    duration: dict[str, int]        # minutes, by level
    objectives: tuple[Objective, ...]
    demos: tuple[str, ...]          # function names in widgets/<slug>.py, in the order every edition runs them
    competencies: dict[str, tuple[str, ...]]
    answers: tuple[str, ...]        # the demands of the source documents that the module answers
    meta: dict = field(repr=False, compare=False)   # the validated YAML as read
    draft: bool = False             # being written: `decodia check` lists what its bank lacks as "to do"
    reviewed: str = ""              # when its facts were last checked (YYYY-MM-DD or YYYY-MM): "Facts checked in …"

    @classmethod
    def from_data(cls, folder: Path, data: dict) -> "Module":
        return cls(
            slug=data["slug"], path=folder, order=data["order"], title=dict(data["title"]),
            duration=dict(data["duration"]),
            objectives=tuple(Objective(o["id"], {k: v for k, v in o.items() if k != "id"})
                             for o in data["objectives"]),
            demos=tuple(data["demos"]),
            competencies={k: tuple(v) for k, v in data["competencies"].items()},
            answers=tuple(data.get("answers") or ()), meta=data, draft=bool(data.get("draft", False)),
            reviewed=data["reviewed"])

    @property
    def objective_ids(self) -> list[str]:
        return [o.id for o in self.objectives]

    def lesson(self, lang: str, level: str) -> Path:
        return self.path / lang / f"{level}.md"

    def guide(self, lang: str) -> Path:
        return self.path / "teacher" / f"{lang}.md"

    @property
    def bank(self) -> Path:
        return self.path / "quiz.yaml"

    @property
    def sources(self) -> Path:
        """Every source the module's pages cite (core/sources.schema.json)."""
        return self.path / "sources.yaml"

    @property
    def reviewed_on(self) -> date:
        """The first day the `reviewed` date can mean (a month counts from its first day)."""
        year, month, *day = (int(x) for x in self.reviewed.split("-"))
        return date(year, month, day[0] if day else 1)


@dataclass(frozen=True)
class Course:
    """The registry: every module of the course, in order."""

    root: Path
    modules: tuple[Module, ...]

    @property
    def slugs(self) -> list[str]:
        return [m.slug for m in self.modules]

    def module(self, slug: str) -> Module:
        for m in self.modules:
            if m.slug == slug:
                return m
        raise UnknownModule(slug, self.slugs)

    def __iter__(self):
        return iter(self.modules)


def module_dirs(root: Path = ROOT) -> list[Path]:
    """The folders of `modules/` that are course modules (valid or not)."""
    base = Path(root) / "modules"
    return sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))) if base.is_dir() else []


@lru_cache(maxsize=None)
def course(root: Path = ROOT) -> Course:
    """Load every module once; raise ModuleErrors naming every bad `module.yaml`."""
    found, errors = [], []
    for folder in module_dirs(root):
        try:
            found.append(load_module(folder))
        except ModuleErrors as err:
            errors += err.errors
    if errors:
        raise ModuleErrors(errors)
    return Course(Path(root), tuple(sorted(found, key=lambda m: (m.order, m.slug))))


def modules(root: Path = ROOT) -> list[Module]:
    """The course modules, in the order given by each `module.yaml`."""
    return list(course(Path(root)).modules)


def module(slug: str, root: Path = ROOT) -> Module:
    return course(Path(root)).module(slug)


def load_module(folder: Path) -> Module:
    """Read one module folder's `module.yaml`; raise ModuleErrors with the file, line and field of each problem."""
    folder = Path(folder)
    path = folder / "module.yaml"
    name = _rel(path, folder.parent.parent)
    if not path.is_file():
        raise ModuleErrors([ModuleError(_rel(folder, folder.parent.parent),
                                        f"has no module.yaml; a module declares {FIELDS} there")])
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raise ModuleErrors(_unreadable(path, name)) from None
    if isinstance(data, dict) and isinstance(data.get("reviewed"), date):
        data["reviewed"] = data["reviewed"].isoformat()     # YAML reads 2026-12-04 as a date
    problems = _problems(data, folder.name)
    if problems:
        raise ModuleErrors(_located(path, name, problems))
    return Module.from_data(folder, data)


# -- where each problem is --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Problem:
    path: tuple           # the YAML node the line is taken from
    field: str | None
    message: str
    key: str | None = None    # a key inside that node whose own line is the place


def _rel(path: Path, root: Path) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)




_KIND = {"integer": "a whole number", "string": "text", "array": "a list", "object": "a mapping of fields",
         "boolean": "true or false", "number": "a number"}
_PATTERNS = {"^[a-z][a-z0-9_]*$": "a Python name in lower case (letters, digits and _, starting with a letter)",
             "^[a-z0-9][a-z0-9-]*$": "lower-case letters, digits and hyphens",
             "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$": "a date, YYYY-MM-DD (or YYYY-MM)"}


@lru_cache(maxsize=1)
def _validator():
    from .languages import per_language
    from .schema import load_jsonschema

    jsonschema = load_jsonschema()

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    text = {"type": "string", "minLength": 1}
    schema["$defs"]["bilingual"] = per_language(text)                      # every language of the course
    objective = schema["properties"]["objectives"]["items"]
    objective["required"] = ["id", *per_language(text)["required"]]
    objective["properties"] = {"id": objective["properties"]["id"], **per_language(text)["properties"]}
    return jsonschema.Draft202012Validator(schema)


def _problems(data, folder_name: str) -> list[_Problem]:
    if data is None:
        return [_Problem((), None, f"is empty; a module declares {FIELDS} (copy another module's and edit it)")]
    if not isinstance(data, dict):
        return [_Problem((), None, f"must be a mapping of fields ({FIELDS}), not {type(data).__name__}")]
    out: list[_Problem] = []
    for e in sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(e.absolute_path)
        if e.validator == "required":
            for missing in e.validator_value:
                if isinstance(e.instance, dict) and missing not in e.instance:
                    out.append(_Problem(path, _dotted(path + (missing,)), "is required but missing"))
        elif e.validator == "additionalProperties":
            allowed = list(e.schema.get("properties", {}))
            for extra in (k for k in e.instance if k not in allowed):
                out.append(_Problem(path, _dotted(path + (extra,)),
                                    f"is not a field here; the fields are {', '.join(allowed)}", key=str(extra)))
        elif e.validator == "type":
            out.append(_Problem(path, _dotted(path), f"must be {_KIND.get(e.validator_value, e.validator_value)}, "
                                                      f"not {e.instance!r}"))
        elif e.validator == "pattern":
            out.append(_Problem(path, _dotted(path), f"{e.instance!r} must be {_PATTERNS.get(e.validator_value, e.validator_value)}"))
        elif e.validator in ("minLength", "minItems"):
            out.append(_Problem(path, _dotted(path), "must not be empty"))
        elif e.validator == "minimum":
            out.append(_Problem(path, _dotted(path), f"must be at least {e.validator_value}, not {e.instance!r}"))
        elif e.validator == "uniqueItems":
            out.append(_Problem(path, _dotted(path), "lists the same entry twice"))
        else:
            out.append(_Problem(path, _dotted(path), e.message))
    if out:
        return out
    if data["slug"] != folder_name:
        out.append(_Problem(("slug",), "slug", f"'{data['slug']}' must be the folder name '{folder_name}'"))
    for framework, tags in data["competencies"].items():
        known = competency_tags(framework)
        for i, tag in enumerate(tags):
            if tag not in known:
                out.append(_Problem(("competencies", framework, i), f"competencies.{framework}[{i}]",
                                    f"'{tag}' is not a tag of {framework}; its tags are: {', '.join(known)} "
                                    "(core/competencies.yaml)"))
    try:
        Module.from_data(Path(folder_name), data).reviewed_on
    except ValueError:
        out.append(_Problem(("reviewed",), "reviewed", f"'{data['reviewed']}' is not a real date (YYYY-MM-DD or YYYY-MM)"))
    seen: set[str] = set()
    for i, o in enumerate(data["objectives"]):
        if o["id"] in seen:
            out.append(_Problem(("objectives", i, "id"), f"objectives[{i}].id",
                                f"'{o['id']}' is used twice; objective ids must be unique"))
        seen.add(o["id"])
    return out


# -- the competency frameworks a module tags ------------------------------------------------------

COMPETENCIES = Path(__file__).with_name("competencies.yaml")


@lru_cache(maxsize=1)
def _frameworks() -> dict:
    return yaml.safe_load(COMPETENCIES.read_text(encoding="utf-8"))


def competency_tags(framework: str) -> list[str]:
    """The tags a module.yaml may give under `competencies.<framework>` (core/competencies.yaml)."""
    return list(_frameworks().get(framework, {}).get("tags", {}))


def competency_framework(tag: str) -> str | None:
    """The framework that has `tag` ("3 Learning" -> "ai4k12"), or None."""
    return next((fw for fw, spec in _frameworks().items() if tag in spec["tags"]), None)


def competency_name(tag: str, lang: str) -> tuple[str, str | None]:
    """A tag's name in `lang`, and the framework's own name of it when a page of that language adds it
    ("Ethics of AI" in French -> ("Éthique de l'IA", "Ethics of AI")); KeyError for an unknown tag."""
    framework = competency_framework(tag)
    if framework is None:
        raise KeyError(tag)
    spec = _frameworks()[framework]
    original = spec.get("original")
    names = spec["tags"][tag]
    return names[lang], (names[original] if original and original != lang else None)


def _located(path: Path, name: str, problems: list[_Problem]) -> list[ModuleError]:
    """Each problem at its line: the line of the field, or of the mapping that lacks it."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return [ModuleError(name, p.message, line=_line(root, p.path, p.key), field=p.field) for p in problems]


def _line(node, path: tuple, key: str | None = None) -> int | None:
    return node_line(node, path + ((key,) if key is not None else ()))


def _unreadable(path: Path, name: str) -> list[ModuleError]:
    """Why a file is not YAML text, said the way the quiz banks say it (the same reader), with the key near the line."""
    from .yamlfile import YamlError, read_yaml

    try:
        read_yaml(path)
    except YamlError as err:
        return [ModuleError(name, err.message, line=err.line, field=_key_near(path, err.line))]
    return [ModuleError(name, "cannot be read as YAML")]


def _key_near(path: Path, line: int | None) -> str | None:
    """The YAML key written on `line` or on the nearest line above it."""
    if not line:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()[:line]
    except (OSError, UnicodeDecodeError):
        return None
    for text in reversed(lines):
        m = re.match(r"\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:", text)
        if m:
            return m.group(1)
    return None
