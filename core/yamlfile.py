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
