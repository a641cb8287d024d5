"""Interface text in message catalogs (core/i18n.py, core/locales/): each catalog is complete and in step with
the code, and a third language needs its catalog, its module texts and one line of core/languages.py."""
import ast
import dataclasses
import html.parser
import json
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from book import messages
from core import i18n, languages

ROOT = Path(__file__).resolve().parent.parent
MESSAGE_CALLS = {"gettext", "ngettext", "pgettext", "N_", "NP_", "_"}


@pytest.fixture(scope="module")
def found():
    """Every message the code and the templates use, as Babel extracts them (babel.cfg)."""
    return messages.extract(ROOT)


@pytest.mark.parametrize("lang", languages.LANGS)
def test_each_catalog_holds_every_message_the_code_uses_translated_and_no_other(found, lang):
    problems = messages.problems(messages.read(lang), found)
    assert not problems, "\n".join(problems) + "\n(update the catalogs with: python -m book.messages)"


def test_the_check_catches_a_missing_an_empty_a_fuzzy_and_an_unused_message():
    found = {("Check my answers", None): ["quizzes/page.py"], ("Set {n} of {total}", None): ["quizzes/page.py"],
             (("{n} point", "{n} points"), None): ["quizzes/page.py"], ("Sources", None): ["book/sphinxext.py"],
             ("Answer:", None): ["quizzes/answer_key.py"]}
    cat = Catalog(locale="fr_CA")
    cat.add("Check my answers", "Vérifier mes réponses")
    cat.add("Set {n} of {total}", "")                                        # empty
    cat.add(("{n} point", "{n} points"), ("{n} point", "", ""))              # a plural form left empty
    cat.add("Sources", "Sources", flags=["fuzzy"])                           # fuzzy
    cat.add("Old message", "Vieux message")                                  # no code uses it any more
    problems = "\n".join(messages.problems(cat, found))
    assert "'Set {n} of {total}' has no translation" in problems
    assert "'{n} point' has no translation" in problems
    assert "'Sources' is fuzzy" in problems
    assert "lacks 'Answer:' (used in quizzes/answer_key.py)" in problems
    assert "keeps 'Old message', which no code uses any more" in problems
    assert "Check my answers" not in problems
    bad = Catalog(locale="fr_CA")
    bad.add("Set {n} of {total}", "Série {n} sur {totl}")
    assert "other placeholders" in "\n".join(messages.problems(bad, {("Set {n} of {total}", None): ["x"]}))


def _python_files():
    for folder in ("core", "widgets", "quizzes", "book"):
        yield from (ROOT / folder).rglob("*.py")


def test_every_message_written_in_the_code_is_one_babel_extracts(found):
    """Babel reads no call inside an f-string: such a message would be missing from every catalog unseen."""
    ids = {m if isinstance(m, str) else m[0] for m, _ in found}
    hidden = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in MESSAGE_CALLS:
                literal = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if node.func.id in ("pgettext", "NP_"):
                    literal = literal[1:]           # the context
                if literal and literal[0] not in ids:
                    hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}: {literal[0]!r}")
    assert not hidden, "messages Babel does not see (take them out of the f-string):\n" + "\n".join(hidden)


def test_no_language_table_is_left_in_the_interface_code():
    """Interface text lives in the catalogs: no dict literal keyed by the languages in widgets, quizzes or book.
    Not interface text: the languages' locales (the configuration), and the sample inputs and corpora of the
    chatbots demos (module texts, written for each language's corpus), and the easy-to-read check's grammar of
    each language (how it writes decimals and negations: rules about the language, never shown as interface)."""
    data = {("widgets/chatbots.py", name) for name in ("SENTENCES", "PROMPTS", "LETTER_PROMPTS", "QUESTIONS", "text")}
    data.add(("core/languages.py", "LOCALES"))
    data |= {("book/easyread.py", name) for name in ("_DECIMAL", "_NEGATION", "_LITOTE", "_STRONG")}
    tables = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                keys = {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                if {"fr", "en"} <= keys and not any((str(path.relative_to(ROOT)), n) in data for n in names):
                    tables.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not tables, "per-language tables: " + ", ".join(tables)


def test_messages_fill_placeholders_and_plurals_follow_each_language():
    assert i18n.gettext("fr", "Set {n} of {total}", n=1, total=3) == "Série 1 sur 3"
    assert i18n.gettext("fr", "Score: {score} out of {max} points.") == "Résultat : {score} sur {max} points."
    assert [i18n.ngettext("en", "{n} point", "{n} points", n) for n in (0, 1, 2)] == ["0 points", "1 point",
                                                                                      "2 points"]
    assert [i18n.ngettext("fr", "{n} word", "{n} words", n) for n in (1, 2)] == ["1 mot", "2 mots"]
    assert i18n.ngettext("fr", "{n} point", "{n} points", 1.5, n="1,5") == "1,5 points"
    assert i18n.pgettext("en", "gloss", "médecin") == "doctor"
    with pytest.raises(ValueError, match="no message catalog for language 'xx'"):
        i18n.gettext("xx", "Self-check")


def test_templates_escape_values_and_messages_like_the_rest_of_the_code(tmp_path):
    (tmp_path / "t.html.j2").write_text('<p title="{{ v }}">{{ _("Answer:") }} {{ v }}</p>', encoding="utf-8")
    out = i18n.render(tmp_path, "t.html.j2", "fr", v="<b>l'\"x\"</b>")
    assert out == ('<p title="&lt;b&gt;l&#x27;&quot;x&quot;&lt;/b&gt;">Réponse : '
                   '&lt;b&gt;l&#x27;&quot;x&quot;&lt;/b&gt;</p>')


def test_the_item_analysis_report_speaks_the_packs_language(tmp_path):
    from quizzes.assemble import assemble
    from quizzes.bank import module_bank
    from quizzes.grader import Intake
    from quizzes.report import write_report

    for lang, words in (("fr", ["Analyse des questions", "Lignes rejetées", "0 élève noté", "aucune"]),
                        ("en", ["Item analysis", "Rejected rows", "0 students graded", "none"])):
        out = tmp_path / lang
        out.mkdir()
        page = write_report(assemble(module_bank("bias"), lang, "standard", None, 1), [], Intake(), out).read_text(
            encoding="utf-8")
        assert f'<html lang="{lang}">' in page and all(w in page for w in words)


# -- a third language ---------------------------------------------------------------------------------------

PSEUDO = "qps"       # a pseudo-language: every letter of the English text accented, placeholders kept
_ACCENTS = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                         "áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÁƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ")


def pseudo(text: str) -> str:
    """Accented English, leaving {placeholders} as they are."""
    return "".join(part if part.startswith("{") else part.translate(_ACCENTS)
                   for part in re.split(r"(\{\w*[^{}]*\})", text))


@pytest.fixture
def third_language(tmp_path, monkeypatch):
    """The pseudo-language added as a third language would be: its catalog (made from the English one) and one
    line of core/languages.py (here, the same line patched in)."""
    locales = tmp_path / "locales"
    for lang in languages.LANGS:
        target = i18n.catalog_path(lang, locales)
        target.parent.mkdir(parents=True)
        target.write_bytes(i18n.catalog_path(lang).read_bytes())
    english = messages.read("en")
    cat = Catalog(locale="en_CA", domain=i18n.DOMAIN, fuzzy=False)      # English plural rules
    for m in english:
        if m.id:
            string = tuple(map(pseudo, m.string)) if isinstance(m.string, tuple) else pseudo(m.string)
            cat.add(m.id, string, context=m.context)
    messages.write(cat, i18n.catalog_path(PSEUDO, locales))
    # The pseudo-language has the interface's words only, not the module texts a real language writes: the
    # registry and the bank are loaded (and kept) as the course has them before the line is added.
    from core.course import course
    from quizzes.bank import module_bank

    course(), module_bank("bias")
    monkeypatch.setattr(i18n, "LOCALES", locales)
    monkeypatch.setattr(languages, "LOCALES", {**languages.LOCALES, PSEUDO: "en_CA"})    # the one line
    monkeypatch.setattr(languages, "LANGS", (*languages.LANGS, PSEUDO))
    i18n.translations.cache_clear()
    yield tmp_path
    i18n.translations.cache_clear()


class _Visible(html.parser.HTMLParser):
    """The text a reader sees or hears: text nodes (not styles or scripts), labels and the words our scripts show."""

    SPOKEN = ("aria-label", "title", "alt", "placeholder", "aria-valuetext", "data-shown")
    SCRIPT_TEXT = ("data-labels", "data-text")         # JSON: the page's script shows these words

    def __init__(self):
        super().__init__()
        self.texts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script")
        for name, value in attrs:
            if name in self.SPOKEN and value:
                self.texts.append(value)
            elif name in self.SCRIPT_TEXT and value:
                data = json.loads(value)
                self.texts += [v for v in (data.values() if isinstance(data, dict) else data) if isinstance(v, str)]

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._skip:
            self.texts.append(data)


def english_left(text: str, allowed=()) -> list[str]:
    """Runs of ASCII letters in visible text: pseudo-translation leaves none, so each one is a leak (the words
    our scripts show keep their {placeholders}, which the script fills)."""
    text = re.sub(r"\{\w+\}", " ", text)
    for word in allowed:
        text = text.replace(word, " ")
    return sorted(set(re.findall(r"[A-Za-z]{2,}", text)))


def visible(page: str) -> str:
    parser = _Visible()
    parser.feed(page)
    return "\n".join(parser.texts)


def _pseudo_quiz(quiz):
    """A quiz of the English bank with its module texts pseudo-translated too (a real third language writes
    them in the banks), so that every word on the page must come out of the pseudo-language."""
    def question(q):
        choices = tuple(dataclasses.replace(c, text=pseudo(c.text), feedback=pseudo(c.feedback)) for c in q.choices)
        answer = [pseudo(a) for a in q.answer] if isinstance(q.answer, list) else q.answer
        table = ({"headers": [pseudo(str(h)) for h in q.table["headers"]],
                  "rows": [[pseudo(str(c)) for c in row] for row in q.table["rows"]]} if q.table else None)
        return dataclasses.replace(
            q, lang=PSEUDO, prompt=pseudo(q.prompt), feedback=pseudo(q.feedback), choices=choices, answer=answer,
            table=table, pairs=tuple((left, pseudo(right)) for left, right in q.pairs),
            rights=tuple(pseudo(r) for r in q.rights), images=tuple({**i, "label": pseudo(i["label"])} for i in q.images))
    return dataclasses.replace(quiz, lang=PSEUDO, questions=tuple(question(q) for q in quiz.questions))


def test_a_third_language_is_a_catalog_and_one_line_of_configuration(third_language):
    """A throwaway edition in the pseudo-language, built from the catalogs alone: the landing page, and a page
    with a demo (all its faces) and the self-check (page, live, worksheet, printed sheet and key). Every word of
    the interface comes out pseudo-translated: no English leaks. Rendered with the Python renderers (a Sphinx
    build of a fourth, untranslated edition would take minutes and prove nothing more about the catalogs)."""
    from book.editions import Edition, all_editions
    from book.landing import landing_html
    from quizzes.live import LiveQuiz
    from quizzes.page import SelfCheck
    from quizzes.printable import answer_key_html, worksheets_html
    from quizzes.worksheet import answer_key_text, worksheet_text
    from widgets import bias, deepfakes

    site = third_language / "html"
    (site / PSEUDO / "standard").mkdir(parents=True)

    # the landing page: a third section, and the header and footer say it in the third language too
    landing = landing_html()
    (site / "index.html").write_text(landing, encoding="utf-8")
    section = re.search(rf'<section lang="{PSEUDO}".*?</section>', landing, re.S).group()
    assert english_left(visible(section), allowed=[f"{PSEUDO}/"]) == []
    assert f'<span lang="{PSEUDO}">/ {pseudo("Decoding AI")}</span>' in landing
    assert f'<span lang="{PSEUDO}">{pseudo("Choose a language and a reading level.")}</span>' in landing

    # the edition's book settings: interface words, table of contents, the switcher's nine editions
    edition = Edition(PSEUDO, "standard")
    ui = edition.config()["sphinx"]["config"]["html_context"]["decodia_ui"]
    words = [v for v in ui.values() if isinstance(v, str)] + list(ui["levels"].values())
    assert english_left(" ".join(words + [edition.title] + [p["caption"] for p in edition.toc()["parts"]])) == []
    assert len(all_editions()) == 9

    # a demo, in its three faces; and the game of the deepfakes module, which says its own words
    demo, game = bias.screening(PSEUDO), deepfakes.game(PSEUDO)
    faces = [demo.static_html(), game.static_html()]
    texts = [demo.view(demo.default).text, demo.setting_text(demo.default), game.text_face()]
    live = demo.live()
    texts += [w.description for w in live.children if getattr(w, "description", "")]

    # the self-check: page, live widget, worksheet and answer key as text, printed worksheets and key
    from quizzes.assemble import assemble
    from quizzes.bank import module_bank

    quizzes = [_pseudo_quiz(assemble(module_bank("bias"), "en", "standard", None, seed)) for seed in (1, 2)]
    check = SelfCheck.of(quizzes)
    faces += [check.static_html(), worksheets_html(quizzes, pseudo("Bias")), answer_key_html(quizzes, pseudo("Bias"))]
    lq = LiveQuiz(quizzes[0])
    widget = lq.widget()
    faces += [lq.check()] + [w.value for w in widget.children if hasattr(w, "value") and isinstance(w.value, str)]
    texts += [worksheet_text(quizzes[0]), answer_key_text(quizzes[0])]
    page = ('<!DOCTYPE html><html lang="qps"><head><meta charset="utf-8"></head><body>' + "".join(faces)
            + "</body></html>")
    (site / PSEUDO / "standard" / "index.html").write_text(page, encoding="utf-8")

    codes = sorted({q.id for quiz in quizzes for q in quiz.questions} | {q.objective for quiz in quizzes
                                                                           for q in quiz.questions}
                   | {quiz.id for quiz in quizzes} | {"bias", PSEUDO, "standard"}, key=len, reverse=True)
    leaks = english_left(visible(page) + "\n" + "\n".join(texts), allowed=codes)
    assert leaks == [], f"English left in the {PSEUDO} edition: {leaks}"
