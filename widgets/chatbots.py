"""The demos of the module `chatbots`, ready for a lesson cell: `demo.next_word("fr")`.

Each function trains (once per kernel) the module's live models and returns an
`Explorer`. The labels and captions are messages of the interface catalogs (`core.i18n`);
the sample inputs are written for each language's corpus here; the models and their
logic live in `modules.chatbots`.
"""
from __future__ import annotations

from functools import lru_cache

from core.formats import number, percent
from core.i18n import N_, gettext, ngettext
from core.markup import esc
from modules.chatbots import (BPETokenizer, CharCounter, CharMLP, ChatBot, NGramModel, length_ratio, load_corpus,
                              overall_ratio, production_tokens, token_costs)

from .explorer import Choice, Explorer
from .views import View, bars, paragraph, quote, table
from .views import tokens as token_boxes

# -- the live models, trained once per kernel --------------------------------


@lru_cache(maxsize=None)
def ngram(lang: str, n: int) -> NGramModel:
    return NGramModel.train(load_corpus(lang), n=n)


@lru_cache(maxsize=None)
def bpe(trained_on: str) -> BPETokenizer:
    """The course tokenizer, trained on the English text, the French text, or both."""
    text = {"en": load_corpus("en"), "fr": load_corpus("fr"), "both": load_corpus("fr") + load_corpus("en")}
    return BPETokenizer.train(text[trained_on], num_merges=600)


@lru_cache(maxsize=None)
def char_models(lang: str) -> dict:
    text = load_corpus(lang)
    train, test = text[:-6000], text[-6000:]
    models = {"count": CharCounter(4).fit(train), "mlp": CharMLP(context=4).fit(train[-50000:])}
    return {"models": models, "accuracy": {name: m.accuracy(test) for name, m in models.items()}}


@lru_cache(maxsize=None)
def chatbot(lang: str) -> ChatBot:
    return ChatBot(lang)


# -- 1. text becomes tokens ---------------------------------------------------

SENTENCES = {
    "fr": ["Le chat dort sur le divan.", "Il fait froid ce matin, mets ta tuque.",
           "Les données d'entraînement déterminent ce que le modèle apprend.",
           "The cat is sleeping on the couch."],
    "en": ["The cat is sleeping on the couch.", "It is cold this morning, wear your hat.",
           "The training data determine what the model learns.", "Le chat dort sur le divan."],
}
TOKENIZERS = [("course-en", N_("our tokenizer, trained on the English text")),
              ("course-fr", N_("our tokenizer, trained on the French text")),
              ("cl100k", N_("cl100k_base (a real tokenizer, GPT-4's, 2023)"))]
# The cost demo also measures the newer real tokenizer. It is not in the token demo, whose
# simple-level instructions describe its three choices.
O200K = ("o200k", N_("o200k_base (a real tokenizer, GPT-4o's and later models', 2024)"))
REAL = {"cl100k": "cl100k_base", "o200k": "o200k_base"}


def _tokenizers(lang: str, extra: tuple = ()) -> list[tuple[str, str]]:
    return [(key, gettext(lang, name)) for key, name in [*TOKENIZERS, *extra]]


def _count_fn(name: str):
    if name in REAL:
        return lambda text: production_tokens(text, REAL[name])
    return bpe(name.split("-")[1]).encode


def tokens(lang: str = "fr") -> Explorer:
    def render(sentence: str, tokenizer: str) -> View:
        pieces = _count_fn(tokenizer)(sentence)
        return (token_boxes(pieces, gettext(lang, "Tokens"))
                + paragraph(ngettext(lang, "{n} token", "{n} tokens", len(pieces)), "decodia-count"))

    return Explorer("tokens", [Choice("sentence", gettext(lang, "Sentence"), SENTENCES[lang]),
                               Choice("tokenizer", gettext(lang, "Tokenizer"), _tokenizers(lang), default="cl100k")],
                    render, lang, gettext(lang, "Text becomes tokens"))


def _ratio(tokenizer: str) -> float:
    return overall_ratio(token_costs(lambda s: len(_count_fn(tokenizer)(s))))


def token_cost(lang: str = "fr") -> Explorer:
    names = dict(_tokenizers(lang, [O200K]))
    # Shown under every choice, so that the printed page (the default choice) holds both real ratios.
    chars, fr_chars, en_chars = length_ratio()
    compare = gettext(lang, "The two real tokenizers compared: French needs {old} times as many tokens as English "
                            "with cl100k_base (2023), and {new} times as many with o200k_base (2024). In characters, "
                            "the French sentences are {chars} times as long as the English ones ({fr} against {en}).",
                      old=number(_ratio("cl100k"), lang, 2), new=number(_ratio("o200k"), lang, 2),
                      chars=number(chars, lang, 2), fr=number(fr_chars, lang), en=number(en_chars, lang))

    def render(tokenizer: str) -> View:
        count = (lambda s: len(_count_fn(tokenizer)(s)))
        costs = token_costs(count)
        rows = [[c.fr, c.fr_tokens, c.en_tokens, number(c.ratio, lang, 2)] for c in costs]
        total = gettext(lang, "In total, French needs {r} times as many tokens as English ({fr} against {en}).",
                        r=number(overall_ratio(costs), lang, 2), fr=sum(c.fr_tokens for c in costs),
                        en=sum(c.en_tokens for c in costs))
        headers = [gettext(lang, "Sentence in French"), gettext(lang, "FR tokens"), gettext(lang, "EN tokens"),
                   gettext(lang, "FR ÷ EN")]
        caption = gettext(lang, "Same meaning, two languages: tokens counted by {tok}", tok=names[tokenizer])
        return (paragraph(total, "decodia-count") + paragraph(compare)
                + table(headers, rows, caption, {1, 2, 3}))

    return Explorer("token-cost", [Choice("tokenizer", gettext(lang, "Tokenizer"), _tokenizers(lang, [O200K]),
                                          default="cl100k")],
                    render, lang, gettext(lang, "How many tokens in French and in English?"))


# -- 2. next-word prediction ---------------------------------------------------

PROMPTS = {
    "fr": ["Il fait", "Le chat", "Je prends", "Ma grand-mère", "Ce soir, nous", "La bibliothèque"],
    "en": ["It is", "The cat", "I take", "My grandmother", "Tonight we", "The library"],
}


def _words_label(lang: str, n: int) -> str:
    return ngettext(lang, "{n} word", "{n} words", n)


def _probability_headers(lang: str) -> tuple[str, str]:
    return gettext(lang, "Next word"), gettext(lang, "Probability")


def next_word(lang: str = "fr") -> Explorer:
    def render(prompt: str, n: int) -> View:
        model = ngram(lang, n + 1)
        ctx = model.context_used(prompt)
        cands = model.next_words(prompt, k=8)
        head = (paragraph(gettext(lang, "The model never saw this start. It only looks at the most frequent words."))
                if not ctx else View("", ""))
        caption = gettext(lang, "After \u201c{ctx}\u201d, the model saw these words in its training text",
                          ctx=" ".join(ctx) or "…")
        chart = bars([(c.word, c.probability) for c in cands], caption, lang, _probability_headers(lang))
        seen = paragraph(gettext(lang, "Times seen: {words}",
                                 words=", ".join(f"{c.word} ({c.count})" for c in cands)))
        return head + chart + seen

    return Explorer("next-word", [Choice("prompt", gettext(lang, "Start of a sentence"), PROMPTS[lang], free_text=True),
                                  Choice("n", gettext(lang, "Words looked at"),
                                         [(1, _words_label(lang, 1)), (2, _words_label(lang, 2))])],
                    render, lang, gettext(lang, "Predicting the next word"))


# -- 3. sampling and temperature ---------------------------------------------

TEMPERATURES = [0.0, 0.3, 0.7, 1.0, 1.5, 2.5]


def temperature(lang: str = "fr") -> Explorer:
    temps = [(x, gettext(lang, "0 (always the most likely)") if x == 0 else number(x, lang, 1))
             for x in TEMPERATURES]

    def render(prompt: str, temperature: float, seed: int) -> View:
        model = ngram(lang, 3)
        dist = model.distribution(prompt, temperature)[:6]
        caption = gettext(lang, "Probabilities of the first word after \u201c{p}\u201d at temperature {t}",
                          p=prompt, t=number(temperature, lang, 1))
        text = model.generate(prompt, 25, temperature, seed, lang)
        return bars([(c.word, c.probability) for c in dist], caption, lang, _probability_headers(lang)) + \
            quote(text + " …", gettext(lang, "Text written by the model"), lang)

    return Explorer("temperature", [Choice("prompt", gettext(lang, "Start of a sentence"), PROMPTS[lang][:3],
                                           free_text=True),
                                    Choice("temperature", gettext(lang, "Temperature"), temps, default=1.0, slider=True),
                                    Choice("seed", gettext(lang, "Try"), [1, 2])],
                    render, lang, gettext(lang, "Temperature: careful or daring?"))


# -- 4. a small neural model -------------------------------------------------

LETTER_PROMPTS = {"fr": ["le ch", "il fait fr", "la biblioth", "nous mange"],
                  "en": ["the ca", "it is co", "the libra", "we ea"]}


def neural(lang: str = "fr") -> Explorer:
    trained = char_models(lang)

    def render(model: str, prompt: str) -> View:
        m = trained["models"][model]
        guesses = m.predict(prompt, k=5)
        chart = bars([(g.char if g.char != " " else gettext(lang, "(space)"), g.probability) for g in guesses],
                     gettext(lang, "Most likely next letter after \u201c{p}\u201d", p=prompt), lang,
                     (gettext(lang, "Letter"), gettext(lang, "Probability")))
        score = paragraph(gettext(lang, "On text it never saw, this model guesses the right letter {acc} of the time. "
                                        "It keeps {size} numbers in memory.",
                                  acc=percent(trained["accuracy"][model], lang), size=number(m.size, lang)))
        return chart + quote(m.generate(prompt, 70, 0.5, seed=1), gettext(lang, "Text made up by this model"),
                             lang) + score

    return Explorer("neural", [Choice("model", gettext(lang, "Model"), [("count", gettext(lang, "counting letters")),
                                                                        ("mlp", gettext(lang, "neural network"))]),
                               Choice("prompt", gettext(lang, "Start of the text"), LETTER_PROMPTS[lang],
                                      free_text=True)],
                    render, lang, gettext(lang, "Counting or learning: two small letter models"))


# -- 5. from text continuer to chatbot ---------------------------------------

QUESTIONS = {
    "fr": ["Quel temps fait-il aujourd'hui ?", "Comment faire une bonne soupe ?",
           "Quelle est la capitale de l'Australie ?"],
    "en": ["What is the weather like today?", "How do I make a good soup?",
           "What is the capital of Australia?"],
}


def chat(lang: str = "fr") -> Explorer:
    def render(question: str, formatted: bool, seed: int) -> View:
        bot = chatbot(lang)
        if formatted:
            ex = bot.answer(question, temperature=0.7, seed=seed)
            prompt, answer = ex.prompt, ex.answer
        else:
            prompt = question
            answer = bot.continue_text(question, 0.7, seed, 25)
        window = " ".join(bot.model.context_used(prompt)) or "…"
        sees = gettext(lang, "What the model is really given")
        given = View(f'<p><strong>{esc(sees)}</strong></p><pre class="decodia-prompt">{esc(prompt)}</pre>',
                     f'{sees}:\n{prompt}')
        return (given + paragraph(gettext(lang, "The only words it looks at to choose the next one: \u201c{w}\u201d",
                                          w=window))
                + quote(answer, gettext(lang, "What it writes"), lang))

    return Explorer("chat", [Choice("question", gettext(lang, "Question"), QUESTIONS[lang], free_text=True),
                             Choice("formatted", gettext(lang, "Layout"),
                                    [(True, gettext(lang, "with the Question / Answer format")),
                                     (False, gettext(lang, "no format (plain text)"))]),
                             Choice("seed", gettext(lang, "Try"), [1, 2])],
                    render, lang, gettext(lang, "From text continuer to chatbot"))
