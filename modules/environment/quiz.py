"""Quiz item generators of the module "environment", computed from its live models.

Each is `(rng, lang, level) -> dict` of item fields (type, text, answer or choices, feedback) in the
language asked; `quiz.yaml` adds the id, objective, competencies and points. The same `rng` gives the
same item. At `simple`, items have at most three choices and use the simple page's words (réponse, électricité,
gaz à effet de serre, mesuré / prévu, petit outil); numbers come from the demos' stated constants, never from a
time measured on this machine.
"""
from __future__ import annotations

import math

from core.formats import number, percent

from . import compute, grids, growth, receipt, tools

# The words of widgets/environment.py for the grids, tasks and tools (the demos' catalog wording).
GRID_NAMES = {"fr": {"quebec": "au Québec", "ontario": "en Ontario", "alberta": "en Alberta",
                     "world": "sur le réseau moyen du monde"},
              "en": {"quebec": "in Québec", "ontario": "in Ontario", "alberta": "in Alberta",
                     "world": "on the world's average grid"}}
JOBS = {"fr": {"phone": "trouver un numéro de téléphone", "spelling": "corriger l'orthographe d'une lettre",
               "summary": "résumer un rapport de 40 pages", "logo": "dessiner un logo"},
        "en": {"phone": "find a phone number", "spelling": "fix the spelling of a letter",
               "summary": "summarize a 40-page report", "logo": "draw a logo"}}
SMALL_TOOLS = {"fr": {"phone": "une recherche sur le Web", "spelling": "le correcteur d'orthographe",
                      "summary": "un logiciel de résumé sur votre ordinateur",
                      "logo": "chercher dans une banque d'icônes gratuite"},
               "en": {"phone": "a web search", "spelling": "the spell checker",
                      "summary": "a summary program on your computer", "logo": "search a free icon library"}}
LARGE_TOOLS = {"fr": {"phone": "un robot conversationnel", "spelling": "un robot conversationnel",
                      "summary": "un robot conversationnel", "logo": "un générateur d'images"},
               "en": {"phone": "a chatbot", "spelling": "a chatbot", "summary": "a chatbot",
                      "logo": "an image generator"}}

SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _sci(value: float, lang: str) -> str:
    """"1,8 × 10¹⁴": two significant digits and a power of ten, as the demo `scale` writes operations."""
    exponent = math.floor(math.log10(value))
    mantissa = round(value / 10 ** exponent, 1)
    if mantissa >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{number(mantissa, lang, 1)} × 10{str(exponent).translate(SUPERSCRIPT)}"


def _choices(lang: str, texts: list[str], correct: int, rng) -> list[dict]:
    order = list(range(len(texts)))
    rng.shuffle(order)
    return [{"id": f"c{i}", "text": {lang: texts[i]}, "correct": i == correct} for i in order]


MORE_SAME_LESS = {"fr": ["Plus", "Autant", "Moins"], "en": ["More", "The same", "Less"]}


def _compare(lang: str, first: float, second: float, rng) -> list[dict]:
    """Choices "more / the same / less" for `first` compared with `second`."""
    right = 0 if first > second else 2 if first < second else 1
    return _choices(lang, MORE_SAME_LESS[lang], right, rng)


def _elide(word: str, following: str) -> str:
    """French "que" / "de" before a vowel: "qu'une image", "que le résumé"."""
    return (word[:-1] + "'" if following[:1].lower() in "aeiouhéèêàâîôûy" else word + " ") + following


def _item(kind: str, lang: str, text: dict, feedback: dict, **fields) -> dict:
    return {"type": kind, "text": {lang: text[lang]}, "feedback": {lang: feedback[lang]}, **fields}


# -- compute -----------------------------------------------------------------------------------------------
def longer_answer(rng, lang: str, level: str) -> dict:
    """The same model writes an answer k times as long: how many times the operations (and the electricity)?"""
    model = rng.choice(sorted(compute.PUBLISHED_MODELS))
    name, params = compute.PUBLISHED_MODELS[model]
    name = name.split(" (")[0]
    factor = 10 if level == "simple" else rng.choice([2, 4, 5, 10, 20])
    short = rng.choice([50, 100, 200])
    a, b = compute.Scaled(model, name, params, short), compute.Scaled(model, name, params, short * factor)
    times = round(b.energy_wh / a.energy_wh)
    if level == "simple":
        text = {"fr": f"Une IA écrit une réponse de {short} jetons. Ensuite, elle écrit une réponse {factor} fois plus "
                      "longue. Combien d'électricité utilise la longue réponse ?",
                "en": f"An AI writes an answer of {short} tokens. Then it writes an answer {factor} times as long. "
                      "How much electricity does the long answer use?"}
        options = {"fr": ["Environ 10 fois plus", "À peu près autant", "Environ 2 fois plus"],
                   "en": ["About 10 times more", "About the same", "About 2 times more"]}[lang]
        feedback = {"fr": "Environ 10 fois plus. L'IA fait le même calcul pour chaque jeton : 10 fois plus de jetons, "
                          "10 fois plus de calcul.",
                    "en": "About 10 times more. The AI does the same work for each token: 10 times the tokens, "
                          "10 times the work."}
        return _item("single", lang, text, feedback, choices=_choices(lang, options, 0, rng))
    text = {"fr": f"{name} a {number(params / 1e9, lang)} milliards de paramètres. Il écrit une réponse de {short} "
                  f"jetons, puis une de {number(short * factor, lang, 0)} jetons. Combien de fois plus d'opérations demande la "
                  "deuxième réponse ?",
            "en": f"{name} has {number(params / 1e9, lang)} billion parameters. It writes an answer of {short} "
                  f"tokens, then one of {number(short * factor, lang, 0)} tokens. How many times as many operations does the second "
                  "answer need?"}
    feedback = {"fr": f"{times} fois : environ 2 opérations par paramètre et par jeton, donc le calcul suit le nombre "
                      f"de jetons ({_sci(a.operations, lang)} puis {_sci(b.operations, lang)} opérations).",
                "en": f"{times} times: about 2 operations per parameter per token, so the work follows the number of "
                      f"tokens ({_sci(a.operations, lang)} then {_sci(b.operations, lang)} operations)."}
    return _item("numeric", lang, text, feedback, answer=times, tolerance=0)


def operations_for_answer(rng, lang: str, level: str) -> dict:
    """About how many operations for one answer of T tokens by a model of P parameters (2 per parameter per token)?"""
    model = rng.choice(sorted(compute.PUBLISHED_MODELS))
    name, params = compute.PUBLISHED_MODELS[model]
    name = name.split(" (")[0]
    tokens = rng.choice([100, 500, 1000])
    s = compute.Scaled(model, name, params, tokens)
    if level == "simple":
        small = compute.scaled(tokens)[0]
        big_first = rng.random() < 0.5
        ours = {"fr": "notre petit réseau", "en": "our small network"}[lang]
        one, other = (name, ours) if big_first else (ours, name)
        text = {"fr": f"Notre petit réseau de neurones garde {number(small.parameters, lang, 0)} nombres. {name} en "
                      f"garde {number(params / 1e9, lang)} milliards. Les deux écrivent {number(tokens, lang, 0)} jetons. "
                      f"{_elide('Est-ce que', one)} utilise plus, autant ou moins d'électricité {_elide('que', other)} ?",
                "en": f"Our small neural network stores {number(small.parameters, lang, 0)} numbers. {name} stores "
                      f"{number(params / 1e9, lang)} billion. Both write {number(tokens, lang, 0)} tokens. Does {one} use more, the "
                      f"same or less electricity than {other}?"}
        times = float(f"{params / small.parameters:.2g}")
        feedback = {"fr": f"{name} utilise plus d'électricité. Pour chaque jeton, il fait un calcul avec chacun de ses "
                          f"nombres, et il en a environ {number(times, lang, 0)} fois plus.",
                    "en": f"{name} uses more electricity. For each token, it does a sum with each of its numbers, and "
                          f"it has about {number(times, lang, 0)} times as many."}
        return _item("single", lang, text, feedback, choices=_compare(lang, *((1, 0) if big_first else (0, 1)), rng))
    right = s.operations
    options = [_sci(right, lang), _sci(right / 1000, lang), _sci(right * 1000, lang)]
    if level == "advanced":
        options.append(_sci(right / 2, lang))
    text = {"fr": f"{name} a {number(params / 1e9, lang)} milliards de paramètres. Avec la règle d'environ 2 "
                  f"opérations par paramètre et par jeton, combien d'opérations pour une réponse de {number(tokens, lang, 0)} jetons ?",
            "en": f"{name} has {number(params / 1e9, lang)} billion parameters. With the rule of about 2 operations "
                  f"per parameter per token, how many operations for an answer of {number(tokens, lang, 0)} tokens?"}
    feedback = {"fr": f"2 × {number(params / 1e9, lang)} milliards × {number(tokens, lang, 0)} ≈ {_sci(right, lang)} opérations, soit "
                      f"environ {number(round(s.energy_wh, 2), lang)} Wh avec la puce et les hypothèses d'Epoch AI.",
                "en": f"2 × {number(params / 1e9, lang)} billion × {number(tokens, lang, 0)} ≈ {_sci(right, lang)} operations, about "
                      f"{number(round(s.energy_wh, 2), lang)} Wh with Epoch AI's chip and assumptions."}
    return _item("single", lang, text, feedback, choices=_choices(lang, options, 0, rng))


# -- grid ----------------------------------------------------------------------------------------------------
def grid_ratio(rng, lang: str, level: str) -> dict:
    """The same electricity on another grid: how many times the greenhouse gases of Québec?"""
    grid = rng.choice(["alberta", "world"] if level == "simple" else ["ontario", "alberta", "world"])
    ratio = grids.ratio(grid)
    where = GRID_NAMES[lang][grid]
    per = {g: number(v, lang, 0) for g, v in grids.GRIDS.items()}
    feedback = {"fr": f"Environ {number(round(ratio), lang, 0)} fois : un kWh émet environ {per[grid]} g de CO₂e "
                      f"{where}, et environ {per['quebec']} g au Québec, où l'électricité vient presque toute de "
                      "l'eau. La même électricité, mais pas les mêmes gaz à effet de serre.",
                "en": f"About {number(round(ratio), lang, 0)} times: a kWh emits about {per[grid]} g of CO₂e {where}, "
                      f"and about {per['quebec']} g in Québec, where electricity comes almost all from water. The "
                      "same electricity, but not the same greenhouse gases."}
    if level == "simple":
        text = {"fr": f"La même réponse utilise la même électricité au Québec et {where}. Calculée {where}, "
                      "fait-elle plus, autant ou moins de gaz à effet de serre qu'au Québec ?",
                "en": f"The same answer uses the same electricity in Québec and {where}. Computed {where}, does it "
                      "make more, the same or less greenhouse gases than in Québec?"}
        simple = {"fr": f"Plus : environ {number(round(ratio), lang, 0)} fois plus. Le même kWh ne pollue pas partout "
                        "autant. Au Québec, l'électricité vient surtout de l'eau.",
                  "en": f"More: about {number(round(ratio), lang, 0)} times more. The same kWh does not pollute the "
                        "same everywhere. In Québec, electricity comes mostly from water."}
        return _item("single", lang, text, simple, choices=_compare(lang, grids.GRIDS[grid], grids.GRIDS["quebec"], rng))
    text = {"fr": f"Un kWh émet environ {per['quebec']} g de CO₂e au Québec et environ {per[grid]} g {where}. La même "
                  f"réponse émet combien de fois plus de gaz à effet de serre {where} qu'au Québec ? (nombre entier)",
            "en": f"A kWh emits about {per['quebec']} g of CO₂e in Québec and about {per[grid]} g {where}. How many "
                  f"times more greenhouse gases does the same answer emit {where} than in Québec? (whole number)"}
    return _item("numeric", lang, text, feedback, answer=round(ratio), tolerance=1)


# -- receipt -------------------------------------------------------------------------------------------------
TASK_WORDS = {"fr": {"question": "une question courte", "summary": "le résumé d'un rapport de 40 pages",
                     "image": "une image"},
              "en": {"question": "a short question", "summary": "the summary of a 40-page report",
                     "image": "an image"}}


def receipt_grams(rng, lang: str, level: str) -> dict:
    """From the receipt's electricity and a grid's intensity: at most how many grams of CO2e?"""
    task = rng.choice(["question", "image"] if level == "simple" else list(receipt.TASKS))
    grid = rng.choice(["alberta", "world"]) if level == "simple" else rng.choice(list(grids.GRID_ORDER))
    r = receipt.receipt(task, lang, grid)
    what = TASK_WORDS[lang][task]
    if level == "simple":
        other = receipt.receipt("summary" if task == "question" else "question", lang, grid)
        if rng.random() < 0.5:
            r, other = other, r
        names = {t: TASK_WORDS[lang][t] for t in receipt.TASKS}
        first, second = names[r.task], names[other.task]
        text = {"fr": f"Selon les estimations publiées, {_elide('est-ce que', first)} utilise plus, autant ou moins "
                      f"d'électricité {_elide('que', second)} ?",
                "en": f"According to the published estimates, does {first} use more, the same or less electricity "
                      f"than {second}?"}
        bigger, small = (r, other) if r.high.wh > other.high.wh else (other, r)
        big_name = names[bigger.task][0].upper() + names[bigger.task][1:]
        feedback = {"fr": f"{big_name} : jusqu'à {number(bigger.high.wh, lang)} Wh, contre "
                          f"{number(small.low.wh, lang)} à {number(small.high.wh, lang)} Wh. Plus l'IA lit ou "
                          "fabrique, plus elle calcule.",
                    "en": f"{big_name}: up to {number(bigger.high.wh, lang)} Wh, against {number(small.low.wh, lang)} "
                          f"to {number(small.high.wh, lang)} Wh. The more the AI reads or makes, the more it computes."}
        return _item("single", lang, text, feedback, choices=_compare(lang, r.high.wh, other.high.wh, rng))
    intensity = grids.GRIDS[grid]
    where = GRID_NAMES[lang][grid][0].upper() + GRID_NAMES[lang][grid][1:]
    mg = r.high.co2_g * 1000                      # Wh × g/kWh = mg
    answer = round(mg)
    text = {"fr": f"Le reçu pour {what} dit : au plus {number(r.high.wh, lang)} Wh. {where}, un kWh "
                  f"émet environ {number(intensity, lang, 0)} g de CO₂e. Au plus combien de milligrammes de "
                  "CO₂e ? (nombre entier)",
            "en": f"The receipt for {what} says: at most {number(r.high.wh, lang)} Wh. {where}, a kWh "
                  f"emits about {number(intensity, lang, 0)} g of CO₂e. At most how many milligrams of CO₂e? "
                  "(whole number)"}
    feedback = {"fr": f"{number(r.high.wh, lang)} Wh × {number(intensity, lang, 0)} g par kWh = "
                      f"{number(round(mg), lang, 0)} mg de CO₂e (1 Wh × 1 g par kWh = 1 mg).",
                "en": f"{number(r.high.wh, lang)} Wh × {number(intensity, lang, 0)} g per kWh = "
                      f"{number(round(mg), lang, 0)} mg of CO₂e (1 Wh × 1 g per kWh = 1 mg)."}
    return _item("numeric", lang, text, feedback, answer=answer, tolerance=max(1, round(0.02 * answer)))


# -- growth --------------------------------------------------------------------------------------------------
def measured_or_projected(rng, lang: str, level: str) -> dict:
    """Is this figure of the International Energy Agency measured or projected? (standard: how long to double?)"""
    if level == "simple":
        p = rng.choice(growth.points())
        text = {"fr": f"Un chiffre de l'Agence internationale de l'énergie : l'électricité des centres de données "
                      f"du monde en {p.year}, {number(round(p.twh), lang, 0)} TWh. "
                      "Ce chiffre est :",
                "en": f"A figure from the International Energy Agency: the electricity of the world's data centres in "
                      f"{p.year}, {number(round(p.twh), lang, 0)} TWh. This figure is:"}
        options = {"fr": ["mesuré : l'année est passée", "prévu : l'année n'est pas encore arrivée"],
                   "en": ["measured: the year is over", "projected: the year has not come yet"]}[lang]
        right = 0 if p.kind == "measured" else 1
        said = {"fr": ("Mesuré. L'année {y} est passée : l'Agence estime ce qui a été utilisé.",
                       "Prévu. L'année {y} n'est pas encore arrivée : c'est une prévision, pas une mesure."),
                "en": ("Measured. The year {y} is over: the Agency estimates what was used.",
                       "Projected. The year {y} has not come yet: it is a projection, not a measurement.")}
        feedback = {lang: said[lang][right].format(y=p.year)}
        return _item("single", lang, text, feedback, choices=_choices(lang, options, right, rng))
    start, end = growth.points()[0], growth.points()[-1]
    rate = rng.choice([growth.PAST_ANNUAL_GROWTH, growth.GROWTH_2025, round(growth.annual_growth(start, end), 2)])
    years = growth.doubling_years(rate)
    text = {"fr": f"Une consommation qui augmente de {percent(rate, lang)} par année double en combien d'années, "
                  "environ ? (nombre entier)",
            "en": f"A consumption that grows {percent(rate, lang)} a year doubles in about how many years? "
                  "(whole number)"}
    feedback = {"fr": f"Environ {number(round(years), lang, 0)} ans : {number(1 + rate, lang)} multiplié par "
                      f"lui-même {number(round(years), lang, 0)} fois donne à peu près 2.",
                "en": f"About {number(round(years), lang, 0)} years: {number(1 + rate, lang)} multiplied by itself "
                      f"{number(round(years), lang, 0)} times gives about 2."}
    return _item("numeric", lang, text, feedback, answer=round(years), tolerance=1)


# -- sobriety ------------------------------------------------------------------------------------------------
# At `simple`, only tasks whose ratio sits clearly near "as much", "10 times" or "100 times" (log distance < 0.15).
STEPS = {"fr": ["À peu près autant", "Environ 10 fois plus", "Environ 100 fois plus"],
         "en": ["About as much", "About 10 times more", "About 100 times more"]}


def tool_ratio(rng, lang: str, level: str) -> dict:
    """How many times the small tool's electricity does the large model use (at most)?"""
    def ratio(task):
        return tools.tool(task, "large").high_wh / tools.tool(task, "small").high_wh

    clear = [t for t in tools.TASKS if abs(math.log10(ratio(t)) - round(math.log10(ratio(t)))) < 0.15
             and round(math.log10(ratio(t))) <= 2]
    task = rng.choice(clear if level == "simple" else list(tools.TASKS))
    r = ratio(task)
    small, large, job = SMALL_TOOLS[lang][task], LARGE_TOOLS[lang][task], JOBS[lang][task]
    small_wh, large_wh = tools.tool(task, "small").high_wh, tools.tool(task, "large").high_wh
    feedback = {"fr": f"{large[0].upper() + large[1:]} : jusqu'à {number(large_wh, lang)} Wh. {small[0].upper() + small[1:]} : "
                      f"environ {number(round(small_wh, 4), lang)} Wh. C'est environ {number(round(r), lang, 0)} fois "
                      "plus. L'électricité compte, mais aussi le résultat : faut-il le vérifier ?",
                "en": f"{large[0].upper() + large[1:]}: up to {number(large_wh, lang)} Wh. {small[0].upper() + small[1:]}: "
                      f"about {number(round(small_wh, 4), lang)} Wh. That is about {number(round(r), lang, 0)} times "
                      "more. Electricity matters, and so does the result: must you check it?"}
    if level == "simple" and round(r) <= 1:
        feedback = {"fr": f"{large[0].upper() + large[1:]} : jusqu'à {number(large_wh, lang)} Wh. "
                          f"{small[0].upper() + small[1:]} : environ {number(round(small_wh, 4), lang)} Wh. C'est à peu "
                          "près autant. L'électricité compte, mais aussi le résultat : faut-il le vérifier ?",
                    "en": f"{large[0].upper() + large[1:]}: up to {number(large_wh, lang)} Wh. "
                          f"{small[0].upper() + small[1:]}: about {number(round(small_wh, 4), lang)} Wh. That is about "
                          "as much. Electricity matters, and so does the result: must you check it?"}
    if level == "simple":
        text = {"fr": f"Pour {job}, on peut utiliser {small} ou {large}. Combien d'électricité utilise {large}, "
                      "comparé au petit outil ?",
                "en": f"To {job}, you can use {small} or {large}. How much electricity does {large} use, compared "
                      "with the small tool?"}
        return _item("single", lang, text, feedback,
                     choices=_choices(lang, STEPS[lang], round(math.log10(r)), rng))
    text = {"fr": f"Pour {job} : {large} utilise jusqu'à {number(large_wh, lang)} Wh ; {small}, environ "
                  f"{number(round(small_wh, 4), lang)} Wh. Combien de fois plus, environ ? (nombre entier)",
            "en": f"To {job}: {large} uses up to {number(large_wh, lang)} Wh; {small}, about "
                  f"{number(round(small_wh, 4), lang)} Wh. About how many times more? (whole number)"}
    return _item("numeric", lang, text, feedback, answer=round(r), tolerance=max(1, round(0.05 * r)))
