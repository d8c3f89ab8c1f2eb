"""The MS Project XML and MPX exports wrote each stage's summary task (and the project summary) with a duration of
the plan's weeks between its first start and last finish, while its dates are written where the tasks are: on the
status date's day and the actual dates' days. With a status date inside a week the two disagreed (Stage 0: 4 weeks
against dates 4.17 working weeks apart), and importing the planner's own MPX said 'the duration contradicts the
task's own dates' of every such stage. A summary's duration is now the working time between its dates, as MS
Project derives it."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner.io import export_file, import_file
from planner.io.common import WorkCalendar
from planner.io.mspdi import parse_pt_minutes
from planner.model import Plan
from tests.conftest import build_plan

NS = "{http://schemas.microsoft.com/project}"


def _plan() -> Plan:
    """Two stages; work done and in progress; the status date a Wednesday."""
    return build_plan(
        [
            {"id": "a", "duration": 2, "status": "done", "progress": 100, "actual_start": "2028-02-29"},
            {"id": "b", "duration": 3, "status": "in_progress", "progress": 50, "actual_start": "2028-03-07"},
            {"id": "c", "duration": 1, "stage": "build"},
            {"id": "d", "duration": 0.5, "stage": "build"},
        ],
        [("a", "b"), ("b", "c"), ("c", "d", "FS", 0.3)],
        stages=["plan", "build"],
        start_date="2028-02-28",
        status_date="2028-03-15",
    )


def test_each_summary_lasts_the_working_time_between_its_dates(tmp_path: Path) -> None:
    path = tmp_path / "plan.xml"
    export_file(_plan(), path)
    root = ET.parse(path).getroot()
    cal = WorkCalendar.standard(dt.date(2028, 2, 28))
    summaries = [t for t in root.iter(f"{NS}Task") if t.findtext(f"{NS}Summary") == "1"]
    assert len(summaries) == 3  # the project and its two stages
    for t in summaries:
        start = dt.datetime.fromisoformat(t.findtext(f"{NS}Start") or "")
        finish = dt.datetime.fromisoformat(t.findtext(f"{NS}Finish") or "")
        minutes = parse_pt_minutes(t.findtext(f"{NS}Duration") or "")
        assert minutes == pytest.approx(cal.minutes(finish) - cal.minutes(start), abs=1), t.findtext(
            f"{NS}Name"
        )


def test_the_planners_own_mpx_imports_without_a_contradiction(tmp_path: Path) -> None:
    path = tmp_path / "plan.mpx"
    export_file(_plan(), path)
    _, report = import_file(path)
    assert not [i.text() for i in report.items if "contradicts" in i.message]
