"""Print: a PDF of every module in every edition, and of each whole edition.

Headless Chromium (Debian's package, driven by Playwright: `core.printing`) prints each lesson page with
the book's print CSS: no sidebar, navigation or buttons; demos in their print face; the quiz as a worksheet
without answers.
Every page carries the module title at the top and "page N of M" at the bottom. Letter paper by default
(Québec uses Letter), A4 on request.

    _build/pdf/<lang>/<level>/<module>.pdf            one module, one edition
    _build/pdf/<lang>/<level>/decodia-<lang>-<level>.pdf   the whole edition: home page and every module,
                                                          with a bookmark per module

The tree is copied into `_build/html/pdf/` so that the site links to it.

The `simple` editions print in large type (decodia-print.css): `body_font_size` and `body_line_lengths` measure
a printed PDF as a reader meets it, for the tests and `benchmarks/run`.
"""
from __future__ import annotations

import logging
import shutil
from collections import Counter
from pathlib import Path

from core.course import modules
from core.printing import Printer, chromium, normalise  # noqa: F401  (chromium: book.build asks it here)

from .editions import BUILD, HTML, ROOT, Edition

PDF = BUILD / "pdf"
logging.getLogger("pypdf").setLevel(logging.ERROR)   # Chromium's PDFs make pypdf chatty about harmless details


def pdf_path(edition: Edition, slug: str) -> Path:
    return PDF / edition.lang / edition.level / f"{slug}.pdf"


def edition_pdf_path(edition: Edition) -> Path:
    return PDF / edition.lang / edition.level / f"decodia-{edition.key}.pdf"


def site_path(pdf: Path) -> str:
    """Where the site serves a PDF, relative to `_build/html/`."""
    return "pdf/" + pdf.relative_to(PDF).as_posix()


def _stamp(paper: str) -> Path:
    return PDF / f".paper-{paper}"


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


def _runs(pdf: Path):
    """Every run of text of a PDF: (page number, baseline, size in points, text)."""
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(str(pdf)).pages, 1):
        runs = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                # the text matrix then the page's matrix scale the font's nominal size (Chromium shrinks a page
                # wider than the paper through the page matrix): the size on paper is their vertical product
                scale = abs((tm[2] * cm[1] + tm[3] * cm[3]) or tm[3] or 1)
                baseline = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((number, round(baseline, 1), round(size * scale, 1), text))

        page.extract_text(visitor_text=visit)
        yield from runs


def body_font_size(pdf: Path) -> float:
    """The size, in points, of the type that most of a PDF's characters are set in: its running text."""
    sizes: Counter = Counter()
    for _, _, size, text in _runs(pdf):
        sizes[size] += len(text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def body_line_lengths(pdf: Path) -> list[int]:
    """The characters of each printed line set in the body size (runs on one baseline make one line)."""
    body = body_font_size(pdf)
    lines: Counter = Counter()
    for page, baseline, size, text in _runs(pdf):
        if size == body:
            lines[(page, baseline)] += len(text)
    return list(lines.values())


def print_kits(langs: list[str], paper: str = "letter") -> list[Path]:
    """The workshop kit of every module that has one, in each of `langs` (issue 18), on the book's paper:
    `_build/pdf/workshops/<slug>-<lang>.pdf` and the page it is printed from, copied into the site."""
    from core.course import course
    from workshops.kit import kit_path
    from workshops.printing import write_kits

    import filecmp

    out, site = PDF / "workshops", HTML / "pdf" / "workshops"
    made = []
    for lang in langs:
        chosen = [m for m in course(ROOT) if kit_path(m, lang).is_file()]
        made += write_kits(chosen, [lang], out, paper=paper, named_paper=False, keep_unchanged=True)
    site.mkdir(parents=True, exist_ok=True)
    for path in made:
        if not (site / path.name).is_file() or not filecmp.cmp(path, site / path.name, shallow=False):
            shutil.copy2(path, site / path.name)
    return [p for p in made if p.suffix == ".pdf"]


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
