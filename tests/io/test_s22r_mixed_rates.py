"""An imported task worked by resources at different rates (review of ff8a257, which reads MS Project's resource
rates as the teams' rates): the plan has one owner per decision, so its labour counts every unit at the owner's
rate. Data science (4,000 a week) and Ops (2,000 a week) on one 3-week task: MS Project's labour is 3 x (4,000 +
2,000) = 18,000, the plan's 2 x 3 x 4,000 = 24,000. The report line about the two resources said nothing of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.analysis.cost import cost_summary
from planner.io import export_text, import_file
from planner.model import Plan


def _xml(second_rate: float) -> str:
    plan = Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Two",
            "start_date": "2027-01-04",
            "currency": "EUR",
            "stages": [{"id": "v", "name": "V"}],
            "teams": [
                {"id": "ds", "name": "Data science", "rate": 4000},
                {"id": "ops", "name": "Ops", "rate": second_rate},
            ],
            "decisions": [
                {"id": "a", "title": "A", "stage": "v", "owner": "ds", "duration": 3},
                {"id": "b", "title": "B", "stage": "v", "owner": "ops", "duration": 2},
            ],
        }
    )
    xml = str(export_text(plan, "mspdi"))
    first = re.search(r"<Assignment><UID>1</UID><TaskUID>(\d+)</TaskUID><ResourceUID>1</ResourceUID>", xml)
    assert first is not None
    # a second assignment on task A, of Ops (resource 2), with as many units
    extra = (
        f"<Assignment><UID>99</UID><TaskUID>{first.group(1)}</TaskUID><ResourceUID>2</ResourceUID>"
        "<Units>1</Units><Work>PT120H0M0S</Work></Assignment>"
    )
    return xml.replace("</Assignments>", extra + "</Assignments>")


@pytest.mark.parametrize(("second_rate", "said"), [(2000, True), (4000, False)])
def test_s22r_resources_at_different_rates_are_said(tmp_path: Path, second_rate: float, said: bool) -> None:
    path = tmp_path / "two.xml"
    path.write_text(_xml(second_rate), encoding="utf-8")
    plan, report = import_file(path)
    a = next(d for d in plan.decisions if d.title == "A")
    assert (a.owner, a.headcount) == ("ds", 2)
    summary = cost_summary(plan, analyze(plan))
    assert summary is not None
    # A: 2 x 3 x 4,000 = 24,000; B: 1 x 2 x the Ops rate
    assert summary.breakdown.labour == pytest.approx(24_000 + 2 * second_rate)
    lines = [x.message for x in report.items if "2 resources" in x.message]
    assert len(lines) == 1
    assert ("their rates differ: the labour counts them all at the owner's rate" in lines[0]) is said
