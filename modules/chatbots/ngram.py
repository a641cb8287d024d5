"""A word n-gram model: next-word prediction by counting, with temperature sampling."""
from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass

from .text import casing, join_words, words


@dataclass(frozen=True)
class Candidate:
    word: str
    count: int
    probability: float


class NGramModel:
    """Counts which word follows each run of `n - 1` words in a training text.

    Prediction uses the longest context seen in training and falls back to a
    shorter one ("back-off") when the reader's prompt was never seen.
    """

    def __init__(self, n: int = 2):
        if n < 1:
            raise ValueError("n must be at least 1")
        self.n = n
        self.counts: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        self.size = 0
        self.cased: dict[str, str] = {}

    @classmethod
    def train(cls, text: str, n: int = 2) -> "NGramModel":
        model = cls(n)
        tokens = words(text)
        model.cased = casing(text)
        model.size = len(tokens)
        for order in range(n):  # order = context length: 0 (unigram) .. n-1
            for i in range(order, len(tokens)):
                model.counts[tuple(tokens[i - order:i])][tokens[i]] += 1
        model.counts = dict(model.counts)
        return model

    @property
    def vocabulary(self) -> set[str]:
        return set(self.counts[()])

    def context_used(self, prompt: str | list[str]) -> tuple[str, ...]:
        """The longest end of the prompt (at most n - 1 words) that training saw."""
        tokens = words(prompt) if isinstance(prompt, str) else list(prompt)
        for order in range(min(self.n - 1, len(tokens)), 0, -1):
            ctx = tuple(tokens[-order:])
            if ctx in self.counts:
                return ctx
        return ()

    def next_words(self, prompt: str | list[str], k: int | None = None) -> list[Candidate]:
        """The words seen after the prompt's context, most frequent first."""
        counter = self.counts[self.context_used(prompt)]
        total = sum(counter.values())
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
        return [Candidate(w, c, c / total) for w, c in ranked[:k]]

    def probability(self, context: list[str], word: str, backoff: float = 0.4) -> float:
        """A score for `word` after `context`, for any word, seen or not ("stupid back-off").

        The share of `word` after the longest context seen; when the word never followed
        it, a shorter context's share times `backoff` per step; for a word never seen at
        all, one count out of the text's size. Scores compare answers; they are not
        normalised probabilities.
        """
        factor = 1.0
        for order in range(min(self.n - 1, len(context)), -1, -1):
            counter = self.counts.get(tuple(context[len(context) - order:]) if order else ())
            if counter and counter.get(word):
                return factor * counter[word] / sum(counter.values())
            if counter:
                factor *= backoff
        return factor / (self.size + len(self.counts[()]))

    def sequence_score(self, prompt: str | list[str], continuation: str | list[str]) -> float:
        """Log-score of a whole continuation after the prompt, word by word."""
        context = words(prompt) if isinstance(prompt, str) else list(prompt)
        total = 0.0
        for w in (words(continuation) if isinstance(continuation, str) else continuation):
            total += math.log(self.probability(context, w))
            context.append(w)
        return total

    def distribution(self, prompt: str | list[str], temperature: float = 1.0) -> list[Candidate]:
        """Next-word probabilities reshaped by temperature.

        p(w) is proportional to count(w) ** (1 / T): T < 1 sharpens towards the most
        frequent word, T > 1 flattens towards all words seen. T = 0 means always
        the most frequent.
        """
        cands = self.next_words(prompt)
        if temperature <= 0:
            return [Candidate(c.word, c.count, 1.0 if i == 0 else 0.0) for i, c in enumerate(cands)]
        logs = [math.log(c.count) / temperature for c in cands]
        top = max(logs)
        weights = [math.exp(x - top) for x in logs]
        total = sum(weights)
        return [Candidate(c.word, c.count, w / total) for c, w in zip(cands, weights)]

    def generate_tokens(self, prompt: str, length: int = 20, temperature: float = 1.0,
                        seed: int = 0, stop: tuple[str, ...] = ()) -> list[str]:
        """Continue the prompt word by word; returns only the new words.

        Generation ends early when the words of `stop` come out in a row (they are
        not returned), e.g. ("question", ":") when the model starts a new exchange.
        """
        rng = random.Random(seed)
        context = words(prompt)
        new: list[str] = []
        for _ in range(length):
            dist = self.distribution(context, temperature)
            word = rng.choices([c.word for c in dist], weights=[c.probability for c in dist])[0]
            new.append(word)
            context.append(word)
            if stop and tuple(new[-len(stop):]) == tuple(stop):
                del new[-len(stop):]
                break
        return new

    def generate(self, prompt: str, length: int = 20, temperature: float = 1.0,
                 seed: int = 0, lang: str = "fr") -> str:
        """The prompt followed by `length` generated words, as readable text."""
        new = self.generate_tokens(prompt, length, temperature, seed)
        return join_words(words(prompt) + new, lang, self.cased)
