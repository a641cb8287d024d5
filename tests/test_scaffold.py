"""`decodia new module <slug>` writes a complete skeleton that passes `decodia check --module <slug>` and builds.

Everything runs in a copy of the project, through the real command. The copy reuses the en/simple
execution cache of this project when there is one (the other modules' lessons are unchanged, so only the
new module's pages execute); without it, the build executes the whole edition and takes a few minutes more.
"""
import datetime
import html
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.course import modules

ROOT = Path(__file__).resolve().parent.parent
SLUG = "demo_test"
FILES = ([f"modules/{SLUG}/{name}" for name in ("module.yaml", "sources.yaml", "__init__.py", "quiz.yaml", "quiz.py")]
         + [f"modules/{SLUG}/{lang}/{level}.md" for lang in ("fr", "en") for level in ("simple", "standard", "advanced")]
         + [f"modules/{SLUG}/teacher/{lang}.md" for lang in ("fr", "en")] + [f"widgets/{SLUG}.py"])


def decodia(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "book.cli", *args], cwd=root, capture_output=True, text=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project in which `decodia new module demo_test` has run."""
    root = tmp_path_factory.mktemp("project")
    for name in ("core", "book", "modules", "widgets", "quizzes"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "_config.yml", root / "_config.yml")
    cache = ROOT / "_build" / ".jupyter_cache" / "en-simple"
    if cache.is_dir():
        shutil.copytree(cache, root / "_build" / ".jupyter_cache" / "en-simple")
    proc = decodia(root, "new", "module", SLUG)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in FILES:
        assert f"wrote {name}" in proc.stdout
    return root


def test_new_module_writes_every_file_of_the_module_contract(project):
    for name in FILES:
        assert (project / name).is_file(), name
    yaml_text = (project / "modules" / SLUG / "module.yaml").read_text(encoding="utf-8")
    assert f"slug: {SLUG}" in yaml_text and "draft: true" in yaml_text
    assert f"reviewed: {datetime.date.today().isoformat()}" in yaml_text      # its facts are as fresh as its text
    assert f"order: {max(m.order for m in modules()) + 1}" in yaml_text


def test_the_skeleton_passes_the_check_and_lists_what_the_draft_lacks(project):
    proc = decodia(project, "check", "--module", SLUG)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"decodia check: module {SLUG} checks passed (" in proc.stdout
    todo = [line for line in proc.stdout.splitlines() if line.startswith("to do: ")]
    assert any("the bank has 2 item(s); a module needs at least 15" in line for line in todo)
    assert any("1 item(s) are generated; a module needs at least 5" in line for line in todo)


def test_without_draft_the_skeleton_fails_only_on_what_the_draft_lists_to_do(project):
    """Once the module is no longer a draft, its "to do" lines (its bank's size, the sources its pages will cite)
    become errors, and nothing else fails."""
    draft = decodia(project, "check", "--module", SLUG)
    todo = sorted(line[len("to do: "):] for line in draft.stdout.splitlines() if line.startswith("to do: "))
    path = project / "modules" / SLUG / "module.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    try:
        proc = decodia(project, "check", "--module", SLUG)
    finally:
        path.write_text(text, encoding="utf-8")
    assert proc.returncode == 1
    problems = sorted(line for line in proc.stderr.splitlines() if line.startswith("modules/"))
    assert problems and set(problems) <= set(todo)      # nothing fails that the draft did not list
    assert sum(line.startswith(f"modules/{SLUG}/quiz.yaml: ") for line in problems) == 2


def test_a_one_edition_build_has_the_new_module_its_demo_and_its_teacher_page(project):
    proc = decodia(project, "build", "--lang", "en", "--level", "simple", "--no-pdf")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = project / "_build" / "html" / "en" / "simple"
    page = html.unescape((out / f"{SLUG}.html").read_text(encoding="utf-8"))
    assert f'data-decodia-demo="{SLUG.replace("_", "-")}-word-counts"' in page      # the demo's kernel-free face
    assert "The cat sleeps. The cat eats." in page and "<caption>The words of the text" in page
    assert f'data-decodia-quiz="{SLUG}"' in page                                        # the self-check
    guide = html.unescape((out / f"{SLUG}-guide.html").read_text(encoding="utf-8"))
    assert "Explain what the module’s model counts, and what it does not understand" in guide   # from module.yaml
    assert "(what-it-counts)" in guide
    assert "Simple level (60 minutes)" in guide and "Big Idea 3 — Learning" in guide
    assert f"{SLUG}.html" in (out / "index.html").read_text(encoding="utf-8")          # in the table of contents


@pytest.mark.parametrize("slug,message", [
    ("demo-test", "'demo-test' is not a valid module name: use lower-case letters, digits and _, starting with a "
                  "letter (it names the Python packages modules.<slug> and widgets.<slug>); try 'demo_test'"),
    ("2fast", "'2fast' is not a valid module name"),
    ("class", "'class' is a Python keyword"),
    ("views", "widgets/views.py already exists; choose another name"),
    (SLUG, f"modules/{SLUG} already exists; choose another name"),
])
def test_a_bad_or_taken_name_is_refused_and_nothing_is_written(project, slug, message):
    before = written(project)
    proc = decodia(project, "new", "module", slug)
    assert proc.returncode == 2 and f"decodia new module: {message}" in proc.stderr
    assert written(project) == before


def written(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for folder in ("modules", "widgets") for p in (root / folder).rglob("*")
                  if "__pycache__" not in p.parts)


def test_an_existing_module_is_refused():
    from book.scaffold import slug_problem

    slug = modules()[0].slug
    assert slug_problem(slug, ROOT) == f"modules/{slug} already exists; choose another name"
