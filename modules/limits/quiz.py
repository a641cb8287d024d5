"""Quiz item generators of the module `limits`, computed from its live models.

Each is `(rng, lang, level) -> dict` of item fields; `quiz.yaml` adds id, objective,
competencies and points.
"""
from __future__ import annotations

from core.formats import percent, quoted

from .edge import FIRST_YEAR, LAST_YEAR
from .facts import audit, fact_model, facts, rank_answers
from .privacy import KINDS, recall, secret

REPETITIONS = [0, 1, 2, 5, 10, 20]


def top_answer(rng, lang: str, level: str) -> dict:
    """Which answer will the model rank first?"""
    f = rng.choice(facts())
    n = rng.choice([2, 3])
    ranked = rank_answers(fact_model(lang, n), f.prompts[lang][0], f, lang)
    shown = ranked[:3] if level == "simple" else ranked
    top = ranked[0].answer
    order = [r.answer for r in shown]
    rng.shuffle(order)
    text = {"fr": f"Notre modèle complète {quoted(f.prompts[lang][0] + ' …', lang)}. Quelle réponse classe-t-il en premier ?",
            "en": f"Our model completes {quoted(f.prompts[lang][0] + ' …', lang)}. Which answer does it rank first?"}
    truth = {"fr": f"Il classe {quoted(top, lang)} en premier ({percent(ranked[0].share, lang)}). La bonne réponse est "
                   f"{quoted(f.answer[lang], lang)} : ce qui est probable pour le modèle n'est pas forcément vrai.",
             "en": f"It ranks {quoted(top, lang)} first ({percent(ranked[0].share, lang)}). The right answer is "
                   f"{quoted(f.answer[lang], lang)}: what is likely for the model is not necessarily true."}
    return {"type": "single", "text": {lang: text[lang]},
            "choices": [{"id": f"a{i}", "text": {lang: a}, "correct": a == top} for i, a in enumerate(order)],
            "feedback": {lang: truth[lang]}}


def count_wrong(rng, lang: str, level: str) -> dict:
    """From an audit table, how many of the model's top answers are false?"""
    n = rng.choice([2, 3, 4])
    rows = audit(fact_model(lang, n), lang)
    picked = rng.sample(rows, 5 if level == "simple" else 7)
    yes, no = {"fr": ("vraie", "fausse"), "en": ("true", "false")}[lang]
    wrong = sum(not r.top.true for r in picked)
    headers = {"fr": ["Début de phrase", "Réponse la plus probable", "La bonne réponse"],
               "en": ["Start of a sentence", "Most likely answer", "Right answer"]}[lang]
    text = {"fr": "Voici les réponses que le modèle classe en premier. Combien sont fausses ?",
            "en": "Here are the answers the model ranks first. How many are false?"}
    fb = {"fr": f"{wrong} réponses sur {len(picked)} sont fausses, même quand le modèle leur donne une grande part.",
          "en": f"{wrong} answers out of {len(picked)} are false, even when the model gives them a large share."}
    return {"type": "numeric", "answer": wrong, "tolerance": 0, "text": {lang: text[lang]},
            "table": {"headers": headers, "rows": [[r.prompt + " …", r.top.answer, r.fact.answer[lang]] for r in picked]},
            "feedback": {lang: fb[lang]}}


def repetitions_needed(rng, lang: str, level: str) -> dict:
    """From a recall table: after how many repetitions does the model recite the secret?"""
    options = [(k, n) for k in KINDS for n in (2, 3)
               if any(recall(lang, k, r, n).exact for r in REPETITIONS)]
    kind, n = rng.choice(options)
    s = secret(lang, kind)
    first = next(r for r in REPETITIONS if recall(lang, kind, r, n).exact)
    yes, no = {"fr": ("oui", "non"), "en": ("yes", "no")}[lang]
    headers = {"fr": ["Répétitions", "Le modèle écrit", "Est-ce le secret ?"],
               "en": ["Repetitions", "The model writes", "Is it the secret?"]}[lang]
    rows = [[r, recall(lang, kind, r, n).written, yes if recall(lang, kind, r, n).exact else no] for r in REPETITIONS]
    text = {"fr": f"Une phrase secrète (fausse) est cachée dans les données d'entraînement : {quoted(s.sentence, lang)} "
                  "On la répète plus ou moins souvent. Dès combien de répétitions le modèle récite-t-il le secret ?",
            "en": f"A (fake) secret sentence is hidden in the training data: {quoted(s.sentence, lang)} "
                  "It is repeated more or less often. From how many repetitions does the model recite the secret?"}
    fb = {"fr": f"Dès {first} répétition{'s' if first > 1 else ''}. Plus un renseignement revient dans les données, "
                "plus le modèle risque de le répéter.",
          "en": f"From {first} repetition{'s' if first != 1 else ''}. The more often a detail appears in the data, "
                "the more likely the model is to repeat it."}
    return {"type": "numeric", "answer": first, "tolerance": 0, "text": {lang: text[lang]},
            "table": {"headers": headers, "rows": rows}, "feedback": {lang: fb[lang]}}


def sum_seen(rng, lang: str, level: str) -> dict:
    """Will the model get this sum right? Only if it saw it."""
    largest = rng.choice([4, 9])
    seen = rng.random() < 0.5
    if seen:
        a, b = rng.randint(0, largest), rng.randint(0, largest)
    else:
        a, b = rng.randint(largest + 1, largest + 10), rng.randint(0, largest + 10)
    text = {"fr": f"Notre modèle a appris toutes les additions de 0 à {largest} ({quoted('2 plus 3 font 5', lang)}). "
                  f"Va-t-il répondre juste à {quoted(f'{a} plus {b} font', lang)} ?",
            "en": f"Our model learned every sum from 0 to {largest} ({quoted('2 plus 3 makes 5', lang)}). "
                  f"Will it answer {quoted(f'{a} plus {b} makes', lang)} correctly?"}
    fb = {"fr": "Il répond juste seulement aux additions qu'il a vues. Devant une addition jamais vue, il répond quand même, "
                "avec assurance, mais au hasard de ses comptes.",
          "en": "It only answers correctly the sums it has seen. Faced with an unseen sum, it still answers, "
                "confidently, but from whatever its counts suggest."}
    return {"type": "truefalse", "answer": seen, "text": {lang: text[lang]}, "feedback": {lang: fb[lang]}}


def trustworthy_year(rng, lang: str, level: str) -> dict:
    """Which year can the notes model know about?"""
    good = rng.randint(FIRST_YEAR, LAST_YEAR)
    bad = rng.sample([y for y in range(LAST_YEAR + 1, LAST_YEAR + 6)] + [FIRST_YEAR - 1, FIRST_YEAR - 2], 2)
    years = [good] + bad
    rng.shuffle(years)
    text = {"fr": f"Le modèle a appris les notes d'un quartier de {FIRST_YEAR} à {LAST_YEAR}. Pour quelle année "
                  "sa réponse peut-elle venir de ses données ?",
            "en": f"The model learned a neighbourhood's notes from {FIRST_YEAR} to {LAST_YEAR}. For which year can its "
                  "answer come from its data?"}
    fb = {"fr": "Hors de ses données, il répond quand même : il ne sait pas qu'il ne sait pas. C'est la date limite "
                "des connaissances.",
          "en": "Outside its data, it answers anyway: it does not know that it does not know. This is the knowledge "
                "cutoff."}
    return {"type": "single", "text": {lang: text[lang]},
            "choices": [{"id": f"y{y}", "text": {lang: str(y)}, "correct": y == good} for y in years],
            "feedback": {lang: fb[lang]}}


def same_answer_reworded(rng, lang: str, level: str) -> dict:
    """Does rewording the question change the model's top answer?"""
    f = rng.choice(facts())
    model = fact_model(lang, 3)
    first, second = (rank_answers(model, p, f, lang)[0].answer for p in f.prompts[lang])
    text = {"fr": f"On pose la même question de deux façons : {quoted(f.prompts[lang][0] + ' …', lang)} et "
                  f"{quoted(f.prompts[lang][1] + ' …', lang)}. Le modèle classe-t-il la même réponse en premier ?",
            "en": f"We ask the same question two ways: {quoted(f.prompts[lang][0] + ' …', lang)} and "
                  f"{quoted(f.prompts[lang][1] + ' …', lang)}. Does the model rank the same answer first?"}
    fb = {"fr": f"Première formulation : {quoted(first, lang)}. Deuxième : {quoted(second, lang)}. Le modèle suit les mots, pas le sens.",
          "en": f"First wording: {quoted(first, lang)}. Second: {quoted(second, lang)}. The model follows the words, not the meaning."}
    return {"type": "truefalse", "answer": first == second, "text": {lang: text[lang]}, "feedback": {lang: fb[lang]}}
