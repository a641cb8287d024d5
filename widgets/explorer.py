"""One demo, three faces.

An `Explorer` is a lesson demo: a few controls and a `render` function that runs
the live model for one setting and returns a `View`. Displayed, it carries every
face at once in its MIME bundle:

1. `application/vnd.jupyter.widget-view+json`: live ipywidgets for a running kernel,
   which call the model again on every change (free text included);
2. `text/html`: the kernel-free face for the static book. The model is run at build
   time over the whole grid of settings; a few lines of our own JavaScript
   (`static/decodia-widgets.js`) switch between those real results;
3. `text/plain` (and `image/png` when a view has one): the default setting, for print.

Each builder's MIME priorities choose the face.
"""
from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from core import languages
from core.i18n import gettext
from core.markup import esc

from .faces import three_faces
from .views import View

STATIC = Path(__file__).parent / "static"

@dataclass(frozen=True)
class Choice:
    """One control of a demo.

    `options` are the values the kernel-free face precomputes, either plain values
    or `(value, shown_text)` pairs. `slider=True` shows them on a slider;
    `free_text=True` lets a live learner type any value of their own.
    """

    name: str
    label: str
    options: list
    default: Any = None
    slider: bool = False
    free_text: bool = False

    @property
    def pairs(self) -> list[tuple[Any, str]]:
        return [o if isinstance(o, tuple) else (o, str(o)) for o in self.options]

    @property
    def default_index(self) -> int:
        values = [v for v, _ in self.pairs]
        return values.index(self.default) if self.default is not None else 0


@dataclass
class Explorer:
    """A demo: `render(**setting) -> View` explored over the controls' options."""

    id: str
    controls: list[Choice]
    render: Callable[..., View]
    lang: str = "fr"
    title: str = ""
    _cache: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        if not re.fullmatch(r"[a-z][a-z0-9-]*", self.id):
            raise ValueError(f"demo id {self.id!r} must be lower-case letters, digits and hyphens")
        if isinstance(self.controls, Choice):
            self.controls = [self.controls]
        if self.lang not in languages.LANGS:
            raise ValueError(f"unknown language {self.lang!r}")

    # -- the model, run for one setting ------------------------------------
    def view(self, indexes: tuple[int, ...]) -> View:
        if indexes not in self._cache:
            setting = {c.name: c.pairs[i][0] for c, i in zip(self.controls, indexes)}
            result = self.render(**setting)
            if not isinstance(result, View):
                raise TypeError(f"demo {self.id}: render must return a widgets.View, got {type(result).__name__}")
            self._cache[indexes] = result
        return self._cache[indexes]

    @property
    def default(self) -> tuple[int, ...]:
        return tuple(c.default_index for c in self.controls)

    def grid(self):
        return itertools.product(*(range(len(c.pairs)) for c in self.controls))

    def setting_text(self, indexes: tuple[int, ...]) -> str:
        return ", ".join(f"{c.label} = {c.pairs[i][1]}" for c, i in zip(self.controls, indexes))

    # -- face 2: kernel-free HTML ------------------------------------------
    def static_html(self) -> str:
        uid = f"demo-{self.id}"
        ctrl_html = []
        for c, i in zip(self.controls, self.default):
            cid = f"{uid}-{c.name}"
            shown = [s for _, s in c.pairs]
            if c.slider:
                ctrl_html.append(
                    f'<div class="decodia-control"><label for="{cid}">{esc(c.label)}</label>'
                    f'<input type="range" id="{cid}" data-control min="0" max="{len(shown) - 1}" step="1" '
                    f'value="{i}" aria-valuetext="{esc(shown[i])}" data-labels="{esc(json.dumps(shown))}">'
                    f'<output for="{cid}" aria-hidden="true">{esc(shown[i])}</output></div>')
            else:
                opts = "".join(f'<option value="{k}"{" selected" if k == i else ""}>{esc(s)}</option>'
                               for k, s in enumerate(shown))
                ctrl_html.append(f'<div class="decodia-control"><label for="{cid}">{esc(c.label)}</label>'
                                 f'<select id="{cid}" data-control>{opts}</select></div>')
        panels = []
        for key in self.grid():
            hidden = "" if key == self.default else " hidden"
            panels.append(f'<div class="decodia-demo__panel" data-key="{".".join(map(str, key))}"{hidden}>'
                          f'{self.view(key).html}</div>')
        labels = json.dumps([c.label for c in self.controls])
        title = f'<p class="decodia-demo__title" id="{uid}-title">{esc(self.title)}</p>' if self.title else ""
        labelled = f' aria-labelledby="{uid}-title"' if self.title else f' aria-label="{esc(self.id)}"'
        shown = gettext(self.lang, "Showing the result for")          # the page's script names a setting with it
        printed = gettext(self.lang, "Printed version. Setting shown:")
        return (
            f'<section class="decodia-demo" id="{uid}" data-decodia-demo="{esc(self.id)}"{labelled} '
            f'data-shown="{esc(shown)}" data-labels="{esc(labels)}">{title}'
            f'<div class="decodia-demo__controls">{"".join(ctrl_html)}</div>'
            f'<p class="decodia-demo__setting">{esc(printed)} <span data-setting>'
            f'{esc(self.setting_text(self.default))}</span></p>'
            f'<div class="decodia-demo__panels">{"".join(panels)}</div>'
            f'<p class="visually-hidden" role="status" aria-live="polite" data-status></p></section>')

    # -- face 1: live ipywidgets -------------------------------------------
    def live(self):
        import ipywidgets as W

        style = {"description_width": "initial"}
        inputs = []
        for c, i in zip(self.controls, self.default):
            value, shown = c.pairs[i]
            if c.free_text:
                w = W.Combobox(value=str(value), options=[str(v) for v, _ in c.pairs], description=c.label,
                               placeholder=gettext(self.lang, "Type or choose a value"), ensure_option=False, style=style,
                               continuous_update=False)
            elif c.slider:
                w = W.SelectionSlider(options=[(s, v) for v, s in c.pairs], value=value, description=c.label,
                                      style=style, continuous_update=True)
            else:
                w = W.Dropdown(options=[(s, v) for v, s in c.pairs], value=value, description=c.label, style=style)
            inputs.append(w)
        css = f"<style>{(STATIC / 'decodia-widgets.css').read_text(encoding='utf-8')}</style>"
        out = W.HTML(value=css + self.view(self.default).html)

        def update(_change=None):
            setting = {c.name: w.value for c, w in zip(self.controls, inputs)}
            out.value = css + self.render(**setting).html

        for w in inputs:
            w.observe(update, names="value")
        parts = ([W.HTML(f"<b>{esc(self.title)}</b>")] if self.title else []) + inputs + [out]
        return W.VBox(parts)

    # -- all faces together ------------------------------------------------
    def _repr_mimebundle_(self, include=None, exclude=None):
        default = self.view(self.default)
        return three_faces(self.static_html(), default.text, self.live, default.png)
