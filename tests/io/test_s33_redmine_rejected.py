"""Redmine's default statuses end with 'Rejected' (New, In Progress, Resolved, Feedback, Closed, Rejected): an issue
rejected is work the team will not do, as 'Abgewiesen'/'Rejeté' in Redmine's German and French exports are. Pivotal
Tracker's story state 'rejected' is another thing: the delivered story was not accepted and is reworked. The file's
columns tell the two apart (Pivotal's 'Current State', 'Requested By', 'Owned By')."""

from __future__ import annotations

from pathlib import Path

from planner.analysis import analyze
from planner.io import import_file

DATA = Path(__file__).parent / "data"


def test_s33_redmines_rejected_issue_is_work_called_off() -> None:
    plan, report = import_file(DATA / "s33" / "redmine-en.csv")
    lines = [i.text() for i in report.items]
    assert [(d.id, d.title, d.status.value) for d in plan.decisions] == [
        ("201", "Collect training data", "done"),
        ("202", "Train the model", "in_progress"),
        ("204", "Pilot sign-off", "not_started"),
    ]
    assert sorted((d.from_, d.to) for d in plan.dependencies) == [("201", "202"), ("202", "204")]
    assert any("(status 'Rejected') is left out" in x and "'Hand-label the archive'" in x for x in lines), (
        lines
    )
    assert analyze(plan).schedule is not None


def test_s33_pivotals_rejected_story_is_reworked_not_called_off(tmp_path: Path) -> None:
    path = tmp_path / "pivotal.csv"
    path.write_text(
        "Id,Title,Type,Estimate,Current State,Created at,Accepted at,Requested By,Owned By\n"
        '301,Score a batch,feature,3,accepted,"Jan 4, 2027","Jan 15, 2027",Ana Silva,Ben Ode\n'
        '302,Explain a score,feature,5,rejected,"Jan 4, 2027",,Ana Silva,Ben Ode\n',
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [(d.title, d.status.value) for d in plan.decisions] == [
        ("Score a batch", "done"),
        ("Explain a score", "in_progress"),
    ]
    assert not any("called off" in i.text() for i in report.items)
