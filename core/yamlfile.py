"""YAML data files (item banks, `module.yaml`) read with their line numbers, and errors that say where.

    data = read_yaml(path)        # every mapping remembers its line as "__line__"

Every way a file can be unreadable (missing, binary, not UTF-8, empty, bad YAML) becomes one
`YamlError` whose `str()` names the file, the line when known, the item and the field:
`modules/bias/quiz.yaml, line 12: is not valid YAML: expected ',' or '}'`.
"""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


class YamlError(ValueError):
    """A problem in a YAML data file; `str()` is one line a writer can act on.

    The quiz engine's `BankError` is this class: a bank is a YAML file, and one `except` catches both
    an unreadable file and a bad item.
    """

    def __init__(self, file: str, message: str, line: int | None = None, item: str | None = None,
                 field: str | None = None):
        self.file, self.line, self.item, self.field, self.message = file, line, item, field, message
        where = file + (f", line {line}" if line else "")
        what = "".join([f", item '{item}'" if item else "", f", field '{field}'" if field else ""])
        super().__init__(f"{where}{what}: {message}")


def relative(path: Path, root: Path = ROOT) -> str:
    """`path` as the writer knows it: relative to the project root when it is inside."""
    try:
        return str(Path(path).resolve().relative_to(root))
    except ValueError:
        return str(path)


def plain(node: yaml.Node):
    """A YAML node as Python data; every mapping remembers its line as `__line__`."""
    if isinstance(node, yaml.MappingNode):
        out = {"__line__": node.start_mark.line + 1}
        for k, v in node.value:
            out[plain(k)] = plain(v)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [plain(v) for v in node.value]
    return yaml.SafeLoader("").construct_object(node, deep=True)


def read_yaml(path: Path, root: Path = ROOT):
    """Parse a YAML file, turning every way it can be unreadable into one clear YamlError."""
    name = relative(path, root)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise YamlError(name, f"cannot be read: {err.strerror}") from None
    if b"\x00" in data:
        raise YamlError(name, "is a binary file, not YAML text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise YamlError(name, f"is not UTF-8 text (byte {err.start})") from None
    if not text.strip():
        raise YamlError(name, f"is empty; copy another module's {Path(path).name} and edit it")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise YamlError(name, f"is not valid YAML: {problem}", line=mark.line + 1 if mark else None) from None
    return plain(node) if node is not None else None


# -- a data file checked against its JSON Schema, each problem at its line and field ----------------

KINDS = {"integer": "a whole number", "string": "text", "array": "a list", "object": "a mapping of fields",
         "boolean": "true or false", "number": "a number"}


def dotted(path) -> str | None:
    """A path in the data as a writer reads it: `scenarios[3].question`."""
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or None


def strip_lines(value):
    """The data without the `__line__` that `read_yaml` adds to every mapping."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def node_line(node: yaml.Node | None, path: tuple) -> int:
    """The line of the value at `path` in a composed YAML document (of the nearest node that exists)."""
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == step), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def schema_errors(validator, data, path: Path, root: Path = ROOT, patterns: dict | None = None) -> list[YamlError]:
    """`data` (as `read_yaml` gave it) checked with a jsonschema validator: one YamlError per problem, each with the
    file, the line and the field, in words a writer acts on. `patterns` names a schema's regular expressions."""
    name = relative(path, root)
    document = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    patterns = patterns or {}
    out = []
    for e in sorted(validator.iter_errors(strip_lines(data)), key=lambda e: [str(p) for p in e.absolute_path]):
        where = tuple(e.absolute_path)
        problems = []
        if e.validator == "required":
            problems = [(where + (m,), "is required but missing", where)
                        for m in e.validator_value if isinstance(e.instance, dict) and m not in e.instance]
        elif e.validator == "additionalProperties":
            allowed = list(e.schema.get("properties", {}))
            problems = [(where + (k,), f"is not a field here; the fields are {', '.join(allowed)}", where + (k,))
                        for k in e.instance if k not in allowed]
        elif e.validator == "type":
            problems = [(where, f"must be {KINDS.get(e.validator_value, e.validator_value)}, not {e.instance!r}", where)]
        elif e.validator == "pattern":
            problems = [(where, f"{e.instance!r} must be {patterns.get(e.validator_value, 'of the form ' + e.validator_value)}",
                         where)]
        elif e.validator == "minLength":
            problems = [(where, "must not be empty", where)]
        elif e.validator == "minItems":
            problems = [(where, f"needs at least {e.validator_value} entries, not {len(e.instance)}", where)]
        elif e.validator == "maxItems":
            problems = [(where, f"takes at most {e.validator_value} entries, not {len(e.instance)}", where)]
        else:
            problems = [(where, e.message, where)]
        out += [YamlError(name, message, line=node_line(document, at), field=dotted(field))
                for field, message, at in problems]
    return out
