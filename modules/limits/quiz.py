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
CLEAR_LEAD = 0.05   # at `simple`, the first answer leads the second by at least 5 points of share


def _clear_winner(model, prompt: str, fact, lang: str) -> bool:
    """Whether one answer clearly comes first (no tie such as four answers at 25 % each)."""
    ranked = rank_answers(model, prompt, fact, lang)
    return ranked[0].share - ranked[1].share >= CLEAR_LEAD


def _fair_top(model, prompt: str, fact, lang: str) -> bool:
    """A clear first answer that the prompt does not give away ("… du Québec est" → "Québec")."""
    top = rank_answers(model, prompt, fact, lang)[0].answer
    return _clear_winner(model, prompt, fact, lang) and top.casefold() not in prompt.casefold()


def top_answer(rng, lang: str, level: str) -> dict:
    """Which answer will the model rank first?"""
    if level == "simple":
        n = rng.choice([2, 3])
        f = rng.choice([f for f in facts() if _fair_top(fact_model(lang, n), f.prompts[lang][0], f, lang)])
    else:
        f = rng.choice(facts())
        n = rng.choice([2, 3])
    ranked = rank_answers(fact_model(lang, n), f.prompts[lang][0], f, lang)
    shown = ranked[:3] if level == "simple" else ranked
    top = ranked[0].answer
    order = [r.answer for r in shown]
    rng.shuffle(order)
    if level == "simple":
        prompt = quoted(f.prompts[lang][0] + " …", lang)
        text = {"fr": f"On donne au modèle {prompt}. À quelle réponse donne-t-il la plus grande part ?",
                "en": f"We give the model {prompt}. Which answer gets the biggest share?"}
        if top == f.answer[lang]:
            truth = {"fr": f"Il donne la plus grande part à {quoted(top, lang)}. Cette fois, c'est la bonne réponse. "
                           "Mais probable ne veut pas dire vrai.",
                     "en": f"It gives the biggest share to {quoted(top, lang)}. This time, it is the right answer. "
                           "But likely does not mean true."}
        else:
            truth = {"fr": f"Il donne la plus grande part à {quoted(top, lang)}. Pourtant, la bonne réponse est "
                           f"{quoted(f.answer[lang], lang)}. Probable ne veut pas dire vrai.",
                     "en": f"It gives the biggest share to {quoted(top, lang)}. Yet the right answer is "
                           f"{quoted(f.answer[lang], lang)}. Likely does not mean true."}
        return {"type": "single", "text": {lang: text[lang]},
                "choices": [{"id": f"a{i}", "text": {lang: a}, "correct": a == top} for i, a in enumerate(order)],
                "feedback": {lang: truth[lang]}}
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
    fb = {"fr": f"{wrong} réponse{'s' if wrong > 1 else ''} sur {len(picked)} "
                f"{'sont fausses' if wrong > 1 else 'est fausse'}, même quand le modèle leur donne une grande part.",
          "en": f"{wrong} answer{'' if wrong == 1 else 's'} out of {len(picked)} {'is' if wrong == 1 else 'are'} false, "
                "even when the model gives them a large share."}
    if level == "simple":
        if wrong == 0:
            fb = {"fr": f"Aucune des {len(picked)} réponses n'est fausse, cette fois. Mais probable ne veut pas dire vrai.",
                  "en": f"None of the {len(picked)} answers is false, this time. But likely does not mean true."}
        elif wrong == 1:
            fb = {"fr": f"1 réponse sur {len(picked)} est fausse. Le modèle la classe pourtant en premier.",
                  "en": f"1 answer out of {len(picked)} is false. Yet the model ranks it first."}
        else:
            fb = {"fr": f"{wrong} réponses sur {len(picked)} sont fausses. Le modèle les classe pourtant en premier.",
                  "en": f"{wrong} answers out of {len(picked)} are false. Yet the model ranks them first."}
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
    if level == "simple":
        text = {"fr": "Une phrase secrète est cachée dans les textes du modèle. Elle est fausse. "
                      f"La voici : {quoted(s.sentence, lang)} On la répète plus ou moins souvent. "
                      "Combien de répétitions faut-il, au minimum, pour que le modèle récite le secret ?",
                "en": "A secret sentence is hidden in the model's texts. It is fake. "
                      f"Here it is: {quoted(s.sentence, lang)} It comes back more or less often. "
                      "How many repetitions does the model need, at least, to recite the secret?"}
        fb = {"fr": f"Il faut {first} répétition{'s' if first > 1 else ''}. Plus un renseignement revient souvent, "
                    "plus le modèle risque de le répéter.",
              "en": f"It needs {first} repetition{'s' if first != 1 else ''}. The more a detail comes back, "
                    "the more the model may repeat it."}
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
    if level == "simple":
        example = quoted("2 plus 3 font 5" if lang == "fr" else "2 plus 3 makes 5", lang)
        asked = quoted(f"{a} plus {b} font" if lang == "fr" else f"{a} plus {b} makes", lang)
        text = {"fr": f"Notre modèle a appris les additions avec les nombres de 0 à {largest}. Par exemple : {example}. "
                      f"Il va donner la bonne réponse à {asked}.",
                "en": f"Our model learned the sums with the numbers from 0 to {largest}. For example: {example}. "
                      f"It will give the right answer to {asked}."}
        fb = {"fr": "Le modèle donne la bonne réponse seulement pour les additions déjà vues. "
                    "Devant une addition jamais vue, il répond quand même. Et il se trompe.",
              "en": "The model gives the right answer only for the sums it has seen. "
                    "Faced with a sum it never saw, it answers anyway. And it gets it wrong."}
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
    if level == "simple":
        text = {"fr": f"Le modèle a lu les notes d'un quartier, de {FIRST_YEAR} à {LAST_YEAR}. "
                      "Pour quelle année peut-il connaître la réponse ?",
                "en": f"The model read a neighbourhood's notes, from {FIRST_YEAR} to {LAST_YEAR}. "
                      "For which year can it know the answer?"}
        fb = {"fr": f"Ses notes vont de {FIRST_YEAR} à {LAST_YEAR}. Pour une autre année, il répond quand même. "
                    "Mais il ne peut pas savoir.",
              "en": f"Its notes go from {FIRST_YEAR} to {LAST_YEAR}. For another year, it answers anyway. "
                    "But it cannot know."}
    return {"type": "single", "text": {lang: text[lang]},
            "choices": [{"id": f"y{y}", "text": {lang: str(y)}, "correct": y == good} for y in years],
            "feedback": {lang: fb[lang]}}


def same_answer_reworded(rng, lang: str, level: str) -> dict:
    """Does rewording the question change the model's top answer?"""
    model = fact_model(lang, 3)
    if level == "simple":
        f = rng.choice([f for f in facts() if all(_clear_winner(model, p, f, lang) for p in f.prompts[lang])])
    else:
        f = rng.choice(facts())
    first, second = (rank_answers(model, p, f, lang)[0].answer for p in f.prompts[lang])
    if level == "simple":
        one, two = (quoted(p + " …", lang) for p in f.prompts[lang])
        text = {"fr": f"On pose la même question de deux façons. Première façon : {one}. Deuxième façon : {two}. "
                      "Le modèle donne la plus grande part à la même réponse dans les deux cas.",
                "en": f"We ask the same question in two ways. First way: {one}. Second way: {two}. "
                      "The model gives the biggest share to the same answer both times."}
        if first == second:
            fb = {"fr": f"Les deux façons donnent {quoted(first, lang)}. Mais parfois, d'autres mots changent la réponse.",
                  "en": f"Both ways give {quoted(first, lang)}. But sometimes, other words change the answer."}
        else:
            fb = {"fr": f"Première façon : {quoted(first, lang)}. Deuxième façon : {quoted(second, lang)}. "
                        "Le modèle suit les mots, pas le sens.",
                  "en": f"First way: {quoted(first, lang)}. Second way: {quoted(second, lang)}. "
                        "The model follows the words, not the meaning."}
        return {"type": "truefalse", "answer": first == second, "text": {lang: text[lang]}, "feedback": {lang: fb[lang]}}
    text = {"fr": f"On pose la même question de deux façons : {quoted(f.prompts[lang][0] + ' …', lang)} et "
                  f"{quoted(f.prompts[lang][1] + ' …', lang)}. Le modèle classe-t-il la même réponse en premier ?",
            "en": f"We ask the same question two ways: {quoted(f.prompts[lang][0] + ' …', lang)} and "
                  f"{quoted(f.prompts[lang][1] + ' …', lang)}. Does the model rank the same answer first?"}
    fb = {"fr": f"Première formulation : {quoted(first, lang)}. Deuxième : {quoted(second, lang)}. Le modèle suit les mots, pas le sens.",
          "en": f"First wording: {quoted(first, lang)}. Second: {quoted(second, lang)}. The model follows the words, not the meaning."}
    return {"type": "truefalse", "answer": first == second, "text": {lang: text[lang]}, "feedback": {lang: fb[lang]}}
