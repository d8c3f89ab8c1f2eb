"""An MPX file of work in progress (MPX has no status date and no Resume) schedules to the file's finish: the
remaining work of a started task follows its part done, as MS Project runs it, not from its actual start.

The sample is what MPXJ 16 writes as MPX for a project it scheduled with its MicrosoftScheduler
(benchmarks/crosscheck_mpxj.py, seed 2): 'T0.0.1' is 2 months (8 weeks) from Mon 3 Mar 2025, 33 % done; 'T0.0.2'
1 month, 65 % done; the project finishes on Fri 25 Apr 2025 (week 8). Needs no MPXJ.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import schedule
from planner.io import import_file

SAMPLE = Path(__file__).parent / "data" / "s26" / "mpxj-work-in-progress.mpx"


def test_work_in_progress_finishes_where_the_file_does() -> None:
    plan, report = import_file(SAMPLE)
    assert plan.status_date is None  # MPX has none
    sched = schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))
    by_title = {d.title: d for d in plan.decisions}
    long_task = by_title["T0.0.1"]
    assert long_task.progress == pytest.approx(33.0)
    # its remaining 67 % follows the 33 % done since 3 Mar: it ends 8 weeks after its start, as the file has it
    assert float(sched.ef[sched.index[long_task.id]]) == pytest.approx(8.0, abs=0.01)
    assert float(sched.ef[sched.index[by_title["T0.0.2"].id]]) == pytest.approx(4.0, abs=0.01)
    assert sched.finish == pytest.approx(8.0, abs=0.01)  # the file's finish, Fri 25 Apr 2025
    said = [i.message for i in report.items if i.kind == "progress"]
    assert any("MPX keeps no Resume" in m and "'T0.0.1'" in m for m in said), said
    assert not any(i.kind == "schedule" for i in report.items)  # no difference left to explain


def test_done_and_not_started_work_is_unchanged() -> None:
    plan, _ = import_file(SAMPLE)
    by_title = {d.title: d for d in plan.decisions}
    done = by_title["T0.0.0"]
    assert str(done.status) == "done" and done.not_before is None
    assert by_title["T0.1"].progress == 0 and by_title["T0.1"].actual_start is None
