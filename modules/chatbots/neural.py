"""A small neural network over characters, compared with counting.

Both models see the same thing: the last few characters. The counting model
looks up what followed those exact characters in training. The neural network
(a multi-layer perceptron from scikit-learn) learns weights instead, so it can
also answer for letter combinations it never saw.
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.neural_network import MLPClassifier

UNKNOWN = "¤"


def normalise(text: str) -> str:
    """Lower case, single spaces, typographic apostrophes made plain."""
    text = unicodedata.normalize("NFC", text.replace("’", "'").lower())
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True)
class CharGuess:
    char: str
    probability: float


class _CharModel:
    context: int

    def predict(self, prompt: str, k: int = 5) -> list[CharGuess]:
        raise NotImplementedError

    def accuracy(self, text: str, limit: int = 3000) -> float:
        """Share of positions in `text` where the top guess is the real next character."""
        text = normalise(text)
        positions = range(self.context, min(len(text), self.context + limit))
        hits = sum(self.predict(text[i - self.context:i], k=1)[0].char == text[i] for i in positions)
        return hits / len(positions)

    def generate(self, prompt: str, length: int = 80, temperature: float = 0.6, seed: int = 0) -> str:
        rng = random.Random(seed)
        out = normalise(prompt)
        for _ in range(length):
            guesses = self.predict(out[-self.context:], k=None)
            if temperature <= 0:
                out += guesses[0].char
                continue
            weights = [g.probability ** (1 / temperature) for g in guesses]
            out += rng.choices([g.char for g in guesses], weights=weights)[0]
        return out


class CharCounter(_CharModel):
    """Counts which character follows each run of `context` characters."""

    def __init__(self, context: int = 4):
        self.context = context
        self.table: dict[str, Counter] = defaultdict(Counter)

    def fit(self, text: str) -> "CharCounter":
        text = normalise(text)
        for order in range(self.context + 1):
            for i in range(order, len(text)):
                self.table[text[i - order:i]][text[i]] += 1
        return self

    def predict(self, prompt: str, k: int | None = 5) -> list[CharGuess]:
        prompt = normalise(prompt)[-self.context:]
        for start in range(len(prompt) + 1):  # back off to shorter contexts
            counter = self.table.get(prompt[start:])
            if counter:
                total = sum(counter.values())
                return [CharGuess(c, n / total) for c, n in counter.most_common(k)]
        return [CharGuess(" ", 1.0)]

    @property
    def size(self) -> int:
        """How many numbers the model stores: one count per (context, next character)."""
        return sum(len(c) for c in self.table.values())

    def seen(self, prompt: str) -> bool:
        return prompt[-self.context:] in self.table


class CharMLP(_CharModel):
    """A one-hidden-layer neural network that reads the last `context` characters."""

    def __init__(self, context: int = 4, hidden: int = 64, epochs: int = 12, seed: int = 0):
        self.context = context
        self.net = MLPClassifier(hidden_layer_sizes=(hidden,), max_iter=epochs, random_state=seed,
                                 early_stopping=False, batch_size=256, learning_rate_init=0.01)
        self.alphabet: list[str] = []

    def _encode(self, windows: list[str]) -> sparse.csr_matrix:
        size = len(self.alphabet)
        rows, cols = [], []
        for r, w in enumerate(windows):
            w = w.rjust(self.context)[-self.context:]
            for pos, ch in enumerate(w):
                rows.append(r)
                cols.append(pos * size + self._index.get(ch, self._index[UNKNOWN]))
        data = np.ones(len(rows), dtype=np.float32)
        return sparse.csr_matrix((data, (rows, cols)), shape=(len(windows), size * self.context))

    def fit(self, text: str) -> "CharMLP":
        import warnings
        from sklearn.exceptions import ConvergenceWarning

        text = normalise(text)
        self.alphabet = sorted(set(text)) + [UNKNOWN]
        self._index = {c: i for i, c in enumerate(self.alphabet)}
        windows = [text[i - self.context:i] for i in range(self.context, len(text))]
        targets = list(text[self.context:])
        with warnings.catch_warnings():
            # A fixed, small number of passes keeps training to about a second;
            # the network is deliberately not trained to convergence.
            warnings.simplefilter("ignore", ConvergenceWarning)
            self.net.fit(self._encode(windows), targets)
        return self

    @property
    def size(self) -> int:
        """How many numbers the network stores: its weights and biases."""
        return sum(w.size for w in self.net.coefs_) + sum(b.size for b in self.net.intercepts_)

    def accuracy(self, text: str, limit: int = 3000) -> float:
        """Share of positions where the top guess is right, computed in one batch."""
        text = normalise(text)
        positions = range(self.context, min(len(text), self.context + limit))
        guesses = self.net.predict(self._encode([text[i - self.context:i] for i in positions]))
        return sum(g == text[i] for g, i in zip(guesses, positions)) / len(positions)

    def predict(self, prompt: str, k: int | None = 5) -> list[CharGuess]:
        probs = self.net.predict_proba(self._encode([normalise(prompt)]))[0]
        order = np.argsort(-probs, kind="stable")[:k]
        return [CharGuess(self.net.classes_[i], float(probs[i])) for i in order]
