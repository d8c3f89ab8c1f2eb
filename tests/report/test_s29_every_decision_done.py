"""A report of a plan whose every decision is done says why nothing is left, not a wrong reason (H-report29).

Every decision done, each owned by the plan's team: 'Team capacity' said 'No decision is assigned to the plan's
team yet ... Set each decision's owner and headcount' (each had both: the work is done, so no load is left), and
'Schedule risk' said the runs all finish on one date because 'the decisions whose estimates have a range have
enough float never to move it' (they are done: their dates are facts). A plan of milestones, each owned by the
team, was said to have no decision assigned too: they take no time."""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.s20_plans import _base, all_done


def test_capacity_and_risk_say_the_work_is_done(tmp_path: Any) -> None:
    plan = plan_from_dict(all_done(), "<s29>")
    assert all(d.owner is not None for d in plan.decisions)
    out = tmp_path / "r.pdf"
    build_report(analyze(plan), out, sections=["risk", "capacity"], simulation=simulate(plan, 200, seed=0))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)
    capacity = text[text.index("Team capacity") :]
    risk = text[text.index("Schedule risk") : text.index("Team capacity")]
    assert "No decision is assigned" not in capacity
    assert "Every decision the plan's teams work on is done" in capacity
    assert "enough float" not in risk
    assert "every decision is done" in risk
    assert "Give the uncertain decisions" not in risk  # nothing is left to estimate


def test_capacity_says_milestones_take_no_time(tmp_path: Any) -> None:
    d = _base("All milestones", 6)
    for x in d["decisions"]:
        x["duration"] = 0
    plan = plan_from_dict(d, "<s29>")
    assert all(x.owner is not None for x in plan.decisions)
    out = tmp_path / "r.pdf"
    build_report(analyze(plan), out, sections=["capacity"])
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)
    assert "No decision is assigned" not in text
    assert "Every decision the plan's teams work on takes no time" in text
