"""A plan starting on the calendar's last days (30 or 31 Dec 9999) with a decision of 0 weeks is refused (the
charts cannot draw past 31 Dec 9999), and the message said 'the schedule can run 0 weeks (...) past 31 Dec 9999':
0 weeks is not past anything. It now says the start leaves no room (fuzz_corners seed 5)."""

from __future__ import annotations

from typing import Any

import pytest

from planner.analysis import analyze
from planner.model import plan_from_dict


def data(start: str, weeks: float) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Last day",
        "start_date": start,
        "stages": [{"id": "s0", "name": "Stage 0"}],
        "decisions": [{"id": "d0", "title": "D", "stage": "s0", "duration": weeks}],
    }


@pytest.mark.parametrize("start,weeks", [("9999-12-31", 0), ("9999-12-31", 1e-9), ("9999-12-30", 1e-9)])
def test_a_start_on_the_last_days_says_it_leaves_no_room(start: str, weeks: float) -> None:
    found = [
        f for f in analyze(plan_from_dict(data(start, weeks))).findings if f.code == "dates-out-of-range"
    ]
    assert len(found) == 1 and found[0].severity == "error"
    message = found[0].message
    assert "can run 0 weeks" not in message
    assert "leaves no room for the schedule" in message and "Move the start date earlier" in message


def test_a_moment_on_the_day_before_the_last_has_its_date() -> None:
    found = [
        f for f in analyze(plan_from_dict(data("9999-12-30", 0))).findings if f.code == "dates-out-of-range"
    ]
    assert found == []


def test_a_long_schedule_still_says_how_far_it_runs() -> None:
    found = [
        f for f in analyze(plan_from_dict(data("9999-12-01", 10))).findings if f.code == "dates-out-of-range"
    ]
    assert len(found) == 1 and "the schedule can run 10 weeks" in found[0].message
