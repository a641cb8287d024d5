"""The item-analysis report: one self-contained HTML page with its plots as inline SVG.

With the keys of several series (a Moodle quiz of random questions across a pack), students saw different
questions: each item's statistics use the students who saw it, and reliability (which needs every student on
every item) is given only when they all saw the same items."""
from __future__ import annotations

import io
from html import escape
from pathlib import Path

from .stats import item_stats, reliability

BLUE, ORANGE = "#0072b2", "#e69f00"  # Okabe–Ito: colour-blind safe


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _plots(quiz, totals: list[float], stats) -> tuple[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "decodia"
    fig, ax = plt.subplots(figsize=(6, 3))
    bins = max(1, int(quiz.max_points))
    ax.hist(totals, bins=bins, range=(0, quiz.max_points), color=BLUE, edgecolor="white")
    ax.set_xlabel("Score")
    ax.set_ylabel("Students")
    ax.set_title("Score histogram")
    hist = _svg(fig)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(6, 0.35 * len(stats) + 1))
    ax.barh([s.item for s in stats][::-1], [s.difficulty for s in stats][::-1], color=ORANGE)
    ax.set_xlim(0, 1)
    ax.set_xlabel("Difficulty p (share of points earned)")
    ax.set_title("Item difficulty")
    diff = _svg(fig)
    plt.close(fig)
    return hist, diff


def _fmt(x) -> str:
    return "—" if x is None else f"{x:.2f}"


def write_report(quiz, rows: list[dict], intake, out: Path) -> Path:
    """`quiz`: the `Keys` graded against (or one series' `Quiz`)."""
    from .grader import as_keys

    quiz = as_keys(quiz)
    columns = quiz.columns(rows)
    totals = [r["score"] for r in rows]
    stats = []
    for key, q in columns:
        seen = [r for r in rows if key in r["scores"]]
        picks = [r["responses"].get(key) for r in seen] if q.kind.distractors else []
        stats.append(item_stats(key, [r["scores"][key].fraction for r in seen], [r["score"] for r in seen], picks))
    complete = all(key in r["scores"] for r in rows for key, _ in columns)
    matrix = [[r["scores"][key].fraction for key, _ in columns] for r in rows] if complete else []
    rel_name, rel = reliability(matrix)
    hist, diff = _plots(quiz, totals, stats) if rows else ("", "")
    body = []
    for (key, q), s in zip(columns, stats):
        choice_text = {c.id: c.text for c in q.choices}
        right = {c.id for c in q.choices if c.correct}
        dist = ", ".join(f"{escape(choice_text.get(k, k))}{' ✓' if k in right else ''}: {v}"
                         for k, v in s.distractors.items()) or "—"
        body.append(f"<tr><th scope='row'>{escape(key)}</th><td>{escape(q.type)}</td><td>{escape(q.objective)}</td>"
                    f"<td class='num'>{s.n}</td><td class='num'>{s.difficulty:.2f}</td>"
                    f"<td class='num'>{_fmt(s.point_biserial)}</td><td class='num'>{_fmt(s.upper_lower)}</td>"
                    f"<td>{dist}</td></tr>")
    rejects = "".join(f"<li>{escape(r.source)}: {escape(r.reason)}</li>" for r in intake.rejects) or "<li>none</li>"
    notes = "".join(f"<li>{escape(n)}</li>" for n in intake.notes) or "<li>none</li>"
    mean = sum(totals) / len(totals) if totals else 0
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Item analysis — {escape(quiz.id)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}}
table{{border-collapse:collapse}}th,td{{border-bottom:1px solid #ccc;padding:.25rem .5rem;text-align:left}}
td.num{{text-align:right;font-variant-numeric:tabular-nums}}figure{{margin:1rem 0}}</style></head><body>
<h1>Item analysis — {escape(quiz.id)}</h1>
<p>{len(rows)} student(s) graded, {len(intake.rejects)} row(s) rejected. Mean score {mean:.2f} / {quiz.max_points:g}.
Reliability ({rel_name}): {_fmt(rel)}{"" if complete else " (students saw different items)"}.</p>
<figure><figcaption>Distribution of total scores</figcaption>{hist}</figure>
<figure><figcaption>Difficulty of each item</figcaption>{diff}</figure>
<h2>Items</h2>
<table><caption>p: share of points earned. r<sub>pb</sub>: point-biserial correlation with the rest of the test.
D: p in the top 27 % minus p in the bottom 27 %. ✓ marks right choices.</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Type</th><th scope="col">Objective</th><th scope="col">n</th>
<th scope="col">p</th><th scope="col">r<sub>pb</sub></th><th scope="col">D</th><th scope="col">Choices picked</th></tr></thead>
<tbody>{''.join(body)}</tbody></table>
<h2>Rejected rows</h2><ul>{rejects}</ul>
<h2>Notes</h2><ul>{notes}</ul>
</body></html>
"""
    path = out / "item-analysis.html"
    path.write_text(html, encoding="utf-8")
    return path
