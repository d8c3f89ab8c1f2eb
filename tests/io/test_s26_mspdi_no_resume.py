"""MS Project XML of work in progress without a status date and without Resume dates (MPXJ writes none for other
tools' files): the remaining work of a started task follows its part done, where MS Project runs it, and the plan
finishes where the file does. It started at the actual start, so the plan finished weeks early, without a word.

The sample is MPXJ 16's MS Project XML of benchmarks/crosscheck_mpxj.py's seed 2 without its status date: on a
7.5-hour day from Wed 5 Mar 2025, 'T0.0.1' (2 months, 8 weeks) is 28 % done, 'T0.0.2' (1 month) 56 % done, 'T0.1'
(8 days) 35 % done; the file finishes at week 8 (Wed 30 Apr). Needs no MPXJ."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import schedule
from planner.io import import_file

SAMPLE = Path(__file__).parent / "data" / "s26" / "mpxj-mspdi-no-resume.xml"


def test_work_in_progress_without_resume_finishes_where_the_file_does() -> None:
    plan, report = import_file(SAMPLE)
    assert plan.status_date is None
    sched = schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))
    assert sched.finish == pytest.approx(8.0, abs=0.01)
    long_task = next(d for d in plan.decisions if d.title == "T0.0.1")
    # its remaining work runs from the end of its part done (28 % of 8 weeks from its start) to week 8
    assert float(sched.es[sched.index[long_task.id]]) == pytest.approx(8.0 * 0.28, abs=0.01)
    said = [i.message for i in report.items if i.kind == "progress"]
    assert any("the file has no Resume: right after the part done" in m for m in said), said
    assert not [i.message for i in report.items if i.kind == "schedule"]


def test_a_file_with_resume_dates_keeps_them(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    # MS Project writes a Resume: one a week after the part done of 'T0.0.1' is a pause the plan keeps
    marker = "<Name>T0.0.1</Name>"
    assert text.count(marker) == 1
    head, tail = text.split(marker)
    tail = tail.replace("</Start>", "</Start><Resume>2025-04-01T08:00:00</Resume>", 1)
    path = tmp_path / "with-resume.xml"
    path.write_text(head + marker + tail, encoding="utf-8")
    plan, report = import_file(path)
    long_task = next(d for d in plan.decisions if d.title == "T0.0.1")
    assert long_task.not_before is not None and long_task.not_before > 8.0 * 0.28 + 0.5
    assert any("the file's Resume" in i.message for i in report.items if i.kind == "progress")
