"""Real-browser tests: Playwright driving Debian's Chromium against the built book on 127.0.0.1."""
import re

import pytest

from book.editions import all_editions
from core.course import modules

SLUGS = [m.slug for m in modules()]
PAGES = ["index.html", "glossary.html", "teaching.html", "search.html", "genindex.html"] + \
    [f"{slug}{suffix}.html" for slug in SLUGS for suffix in ("", "-guide")]
EVERY_PAGE = ["index.html"] + [f"{e.lang}/{e.level}/{p}" for e in all_editions() for p in PAGES]


@pytest.mark.parametrize("path", EVERY_PAGE)
def test_page_is_clean_sovereign_and_accessible(watch, path):
    page = watch.goto(path)
    assert watch.outside == [], "requests to another host"
    assert watch.failed == [], "failed requests (404s included)"
    assert watch.console_errors == []
    assert watch.axe_violations() == []
    assert page.locator("html").get_attribute("lang") in {"fr", "en"}


def test_reader_flow_by_keyboard_landing_to_demo(watch):
    page = watch.goto("index.html")
    # Landing page: reach "Open the edition" for English standard by keyboard only.
    link = page.locator('a[href="en/standard/index.html"]')
    for _ in range(page.locator("a[href], button, input, select").count() + 1):    # every stop of the page at most
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "en/standard/index.html":
            break
    assert link.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/standard/index\.html$"))
    # Edition home: open the lesson.
    page.get_by_role("link", name="How does a chatbot work?").first.click()
    page.wait_for_url(re.compile(r"/en/standard/chatbots\.html$"))
    # The next-word demo: change the start of the sentence with the keyboard.
    demo = page.locator("#demo-next-word")
    shown = demo.locator(".decodia-demo__panel:not([hidden])")
    before = shown.inner_text()
    select = demo.locator("select").first
    select.focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_function("document.querySelector('#demo-next-word [data-status]').textContent.length > 0")
    after = shown.inner_text()
    assert after != before and "After" in after
    assert demo.locator(".decodia-demo__panel:not([hidden])").count() == 1
    status = demo.locator("[data-status]").inner_text()
    assert status.startswith("Showing the result for Start of a sentence = The cat")
    assert watch.console_errors == [] and watch.outside == []


def test_temperature_slider_by_keyboard_changes_the_text(watch):
    page = watch.goto("fr/simple/chatbots.html")
    demo = page.locator("#demo-temperature")
    slider = demo.locator('input[type="range"]')
    before = demo.locator(".decodia-demo__panel:not([hidden])").inner_text()
    assert slider.get_attribute("aria-valuetext") == "1,0"
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert slider.get_attribute("aria-valuetext") == "2,5"
    assert demo.locator("output").inner_text() == "2,5"
    after = demo.locator(".decodia-demo__panel:not([hidden])").inner_text()
    assert after != before and "température 2,5" in after
    assert "Température = 2,5" in demo.locator("[data-status]").inner_text()


@pytest.mark.parametrize("module", modules(), ids=lambda m: m.slug)
def test_every_demo_of_every_edition_switches_state(watch, module):
    for e in all_editions():
        page = watch.goto(f"{e.lang}/{e.level}/{module.slug}.html")
        demos = page.locator("[data-decodia-demo]")
        assert demos.count() + page.locator("[data-decodia-game]").count() == len(module.demos)
        for i in range(demos.count()):
            demo = demos.nth(i)
            before = demo.locator(".decodia-demo__panel:not([hidden])").inner_html()
            control = demo.locator("[data-control]").first
            control.focus()
            at_end = control.evaluate("c => c.type === 'range' ? c.value === c.max "
                                      ": c.selectedIndex === c.options.length - 1")
            if control.get_attribute("type") == "range":
                page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
            else:
                page.keyboard.press("ArrowUp" if at_end else "ArrowDown")
            after = demo.locator(".decodia-demo__panel:not([hidden])").inner_html()
            assert after != before, f"{e.name}: demo {demo.get_attribute('data-decodia-demo')} did not change"
    assert watch.console_errors == []


@pytest.mark.parametrize("path,words,again", [
    ("fr/simple/deepfakes.html", ("8 bonnes réponses sur 8", "0,4 fois sur 100"), ("Partie 2 sur 5", "4 bonnes réponses sur 8", "12 sur 16")),
    ("en/standard/deepfakes.html", ("8 of 8 right", "0.4 times in 100"), ("Round 2 of 5", "4 of 8 right", "12 of 16"))])
def test_real_or_generated_game_by_keyboard_scores_against_chance(watch, path, words, again):
    import base64
    import json

    page = watch.goto(path)
    game = page.locator("[data-decodia-game]")
    score = game.locator("[data-score]")
    form = game.locator("form:not([hidden])")
    form.locator("button[type=submit]").focus()
    page.keyboard.press("Enter")
    assert score.inner_text() in ("Choisissez une réponse pour chaque image, puis vérifiez.",
                                  "Choose an answer for each image, then check.")
    truth = json.loads(base64.b64decode(form.get_attribute("data-truth")))
    for i, fake in enumerate(truth):
        form.locator("fieldset").nth(i).locator(f'input[value="{fake}"]').focus()
        page.keyboard.press("Space")
    form.locator("button[type=submit]").focus()
    page.keyboard.press("Enter")
    text = score.inner_text()
    assert all(w in text for w in words), text
    verdicts = form.locator("[data-verdict]").all_inner_texts()
    assert len(verdicts) == 8 and all(v for v in verdicts)
    # a new round, answered all "real": half right, which guessing matches often
    game.locator("[data-next]").focus()
    page.keyboard.press("Enter")
    second = game.locator("form:not([hidden])")
    assert score.inner_text() == "" and again[0] in second.inner_text()
    for i in range(8):
        second.locator("fieldset").nth(i).locator('input[value="0"]').focus()
        page.keyboard.press("Space")
    second.locator("button[type=submit]").click()
    assert all(w in score.inner_text() for w in again[1:]), score.inner_text()   # 4 of 8, and 12 of 16 so far
    assert watch.console_errors == [] and watch.outside == []
    assert watch.axe_violations() == []


def test_switcher_leads_to_the_same_page_in_another_edition(watch):
    page = watch.goto("fr/simple/chatbots.html")
    page.locator(".decodia-switcher").get_by_role("link", name="English · In depth").click()
    page.wait_for_url(re.compile(r"/en/advanced/chatbots\.html$"))
    assert page.locator("h1").first.inner_text().startswith("How does a chatbot work?")
    page.locator(".decodia-switcher").get_by_role("link", name=re.compile("^Home")).click()
    page.wait_for_url(re.compile(r"/index\.html$"))
    assert watch.failed == []


def test_print_shows_the_content_alone(watch):
    page = watch.goto("en/standard/chatbots.html")
    page.emulate_media(media="print")
    for hidden in [".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".decodia-switcher",
                   ".decodia-demo__controls", ".bd-footer"]:
        loc = page.locator(hidden)
        if loc.count():
            assert not loc.first.is_visible(), f"{hidden} is printed"
    assert page.locator("h1:visible").count() >= 1  # the theme prints the title once
    assert page.locator(".decodia-demo__setting").first.is_visible()


def test_simple_pages_print_in_large_type_with_their_folded_boxes_open(watch):
    """Issue 14: at `simple`, paper gets 14 pt text, lines of about 65 characters, left-aligned, unhyphenated,
    and the "Pour aller plus loin" boxes open; the other levels keep their print."""
    page = watch.goto("fr/simple/bias.html")
    assert page.locator("body").get_attribute("data-decodia-level") == "simple"
    page.emulate_media(media="print")
    text = page.evaluate("""() => {
      const p = [...document.querySelectorAll('.bd-article section > p')].find(e => e.offsetParent !== null);
      const cs = getComputedStyle(p), probe = document.createElement('span');
      probe.textContent = '0'.repeat(100); probe.style.whiteSpace = 'nowrap'; probe.style.overflowWrap = 'normal';
          p.appendChild(probe);
      const ch = probe.getBoundingClientRect().width / 100; probe.remove();
      return {size: parseFloat(cs.fontSize), line: parseFloat(cs.lineHeight), align: cs.textAlign,
              hyphens: cs.hyphens, chars: parseFloat(cs.maxWidth) / ch,
              h2: parseFloat(getComputedStyle(document.querySelector('.bd-article h2')).fontSize)};
    }""")
    assert text["size"] >= 14 * 96 / 72 - 0.01, text           # 14 pt in CSS pixels
    assert 1.4 <= text["line"] / text["size"] <= 1.6 and text["align"] in {"left", "start"}
    assert text["hyphens"] == "manual" and text["chars"] <= 70 and text["h2"] >= 1.35 * text["size"]
    boxes = page.locator("details.sd-dropdown")
    assert boxes.count() >= 1, "a simple page keeps its depth in folded boxes"
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert all(boxes.nth(i).evaluate("d => d.open") for i in range(boxes.count()))
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not any(boxes.nth(i).evaluate("d => d.open") for i in range(boxes.count()))
    page = watch.goto("fr/standard/bias.html")
    page.emulate_media(media="print")
    assert page.locator("body").get_attribute("data-decodia-level") == "standard"
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.bd-article section > p')).fontSize)") == 16


# -- the self-check quiz, answered by keyboard ------------------------------------------------

def _answer_by_keyboard(page, quiz, right=True):
    from quizzes.types.base import rights_shown

    form = f'form[data-quiz="{quiz.id}"]'
    for q in quiz.questions:
        fs = f'{form} fieldset[data-qid="{q.id}"]'
        if q.type in ("single", "truefalse", "multiple"):
            if q.type == "truefalse":
                values = ["true" if q.answer else "false"]
            elif q.type == "single":
                values = [q.key]
            else:
                values = q.key
            for v in values:
                page.focus(f'{fs} input[value="{v}"]')
                page.keyboard.press("Space")
        elif q.type in ("numeric", "text"):
            page.focus(f"{fs} input")
            value = q.key if q.type == "text" else f"{q.answer:g}"
            page.keyboard.type(str(value).replace(".", ",") if quiz.lang == "fr" else str(value))
        elif q.type == "ordering":
            for c in q.choices:
                page.focus(f'{fs} select[data-choice="{c.id}"]')
                page.keyboard.type(str(q.order.index(c.id) + 1))
        elif q.type == "matching":
            rights = rights_shown(q)   # in the variant's shuffled order, as the page lists them
            for left, target in q.pairs:
                page.focus(f'{fs} select[data-choice="{left}"]')
                for _ in range(rights.index(target) + 1):
                    page.keyboard.press("ArrowDown")
    page.focus(f"{form} button.decodia-quiz__check")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("lang,level", [("en", "standard"), ("fr", "simple")])
def test_quiz_answered_by_keyboard_is_graded_with_feedback(watch, lang, level, tmp_path):
    from quizzes import SelfCheck

    quiz = SelfCheck("chatbots", lang, level).quizzes[0]
    page = watch.goto(f"{lang}/{level}/chatbots.html")
    _answer_by_keyboard(page, quiz)
    score = page.locator("[data-decodia-quiz] [data-score]")
    score.wait_for()
    page.wait_for_function("document.querySelector('[data-decodia-quiz] [data-score]').textContent.length > 0")
    full = f"{quiz.max_points:g}"
    expected = {"en": f"Score: {full} out of {full} points.", "fr": f"Résultat : {full} sur {full} points."}[lang]
    assert score.inner_text() == expected
    feedback = page.locator(f'form[data-quiz="{quiz.id}"] .decodia-q__feedback')
    assert feedback.count() == len(quiz.questions)
    assert all("is-right" in feedback.nth(i).get_attribute("class") for i in range(feedback.count()))
    assert watch.axe_violations() == []
    # Progress stays in this browser: after a reload, the last result is shown.
    page.reload()
    page.wait_for_load_state("networkidle")
    assert full in page.locator("[data-decodia-quiz] [data-last]").inner_text()
    # The result file a learner hands to a teacher is graded the same by `decodia grade`.
    with page.expect_download() as info:
        page.focus('[data-decodia-quiz] [data-action="json"]')
        page.keyboard.press("Enter")
    result = tmp_path / f"{lang}-learner.json"
    info.value.save_as(result)
    key = tmp_path / "key.json"
    key.write_text(quiz.to_json(), encoding="utf-8")
    import csv
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "book.cli", "grade", "--key", str(key), "--responses", str(result),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    row = next(csv.DictReader((tmp_path / "out" / "gradebook.csv").open(encoding="utf-8")))
    assert row["score"] == full
    assert watch.console_errors == [] and watch.outside == [] and watch.failed == []


def test_quiz_wrong_answers_and_new_questions(watch):
    page = watch.goto("en/simple/chatbots.html")
    quiz = page.locator("[data-decodia-quiz]")
    first = quiz.locator("form[data-variant]").first
    first.locator("button.decodia-quiz__check").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[data-decodia-quiz] [data-score]').textContent.length > 0")
    assert quiz.locator("[data-score]").inner_text().startswith("Score: 0 out of")
    assert "Answer to review." in first.locator(".decodia-q__feedback").first.inner_text()
    quiz.locator('[data-action="new"]').focus()
    page.keyboard.press("Enter")
    visible = quiz.locator("form[data-variant]:not([hidden])")
    assert visible.count() == 1 and visible.get_attribute("data-variant") == "2"
    assert quiz.locator("[data-score]").inner_text() == ""
    assert watch.console_errors == []
