"""The demos of the module `decisions`, ready for a lesson cell: `demo.threshold("fr")`.

The models and their logic live in `modules.decisions`; here are the controls, labels and views.
"""
from __future__ import annotations

import math

from core.formats import number, percent
from core.i18n import N_, gettext, ngettext
from modules.decisions import cohort, pygmalion as labels, review as reviewing
from modules.decisions import explain as explaining

from .explorer import Choice, Explorer
from .views import View, bars, line_chart, paragraph, table

AREAS = {0: N_("Neighbourhood A"), 1: N_("Neighbourhood B")}
RESPONSES = {"help": N_("more help"), "expect": N_("lower expectations")}
MODELS = {"logistic": N_("transparent (logistic regression)"), "boosted": N_("opaque (gradient boosting)")}
TENDENCIES = {"low": N_("low (very experienced reviewer)"), "medium": N_("medium (some experience)"),
              "high": N_("high (little experience)")}
CLUES = {"absences": N_("Days absent"), "mark": N_("Average mark"), "moves": N_("Changes of school"),
         "area": N_("Neighbourhood")}


def _area(lang: str, a) -> str:
    return gettext(lang, AREAS[int(a)])


def _threshold_choice(lang: str, options, default) -> Choice:
    return Choice("threshold", gettext(lang, "Threshold"), [(t, percent(t, lang)) for t in options], default=default,
                  slider=True)


def threshold(lang: str = "fr") -> Explorer:
    def render(threshold: float) -> View:
        o = cohort.outcome(threshold)
        summary = " ".join([
            gettext(lang, "Out of {n} students, {d} will drop out.", n=number(o.students, lang), d=o.dropouts),
            gettext(lang, "At this threshold, the score flags {f} students: {c} of them will drop out, and {w} will "
                          "not (wrongly flagged).", f=o.flagged, c=o.caught, w=o.false_alarms),
            gettext(lang, "It misses {m} students who will drop out.", m=o.missed)])
        alarms = gettext(lang, "False alarms: {n} per 100 flagged students.", n=number(o.false_alarms_per_100, lang, 0))
        ratio = o.flagged_share[1] / o.flagged_share[0] if o.flagged_share[0] else float("inf")
        rows = [[_area(lang, a), percent(o.flagged_share[a], lang), o.false_alarms_by_area[a], o.missed_by_area[a]]
                for a in (0, 1)]
        headers = [gettext(lang, "Neighbourhood"), gettext(lang, "Students flagged"), gettext(lang, "Wrongly flagged"),
                   gettext(lang, "Missed")]
        share = (gettext(lang, "Students of neighbourhood B are flagged {x} times as often as those of "
                               "neighbourhood A.", x=number(ratio, lang, 1)) if ratio != float("inf") else
                 gettext(lang, "Only students of neighbourhood B are flagged."))
        return (paragraph(summary, "decodia-count") + paragraph(alarms)
                + table(headers, rows, gettext(lang, "Who is flagged, wrongly flagged and missed, by neighbourhood"),
                        {1, 2, 3})
                + paragraph(share))

    return Explorer("decisions-threshold", [_threshold_choice(lang, cohort.THRESHOLDS, cohort.THRESHOLD)], render, lang,
                    gettext(lang, "A risk score and its threshold"))


def pygmalion(lang: str = "fr") -> Explorer:
    def render(response: str, effect: int) -> View:
        run, still = labels.simulate(response, effect), labels.simulate("ignore", effect)
        x = list(range(0, len(run.terms)))
        series = [(gettext(lang, RESPONSES[response]), run.per_100), (gettext(lang, "label ignored"), still.per_100)]
        start = gettext(lang, "At the start, the score flags {n} students. It predicts that about {p} of them will "
                              "drop out. If nobody acts on the label, {i} drop out.",
                        n=run.first_flagged, p=number(run.predicted, lang, 0), i=still.dropouts_flagged)
        if response == "help":
            after = gettext(lang, "With more help, {k} drop out: the prediction prevents itself. Afterwards, the score "
                                  "looks wrong more often: {hit} of the flagged students drop out, instead of {base}.",
                            k=run.dropouts_flagged, hit=percent(run.hit_rate, lang), base=percent(still.hit_rate, lang))
        else:
            after = gettext(lang, "With lower expectations, {k} drop out: the prediction fulfils itself. Afterwards, "
                                  "the score looks right more often: {hit} of the flagged students drop out, instead "
                                  "of {base}.",
                            k=run.dropouts_flagged, hit=percent(run.hit_rate, lang), base=percent(still.hit_rate, lang))
        chart = line_chart(x, series, gettext(lang, "Dropouts so far, per 100 students flagged at the start"),
                           gettext(lang, "Term"), gettext(lang, "Dropouts per 100 flagged"), lang)
        return paragraph(start, "decodia-count") + paragraph(after, "decodia-count") + chart

    return Explorer("decisions-pygmalion",
                    [Choice("response", gettext(lang, "What the school does with the label"),
                            [(r, gettext(lang, RESPONSES[r])) for r in RESPONSES]),
                     Choice("effect", gettext(lang, "Size of the effect"),
                            [(e, ngettext(lang, "{n} point of average per term", "{n} points of average per term", e))
                             for e in labels.EFFECTS], default=labels.EFFECT)],
                    render, lang, gettext(lang, "The label that changes the outcome"))


def _value(lang: str, clue: str, v: float) -> str:
    return "AB"[int(v)] if clue == "area" else number(v, lang, 0)


def _signed(lang: str, x: float, digits: int) -> str:
    """A signed number with a true minus sign, as in "−0,10"."""
    return ("−" if round(x, digits) < 0 else "") + number(abs(x), lang, digits)


def _change_text(lang: str, ch) -> str:
    if ch.delta is None:
        return gettext(lang, "no change of this clue is enough")
    n = abs(int(round(ch.delta)))
    if ch.feature == "absences":
        return (ngettext(lang, "{n} fewer day absent", "{n} fewer days absent", n) if ch.delta < 0 else
                ngettext(lang, "{n} more day absent", "{n} more days absent", n))
    if ch.feature == "mark":
        return (ngettext(lang, "average {n} point higher", "average {n} points higher", n) if ch.delta > 0 else
                ngettext(lang, "average {n} point lower", "average {n} points lower", n))
    if ch.feature == "moves":
        return (ngettext(lang, "{n} fewer change of school", "{n} fewer changes of school", n) if ch.delta < 0 else
                ngettext(lang, "{n} more change of school", "{n} more changes of school", n))
    return gettext(lang, "living in neighbourhood {x}", x="AB"[int(ch.new_value)])


def _decision(lang: str, flagged: bool) -> str:
    return gettext(lang, "flagged") if flagged else gettext(lang, "not flagged")


def _condition(lang: str, c) -> str:
    """One test of the surrogate tree, in words. The clues are whole numbers: "above 64.5" is "65 or more"."""
    if c.feature == "area":
        return gettext(lang, "lives in neighbourhood {x}", x="B" if c.above else "A")
    word = gettext(lang, CLUES[c.feature])
    word = word[0].lower() + word[1:]
    return (gettext(lang, "{clue}: {v} or more", clue=word, v=number(math.floor(c.split) + 1, lang, 0)) if c.above
            else gettext(lang, "{clue}: {v} or less", clue=word, v=number(math.floor(c.split), lang, 0)))


def explain(lang: str = "fr") -> Explorer:
    files = explaining.files()

    def render(student: int, model: str) -> View:
        e = explaining.explain(model, student)
        v = e.values
        days, moves = int(v["absences"]), int(v["moves"])
        head = gettext(lang, "Student {k}: {a}, an average of {m}, {c}, {area}. Risk score: {s} ({d}; threshold {t}).",
                       k=files.index(student) + 1, a=ngettext(lang, "{n} day absent", "{n} days absent", days),
                       m=number(v["mark"], lang, 0),
                       c=ngettext(lang, "{n} change of school", "{n} changes of school", moves),
                       area=gettext(lang, "neighbourhood {x}", x="AB"[int(v["area"])]), s=percent(e.score, lang, 1),
                       d=_decision(lang, e.flagged), t=percent(cohort.THRESHOLD, lang))
        headers = [gettext(lang, "Clue"), gettext(lang, "This student"), gettext(lang, "Effect on the score")]
        rows = []
        for clue in cohort.FEATURES:
            effect = (e.score - e.if_average[clue]) * 100
            rows.append([gettext(lang, CLUES[clue]), _value(lang, clue, v[clue]),
                         gettext(lang, "{sign}{n} points", sign="+" if effect >= 0.05 else "−" if effect <= -0.05 else "",
                                 n=number(abs(effect), lang, 1))])
        weighed = table(headers, rows, gettext(lang, "What weighed in this score: each clue compared with an average "
                                                     "value, the other clues unchanged"), {2})
        changes = table([gettext(lang, "Clue"), gettext(lang, "Change that reverses the decision"),
                         gettext(lang, "New score")],
                        [[gettext(lang, CLUES[ch.feature]), _change_text(lang, ch),
                          percent(ch.score, lang, 1) if ch.score is not None else "—"] for ch in e.changes],
                        gettext(lang, "What would have changed the decision (one clue at a time)"), {2})
        small = e.smallest
        smallest = paragraph(gettext(lang, "The smallest change: {c}.", c=_change_text(lang, small)) if small else
                             gettext(lang, "No single change of one clue reverses this decision."))
        fate = (gettext(lang, "In this made-up data, we know what comes next: this student will drop out.")
                if explaining.current().dropout[student] else
                gettext(lang, "In this made-up data, we know what comes next: this student will not drop out."))
        view = paragraph(head, "decodia-count") + paragraph(fate)
        if model == "logistic":
            weights = table([gettext(lang, "Clue"), gettext(lang, "Weight learned")],
                            [[gettext(lang, CLUES[c]), _signed(lang, w, 2)] for c, w in e.weights.items()],
                            gettext(lang, "The model's weights (per day, per point, per change; B rather than A)"), {1})
            return view + weighed + changes + smallest + weights
        rule = " ; ".join(_condition(lang, c) for c in e.surrogate_rule) if lang == "fr" else \
            "; ".join(_condition(lang, c) for c in e.surrogate_rule)
        same = e.surrogate_flagged == e.flagged
        surrogate = " ".join([
            gettext(lang, "This model adds up a hundred small trees: nobody can read it directly. A simple tree imitates "
                          "it, and gives the same decision for {agree} of the students.", agree=percent(e.agreement, lang)),
            gettext(lang, "Its rule for this student: {rule}, so {d}.", rule=rule, d=_decision(lang, e.surrogate_flagged)),
            gettext(lang, "Here, the simple explanation matches the model.") if same else
            gettext(lang, "Here, the simple explanation is wrong: the model itself says {d}.",
                    d=_decision(lang, e.flagged))])
        return view + weighed + changes + smallest + paragraph(surrogate, "decodia-count")

    return Explorer("decisions-explain",
                    [Choice("student", gettext(lang, "Student"),
                            [(s, gettext(lang, "Student {k}", k=k + 1)) for k, s in enumerate(files)]),
                     Choice("model", gettext(lang, "Model"), [(m, gettext(lang, MODELS[m])) for m in explaining.MODELS])],
                    render, lang, gettext(lang, "One decision explained"))


def review(lang: str = "fr") -> Explorer:
    def render(minutes: int, tendency: str) -> View:
        r = reviewing.review(minutes, tendency)
        work = gettext(lang, "The reviewer receives the {f} flagged files; {e} of them are false alarms. With {m} "
                             "minutes per file ({h} hours in all), they can check {k} files carefully and sign the "
                             "others as suggested.",
                       f=r.flagged, e=r.machine_errors, m=minutes, h=number(r.hours, lang, 0), k=r.checked)
        caught = " ".join([
            ngettext(lang, "They catch {n} of the machine's {e} errors ({share}).",
                     "They catch {n} of the machine's {e} errors ({share}).", r.caught, e=r.machine_errors,
                     share=percent(r.caught_share, lang)),
            gettext(lang, "{s} of the final decisions are the machine's suggestion.",
                    s=percent(r.signed_as_suggested, lang))])
        never = gettext(lang, "The {m} students the score missed never reach the reviewer.", m=r.missed_never_seen)
        curve = [(ngettext(lang, "{n} minute", "{n} minutes", m), reviewing.review(m, tendency).caught_share)
                 for m in reviewing.MINUTES]
        return (paragraph(work) + paragraph(caught, "decodia-count") + paragraph(never)
                + bars(curve, gettext(lang, "Share of the machine's errors caught, by minutes per file"), lang,
                       (gettext(lang, "Minutes per file"), gettext(lang, "Errors caught"))))

    return Explorer("decisions-review",
                    [Choice("minutes", gettext(lang, "Minutes per file"),
                            [(m, ngettext(lang, "{n} minute", "{n} minutes", m)) for m in reviewing.MINUTES],
                            default=reviewing.MINUTE, slider=True),
                     Choice("tendency", gettext(lang, "Tendency to accept the machine's suggestion"),
                            [(t, gettext(lang, TENDENCIES[t])) for t in reviewing.TENDENCIES],
                            default=reviewing.TENDENCY)],
                    render, lang, gettext(lang, "A person signs at the end"))


def council(lang: str = "fr") -> Explorer:
    def render(weight: int) -> View:
        chosen = cohort.weighed_threshold(weight)
        rows = []
        for t in cohort.THRESHOLDS:
            o = cohort.outcome(t)
            mark = " ◀" if t == chosen else ""
            rows.append([percent(t, lang) + mark, f"{o.false_alarms_by_area[0]} / {o.false_alarms_by_area[1]}",
                         f"{o.missed_by_area[0]} / {o.missed_by_area[1]}", number(cohort.cost(o, weight), lang, 0)])
        headers = [gettext(lang, "Threshold"), gettext(lang, "Wrongly flagged (A / B)"), gettext(lang, "Missed (A / B)"),
                   gettext(lang, "Weighed total")]
        o = cohort.outcome(chosen)
        summary = " ".join([
            gettext(lang, "With this choice, the threshold with the smallest weighed total is {t}.",
                    t=percent(chosen, lang)),
            gettext(lang, "There, {w} students are wrongly flagged, {wb} of them from neighbourhood B, which has {sb} "
                          "of the students. {m} students are missed, {mb} of them from neighbourhood B.",
                    w=o.false_alarms, wb=o.false_alarms_by_area[1], sb=percent(cohort.SHARE_B, lang), m=o.missed,
                    mb=o.missed_by_area[1])])
        return (paragraph(summary, "decodia-count")
                + table(headers, rows, gettext(lang, "Each threshold: who bears each kind of error (out of {n} "
                                                     "students)", n=number(cohort.SIZE, lang)), {1, 2, 3})
                + paragraph(gettext(lang, "Weighed total: wrongly flagged + {w} × missed. No threshold removes both "
                                          "kinds of error: choosing one means choosing who bears which.", w=weight)))

    return Explorer("decisions-council",
                    [Choice("weight", gettext(lang, "False alarms we accept to avoid one missed student"),
                            cohort.WEIGHTS, default=cohort.WEIGHT)],
                    render, lang, gettext(lang, "Choosing the threshold together"))
