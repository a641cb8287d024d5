"""Data-centre electricity, measured and projected, against whole countries."""
from __future__ import annotations

import math
from dataclasses import dataclass

# Data centres' electricity in the world, TWh per year.
MEASURED_2024_TWH = 415          # source: iea-2025 (an estimate of what was used: about 1.5 % of world electricity)
WORLD_SHARE_2024 = 0.015         # source: iea-2025
GROWTH_2025 = 0.17               # source: iea-2026 (data-centre electricity rose 17 % in 2025)
PROJECTED_2030_TWH = 945         # source: iea-2025 (base case: "more than double")
PAST_ANNUAL_GROWTH = 0.12        # source: iea-2025 (about 12 % a year over the five years before 2024)


@dataclass(frozen=True)
class Point:
    year: int
    twh: float
    kind: str            # "measured" (estimated from data, after the fact), "derived" or "projected"
    source: str


def points() -> list[Point]:
    return [Point(2024, MEASURED_2024_TWH, "measured", "iea-2025"),
            Point(2025, MEASURED_2024_TWH * (1 + GROWTH_2025), "measured", "iea-2026"),
            Point(2030, PROJECTED_2030_TWH, "projected", "iea-2025")]


def annual_growth(start: Point, end: Point) -> float:
    """The steady yearly growth that goes from `start` to `end`."""
    return (end.twh / start.twh) ** (1 / (end.year - start.year)) - 1


def doubling_years(rate: float) -> float:
    """Years for a quantity growing `rate` a year to double."""
    return math.log(2) / math.log(1 + rate)


def world_twh() -> float:
    """World electricity in 2024, from the IEA's two figures (415 TWh is about 1.5 %)."""
    return MEASURED_2024_TWH / WORLD_SHARE_2024


# Whole countries' (and Québec's) electricity, TWh per year, to compare with.
COUNTRIES = {
    "canada": 618,     # source: statcan-2024 (electricity generated in Canada, 2023)
    "quebec": 200.3 - 23.0,   # source: hq-rapport-2023 (Hydro-Québec's sales, 200.3 TWh, minus 23.0 TWh outside Québec)
}
