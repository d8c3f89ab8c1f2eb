"""The Cost tab writes a stage's share of the spend by the one rule for shares (units.format_share), as the
report's "Cost by stage" table does (session 27): a stage with 12.5 % of the spend read '12%' in the tab (Python's
format rounds half to even) and '13%' in the report."""

from __future__ import annotations

from typing import Any

from planner.model import Plan
from planner.units import format_share


def test_a_stage_share_reads_as_the_report_writes_it(window: Any, qtbot: Any) -> None:
    plan = Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Shares",
            "start_date": "2027-01-04",
            "stages": [{"id": s, "name": s.upper()} for s in ("v", "i", "o", "s")],
            "decisions": [
                {"id": f"d{k}", "title": f"D{k}", "stage": s, "duration": 1, "cost": c}
                for k, (s, c) in enumerate(zip("vios", (1000, 3000, 2000, 2000), strict=True))
            ],
        }
    )
    window.doc.set_plan(plan)
    window.doc.wait_for_analysis()
    tab = window.cost_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.trees["stage"].topLevelItemCount() == 4)
    stages = tab.trees["stage"]
    shares = [stages.topLevelItem(i).text(2) for i in range(4)]
    assert shares == ["13%", "38%", "25%", "25%"] == [format_share(x) for x in (0.125, 0.375, 0.25, 0.25)]
