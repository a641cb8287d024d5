"""Module `chatbots`: how a chatbot works.

Live models, all trained in seconds on the course's own corpora:
- `BPETokenizer`: byte-pair encoding trained on the corpus, compared with the
  production tokenizer cl100k_base (`production_tokens`, `token_costs`);
- `NGramModel`: next-word prediction by counting, with temperature sampling;
- `CharCounter` and `CharMLP`: counting versus a small neural network over characters;
- `ChatBot`: the same next-word model wrapped in a question/answer format.
"""
from .chat import ChatBot, Exchange
from .neural import CharCounter, CharMLP
from .ngram import Candidate, NGramModel
from .text import LANGS, join_words, load_corpus, words
from .tokens import (BPETokenizer, PairCost, overall_ratio, parallel_sentences, production_count,
                     production_tokens, token_costs)

__all__ = [
    "BPETokenizer", "Candidate", "CharCounter", "CharMLP", "ChatBot", "Exchange", "LANGS",
    "NGramModel", "PairCost", "join_words", "load_corpus", "overall_ratio", "parallel_sentences",
    "production_count", "production_tokens", "token_costs", "words",
]
