"""Progress from a tracker's work done and work left (Jira's Time Spent / Remaining Estimate) only where both say
it (lead, session 21; found by H-review21).

Before: an empty Remaining Estimate counted as none left, so an issue In Progress with an hour logged was 100 %
done (and the plan finished as if it were); a Done issue with its estimate left as it was read 25 %. Now the
work left must be given, and a row whose status says done or not started keeps its status alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import import_file
from planner.model.plan import Status

CSV = (
    "Issue key,Summary,Status,Original Estimate,Time Spent,Remaining Estimate\n"
    "P-1,Alpha,Done,28800,7200,21600\n"
    "P-2,Beta,To Do,28800,0,28800\n"
    "P-3,Gamma,In Progress,,3600,\n"
    "P-4,Delta,In Progress,28800,7200,21600\n"
)


def test_progress_only_where_the_work_left_is_given_and_the_status_allows(tmp_path: Path) -> None:
    path = tmp_path / "jira.csv"
    path.write_text(CSV, encoding="utf-8")
    plan, _ = import_file(path)
    got = {d.id: (d.status, d.progress) for d in plan.decisions}
    assert got["P-1"] == (
        Status.DONE,
        0,
    )  # done, whatever estimate was left: no percentage of its own (was 25)
    assert got["P-2"][1] == 0  # not started: no percentage
    assert got["P-3"] == (Status.IN_PROGRESS, 0)  # the work left unknown: no percentage (was 100)
    assert got["P-4"] == (Status.IN_PROGRESS, 25)  # 2 of 8 hours: 7200 / (7200 + 21600)


def test_minutes_after_hours_as_jira_writes_time_tracking() -> None:
    """'1h 30m' was refused ('not a number'): Jira and YouTrack write minutes so. An 'm' alone may be months and
    stays unread; 'min' and 'minutes' are minutes."""
    from planner.io.table import span_weeks

    assert span_weeks("1h 30m") == pytest.approx(1.5 / 40)  # 90 minutes of a 40-hour week
    assert span_weeks("1w 2d 4h 30m") == pytest.approx(1 + 2 / 5 + 4.5 / 40)
    assert span_weeks("90 minutes") == span_weeks("90 min") == pytest.approx(1.5 / 40)
    assert span_weeks("3m") is None  # three months or three minutes: not guessed
    assert span_weeks("2 mo") == 8.0  # months as before
