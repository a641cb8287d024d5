"""The item-analysis report: one self-contained HTML page with its plots as inline SVG.

With the keys of several series (a Moodle quiz of random questions across a pack), students saw different
questions: each item's statistics use the students who saw it, and reliability (which needs every student on
every item) is given only when they all saw the same items."""
from __future__ import annotations

import io
from pathlib import Path

from markupsafe import Markup

from core.formats import number
from core.i18n import gettext, render

from .stats import item_stats, reliability

TEMPLATES = Path(__file__).parent / "templates"

BLUE, ORANGE = "#0072b2", "#e69f00"  # Okabe–Ito: colour-blind safe


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _plots(quiz, totals: list[float], stats, lang: str) -> tuple[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "decodia"
    fig, ax = plt.subplots(figsize=(6, 3))
    bins = max(1, int(quiz.max_points))
    ax.hist(totals, bins=bins, range=(0, quiz.max_points), color=BLUE, edgecolor="white")
    ax.set_xlabel(gettext(lang, "Score"))
    ax.set_ylabel(gettext(lang, "Students"))
    ax.set_title(gettext(lang, "Score histogram"))
    hist = _svg(fig)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(6, 0.35 * len(stats) + 1))
    ax.barh([s.item for s in stats][::-1], [s.difficulty for s in stats][::-1], color=ORANGE)
    ax.set_xlim(0, 1)
    ax.set_xlabel(gettext(lang, "Difficulty p (share of points earned)"))
    ax.set_title(gettext(lang, "Item difficulty"))
    diff = _svg(fig)
    plt.close(fig)
    return hist, diff


def write_report(quiz, rows: list[dict], intake, out: Path) -> Path:
    """`quiz`: the `Keys` graded against (or one series' `Quiz`). The report speaks the pack's language."""
    from .grader import as_keys

    keys = as_keys(quiz)
    lang = keys.quizzes[0].lang
    columns = keys.columns(rows)
    totals = [r["score"] for r in rows]
    stats = []
    for key, q in columns:
        seen = [r for r in rows if key in r["scores"]]
        picks = [r["responses"].get(key) for r in seen] if q.kind.distractors else []
        stats.append(item_stats(key, [r["scores"][key].fraction for r in seen], [r["score"] for r in seen], picks))
    complete = all(key in r["scores"] for r in rows for key, _ in columns)
    matrix = [[r["scores"][key].fraction for key, _ in columns] for r in rows] if complete else []
    hist, diff = _plots(keys, totals, stats, lang) if rows else ("", "")
    items = []
    for (key, q), s in zip(columns, stats):
        choice_text = {c.id: c.text for c in q.choices}
        right = {c.id for c in q.choices if c.correct}
        items.append({"key": key, "q": q, "s": s,
                      "picks": [(choice_text.get(k, k), k in right, v) for k, v in s.distractors.items()]})
    html = render(TEMPLATES, "report.html.j2", lang, keys=keys, intake=intake, items=items, graded=len(rows),
                  rejected=len(intake.rejects), mean=sum(totals) / len(totals) if totals else 0, complete=complete,
                  reliability=reliability(matrix), histogram=Markup(hist), difficulty=Markup(diff), number=number,
                  fmt=lambda x: "—" if x is None else number(x, lang, 2))
    path = out / "item-analysis.html"
    path.write_text(html, encoding="utf-8")
    return path
