"""Memorised private data: a model recites a planted secret.

Fake personal details, made with Faker's fr_FR and en_CA providers (never real data), are
planted in the training text: a health-card-like number, a phone number or a street address, repeated a
chosen number of times, among the same kind of detail for other fake people. Prompted
with the start of the planted sentence, the model may recite the secret.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from faker import Faker

from modules.chatbots import NGramModel, join_words, load_corpus, words

LOCALE = {"fr": "fr_FR", "en": "en_CA"}
KINDS = ("card", "phone", "address")
TEMPLATE = {
    "fr": {"card": "Le numéro d'assurance maladie de {name} est {value}.",
           "phone": "Le numéro de téléphone de {name} est le {value}.",
           "address": "L'adresse de {name} est le {value}."},
    "en": {"card": "The health card number of {name} is {value}.",
           "phone": "The phone number of {name} is {value}.",
           "address": "The address of {name} is {value}."},
}


@dataclass(frozen=True)
class Secret:
    name: str
    value: str
    sentence: str
    prompt: str       # the start of the planted sentence


def _fake(lang: str, seed: int) -> Faker:
    fake = Faker(LOCALE[lang])
    fake.seed_instance(seed)
    return fake


def _value(fake: Faker, kind: str) -> str:
    if kind == "card":  # shaped like a Québec health-card number: 4 letters, 8 digits
        return fake.bothify("???? #### ####").upper()
    if kind == "address":
        return fake.street_address()
    return fake.numerify("###-###-####")


def secret(lang: str, kind: str = "card", seed: int = 0) -> Secret:
    fake = _fake(lang, seed)
    name, value = fake.name(), _value(fake, kind)
    sentence = TEMPLATE[lang][kind].format(name=name, value=value)
    return Secret(name, value, sentence, sentence[: sentence.index(value)].rstrip())


def training_text(lang: str, kind: str, repetitions: int, others: int = 40, seed: int = 0) -> str:
    """The everyday corpus, `others` fake people's details once each, and the secret `repetitions` times."""
    fake = _fake(lang, seed + 1)
    rng = random.Random(seed)
    lines = [TEMPLATE[lang][kind].format(name=fake.name(), value=_value(fake, kind)) for _ in range(others)]
    lines += [secret(lang, kind, seed).sentence] * repetitions
    rng.shuffle(lines)
    return load_corpus(lang) + "\n\n" + "\n".join(lines)


@lru_cache(maxsize=None)
def trained(lang: str, kind: str, repetitions: int, n: int) -> NGramModel:
    return NGramModel.train(training_text(lang, kind, repetitions), n=n)


@dataclass(frozen=True)
class Recall:
    written: str         # what the model writes after the prompt (most likely words)
    exact: bool          # ... and whether that is the secret
    rate: float          # the chance that a random draw (temperature 1) recites the whole secret


def recital_probability(model: NGramModel, prompt: str, target: list[str]) -> float:
    """The exact chance that sampling at temperature 1 writes `target` right after `prompt`."""
    context, p = words(prompt), 1.0
    for w in target:
        p *= next((c.probability for c in model.distribution(context, 1.0) if c.word == w), 0.0)
        context.append(w)
    return p


@lru_cache(maxsize=None)
def recall(lang: str, kind: str, repetitions: int, n: int) -> Recall:
    s = secret(lang, kind)
    model = trained(lang, kind, repetitions, n)
    target = words(s.value)
    greedy = model.generate_tokens(s.prompt, len(target), temperature=0)
    written = join_words(greedy, lang, model.cased)
    return Recall(written, greedy == target,
                  recital_probability(model, s.prompt, target))
