"""The book served by a school's own plain-HTTP server: quizzes, demos and the game still work.

A page on `http://serveur-ecole/` is not a secure context: `crypto.subtle`, `crypto.randomUUID`,
`navigator.clipboard` and the like are missing there. Chromium resolves the made-up host name
`serveur-ecole` to the test server on 127.0.0.1, so the page really is on a non-local origin
over plain HTTP (127.0.0.1 and localhost would count as secure).
"""
import re
import shutil

import pytest

from quizzes import SelfCheck
from quizzes.keycode import obfuscate, reveal
from quizzes.page import key_of
from tests.conftest import CHROMIUM_ARGS, PageWatch
from tests.test_browser import _answer_by_keyboard
from tests.test_keycode import TRICKY

HOST = "serveur-ecole"
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def school(browser, server):
    """A Chromium of its own that resolves `serveur-ecole` to the local test server."""
    port = server.rsplit(":", 1)[1]
    b = browser.browser_type.launch(
        executable_path=shutil.which("chromium"), timeout=60_000,
        args=CHROMIUM_ARGS + [f"--host-resolver-rules=MAP {HOST} 127.0.0.1", "--disable-features=HttpsUpgrades"])
    yield b, f"http://{HOST}:{port}"
    b.close()


@pytest.fixture
def at_school(school):
    b, base = school
    context = b.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    watch = PageWatch(page, base)
    yield watch
    context.close()


def _insecure(page):
    assert page.url.startswith(f"http://{HOST}:")
    assert page.evaluate("window.isSecureContext") is False
    assert page.evaluate("typeof crypto.subtle") == "undefined"   # what the quiz used to need


@pytest.mark.parametrize("lang,level", [("en", "standard"), ("fr", "simple")])
def test_quiz_is_graded_on_a_plain_http_school_server(at_school, lang, level, tmp_path):
    quiz = SelfCheck("chatbots", lang, level).quizzes[0]
    page = at_school.goto(f"{lang}/{level}/chatbots.html")
    _insecure(page)
    # the key in the served page is the one Python made, and it decodes with Python's reveal
    blob = page.locator(f'form[data-quiz="{quiz.id}"]').get_attribute("data-key")
    assert reveal(blob, quiz.id) == {q.id: key_of(q) for q in quiz.questions}
    _answer_by_keyboard(page, quiz)
    page.wait_for_function("document.querySelector('[data-decodia-quiz] [data-score]').textContent.length > 0")
    full = f"{quiz.max_points:g}"
    expected = {"en": f"Score: {full} out of {full} points.", "fr": f"Résultat : {full} sur {full} points."}[lang]
    assert page.locator("[data-decodia-quiz] [data-score]").inner_text() == expected
    feedback = page.locator(f'form[data-quiz="{quiz.id}"] .decodia-q__feedback')
    assert feedback.count() == len(quiz.questions)
    assert all("is-right" in feedback.nth(i).get_attribute("class") for i in range(feedback.count()))
    # progress kept in this browser, and the result file downloads, on this origin too
    page.reload()
    page.wait_for_load_state("networkidle")
    assert full in page.locator("[data-decodia-quiz] [data-last]").inner_text()
    with page.expect_download() as info:
        page.focus('[data-decodia-quiz] [data-action="json"]')
        page.keyboard.press("Enter")
    saved = tmp_path / "result.json"
    info.value.save_as(saved)
    assert f'"score": {full}' in saved.read_text(encoding="utf-8")
    assert at_school.console_errors == [] and at_school.outside == [] and at_school.failed == []


def test_demo_and_game_work_on_a_plain_http_school_server(at_school):
    import base64
    import json

    page = at_school.goto("fr/simple/deepfakes.html")
    _insecure(page)
    demo = page.locator("[data-decodia-demo]:not([data-decodia-game])").first
    before = demo.locator(".decodia-demo__panel:not([hidden])").inner_html()
    control = demo.locator("[data-control]").first
    control.focus()
    page.keyboard.press("ArrowRight" if control.get_attribute("type") == "range" else "ArrowDown")
    assert demo.locator(".decodia-demo__panel:not([hidden])").inner_html() != before
    game = page.locator("[data-decodia-game]")
    form = game.locator("form:not([hidden])")
    truth = json.loads(base64.b64decode(form.get_attribute("data-truth")))
    for i, fake in enumerate(truth):
        form.locator("fieldset").nth(i).locator(f'input[value="{fake}"]').focus()
        page.keyboard.press("Space")
    form.locator("button[type=submit]").focus()
    page.keyboard.press("Enter")
    assert f"{len(truth)} bonnes réponses sur {len(truth)}" in game.locator("[data-score]").inner_text()
    assert at_school.console_errors == [] and at_school.outside == [] and at_school.failed == []


REVEAL = re.compile(r"^  function reveal\(blob, salt\) \{\n.*?^  \}$", re.S | re.M)


@pytest.mark.parametrize("salt", ["chatbots-fr-simple-1", "sel é 🙂"])
def test_the_page_decodes_what_python_encodes(at_school, salt):
    """Python obfuscates; the `reveal` of the served decodia-quiz.js, run on the insecure origin, decodes."""
    page = at_school.goto("en/standard/chatbots.html")
    _insecure(page)
    source = page.evaluate("async () => (await fetch('_static/decodia-quiz.js')).text()")
    function = REVEAL.search(source)
    assert function, "decodia-quiz.js has no `function reveal(blob, salt)`"
    decoded = page.evaluate("([fn, blob, salt]) => (0, eval)('(' + fn + ')')(blob, salt)",
                            [function.group(0), obfuscate(TRICKY, salt), salt])
    assert decoded == TRICKY
    assert at_school.console_errors == []


def test_pages_work_when_the_browser_blocks_site_storage(browser, server, tmp_path):
    """A school policy that blocks site data makes `localStorage` throw: the theme and the search read it
    unguarded. With the stand-in of book/theme/templates/layout.html, the page stays clean and everything works."""
    import json

    (tmp_path / "Default").mkdir()
    (tmp_path / "Default" / "Preferences").write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}), encoding="utf-8")
    port = server.rsplit(":", 1)[1]
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path), executable_path=shutil.which("chromium"), headless=True, timeout=60_000,
        args=CHROMIUM_ARGS + [f"--host-resolver-rules=MAP {HOST} 127.0.0.1", "--disable-features=HttpsUpgrades"])
    try:
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        watch = PageWatch(context.new_page(), f"http://{HOST}:{port}")
        page = watch.goto("en/standard/chatbots.html")
        _insecure(page)
        # the stand-in replaces localStorage only when reading the real one threw
        assert page.evaluate("!(window.localStorage instanceof Storage)"), "the browser did not block site storage"
        page.focus("[data-decodia-quiz] form:not([hidden]) button.decodia-quiz__check")
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('[data-decodia-quiz] [data-score]').textContent.length > 0")
        assert page.locator("[data-decodia-quiz] [data-score]").inner_text().startswith("Score: 0 out of")
        page.locator(".theme-switch-button").first.click()   # the theme writes the mode to storage
        page = watch.goto("en/standard/search.html?q=token")
        page.locator("#search-results li").first.wait_for()
        assert watch.console_errors == [] and watch.outside == [] and watch.failed == []
    finally:
        context.close()
