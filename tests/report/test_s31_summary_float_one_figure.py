"""The summary gives one float figure when every other decision has the same float (session 31).

A six-decision plan whose two decisions off the critical path each have 6 weeks of float read 'Everything else has
between 6 weeks and 6 weeks of float.'
"""

from __future__ import annotations

from pathlib import Path

from planner.analysis import analyze, board
from planner.model import Plan, plan_from_dict, units
from tests.report.report_helpers import make_report


def _plan(floats_differ: bool) -> Plan:
    decisions = [
        {"id": f"d{i}", "title": f"Decision {i}", "stage": "s0" if i < 3 else "s1", "duration": 2}
        for i in range(6)
    ]
    if floats_differ:
        decisions[5]["duration"] = 1
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "Two stages",
            "start_date": "2027-01-04",
            "stages": [{"id": "s0", "name": "Validate"}, {"id": "s1", "name": "Integrate"}],
            "decisions": decisions,
            "dependencies": [
                {"from": "d0", "to": "d1"},
                {"from": "d1", "to": "d3"},
                {"from": "d3", "to": "d4"},
            ],
        },
        "<two stages>",
    )


def test_one_float_figure_when_the_least_and_most_are_the_same(tmp_path: Path) -> None:
    a = analyze(_plan(False))
    fr = board.float_range(a)
    assert fr is not None and units.format_weeks(fr[0]) == units.format_weeks(fr[1])
    flat = make_report(a, tmp_path / "r.pdf", sections=["summary"]).flat
    assert f"Everything else has {units.plural_weeks(fr[0])} of float." in flat
    assert "between" not in flat.split("Everything else has", 1)[1][:20]


def test_a_range_when_they_differ(tmp_path: Path) -> None:
    a = analyze(_plan(True))
    fr = board.float_range(a)
    assert fr is not None and fr[0] < fr[1]
    flat = make_report(a, tmp_path / "r.pdf", sections=["summary"]).flat
    want = (
        f"Everything else has between {units.plural_weeks(fr[0])} and {units.plural_weeks(fr[1])} of float."
    )
    assert want in flat
