"""The edge of the training data: sums never seen, and years after the corpus.

Both models are the course's word n-gram model, trained on text made here:
- sums written in words ("2 plus 3 font 5."), for operands up to a chosen maximum;
- a neighbourhood's yearly notes ("Fête de quartier 2019 : parc des Érables.") up to a last year.
Asked beyond what it saw, the model still answers, fluently and confidently.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from modules.chatbots import NGramModel

SUM = {"fr": "{a} plus {b} font", "en": "{a} plus {b} makes"}


def sums_text(lang: str, largest: int) -> str:
    return "\n".join(f"{SUM[lang].format(a=a, b=b)} {a + b}." for a in range(largest + 1) for b in range(largest + 1))


@lru_cache(maxsize=None)
def sums_model(lang: str, largest: int) -> NGramModel:
    # The context must reach back to the first number: "a plus b font" is four words.
    return NGramModel.train(sums_text(lang, largest), n=5)


def add(model: NGramModel, lang: str, a: int, b: int) -> str:
    """The model's answer to a + b: its most likely next word."""
    return model.next_words(SUM[lang].format(a=a, b=b), k=1)[0].word


@dataclass(frozen=True)
class SumsReport:
    largest: int
    seen_accuracy: float
    unseen_accuracy: float
    examples: list      # (a, b, model's answer, right answer)


def sums_report(lang: str, largest: int, beyond: int = 10, seed: int = 0) -> SumsReport:
    model = sums_model(lang, largest)
    seen = [(a, b) for a in range(largest + 1) for b in range(largest + 1)]
    unseen = [(a, b) for a in range(largest + 1, largest + beyond + 1) for b in range(largest + beyond + 1)]

    def acc(pairs):
        return sum(add(model, lang, a, b) == str(a + b) for a, b in pairs) / len(pairs)

    rng = random.Random(seed)
    examples = [(a, b, add(model, lang, a, b), a + b) for a, b in rng.sample(seen, 3) + rng.sample(unseen, 3)]
    return SumsReport(largest, acc(seen), acc(unseen), examples)


# -- knowledge cutoff -------------------------------------------------------------------------

PARKS = {
    "fr": ["des Érables", "du Ruisseau", "de la Gare", "des Pins", "du Moulin", "des Lilas"],
    "en": ["Maple", "Brookside", "Station", "Pinewood", "Millpond", "Lilac"],
}
NOTE = {"fr": "Fête de quartier {year} : parc {park}.", "en": "Neighbourhood party {year}: {park} Park."}
PROMPT = {"fr": "Fête de quartier {year} : parc", "en": "Neighbourhood party {year}:"}
FIRST_YEAR, LAST_YEAR = 2015, 2023


def park_of(year: int, lang: str) -> str:
    """Where the party really was, in this fictional neighbourhood's notes."""
    return PARKS[lang][random.Random(year).randrange(len(PARKS[lang]))]


def notes_text(lang: str) -> str:
    return "\n".join(NOTE[lang].format(year=y, park=park_of(y, lang)) for y in range(FIRST_YEAR, LAST_YEAR + 1))


@lru_cache(maxsize=None)
def notes_model(lang: str) -> NGramModel:
    # Five words of context reach back from the park's last word to the year.
    return NGramModel.train(notes_text(lang), n=6)


@dataclass(frozen=True)
class YearAnswer:
    year: int
    answer: str
    probability: float
    in_data: bool
    truth: str | None


def ask_year(lang: str, year: int) -> YearAnswer:
    """The park the model names for a year, with its share among all the parks it knows."""
    import math

    model = notes_model(lang)
    prompt = PROMPT[lang].format(year=year)
    scores = {p: math.exp(model.sequence_score(prompt, p)) for p in PARKS[lang]}
    total = sum(scores.values())
    answer = max(PARKS[lang], key=lambda p: (scores[p], p))
    in_data = FIRST_YEAR <= year <= LAST_YEAR
    return YearAnswer(year, answer, scores[answer] / total, in_data, park_of(year, lang) if in_data else None)
