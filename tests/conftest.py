"""Shared fixtures: the built book, a local server, a real browser; and lesson notebooks for nbval.

The whole book is built once per test session, with warnings as errors, exactly as
`decodia build` does it; the build test, the page tests and the browser tests use it.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jupytext
import nbval.plugin
import pytest
from nbval.plugin import IPyNbFile

from core.printing import FLAGS, chromium
from core.serve import serving

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
# Lesson kernels started by nbval import the project's packages, installed or not.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
CHROMIUM_ARGS = FLAGS      # the flags the PDFs are printed with


# -- lesson notebooks under nbval ---------------------------------------------------------

def pytest_collect_file(file_path, parent):
    """`tests/lessons.nbval` stands for every lesson: each MyST edition becomes an nbval notebook."""
    if file_path.name == "lessons.nbval":
        return LessonNotebooks.from_parent(parent, path=file_path)
    return None


class LessonNotebooks(pytest.File):
    def collect(self):
        for pattern in self.path.read_text(encoding="utf-8").split():
            if pattern.startswith("#"):
                continue
            for lesson in sorted(ROOT.glob(pattern)):
                yield MySTNotebook.from_parent(self, path=lesson, name=str(lesson.relative_to(ROOT)))


class MySTNotebook(IPyNbFile):
    """nbval reads `.ipynb` with nbformat; a MyST lesson is read with jupytext instead."""

    def collect(self):
        real_read = nbval.plugin.nbformat.read
        nbval.plugin.nbformat.read = lambda path, as_version=4: jupytext.read(path, fmt="md:myst")
        try:
            yield from super().collect()
        finally:
            nbval.plugin.nbformat.read = real_read


# -- code that runs its own event loop ------------------------------------------------------

def in_own_thread(fn, *args, **kwargs):
    """`fn(*args, **kwargs)` in a thread of its own, its result or its exception passed back.

    The session's browser (Playwright's sync API) keeps an asyncio loop running in the test thread once a
    browser test has run; code that starts its own loop (another Playwright, an asyncio client) cannot run
    there, so it runs here."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args, **kwargs).result()


# -- the built book -----------------------------------------------------------------------

@pytest.fixture(scope="session")
def book_build():
    """Build every edition once (HTML, landing page; PDFs too when Chromium is present)."""
    proc = subprocess.run([sys.executable, "-m", "book.cli", "build"], cwd=ROOT, capture_output=True, text=True)
    return proc


@pytest.fixture(scope="session")
def built(book_build):
    if book_build.returncode != 0:
        pytest.fail(f"decodia build failed:\n{book_build.stdout}\n{book_build.stderr}")
    return HTML


@pytest.fixture(scope="session")
def server(built):
    """The built book served the way `decodia serve` serves it."""
    with serving(built) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    found = chromium()
    if not found:
        pytest.fail("Debian's chromium is required for the browser tests: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=found, args=CHROMIUM_ARGS)
        yield b
        b.close()


AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"


class PageWatch:
    """A page with everything a person would not see recorded: console errors, failed and non-local requests."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.console_errors: list[str] = []
        self.outside: list[str] = []
        self.failed: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", self._request)
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))
        page.on("requestfailed", lambda r: self.failed.append(f"failed {r.url}"))

    def _request(self, req):
        url = req.url
        if not (url.startswith(self.base) or url.startswith("data:") or url.startswith("blob:")):
            self.outside.append(url)

    def goto(self, path: str):
        self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def axe_violations(self) -> list[str]:
        self.page.add_script_tag(path=str(AXE))
        result = self.page.evaluate(
            """async () => await axe.run(document, {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
        return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                for v in result["violations"]]


@pytest.fixture
def watch(browser, server):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `cd tests/browser && npm ci`")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    yield PageWatch(page, server)
    context.close()
