"""The execution cache follows the code: a page re-executes when a project file its execution imports changes
(Python followed through every import, and the data files of those packages), and only then.

The `limits` and `deepfakes` lessons import the `chatbots` n-gram model: a change to
`modules/chatbots/ngram.py` must re-execute them (it once left their numbers stale).
"""
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from book.dependencies import Dependencies, code_cells
from book.editions import code_digest
from core.course import modules

ROOT = Path(__file__).resolve().parent.parent
NGRAM = "modules/chatbots/ngram.py"


def copy_project(target: Path) -> Path:
    for name in ("core", "book", "modules", "widgets", "quizzes"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "_config.yml", target / "_config.yml")
    return target


def pages(root: Path):
    """(staged page name, module slug, source file) of every page that runs code: lessons and teacher pages."""
    for m in modules(root):
        for lang in ("fr", "en"):
            for level in ("simple", "standard", "advanced"):
                yield f"{lang}/{level}/{m.slug}", m.slug, m.lesson(lang, level)
            yield f"{lang}/{m.slug}-guide", m.slug, m.guide(lang)


def keys(root: Path) -> dict[str, str]:
    return {page: code_digest(src.read_text(encoding="utf-8"), slug, root) for page, slug, src in pages(root)}


def importers(root: Path, rel: str) -> set[str]:
    """The pages whose dependency set holds `rel`."""
    deps = Dependencies(root)
    return {page for page, slug, src in pages(root)
            if root / rel in deps.files(code_cells(src.read_text(encoding="utf-8")),
                                         {f"modules.{slug}", f"modules.{slug}.quiz"})}


def changed_by(root: Path, rel: str) -> set[str]:
    before = keys(root)
    path = root / rel
    path.write_bytes(path.read_bytes() + b"\n# a change that must be followed\n")
    after = keys(root)
    return {page for page in before if before[page] != after[page]}


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path)


def test_a_change_to_the_ngram_model_changes_the_key_of_every_lesson_that_imports_it(project):
    changed = changed_by(project, NGRAM)
    slugs = {page.split("/")[-1].removesuffix("-guide") for page in changed}
    assert {"chatbots", "limits", "deepfakes"} <= slugs          # the bug: limits and deepfakes went stale
    assert changed == importers(project, NGRAM)                  # exactly the pages that import it
    # `bias` no longer does: the demos take their number formatting from core.formats, not modules.chatbots.text


def test_a_change_only_one_module_imports_changes_only_that_modules_pages(project):
    changed = changed_by(project, "modules/limits/facts.py")
    assert changed and {page.split("/")[-1].removesuffix("-guide") for page in changed} == {"limits"}
    data = next(p for p in sorted((project / "modules" / "deepfakes" / "data").iterdir()) if p.is_file())
    changed = changed_by(project, str(data.relative_to(project)))
    assert changed and {page.split("/")[-1] for page in changed} <= {"deepfakes", "deepfakes-guide"}


def test_prose_tests_and_other_lessons_change_no_key(project):
    before = keys(project)
    for rel in ("modules/limits/fr/simple.md", "tests/test_models.py", "book/landing.py", "modules/bias/teacher/en.md"):
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + "\nmore text\n", encoding="utf-8")
    after = keys(project)
    assert {p for p in before if before[p] != after[p]} == set()


def test_the_static_set_covers_what_each_page_really_imports_and_reads():
    """Run each page's imports and load its module's bank for real: every project file imported or opened is in its key."""
    probe = textwrap.dedent("""
        import ast, json, os, sys
        from pathlib import Path
        root, slug, cells = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
        opened = set()
        def hook(event, args):
            if event == "open" and isinstance(args[0], (str, os.PathLike)):
                opened.add(os.fspath(args[0]))
        sys.addaudithook(hook)
        for source in cells:
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    exec(ast.unparse(node), {})
        from quizzes.bank import module_bank
        module_bank(slug)
        files = {Path(m.__file__).resolve() for m in list(sys.modules.values()) if getattr(m, "__file__", None)}
        files |= {Path(p).resolve() for p in opened}
        print(json.dumps(sorted(str(f.relative_to(root)) for f in files
                                if f.is_relative_to(root) and f.is_file() and "__pycache__" not in f.parts
                                and (root / f.relative_to(root).parts[0] / "__init__.py").is_file())))   # a project package
    """)
    deps = Dependencies(ROOT)
    for m in modules():
        for src in (m.lesson("en", "standard"), m.guide("en")):
            cells = code_cells(src.read_text(encoding="utf-8"))
            proc = subprocess.run([sys.executable, "-c", probe, str(ROOT), m.slug, json.dumps(cells)], cwd=ROOT,
                                  capture_output=True, text=True)
            assert proc.returncode == 0, proc.stderr
            touched = set(json.loads(proc.stdout.splitlines()[-1]))
            static = {str(p.relative_to(ROOT)) for p in deps.files(cells, {f"modules.{m.slug}", f"modules.{m.slug}.quiz"})}
            assert touched and touched - static == set(), f"{src.relative_to(ROOT)}: its key misses files it uses"


# -- a real rebuild: which notebooks does the Jupyter cache execute again? ------------------------------

def build_en_simple(root: Path) -> set[str]:
    """Build the en/simple edition; return the pages the Jupyter cache executed (new cache records)."""
    from jupyter_cache import get_cache

    cache = root / "_build" / ".jupyter_cache" / "en-simple"
    before = {r.pk for r in get_cache(cache).list_cache_records()} if cache.exists() else set()
    proc = subprocess.run([sys.executable, "-m", "book.cli", "build", "--lang", "en", "--level", "simple", "--no-pdf"],
                          cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {Path(r.uri).stem for r in get_cache(cache).list_cache_records() if r.pk not in before}


def in_en_simple(page: str) -> bool:
    parts = page.split("/")
    return parts[0] == "en" and (len(parts) == 2 or parts[1] == "simple")


def test_a_rebuild_re_executes_exactly_the_pages_that_import_the_changed_file(project):
    everything = {f"{m.slug}{suffix}" for m in modules(project) for suffix in ("", "-guide")}
    assert build_en_simple(project) == everything                            # cold: every page runs
    assert build_en_simple(project) == set()                                 # no change: nothing runs

    facts = project / "modules" / "limits" / "facts.py"                     # only the limits module imports it
    facts.write_text(facts.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert build_en_simple(project) == {"limits", "limits-guide"}

    ngram = project / NGRAM
    ngram.write_text(ngram.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    again = build_en_simple(project)
    assert {"chatbots", "limits", "deepfakes"} <= again
    assert again == {page.split("/")[-1] for page in importers(project, NGRAM) if in_en_simple(page)}
