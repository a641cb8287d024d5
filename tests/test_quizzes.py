"""The quiz engine: banks, validation, generation, rendering, grading and item statistics."""
import math
import re

import pytest

from quizzes import BankError, BankErrors, SelfCheck, assemble, grade, load_bank, module_bank, normalise, validate_bank
from quizzes.grading import wrong_response
from quizzes.model import LANGS, LEVELS, validate_item
from quizzes.page import question_html, reveal
from quizzes.stats import item_stats, reliability
from quizzes.worksheet import answer_key_text, worksheet_text


@pytest.fixture(scope="module")
def bank():
    return module_bank("chatbots")


def test_the_chatbots_bank_is_valid_and_complete(bank):
    assert validate_bank(bank) == []      # its size (15 items, 5 generated) is a rule of `decodia check`
    assert set(bank.objectives()) == {"tokens", "next-word", "temperature", "neural", "chatbot"}
    kinds = {bank.question(it, "fr", "standard").type for it in bank.items}
    assert kinds >= {"single", "multiple", "truefalse", "numeric", "text", "ordering", "matching"}


BANKS = sorted(p.parent.name for p in __import__("pathlib").Path(__file__).resolve().parent.parent.glob("modules/*/quiz.yaml"))


@pytest.mark.parametrize("slug", BANKS)
def test_stress_every_item_every_seed_language_and_level(slug):
    """PrairieLearn / R-exams style: 200 seeds x 2 languages x 3 levels for every item of every bank."""
    bank = module_bank(slug)
    assert validate_bank(bank) == []
    for item in bank.items:
        seeds = range(200) if item.generator else [0]
        for seed in seeds:
            for lang in LANGS:
                for level in LEVELS:
                    q = bank.question(item, lang, level, seed)
                    assert question_html(q, 1, "t", lang)
                    assert grade(q, q.key).correct, (item.id, seed, lang, level)
                    assert not grade(q, wrong_response(q)).correct, (item.id, seed, lang, level)
                    if level == "simple" and q.type in ("single", "multiple"):
                        assert len(q.choices) <= 3


def test_generated_items_come_from_the_live_model(bank):
    from modules.chatbots import NGramModel, load_corpus

    item = next(it for it in bank.items if it.id == "gen-next-word-from-counts")
    q = bank.question(item, "fr", "standard", 7)
    context = re.search(r"«\u00a0(.+?)\u00a0»", q.prompt).group(1)
    top = NGramModel.train(load_corpus("fr"), 2).next_words([context], 1)[0]
    assert q.key == next(c.id for c in q.choices if c.text == top.word)
    assert [row for row in q.table["rows"] if row[0] == top.word][0][1] == top.count
    assert bank.question(item, "fr", "standard", 7) == q            # same seed, same variant
    assert len({bank.question(item, "fr", "standard", s).prompt for s in range(20)}) > 3


def test_assembly_covers_every_objective_and_is_byte_identical(bank):
    for lang in LANGS:
        for level in LEVELS:
            quiz = assemble(bank, lang, level, n=7, seed=3)
            assert len(quiz.questions) == 7
            assert {q.objective for q in quiz.questions} == set(bank.objectives())
            assert assemble(bank, lang, level, n=7, seed=3).to_json() == quiz.to_json()
    assert assemble(bank, "fr", "standard", seed=1).to_json() != assemble(bank, "fr", "standard", seed=2).to_json()


def test_normalise_ignores_case_accents_spaces_and_apostrophes():
    assert normalise("  Données   d’Entraînement ") == normalise("donnees d'entrainement")
    assert normalise("L’ÉLÈVE") == "l'eleve"


def _q(**raw):
    base = {"id": "x", "objective": "o", "competencies": {"ai4k12": "3", "unesco": "u"}, "text": {"fr": "Q ?", "en": "Q?"}}
    return validate_item({**base, **raw}, "fr", "standard", "t.yaml")


def test_partial_credit_and_tolerance():
    multi = _q(type="multiple", choices=[{"id": i, "text": {"fr": i, "en": i}, "correct": i in "ab"} for i in "abcd"])
    assert grade(multi, ["a", "b"]).points == 1
    assert grade(multi, ["a"]).points == 0.5
    assert grade(multi, ["a", "c"]).points == 0
    assert grade(multi, ["c", "d"]).points == 0
    num = _q(type="numeric", answer=24, tolerance=1)
    assert grade(num, "23").correct and grade(num, "24,5").correct and not grade(num, "26").correct
    assert not grade(num, "abc").correct
    order = _q(type="ordering", choices=[{"id": i, "text": {"fr": i, "en": i}} for i in "abc"], order=["a", "b", "c"])
    assert grade(order, ["a", "b", "c"]).correct and math.isclose(grade(order, ["a", "c", "b"]).points, 1 / 3, abs_tol=1e-6)
    match = _q(type="matching", choices=[{"id": i, "text": {"fr": i, "en": i}} for i in "ab"],
               pairs={"a": {"fr": "A", "en": "A"}, "b": {"fr": "B", "en": "B"}})
    assert grade(match, {"a": "A", "b": "B"}).correct and grade(match, {"a": "A"}).points == 0.5
    text = _q(type="text", answers={"fr": ["données d'entraînement"], "en": ["training data"]})
    assert grade(text, "Données d’entrainement").correct
    tf = _q(type="truefalse", answer=False)
    assert grade(tf, False).correct and grade(tf, "faux").correct and not grade(tf, True).correct


BAD_BANKS = [
    ("items:\n  - id: a\n    type: single\n    text: {fr: \"ok\", en: \"ok\"\n  - id: b\n", "line 5",
     "is not valid YAML: expected ',' or '}'"),
    ("", None, "is empty"),
    ("- just\n- a list\n", "line 1", "must be a mapping with 'module' and a list of 'items'"),
    ("items:\n  - id: a\n    type: wizard\n    objective: o\n    competencies: {ai4k12: x, unesco: y}\n"
     "    text: {fr: a, en: b}\n", "line 2", "item 'a', field 'type': unknown value 'wizard'; expected one of single"),
    ("items:\n  - id: a\n    type: truefalse\n    answer: true\n    objective: o\n"
     "    competencies: {ai4k12: x, unesco: y}\n    text: {fr: Vrai}\n", "line 7", "item 'a', field 'text.en': is required but missing"),
    ("items:\n  - id: a\n    type: single\n    objective: o\n    competencies: {ai4k12: x, unesco: y}\n"
     "    text: {fr: Q, en: Q}\n    answer: z\n    choices:\n      - {id: a, text: {fr: a, en: a}}\n"
     "      - {id: b, text: {fr: b, en: b}}\n", "line 2", "field 'answer': the answer names no choice: z"),
    ("items:\n  - id: a\n    type: single\n    objective: o\n    competencies: {ai4k12: x, unesco: y}\n"
     "    text: {fr: Q, en: Q}\n    choices:\n" + "".join(
         f"      - {{id: {c}, text: {{fr: {c}, en: {c}}}, correct: {str(c == 'a').lower()}}}\n" for c in "abcd"),
     "line 2", "the simple level offers at most 3 choices"),
    ("items:\n  - id: a\n    generator: no_such_generator\n    objective: o\n"
     "    competencies: {ai4k12: x, unesco: y}\n", "line 2",
     "no generator named 'no_such_generator'"),
]


@pytest.mark.parametrize("text,line,message", BAD_BANKS)
def test_bad_banks_are_refused_with_file_line_item_and_field(tmp_path, text, line, message):
    path = tmp_path / "chatbots" / "quiz.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises((BankError, BankErrors)) as info:
        bank = load_bank(path, "chatbots")
        errors = validate_bank(bank)
        if errors:
            raise BankErrors(errors)
    msg = str(info.value)
    assert str(path) in msg or "quiz.yaml" in msg
    assert message in msg
    if line:
        assert line in msg


def test_schema_reports_missing_and_unexpected_fields_at_their_line(tmp_path):
    path = tmp_path / "quiz.yaml"
    path.write_text("module: chatbots\nitems:\n  - id: a\n    type: single\n    objective: o\n"
                    "    competencies: {ai4k12: x}\n    text: {fr: Q, en: Q}\n    colour: blue\n"
                    "    choices:\n      - {id: a, text: {fr: a, en: a}}\n      - {id: b, text: {fr: b}}\n",
                    encoding="utf-8")
    with pytest.raises(BankErrors) as info:
        load_bank(path, "chatbots")
    messages = [str(e) for e in info.value.errors]
    assert any("line 6, item 'a', field 'competencies.unesco': is required but missing" in m for m in messages)
    assert any("line 11, item 'a', field 'choices[1].text.en': is required but missing" in m for m in messages)
    assert any("line 3, item 'a': unexpected field(s): 'colour' was unexpected" in m for m in messages)


def test_binary_bank_and_duplicate_ids_are_refused(tmp_path):
    path = tmp_path / "quiz.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(BankError, match="binary file"):
        load_bank(path, "chatbots")
    item = "  - id: a\n    type: truefalse\n    answer: true\n    objective: o\n" \
           "    competencies: {ai4k12: x, unesco: y}\n    text: {fr: Vrai, en: 'True'}\n"
    path.write_text("items:\n" + item + item, encoding="utf-8")
    with pytest.raises(BankErrors, match=r"line 8, item 'a', field 'id': duplicate id \(first used on line 2\)"):
        load_bank(path, "chatbots")


def test_page_face_hides_the_key_but_grades_with_it(bank):
    check = SelfCheck("chatbots", "en", "standard")
    html = check.static_html()
    assert html.count('<form class="decodia-quiz__variant"') == 3
    for quiz in check.quizzes:
        blob = re.search(rf'data-quiz="{quiz.id}" data-max="[^"]+" data-key="([^"]+)"', html).group(1)
        keys = reveal(blob, quiz.id)
        for q in quiz.questions:
            assert keys[q.id]["type"] == q.type
            if q.type == "text":
                for accepted in keys[q.id]["accepted"]:
                    assert accepted not in html.lower()  # accepted answers never appear in the source
            if q.feedback:
                assert q.feedback not in html
    assert "<fieldset" in html and "<legend>" in html and 'aria-live="polite"' in html
    assert "http" not in html


def test_worksheet_and_answer_key(bank):
    quiz = assemble(bank, "fr", "simple", seed=2)
    sheet, key = worksheet_text(quiz), answer_key_text(quiz)
    assert quiz.id in sheet and "Nom :" not in sheet and "Nom: ____" in sheet
    assert "Corrigé" in key and all(q.objective in key for q in quiz.questions)
    for q in quiz.questions:
        if q.type == "single":
            right = next(c.text for c in q.choices if c.correct)
            assert right in key


def test_live_face_grades_like_the_engine(bank):
    from quizzes.live import LiveQuiz

    quiz = assemble(bank, "fr", "standard", seed=1)
    live = LiveQuiz(quiz)
    live.widget()
    for q in quiz.questions:
        w = live.inputs[q.id]
        key = q.key
        if q.type in ("single", "truefalse"):
            w.value = key
        elif q.type == "multiple":
            for c, box in zip(q.choices, w.children):
                box.value = c.correct
        elif q.type in ("numeric", "text"):
            w.value = str(key)
        elif q.type == "ordering":
            for c, box in zip(q.choices, w.children):
                box.value = q.order.index(c.id) + 1
        elif q.type == "matching":
            for c, box in zip(q.choices, w.children):
                box.value = key[c.id]
    report = live.check()
    assert f"{quiz.max_points:g} sur {quiz.max_points:g}".replace(".", ",") in report


def test_item_statistics_and_reliability():
    s = item_stats("q", [1, 1, 0, 0, 1, 0], [5, 4, 1, 2, 4, 1], ["a", "a", "b", "c", "a", None])
    assert s.difficulty == 0.5 and s.distractors == {"a": 3, "b": 1, "c": 1}
    assert s.point_biserial > 0.5 and s.upper_lower == 1.0
    matrix = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]
    name, kr20 = reliability(matrix)
    totals = [3, 2, 1, 0]
    var = sum((t - 1.5) ** 2 for t in totals) / 4
    pq = sum(p * (1 - p) for p in (0.75, 0.5, 0.25))
    assert name == "KR-20" and math.isclose(kr20, 1.5 * (1 - pq / var))
    assert reliability([[0.5, 1], [0, 0.5], [1, 1]])[0] == "alpha"
