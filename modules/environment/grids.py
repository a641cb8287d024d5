"""Electricity grids and what a kilowatt-hour costs in carbon and water, and everyday things to compare with."""
from __future__ import annotations

from dataclasses import dataclass

# Grams of CO2 equivalent per kWh of electricity consumed (life cycle for the Canadian provinces; the world
# average counts the power plants' direct CO2 only).
GRIDS = {
    "quebec": 17,      # source: eccc-lca (16.9, life cycle)
    "ontario": 46,     # source: eccc-lca (45.7, life cycle)
    "alberta": 628,    # source: eccc-lca (627.8, life cycle)
    # CHECK (fact-check 2026-12-04): the three eccc-lca values were read only through public repositories quoting the
    # canada.ca page, not at the page itself; the year of the data is not known. Not the NIR's Annex 13 series.
    "world": 445,      # source: iea-electricity-2025 (world average, 2024)
}
GRID_ORDER = ("quebec", "ontario", "alberta", "world")

# Water consumed per kWh.
# On site (cooling the data centre): Google's own median text prompt, 0.26 mL for 0.24 Wh, about 1.1 L/kWh.
GOOGLE_PROMPT_WATER_ML, GOOGLE_PROMPT_WH = 0.26, 0.24          # source: google-2025
ON_SITE_L_PER_KWH = GOOGLE_PROMPT_WATER_ML / GOOGLE_PROMPT_WH   # derived: mL/Wh = L/kWh
# At the power plants (water evaporated to make the electricity): the U.S. average used by Li et al.
# li-2023, Table 1: U.S. average EWIF 3.142 L/kWh, rounded here; it varies a lot from one grid to another.
POWER_PLANT_L_PER_KWH = 3.14                                   # source: li-2023

# Everyday comparisons.
WATER_HEAT_J_PER_KG_K = 4186           # physics: specific heat of water
KETTLE_LITRES, KETTLE_FROM_C, KETTLE_TO_C = 1, 20, 100
KETTLE_WH = WATER_HEAT_J_PER_KG_K * KETTLE_LITRES * (KETTLE_TO_C - KETTLE_FROM_C) / 3600   # derived: about 93 Wh
CAR_L_PER_100_KM = 8                   # assumption, stated in the demo: a gasoline car
CO2_G_PER_LITRE_GASOLINE = 2300        # source: nrcan-co2 (about 2.3 kg of CO2 per litre burned)
CAR_G_PER_KM = CAR_L_PER_100_KM / 100 * CO2_G_PER_LITRE_GASOLINE   # derived: 184 g per km
STREAMING_G_PER_HOUR = 36              # source: iea-streaming-2020 (one hour of video, world, 2019)


@dataclass(frozen=True)
class Footprint:
    """What `wh` watt-hours cost on the grid `grid`."""
    wh: float
    grid: str

    @property
    def co2_g(self) -> float:
        return self.wh / 1000 * GRIDS[self.grid]

    @property
    def water_on_site_ml(self) -> float:
        return self.wh * ON_SITE_L_PER_KWH            # Wh × L/kWh = mL

    @property
    def water_power_plant_ml(self) -> float:
        return self.wh * POWER_PLANT_L_PER_KWH

    @property
    def kettles(self) -> float:
        """Share of one litre of water brought to a boil in a kettle."""
        return self.wh / KETTLE_WH

    @property
    def car_metres(self) -> float:
        """Metres driven by a gasoline car for the same CO2."""
        return 1000 * self.co2_g / CAR_G_PER_KM

    @property
    def streaming_seconds(self) -> float:
        """Seconds of video streaming for the same CO2 (IEA's world estimate for streaming)."""
        return 3600 * self.co2_g / STREAMING_G_PER_HOUR


def ratio(grid: str, to: str = "quebec") -> float:
    """How many times more CO2 a kWh emits on `grid` than on `to`."""
    return GRIDS[grid] / GRIDS[to]
