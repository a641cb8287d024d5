"""Interface text in message catalogs (core/i18n.py, core/locales/): each catalog is complete and in step with
the code."""
import ast
import time
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


def test_reading_a_catalog_takes_little_time():
    for lang in languages.LANGS:
        i18n.translations.cache_clear()
        start = time.perf_counter()
        i18n.translations(lang)
        assert time.perf_counter() - start < 0.5
    i18n.translations.cache_clear()
