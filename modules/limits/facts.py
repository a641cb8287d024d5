"""Fluent is not true: a next-word model ranks answers to factual prompts by likelihood.

The model is the course's word n-gram model (`modules.chatbots.NGramModel`), trained on
the everyday corpus plus a short, accurate text about Québec and Canada. Its score for an
answer measures how likely those words are after the prompt in its training text, not
whether the answer is true.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from modules.chatbots import NGramModel, join_words, load_corpus, words

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Fact:
    id: str
    prompts: dict
    candidates: dict
    answer: dict
    source: str


@lru_cache(maxsize=None)
def facts() -> tuple[Fact, ...]:
    raw = yaml.safe_load((DATA / "facts.yaml").read_text(encoding="utf-8"))
    return tuple(Fact(**{k: v for k, v in f.items()}) for f in raw)


def facts_text(lang: str) -> str:
    return (DATA / f"{lang}_facts.txt").read_text(encoding="utf-8")


DATA_SETS = ("both", "everyday", "civics")


@lru_cache(maxsize=None)
def fact_model(lang: str, n: int = 3, data: str = "both") -> NGramModel:
    """The word model trained on the everyday corpus, the accurate civics text, or both (the default)."""
    texts = {"everyday": load_corpus(lang), "civics": facts_text(lang),
             "both": load_corpus(lang) + "\n\n" + facts_text(lang)}
    return NGramModel.train(texts[data], n=n)


@dataclass(frozen=True)
class Ranked:
    answer: str
    share: float      # the model's score, as a share of the candidates' total
    true: bool


def rank_answers(model: NGramModel, prompt: str, fact: Fact, lang: str) -> list[Ranked]:
    """Candidates ordered by how likely the model finds them after the prompt."""
    scores = [(c, model.sequence_score(prompt, c)) for c in fact.candidates[lang]]
    top = max(s for _, s in scores)
    weights = [(c, math.exp(s - top)) for c, s in scores]
    total = sum(w for _, w in weights)
    ranked = [Ranked(c, w / total, c == fact.answer[lang]) for c, w in weights]
    return sorted(ranked, key=lambda r: (-r.share, r.answer))


def complete(model: NGramModel, prompt: str, lang: str, length: int = 6) -> str:
    """What the model writes after the prompt, always taking its most likely word."""
    new = model.generate_tokens(prompt, length, temperature=0)
    ends = [i for i, w in enumerate(new) if w in {".", "?", "!"}]
    new = new[: ends[0] + 1] if ends else new
    return join_words(words(prompt) + new, lang, model.cased)


@dataclass(frozen=True)
class AuditRow:
    fact: Fact
    prompt: str
    top: Ranked


def audit(model: NGramModel, lang: str, wording: int = 0) -> list[AuditRow]:
    """The most likely answer to every factual prompt, and whether it is true."""
    return [AuditRow(f, f.prompts[lang][wording], rank_answers(model, f.prompts[lang][wording], f, lang)[0])
            for f in facts()]


def wrong_rate(rows: list[AuditRow]) -> float:
    return sum(not r.top.true for r in rows) / len(rows)
