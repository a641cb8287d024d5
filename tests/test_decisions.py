"""Unit tests of the `decisions` live models: a risk score and its threshold, the label that changes the outcome,
one decision explained (and a surrogate's limits), the rushed reviewer, the threshold chosen together."""
import random
import re

import numpy as np
import pytest

from modules.decisions import cohort, quiz
from modules.decisions import explain as explaining
from modules.decisions import pygmalion, review
from widgets import decisions as demo

DEMOS = ["threshold", "pygmalion", "explain", "review", "council"]


def test_the_cohorts_are_synthetic_reproducible_and_neighbourhood_adds_no_risk_of_its_own():
    a, b = cohort.cohort(2, cohort.SIZE), cohort.current()
    assert all((getattr(a, f) == getattr(b, f)).all() for f in ("absences", "mark", "moves", "area", "dropout"))
    assert 0.1 < b.dropout.mean() < 0.2 and 0.35 < b.area.mean() < 0.45
    # the true chance depends on absences, mark and moves only: the neighbourhood is not one of its inputs
    assert cohort.dropout_probability.__code__.co_varnames[:3] == ("absences", "mark", "moves")
    assert cohort.dropout_probability.__code__.co_argcount == 3
    # yet B's students drop out more often (more obstacles), so the model learns a weight for the neighbourhood
    assert b.dropout[b.area == 1].mean() > b.dropout[b.area == 0].mean()
    w = cohort.coefficients()
    assert w["absences"] > 0 and w["mark"] < 0 and w["moves"] > 0 and w["area"] > 0.05


def test_the_score_ranks_students_better_than_chance():
    from sklearn.metrics import roc_auc_score

    c = cohort.current()
    assert roc_auc_score(c.dropout, cohort.scores(c)) > 0.75


def test_the_threshold_trades_wrongly_flagged_against_missed():
    outs = [cohort.outcome(t) for t in cohort.THRESHOLDS]
    for o in outs:
        assert o.caught + o.false_alarms == o.flagged
        assert o.caught + o.missed == o.dropouts
        assert sum(o.false_alarms_by_area.values()) == o.false_alarms and sum(o.missed_by_area.values()) == o.missed
    flagged, alarms, missed = ([getattr(o, k) for o in outs] for k in ("flagged", "false_alarms", "missed"))
    assert flagged == sorted(flagged, reverse=True) and alarms == sorted(alarms, reverse=True)
    assert missed == sorted(missed)
    # neighbourhood B is flagged more often at every threshold, and wrongly flagged more often at the default
    assert all(o.flagged_share[1] > o.flagged_share[0] for o in outs)
    d = cohort.outcome()
    assert d.wrongly_flagged_share[1] > 2 * d.wrongly_flagged_share[0]


def test_the_weighed_threshold_is_the_cheapest_and_falls_as_missing_counts_more():
    chosen = [cohort.weighed_threshold(w) for w in cohort.WEIGHTS]
    assert chosen == sorted(chosen, reverse=True) and chosen[0] > chosen[-1]
    for w, t in zip(cohort.WEIGHTS, chosen):
        assert cohort.cost(cohort.outcome(t), w) == min(cohort.cost(cohort.outcome(x), w) for x in cohort.THRESHOLDS)
    assert cohort.weighed_threshold(cohort.WEIGHT) == cohort.THRESHOLD   # the demos agree on their default


def test_the_label_changes_the_outcome_in_both_directions():
    still = pygmalion.simulate("ignore")
    for effect in pygmalion.EFFECTS:
        assert pygmalion.simulate("ignore", effect).terms == still.terms      # no action, no effect
        helped, lowered = pygmalion.simulate("help", effect), pygmalion.simulate("expect", effect)
        assert helped.dropouts_flagged < still.dropouts_flagged < lowered.dropouts_flagged
        assert helped.hit_rate < still.hit_rate < lowered.hit_rate    # the score looks wrong / right afterwards
        # only the flagged students are treated: the others' dropouts do not move
        assert helped.terms[-1].dropouts_others == still.terms[-1].dropouts_others == lowered.terms[-1].dropouts_others
    effects = [pygmalion.simulate("expect", e).dropouts_flagged for e in pygmalion.EFFECTS]
    assert effects == sorted(effects)
    for run in (still, pygmalion.simulate("help")):
        per_100 = run.per_100
        assert per_100[0] == 0 and per_100 == sorted(per_100) and len(run.terms) == cohort.TERMS + 1
    assert still.first_flagged == cohort.outcome().flagged
    with pytest.raises(ValueError):
        pygmalion.simulate("shrug")


def test_the_prediction_without_action_is_close_to_what_happens():
    still = pygmalion.simulate("ignore")
    assert abs(still.dropouts_flagged - still.predicted) < 0.15 * still.first_flagged


@pytest.mark.parametrize("name", explaining.MODELS)
def test_each_counterfactual_really_flips_the_decision_and_is_the_smallest_step(name):
    for student in explaining.files():
        e = explaining.explain(name, student)
        row = cohort.current().features()[student]
        for ch in e.changes:
            if ch.delta is None:
                continue
            j = cohort.FEATURES.index(ch.feature)
            moved = row.copy()
            moved[j] = ch.new_value
            assert (explaining.score_of(name, moved)[0] >= cohort.THRESHOLD) != e.flagged
            if ch.feature != "area" and abs(ch.delta) > 1:       # one step less is not enough
                moved[j] = ch.new_value - np.sign(ch.delta)
                assert (explaining.score_of(name, moved)[0] >= cohort.THRESHOLD) == e.flagged
        assert e.smallest is None or e.smallest in e.changes


def test_the_four_files_make_their_point():
    first, second, third, fourth = explaining.files()
    c = cohort.current()
    assert explaining.explain("logistic", first).flagged and not c.dropout[first]
    e2 = explaining.explain("logistic", second)
    assert e2.flagged and c.area[second] == 1 and e2.changes[3].score < cohort.THRESHOLD      # the proxy alone
    e3 = explaining.explain("logistic", third)
    assert not e3.flagged and c.dropout[third]                                               # missed
    e4 = explaining.explain("boosted", fourth)
    assert e4.flagged and e4.surrogate_flagged is False                                      # the surrogate is wrong


def test_the_surrogate_is_a_readable_approximation_with_its_agreement_measured():
    x = cohort.current().features()
    truth = explaining.score_of("boosted", x) >= cohort.THRESHOLD
    assert explaining.agreement() == pytest.approx(np.mean(explaining.surrogate().predict(x) == truth))
    assert 0.85 < explaining.agreement() < 1
    assert explaining.surrogate().get_depth() <= explaining.SURROGATE_DEPTH
    for i in range(0, 200, 7):
        rule, flagged = explaining.surrogate_path(x[i])
        assert 1 <= len(rule) <= explaining.SURROGATE_DEPTH and flagged == bool(explaining.surrogate().predict(x[i:i + 1])[0])


def test_logistic_weights_are_the_model_s():
    e = explaining.explain("logistic", explaining.files()[0])
    assert e.weights == pytest.approx(cohort.coefficients())
    assert explaining.explain("boosted", explaining.files()[0]).weights is None


def test_the_rushed_reviewer_mostly_confirms_the_machine():
    d = cohort.outcome()
    for t in review.TENDENCIES:
        caught = [review.review(m, t).caught for m in review.MINUTES]
        assert caught == sorted(caught)
        full = review.review(max(review.MINUTES), t)
        assert full.caught == round(d.false_alarms * (1 - review.ACCEPT_WRONG[t]))   # the ceiling: time is no cure
        assert full.caught_share < 0.5
    shares = [review.review(review.CAREFUL_MINUTES, t).caught_share for t in review.TENDENCIES]
    assert shares == sorted(shares, reverse=True)          # low tendency to accept catches the most
    r = review.review()
    assert r.flagged == d.flagged and r.machine_errors == d.false_alarms and r.missed_never_seen == d.missed
    assert r.signed_as_suggested > 0.9 and r.hours == pytest.approx(d.flagged * review.MINUTE / 60)
    with pytest.raises(ValueError):
        review.review(5, "reckless")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", DEMOS)
def test_every_demo_has_three_faces_and_is_deterministic(name, lang):
    e = getattr(demo, name)(lang)
    bundle = e._repr_mimebundle_()
    assert {"text/html", "text/plain", "application/vnd.jupyter.widget-view+json"} <= set(bundle[0] if isinstance(
        bundle, tuple) else bundle)
    again = getattr(demo, name)(lang)
    assert e.view(e.default).text == again.view(again.default).text
    assert len({e.view(k).html for k in e.grid()}) >= 2


def _plain(name: str, lang: str) -> str:
    e = getattr(demo, name)(lang)
    return e.view(e.default).text


def test_print_faces_state_the_default_numbers_in_each_language():
    d = cohort.outcome()
    fr, en = _plain("threshold", "fr"), _plain("threshold", "en")
    assert f"Sur 1\u00a0000 élèves, {d.dropouts} vont décrocher." in fr
    assert f"Out of 1,000 students, {d.dropouts} will drop out." in en
    assert f"la note de risque signale {d.flagged} élèves" in fr and f"{d.false_alarms} ne décrocheront pas" in fr
    h = pygmalion.simulate("help")
    assert f"Avec plus d'aide, {h.dropouts_flagged} décrochent" in _plain("pygmalion", "fr")
    r = review.review()
    assert f"They catch {r.caught} of the machine's {r.machine_errors} errors" in _plain("review", "en")
    assert "Fausses alertes acceptées" not in _plain("council", "fr")        # a control's label is not in the view
    assert re.search(r"le seuil qui a le plus petit total pondéré est 30\u00a0%", _plain("council", "fr"))


def test_the_opaque_model_s_view_shows_the_surrogate_and_where_it_is_wrong():
    e = demo.explain("en")
    fourth = next(k for k in e.grid() if k == (3, 1))
    text = e.view(fourth).text
    assert "gives the same decision for 96% of the students" in text
    assert "the simple explanation is wrong: the model itself says flagged" in text


GENERATORS = ["flagged_count", "lower_threshold", "weighed_choice", "label_effect", "reverse_decision",
              "surrogate_trust", "errors_caught", "missed_never_reviewed"]


@pytest.mark.parametrize("name", GENERATORS)
def test_generated_items_are_reproducible_fair_and_right(name):
    gen = getattr(quiz, name)
    for seed in range(4):
        for lang in ("fr", "en"):
            for level in ("simple", "standard", "advanced"):
                item = gen(random.Random(seed), lang, level)
                assert item == gen(random.Random(seed), lang, level)
                assert item["text"][lang] and item["feedback"][lang]
                if item["type"] == "single":
                    assert sum(c["correct"] for c in item["choices"]) == 1
                    assert len({c["text"][lang] for c in item["choices"]}) == len(item["choices"])
                    if level == "simple":
                        assert len(item["choices"]) <= 3


def test_the_flagged_count_item_counts_what_its_table_shows():
    for seed in range(10):
        item = quiz.flagged_count(random.Random(seed), "en", "standard")
        t = int(re.search(r"threshold of (\d+)%", item["text"]["en"]).group(1))
        shown = [int(r[1].rstrip("%")) for r in item["table"]["rows"]]
        assert item["answer"] == sum(v >= t for v in shown)


def test_the_counterfactual_item_s_right_answer_is_the_model_s():
    for seed in range(6):
        item = quiz.reverse_decision(random.Random(seed), "en", "advanced")
        right = next(c["text"]["en"] for c in item["choices"] if c["correct"])
        assert right in item["feedback"]["en"]


@pytest.mark.parametrize("name", DEMOS)
def test_the_live_face_reruns_the_model_when_a_control_changes(name):
    e = getattr(demo, name)("en")
    box = e.live()
    control, out = next(w for w in box.children if hasattr(w, "options")), box.children[-1]
    before = out.value
    last = control.options[-1]
    control.value = last[1] if isinstance(last, tuple) else last
    assert out.value != before
    setting = {c.name: c.pairs[i][0] for c, i in zip(e.controls, e.default)}
    setting[e.controls[0].name] = e.controls[0].pairs[-1][0]
    assert e.render(**setting).html in out.value
