"""Print: a PDF of every module in every edition, and of each whole edition.

Headless Chromium (Debian's package, driven by Playwright) prints each lesson page with the book's print
CSS: no sidebar, navigation or buttons; demos in their print face; the quiz as a worksheet without answers.
Every page carries the module title at the top and "page N of M" at the bottom. Letter paper by default
(Québec uses Letter), A4 on request.

    _build/pdf/<lang>/<level>/<module>.pdf            one module, one edition
    _build/pdf/<lang>/<level>/decodia-<lang>-<level>.pdf   the whole edition: home page and every module,
                                                          with a bookmark per module

The tree is copied into `_build/html/pdf/` so that the site links to it.
"""
from __future__ import annotations

import hashlib
import html
import logging
import shutil
from pathlib import Path

from core.course import modules

from .editions import BUILD, HTML, ROOT, Edition

PDF = BUILD / "pdf"
logging.getLogger("pypdf").setLevel(logging.ERROR)   # Chromium's PDFs make pypdf chatty about harmless details
PAPERS = {"letter": "Letter", "a4": "A4"}
MARGIN = {"top": "20mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PAGE_OF = {"fr": "page {n} de {m}", "en": "page {n} of {m}"}


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_path(edition: Edition, slug: str) -> Path:
    return PDF / edition.lang / edition.level / f"{slug}.pdf"


def edition_pdf_path(edition: Edition) -> Path:
    return PDF / edition.lang / edition.level / f"decodia-{edition.key}.pdf"


def site_path(pdf: Path) -> str:
    """Where the site serves a PDF, relative to `_build/html/`."""
    return "pdf/" + pdf.relative_to(PDF).as_posix()


def _templates(title: str, subtitle: str, lang: str) -> tuple[str, str]:
    style = "font-family: sans-serif; font-size: 8.5pt; color: #333; width: 100%; margin: 0 16mm;"
    header = (f'<div style="{style} display: flex; justify-content: space-between;">'
              f"<span>{html.escape(title)}</span><span>{html.escape(subtitle)}</span></div>")
    n, m = '<span class="pageNumber"></span>', '<span class="totalPages"></span>'
    footer = f'<div style="{style} text-align: right;">Décodia · {PAGE_OF[lang].format(n=n, m=m)}</div>'
    return header, footer


def normalise(pdf: Path, title: str) -> Path:
    """Rewrite a printed PDF without its creation dates and with a fixed file id: same page, same bytes."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    writer = PdfWriter(clone_from=str(pdf))
    writer.metadata = None
    writer.add_metadata({"/Title": title, "/Producer": "Décodia"})
    digest = hashlib.sha256(title.encode()).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    with pdf.open("wb") as f:
        writer.write(f)
    return pdf


def _stamp(paper: str) -> Path:
    return PDF / f".paper-{paper}"


class Printer:
    """One Chromium for every page to print."""

    def __init__(self, paper: str = "letter"):
        if paper not in PAPERS:
            raise ValueError(f"unknown paper {paper!r}: expected one of {', '.join(PAPERS)}")
        self.paper = paper

    def __enter__(self):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=chromium(), args=FLAGS)
        self._page = self._browser.new_page()
        return self

    def __exit__(self, *exc):
        self._browser.close()
        self._pw.stop()

    def print(self, page_html: Path, target: Path, title: str, subtitle: str, lang: str) -> Path:
        """Print one page: `title` top left, `subtitle` top right, "page N of M" at the bottom in `lang`."""
        target.parent.mkdir(parents=True, exist_ok=True)
        self._page.goto(page_html.resolve().as_uri(), wait_until="load")
        self._page.evaluate("document.fonts.ready")
        header, footer = _templates(title, subtitle, lang)
        self._page.pdf(path=str(target), format=PAPERS[self.paper], margin=MARGIN, print_background=True,
                       display_header_footer=True, header_template=header, footer_template=footer)
        return normalise(target, title)


def _fresh(target: Path, source: Path, paper: str) -> bool:
    return (target.exists() and target.stat().st_mtime >= source.stat().st_mtime
            and _stamp(paper).exists())


def merge(parts: list[tuple[str, Path]], target: Path, title: str) -> Path:
    """One PDF from several, with a bookmark at the start of each part; no timestamps, so the bytes repeat."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for label, part in parts:
        start = len(writer.pages)
        writer.append(str(part))
        writer.add_outline_item(label, start)
    with target.open("wb") as f:
        writer.write(f)
    return normalise(target, title)


def print_book(editions: list[Edition], paper: str = "letter") -> list[Path]:
    """Print every module of `editions` and each whole edition; reprint only what changed."""
    if any(PDF.glob(".paper-*")) and not _stamp(paper).exists():
        shutil.rmtree(PDF)          # the paper changed: everything is reprinted
    made: list[Path] = []
    jobs: list[tuple[Path, Path, str, Edition]] = []          # (page, pdf, title, edition) to print
    wholes: list[tuple[Path, list[tuple[str, Path]], Edition]] = []
    for e in editions:
        parts = [(e.title, e.out / "index.html", PDF / e.lang / e.level / ".home.pdf")]
        parts += [(m.title[e.lang], e.out / f"{m.slug}.html", pdf_path(e, m.slug)) for m in modules(ROOT)]
        jobs += [(page, pdf, title, e) for title, page, pdf in parts if not _fresh(pdf, page, paper)]
        made += [pdf for _, _, pdf in parts[1:]]
        wholes.append((edition_pdf_path(e), [(title, pdf) for title, _, pdf in parts], e))
    if jobs:                       # Chromium starts only when a page changed
        with Printer(paper) as printer:
            for page, pdf, title, e in jobs:
                printer.print(page, pdf, title, e.title, e.lang)
    for whole, parts, e in wholes:
        if not (whole.exists() and all(whole.stat().st_mtime >= p.stat().st_mtime for _, p in parts)):
            merge(parts, whole, e.title)
        made.append(whole)
    _stamp(paper).touch()
    site = HTML / "pdf"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(PDF, site, ignore=shutil.ignore_patterns(".*"))
    return made
