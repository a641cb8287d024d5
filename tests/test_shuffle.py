"""Fair items: every variant shows the choices in an order drawn from its own seed, for written and
generated items alike, so the key is not in the same place from one variant to the next."""
from __future__ import annotations

from collections import Counter

import pytest

from quizzes.assemble import assemble, shuffled
from quizzes.bank import module_bank
from quizzes.model import LANGS, LEVELS, validate_item
from core.course import modules

MODULES = tuple(m.slug for m in modules())

SEEDS = range(1, 25)


def _positions(module: str, lang: str, level: str):
    """For each item id: the positions its key took, over many variants (choice items only)."""
    bank = module_bank(module)
    where: dict[str, list[int]] = {}
    generated: set[str] = set()
    for seed in SEEDS:
        for q in assemble(bank, lang, level, n=len(bank.items), seed=seed).questions:
            right = [i for i, c in enumerate(q.choices) if c.correct]
            if q.choices and right and len(q.choices) > 1:
                where.setdefault(q.id, []).append(right[0])
                if q.generated:
                    generated.add(q.id)
    return where, generated


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("module", MODULES)
def test_keys_move_between_variants(module, lang, level):
    where, generated = _positions(module, lang, level)
    stuck = {item: p[0] for item, p in where.items() if len(p) >= 6 and len(set(p)) == 1}
    assert not stuck, f"{module} {lang}/{level}: the key never moves in {sorted(stuck)}"
    first = [p == 0 for positions in where.values() for p in positions]
    # with 2 to 5 choices, the key comes first in 20 % to 50 % of draws; a generator that forgets to shuffle
    # (key always first) pushes this towards 100 %
    assert sum(first) / len(first) < 0.6, f"{module} {lang}/{level}: key first in {sum(first)}/{len(first)} variants"
    assert any(len(set(where[i])) > 1 for i in generated) or not generated


def test_the_same_seed_gives_the_same_order_and_fixed_order_is_kept():
    raw = {"id": "x", "type": "single", "objective": "o", "competencies": {"ai4k12": "a", "unesco": "u"},
           "text": {"fr": "Q", "en": "Q"},
           "choices": [{"id": c, "text": {"fr": c, "en": c}, "correct": c == "a"} for c in "abcde"]}
    q = validate_item(raw, "en", "standard", "t.yaml")
    orders = {tuple(c.id for c in shuffled(q, "m", seed).choices) for seed in range(40)}
    assert len(orders) > 10
    assert shuffled(q, "m", 7) == shuffled(q, "m", 7)
    # a generator that forgets to shuffle (key first every time) is shuffled by the engine all the same
    made = validate_item(raw, "en", "standard", "t.yaml", generated=True, variant="3")
    assert Counter(next(i for i, c in enumerate(shuffled(made, "m", s).choices) if c.correct) for s in range(40))[0] < 20
    kept = validate_item({**raw, "fixed_order": True}, "en", "standard", "t.yaml")
    assert {tuple(c.id for c in shuffled(kept, "m", seed).choices) for seed in range(40)} == {tuple("abcde")}


def test_matching_right_sides_and_ordering_starts_are_shuffled():
    common = {"objective": "o", "competencies": {"ai4k12": "a", "unesco": "u"}, "text": {"fr": "Q", "en": "Q"}}
    match = validate_item({"id": "m", "type": "matching", **common,
                           "choices": [{"id": c, "text": {"fr": c, "en": c}} for c in "abcd"],
                           "pairs": {c: {"fr": c.upper(), "en": c.upper()} for c in "abcd"}}, "en", "standard", "t")
    rights = Counter(shuffled(match, "m", s).rights for s in range(30))
    assert len(rights) > 5 and all(sorted(r) == list("ABCD") for r in rights)
    order = validate_item({"id": "o", "type": "ordering", **common, "order": list("abcd"),
                           "choices": [{"id": c, "text": {"fr": c, "en": c}} for c in "abcd"]}, "en", "standard", "t")
    starts = [tuple(c.id for c in shuffled(order, "m", s).choices) for s in range(30)]
    assert tuple("abcd") not in starts and len(set(starts)) > 5
