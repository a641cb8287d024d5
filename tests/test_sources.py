"""Sources (issue 15): structured, rendered the same way everywhere, and checked.

A bad sources file, a bad citation, an uncited number and an old review are each refused (or warned about)
with the file, the line and the field, and a message that says what to write instead. The tests build tiny
modules in a temporary folder and give the number rule a made-up demo text, so no demo runs.
"""
import datetime
import textwrap
from pathlib import Path

import pytest

from book.citations import check_module_sources, review_warnings
from book.numbers import Paragraph, paragraphs, uncited
from core.course import Module
from core.sources import PartialDate, SourceErrors, citation, load_sources, mirror_of, plain, reference

ROOT = Path(__file__).resolve().parent.parent

GOOD = """\
sources:
  - id: lum-2016
    author: Lum, K. & Isaac, W.
    title: To predict and serve?
    publisher: Significance
    details: 13(5), 14–19
    date: 2016-10
    doi: 10.1111/j.1740-9713.2016.00960.x
    kind: paper
    language: en
  - id: loi-25
    publisher: Assemblée nationale du Québec
    title: Loi modernisant des dispositions législatives en matière de protection des renseignements personnels
    date: 2021-09-22
    address: https://canlii.ca/t/6d6s0
    kind: law
    language: fr
    short: Loi 25
  - id: reuters-2021
    publisher: Reuters
    title: Dutch government resigns over childcare subsidies scandal
    date: 2021-01-15
    via:
      name: bdnews24.com
      address: https://bdnews24.com/world/2021/01/15/dutch-government-resigns
      date: 2026-12-04
    kind: press
    language: en
derived:
  - number: "56%"
    why: the demo's 1.56 read as 56 % more
"""


def write(tmp_path: Path, text: str, name: str = "sources.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(SourceErrors) as err:
        load_sources(write(tmp_path, text), tmp_path)
    return [str(e) for e in err.value.errors]


def entry(**fields) -> str:
    """One source entry, as YAML, from its fields (None leaves a field out)."""
    base = {"id": "x-2020", "publisher": "Someone", "title": "A title", "date": "2020",
            "address": "https://example.org/page"}
    base.update(fields)
    lines = ["sources:"]
    first = True
    for key, value in base.items():
        if value is None:
            continue
        lines.append(("  - " if first else "    ") + f"{key}: {value}")
        first = False
    return "\n".join(lines) + "\n"


# -- the sources file ----------------------------------------------------------------------------------

def test_a_good_file_loads_in_order_with_dates_at_their_precision(tmp_path):
    sources = load_sources(write(tmp_path, GOOD), tmp_path)
    assert list(sources.by_id) == ["lum-2016", "loi-25", "reuters-2021"]
    assert sources["lum-2016"].date == PartialDate(2016, 10)
    assert sources["loi-25"].date == PartialDate(2021, 9, 22)       # YAML's date, read back as text
    assert [d.number for d in sources.derived] == ["56%"]


def test_a_source_without_a_date_is_refused_with_its_line_and_field(tmp_path):
    found = problems(tmp_path, entry(date=None))
    assert found == ["sources.yaml, line 2, field 'sources[0].date': 'x-2020' has no date: give `date`, when it was "
                     "published (YYYY, YYYY-MM or YYYY-MM-DD), or for an undated page that changes, `consulted`, "
                     "when you read it"]


def test_an_impossible_date_is_refused(tmp_path):
    found = problems(tmp_path, entry(date="2023-13"))
    assert found == ["sources.yaml, line 5, field 'sources[0].date': '2023-13' is not a real date"]


def test_a_source_without_an_address_is_refused_and_told_about_print_identifiers(tmp_path):
    found = problems(tmp_path, entry(address=None))
    assert len(found) == 1
    assert found[0].startswith("sources.yaml, line 2, field 'sources[0].address': 'x-2020' has no address")
    assert "`isbn` or `doi`" in found[0] and "`via`" in found[0]


@pytest.mark.parametrize("identifier", ["isbn: 978-2-7637-5678-9", "doi: 10.1126/science.aal4230", "number: D14551"])
def test_a_print_only_source_gives_an_isbn_a_doi_or_a_document_number(tmp_path, identifier):
    key, value = identifier.split(": ")
    sources = load_sources(write(tmp_path, entry(address=None, **{key: value})), tmp_path)
    assert "x-2020" in sources


def test_an_address_on_a_mirror_is_refused_with_why_and_what_to_do(tmp_path):
    found = problems(tmp_path, entry(address="https://playcrazygame.com/finance-employee-paid"))
    assert len(found) == 1
    assert found[0].startswith("sources.yaml, line 6, field 'sources[0].address': playcrazygame.com is not the "
                               "original publisher (")
    assert "give the publisher's own page as `address`" in found[0]


def test_a_faithful_copy_is_allowed_as_via_but_never_as_the_address(tmp_path):
    found = problems(tmp_path, entry(address="https://ca.news.yahoo.com/story-083000778.html"))
    assert "keep it as `via`" in found[0]                     # yahoo.com republishes faithfully
    copy = entry(address=None) + ("    via: {name: Yahoo News, address: \"https://ca.news.yahoo.com/story.html\", "
                                  "date: 2026-12}\n")
    assert load_sources(write(tmp_path, copy), tmp_path)["x-2020"].via.name == "Yahoo News"


def test_a_copy_that_rewrites_its_original_cannot_even_be_via(tmp_path):
    copy = entry(address=None) + ("    via: {name: a game site, address: \"https://playcrazygame.com/x\", "
                                  "date: 2026-12}\n")
    found = problems(tmp_path, copy)
    assert found[0].startswith("sources.yaml, line 6, field 'sources[0].via.address': playcrazygame.com does not "
                               "copy faithfully")


def test_every_mirror_says_why_and_whether_it_copies_faithfully():
    assert mirror_of("https://www.lelezard.com/communique-1.html")["via"] is True
    assert mirror_of("https://docs.searxng.org/dev/engines/x.html")["via"] is False
    assert mirror_of("https://www.lemonde.fr/x") is None


def test_a_number_that_yaml_reads_as_a_number_must_be_quoted(tmp_path):
    found = problems(tmp_path, entry(details="2311.17035"))
    assert found == ["sources.yaml, line 7, field 'sources[0].details': YAML reads 2311.17035 as a number: put it in "
                     "quotes"]


def test_an_id_used_twice_and_an_unknown_field_are_refused(tmp_path):
    twice = entry() + entry().replace("sources:\n", "")
    assert any("'x-2020' is used twice" in p for p in problems(tmp_path, twice))
    found = problems(tmp_path, entry(url="https://example.org"))
    assert found[0].startswith("sources.yaml, line 7, field 'sources[0].url': is not a field here; the fields are id,")


# -- rendering ---------------------------------------------------------------------------------------

def text(pieces) -> str:
    """A reference as plain text, its no-break spaces (dates, « », before :) as ordinary ones."""
    return plain(pieces).replace("\u00a0", " ")


def test_a_reference_reads_the_same_way_everywhere_in_the_page_language(tmp_path):
    sources = load_sources(write(tmp_path, GOOD), tmp_path)
    assert text(reference(sources["lum-2016"], "fr")) == (
        "Lum, K. & Isaac, W. (octobre 2016). « To predict and serve? » Significance, 13(5), 14–19. En anglais. "
        "https://doi.org/10.1111/j.1740-9713.2016.00960.x")
    assert text(reference(sources["lum-2016"], "en")) == (
        "Lum, K. & Isaac, W. (October 2016). “To predict and serve?” Significance, 13(5), 14–19. "
        "https://doi.org/10.1111/j.1740-9713.2016.00960.x")
    law = reference(sources["loi-25"], "en")
    assert ("Loi modernisant des dispositions législatives en matière de protection des renseignements personnels",
            "em", None) in law                                   # a law's title in italics
    assert text(law).startswith("Assemblée nationale du Québec (September 22, 2021). ")
    assert "In French." in text(law)
    assert text(reference(sources["reuters-2021"], "fr")).endswith(
        "Consulté via bdnews24.com (4 décembre 2026) : https://bdnews24.com/world/2021/01/15/dutch-government-resigns")


def test_an_inline_citation_shows_the_names_and_the_year(tmp_path):
    sources = load_sources(write(tmp_path, GOOD), tmp_path)
    assert citation(sources["lum-2016"], "fr") == "Lum et Isaac, 2016"
    assert citation(sources["lum-2016"], "en") == "Lum and Isaac, 2016"
    assert citation(sources["loi-25"], "fr") == "Loi 25, 2021"
    assert citation(sources["reuters-2021"], "en") == "Reuters, 2021"
    many = load_sources(write(tmp_path, entry(publisher=None, author="\"Ji, Z. et al.\"")), tmp_path)["x-2020"]
    assert (citation(many, "fr"), citation(many, "en")) == ("Ji et collab., 2020", "Ji et al., 2020")


def test_an_undated_page_says_when_it_was_consulted(tmp_path):
    page = load_sources(write(tmp_path, entry(date=None, consulted="2026-11")), tmp_path)["x-2020"]
    assert text(reference(page, "fr")).startswith("Someone (consulté en novembre 2026). ")
    assert text(reference(page, "en")).startswith("Someone (consulted in November 2026). ")


# -- pages -------------------------------------------------------------------------------------------

PAGE = """\
# A lesson

Le Monde counted 13,8 million households {source}`Le Monde (2023) <lum-2016>`.

The demo shows 24,2 %, which is 56 % more, and article 65.2 names a provision; GPT-3.5 names a model.

:::{sources}
lum-2016
loi-25
reuters-2021
:::
"""


@pytest.fixture
def module(tmp_path):
    """A module folder with a sources file and one French standard page; the demos 'show' 24,2 %."""
    folder = tmp_path / "modules" / "demo"
    write(folder, GOOD)
    write(folder, "slug: demo\nreviewed: 2026-12-04\n", "module.yaml")
    page = write(folder, PAGE, "fr/standard.md")
    data = {"slug": "demo", "order": 1, "title": {"fr": "D", "en": "D"}, "duration": {}, "objectives": [],
            "demos": ["d"], "competencies": {}, "reviewed": "2026-12-04"}
    return Module.from_data(folder, data), page


def check(module, tmp_path):
    return check_module_sources(module, tmp_path, shown_text=lambda lang: "24,2%")


def test_a_page_that_cites_its_sources_passes(module, tmp_path):
    assert check(module[0], tmp_path) == []


def test_an_unknown_id_in_the_block_and_inline_is_named_with_its_line(module, tmp_path):
    m, page = module
    page.write_text(PAGE.replace("loi-25\n", "loi-52\n").replace("<lum-2016>", "<lum-2061>"), encoding="utf-8")
    found = check(m, tmp_path)
    assert ("modules/demo/fr/standard.md, line 9: no source 'loi-52' in modules/demo/sources.yaml: add its entry "
            "there (id, author or publisher, title, date, address) or correct the id") in found
    assert any(p.startswith("modules/demo/fr/standard.md, line 3: {source}`lum-2061` cites no source") for p in found)


def test_a_source_cited_inline_but_not_listed_is_named(module, tmp_path):
    m, page = module
    page.write_text(PAGE.replace("lum-2016\nloi-25", "loi-25"), encoding="utf-8")
    assert ("modules/demo/fr/standard.md, line 3: cites 'lum-2016', which its :::{sources} block does not list: add "
            "the line lum-2016 to the block") in check(m, tmp_path)


def test_a_reference_written_out_in_the_block_is_refused(module, tmp_path):
    m, page = module
    page.write_text(PAGE.replace("reuters-2021\n", "- Reuters (2021). Dutch government resigns.\n"), encoding="utf-8")
    found = check(m, tmp_path)
    assert any(p.startswith("modules/demo/fr/standard.md, line 10: the :::{sources} block writes a reference out")
               for p in found)


def test_an_unused_source_is_named_with_its_line_in_the_sources_file(module, tmp_path):
    m, page = module
    page.write_text(PAGE.replace("reuters-2021\n", ""), encoding="utf-8")
    assert ("modules/demo/sources.yaml, line 19, field 'id': 'reuters-2021' is cited by no page: cite it "
            "({source}`reuters-2021`) where the fact it supports is stated, or remove it") in check(m, tmp_path)


def test_an_uncited_number_is_named_and_a_demo_number_a_derived_one_or_a_name_is_not(module, tmp_path):
    m, page = module
    text = PAGE.replace(" {source}`Le Monde (2023) <lum-2016>`", "") + "\nIt is 56% more.\n"
    page.write_text(text.replace(":::{sources}", ":::{sources}\n").replace("\nlum-2016", "\n"), encoding="utf-8")
    found = [p for p in check(m, tmp_path) if "computed by a demo" in p]
    assert found == ["modules/demo/fr/standard.md, line 3: 13,8 is not computed by a demo: cite its source in this "
                     "paragraph ({source}`id`), or, if the text computes it, list it under derived: in "
                     "modules/demo/sources.yaml"]


def test_a_derived_number_no_page_states_any_more_is_named(module, tmp_path):
    m, page = module
    page.write_text(PAGE.replace(", which is 56 % more", ""), encoding="utf-8")
    assert ("modules/demo/sources.yaml, line 30, field 'number': 56% is listed as derived but no page states it any "
            "more: remove it from derived:") in check(m, tmp_path)


def test_a_missing_sources_file_and_a_missing_block_say_what_to_write(module, tmp_path):
    m, page = module
    page.write_text("# A lesson\n\nNo sources.\n", encoding="utf-8")
    assert any("no :::{sources} block; end the page with one listing" in p for p in check(m, tmp_path))
    (m.path / "sources.yaml").unlink()
    assert check(m, tmp_path)[0].startswith("modules/demo/sources.yaml: missing; every module writes its sources there")


def test_a_review_more_than_a_year_old_is_a_warning_with_its_line(module, tmp_path):
    m, _ = module
    assert review_warnings(m, tmp_path, today=datetime.date(2027, 12, 1)) == []
    warned = review_warnings(m, tmp_path, today=datetime.date(2028, 1, 5))
    assert warned == ["modules/demo/module.yaml, line 2, field 'reviewed': the facts were last checked on 2026-12-04, "
                      "13 months ago: check every dated fact and figure of the pages and the bank against its source, "
                      "update them, then set reviewed: 2028-01-05"]


def test_paragraphs_keep_their_first_line_and_skip_code_and_sources_blocks():
    text = "---\nfront: matter\n---\n# Title\n\nOne 1,5 line\nand 2,5 more.\n\n```{code-cell}\nx = 3.14\n```\n\n" \
           ":::{sources}\nlum-2016\n:::\n"
    found = paragraphs(text)
    assert [(p.line, p.numbers) for p in found] == [(4, []), (6, ["1,5", "2,5"])]
    assert uncited(text, "1,5", set()) == [uncited(text, "", {"1,5"})[0]]


def test_numbers_that_name_a_provision_or_a_model_are_no_quantities():
    p = Paragraph(1, "L'article 65.2, ss. 162.1 and 163.1, arts. 3, 35 et 36.5, GPT-3.5, version 3.8.0; but 13,8 "
                     "million and 1.56 and 2.00.")
    assert p.numbers == ["13,8", "1.56", "2.00"]


# -- the course -------------------------------------------------------------------------------------

def test_every_module_has_a_valid_sources_file_with_no_mirror_as_address():
    from core.course import modules

    for m in modules():
        sources = load_sources(m.sources, ROOT)
        for s in sources:
            addresses = s.address.values() if isinstance(s.address, dict) else [s.address]
            assert not any(a and mirror_of(a) for a in addresses), (m.slug, s.id)


def test_what_the_demos_show_is_computed_once_then_kept_until_their_code_changes(tmp_path, monkeypatch):
    import book.dependencies
    import book.numbers as numbers

    runs = []
    monkeypatch.setattr(numbers, "_demo_text", lambda slug, demos, lang: runs.append(lang) or "24,2%")

    class Digest:
        def __init__(self, value):
            self.value = value

        def digest(self, cells, extra):
            return self.value

    monkeypatch.setattr(book.dependencies, "dependencies", lambda root: Digest("a1"))
    assert numbers.shown("chatbots", ("tokens",), "fr", cache=tmp_path) == "24,2%"
    assert numbers.shown("chatbots", ("tokens",), "fr", cache=tmp_path) == "24,2%"
    assert runs == ["fr"]                                     # the second time, read from the cache
    monkeypatch.setattr(book.dependencies, "dependencies", lambda root: Digest("b2"))
    numbers.shown("chatbots", ("tokens",), "fr", cache=tmp_path)
    assert runs == ["fr", "fr"]                               # a demo's code changed: computed again
    assert [p.name for p in tmp_path.iterdir()] == ["chatbots-fr-tokens-b2.txt"]
