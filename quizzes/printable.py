"""Paper: worksheets (variant code, name and date lines, room to answer) and a separate answer key, as HTML
documents that Chromium prints. Nothing in a worksheet gives an answer away."""
from __future__ import annotations

from html import escape

from core.formats import number

from .assemble import Quiz
from .page import extras_html
from .text import UI
from .worksheet import answer_text

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 0.2rem; } h2 { font-size: 12pt; margin: 0 0 0.8rem; font-weight: 600; }
.sheet + .sheet { break-before: page; }
.who { display: flex; gap: 2rem; margin: 0.6rem 0 1.2rem; } .who span { flex: 1; border-bottom: 1px solid #000; padding-top: 1.2rem; }
ol.items > li { margin: 0 0 1rem; break-inside: avoid; } .prompt { margin: 0 0 0.4rem; }
.box { display: inline-block; width: 0.9em; height: 0.9em; border: 1.5px solid #000; margin-right: 0.5em; vertical-align: -0.1em; }
.line { display: block; border-bottom: 1px solid #000; height: 1.6rem; margin: 0.2rem 0 0.4rem; max-width: 28rem; }
.blank { display: inline-block; border-bottom: 1px solid #000; width: 3rem; margin-right: 0.5rem; }
ul.choices { list-style: none; padding-left: 0.5rem; margin: 0.2rem 0; } ul.choices li { margin: 0.25rem 0; }
table { border-collapse: collapse; margin: 0.4rem 0; } th, td { border: 1px solid #888; padding: 0.15rem 0.5rem; text-align: left; }
.decodia-images__row { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 0.4rem 0; } figure { margin: 0; text-align: center; font-size: 9pt; }
.decodia-pixels { width: 5rem; height: 5rem; image-rendering: pixelated; border: 1px solid #555; display: block; }
.meta { font-size: 9pt; color: #333; } .answer { font-weight: 600; } .feedback { margin: 0.2rem 0 0; }
"""

TEXT = {
    "fr": {"sheet": "Fiche d'exercices", "key": "Corrigé", "points": "pt", "of": "de", "pick_one": "Cochez une réponse.",
           "pick_many": "Cochez toutes les bonnes réponses.", "generated": "question générée par le modèle",
           "key_intro": "Réservé à l'enseignante ou à l'enseignant. Chaque série a son code, imprimé sur la fiche."},
    "en": {"sheet": "Worksheet", "key": "Answer key", "points": "pt", "of": "of", "pick_one": "Tick one answer.",
           "pick_many": "Tick every right answer.", "generated": "item generated from the model",
           "key_intro": "For the teacher only. Each set has its code, printed on the worksheet."},
}


def _document(title: str, lang: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{CSS}</style></head><body>{body}</body></html>")


def _sheets(quizzes: list[Quiz], title: str, kind: str, top: str, item) -> str:
    """One section per variant, each on a new page: title, kind and set code, `top`, then `item(q)` per question."""
    lang = quizzes[0].lang
    colon = " :" if lang == "fr" else ":"
    sheets = "".join(
        f'<section class="sheet"><h1>{escape(title)}</h1>'
        f'<h2>{TEXT[lang][kind]} · {UI[lang]["variant_code"]}{colon} {escape(quiz.id)}</h2>{top}'
        f'<ol class="items">{"".join(item(q) for q in quiz.questions)}</ol></section>' for quiz in quizzes)
    return _document(f"{title} — {TEXT[lang][kind]}", lang, sheets)


def worksheets_html(quizzes: list[Quiz], title: str) -> str:
    """One worksheet per variant: set code, name and date lines, room to answer, no answers."""
    lang = quizzes[0].lang
    ui, t = UI[lang], TEXT[lang]
    return _sheets(quizzes, title, "sheet", f'<div class="who"><span>{ui["name"]}</span><span>{ui["date"]}</span></div>',
                   lambda q: f'<li><p class="prompt">{escape(q.prompt)} <span class="meta">({number(q.points, lang)} '
                             f'{t["points"]})</span></p>{extras_html(q)}{q.kind.sheet_html(q, lang)}</li>')


def answer_key_html(quizzes: list[Quiz], title: str) -> str:
    """The answers, the feedback and the objective of every item of every variant."""
    lang = quizzes[0].lang
    ui, t = UI[lang], TEXT[lang]
    colon = " :" if lang == "fr" else ":"

    def item(q) -> str:
        return (f'<li><p class="prompt">{escape(q.prompt)}</p>{extras_html(q)}'
                f'<p class="answer">{ui["answer"]}{colon} {escape(answer_text(q, lang))}</p>'
                f'<p class="meta">{ui["objective"]}{colon} {escape(q.objective)} · <code>{escape(q.id)}</code>'
                + (f" · {t['generated']}" if q.generated else "") + "</p>"
                + (f'<p class="feedback">{escape(q.feedback)}</p>' if q.feedback else "") + "</li>")

    return _sheets(quizzes, title, "key", f'<p class="meta">{t["key_intro"]}</p>', item)
