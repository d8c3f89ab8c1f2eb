"""A headcount's noun follows the figure as written (units.people), in the analysis's findings, the report's
capacity section and the app's capacity tab: a capacity of 1.001 is written "1" and read "1 person"; the checks of
the raw figure wrote "has 1 people"."""

from __future__ import annotations

from typing import Any

from planner.analysis import validate
from planner.units import people
from tests.conftest import build_plan


def _plan(capacity: float) -> Any:
    return build_plan(
        [{"id": "a", "owner": "t", "headcount": 2}],
        teams=[{"id": "t", "name": "T", "capacity": capacity}],
    )


def test_the_noun_follows_the_written_figure() -> None:
    assert [people(x) for x in (1, 1.001, 0.999, 1.01, 2, 0, 0.5)] == [
        "1 person",
        "1 person",
        "1 person",
        "1.01 people",
        "2 people",
        "0 people",
        "0.5 people",
    ]


def test_over_capacity_finding_of_a_team_of_one_point_zero_zero_one() -> None:
    over = [f for f in validate(_plan(1.001)) if f.code == "over-capacity"]
    assert over and over[0].message.startswith("Team 'T' (t) has 1 person but the schedule needs up to 2")
    assert all("1 people" not in f.message for f in over)


def test_report_capacity_section_says_person_for_a_written_one() -> None:
    from planner.report.sections import capacity

    assert capacity.people is people  # the report words headcounts by the one rule
