"""A plan in which nothing costs anything has no "What it costs" page of zeros (H-report28).

A plan of milestones (or of no decisions yet) whose team has a rate got the section: "EUR 0", that each simulated
run spends the same, a flat spend curve and a cost-by-stage table of zeros, alone on a page after the summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.report.s20_plans import _base, report_pages

SECTIONS = ["cover", "summary", "cost", "roadmap"]


def _milestones(**extra: Any) -> dict[str, Any]:
    d = _base("Only milestones", 5, **extra)
    for x in d["decisions"]:
        del x["duration"], x["cost"]
        x["milestone"] = True
    return d


def test_milestones_only_get_no_cost_section(tmp_path: Path) -> None:
    pages = report_pages(_milestones(), tmp_path / "m.pdf", SECTIONS)
    text = " ".join(pages)
    assert "What it costs" not in text  # neither a section nor a contents line
    assert "Cost by stage" not in text and "Spend curve" not in text
    # the summary and the roadmap share no page with a page of zeros: cover, summary, roadmap
    assert len(pages) == 3


def test_no_decisions_get_no_cost_section(tmp_path: Path) -> None:
    text = " ".join(report_pages(_base("Empty plan", 0), tmp_path / "e.pdf", ["cover", "summary", "cost"]))
    assert "What it costs" not in text and "Cost by stage" not in text


def test_with_a_budget_one_line_says_what_is_left(tmp_path: Path) -> None:
    pages = report_pages(_milestones(budget=50000), tmp_path / "b.pdf", SECTIONS)
    text = " ".join(pages)
    assert "What it costs" in text
    assert "The plan is expected to spend EUR 0 of its budget of EUR 50,000 up to week 0 (4 Jan 2027)" in text
    assert "Cost by stage" not in text and "simulated runs spends the same" not in text


def test_a_plan_that_spends_keeps_its_section(tmp_path: Path) -> None:
    text = " ".join(report_pages(_base("Costs", 4), tmp_path / "c.pdf", SECTIONS))
    assert "What it costs" in text and "Cost by stage" in text
