"""The item-analysis report: one self-contained HTML page with its plots as inline SVG."""
from __future__ import annotations

import io
from html import escape
from pathlib import Path

from .assemble import Quiz
from .stats import item_stats, reliability

BLUE, ORANGE = "#0072b2", "#e69f00"  # Okabe–Ito: colour-blind safe


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _plots(quiz: Quiz, totals: list[float], stats) -> tuple[str, str]:
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


def write_report(quiz: Quiz, rows: list[dict], intake, out: Path) -> Path:
    totals = [r["score"] for r in rows]
    fractions = {q.id: [r["scores"][q.id].fraction for r in rows] for q in quiz.questions}
    stats = []
    for q in quiz.questions:
        picks = [r["responses"].get(q.id) for r in rows] if q.kind.distractors else []
        stats.append(item_stats(q.id, fractions[q.id], totals, picks))
    matrix = [[r["scores"][q.id].fraction for q in quiz.questions] for r in rows]
    rel_name, rel = reliability(matrix)
    hist, diff = _plots(quiz, totals, stats) if rows else ("", "")
    choice_text = {q.id: {c.id: c.text for c in q.choices} for q in quiz.questions}
    right = {q.id: {c.id for c in q.choices if c.correct} for q in quiz.questions}
    body = []
    for q, s in zip(quiz.questions, stats):
        dist = ", ".join(f"{escape(choice_text[q.id].get(k, k))}{' ✓' if k in right[q.id] else ''}: {v}"
                         for k, v in s.distractors.items()) or "—"
        body.append(f"<tr><th scope='row'>{escape(q.id)}</th><td>{escape(q.type)}</td><td>{escape(q.objective)}</td>"
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
Reliability ({rel_name}): {_fmt(rel)}.</p>
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
