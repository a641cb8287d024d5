"""The "one demo, three faces" component and the chatbots demos."""
import re

import pytest

from widgets import Choice, Explorer, View, bars, table
from widgets import chatbots as demo


def _demo(calls=None):
    def render(word: str, n: int) -> View:
        if calls is not None:
            calls.append((word, n))
        return View(f"<p>{word * n}</p>", word * n)

    return Explorer("echo", [Choice("word", "Mot", ["a", "b"], free_text=True),
                             Choice("n", "Fois", [(1, "une"), (2, "deux"), (3, "trois")], default=2, slider=True)],
                    render, "fr", "Écho")


def test_bundle_carries_all_three_faces():
    bundle = _demo()._repr_mimebundle_()
    assert set(bundle) >= {"text/html", "text/plain", "application/vnd.jupyter.widget-view+json"}
    assert bundle["text/plain"] == "aa"  # the default setting: word "a", n = 2


def test_static_face_precomputes_the_whole_grid_with_the_real_render():
    calls = []
    html = _demo(calls).static_html()
    assert sorted(set(calls)) == [(w, n) for w in "ab" for n in (1, 2, 3)]
    keys = re.findall(r'data-key="([\d.]+)"( hidden)?', html)
    assert len(keys) == 6
    visible = [k for k, hidden in keys if not hidden]
    assert visible == ["0.1"]  # only the default panel shows before any change


def test_static_face_is_labelled_and_announces_changes():
    html = _demo().static_html()
    assert '<label for="demo-echo-word">Mot</label>' in html and 'id="demo-echo-word"' in html
    assert 'type="range"' in html and 'aria-valuetext="deux"' in html
    assert 'role="status" aria-live="polite"' in html
    assert 'aria-labelledby="demo-echo-title"' in html
    assert "http" not in html  # nothing loaded from anywhere


def test_live_face_reruns_the_model_on_a_free_text_value():
    calls = []
    box = _demo(calls).live()
    word, n, out = box.children[1], box.children[2], box.children[3]
    word.value = "zz"  # a value the static grid never had
    assert ("zz", 2) in calls and out.value.endswith("<p>zzzz</p>")
    n.value = 3
    assert out.value.endswith("<p>zzzzzz</p>")


def test_bad_demo_definitions_are_refused():
    with pytest.raises(ValueError, match="demo id"):
        Explorer("Bad Id", [Choice("a", "A", [1])], lambda a: View("", ""))
    e = Explorer("bad-render", [Choice("a", "A", [1])], lambda a: "not a view")
    with pytest.raises(TypeError, match="must return a widgets.View"):
        e.static_html()


def test_views_escape_and_localise_numbers():
    t = table(["Mot", "N"], [["<b>", 3]], "Légende", {1})
    assert "&lt;b&gt;" in t.html and "<caption>Légende</caption>" in t.html
    b = bars([("chat", 0.5), ("chien", 0.25)], "Probabilités", "fr", ("Mot", "Probabilité"))
    assert "50,0\u00a0%" in b.html and 'aria-hidden="true"' in b.html
    assert "50.0%" in bars([("cat", 0.5)], "P", "en", ("Word", "P")).html


def _all_demos():
    from core.course import modules

    for m in modules():
        for name in m.demos:
            yield m.slug, name


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("slug,name", list(_all_demos()))
def test_every_demo_switches_between_distinct_real_results(slug, name, lang):
    import importlib

    from widgets.game import Game

    e = getattr(importlib.import_module(f"widgets.{slug}"), name)(lang)
    html = e.static_html()
    if isinstance(e, Game):   # a game switches between rounds, not panels
        assert len({tuple(map(tuple, imgs)) for imgs, _ in e.rounds}) == len(e.rounds) >= 2
        assert e.lang == lang and e._repr_mimebundle_()["text/plain"].strip()
        return
    panels = re.findall(r'<div class="decodia-demo__panel" data-key="[\d.]+"(?: hidden)?>(.*?)</div><(?:div class="decodia-demo__panel"|/div>)', html, re.S)
    assert len(set(panels)) >= 2, "switching the controls must change what is shown"
    assert e.lang == lang and e._repr_mimebundle_()["text/plain"].strip()


def test_token_cost_demo_states_the_measured_ratio():
    text = demo.token_cost("en")._repr_mimebundle_()["text/plain"]
    assert re.search(r"French needs 1\.\d\d times as many tokens as English", text)


def test_token_cost_demo_compares_both_real_tokenizers_under_every_choice():
    from modules.chatbots import length_ratio, overall_ratio, production_count, token_costs

    old = overall_ratio(token_costs())
    new = overall_ratio(token_costs(lambda s: production_count(s, "o200k_base")))
    html = demo.token_cost("en").static_html()
    line = (f"French needs {old:.2f} times as many tokens as English with cl100k_base (2023), and {new:.2f} "
            f"times as many with o200k_base (2024). In characters, the French sentences are "
            f"{length_ratio()[0]:.2f} times as long")
    assert html.count(line) == 4       # one panel per tokenizer, o200k_base included
    assert "o200k_base" in demo.token_cost("fr").static_html()
