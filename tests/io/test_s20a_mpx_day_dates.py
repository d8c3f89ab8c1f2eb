"""MPX dates written without a time of day (MS Project 98's default date format, ``Mon 16/06/08``) are whole days.

mpxrecurring.mpx (MPXJ's test data, written by MS Project 98): seven recurring tasks (summaries, Rollup) with their
occurrences of 1 hour each, every date a day without a time. Before, each 1-hour occurrence, whose start and finish
are the same day, was reported as 'the duration (1h, 0.03 weeks) contradicts the task's own dates (0.2 working weeks
apart)' (27 such lines: every task), and the plan's finish, Mon 21 Jun 2010 09:00, as a day earlier than the file's
'Mon 21/06/10' ('the items above (durations) account for the difference'). A duration more than a working day away
from such dates still contradicts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file

DATA = Path(__file__).parent / "data" / "mpxj-real"


def test_s20a_day_dates_agree_with_durations_within_a_working_day() -> None:
    plan, report = import_file(DATA / "mpxrecurring.mpx")
    assert len(plan.decisions) == 20  # MPXJ: 28 tasks, the project summary and 7 recurring summaries
    assert report.counts["summaries"] == 7
    text = report.text(limit=None)
    assert "contradicts" not in text
    assert "[schedule]" not in text
    by_title = {d.title: d for d in plan.decisions}
    assert by_title["Yearly 15th June 2"].duration == pytest.approx(1 / 40)  # 1 hour of a 40-hour week
    # the last occurrence, Mon 21 Jun 2010 08:00-09:00: 105 weeks of working days after Mon 16 Jun 2008 08:00 (the
    # project starts Sun 15 Jun 2008, its work at the next working moment), plus an hour
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(105 + 1 / 40)


def test_s20a_a_duration_beyond_a_working_day_of_day_dates_is_still_reported(tmp_path: Path) -> None:
    text = (DATA / "mpxrecurring.mpx").read_bytes().decode("cp1252")
    line = next(ln for ln in text.split("\n") if ",Daily Every Day 1,1h," in ln)
    path = tmp_path / "three-days.mpx"
    path.write_bytes(text.replace(line, line.replace(",1h,", ",3d,")).encode("cp1252"))
    _, report = import_file(path)
    lines = [i.message for i in report.items if "contradicts" in i.message]
    assert lines == [
        "the duration (3d, 0.6 weeks) contradicts the task's own dates (0.2 working weeks apart); the duration is used"
    ]
