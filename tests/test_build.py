"""The whole book builds with warnings as errors, sovereign (nothing from elsewhere), cached, and fails clearly."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from book.editions import all_editions
from core.course import modules

ROOT = Path(__file__).resolve().parent.parent
SLUGS = [m.slug for m in modules()]
PAGES = ["index", "glossary", "teaching"] + [f"{slug}{suffix}" for slug in SLUGS for suffix in ("", "-guide")]


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
            assert f'href="pdf/{e.lang}/{e.level}/decodia-{e.key}.pdf"' in landing
            for slug in SLUGS:
                assert f'href="pdf/{e.lang}/{e.level}/{slug}.pdf"' in landing
                assert (built / "pdf" / e.lang / e.level / f"{slug}.pdf").is_file()
        assert "conversationnel\u202f?" in landing  # French spacing: the "?" never wraps alone


LETTER, A4 = (612, 792), (595, 842)     # points


def _size(page) -> tuple[int, int]:
    return int(float(page.mediabox.width)), int(float(page.mediabox.height))   # Chromium's A4: 595.92 x 842.88


def test_pdf_of_every_module_in_every_edition_on_letter_with_title_and_page_numbers(built):
    if not shutil.which("chromium"):
        pytest.skip("PDFs are made where Chromium is present")
    from pypdf import PdfReader

    from book.pdf import edition_pdf_path, pdf_path

    for e in all_editions():
        total = 0
        for m in modules():
            reader = PdfReader(pdf_path(e, m.slug))
            pages = reader.pages
            total += len(pages)
            assert len(pages) >= 2, f"{e.name} {m.slug}"
            for n, page in enumerate(pages, 1):
                text = page.extract_text()
                assert _size(page) == LETTER
                assert m.title[e.lang].split(":")[0].split(" ")[0] in text, f"{e.name} {m.slug} p.{n}"
                mark = f"page {n} de {len(pages)}" if e.lang == "fr" else f"page {n} of {len(pages)}"
                assert mark in text, f"{e.name} {m.slug} p.{n}: no page number"
            words = reader.pages[0].extract_text()
            for chrome in ("Afficher ou masquer", "Show or hide", "Rechercher dans le livre", "Search the book"):
                assert chrome not in words, f"{e.name} {m.slug}: the page's navigation was printed"
        whole = PdfReader(edition_pdf_path(e))
        titles = [o.title for o in whole.outline]
        assert titles[1:] == [m.title[e.lang] for m in modules()]
        assert len(whole.pages) > total and all(_size(p) == LETTER for p in whole.pages)


def test_simple_pdfs_are_large_print_and_the_other_levels_keep_their_print(built):
    """Issue 14: the simple PDFs' running text is at least 14 pt on lines of at most about 70 characters."""
    if not shutil.which("chromium"):
        pytest.skip("PDFs are made where Chromium is present")
    from book.easyread import percentile
    from book.pdf import body_font_size, body_line_lengths, pdf_path

    for e in all_editions():
        for m in modules():
            pdf = pdf_path(e, m.slug)
            size = body_font_size(pdf)
            if e.level == "simple":
                lines = body_line_lengths(pdf)
                assert size >= 14, f"{e.name} {m.slug}: body text {size} pt"
                assert percentile(lines, 0.9) <= 72, f"{e.name} {m.slug}: lines of {percentile(lines, 0.9)} characters"
            else:
                assert size < 14, f"{e.name} {m.slug}: {e.level} prints as before, not in large type"


def test_a4_is_an_option(built, tmp_path):
    if not shutil.which("chromium"):
        pytest.skip("PDFs are made where Chromium is present")
    from pypdf import PdfReader

    from core.printing import Printer

    target = tmp_path / "bias.pdf"
    script = "\n".join([
        "import sys", "from pathlib import Path", "from book.editions import Edition", "from core.printing import Printer",
        "e = Edition('fr', 'simple')", "with Printer('a4') as p:",
        "    p.print(e.out / 'bias.html', Path(sys.argv[1]), 'Biais', e.title, e.lang)"])
    proc = subprocess.run([sys.executable, "-c", script, str(target)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr       # its own process: the browser tests hold Playwright in this one
    pages = PdfReader(target).pages
    assert all(_size(p) == A4 for p in pages) and "page 1 de" in pages[0].extract_text()
    with pytest.raises(ValueError, match="unknown paper"):
        Printer("legal")


def test_without_chromium_the_build_says_so_and_still_builds_the_html(built, monkeypatch):
    import io

    import book.pdf
    from book.build import build
    from book.editions import Edition

    monkeypatch.setattr(book.pdf, "chromium", lambda: None)
    out = io.StringIO()
    results = build([Edition("en", "simple")], out=out)
    assert all(r.ok for r in results)
    assert "no Chromium found" in out.getvalue() and "the HTML is built" in out.getvalue()
    assert (built / "en" / "simple" / "chatbots.html").is_file()


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
    for name in ("core", "book", "modules", "widgets", "quizzes"):
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
