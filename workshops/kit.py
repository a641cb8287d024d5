"""A module's workshop kit in one language: `modules/<slug>/workshop/<lang>.yaml` (schema: `workshop.schema.json`).

    from workshops.kit import load_kit
    kit = load_kit(module("bias"), "fr")        # KitErrors, each with file, line and field, when the file is bad
    kit.scenarios[0].result()                   # what the module's model shows for the card's situation (a View)

A kit holds the workshop's big question, at least 12 scenario cards, at least 5 role cards and the options of the
priorities sheet. Each scenario names one of the module's demos and the setting of its controls that matches the
situation: the back of the card is that demo's print face for that setting, computed from the model when the kit
is printed, never retyped. The facilitator guide and the sheets around the cards are the same for every module
(`workshops/guide/<lang>.md`, `workshops/templates/`).
"""
from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from core.course import Module
from core.yamlfile import YamlError, node_line, read_yaml, relative, schema_errors

SCHEMA = Path(__file__).with_name("workshop.schema.json")
PATTERNS = {"^[a-z0-9][a-z0-9-]*$": "lower-case letters, digits and hyphens (\"clsc-2030\")",
            "^[a-z_][a-z0-9_]*$": "the name of one of the module's demos"}


class KitErrors(ValueError):
    """Every problem of one kit file, so that a writer fixes them in one pass; `errors` are YamlErrors."""

    def __init__(self, errors: list[YamlError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def kit_path(module: Module, lang: str) -> Path:
    return module.path / "workshop" / f"{lang}.yaml"


@dataclass(frozen=True)
class Scenario:
    id: str
    situation: str
    question: str
    demo: str
    back: str
    explorer: Any = field(repr=False, compare=False)    # the demo (widgets.explorer.Explorer) in the kit's language
    indexes: tuple[int, ...] = ()                       # the setting, as the demo's option indexes
    line: int = 0

    def result(self):
        """The model's result for this situation: the demo's View for the card's setting."""
        return self.explorer.view(self.indexes)

    @property
    def setting_text(self) -> str:
        return self.explorer.setting_text(self.indexes)


@dataclass(frozen=True)
class Role:
    name: str
    cares: str


@dataclass(frozen=True)
class Kit:
    module: Module
    lang: str
    path: Path
    question: str
    scenarios: tuple[Scenario, ...]
    roles: tuple[Role, ...]
    priorities: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.module.title[self.lang]

    @cached_property
    def reader_texts(self) -> list[tuple[int, str]]:
        """(line, text) of everything participants read, each at the line of its field: the easy-to-read rules
        apply to these."""
        import yaml

        data = read_yaml(self.path)
        document = yaml.compose(self.path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        out = [(node_line(document, ("question",)), data["question"])]
        for i, s in enumerate(data["scenarios"]):
            out += [(node_line(document, ("scenarios", i, k)), s[k]) for k in ("situation", "question", "back")]
        for i, r in enumerate(data["roles"]):
            out += [(node_line(document, ("roles", i, k)), r[k]) for k in ("name", "cares")]
        out += [(node_line(document, ("priorities", i)), p) for i, p in enumerate(data["priorities"])]
        return out


@lru_cache(maxsize=1)
def _validator():
    from core.schema import load_jsonschema

    return load_jsonschema().Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _demo(module: Module, name: str, lang: str):
    widgets = importlib.import_module(f"widgets.{module.slug}")
    return getattr(widgets, name)(lang)


def _option(value):
    """A YAML value as a demo option: lists stand for tuples (`[médecin, homme, femme]`)."""
    return tuple(value) if isinstance(value, list) else value


def _setting(explorer, demo: str, setting: dict, problem) -> tuple[int, ...] | None:
    """The option indexes of `setting` (a control left out keeps its default), or None after reporting problems."""
    indexes, ok = list(explorer.default), True
    names = [c.name for c in explorer.controls]
    for name, value in setting.items():
        if name == "__line__":
            continue
        if name not in names:
            problem(f"setting.{name}", f"is not a control of demo '{demo}'; its controls are {', '.join(names)}")
            ok = False
            continue
        k = names.index(name)
        values = [v for v, _ in explorer.controls[k].pairs]
        if _option(value) not in values:
            problem(f"setting.{name}", f"{value!r} is not an option of control '{name}'; its options are "
                                       f"{', '.join(repr(list(v) if isinstance(v, tuple) else v) for v in values)}")
            ok = False
            continue
        indexes[k] = values.index(_option(value))
    return tuple(indexes) if ok else None


def load_kit(module: Module, lang: str) -> Kit:
    """Read and check a kit file; raise KitErrors listing every problem (file, line, field)."""
    path = kit_path(module, lang)
    name = relative(path)
    if not path.is_file():
        raise KitErrors([YamlError(name, f"is missing: module '{module.slug}' has no workshop kit in '{lang}'; copy "
                                         "another module's workshop file and write this module's scenarios")])
    try:
        data = read_yaml(path)
    except YamlError as err:
        raise KitErrors([err]) from None
    if not isinstance(data, dict):
        raise KitErrors([YamlError(name, "must be a mapping of fields: question, scenarios, roles, priorities")])
    errors = schema_errors(_validator(), data, path, patterns=PATTERNS)
    if errors:
        raise KitErrors(errors)
    scenarios, seen = [], set()
    for i, s in enumerate(data["scenarios"]):
        line = s["__line__"]

        def problem(fld: str, message: str, i=i, line=line, item=s["id"]):
            errors.append(YamlError(name, message, line=line, item=item, field=f"scenarios[{i}].{fld}"))

        if s["id"] in seen:
            problem("id", f"'{s['id']}' is used twice; scenario ids must be unique")
        seen.add(s["id"])
        if s["demo"] not in module.demos:
            problem("demo", f"'{s['demo']}' is not a demo of module '{module.slug}'; its demos are "
                            f"{', '.join(module.demos)} (module.yaml)")
            continue
        explorer = _demo(module, s["demo"], lang)
        if not hasattr(explorer, "controls"):
            problem("demo", f"demo '{s['demo']}' has no settings to print on a card; choose one of "
                            f"{', '.join(d for d in module.demos if hasattr(_demo(module, d, lang), 'controls'))}")
            continue
        indexes = _setting(explorer, s["demo"], s.get("setting") or {}, problem)
        if indexes is not None:
            scenarios.append(Scenario(s["id"], s["situation"].strip(), s["question"].strip(), s["demo"],
                                      s["back"].strip(), explorer, indexes, line))
    if errors:
        raise KitErrors(errors)
    return Kit(module, lang, path, data["question"].strip(), tuple(scenarios),
               tuple(Role(r["name"].strip(), r["cares"].strip()) for r in data["roles"]),
               tuple(p.strip() for p in data["priorities"]))
