"""The whole book builds with warnings as errors, sovereign (nothing from elsewhere), cached, and fails clearly."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from book.editions import all_editions, modules

ROOT = Path(__file__).resolve().parent.parent
SLUGS = [m.slug for m in modules()]
PAGES = ["index", "glossary"] + [f"{slug}{suffix}" for slug in SLUGS for suffix in ("", "-guide")]


def test_full_build_with_warnings_as_errors(book_build):
    assert book_build.returncode == 0, book_build.stdout + book_build.stderr
    progress = [ln for ln in book_build.stdout.splitlines() if re.match(r"\[[█░]+\] \d/6 ", ln)]
    assert len(progress) == 6 and all(" ok " in ln for ln in progress)


def test_every_edition_and_the_landing_page_exist(built):
    landing = (built / "index.html").read_text(encoding="utf-8")
    for e in all_editions():
        for page in PAGES:
            assert (e.out / f"{page}.html").exists(), f"{e.name}/{page}.html"
        assert f'href="{e.lang}/{e.level}/index.html"' in landing
        html = (e.out / "chatbots.html").read_text(encoding="utf-8")
        assert f'<html lang="{e.lang}"' in html
    assert 'lang="fr"' in landing and 'lang="en"' in landing
    if shutil.which("chromium"):  # the landing page links every module's PDFs, even after a cold build
        for e in all_editions():
            for slug in SLUGS:
                assert f'href="pdf/{slug}-{e.lang}-{e.level}.pdf"' in landing
        assert "conversationnel\u202f?" in landing  # French spacing: the "?" never wraps alone


def test_pdf_of_every_module_in_every_edition(built):
    if not shutil.which("chromium"):
        pytest.skip("PDFs are made where Chromium is present")
    for e in all_editions():
        for slug in SLUGS:
            pdf = built / "pdf" / f"{slug}-{e.lang}-{e.level}.pdf"
            assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000


# What a page would fetch: scripts, styles, icons, images, frames, CSS url() and @import.
FETCHED = re.compile(r'<(?:script|img|iframe|source|audio|video)[^>]*\ssrc="([^"]+)"|'
                     r'<link[^>]*\shref="([^"]+)"|url\(\s*[\'"]?([^\'")]+)|@import\s+[\'"]([^\'"]+)')


def test_nothing_is_fetched_from_another_host(built):
    offenders = []
    for path in built.rglob("*"):
        if path.suffix not in {".html", ".css", ".js"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for groups in FETCHED.findall(text):
            url = next(g for g in groups if g)
            if re.match(r"(https?:)?//", url):
                offenders.append(f"{path.relative_to(built)}: {url}")
    assert offenders == []


def test_pages_carry_no_widget_state_thebe_or_fontawesome(built):
    for e, slug in [(e, slug) for e in all_editions() for slug in SLUGS]:
        html = (e.out / f"{slug}.html").read_text(encoding="utf-8")
        assert "widget-state+json" not in html and "thebe" not in html.lower()
        assert "fontawesome.js" not in html and "require.js" not in html and "mathjax" not in html.lower()
        assert not (e.out / "_static" / "scripts" / "fontawesome.js").exists()


def test_interface_text_is_in_the_page_language(built):
    fr = (built / "fr" / "standard" / "chatbots.html").read_text(encoding="utf-8")
    en = (built / "en" / "standard" / "chatbots.html").read_text(encoding="utf-8")
    assert "Rechercher dans le livre" in fr and "Search this book" not in fr
    assert "Afficher le code" in fr and "Show code cell" not in fr
    assert "Show code" in en and "Search the book" in en
    assert "Cette page dans une autre édition" in fr and "This page in another edition" in en
    labels = set(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', re.sub(r"<script.*?</script>", "", fr, flags=re.S)))
    english = {"Toggle primary sidebar", "Toggle secondary sidebar", "Main", "Search", "Color mode",
               "Toggle hidden content", "Search this book..."}
    assert labels & english == set()
    assert {"Afficher ou masquer le menu", "Menu principal", "Rechercher dans le livre…"} <= labels


def test_switcher_links_every_other_edition_of_the_same_page(built):
    html = (built / "fr" / "simple" / "chatbots.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="decodia-switcher".*?</nav>', html, re.S).group(0)
    hrefs = re.findall(r'href="([^"]+)"', nav)
    assert "../../index.html" in hrefs
    for e in all_editions():
        target = f"../../{e.lang}/{e.level}/chatbots.html"
        assert target in hrefs
        assert (built / "fr" / "simple" / target).resolve().exists()
    assert 'aria-current="page">Français · Lecture facile' in nav


def test_cached_rebuild_executes_and_rewrites_nothing(built):
    pages = {p: p.stat().st_mtime_ns for p in built.glob("*/*/*.html")}
    proc = subprocess.run([sys.executable, "-m", "book.cli", "build"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    changed = [str(p.relative_to(built)) for p, mtime in pages.items() if p.stat().st_mtime_ns != mtime]
    assert changed == []


@pytest.fixture
def broken_copy(tmp_path):
    """A copy of the project whose English simple lesson has a failing cell and a broken reference."""
    for name in ("book", "modules", "widgets", "quizzes"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "_config.yml", tmp_path / "_config.yml")
    lesson = tmp_path / "modules" / "chatbots" / "en" / "simple.md"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace('demo.next_word("en")', 'demo.next_word("en")\n1 / 0', 1)
    text += "\nSee {doc}`a-page-that-does-not-exist`.\n"
    lesson.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_failing_cell_or_warning_fails_the_build_naming_file_and_cell(broken_copy):
    proc = subprocess.run([sys.executable, "-m", "book.cli", "build", "--lang", "en", "--level", "simple", "--no-pdf"],
                          cwd=broken_copy, capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert re.search(r"modules/chatbots/en/simple\.md: code cell 4, line \d+ failed: ZeroDivisionError", out), out
    assert "modules/chatbots/en/simple.md" in out and "a-page-that-does-not-exist" in out
    assert "1 edition(s) failed: en/simple" in out
