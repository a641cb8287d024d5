"""Print kits to PDF with Debian's Chromium (`core.printing`): one PDF per module, language and paper.

    <out>/<slug>-<lang>-<paper>.pdf     with the HTML it was printed from beside it (<slug>-<lang>-<paper>.html)
"""
from __future__ import annotations

from pathlib import Path

from core.course import Module
from core.i18n import gettext
from core.printing import Printer

from .document import MARGIN_MM, kit_html
from .kit import Kit, load_kit


def kit_name(module: Module, lang: str, paper: str | None) -> str:
    """`bias-fr-letter`; without a paper, `bias-fr` (the book's kits, printed on the book's paper)."""
    return f"{module.slug}-{lang}" + (f"-{paper}" if paper else "")


def write_kits(modules: list[Module], langs: list[str], out: Path, paper: str = "letter",
               pdf: bool = True, named_paper: bool = True) -> list[Path]:
    """Write the kit of every module in every language into `out` (HTML, and PDF with Chromium); return the files.
    `named_paper=False` leaves the paper out of the file names."""
    out.mkdir(parents=True, exist_ok=True)
    kits: list[tuple[Kit, Path]] = []
    for m in modules:
        for lang in langs:
            kit = load_kit(m, lang)
            page = out / f"{kit_name(m, lang, paper if named_paper else None)}.html"
            page.write_text(kit_html(kit, paper), encoding="utf-8")
            kits.append((kit, page))
    written = [page for _, page in kits]
    if pdf:
        margin = {side: f"{mm}mm" for side, mm in MARGIN_MM.items()}
        with Printer(paper) as printer:
            for kit, page in kits:
                written.append(printer.print(page, page.with_suffix(".pdf"), f"Décodia · {kit.title}",
                                             gettext(kit.lang, "Workshop kit"), kit.lang, margin=margin))
    return written
