"""A guessing game with its three faces: which of these images are real, which are generated?

The rounds come from a live model (real images and generated ones, shuffled). The kernel-free face
lets the reader answer with radio buttons and check; our JavaScript scores the answers and says how
often pure guessing would do at least as well, so the score is read honestly against chance. The
truth travels base64-encoded, so it is not readable at a glance in the page. The print face is a
worksheet with the answers in small print at the end; the live face uses ipywidgets.
"""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from typing import Callable

from babel.numbers import get_decimal_symbol

from core.formats import number, percent
from core.languages import locale
from core.markup import esc

from .faces import three_faces
from .views import View, image_row_text, pixels_img, table


@dataclass
class Game:
    """`rounds`: a list of (images, fake flags); `width`: image width; `text`: the labels of one language;
    `chance(right, total)`: the model's probability of getting at least `right` of `total` by guessing.

    `text` keys: title, intro, print_intro, item, real, fake, check, next, round, unanswered, score, chance,
    total, right, wrong, was_real, was_fake, answers, chance_caption, chance_headers, chance_row.
    """

    id: str
    rounds: list[tuple[list, list[bool]]]
    width: int
    text: dict
    chance: Callable[[int, int], float]
    lang: str = "fr"

    def __post_init__(self):
        if not re.fullmatch(r"[a-z][a-z0-9-]*", self.id):
            raise ValueError(f"game id {self.id!r} must be lower-case letters, digits and hyphens")
        if not self.rounds:
            raise ValueError("a game needs at least one round")

    def _answers(self, fakes: list[bool]) -> str:
        shown = [str(i + 1) for i, f in enumerate(fakes) if f]
        return self.text["answers"].format(items=", ".join(shown))

    def chance_table(self) -> View:
        """How often pure guessing gets at least k right in one round: the yardstick for a score."""
        n = len(self.rounds[0][1])
        rows = [[k, self.text["chance_row"].format(p=percent(self.chance(k, n), self.lang, 1))]
                for k in range(n // 2, n + 1)]
        return table(self.text["chance_headers"], rows, self.text["chance_caption"].format(total=n), {1})

    def static_html(self) -> str:
        t = self.text
        uid = f"game-{self.id}"
        forms = []
        for r, (imgs, fakes) in enumerate(self.rounds):
            items = []
            for i, px in enumerate(imgs):
                name = f"{uid}-{r}-{i}"
                label = t["item"].format(n=i + 1)
                items.append(
                    f'<fieldset><legend>{esc(label)}</legend>{pixels_img(px, self.width, label)}'
                    f'<input type="radio" id="{name}-real" name="{name}" value="0">'
                    f'<label for="{name}-real">{esc(t["real"])}</label>'
                    f'<input type="radio" id="{name}-fake" name="{name}" value="1">'
                    f'<label for="{name}-fake">{esc(t["fake"])}</label>'
                    f'<span class="decodia-game__verdict" data-verdict></span></fieldset>')
            truth = base64.b64encode(bytes(json.dumps([int(f) for f in fakes]), "ascii")).decode("ascii")
            hidden = "" if r == 0 else " hidden"
            forms.append(
                f'<form class="decodia-game__round" data-truth="{truth}"{hidden} novalidate>'
                f'<p>{esc(t["round"].format(n=r + 1, total=len(self.rounds)))}</p>'
                f'<div class="decodia-game__grid">{"".join(items)}</div>'
                f'<button type="submit">{esc(t["check"])}</button>'
                f'<p class="decodia-game__answers">{esc(self._answers(fakes))}</p></form>')
        texts = {k: t[k] for k in ("unanswered", "score", "chance", "total", "right", "wrong", "was_real", "was_fake")}
        texts["decimal"] = get_decimal_symbol(locale(self.lang))     # how the page's script writes chances
        chance = self.chance_table()
        return (f'<section class="decodia-game decodia-demo" id="{uid}" data-decodia-game aria-labelledby="{uid}-title" '
                f'data-text="{esc(json.dumps(texts, ensure_ascii=False))}">'
                f'<p class="decodia-demo__title" id="{uid}-title">{esc(t["title"])}</p>'
                f'<p class="decodia-game__intro">{esc(t["intro"])}</p>'
                f'<p class="decodia-print-only">{esc(t["print_intro"])}</p>'
                f'{"".join(forms)}<button type="button" data-next>{esc(t["next"])}</button>'
                f'<p class="decodia-game__score" role="status" aria-live="polite" data-score></p>'
                f'<details class="decodia-data"><summary>{esc(t["chance_caption"].format(total=len(self.rounds[0][1])))}'
                f'</summary>{chance.html}</details><div class="decodia-print-only">{chance.html}</div></section>')

    def text_face(self) -> str:
        imgs, fakes = self.rounds[0]
        items = [(self.text["item"].format(n=i + 1), px, self.width) for i, px in enumerate(imgs)]
        lines = [self.text["title"], self.text["print_intro"], ""]
        for start in range(0, len(items), 4):
            lines += image_row_text(items[start:start + 4]) + [""]
        lines += [self._answers(fakes), "", self.chance_table().text]
        return "\n".join(lines)

    def live(self):
        import ipywidgets as W

        t = self.text
        state = {"round": 0}
        box = W.VBox()

        def show(_=None):
            imgs, fakes = self.rounds[state["round"] % len(self.rounds)]
            picks = [W.ToggleButtons(options=[(t["real"], 0), (t["fake"], 1)], value=None,
                                     description=t["item"].format(n=i + 1)) for i in range(len(imgs))]
            pics = [W.HTML(pixels_img(px, self.width, t["item"].format(n=i + 1))) for i, px in enumerate(imgs)]
            out = W.HTML()
            check, again = W.Button(description=t["check"]), W.Button(description=t["next"])

            def grade(_):
                answers = [p.value for p in picks]
                if None in answers:
                    out.value = esc(t["unanswered"])
                    return
                right = sum(a == int(f) for a, f in zip(answers, fakes))
                p = 100 * self.chance(right, len(fakes))
                shown = number(p, self.lang, 1) if 0 < p < 1 else number(p, self.lang, 0)
                out.value = (esc(t["score"].format(right=right, total=len(fakes)) + " " + t["chance"].format(p=shown))
                             + "<br>" + esc(self._answers(fakes)))

            def next_round(_):
                state["round"] += 1
                show()

            check.on_click(grade)
            again.on_click(next_round)
            box.children = [W.HTML(f"<b>{esc(t['title'])}</b><p>{esc(t['intro'])}</p>")] + [
                W.HBox([pic, pick]) for pic, pick in zip(pics, picks)] + [W.HBox([check, again]), out]

        show()
        return box

    def _repr_mimebundle_(self, include=None, exclude=None):
        return three_faces(self.static_html(), self.text_face(), self.live)
