"""The course registry: each `module.yaml` checked against its schema, loaded once into a typed `Module`.

A bad `module.yaml` is refused with its file, line and field; the builder, `decodia check`, the
landing page, the tests and the benchmarks take the module list from the registry, and nothing
else lists module names by hand.
"""
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.course import Module, ModuleErrors, UnknownModule, course, load_module, module_dirs, modules

ROOT = Path(__file__).resolve().parent.parent


def test_every_module_folder_is_in_the_registry_in_order():
    ms = modules()
    assert [m.path for m in sorted(ms, key=lambda m: m.slug)] == module_dirs()
    assert [m.order for m in ms] == sorted(m.order for m in ms)
    for m in ms:
        assert isinstance(m, Module) and m.slug == m.path.name
        assert set(m.title) == {"fr", "en"} and all(isinstance(v, int) for v in m.duration.values())
        assert m.objective_ids and len(set(m.objective_ids)) == len(m.objective_ids) and m.demos
    assert course() is course()                       # loaded once


def test_the_registry_imports_no_course_package():
    """`quizzes` and `widgets` may use the registry: loading it imports none of book, quizzes, widgets or modules."""
    code = ("import sys; from core.course import modules; modules(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('book', 'quizzes', 'widgets', 'modules')))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stdout + proc.stderr


def test_an_unknown_slug_names_the_modules_that_exist():
    with pytest.raises(UnknownModule) as err:
        course().module("robots")
    assert str(err.value) == f"no module 'robots'; the modules are: {', '.join(m.slug for m in modules())}"


@pytest.fixture
def module_yaml(tmp_path):
    folder = tmp_path / "modules" / "chatbots"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "modules" / "chatbots" / "module.yaml", folder / "module.yaml")
    return folder / "module.yaml"


def line_of(path: Path, start: str) -> int:
    return next(n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if ln.startswith(start))


def refused(path: Path) -> list:
    with pytest.raises(ModuleErrors) as err:
        load_module(path.parent)
    for e in err.value.errors:
        assert e.file == "modules/chatbots/module.yaml" and str(e).startswith(e.file)
    return err.value.errors


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_missing_field_is_refused_with_file_line_and_field(module_yaml):
    edit(module_yaml, "  standard: 75\n", "")
    [e] = refused(module_yaml)
    assert (e.line, e.field) == (line_of(module_yaml, "duration:"), "duration.standard")
    assert str(e) == f"modules/chatbots/module.yaml, line {e.line}, field 'duration.standard': is required but missing"


def test_wrong_type_is_refused_with_file_line_and_field(module_yaml):
    edit(module_yaml, "order: 1\n", "order: first\n")
    [e] = refused(module_yaml)
    assert (e.line, e.field) == (line_of(module_yaml, "order:"), "order")
    assert "must be a whole number, not 'first'" in str(e)


def test_wrong_type_deep_inside_is_refused_at_its_line(module_yaml):
    edit(module_yaml, "  - id: temperature\n", "  - id: [temperature]\n")
    [e] = refused(module_yaml)
    assert (e.line, e.field) == (line_of(module_yaml, "  - id: [temperature]"), "objectives[2].id")


def test_unknown_key_is_refused_with_file_line_and_field(module_yaml):
    edit(module_yaml, "demos:", "colour: blue\ndemos:")
    [e] = refused(module_yaml)
    assert (e.line, e.field) == (line_of(module_yaml, "colour:"), "colour")
    assert "is not a field here; the fields are slug, order, title" in str(e)


def test_bad_yaml_is_refused_with_file_line_and_field(module_yaml):
    edit(module_yaml, "order: 1\n", "order: [1\n")
    [e] = refused(module_yaml)
    assert e.line and e.field and "is not valid YAML" in e.message
    assert str(e).startswith(f"modules/chatbots/module.yaml, line {e.line}, field '{e.field}': is not valid YAML")


@pytest.mark.parametrize("content,message", [
    ("", "is empty"), ("- a list\n", "must be a mapping of fields"), ("\x00\x01", "binary file"),
])
def test_empty_or_odd_files_are_refused_clearly(module_yaml, content, message):
    module_yaml.write_text(content, encoding="utf-8")
    [e] = refused(module_yaml)
    assert message in e.message


def test_rules_across_fields_are_checked(module_yaml):
    edit(module_yaml, "slug: chatbots", "slug: robots")
    edit(module_yaml, "  - id: next-word", "  - id: tokens")
    errors = refused(module_yaml)
    assert [e.field for e in errors] == ["slug", "objectives[1].id"]
    assert "'robots' must be the folder name 'chatbots'" in str(errors[0]) and "used twice" in str(errors[1])


def test_an_unknown_competency_tag_is_refused_with_the_known_tags(module_yaml):
    edit(module_yaml, '"5 Societal impact"', '"5 Social impact"')
    [e] = refused(module_yaml)
    assert (e.line, e.field) == (line_of(module_yaml, "  ai4k12:"), "competencies.ai4k12[2]")
    assert "'5 Social impact' is not a tag of ai4k12; its tags are: 1 Perception" in e.message


def test_draft_is_an_optional_true_or_false(module_yaml):
    assert load_module(module_yaml.parent).draft is False
    edit(module_yaml, "demos:", "draft: true\ndemos:")
    assert load_module(module_yaml.parent).draft is True
    edit(module_yaml, "draft: true", "draft: maybe")
    [e] = refused(module_yaml)
    assert e.field == "draft" and "must be true or false" in e.message


def test_every_problem_of_every_module_is_reported_at_once(tmp_path):
    for slug in ("one", "two"):
        (tmp_path / "modules" / slug).mkdir(parents=True)
        (tmp_path / "modules" / slug / "module.yaml").write_text(f"slug: {slug}\n", encoding="utf-8")
    (tmp_path / "modules" / "three").mkdir()
    with pytest.raises(ModuleErrors) as err:
        course(tmp_path)
    text = str(err.value)
    assert "modules/one/module.yaml, line 1, field 'order': is required but missing" in text
    assert "modules/two/module.yaml" in text and "modules/three: has no module.yaml" in text


# -- decodia check --module ----------------------------------------------------------------------

def test_check_one_module_says_how_long_it_took(monkeypatch, capsys):
    import book.check
    from book.cli import main

    seen = []
    monkeypatch.setattr(book.check, "run_checks", lambda root=None, only=None, todos=None, warnings=None: seen.append(only) or [])
    assert main(["check", "--module", "bias"]) == 0
    assert seen == ["bias"]
    assert capsys.readouterr().out.startswith("decodia check: module bias checks passed (")


def test_check_an_unknown_module_lists_the_modules(capsys):
    from book.cli import main

    assert main(["check", "--module", "robots"]) == 2
    err = capsys.readouterr().err
    assert "no module 'robots'; the modules are: " in err
    assert all(m.slug in err for m in modules())


def test_check_one_module_checks_only_that_module(tmp_path):
    for name in ("core", "book", "quizzes", "widgets", "modules"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "en", "fr"))
    one, other = (m.slug for m in modules()[:2])
    for slug in (one, other):
        (tmp_path / "modules" / slug / "module.yaml").write_text("slug: [unclosed\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "book.cli", "check", "--module", one], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert f"modules/{one}/module.yaml, line 2, field 'slug': is not valid YAML" in proc.stderr
    assert other not in proc.stderr
    assert f"decodia check: module {one}: 1 problem(s) (" in proc.stderr


def test_build_refuses_a_bad_module_yaml_before_building(tmp_path):
    for name in ("core", "book", "quizzes", "widgets", "modules"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "modules" / "bias" / "module.yaml").write_text("slug: bias\norder: two\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "book.cli", "build", "--lang", "en", "--level", "simple", "--no-pdf"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1 and not (tmp_path / "_build" / "src").exists()
    assert "modules/bias/module.yaml, line 2, field 'order': must be a whole number, not 'two'" in proc.stderr


# -- nothing else lists the modules ----------------------------------------------------------------

def _lists(tree: ast.Module):
    """The literal collections that would serve as a module list: constants, loops and parametrize values."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.comprehension)):
            yield node.iter
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize" and len(node.args) > 1:
            yield node.args[1]
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            yield node.value


def test_tests_and_benchmarks_take_the_module_list_from_the_registry():
    """No list of two or more module names written by hand (a constant, a loop, a parametrize) in tests or benchmarks."""
    slugs = {m.slug for m in modules()}
    offenders = []
    for path in sorted((ROOT / "tests").glob("*.py")) + [ROOT / "benchmarks" / "run"]:
        for node in _lists(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                names = [e.value for e in node.elts if isinstance(e, ast.Constant)]
                if len(names) >= 2 and len(names) == len(node.elts) and set(names) <= slugs:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {names}")
    assert offenders == []
