"""Module `limits`: what chatbots get wrong.

Live models, all built on the course's word n-gram model (`modules.chatbots.NGramModel`):
- `facts`: likely is not true: factual prompts ranked by likelihood, and an audit of how often
  the most likely answer is wrong;
- `privacy`: fake personal details (Faker) planted in the training text, and recited;
- `edge`: sums never seen, and years after the end of the training text.
"""
from .edge import ask_year, sums_report
from .facts import DATA_SETS, audit, complete, fact_model, facts, rank_answers, wrong_rate
from .privacy import KINDS, recall, secret

__all__ = ["DATA_SETS", "KINDS", "ask_year", "audit", "complete", "fact_model", "facts", "rank_answers", "recall", "secret",
           "sums_report", "wrong_rate"]
