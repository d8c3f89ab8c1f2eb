"""planner/units.py, the rest of the one rule for weeks and dates, hand-checked (mutants that tests/model/test_units.py
let through: scripts/mutate.py). Also runs the module's own doctest examples, which no test ran."""

from __future__ import annotations

import datetime as dt
import doctest

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import units

START = dt.date(2027, 1, 4)  # a Monday


def test_the_units_doctests_run() -> None:
    result = doctest.testmod(units, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 8 and result.failed == 0


@pytest.mark.parametrize(
    ("week", "days"),
    [(0, 0), (1, 7), (2.5, 18), (1 / 14, 1), (0.07, 0), (-1, -7), (-1 / 14, 0), (-3 / 14, -1), (32.37, 227)],
)
def test_days_of_week_rounds_half_up(week: float, days: int) -> None:
    # floor(w * 7 + 0.5): 2.5 w = 17.5 d -> 18; 0.5 d -> 1; -0.5 d -> 0 (up, not away from zero); -1.5 d -> -1;
    # 32.37 w = 226.59 d -> 227.
    assert units.days_of_week(week) == days


@pytest.mark.parametrize(
    ("a", "b", "delta"),
    [
        (35.9049, 35.8751, 0.02),  # written 35.9 and 35.88: +0.02 (the exact difference 0.0298 reads +0.03)
        (40.3651, 40.4149, -0.04),  # 40.37 - 40.41
        (36.0, 35.0, 1.0),
        (7.29, 8.41, -1.12),
        (2.0, 2.0, 0.0),
        (0.001, 0.004, 0.0),  # both written 0
        (0.1349, 0.0, 0.13),  # written 0.13 (rounding 0.1349 to 0.135 first would give 0.14)
    ],
)
def test_week_delta_is_the_difference_of_the_written_figures(a: float, b: float, delta: float) -> None:
    got = units.week_delta(a, b)
    assert got == delta
    assert str(got) != "-0.0"


def test_week_delta_is_never_minus_zero() -> None:
    # round(0.001, 2) - round(0.004, 2) = 0.0 - 0.0; and 1.004 vs 1.001 -> 1.0 - 1.0 = 0.0: never -0.0.
    for a, b in ((0.001, 0.004), (1.001, 1.004), (-0.001, 0.001)):
        assert np.copysign(1.0, units.week_delta(a, b)) == 1.0


@pytest.mark.parametrize(
    ("delta", "minus", "text"),
    [
        (2.5, "-", "+2.5"),
        (-1.0, "-", "-1"),
        (-1.0, "\u2212", "\u22121"),
        (0.001, "-", "="),
        (-0.004, "-", "="),
        (0.0, "-", "="),
        (0.006, "-", "+0.01"),
        (-0.006, "-", "-0.01"),
        (None, "-", "-"),
        (float("nan"), "-", "-"),
        (float("inf"), "-", "-"),
    ],
)
def test_signed_weeks(delta: float | None, minus: str, text: str) -> None:
    assert units.signed_weeks(delta, minus=minus) == text


def test_short_date_names_the_year_only_when_it_is_not_the_plans() -> None:
    assert units.short_date(START, dt.date(2027, 3, 29)) == "29 Mar"
    assert units.short_date(START, dt.date(2028, 3, 29)) == "29 Mar 2028"
    assert units.short_date(START, dt.date(2026, 12, 28)) == "28 Dec 2026"  # before the plan's year
    assert units.short_date(None, dt.date(2027, 3, 29)) == "29 Mar 2027"  # no start: always the year
    assert units.short_date(START, None) == ""


def test_format_date_every_month() -> None:
    got = [units.format_date(dt.date(2027, m, 1)) for m in range(1, 13)]
    assert got == [f"1 {m} 2027" for m in units.MONTHS]
    assert units.MONTHS[0] == "Jan" and units.MONTHS[11] == "Dec"


def test_plural_weeks_of_minus_one_and_other_words() -> None:
    assert units.plural_weeks(-1) == "-1 week"
    assert units.plural_weeks(-1.5) == "-1.5 weeks"
    assert units.plural_weeks(1, word="day") == "1 day"
    assert units.plural_weeks(0.5, word="day") == "0.5 days"


def test_iso_dates_by_hand() -> None:
    # 0 -> 4 Jan; 2.5 w = 17.5 d -> 18 d -> 22 Jan; 1/14 w = 0.5 d -> 1 d -> 5 Jan; -1 w -> 28 Dec 2026;
    # 52 w = 364 d -> 3 Jan 2028; 5/14 w = 2.5 d -> 3 d -> 7 Jan.
    weeks = [0.0, 2.5, 1 / 14, -1.0, 52.0, 5 / 14]
    expected = ["2027-01-04", "2027-01-22", "2027-01-05", "2026-12-28", "2028-01-03", "2027-01-07"]
    assert units.iso_dates(START, weeks) == expected
    assert units.iso_dates(START, np.array(weeks)) == expected
    assert units.iso_dates(None, weeks) == [None] * 6
    assert units.iso_dates(START, []) == []
    with pytest.raises(OverflowError):
        units.iso_dates(START, [1.0, float("nan")])


@given(st.lists(st.floats(min_value=-500, max_value=5000, allow_nan=False), max_size=20))
def test_iso_dates_agree_with_iso_date(weeks: list[float]) -> None:
    assert units.iso_dates(START, weeks) == [units.iso_date(START, w) for w in weeks]


def test_format_when() -> None:
    # 12 w = 84 d after 4 Jan 2027 -> 29 Mar 2027; 2.5 w -> 22 Jan.
    assert units.format_when(START, 12) == "week 12 (29 Mar 2027)"
    assert units.format_when(START, 2.5, short=True) == "week 2.5 (22 Jan)"
    assert units.format_when(START, 0) == "week 0 (4 Jan 2027)"
    assert units.format_when(None, 2.5, word="gate") == "gate 2.5"
    assert units.format_when(START, None) == "-"
