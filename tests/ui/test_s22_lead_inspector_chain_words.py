"""The inspector's chain line does not contradict the sentence above it (session 22). Work in progress held by the
status date read "Its remaining work (2 weeks) starts at the status date" and then "Nothing drives its start: it
starts on its own". With no link driving it, the line now says only that no other decision drives its start."""

from __future__ import annotations

from planner.model import Plan
from planner.ui.state.document import PlanDocument
from planner.ui.views.inspector import DecisionInspector


def test_status_date_held_work(qtbot) -> None:
    plan = Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Held",
            "status_date": 6,
            "stages": [{"id": "v", "name": "V"}],
            "decisions": [
                {
                    "id": "a",
                    "title": "A",
                    "stage": "v",
                    "duration": 4,
                    "status": "in_progress",
                    "progress": 50,
                    "actual_start": 2,
                },
            ],
        }
    )
    doc = PlanDocument(plan)
    doc.analyze_now()
    form = DecisionInspector(doc)
    qtbot.addWidget(form)
    form.set_decision(plan.decisions[0])
    assert "status date" in form.start_text.text()
    assert form.chain_text.text() == "No other decision drives its start."
    doc.shutdown()
