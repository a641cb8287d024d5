"""What a demo shows for one setting: the same content as HTML and as plain text.

Views are small, escaped and accessible: tables have captions and header cells,
bars carry their number as text, nothing depends on colour alone.
"""
from __future__ import annotations

import base64
import struct
import zlib
from dataclasses import dataclass, field

from core.formats import number, number_spacing, percent, quoted
from core.markup import esc


@dataclass(frozen=True)
class View:
    html: str
    text: str
    png: bytes | None = field(default=None, repr=False)

    def __add__(self, other: "View") -> "View":
        return View(self.html + other.html, self.text + "\n\n" + other.text)


def paragraph(text: str, css: str = "") -> View:
    text = number_spacing(text)      # "30 %" in an interface string never breaks before its %
    cls = f' class="{esc(css)}"' if css else ""
    return View(f"<p{cls}>{esc(text)}</p>", text)


def quote(text: str, label: str = "", lang: str = "fr") -> View:
    """Text produced by a model, set apart so it is not mistaken for the lesson's own voice."""
    head = f'<p class="decodia-quote__label">{esc(label)}</p>' if label else ""
    return View(f'<div class="decodia-quote">{head}<p>{esc(text)}</p></div>',
                (f"{label}\n" if label else "") + quoted(text, lang))


def tokens(pieces: list[str], label: str) -> View:
    """Tokens shown as separate boxes, with a count."""
    spans = "".join(f'<span class="decodia-token">{esc(p.replace(" ", "␣"))}</span>' for p in pieces)
    return View(f'<p class="decodia-tokens" aria-label="{esc(label)}">{spans}</p>',
                f"{label}: " + " | ".join(pieces))


def table(headers: list[str], rows: list[list], caption: str, numeric: set[int] = frozenset()) -> View:
    headers, caption = [number_spacing(str(h)) for h in headers], number_spacing(caption)
    rows = [[number_spacing(c) if isinstance(c, str) else c for c in row] for row in rows]
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(
            (f'<th scope="row">{esc(c)}</th>' if i == 0 else
             f'<td class="num">{esc(c)}</td>' if i in numeric else f"<td>{esc(c)}</td>")
            for i, c in enumerate(row)) + "</tr>"
        for row in rows)
    html_ = (f'<table class="decodia-table"><caption>{esc(caption)}</caption>'
             f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths))
    text = "\n".join([caption, line(headers)] + [line(r) for r in rows])
    return View(html_, text)


def bars(items: list[tuple[str, float]], caption: str, lang: str, headers: tuple[str, str]) -> View:
    """A bar chart as a table: each bar's length is its share, and its number is written out."""
    top = max((v for _, v in items), default=1.0) or 1.0
    rows = "".join(
        f'<tr><th scope="row">{esc(label)}</th><td class="num">{esc(percent(v, lang, 1))}</td>'
        f'<td class="decodia-bar" aria-hidden="true"><span style="width:{100 * v / top:.1f}%"></span></td></tr>'
        for label, v in items)
    html_ = (f'<table class="decodia-table decodia-bars"><caption>{esc(caption)}</caption>'
             f'<thead><tr><th scope="col">{esc(headers[0])}</th><th scope="col">{esc(headers[1])}</th>'
             f'<td aria-hidden="true"></td></tr></thead><tbody>{rows}</tbody></table>')
    width = max((len(label) for label, _ in items), default=0)
    text = "\n".join([caption] + [f"{label.ljust(width)}  {percent(v, lang, 1):>7}  {'█' * round(20 * v / top)}"
                                  for label, v in items])
    return View(html_, text)


PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")   # Okabe–Ito: safe for colour-blind readers
DASHES = ("", "6 4", "2 3", "8 3 2 3")


def line_chart(x: list, series: list[tuple[str, list[float]]], caption: str, x_label: str, y_label: str,
               lang: str, unit: str = "") -> View:
    """Lines over `x`, as an inline SVG (no script, prints as is) with a legend; each line also has
    its own dash pattern and end label, so nothing depends on colour alone. The text face is a table."""
    w, h, left, right, top, bottom = 560, 260, 48, 130, 14, 40
    values = [v for _, ys in series for v in ys]
    top_v = max(values + [0.0]) or 1.0
    step = _nice_step(top_v)
    top_v = step * -(-top_v // step)
    px = lambda i: left + (w - left - right) * (i / max(len(x) - 1, 1))
    py = lambda v: top + (h - top - bottom) * (1 - v / top_v)
    grid = []
    tick = 0.0
    while tick <= top_v + 1e-9:
        grid.append(f'<line x1="{left}" x2="{w - right}" y1="{py(tick):.1f}" y2="{py(tick):.1f}" class="grid"/>'
                    f'<text x="{left - 6}" y="{py(tick) + 4:.1f}" text-anchor="end">{esc(number(tick, lang, 0))}</text>')
        tick += step
    xt = "".join(f'<text x="{px(i):.1f}" y="{h - bottom + 16}" text-anchor="middle">{esc(v)}</text>'
                 for i, v in enumerate(x))
    lines = []
    for k, (name, ys) in enumerate(series):
        pts = " ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in enumerate(ys))
        dash = f' stroke-dasharray="{DASHES[k % 4]}"' if DASHES[k % 4] else ""
        lines.append(f'<polyline points="{pts}" fill="none" stroke="{PALETTE[k % 4]}" stroke-width="2.5"{dash}/>'
                     f'<text x="{px(len(ys) - 1) + 6:.1f}" y="{py(ys[-1]) + 4:.1f}" fill="{PALETTE[k % 4]}" '
                     f'class="label">{esc(name)}</text>')
    svg = (f'<svg class="decodia-chart" viewBox="0 0 {w} {h}" role="img" aria-label="{esc(caption)}">'
           f'{"".join(grid)}{xt}{"".join(lines)}'
           f'<text x="{(left + w - right) / 2:.0f}" y="{h - 6}" text-anchor="middle">{esc(x_label)}</text>'
           f'<text x="12" y="{top + (h - top - bottom) / 2:.0f}" text-anchor="middle" '
           f'transform="rotate(-90 12 {top + (h - top - bottom) / 2:.0f})">{esc(y_label)}</text></svg>')
    rows = [[name] + [number(v, lang, 1) + unit for v in ys] for name, ys in series]
    data = table([x_label] + [str(v) for v in x], rows, caption, set(range(1, len(x) + 1)))
    html_ = (f'<figure class="decodia-figure">{svg}<details class="decodia-data"><summary>{esc(caption)}</summary>'
             f'{data.html}</details></figure>')
    return View(html_, data.text)


def _nice_step(top: float) -> float:
    for step in (0.5, 1, 2, 5, 10, 20, 25, 50, 100):
        if top / step <= 6:
            return step
    return top / 5


SHADES = " .:-=+*#%@"


def pixels_png(pixels, width: int, ink: float = 16) -> bytes:
    """A small grey-level image (ink 0 = paper .. `ink` = black) as an 8-bit greyscale PNG, byte-stable."""
    raw = b"".join(b"\x00" + bytes(round(255 * (1 - min(max(float(v), 0), ink) / ink))
                                    for v in pixels[r * width:(r + 1) * width]) for r in range(width))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, width, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def pixels_img(pixels, width: int, label: str, ink: float = 16) -> str:
    """The image as an <img> with an inline PNG: a few hundred bytes, crisp when enlarged, prints as is."""
    data = base64.b64encode(pixels_png(pixels, width, ink)).decode("ascii")
    return f'<img class="decodia-pixels" src="data:image/png;base64,{data}" alt="{esc(label)}" width="72" height="72">'


def pixels_text(pixels, width: int, ink: float = 16) -> list[str]:
    """The same image as lines of shade characters, for the plain-text face."""
    rows = [list(pixels[r * width:(r + 1) * width]) for r in range(width)]
    return ["".join(SHADES[min(int(float(v) * (len(SHADES) - 1) / ink + 0.5), len(SHADES) - 1)] * 2 for v in row)
            for row in rows]


def image_row(items: list[tuple[str, object, int]]) -> str:
    """Small images side by side, each (label, pixels, width) with its label under it."""
    figs = "".join(f'<figure class="decodia-image">{pixels_img(px, w, label)}<figcaption>{esc(label)}</figcaption></figure>'
                   for label, px, w in items)
    return f'<div class="decodia-images__row">{figs}</div>'


def image_row_text(items: list[tuple[str, object, int]], per_line: int = 4, gap: str = "   ") -> list[str]:
    """The same images as shade art side by side, `per_line` at a time, each under its label."""
    lines = []
    for start in range(0, len(items), per_line):
        chunk = items[start:start + per_line]
        arts = [pixels_text(px, w) for _, px, w in chunk]
        cols = [max(len(a[0]), len(label)) for a, (label, _, _) in zip(arts, chunk)]
        lines.append(gap.join(label.ljust(c) for (label, _, _), c in zip(chunk, cols)))
        lines += [gap.join((a[r] if r < len(a) else "").ljust(c) for a, c in zip(arts, cols))
                  for r in range(max(len(a) for a in arts))]
    return lines


def images(items: list[tuple[str, object, int]], caption: str, lang: str = "fr") -> View:
    """A row of small images, each (label, pixels, width), with a caption; text face: shade art side by side."""
    html_ = (f'<div class="decodia-images" role="group" aria-label="{esc(caption)}">'
             f'<p class="decodia-images__caption">{esc(caption)}</p>{image_row(items)}</div>')
    return View(html_, "\n".join([caption] + image_row_text(items, per_line=6, gap="  ")))
