"""Quiz assembly: N items for a module and an edition, every objective covered, seeded.

The same (module, lang, level, n, seed) always gives the same quiz, and `to_json` gives
the same bytes: keys sorted, no timestamps.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass

from .bank import Bank
from .model import Question


@dataclass(frozen=True)
class Quiz:
    module: str
    lang: str
    level: str
    seed: int
    questions: tuple[Question, ...]

    @property
    def id(self) -> str:
        return f"{self.module}-{self.lang}-{self.level}-{self.seed}"

    @property
    def max_points(self) -> float:
        return sum(q.points for q in self.questions)

    def to_dict(self) -> dict:
        return {"id": self.id, "module": self.module, "lang": self.lang, "level": self.level, "seed": self.seed,
                "max_points": self.max_points, "questions": [q.to_dict() for q in self.questions]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, indent=1) + "\n"

    def question(self, item_id: str) -> Question:
        return next(q for q in self.questions if q.id == item_id)


def shuffled(q: Question, module: str, seed: int) -> Question:
    """The question as variant `seed` shows it: its choices (and a matching's right-hand side, an ordering's
    start) in an order drawn from the variant's seed and the item alone, for written and generated items
    alike, unless the item keeps its order (`fixed_order: true`)."""
    if q.fixed_order:
        return q
    return q.kind.shuffle(q, random.Random(f"{module}:{q.lang}:{q.level}:{seed}:{q.id}:order"))


def assemble(bank: Bank, lang: str, level: str, n: int | None = None, seed: int = 0) -> Quiz:
    """Pick `n` items (default: one per objective plus a few), covering every objective."""
    rng = random.Random(f"{bank.module}:{lang}:{level}:{seed}")
    objectives = bank.objectives()
    n = max(len(objectives), n if n is not None else len(objectives) + 3)
    by_objective = {o: [it for it in bank.items if it.objective == o] for o in objectives}
    chosen = [rng.choice(by_objective[o]) for o in objectives]
    rest = [it for it in bank.items if it not in chosen]
    rng.shuffle(rest)
    chosen += rest[: max(0, n - len(chosen))]
    order = {it.id: i for i, it in enumerate(bank.items)}
    chosen.sort(key=lambda it: (objectives.index(it.objective), order[it.id]))
    questions = tuple(shuffled(bank.question(it, lang, level, seed=f"{seed}"), bank.module, seed) for it in chosen)
    return Quiz(bank.module, lang, level, seed, questions)
