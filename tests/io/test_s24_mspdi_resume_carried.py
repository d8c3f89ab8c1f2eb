"""MS Project's Resume (where started work's remaining work starts) is carried when the file has no status date
(H-io24). Before, the import only reported it: the plan resumed the work at its actual start, so a task 25 % into 80
hours finished 20 hours early. MS Project 2003's assignment-assignments file (MPXJ's test data), on a Mon-Fri
08:00-12:00, 13:00-17:00 calendar, no StatusDate:

- Task 2: 80 h, 25 % done, ActualStart Mon 4 Jan 2016 08:00, Resume Wed 6 Jan 13:00 = 20 working hours = week 0.5;
  its remaining 60 h end Fri 15 Jan 17:00 = week 2.0.
- Task 3: 80 h, 50 % done, ActualStart Mon 4 Jan 08:00, Resume Mon 11 Jan 08:00 = 40 h = week 1.0; 40 h left: week 2.

The plan's way to resume work in progress later than it began is an earliest start with no actual start (the part
done counted back from it: 0.5 - 0.5 and 1.0 - 1.0 = week 0, the file's actual start, which the exports write back).
"""

from __future__ import annotations

from pathlib import Path

from planner.analysis.progress import part_done, progress_schedule
from planner.io import import_file
from planner.model.plan import Plan, Status

FILE = Path(__file__).parent / "data" / "mpxj-real" / "assignment-assignments-project2003-mspdi.xml"


def _decision_weeks(plan: Plan) -> dict[str, tuple[float, float, float]]:
    """Each decision's (part done began, remaining work's start, finish), weeks."""
    sched = progress_schedule(plan)
    began, _ = part_done(plan, sched.es, sched.ef, sched.duration)
    return {
        d.id: (float(began[i]), float(sched.es[i]), float(sched.ef[i])) for i, d in enumerate(plan.decisions)
    }


def _progress_lines(report_lines: list[str]) -> list[str]:
    return [line.strip() for line in report_lines if "resume" in line]


def test_s24_the_resume_places_the_remaining_work_where_the_file_has_it() -> None:
    plan, report = import_file(FILE)
    by_title = {d.title: d for d in plan.decisions}
    t2, t3 = by_title["Task 2"], by_title["Task 3"]
    assert (t2.status, t2.progress, t2.not_before, t2.actual_start) == (Status.IN_PROGRESS, 25, 0.5, None)
    assert (t3.status, t3.progress, t3.not_before, t3.actual_start) == (Status.IN_PROGRESS, 50, 1.0, None)
    weeks = _decision_weeks(plan)
    assert weeks[t2.id] == (0.0, 0.5, 2.0)  # began Mon 4 Jan (the actual start), resumes Wed 6 Jan 13:00
    assert weeks[t3.id] == (0.0, 1.0, 2.0)
    assert _progress_lines(report.lines()) == [
        "[progress] 2 tasks in progress resume their remaining work after their actual start (the file's Resume: 'Task 2' on 6 Jan "
        "2016, ...) and the file has no status date: the remaining work starts there (an earliest start, not "
        "before) and the part done is counted back from it, in place of the actual start"
    ]


def test_s24_a_real_pause_is_carried_and_said(tmp_path: Path) -> None:
    # Task 2 stopped Wed 6 Jan 12:00 (its 20 h done) and resumed only Wed 13 Jan 13:00 = week 1.5: a split. The
    # remaining 60 h then end Fri 22 Jan 17:00 = week 3.0; without a status date the plan cannot hold the part done
    # at the actual start and pause it, so the part done moves up to the resume (weeks 1.0-1.5), and it says so.
    text = FILE.read_text(encoding="utf-8")
    old = "<Resume>2016-01-06T13:00:00</Resume>"
    assert text.index(old) < text.index("</Tasks>")  # the task's (its assignment's follows)
    path = tmp_path / "paused.xml"
    path.write_text(text.replace(old, "<Resume>2016-01-13T13:00:00</Resume>", 1), encoding="utf-8")
    plan, report = import_file(path)
    t2 = next(d for d in plan.decisions if d.title == "Task 2")
    assert (t2.not_before, t2.actual_start) == (1.5, None)
    assert _decision_weeks(plan)[t2.id] == (1.0, 1.5, 3.0)
    (line,) = _progress_lines(report.lines())
    assert line.endswith(
        "in place of the actual start; 1 task paused after its part done ('Task 2'): the plan has no pause "
        "without a status date, so its part done is placed just before the resume, later than the file's "
        "actual start"
    )
    assert "(the file's Resume: 'Task 2' on 13 Jan 2016, ...)" in line


def test_s24_with_a_status_date_the_actual_start_stays(tmp_path: Path) -> None:
    # With a status date (Mon 11 Jan 2016 08:00 = week 1) the plan resumes the work there: the actual start is kept
    # and nothing is said; Task 2's 60 h left run weeks 1-2.5, Task 3's 40 h weeks 1-2.
    text = FILE.read_text(encoding="utf-8")
    path = tmp_path / "with-status.xml"
    path.write_text(
        text.replace("<StartDate>", "<StatusDate>2016-01-11T08:00:00</StatusDate><StartDate>", 1),
        encoding="utf-8",
    )
    plan, report = import_file(path)
    t2 = next(d for d in plan.decisions if d.title == "Task 2")
    assert t2.actual_start is not None and t2.not_before is None
    assert _decision_weeks(plan)[t2.id] == (0.0, 1.0, 2.5)
    assert _progress_lines(report.lines()) == []
