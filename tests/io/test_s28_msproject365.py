"""MS Project 365's XML of a project that uses what real schedules use together (tests/io/data/s28/
msproject365-relaunch.xml, written in MS Project's element order): a summary linked to a summary, a blank row (a
null task), a duration in elapsed days (3ed), a recurring task (MS Project writes the series as a summary, Recurring
1, over its occurrences), a task on its own 4-day calendar, a manually scheduled task, an inactive task with a link,
% work complete apart from % complete, custom fields with aliases, a baseline, Easter off and a status date.

Before: a recurring meeting came in as four one-hour decisions with nothing said, a % work complete unlike the
% complete went unsaid, and the task on its own calendar had a second line calling its duration a contradiction of
its dates (they are on its calendar, which the line before says is not carried)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import HELPER_TAG, import_file

FILE = Path(__file__).parent / "data" / "s28" / "msproject365-relaunch.xml"


def _lines(kind: str | None = None) -> list[str]:
    _, report = import_file(FILE)
    return [i.text() for i in report.items if kind is None or i.kind == kind]


def test_the_decisions_a_person_sees_in_the_file() -> None:
    plan, _ = import_file(FILE)
    ours = {d.title: d for d in plan.decisions if HELPER_TAG not in d.tags}
    assert sorted(ours) == sorted(
        [
            "Stakeholder interviews",
            "Analytics review",
            "Discovery signed off",
            *(f"Weekly status meeting {k}" for k in range(1, 5)),
            "Set up CMS",
            "Migrate content",
            "Go live",
        ]
    )  # not the blank row, not the inactive 'Port the legacy theme'
    assert ours["Analytics review"].duration == pytest.approx(3 / 7)  # 3 elapsed days: calendar time
    assert str(ours["Stakeholder interviews"].status) == "done"
    assert str(ours["Analytics review"].status) == "in_progress"
    assert ours["Analytics review"].progress == pytest.approx(50)  # % complete, not the 30 % of work
    assert ours["Discovery signed off"].milestone and ours["Go live"].milestone
    assert ours["Set up CMS"].duration == pytest.approx(2)  # 10 working days
    teams = {t.id: t.name for t in plan.teams}
    assert teams[ours["Set up CMS"].owner or ""] == "Dev team"


def test_links_and_the_summary_link() -> None:
    plan, _ = import_file(FILE)
    title = {d.id: d.title for d in plan.decisions}
    links = {(title[d.from_], title[d.to]): (str(d.type), d.lag) for d in plan.dependencies}
    assert links[("Set up CMS", "Migrate content")] == ("SS", pytest.approx(1))  # SS + 5 days
    assert links[("Migrate content", "Go live")] == ("FF", pytest.approx(-0.2))  # FF - 1 day
    assert not [k for k in links if "Port the legacy theme" in k]
    result = analyze(plan)
    assert result.ok and result.schedule is not None
    s = result.schedule
    at = {d.title: i for i, d in enumerate(plan.decisions)}
    # Build follows Discovery: its first task starts when Discovery's last work ends
    discovery_end = max(float(s.ef[at[t]]) for t in ("Stakeholder interviews", "Analytics review"))
    assert float(s.es[at["Set up CMS"]]) == pytest.approx(discovery_end)


def test_the_recurring_task_is_said_once() -> None:
    lines = [m for m in _lines("format") if "recurring" in m]
    assert lines == [
        "1 recurring task ('Weekly status meeting') is carried as its 4 occurrences, a decision each (the plan has "
        "no recurring work)"
    ]
    plan, _ = import_file(FILE)
    weeks = sorted(d.not_before or 0 for d in plan.decisions if d.title.startswith("Weekly status meeting"))
    assert [b - a for a, b in zip(weeks, weeks[1:], strict=False)] == pytest.approx([1, 1, 1])  # weekly


def test_percent_work_complete_apart_from_percent_complete_is_said() -> None:
    lines = [m for m in _lines("progress") if "% work complete" in m]
    assert len(lines) == 1 and "'Analytics review'" in lines[0], lines


def test_a_task_on_its_own_calendar_is_said_once() -> None:
    about = [m for m in _lines() if "'Set up CMS'" in m]
    assert about == ["task 12 'Set up CMS': a task calendar is not carried (the project calendar is used)"]


def test_the_rest_is_said() -> None:
    text = "\n".join(_lines())
    assert "1 inactive task ('Port the legacy theme') is not carried" in text
    assert "1 manually scheduled task keeps its stored start" in text
    assert "2027-03-26, 2027-03-29" in text  # Good Friday and Easter Monday
    assert "Workstream (4)" in text


def test_an_inactive_summary_takes_its_subtasks_with_it(tmp_path: Path) -> None:
    """MS Project leaves a summary made inactive out of the schedule with everything under it. Only the summary
    said so (Active 0, as a tool may write it): its four subtasks were carried, as top-level decisions."""
    text = FILE.read_text(encoding="utf-8")
    at = text.index("<Name>Build</Name>")
    flag = text.index("<Active>1</Active>", at)
    path = tmp_path / "build-inactive.xml"
    path.write_text(
        text[:flag] + "<Active>0</Active>" + text[flag + len("<Active>1</Active>") :], encoding="utf-8"
    )
    plan, report = import_file(path)
    titles = [d.title for d in plan.decisions if HELPER_TAG not in d.tags]
    assert not {"Set up CMS", "Migrate content", "Go live"} & set(titles)
    assert "Stakeholder interviews" in titles
    assert (
        "1 inactive task ('Build') and the 4 tasks under it are not carried, as MS Project leaves them out of the "
        "schedule and the costs, nor their 4 links"
    ) in report.text()
