"""Build editions: stage the sources, run Sphinx (through Jupyter Book) with -W, report clearly.

Each edition builds in a child process (`python -m book.build fr/simple`), two at a
time on the course's 2-core machines. The parent shows one line per edition with a
progress bar, and on failure names the source file and the cell.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from .editions import BUILD, HTML, ROOT, Edition, all_editions

LOGS = BUILD / "logs"


@dataclass
class Result:
    edition: Edition
    ok: bool
    seconds: float
    problems: list[str]


def build_one(edition: Edition) -> int:
    """Build one edition in this process. Returns Sphinx's exit status."""
    from jupyter_book.sphinx import build_sphinx

    edition.stage()
    # The execution reports of a previous build would be read as this build's failures (explain_failure);
    # a page whose cell still fails is executed again and writes its report again.
    shutil.rmtree(edition.out / "reports", ignore_errors=True)
    status = build_sphinx(
        str(edition.src), str(edition.out),
        doctreedir=str(edition.doctrees),
        noconfig=True,
        path_config=str(edition.src / "_config.yml"),
        confoverrides={"latex_individualpages": False},
        warningiserror=True, keep_going=True, quiet=True,
    )
    return 1 if isinstance(status, Exception) else int(status or 0)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_STAGED = re.compile(r"(?:[\w/.-]*/)?_build/src/(\w+)-(\w+)/([\w.-]+?)(?:\.md)?(?=[:\s]|$)")


def source_of(edition: Edition, page: str) -> str:
    src = edition.staged_sources.get(page)
    return str(src.relative_to(ROOT)) if src else f"{page}.md"


def explain_failure(edition: Edition, log: str) -> list[str]:
    """Turn a Sphinx log into lines that name the source file (and cell) a writer edits."""
    problems = []
    for line in _ANSI.sub("", log).splitlines():
        if "WARNING" not in line and "ERROR" not in line and "Exception" not in line:
            continue
        if line.startswith("[IPKernelApp]"):  # the kernel's own notice, not a build problem
            continue
        line = _STAGED.sub(lambda m: source_of(Edition(m.group(1), m.group(2)), m.group(3)), line)
        problems.append(line.strip())
    for report in sorted((edition.out / "reports").glob("*.err.log")) if (edition.out / "reports").exists() else []:
        page = report.name.removesuffix(".err.log")
        problems.append(describe_cell_error(edition, page, report.read_text(encoding="utf-8", errors="replace")))
    return problems or [log.strip().splitlines()[-1] if log.strip() else "the build failed without a message"]


def describe_cell_error(edition: Edition, page: str, report: str) -> str:
    """Name the file, cell number and line of a failing cell, with the error's last line."""
    src_path = edition.staged_sources.get(page)
    cell = re.search(r"-{10,}\n(.*?)\n-{10,}", report, re.S)
    error = [ln for ln in _ANSI.sub("", report).strip().splitlines() if ln.strip()][-1]
    where = source_of(edition, page)
    if cell and src_path and src_path.exists():
        import jupytext

        code = cell.group(1).strip()
        nb = jupytext.read(src_path)
        code_cells = [c for c in nb.cells if c.cell_type == "code"]
        for number, c in enumerate(code_cells, 1):
            if c.source.strip() == code:
                text = src_path.read_text(encoding="utf-8")
                first = code.splitlines()[0]
                line = next((i for i, ln in enumerate(text.splitlines(), 1) if ln.strip() == first.strip()), None)
                at = f", line {line}" if line else ""
                return f"{where}: code cell {number}{at} failed: {error}"
    return f"{where}: a code cell failed: {error}"


def _shown(path) -> str:
    """A build folder as the user names it: relative to the project, or absolute when DECODIA_BUILD is elsewhere."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _bar(done: int, total: int, width: int = 24) -> str:
    filled = round(width * done / total) if total else width
    return "█" * filled + "░" * (width - filled)


def build(editions: list[Edition], jobs: int = 2, pdf: bool = True, out=sys.stdout, paper: str = "letter") -> list[Result]:
    """Build the editions (in parallel child processes), then the landing page and PDFs."""
    from .landing import write_landing

    LOGS.mkdir(parents=True, exist_ok=True)
    total = len(editions)
    print(f"Building {total} edition(s) with warnings as errors ({jobs} at a time)…", file=out, flush=True)
    started = time.perf_counter()
    results: list[Result] = []

    def run(e: Edition) -> Result:
        t0 = time.perf_counter()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        proc = subprocess.run([sys.executable, "-m", "book.build", e.name], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        log = proc.stdout + proc.stderr
        (LOGS / f"{e.key}.log").write_text(log, encoding="utf-8")
        ok = proc.returncode == 0
        return Result(e, ok, time.perf_counter() - t0, [] if ok else explain_failure(e, log))

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run, e) for e in editions]
        for fut in as_completed(futures):
            r = fut.result()
            results.append(r)
            mark = "ok  " if r.ok else "FAIL"
            print(f"[{_bar(len(results), total)}] {len(results)}/{total}  {r.edition.name:<18} {mark} "
                  f"{r.seconds:6.1f} s", file=out, flush=True)
            for p in r.problems:
                print(f"      {p}", file=out, flush=True)
    if pdf and all(r.ok for r in results):
        from .pdf import PDF, chromium, print_book, print_kits

        if chromium():
            t0 = time.perf_counter()
            made = print_book(editions, paper)
            print(f"PDF ({paper}): {len(made)} PDF(s), modules and whole editions, in {_shown(PDF)}/ "
                  f"({time.perf_counter() - t0:.1f} s)", file=out, flush=True)
            t0 = time.perf_counter()
            kits = print_kits(sorted({e.lang for e in editions}), paper)
            print(f"Workshop kits ({paper}): {len(kits)} PDF(s) in {_shown(PDF)}/workshops/ "
                  f"({time.perf_counter() - t0:.1f} s)", file=out, flush=True)
        else:
            print("PDF: skipped, no Chromium found (install the Debian package `chromium`); the HTML is built",
                  file=out, flush=True)
    write_landing()  # after the PDFs, so it links the ones that exist
    print(f"Done in {time.perf_counter() - started:.1f} s. Open {_shown(HTML)}/index.html "
          f"or run `decodia serve`.", file=out, flush=True)
    return sorted(results, key=lambda r: all_editions().index(r.edition))


if __name__ == "__main__":  # child process: one edition
    lang, level = sys.argv[1].split("/")
    raise SystemExit(build_one(Edition(lang, level)))
