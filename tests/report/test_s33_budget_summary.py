"""The executive summary and the cover say when the plan is over its budget (H-report33).

A plan with a budget of EUR 20,000 that costs EUR 276,000: the summary said 'The plan costs EUR 276,000 on its
likely estimates.' and the cover's Cost tile 'total cost of the plan'; only the cost section, pages later, named
the overrun. Both now set the cost against the budget (without a simulation of the budget)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.report.test_s21_cost_and_appendix import report_pages
from tests.unseen_plans import _base, _d


def _plan(budget: float) -> dict[str, Any]:
    ds = [_d(i, ["validate", "integrate"][i % 2], duration=2, cost=12_000) for i in range(6)]
    return _base("Budget", start_date="2027-03-01", currency="EUR", budget=budget, decisions=ds)


def test_an_overrun_is_in_the_summary_and_on_the_cover(tmp_path: Path) -> None:
    cover, summary = report_pages(_plan(20_000), tmp_path / "r.pdf", ["cover", "summary"])[:2]
    assert "over its budget of EUR 20,000: an overrun of EUR 52,000." in summary
    assert "over budget by EUR 52k" in cover


def test_headroom_is_said_too(tmp_path: Path) -> None:
    cover, summary = report_pages(_plan(100_000), tmp_path / "r.pdf", ["cover", "summary"])[:2]
    assert "EUR 72,000 on its likely estimates, within its budget of EUR 100,000." in summary
    assert "EUR 28k under the budget" in cover
