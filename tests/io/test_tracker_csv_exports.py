"""CSV exports of the trackers teams keep their work in (Asana, Jira) import as plans: before, Jira's header row was
taken for a title row (its "Summary" named no column the importer knew, and a data row's "Task" did), and Asana's
tasks all lasted 1 week with no links (its Start/Due dates and "Blocked By" column were ignored). Fixtures: see
tests/io/data/README.md (written here in the tools' column layouts, checked by hand)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.analysis import analyze
from planner.io import import_file
from planner.model.plan import Plan, Status

DATA = Path(__file__).parent / "data"


def _links(plan: Plan) -> list[tuple[str, str, str, float]]:
    return [(d.from_, d.to, str(d.type.value), d.lag) for d in plan.dependencies]


def test_asana_export_durations_from_start_and_due_dates_links_from_blocked_by() -> None:
    plan, report = import_file(DATA / "asana-export.csv")
    by_id = {d.id: d for d in plan.decisions}
    assert [d.title for d in plan.decisions] == [
        "Define value case",
        "Build pilot",
        "Integrate with CRM",
        "Kick-off",
    ]
    first, pilot, crm, kickoff = (f"120500000000000{k}" for k in range(1, 5))
    # Mon 4 - Fri 15 Jan: 10 working days; Mon 18 Jan - Fri 12 Feb: 20; Mon 15 Feb - Fri 26 Mar: 30
    assert (by_id[first].weeks(), by_id[pilot].weeks(), by_id[crm].weeks()) == (2.0, 4.0, 6.0)
    assert _links(plan) == [(first, pilot, "FS", 0.0), (pilot, crm, "FS", 0.0)]
    assert by_id[kickoff].status is Status.DONE  # "Completed At" is all Asana says of progress
    assert by_id[pilot].owner is not None and plan.teams  # the assignee's team
    assert plan.start_date == dt.date(2027, 1, 4)
    result = analyze(plan)
    assert result.schedule is not None and result.schedule.finish == 12.0  # Fri 26 Mar 2027, as in the file
    text = "\n".join(str(x) for x in report.items)
    assert "3 of 4 rows last the working days from their start to their finish date" in text
    assert "every decision gets 1 week" not in text


def test_jira_export_header_keys_estimates_in_seconds_and_blocks_links() -> None:
    plan, report = import_file(DATA / "jira-export.csv")
    assert [(d.id, d.title) for d in plan.decisions] == [
        ("AI-1", "Define value case"),
        ("AI-2", "Build pilot"),
        ("AI-3", "Integrate with CRM"),
    ]
    by_id = {d.id: d for d in plan.decisions}
    # Original Estimate 288000 / 576000 / 864000 seconds at 40 hours a week
    assert [by_id[k].weeks() for k in ("AI-1", "AI-2", "AI-3")] == [2.0, 4.0, 6.0]
    assert [by_id[k].status for k in ("AI-1", "AI-2", "AI-3")] == [
        Status.DONE,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
    ]
    assert _links(plan) == [("AI-1", "AI-2", "FS", 0.0), ("AI-2", "AI-3", "FS", 0.0)]
    assert plan.start_date == dt.date(2027, 1, 4)  # the Start date custom field, as Jira writes dates
    text = "\n".join(str(x) for x in report.items)
    assert "above the header row" not in text
    assert "144,000 seconds" in text
