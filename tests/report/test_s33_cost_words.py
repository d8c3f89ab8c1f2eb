"""The cost section says one word for one thing (H-report33).

A plan whose teams have rates and whose decisions have one-off costs and run rates, none naming a cost category:
the prose said 'EUR 584,000 of people's time, EUR 594,500 of one-off costs and EUR 113,700 of running costs',
the biggest items table had People, One-off and Running, and 'Cost by stage' headed People and Other (708,200:
the one-off and running costs together, in the default category). With no category named, the stage table splits
by the kinds of spend the prose and the items table name; a plan that names categories keeps the chart's split.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from planner.analysis import analyze
from planner.analysis.cost import cost_summary, format_money
from planner.model import plan_from_dict
from tests.report.test_s21_cost_and_appendix import report_pages

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"


def _plan(category: str | None = None) -> dict[str, Any]:
    d: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for t in d["teams"]:
        t["rate"] = 4000
    for i, x in enumerate(d["decisions"]):
        if i % 3 == 0:
            x["run_rate"] = 500
        if category and i % 2 == 0:
            x["cost_category"] = category
    return d


def _stage_table(text: str) -> str:
    return text.split("Cost by stage", 1)[1].split("The biggest items", 1)[0]


def test_the_stage_table_names_the_kinds_the_prose_names(tmp_path: Path) -> None:
    data = _plan()
    text = " ".join(report_pages(data, tmp_path / "r.pdf", ["cost"]))
    table = _stage_table(text)
    assert "Other" not in table, table
    assert re.search(r"Stage Labour One-off Running Total", table), table
    plan = plan_from_dict(data)
    summary = cost_summary(plan, analyze(plan))
    assert summary is not None
    b = summary.breakdown
    total_row = table.split(" Total ")[-1]
    for amount in (b.labour, b.one_off, b.run, b.total):  # the prose's figures, in the table's total row
        assert format_money(amount) in total_row, (format_money(amount), total_row)
        assert format_money(amount) in text.split("Cost by stage", 1)[0]


def test_a_plan_that_names_categories_keeps_them(tmp_path: Path) -> None:
    table = _stage_table(" ".join(report_pages(_plan("cloud"), tmp_path / "r.pdf", ["cost"])))
    assert "Cloud" in table and "Other" in table and "One-off" not in table, table
