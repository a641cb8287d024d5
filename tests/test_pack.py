"""Assignment packs (`decodia quiz --format ...`): every format, the teacher's README, byte-identical for the
same seed, worksheets without answers and a separate key, and a web page that grades itself offline."""
import hashlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quizzes.bank import module_bank
from quizzes.pack import FORMATS, write_pack

LMS = ["json", "worksheet", "moodle", "gift", "qti", "html"]
WITH_PDF = LMS + (["pdf"] if shutil.which("chromium") else [])


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


ROOT = Path(__file__).resolve().parent.parent


def decodia_quiz(out: Path, *args: str) -> Path:
    """The real command, in its own process (Chromium is driven there, apart from the browser tests)."""
    proc = subprocess.run([sys.executable, "-m", "book.cli", "quiz", "--module", "bias", "--lang", "fr",
                           "--level", "standard", "--out", str(out), *args], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    return decodia_quiz(tmp_path_factory.mktemp("pack") / "bias-fr", "--variants", "4", "--seed", "7",
                        "--format", ",".join(WITH_PDF))


def test_same_seed_gives_a_byte_identical_pack_zips_and_pdfs_included(pack, tmp_path):
    again = decodia_quiz(tmp_path / "again", "--variants", "4", "--seed", "7", "--format", ",".join(WITH_PDF))
    assert _digests(again) == _digests(pack)
    one = tmp_path / "one"        # a variant depends on its seed only, not on how many are in the pack
    write_pack(module_bank("bias"), "fr", "standard", 1, 8, ["json"], one)
    assert _digests(one)["bias-fr-standard-8.json"] == _digests(pack)["bias-fr-standard-8.json"]
    assert _digests(one)["bias-fr-standard-8.json"] != _digests(pack)["bias-fr-standard-7.json"]


def test_every_format_is_written_once_per_pack_or_per_variant(pack):
    names = sorted(p.name for p in pack.iterdir())
    assert sorted(n for n in names if n.endswith(".json")) == sorted(f"bias-fr-standard-{s}.json" for s in range(7, 11))
    for name in ("bias-fr-standard-moodle.xml", "bias-fr-standard.gift.txt", "bias-fr-standard-qti21.zip",
                 "bias-fr-standard.html", "LISEZMOI.txt"):
        assert name in names
    with zipfile.ZipFile(pack / "bias-fr-standard-qti21.zip") as z:
        assert "imsmanifest.xml" in z.namelist()
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())


def test_readme_is_in_the_pack_language_and_covers_import_paper_and_grading(pack, tmp_path):
    text = (pack / "LISEZMOI.txt").read_text(encoding="utf-8")
    for words in ("Importer dans Moodle", "une question aléatoire", "Canvas", "Brightspace", "GIFT",
                  "decodia grade --key bias-fr-standard-7.json", "item-analysis.html", "4 série(s)"):
        assert words in text, words
    for p in pack.iterdir():
        if p.name != "LISEZMOI.txt" and p.suffix != ".json" and not p.name.endswith(".txt"):
            assert p.name in text, f"the README does not list {p.name}"
    en = tmp_path / "en"
    write_pack(module_bank("limits"), "en", "simple", 1, 1, ["html"], en)
    readme = (en / "README.txt").read_text(encoding="utf-8")
    assert "The web page (.html)" in readme and "Grading returned responses" in readme
    assert "Import into Moodle" not in readme          # only the sections for the formats in the pack


def test_unknown_formats_and_bad_counts_are_refused_clearly(tmp_path):
    from book.cli import main

    assert set(FORMATS) >= {"moodle", "gift", "qti", "html", "pdf"}
    with pytest.raises(ValueError, match="unknown format"):
        write_pack(module_bank("bias"), "fr", "standard", 1, 1, ["docx"], tmp_path)
    assert main(["quiz", "--module", "bias", "--lang", "fr", "--level", "simple", "--format", "docx",
                 "--out", str(tmp_path)]) == 2
    assert main(["quiz", "--module", "bias", "--lang", "fr", "--level", "simple", "--variants", "0",
                 "--out", str(tmp_path)]) == 2


def test_the_web_page_is_one_self_contained_file(pack):
    html = (pack / "bias-fr-standard.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr"' in html
    assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?!data:)', html)
    assert html.count('class="decodia-quiz__variant"') == 4
    assert '"correct"' not in html and "Réponse :" not in html      # the keys travel scrambled


@pytest.mark.skipif(not shutil.which("chromium"), reason="PDFs are printed by Chromium")
def test_worksheets_carry_no_answers_and_the_key_is_separate(pack):
    from pypdf import PdfReader

    from quizzes.assemble import assemble

    sheets = PdfReader(pack / "bias-fr-standard-fiches.pdf")
    key = PdfReader(pack / "bias-fr-standard-corrige.pdf")
    sheet_text = "\n".join(p.extract_text() for p in sheets.pages)
    key_text = "\n".join(p.extract_text() for p in key.pages)
    for seed in range(7, 11):
        quiz = assemble(module_bank("bias"), "fr", "standard", None, seed)
        assert f"Code de la série : {quiz.id}" in sheet_text and f"Code de la série : {quiz.id}" in key_text
        for q in quiz.questions:
            assert q.objective in key_text
    assert sheet_text.count("Nom") >= 4 and sheet_text.count("Date") >= 4
    assert "Réponse :" not in sheet_text and "Objectif :" not in sheet_text
    assert key_text.count("Réponse :") == 4 * len(quiz.questions)
    assert all(round(float(p.mediabox.width)) == 612 for p in [*sheets.pages, *key.pages])   # Letter
    assert "page 1 de" in sheets.pages[0].extract_text()


@pytest.mark.browser
def test_the_web_page_grades_offline_by_keyboard(browser, pack):
    from quizzes.assemble import assemble
    from tests.conftest import PageWatch
    from tests.test_browser import _answer_by_keyboard

    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, (pack / "x").as_uri().rsplit("/", 1)[0])
    page.goto((pack / "bias-fr-standard.html").as_uri())
    quiz = assemble(module_bank("bias"), "fr", "standard", None, 7)
    _answer_by_keyboard(page, quiz)
    page.wait_for_function("document.querySelector('[data-decodia-quiz] [data-score]').textContent.length > 0")
    full = f"{quiz.max_points:g}"
    assert page.locator("[data-decodia-quiz] [data-score]").inner_text() == f"Résultat : {full} sur {full} points."
    assert watch.console_errors == [] and watch.outside == []
    assert watch.axe_violations() == []
    context.close()
