"""The smallest tool that does the job: for a few everyday tasks, what each kind of tool costs and whether
it does the job."""
from __future__ import annotations

from dataclasses import dataclass

from .compute import MACHINE_POWER_W
from .receipt import ESTIMATES

TASKS = ("phone", "spelling", "summary", "logo")
TOOLS = ("none", "small", "large")

WEB_SEARCH_WH = 0.3     # source: google-2009 (Google's own figure for one search, 2009: 0.0003 kWh)
SPELLCHECK_SECONDS = 1  # assumption: a spell checker runs about a second on your own computer
LOCAL_SUMMARY_SECONDS = 10   # assumption: a small summarizing program runs about ten seconds on your computer


@dataclass(frozen=True)
class Tool:
    task: str
    tool: str
    low_wh: float
    high_wh: float
    does_job: str        # "yes", "check" (does it, but you must check the result) or "no"
    source: str          # source id, or "assumption"


def _local(seconds: float) -> float:
    return seconds * MACHINE_POWER_W / 3600


def _range(task: str) -> tuple[float, float]:
    values = [e.wh for e in ESTIMATES[task]]
    return min(values), max(values)


def table() -> dict[tuple[str, str], Tool]:
    q, s, i = _range("question"), _range("summary"), _range("image")
    rows = [
        # find a phone number: your own contacts or the organization's site; a web search; a chatbot
        Tool("phone", "none", 0, 0, "yes", "none"),
        Tool("phone", "small", WEB_SEARCH_WH, WEB_SEARCH_WH, "yes", "google-2009"),
        Tool("phone", "large", *q, "check", "receipt"),       # a chatbot can invent a number (module limits)
        # fix the spelling of a letter
        Tool("spelling", "none", 0, 0, "yes", "none"),
        Tool("spelling", "small", _local(SPELLCHECK_SECONDS), _local(SPELLCHECK_SECONDS), "yes", "assumption"),
        Tool("spelling", "large", *q, "check", "receipt"),
        # summarize a 40-page report
        Tool("summary", "none", 0, 0, "yes", "none"),
        Tool("summary", "small", _local(LOCAL_SUMMARY_SECONDS), _local(LOCAL_SUMMARY_SECONDS), "check", "assumption"),
        Tool("summary", "large", *s, "check", "receipt"),
        # draw a logo
        Tool("logo", "none", 0, 0, "yes", "none"),
        Tool("logo", "small", WEB_SEARCH_WH, WEB_SEARCH_WH, "check", "google-2009"),   # search a free icon library
        Tool("logo", "large", *i, "check", "receipt"),
    ]
    return {(t.task, t.tool): t for t in rows}


def tool(task: str, kind: str) -> Tool:
    return table()[(task, kind)]


def smallest(task: str) -> Tool:
    """The cheapest tool that does the job for `task` without needing a check."""
    return min((t for (k, _), t in table().items() if k == task and t.does_job == "yes"), key=lambda t: t.high_wh)


def times_smallest_small_tool(task: str, kind: str) -> float | None:
    """How many times the energy of the small tool the chosen tool uses (None if the small tool uses none)."""
    small = tool(task, "small").high_wh
    return tool(task, kind).high_wh / small if small else None
