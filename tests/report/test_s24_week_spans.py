"""The report writes a span of weeks once, by :func:`planner.units.week_span` (H-report24). A stage of a plan
without a start date read 'its work runs wk 0–2 (weeks 0–2)': the span twice, since without dates the span is
already in weeks; and a decision of under a hundredth of a week ran 'wk 2–2' in the appendix.

Hand-checked: a (2 weeks) -> b (0.001 weeks) -> c (1 week), one stage: a runs 0-2, b 2-2.001 (written 2), c
2.001-3.001 (written 2-3); the stage runs weeks 0-3."""

from __future__ import annotations

from pathlib import Path

from planner.model import plan_from_dict
from tests.report.report_helpers import analysis_of, make_report


def _plan(start_date: str | None) -> dict[str, object]:
    raw: dict[str, object] = {
        "schema_version": 1,
        "title": "Spans",
        "stages": [{"id": "v", "name": "Validate"}],
        "decisions": [
            {"id": "a", "title": "Alpha", "stage": "v", "duration": 2},
            {"id": "b", "title": "Beta", "stage": "v", "duration": 0.001},
            {"id": "c", "title": "Gamma", "stage": "v", "duration": 1},
        ],
        "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}],
    }
    if start_date:
        raw["start_date"] = start_date
    return raw


def test_an_undated_stage_says_its_span_once(tmp_path: Path) -> None:
    report = make_report(
        analysis_of(plan_from_dict(_plan(None))), tmp_path / "r.pdf", sections=["stages-detail", "appendix"]
    )
    flat = report.flat
    assert "its work runs wk 0\u20133." in flat
    assert "(weeks 0\u20133)" not in flat
    assert "Beta Validate - 0 wk 2 0 critical" in flat  # its span: one figure, not 'wk 2\u20132'
    assert "Gamma Validate - 1 wk 2\u20133 0 critical" in flat


def test_a_dated_stage_still_gives_its_weeks(tmp_path: Path) -> None:
    report = make_report(
        analysis_of(plan_from_dict(_plan("2027-01-04"))), tmp_path / "r.pdf", sections=["stages-detail"]
    )
    assert "(weeks 0\u20133)" in report.flat
