"""Print HTML pages to PDF with Debian's Chromium (driven by Playwright): the book's PDFs and the packs' worksheets.

    if chromium():
        with Printer("letter") as printer:
            printer.print(page_html, target_pdf, title, subtitle, lang)

Every page carries `title` top left, `subtitle` top right and "page N of M" at the bottom in the page's
language. Letter paper by default (Québec uses Letter), A4 on request. The same page gives the same bytes:
the PDF is rewritten without creation dates and with a fixed file id.
"""
from __future__ import annotations

import hashlib
import html
import shutil
from pathlib import Path

from .i18n import gettext

PAPERS = {"letter": "Letter", "a4": "A4"}
MARGIN = {"top": "20mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
# Headless Chromium on a school's machine or in CI: no sandbox (root), no GPU, and nothing fetched on its own.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def chromium() -> str | None:
    """The Chromium on this machine (Debian's `chromium` first), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _templates(title: str, subtitle: str, lang: str) -> tuple[str, str]:
    style = "font-family: sans-serif; font-size: 8.5pt; color: #333; width: 100%; margin: 0 16mm;"
    header = (f'<div style="{style} display: flex; justify-content: space-between;">'
              f"<span>{html.escape(title)}</span><span>{html.escape(subtitle)}</span></div>")
    n, m = '<span class="pageNumber"></span>', '<span class="totalPages"></span>'
    page_of = gettext(lang, "page {n} of {m}", n=n, m=m)
    footer = f'<div style="{style} text-align: right;">Décodia · {page_of}</div>'
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

    def print(self, page_html: Path, target: Path, title: str, subtitle: str, lang: str,
              margin: dict[str, str] | None = None) -> Path:
        """Print one page: `title` top left, `subtitle` top right, "page N of M" at the bottom in `lang`;
        `margin` (CSS lengths by side) replaces the book's margins."""
        target.parent.mkdir(parents=True, exist_ok=True)
        self._page.goto(page_html.resolve().as_uri(), wait_until="load")
        self._page.evaluate("document.fonts.ready")
        header, footer = _templates(title, subtitle, lang)
        self._page.pdf(path=str(target), format=PAPERS[self.paper], margin=margin or MARGIN, print_background=True,
                       display_header_footer=True, header_template=header, footer_template=footer)
        return normalise(target, title)
