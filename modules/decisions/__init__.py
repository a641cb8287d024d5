"""Module `decisions`: when a machine decides, and the right to a human decision.

Live models (synthetic data made here with fixed seeds, plain Python and scikit-learn):
- `cohort`: a fictional school's dropout risk score (logistic regression trained on a past cohort), a threshold,
  and who is flagged, wrongly flagged and missed in each neighbourhood; a group's weighing of the two errors;
- `pygmalion`: the label that changes the outcome, simulated over several terms, both directions;
- `explain`: one decision explained (effect of each clue, smallest change that reverses it), and a gradient-boosting
  model explained by a depth-2 surrogate tree whose agreement is measured;
- `review`: a person who reviews the flagged files with little time and automation bias.
Interface text does not belong here (see widgets/decisions.py).
"""
from .cohort import THRESHOLD, THRESHOLDS, current, outcome, past, score_model, scores, weighed_threshold
from .explain import agreement, files
from .pygmalion import simulate

# The submodules `explain` and `review` are imported by name (`from modules.decisions import explain`): their
# functions of the same name are not re-exported here, so that the names keep meaning the submodules.
__all__ = ["THRESHOLD", "THRESHOLDS", "agreement", "current", "files", "outcome", "past", "score_model", "scores",
           "simulate", "weighed_threshold"]
