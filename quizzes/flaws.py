"""Item-writing flaws: cues that let a test-wise learner answer without knowing the content.

`bank_flaws(bank)` looks at every item of a bank in both languages and at every level
(generated items at a few seeds) and reports, one line each, with the file, line, item and fix:

- `longest-choice`: the right answer is the strictly longest choice in more than half of the
  bank's single-choice items (counted per language and level; a generated item counts as the share of
  its sampled seeds where it happens; items whose choices are all single words or numbers are left out);
- `repeated-choice`: one choice's text is contained in another's;
- `all-of-the-above`: "all of the above", "none of the above" and their French forms;
- `stem-gives-answer`: the stem repeats a content word that only the right answer has;
- `simple-too-many-choices`: more than three choices at the `simple` level;
- `objective-not-stated`: the item's objective is not stated (``{objective}`id```) in an edition
  that offers the item.

The first four can be waived on an item with a reason, in the bank:
`waivers: [{flaw: longest-choice, why: "…at least 20 characters saying why…"}]` (an item that
waives `longest-choice` is left out of its bank's count). A waiver without a reason, naming an
unknown flaw, or waiving a flaw the item does not have is an error.
Only the public data of a `Question` is read (id, type, prompt, choices, objective, lang, level).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from .bank import Bank, BankItem, _rel
from .errors import BankError
from .model import LANGS, LEVELS
from .types import REGISTRY

WAIVABLE = ("longest-choice", "repeated-choice", "all-of-the-above", "stem-gives-answer")
FLAWS = WAIVABLE + ("simple-too-many-choices", "objective-not-stated")
MIN_REASON = 20          # characters of a waiver's `why`
MAX_SIMPLE_CHOICES = 3
MIN_CHOICE = 4           # shorter choices (and numbers) are not checked for repetition
MIN_WORD = 5             # letters of a content word the stem may give away
SEEDS = range(5)         # generated items are sampled at these seeds
OBJECTIVE = re.compile(r"\{objective\}`([^`]+)`")

# Words of five letters or more that carry no content (after `fold`: no accents, lower case).
STOP_WORDS = frozenset("""
    ainsi alors apres assez aucun aucune aupres aussi autant autre autres avant avoir avons beaucoup
    celle celles celui cette ceux chaque chose choses combien comme comment contre dans depuis deux donc
    dont elles encore entre etait etaient etant etre faire fait faites leurs lorsque mais meme memes moins
    notre nous parce pendant peut peuvent plusieurs pourquoi pour pourtant quand quelle quelles quelque
    quelques quels selon seule seulement sont souvent toujours toute toutes trois tres vraiment votre vous
    about above after again against always another because been before being below between both cannot
    could does doing during each every first other others their theirs there these they thing things
    those three through under until very what when where which while whole would should shall might
    often never still since something without within among amongst itself really rather times
""".split())

ALL_OR_NONE = [re.compile(p) for p in (  # matched on `fold`ed text
    r"\b(all|none|both|neither) of (the|these|those) (above|answers|choices|options|statements)\b",
    r"\b(all|none|both|neither) of (the )?above\b",
    r"\ball (the )?above\b",
    r"\b(all|none|both|neither) of these\b",
    r"\b(toutes|aucune|tous|aucun|les deux) (de )?ces (reponses|propositions|options|choix|enonces|affirmations)\b",
    r"\b(toutes|aucune|tous|aucun|les deux) (les |des )?(reponses|propositions|options|choix|enonces|affirmations) "
    r"(ci dessus|ci haut|precedentes|precedents|qui precedent)\b",
    r"\b(tout|rien|aucun|aucune) (de )?ce qui precede\b",
)]


def fold(text: str) -> str:
    """Lower case, no accents, every run of non-letters and non-digits as one space."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", text))


def stem(word: str) -> str:
    return word[:-1] if len(word) >= MIN_WORD and word[-1] in "sx" else word


def content_words(text: str) -> set[str]:
    return {stem(w) for w in fold(text).split() if len(w) >= MIN_WORD and not w.isdigit() and w not in STOP_WORDS}


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\s\d.,%+\-−×/]+", text))


def _no_length_cue(q) -> bool:
    """Choices that are all single words or numbers: their lengths tell nothing of how the key was written."""
    return all(len(c.text.split()) <= 1 or _is_number(fold(c.text)) for c in q.choices)


def _where(langs_levels) -> str:
    """'fr simple, standard; en advanced' from (lang, level) pairs."""
    by_lang: dict[str, list[str]] = defaultdict(list)
    for lang, level in langs_levels:
        if level not in by_lang[lang]:
            by_lang[lang].append(level)
    return "; ".join(f"{lang} {', '.join(lv for lv in LEVELS if lv in by_lang[lang])}"
                     for lang in LANGS if lang in by_lang)


class _Sample:
    """The questions of one item: (lang, level, seed) -> Question, or a raw fallback when it does not validate."""

    def __init__(self, bank: Bank, item: BankItem):
        self.questions = {}
        self.simple_counts = {}   # lang -> choices offered at simple, for items that do not validate
        for lang in LANGS:
            for level in LEVELS:
                for seed in (SEEDS if item.generator else [0]):
                    try:
                        self.questions[lang, level, seed] = bank.question(item, lang, level, seed)
                    except BankError:   # reported by validate_bank; only the simple-level count is read raw
                        if item.generator is None and level == "simple":
                            self.simple_counts[lang] = _raw_simple_count(item.raw)
                        break


def _raw_simple_count(raw: dict) -> int | None:
    kind = REGISTRY.get(raw.get("type"))
    if kind is None or not kind.keyed_choices or not isinstance(raw.get("choices"), list):
        return None
    return sum(1 for c in raw["choices"]
               if isinstance(c, dict) and (c.get("levels") is None or "simple" in c.get("levels", [])))


def _waivers(bank: Bank, item: BankItem) -> tuple[set[str], list[BankError]]:
    waived, errors = set(), []
    for i, w in enumerate(item.raw.get("waivers") or []):
        line = w.get("__line__", item.line) if isinstance(w, dict) else item.line

        def err(message):
            return BankError(bank.name, message, line=line, item=item.id, field=f"waivers[{i}]")

        if not isinstance(w, dict):
            errors.append(err("a waiver is {flaw: <name>, why: <reason>}"))
            continue
        flaw, why = w.get("flaw"), w.get("why")
        if flaw not in WAIVABLE:
            what = f"'{flaw}' cannot be waived: fix the item" if flaw in FLAWS else f"unknown flaw {flaw!r}"
            errors.append(err(f"{what}; waivable flaws: {', '.join(WAIVABLE)}"))
            continue
        if not isinstance(why, str) or len(" ".join(why.split())) < MIN_REASON:
            errors.append(err(f"the waiver of {flaw} needs a reason: why, at least {MIN_REASON} characters "
                              "saying why this item is fair despite the flaw"))
            continue
        waived.add(flaw)
    return waived, errors


def _key_is_longest(q) -> bool:
    lengths = [(len(" ".join(c.text.split())), c.correct) for c in q.choices]
    key = [n for n, ok in lengths if ok][0]
    return all(n < key for n, ok in lengths if not ok)


def _repeated(q) -> list[tuple[str, str]]:
    """Pairs (short id, long id): the short choice's words appear, in order, inside the long one."""
    folded = [(c.id, fold(c.text)) for c in q.choices]
    pairs = []
    for a, fa in folded:
        if len(fa.replace(" ", "")) < MIN_CHOICE or _is_number(fa):
            continue
        for b, fb in folded:
            if a != b and f" {fa} " in f" {fb} " and not (fa == fb and a > b):
                pairs.append((a, b))
    return pairs


def _all_or_none(q) -> list[str]:
    return [c.id for c in q.choices if any(p.search(fold(c.text)) for p in ALL_OR_NONE)]


def _given_away(q) -> set[str]:
    """Content words of the stem that a right answer repeats and no distractor has, in any form or length."""
    stem_words = content_words(q.prompt)
    keys = set().union(*(content_words(c.text) for c in q.choices if c.correct))
    others = {form for c in q.choices if not c.correct for w in fold(c.text).split() for form in (w, stem(w))}
    return (stem_words & keys) - others


def _objective_flaws(bank: Bank, item: BankItem, editions: dict) -> list[BankError]:
    out = []
    for (lang, level), path in editions.items():
        if path is None or not Path(path).exists():
            continue  # a missing edition is reported by the content check
        stated = set(OBJECTIVE.findall(Path(path).read_text(encoding="utf-8")))
        if item.objective not in stated:
            out.append(BankError(bank.name, f"objective-not-stated: the item checks '{item.objective}', which the "
                                 f"edition {_rel(Path(path))} ({lang} {level}) offering it does not state; tag that "
                                 f"sentence with {{objective}}`{item.objective}` or give the item an objective the "
                                 "edition states", line=item.line, item=item.id, field="objective"))
    return out


def default_editions(bank: Bank) -> dict:
    """Every item is offered in every edition of its module: modules/<slug>/<lang>/<level>.md."""
    return {(lang, level): bank.path.parent / lang / f"{level}.md" for lang in LANGS for level in LEVELS}


def bank_flaws(bank: Bank, editions: dict | None = None) -> list[BankError]:
    """Every item-writing flaw of the bank not waived by a reasoned waiver, and every bad waiver."""
    editions = default_editions(bank) if editions is None else editions
    errors: list[BankError] = []
    longest: dict[tuple[str, str], list[tuple[BankItem, int, int]]] = defaultdict(list)  # (lang, level) -> hits
    for item in bank.items:
        waived, bad = _waivers(bank, item)
        errors += bad
        sample = _Sample(bank, item)
        found: dict[str, list] = defaultdict(list)
        where = dict(line=item.line, item=item.id)
        # longest-choice: gathered per language and level, judged over the bank below
        for lang in LANGS:
            for level in LEVELS:
                qs = [q for (lg, lv, _), q in sample.questions.items() if (lg, lv) == (lang, level)]
                singles = [q for q in qs if q.kind.single_key and not _no_length_cue(q)]
                if singles:
                    hits = sum(_key_is_longest(q) for q in singles)
                    if hits:
                        found["longest-choice"].append((lang, level))
                    if "longest-choice" not in waived:
                        longest[lang, level].append((item, hits, len(singles)))
        for (lang, level, seed), q in sample.questions.items():
            if not q.kind.keyed_choices:
                continue
            tag = (lang, level, seed if item.generator else None)
            for a, b in _repeated(q):
                found["repeated-choice"].append((tag, f"choice '{a}' is repeated inside choice '{b}'"))
            for c in _all_or_none(q):
                found["all-of-the-above"].append((tag, f"choice '{c}' is an 'all/none of the above' option"))
            words = _given_away(q)
            if words:
                found["stem-gives-answer"].append((tag, ", ".join(f"'{w}'" for w in sorted(words))))
            if level == "simple" and len(q.choices) > MAX_SIMPLE_CHOICES:
                found["simple-too-many-choices"].append((tag, str(len(q.choices))))
        for lang, n in sample.simple_counts.items():
            if n is not None and n > MAX_SIMPLE_CHOICES:
                found["simple-too-many-choices"].append(((lang, "simple", None), str(n)))
        errors += _item_errors(bank, item, found, waived, where)
        for flaw in sorted(waived - set(found)):
            errors.append(BankError(bank.name, f"waiver of {flaw}, but the item does not have that flaw "
                                    "(in any language, level or sampled seed); remove the waiver", field="waivers",
                                    **where))
        errors += _objective_flaws(bank, item, editions)
    errors += _longest_errors(bank, longest)
    return errors


def _item_errors(bank: Bank, item: BankItem, found: dict, waived: set, where: dict) -> list[BankError]:
    fixes = {
        "repeated-choice": ("choices", "a learner can pick or rule out the longer choice from the shorter one; "
                            "reword one of them so that neither contains the other"),
        "all-of-the-above": ("choices", "replace it with a real, plausible answer (it lets a learner answer from "
                             "two choices alone, and never tests the idea)"),
        "stem-gives-answer": ("choices", "the stem and only the right answer share {what}; reword the key, or use the "
                              "word in a distractor too"),
        "simple-too-many-choices": ("choices", "{what} choices at the simple level, at most "
                                    f"{MAX_SIMPLE_CHOICES}; mark the others with levels: [standard, advanced]"),
    }
    out = []
    for flaw, (fld, fix) in fixes.items():
        if flaw not in found or flaw in waived:
            continue
        by_message: dict[str, list] = defaultdict(list)
        for (lang, level, seed), what in found[flaw]:
            msg = fix.format(what=what) if "{what}" in fix else f"{what}: {fix}"
            by_message[msg].append((lang, level, seed))
        for msg, tags in by_message.items():
            seeds = sorted({s for _, _, s in tags if s is not None})
            at = _where((lg, lv) for lg, lv, _ in tags) + (f"; seed {', '.join(map(str, seeds))}" if seeds else "")
            waiver = f" (or waive {flaw} with a reason)" if flaw in WAIVABLE else ""
            out.append(BankError(bank.name, f"{flaw} ({at}): {msg}{waiver}", field=fld, **where))
    return out


def _longest_errors(bank: Bank, longest: dict) -> list[BankError]:
    out = []
    for lang in LANGS:
        for level in LEVELS:
            rows = longest.get((lang, level), [])
            if not rows:
                continue
            share = sum(hits / n for _, hits, n in rows) / len(rows)
            if share <= 0.5:
                continue
            listed = ", ".join(f"'{it.id}' (line {it.line}" + (f", {hits} of {n} seeds" if it.generator else "") + ")"
                               for it, hits, n in rows if hits)
            out.append(BankError(bank.name, f"longest-choice ({lang} {level}): the right answer is the strictly "
                                 f"longest choice in {share:.0%} of the {len(rows)} single-choice items (more than "
                                 f"half, so a learner can guess by length): {listed}; make the distractors as long "
                                 "and plausible as the key, or shorten the key (or waive longest-choice on an item "
                                 "with a reason)"))
    return out
