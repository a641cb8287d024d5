"""Workshop kits (issue 18): every module's kit in every language loads, lays out, prints and reads easily; the back
of every scenario card is what the module's model computes; a bad kit file is refused with file, line and field."""
from __future__ import annotations

import dataclasses
import html
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from book.check import check_workshop
from core.course import modules
from core.formats import french_spacing
from core.i18n import gettext
from core.languages import LANGS
from core.printing import chromium
from tests.conftest import in_own_thread
from workshops.document import COLUMNS, GUTTER_MM, MARK_GAP_MM, MARK_MM, ROWS, Grid, kit_html
from workshops.kit import KitErrors, kit_path, load_kit
from workshops.printing import first_card_page, write_kits

ROOT = Path(__file__).resolve().parent.parent
WITH_KITS = [m for m in modules() if all(kit_path(m, lang).is_file() for lang in LANGS)]
KITS = [(m, lang) for m in WITH_KITS for lang in LANGS]
IDS = [f"{m.slug}-{lang}" for m, lang in KITS]


def test_every_finished_module_has_a_kit_in_every_language():
    finished = [m.slug for m in modules() if not m.draft]
    assert {m.slug for m in WITH_KITS} >= set(finished), "a finished module without a workshop kit"


@pytest.mark.parametrize("module, lang", KITS, ids=IDS)
def test_a_kit_passes_the_check_and_holds_what_a_workshop_needs(module, lang):
    assert check_workshop(module, []) == []
    kit = load_kit(module, lang)
    assert len(kit.scenarios) >= 12 and len(kit.roles) >= 5 and len(kit.priorities) >= 4
    settings = [(s.demo, s.indexes) for s in kit.scenarios]
    assert len(set(settings)) == len(settings), "two cards show the same demo with the same setting"
    assert len({s.demo for s in kit.scenarios}) >= 2, "the cards use more than one of the module's demos"


@pytest.mark.parametrize("module, lang", KITS, ids=IDS)
def test_every_card_back_is_the_models_print_face_for_the_cards_setting(module, lang):
    import importlib

    kit = load_kit(module, lang)
    page = kit_html(kit)
    widgets = importlib.import_module(f"widgets.{module.slug}")
    for s in kit.scenarios:
        demo = getattr(widgets, s.demo)(lang)            # a fresh demo: the model runs again for this setting
        face = demo.view(s.indexes).text
        back = re.search(rf'data-scenario="{s.id}">.*?<pre class="result fit">(.*?)</pre>', page, re.S)
        assert back and html.unescape(back.group(1)) == face, s.id
        typed = (lambda t: french_spacing(t)) if lang == "fr" else (lambda t: t)     # noqa: E731
        assert typed(s.situation) in html.unescape(page) and typed(s.question) in html.unescape(page)
    # the backs differ with the settings: they are computed, not one text repeated
    assert len({demo_text for demo_text in re.findall(r'<pre class="result fit">(.*?)</pre>', page, re.S)}) == len(kit.scenarios)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_backs_are_mirrored_so_that_double_sided_printing_puts_each_back_behind_its_front(paper):
    grid = Grid.for_paper(paper)
    items = list(range(COLUMNS * ROWS))
    fronts, backs = grid.cells(items), grid.cells(items, mirrored=True)
    for f, b in zip(fronts, backs):
        # flipping on the long edge maps x to (sheet width - x - card width) and keeps y
        assert b["x"] == pytest.approx(grid.sheet_w - f["x"] - grid.card_w, abs=0.01)
        assert b["y"] == f["y"]
    right = max(c["x"] for c in fronts) + grid.card_w
    bottom = max(c["y"] for c in fronts) + grid.card_h
    assert right < grid.sheet_w and bottom < grid.sheet_h, "the cards and their cut marks fit on the sheet"
    room = MARK_MM + MARK_GAP_MM - 0.1
    assert min(c["x"] for c in fronts) >= room and min(c["y"] for c in fronts) >= room, "room for the cut marks"
    assert grid.card_w > 170 and grid.card_h > 110 and GUTTER_MM >= 8      # half a sheet each


@pytest.mark.browser
@pytest.mark.skipif(not chromium(), reason="Chromium prints the kits")
def test_kits_print_on_letter_and_a4_with_their_pages_cut_marks_and_text(tmp_path):
    from pypdf import PdfReader

    module, lang = KITS[0]
    for paper in ("letter", "a4"):      # on A4 the guide takes another number of pages than on Letter
        written = in_own_thread(write_kits, [module], [lang], tmp_path / paper, paper=paper)
        pdf = next(p for p in written if p.suffix == ".pdf")
        reader = PdfReader(str(pdf))
        width, height = (float(x) for x in reader.pages[0].mediabox[2:])
        expected = {"letter": (612, 792), "a4": (595.3, 841.9)}[paper]             # points
        assert width == pytest.approx(expected[0], abs=2) and height == pytest.approx(expected[1], abs=2)
        kit = load_kit(module, lang)
        texts = [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]     # "ﬁ" ligatures
        sheets = -(-len(kit.scenarios) // (COLUMNS * ROWS))
        card_pages = [i for i, t in enumerate(texts) if any(s.question[:30] in " ".join(t.split()) for s in kit.scenarios)]
        assert len(card_pages) >= sheets            # the fronts (the guide's list of cards may name them too)
        every = " ".join(" ".join(t.split()) for t in texts)
        for s in kit.scenarios:
            assert " ".join(s.question.split())[:40] in every
        for r in kit.roles:
            assert r.name in every
        # double-sided: the first page of fronts is a right-hand (odd) page and its backs are on the next page
        flat = lambda t: " ".join(unicodedata.normalize("NFKC", t).upper().split())      # noqa: E731
        first = next(i for i, t in enumerate(texts) if flat(gettext(lang, "Scenario card {n}", n=1)) in flat(t))
        assert first % 2 == 0, f"the first page of scenario fronts is page {first + 1}, a left-hand page"
        assert flat(gettext(lang, "Back of card {n}: what the model shows", n=1)) in flat(texts[first + 1])
        assert first_card_page(pdf, kit) == first           # what the printer counts to decide on a blank page
        # cut marks: 4 corners x 2 strokes for each card place of a sheet of cards, drawn as vector lines
        drawn = [len(re.findall(rb"\sl\s", p.get_contents().get_data())) for p in reader.pages]
        roles = -(-len(kit.roles) // (COLUMNS * ROWS))
        assert sum(1 for n in drawn if n >= 8 * COLUMNS * ROWS) >= 2 * sheets + roles     # fronts, backs, roles


@pytest.mark.browser
@pytest.mark.skipif(not chromium(), reason="Chromium prints the kits")
def test_a_blank_page_moves_the_cards_by_one_page_and_the_printer_counts_it(tmp_path):
    in_own_thread(_blank_page_moves_the_cards, tmp_path)


def _blank_page_moves_the_cards(tmp_path):
    from pypdf import PdfReader

    from core.printing import Printer

    module, lang = KITS[0]
    kit = load_kit(module, lang)
    firsts = []
    with Printer("letter") as printer:
        for blank in (False, True):
            page = tmp_path / f"kit-{blank}.html"
            page.write_text(kit_html(kit, blank_before_cards=blank), encoding="utf-8")
            pdf = printer.print(page, tmp_path / f"kit-{blank}.pdf", "t", "s", lang)
            firsts.append(first_card_page(pdf, kit))
            if blank:
                before = PdfReader(str(pdf)).pages[firsts[-1] - 1].extract_text()
                assert "recto verso" in before or "double-sided" in before
    assert firsts[1] == firsts[0] + 1


@pytest.mark.browser
@pytest.mark.skipif(not chromium(), reason="Chromium lays the cards out")
@pytest.mark.parametrize("module, lang", KITS, ids=IDS)
def test_no_card_is_cut_off_and_each_sheet_fits_its_page(module, lang, tmp_path, browser):
    page_file = tmp_path / "kit.html"
    page_file.write_text(kit_html(load_kit(module, lang)), encoding="utf-8")
    grid = Grid.for_paper("letter")
    px = lambda mm: mm / 25.4 * 96       # noqa: E731  (CSS pixels)
    page = browser.new_page(viewport={"width": round(px(grid.sheet_w)), "height": 900})   # the printed width
    page.emulate_media(media="print")
    page.goto(page_file.as_uri())
    forms = page.evaluate("[...document.querySelectorAll('section.form')].map(s => s.getBoundingClientRect().height)")
    assert len(forms) == 3 and max(forms) <= px(grid.sheet_h), "a sheet to fill in spills onto a second page"
    over = page.evaluate("""[...document.querySelectorAll('.card')].filter(c =>
        c.scrollHeight > c.clientHeight + 1 || [...c.querySelectorAll('.fit')].some(f => f.scrollHeight > f.clientHeight + 1)
      ).map(c => c.querySelector('.card-kind').textContent)""")
    assert over == []
    sizes = page.evaluate("[...document.querySelectorAll('.fit')].map(f => parseFloat(f.style.fontSize))")
    assert sizes and min(sizes) >= 6, "a back's type shrank below 6 pt"
    page.close()


# -- bad files --------------------------------------------------------------------------------------

GOOD = (ROOT / "modules" / "chatbots" / "workshop" / "fr.yaml").read_text(encoding="utf-8")


def _kit_from(tmp_path, text: str):
    from core.course import module

    base = module("chatbots")
    (tmp_path / "workshop").mkdir(exist_ok=True)
    (tmp_path / "workshop" / "fr.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "workshop" / "en.yaml").write_text(kit_path(base, "en").read_text(encoding="utf-8"), encoding="utf-8")
    return dataclasses.replace(base, path=tmp_path)


def _errors(tmp_path, text: str) -> list[str]:
    with pytest.raises(KitErrors) as caught:
        load_kit(_kit_from(tmp_path, text), "fr")
    return [str(e) for e in caught.value.errors]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_bad_kit_file_is_refused_with_its_file_line_and_field(tmp_path):
    bad = GOOD.replace("    demo: chat\n", "    demo: chatt\n", 1)
    [err] = _errors(tmp_path, bad)
    assert "workshop/fr.yaml, line" in err and "field 'scenarios[1].demo'" in err and "'chatt' is not a demo" in err
    assert "next_word" in err                                 # it lists the demos there are

    bad = GOOD.replace("setting: {prompt: Il fait, n: 1}", "setting: {prompt: Il fait, n: 3}", 1)
    [err] = _errors(tmp_path, bad)
    assert "field 'scenarios[0].setting.n'" in err and "3 is not an option" in err and "1, 2" in err

    bad = GOOD.replace("setting: {prompt: Il fait, n: 1}", "setting: {prompte: Il fait}", 1)
    [err] = _errors(tmp_path, bad)
    assert "field 'scenarios[0].setting.prompte'" in err and "is not a control of demo 'next_word'" in err

    bad = GOOD.replace("    question: Le robot sait-il vraiment le temps qu'il fait dehors ?\n", "", 1)
    [err] = _errors(tmp_path, bad)
    assert f"line {_line_of(GOOD, 'id: biblio-meteo')}" in err and "scenarios[0].question" in err and "required" in err

    bad = GOOD.replace("id: clsc-australie", "id: biblio-meteo", 1)
    [err] = _errors(tmp_path, bad)
    assert "used twice" in err and "scenarios[1].id" in err

    bad = GOOD.replace("  - id: meteo-essai-deux", "  - id: Météo", 1)
    [err] = _errors(tmp_path, bad)
    assert "lower-case letters" in err and f"line {_line_of(GOOD, 'id: meteo-essai-deux')}" in err

    bad = GOOD.replace("question: Quand peut-on", "question: [Quand peut-on", 1)
    [err] = _errors(tmp_path, bad)
    assert "is not valid YAML" in err and "line" in err

    scenarios = GOOD.split("\n  - id: ")
    few = "\n  - id: ".join(scenarios[:6]) + "\nroles:" + GOOD.split("\nroles:", 1)[1]
    [err] = _errors(tmp_path, few)
    assert "field 'scenarios'" in err and "at least 12" in err


def test_the_check_holds_kit_texts_to_the_easy_to_read_sentence_rules(tmp_path):
    long = "Une phrase beaucoup trop longue qui enchaîne des idées sans jamais s'arrêter pour laisser respirer la personne."
    module = _kit_from(tmp_path, GOOD.replace("Le robot répond tout de suite.", long, 1))
    problems = check_workshop(module, [])
    assert any(f"workshop/fr.yaml:{_line_of(GOOD, 'Le robot répond tout de suite.') - 2}:" in p
               and "sentence of 17 words" in p for p in problems), problems


def test_the_command_names_an_unknown_module_and_a_missing_kit(tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "book.cli", "workshop", *a, "--out", str(tmp_path)],   # noqa: E731
                                    cwd=ROOT, capture_output=True, text=True)
    unknown = run("--module", "nope")
    assert unknown.returncode == 2 and "nope" in unknown.stderr and "chatbots" in unknown.stderr
    neither = run()
    assert neither.returncode == 2 and "--module" in neither.stderr and "--all" in neither.stderr
