"""A plan of a few days or weeks has dates on its time axis (H-report28).

The date axis ticked the first of each month only: a plan of under a month had no date tick at all (a one-week
plan's Gantt read '0' and '1' over an axis with no date under it), and a plan of six weeks one ('Feb')."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts import draw_chart
from planner.charts.timeaxis import _month_ticks
from planner.model import plan_from_dict, units
from planner.model.plan import DEFAULT_AREAS, DEFAULT_STAGES

START = dt.date(2027, 1, 4)


def _plan(likely: float, n: int = 4) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Short plan",
        "start_date": START.isoformat(),
        "stages": [{"id": s, "name": nm} for s, nm, _ in DEFAULT_STAGES],
        "areas": [{"id": a, "name": nm, "color": c} for a, nm, c in DEFAULT_AREAS],
        "teams": [{"id": "team", "name": "Team", "capacity": 2}],
        "decisions": [
            {
                "id": f"d{i}",
                "title": f"Decision {i}",
                "stage": DEFAULT_STAGES[i % 4][0],
                "area": DEFAULT_AREAS[i][0],
                "duration": {"optimistic": likely, "likely": likely, "pessimistic": 2 * likely},
                "cost": 1000,
                "owner": "team",
            }
            for i in range(n)
        ],
        "dependencies": [{"from": f"d{i}", "to": f"d{i + 1}"} for i in range(n - 1)],
    }


@pytest.mark.parametrize(("weeks", "step_days"), [(0.8, 1), (3, 2), (6, 7), (12, 14)])
def test_a_short_span_is_ticked_by_days_or_weeks_with_their_dates(weeks: float, step_days: int) -> None:
    ticks, labels = _month_ticks(START, weeks, 12)
    assert len(ticks) >= 3
    assert len(ticks) <= 12
    days = [round(t * 7) for t in ticks]
    end = units.axis_date(START, weeks)  # the one week-to-date rule (0.8 weeks: 10 Jan)
    assert end is not None
    assert days == list(range(0, (end - START).days + 1, step_days))
    for day, label in zip(days, labels, strict=True):
        assert label.split("\n")[0] == units.format_date(START + dt.timedelta(days=day), short=True)
    assert labels[0].split("\n")[1] == "2027"  # the year once, on the first tick, as the month ticks do


def test_month_ticks_stay_where_there_are_three_months() -> None:
    _, labels = _month_ticks(START, 20, 12)
    assert labels == ["Feb\n2027", "Mar\n", "Apr\n", "May\n"]


def _date_labels(fig: Figure) -> list[tuple[Any, str]]:
    FigureCanvasAgg(fig).draw()
    renderer = FigureCanvasAgg(fig).get_renderer()
    out = []
    for ax in fig.axes:
        for t in ax.get_xticklabels():
            if t.get_visible() and any(m in t.get_text() for m in units.MONTHS):
                out.append((t.get_window_extent(renderer), t.get_text()))
    return out


@pytest.mark.parametrize("chart", ["gantt", "stages", "spend", "critical-path", "load"])
def test_a_one_week_plan_has_dates_on_its_axis_apart(chart: str) -> None:
    a = analyze(plan_from_dict(_plan(0.2), "<one week>"))
    assert a.schedule is not None
    fig = draw_chart(chart, a)
    labels = _date_labels(fig)
    assert len({t for _, t in labels}) >= 3, [t for _, t in labels]
    boxes = sorted((b for b, _ in labels), key=lambda b: (b.y0, b.x0))
    for left, right in zip(boxes, boxes[1:], strict=False):
        if abs(left.y0 - right.y0) < 1:
            assert left.x1 <= right.x0, (chart, left, right)
