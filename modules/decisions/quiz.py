"""Quiz item generators of the module `decisions`, computed from its live models.

Each is `(rng, lang, level) -> dict` of item fields (type, text, answer or choices, feedback) in the language
asked; `quiz.yaml` adds the id, objective, competencies and points. The same `rng` gives the same item. The words
are the lesson's and the demos' ("note de risque", "seuil", "signalé", "signalé à tort", "manqué", "étiquette").
At `simple`, items have at most three choices and short sentences.
"""
from __future__ import annotations

from functools import lru_cache

from core.formats import number, percent

from . import explain as explaining
from .cohort import SIZE, TERMS, THRESHOLD, THRESHOLDS, WEIGHTS, cost, current, outcome, scores, weighed_threshold
from .pygmalion import EFFECTS, simulate
from .review import CAREFUL_MINUTES, MINUTES, TENDENCIES, review

AREA = {"fr": "quartier {}", "en": "neighbourhood {}"}


def flagged_count(rng, lang: str, level: str) -> dict:
    """From a table of risk scores and a threshold, how many students are flagged?"""
    threshold = rng.choice([0.2, 0.3, 0.4])
    s = scores()
    # no score within a point of the threshold: "30 %" shown for 29.7 % would make the item unfair
    near = [i for i in range(len(s)) if 0.05 <= s[i] <= 0.7 and abs(s[i] - threshold) >= 0.01]
    picked = sorted(rng.sample(near, 5 if level == "simple" else 7))
    rows = [[k + 1, percent(s[i], lang)] for k, i in enumerate(picked)]
    flagged = int(sum(s[i] >= threshold for i in picked))
    t = percent(threshold, lang)
    headers = {"fr": ["Élève", "Note de risque"], "en": ["Student", "Risk score"]}[lang]
    text = {"fr": f"L'école signale un élève quand sa note de risque atteint le seuil de {t}. Combien de ces élèves "
                  "sont signalés ?",
            "en": f"The school flags a student when their risk score reaches the threshold of {t}. How many of these "
                  "students are flagged?"}
    fb = {"fr": f"{flagged} élève{'s' if flagged > 1 else ''} sur {len(picked)} {'ont' if flagged > 1 else 'a'} une "
                f"note de {t} ou plus. Le seuil transforme une note en décision : signalé ou non.",
          "en": f"{flagged} student{'' if flagged == 1 else 's'} out of {len(picked)} "
                f"{'has' if flagged == 1 else 'have'} a score of {t} or more. The threshold turns a score into a "
                "decision: flagged or not."}
    return {"type": "numeric", "answer": flagged, "tolerance": 0, "text": {lang: text[lang]},
            "table": {"headers": headers, "rows": rows}, "feedback": {lang: fb[lang]}}


def lower_threshold(rng, lang: str, level: str) -> dict:
    """The school lowers its threshold: what happens to the two kinds of error?"""
    high = rng.choice([0.3, 0.35, 0.4, 0.5])
    low = rng.choice([t for t in THRESHOLDS if t <= high - 0.1])
    a, b = outcome(high), outcome(low)
    th, tl = percent(high, lang), percent(low, lang)
    right = {"fr": "Plus d'élèves signalés à tort, et moins d'élèves manqués.",
             "en": "More students wrongly flagged, and fewer students missed."}
    wrong = [{"fr": "Moins d'élèves signalés à tort, et plus d'élèves manqués.",
              "en": "Fewer students wrongly flagged, and more students missed."},
             {"fr": "Moins d'erreurs des deux sortes.", "en": "Fewer errors of both kinds."}]
    if level != "simple":
        wrong.append({"fr": "Les mêmes erreurs : seul le nombre d'élèves signalés change.",
                      "en": "The same errors: only the number of students flagged changes."})
    text = {"fr": f"Sur {number(SIZE, lang)} élèves, l'école baisse son seuil de {th} à {tl}. Que se passe-t-il ?",
            "en": f"Out of {number(SIZE, lang)} students, the school lowers its threshold from {th} to {tl}. "
                  "What happens?"}
    fb = {"fr": f"Signalés à tort : {a.false_alarms} à {th}, {b.false_alarms} à {tl}. Manqués : {a.missed} à {th}, "
                f"{b.missed} à {tl}. Un seuil plus bas signale plus d'élèves, à tort aussi ; il en manque moins.",
          "en": f"Wrongly flagged: {a.false_alarms} at {th}, {b.false_alarms} at {tl}. Missed: {a.missed} at {th}, "
                f"{b.missed} at {tl}. A lower threshold flags more students, wrongly too; it misses fewer."}
    choices = [{"id": "right", "text": {lang: right[lang]}, "correct": True}]
    choices += [{"id": f"w{k}", "text": {lang: w[lang]}, "correct": False} for k, w in enumerate(wrong)]
    rng.shuffle(choices)
    return {"type": "single", "text": {lang: text[lang]}, "choices": choices, "feedback": {lang: fb[lang]}}


def label_effect(rng, lang: str, level: str) -> dict:
    """With this response to the label, do more or fewer flagged students drop out than if it were ignored?"""
    response = rng.choice(["help", "expect"])
    effect = rng.choice(EFFECTS)
    run, still = simulate(response, effect), simulate("ignore", effect)
    what = {"help": {"fr": "donne plus d'aide aux élèves signalés", "en": "gives more help to the flagged students"},
            "expect": {"fr": "attend moins des élèves signalés", "en": "expects less of the flagged students"}}
    n = run.first_flagged
    if level == "simple":
        text = {"fr": f"L'école reçoit une liste de {n} élèves signalés. Elle {what[response]['fr']}. "
                      "Comparé à une école qui ignore l'étiquette, combien de ces élèves vont décrocher ?",
                "en": f"The school gets a list of {n} flagged students. It {what[response]['en']}. "
                      "Compared with a school that ignores the label, how many of these students will drop out?"}
        options = {"fr": ["Plus d'élèves.", "Moins d'élèves.", "Le même nombre d'élèves."],
                   "en": ["More students.", "Fewer students.", "The same number of students."]}[lang]
    else:
        text = {"fr": f"Notre simulation : {n} élèves sont signalés ; chaque étape, l'école "
                      f"{what[response]['fr']} (effet de {effect} point{'s' if effect > 1 else ''} de moyenne par "
                      f"étape). Après {TERMS} étapes, comparé à l'étiquette ignorée, que devient la note de risque ?",
                "en": f"Our simulation: {n} students are flagged; each term, the school {what[response]['en']} "
                      f"(an effect of {effect} point{'s' if effect > 1 else ''} of average per term). After {TERMS} terms, "
                      "compared with the label ignored, what becomes of the risk score?"}
        options = {"fr": ["Plus d'élèves signalés décrochent : la note semble plus juste.",
                          "Moins d'élèves signalés décrochent : la note semble se tromper plus souvent.",
                          "Rien ne change : une prédiction observe sans agir."],
                   "en": ["More flagged students drop out: the score looks more accurate.",
                          "Fewer flagged students drop out: the score looks wrong more often.",
                          "Nothing changes: a prediction observes without acting."]}[lang]
    correct = 0 if response == "expect" else 1
    fb = {"fr": f"Avec l'étiquette ignorée, {still.dropouts_flagged} élèves signalés décrochent. Ici, "
                f"{run.dropouts_flagged} décrochent ({percent(run.hit_rate, lang)} au lieu de "
                f"{percent(still.hit_rate, lang)}). L'étiquette change ce qu'elle prédit.",
          "en": f"With the label ignored, {still.dropouts_flagged} flagged students drop out. Here, "
                f"{run.dropouts_flagged} drop out ({percent(run.hit_rate, lang)} instead of "
                f"{percent(still.hit_rate, lang)}). The label changes what it predicts."}
    choices = [{"id": f"c{k}", "text": {lang: o}, "correct": k == correct} for k, o in enumerate(options)]
    rng.shuffle(choices)
    return {"type": "single", "text": {lang: text[lang]}, "choices": choices, "feedback": {lang: fb[lang]}}


def _describe(lang: str, feature: str, delta: int) -> str:
    n = abs(delta)
    if feature == "absences":
        if lang == "fr":
            return f"{n} jour{'s' if n > 1 else ''} d'absence {'de moins' if delta < 0 else 'de plus'}"
        return f"{n} {'fewer' if delta < 0 else 'more'} day{'s' if n > 1 else ''} absent"
    if lang == "fr":
        return f"une moyenne plus {'haute' if delta > 0 else 'basse'} de {n} point{'s' if n > 1 else ''}"
    return f"an average {n} point{'s' if n > 1 else ''} {'higher' if delta > 0 else 'lower'}"


@lru_cache(maxsize=None)
def _reversible() -> list:
    """Flagged students (clearly above the threshold) whose flag a few fewer days absent or a few more points of
    average would remove: (student, {clue: Change})."""
    s = scores()
    pool = []
    for i in range(len(s)):
        if THRESHOLD + 0.03 <= s[i] <= 0.6:
            ch = {c.feature: c for c in explaining.explain("logistic", i).changes}
            if ch["absences"].delta is not None and ch["mark"].delta is not None and abs(ch["mark"].delta) >= 3:
                pool.append((i, ch))
        if len(pool) >= 40:
            break
    return pool


def reverse_decision(rng, lang: str, level: str) -> dict:
    """Which single change would remove this student's flag? (the counterfactual, computed on the model)"""
    s = scores()
    i, ch = rng.choice(_reversible())
    c = current()
    feature = rng.choice(["absences", "mark"])
    need = int(ch[feature].delta)
    right = _describe(lang, feature, need)
    too_small = _describe(lang, feature, need // 2 if feature == "mark" else -max(1, abs(need) // 2))
    wrong_way = _describe(lang, feature, -need)
    options = [right, too_small, wrong_way]
    if level != "simple":
        other = "mark" if feature == "absences" else "absences"
        options.append(_describe(lang, other, -int(ch[other].delta)))
    days, mark, moves = int(c.absences[i]), int(c.mark[i]), int(c.moves[i])
    area = AREA[lang].format("AB"[int(c.area[i])])
    t, sc = percent(THRESHOLD, lang), percent(s[i], lang)
    if lang == "fr":
        text = (f"Un élève a {days} jours d'absence, une moyenne de {mark}, {moves} changement{'s' if moves > 1 else ''} "
                f"d'école, et habite le {area}. Sa note de risque est de {sc} ; le seuil est de {t}. Il est signalé. "
                "Quel changement, à lui seul, lui retirerait cette étiquette ?")
        fb = (f"Il faut {right} : la note passe à {percent(ch[feature].score, lang)}, sous le seuil. C'est un "
              "contrefactuel : le plus petit changement qui renverse la décision.")
    else:
        text = (f"A student has {days} days absent, an average of {mark}, {moves} change{'s' if moves != 1 else ''} "
                f"of school, and lives in {area}. Their risk score is {sc}; the threshold is {t}. They are flagged. "
                "Which change, on its own, would remove the label?")
        fb = (f"It takes {right}: the score drops to {percent(ch[feature].score, lang)}, below the threshold. This is "
              "a counterfactual: the smallest change that reverses the decision.")
    if level == "simple":
        fb = ({"fr": f"Il faut {right}. La note passe alors sous le seuil. L'élève n'est plus signalé.",
               "en": f"It takes {right}. The score then goes below the threshold. The student is no longer flagged."}
              [lang])
    choices = [{"id": f"c{k}", "text": {lang: o}, "correct": k == 0} for k, o in enumerate(options)]
    rng.shuffle(choices)
    return {"type": "single", "text": {lang: text}, "choices": choices, "feedback": {lang: fb}}


def surrogate_trust(rng, lang: str, level: str) -> dict:
    """The simple tree agrees with the opaque model for most students: is its explanation right for every one?"""
    agree = percent(explaining.agreement(), lang)
    claim = rng.choice(["every", "most"])
    if level == "simple":
        text = {"every": {"fr": f"Un arbre simple imite une machine compliquée. Il donne la même décision qu'elle pour "
                                f"{agree} des élèves. Son explication est donc juste pour chaque élève.",
                          "en": f"A simple tree imitates a complicated machine. It gives the same decision for "
                                f"{agree} of the students. So its explanation is right for every student."},
                "most": {"fr": f"Un arbre simple imite une machine compliquée. Il donne la même décision qu'elle pour "
                               f"{agree} des élèves. Pour quelques élèves, son explication peut être fausse.",
                         "en": f"A simple tree imitates a complicated machine. It gives the same decision for "
                               f"{agree} of the students. For a few students, its explanation can be wrong."}}
        fb = {"fr": "Une explication simple est une approximation. Pour certains élèves, elle donne une autre "
                    "décision que la machine.",
              "en": "A simple explanation is an approximation. For some students, it gives another decision than the "
                    "machine."}
    else:
        text = {"every": {"fr": f"Un arbre de profondeur 2, entraîné à imiter un modèle de boosting de gradient, donne "
                                f"la même décision que lui pour {agree} des élèves. On peut donc se fier à sa règle "
                                "pour expliquer la décision de n'importe quel élève.",
                          "en": f"A depth-2 tree trained to imitate a gradient-boosting model gives the same decision "
                                f"for {agree} of the students. So its rule can be trusted to explain any student's "
                                "decision."},
                "most": {"fr": f"Un arbre de profondeur 2, entraîné à imiter un modèle de boosting de gradient, donne "
                               f"la même décision que lui pour {agree} des élèves. Pour certains élèves, sa règle "
                               "explique une décision que le modèle n'a pas prise.",
                         "en": f"A depth-2 tree trained to imitate a gradient-boosting model gives the same decision "
                               f"for {agree} of the students. For some students, its rule explains a decision the "
                               "model did not make."}}
        fb = {"fr": f"Un substitut n'est qu'une approximation : son accord ({agree}) se mesure sur l'ensemble, pas pour "
                    "une personne. Dans la démo, l'élève 4 est signalé par le modèle, et l'arbre dit « non signalé ».",
              "en": f"A surrogate is only an approximation: its agreement ({agree}) is measured over everyone, not for "
                    "one person. In the demo, student 4 is flagged by the model, and the tree says \"not flagged\"."}
    return {"type": "truefalse", "answer": claim == "most", "text": {lang: text[claim][lang]},
            "feedback": {lang: fb[lang]}}


BANDS = [(0.0, 0.2), (0.2, 0.5), (0.5, 1.01)]


def errors_caught(rng, lang: str, level: str) -> dict:
    """A reviewer with so many minutes per file: what share of the machine's errors do they catch?"""
    minutes = rng.choice(MINUTES)
    tendency = rng.choice(TENDENCIES)
    r = review(minutes, tendency)
    band = next(k for k, (lo, hi) in enumerate(BANDS) if lo <= r.caught_share < hi)
    labels = {"fr": ["Moins d'une erreur sur 5.", "Entre une erreur sur 5 et une sur 2.", "Plus d'une erreur sur 2."],
              "en": ["Fewer than 1 error in 5.", "Between 1 error in 5 and 1 in 2.", "More than 1 error in 2."]}[lang]
    who = {"low": {"fr": "très expérimentée", "en": "very experienced"},
           "medium": {"fr": "qui a un peu d'expérience", "en": "with some experience"},
           "high": {"fr": "qui a peu d'expérience", "en": "with little experience"}}[tendency][lang]
    if lang == "fr":
        text = (f"Une personne {who} révise les {r.flagged} dossiers signalés. Elle a {minutes} minute"
                f"{'s' if minutes > 1 else ''} par dossier. Quelle part des erreurs de la machine repère-t-elle ?")
        fb = (f"Elle repère {r.caught} des {r.machine_errors} erreurs ({percent(r.caught_share, lang)}). Le biais "
              "d'automatisation et le manque de temps font qu'elle confirme surtout la machine.")
    else:
        text = (f"A reviewer {who} reviews the {r.flagged} flagged files, with {minutes} minute"
                f"{'s' if minutes > 1 else ''} per file. What share of the machine's errors do they catch?")
        fb = (f"They catch {r.caught} of the {r.machine_errors} errors ({percent(r.caught_share, lang)}). Automation "
              "bias and lack of time mean they mostly confirm the machine.")
    if level == "advanced":
        fb += {"fr": f" (Hypothèse de la démo : une vérification soignée prend {CAREFUL_MINUTES} minutes.)",
               "en": f" (The demo's assumption: a careful check takes {CAREFUL_MINUTES} minutes.)"}[lang]
    choices = [{"id": f"b{k}", "text": {lang: lab}, "correct": k == band} for k, lab in enumerate(labels)]
    return {"type": "single", "text": {lang: text}, "choices": choices, "feedback": {lang: fb}}


def missed_never_reviewed(rng, lang: str, level: str) -> dict:
    """Does the reviewer of the flagged files see the students the score missed?"""
    threshold = rng.choice([0.2, 0.3, 0.4])
    o = outcome(threshold)
    t = percent(threshold, lang)
    text = {"fr": f"Au seuil de {t}, la note de risque signale {o.flagged} élèves sur {number(SIZE, lang)} et en "
                  f"manque {o.missed} qui vont décrocher. Une personne révise les dossiers signalés. Elle peut corriger "
                  "l'erreur faite pour les élèves manqués.",
            "en": f"At a threshold of {t}, the risk score flags {o.flagged} students out of {number(SIZE, lang)} and misses "
                  f"{o.missed} who will drop out. A person reviews the flagged files. They can correct the error made "
                  "for the missed students."}
    fb = {"fr": f"Non. La personne voit seulement les {o.flagged} dossiers signalés. Les {o.missed} élèves manqués "
                "n'arrivent jamais jusqu'à elle.",
          "en": f"No. The person sees only the {o.flagged} flagged files. The {o.missed} missed students never reach "
                "them."}
    return {"type": "truefalse", "answer": False, "text": {lang: text[lang]}, "feedback": {lang: fb[lang]}}


def weighed_choice(rng, lang: str, level: str) -> dict:
    """A group weighs the two errors: which threshold does its weighing choose?"""
    if level == "simple":
        text = {"fr": "Un groupe choisit le seuil de la note de risque. Pour lui, manquer un élève qui va décrocher est "
                      "plus grave que signaler un élève à tort. Quel seuil doit-il choisir ?",
                "en": "A group chooses the threshold of the risk score. For them, missing a student who will drop out "
                      "is worse than wrongly flagging a student. Which threshold should they choose?"}
        options = {"fr": ["Un seuil plus bas.", "Un seuil plus haut.", "Le seuil ne change rien aux erreurs."],
                   "en": ["A lower threshold.", "A higher threshold.", "The threshold does not change the errors."]}
        lo, hi = outcome(0.2), outcome(0.4)
        fb = {"fr": f"Un seuil plus bas manque moins d'élèves : {lo.missed} à 20 %, {hi.missed} à 40 %. Mais il en "
                    f"signale plus à tort : {lo.false_alarms} au lieu de {hi.false_alarms}. Choisir, c'est décider qui "
                    "subit quelle erreur.",
              "en": f"A lower threshold misses fewer students: {lo.missed} at 20%, {hi.missed} at 40%. But it "
                    f"wrongly flags more: {lo.false_alarms} instead of {hi.false_alarms}. Choosing means deciding who "
                    "bears which error."}
        choices = [{"id": f"c{k}", "text": {lang: o}, "correct": k == 0} for k, o in enumerate(options[lang])]
        rng.shuffle(choices)
        return {"type": "single", "text": {lang: text[lang]}, "choices": choices, "feedback": {lang: fb[lang]}}
    weight = rng.choice(WEIGHTS)
    chosen = weighed_threshold(weight)
    shown = [0.1, 0.2, 0.3, 0.4, 0.5]
    if chosen not in shown:
        shown = sorted(set(shown[1:]) | {chosen})
    headers = {"fr": ["Seuil", "Signalés à tort", "Manqués"], "en": ["Threshold", "Wrongly flagged", "Missed"]}[lang]
    rows = [[percent(t, lang), outcome(t).false_alarms, outcome(t).missed] for t in shown]
    best = min(reversed(shown), key=lambda t: cost(outcome(t), weight))
    text = {"fr": f"Un groupe décide qu'un élève manqué compte comme {weight} élève{'s' if weight > 1 else ''} "
                  "signalé" + ("s" if weight > 1 else "") + " à tort. Quel seuil du tableau a le plus petit total "
                  f"pondéré (signalés à tort + {weight} × manqués) ?",
            "en": f"A group decides that one missed student counts as much as {weight} wrongly flagged "
                  f"student{'s' if weight > 1 else ''}. Which threshold of the table has the smallest weighed total "
                  f"(wrongly flagged + {weight} × missed)?"}
    totals = ", ".join(f"{percent(t, lang)} : {number(cost(outcome(t), weight), lang, 0)}" if lang == "fr" else
                       f"{percent(t, lang)}: {number(cost(outcome(t), weight), lang, 0)}" for t in shown)
    fb = {"fr": f"Totaux pondérés : {totals}. Le choix du poids est une question de valeurs : c'est au groupe de le "
                "faire, en voyant qui subit chaque erreur.",
          "en": f"Weighed totals: {totals}. Choosing the weight is a question of values: it is for the group to "
                "make, seeing who bears each error."}
    choices = [{"id": f"t{round(100 * t)}", "text": {lang: percent(t, lang)}, "correct": t == best} for t in shown]
    return {"type": "single", "text": {lang: text[lang]}, "choices": choices,
            "table": {"headers": headers, "rows": rows}, "feedback": {lang: fb[lang]}}
