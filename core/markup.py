"""HTML escaping: the one helper every page, demo and export that writes HTML by hand uses."""
from __future__ import annotations

import html


def esc(value) -> str:
    """`value` as HTML text or attribute value: `& < > " '` escaped (anything is turned into text first)."""
    return html.escape(str(value), quote=True)
