"""`decodia check` passes on the course and names the file and the fix for each kind of mistake."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from book.check import run_checks
from book.readability import measure, prose

ROOT = Path(__file__).resolve().parent.parent


def test_the_course_content_passes():
    assert run_checks() == []


def test_decodia_check_command_exits_zero():
    proc = subprocess.run([sys.executable, "-m", "book.cli", "check"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "all content checks passed" in proc.stdout


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A copy of the course's content that a test may break."""
    shutil.copytree(ROOT / "modules", tmp_path / "modules", ignore=shutil.ignore_patterns("__pycache__"))
    import book.check as check
    import book.editions as editions

    monkeypatch.setattr(check, "ROOT", tmp_path)
    monkeypatch.setattr(editions, "ROOT", tmp_path)
    return tmp_path


def lesson(course, lang="fr", level="simple"):
    return course / "modules" / "chatbots" / lang / f"{level}.md"


def test_missing_front_matter_is_named(course):
    path = lesson(course)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("---\n", 2)[2], encoding="utf-8")
    problems = run_checks(course)
    assert any(p.startswith("modules/chatbots/fr/simple.md: no YAML front matter") for p in problems)


def test_wrong_jupytext_format_is_named(course):
    path = lesson(course, "en", "standard")
    path.write_text(path.read_text(encoding="utf-8").replace("format_name: myst", "format_name: markdown"), encoding="utf-8")
    assert any("en/standard.md: front matter needs jupytext" in p for p in run_checks(course))


def test_missing_objective_and_demo_are_named(course):
    path = lesson(course, "en", "advanced")
    text = path.read_text(encoding="utf-8").replace("{objective}`temperature`", "").replace('demo.neural("en")', "pass")
    path.write_text(text, encoding="utf-8")
    problems = run_checks(course)
    assert any("en/advanced.md: objective 'temperature' is not stated" in p for p in problems)
    assert any("en/advanced.md: runs demos" in p and "neural" in p for p in problems)


def test_demo_in_the_wrong_language_is_named(course):
    path = lesson(course, "fr", "standard")
    path.write_text(path.read_text(encoding="utf-8").replace('demo.chat("fr")', 'demo.chat("en")'), encoding="utf-8")
    assert any('demo.chat("en") should be in this edition\'s language "fr"' in p for p in run_checks(course))


def test_visible_code_at_the_simple_level_is_named(course):
    path = lesson(course, "en", "simple")
    path.write_text(path.read_text(encoding="utf-8").replace(":tags: [remove-input]", "", 1), encoding="utf-8")
    assert any("en/simple.md: code cell 1 shows its code" in p for p in run_checks(course))


def test_missing_edition_and_teacher_page_are_named(course):
    lesson(course, "en", "standard").unlink()
    (course / "modules" / "chatbots" / "teacher" / "fr.md").unlink()
    problems = run_checks(course)
    assert "modules/chatbots/en/standard.md: edition missing (en/standard)" in problems
    assert any("teacher/fr.md: the teacher page is missing" in p for p in problems)


def test_broken_module_yaml_is_named(course):
    (course / "modules" / "chatbots" / "module.yaml").write_text("slug: [unclosed\n", encoding="utf-8")
    problems = run_checks(course)
    about = [p for p in problems if "modules/chatbots/" in p]        # one problem, at its file, line and field
    assert len(about) == 1 and about[0].startswith("modules/chatbots/module.yaml, line 2, field 'slug': is not valid YAML")


def test_hard_simple_edition_fails_readability(course):
    path = lesson(course, "fr", "simple")
    hard = ("\nL'internationalisation des infrastructures computationnelles contemporaines, conjuguée à "
            "l'hétérogénéité des représentations linguistiques, occasionne systématiquement des "
            "disproportions considérables relativement aux coûts d'utilisation des modèles probabilistes.\n") * 60
    path.write_text(path.read_text(encoding="utf-8") + hard, encoding="utf-8")
    problems = run_checks(course)
    assert any(p.startswith("modules/chatbots/fr/simple.md: reading ease") for p in problems)


def guide(course, lang="en"):
    return course / "modules" / "chatbots" / "teacher" / f"{lang}.md"


def test_a_teacher_page_that_retypes_the_objectives_is_refused(course):
    from core.course import module

    m = module("chatbots")
    path = guide(course)
    typed = "".join(f"- {o.text['en']} ({o.id})\n" for o in m.objectives)
    path.write_text(path.read_text(encoding="utf-8").replace(":::{objectives}\n:::\n", typed), encoding="utf-8")
    problems = run_checks(course, only="chatbots")
    assert any("teacher/en.md: the teacher page must list the objectives from module.yaml: write a :::{objectives}"
               in p for p in problems)
    assert any("teacher/en.md, line" in p and "retypes the objective 'tokens'; module.yaml is the source" in p
               for p in problems)


def test_a_teacher_page_that_types_durations_or_competencies_is_refused(course):
    path = guide(course, "fr")
    text = path.read_text(encoding="utf-8").replace("({duration}`standard`)", "(75 minutes)")
    path.write_text(text.replace("{competency}`3 Learning`", "**Grande idée 3 — Apprentissage**"), encoding="utf-8")
    problems = run_checks(course, only="chatbots")
    assert any("teacher/fr.md, line" in p and "types a duration (75 minutes); module.yaml is the source: write "
               "{duration}`standard` instead" in p for p in problems)
    assert any("teacher/fr.md: does not show the standard level's duration" in p for p in problems)
    assert any("teacher/fr.md, line" in p and "types a competency's name" in p and "{competency}`3 Learning`" in p
               for p in problems)
    assert any("does not show the ai4k12 competency '3 Learning'" in p for p in problems)


def test_a_small_bank_fails_a_finished_module_and_is_to_do_in_a_draft(course, monkeypatch):
    import book.check as check

    monkeypatch.setattr(check, "BANK_MIN_ITEMS", 1000)
    monkeypatch.setattr(check, "BANK_MIN_GENERATED", 100)
    problems = run_checks(course, only="chatbots")
    assert any("quiz.yaml: the bank has" in p and "a module needs at least 1000" in p for p in problems)
    assert any("a module needs at least 100 computed from its live model" in p for p in problems)
    yaml_path = course / "modules" / "chatbots" / "module.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8") + "draft: true\n", encoding="utf-8")
    todos = []
    assert run_checks(course, only="chatbots", todos=todos) == []
    assert any(t.startswith("to do: modules/chatbots/quiz.yaml: the bank has") for t in todos)
    assert any("remove 'draft: true'" in t for t in todos)


def test_prose_leaves_out_code_sources_and_markup():
    text = ("---\nkernelspec: {}\n---\n# Titre\n\nUn **mot** et [un lien](https://x.org).\n\n"
            "```{code-cell} ipython3\nprint('code')\n```\n\n:::{sources}\n- Référence savante.\n:::\n"
            "- {objective}`tokens` Les jetons\n")
    assert prose(text).splitlines() == ["Titre.", "Un mot et un lien.", "Les jetons."]


def test_levels_are_ordered_in_every_language():
    for lang in ("fr", "en"):
        ease = [measure((ROOT / "modules/chatbots" / lang / f"{lvl}.md").read_text(encoding="utf-8"), lang).ease
                for lvl in ("simple", "standard", "advanced")]
        assert ease == sorted(ease, reverse=True) and ease[0] >= 80 and ease[1] >= 60
