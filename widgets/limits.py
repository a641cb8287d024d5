"""The demos of the module `limits`, ready for a lesson cell: `demo.fluent("fr")`.

The models and their logic live in `modules.limits`; here are the controls, labels and views.
"""
from __future__ import annotations

from core.formats import percent
from core.i18n import N_, gettext, ngettext
from modules import limits as model
from modules.limits.edge import FIRST_YEAR, LAST_YEAR

from .explorer import Choice, Explorer
from .views import View, bars, paragraph, quote, table

# The labels of the model's options, by their key in `modules.limits`.
DATA_SETS = {"both": N_("everyday texts + text about Québec and Canada"),
             "everyday": N_("everyday texts only"), "civics": N_("text about Québec and Canada only")}
KINDS = {"card": N_("health card number (fake)"), "phone": N_("phone number (fake)"), "address": N_("address (fake)")}

CONTEXTS = [2, 3, 4]


def _yes(lang: str, value: bool) -> str:
    return gettext(lang, "yes") if value else gettext(lang, "no")


def _words(lang: str, n: int) -> str:
    return ngettext(lang, "{n} word", "{n} words", n)


def _true_answer(lang: str, f) -> View:
    return paragraph(gettext(lang, "The right answer: {a}.", a=f.answer[lang]))


def fluent(lang: str = "fr") -> Explorer:
    options = [(f.id, f.prompts[lang][0] + " …") for f in model.facts()]
    by_id = {f.id: f for f in model.facts()}

    def render(fact: str, n: int) -> View:
        f, m = by_id[fact], model.fact_model(lang, n)
        prompt = f.prompts[lang][0]
        ranked = model.rank_answers(m, prompt, f, lang)
        rows = [[r.answer, percent(r.share, lang, 1), _yes(lang, r.true)] for r in ranked]
        headers = [gettext(lang, "Answer"), gettext(lang, "Share"), gettext(lang, "True?")]
        return (quote(model.complete(m, prompt, lang), gettext(lang, "What the model writes"), lang)
                + table(headers, rows, gettext(lang, "Share of each answer according to the model"), {1})
                + _true_answer(lang, f))

    return Explorer("fluent", [Choice("fact", gettext(lang, "Start of a sentence"), options),
                               Choice("n", gettext(lang, "Words looked at"), [(n, _words(lang, n - 1)) for n in CONTEXTS],
                                      default=3)],
                    render, lang, gettext(lang, "Fluent does not mean true"))


def audit(lang: str = "fr") -> Explorer:
    def render(data: str) -> View:
        rows = model.audit(model.fact_model(lang, 3, data), lang)
        wrong = [r for r in rows if not r.top.true]
        confident = sum(r.top.share > 0.5 for r in wrong)
        summary = " ".join([
            ngettext(lang, "Out of {questions} questions, the most likely answer is false {n} time ({rate}).",
                     "Out of {questions} questions, the most likely answer is false {n} times ({rate}).",
                     len(wrong), questions=len(rows), rate=percent(model.wrong_rate(rows), lang)),
            ngettext(lang, "{n} of these false answers has a share above 50%.",
                     "{n} of these false answers have a share above 50%.", confident)])
        body = [[r.prompt + " …", r.top.answer, percent(r.top.share, lang, 1), _yes(lang, r.top.true)] for r in rows]
        headers = [gettext(lang, "Start of a sentence"), gettext(lang, "Most likely answer"), gettext(lang, "Share"),
                   gettext(lang, "True?")]
        return (paragraph(summary, "decodia-count")
                + table(headers, body, gettext(lang, "The answer the model ranks first, for each question"), {2}))

    return Explorer("audit", [Choice("data", gettext(lang, "Training data"),
                                     [(d, gettext(lang, DATA_SETS[d])) for d in model.DATA_SETS])],
                    render, lang, gettext(lang, "How many of the most likely answers are false?"))


REPETITIONS = [0, 1, 2, 5, 10, 20]


def secret(lang: str = "fr") -> Explorer:
    def render(kind: str, repetitions: int, n: int) -> View:
        s = model.secret(lang, kind)
        r = model.recall(lang, kind, repetitions, n)
        curve = [(ngettext(lang, "{n} time", "{n} times", k), model.recall(lang, kind, k, n).rate)
                 for k in REPETITIONS]
        exact = gettext(lang, "That is exactly the secret.") if r.exact else gettext(lang, "That is not the secret.")
        return (quote(s.sentence, gettext(lang, "Sentence hidden in the training data"), lang)
                + quote(s.prompt + " …", gettext(lang, "We give the model the start"), lang)
                + quote(r.written, gettext(lang, "It writes"), lang)
                + paragraph(exact, "decodia-count")
                + paragraph(gettext(lang, "Drawing its words at random (temperature 1), it has a {rate} chance of "
                                          "reciting the whole secret.", rate=percent(r.rate, lang)))
                + bars(curve, gettext(lang, "Chance of reciting the whole secret, by number of repetitions"), lang,
                       (gettext(lang, "Repetitions"), gettext(lang, "Chance"))))

    return Explorer("secret", [Choice("kind", gettext(lang, "Detail"), [(k, gettext(lang, KINDS[k])) for k in model.KINDS]),
                               Choice("repetitions", gettext(lang, "Repetitions in the text"), REPETITIONS, default=1,
                                      slider=True),
                               Choice("n", gettext(lang, "Words looked at"), [(n, _words(lang, n - 1)) for n in (2, 3)],
                                      default=3)],
                    render, lang, gettext(lang, "A secret learned by heart"))


def sums(lang: str = "fr") -> Explorer:
    def render(largest: int) -> View:
        r = model.sums_report(lang, largest)
        rows = [[gettext(lang, "{a} plus {b}", a=a, b=b), said, right, _yes(lang, a <= largest and b <= largest)]
                for a, b, said, right in r.examples]
        summary = gettext(lang, "Sums seen in training: {seen} right answers. Sums never seen: {unseen} right answers.",
                          seen=percent(r.seen_accuracy, lang), unseen=percent(r.unseen_accuracy, lang))
        headers = [gettext(lang, "Question"), gettext(lang, "Model's answer"), gettext(lang, "Right answer"),
                   gettext(lang, "Seen?")]
        return paragraph(summary, "decodia-count") + table(headers, rows, gettext(lang, "A few examples"), {1, 2})

    return Explorer("sums", [Choice("largest", gettext(lang, "Numbers learned"),
                                    [(n, gettext(lang, "from 0 to {n}", n=n)) for n in (4, 9, 14)], default=9)],
                    render, lang, gettext(lang, "Sums never seen"))


def cutoff(lang: str = "fr") -> Explorer:
    def render(year: int) -> View:
        a = model.ask_year(lang, year)
        said = paragraph(gettext(lang, "For {y}, the model answers: {a} Park (share of {p}).", y=year, a=a.answer,
                                 p=percent(a.probability, lang)), "decodia-count")
        if a.in_data:
            return said + paragraph(gettext(lang, "This year is in its data. The real answer: {t} Park.", t=a.truth))
        if year > LAST_YEAR:
            note = gettext(lang, "This year is after the end of its data ({last}). It cannot know, but it answers "
                                 "anyway.", last=LAST_YEAR)
        else:
            note = gettext(lang, "This year is before the start of its data ({first}). It cannot know, but it "
                                 "answers anyway.", first=FIRST_YEAR)
        return said + paragraph(note)

    years = list(range(FIRST_YEAR - 1, LAST_YEAR + 4))
    return Explorer("cutoff", [Choice("year", gettext(lang, "Year asked"), years, default=LAST_YEAR + 2, slider=True)],
                    render, lang, gettext(lang, "After the end of the data"))


def rewording(lang: str = "fr") -> Explorer:
    by_id = {f.id: f for f in model.facts()}

    def render(fact: str) -> View:
        f, m = by_id[fact], model.fact_model(lang, 3)
        rows = []
        for prompt in f.prompts[lang]:
            top = model.rank_answers(m, prompt, f, lang)[0]
            rows.append([prompt + " …", top.answer, percent(top.share, lang, 1), _yes(lang, top.true)])
        headers = [gettext(lang, "Wording"), gettext(lang, "Most likely answer"), gettext(lang, "Share"),
                   gettext(lang, "True?")]
        return table(headers, rows, gettext(lang, "Same meaning, different words"), {2}) + _true_answer(lang, f)

    return Explorer("rewording", [Choice("fact", gettext(lang, "Question"),
                                         [(f.id, f.prompts[lang][0] + " …") for f in model.facts()])],
                    render, lang, gettext(lang, "The same question, two wordings"))
