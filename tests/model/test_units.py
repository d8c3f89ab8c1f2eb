"""The one rule for weeks and dates (SPEC §3.3a), hand-checked."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import units

START = dt.date(2027, 1, 4)  # a Monday


@pytest.mark.parametrize(
    ("week", "expected"),
    [
        (0, dt.date(2027, 1, 4)),
        (1, dt.date(2027, 1, 11)),
        (2.5, dt.date(2027, 1, 22)),  # 17.5 days: halves go up -> 18 days
        (1 / 14, dt.date(2027, 1, 5)),  # 0.5 day -> 1 day (Python's round() would give 0)
        (3 / 14, dt.date(2027, 1, 6)),  # 1.5 days -> 2 days (banker's rounding would also give 2)
        (5 / 14, dt.date(2027, 1, 7)),  # 2.5 days -> 3 days (banker's rounding would give 2)
        (0.07, dt.date(2027, 1, 4)),  # 0.49 day -> 0
        (-1, dt.date(2026, 12, 28)),
        (32.37, dt.date(2027, 8, 19)),  # 226.59 days -> 227
    ],
)
def test_week_to_date_rounds_to_the_nearest_day_halves_up(week: float, expected: dt.date) -> None:
    assert units.week_to_date(START, week) == expected


def test_week_to_date_without_a_start_or_week_is_none() -> None:
    assert units.week_to_date(None, 3) is None
    assert units.week_to_date(START, None) is None
    assert units.iso_date(None, 3) is None
    assert units.iso_date(START, 1) == "2027-01-11"


def test_week_to_date_out_of_the_calendar_raises_overflow() -> None:
    with pytest.raises(OverflowError):
        units.week_to_date(START, 1e9)
    with pytest.raises(OverflowError):
        units.week_to_date(START, float("inf"))


@pytest.mark.parametrize(
    ("weeks", "text"),
    [
        (2.05, "2.05"),
        (12.0, "12"),
        (2.5, "2.5"),
        (2.0049, "2"),
        (2.005001, "2.01"),
        (-0.001, "0"),
        (-0.0, "0"),
        (-1.5, "-1.5"),
        (0.1 + 0.2, "0.3"),
        (None, "-"),
        (float("nan"), "-"),
        (1e6, "1000000"),
    ],
)
def test_format_weeks_one_rule(weeks: float | None, text: str) -> None:
    assert units.format_weeks(weeks) == text


@pytest.mark.parametrize(
    ("weeks", "text"), [(1, "1 week"), (1.0001, "1 week"), (2.5, "2.5 weeks"), (0, "0 weeks")]
)
def test_plural_weeks(weeks: float, text: str) -> None:
    assert units.plural_weeks(weeks) == text


def test_format_date_and_when() -> None:
    assert units.format_date(dt.date(2027, 10, 25)) == "25 Oct 2027"
    assert units.format_date(dt.date(2027, 3, 1), short=True) == "1 Mar"
    assert units.format_date(None) == ""
    assert units.format_when(START, 5) == "week 5 (8 Feb 2027)"
    assert units.format_when(None, 5) == "week 5"
    assert units.format_when(START, 5, word="wk", short=True) == "wk 5 (8 Feb)"
    assert units.format_when(START, None) == "-"


@given(st.floats(min_value=-500, max_value=5000, allow_nan=False))
def test_the_date_is_within_half_a_day_of_the_exact_instant(week: float) -> None:
    date = units.week_to_date(START, week)
    assert date is not None
    assert abs((date - START).days - week * 7) <= 0.5 + 1e-9


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_format_weeks_round_trips_within_half_a_hundredth(week: float) -> None:
    text = units.format_weeks(week)
    assert text != "-0" and not text.endswith(".") and not (("." in text) and text.endswith("0"))
    assert abs(float(text) - week) <= 0.005 + 1e-9 * abs(week)


def test_every_view_uses_the_one_rule() -> None:
    """The old per-view formatters now answer exactly what the units module answers."""
    from planner.charts import style
    from planner.cli import fmt_weeks as cli_weeks
    from planner.model import plan_from_dict
    from planner.report.context import fmt_date
    from planner.report.context import fmt_weeks as report_weeks

    for w in (2.05, -0.001, 12, 2.5, 7.125):
        assert cli_weeks(w) == report_weeks(w) == style.fmt_weeks(w) == units.format_weeks(w)
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "t",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [],
        }
    )
    assert plan.date_of(5 / 14) == units.week_to_date(START, 5 / 14) == dt.date(2027, 1, 7)
    assert fmt_date(dt.date(2027, 10, 25)) == "25 Oct 2027"
