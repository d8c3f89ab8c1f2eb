"""GanttProject counts whole days: the .gan export writes a duration or lag between two to the nearest day (a
duration under half a day as one), so a one-hour review shows as a day in GanttProject and its schedule moves; the
export said only 'dates are whole working days' (benchmarks/crosscheck_pertask.py: MPXJ read 0.2 weeks for 0.025).
The notes now count the durations and lags written so; the exact values stay in custom columns and come back on
import."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.io import export_file, export_notes, import_file
from planner.model import Plan
from tests.conftest import build_plan


def _plan(review: float = 0.025, build: float = 1.25, lag: float = 0.3) -> Plan:
    return build_plan(
        [
            {"id": "review", "title": "Review", "duration": review},
            {"id": "build", "title": "Build", "duration": build},
            {"id": "ship", "title": "Ship", "duration": 1},
        ],
        [("review", "build", "FS", lag), ("build", "ship")],
        start_date="2027-01-04",
    )


def _line(plan: Plan) -> list[str]:
    return [n for n in export_notes(plan, "gan") if "whole number of working days" in n]


def test_durations_and_lags_between_whole_days_are_counted(tmp_path: Path) -> None:
    plan = _plan()
    assert _line(plan) == [
        "2 durations and 1 lag are not a whole number of working days: GanttProject shows them to the nearest "
        "day (a duration under half a day as one day), so its schedule can differ by that much; the exact values "
        "are kept in custom columns for an import"
    ]
    path = tmp_path / "plan.gan"
    export_file(plan, path)
    text = path.read_text(encoding="utf-8")
    days = dict(re.findall(r'name="(\w+)"[^>]*duration="(\d+)"', text))
    assert {k: int(v) for k, v in days.items() if k in ("Review", "Build", "Ship")} == {
        "Review": 1,  # an hour shows as a day
        "Build": 6,  # 6.25 days
        "Ship": 5,
    }
    back, _ = import_file(path)
    weeks = {d.title: d.weeks() for d in back.decisions}
    assert weeks["Review"] == pytest.approx(0.025) and weeks["Build"] == pytest.approx(1.25)
    assert [d.lag for d in back.dependencies if d.from_ == "review"] == [pytest.approx(0.3)]


def test_whole_days_need_no_line() -> None:
    assert _line(_plan(review=0.2, build=1.4, lag=0.4)) == []
    assert _line(_plan(review=0.025, build=1, lag=0))[0].startswith("1 duration is not a whole number")
    assert _line(_plan(review=0.2, build=1, lag=-0.1))[0].startswith("1 lag is not a whole number")
