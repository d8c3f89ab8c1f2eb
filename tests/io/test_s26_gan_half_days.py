"""GanttProject keeps whole days: a half day is written up, always. Python's round() took a half to the even
number, so 1.5 weeks were written 8 days and 2.5 weeks 12 (MPXJ read the sample plans' .gan so: 0.1 weeks more or
less by turns; benchmarks/crosscheck_mpxj.py --exports). The planner's own values come back either way, from the
file's custom columns, from files written before too. Needs no MPXJ."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.io import export_text, import_file
from planner.model import Plan
from tests.conftest import build_plan


def _plan() -> Plan:
    return build_plan(
        [
            {"id": "a", "title": "Half", "duration": 0.5},
            {"id": "b", "title": "One and a half", "duration": 1.5},
            {"id": "c", "title": "Two and a half", "duration": 2.5},
        ],
        [("a", "b", "FS", 0.3), ("b", "c", "SS", 0.5)],
        start_date="2027-01-04",
    )


def _gan() -> str:
    text = export_text(_plan(), "gan")
    assert isinstance(text, str)
    return text


def test_half_days_are_written_up() -> None:
    text = _gan()
    days = dict(re.findall(r'name="([^"]*)" [^>]*duration="(\d+)"', text))
    assert (days["Half"], days["One and a half"], days["Two and a half"]) == ("3", "8", "13")
    assert re.findall(r'difference="(-?\d+)"', text) == ["2", "3"]  # 1.5 and 2.5 days


@pytest.mark.parametrize("before_s26", [False, True])
def test_the_planner_reads_its_values_back(tmp_path: Path, before_s26: bool) -> None:
    text = _gan()
    if before_s26:  # as the planner wrote it before: 2.5 weeks as 12 days, a 2.5-day lag as 2
        text = text.replace('duration="13"', 'duration="12"').replace('difference="3"', 'difference="2"')
    path = tmp_path / "p.gan"
    path.write_text(text, encoding="utf-8")
    back, _ = import_file(path)
    assert sorted(d.weeks() for d in back.decisions) == [0.5, 1.5, 2.5]
    assert sorted(dep.lag for dep in back.dependencies) == [0.3, 0.5]
