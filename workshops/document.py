"""A kit as one printable HTML document (`templates/kit.html.j2`), laid out for Letter or A4.

Cards print two to a page, one above the other, each the size of a half sheet, with cut marks at every corner:
large enough for large type on the front and, on the back, for the demo's print face with its tables unbroken. A page of scenario fronts is followed by
the page of their backs with the columns swapped, so that printing double-sided with a flip on the long edge puts
each back behind its front; the grid is centred on the page, so the backs land in place on either paper. Nothing
relies on colour: the kit reads the same in black and white.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from core.formats import french_spacing
from core.i18n import N_, gettext, render
from core.markup import esc
from core.sources import citation, load_sources, reference

from .kit import Kit

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
GUIDES = HERE / "guide"
SOURCES = HERE / "sources.yaml"

# Paper (width, height) and the margins the kit is printed with (core.printing takes them), in millimetres.
PAPER_MM = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}
MARGIN_MM = {"top": 16, "bottom": 14, "left": 12, "right": 12}
GUTTER_MM = 10          # between two cards: room for the cut marks and for a scissor's error
COLUMNS, ROWS = 1, 2
MARK_MM, MARK_GAP_MM = 4, 1    # each cut mark: its length, and its distance from the card's corner

FORMS = 3               # the sheets to fill in, one page each: priorities, feedback, summary
FEEDBACK = [N_("I understood what the model shows."), N_("I could say what I think."),
            N_("I learned something useful for my life."), N_("The cards were easy to read."),
            N_("I want to know what will be done with our ideas.")]
SUMMARY_FIELDS = [N_("Date and place"), N_("Organised by"), N_("Number of participants"),
                  N_("Who was there, and who was missing"), N_("Scenario cards discussed"),
                  N_("Sent to (the body concerned)")]


@dataclass(frozen=True)
class Grid:
    """Where the cards go on one sheet, in millimetres from the top left of the printable area."""

    sheet_w: float
    sheet_h: float
    card_w: float
    card_h: float

    @classmethod
    def for_paper(cls, paper: str) -> "Grid":
        w, h = PAPER_MM[paper]
        sheet_w = w - MARGIN_MM["left"] - MARGIN_MM["right"]
        sheet_h = h - MARGIN_MM["top"] - MARGIN_MM["bottom"] - 1      # 1 mm spare: the sheet never spills over
        card_w = round((sheet_w - GUTTER_MM * (COLUMNS - 1) - 2 * (MARK_MM + MARK_GAP_MM)) / COLUMNS, 1)
        card_h = round((sheet_h - GUTTER_MM * (ROWS - 1) - 2 * (MARK_MM + MARK_GAP_MM)) / ROWS, 1)
        return cls(round(sheet_w, 1), round(sheet_h, 1), card_w, card_h)

    def origin(self, row: int, column: int) -> tuple[float, float]:
        left = (self.sheet_w - COLUMNS * self.card_w - (COLUMNS - 1) * GUTTER_MM) / 2
        top = (self.sheet_h - ROWS * self.card_h - (ROWS - 1) * GUTTER_MM) / 2
        return (round(left + column * (self.card_w + GUTTER_MM), 2), round(top + row * (self.card_h + GUTTER_MM), 2))

    def cells(self, items: list, mirrored: bool = False, first: int = 1) -> list[dict[str, Any]]:
        """Up to COLUMNS × ROWS items placed row by row; `mirrored` swaps the columns (the backs of a page)."""
        out = []
        for k, item in enumerate(items):
            row, column = divmod(k, COLUMNS)
            x, y = self.origin(row, COLUMNS - 1 - column if mirrored else column)
            out.append({"item": item, "x": x, "y": y, "number": first + k})
        return out

    def marks(self) -> Markup:
        """Cut marks at every corner of every card place, as one SVG over the sheet (black, thin)."""
        lines = []
        for row in range(ROWS):
            for column in range(COLUMNS):
                x0, y0 = self.origin(row, column)
                for x, dx in ((x0, -1), (x0 + self.card_w, 1)):
                    for y, dy in ((y0, -1), (y0 + self.card_h, 1)):
                        a = MARK_GAP_MM
                        lines.append((x + dx * a, y, x + dx * (a + MARK_MM), y))      # along the card's edge line
                        lines.append((x, y + dy * a, x, y + dy * (a + MARK_MM)))
        body = "".join(f'<line x1="{a:.2f}" y1="{b:.2f}" x2="{c:.2f}" y2="{d:.2f}"/>' for a, b, c, d in lines)
        return Markup(f'<svg class="marks" aria-hidden="true" viewBox="0 0 {self.sheet_w} {self.sheet_h}" '
                      f'width="{self.sheet_w}mm" height="{self.sheet_h}mm" stroke="#000" stroke-width="0.2">'
                      f"{body}</svg>")


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@lru_cache(maxsize=None)
def _css() -> str:
    return (TEMPLATES / "kit.css").read_text(encoding="utf-8")


def guide_html(kit: Kit) -> Markup:
    """The facilitator guide of `workshops/guide/<lang>.md`, with this module's title, question and objectives."""
    from jinja2 import Environment, StrictUndefined
    from markdown_it import MarkdownIt

    source = (GUIDES / f"{kit.lang}.md").read_text(encoding="utf-8")
    obvia = load_sources(SOURCES)["obvia-note"]
    text = Environment(undefined=StrictUndefined, autoescape=False).from_string(source).render(
        title=kit.title, question=kit.question, cite=citation(obvia, kit.lang),
        objectives=[o.text[kit.lang] for o in kit.module.objectives])
    return Markup(MarkdownIt("commonmark", {"typographer": False}).enable("table").render(text))


def reference_html(lang: str) -> Markup:
    out = []
    for text, style, href in reference(load_sources(SOURCES)["obvia-note"], lang):
        out.append(f"<em>{esc(text)}</em>" if style == "em" else
                   f'<a href="{esc(href)}">{esc(text)}</a>' if style == "link" else esc(text))
    return Markup("".join(out))


FIT_SCRIPT = """
// Each card's back holds the model's result in the demo's print face. The type shrinks (never below 6 pt) until
// the text fits the card, once with its lines whole (table rows stay rows) and once with long lines wrapped; the
// back keeps whichever way gives the larger type, lines whole on a tie.
const fits = box => box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
function largest(box, wrap) {
  box.style.whiteSpace = wrap;
  for (let size = 10; size >= 6; size -= 0.25) {
    box.style.fontSize = size + 'pt';
    if (fits(box)) return size;
  }
  return 0;
}
for (const box of document.querySelectorAll('.fit')) {
  const whole = largest(box, 'pre'), wrapped = largest(box, 'pre-wrap');
  const [wrap, size] = whole >= wrapped ? ['pre', whole] : ['pre-wrap', wrapped];
  box.style.whiteSpace = wrap;
  box.style.fontSize = (size || 6) + 'pt';
}
"""


def kit_html(kit: Kit, paper: str = "letter", blank_before_cards: bool = False) -> str:
    """The whole kit as one HTML document, ready for Chromium to print on `paper`; `blank_before_cards` adds the
    blank page that puts the first page of scenario fronts on a right-hand page (workshops/printing.py)."""
    grid = Grid.for_paper(paper)
    per_page = COLUMNS * ROWS
    scenario_pages = []
    for k, group in enumerate(chunks(list(kit.scenarios), per_page)):
        first = 1 + k * per_page
        fronts = grid.cells(group, first=first)
        backs = grid.cells(group, mirrored=True, first=first)
        for cell in backs:
            cell["result"] = cell["item"].result().text      # the demo's print face
        scenario_pages.append((fronts, backs))
    role_pages = [grid.cells(group) for group in chunks(list(kit.roles), per_page)]
    page = render(TEMPLATES, "kit.html.j2", kit.lang, kit=kit, grid=grid, css=Markup(_css()),
                  guide=guide_html(kit), reference=reference_html(kit.lang), marks=grid.marks(),
                  role_pages=role_pages, scenario_pages=scenario_pages,
                  feedback=[gettext(kit.lang, s) for s in FEEDBACK],
                  summary_fields=[gettext(kit.lang, s) for s in SUMMARY_FIELDS],
                  fit_script=Markup(FIT_SCRIPT), blank_before_cards=blank_before_cards)
    if kit.lang != "fr":
        return page
    # French typography in what a reader reads (no-break spaces before : ; ! ? and inside « »), as the book's
    # pages get it; the style sheet and the script are left as they are.
    # The cards' backs are the demos' print faces, kept as the model wrote them; the cut marks' numbers too.
    head, rest = page.split("</style>", 1)
    body, script = rest.split("<script>", 1)
    parts = re.split(r"(<pre\b.*?</pre>|<svg\b.*?</svg>)", body, flags=re.S)
    body = "".join(p if p.startswith(("<pre", "<svg")) else french_spacing(p) for p in parts)
    return head + "</style>" + body + "<script>" + script
