"""Impersonation: a word 3-gram model learns a fictional person's messages and writes in their style.

The scammer writes the request; the model supplies the voice: it writes a whole message as the
person would (greeting, turns of phrase, sign-off), and the scammer slips the request in after
the first sentence. `imitate` returns the parts, so a page can show who wrote what, and measures
how much of the model's text is lifted word for word from the person's real messages.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.formats import money
from modules.chatbots.ngram import NGramModel
from modules.chatbots.text import casing, check_lang, join_words, words

DATA = Path(__file__).parent / "data"
PEOPLE = ("leo", "nadia")
END = "finmessage"               # marks the end of each training message
SENTENCE_END = {".", "!", "?"}

# What the scammer asks, and the warning signs it carries (keys of SIGNS).
REQUESTS = {
    "leo": {
        "fr": ["J'ai eu un accident avec mon auto et je suis au poste de police. "
               f"J'ai besoin de {money(2500, 'fr')} tout de suite "
               "pour sortir. Dis-le pas à papa, s'il te plaît.",
               "Mon téléphone est brisé, je t'écris d'un nouveau numéro. Peux-tu m'acheter des cartes-cadeaux "
               "aujourd'hui ? Je t'explique plus tard, c'est urgent.",
               "Je suis pris à l'étranger et ma carte ne marche plus. Envoie-moi de l'argent ce soir, et "
               "appelle pas mon ancien numéro."],
        "en": [f"I had an accident with my car and I'm at the police station. I need {money(2500, 'en')} right now to get out. "
               "Please don't tell Dad.",
               "My phone is broken, I'm texting from a new number. Can you buy me some gift cards today? "
               "I'll explain later, it's urgent.",
               "I'm stuck abroad and my card doesn't work. Send me money tonight, and don't call my old number."],
    },
    "nadia": {
        "fr": [f"J'ai besoin que tu fasses un virement de {money(18000, 'fr')} à un nouveau fournisseur avant midi. "
               "C'est confidentiel, n'en parle à personne.",
               f"Peux-tu acheter six cartes-cadeaux de {money(500, 'fr')} pour les bénévoles ? Envoie-moi les codes par texto, "
               "c'est urgent.",
               "Le fournisseur a changé de banque. Mets à jour ses coordonnées et paie la facture aujourd'hui. "
               "Je suis en réunion, ne m'appelle pas."],
        "en": [f"I need you to wire {money(18000, 'en')} to a new supplier before noon. It's confidential, don't tell anyone.",
               f"Can you buy six {money(500, 'en')} gift cards for the volunteers? Text me the codes, it's urgent.",
               "The supplier changed banks. Update their details and pay the invoice today. "
               "I'm in a meeting, don't call me."],
    },
}
SIGNS = {  # for each request, in order: the warning signs it shows
    "leo": [("urgency", "secrecy", "money"), ("new-number", "gift-cards", "urgency"), ("money", "new-number", "urgency")],
    "nadia": [("money", "secrecy", "urgency"), ("gift-cards", "urgency"), ("new-details", "money", "no-call")],
}


@lru_cache(maxsize=None)
def messages(person: str, lang: str) -> tuple[str, ...]:
    if person not in PEOPLE:
        raise ValueError(f"unknown person {person!r}: expected one of {', '.join(PEOPLE)}")
    path = DATA / f"{check_lang(lang)}_{person}.txt"
    return tuple(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@lru_cache(maxsize=None)
def style_model(person: str, lang: str) -> NGramModel:
    """A word 3-gram model of the person's messages, each one closed by an end marker."""
    real = messages(person, lang)
    model = NGramModel.train(f" {END} ".join(real) + f" {END}", n=3)
    model.cased = casing(" ".join(real))
    return model


RUN = 5   # the length of the word runs compared with the real messages


def runs(tokens: list[str], k: int = RUN) -> list[tuple[str, ...]]:
    return list(zip(*(tokens[i:] for i in range(k))))


@lru_cache(maxsize=None)
def real_runs(person: str, lang: str) -> frozenset:
    return frozenset(r for m in messages(person, lang) for r in runs(words(m)))


@dataclass(frozen=True)
class Imitation:
    opening: str        # written by the model
    request: str        # written by the scammer
    closing: str        # written by the model ("" if the model's message was a single sentence)
    signs: tuple[str, ...]
    borrowed: float     # share of the model's 5-word runs found word for word in the real messages

    @property
    def text(self) -> str:
        return " ".join(p for p in (self.opening, self.request, self.closing) if p)


def imitate(person: str, lang: str, request: int = 0, seed: int = 0, temperature: float = 0.8) -> Imitation:
    """A fake message in the person's style carrying the scammer's `request` (an index of REQUESTS)."""
    model = style_model(person, lang)
    tokens = model.generate_tokens(END, length=60, temperature=temperature, seed=seed, stop=(END,))
    tokens = [t for t in tokens if t != END]
    cut = next((i + 1 for i, t in enumerate(tokens) if t in SENTENCE_END and i >= 3), len(tokens))
    opening, closing = tokens[:cut], tokens[cut:]
    made = runs(opening) + runs(closing)
    borrowed = sum(r in real_runs(person, lang) for r in made) / max(len(made), 1)
    return Imitation(join_words(opening, lang, model.cased), REQUESTS[person][lang][request],
                     join_words(closing, lang, model.cased), SIGNS[person][request], borrowed)
