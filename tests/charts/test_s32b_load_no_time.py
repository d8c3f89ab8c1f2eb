"""The team load chart says why no team carries load as the report does (H-unseen32).

A plan of steering milestones, each owned by the platform team, exported its load chart as 'No load on any team
yet: No decision is assigned to a team with a headcount. Set each decision's owner ...', false of a plan whose
every decision has an owner and a headcount; the report's Team capacity said the truth ('Every decision the plan's
teams work on takes no time (a milestone or a 0-week estimate) ...'). One sentence now,
:func:`planner.charts.capacity.no_load_reason`, in both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.capacity import draw_load, no_load_reason
from planner.model import plan_from_dict
from tests.report.report_helpers import make_report, normalise


def _plan(status: str, milestones: bool) -> dict[str, object]:
    decisions = [
        {
            "id": f"m{i}",
            "title": f"Steering sign-off {i}",
            "stage": "validate",
            "owner": "plat",
            "duration": 0 if milestones else 2,
            "milestone": milestones,
            "status": status,
            **(
                {"progress": 100, "actual_start": 2 * i, "actual_finish": 2 * i + 2}
                if status == "done"
                else {}
            ),
        }
        for i in range(3)
    ]
    return {
        "schema_version": 1,
        "title": "Sign-offs",
        "start_date": "2027-03-01",
        **({"status_date": "2027-06-07"} if status == "done" else {}),
        "stages": [{"id": "validate", "name": "Validate"}],
        "teams": [{"id": "plat", "name": "Platform team", "capacity": 3}],
        "decisions": decisions,
        "dependencies": [{"from": "m0", "to": "m1"}, {"from": "m1", "to": "m2"}],
    }


def _texts(fig: Figure) -> str:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
    return normalise(" ".join(out))


@pytest.mark.parametrize(("status", "milestones"), [("not_started", True), ("done", False)])
def test_s32b_load_chart_and_report_say_why_no_team_carries_load(
    tmp_path: Path, status: str, milestones: bool
) -> None:
    analysis = analyze(plan_from_dict(_plan(status, milestones)))
    assert analysis.ok, analysis.errors
    why = no_load_reason(analysis.plan)
    assert why is not None
    fig = Figure(figsize=(8, 4))
    draw_load(fig, analysis)
    shown = _texts(fig)
    assert "No decision is assigned" not in shown, shown
    assert ("takes no time" if milestones else "is done") in shown, shown
    report = normalise(make_report(analysis, tmp_path / "r.pdf").text)
    assert normalise(why) in report  # the same sentence in the report's Team capacity


def test_s32b_load_chart_still_asks_for_owners_when_none_is_set() -> None:
    data = _plan("not_started", False)
    for d in data["decisions"]:  # type: ignore[attr-defined]
        del d["owner"]
    analysis = analyze(plan_from_dict(data))
    assert no_load_reason(analysis.plan) is None
    fig = Figure(figsize=(8, 4))
    draw_load(fig, analysis)
    assert "No decision is assigned to a team" in _texts(fig)
