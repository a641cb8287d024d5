"""`decodia scorm` (issue 19): manifests valid against the official ADL/IMS schemas, and the package's page in
Chromium inside a frame of a test LMS whose API is scorm-again (an independent SCORM runtime, npm, test-only):
the self-check answered by keyboard reaches the runtime (status, score, interactions), the answers come back on a
second visit, with no console error, no failed request and no request to another host; the same in SCORM 2004;
and a page that finds no API grades as in the book."""
from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from book.cli import main
from book.scorm import ScormError, write_package
from core.course import modules
from core.serve import serving
from quizzes.keycode import reveal

ROOT = Path(__file__).resolve().parent.parent
XSD = ROOT / "tests" / "data" / "scorm-xsd"
RUNTIME = ROOT / "tests" / "browser" / "node_modules" / "scorm-again" / "dist"
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
DRIVERS = {"1.2": XSD / "1.2" / "scorm12_all.xsd", "2004": XSD / "2004" / "scorm2004_all.xsd"}


def manifest_of(zip_path: Path) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(zip_path).read("imsmanifest.xml"))


def schema(version: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DRIVERS[version])))


# -- arguments -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, says", [
    (["--module", "nope"], "no module 'nope'; the modules are: "),
    (["--module", "chatbots", "--mastery", "150"], "--mastery is a passing score in percent, from 0 to 100, not 150"),
    (["--module", "chatbots", "--mastery", "-5"], "from 0 to 100, not -5"),
    (["--module", "chatbots", "--version", "2.0"], "--version must be 1.2 or 2004"),
    (["--module", "chatbots", "--edition"], "give --module SLUG (one lesson) or --edition"),
    ([], "give --module SLUG (one lesson) or --edition"),
])
def test_bad_arguments_get_a_clear_message(argv, says, tmp_path, capsys):
    assert main(["scorm", "--lang", "fr", "--level", "simple", "--out", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("decodia scorm: ") and says in err
    assert list(tmp_path.iterdir()) == []


def test_a_missing_edition_says_what_to_run(tmp_path):
    with pytest.raises(ScormError, match=r"run `decodia build --lang en --level advanced --no-pdf` first"):
        write_package(["chatbots"], "en", "advanced", out=tmp_path, html=tmp_path / "nothing-built")


# -- manifests -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("version", ["1.2", "2004"])
@pytest.mark.parametrize("what", ["lesson", "edition"])
def test_manifest_validates_against_the_official_schemas(built, tmp_path, version, what):
    slugs = ["chatbots"] if what == "lesson" else None
    z = write_package(slugs, "fr", "simple", version=version, mastery=70, out=tmp_path, html=built)
    doc = manifest_of(z)
    xsd = schema(version)
    assert xsd.validate(doc), xsd.error_log
    names = set(zipfile.ZipFile(z).namelist())
    listed = {f.get("href") for f in doc.iter("{*}file")}
    assert listed <= names and {"_static/decodia-scorm.js", "chatbots.html"} <= listed
    ns = {"cp": doc.nsmap[None]}
    scos = doc.xpath("//cp:resource[@href]", namespaces=ns)
    assert len(scos) == (1 if slugs else len(doc.xpath("//cp:item", namespaces=ns)))
    if version == "1.2":
        assert [m.text for m in doc.iter("{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore")][0] == "70"
    else:
        assert doc.findtext(".//{http://www.imsglobal.org/xsd/imsss}minNormalizedMeasure") == "0.7"
    # The schemas do catch a bad manifest: a SCORM type that does not exist, a passing measure above 1.
    attr = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype" if version == "1.2" else \
        "{http://www.adlnet.org/xsd/adlcp_v1p3}scormType"
    scos[0].set(attr, "lesson")
    assert not xsd.validate(doc)


def test_same_arguments_same_bytes_and_a_teacher_readme(built, tmp_path):
    a = write_package(["chatbots"], "en", "simple", version="2004", out=tmp_path / "a", html=built)
    b = write_package(["chatbots"], "en", "simple", version="2004", out=tmp_path / "b", html=built)
    assert a.read_bytes() == b.read_bytes()
    note = (tmp_path / "a" / "decodia-chatbots-en-simple-scorm2004-README.md").read_text(encoding="utf-8")
    for lms in ("## Moodle", "## Brightspace", "## Canvas"):
        assert lms in note
    assert "No passing score" in note
    fr = write_package(["chatbots"], "fr", "simple", mastery=80, out=tmp_path / "fr", html=built)
    assert "Note de passage : 80 %" in zipfile.ZipFile(fr).read("LISEZMOI.md").decode("utf-8")


def test_page_is_made_for_an_lms_frame(built, tmp_path):
    z = zipfile.ZipFile(write_package(["chatbots"], "fr", "simple", out=tmp_path, html=built))
    page = z.read("chatbots.html").decode("utf-8")
    assert 'id="pst-primary-sidebar"' not in page and "decodia-switcher" not in page
    assert "prev-next-footer" not in page and "searchindex.js" not in page
    assert page.index("decodia-scorm.js") < page.index("decodia-quiz.js")
    tree = etree.HTML(page)
    for a in tree.iter("a"):
        href = a.get("href") or ""
        assert href.startswith(("#", "http://", "https://", "mailto:", "glossary.html")) or not href, href
        if href.startswith(("http", "glossary.html")):
            assert a.get("target") == "_blank" and a.get("rel") == "noopener"


# -- in Chromium, inside a test LMS --------------------------------------------------------------------------------

LMS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script><script src="scorm2004.min.js"></script></head>
<body><h1>Test LMS</h1><div id="player"></div>
<script>
  // The LMS side: scorm-again's runtime, errors logged (as console errors) so that the test sees them.
  window.startLesson = function (version, saved, launch) {
    var settings = { autocommit: false, logLevel: 4 };
    var api = version === "2004" ? new Scorm2004API(settings) : new Scorm12API(settings);
    if (saved) { api.loadFromJSON(saved); }
    if (version === "2004") { window.API_1484_11 = api; } else { window.API = api; }
    window.lmsApi = api;
    var frame = document.createElement("iframe");
    frame.title = "lesson"; frame.src = launch; frame.style.width = "1200px"; frame.style.height = "800px";
    document.getElementById("player").appendChild(frame);
    return new Promise(function (done) { frame.addEventListener("load", function () { done(true); }); });
  };
  window.record = function () { return JSON.parse(JSON.stringify(window.lmsApi.cmi)); };
</script></body></html>
"""


@pytest.fixture
def lms_site(built, tmp_path):
    """A folder served on 127.0.0.1: the test LMS page, scorm-again, and the packages unpacked under pkg-*/."""
    if not (RUNTIME / "scorm12.min.js").exists():
        pytest.fail("scorm-again is missing: run `cd tests/browser && npm ci`")
    site = tmp_path / "site"
    site.mkdir()
    (site / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copy(RUNTIME / name, site / name)

    def unpack(version: str, lang: str, level: str, mastery: float | None, slug: str = "chatbots") -> str:
        z = write_package([slug], lang, level, version=version, mastery=mastery, out=tmp_path / "zips",
                          html=built)
        folder = f"pkg-{slug}-{version}-{lang}-{level}"
        zipfile.ZipFile(z).extractall(site / folder)
        return folder

    with serving(site) as url:
        yield url, unpack


class Watch:
    def __init__(self, page, base: str):
        self.console_errors, self.outside, self.failed = [], [], []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:", "about:"))
                else self.outside.append(r.url))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))
        page.on("requestfailed", lambda r: self.failed.append(f"failed {r.url}"))

    def clean(self):
        assert (self.console_errors, self.outside, self.failed) == ([], [], [])


def answer_by_keyboard(frame, page, skip: int = 1) -> tuple[float, float, dict]:
    """Answer the shown set rightly by keyboard (radios and boxes with Space, numbers and words typed, lists by
    typing their option), except its first `skip` question(s), left blank; then check. Returns (points expected,
    maximum, {question id: what was chosen, for single-choice and true/false questions})."""
    form = frame.locator("form.decodia-quiz__variant:not([hidden])")
    keys = reveal(form.get_attribute("data-key"), form.get_attribute("data-quiz"))
    expected, chosen = 0.0, {}
    shown = form.locator("fieldset[data-qid]").evaluate_all("all => all.map(f => f.getAttribute('data-qid'))")
    assert sorted(shown) == sorted(keys)
    for qid in shown[skip:]:                          # in the page's order
        k = keys[qid]
        fs = form.locator(f'fieldset[data-qid="{qid}"]')
        kind = k["type"]
        if kind in ("single", "multiple", "truefalse"):
            values = k["correct"] if kind == "multiple" else [k["correct"][0]] if kind == "single" else \
                ["true" if k["answer"] else "false"]
            for value in values:
                fs.locator(f'input[value="{value}"]').focus()
                page.keyboard.press("Space")
            if kind != "multiple":
                chosen[qid] = values[0]
        elif kind in ("numeric", "text"):
            fs.locator("input").focus()
            page.keyboard.type(str(k["answer"]).replace(".", ",") if kind == "numeric" else k["accepted"][0])
            page.keyboard.press("Tab")
        elif kind in ("ordering", "matching"):      # a list per choice: its option reached with the arrow keys
            wanted = {cid: str(place) for place, cid in enumerate(k["order"], 1)} if kind == "ordering" else k["pairs"]
            for cid, value in wanted.items():
                select = fs.locator(f'select[data-choice="{cid}"]')
                options = select.locator("option").evaluate_all("all => all.map(o => o.value)")
                select.focus()
                for _ in range(options.index(value) - options.index(select.input_value())):
                    page.keyboard.press("ArrowDown")
                assert select.input_value() == value
        else:
            raise AssertionError(f"an item type this test does not answer: {kind}")
        expected += k["points"]
    assert chosen, "the set has no single-choice or true/false question to answer"
    form.locator("button.decodia-quiz__check").focus()
    page.keyboard.press("Enter")
    frame.locator("[data-score]").filter(has_text=re.compile(r"\S")).wait_for()
    return expected, float(form.get_attribute("data-max")), chosen


def interactions_of(cmi: dict) -> list[dict]:
    found = cmi["interactions"]
    items = found.get("childArray", found) if isinstance(found, dict) else found
    return list(items.values()) if isinstance(items, dict) else list(items)


@pytest.mark.parametrize("version, lang, level, mastery", [("1.2", "en", "simple", 1), ("2004", "fr", "standard", 100)])
def test_self_check_reaches_the_lms_and_comes_back(browser, lms_site, version, lang, level, mastery):
    base, unpack = lms_site
    folder = unpack(version, lang, level, mastery)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        watch = Watch(page, base)
        page.goto(f"{base}/lms.html")
        page.evaluate("([v, l]) => window.startLesson(v, null, l)", [version, f"{folder}/chatbots.html"])
        frame = page.frame_locator('iframe[title="lesson"]')
        frame.locator("[data-decodia-quiz]").wait_for()
        expected, max_points, chosen = answer_by_keyboard(frame, page)
        cmi = page.evaluate("window.record()")
        percent = expected / max_points * 100
        items = interactions_of(cmi)
        assert len(items) == len(frame.locator("form.decodia-quiz__variant:not([hidden]) fieldset").all())
        if version == "1.2":
            core = cmi["core"]
            assert core["lesson_status"] == "passed"                    # mastery 1 %
            assert float(core["score"]["raw"]) == pytest.approx(round(percent, 2))
            assert (core["score"]["min"], core["score"]["max"]) == ("0", "100")
        else:
            assert cmi["completion_status"] == "completed"
            assert cmi["success_status"] == "failed"                    # mastery 100 %, blanks left
            assert float(cmi["score"]["raw"]) == pytest.approx(expected), json.dumps(items, indent=0)
            assert float(cmi["score"]["max"]) == pytest.approx(max_points)
            assert float(cmi["score"]["scaled"]) == pytest.approx(round(percent / 100, 4))
        assert [i["result"] for i in items].count("correct") == len(items) - 1     # all right but the blank one
        by_question = {i["id"].rsplit(".", 1)[1]: i for i in items}
        first = frame.locator("form.decodia-quiz__variant:not([hidden]) fieldset").first.get_attribute("data-qid")
        said = "student_response" if version == "1.2" else "learner_response"
        assert by_question[first]["result"] == ("wrong" if version == "1.2" else "incorrect")   # left blank
        assert by_question[first][said] == ""
        for qid, value in chosen.items():
            expected_response = {"true": "t", "false": "f"}.get(value, value) if version == "1.2" else value
            assert by_question[qid][said] == expected_response and by_question[qid]["result"] == "correct"
        assert {i["type"] for i in items} <= {"choice", "true-false", "numeric", "fill-in", "sequencing", "matching"}
        assert len({i["id"] for i in items}) == len(items)
        saved = json.loads(cmi["suspend_data"])
        assert saved["last"]["score"] == pytest.approx(expected)
        # Leaving the page ends the session: time spent, answers kept for next time, terminated.
        page.evaluate("document.querySelector('iframe').src = 'about:blank'")
        page.wait_for_function("window.lmsApi.isTerminated()")
        cmi = page.evaluate("window.record()")
        exit_, time_ = (cmi["core"]["exit"], cmi["core"]["session_time"]) if version == "1.2" else \
            (cmi["exit"], cmi["session_time"])
        assert exit_ == "suspend" and time_
        watch.clean()
        assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('decodia:quiz'))") == []

        # Second visit: a new session given what the LMS kept; the answers and the last result are back.
        page2 = context.new_page()
        watch2 = Watch(page2, base)
        page2.goto(f"{base}/lms.html")
        kept = {"suspend_data": cmi["suspend_data"]}
        page2.evaluate("([v, s, l]) => window.startLesson(v, s, l)", [version, kept, f"{folder}/chatbots.html"])
        frame2 = page2.frame_locator('iframe[title="lesson"]')
        frame2.locator("[data-decodia-quiz]").wait_for()
        for qid, value in chosen.items():
            assert frame2.locator(f'form:not([hidden]) fieldset[data-qid="{qid}"] input[value="{value}"]').is_checked()
        assert frame2.locator("[data-last]").inner_text() != ""
        watch2.clean()
    finally:
        context.close()


def test_every_lesson_opens_a_session_and_loads_clean_in_the_lms(browser, lms_site):
    base, unpack = lms_site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        watch = Watch(page, base)
        for slug in [m.slug for m in modules()]:          # every module the registry lists, new ones included
            folder = unpack("2004", "fr", "simple", None, slug)
            page.goto(f"{base}/lms.html")
            page.evaluate("([v, l]) => window.startLesson(v, null, l)", ["2004", f"{folder}/{slug}.html"])
            page.frame_locator('iframe[title="lesson"]').locator("[data-decodia-quiz]").wait_for(timeout=10_000)
            assert page.evaluate("window.lmsApi.isInitialized()"), slug
            assert page.evaluate("window.record()")["completion_status"] == "incomplete", slug
        page.wait_for_load_state("networkidle")
        watch.clean()
    finally:
        context.close()


def test_without_an_lms_the_page_grades_as_in_the_book(browser, lms_site):
    base, unpack = lms_site
    folder = unpack("1.2", "en", "simple", 50)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        watch = Watch(page, base)
        page.goto(f"{base}/{folder}/chatbots.html")
        answer_by_keyboard(page, page)
        assert page.locator("[data-score]").inner_text() != ""
        assert page.evaluate("typeof window.DecodiaQuizStore") == "undefined"
        stored = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('decodia:quiz'))")
        assert stored == ["decodia:quiz:chatbots-en-simple"]
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id)""")
        assert found == [], "the package's page is as accessible as the book's"
        # The glossary the lesson links to is in the package, and as clean.
        link = page.locator('a[href^="glossary.html#"]').first
        assert (link.get_attribute("target"), link.get_attribute("rel")) == ("_blank", "noopener")
        page.goto(f"{base}/{folder}/{link.get_attribute('href')}")
        page.wait_for_load_state("networkidle")
        assert page.locator("dl.glossary").count() == 1
        watch.clean()
    finally:
        context.close()
