"""Stereotypes learned from text: word vectors trained live on a small generated text.

The text is made of short, everyday sentences about fictional people and their jobs. In the
`skewed` text, each job goes with one pronoun most of the time (55 to 90 %), following a common
stereotype; in the `balanced` text, half and half; in the `reversed` text, the other way round. Nothing else
changes. Word vectors are then counted from which words appear near which (positive pointwise
mutual information), and each job's lean is measured: how much more its vector is linked to
"elle" (she) than to "il" (he). The model learns exactly what the text repeats.

French job nouns here are epicene (the same form for a woman and a man: « une ou un
secrétaire »), so grammatical gender cannot explain the lean.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# (job, the pronoun the stereotype pairs it with: "f" or "m", how strongly the skewed text follows it)
JOBS = {
    "fr": [("secrétaire", "f", 0.9), ("pilote", "m", 0.85), ("dentiste", "f", 0.6), ("architecte", "m", 0.7),
           ("libraire", "f", 0.75), ("comptable", "m", 0.65), ("photographe", "f", 0.55), ("journaliste", "m", 0.6)],
    "en": [("secretary", "f", 0.9), ("pilot", "m", 0.85), ("nurse", "f", 0.9), ("engineer", "m", 0.8),
           ("librarian", "f", 0.75), ("mechanic", "m", 0.9), ("receptionist", "f", 0.8), ("plumber", "m", 0.9)],
}
PRONOUNS = {"fr": {"f": "elle", "m": "il"}, "en": {"f": "she", "m": "he"}}
TEXTS = ("skewed", "balanced", "reversed")

NAMES = {"fr": ["Alex", "Camille", "Dominique", "Sacha", "Charlie", "Maxime", "Noa", "Jo"],
         "en": ["Alex", "Sam", "Jordan", "Casey", "Charlie", "Morgan", "Robin", "Jo"]}
TEMPLATES = {
    "fr": ["{name} est {job} . {P} travaille en ville .",
           "{name} travaille comme {job} . {P} aime son métier .",
           "mon voisin connaît {name} , {job} . {P} arrive tôt le matin .",
           "{name} , {job} . {P} prend l'autobus et lit le journal .",
           "hier , {name} , {job} . {P} a fini tard ."],
    "en": ["{name} is a {job} . {P} works in town .",
           "{name} works as a {job} . {P} likes the job .",
           "my neighbour knows {name} , a {job} . {P} arrives early .",
           "{name} , a {job} . {P} takes the bus and reads the paper .",
           "yesterday {name} , a {job} . {P} finished late ."],
}
FILLER = {
    "fr": ["le soleil brille aujourd'hui .", "l'épicerie ferme à vingt heures .", "le café est chaud .",
           "le chien dort au salon .", "la cuisine est propre .", "l'autobus passe à huit heures ."],
    "en": ["the sun is out today .", "the store closes at eight .", "the coffee is hot .",
           "the dog sleeps in the living room .", "the kitchen is clean .", "the bus comes at eight ."],
}


def follow_share(text: str, strength: float) -> float:
    """Share of a job's sentences that follow the stereotype, in each text."""
    if text not in TEXTS:
        raise ValueError(f"unknown text {text!r}: choose one of {', '.join(TEXTS)}")
    return {"skewed": strength, "balanced": 0.5, "reversed": 1 - strength}[text]


def corpus(lang: str, text: str = "skewed", per_job: int = 60, seed: int = 0) -> list[list[str]]:
    """The generated text, as sentences of words. Each job appears `per_job` times."""
    rng = np.random.default_rng(seed)
    sentences = []
    for job, sex, strength in JOBS[lang]:
        follows = int(round(follow_share(text, strength) * per_job))
        sexes = [sex] * follows + [("m" if sex == "f" else "f")] * (per_job - follows)
        for i, s in enumerate(sexes):
            template = TEMPLATES[lang][i % len(TEMPLATES[lang])]
            line = template.format(name=NAMES[lang][rng.integers(len(NAMES[lang]))], job=job,
                                   P=PRONOUNS[lang][s])
            sentences.append(line.split())
            sentences.append(FILLER[lang][rng.integers(len(FILLER[lang]))].split())
    order = rng.permutation(len(sentences))
    return [sentences[i] for i in order]


@dataclass(frozen=True)
class WordVectors:
    """Count-based word vectors: a word's vector has one number per word of the vocabulary, its
    positive pointwise mutual information (PPMI): how much more often the two appear close
    together than chance would give. word2vec learns a compressed form of the same numbers
    (Levy and Goldberg, 2014)."""

    words: tuple[str, ...]
    vectors: np.ndarray    # one row per word, one column per context word

    def association(self, word: str, context: str) -> float:
        return float(self.vectors[self.words.index(word), self.words.index(context)])


@lru_cache(maxsize=16)
def train(lang: str, text: str = "skewed", window: int = 3) -> WordVectors:
    """PPMI vectors from co-occurrences within `window` words, across the sentence break too
    (a pronoun usually refers back to the previous sentence)."""
    words = [w for s in corpus(lang, text) for w in s]
    vocab = sorted(set(words))
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.array([index[w] for w in words])
    counts = np.zeros((len(vocab), len(vocab)))
    for shift in range(1, window + 1):
        np.add.at(counts, (ids[:-shift], ids[shift:]), 1.0)
    counts += counts.T
    row = counts.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore"):
        pmi = np.log(counts * counts.sum() / (row @ row.T))
    return WordVectors(tuple(vocab), np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0))


@dataclass(frozen=True)
class Lean:
    job: str
    stereotype: str          # "f" or "m"
    she_share: float         # share of the job's sentences in the text that use "elle"/"she"
    lean: float              # association with "elle"/"she" minus association with "il"/"he"


def leans(lang: str, text: str = "skewed") -> list[Lean]:
    """For each job: how the text used it, and how the model's vectors lean."""
    model = train(lang, text)
    she, he = PRONOUNS[lang]["f"], PRONOUNS[lang]["m"]
    out = []
    for job, sex, strength in JOBS[lang]:
        follow = follow_share(text, strength)
        out.append(Lean(job, sex, follow if sex == "f" else 1 - follow,
                        model.association(job, she) - model.association(job, he)))
    return out
