"""Quiz item generators of the module: each computes a fresh variant from the live models.

A generator is `(rng, lang, level) -> dict` of item fields (type, text, choices, answer…);
the bank (`quiz.yaml`) adds its id, objective, competencies and points. The same rng
state always gives the same item.
"""
from __future__ import annotations

import re
from functools import lru_cache

from core.formats import percent, quoted

from .chat import ChatBot
from .ngram import NGramModel
from .text import load_corpus
from .tokens import BPETokenizer


@lru_cache(maxsize=None)
def _bigram(lang: str) -> NGramModel:
    return NGramModel.train(load_corpus(lang), n=2)


@lru_cache(maxsize=None)
def _trigram(lang: str) -> NGramModel:
    return NGramModel.train(load_corpus(lang), n=3)


@lru_cache(maxsize=None)
def _tokenizer() -> BPETokenizer:
    # The course tokenizer trained on the English text, as in the lesson's first demo.
    return BPETokenizer.train(load_corpus("en"), num_merges=600)


@lru_cache(maxsize=None)
def _chatbot(lang: str) -> ChatBot:
    return ChatBot(lang)


# Contexts whose most frequent next word is clear (its count beats the second one).
CONTEXTS = {
    "fr": ["il", "je", "nous", "le", "la", "les", "ma", "mon", "est", "fait", "dans", "pour", "avec", "une"],
    "en": ["it", "i", "we", "the", "my", "is", "to", "in", "and", "on", "a", "of", "at", "for"],
}


def _nested(words) -> bool:
    """Whether a word is part of another (« mère », « grand-mère »): choices must not repeat each other."""
    parts = [set(re.findall(r"\w+", w.lower())) for w in words]
    return any(a < b for a in parts for b in parts)


def _clear_top(lang: str, rng, k: int):
    model = _bigram(lang)
    options = [c for c in CONTEXTS[lang]
               if len(model.next_words([c], k=k)) == k and model.next_words([c], 2)[0].count > model.next_words([c], 2)[1].count
               and not _nested([x.word for x in model.next_words([c], k=k)])]
    word = rng.choice(options)
    return word, model.next_words([word], k=k)


def _table(lang: str, cands) -> dict:
    headers = ["Mot suivant", "Nombre de fois vu"] if lang == "fr" else ["Next word", "Times seen"]
    return {"headers": headers, "rows": [[c.word, c.count] for c in cands]}


def next_word_from_counts(rng, lang: str, level: str) -> dict:
    """A small count table; which word does the model predict?"""
    k = 3 if level == "simple" else 4
    word, cands = _clear_top(lang, rng, k)
    order = list(cands)
    rng.shuffle(order)
    text = {
        "fr": {"simple": f"Notre modèle a compté les mots vus après {quoted(word, lang)}. Quel mot va-t-il proposer en premier ?",
               "standard": f"Voici ce que notre modèle a compté après {quoted(word, lang)} dans son texte d'entraînement. "
                           "Quel mot prédit-il le plus probablement ?",
               "advanced": f"Table des comptes du modèle bigramme pour le contexte {quoted(word, lang)}. "
                           "Quel mot maximise P(mot | contexte) ?"},
        "en": {"simple": f"Our model counted the words it saw after {quoted(word, lang)}. Which word will it suggest first?",
               "standard": f"Here is what our model counted after {quoted(word, lang)} in its training text. "
                           "Which word does it predict as most likely?",
               "advanced": f"Count table of the bigram model for the context {quoted(word, lang)}. "
                           "Which word maximises P(word | context)?"},
    }
    right = cands[0].word
    fb_right = {"fr": "Oui : c'est le mot vu le plus souvent, donc le plus probable.",
                "en": "Yes: it is the word seen most often, so the most likely one."}
    fb_wrong = {"fr": "Non : regardez la colonne des comptes. Le mot le plus vu est le plus probable.",
                "en": "No: look at the counts. The word seen most often is the most likely."}
    return {
        "type": "single",
        "text": {lang: text[lang]},
        "table": _table(lang, order),
        "choices": [{"id": f"w{i}", "text": {lang: c.word}, "correct": c.word == right,
                     "feedback": {lang: (fb_right if c.word == right else fb_wrong)[lang]}}
                    for i, c in enumerate(order)],
        "feedback": {lang: {"fr": f"Après {quoted(word, lang)}, le modèle a vu {quoted(right, lang)} {cands[0].count} fois.",
                            "en": f"After {quoted(word, lang)}, the model saw {quoted(right, lang)} {cands[0].count} times."}[lang]},
    }


def _times(count: int, lang: str) -> str:
    if lang == "fr":
        return f"{count} fois"
    return f"{count} {'time' if count == 1 else 'times'}"


def _out_of(count: int, total: int, lang: str) -> str:
    """« 16 fois sur 66 », "16 times out of 66": a share said the way the simple lesson says it."""
    return f"{_times(count, lang)} {'sur' if lang == 'fr' else 'out of'} {total}"


def _share_choice(lang: str, word: str, target, total: int) -> dict:
    """The simple level: the lesson teaches a probability as a share of the times, not how to compute a percent.

    Each choice shares one number with each other choice, so that no choice stands out as the one
    in the middle: the share of the other words (50 out of 66) and the word against the others (16 out of 50).
    """
    count, others = target.count, total - target.count
    w, t = quoted(word, lang), quoted(target.word, lang)
    if others != count:
        mixes = [("others", (others, total)), ("against", (count, others))]
    else:  # a word seen exactly half the time: the count read as a percent instead
        mixes = [("percent", (count, 100)), ("double", (count, 2 * total))]
    why = {"fr": {"others": f"Non. {_out_of(others, total, lang)}, c'est la part des autres mots.",
                  "against": f"Non. On compare {t} à tous les mots vus après {w}, soit {total} mots.",
                  "percent": f"Non. On compare {t} aux {total} mots vus après {w}, pas à 100.",
                  "double": f"Non. Le modèle a vu {total} mots après {w}, pas {2 * total}."},
           "en": {"others": f"No. {_out_of(others, total, lang)} is the share of the other words.",
                  "against": f"No. {t} is compared with all the words seen after {w}: {total} words.",
                  "percent": f"No. {t} is compared with the {total} words seen after {w}, not with 100.",
                  "double": f"No. The model saw {total} words after {w}, not {2 * total}."}}[lang]
    # Every number of the right answer and of the mix-ups is in the stem: none stands out as new.
    text = {"fr": f"Après {w}, le modèle a vu {total} mots en tout. Il a vu {t} {_times(count, lang)}. "
                  f"Il a vu d'autres mots {_times(others, lang)}. Quelle est la probabilité de {t} ?",
            "en": f"After {w}, the model saw {total} words in all. It saw {t} {_times(count, lang)}. "
                  f"It saw other words {_times(others, lang)}. What is the probability of {t}?"}
    fb = {"fr": f"{_out_of(count, total, lang)}. La probabilité, c'est la part des fois où {t} est venu après {w}.",
          "en": f"{_out_of(count, total, lang)}. The probability is the share of the times {t} came after {w}."}
    right = {"fr": "Oui. C'est la part des fois où ce mot est venu.", "en": "Yes. It is the share of the times this word came."}
    return {
        "type": "single", "text": {lang: text[lang]},
        "choices": [{"id": "share", "text": {lang: _out_of(count, total, lang)}, "correct": True,
                     "feedback": {lang: right[lang]}}]
                   + [{"id": cid, "text": {lang: _out_of(*pair, lang)}, "correct": False, "feedback": {lang: why[cid]}}
                      for cid, pair in mixes],
        "feedback": {lang: fb[lang]},
    }


def probability_from_counts(rng, lang: str, level: str) -> dict:
    """A count table; what probability does the model give a word (in percent)?"""
    word, cands = _clear_top(lang, rng, 3)
    model = _bigram(lang)
    all_cands = model.next_words([word])
    total = sum(c.count for c in all_cands)
    target = rng.choice(cands)
    rounded = round(100 * target.count / total)
    text = {
        "fr": {"simple": f"Après {quoted(word, lang)}, le modèle a vu {total} mots en tout. Il a vu {quoted(target.word, lang)} "
                         f"{target.count} fois. Quelle part des cas, en pour cent ? Arrondissez à l'unité.",
               "standard": f"Après {quoted(word, lang)}, le modèle a vu {total} mots suivants en tout, dont "
                           f"{quoted(target.word, lang)} {target.count} fois. Quelle probabilité donne-t-il à "
                           f"{quoted(target.word, lang)} ? Répondez en pour cent, arrondi à l'unité.",
               "advanced": f"Le contexte {quoted(word, lang)} a été suivi de {total} mots dans le corpus, dont "
                           f"{quoted(target.word, lang)} {target.count} fois. Donnez P({target.word} | {word}) en pour cent, "
                           "arrondi à l'unité."},
        "en": {"simple": f"After {quoted(word, lang)}, the model saw {total} words in all. It saw {quoted(target.word, lang)} "
                         f"{target.count} times. What share of the cases is that, in percent? Round to a whole number.",
               "standard": f"After {quoted(word, lang)}, the model saw {total} next words in all, {quoted(target.word, lang)} "
                           f"{target.count} times. What probability does it give {quoted(target.word, lang)}? "
                           "Answer in percent, rounded to a whole number.",
               "advanced": f"The context {quoted(word, lang)} was followed by {total} words in the corpus, "
                           f"{quoted(target.word, lang)} {target.count} times. Give P({target.word} | {word}) in percent, "
                           "rounded to a whole number."},
    }
    if level == "simple":
        return _share_choice(lang, word, target, total)
    return {
        "type": "numeric", "answer": rounded, "tolerance": 1,
        "text": {lang: text[lang]},
        "feedback": {lang: {"fr": f"{target.count} ÷ {total} ≈ {percent(target.count / total, lang)} : "
                                  "la probabilité est la part des fois où ce mot a suivi.",
                            "en": f"{target.count} ÷ {total} ≈ {percent(target.count / total, lang)}: "
                                  "the probability is the share of times this word came next."}[lang]},
    }


def greedy_next_word(rng, lang: str, level: str) -> dict:
    """At temperature 0, which word comes next?"""
    word, cands = _clear_top(lang, rng, 3)
    order = list(cands)
    rng.shuffle(order)
    right = _bigram(lang).distribution([word], 0)[0].word
    text = {
        "fr": {"simple": f"La température est à 0. Après {quoted(word, lang)}, quel mot le modèle choisit-il ?",
               "standard": f"À la température 0, après {quoted(word, lang)}, quel mot le modèle écrit-il ? "
                           "Le tableau donne ses comptes.",
               "advanced": f"Échantillonnage à T = 0 dans le contexte {quoted(word, lang)} (comptes ci-dessous). "
                           "Quel mot est tiré ?"},
        "en": {"simple": f"The temperature is 0. After {quoted(word, lang)}, which word does the model pick?",
               "standard": f"At temperature 0, after {quoted(word, lang)}, which word does the model write? "
                           "The table gives its counts.",
               "advanced": f"Sampling at T = 0 in the context {quoted(word, lang)} (counts below). Which word is drawn?"},
    }
    fb = {"fr": "À 0, le modèle prend toujours le mot le plus probable, sans tirage au sort.",
          "en": "At 0, the model always takes the most likely word, with no random draw."}
    return {
        "type": "single", "text": {lang: text[lang]}, "table": _table(lang, order),
        "choices": [{"id": f"w{i}", "text": {lang: c.word}, "correct": c.word == right} for i, c in enumerate(order)],
        "feedback": {lang: fb[lang]},
    }


PROMPTS = {"fr": ["Il fait", "Le chat", "Je prends", "Ma grand-mère", "Ce soir"],
           "en": ["It is", "The cat", "I take", "My grandmother", "Tonight"]}


def which_temperature(rng, lang: str, level: str) -> dict:
    """A real continuation: was it written at temperature 0 or 2.5?"""
    model = _trigram(lang)
    prompt = rng.choice(PROMPTS[lang])
    hot = rng.random() < 0.5
    temperature = 2.5 if hot else 0.0
    seed = rng.randrange(10_000)
    written = model.generate(prompt, 18, temperature, seed, lang)
    t25 = "2,5" if lang == "fr" else "2.5"
    text = {
        "fr": f"Notre modèle a écrit ce texte : {quoted(written + ' …', lang)} À quelle température ?",
        "en": f"Our model wrote this text: {quoted(written + ' …', lang)} At which temperature?",
    }
    fb = {"fr": "À 0, le texte suit toujours le mot le plus fréquent : il est prudent et se répète. "
                "À 2,5, des mots rares arrivent et le texte part dans tous les sens.",
          "en": "At 0, the text always follows the most frequent word: it is careful and repeats itself. "
                "At 2.5, rare words come in and the text wanders everywhere."}
    return {
        "type": "single", "text": {lang: text[lang]},
        "choices": [{"id": "t0", "text": {lang: "0"}, "correct": not hot},
                    {"id": "t25", "text": {lang: t25}, "correct": hot}],
        "feedback": {lang: fb[lang]},
    }


SENTENCES = {"fr": ["Le chat dort.", "Il neige ce matin.", "Je lis un livre.", "Nous prenons l'autobus.",
                    "La soupe est chaude."],
             "en": ["The cat sleeps.", "It snows this morning.", "I read a book.", "We take the bus.",
                    "The soup is hot."]}


def count_tokens(rng, lang: str, level: str) -> dict:
    """How many tokens does the course tokenizer make of a sentence?"""
    sentence = rng.choice(SENTENCES[lang])
    pieces = _tokenizer().encode(sentence)
    shown = " ".join(f"[{p}]" for p in pieces)
    text = {
        "fr": {"simple": f"Notre découpeur coupe la phrase {quoted(sentence, lang)} ainsi : {shown}. Combien de jetons ?",
               "standard": f"Notre découpeur (entraîné sur le texte anglais) découpe {quoted(sentence, lang)} en : "
                           f"{shown}. Combien de jetons cela fait-il ?",
               "advanced": f"Le découpeur BPE du cours (600 fusions, texte anglais) produit pour {quoted(sentence, lang)} "
                           f"les jetons : {shown}. Combien de jetons ?"},
        "en": {"simple": f"Our tokenizer cuts the sentence {quoted(sentence, lang)} like this: {shown}. How many tokens?",
               "standard": f"Our tokenizer (trained on the English text) cuts {quoted(sentence, lang)} into: {shown}. "
                           "How many tokens is that?",
               "advanced": f"The course BPE tokenizer (600 merges, English text) gives for {quoted(sentence, lang)} the "
                           f"tokens: {shown}. How many tokens?"},
    }
    return {
        "type": "numeric", "answer": len(pieces), "tolerance": 0, "text": {lang: text[lang]},
        "feedback": {lang: {"fr": f"Il y a {len(pieces)} jetons. Chaque morceau compte, la ponctuation aussi.",
                            "en": f"There are {len(pieces)} tokens. Every piece counts, punctuation too."}[lang]},
    }


QUESTIONS = {"fr": ["Quel temps fait-il aujourd'hui ?", "Comment faire une bonne soupe ?",
                    "Quelle est la capitale de l'Australie ?", "Où est la bibliothèque ?"],
             "en": ["What is the weather like today?", "How do I make a good soup?",
                    "What is the capital of Australia?", "Where is the library?"]}


def context_window(rng, lang: str, level: str) -> dict:
    """Which words does our chatbot really look at before answering?"""
    bot = _chatbot(lang)
    question = rng.choice(QUESTIONS[lang])
    seen = " ".join(bot.model.context_used(bot.prompt_for(question)))
    last = question.rstrip(" ?").split()[-1].lower()
    whole = {"fr": "Toute la question", "en": "The whole question"}[lang]  # not the question's text: it holds the last word
    choices = [("seen", seen, True), ("question", whole, False), ("last", f"{last} ?", False)]
    if level != "simple":
        choices.append(("all", {"fr": "Toute la conversation depuis le début", "en": "The whole conversation from the start"}[lang], False))
    order = list(choices)
    rng.shuffle(order)
    text = {"fr": f"On demande à notre robot : {quoted(question, lang)} Quels mots regarde-t-il pour choisir le premier mot qu'il écrit ?",
            "en": f"We ask our chatbot: {quoted(question, lang)} Which words does it look at to choose the first word it writes?"}
    fb = {"fr": f"Notre modèle ne regarde que les deux derniers mots, {quoted(seen, lang)}. La question elle-même ne compte pas.",
          "en": f"Our model only looks at the last two words, {quoted(seen, lang)}. The question itself does not count."}
    return {
        "type": "single", "text": {lang: text[lang]},
        "choices": [{"id": cid, "text": {lang: t}, "correct": ok} for cid, t, ok in order],
        "feedback": {lang: fb[lang]},
    }
