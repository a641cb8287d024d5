"""What a lesson's execution depends on: the project files its code cells import, transitively, and their data.

The Jupyter cache re-executes a notebook when its text changes. So that it also re-executes
when the code behind a lesson changes, and only then, each staged lesson carries a digest of:
- every project Python file its code cells import, followed through the imports of those files
  (static analysis with `ast`, restricted to the project: `import a.b` counts `a/__init__.py`,
  `a/b/__init__.py` or `a/b.py`; `from a import b` also counts the submodule `a/b.py` if there is
  one; relative imports are resolved; imports inside functions count too, so the set is never short);
- the data files of every package those files belong to: the files in the package's folder and
  its plain sub-folders (`data/`, `static/`), but not its sub-packages (they count when imported)
  nor Markdown (lessons are the notebooks themselves, which the cache already compares);
- the module a lesson belongs to, with its `quiz.py`: the self-check and the answer key import
  them by name (`importlib`), which no static analysis can see.

Parsed files and file digests are kept for the life of the process: one build stages every page
of an edition with one walk of the project.
"""
from __future__ import annotations

import ast
import hashlib
import re
from functools import lru_cache
from pathlib import Path


_CELL = re.compile(r"^(?P<fence>`{3,}|~{3,})\{code-cell\}[^\n]*\n(?P<body>.*?)^(?P=fence)[`~]*[ \t]*$", re.M | re.S)
_OPTION = re.compile(r"[ \t]*:[\w-]+:.*")


def code_cells(text: str) -> list[str]:
    """The source of each `{code-cell}` of a MyST notebook, without its options (as jupytext reads it)."""
    cells = []
    for m in _CELL.finditer(text):
        lines = m.group("body").split("\n")
        if lines and lines[0].strip() == "---":            # options as a YAML block
            end = next((i for i, ln in enumerate(lines[1:], 1) if ln.strip() == "---"), 0)
            lines = lines[end + 1:]
        else:                                                # options as :key: value lines
            while lines and _OPTION.fullmatch(lines[0]):
                lines = lines[1:]
        cells.append("\n".join(lines).strip("\n"))
    return cells


def _parse(source: str, filename: str) -> ast.AST | None:
    try:
        return ast.parse(source, filename)
    except SyntaxError:
        pass
    try:   # a cell with IPython magics: IPython turns it into plain Python first
        from IPython.core.inputtransformer2 import TransformerManager

        return ast.parse(TransformerManager().transform_cell(source), filename)
    except (SyntaxError, ImportError):
        return None


def _imports(tree: ast.AST):
    """Every import statement, at any depth (in functions, classes, if/try blocks), without visiting expressions."""
    todo = [tree]
    while todo:
        node = todo.pop()
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(node, name, ()):
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    yield child
                elif isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case)):
                    todo.append(child)


def _imported_names(tree: ast.AST, package: str | None) -> set[str]:
    """Dotted names a module or cell may import: `import a.b`, `from a import b` (a, a.b), relative ones resolved."""
    names: set[str] = set()
    for node in _imports(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
            continue
        if node.level:
            if not package:
                continue
            parts = package.split(".")
            if node.level > len(parts):
                continue
            base = ".".join(parts[: len(parts) - (node.level - 1)])
            module = f"{base}.{node.module}" if node.module else base
        else:
            module = node.module or ""
        if module:
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


class Dependencies:
    """The project files behind code, for one project root."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self._files: dict[tuple[Path, int, int], frozenset[Path]] = {}
        self._resolved: dict[str, list[Path]] = {}

    def module_files(self, name: str) -> list[Path]:
        """The files executed by `import name`: each package's `__init__.py` on the way, then the module."""
        if name not in self._resolved:
            self._resolved[name] = self._module_files(name)
        return self._resolved[name]

    def _module_files(self, name: str) -> list[Path]:
        out: list[Path] = []
        here = self.root
        for part in name.split("."):
            if not part.isidentifier():
                break
            here = here / part
            if (here / "__init__.py").is_file():
                out.append(here / "__init__.py")
            elif here.with_suffix(".py").is_file():
                out.append(here.with_suffix(".py"))
                break
            else:
                break
        return out

    def _module_name(self, path: Path) -> tuple[str, str]:
        """(module name, package name) of a project file."""
        rel = path.relative_to(self.root).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
            return ".".join(parts), ".".join(parts)
        return ".".join(parts), ".".join(parts[:-1])

    def _direct(self, path: Path) -> frozenset[Path]:
        st = path.stat()
        key = (path, st.st_mtime_ns, st.st_size)
        if key not in self._files:
            _, package = self._module_name(path)
            tree = _parse(path.read_text(encoding="utf-8"), str(path))
            found: set[Path] = set()
            for name in _imported_names(tree, package) if tree else ():
                found.update(self.module_files(name))
            self._files[key] = frozenset(found)
        return self._files[key]

    def closure(self, names: set[str]) -> set[Path]:
        """Every project Python file run by importing `names`, followed through their own imports."""
        todo = [f for name in names for f in self.module_files(name)]
        seen: set[Path] = set()
        while todo:
            f = todo.pop()
            if f not in seen:
                seen.add(f)
                todo.extend(self._direct(f) - seen)
        return seen

    def data_files(self, python_files: set[Path]) -> set[Path]:
        """The files that the packages of `python_files` ship beside their code."""
        out: set[Path] = set()
        for folder in {f.parent for f in python_files} - {self.root}:   # never the whole project
            out.update(_package_data(folder))
        return out

    def files(self, cells: list[str], extra: set[str] = frozenset()) -> list[Path]:
        """The project files behind code cells (plus modules named in `extra`), sorted."""
        names = set(extra)
        for source in cells:
            tree = _parse(source, "<cell>")
            if tree:
                names |= _imported_names(tree, None)
        code = self.closure(names)
        return sorted(code | self.data_files(code))

    def digest(self, cells: list[str], extra: set[str] = frozenset()) -> str:
        h = hashlib.sha256()
        for p in self.files(cells, extra):
            h.update(p.relative_to(self.root).as_posix().encode() + b"\0")
            h.update(_file_digest(p))
        return h.hexdigest()[:16]


def _package_data(folder: Path) -> list[Path]:
    out: list[Path] = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith((".", "_")):
            continue
        if p.is_dir():
            if not (p / "__init__.py").exists():
                out.extend(_package_data(p))
        elif p.suffix not in (".py", ".pyc", ".md"):
            out.append(p)
    return out


@lru_cache(maxsize=None)
def _digest_at(path: Path, mtime_ns: int, size: int) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def _file_digest(path: Path) -> bytes:
    st = path.stat()
    return _digest_at(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=None)
def dependencies(root: Path) -> Dependencies:
    return Dependencies(root)
