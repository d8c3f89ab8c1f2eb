"""A project MPXJ 16.10 wrote as MS Project XML after its MicrosoftScheduler (tests/io/data/make_mpxj_s23.py), with
what plans meet least often: an elapsed duration, a negative lag, a lag in percent, a task on its own calendar, an
inactive task, a manually scheduled task, a task with no duration typed and a holiday (H-io23's sweep).

By hand, Mon 6 Jan 2025, Mon-Fri, holiday Wed 15 Jan (MPXJ's dates, as the file has them): Design 5 days (1 week);
Review 3 elapsed days from Mon 13 08:00 to Thu 16 08:00: the working time it spans, Mon and Tue (the 15th is the
holiday), 0.4 weeks; Build 10 days FS -2 days (-0.4 weeks) after Design; Docs 4 days SS after Build with 50 % of
Build's 10 days: +1 week; 'Four-day task' 4 days (0.8 weeks) on a Mon-Thu calendar, not carried (reported);
Manual 3 days from Mon 3 Feb 08:00, which is 19 working days of the file from the start (the holiday), 3.8 weeks,
kept as its earliest start; it ends at 4.4 weeks, the file's finish (Wed 5 Feb 17:00, 22 working days), and drives
it: the only critical decision. Placeholder (0 days) is a milestone, as MS Project shows one. 'Parked' is inactive:
MS Project (and MPXJ's scheduler, which gives it no dates) leaves it out of the schedule and the costs, so the import
does too, and says so with its link; before, it was imported as an ordinary decision, and one made a predecessor of
Release and 10 weeks long put the plan's finish at week 11 instead of the file's 4.4, the report blaming 'calendars,
constraints, durations'."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.model import Plan
from planner.model.plan import DependencyType, duration_triple

FILE = Path(__file__).parent / "data" / "mpxj-s23-unusual-tasks.xml"


def test_s23_unusual_tasks_import_as_the_file_schedules_them() -> None:
    plan, report = import_file(FILE)
    by_title = {d.title: d for d in plan.decisions}
    weeks = {t: duration_triple(d.duration)[1] for t, d in by_title.items()}
    assert weeks == pytest.approx(
        {
            "Design": 1.0,
            "Review": 0.4,
            "Build": 2.0,
            "Docs": 0.8,
            "Four-day task": 0.8,
            "Manual": 0.6,
            "Placeholder": 0.0,
            "Release": 0.0,
        }
    )
    assert by_title["Placeholder"].milestone and by_title["Release"].milestone
    assert by_title["Manual"].not_before == pytest.approx(3.8)
    links = {
        (by_title_id(plan, x.from_), by_title_id(plan, x.to)): (x.type, round(x.lag, 6))
        for x in plan.dependencies
    }
    assert links[("Design", "Build")] == (DependencyType.FS, -0.4)
    assert links[("Build", "Docs")] == (DependencyType.SS, 1.0)
    result = analyze(plan)
    assert result.schedule is not None
    assert round(result.schedule.finish, 6) == 4.4
    assert [by_title_id(plan, i) for i in result.schedule.critical_ids] == ["Manual"]
    lines = report.text(limit=None)
    for said in (
        "task 3 'Review': an elapsed duration (3 calendar days) is read as the working time it spans in the file, "
        "0.4 weeks",
        "task 6 'Four-day task': a task calendar is not carried",
        "1 inactive task ('Parked') is not carried, as MS Project leaves it out of the schedule and the costs, nor its "
        "1 link",
        "1 manually scheduled task keeps its stored start as its earliest start: 'Manual'",
        "1 non-working day of the project calendar (2025-01-15) is not carried",
    ):
        assert said in lines


def by_title_id(plan: Plan, did: str) -> str:
    return next(d.title for d in plan.decisions if d.id == did)


def test_s23_an_inactive_predecessor_moves_nothing(tmp_path: Path) -> None:
    text = FILE.read_text(encoding="utf-8")
    # Parked 10 weeks (400 hours), and a predecessor of Release as well
    parked = text.index("<Name>Parked</Name>")
    text = text[:parked] + text[parked:].replace("PT40H0M0S", "PT400H0M0S", 2)
    release = text.index("<Name>Release</Name>")
    link = "<PredecessorLink><PredecessorUID>7</PredecessorUID><Type>1</Type><LinkLag>0</LinkLag></PredecessorLink>"
    at = text.index("<PredecessorLink>", release)
    path = tmp_path / "inactive.xml"
    path.write_text(text[:at] + link + text[at:], encoding="utf-8")
    plan, report = import_file(path)
    assert "Parked" not in [d.title for d in plan.decisions]
    result = analyze(plan)
    assert result.schedule is not None and round(result.schedule.finish, 6) == 4.4  # the file's finish
    lines = report.text(limit=None)
    assert "1 inactive task ('Parked') is not carried" in lines and "nor its 2 links" in lines
    assert "the imported plan finishes at week" not in lines
