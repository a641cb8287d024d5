"""Print kits to PDF with Debian's Chromium (`core.printing`): one PDF per module, language and paper.

    <out>/<slug>-<lang>-<paper>.pdf     with the HTML it was printed from beside it (<slug>-<lang>-<paper>.html)
"""
from __future__ import annotations

from pathlib import Path

from core.course import Module
from core.i18n import gettext
from core.printing import Printer

from .document import COLUMNS, FORMS, MARGIN_MM, ROWS, kit_html
from .kit import Kit, load_kit


def first_card_page(pdf: Path, kit: Kit) -> int:
    """The index of the first page of scenario fronts in a printed kit. Its printed order is: cover and guide,
    scenario cards, role cards (each page with its blank back), then the FORMS sheets, one page each
    (tests/test_workshops.py checks that they fit)."""
    from pypdf import PdfReader

    per_page = COLUMNS * ROWS
    scenarios, roles = 2 * -(-len(kit.scenarios) // per_page), 2 * -(-len(kit.roles) // per_page)
    return len(PdfReader(str(pdf)).pages) - FORMS - roles - scenarios


def kit_name(module: Module, lang: str, paper: str | None) -> str:
    """`bias-fr-letter`; without a paper, `bias-fr` (the book's kits, printed on the book's paper)."""
    return f"{module.slug}-{lang}" + (f"-{paper}" if paper else "")


def write_kits(modules: list[Module], langs: list[str], out: Path, paper: str = "letter",
               pdf: bool = True, named_paper: bool = True, keep_unchanged: bool = False) -> list[Path]:
    """Write the kit of every module in every language into `out` (HTML, and PDF with Chromium); return the files.
    `named_paper=False` leaves the paper out of the file names; `keep_unchanged` leaves a kit whose page and PDF
    are already there and up to date as it is (a cached book build rewrites nothing)."""
    out.mkdir(parents=True, exist_ok=True)
    kits: list[tuple[Kit, Path, str]] = []
    written: list[Path] = []
    for m in modules:
        for lang in langs:
            kit = load_kit(m, lang)
            page = out / f"{kit_name(m, lang, paper if named_paper else None)}.html"
            html = kit_html(kit, paper)
            target = page.with_suffix(".pdf")
            if keep_unchanged and page.is_file() and (not pdf or target.is_file()):
                old = page.read_text(encoding="utf-8")
                if old in (html, kit_html(kit, paper, blank_before_cards=True)):
                    written += [page] + ([target] if pdf else [])
                    continue
            page.write_text(html, encoding="utf-8")
            kits.append((kit, page, html))
            written.append(page)
    if pdf and kits:
        margin = {side: f"{mm}mm" for side, mm in MARGIN_MM.items()}
        with Printer(paper) as printer:
            for kit, page, _ in kits:
                title, subtitle = f"Décodia · {kit.title}", gettext(kit.lang, "Workshop kit")
                printed = printer.print(page, page.with_suffix(".pdf"), title, subtitle, kit.lang, margin=margin)
                if first_card_page(printed, kit) % 2 == 1:
                    # The fronts would land on a left-hand page: a blank page before them puts each page of backs
                    # on the other side of its fronts when the kit is printed double-sided.
                    page.write_text(kit_html(kit, paper, blank_before_cards=True), encoding="utf-8")
                    printed = printer.print(page, printed, title, subtitle, kit.lang, margin=margin)
                written.append(printed)
    return written
