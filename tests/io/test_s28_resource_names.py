"""A team named 'Ops, EMEA' or 'Data [EU]' went to MS Project XML and MPX as a resource of that name without a word:
MS Project's Resource Names column lists a task's resources separated by the list separator (a comma, or a
semicolon in many regions) with their units in square brackets, so it does not take those characters in a resource
name; it warns on opening such a file and changes the name (Bryntum's MS Project export, support issue 8515, was
reported for the same). The exports now say so in one line, naming the teams."""

from __future__ import annotations

from planner.io import export_notes
from planner.model import Plan
from tests.conftest import build_plan


def _plan(*names: str) -> Plan:
    teams = [{"id": f"t{k}", "name": n} for k, n in enumerate(names)]
    return build_plan(
        [{"id": f"d{k}", "duration": 1, "owner": f"t{k}"} for k in range(len(names))],
        teams=teams,
        start_date="2027-01-04",
    )


def _lines(plan: Plan, fmt: str) -> list[str]:
    return [n for n in export_notes(plan, fmt) if "resource name" in n]


def test_names_ms_project_changes_are_said() -> None:
    plan = _plan("Ops, EMEA", "Data [EU]", "Risk; Audit", "Platform")
    for fmt in ("mspdi", "mpx"):
        assert _lines(plan, fmt) == [
            "3 team names ('Ops, EMEA', 'Data [EU]', 'Risk; Audit') hold a comma, semicolon or square bracket, "
            "which MS Project does not take in a resource name (they separate resources and units): it warns on "
            "opening the file and changes them; rename the teams first to keep the names"
        ], fmt


def test_plain_names_need_no_line() -> None:
    plan = _plan("Platform", "Données & IA", 'The "risk" office')
    assert _lines(plan, "mspdi") == [] and _lines(plan, "mpx") == []
    assert _lines(_plan("Ops, EMEA"), "xer") == []  # P6 takes it
