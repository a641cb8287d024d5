"""Module `chatbots`: how a chatbot works.

Live models, all trained in seconds on the course's own corpora:
- `BPETokenizer`: byte-pair encoding trained on the corpus, compared with two real
  tokenizers, cl100k_base (GPT-4, 2023) and o200k_base (GPT-4o and later, 2024), read
  offline (`production_tokens`, `token_costs`, `length_ratio`);
- `NGramModel`: next-word prediction by counting, with temperature sampling;
- `CharCounter` and `CharMLP`: counting versus a small neural network over characters;
- `ChatBot`: the same next-word model wrapped in a question/answer format.
"""
from .chat import ChatBot, Exchange
from .neural import CharCounter, CharMLP
from .ngram import Candidate, NGramModel
from .text import LANGS, join_words, load_corpus, words
from .tokens import (REAL_TOKENIZERS, BPETokenizer, PairCost, length_ratio, overall_ratio, parallel_sentences,
                     production_count, production_tokens, real_encoding, token_costs)

__all__ = [
    "REAL_TOKENIZERS", "BPETokenizer", "Candidate", "CharCounter", "CharMLP", "ChatBot", "Exchange", "LANGS",
    "NGramModel", "PairCost", "join_words", "length_ratio", "load_corpus", "overall_ratio", "parallel_sentences",
    "production_count", "production_tokens", "real_encoding", "token_costs", "words",
]
