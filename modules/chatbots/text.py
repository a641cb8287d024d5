"""Corpus loading, word splitting and joining for the `chatbots` models."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from core.languages import LANGS

DATA = Path(__file__).parent / "data"

# A word is a run of letters or digits, possibly with inner hyphens; a French
# elided article or pronoun keeps its apostrophe ("l'", "j'", "qu'").
_WORD = re.compile(r"[^\W\d_]+'|[\w]+(?:-[\w]+)*|[.,!?;:]", re.UNICODE)
_NO_SPACE_BEFORE = {".", ","}
_SPACE_BEFORE_FR = {"?", "!", ":", ";"}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")
    return lang


@lru_cache(maxsize=None)
def load_corpus(lang: str, dialogues: bool = False) -> str:
    """The course's own running text in `lang` ("fr" or "en").

    With `dialogues=True` the question/answer exchanges are appended, which is
    what turns a text continuer into something that answers like a chatbot.
    """
    text = (DATA / f"{check_lang(lang)}.txt").read_text(encoding="utf-8")
    if dialogues:
        text += "\n\n" + (DATA / f"{lang}_dialogues.txt").read_text(encoding="utf-8")
    return text


def words(text: str) -> list[str]:
    """Split text into lower-case words and punctuation marks."""
    return _WORD.findall(text.replace("’", "'").lower())


def casing(text: str) -> dict[str, str]:
    """How names are written: words capitalised in the middle of sentences ("québec" -> "Québec", "clsc" -> "CLSC")."""
    from collections import Counter, defaultdict

    forms: dict[str, Counter] = defaultdict(Counter)
    for line in text.replace("’", "'").splitlines():
        previous = "."
        for form in _WORD.findall(line):
            if previous not in {".", "?", "!", ":"}:  # a sentence's first word says nothing
                forms[form.lower()][form] += 1
            previous = form
    out = {}
    for low, counter in forms.items():
        best, n = counter.most_common(1)[0]
        if best != low and n > counter.get(low, 0):
            out[low] = best
    return out


def join_words(tokens: list[str], lang: str = "fr", cased: dict[str, str] | None = None) -> str:
    """Join words back into readable text: spacing rules, capitals after a full stop and for names."""
    out: list[str] = []
    capital = True
    for tok in tokens:
        tok = (cased or {}).get(tok, tok)
        shown = tok[:1].upper() + tok[1:] if capital and tok[:1].isalpha() else tok
        if lang == "en" and tok in {"i", "i'"}:
            shown = tok.upper()
        if tok[:1].isalpha() or tok[:1].isdigit():
            capital = False
        if tok in {".", "?", "!"}:
            capital = True
        if not out:
            out.append(shown)
        elif tok in _NO_SPACE_BEFORE or (tok in _SPACE_BEFORE_FR and lang == "en"):
            out.append(shown)
        elif out[-1].endswith("'"):
            out.append(shown)
        else:
            out.append(" " + shown)
    return "".join(out)
