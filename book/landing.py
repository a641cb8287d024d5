"""The landing page at `_build/html/index.html`: choose a language and a reading level."""
from __future__ import annotations

import shutil
from html import escape

from core.course import modules
from core.formats import french_spacing

from .editions import HTML, LEVELS, ROOT, THEME, UI, Edition
from .pdf import edition_pdf_path, pdf_path, site_path

TEXT = {
    "fr": {
        "heading": "Français",
        "intro": "Un cours pour comprendre l'intelligence artificielle : comment fonctionnent les robots "
                 "conversationnels, leurs limites, les biais et les hypertrucages. Choisissez votre niveau de lecture.",
        "levels": {
            "simple": "Des phrases courtes et des mots de tous les jours. Les mots difficiles sont expliqués. "
                      "Aucun code à lire. Pour les adultes qui veulent lire facilement.",
            "standard": "Pour le grand public et l'école secondaire. Des explications claires et des démonstrations. "
                        "Le code est caché, mais on peut l'afficher.",
            "advanced": "Pour le cégep, l'université et le personnel enseignant. Le code, les calculs derrière "
                        "les modèles et des exercices qui modifient le code.",
        },
        "open": "Ouvrir l'édition",
        "pdf": "PDF à imprimer",
        "whole": "PDF de toute l'édition (tous les modules)",
        "modules": "Modules",
    },
    "en": {
        "heading": "English",
        "intro": "A course for understanding artificial intelligence: how chatbots work, their limits, bias and "
                 "deepfakes. Choose your reading level.",
        "levels": {
            "simple": "Short sentences and everyday words. Hard words are explained. No code to read. "
                      "For adults who want an easy read.",
            "standard": "For the general public and high school. Clear explanations and demos. "
                        "The code is hidden, but you can show it.",
            "advanced": "For CEGEP, university and teachers. The code, the maths behind the models, and "
                        "exercises that change the code.",
        },
        "open": "Open the edition",
        "pdf": "PDF to print",
        "whole": "PDF of the whole edition (every module)",
        "modules": "Modules",
    },
}


def _section(lang: str) -> str:
    t, ui = TEXT[lang], UI[lang]
    fix = french_spacing if lang == "fr" else (lambda text: text)
    cards = []
    for level in LEVELS:
        e = Edition(lang, level)
        pdfs = []
        sep = " : " if lang == "fr" else ": "
        whole = edition_pdf_path(e)
        if whole.exists():
            pdfs.append(f'<li><a href="{site_path(whole)}">{escape(fix(t["whole"]))}</a></li>')
        for m in modules(ROOT):
            pdf = pdf_path(e, m.slug)
            if pdf.exists():
                pdfs.append(f'<li><a href="{site_path(pdf)}">{escape(fix(t["pdf"] + sep + m.title[lang]))}</a></li>')
        pdf_list = f'<ul class="pdfs">{"".join(pdfs)}</ul>' if pdfs else ""
        cards.append(
            f'<li class="card"><h3 id="{lang}-{level}">{escape(ui["levels"][level])}</h3>'
            f'<p>{escape(fix(t["levels"][level]))}</p>'
            f'<p><a class="open" href="{lang}/{level}/index.html" aria-describedby="{lang}-{level}">'
            f'{escape(t["open"])}</a></p>{pdf_list}</li>')
    return (f'<section lang="{lang}" aria-labelledby="h-{lang}"><h2 id="h-{lang}">{escape(t["heading"])}</h2>'
            f'<p>{escape(fix(t["intro"]))}</p><ul class="cards">{"".join(cards)}</ul></section>')


CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1a1a1a;
  background: #fafafa; line-height: 1.55; }
header, main, footer { max-width: 64rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 4px solid #0b4f7c; }
h1 { font-size: 2rem; margin: 0.5rem 0; color: #0b4f7c; }
h2 { margin-top: 2rem; }
.cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.card { background: #fff; border: 1px solid #b8bec6; border-radius: 0.5rem; padding: 1rem; }
.card h3 { margin-top: 0; }
a { color: #0b4f7c; }
a.open { display: inline-block; background: #0b4f7c; color: #fff; padding: 0.5rem 0.9rem; border-radius: 0.35rem;
  text-decoration: none; font-weight: 600; }
a:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
.pdfs { padding-left: 1.1rem; font-size: 0.95rem; }
footer { font-size: 0.9rem; color: #444; }
"""


def landing_html() -> str:
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Décoder l'IA / Decoding AI</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<style>{CSS}</style>
</head>
<body>
<header><h1>Décoder l'IA <span lang="en">/ Decoding AI</span></h1>
<p>Choisissez une langue et un niveau de lecture. <span lang="en">Choose a language and a reading level.</span></p>
</header>
<main>
{_section("fr")}
{_section("en")}
</main>
<footer><p>Tout fonctionne dans votre navigateur, sans compte et sans connexion à un autre site.
<span lang="en">Everything works in your browser, with no account and no connection to any other site.</span></p></footer>
</body>
</html>
"""


def write_landing() -> None:
    HTML.mkdir(parents=True, exist_ok=True)
    (HTML / "index.html").write_text(landing_html(), encoding="utf-8")
    shutil.copyfile(THEME / "favicon.svg", HTML / "favicon.svg")
