"""The same finish has one date in every output, whatever the float noise of its sum (H-unseen23).

Before: an unseen plan (tests/test_s22_unseen_one_truth.py's seed 9011: SF links with leads, thirds and sevenths of
weeks) finishes at week 10.93, 76.5 days after its start. ``analyze`` summed it to 10.928571428571427 and wrote
30 Sep 2031, ``simulate``'s CPM line summed it to 10.928571428571429 and wrote 1 Oct 2031: the rule's half day up
(``floor(w × 7 + 0.5)``) fell either side of the half day. Now a week's days are taken to a millionth of a day
first (planner.units.days_of_week, and iso_dates by the same float operations).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner import units
from tests.test_s18_unseen_one_truth import run
from tests.test_s22_unseen_one_truth import write

START = dt.date(2031, 7, 16)


def test_two_sums_of_one_finish_have_one_date() -> None:
    # by hand: 10.928571428571... weeks = 76.5 days, halves up: 77 days after 16 Jul 2031 = 1 Oct 2031
    for week in (10.928571428571427, 10.928571428571429, 76.5 / 7):
        assert units.week_to_date(START, week) == dt.date(2031, 10, 1)
        assert units.iso_dates(START, [week]) == ["2031-10-01"]
    assert units.format_when(START, 10.928571428571427) == "week 10.93 (1 Oct 2031)"
    # a whole day below the half stays below it, and a day is still a day
    assert units.week_to_date(START, 76.4 / 7) == dt.date(2031, 9, 30)
    assert units.days_of_week(1 / 7) == 1 and units.days_of_week(0.0) == 0


def test_analyze_and_simulate_date_the_seed_9011_finish_alike(tmp_path: Path) -> None:
    path = str(write(9011, tmp_path))
    rc, out, err = run(["analyze", path, "--format", "json"])
    a = json.loads(out)
    rc, out, err = run(["simulate", path, "-n", "200", "--format", "json"])
    s = json.loads(out)
    assert units.format_weeks(a["finish"]) == units.format_weeks(s["deterministic_finish"]) == "10.93"
    assert a["finish_date"] == s["deterministic_finish_date"] == "2031-10-01"
    rc, text, _ = run(["simulate", path, "-n", "200"])
    assert "  CPM plan (likely)  week  10.93  1 Oct 2031" in text
    rc, text, _ = run(["analyze", path])
    assert "week 10.93 (1 Oct 2031)" in text


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 70_000), st.integers(-3, 3))
def test_noise_never_moves_a_date(k: int, ulps: int) -> None:
    """Property: a week figure a few units in the last place off an exact number of half days has the date of the
    exact one, in both the scalar and the array rule."""
    import math

    exact = k / 14  # k half days
    week = exact
    for _ in range(abs(ulps)):
        week = math.nextafter(week, math.inf if ulps > 0 else -math.inf)
    want = units.week_to_date(START, exact)
    assert want is not None
    assert units.week_to_date(START, week) == want
    assert units.iso_dates(START, [week]) == [want.isoformat()]
