"""A plan with one team over capacity: the capacity section says "The plan's one team with a capacity is over
capacity", not "1 of 1 teams is over capacity"."""

from __future__ import annotations

from pathlib import Path

from planner.model import plan_from_dict
from tests.report.report_helpers import analysis_of, make_report


def test_one_team_over_capacity_is_named_as_the_plans_one_team(tmp_path: Path) -> None:
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "One team",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "Build"}],
            "teams": [{"id": "t", "name": "Platform", "capacity": 1}],
            "decisions": [
                {"id": "a", "title": "Alpha", "stage": "s", "duration": 2, "owner": "t"},
                {"id": "b", "title": "Beta", "stage": "s", "duration": 2, "owner": "t"},
            ],
        }
    )
    report = make_report(analysis_of(plan), tmp_path / "r.pdf", sections=["capacity"])
    text = report.flat
    assert "The plan's one team with a capacity is over capacity" in text
    assert "1 of 1 teams" not in text
