"""The launch button of a lesson page: open this lesson, in this edition, on the school's JupyterHub.

When `launch_buttons.jupyterhub_url` is set in `_config.yml` (or `DECODIA_JUPYTERHUB_URL` in the
environment of `decodia build`), every lesson page gets the theme's launch menu with one link:
`<hub>/hub/user-redirect/lab/tree/decodia/<lang>-<level>/<slug>.ipynb` (book/lab.py). The hub logs
the learner in and starts their server, whose user image writes the lessons as notebooks into
`~/decodia/` (deploy/jupyterhub/), and JupyterLab opens the lesson. The theme's own JupyterHub link
is not used: it points at the staged `<slug>.md` of an nbgitpuller copy of the repository, a path
that does not exist in the repository (the lesson is `modules/<slug>/<lang>/<level>.md`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:                   # book.editions asks hub_url() without loading Sphinx
    from sphinx.application import Sphinx


def hub_url(config_url: str, environ=None) -> str:
    """The hub a build points at: DECODIA_JUPYTERHUB_URL when set, else `_config.yml`'s."""
    import os

    env = os.environ if environ is None else environ
    return (env.get("DECODIA_JUPYTERHUB_URL") or config_url or "").strip()


def add_launch_button(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    from core.course import modules
    from sphinx.locale import get_translation

    from .editions import ROOT
    from .lab import hub_lesson_url

    hub = app.config.decodia_jupyterhub_url
    ctx = app.config.html_context
    if not hub or "decodia_lang" not in ctx or pagename not in {m.slug for m in modules(ROOT)}:
        return
    theme = get_translation("booktheme")      # the theme's own words, in the page's language
    url = hub_lesson_url(hub, ctx["decodia_lang"], ctx["decodia_level"], pagename)
    context.setdefault("header_buttons", []).append({
        "type": "group",
        "tooltip": theme("Launch interactive content"),
        "icon": "fas fa-rocket",
        "label": "launch-buttons",
        "buttons": [{"type": "link", "text": "JupyterHub", "tooltip": theme("Launch on") + " JupyterHub",
                     "icon": "_static/images/logo_jupyterhub.svg", "url": url}],
    })


def setup(app: Sphinx) -> dict:
    # A different hub rewrites every page.
    app.add_config_value("decodia_jupyterhub_url", "", "html")
    app.connect("html-page-context", add_launch_button, priority=502)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
