"""The theme's icons without fontawesome.js (1.5 MB) or its webfonts.

After a build, the icon classes that the pages really use (`fa-bars`, `fa-sun`, …) are
looked up in the Font Awesome Free data that pydata-sphinx-theme ships, and written
as a few CSS masks into `_static/decodia-icons.css`. Font Awesome Free icons are
licensed CC BY 4.0 (https://fontawesome.com/license/free).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

_ICON = re.compile(r'[,{]"?([a-z0-9-]+)"?:\[(\d+),(\d+),\[[^\]]*\],"([0-9a-f]+)","([^"]+)"\]')
_PACK = re.compile(r'\("(fa[srb])",\s*\w+\)')
_USED = re.compile(r'class="[^"]*?\bfa-(?!solid\b|regular\b|brands\b|lg\b|xl\b|fw\b|sm\b)([a-z0-9-]+)')

HEADER = """/* Décodia icons: only those the pages use, as CSS masks.
   Paths from Font Awesome Free (CC BY 4.0, https://fontawesome.com/license/free),
   as shipped by pydata-sphinx-theme. No fontawesome.js, no webfont. */
.fa, .fas, .far, .fab, .fa-solid, .fa-regular, .fa-brands { font-family: inherit !important; font-style: normal; }
.fa::before, .fas::before, .far::before, .fab::before, .fa-solid::before, .fa-regular::before, .fa-brands::before {
  content: "" !important; display: inline-block; width: 1em; height: 1em; vertical-align: -0.125em;
  background-color: currentColor; -webkit-mask: var(--decodia-icon) no-repeat center / contain;
  mask: var(--decodia-icon) no-repeat center / contain; }
/* The theme draws some icons with the Font Awesome webfont from CSS: point its font
   variables at a local font (nothing is downloaded) and draw those icons as masks too. */
:root { --fa-font-solid: normal 900 1em/1 sans-serif; --fa-font-regular: normal 400 1em/1 sans-serif;
  --fa-font-brands: normal 400 1em/1 sans-serif; --fa-style-family-classic: sans-serif;
  --fa-style-family-brands: sans-serif; }
.admonition > .admonition-title::after, div.admonition > .admonition-title::after {
  content: "" !important; font: inherit !important; width: 1em; height: 1em; background-color: currentColor;
  -webkit-mask: var(--decodia-icon) no-repeat center / contain; mask: var(--decodia-icon) no-repeat center / contain; }
.bd-sidebar-secondary.hide:not(:hover) .onthispage::after { content: none !important; }
"""

# Admonition classes and the Font Awesome code point pydata-sphinx-theme gives each.
ADMONITIONS = {"admonition": "f0f3", "note": "f05a", "tip": "f0eb", "hint": "f0eb", "important": "f06a",
               "attention": "f06a", "caution": "f071", "warning": "f071", "danger": "f071", "error": "f057",
               "seealso": "f064", "todo": "f303"}


def fontawesome_data() -> dict[str, tuple[int, int, str]]:
    import pydata_sphinx_theme

    js = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static/scripts/fontawesome.js"
    text = js.read_text(encoding="utf-8")
    packs = [(m.start(), m.group(1)) for m in _PACK.finditer(text)]
    found: dict[str, tuple[int, int, str, str]] = {}
    for m in _ICON.finditer(text):
        pack = next((p for pos, p in packs if pos > m.start()), "fas")
        name, code = m.group(1), m.group(4)
        for key in (name, f"U+{code}"):
            if key not in found or (pack == "fas" and found[key][3] != "fas"):
                found[key] = (int(m.group(2)), int(m.group(3)), m.group(5), pack)
    return {k: v[:3] for k, v in found.items()}


def _mask(data: tuple[int, int, str]) -> str:
    w, h, path = data
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}"><path d="{path}"/></svg>'
    return f'--decodia-icon: url("data:image/svg+xml,{quote(svg)}");'


def icons_css(html_dir: Path) -> str:
    used = sorted({name for page in html_dir.rglob("*.html")
                   for name in _USED.findall(page.read_text(encoding="utf-8"))})
    data = fontawesome_data()
    rules = [f".fa-{name} {{ {_mask(data[name])} }}" for name in used if name in data]
    rules += [f"div.admonition.{cls} > .admonition-title {{ {_mask(data['U+' + code])} }}"
              for cls, code in ADMONITIONS.items() if "U+" + code in data]
    return HEADER + "\n".join(rules) + "\n"
