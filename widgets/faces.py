"""The MIME bundle that carries a display's three faces; each builder's priorities pick one."""
from __future__ import annotations

import base64
from typing import Any, Callable

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def three_faces(html: str, text: str, live: Callable[[], Any], png: bytes | None = None) -> dict[str, Any]:
    """Kernel-free `text/html`, print `text/plain` (and `image/png`), and the live widget view.

    `live` builds the ipywidgets face; without ipywidgets or a kernel, the other faces still stand.
    """
    bundle: dict[str, Any] = {"text/html": html, "text/plain": text}
    if png:
        bundle["image/png"] = base64.b64encode(png).decode("ascii")
    try:
        view = live()._repr_mimebundle_()
    except Exception:
        view = None
    if view and WIDGET_VIEW in view:
        bundle[WIDGET_VIEW] = view[WIDGET_VIEW]
    return bundle
