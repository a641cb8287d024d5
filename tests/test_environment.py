"""Unit tests of the `environment` live models: the compute rule, the receipt, the grids, growth and the smallest
tool; their demos' three faces; the generated quiz items. No test depends on a measured time: times are only
checked to be real, positive measurements, and nothing printed may contain them."""
import math
import random
import re
from pathlib import Path

import pytest
import yaml

from modules.environment import compute, grids, growth, quiz as generators, receipt, tools
from quizzes.model import validate_item
from widgets import environment as demo

MODULE = Path(__file__).resolve().parents[1] / "modules" / "environment"
DEMOS = ("measured", "scale", "receipt", "growth", "smallest_tool")


# -- compute --------------------------------------------------------------------------------------------------
def test_two_operations_per_parameter_per_token_and_energy_grows_with_size_and_length():
    rows = compute.scaled(500)
    assert [r.parameters for r in rows] == sorted(r.parameters for r in rows)
    for r in rows:
        assert r.operations == 2 * r.parameters * 500
    energies = [r.energy_wh for r in rows]
    assert energies == sorted(energies)
    longer = {r.key: r.energy_wh for r in compute.scaled(5000)}
    for r in rows:
        assert math.isclose(longer[r.key], 10 * r.energy_wh)           # 10 × the tokens, 10 × the energy


def test_the_arithmetic_gives_back_epoch_ai_s_estimate_of_one_answer():
    """100 billion active parameters, 500 tokens, H100 at 10 %, 1 071 W: Epoch AI's 0.3 Wh (epoch-2025)."""
    gpt4o = next(r for r in compute.scaled(compute.ANSWER_TOKENS) if r.key == "gpt4o")
    assert round(gpt4o.energy_wh, 2) == 0.30
    assert math.isclose(gpt4o.seconds, 1e14 / (989e12 * 0.1))


def test_our_small_network_is_counted_from_its_shape_and_measuring_trains_the_same_network():
    m = compute.measure("network", "fr")
    assert m.size == compute.small_network_parameters()
    assert 1_000 < m.size < 100_000


@pytest.mark.parametrize("model", compute.MODELS)
def test_measures_are_real_positive_times_and_energy_uses_the_stated_power(model):
    m = compute.measure(model, "fr")
    assert m.size > 0 and m.train_seconds > 0 and m.answer_seconds > 0
    assert math.isclose(m.answer_wh, m.answer_seconds * compute.MACHINE_POWER_W / 3600)
    with pytest.raises(ValueError, match="unknown model"):
        compute.measure("oracle")


# -- receipt and grids ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_receipt_counts_tokens_with_the_real_tokenizer(lang):
    from modules.chatbots.tokens import production_count

    q = receipt.receipt("question", lang)
    prompt, answer = receipt.TEXTS[lang]["question"]
    assert q.prompt_tokens == production_count(prompt, "o200k_base") and q.answer_tokens == production_count(answer, "o200k_base")
    s = receipt.receipt("summary", lang)
    assert s.prompt_tokens > 50 * q.prompt_tokens                         # a 40-page report is read
    assert 0.5 * receipt.LONG_INPUT_TOKENS < s.prompt_tokens < 1.5 * receipt.LONG_INPUT_TOKENS
    assert receipt.receipt("image", lang).answer_tokens == 0
    with pytest.raises(ValueError, match="unknown task"):
        receipt.receipt("poem", lang)


def test_the_range_spans_the_published_estimates_and_a_single_estimate_says_so():
    q = receipt.receipt("question", "fr")
    assert (q.low.wh, q.high.wh) == (0.24, 0.34) and not q.single
    assert receipt.receipt("summary", "fr").single
    assert receipt.receipt("image", "fr").high.wh > 10 * q.high.wh         # an image costs far more than text


def test_same_electricity_different_carbon_and_water_on_site_is_googles_ratio():
    a = {g: grids.Footprint(1000, g) for g in grids.GRID_ORDER}           # 1 kWh
    assert {g: f.co2_g for g, f in a.items()} == grids.GRIDS
    assert a["alberta"].co2_g > 30 * a["quebec"].co2_g
    google = grids.Footprint(0.24, "quebec")
    assert math.isclose(google.water_on_site_ml, 0.26)                    # Google's own 0.26 mL for 0.24 Wh
    assert google.water_power_plant_ml > google.water_on_site_ml
    assert round(grids.KETTLE_WH) == 93 and grids.CAR_G_PER_KM == 184
    assert math.isclose(grids.Footprint(grids.KETTLE_WH, "world").kettles, 1)


def test_every_world_constant_names_its_source_and_the_ids_exist():
    ids = {s["id"] for s in yaml.safe_load((MODULE / "sources.yaml").read_text(encoding="utf-8"))["sources"]}
    for name in ("compute", "grids", "growth", "receipt", "tools"):
        text = (MODULE / f"{name}.py").read_text(encoding="utf-8")
        for cited in re.findall(r"# source: ([a-z0-9-]+)", text):
            assert cited in ids, f"{name}.py cites {cited}, which sources.yaml lacks"
    for estimates in receipt.ESTIMATES.values():
        assert all(e.source in ids for e in estimates)


# -- growth ---------------------------------------------------------------------------------------------------
def test_growth_projection_more_than_doubles_and_doubling_time():
    p = growth.points()
    assert [q.kind for q in p] == ["measured", "measured", "projected"]
    assert p[-1].twh > 2 * p[0].twh
    rate = growth.annual_growth(p[0], p[-1])
    assert 0.14 < rate < 0.15
    assert math.isclose((1 + rate) ** growth.doubling_years(rate), 2)
    assert round(growth.world_twh()) == 27667


# -- the smallest tool ----------------------------------------------------------------------------------------
def test_every_task_has_three_tools_and_no_ai_costs_no_computing():
    table = tools.table()
    assert len(table) == len(tools.TASKS) * len(tools.TOOLS)
    for task in tools.TASKS:
        assert tools.tool(task, "none").high_wh == 0 and tools.smallest(task).tool == "none"
        assert tools.tool(task, "large").does_job == "check"              # a large model's result must be checked
        assert tools.tool(task, "large").high_wh >= tools.tool(task, "small").high_wh
    assert 50 < tools.times_smallest_small_tool("spelling", "large") < 100
    assert tools.times_smallest_small_tool("phone", "none") == 0


# -- demos ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_demo_faces_render_and_are_light(lang):
    for name in DEMOS:
        d = getattr(demo, name)(lang)
        html = d.static_html()
        assert len(html) < 150_000, f"{name} ({len(html)} bytes)"
        assert d.view(d.default).text.strip()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_printed_faces_hold_no_measured_time_and_are_the_same_every_run(lang):
    d = demo.measured(lang)
    for key in d.grid():
        text = d.view(key).text
        assert not re.search(r"\d\s?(ms|µs|s)\b", text), text
        assert "15 W" in text
        m = compute.measure(d.controls[0].pairs[key[0]][0], lang)
        assert _duration_shown(m, lang) in d.view(key).html               # the Web face shows the measure
    for name in DEMOS:
        first = getattr(demo, name)(lang)
        second = getattr(demo, name)(lang)
        assert first.view(first.default).text == second.view(second.default).text


def _duration_shown(m, lang):
    return demo._duration(m.answer_seconds, lang)


def test_the_default_receipt_is_what_the_contract_prints():
    text = demo.receipt("fr").view(demo.receipt("fr").default).text
    assert "0,24 à 0,34 Wh" in text and "0,0041 à 0,0058 g CO₂e" in text and "1/390 à 1/270" in text
    en = demo.scale("en")
    assert "0.30\u00a0Wh" in en.view(en.default).text


def test_numbers_are_written_the_readers_way():
    assert demo.sig(4.2e-8, "fr") == "4,2\u00a0×\u00a010⁻⁸" and demo.sig(1.75e14, "en") == "1.8\u00a0×\u00a010¹⁴"
    assert demo.sig(388, "fr") == "390" and demo.sig(0.0045, "en") == "0.0045"
    assert demo.big(1.5e9, "fr") == "1,5 milliard" and demo.big(175e9, "fr") == "175 milliards"
    assert demo.big(175e9, "en") == "175 billion"


# -- generated quiz items -------------------------------------------------------------------------------------
GENERATORS = ["longer_answer", "operations_for_answer", "grid_ratio", "receipt_grams", "measured_or_projected",
              "tool_ratio"]


@pytest.mark.parametrize("name", GENERATORS)
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("level", ["simple", "standard", "advanced"])
def test_generated_items_validate_and_are_reproducible(name, lang, level):
    for seed in range(8):
        raw = getattr(generators, name)(random.Random(seed), lang, level)
        assert raw == getattr(generators, name)(random.Random(seed), lang, level)
        item = {"id": f"gen-{name}", "points": 1, "objective": "compute",
                "competencies": {"ai4k12": "3 Learning", "unesco": "Ethics of AI"}, **raw}
        q = validate_item(item, lang, level, "quiz.yaml", generated=True)
        assert q.prompt
        if q.choices:
            assert len(q.choices) <= (3 if level == "simple" else 4)
            assert sum(c.correct for c in q.choices) == 1
            assert len({c.text for c in q.choices}) == len(q.choices)


def test_generated_keys_are_what_the_models_compute():
    for seed in range(10):
        g = generators.grid_ratio(random.Random(seed), "en", "standard")
        grid = next(k for k, v in generators.GRID_NAMES["en"].items() if v in g["text"]["en"] and k != "quebec")
        assert g["answer"] == round(grids.ratio(grid))
        simple = generators.grid_ratio(random.Random(seed), "en", "simple")
        assert next(c for c in simple["choices"] if c["correct"])["text"]["en"] == "More"   # every grid emits more
        t = generators.tool_ratio(random.Random(seed), "fr", "simple")
        right = next(c for c in t["choices"] if c["correct"])["text"]["fr"]
        task = next(k for k, v in generators.JOBS["fr"].items() if v in t["text"]["fr"])
        r = tools.tool(task, "large").high_wh / tools.tool(task, "small").high_wh
        assert right == generators.STEPS["fr"][round(math.log10(r))]
