"""The easy-to-read rules of the `simple` pages (issue 14): each rule refuses a small bad page with its file,
line and the sentence or word at fault; a good page passes."""
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from book.easyread import glossary_terms, load_glossary, measure, percentile, segments, sentences, words

ROOT = Path(__file__).resolve().parent.parent
FRONT = ("---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n"
         "kernelspec:\n  name: python3\n---\n")     # 8 lines: a page's text starts at line 9

GLOSSARY_FR = """# Glossaire

:::{glossary}
jeton
  Un petit morceau de texte.

données d'entraînement
  Les textes qu'un modèle a lus.

invite (prompt)
  Le texte qu'on donne au modèle.

réseau de neurones
  Un programme qui apprend en ajustant des nombres.
:::
"""

GLOSSARY_EN = """# Glossary

:::{glossary}
hallucination
  When an AI makes up false information.

weights
  The numbers a neural network adjusts.
:::
"""

GOOD_FR = FRONT + """
# Comment un robot lit un texte

Vous écrivez un texto sur votre téléphone. Le téléphone devine le mot suivant.

Le robot coupe le texte en petits morceaux. Chaque morceau s'appelle un **jeton**. Par exemple, « dépanneur » donne deux jetons.

:::{admonition} Dans cette leçon, vous allez apprendre à...
:class: tip
- compter les jetons d'une phrase.
:::

Le robot apprend avec beaucoup de textes. Ce sont ses {term}`données d'entraînement`. Au Québec, il a lu 2,5 fois moins de français.

:::{dropdown} Pour aller plus loin : les réseaux
Un **réseau de neurones** calcule avec des nombres. On dit **poids**, **seuil**, **biais** et **vecteur**. Il a 1,5 million de nombres. Il en garde 0,5 %, puis 2,5 %, puis 3,5 %.
:::

**Étape 1.** Lisez la phrase. **Étape 2.** Comptez les jetons.

```{code-cell} ipython3
:tags: [remove-input]
print("Ceci est du code : il ne compte pas, même avec une phrase beaucoup trop longue pour une personne qui apprend à lire.")
```
"""


@pytest.fixture
def pages(tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "fr" / "glossary.md").write_text(GLOSSARY_FR, encoding="utf-8")
    (tmp_path / "en" / "glossary.md").write_text(GLOSSARY_EN, encoding="utf-8")
    return tmp_path


def report(pages, text, lang="fr"):
    """Write `text` as a simple page in the tmp dir; return its errors, warnings and its file name."""
    path = pages / lang / "simple.md"
    path.write_text(text, encoding="utf-8")
    r = measure(path.read_text(encoding="utf-8"), lang, load_glossary(pages / lang / "glossary.md"))
    errors, warnings = r.problems(str(path), lang)
    return errors, warnings, str(path)


def test_a_good_page_passes(pages):
    errors, warnings, _ = report(pages, GOOD_FR)
    assert errors == [] and warnings == []
    r = measure(GOOD_FR, "fr", glossary_terms(GLOSSARY_FR))
    # new words and decimals in the "Pour aller plus loin" box, and bold labels, do not count
    assert [w.text for w in r.new_words] == ["jeton"]
    assert [d.text for d in r.decimals] == ["2,5"]


def test_sentences_keep_their_lines_and_leave_out_code():
    found = sentences(GOOD_FR)
    first = found[0]
    assert (first.line, first.text, first.words, first.heading) == (10, "Comment un robot lit un texte.", 6, True)
    assert (found[1].line, found[1].text) == (12, "Vous écrivez un texto sur votre téléphone.")
    assert found[2].line == 12
    assert not any("code" in s.text for s in found)
    box = [s for s in found if s.box]
    assert box[0].text == "Pour aller plus loin : les réseaux." and box[0].line == 23
    assert all(s.line in (23, 24) for s in box)
    # a paragraph wrapped over two source lines is one block; its second sentence starts on line 2
    wrapped = sentences("Une phrase qui continue\nsur la ligne suivante. Une autre phrase.\n")
    assert [(s.line, s.words) for s in wrapped] == [(1, 8), (2, 3)]


def test_words_are_counted_as_a_reader_counts_them():
    assert words("L'IA coûte 30 000 $ en 2023, soit 5,5 % de plus qu'aujourd'hui.") == [
        "L'IA", "coûte", "30 000", "en", "2023", "soit", "5,5", "de", "plus", "qu'aujourd'hui"]
    assert [s.text for s in sentences("M. Tremblay va au CLSC. « Bonjour. » Il part.\n")] == [
        "M. Tremblay va au CLSC.", "« Bonjour. »", "Il part."]


def test_percentile_is_the_nearest_rank():
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile([3, 20], 0.9) == 20
    assert percentile([], 0.9) == 0


def test_a_long_sentence_is_named_with_its_line(pages):
    long = ("Quand vous remplissez votre déclaration de revenus pour Revenu Québec, le logiciel vous propose "
            "souvent des mots que vous n'aviez pas prévus.")
    errors, _, where = report(pages, GOOD_FR.replace("Le téléphone devine le mot suivant.", long))
    assert any(e.startswith(f"{where}:12: sentence of 22 words (at most 15)") and f"« {long} »" in e for e in errors)
    assert errors[0].startswith(f"{where}: not easy to read yet: 1 sentence(s) over 15 words")


def test_a_page_whose_sentences_are_long_on_average_is_refused(pages):
    fifteen = "Le robot conversationnel lit votre question puis choisit ensuite un mot probable dans sa liste."
    errors, _, where = report(pages, FRONT + f"\n# Titre\n\n{fifteen} {fifteen} {fifteen}\n")
    assert errors[0].startswith(f"{where}: not easy to read yet: 11.5 words per sentence on average (at most 10) "
                                "(4 sentences, 11.5 words on average, 90th percentile 15, longest 15)")
    assert f"{where}: sentences average 11.5 words; an easy-to-read page averages at most 10 (8 to 10): split the " \
           "long sentences, one idea each" in errors


def test_a_glossary_word_used_without_explanation_is_named(pages):
    text = GOOD_FR.replace("Ce sont ses {term}`données d'entraînement`.", "Ce sont ses données d'entraînement.")
    errors, _, where = report(pages, text)
    assert any(e.startswith(f"{where}:21: the glossary word 'données d'entraînement' is used") and
               "{term}`données d'entraînement`" in e for e in errors)
    # a plural, a capital, an elision and a parenthesised alternate are the same word
    text = GOOD_FR.replace("Vous écrivez un texto", "L'Invite et les Jetons. Vous écrivez un texto")
    errors, _, where = report(pages, text)
    assert any(e.startswith(f"{where}:12: the glossary word 'invite (prompt)' is used (« Invite »)") and
               "{term}`Invite <invite (prompt)>`" in e for e in errors)
    assert any(e.startswith(f"{where}:12: the glossary word 'jeton' is used (« Jetons »)") for e in errors)
    # a word in the singular finds a term written in the plural; a heading is not where a word is explained
    errors, _, where = report(pages, FRONT + "\n# Hallucinations\n\nOne weight is a number.\n", "en")
    assert [e for e in errors if "glossary word 'weights'" in e] == [
        f"{where}:12: the glossary word 'weights' is used (“weight”) but not explained: write **weight** the first "
        "time and explain it in everyday words in the same or next sentence, or link it to the glossary: "
        "{term}`weight <weights>` (if it has its everyday meaning here, use another word)"]


def test_too_many_new_words_warn_then_fail(pages):
    seven = " ".join(f"Un **mot{n}** est un mot." for n in "abcdefg")
    _, warnings, where = report(pages, FRONT + f"\n# Titre\n\n{seven}\n")
    assert len(warnings) == 1 and warnings[0].startswith(f"{where}: 7 new words in bold outside the boxes")
    assert "mota (line 12)" in warnings[0] and "Pour aller plus loin" in warnings[0]
    nine = " ".join(f"Un **mot{n}** est un mot." for n in "abcdefghi")
    errors, warnings, _ = report(pages, FRONT + f"\n# Titre\n\n{nine}\n")
    assert warnings == [] and any(e.startswith(f"{where}: 9 new words in bold") for e in errors)


def test_too_many_decimals_warn_then_fail(pages):
    four = "Il paie 1,5 $. Puis 2,5 $. Puis 3,5 $. Puis 4,5 $."
    errors, warnings, where = report(pages, FRONT + f"\n# Titre\n\n{four}\n")
    assert errors == [] and warnings[0].startswith(f"{where}: 4 decimal numbers outside the boxes, at most 3")
    assert "1,5 (line 12)" in warnings[0]
    errors, _, _ = report(pages, FRONT + f"\n# Titre\n\n{four} Puis 5,5 $. Puis 6,5 $.\n")
    assert any(e.startswith(f"{where}: 6 decimal numbers") for e in errors)
    # English thousands take a comma and are not decimals; French ones are spaced
    _, warnings, _ = report(pages, FRONT + "\n# Title\n\nWe read 30,000 files. Then 1,200 more. And 10,000. And 2,500.\n", "en")
    assert warnings == []


def test_ne_que_and_double_negatives_are_named(pages):
    text = GOOD_FR.replace("Le téléphone devine le mot suivant.",
                           "Le téléphone ne devine qu'un mot. Ce n'est pas impossible.")
    errors, _, where = report(pages, text)
    assert f"{where}:12: « ne … que » reads as a negation to a learner: write « seulement »: « Le téléphone ne " \
           "devine qu'un mot. »" in errors
    assert f"{where}:12: double negative: say it positively: « Ce n'est pas impossible. »" in errors
    errors, _, where = report(pages, FRONT + "\n# Title\n\nThis is not uncommon. You did nothing wrong.\n", "en")
    assert errors[1:] == [f"{where}:12: double negative: say it positively: “This is not uncommon.”"]
    # a negation that is not restrictive, and a noun phrase after "pas", are plain French
    errors, _, _ = report(pages, GOOD_FR.replace("Le téléphone devine le mot suivant.",
                                                 "Il ne faut pas que tu paies. La loi ne couvrait pas bien ces fausses images."))
    assert errors == []


def test_a_folded_admonition_is_a_box():
    text = ":::{admonition} Pour aller plus loin\n:class: dropdown\nUn **mot** de 1,5 %.\n:::\n"
    segs = segments(text)
    assert all(s.box for s in segs)
    r = measure(text, "fr")
    assert r.new_words == [] and r.decimals == []


def test_decodia_check_refuses_a_hard_simple_page(tmp_path, monkeypatch):
    import book.check as check
    from core.course import load_module

    shutil.copytree(ROOT / "modules" / "chatbots", tmp_path / "chatbots", ignore=shutil.ignore_patterns("__pycache__"))
    page = tmp_path / "chatbots" / "en" / "simple.md"
    page.write_text(FRONT + "\n# Title\n\nIt isn't impossible that this sentence, which goes on and on, is much too "
                    "long for a learner to read.\n", encoding="utf-8")
    monkeypatch.setattr(check, "ROOT", tmp_path)
    problems = check.check_easyread(load_module(tmp_path / "chatbots"))
    assert problems[0].startswith("chatbots/en/simple.md: not easy to read yet: ")
    assert "1 sentence(s) over 15 words" in problems[0] and "1 double negative(s)" in problems[0]
    assert any(p.startswith("chatbots/en/simple.md:12: sentence of 20 words") for p in problems)


def test_readability_prints_the_distribution():
    proc = subprocess.run([sys.executable, "-m", "book.readability", "modules/chatbots/en/standard.md"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[1].startswith("  sentences: ") and "90th percentile" in lines[1] and "longest" in lines[1]
    assert lines[2].startswith("  words per sentence: 1-5: ")
    assert textwrap.dedent(lines[3]).startswith("new words ")
