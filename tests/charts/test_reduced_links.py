"""graph_pages.reduced_links (the links a summarised dependency graph draws between its key decisions) against a
search from every member, the rule it implements, on random plans and member sets (hypothesis), and on a
hand-checked chain."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks._plans import random_plan
from planner.analysis import analyze
from planner.charts.graph_pages import reduced_links
from planner.model import Decision, Dependency, new_plan


def _by_search(analysis: Any, members: list[int]) -> tuple[tuple[int, int, bool], ...]:
    """The definition: for each member, its member successors (direct) and the first members reached through
    non-members only (indirect, unless also direct)."""
    g = analysis.schedule.graph
    succ: dict[int, list[int]] = {}
    for u, v in zip(g.src.tolist(), g.dst.tolist(), strict=True):
        succ.setdefault(u, []).append(v)
    keep = set(members)
    out: list[tuple[int, int, bool]] = []
    for u in members:
        direct = {v for v in succ.get(u, []) if v in keep}
        out += [(u, v, True) for v in sorted(direct)]
        seen, stack = set(succ.get(u, [])), [v for v in succ.get(u, []) if v not in keep]
        found: set[int] = set()
        while stack:
            for y in succ.get(stack.pop(), []):
                if y not in seen:
                    seen.add(y)
                    (found.add if y in keep else stack.append)(y)
        out += [(u, v, False) for v in sorted(found - direct)]
    return tuple(out)


def test_a_chain_through_left_out_decisions() -> None:
    # a -> b -> c -> d, a -> d; members a, c, d: a-c through b (indirect), c-d and a-d direct
    plan = new_plan()
    plan.decisions += [Decision(id=x, title=x.upper(), stage="validate", duration=1) for x in "abcd"]
    plan.dependencies += [
        Dependency.model_validate({"from": u, "to": v})
        for u, v in (("a", "b"), ("b", "c"), ("c", "d"), ("a", "d"))
    ]
    assert reduced_links(analyze(plan), [0, 2, 3]) == ((0, 3, True), (0, 2, False), (2, 3, True))


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 120), seed=st.integers(0, 10_000), data=st.data())
def test_equals_a_search_from_every_member(n: int, seed: int, data: st.DataObject) -> None:
    analysis = analyze(random_plan(n, seed=seed))
    members = sorted(data.draw(st.sets(st.integers(0, n - 1), max_size=n)))
    assert reduced_links(analysis, members) == _by_search(analysis, members)
