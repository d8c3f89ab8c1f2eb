"""YouTrack's Estimation is a period field, stored as minutes (its REST API's PeriodValue.minutes; shown as
'1w 2d' or, in its MINUTES format, '2765m'): a bare number in an exported Estimation column is minutes, not weeks
(H-io22). Before: 2400 (one 40-hour week) was read as 2,400 weeks, 480 (a day) as 480 weeks.

Hand-worked, 8-hour days, 5-day weeks (2,400 minutes a week): 2400 -> 1 week, 480 -> 0.2, '1w 2d' -> 1.4."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import import_file


def test_s22_youtrack_bare_estimation_is_minutes(tmp_path: Path) -> None:
    path = tmp_path / "youtrack.csv"
    path.write_text(
        "Issue Id,Summary,State,Estimation\nYT-1,Design,Fixed,2400\nYT-2,Build,Open,1w 2d\nYT-3,Test,Open,480\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    got = {d.title: d.duration for d in plan.decisions}
    assert got == {"Design": pytest.approx(1.0), "Build": pytest.approx(1.4), "Test": pytest.approx(0.2)}
    assert "YouTrack's Estimation without a unit is minutes" in report.text(limit=None)
