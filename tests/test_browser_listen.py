"""The "Listen" control (book/theme/static/decodia-listen.js) in Chromium, with a scripted speech synthesis.

Chromium here has no voice, and a real one could not be checked anyway: an init script replaces
`speechSynthesis` and `SpeechSynthesisUtterance` with a fake that lists the voices a test gives it (some on the
device, some on the network), records every utterance (text, lang, voice, rate) and fires its events
asynchronously, as browsers do. In "auto" mode each utterance ends by itself at once (in a later task); in
"manual" mode it ends only when the test says so.
"""
from __future__ import annotations

import json
import re

import pytest

from book.editions import all_editions
from core.i18n import gettext
from core.languages import locale

FAKE_SPEECH = """
(() => {
  const config = %s;
  const log = [], listeners = {};
  let current = null, loaded = false;
  const queue = [];
  const fake = window.__speech = { log, cancels: 0, config, end: () => current && finish(current) };
  function Utterance(text) {
    this.text = text; this.lang = ""; this.voice = null; this.rate = 1; this.pitch = 1; this.volume = 1;
    this._on = {};
  }
  Utterance.prototype.addEventListener = function (type, f) { (this._on[type] = this._on[type] || []).push(f); };
  Utterance.prototype.removeEventListener = function () {};
  Utterance.prototype._fire = function (type, extra) {
    const event = Object.assign({ type, utterance: this, charIndex: 0, elapsedTime: 0 }, extra || {});
    if (this["on" + type]) this["on" + type](event);
    (this._on[type] || []).forEach((f) => f(event));
  };
  // A task soon after, without the 4 ms floor of nested timers (events of a real engine are tasks too).
  const channel = new MessageChannel(), tasks = [];
  channel.port1.onmessage = () => tasks.shift()();
  function soon(f) { tasks.push(f); channel.port2.postMessage(0); }
  function pump() {
    if (current || !queue.length || synth.paused) return;
    const u = current = queue.shift();
    synth.speaking = true;
    soon(() => { if (current === u) u._fire("start"); });
    if (config.mode === "auto") soon(() => finish(u));
  }
  function finish(u) {
    if (current !== u) return;
    current = null;
    synth.speaking = queue.length > 0;
    u._fire("end");
    pump();
  }
  const synth = {
    speaking: false, pending: false, paused: false, onvoiceschanged: null,
    getVoices() {
      return loaded ? config.voices.map((v) => Object.assign({ voiceURI: v.name, default: false }, v)) : [];
    },
    speak(u) {
      log.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null, rate: u.rate });
      queue.push(u);
      pump();
    },
    cancel() {
      fake.cancels++;
      const was = current;
      const dropped = queue.splice(0);
      current = null;
      synth.speaking = false;
      // Chromium ends a cancelled utterance with an "end" (some versions) or an "interrupted" error.
      if (was) soon(() => was._fire("end"));
      dropped.forEach((u) => soon(() => u._fire("error", { error: "interrupted" })));
    },
    pause() { synth.paused = true; },
    resume() { synth.paused = false; pump(); },
    addEventListener(type, f) { (listeners[type] = listeners[type] || []).push(f); },
    removeEventListener(type, f) { listeners[type] = (listeners[type] || []).filter((g) => g !== f); },
  };
  if (config.missing) {
    delete window.speechSynthesis;
    delete window.SpeechSynthesisUtterance;
    Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
    return;
  }
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true, writable: true });
  // Voices arrive a little after the page loads, as in Chromium.
  setTimeout(() => {
    loaded = config.voices.length > 0;
    const event = { type: "voiceschanged" };
    if (synth.onvoiceschanged) synth.onvoiceschanged(event);
    (listeners.voiceschanged || []).forEach((f) => f(event));
  }, config.delay);
})();
"""

NET_FR_CA = {"name": "Google français (Canada)", "lang": "fr-CA", "localService": False}
LOCAL_FR_CA = {"name": "Amélie", "lang": "fr-CA", "localService": True}
LOCAL_FR_FR = {"name": "Thomas", "lang": "fr-FR", "localService": True}
NET_FR_FR = {"name": "Google français", "lang": "fr-FR", "localService": False}
LOCAL_EN_US = {"name": "Samantha", "lang": "en-US", "localService": True}
LOCAL_EN_CA = {"name": "Clara", "lang": "en_CA", "localService": True}      # Android writes en_CA
NET_EN_CA = {"name": "Google English (Canada)", "lang": "en-CA", "localService": False}
VOICES = [NET_FR_CA, LOCAL_FR_FR, LOCAL_FR_CA, NET_EN_CA, LOCAL_EN_US, LOCAL_EN_CA]

FR_LESSON = "fr/simple/chatbots.html"
EN_LESSON = "en/advanced/chatbots.html"     # the advanced edition shows its code
STATUS = "[data-decodia-listen] [data-listen=status]"


def fake_speech(voices=VOICES, mode="auto", delay=60, missing=False) -> str:
    return FAKE_SPEECH % json.dumps({"voices": voices, "mode": mode, "delay": delay, "missing": missing})


def ui(lang: str, key: str) -> str:
    from book.editions import interface

    return interface(lang)[key]


def open_with_voices(watch, path, **fake):
    watch.page.add_init_script(fake_speech(**fake))
    page = watch.goto(path)
    page.locator("[data-decodia-listen]").wait_for(state="visible")
    return page


def spoken(page) -> list[dict]:
    return page.evaluate("window.__speech.log.slice()")


def status_is(page, text: str):
    page.wait_for_function("([sel, t]) => document.querySelector(sel).textContent === t", arg=[STATUS, text])


def read_to_the_end(page) -> list[str]:
    """Press Listen and let the fake voice read the whole page, to the control's "End of the page."; the texts
    spoken, in order."""
    before = len(spoken(page))
    page.locator("[data-decodia-listen] [data-listen=main]").click()
    page.wait_for_function("""s => document.querySelector(s).textContent ===
                              JSON.parse(document.querySelector('[data-decodia-listen]').dataset.text).finished""",
                           arg=STATUS)
    return [u["text"] for u in spoken(page)[before:]]


def axe_on_the_control(page, mode: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA rules on the control alone, in a colour mode (the whole page is checked by
    tests/test_browser.py; what reading changes is the control, and the highlight, which is not in the DOM)."""
    from tests.conftest import AXE

    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("""async (mode) => {
      const root = document.documentElement, before = root.dataset.theme;
      root.dataset.theme = mode;
      const r = await axe.run({include: [['[data-decodia-listen]']]}, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
      root.dataset.theme = before;
      return r.violations.map(v => `${mode}: ${v.id} at ${v.nodes.map(n => n.target).join(' ')}`);
    }""", mode)


def words(text: str) -> str:
    """Text as the control speaks it: one space between words, no visible-space sign, no leading punctuation."""
    return re.sub(r"\s+", " ", text.replace("\u2423", " ")).strip(" ,;")


# -- every page has the control -------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", all_editions(), ids=lambda e: e.key)
def test_every_page_of_every_edition_has_the_control_in_its_language(built, edition):
    pages = sorted((built / edition.lang / edition.level).glob("*.html"))
    assert len(pages) >= 5
    voice = locale(edition.lang).replace("_", "-")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if page.stem in ("search", "genindex"):        # a search form and an index: nothing to read aloud
            assert "data-decodia-listen" not in html
            continue
        assert html.count("data-decodia-listen") == 1, page
        assert f'data-voice="{voice}"' in html and "_static/decodia-listen.js" in html, page
        assert f'aria-label="{gettext(edition.lang, "Listen to this page")}"' in html, page
        assert f"<span data-label>{gettext(edition.lang, 'Listen')}</span>" in html, page


def test_the_landing_page_has_the_control_in_every_language(built):
    from core import languages

    html = (built / "index.html").read_text(encoding="utf-8")
    assert html.count("data-decodia-listen") == 1
    voices = " ".join(locale(lang).replace("_", "-") for lang in languages.LANGS)
    assert f'data-voice="{voices}"' in html
    assert " / ".join(gettext(lang, "Listen") for lang in languages.LANGS) in html
    assert (built / "decodia-listen.js").is_file() and (built / "decodia-listen.css").is_file()


# -- which voice --------------------------------------------------------------------------------------------------

def _listen(page, voices) -> list[dict]:
    """With these voices on offer, press Listen by keyboard; what was spoken, then stop."""
    page.evaluate("""([v, status]) => {             // these voices, an empty log and an empty status
      window.__speech.config.voices = v;
      window.__speech.log.length = 0;
      document.querySelector(status).textContent = "";
    }""", [voices, STATUS])
    main = page.locator("[data-decodia-listen] [data-listen=main]")
    main.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("s => window.__speech.log.length > 0 || document.querySelector(s).textContent !== ''",
                           arg=STATUS)
    said = spoken(page)
    page.keyboard.press("Escape")
    return said


@pytest.mark.parametrize("path,lang,cases", [
    (FR_LESSON, "fr", [([NET_FR_CA, LOCAL_FR_FR, LOCAL_FR_CA, LOCAL_EN_CA], ("Amélie", "fr-CA")),
                       ([NET_FR_CA, LOCAL_EN_CA, LOCAL_FR_FR, NET_FR_FR], ("Thomas", "fr-FR")),
                       ([NET_FR_CA, NET_FR_FR, LOCAL_EN_CA], None),
                       ([], None)]),
    (EN_LESSON, "en", [([NET_EN_CA, LOCAL_FR_CA, LOCAL_EN_US, LOCAL_EN_CA], ("Clara", "en-CA")),
                       ([NET_EN_CA, LOCAL_EN_US], ("Samantha", "en-US")),
                       ([NET_EN_CA, LOCAL_FR_CA], None)]),
], ids=["fr", "en"])
def test_a_voice_on_the_device_is_chosen_never_a_network_one_or_the_control_says_there_is_none(
        watch, path, lang, cases):
    """Each case: the voices the device lists, in its order, and the voice and language expected (None: no
    voice on the device for the page's language, so the plain message and nothing spoken)."""
    first, *others = cases
    # the first time, Listen is pressed before the voices have arrived, as can happen in Chromium
    page = open_with_voices(watch, path, voices=first[0], mode="manual", delay=300)
    title = words(page.locator("article h1").first.inner_text().rstrip("#"))
    status = page.locator(STATUS)
    for voices, expected in cases:
        said = _listen(page, voices)
        if expected:
            assert [(u["voice"], u["lang"], u["rate"], u["text"]) for u in said] == [(*expected, 1, title)]
        else:
            assert said == []
            assert status.inner_text() == ui(lang, "listen_no_voice") and status.is_visible()
            assert page.locator("[data-decodia-listen] [data-listen=main]").inner_text().strip() == ui(lang, "listen")
    if lang == "fr":
        assert ui("fr", "listen_no_voice").startswith("Aucune voix française n'est installée sur cet appareil.")
    assert watch.console_errors == [] and watch.outside == []


@pytest.mark.parametrize("voices,expected", [
    ([NET_FR_CA, LOCAL_FR_CA, LOCAL_EN_CA], {"fr": ("Amélie", "fr-CA"), "en": ("Clara", "en-CA")}),
    ([NET_FR_CA, LOCAL_EN_CA], {"en": ("Clara", "en-CA")}),
], ids=["both", "english-only"])
def test_the_landing_page_reads_each_language_with_its_own_voice(watch, voices, expected):
    page = open_with_voices(watch, "index.html", voices=voices)
    said = read_to_the_end(page) and spoken(page)
    sections = {lang: page.locator(f'section[lang="{lang}"] h2').inner_text() for lang in ("fr", "en")}
    for lang, heading in sections.items():
        voice = [(u["voice"], u["lang"]) for u in said if u["text"] == heading]
        assert voice == ([expected[lang]] if lang in expected else []), (lang, said)
    assert all((u["voice"], u["lang"]) in expected.values() for u in said)
    assert watch.console_errors == [] and watch.outside == []


def test_a_browser_without_speech_synthesis_says_so(watch):
    page = open_with_voices(watch, FR_LESSON, missing=True)
    page.locator("[data-decodia-listen] [data-listen=main]").click()
    status_is(page, ui("fr", "listen_no_speech"))
    assert page.locator(STATUS).is_visible()
    assert watch.console_errors == []


# -- what is read, in what order --------------------------------------------------------------------------------

def test_french_lesson_is_read_in_order_with_demo_and_quiz_and_nothing_hidden(watch):
    page = open_with_voices(watch, FR_LESSON)
    said = read_to_the_end(page)
    text = "\n".join(said)
    assert said[0] == words(page.locator("article h1").first.inner_text().rstrip("#"))
    assert all(u["voice"] == "Amélie" and u["lang"] == "fr-CA" for u in spoken(page))

    def at(fragment: str) -> int:
        hits = [i for i, s in enumerate(said) if fragment in s]
        assert hits, f"not spoken: {fragment!r}"
        return hits[0]

    # headings in document order
    headings = [words(h.rstrip("#")) for h in page.locator("article section h2").all_inner_texts()]
    assert len(headings) >= 4
    order = [at(h) for h in headings]
    assert order == sorted(order)
    # a demo: its title, its settings and the result it shows now
    demo = page.locator("#demo-next-word")
    title = demo.locator(".decodia-demo__title").inner_text()
    label = demo.locator(".decodia-control label").first.inner_text()
    value = demo.locator("select").first.evaluate("s => s.options[s.selectedIndex].text")
    result = words(demo.locator(".decodia-demo__panel:not([hidden]) p").first.inner_text())
    assert at(title) < at(f"{label}: {value}") < at(result.split(". ")[0])
    # the quiz: the question of the variant shown, then its choices; never the hidden variant
    form = page.locator("[data-decodia-quiz] form:not([hidden])")
    question = form.locator("fieldset").first
    prompt = words(question.locator("legend").inner_text())
    choices = [words(c) for c in question.locator("label").all_inner_texts()]
    assert at(prompt.split("?")[0].split(". ")[-1]) < at(choices[0]) < at(choices[1]) < at(choices[-1])
    hidden = page.locator("[data-decodia-quiz] form[hidden] legend").first
    if hidden.count():
        other = words(hidden.inner_text())
        assert other not in text or other == prompt
    # closed dropdowns: their title only; blocks for paper: never
    for details in page.locator("article details.sd-dropdown").all():
        assert at(words(details.locator("summary").inner_text()))
        inside = details.locator(".sd-summary-content p").first
        if inside.count():
            assert words(inside.text_content()).split(". ")[0] not in text
    for paper in page.locator("article .decodia-on-paper p").all():
        assert words(paper.text_content()).split(". ")[0] not in text
    assert "\u2423" not in text and "http" not in text
    assert watch.console_errors == [] and watch.outside == []


def _read_from(page, target, count: int) -> list[str]:
    """Click `target` while reading (manual voice): the `count` sentences said from there."""
    n = len(spoken(page))
    target.click(position={"x": 3, "y": 6})
    page.wait_for_function(f"window.__speech.log.length === {n + 1}")
    for i in range(1, count):
        page.evaluate("window.__speech.end()")
        page.wait_for_function(f"window.__speech.log.length === {n + 1 + i}")
    return [u["text"] for u in spoken(page)[n:]]


def test_a_demo_is_read_as_it_is_now_and_reading_starts_again_from_the_top(watch):
    page = open_with_voices(watch, FR_LESSON, mode="manual")
    main = page.locator("[data-decodia-listen] [data-listen=main]")
    demo = page.locator("#demo-next-word")
    select = demo.locator("select").first
    title = words(page.locator("article h1").first.inner_text().rstrip("#"))

    def expected() -> list[str]:
        label = demo.locator(".decodia-control label").first.inner_text()
        value = select.evaluate("s => s.options[s.selectedIndex].text")
        panel = demo.locator(".decodia-demo__panel:not([hidden])").inner_text()
        return [demo.locator(".decodia-demo__title").inner_text(), f"{label}: {value}.", words(panel.splitlines()[0])]

    main.click()
    page.wait_for_function("window.__speech.log.length === 1")
    assert spoken(page)[0]["text"] == title
    said = _read_from(page, demo.locator(".decodia-demo__title"), 4)
    before = expected()
    assert [said[0], said[1], said[3]] == before
    page.keyboard.press("Escape")
    status_is(page, ui("fr", "listen_stopped"))
    select.focus()
    page.keyboard.press("ArrowDown")                       # the demo now shows another result
    after = expected()
    assert after[1] != before[1] and after[2] != before[2]
    n = len(spoken(page))
    main.focus()
    page.keyboard.press("Enter")                           # after Stop, reading starts again from the top
    page.wait_for_function(f"window.__speech.log.length === {n + 1}")
    assert spoken(page)[-1]["text"] == title
    said = _read_from(page, demo.locator(".decodia-demo__title"), 4)
    assert [said[0], said[1], said[3]] == after
    assert watch.console_errors == []


def test_clicking_inside_a_paragraph_reads_from_that_sentence(watch):
    page = open_with_voices(watch, FR_LESSON, mode="manual")
    page.locator("[data-decodia-listen] [data-listen=main]").click()
    page.wait_for_function("window.__speech.log.length === 1")
    # the first paragraph whose first text holds three sentences or more; the point where its third one starts
    found = page.evaluate(r"""() => {
      const seg = new Intl.Segmenter('fr', {granularity: 'sentence'});
      for (const p of document.querySelectorAll('article p')) {
        const t = p.firstChild;
        if (!t || t.nodeType !== 3) continue;
        const parts = [...seg.segment(t.data.replace(/\n/g, ' '))];
        if (parts.length < 3 || !/[.?!] ?$/.test(parts[1].segment.trim())) continue;
        p.scrollIntoView({block: 'center'});
        const r = document.createRange();
        r.setStart(t, parts[2].index); r.setEnd(t, parts[2].index + 1);
        const box = r.getBoundingClientRect();
        return {x: box.left + 2, y: box.top + box.height / 2,
                third: parts[2].segment, fourth: (parts[3] || {}).segment};
      }
    }""")
    assert found
    page.mouse.click(found["x"], found["y"])
    page.wait_for_function("window.__speech.log.length === 2")
    assert spoken(page)[1]["text"] == words(found["third"])
    page.evaluate("window.__speech.end()")
    page.wait_for_function("window.__speech.log.length === 3")
    if found["fourth"]:
        assert spoken(page)[2]["text"] == words(found["fourth"])
    assert watch.console_errors == []


def test_code_is_never_read(watch):
    page = open_with_voices(watch, EN_LESSON)
    said = "\n".join(read_to_the_end(page))
    assert all(u["voice"] == "Clara" and u["lang"] == "en-CA" for u in spoken(page))
    code = [line.strip() for block in page.locator("article .cell_input pre").all_text_contents()
            for line in block.splitlines() if len(line.strip()) > 12]
    assert len(code) > 5
    assert [line for line in code if line in said] == []
    assert "demo." not in said and "import " not in said


# -- pause, resume, slower, stop: by keyboard ----------------------------------------------------------------------

def test_pause_resume_slower_stop_and_escape_by_keyboard_with_the_sentence_highlighted(watch):
    page = open_with_voices(watch, FR_LESSON, mode="manual")
    box = page.locator("[data-decodia-listen]")
    main, stop, slower = (box.locator(f"[data-listen={n}]") for n in ("main", "stop", "slower"))
    assert axe_on_the_control(page, "light") == []                        # idle
    for _ in range(60):                                                   # reach Listen with Tab only
        page.keyboard.press("Tab")
        if main.evaluate("b => b === document.activeElement"):
            break
    assert main.evaluate("b => b === document.activeElement")
    assert stop.is_hidden() and slower.get_attribute("aria-pressed") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("window.__speech.log.length === 1")
    status_is(page, ui("fr", "listen_reading"))
    assert main.inner_text().strip() == "Pause" and stop.is_visible()
    highlighted = "(() => { const h = CSS.highlights.get('decodia-listen'); return h ? [...h].map(String) : []; })()"
    title = spoken(page)[0]["text"]
    assert [words(r) for r in page.evaluate(highlighted)] == [title]
    page.evaluate("window.__speech.end()")
    page.wait_for_function("window.__speech.log.length === 2")
    second = spoken(page)[1]["text"]
    assert [words(r) for r in page.evaluate(highlighted)] == [second]
    assert axe_on_the_control(page, "dark") == []                         # while reading

    page.keyboard.press("Space")                                          # Pause
    status_is(page, ui("fr", "listen_paused"))
    assert main.inner_text().strip() == "Reprendre"
    page.wait_for_timeout(150)                                            # the cancelled utterance has ended
    assert len(spoken(page)) == 2
    page.keyboard.press("Enter")                                          # Resume: the same sentence again
    page.wait_for_function("window.__speech.log.length === 3")
    assert spoken(page)[2]["text"] == second and main.inner_text().strip() == "Pause"

    page.keyboard.press("Shift+Tab")                                      # … Tab, Tab: "Slower"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert slower.evaluate("b => b === document.activeElement")
    page.keyboard.press("Space")
    assert slower.get_attribute("aria-pressed") == "true"
    page.wait_for_function("window.__speech.log.length === 4")
    assert (spoken(page)[3]["text"], spoken(page)[3]["rate"]) == (second, 0.75)
    page.evaluate("window.__speech.end()")
    page.wait_for_function("window.__speech.log.length === 5")
    assert spoken(page)[4]["rate"] == 0.75

    page.keyboard.press("Shift+Tab")                                      # Stop
    assert stop.evaluate("b => b === document.activeElement")
    page.keyboard.press("Enter")
    status_is(page, ui("fr", "listen_stopped"))
    assert main.evaluate("b => b === document.activeElement") and stop.is_hidden()
    assert main.inner_text().strip() == "Écouter" and page.evaluate(highlighted) == []
    page.wait_for_timeout(150)
    assert len(spoken(page)) == 5

    page.keyboard.press("Enter")                                          # again from the top, then Escape
    page.wait_for_function("window.__speech.log.length === 6")
    assert spoken(page)[5]["text"] == title
    page.keyboard.press("Escape")
    status_is(page, ui("fr", "listen_stopped"))
    assert main.inner_text().strip() == "Écouter"

    page.reload()                                                         # the slower speed is remembered
    page.locator("[data-decodia-listen]").wait_for(state="visible")
    assert slower.get_attribute("aria-pressed") == "true"
    assert watch.console_errors == [] and watch.outside == [] and watch.failed == []


def test_phone_width_and_print(watch):
    page = watch.page
    page.set_viewport_size({"width": 375, "height": 800})
    page = open_with_voices(watch, FR_LESSON)
    box = page.locator("[data-decodia-listen]")
    right = box.evaluate("b => Math.max(...[...b.querySelectorAll('button:not([hidden])')]"
                         ".map(x => x.getBoundingClientRect().right))")
    assert right <= 375
    assert all(h >= 44 for h in box.locator("button:visible").evaluate_all(
        "bs => bs.map(b => b.getBoundingClientRect().height)"))
    page.emulate_media(media="print")
    assert box.is_hidden()
