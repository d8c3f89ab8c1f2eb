"""The finding for a plan without its AI system's role and tier was worded for the command line only ("or pass
--role and --tier"), and the app's Coverage tab showed it as is: a workshop audience was told to pass options.
It now names where each surface sets them."""

from __future__ import annotations

from planner.analysis import analyze
from planner.analysis.coverage import coverage
from tests.conftest import build_plan


def test_the_unclassified_finding_names_the_app_and_the_command_line() -> None:
    plan = build_plan([{"id": "a", "duration": 1}])
    report = coverage(plan, analyze(plan), frameworks=["euaiact"])
    (finding,) = [f for f in report.findings if f.code == "ai-system-unclassified"]
    assert "Coverage tab's AI system pickers" in finding.message
    assert "planner coverage --role and --tier" in finding.message
    assert "(or pass --role" not in finding.message
