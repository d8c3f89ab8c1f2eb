"""A decision marked done shows 100 % in the Table (session 22). An imported Done row (a CSV's Status column without
a % column) or a file written by hand has status done and progress 0: the Table said 'Done · 0 %' while the
schedule, the cost and the report count it all done."""

from __future__ import annotations

from planner.model import Plan
from planner.ui.state.document import PlanDocument
from planner.ui.views.models import COLUMN_INDEX, DecisionTableModel


def test_done_row_shows_all_done(qtbot) -> None:
    plan = Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Done rows",
            "stages": [{"id": "v", "name": "V"}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "v", "status": "done"},
                {"id": "b", "title": "B", "stage": "v", "status": "in_progress", "progress": 40},
            ],
        }
    )
    doc = PlanDocument(plan)
    doc.analyze_now()
    model = DecisionTableModel(doc)
    shown = [model.data(model.index(r, COLUMN_INDEX["progress"])) for r in range(2)]
    assert shown == ["100%", "40%"]  # was '0 %' for the done row
    assert plan.decisions[0].progress == 0  # the file's field is left as it is
    doc.shutdown()
