"""A chart exported at its default size is as tall as what it shows (H-report23): a Gantt of 6 decisions (10 rows)
and a critical path of 4 chips (one row) were drawn on a 16:9 slide's height (7.5 in; at least 4.5 in), their rows at
the top over an empty half and the axis or the to-scale strip at the foot."""

from __future__ import annotations

import pytest

from planner.analysis import analyze
from planner.charts import default_size
from planner.model import plan_from_dict
from tests.unseen_plans import chain, small_mixed


def test_a_small_gantt_is_as_tall_as_its_rows() -> None:
    from planner.charts.gantt import gantt_row_count, natural_height_in

    a = analyze(plan_from_dict(small_mixed(), "<small>"))
    rows = gantt_row_count(a)
    assert rows == 10  # 6 decisions under 4 stage rows
    w, h = default_size("gantt", a)
    assert h == pytest.approx(natural_height_in(rows)) and h < 5.5
    assert w >= 13.333  # the width stays a slide's


def test_a_one_row_critical_path_is_as_tall_as_its_chips_and_strip() -> None:
    a = analyze(plan_from_dict(chain(4), "<chain>"))  # 4 chips: one row on a slide's width
    # title 0.52 + 0.15, one row of chips 0.8 + 0.25, the to-scale strip 1.25, 0.25 under it
    assert default_size("critical-path", a) == pytest.approx((13.333, 3.22))
