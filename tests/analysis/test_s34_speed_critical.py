"""Session 34 (issue 12): the count of critical chains visits the critical decisions in generation order (every
link goes to a later generation) instead of filtering the whole topological order in Python (~5 ms at 100,000
decisions). The path picked, the count and the note must be those the plain order gives."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.analysis import compile_plan
from planner.analysis.schedule import Schedule, _critical_path, schedule
from planner.model import Plan
from tests.conftest import build_plan


@st.composite
def _plans(draw: st.DrawFn) -> Plan:
    """Small DAGs with durations of 0-2 weeks and every link type: many chains of equal length."""
    n = draw(st.integers(1, 14))
    decisions = [{"id": f"d{i}", "duration": draw(st.sampled_from([0, 1, 1, 2]))} for i in range(n)]
    links = set()
    for _ in range(draw(st.integers(0, 3 * n))):
        a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        if a < b:
            links.add((f"d{a}", f"d{b}", draw(st.sampled_from(["FS", "FS", "SS", "FF", "SF"]))))
    return build_plan(decisions, sorted(links))


def _by_order(s: Schedule) -> tuple[list[str], int, list[str]]:
    """The path, count and notes computed from the plain topological order (no generations)."""
    plain = dataclasses.replace(s, graph=dataclasses.replace(s.graph, _gen=None), notes=[])
    _critical_path(plain)
    return plain.critical_path, plain.critical_chain_count, plain.notes


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_plans())
def test_s34_chains_counted_by_generation_as_by_order(plan: Plan) -> None:
    graph = compile_plan(plan)
    assert graph._gen is not None
    s = schedule(plan, graph=graph)
    assert (s.critical_path, s.critical_chain_count, s.notes) == _by_order(s)


class _NotWalked(list[int]):
    def __iter__(self) -> Iterator[int]:
        raise AssertionError("the whole topological order was walked")


def test_s34_chains_counted_without_walking_the_whole_order() -> None:
    plan = build_plan(
        [{"id": x, "duration": 1} for x in "abcdef"],
        [("a", "c"), ("b", "c"), ("c", "d"), ("c", "e"), ("e", "f")],
    )
    s = schedule(plan)
    s.graph.order = _NotWalked(s.graph.order or [])
    s.notes = []
    _critical_path(s)
    assert (s.critical_path, s.critical_chain_count) == (["a", "c", "e", "f"], 2)
