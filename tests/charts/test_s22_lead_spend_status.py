"""The spend curve says what has been spent by the status date (session 22): the plan's "today" drawn with the
other marks, its label the status date and the spend by then (CostBreakdown.spend_by, the curve's own figure).

Hand-checked: rate 1,000; a (2 weeks, done, actual 0-2) -> b (4 weeks, 2 people, 50 % done, started week 2);
status date week 5. By then a's 2,000 and b's part done, 2 weeks x 2 people = 4,000: EUR 6,000 (6k)."""

from __future__ import annotations

from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.cost import draw_spend_curve
from planner.model import Plan


def _plan(status: float | None) -> Plan:
    raw: dict[str, object] = {
        "schema_version": 1,
        "title": "Spent so far",
        "currency": "EUR",
        "stages": [{"id": "v", "name": "V"}],
        "teams": [{"id": "t", "name": "T", "capacity": 5, "rate": 1000}],
        "decisions": [
            {
                "id": "a",
                "title": "A",
                "stage": "v",
                "owner": "t",
                "duration": 2,
                "status": "done",
                "actual_start": 0,
                "actual_finish": 2,
            },
            {
                "id": "b",
                "title": "B",
                "stage": "v",
                "owner": "t",
                "duration": 4,
                "headcount": 2,
                "status": "in_progress",
                "progress": 50,
                "actual_start": 2,
            },
        ],
        "dependencies": [{"from": "a", "to": "b"}],
    }
    if status is not None:
        raw["status_date"] = status
    return Plan.model_validate(raw)


def _texts(plan: Plan) -> list[str]:
    fig = Figure(figsize=(9, 4.5))
    draw_spend_curve(fig, analyze(plan))
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_the_status_date_and_the_spend_by_then() -> None:
    texts = _texts(_plan(5))
    assert any("wk 5" in t and "EUR 6k spent" in t for t in texts), texts


def test_no_status_date_no_mark() -> None:
    assert not any("spent" in t for t in _texts(_plan(None)))
