"""A P6 file (MPXJ 16's XER of a project its MicrosoftScheduler scheduled; benchmarks/crosscheck_mpxj.py, seed 8)
whose status date (19 Mar 2025) comes after the start the file gives a task not started ('T0.1.0', as late as
possible, 13-20 Mar): the plan starts that task at the status date and its successor's remaining work after it, so
the plan finishes about a week after the file. The import said nothing: the file's finish is where the full
durations end, and the check let that pass for every file (it is meant for the planner's own exports). Now the
import report says where each finishes and why. Needs no MPXJ."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import schedule
from planner.io import export_file, import_file

SAMPLE = Path(__file__).parent / "data" / "s26" / "mpxj-not-started-before-status-date.xer"


def test_the_report_says_the_plan_finishes_after_the_file_and_why() -> None:
    plan, report = import_file(SAMPLE)
    finish = schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely"))).finish
    assert finish == pytest.approx(13.89, abs=0.01)
    said = [i.message for i in report.items if i.kind == "schedule"]
    assert len(said) == 1, [i.message for i in report.items]
    assert "finishes at week 13.89" in said[0] and "the file at week 12.97" in said[0]
    # the cause first, not 'the items above account for it' (a calendar's holidays do not move the finish a week)
    assert (
        "(2 Jun 2025): 1 task not started is scheduled before the status date in the file ('T0.1.0')"
        in said[0]
    )


def test_the_planners_own_export_of_it_still_says_nothing(tmp_path: Path) -> None:
    plan, _ = import_file(SAMPLE)
    for suffix in (".xer", ".xml"):
        path = tmp_path / f"again{suffix}"
        export_file(plan, path)
        _, again = import_file(path)
        assert not [i.message for i in again.items if i.kind == "schedule"], suffix
