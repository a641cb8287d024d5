"""The lessons as notebooks for a live kernel: `decodia lab` on one machine, the same folder on a JupyterHub.

Each lesson (`modules/<slug>/<lang>/<level>.md`, a MyST notebook) becomes a plain `.ipynb` in
`<folder>/<lang>-<level>/<slug>.ipynb`, so JupyterLab opens it as a notebook with no plug-in and the
learner never meets jupytext. The book's MyST markup becomes what a notebook's Markdown shows:
an admonition a quotation with its title in bold, a "to go further" dropdown a folded `<details>` box,
`{term}` and `{objective}` their plain words, a `{source}` citation a link to the source, a
`:::{sources}` block the list of references; the `on-paper` blocks are left out (a notebook is on
screen). The code cells that the book hides keep their code, folded (`jupyter.source_hidden`).

A notebook already in the folder is refreshed when its lesson changed, unless the learner edited it:
each notebook remembers what it was made from (metadata `decodia.source`: the lesson, its sources, the
converter) and the cells it was written with (`decodia.cells`). An unchanged lesson costs a file read.

    write_lessons(folder)                     # every edition of every module of the course registry
    lab(folder, "fr", "simple", port=8888)    # `decodia lab`: JupyterLab on 127.0.0.1, first lesson open

On a JupyterHub, the user image enables this module as a Jupyter server extension
(deploy/jupyterhub/jupyter_server_config.json): each learner's server writes the lessons into
`~/decodia/` when it starts, and a launch button opens `hub_lesson_url(...)`.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from core.course import Module, modules
from core.i18n import gettext
from core.languages import LANGS, LEVELS

from .editions import ROOT

# The book's JupyterLab configuration folder, for `decodia lab` and the hub's user image (deploy/jupyterhub/Dockerfile).
JUPYTER_CONFIG = Path(__file__).resolve().parent / "jupyter"
# The lessons' folder in a hub learner's home (the launch buttons open `lab/tree/decodia/...`).
HUB_FOLDER = "decodia"
HIDDEN_CODE = {"remove-input", "hide-input", "remove-cell"}

_OPEN = re.compile(r"^(?P<fence>:{3,})\{(?P<name>[\w-]+)\}[ \t]*(?P<arg>.*)$")
_OPTION = re.compile(r"^:[\w-]+:")
_ROLE = re.compile(r"\{(?P<role>[\w-]+)\}`(?P<text>[^`]*)`")
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)


def notebook_path(lang: str, level: str, slug: str) -> str:
    """Where a lesson's notebook is, relative to the lessons' folder: "fr-simple/chatbots.ipynb"."""
    return f"{lang}-{level}/{slug}.ipynb"


def hub_lesson_url(hub: str, lang: str, level: str, slug: str) -> str:
    """The address that opens a lesson on a JupyterHub: the hub logs the learner in, starts their
    server if needed (the server writes the lessons), then JupyterLab opens the notebook."""
    return f"{hub.rstrip('/')}/hub/user-redirect/lab/tree/{HUB_FOLDER}/{notebook_path(lang, level, slug)}"


# -- MyST to a notebook's Markdown ----------------------------------------------------------------

class _Page:
    """What the markup of one lesson needs: its module's sources, its language."""

    def __init__(self, module: Module, lang: str):
        self.module, self.lang = module, lang
        self._sources = None

    @property
    def sources(self):
        if self._sources is None:
            from core.sources import load_sources

            self._sources = load_sources(self.module.sources) if self.module.sources.exists() else {}
        return self._sources

    def role(self, match: re.Match) -> str:
        from core.sources import citation

        role, text = match.group("role"), match.group("text")
        explicit = _EXPLICIT.match(text)
        words, target = (explicit.group("text"), explicit.group("target")) if explicit else (text, text)
        if role == "objective":
            return ""
        if role == "source":
            source = self.sources[target.strip()] if target.strip() in self.sources else None
            if source is None:
                return words
            link = source.link(self.lang)
            shown = words if explicit else citation(source, self.lang)
            shown = f"[{shown}]({link})" if link else shown
            return shown if explicit else f"({shown})"
        return words          # {term}, and any other role: its words

    def inline(self, line: str) -> str:
        out = _ROLE.sub(self.role, line)
        return re.sub(r"(?<=\S) {2,}", " ", out) if out != line else out

    def references(self, ids: list[str]) -> list[str]:
        from core.formats import month
        from core.sources import reference

        lines = [f"**{gettext(self.lang, 'Sources')}**", "",
                 gettext(self.lang, "Facts checked in {month}.", month=month(self.module.reviewed_on, self.lang)), ""]
        for ident in ids:
            if ident not in self.sources:
                continue
            pieces = reference(self.sources[ident], self.lang)
            text = "".join(f"<{href or t}>" if style == "link" else f"*{t}*" if style == "em" else t
                           for t, style, href in pieces)
            lines.append(f"- {' '.join(text.split())}")
        return lines


def markdown(text: str, module: Module, lang: str, page: _Page | None = None) -> str:
    """A markdown cell of a lesson, its MyST directives and roles written as a notebook's Markdown."""
    return "\n".join(_blocks(text.split("\n"), page or _Page(module, lang))).strip("\n")


def _blocks(lines: list[str], page: _Page) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if not m:
            out.append(page.inline(lines[i]))
            i += 1
            continue
        fence, name, arg = m.group("fence"), m.group("name"), m.group("arg").strip()
        j, body = i + 1, []
        while j < len(lines) and _OPTION.match(lines[j]):
            j += 1
        depth = 0
        while j < len(lines):
            inner = _OPEN.match(lines[j])
            if inner and inner.group("fence") == fence:
                depth += 1
            elif lines[j].strip() == fence:
                if depth == 0:
                    break
                depth -= 1
            body.append(lines[j])
            j += 1
        out.extend(_directive(name, page.inline(arg), body, page))
        i = j + 1
    return out


def _directive(name: str, title: str, body: list[str], page: _Page) -> list[str]:
    if name == "on-paper":
        return []
    if name == "sources":
        return page.references([b.strip() for b in body if b.strip()])
    inner = _blocks(body, page)
    if name == "dropdown":
        return ["<details>", f"<summary>{title}</summary>", "", *inner, "", "</details>", ""]
    if name in ("admonition", "note", "tip", "hint", "important", "warning", "caution", "attention", "seealso"):
        head = [f"> **{title}**", ">"] if title else []
        return [*head, *[f"> {ln}".rstrip() for ln in inner], ""]
    return inner          # on-screen, and any other block: its content


# -- lessons as notebooks -----------------------------------------------------------------------

def _digest(cells) -> str:
    return hashlib.sha256(json.dumps([[c["cell_type"], c["source"]] for c in cells],
                                     ensure_ascii=False).encode()).hexdigest()[:16]


def lesson_digest(module: Module, lang: str, level: str) -> str:
    """What a lesson's notebook is made from: the lesson, its module's sources and dates, the interface
    catalog, and this converter. The same digest means the same notebook, without converting again."""
    h = hashlib.sha256()
    for path in (module.lesson(lang, level), module.sources, module.path / "module.yaml", Path(__file__),
                 ROOT / "core" / "locales" / lang / "LC_MESSAGES" / "decodia.po"):
        h.update(path.read_bytes() if path.exists() else b"-")
    return h.hexdigest()[:16]


def lesson_notebook(module: Module, lang: str, level: str):
    """The lesson as an nbformat notebook, ready for JupyterLab."""
    import jupytext
    import nbformat

    nb = jupytext.read(module.lesson(lang, level), fmt="md:myst")
    cells, page = [], _Page(module, lang)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            text = markdown(cell.source, module, lang, page)
            if text.strip():
                cells.append(nbformat.v4.new_markdown_cell(text))
        elif cell.cell_type == "code":
            tags = list(cell.metadata.get("tags", []))
            code = nbformat.v4.new_code_cell(cell.source, metadata={"tags": tags} if tags else {})
            if HIDDEN_CODE & set(tags):
                code.metadata["jupyter"] = {"source_hidden": True}
            cells.append(code)
    out = nbformat.v4.new_notebook(cells=cells)
    out.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    out.metadata["language_info"] = {"name": "python"}
    out.metadata["title"] = module.title[lang]
    out.metadata["decodia"] = {"module": module.slug, "lang": lang, "level": level, "cells": _digest(cells),
                               "source": lesson_digest(module, lang, level)}
    for i, cell in enumerate(out.cells):       # stable ids: the same lesson gives the same bytes
        cell["id"] = f"{module.slug}-{i}"
    return out


def _recorded(path: Path) -> dict:
    """The `decodia` metadata a notebook was written with ({} for a file that is not one of ours)."""
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("decodia", {}) or {}
    except (OSError, ValueError, AttributeError):
        return {}


@dataclass
class Written:
    """What `write_lessons` did: paths relative to the folder."""
    written: list[str] = field(default_factory=list)     # new notebooks
    updated: list[str] = field(default_factory=list)     # lessons that changed, notebooks the learner had not edited
    kept: list[str] = field(default_factory=list)        # lessons that changed, notebooks the learner edited: kept


def write_lessons(folder: Path, langs=LANGS, levels=LEVELS, root: Path = ROOT) -> Written:
    """Write every lesson of the course registry as a notebook under `folder`; see the module's docstring."""
    import nbformat

    report = Written()
    for module in modules(root):
        for lang in langs:
            for level in levels:
                rel = notebook_path(lang, level, module.slug)
                target = folder / rel
                if target.exists() and _recorded(target).get("source") == lesson_digest(module, lang, level):
                    continue                                      # made from the same lesson: nothing to do
                nb = lesson_notebook(module, lang, level)
                text = nbformat.writes(nb) + "\n"
                if target.exists():
                    try:
                        old = nbformat.reads(target.read_text(encoding="utf-8"), as_version=4)
                    except Exception:      # unreadable: the learner's file, kept as it is
                        report.kept.append(rel)
                        continue
                    wrote = old.metadata.get("decodia", {}).get("cells")
                    if wrote == nb.metadata["decodia"]["cells"]:
                        continue                                  # the same lesson: nothing to do
                    if wrote != _digest(old.cells):
                        report.kept.append(rel)                   # the learner edited it
                        continue
                    report.updated.append(rel)
                else:
                    report.written.append(rel)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return report


# -- JupyterLab on one machine: `decodia lab` -----------------------------------------------------

# Nothing leaves the machine: no news feed, no update check (the book's rule for the static site too);
# The extension manager is read-only: it would search PyPI for JupyterLab extensions.
QUIET_LAB = ["--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
             "--LabApp.extension_manager=readonly", "--LabApp.log_level=WARN"]


def lab_command(folder: Path, port: int, token: str) -> list[str]:
    as_root = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []   # the user's choice (CI runs as root)
    return [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}", "--ServerApp.port_retries=0", "--ServerApp.open_browser=False",
            f"--IdentityProvider.token={token}", "--log-level=WARN", *as_root, *QUIET_LAB]


def _die_with_parent() -> None:
    """In the child, before it runs: on Linux, get SIGTERM when the parent dies (prctl PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
        except OSError:
            pass


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def lab(folder: Path, lang: str, level: str, port: int = 8888, browser: bool = True,
        ready_timeout: float = 120.0) -> int:
    """Write the lessons, start JupyterLab on 127.0.0.1:`port`, open the edition's first lesson; Ctrl+C stops it."""
    folder = folder.resolve()
    done = write_lessons(folder)
    if done.kept:
        print(f"Kept {len(done.kept)} lesson notebook(s) you changed, although the lesson changed since "
              f"(delete one to get the new lesson): {', '.join(done.kept)}")
    first = modules(ROOT)[0]
    token = secrets.token_hex(24)
    # Its own session: Ctrl+C is ours to pass on (JupyterLab would ask "Shutdown this Jupyter server?");
    # and it stops when this process dies, however it dies.
    # It runs in the lessons' folder (`python -m` puts its folder first on the import path), with the book's
    # JupyterLab configuration: the news prompt is off (book/jupyter/labconfig/page_config.json).
    env = {**os.environ, "JUPYTER_CONFIG_PATH": os.pathsep.join(filter(None, [str(JUPYTER_CONFIG),
                                                                             os.environ.get("JUPYTER_CONFIG_PATH")]))}
    own_session = {"start_new_session": True, "preexec_fn": _die_with_parent} if os.name == "posix" else {}
    child = subprocess.Popen(lab_command(folder, port, token), cwd=folder, env=env, **own_session)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + ready_timeout
    while not _answers(f"{base}/api/status?token={token}"):
        if child.poll() is not None:
            print(f"decodia lab: JupyterLab stopped before answering (its message is above; if port {port} is taken, "
                  f"choose another with --port).",
                  file=sys.stderr)
            return child.returncode or 1
        if time.monotonic() > deadline:
            child.terminate()
            print(f"decodia lab: JupyterLab did not answer within {ready_timeout:.0f} s.", file=sys.stderr)
            return 1
        time.sleep(0.2)
    address = f"{base}/lab/tree/{notebook_path(lang, level, first.slug)}?token={token}"
    print(f"The lessons are in {folder}\nJupyterLab: {address}\n(Ctrl+C to stop)", flush=True)
    if browser:
        import webbrowser

        webbrowser.open(address)
    # Ctrl+C or a stop request: the server shuts its kernels down and exits.
    stop = lambda *_: child.poll() is None and child.send_signal(signal.SIGTERM)   # noqa: E731
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        child.wait()
        return 0 if child.returncode in (0, -signal.SIGTERM) else child.returncode
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# -- On a JupyterHub: a Jupyter server extension that writes the lessons when a learner's server starts --

def _jupyter_server_extension_points():
    return [{"module": "book.lab"}]


def _load_jupyter_server_extension(serverapp) -> None:
    from traitlets import Unicode
    from traitlets.config import Configurable

    class DecodiaLessons(Configurable):
        folder = Unicode(HUB_FOLDER, help="the lessons' folder, relative to the server's root folder").tag(config=True)

    folder = Path(serverapp.root_dir) / DecodiaLessons(parent=serverapp).folder
    done = write_lessons(folder)
    serverapp.log.info("Décodia lessons in %s: %d new, %d updated, %d kept (edited by the learner)",
                       folder, len(done.written), len(done.updated), len(done.kept))
