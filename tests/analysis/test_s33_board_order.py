"""The board's 'needs attention' ranking does not depend on the file's order (session 33).

Of two equally long critical chains the one shown is picked by the file's order; the ranking gave 'it is on the
critical path' (+20) only to the decisions of the chain shown, so reordering the file changed who needed the
board's attention (H-props33 found it: seeds 9217 and 9352 of its exact-figures sweep)."""

from __future__ import annotations

from typing import Any

from planner.analysis import analyze
from planner.analysis.board import attention


def _ranked(plan: Any) -> list[tuple[str, float, tuple[str, ...]]]:
    return sorted((a.id, a.score, tuple(a.reasons)) for a in attention(plan, analyze(plan), n=None))


def test_two_equal_chains_rank_alike_in_either_order(make_plan: Any) -> None:
    decisions = [
        {"id": "a1", "duration": {"optimistic": 2, "likely": 3, "pessimistic": 5}},
        {"id": "a2", "duration": 2},
        {"id": "b1", "duration": {"optimistic": 2, "likely": 3, "pessimistic": 5}},
        {"id": "b2", "duration": 2},
    ]
    links = [("a1", "a2"), ("b1", "b2")]
    forward = make_plan(decisions, links)
    backward = make_plan(list(reversed(decisions)), links)
    ranked = _ranked(forward)
    assert ranked == _ranked(backward)
    assert {i for i, _, reasons in ranked if "it is on the critical path" in reasons} == {
        "a1",
        "a2",
        "b1",
        "b2",
    }
