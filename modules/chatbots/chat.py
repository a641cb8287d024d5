"""From text continuer to "chatbot": the same next-word model, given a prompt/answer format."""
from __future__ import annotations

from dataclasses import dataclass

from .ngram import NGramModel
from .text import check_lang, join_words, load_corpus, words

# The labels used in the course's dialogue corpus.
LABELS = {"fr": ("Question :", "Réponse :"), "en": ("Question:", "Answer:")}


@dataclass(frozen=True)
class Exchange:
    question: str
    prompt: str   # what the model is really given
    answer: str   # what it wrote


class ChatBot:
    """A word n-gram model trained on running text plus question/answer exchanges.

    It has no knowledge and no goal: it only continues the text
    "Question: ... Answer:" with likely words, and stops when it would start the
    next question.
    """

    def __init__(self, lang: str = "fr", n: int = 3):
        self.lang = check_lang(lang)
        self.model = NGramModel.train(load_corpus(lang, dialogues=True), n=n)

    def prompt_for(self, question: str) -> str:
        q, a = LABELS[self.lang]
        return f"{q} {question.strip()}\n{a}"

    def answer(self, question: str, temperature: float = 0.7, seed: int = 0, max_words: int = 40) -> Exchange:
        prompt = self.prompt_for(question)
        # Stop where the model would start the next exchange ("Question :").
        new = self.model.generate_tokens(prompt, max_words, temperature, seed, stop=tuple(words(LABELS[self.lang][0])))
        # End on the last full sentence when there is one.
        ends = [i for i, w in enumerate(new) if w in {".", "!", "?"}]
        if ends:
            new = new[: ends[-1] + 1]
        return Exchange(question, prompt, join_words(new, self.lang, self.model.cased))

    def continue_text(self, text: str, temperature: float = 0.7, seed: int = 0, length: int = 25) -> str:
        """The same model without the format: it just keeps writing."""
        return self.model.generate(text, length, temperature, seed, self.lang)
