"""The human in the loop: a person reviews the files the score flagged, with little time and a pull toward
accepting the machine's suggestion.

The reviewer sees only the flagged files (the machine's suggestion is "flag"); the students the score missed never
reach anyone. For each flagged file, the reviewer either has the time to check it carefully or signs it as
suggested. When they check a file the machine got wrong (a false alarm), they still accept the wrong suggestion
with the probability the studies of automation bias measured; they never overturn a right flag (an optimistic
assumption: real reviewers sometimes do, see `dratsch-2023`).

Parameters:
- `ACCEPT_WRONG`: the share of wrong suggestions that get through even when the reviewer reads the case, by
  experience: 1 − the accuracy of radiologists when a purported AI suggested a wrong category (`dratsch-2023`:
  inexperienced 19.8%, moderately experienced 24.8%, very experienced 45.5% correct; 79.7%, 81.3%, 82.3% when
  the suggestion was right). Strictly, 1 − accuracy is "rated wrongly when the suggestion was wrong", a little more
  than "followed the suggestion" (a reader could pick another wrong category). A school file is not a mammogram:
  the figures show the size of the effect in one measured case, not a school's reality. The skitka-1999 name for
  what the reviewer avoids here is a commission error (following a wrong suggestion).
- `CAREFUL_MINUTES`: the time a careful check of one file takes. An assumption of this demo, not a measured figure;
  lack of time makes automation bias worse (`goddard-2012`), without a figure we can transpose. Below it, the
  reviewer can check only a share `minutes / CAREFUL_MINUTES` of the files and signs the rest as suggested.
"""
from __future__ import annotations

from dataclasses import dataclass

from .cohort import THRESHOLD, outcome

# Share of wrong suggestions that get through when the reviewer does read the case (1 - accuracy with a wrong
# suggestion), by experience, rounded to two digits. Source: dratsch-2023 (27 radiologists, 50 mammograms).
ACCEPT_WRONG = {"high": 0.80,      # inexperienced readers: 19.8% correct with a wrong suggestion
                "medium": 0.75,    # moderately experienced: 24.8%
                "low": 0.55}       # very experienced: 45.5% (82.3% when the suggestion was right)
TENDENCIES = ("low", "medium", "high")
TENDENCY = "medium"
CAREFUL_MINUTES = 10      # illustrative assumption of the demo, not a measured figure; direction: goddard-2012
MINUTES = [1, 2, 5, 10, 20]
MINUTE = 2


@dataclass(frozen=True)
class Review:
    minutes: int
    tendency: str
    flagged: int              # files the reviewer receives
    machine_errors: int       # false alarms among them
    checked: int              # files checked carefully
    caught: int               # false alarms the reviewer overturns
    missed_never_seen: int    # students the score missed, who never reach the reviewer
    hours: float              # total time spent reviewing

    @property
    def caught_share(self) -> float:
        return self.caught / self.machine_errors if self.machine_errors else 0.0

    @property
    def signed_as_suggested(self) -> float:
        """Share of the files whose final decision is the machine's suggestion."""
        return 1 - self.caught / self.flagged if self.flagged else 1.0


def review(minutes: float = MINUTE, tendency: str = TENDENCY, threshold: float = THRESHOLD) -> Review:
    if tendency not in ACCEPT_WRONG:
        raise ValueError(f"unknown tendency {tendency!r}")
    o = outcome(threshold)
    careful = min(1.0, minutes / CAREFUL_MINUTES)
    caught = round(o.false_alarms * careful * (1 - ACCEPT_WRONG[tendency]))
    return Review(int(minutes), tendency, o.flagged, o.false_alarms, round(o.flagged * careful), caught, o.missed,
                  o.flagged * minutes / 60)
