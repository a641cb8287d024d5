"""Easy-to-read measures of a lesson page, as a literacy teacher checks a text (issue 14).

`decodia check` applies them to every `simple` page; `python -m book.readability FILE` prints them for any page.
What is measured, on the prose a reader reads (code, directive options, `sources` and markup left out, as in
`book.readability.prose`), each sentence kept with the line of the source file where it starts:

- **sentence length**: words per sentence, with the mean, the 90th percentile (nearest rank: the length that
  nine sentences in ten do not exceed) and the longest. A sentence has at most 15 words (`MAX_WORDS`) and the
  page averages at most 10 (`MAX_MEAN`): Inclusion Europe's easy-to-read rules and the course's DESIGN.md
  (8 to 10 words on average). Headings, list items and box titles count as sentences: the reader reads them.
  Words are what a reader counts: "l'IA", "aujourd'hui" and "5,5" are one word each, "%" is none.
- **glossary words not explained**: a term of the book's glossary (`book/pages/<lang>/glossary.md`, every
  line of a `{glossary}` entry, and a parenthesis in a term as its own alternate: "invite (prompt)" gives
  "invite (prompt)", "invite" and "prompt") used in the page must be explained there: its first use in running
  text (headings and box titles do not count: a definition cannot go there) is in bold, `**jeton**`, or linked
  to the glossary with ``{term}`jeton``` or ``{term}`les jetons <jeton>```. Matching ignores case, follows
  the plural of each word of the term (-s, -x, -es, and the singular of a term written in the plural:
  "weights" finds "weight"), and sees a term after an elision ("l'hallucination", "d'entraînement"), since an
  apostrophe is not part of a word. It does not lemmatise verbs: "il invite" is found as the term "invite",
  and the message says how to link or reword.
- **new words**: the distinct bold words of the page outside folded boxes (a dropdown, a toggle, an admonition
  of class `dropdown`: "Pour aller plus loin / To go further"). A bold span of at most four words that does not
  end with . ! ? or : is a word being defined; a bold sentence or label ("**Étape 1.**", "**Raccrochez.**") is
  emphasis and does not count. About six a lesson: 7 or 8 is a warning (the rule says "about"; a teacher may
  accept one or two more when each is well explained), 9 or more an error (half again the limit: the page
  teaches too much at once; move words into a box).
- **decimals**: decimal numbers in the prose outside folded boxes ("5,5" in French, "5.5" in English; French
  thousands are spaced and English ones take a comma, so neither is counted). Up to 3 pass, 4 or 5 are a
  warning (a page quoting a demo's figures may need one more), 6 or more an error: round them, or say them in
  words ("presque 3 fois plus", "1 personne sur 5").
- **"ne … que"** (French): a restrictive negation ("ne garde que", "n'a qu'une") that a learner reads as a
  negation. Write "seulement".
- **double negatives**: a negation followed within three words by a negative word ("pas impossible",
  "n'est pas faux", "ni fausse", "not uncommon", "isn't impossible", "not without"): say it positively.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_WORDS = 15          # words in one sentence
MAX_MEAN = 10.0         # mean words per sentence of a page
NEW_WORDS = 6           # about six new words a lesson...
NEW_WORDS_ERROR = 9     # ...a warning from 7, an error from 9
DECIMALS = 3            # at most a few decimals a page...
DECIMALS_ERROR = 6      # ...a warning from 4, an error from 6
LONG = 15               # a sentence longer than this is named
BOX_DIRECTIVES = {"dropdown", "toggle"}

_FENCE = re.compile(r"^(`{3,}|:{3,})\s*(\{[^}]*\})?(.*)$")
_SKIPPED = {"code-cell", "sources", "raw", "glossary-data"}
_PREFIX = re.compile(r"^\s*(?:#+|[-*+]|\d+[.)]|>)(?:\s+|$)")
_INLINE = re.compile(
    r"(?P<role>\{(?P<rname>[\w:-]+)\}`(?P<rtext>[^`]*)`)"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\([^)]*\))"
    r"|(?P<url>https?://\S+)"
    r"|(?P<code>`(?P<ctext>[^`]*)`)"
    r"|(?P<bold>(?P<b>\*\*|__)(?P<btext>[^\n]+?)(?P=b))"
    r"|(?P<em>(?<![\w*])[*_](?P<etext>[^*_\n]+)[*_](?![\w*]))")
_ROLE_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^>]*)>\s*$", re.S)
_WORD = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?%?|[^\W\d_][\w’'-]*|\d[\w’'-]*")
_SPLIT = re.compile(r"(?<=[.!?…])((?:\s*[\"»”’)\]])*)\s+(?=[«\"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATIONS = {"m", "mme", "mmes", "dr", "p", "ex", "st", "ste", "art", "no", "vs", "jr", "sr", "e.g", "i.e",
                  "c.-à-d", "mr", "mrs", "ms", "prof", "env", "approx", "cf"}
_DECIMAL = {"fr": re.compile(r"(?<![\d,.])\d+,\d+(?![\d,])"), "en": re.compile(r"(?<![\d.,])\d+\.\d+(?![\d.])")}
_NE_QUE = re.compile(
    r"\b(?:ne\s+|n['’])(?:(?!(?:pas|plus|jamais|rien|personne|aucune?|guère|point|ni)\b)[\w’'-]+\s+){0,4}?"
    r"(?:que\b|qu['’])", re.I)
# Double negatives: a negation, then within three words a word that is itself negative.
_NEGATION = {
    "fr": re.compile(r"\b(?:pas|jamais|plus|ni|non)\b", re.I),
    "en": re.compile(r"\b(?:not|never|no|without|nor|hardly)\b|n['’]t\b", re.I),
}
_LITOTE = {     # negative in meaning, so that "not X" means something positive said the long way round
    "fr": r"impossibles?|inutiles?|incorrecte?s?|inexacte?s?|injustes?|illégale?s?|illégaux|interdite?s?|"
          r"inconnue?s?|invisibles?|incapables?|inhabituelle?s?|improbables?|rares?|faux|fausses?|négligeables?|"
          r"nulle?s?|mauvaise?s?|mal",
    "en": r"impossible|unlikely|unlike|uncommon|unusual|unknown|unimportant|untrue|unfair|unhelpful|unreasonable|"
          r"unclear|uncertain|unsafe|incorrect|wrong|false|illegal|invisible|unable|useless|rare|rarely|bad|badly",
}
_STRONG = {     # a second negation word: "pas rien", "not nothing" (but "ne ... jamais rien" is plain French)
    "fr": {"pas": r"rien|sans"},
    "en": {"not": r"nothing|nobody|none|never|without|no", "n't": r"nothing|nobody|none|never|without|no"},
}
_DETERMINER = re.compile(r"^(?:les?|la|l['’]\S*|des|ces?|cette|cet|son|sa|ses|leurs?|du|de|d['’]\S*|mon|ma|mes|ton|ta|tes|"
                         r"notre|nos|votre|vos|the|these|this|those|that|his|her|their|its|my|your|our)$", re.I)
_FRENCH_NEGATION_START = re.compile(r"\b(?:ne\s+|n['’])", re.I)


@dataclass
class Segment:
    """One block of prose (a paragraph, a list item, a heading, a box title), as the reader reads it."""

    text: str
    lines: list[tuple[int, int]]          # (offset in text, source line) where each source line starts
    box: bool                             # inside a folded box ("Pour aller plus loin")
    heading: bool                         # a heading or a box title: no definition can go there
    bold: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)   # {term} roles: span and glossary term

    def line_at(self, offset: int) -> int:
        line = self.lines[0][1]
        for start, number in self.lines:
            if start <= offset:
                line = number
        return line


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    words: int
    box: bool
    heading: bool


def _inline(raw: str, bold: list, links: list, base: int = 0) -> str:
    """`raw` without markup; bold spans and {term} links recorded with their offsets (plus `base`)."""
    out: list[str] = []
    pos = 0
    size = base

    def add(s: str):
        nonlocal size
        out.append(s)
        size += len(s)

    for m in _INLINE.finditer(raw):
        add(raw[pos:m.start()])
        pos = m.end()
        start = size
        if m.group("role"):
            name, text = m.group("rname"), m.group("rtext")
            target = _ROLE_TARGET.match(text)
            if name == "objective" or (name == "source" and not target):
                continue        # an anchor, or a bare citation: the reference, not the prose (issue 15)
            shown = target.group("text") if target else text
            add(_inline(shown, bold, links, size))
            if name == "term":
                links.append((start, size, (target.group("target") if target else text).strip()))
        elif m.group("link"):
            add(_inline(m.group("ltext"), bold, links, size))
        elif m.group("code"):
            add(m.group("ctext"))
        elif m.group("bold"):
            add(_inline(m.group("btext"), bold, links, size))
            bold.append((start, size))
        elif m.group("em"):
            add(_inline(m.group("etext"), bold, links, size))
        # images and bare URLs: nothing a reader reads
    add(raw[pos:])
    return "".join(out)


def segments(markdown: str) -> list[Segment]:
    """The prose of a MyST page, block by block, each with the source lines it comes from."""
    lines = markdown.splitlines()
    first = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                first = i + 1
                break
    out: list[Segment] = []
    stack: list[dict] = []            # open code/directive blocks: fence, skip, box
    continuing = False                # the previous line was running text that a next line may continue
    for index in range(first, len(lines)):
        number = index + 1
        line = lines[index]
        s = line.strip()
        m = _FENCE.match(s)
        if m and stack and m.group(1) == stack[-1]["fence"] and not m.group(2) and not m.group(3).strip():
            stack.pop()
            continuing = False
            continue
        if m and (m.group(2) or m.group(1).startswith("`")):
            name = (m.group(2) or "").strip("{}")
            skip = m.group(1).startswith("`") or name in _SKIPPED or bool(stack and stack[-1]["skip"])
            box = name in BOX_DIRECTIVES or bool(stack and stack[-1]["box"])
            stack.append({"fence": m.group(1), "skip": skip, "box": box, "title": None})
            continuing = False
            if not skip and m.group(3).strip():       # a directive's argument is a title, read by the reader
                _add(out, m.group(3).strip(), number, box, heading=True)
                stack[-1]["title"] = out[-1]
            continue
        if stack and stack[-1]["skip"]:
            continue
        box = bool(stack and stack[-1]["box"])
        if re.match(r"^:[\w-]+:", s):                 # a directive's option
            if stack and re.match(r"^:class:.*\bdropdown\b", s):
                stack[-1]["box"] = True               # an admonition folded by sphinx-togglebutton
                if stack[-1]["title"] is not None:    # its title is read folded too
                    stack[-1]["title"].box = True
            continue
        if not s or re.match(r"^\(.*\)=$", s) or s.startswith("<!--") or s.startswith("+++"):
            continuing = False
            continue
        if re.fullmatch(r"\|?[\s:|-]+\|?", s) and "-" in s:   # a table's rule line
            continue
        heading = s.startswith("#")
        starts_block = bool(_PREFIX.match(s)) or s.startswith("|")
        if continuing and not starts_block and not heading:
            _extend(out[-1], s, number)
            continue
        body = _PREFIX.sub("", s, count=1)
        if s.startswith("|"):
            body = " ".join(cell.strip() for cell in s.strip("|").split("|"))
        _add(out, body, number, box, heading)
        continuing = not heading and not s.startswith("|")
    for seg in out:
        seg.text = seg.text.rstrip()
        if seg.text and not re.search(r"[.!?:;…»”)]$", seg.text):
            seg.text += "."                           # a list item or heading without final punctuation
    return [seg for seg in out if seg.text]


def _add(out: list[Segment], raw: str, number: int, box: bool, heading: bool) -> None:
    seg = Segment("", [(0, number)], box, heading)
    seg.text = _inline(raw, seg.bold, seg.links)
    out.append(seg)


def _extend(seg: Segment, raw: str, number: int) -> None:
    seg.text += " "
    seg.lines.append((len(seg.text), number))
    seg.text += _inline(raw, seg.bold, seg.links, len(seg.text))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def split(text: str) -> list[tuple[int, str]]:
    """The sentences of a block, each with its offset in the block."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _SPLIT.finditer(text):
        last = re.search(r"([\w.-]+)\.$", text[start:m.start()])
        if last and last.group(1).lower() in _ABBREVIATIONS:
            continue
        out.append((start, text[start:m.end(1)].strip()))
        start = m.end()
    out.append((start, text[start:].strip()))
    return [(offset, s) for offset, s in out if s]


def sentences(markdown: str, segs: list[Segment] | None = None) -> list[Sentence]:
    found = []
    for seg in segs if segs is not None else segments(markdown):
        for offset, text in split(seg.text):
            n = len(words(text))
            if n:
                found.append(Sentence(seg.line_at(offset), text, n, seg.box, seg.heading))
    return found


def text_problems(text: str, lang: str) -> list[str]:
    """The sentence rules for a short plain text that a reader reads outside a page (a workshop card, a sheet):
    each sentence at most MAX_WORDS words, no « ne … que », no double negative. One message per problem."""
    quote = (lambda t: f"« {t} »") if lang == "fr" else (lambda t: f"“{t}”")      # noqa: E731
    out = []
    for _, sentence in split(" ".join(text.split())):
        n = len(words(sentence))
        if n > MAX_WORDS:
            out.append(f"sentence of {n} words (at most {MAX_WORDS}): split it, one idea per sentence: {quote(sentence)}")
        if lang == "fr" and _NE_QUE.search(sentence):
            out.append(f"« ne … que » reads as a negation to a learner: write « seulement »: {quote(sentence)}")
        if _double_negative(sentence, lang):
            out.append(f"double negative: say it positively: {quote(sentence)}")
    return out


def percentile(values: list[int], q: float) -> int:
    """Nearest-rank percentile: the smallest value that at least `q` of the values do not exceed."""
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


# -- the glossary ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    name: str                 # the glossary's first line for the entry, what {term} links to
    forms: tuple[str, ...]    # every way the entry is written (alternate lines, parentheses)
    pattern: re.Pattern


def _word_pattern(word: str) -> str:
    low = word.lower()
    forms = {word}
    if len(low) > 4 and low.endswith("s") and not low.endswith(("ss", "is", "us", "as", "ds")):
        forms.add(word[:-1])                          # "weights" also finds "weight"
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return f"(?:{alts})(?:s|x|es)?" if re.search(r"\w$", word) else f"(?:{alts})"


def term_pattern(form: str) -> re.Pattern:
    parts = [_word_pattern(w.replace("’", "'")) for w in form.split()]
    body = r"\s+".join(parts).replace("'", "['’]")
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)


def glossary_terms(markdown: str) -> list[Term]:
    """The entries of a page's `{glossary}` directive: term lines (alternates first) before each definition."""
    terms: list[Term] = []
    inside = False
    group: list[str] = []

    def close():
        if group:
            forms: list[str] = []
            for line in group:
                forms.append(line)
                paren = re.match(r"^(.*?)\s*\(([^)]+)\)\s*$", line)
                if paren:
                    forms += [paren.group(1).strip(), paren.group(2).strip()]
            forms = list(dict.fromkeys(f for f in forms if f))
            ordered = sorted(forms, key=len, reverse=True)
            pattern = re.compile("|".join(f"(?:{term_pattern(f).pattern})" for f in ordered), re.I)
            terms.append(Term(group[0], tuple(forms), pattern))
        group.clear()

    for line in markdown.splitlines():
        s = line.strip()
        if re.match(r"^(?::{3,}|`{3,})\{glossary\}", s):
            inside = True
            continue
        if not inside:
            continue
        if re.match(r"^(?::{3,}|`{3,})\s*$", s):
            close()
            inside = False
            continue
        if not s or s.startswith(":"):
            continue
        if line[0].isspace():
            close()                                   # a definition line ends the entry's term lines
        else:
            group.append(s)
    close()
    return terms


def load_glossary(path: Path) -> list[Term]:
    return glossary_terms(path.read_text(encoding="utf-8")) if path.exists() else []


# -- the measure ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Undefined:
    term: str
    line: int
    used: str                 # the words as the page writes them


@dataclass(frozen=True)
class Found:
    line: int
    text: str


@dataclass
class EasyRead:
    """The easy-to-read measures of one page."""

    sentences: list[Sentence]
    new_words: list[Found]            # distinct bold words defined outside boxes, with their line
    decimals: list[Found]             # decimal numbers outside boxes
    undefined: list[Undefined]        # glossary terms whose first use is neither bold nor linked
    ne_que: list[Found]
    double_negatives: list[Found]

    @property
    def lengths(self) -> list[int]:
        return [s.words for s in self.sentences]

    @property
    def mean(self) -> float:
        return sum(self.lengths) / len(self.lengths) if self.lengths else 0.0

    @property
    def p90(self) -> int:
        return percentile(self.lengths, 0.9)

    @property
    def longest(self) -> int:
        return max(self.lengths, default=0)

    @property
    def long_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.words > LONG]

    def distribution(self) -> str:
        """One line: "127 sentences, 9.1 words on average, 90th percentile 14, longest 21"."""
        return (f"{len(self.sentences)} sentences, {self.mean:.1f} words on average, 90th percentile {self.p90}, "
                f"longest {self.longest}")

    def histogram(self) -> list[tuple[str, int]]:
        bins = [(1, 5), (6, 10), (11, 15), (16, 20), (21, 10**6)]
        return [(f"{lo}-{hi}" if hi < 10**6 else f"{lo}+", sum(lo <= n <= hi for n in self.lengths)) for lo, hi in bins]

    def problems(self, where: str, lang: str) -> tuple[list[str], list[str]]:
        """(errors, warnings), one line each, naming the file (and line) and saying how to fix.

        A summary line of the page comes first, then what is wrong at a line, in the order of the page
        (`file:line: ...`, so that an editor jumps there), then what is counted over the page."""
        errors: list[str] = []
        warnings: list[str] = []
        quote = (lambda t: f"« {t} »") if lang == "fr" else (lambda t: f"“{t}”")
        box = "Pour aller plus loin : …" if lang == "fr" else "To go further: …"
        say = "« presque 3 fois plus », « 1 personne sur 5 »" if lang == "fr" else "“almost 3 times as often”, “about 1 in 5”"
        summary = []
        if self.mean > MAX_MEAN:
            summary.append(f"{self.mean:.1f} words per sentence on average (at most {MAX_MEAN:.0f})")
        if self.long_sentences:
            summary.append(f"{len(self.long_sentences)} sentence(s) over {LONG} words")
        if self.undefined:
            summary.append(f"{len(self.undefined)} glossary word(s) not explained")
        if len(self.new_words) >= NEW_WORDS_ERROR:
            summary.append(f"{len(self.new_words)} new words (about {NEW_WORDS})")
        if len(self.decimals) >= DECIMALS_ERROR:
            summary.append(f"{len(self.decimals)} decimals (at most {DECIMALS})")
        if self.ne_que:
            summary.append(f"{len(self.ne_que)} « ne … que »")
        if self.double_negatives:
            summary.append(f"{len(self.double_negatives)} double negative(s)")
        if summary:
            errors.append(f"{where}: not easy to read yet: {'; '.join(summary)} ({self.distribution()})")
        at: list[tuple[int, int, str]] = []
        for s in self.long_sentences:
            at.append((s.line, 0, f"sentence of {s.words} words (at most {MAX_WORDS}): split it, one idea per "
                                  f"sentence: {quote(s.text)}"))
        for u in self.undefined:
            link = f"{{term}}`{u.term}`" if u.used.lower() == u.term.lower() else f"{{term}}`{u.used} <{u.term}>`"
            at.append((u.line, 1, f"the glossary word '{u.term}' is used ({quote(u.used)}) but not explained: write "
                                  f"**{u.used}** the first time and explain it in everyday words in the same or next "
                                  f"sentence, or link it to the glossary: {link} (if it has its everyday meaning "
                                  "here, use another word)"))
        for f in self.ne_que:
            at.append((f.line, 2, f"« ne … que » reads as a negation to a learner: write « seulement »: {quote(f.text)}"))
        for f in self.double_negatives:
            at.append((f.line, 3, f"double negative: say it positively: {quote(f.text)}"))
        errors += [f"{where}:{line}: {text}" for line, _, text in sorted(at)]
        if self.mean > MAX_MEAN:
            errors.append(f"{where}: sentences average {self.mean:.1f} words; an easy-to-read page averages at most "
                          f"{MAX_MEAN:.0f} (8 to 10): split the long sentences, one idea each")
        if len(self.new_words) > NEW_WORDS:
            listed = ", ".join(f"{w.text} (line {w.line})" for w in self.new_words)
            line = (f"{where}: {len(self.new_words)} new words in bold outside the boxes, about {NEW_WORDS} a lesson: "
                    f"keep the words the objectives need and move the others into a dropdown \"{box}\": {listed}")
            (errors if len(self.new_words) >= NEW_WORDS_ERROR else warnings).append(line)
        if len(self.decimals) > DECIMALS:
            listed = ", ".join(f"{d.text} (line {d.line})" for d in self.decimals)
            line = (f"{where}: {len(self.decimals)} decimal numbers outside the boxes, at most {DECIMALS} a page: "
                    f"round them or say them in words ({say}): {listed}")
            (errors if len(self.decimals) >= DECIMALS_ERROR else warnings).append(line)
        return errors, warnings


def measure(markdown: str, lang: str, glossary: list[Term] = ()) -> EasyRead:
    segs = segments(markdown)
    found = sentences(markdown, segs)
    new_words: dict[str, Found] = {}
    decimals: list[Found] = []
    for seg in segs:
        if seg.box:
            continue
        for start, end in seg.bold:
            span = seg.text[start:end].strip()
            if 0 < len(span.split()) <= 4 and not re.search(r"[.!?:]$", span):
                key = " ".join(re.sub(r"(?<=\w\w)(?:s|x)$", "", w) for w in span.casefold().split())
                new_words.setdefault(key, Found(seg.line_at(start), span))
        for m in _DECIMAL[lang].finditer(seg.text):
            decimals.append(Found(seg.line_at(m.start()), m.group(0)))
    undefined = []
    for term in glossary:
        first = None
        for seg in segs:
            if seg.heading:
                continue
            m = term.pattern.search(seg.text)
            if m:
                first = (seg, m)
                break
        if first is None:
            continue
        seg, m = first
        inside = lambda spans: any(a <= m.start() and m.end() <= b for a, b, *_ in spans)   # noqa: E731
        if not (inside(seg.bold) or inside(seg.links)):
            undefined.append(Undefined(term.name, seg.line_at(m.start()), m.group(0)))
    ne_que, doubles = [], []
    for s in found:
        if lang == "fr" and _NE_QUE.search(s.text):
            ne_que.append(Found(s.line, s.text))
        if _double_negative(s.text, lang):
            doubles.append(Found(s.line, s.text))
    return EasyRead(found, list(new_words.values()), decimals, undefined, ne_que, doubles)


def _double_negative(text: str, lang: str) -> bool:
    for neg in _NEGATION[lang].finditer(text):
        word = neg.group(0).lower().replace("’", "'")
        if word.endswith("n't"):
            word = "n't"
        if lang == "fr" and word in {"pas", "jamais", "plus"} and not _FRENCH_NEGATION_START.search(text[:neg.start()]):
            continue                                  # "plus" without "ne" is "more"
        negative = _LITOTE[lang] + ("|" + _STRONG[lang][word] if word in _STRONG[lang] else "")
        window = []
        for w in text[neg.end():].split()[:3]:
            if _DETERMINER.match(w):
                break                                 # "pas bien ces fausses images": a noun phrase follows
            window.append(w)
        window = " ".join(window)
        if re.search(rf"(?<![\w-])(?:{negative})(?![\w-])", window, re.I):
            return True
    return False
