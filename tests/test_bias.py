"""Unit tests of the `bias` live models: a biased past, the feedback loop, proxies, fixes and word vectors."""
import numpy as np
import pytest

from modules.bias import vectors
from modules.bias.loop import feedback_loop
from modules.bias.screening import FIXES, found, group_stats, history, population, ratio, screen
from modules.bias.words import JOBS, PRONOUNS, TEXTS, corpus, leans, train


def test_the_two_groups_have_the_same_true_fraud_rate():
    pop = population()
    rates = [pop.fraud[pop.group == g].mean() for g in (0, 1)]
    assert abs(rates[0] - rates[1]) < 0.005
    assert 0.25 < pop.group.mean() < 0.35


def test_the_history_investigates_group_b_as_many_times_as_asked():
    pop = population()
    for bias in (1, 2, 3):
        checked = history(pop, bias)
        seen = checked[pop.group == 1].mean() / checked[pop.group == 0].mean()
        assert seen == pytest.approx(bias, rel=0.1)


def test_fraud_is_only_found_where_someone_looked():
    pop = population(size=2000)
    looked = np.zeros(len(pop), dtype=bool)
    assert not found(pop, looked).any()
    assert (found(pop, ~looked) == pop.fraud).all()


def test_a_model_trained_on_a_biased_past_reproduces_it_and_the_disparity_grows_with_it():
    ratios = [ratio(screen(b).stats, "selection_rate") for b in (1.5, 2, 3, 4)]
    assert ratios == sorted(ratios)
    assert ratios[-1] > 3
    s = screen(3)
    assert s.coefficients["group"] > 0.5                                   # it learned "group B" as a risk
    assert ratio(s.stats, "false_positive_rate") > 2                        # honest people of B pay for it
    assert s.found_total < screen(3, "signal").found_total                  # and the agency finds less fraud


def test_group_stats_are_the_confusion_table_per_group():
    pop = population(size=1000)
    flagged = pop.signal > 1
    stats = group_stats(pop, flagged)
    assert sum(s.true_positives + s.false_positives for s in stats.values()) == flagged.sum()
    for g, s in zip((0, 1), (stats["A"], stats["B"])):
        assert s.size == (pop.group == g).sum() == s.true_positives + s.false_positives + s.true_negatives + s.false_negatives
        assert s.false_positive_rate == pytest.approx(s.false_positives / (s.false_positives + s.true_negatives))


def test_removing_the_group_column_is_not_enough_the_district_is_a_proxy():
    with_group, without, signal_only = (ratio(screen(3, f).stats, "selection_rate") for f in ("all", "no-group", "signal"))
    assert with_group > without > 1.5                 # the disparity survives without the group column
    assert 0.85 < signal_only < 1.15                  # only the file's own clue is fair here
    assert screen(3, "no-group").coefficients["district"] > 0.5


def test_each_fix_reduces_the_disparity_and_equal_thresholds_equalise_selection():
    base = ratio(screen(3, "no-group").stats, "selection_rate")
    for fix in FIXES[1:]:
        assert abs(ratio(screen(3, "no-group", fix).stats, "selection_rate") - 1) < abs(base - 1)
    assert ratio(screen(3, "no-group", "group-thresholds").stats, "selection_rate") == pytest.approx(1, abs=0.01)
    with pytest.raises(ValueError, match="unknown fix"):
        screen(3, "no-group", "magic")


def test_with_a_weak_clue_the_feedback_loop_amplifies_the_bias_while_the_truth_stays_equal():
    years = feedback_loop(2, "weak")
    assert len(years) == 11 and years[0].year == 0
    assert years[-1].share_b > years[0].share_b + 0.2          # more and more investigations go to group B
    gaps = [y.gap for y in years]
    assert all(b > a for a, b in zip(gaps, gaps[1:]))           # the records drift apart every year
    assert abs(years[-1].truth[0] - years[-1].truth[1]) < 0.5   # while real fraud is the same


def test_with_a_strong_clue_the_share_recedes_but_the_records_still_diverge():
    years = feedback_loop(3, "strong")
    assert years[-1].share_b < years[0].share_b
    assert years[-1].gap > years[0].gap
    with pytest.raises(ValueError, match="unknown signal"):
        feedback_loop(3, "loud")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_generated_text_follows_the_asked_shares(lang):
    she = PRONOUNS[lang]["f"]
    for text in TEXTS:
        sentences = corpus(lang, text)
        for le in leans(lang, text):
            with_job = [s for s in sentences if le.job in s]
            assert len(with_job) == 60
            assert sum(she in s for s in with_job) / 60 == pytest.approx(le.she_share)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_word_vectors_learn_exactly_what_the_text_repeats(lang):
    for le in leans(lang, "skewed"):
        assert (le.lean > 0) == (le.stereotype == "f") and abs(le.lean) > 0.1
    assert all(abs(le.lean) < 1e-9 for le in leans(lang, "balanced"))
    flipped = {le.job: le.lean for le in leans(lang, "reversed")}
    assert all(flipped[le.job] == pytest.approx(-le.lean) for le in leans(lang, "skewed"))
    model = train(lang, "skewed")
    assert model.association(JOBS[lang][0][0], PRONOUNS[lang]["f"]) > 0


def test_murmurhash_matches_spacys_keys():
    """spaCy's key for a word is MurmurHash64A with seed 1; every job noun is found in the real index."""
    assert vectors.murmur64a(b"") == 14313749767032693980
    assert vectors.murmur64a("médecin".encode()) == 10971812739024504339
    v = vectors.load()
    assert v.table.shape == (20000, 300)
    assert all(v.has(w) for w in vectors.JOBS)
    assert not v.has("zzqxj-not-a-word")


def test_real_french_vectors_show_the_documented_stereotype():
    near = vectors.analogy("médecin", "homme", "femme")
    assert near[0].word == "infirmière" and len(near) == 5
    assert [n.similarity for n in near] == sorted((n.similarity for n in near), reverse=True)
    assert "directeur" in [n.word for n in vectors.analogy("secrétaire", "femme", "homme")[:3]]


def test_rare_feminine_job_titles_borrow_another_words_vector():
    v = vectors.load()
    assert v.own_vector("infirmière") and v.own_vector("ingénieur")
    assert not v.own_vector("pompière") and v.borrowed_from("pompière") == "infirmière"
    assert not v.own_vector("ingénieure") and v.borrowed_from("ingénieure") == "ingénieur"
    assert v.similarity("ingénieure", "ingénieur") == pytest.approx(1)


def test_a_missing_vectors_package_gets_a_clear_message(monkeypatch):
    monkeypatch.setattr(vectors, "PACKAGE", "no_such_vectors_package")
    with pytest.raises(vectors.MissingVectors, match="not installed"):
        vectors.vocab_dir()
