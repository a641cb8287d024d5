"""Item analysis: difficulty, discrimination, distractors and reliability (classical test theory)."""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass


def _pearson(x: list[float], y: list[float]) -> float | None:
    if len(x) < 3:
        return None
    mx, my = statistics.fmean(x), statistics.fmean(y)
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    if sx == 0 or sy == 0:
        return None
    return sum((a - mx) * (b - my) for a, b in zip(x, y)) / (sx * sy)


@dataclass(frozen=True)
class ItemStats:
    item: str
    n: int
    difficulty: float                 # p: mean share of the item's points earned
    point_biserial: float | None      # item score vs the rest of the test (corrected)
    upper_lower: float | None         # p in the top 27 % minus p in the bottom 27 %
    distractors: dict[str, int]       # how many chose each option (choice items)


def item_stats(item: str, fractions: list[float], totals: list[float], choices: list) -> ItemStats:
    """`fractions[i]`: share of the item's points student i earned; `totals[i]`: their test total."""
    n = len(fractions)
    p = statistics.fmean(fractions) if n else 0.0
    rest = [t - f for t, f in zip(totals, fractions)]
    rpb = _pearson(fractions, rest)
    ul = None
    if n >= 4:
        k = max(1, round(0.27 * n))
        ranked = sorted(range(n), key=lambda i: totals[i])
        low, high = ranked[:k], ranked[-k:]
        ul = statistics.fmean(fractions[i] for i in high) - statistics.fmean(fractions[i] for i in low)
    counts: dict[str, int] = {}
    for picked in choices:
        for c in (picked if isinstance(picked, list) else [picked]):
            if c is not None and c != "":
                counts[str(c)] = counts.get(str(c), 0) + 1
    return ItemStats(item, n, p, rpb, ul, dict(sorted(counts.items())))


def reliability(matrix: list[list[float]]) -> tuple[str, float | None]:
    """KR-20 when every item is scored right/wrong, Cronbach's alpha otherwise.

    `matrix[student][item]` is the share of the item's points earned.
    """
    if len(matrix) < 2 or not matrix[0] or len(matrix[0]) < 2:
        return "alpha", None
    k = len(matrix[0])
    totals = [sum(row) for row in matrix]
    var_total = statistics.pvariance(totals)
    if var_total == 0:
        return "alpha", None
    dichotomous = all(v in (0.0, 1.0) for row in matrix for v in row)
    columns = list(zip(*matrix))
    if dichotomous:
        pq = sum(statistics.fmean(col) * (1 - statistics.fmean(col)) for col in columns)
        return "KR-20", (k / (k - 1)) * (1 - pq / var_total)
    item_var = sum(statistics.pvariance(col) for col in columns)
    return "alpha", (k / (k - 1)) * (1 - item_var / var_total)
