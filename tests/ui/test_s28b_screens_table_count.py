"""The table's count beside its filters groups thousands as every other count does (session 28, round two).

``units.count`` and ``units.part_of`` are the rule for counts ('5,000 decisions', '146 of 5,000'); the table's
filter bar wrote its own ('1200 decisions', '600 of 1200 decisions')."""

from __future__ import annotations

from typing import Any

from planner.model import plan_from_dict
from planner.ui.state.document import PlanDocument
from planner.ui.views.table_view import DecisionsView


def test_the_table_count_groups_thousands(qtbot: Any) -> None:
    n = 1200
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Twelve hundred",
            "stages": [{"id": "s", "name": "Stage"}],
            "decisions": [
                {
                    "id": f"d{i}",
                    "title": f"{'Even' if i % 2 == 0 else 'Odd'} {i}",
                    "stage": "s",
                    "duration": 1,
                }
                for i in range(n)
            ],
        },
        "<count>",
    )
    view = DecisionsView(PlanDocument(plan))
    qtbot.addWidget(view)
    assert view.count_label.text() == "1,200 decisions"
    view.search.setText("Even")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == n // 2)
    assert view.count_label.text() == "600 of 1,200 decisions"
