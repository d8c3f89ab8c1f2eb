"""The comparison's sentence names the decisions that join or leave the critical path as every message names
things, by units.quoted (session 27): it wrote them in curly quotes with their line breaks as they are, so a title
with a line break split the sentence of `planner compare`, the report's comparison and the app's Compare."""

from __future__ import annotations

from planner.analysis.compare import compare_scenarios, describe
from planner.model import plan_from_dict
from planner.units import quoted


def test_joining_and_leaving_decisions_are_quoted_on_one_line() -> None:
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Quotes",
            "start_date": "2027-01-04",
            "stages": [{"id": "v", "name": "V"}],
            "decisions": [
                {"id": "a", "title": "Al'pha", "stage": "v", "duration": 3},
                {"id": "b", "title": "Be\nta", "stage": "v", "duration": 1},
                {"id": "c", "title": "Gamma", "stage": "v", "duration": 1},
            ],
            "dependencies": [{"from": "a", "to": "c"}, {"from": "b", "to": "c"}],
            "scenarios": [{"name": "Slow b", "decisions": {"b": {"duration": 5}}}],
        }
    )
    comp = compare_scenarios(plan, ["Base", "Slow b"], iterations=50)
    text = describe(comp.items[1])
    assert "\n" not in text and "\u2018" not in text, text
    joins, leaves = quoted("Be\nta"), quoted("Al'pha")
    assert text.endswith(f"; {joins} joins the critical path; {leaves} leaves it."), text
