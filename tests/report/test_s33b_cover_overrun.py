"""A budget overrun reaches the cover when the plan has a target date (H-report33b).

With a target date the cover's last tile is the target, not the cost, so a plan over its budget said so only in
the summary and the cost section: the cover, which a board reader may read alone, was silent. The cover now says
it on a line under the tiles ('Cost EUR 1.18M: over budget by EUR 1.08M (budget EUR 100k).'), still one page;
a plan within its budget has no such line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import analyze
from planner.analysis.cost import cost_summary, format_money
from planner.model import plan_from_dict
from tests.report.test_s21_cost_and_appendix import report_pages

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"


def _plan(budget: float) -> dict[str, Any]:
    d: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for t in d["teams"]:
        t["rate"] = 4000
    d["target"] = "2027-12-31"
    d["budget"] = budget
    return d


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_an_overrun_is_on_the_cover_beside_the_target(tmp_path: Path, orientation: str) -> None:
    data = _plan(100_000)
    plan = plan_from_dict(data)
    summary = cost_summary(plan, analyze(plan))
    assert summary is not None and (summary.breakdown.headroom or 0.0) < 0
    over = format_money(-(summary.breakdown.headroom or 0.0), summary.currency, compact=True)
    pages = report_pages(data, tmp_path / "r.pdf", ["cover", "summary", "cost"], orientation)
    cover = pages[0]
    assert "Target date" in cover
    assert f"over budget by {over}" in cover, cover
    assert "Contents" in cover  # the line did not push the contents off the cover


def test_no_line_within_the_budget(tmp_path: Path) -> None:
    cover = report_pages(_plan(100_000_000), tmp_path / "r.pdf", ["cover", "summary", "cost"])[0]
    assert "Target date" in cover and "over budget" not in cover and "under the budget" not in cover, cover
