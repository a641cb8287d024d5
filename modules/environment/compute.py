"""What computing costs: the course's own small models timed on this machine, then the same arithmetic
scaled to published model sizes.

Two kinds of numbers live here and must not be mixed up:

- `measure_*` return times measured on the computer that runs them. They change from one run to the next,
  so nothing printed or quoted may depend on them (the demos show them on the Web page only).
- `scaled` and the constants are fixed: about 2 operations per parameter per token (kaplan-2020), and the
  data-centre chip figures Epoch AI used for its estimate of one ChatGPT query (epoch-2025).
"""
from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from functools import lru_cache

# -- world constants ------------------------------------------------------------------------------------
# About 2 operations (multiply + add) per parameter for one token through a neural network.
OPS_PER_PARAMETER_PER_TOKEN = 2                # source: kaplan-2020 (Epoch AI uses the same rule, epoch-2025)
# Epoch AI's chip for its estimate: an NVIDIA H100, 989 × 10^12 operations per second at most (bf16, dense),
GPU_PEAK_OPS_PER_SECOND = 989e12               # source: epoch-2025
# used at 10 % of that peak while answering,
GPU_UTILIZATION = 0.10                         # source: epoch-2025
# drawing 1 071 W on average with its share of the server and of the building's cooling (PUE 1.2).
GPU_AVERAGE_POWER_W = 1071                     # source: epoch-2025
# The power of the computer that runs the course's small models: a stated assumption (a laptop
# processor under load draws roughly this much), not a measurement. It converts measured seconds to energy.
MACHINE_POWER_W = 15                           # assumption, stated in the demo

JOULES_PER_WH = 3600

# Published sizes (parameters) of a few large language models, and Epoch AI's assumption for GPT-4o.
PUBLISHED_MODELS = {
    "gpt2": ("GPT-2 (2019)", 1.5e9),                      # source: openai-gpt2-2019
    "gpt4o": ("GPT-4o (2024)", 100e9),                    # source: epoch-2025 (an estimate: 100 billion active)
    "mistral-large-2": ("Mistral Large 2 (2024)", 123e9),  # source: mistral-large-2024
    "gpt3": ("GPT-3 (2020)", 175e9),                      # source: brown-2020
    "llama-405b": ("Llama 3.1 405B (2024)", 405e9),       # source: meta-llama-2024
}
ANSWER_TOKENS = 500                            # Epoch AI's typical answer length, in tokens (epoch-2025)


def wh(joules: float) -> float:
    return joules / JOULES_PER_WH


def energy_per_op_joules() -> float:
    """Joules per operation on Epoch AI's data-centre chip: power / (peak × utilization)."""
    return GPU_AVERAGE_POWER_W / (GPU_PEAK_OPS_PER_SECOND * GPU_UTILIZATION)


@dataclass(frozen=True)
class Scaled:
    key: str
    name: str
    parameters: float
    tokens: int

    @property
    def operations(self) -> float:
        return OPS_PER_PARAMETER_PER_TOKEN * self.parameters * self.tokens

    @property
    def seconds(self) -> float:
        """Seconds of one data-centre chip at Epoch AI's utilization."""
        return self.operations / (GPU_PEAK_OPS_PER_SECOND * GPU_UTILIZATION)

    @property
    def energy_wh(self) -> float:
        return wh(self.operations * energy_per_op_joules())


def small_network_parameters() -> int:
    """Weights and biases of the course's small neural network (modules/chatbots, 4 characters, 64 hidden units).

    Counted from its shape, not trained: inputs = 4 positions × alphabet, one hidden layer of 64, outputs = alphabet
    (the alphabet of the French text it trains on in `measure`); `measure` checks the same count.
    """
    from modules.chatbots import load_corpus
    from modules.chatbots.neural import normalise

    text = normalise(load_corpus("fr")[:TRAIN_CHARS])
    alphabet = len(set(text)) + 1                          # + the "unknown" sign, as CharMLP does
    outputs = len(set(text[SMALL_NETWORK_CONTEXT:]))       # the characters it learns to guess
    inputs, hidden = SMALL_NETWORK_CONTEXT * alphabet, SMALL_NETWORK_HIDDEN
    return inputs * hidden + hidden + hidden * outputs + outputs


SMALL_NETWORK_CONTEXT, SMALL_NETWORK_HIDDEN = 4, 64


def scaled(tokens: int = ANSWER_TOKENS) -> list[Scaled]:
    """The course's small network and the published models, each answering `tokens` tokens, smallest first."""
    rows = [Scaled("small", "small", small_network_parameters(), tokens)]
    rows += [Scaled(k, name, p, tokens) for k, (name, p) in PUBLISHED_MODELS.items()]
    return sorted(rows, key=lambda r: r.parameters)


# -- measured on this machine ---------------------------------------------------------------------------
MODELS = ("ngram", "network", "images")


@dataclass(frozen=True)
class Measure:
    model: str
    size: int                 # numbers the model stores (counts, weights, or mixture parameters)
    train_seconds: float      # measured: varies from run to run
    answer_seconds: float     # measured: one answer (a next word, a next character, one image)

    @property
    def train_wh(self) -> float:
        return wh(self.train_seconds * MACHINE_POWER_W)

    @property
    def answer_wh(self) -> float:
        return wh(self.answer_seconds * MACHINE_POWER_W)


def _best(fn, repeat: int) -> tuple[float, object]:
    """The shortest of `repeat` timings (the least disturbed by other programs) and the last result."""
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


TRAIN_CHARS = 20_000          # the small network trains on the start of the French corpus, 2 passes: well under a second
NETWORK_EPOCHS = 2


@lru_cache(maxsize=None)
def measure(model: str, lang: str = "fr") -> Measure:
    """Train the course's model `model` once and answer with it, timing both on this machine (cached per process)."""
    from modules.chatbots import load_corpus

    if model == "ngram":
        from modules.chatbots.ngram import NGramModel

        corpus = load_corpus(lang)
        t_train, m = _best(lambda: NGramModel.train(corpus, n=3), 1)
        t_answer, _ = _best(lambda: m.next_words(ANSWER_PROMPT[lang]), 20)
        return Measure(model, sum(len(c) for c in m.counts.values()), t_train, t_answer)
    if model == "network":
        from modules.chatbots.neural import CharMLP

        text = load_corpus(lang)[:TRAIN_CHARS]
        net = CharMLP(SMALL_NETWORK_CONTEXT, SMALL_NETWORK_HIDDEN, epochs=NETWORK_EPOCHS)
        t_train, _ = _best(lambda: net.fit(text), 1)
        t_answer, _ = _best(lambda: net.predict(ANSWER_PROMPT[lang][-SMALL_NETWORK_CONTEXT:], k=1), 20)
        return Measure(model, net.size, t_train, t_answer)
    if model == "images":
        generator = importlib.import_module("modules.deepfakes.generator")
        t_train, g = _best(lambda: generator.generator.__wrapped__("digits", generator.DEFAULT_SIZE), 1)
        t_answer, _ = _best(lambda: g.sample(1, seed=1), 20)
        mix = g.mixture
        size = mix.means_.size + mix.covariances_.size + mix.weights_.size + g.pca.components_.size
        return Measure(model, int(size), t_train, t_answer)
    raise ValueError(f"unknown model {model!r}: expected one of {', '.join(MODELS)}")


ANSWER_PROMPT = {"fr": "Ce matin, le chat", "en": "This morning, the cat"}
