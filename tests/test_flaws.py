"""Item-writing flaws (`quizzes/flaws.py`): each is found, named with its file, line and item, and can be waived
only with a reason; the course's own banks have none."""
import shutil
from pathlib import Path

import pytest
import yaml

from quizzes import BankErrors, load_bank, module_bank
from quizzes.flaws import FLAWS, WAIVABLE, bank_flaws, content_words, fold

ROOT = Path(__file__).resolve().parent.parent
COMPETENCIES = {"ai4k12": "3 Learning", "unesco": "AI techniques and applications"}
REASON = "The key is long because it quotes the law word for word; shortening it would change it."


def choice(cid, fr, en, correct=False, **extra):
    return {"id": cid, "text": {"fr": fr, "en": en}, **({"correct": True} if correct else {}), **extra}


def item(choices, fr="De quelle couleur est le ciel, par beau temps ?", en="What colour is the sky on a clear day?",
         **extra):
    return {"id": "sky", "type": "single", "objective": "colours", "competencies": COMPETENCIES,
            "text": {"fr": fr, "en": en}, "choices": choices, **extra}


# A fair item: the key is not the longest choice, no choice repeats another, the stem gives nothing away.
# (Choices of two words: the length of one-word choices is not counted as a cue.)
FAIR = [choice("a", "Bleu ciel", "Sky blue", True), choice("b", "Vert pomme", "Apple green"),
        choice("c", "Rouge vif", "Bright red")]


def write(tmp_path, *items):
    path = tmp_path / "quiz.yaml"
    # A comment line first, so that item lines are not trivially 1.
    path.write_text("# test bank\n" + yaml.safe_dump({"module": "chatbots", "items": list(items)},
                                                      allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_bank(path, "chatbots")


def flaws(tmp_path, *items, editions=None):
    bank = write(tmp_path, *items)
    return [str(e) for e in bank_flaws(bank, {} if editions is None else editions)]


def item_line(tmp_path, item_id="sky"):
    lines = (tmp_path / "quiz.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if text.strip() == f"- id: {item_id}")


def test_a_fair_item_has_no_flaw(tmp_path):
    assert flaws(tmp_path, item(FAIR)) == []


def test_the_key_as_longest_choice_in_most_items_is_named(tmp_path):
    bad = [choice("a", "Bleu, presque partout", "Blue, almost everywhere", True), *FAIR[1:]]
    found = flaws(tmp_path, item(bad))
    assert len(found) == 6 and all(" longest-choice (" in p for p in found)
    assert found[0].startswith(f"{tmp_path / 'quiz.yaml'}: longest-choice (fr simple): ")
    assert "in 100% of the 1 single-choice items" in found[0] and f"'sky' (line {item_line(tmp_path)})" in found[0]
    assert "make the distractors as long and plausible as the key" in found[0]


def test_half_is_not_more_than_half(tmp_path):
    bad = [choice("a", "Bleu, presque partout", "Blue, almost everywhere", True), *FAIR[1:]]
    assert flaws(tmp_path, item(bad), {**item(FAIR), "id": "fair"}) == []


def test_one_word_or_number_choices_are_no_length_cue(tmp_path):
    words = [choice("a", "Bleuâtre", "Bluish", True), choice("b", "Vert", "Green"), choice("c", "Rouge", "Red")]
    assert flaws(tmp_path, item(words)) == []


def test_a_choice_inside_another_is_named(tmp_path):
    bad = [FAIR[0], choice("b", "Bleu  CIEL foncé", "Dark sky blue"), FAIR[2]]
    found = flaws(tmp_path, item(bad))
    line = item_line(tmp_path)
    assert found == [f"{tmp_path / 'quiz.yaml'}, line {line}, item 'sky', field 'choices': repeated-choice "
                     "(fr simple, standard, advanced; en simple, standard, advanced): choice 'a' is repeated inside "
                     "choice 'b': a learner can pick or rule out the longer choice from the shorter one; reword one "
                     "of them so that neither contains the other (or waive repeated-choice with a reason)"]


def test_short_choices_and_numbers_are_not_repetitions(tmp_path):
    short = [choice("a", "Oui", "Yes", True), choice("b", "Oui et non", "Yes and no"), choice("c", "Non, jamais", "No, never")]
    numbers = [choice("a", "12", "12", True), choice("b", "12 000", "12 000"), choice("c", "1 200", "1 200")]
    assert flaws(tmp_path, item(short)) == []
    assert flaws(tmp_path, item(numbers, fr="Combien ?", en="How many?")) == []


@pytest.mark.parametrize("fr, en", [
    ("Toutes ces réponses", "All of the above"),
    ("Aucune de ces réponses", "None of the above"),
    ("Tout ce qui précède", "All the above"),
    ("Aucune des réponses ci-dessus", "Neither of these"),
])
def test_all_or_none_of_the_above_is_named(tmp_path, fr, en):
    found = flaws(tmp_path, item([*FAIR, choice("d", fr, en, levels=["standard", "advanced"])]))
    assert found == [f"{tmp_path / 'quiz.yaml'}, line {item_line(tmp_path)}, item 'sky', field 'choices': "
                     "all-of-the-above (fr standard, advanced; en standard, advanced): choice 'd' is an 'all/none of "
                     "the above' option: replace it with a real, plausible answer (it lets a learner answer from two "
                     "choices alone, and never tests the idea) (or waive all-of-the-above with a reason)"]


def test_a_stem_that_gives_the_answer_away_is_named(tmp_path):
    bad = [choice("a", "Bleu, sous le soleil", "Blue, when it is sunny", True),
           choice("b", "Vert comme une pomme", "Green like an apple pie"),
           choice("c", "Rouge comme une tomate", "Red like a ripe tomato")]
    found = flaws(tmp_path, item(bad, fr="Quand il y a du soleil, de quelle couleur est le ciel ?",
                                 en="On a sunny day, what colour is the sky?"))
    line = item_line(tmp_path)
    assert found == [
        f"{tmp_path / 'quiz.yaml'}, line {line}, item 'sky', field 'choices': stem-gives-answer (fr simple, standard, "
        "advanced): the stem and only the right answer share 'soleil'; reword the key, or use the word in a "
        "distractor too (or waive stem-gives-answer with a reason)",
        f"{tmp_path / 'quiz.yaml'}, line {line}, item 'sky', field 'choices': stem-gives-answer (en simple, standard, "
        "advanced): the stem and only the right answer share 'sunny'; reword the key, or use the word in a "
        "distractor too (or waive stem-gives-answer with a reason)"]


def test_a_shared_word_in_a_distractor_too_is_no_cue(tmp_path):
    fair = [choice("a", "Bleu, sous le soleil", "Blue, when it is sunny", True),
            choice("b", "Vert, sous le soleil", "Green, when it is sunny"),
            choice("c", "Rouge, sous le soleil", "Red, when it is sunny")]
    assert flaws(tmp_path, item(fair, fr="Quand il y a du soleil, de quelle couleur est le ciel ?",
                                en="On a sunny day, what colour is the sky?")) == []


def test_words_are_compared_without_accents_case_or_plural():
    assert fold("L'Été  À MONTRÉAL") == "l ete a montreal"
    assert content_words("Les DÉCOUPEURS coupent") == {"decoupeur", "coupent"}
    assert content_words("which words, because") == {"word"}


def test_more_than_three_choices_at_the_simple_level_is_named(tmp_path):
    four = [*FAIR, choice("d", "Jaune", "Yellow")]
    bank = write(tmp_path, item(four))
    found = [str(e) for e in bank_flaws(bank, {})]
    assert found == [f"{tmp_path / 'quiz.yaml'}, line {item_line(tmp_path)}, item 'sky', field 'choices': "
                     "simple-too-many-choices (fr simple; en simple): 4 choices at the simple level, at most 3; mark "
                     "the others with levels: [standard, advanced]"]


def test_a_reasoned_waiver_passes(tmp_path):
    bad = [choice("a", "Bleu, presque partout", "Blue, almost everywhere", True), *FAIR[1:]]
    assert flaws(tmp_path, item(bad, waivers=[{"flaw": "longest-choice", "why": REASON}])) == []
    dup = [FAIR[0], choice("b", "Bleu ciel foncé", "Dark sky blue"), FAIR[2]]
    assert flaws(tmp_path, item(dup, waivers=[{"flaw": "repeated-choice", "why": REASON}])) == []


def test_a_waiver_without_a_reason_fails(tmp_path):
    bad = [choice("a", "Bleu, presque partout", "Blue, almost everywhere", True), *FAIR[1:]]
    found = flaws(tmp_path, item(bad, waivers=[{"flaw": "longest-choice", "why": "  it is fine "}]))
    assert any(f"item 'sky', field 'waivers[0]': the waiver of longest-choice needs a reason" in p for p in found)
    assert any(" longest-choice (fr simple)" in p for p in found)  # the unreasoned waiver waives nothing
    with pytest.raises(BankErrors) as err:
        write(tmp_path, item(bad, waivers=[{"flaw": "longest-choice"}]))
    assert "item 'sky', field 'waivers[0].why': is required but missing" in str(err.value)


def test_a_waiver_of_an_unknown_or_unwaivable_flaw_fails(tmp_path):
    for name in ("longest-answer", "objective-not-stated"):
        with pytest.raises(BankErrors) as err:
            write(tmp_path, item(FAIR, waivers=[{"flaw": name, "why": REASON}]))
        assert f"item 'sky', field 'waivers[0].flaw': unknown value '{name}'" in str(err.value)


def test_a_waiver_of_a_flaw_the_item_does_not_have_fails(tmp_path):
    found = flaws(tmp_path, item(FAIR, waivers=[{"flaw": "stem-gives-answer", "why": REASON}]))
    assert found == [f"{tmp_path / 'quiz.yaml'}, line {item_line(tmp_path)}, item 'sky', field 'waivers': waiver of "
                     "stem-gives-answer, but the item does not have that flaw (in any language, level or sampled "
                     "seed); remove the waiver"]


def test_the_schema_lists_the_waivable_flaws_and_the_model_ignores_waivers(tmp_path):
    schema = (ROOT / "quizzes" / "bank.schema.json").read_text(encoding="utf-8")
    assert all(f'"{name}"' in schema for name in WAIVABLE) and set(WAIVABLE) < set(FLAWS)
    generated = {"id": "gen", "generator": "count_tokens", "objective": "tokens", "competencies": COMPETENCIES,
                 "waivers": [{"flaw": "longest-choice", "why": REASON}]}
    bank = write(tmp_path, item(FAIR, waivers=[{"flaw": "repeated-choice", "why": REASON}]), generated)
    for it in bank.items:
        assert bank.question(it, "fr", "simple", 1).id == it.id


def test_an_objective_missing_from_an_edition_is_named(tmp_path):
    stated, silent = tmp_path / "stated.md", tmp_path / "silent.md"
    stated.write_text("- {objective}`colours` name the colours\n", encoding="utf-8")
    silent.write_text("- {objective}`shapes` name the shapes\n", encoding="utf-8")
    editions = {("fr", "simple"): stated, ("en", "advanced"): silent, ("en", "standard"): tmp_path / "missing.md"}
    found = flaws(tmp_path, item(FAIR), editions=editions)
    assert found == [f"{tmp_path / 'quiz.yaml'}, line {item_line(tmp_path)}, item 'sky', field 'objective': "
                     f"objective-not-stated: the item checks 'colours', which the edition {silent} (en advanced) "
                     "offering it does not state; tag that sentence with {objective}`colours` or give the item an "
                     "objective the edition states"]


BANKS = sorted(p.parent.name for p in ROOT.glob("modules/*/quiz.yaml"))


@pytest.mark.parametrize("slug", BANKS)
def test_the_course_banks_have_no_flaw(slug):
    assert [str(e) for e in bank_flaws(module_bank(slug))] == []


def test_decodia_check_reports_item_flaws(tmp_path):
    """The hook in `book/check.py`: an edition that stops stating an objective names each item checking it."""
    shutil.copytree(ROOT / "modules" / "chatbots", tmp_path / "modules" / "chatbots",
                    ignore=shutil.ignore_patterns("__pycache__", "data"))
    from book.check import check_bank
    from core.course import load_module

    path = tmp_path / "modules" / "chatbots" / "fr" / "simple.md"
    path.write_text(path.read_text(encoding="utf-8").replace("{objective}`temperature`", ""), encoding="utf-8")
    problems = check_bank(load_module(tmp_path / "modules" / "chatbots"))
    named = [p for p in problems if "objective-not-stated" in p]
    assert named and all("'temperature'" in p and "(fr simple)" in p and ", line " in p for p in named)
    assert any("item 'gen-greedy-next-word'" in p for p in named)
