"""The Python grader and the page's JavaScript grader agree, by construction and on every case.

`tests/data/grading-cases.yaml` holds items of every type and (item, response, expected fraction) cases,
with the edge cases learners meet: empty answers, partial credit, extra choices, accents, decimal commas,
spaces. Each case runs through `quizzes.grading` in Python and through `window.DecodiaQuizGrade` (the
page's grader with the item types' JavaScript) in Chromium, on the key the page carries.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml

from quizzes.grading import fraction_right
from quizzes.model import validate_item
from quizzes.page import key_of, quiz_script
from quizzes.types import TYPES

DATA = yaml.safe_load((Path(__file__).parent / "data" / "grading-cases.yaml").read_text(encoding="utf-8"))
COMMON = {"objective": "o", "competencies": {"ai4k12": "x", "unesco": "y"}}


def question(name: str, lang: str):
    return validate_item({**DATA["items"][name], **COMMON}, lang, "standard", "grading-cases.yaml")


CASES = [(c[0], c[1], c[2], c[3] if len(c) > 3 else "en") for c in DATA["cases"]]


def test_every_type_has_cases():
    covered = {DATA["items"][c[0]]["type"] for c in CASES}
    assert covered == set(TYPES), f"item types without grading cases: {sorted(set(TYPES) - covered)}"


@pytest.mark.parametrize("name,response,expected,lang", CASES, ids=[f"{c[0]}:{json.dumps(c[1], ensure_ascii=False)}:{c[3]}" for c in CASES])
def test_python_grader(name, response, expected, lang):
    assert math.isclose(fraction_right(question(name, lang), response), expected, abs_tol=1e-9)


@pytest.fixture(scope="module")
def grader_page(browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content(f"<!DOCTYPE html><html><body><script>{quiz_script()}</script></body></html>")
    yield page
    page.close()
    assert not errors, errors


def test_javascript_grader_agrees(grader_page):
    """Every case, graded in Chromium by the page's own scripts, on the key the page carries."""
    keys = {f"{name}:{lang}": key_of(question(name, lang)) for name, _r, _e, lang in CASES}
    got = grader_page.evaluate(
        "([keys, cases]) => cases.map(([k, r]) => window.DecodiaQuizGrade(keys[k], r))",
        [keys, [[f"{name}:{lang}", response] for name, response, _e, lang in CASES]])
    wrong = [(name, response, lang, expected, js) for (name, response, expected, lang), js in zip(CASES, got)
             if not math.isclose(js, expected, abs_tol=1e-9)]
    assert not wrong, f"JavaScript grades differ from the expected fractions: {wrong}"
