"""The demos of the module `environment`, ready for a lesson cell: `demo.receipt("fr")`.

The models and their constants live in `modules.environment`; here are the controls, labels and views.
Times measured on this machine change from one run to the next: they appear only in the Web page and the
live face, never in the printed face (the text face shows what the constants give).
"""
from __future__ import annotations

import math

from core.formats import number, percent
from core.i18n import N_, gettext, ngettext
from core.markup import esc
from modules.environment import compute, growth as growth_model, grids, receipt as receipt_model, tools

from .explorer import Choice, Explorer
from .views import View, paragraph, quote
from .views import table as _table

FIGURES = "decodia-table decodia-table--figures"     # numbers in these tables never break inside (phones)


def table(headers: list[str], rows: list[list], caption: str, numeric: set[int] = frozenset()) -> View:
    """widgets.views.table, marked so that a number and its unit stay on one line."""
    v = _table(headers, rows, caption, numeric)
    return View(v.html.replace('class="decodia-table"', f'class="{FIGURES}"', 1), v.text)


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def sig(value: float, lang: str, digits: int = 2) -> str:
    """`value` with `digits` significant digits; very small or very large numbers as "4,1 × 10⁻⁸"."""
    if value == 0:
        return "0"
    exponent = math.floor(math.log10(abs(value)))
    if -3 <= exponent < 6:
        decimals = digits - 1 - exponent          # negative: round 388 to 390
        return number(round(value, decimals), lang, max(decimals, 0))
    mantissa = value / 10 ** exponent
    if round(mantissa, digits - 1) >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{number(mantissa, lang, digits - 1)}\u00a0×\u00a010{str(exponent).translate(SUPERSCRIPT)}"


def big(value: float, lang: str) -> str:
    """A count in words of powers of ten: "1,5 milliard", "175 billion"."""
    if value >= 1e9:
        n = value / 1e9
        shown = number(n, lang, 0 if n >= 10 or n == int(n) else 1)
        return ngettext(lang, "{n} billion", "{n} billion", int(n), n=shown)
    return number(value, lang, 0)


NBSP = "\u00a0"


def wh(value: float, lang: str) -> str:
    return f"{sig(value, lang)}{NBSP}Wh"


def log_bars(items: list[tuple[str, float, str]], caption: str, headers: tuple[str, str], lang: str) -> View:
    """Bars on a log scale: each step of the scale is ten times the one before. `items` are
    (label, value, value as text); the text is always written out, the bar is decoration."""
    logs = [math.log10(v) for _, v, _ in items]
    low, high = math.floor(min(logs)), math.ceil(max(logs))
    span = max(high - low, 1)
    rows = "".join(
        f'<tr><th scope="row">{esc(label)}</th><td class="num">{esc(shown)}</td>'
        f'<td class="decodia-bar" aria-hidden="true"><span style="width:{max(100 * (lg - low) / span, 1):.1f}%">'
        f'</span></td></tr>' for (label, _, shown), lg in zip(items, logs))
    scale = gettext(lang, "Log scale: each step of a bar is ten times more.")
    html_ = (f'<table class="{FIGURES} decodia-bars"><caption>{esc(caption)}</caption>'
             f'<thead><tr><th scope="col">{esc(headers[0])}</th><th scope="col">{esc(headers[1])}</th>'
             f'<td aria-hidden="true"></td></tr></thead><tbody>{rows}</tbody></table>'
             f'<p class="decodia-note">{esc(scale)}</p>')
    width = max(len(label) for label, _, _ in items)
    vwidth = max(len(shown) for _, _, shown in items)
    text = "\n".join([caption] + [f"{label.ljust(width)}  {shown.rjust(vwidth)}  {'█' * max(round(20 * (lg - low) / span), 1)}"
                                  for (label, _, shown), lg in zip(items, logs)] + [scale])
    return View(html_, text)


def web_only(html_view: View, text: str) -> View:
    """A view whose Web face shows measured numbers and whose printed face says where to find them."""
    return View(html_view.html, text)


# -- 1. measured on this machine ------------------------------------------------------------------------
MODEL_NAMES = {"ngram": N_("the word-counting model (chatbots)"),
               "network": N_("the small neural network (chatbots)"),
               "images": N_("the image generator (deepfakes)")}
ANSWERS = {"ngram": N_("one next word"), "network": N_("one next character"), "images": N_("one image")}
TRAINED_ON = {"ngram": N_("the whole text of the chatbots module"),
              "network": N_("the first 20,000 characters of that text, 2 passes"),
              "images": N_("the 8 × 8 pictures of digits")}


def _duration(seconds: float, lang: str) -> str:
    if seconds >= 1:
        return gettext(lang, "{n} s", n=sig(seconds, lang))
    if seconds >= 1e-3:
        return gettext(lang, "{n} ms", n=sig(seconds * 1e3, lang))
    return gettext(lang, "{n} µs", n=sig(seconds * 1e6, lang))


def measured(lang: str = "fr") -> Explorer:
    chatbot_seconds = receipt_model.ESTIMATES["question"][1].wh * 3600 / compute.MACHINE_POWER_W

    def render(model: str) -> View:
        m = compute.measure(model, lang)
        power = gettext(lang, "To turn time into energy, we assume that this computer draws {w} W while it "
                              "computes (an assumption, not a measurement).", w=compute.MACHINE_POWER_W)
        facts_ = gettext(lang, "Trained on {data}. It stores {n} numbers. One answer is {answer}.",
                         data=gettext(lang, TRAINED_ON[model]), n=number(m.size, lang, 0),
                         answer=gettext(lang, ANSWERS[model]))
        compare = gettext(lang, "For comparison: Epoch AI's estimate for one chatbot answer, 0.3 Wh, is what this "
                                "computer would use in {s} seconds of computing.",
                          s=number(round(chatbot_seconds), lang, 0))
        headers = [gettext(lang, "Step"), gettext(lang, "Time measured"), gettext(lang, "Energy (at {w} W)",
                                                                                 w=compute.MACHINE_POWER_W)]
        rows = [[gettext(lang, "training"), _duration(m.train_seconds, lang), wh(m.train_wh, lang)],
                [gettext(lang, "one answer"), _duration(m.answer_seconds, lang), wh(m.answer_wh, lang)],
                [gettext(lang, "1,000 answers"), _duration(1000 * m.answer_seconds, lang),
                 wh(1000 * m.answer_wh, lang)]]
        measured_table = table(headers, rows, gettext(lang, "Measured on the computer that built this page "
                                                            "(the times change a little each time)"), {1, 2})
        printed = paragraph(gettext(lang, "The times are measured each time the page is built: see them on the "
                                          "website. On this computer, they are well under a second."))
        return (paragraph(facts_, "decodia-count") + web_only(measured_table, printed.text)
                + paragraph(power) + paragraph(compare))

    return Explorer("measured", [Choice("model", gettext(lang, "Model"),
                                        [(k, gettext(lang, MODEL_NAMES[k])) for k in compute.MODELS])],
                    render, lang, gettext(lang, "The course's own models, timed"))


# -- 2. scaled to published sizes -----------------------------------------------------------------------
LENGTHS = [1, 10, 100, 500, 1000, 10000]


def scale(lang: str = "fr") -> Explorer:
    def name(r: compute.Scaled) -> str:
        return gettext(lang, "our small neural network") if r.key == "small" else r.name

    def render(tokens: int) -> View:
        rows = compute.scaled(tokens)
        bars_ = log_bars([(name(r), r.energy_wh, wh(r.energy_wh, lang)) for r in rows],
                         gettext(lang, "Energy of one answer of {n} tokens", n=number(tokens, lang, 0)),
                         (gettext(lang, "Model"), gettext(lang, "Energy")), lang)
        body = [[name(r), big(r.parameters, lang), sig(r.operations, lang)] for r in rows]
        headers = [gettext(lang, "Model"), gettext(lang, "Parameters"), gettext(lang, "Operations")]
        rule = gettext(lang, "Operations = 2 × parameters × tokens. Energy: a data-centre chip doing {ops} "
                             "operations per second at most, used at {use} of that, drawing {w} W with its share "
                             "of the building (Epoch AI's figures).",
                       ops=sig(compute.GPU_PEAK_OPS_PER_SECOND, lang, 3), use=percent(compute.GPU_UTILIZATION, lang),
                       w=number(compute.GPU_AVERAGE_POWER_W, lang, 0))
        return (bars_ + table(headers, body, gettext(lang, "The arithmetic, model by model"), {1, 2})
                + paragraph(rule))

    return Explorer("scale", [Choice("tokens", gettext(lang, "Tokens in the answer"),
                                     [(n, number(n, lang, 0)) for n in LENGTHS],
                                     default=compute.ANSWER_TOKENS, slider=True)],
                    render, lang, gettext(lang, "From our small model to the large ones"))


# -- 3. the receipt of an answer ------------------------------------------------------------------------
TASK_NAMES = {"question": N_("a short question"), "summary": N_("summarize a 40-page report"),
              "image": N_("draw an image")}
GRID_NAMES = {"quebec": N_("Québec"), "ontario": N_("Ontario"), "alberta": N_("Alberta"),
              "world": N_("world average")}
WHAT = {"median": N_("median text question, Gemini apps (May 2025)"),
        "typical": N_("typical question to GPT-4o (independent estimate, Feb. 2025)"),
        "average": N_("average question to ChatGPT (June 2025, method not published)"),
        "long-input": N_("a question that reads about 10,000 tokens (Feb. 2025)"),
        "image-mean": N_("one image, average of the image models measured (2024)"),
        "image-worst": N_("one image, least efficient model measured (2024)")}


def _span(low: float, high: float, fmt, lang: str) -> str:
    a, b = fmt(low, lang), fmt(high, lang)
    return a if a == b else gettext(lang, "{low} to {high}", low=a, high=b)


def _plain(value: float, lang: str) -> str:
    return sig(value, lang)


def receipt(lang: str = "fr") -> Explorer:
    def render(task: str, grid: str) -> View:
        r = receipt_model.receipt(task, lang, grid)
        prompt, _ = receipt_model.TEXTS[lang][task]
        lo, hi = r.low, r.high
        tokens_ = gettext(lang, "Tokens counted by a real tokenizer: {sent} sent, {written} written.",
                          sent=number(r.prompt_tokens, lang, 0), written=number(r.answer_tokens, lang, 0))
        lines = [
            [gettext(lang, "Electricity"), _span(lo.wh, hi.wh, _plain, lang) + " Wh"],
            [gettext(lang, "Greenhouse gases ({grid})", grid=gettext(lang, GRID_NAMES[grid])),
             _span(lo.co2_g, hi.co2_g, _plain, lang) + " g CO₂e"],
            [gettext(lang, "Water at the data centre"), _span(lo.water_on_site_ml, hi.water_on_site_ml, _plain, lang)
             + " mL"],
            [gettext(lang, "Water at the power plant"),
             _span(lo.water_power_plant_ml, hi.water_power_plant_ml, _plain, lang) + " mL"],
        ]
        bill = table([gettext(lang, "Receipt"), gettext(lang, "Amount")], lines,
                     gettext(lang, "The receipt, from the lowest to the highest estimate"), {1})
        same = [
            [gettext(lang, "kettle (1 L brought to a boil)"),
             gettext(lang, "{n} of a kettle", n=_span(lo.kettles, hi.kettles, _fraction, lang))],
            [gettext(lang, "distance by car (gasoline, {l} L/100 km)", l=grids.CAR_L_PER_100_KM),
             _span(lo.car_metres, hi.car_metres, _distance, lang)],
            [gettext(lang, "video streaming"), _span(lo.streaming_seconds, hi.streaming_seconds, _plain, lang)
             + " s"],
        ]
        compare = table([gettext(lang, "Everyday thing"), gettext(lang, "Same amount")], same,
                        gettext(lang, "The same electricity or the same greenhouse gases"), {1})
        sources = table([gettext(lang, "Who, and what was counted"), "Wh"],
                        [[gettext(lang, "{who}: {what}", who=e.who, what=gettext(lang, WHAT[e.what])), sig(e.wh, lang)]
                         for e in r.estimates],
                        gettext(lang, "The published estimates behind the range"), {1})
        water = gettext(lang, "Water at the power plant: the U.S. average used by Li et al., about {l} L per kWh. It "
                              "changes a lot from one grid to another.", l=sig(grids.POWER_PLANT_L_PER_KWH, lang))
        note = (gettext(lang, "Only one published estimate: the range is unknown.") if r.single else
                gettext(lang, "The estimates do not count the same things: the receipt shows the whole range."))
        return (quote(prompt, gettext(lang, "The request"), lang) + paragraph(tokens_, "decodia-count") + bill
                + compare + sources + paragraph(note) + paragraph(water))

    return Explorer("receipt", [Choice("task", gettext(lang, "Task"),
                                       [(k, gettext(lang, TASK_NAMES[k])) for k in receipt_model.TASKS]),
                                Choice("grid", gettext(lang, "Electricity grid"),
                                       [(k, gettext(lang, GRID_NAMES[k])) for k in grids.GRID_ORDER])],
                    render, lang, gettext(lang, "The receipt of an answer"))


def _distance(metres: float, lang: str) -> str:
    if metres >= 1000:
        return f"{sig(metres / 1000, lang)} km"
    if metres >= 1:
        return f"{sig(metres, lang)} m"
    return f"{sig(metres * 100, lang)} cm"


def _fraction(share: float, lang: str) -> str:
    """A small share as "1/300" (rounded to two significant digits of the denominator)."""
    if share >= 0.5:
        return sig(share, lang)
    return f"1/{sig(1 / share, lang)}"


# -- 4. growth ------------------------------------------------------------------------------------------
KINDS = {"measured": N_("measured"), "projected": N_("projected")}


def growth(lang: str = "fr") -> Explorer:
    points = {p.year: p for p in growth_model.points()}

    def render(year: int) -> View:
        p = points[year]
        items = [(gettext(lang, "data centres, {y} ({kind})", y=year, kind=gettext(lang, KINDS[p.kind])), p.twh)]
        items += [(gettext(lang, "Canada, all its electricity (2023)"), growth_model.COUNTRIES["canada"]),
                  (gettext(lang, "Québec, Hydro-Québec's sales in Québec (2023)"), growth_model.COUNTRIES["quebec"])]
        top = max(v for _, v in items)
        rows = "".join(f'<tr><th scope="row">{esc(label)}</th><td class="num">{esc(number(round(v), lang, 0))}{NBSP}TWh</td>'
                       f'<td class="decodia-bar" aria-hidden="true"><span style="width:{100 * v / top:.1f}%"></span>'
                       f'</td></tr>' for label, v in items)
        caption = gettext(lang, "Electricity in a year")
        html_ = (f'<table class="{FIGURES} decodia-bars"><caption>{esc(caption)}</caption><tbody>{rows}'
                 f'</tbody></table>')
        width = max(len(label) for label, _ in items)
        text = "\n".join([caption] + [f"{label.ljust(width)}  {number(round(v), lang, 0):>6} TWh  "
                                      f"{'█' * round(20 * v / top)}" for label, v in items])
        rate = growth_model.annual_growth(points[2024], points[2030])
        lines = [
            paragraph(gettext(lang, "In 2024, data centres used about {p} of the world's electricity.",
                              p=percent(growth_model.WORLD_SHARE_2024, lang, 1)), "decodia-count"),
            paragraph(gettext(lang, "From 2024 to 2030, the projection grows about {r} a year: at that pace, "
                                    "the total doubles about every {d} years.",
                              r=percent(rate, lang), d=number(round(growth_model.doubling_years(rate)), lang, 0))),
        ]
        history = table([gettext(lang, "Year"), gettext(lang, "Data centres"), gettext(lang, "Kind")],
                        [[str(q.year), f"{number(round(q.twh), lang, 0)}{NBSP}TWh", gettext(lang, KINDS[q.kind])]
                         for q in points.values()],
                        gettext(lang, "Measured, then projected (International Energy Agency)"), {1})
        return View(html_, text) + lines[0] + lines[1] + history

    return Explorer("growth", [Choice("year", gettext(lang, "Year"), list(points), default=2030)],
                    render, lang, gettext(lang, "Data centres against a whole country"))


# -- 5. the smallest tool -------------------------------------------------------------------------------
JOBS = {"phone": N_("find a phone number"), "spelling": N_("fix the spelling of a letter"),
        "summary": N_("summarize a 40-page report"), "logo": N_("draw a logo")}
TOOL_NAMES = {
    ("phone", "none"): N_("your contacts or a bill"),
    ("phone", "small"): N_("a web search"),
    ("phone", "large"): N_("ask a chatbot"),
    ("spelling", "none"): N_("reread with a dictionary"),
    ("spelling", "small"): N_("the spell checker"),
    ("spelling", "large"): N_("ask a chatbot"),
    ("summary", "none"): N_("read the report's own summary"),
    ("summary", "small"): N_("a summary program on your computer"),
    ("summary", "large"): N_("ask a chatbot"),
    ("logo", "none"): N_("draw it by hand"),
    ("logo", "small"): N_("search a free icon library"),
    ("logo", "large"): N_("an image generator"),
}
DOES = {"yes": N_("yes"), "check": N_("yes, but check the result"), "no": N_("no")}
KIND_NAMES = {"none": N_("no AI"), "small": N_("small tool"), "large": N_("large model")}


def smallest_tool(lang: str = "fr") -> Explorer:
    def span(t: tools.Tool) -> str:
        return _span(t.low_wh, t.high_wh, _plain, lang)

    def render(task: str, kind: str) -> View:
        t = tools.tool(task, kind)
        co2 = grids.Footprint(t.high_wh, "quebec").co2_g
        view = paragraph(gettext(lang, "Your choice: {tool} ({kind}).", tool=gettext(lang, TOOL_NAMES[(task, kind)]),
                                 kind=gettext(lang, KIND_NAMES[kind])), "decodia-count")
        if t.high_wh:
            view += paragraph(gettext(lang, "Electricity: {e}. Greenhouse gases in Québec: up to {g} g CO₂e.",
                                      e=span(t) + NBSP + "Wh", g=sig(co2, lang)))
        else:
            view += paragraph(gettext(lang, "Electricity: 0 Wh. Greenhouse gases: 0 g CO₂e."))
            view += paragraph(gettext(lang, "No computing for the task itself: you use what you already have."))
        times = tools.times_smallest_small_tool(task, kind)
        if kind == "large" and times:
            view += paragraph(gettext(lang, "That is up to {n} times the small tool.", n=sig(times, lang)))
        rows = [[gettext(lang, "{kind}: {tool}", kind=gettext(lang, KIND_NAMES[k]),
                         tool=gettext(lang, TOOL_NAMES[(task, k)])),
                 span(tools.tool(task, k)), gettext(lang, DOES[tools.tool(task, k).does_job])] for k in tools.TOOLS]
        caption = gettext(lang, "Three ways to {job}", job=gettext(lang, JOBS[task]))
        counted = gettext(lang, "Only the computing the tool does for this task is counted, not the screen you "
                                "already use.")
        small = tools.tool(task, "small")
        if small.source == "assumption":
            seconds = round(small.high_wh * 3600 / compute.MACHINE_POWER_W)
            how = gettext(lang, "The small tool runs on your computer: we assume {time} at {w} W (an assumption, "
                                "not a measurement).", time=ngettext(lang, "{n} second", "{n} seconds", seconds, n=seconds),
                          w=compute.MACHINE_POWER_W)
        else:
            how = gettext(lang, "A web search: Google's own figure, published in 2009.")
        counted = counted + " " + how
        return (view + table([gettext(lang, "Tool"), "Wh", gettext(lang, "Does the job?")], rows, caption, {1})
                + paragraph(counted))

    return Explorer("smallest-tool", [Choice("task", gettext(lang, "Task"),
                                             [(k, gettext(lang, JOBS[k])) for k in tools.TASKS]),
                                      Choice("kind", gettext(lang, "Tool"),
                                             [(k, gettext(lang, KIND_NAMES[k])) for k in tools.TOOLS],
                                             default="large")],
                    render, lang, gettext(lang, "The smallest tool that does the job"))
