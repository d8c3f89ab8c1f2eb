"""Work in progress that MS Project paused after its part done, in a file without a status date and without a
Resume (MPX keeps neither; MPXJ writes MS Project XML without Resume dates for other tools' files). MS Project
splits such a task (its part done from the actual start, the remaining work later: 'Split task', or 'Update
Project' rescheduling uncompleted work) and stores the finish the remaining work reaches. The import carried only
a resume right after the part done, so the plan ran the remaining work straight on and finished the task the pause
earlier than the file, without a word when the task was off the critical path (left alone in session 33 as 'MPX
pause'). Now the remaining work resumes where the stored finish less the remaining work puts it, as for the file's
own Resume, and the report names the paused task. The planner's own MPX stores the plan's pauses with what holds
them (a not_before, a predecessor): those are not carried as a resume (tests/io/test_s19_progress_without_actual_start.py).

Samples: tests/io/data/s26's MPXJ files (benchmarks/crosscheck_mpxj.py seed 2), with one task's finish moved two
weeks later by hand, as a split would store it."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import schedule
from planner.io import import_file
from planner.model import Plan

DATA = Path(__file__).parent / "data" / "s26"


def _finish_of(plan: Plan, title: str) -> float:
    sched = schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))
    d = next(d for d in plan.decisions if d.title == title)
    return float(sched.ef[sched.index[d.id]])


def _paused_said(report: object, title: str) -> bool:
    return any(
        i.kind == "progress" and f"1 task paused after its part done ('{title}')" in i.message
        for i in report.items  # type: ignore[attr-defined]
    )


def test_s34_mpx_work_paused_after_its_part_done_finishes_where_the_file_has_it(tmp_path: Path) -> None:
    raw = (DATA / "mpxj-work-in-progress.mpx").read_bytes()
    # T0.0.2: 1 month (4 weeks) 65 % done from Mon 3 Mar 2025; MS Project's finish Fri 28 Mar, paused: Fri 11 Apr
    task = b"70,T0.0.2,1.1.3,3,1mon,0.65mon,0.35mon,65%,03/03/2025,28/03/2025,03/03/2025,28/03/2025"
    assert task in raw
    path = tmp_path / "paused.mpx"
    path.write_bytes(raw.replace(task, task.replace(b"28/03/2025", b"11/04/2025")))
    plan, report = import_file(path)
    assert _finish_of(plan, "T0.0.2") == pytest.approx(6.0, abs=0.01)  # was 4.0: the pause dropped
    assert _paused_said(report, "T0.0.2"), report.text(limit=None)
    # the file as written (no pause): the part done and the rest right after it, as before
    plan, report = import_file(DATA / "mpxj-work-in-progress.mpx")
    assert _finish_of(plan, "T0.0.2") == pytest.approx(4.0, abs=0.01)
    assert "paused" not in report.text(limit=None)


def test_s34_ms_project_xml_without_resume_keeps_a_pause_too(tmp_path: Path) -> None:
    text = (DATA / "mpxj-mspdi-no-resume.xml").read_text(encoding="utf-8")
    # T0.0.2: 150 hours (4 weeks of 7.5-hour days) 56 % done from Wed 5 Mar 2025; finish Tue 1 Apr, paused: 15 Apr
    finish = "<Finish>2025-04-01T16:30:00</Finish>"
    at = text.index("<Name>T0.0.2</Name>")
    assert text.find(finish, at) > at
    path = tmp_path / "paused.xml"
    path.write_text(text[:at] + text[at:].replace(finish, "<Finish>2025-04-15T16:30:00</Finish>", 1))
    plan, report = import_file(path)
    assert _finish_of(plan, "T0.0.2") == pytest.approx(6.0, abs=0.01)
    assert _paused_said(report, "T0.0.2"), report.text(limit=None)
