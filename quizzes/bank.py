"""Item banks: `modules/<slug>/quiz.yaml`, read with line numbers, validated whole.

A written item holds its text. A generated item names a generator in the module's
`quiz.py`; the YAML gives its id, objective, competencies and points, and the generator
`(rng, lang, level) -> dict` gives the rest, computed from the module's live model.
"""
from __future__ import annotations

import functools
import importlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from core.languages import LANGS, LEVELS, per_language
from core.yamlfile import read_yaml, strip_lines as _strip_lines

from .errors import BankError, BankErrors
from .model import Question, validate_item

ROOT = Path(__file__).resolve().parent.parent


@functools.lru_cache(maxsize=None)
def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class BankItem:
    raw: dict
    generator: Callable | None

    @property
    def id(self) -> str:
        return self.raw["id"]

    @property
    def line(self) -> int | None:
        return self.raw.get("__line__")

    @property
    def objective(self) -> str:
        return self.raw["objective"]


@dataclass(frozen=True)
class Bank:
    path: Path
    module: str
    items: tuple[BankItem, ...]
    # A written item's Question per (id, language, level): the same every variant, so validated once.
    _written: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    @property
    def name(self) -> str:
        return _rel(self.path)

    def question(self, item: BankItem, lang: str, level: str, seed: int | str = 0) -> Question:
        """The item in one language and level; a generated item's variant comes from `seed`."""
        if item.generator is None:
            key = (item.id, lang, level)
            if key not in self._written:
                self._written[key] = validate_item(item.raw, lang, level, self.name)
            return self._written[key]
        rng = random.Random(f"{self.module}:{item.id}:{seed}")
        try:
            made = item.generator(rng, lang, level)
        except Exception as err:  # a generator bug is reported like any bank error
            raise BankError(self.name, f"generator failed for seed {seed!r}: {type(err).__name__}: {err}",
                            line=item.line, item=item.id, field="generator") from err
        if not isinstance(made, dict):
            raise BankError(self.name, "the generator must return a dict of item fields",
                            line=item.line, item=item.id, field="generator")
        fixed = {k: v for k, v in item.raw.items() if k != "generator"}
        return validate_item({**made, **fixed}, lang, level, self.name, line=item.line, generated=True,
                             variant=str(seed))

    def objectives(self) -> list[str]:
        seen: list[str] = []
        for item in self.items:
            if item.objective not in seen:
                seen.append(item.objective)
        return seen


SCHEMA = Path(__file__).with_name("bank.schema.json")


@functools.cache
def bank_schema() -> dict:
    """`bank.schema.json` with each item type's own fields and rules (`quizzes/types/<type>.py`) added:
    the type names, and for each type the fields it requires and the shape of each."""
    import json

    from .types import REGISTRY

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    schema["$defs"]["bilingual"] = per_language({"$ref": "#/$defs/text"})    # every language of the course
    written = schema["$defs"]["item"]["else"]
    written["properties"]["type"] = {"enum": list(REGISTRY)}
    for t in REGISTRY.values():
        written["properties"].update({name: True for name in t.schema})
    written["allOf"] = [{"if": {"properties": {"type": {"const": t.name}}, "required": ["type"]},
                         "then": {"required": list(t.required), "properties": t.schema}} for t in REGISTRY.values()]
    return schema


def schema_errors(data, name: str) -> list[BankError]:
    """The bank checked against `bank.schema.json` (JSON Schema), each error at its item, line and field."""
    import json

    from core.schema import load_jsonschema

    validator = load_jsonschema().Draft202012Validator(bank_schema())
    errors = []
    for e in sorted(validator.iter_errors(_strip_lines(data)), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(e.absolute_path)
        item, line, fld = None, data.get("__line__") if isinstance(data, dict) else None, None
        if len(path) >= 2 and path[0] == "items" and isinstance(path[1], int):
            raw = data["items"][path[1]]
            if isinstance(raw, dict):
                item, line = raw.get("id"), raw.get("__line__", line)
            node = raw
            for p in path[2:]:  # the line of the innermost mapping on the path
                node = node[p] if isinstance(node, (dict, list)) else None
                if isinstance(node, dict) and "__line__" in node:
                    line = node["__line__"]
            fld = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path[2:]).replace(".[", "[") or None
        elif path:
            fld = str(path[0])
        message = e.message
        if e.validator == "required":
            missing = e.message.split("'")[1]
            fld = f"{fld}.{missing}" if fld else missing
            message = "is required but missing"
        elif e.validator == "enum":
            message = f"unknown value {e.instance!r}; expected one of {', '.join(map(str, e.validator_value))}"
        elif e.validator == "additionalProperties":
            message = f"unexpected field(s): {message.split('(')[-1].rstrip(')')}"
        elif e.validator in ("anyOf", "oneOf"):
            message = "must be text, or text per level {simple, standard, advanced}"
        errors.append(BankError(name, message, line=line, item=item, field=fld))
    return errors


def load_bank(path: Path, module: str | None = None) -> Bank:
    """Read and check the shape of a bank; raise BankErrors listing every problem found."""
    path = Path(path)
    name = _rel(path)
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise BankErrors([BankError(name, "must be a mapping with 'module' and a list of 'items'",
                                    line=data.get("__line__") if isinstance(data, dict) else 1)])
    shape = schema_errors(data, name)
    if shape:
        raise BankErrors(shape)
    module = module or data.get("module") or path.parent.name
    errors: list[BankError] = []
    items: list[BankItem] = []
    seen: dict[str, int | None] = {}
    generators = None
    for i, raw in enumerate(data["items"]):
        if not isinstance(raw, dict):
            errors.append(BankError(name, f"items[{i}] must be a mapping of fields"))
            continue
        item_id, line = raw.get("id"), raw.get("__line__")
        if not isinstance(item_id, str) or not item_id:
            errors.append(BankError(name, "every item needs a text id", line=line, field="id"))
            continue
        if item_id in seen:
            errors.append(BankError(name, f"duplicate id (first used on line {seen[item_id]})", line=line,
                                    item=item_id, field="id"))
            continue
        seen[item_id] = line
        gen = None
        if "generator" in raw:
            if generators is None:
                try:
                    generators = importlib.import_module(f"modules.{module}.quiz")
                except ImportError as err:
                    errors.append(BankError(name, f"generators need modules/{module}/quiz.py ({err})", line=line,
                                            item=item_id, field="generator"))
                    continue
            gen = getattr(generators, str(raw["generator"]), None)
            if not callable(gen):
                errors.append(BankError(name, f"no generator named {raw['generator']!r} in modules/{module}/quiz.py",
                                        line=line, item=item_id, field="generator"))
                continue
        items.append(BankItem(raw, gen))
    if errors:
        raise BankErrors(errors)
    return Bank(path, module, tuple(items))


def validate_bank(bank: Bank, seeds: range = range(3)) -> list[BankError]:
    """Every item, in both languages and at every level (generated ones for a few seeds)."""
    errors: list[BankError] = []
    for item in bank.items:
        for lang in LANGS:
            for level in LEVELS:
                for seed in (seeds if item.generator else [0]):
                    try:
                        bank.question(item, lang, level, seed)
                    except BankError as err:
                        errors.append(err)
                        break
    return errors


def module_bank(slug: str) -> Bank:
    return load_bank(ROOT / "modules" / slug / "quiz.yaml", slug)
