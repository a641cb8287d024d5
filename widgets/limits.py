"""The demos of the module `limits`, ready for a lesson cell: `demo.fluent("fr")`.

The models and their logic live in `modules.limits`; here are the controls, labels and views.
"""
from __future__ import annotations

from core.formats import percent
from modules import limits as model
from modules.limits.edge import FIRST_YEAR, LAST_YEAR

from .explorer import Choice, Explorer
from .views import View, bars, paragraph, quote, table

T = {
    "fr": {
        "yes": "oui", "no": "non", "prompt": "Début de phrase", "context": "Mots regardés",
        "words": "{n} mots", "fluent_title": "Fluide ne veut pas dire vrai",
        "writes": "Ce que le modèle écrit", "shares_caption": "Part de chaque réponse selon le modèle",
        "shares_headers": ("Réponse", "Part"), "true_answer": "La bonne réponse : {a}.",
        "true_col": "Vraie ?", "audit_title": "Combien de réponses les plus probables sont fausses ?",
        "audit_headers": ["Début de phrase", "Réponse la plus probable", "Part", "Vraie ?"],
        "audit_caption": "La réponse que le modèle classe en premier, pour chaque question",
        "data": "Données d'entraînement",
        "data_sets": {"both": "textes de tous les jours + texte sur le Québec et le Canada",
                      "everyday": "textes de tous les jours seulement",
                      "civics": "texte sur le Québec et le Canada seulement"},
        "audit_summary": "Sur {n} questions, la réponse la plus probable est fausse {wrong} fois ({rate}). "
                         "{confident} de ces fausses réponses {verb} une part de plus de 50 %.", "verbs": ("a", "ont"),
        "secret_title": "Un secret appris par cœur", "kind": "Renseignement",
        "kinds": {"card": "numéro d'assurance maladie (faux)", "phone": "numéro de téléphone (faux)",
                  "address": "adresse (fausse)"},
        "repeats": "Répétitions dans le texte", "planted": "Phrase cachée dans les données d'entraînement",
        "given": "On donne au modèle le début", "recites": "Il écrit",
        "exact": "C'est exactement le secret.", "not_exact": "Ce n'est pas le secret.",
        "rate": "En tirant ses mots au hasard (température 1), il a {rate} de chances de réciter le secret en entier.",
        "curve_caption": "Chances de réciter le secret en entier, selon le nombre de répétitions",
        "curve_headers": ("Répétitions", "Chances"), "times": "{n} fois", "time": "{n} fois",
        "sums_title": "Des additions jamais vues", "largest": "Nombres appris",
        "upto": "de 0 à {n}", "sums_summary": "Additions vues à l'entraînement : {seen} de bonnes réponses. "
                                              "Additions jamais vues : {unseen} de bonnes réponses.",
        "sums_headers": ["Question", "Réponse du modèle", "Bonne réponse", "Vue ?"],
        "sums_caption": "Quelques exemples", "plus": "{a} plus {b}",
        "cutoff_title": "Après la fin des données", "year": "Année demandée",
        "cutoff_answer": "Pour {y}, le modèle répond : parc {a} (part de {p}).",
        "in_data": "Cette année fait partie de ses données. La vraie réponse : parc {t}.",
        "after": "Cette année est après la fin de ses données ({last}). Il ne peut pas savoir, mais il répond quand même.",
        "before": "Cette année est avant le début de ses données ({first}). Il ne peut pas savoir, mais il répond quand même.",
        "rewording_title": "La même question, deux formulations", "fact": "Question",
        "rewording_headers": ["Formulation", "Réponse la plus probable", "Part", "Vraie ?"],
        "rewording_caption": "Même sens, mots différents",
    },
    "en": {
        "yes": "yes", "no": "no", "prompt": "Start of a sentence", "context": "Words looked at",
        "words": "{n} words", "fluent_title": "Fluent does not mean true",
        "writes": "What the model writes", "shares_caption": "Share of each answer according to the model",
        "shares_headers": ("Answer", "Share"), "true_answer": "The right answer: {a}.",
        "true_col": "True?", "audit_title": "How many of the most likely answers are false?",
        "audit_headers": ["Start of a sentence", "Most likely answer", "Share", "True?"],
        "audit_caption": "The answer the model ranks first, for each question",
        "data": "Training data",
        "data_sets": {"both": "everyday texts + text about Québec and Canada",
                      "everyday": "everyday texts only", "civics": "text about Québec and Canada only"},
        "audit_summary": "Out of {n} questions, the most likely answer is false {wrong} times ({rate}). "
                         "{confident} of these false answers {verb} a share above 50%.", "verbs": ("has", "have"),
        "secret_title": "A secret learned by heart", "kind": "Detail",
        "kinds": {"card": "health card number (fake)", "phone": "phone number (fake)", "address": "address (fake)"},
        "repeats": "Repetitions in the text", "planted": "Sentence hidden in the training data",
        "given": "We give the model the start", "recites": "It writes",
        "exact": "That is exactly the secret.", "not_exact": "That is not the secret.",
        "rate": "Drawing its words at random (temperature 1), it has a {rate} chance of reciting the whole secret.",
        "curve_caption": "Chance of reciting the whole secret, by number of repetitions",
        "curve_headers": ("Repetitions", "Chance"), "times": "{n} times", "time": "{n} time",
        "sums_title": "Sums never seen", "largest": "Numbers learned",
        "upto": "from 0 to {n}", "sums_summary": "Sums seen in training: {seen} right answers. "
                                                "Sums never seen: {unseen} right answers.",
        "sums_headers": ["Question", "Model's answer", "Right answer", "Seen?"],
        "sums_caption": "A few examples", "plus": "{a} plus {b}",
        "cutoff_title": "After the end of the data", "year": "Year asked",
        "cutoff_answer": "For {y}, the model answers: {a} Park (share of {p}).",
        "in_data": "This year is in its data. The real answer: {t} Park.",
        "after": "This year is after the end of its data ({last}). It cannot know, but it answers anyway.",
        "before": "This year is before the start of its data ({first}). It cannot know, but it answers anyway.",
        "rewording_title": "The same question, two wordings", "fact": "Question",
        "rewording_headers": ["Wording", "Most likely answer", "Share", "True?"],
        "rewording_caption": "Same meaning, different words",
    },
}

CONTEXTS = [2, 3, 4]


def _yes(t, value: bool) -> str:
    return t["yes"] if value else t["no"]


def fluent(lang: str = "fr") -> Explorer:
    t = T[lang]
    options = [(f.id, f.prompts[lang][0] + " …") for f in model.facts()]
    by_id = {f.id: f for f in model.facts()}

    def render(fact: str, n: int) -> View:
        f, m = by_id[fact], model.fact_model(lang, n)
        prompt = f.prompts[lang][0]
        ranked = model.rank_answers(m, prompt, f, lang)
        rows = [[r.answer, percent(r.share, lang, 1), _yes(t, r.true)] for r in ranked]
        return (quote(model.complete(m, prompt, lang), t["writes"], lang)
                + table([t["shares_headers"][0], t["shares_headers"][1], t["true_col"]], rows, t["shares_caption"], {1})
                + paragraph(t["true_answer"].format(a=f.answer[lang])))

    return Explorer("fluent", [Choice("fact", t["prompt"], options),
                               Choice("n", t["context"], [(n, t["words"].format(n=n - 1)) for n in CONTEXTS], default=3)],
                    render, lang, t["fluent_title"])


def audit(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(data: str) -> View:
        rows = model.audit(model.fact_model(lang, 3, data), lang)
        wrong = [r for r in rows if not r.top.true]
        confident = sum(r.top.share > 0.5 for r in wrong)
        summary = t["audit_summary"].format(n=len(rows), wrong=len(wrong), rate=percent(model.wrong_rate(rows), lang),
                                            confident=confident, verb=t["verbs"][confident != 1])
        body = [[r.prompt + " …", r.top.answer, percent(r.top.share, lang, 1), _yes(t, r.top.true)] for r in rows]
        return paragraph(summary, "decodia-count") + table(t["audit_headers"], body, t["audit_caption"], {2})

    return Explorer("audit", [Choice("data", t["data"], [(d, t["data_sets"][d]) for d in model.DATA_SETS])],
                    render, lang, t["audit_title"])


REPETITIONS = [0, 1, 2, 5, 10, 20]


def secret(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(kind: str, repetitions: int, n: int) -> View:
        s = model.secret(lang, kind)
        r = model.recall(lang, kind, repetitions, n)
        curve = [(t["time" if k == 1 else "times"].format(n=k), model.recall(lang, kind, k, n).rate)
                 for k in REPETITIONS]
        return (quote(s.sentence, t["planted"], lang) + quote(s.prompt + " …", t["given"], lang)
                + quote(r.written, t["recites"], lang)
                + paragraph(t["exact"] if r.exact else t["not_exact"], "decodia-count")
                + paragraph(t["rate"].format(rate=percent(r.rate, lang)))
                + bars(curve, t["curve_caption"], lang, t["curve_headers"]))

    return Explorer("secret", [Choice("kind", t["kind"], [(k, t["kinds"][k]) for k in model.KINDS]),
                               Choice("repetitions", t["repeats"], REPETITIONS, default=1, slider=True),
                               Choice("n", t["context"], [(n, t["words"].format(n=n - 1)) for n in (2, 3)], default=3)],
                    render, lang, t["secret_title"])


def sums(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(largest: int) -> View:
        r = model.sums_report(lang, largest)
        rows = [[t["plus"].format(a=a, b=b), said, right, _yes(t, a <= largest and b <= largest)]
                for a, b, said, right in r.examples]
        return (paragraph(t["sums_summary"].format(seen=percent(r.seen_accuracy, lang),
                                                   unseen=percent(r.unseen_accuracy, lang)), "decodia-count")
                + table(t["sums_headers"], rows, t["sums_caption"], {1, 2}))

    return Explorer("sums", [Choice("largest", t["largest"], [(n, t["upto"].format(n=n)) for n in (4, 9, 14)],
                                    default=9)], render, lang, t["sums_title"])


def cutoff(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(year: int) -> View:
        a = model.ask_year(lang, year)
        said = paragraph(t["cutoff_answer"].format(y=year, a=a.answer, p=percent(a.probability, lang)), "decodia-count")
        if a.in_data:
            return said + paragraph(t["in_data"].format(t=a.truth))
        note = t["after"].format(last=LAST_YEAR) if year > LAST_YEAR else t["before"].format(first=FIRST_YEAR)
        return said + paragraph(note)

    years = list(range(FIRST_YEAR - 1, LAST_YEAR + 4))
    return Explorer("cutoff", [Choice("year", t["year"], years, default=LAST_YEAR + 2, slider=True)],
                    render, lang, t["cutoff_title"])


def rewording(lang: str = "fr") -> Explorer:
    t = T[lang]
    by_id = {f.id: f for f in model.facts()}

    def render(fact: str) -> View:
        f, m = by_id[fact], model.fact_model(lang, 3)
        rows = []
        for prompt in f.prompts[lang]:
            top = model.rank_answers(m, prompt, f, lang)[0]
            rows.append([prompt + " …", top.answer, percent(top.share, lang, 1), _yes(t, top.true)])
        return table(t["rewording_headers"], rows, t["rewording_caption"], {2}) + \
            paragraph(t["true_answer"].format(a=f.answer[lang]))

    return Explorer("rewording", [Choice("fact", t["fact"], [(f.id, f.prompts[lang][0] + " …") for f in model.facts()])],
                    render, lang, t["rewording_title"])

