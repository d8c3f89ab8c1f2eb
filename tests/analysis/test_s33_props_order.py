"""Figures that must not depend on the order of the plan file, found by H-props33 with draws the suite's property
tests did not make: exact sums, so that a reordered file gives the same bits, not just the same nine digits.

- a stage's readiness (its share of planned weeks done) was the weeks done over the stage's weeks, each summed in
  the file's order: 0.3 of 0.1 + 0.3 + 0.3 + 0.1 weeks read 0.375 ('38%') in one order and 0.37499999999999994
  ('37%') in another;
- the price of strict gates in money: its labour burn rate was a dot product in the file's order (1224.0437158469942
  against ...994), where the cost's labour is summed exactly.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner import units
from planner.analysis import analysis_to_dict, analyze
from planner.model import Plan, plan_from_dict
from tests.analysis.test_s23_properties import _renamed
from tests.test_s22_unseen_one_truth import s22_plan

# durations in weeks that binary floating point does not hold exactly (a tenth, a seventh), so sums round
WEEKS = st.sampled_from([0.1, 0.15, 0.2, 0.3, 0.35, 0.4, 0.7, 1.1, 1.3, 2.2, 1 / 7, 3 / 7])


def _plan(stage_of: list[int], weeks: list[float], done: list[bool], order: list[int]) -> dict[str, Any]:
    decisions = [
        {
            "id": f"d{i}",
            "title": f"Decision {i}",
            "stage": f"s{stage_of[i]}",
            "duration": weeks[i],
            **({"status": "done"} if done[i] else {}),
        }
        for i in range(len(weeks))
    ]
    return {
        "schema_version": 1,
        "title": "Readiness in any order",
        "stages": [{"id": "s0", "name": "First"}, {"id": "s1", "name": "Second"}],
        "decisions": [decisions[k] for k in order],
    }


@st.composite
def _stages_in_two_orders(draw: st.DrawFn) -> tuple[list[int], list[float], list[bool], list[int]]:
    n = draw(st.integers(1, 9))
    stage_of = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    weeks = draw(st.lists(WEEKS, min_size=n, max_size=n))
    done = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    order = draw(st.permutations(range(n)))
    return stage_of, weeks, done, order


def _readiness(data: dict[str, Any]) -> list[float | None]:
    stages = analyze(plan_from_dict(data, "<random>")).stages
    assert stages is not None
    return [r.done_share for r in stages.stages]


@settings(max_examples=60, deadline=None)
@given(_stages_in_two_orders())
@example(([0, 0, 0, 0], [0.1, 0.3, 0.3, 0.1], [False, True, False, False], [2, 0, 3, 1]))  # 38% against 37%
def test_a_stages_readiness_is_the_same_in_any_file_order(
    drawn: tuple[list[int], list[float], list[bool], list[int]],
) -> None:
    stage_of, weeks, done, order = drawn
    n = len(weeks)
    first = _readiness(_plan(stage_of, weeks, done, list(range(n))))
    again = _readiness(_plan(stage_of, weeks, done, order))
    assert again == first  # exactly: the same bits, so the same percentage
    assert [units.format_share(x) for x in again] == [units.format_share(x) for x in first]


@settings(max_examples=40, deadline=None)
@given(st.integers(9000, 99_999), st.integers(0, 2**32 - 1))
# the gating price's burn rate 1224.0437158469942 against ...994 once the file was reordered
@example(9008, 0)
@example(11145, 0)  # a plan without costs: no cost figures at all
def test_the_price_of_gates_is_the_same_in_any_file_order(seed: int, shuffle: int) -> None:
    """The price of strict gates in money (the labour burn rate x the weeks they add) to the last bit: its labour
    was a dot product in the file's order, where the cost's own labour is summed exactly."""
    data = s22_plan(seed)
    renamed, _ = _renamed(data, random.Random(shuffle))
    first = analysis_to_dict(analyze(Plan.model_validate(data))).get("cost")  # (none without costs)
    again = analysis_to_dict(analyze(Plan.model_validate(renamed))).get("cost")
    assert (again or {}).get("gating_price") == (first or {}).get("gating_price")
    if first and first.get("gating_price") and first["gating_price"]["burn_rate"]:
        # one labour figure: the burn rate is the cost's labour over the plan's length
        finish = analyze(Plan.model_validate(data)).schedule
        assert finish is not None
        assert first["gating_price"]["burn_rate"] == first["labour"] / finish.finish
