"""A milestone is at a moment: the inspector and the workshop's critical-path step said "Runs week 2 (18 Jan
2027) to week 2 (18 Jan 2027)" (planner.ui.views.format.runs is the one wording)."""

from __future__ import annotations

from planner.ui.views import format as fmt


def test_runs_wording(make_plan) -> None:
    plan = make_plan([{"id": "a", "duration": 2}], start_date="2027-01-04")
    assert fmt.runs(plan, 0, 2) == "Runs week 0 (4 Jan 2027) to week 2 (18 Jan 2027)"
    assert fmt.runs(plan, 2, 2) == "At week 2 (18 Jan 2027)"
    assert (
        fmt.runs(plan, 1, 2, remaining=True)
        == "Its remaining work runs week 1 (11 Jan 2027) to week 2 (18 Jan 2027)"
    )


def test_a_milestone_in_the_spotlight_and_the_inspector(make_plan, window) -> None:
    from planner.analysis import analyze
    from planner.ui.presentation.workshop import build_deck

    plan = make_plan(
        [{"id": "a", "duration": 2}, {"id": "m", "duration": 0, "milestone": True}],
        [("a", "m")],
        start_date="2027-01-04",
    )
    steps = {s.focus: s.body_html for s in build_deck(analyze(plan)) if s.kind == "critical"}
    assert "<p>At week 2 (18 Jan 2027)," in steps["m"], steps["m"]
    assert "to week 2" not in steps["m"]
    doc = window.doc
    doc.set_plan(plan)
    doc.analyze_now()
    doc.select(["m"])
    text = window.inspector.form.start_text.text()
    assert text.startswith("At week 2 (18 Jan 2027). "), text
