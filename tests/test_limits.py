"""Unit tests of the `limits` live models: likelihood is not truth, memorisation, the edge of the data."""
import math

import pytest

from modules.chatbots import load_corpus, words
from modules.limits import ask_year, audit, fact_model, facts, rank_answers, recall, secret, sums_report, wrong_rate
from modules.limits.edge import FIRST_YEAR, LAST_YEAR, notes_text, park_of
from modules.limits.privacy import recital_probability, trained, training_text


def test_every_fact_has_two_wordings_candidates_an_answer_and_a_source():
    for f in facts():
        for lang in ("fr", "en"):
            assert len(f.prompts[lang]) == 2
            assert f.answer[lang] in f.candidates[lang]
        assert f.source.startswith(tuple(["Gouvernement", "Loi", "Charte", "Centrale", "Institut", "Statistique"]))
        assert "https://" in f.source


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_ranked_answers_are_shares_of_the_candidates(lang):
    model = fact_model(lang, 3)
    for f in facts():
        ranked = rank_answers(model, f.prompts[lang][0], f, lang)
        assert math.isclose(sum(r.share for r in ranked), 1.0)
        assert [r.share for r in ranked] == sorted((r.share for r in ranked), reverse=True)
        assert sum(r.true for r in ranked) == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_likely_is_not_true_the_audit_finds_confident_wrong_answers(lang):
    rows = audit(fact_model(lang, 3), lang)
    assert 0 < wrong_rate(rows) < 1
    assert any(not r.top.true and r.top.share > 0.5 for r in rows)  # high-probability wrong answers exist


def test_the_civics_text_is_true_yet_the_model_answers_wrongly():
    """The model's error on the capital is not in its text: the text names Ottawa, never another capital of Canada."""
    from modules.limits.facts import facts_text

    text = facts_text("fr")
    assert "Ottawa" in text
    rows = {r.fact.id: r for r in audit(fact_model("fr", 3), "fr")}
    assert not rows["capital-canada"].top.true


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_planted_secret_is_fake_and_recall_grows_with_repetitions(lang):
    s = secret(lang, "card")
    assert s.sentence.startswith(s.prompt) and s.value in s.sentence
    assert s.sentence not in load_corpus(lang)
    assert training_text(lang, "card", 3).count(s.sentence) == 3
    rates = [recall(lang, "card", k, 2).rate for k in (0, 1, 5, 20)]
    assert rates[0] == 0 and rates == sorted(rates) and rates[-1] > rates[1]
    assert recall(lang, "card", 20, 3).exact


def test_recital_probability_is_the_exact_chance_of_sampling_the_secret():
    lang = "en"
    s = secret(lang, "phone")
    model = trained(lang, "phone", 5, 2)
    target = words(s.value)
    p = recital_probability(model, s.prompt, target)
    hits = sum(model.generate_tokens(s.prompt, len(target), 1.0, seed=i) == target for i in range(3000))
    assert abs(hits / 3000 - p) < 0.02


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sums_right_when_seen_and_wrong_when_never_seen(lang):
    r = sums_report(lang, 9)
    assert r.seen_accuracy == 1.0 and r.unseen_accuracy == 0.0
    assert all(said.isdigit() for _, _, said, _ in r.examples)  # it always answers


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_knowledge_cutoff(lang):
    assert str(LAST_YEAR) in notes_text(lang) and str(LAST_YEAR + 1) not in notes_text(lang)
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        a = ask_year(lang, year)
        assert a.in_data and a.answer == park_of(year, lang) == a.truth
    after = ask_year(lang, LAST_YEAR + 3)
    assert not after.in_data and after.truth is None and after.answer and after.probability > 0
