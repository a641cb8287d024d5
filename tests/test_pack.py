"""Assignment packs (`decodia quiz --format ...`): every format, the teacher's README, byte-identical for the
same seed, worksheets without answers and a separate key, and a web page that grades itself offline."""
import hashlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import json
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from moodle_xml_parser import parser as moodle_parser

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
    assert sorted(n for n in names if n.endswith(".json")) == sorted(
        [f"bias-fr-standard-{s}.json" for s in range(7, 11)] + ["bias-fr-standard-keys.json"])
    for name in ("bias-fr-standard-moodle.xml", "bias-fr-standard.gift.txt", "bias-fr-standard-qti21.zip",
                 "bias-fr-standard.html", "LISEZMOI.txt"):
        assert name in names
    with zipfile.ZipFile(pack / "bias-fr-standard-qti21.zip") as z:
        assert "imsmanifest.xml" in z.namelist()
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())


def test_readme_is_in_the_pack_language_and_covers_import_paper_and_grading(pack, tmp_path):
    text = (pack / "LISEZMOI.txt").read_text(encoding="utf-8")
    for words in ("Importer dans Moodle", "une question aléatoire", "Canvas", "Brightspace", "GIFT",
                  "decodia grade --key bias-fr-standard-keys.json", "item-analysis.html", "4 série(s)",
                  "Moodle 4.4", "--moodle 4.0", "Nombre de questions aléatoires"):
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


# -- Moodle: versions, random questions, and the README's advice --------------------------------------------

def _moodle_questions(data: bytes) -> list[tuple[str, ET.Element]]:
    """(category, <question>) for every question of a Moodle XML file, read with ElementTree."""
    out, category = [], None
    for el in ET.fromstring(data).findall("question"):
        if el.get("type") == "category":
            category = el.findtext("category/text")
        else:
            out.append((category, el))
    return out


def test_moodle_40_pack_writes_no_ordering_question_and_reads_back(pack, tmp_path):
    new = (pack / "bias-fr-standard-moodle.xml").read_bytes()
    old_pack = decodia_quiz(tmp_path / "old", "--variants", "4", "--seed", "7", "--format", "moodle", "--moodle", "4.0")
    old = (old_pack / "bias-fr-standard-moodle.xml").read_bytes()
    ordering = [el for _, el in _moodle_questions(new) if el.get("type") == "ordering"]
    assert ordering, "the bias pack has ordering items: the test needs one"
    assert not [el for _, el in _moodle_questions(old) if el.get("type") == "ordering"]
    # the same questions, in the same categories; each ordering item is now a matching, item -> position
    pairs = list(zip(_moodle_questions(new), _moodle_questions(old)))
    assert len(pairs) == len(_moodle_questions(new)) == len(_moodle_questions(old))
    for (cat_new, a), (cat_old, b) in pairs:
        assert cat_new == cat_old and a.findtext("name/text") == b.findtext("name/text")
        if a.get("type") == "ordering":
            assert b.get("type") == "matching"
            right = [x.findtext("text") for x in a.findall("answer")]       # items in the right order
            subs = {s.findtext("text"): s.findtext("answer/text") for s in b.findall("subquestion")}
            assert subs == {item: str(i) for i, item in enumerate(right, 1)}
        else:
            assert ET.tostring(a) == ET.tostring(b)
    # moodle-xml-parser reads both files alike (it reads the multiple-choice questions, the bulk of the file)
    read_new, read_old = moodle_parser.parse_bytes(new), moodle_parser.parse_bytes(old)
    assert [(q.name, [o.answer for o in q.options]) for q in read_old["multichoice"]] == \
        [(q.name, [o.answer for o in q.options]) for q in read_new["multichoice"]]
    assert len(read_old["multichoice"]) == sum(el.get("type") == "multichoice" for _, el in _moodle_questions(old)) > 0
    readme = (old_pack / "LISEZMOI.txt").read_text(encoding="utf-8")
    assert "faite avec --moodle 4.0" in readme and "Moodle 4.0 et plus" in readme
    assert "coupe les éléments" not in readme       # matching responses are written in full


def _readme_table(readme: str) -> dict[str, list[str]]:
    """The README's table of random questions: objective -> its three numbers, as printed."""
    lines = readme.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip().startswith("Objectif"))
    rows = {}
    for ln in lines[start + 2:]:
        if not ln.strip():
            break
        cells = [c for c in ln.strip().split("   ") if c.strip()]
        rows[cells[0].strip()] = [c.strip() for c in cells[1:]]
    return rows


def test_readme_says_how_to_build_a_moodle_quiz_like_a_series_and_its_numbers_are_true(pack):
    readme = (pack / "LISEZMOI.txt").read_text(encoding="utf-8")
    table = _readme_table(readme)
    keys = json.loads((pack / "bias-fr-standard-keys.json").read_text(encoding="utf-8"))["quizzes"]
    n = len(keys[0]["questions"])
    categories = Counter(cat for cat, _ in _moodle_questions((pack / "bias-fr-standard-moodle.xml").read_bytes()))
    per_series = {o: [sum(q["objective"] == o for q in k["questions"]) for k in keys]
                  for o in {q["objective"] for k in keys for q in k["questions"]}}
    assert set(table) == set(per_series) | {"Total"}
    for objective, (in_category, in_series, draw) in ((o, v) for o, v in table.items() if o != "Total"):
        # what a random question draws among: the category of the objective in the real file
        assert int(in_category) == categories[f"$course$/top/Décodia/bias/fr-standard/{objective}"]
        lo, hi = min(per_series[objective]), max(per_series[objective])
        assert in_series == (str(lo) if lo == hi else f"{lo} à {hi}")
        assert lo <= int(draw) <= hi <= int(in_category)        # Moodle can always draw that many
    assert sum(int(v[2]) for o, v in table.items() if o != "Total") == n == int(table["Total"][2])
    assert len(categories) == len(per_series) and 2 <= min(categories.values())
    assert max(per_series[o][0] for o in per_series) > 1 and n > len(per_series)   # a series has more questions
    # every question of a category checks that category's objective
    for cat, el in _moodle_questions((pack / "bias-fr-standard-moodle.xml").read_bytes()):
        assert f"objective:{cat.rsplit('/', 1)[1]}" in [t.findtext("text") for t in el.findall("tags/tag")]


def test_a_pack_without_keys_does_not_send_the_teacher_to_a_key_it_lacks(tmp_path):
    out = decodia_quiz(tmp_path / "nokeys", "--variants", "2", "--seed", "3", "--format", "html,gift")
    readme = (out / "LISEZMOI.txt").read_text(encoding="utf-8")
    assert not list(out.glob("*.json"))
    assert "n'a pas de corrigés" in readme
    command = next(ln.strip() for ln in readme.splitlines() if ln.strip().startswith("decodia quiz "))
    key = next(w for w in readme.split() if w.endswith("-keys.json"))
    # the command the README gives writes the very key it then names, for the same series
    args = command.split()[2:]
    args[args.index("--out") + 1] = str(out)
    proc = subprocess.run([sys.executable, "-m", "book.cli", "quiz", *args], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (out / key).exists()
    assert _digests(out) == _digests(decodia_quiz(tmp_path / "again", "--variants", "2", "--seed", "3",
                                                  "--format", "json,html,gift"))
    with_keys = (decodia_quiz(tmp_path / "keys", "--variants", "2", "--seed", "3", "--format", "json")
                 / "LISEZMOI.txt").read_text(encoding="utf-8")
    assert "n'a pas de corrigés" not in with_keys and f"decodia grade --key {key}" in with_keys


def test_an_unknown_module_lists_the_modules_and_every_option_has_help():
    import argparse

    from book.cli import parser
    from core.course import modules

    proc = subprocess.run([sys.executable, "-m", "book.cli", "quiz", "--module", "biais", "--lang", "fr",
                           "--level", "simple", "--out", "x"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2 and "aucun module 'biais'" in proc.stderr and "Traceback" not in proc.stderr
    assert all(m.slug in proc.stderr for m in modules())
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    for command in ("quiz", "grade"):
        options = [a for a in sub.choices[command]._actions if a.option_strings and a.dest != "help"]
        assert options and all(a.help and len(a.help) > 15 for a in options), command
    assert "--moodle" in sub.choices["quiz"].format_help()
