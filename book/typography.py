"""French typography: no line break inside « » or before ? ! ; : (OQLF usage)."""
from __future__ import annotations

import re

_RULES = [(re.compile(r"« "), "«\u00a0"), (re.compile(r" »"), "\u00a0»"),
          (re.compile(r" ([?!;])"), "\u202f\\1"), (re.compile(r" :"), "\u00a0:")]


def french_spacing(text: str) -> str:
    """Ordinary spaces typed by writers become non-breaking ones (narrow before ? ! ;)."""
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text
