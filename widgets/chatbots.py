"""The demos of the module `chatbots`, ready for a lesson cell: `demo.next_word("fr")`.

Each function trains (once per kernel) the module's live models and returns an
`Explorer`. The labels and captions are written for each language here; the
models and their logic live in `modules.chatbots`.
"""
from __future__ import annotations

from functools import lru_cache

from core.formats import number, percent
from core.markup import esc
from modules.chatbots import (BPETokenizer, CharCounter, CharMLP, ChatBot, NGramModel, load_corpus,
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
TOKENIZERS = {
    "fr": [("course-en", "notre découpeur, entraîné sur le texte anglais"),
           ("course-fr", "notre découpeur, entraîné sur le texte français"),
           ("cl100k", "cl100k_base (un vrai découpeur, celui de GPT-4)")],
    "en": [("course-en", "our tokenizer, trained on the English text"),
           ("course-fr", "our tokenizer, trained on the French text"),
           ("cl100k", "cl100k_base (a real tokenizer, GPT-4's)")],
}
T = {
    "fr": {"sentence": "Phrase", "tokenizer": "Découpeur", "tokens": "Jetons", "n_tokens": "{n} jetons",
           "tokens_title": "Un texte devient des jetons",
           "cost_title": "Combien de jetons en français et en anglais ?",
           "cost_headers": ["Phrase en français", "Jetons FR", "Jetons EN", "FR ÷ EN"],
           "cost_caption": "Même sens, deux langues : jetons comptés par {tok}",
           "cost_total": "Au total, le français demande {r} fois plus de jetons que l'anglais ({fr} contre {en}).",
           "prompt": "Début de phrase", "context": "Mots regardés", "next_title": "Prédire le mot suivant",
           "next_caption": "Après « {ctx} », le modèle a vu ces mots dans son texte d'entraînement",
           "next_headers": ("Mot suivant", "Probabilité"), "unseen": "Le modèle n'a jamais vu ce début. Il regarde seulement le mot le plus fréquent.",
           "next_counts": "Nombre de fois vu : ", "words_n": "{n} mot", "words_np": "{n} mots",
           "temp_title": "La température : prudent ou audacieux ?", "temperature": "Température",
           "try": "Essai", "temp_caption": "Probabilités du premier mot après « {p} » à la température {t}",
           "temp_text": "Texte produit par le modèle", "greedy": "0 (toujours le plus probable)",
           "neural_title": "Compter ou apprendre : deux petits modèles de lettres",
           "model": "Modèle", "count": "compter les lettres", "mlp": "réseau de neurones",
           "letters": "Début du texte", "neural_caption": "Lettre suivante la plus probable après « {p} »",
           "neural_headers": ("Lettre", "Probabilité"), "space": "(espace)",
           "neural_score": "Sur un texte jamais vu, ce modèle devine la bonne lettre {acc} du temps. Il garde {size} nombres en mémoire.",
           "chat_title": "D'un continuateur de texte à un robot conversationnel", "question": "Question",
           "format": "Présentation", "with_format": "avec le format Question / Réponse",
           "without_format": "sans format (texte brut)", "sees": "Ce que le modèle reçoit vraiment",
           "window": "Les seuls mots qu'il regarde pour choisir le prochain : « {w} »",
           "answer": "Ce qu'il écrit", "neural_sample": "Texte inventé par ce modèle"},
    "en": {"sentence": "Sentence", "tokenizer": "Tokenizer", "tokens": "Tokens", "n_tokens": "{n} tokens",
           "tokens_title": "Text becomes tokens",
           "cost_title": "How many tokens in French and in English?",
           "cost_headers": ["Sentence in French", "FR tokens", "EN tokens", "FR ÷ EN"],
           "cost_caption": "Same meaning, two languages: tokens counted by {tok}",
           "cost_total": "In total, French needs {r} times as many tokens as English ({fr} against {en}).",
           "prompt": "Start of a sentence", "context": "Words looked at", "next_title": "Predicting the next word",
           "next_caption": "After \u201c{ctx}\u201d, the model saw these words in its training text",
           "next_headers": ("Next word", "Probability"), "unseen": "The model never saw this start. It only looks at the most frequent words.",
           "next_counts": "Times seen: ", "words_n": "{n} word", "words_np": "{n} words",
           "temp_title": "Temperature: careful or daring?", "temperature": "Temperature",
           "try": "Try", "temp_caption": "Probabilities of the first word after \u201c{p}\u201d at temperature {t}",
           "temp_text": "Text written by the model", "greedy": "0 (always the most likely)",
           "neural_title": "Counting or learning: two small letter models",
           "model": "Model", "count": "counting letters", "mlp": "neural network",
           "letters": "Start of the text", "neural_caption": "Most likely next letter after \u201c{p}\u201d",
           "neural_headers": ("Letter", "Probability"), "space": "(space)",
           "neural_score": "On text it never saw, this model guesses the right letter {acc} of the time. It keeps {size} numbers in memory.",
           "chat_title": "From text continuer to chatbot", "question": "Question",
           "format": "Layout", "with_format": "with the Question / Answer format",
           "without_format": "no format (plain text)", "sees": "What the model is really given",
           "window": "The only words it looks at to choose the next one: \u201c{w}\u201d",
           "answer": "What it writes", "neural_sample": "Text made up by this model"},
}


def _count_fn(name: str):
    if name == "cl100k":
        return production_tokens
    return bpe(name.split("-")[1]).encode


def tokens(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(sentence: str, tokenizer: str) -> View:
        pieces = _count_fn(tokenizer)(sentence)
        return token_boxes(pieces, t["tokens"]) + paragraph(t["n_tokens"].format(n=len(pieces)), "decodia-count")

    return Explorer("tokens", [Choice("sentence", t["sentence"], SENTENCES[lang]),
                               Choice("tokenizer", t["tokenizer"], TOKENIZERS[lang], default="cl100k")],
                    render, lang, t["tokens_title"])


def token_cost(lang: str = "fr") -> Explorer:
    t = T[lang]
    names = dict(TOKENIZERS[lang])

    def render(tokenizer: str) -> View:
        count = (lambda s: len(_count_fn(tokenizer)(s)))
        costs = token_costs(count)
        rows = [[c.fr, c.fr_tokens, c.en_tokens, number(c.ratio, lang, 2)] for c in costs]
        total = t["cost_total"].format(r=number(overall_ratio(costs), lang, 2), fr=sum(c.fr_tokens for c in costs),
                                       en=sum(c.en_tokens for c in costs))
        return paragraph(total, "decodia-count") + table(t["cost_headers"], rows, t["cost_caption"].format(
            tok=names[tokenizer]), {1, 2, 3})

    return Explorer("token-cost", [Choice("tokenizer", t["tokenizer"], TOKENIZERS[lang], default="cl100k")],
                    render, lang, t["cost_title"])


# -- 2. next-word prediction ---------------------------------------------------

PROMPTS = {
    "fr": ["Il fait", "Le chat", "Je prends", "Ma grand-mère", "Ce soir, nous", "La bibliothèque"],
    "en": ["It is", "The cat", "I take", "My grandmother", "Tonight we", "The library"],
}


def _words_label(lang: str, n: int) -> str:
    return T[lang]["words_n" if n == 1 else "words_np"].format(n=n)


def next_word(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(prompt: str, n: int) -> View:
        model = ngram(lang, n + 1)
        ctx = model.context_used(prompt)
        cands = model.next_words(prompt, k=8)
        head = paragraph(t["unseen"]) if not ctx else View("", "")
        caption = t["next_caption"].format(ctx=" ".join(ctx) or "…")
        chart = bars([(c.word, c.probability) for c in cands], caption, lang, t["next_headers"])
        seen = paragraph(t["next_counts"] + ", ".join(f"{c.word} ({c.count})" for c in cands))
        return head + chart + seen

    return Explorer("next-word", [Choice("prompt", t["prompt"], PROMPTS[lang], free_text=True),
                                  Choice("n", t["context"], [(1, _words_label(lang, 1)), (2, _words_label(lang, 2))])],
                    render, lang, t["next_title"])


# -- 3. sampling and temperature ---------------------------------------------

TEMPERATURES = [0.0, 0.3, 0.7, 1.0, 1.5, 2.5]


def temperature(lang: str = "fr") -> Explorer:
    t = T[lang]
    temps = [(x, t["greedy"] if x == 0 else number(x, lang, 1)) for x in TEMPERATURES]

    def render(prompt: str, temperature: float, seed: int) -> View:
        model = ngram(lang, 3)
        dist = model.distribution(prompt, temperature)[:6]
        caption = t["temp_caption"].format(p=prompt, t=number(temperature, lang, 1))
        text = model.generate(prompt, 25, temperature, seed, lang)
        return bars([(c.word, c.probability) for c in dist], caption, lang, t["next_headers"]) + \
            quote(text + " …", t["temp_text"], lang)

    return Explorer("temperature", [Choice("prompt", t["prompt"], PROMPTS[lang][:3], free_text=True),
                                    Choice("temperature", t["temperature"], temps, default=1.0, slider=True),
                                    Choice("seed", t["try"], [1, 2])],
                    render, lang, t["temp_title"])


# -- 4. a small neural model -------------------------------------------------

LETTER_PROMPTS = {"fr": ["le ch", "il fait fr", "la biblioth", "nous mange"],
                  "en": ["the ca", "it is co", "the libra", "we ea"]}


def neural(lang: str = "fr") -> Explorer:
    t = T[lang]
    trained = char_models(lang)

    def render(model: str, prompt: str) -> View:
        m = trained["models"][model]
        guesses = m.predict(prompt, k=5)
        chart = bars([(g.char if g.char != " " else t["space"], g.probability) for g in guesses],
                     t["neural_caption"].format(p=prompt), lang, t["neural_headers"])
        score = paragraph(t["neural_score"].format(acc=percent(trained["accuracy"][model], lang),
                                                   size=number(m.size, lang)))
        return chart + quote(m.generate(prompt, 70, 0.5, seed=1), t["neural_sample"], lang) + score

    return Explorer("neural", [Choice("model", t["model"], [("count", t["count"]), ("mlp", t["mlp"])]),
                               Choice("prompt", t["letters"], LETTER_PROMPTS[lang], free_text=True)],
                    render, lang, t["neural_title"])


# -- 5. from text continuer to chatbot ---------------------------------------

QUESTIONS = {
    "fr": ["Quel temps fait-il aujourd'hui ?", "Comment faire une bonne soupe ?",
           "Quelle est la capitale de l'Australie ?"],
    "en": ["What is the weather like today?", "How do I make a good soup?",
           "What is the capital of Australia?"],
}


def chat(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(question: str, formatted: bool, seed: int) -> View:
        bot = chatbot(lang)
        if formatted:
            ex = bot.answer(question, temperature=0.7, seed=seed)
            prompt, answer = ex.prompt, ex.answer
        else:
            prompt = question
            answer = bot.continue_text(question, 0.7, seed, 25)
        window = " ".join(bot.model.context_used(prompt)) or "…"
        given = View(f'<p><strong>{esc(t["sees"])}</strong></p><pre class="decodia-prompt">{esc(prompt)}</pre>',
                     f'{t["sees"]}:\n{prompt}')
        return given + paragraph(t["window"].format(w=window)) + quote(answer, t["answer"], lang)

    return Explorer("chat", [Choice("question", t["question"], QUESTIONS[lang], free_text=True),
                             Choice("formatted", t["format"], [(True, t["with_format"]), (False, t["without_format"])]),
                             Choice("seed", t["try"], [1, 2])],
                    render, lang, t["chat_title"])
