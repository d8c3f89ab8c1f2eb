"""Dates as trackers write them in the user's language (H-interop31): Jira's dd/MMM/yy with German month
abbreviations ('02/Mär/26 9:41 AM', '30/Okt/26'), a spreadsheet's d-mmm-yyyy ('12-Mar-2026'), year-first dates of
Hungarian, Korean, Japanese and Chinese sheets ('2026.03.02.', '2026年3月2日': not read before).

Before: 'Mär' and 'Okt' were no month, so the start and due dates of tests/io/data/s31/jira-german-dates.csv were
not read ('3 start dates could not be read; ignored'), and '12-Mar-2026' (four-digit year) was not a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.io import import_file
from planner.io.table import _DATE_FORMATS, _date_cell
from planner.model.plan import Status

DATA = Path(__file__).parent / "data" / "s31"


def test_s31_jira_with_german_month_abbreviations() -> None:
    """By hand: the plan starts Mon 2 Mar 2026; DP-1 done (resolved Fri 13 Mar), DP-2 in progress from Mon 16 Mar,
    the file's last date is DP-3's due date, Fri 30 Oct 2026 (week 35 ends); estimates 144,000 and 288,000 seconds of work are 1 and
    2 weeks; DP-1 blocks DP-2, which blocks DP-3."""
    plan, report = import_file(DATA / "jira-german-dates.csv")
    text = report.text(limit=None)
    dp1, dp2, dp3 = plan.decisions
    assert plan.start_date == dt.date(2026, 3, 2)
    assert (dp1.status, dp2.status, dp3.status) == (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED)
    assert dp1.actual_finish is not None
    assert [d.weeks() for d in plan.decisions] == pytest.approx([1, 2, 1])
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(35)  # Fri 30 Oct, end of day
    assert sorted((str(x.from_), str(x.to)) for x in plan.dependencies) == [
        ("DP-1", "DP-2"),
        ("DP-2", "DP-3"),
    ]
    assert "could not be read" not in text
    assert "month first" not in text  # a month's word leaves no doubt about the order


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("02/Mär/26 9:41 AM", dt.date(2026, 3, 2)),
        ("12/Mrz/26 09:41", dt.date(2026, 3, 12)),
        ("12/mars/26", dt.date(2026, 3, 12)),
        ("05/Dez/26", dt.date(2026, 12, 5)),
        ("12/dic/2026", dt.date(2026, 12, 12)),
        ("12-Mar-2026", dt.date(2026, 3, 12)),
        ("2026.03.02.", dt.date(2026, 3, 2)),  # Hungarian
        ("2026. 3. 2.", dt.date(2026, 3, 2)),  # Korean
        ("2026年3月2日", dt.date(2026, 3, 2)),  # Japanese, Chinese
        ("2026년 3월 2일", dt.date(2026, 3, 2)),
        ("2026.02.30", None),
        ("31/Feb/26", None),
        ("12/Foo/26", None),
    ],
)
def test_s31_day_month_word_year(text: str, date: dt.date | None) -> None:
    assert _date_cell(text, _DATE_FORMATS) == date
