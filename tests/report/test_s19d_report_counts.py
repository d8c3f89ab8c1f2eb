"""Counts in the PDF report follow the one rule (planner.units.count / agree): the summary's stage-gate sentence
wrote '1 of the 1 gate criteria are met so far' for a plan of one gate criterion."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.model import Plan
from planner.report import ReportError
from tests.conftest import build_plan
from tests.report.report_helpers import analysis_of, make_report


def _gated(criteria: list[bool]) -> Plan:
    """Two decisions in two stages; the first stage's gate has one criterion per entry (met or not)."""
    return build_plan(
        [{"id": "a", "duration": 2}, {"id": "b", "duration": 1, "stage": "go"}],
        [("a", "b")],
        stages=[
            {
                "id": "try",
                "name": "Try",
                "gate_criteria": [{"text": f"Check {k}", "met": met} for k, met in enumerate(criteria)],
            },
            {"id": "go", "name": "Go"},
        ],
    )


@pytest.mark.parametrize(
    ("criteria", "said"),
    [
        ([True], "Gate criteria met so far: 1 of 1."),  # was '1 of the 1 gate criteria are met'
        ([True, False, False], "Gate criteria met so far: 1 of 3."),  # was '1 of the 3 gate criteria are met'
        ([False], "Gate criteria met so far: 0 of 1."),  # '0 of the 1 gate criterion are met' on the way
    ],
)
def test_the_summary_counts_gate_criteria(criteria: list[bool], said: str, tmp_path: Path) -> None:
    r = make_report(analysis_of(_gated(criteria)), tmp_path / "r.pdf", sections=["summary"])
    assert said in r.flat


@pytest.mark.parametrize(
    ("cycles", "said"),
    [
        ([("a", "b"), ("b", "a")], "the plan has 1 error; fix it before"),
        ([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")], "the plan has 2 errors; fix them before"),
    ],
)
def test_the_report_refusal_counts_the_errors(
    cycles: list[tuple[str, str]], said: str, tmp_path: Path
) -> None:
    """One cycle is one error, two are two: the same words as before the move to units.count."""
    from planner.analysis import analyze
    from planner.report import build_report

    plan = build_plan([{"id": x, "duration": 1} for x in "abcd"], cycles)
    with pytest.raises(ReportError, match=said):
        build_report(analyze(plan), tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()
