"""The XER export read back by MPXJ, the reference reader of P6 files (optional: set ``MPXJ_PYTHON`` to a Python with
mpxj and JPype1, and install Java; tests/io/data/make_p6_files.py does the reading). MPXJ must find every activity
with its Activity ID, duration in hours and milestone flag, every relationship with its type and lag in hours, and
its PrimaveraScheduler (P6's rules) must finish plans without progress where the planner does."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.io import export_file
from planner.io.common import WorkCalendar
from planner.io.exporting import export_schedule
from planner.model import load_plan
from planner.model.plan import Plan

SAMPLES = Path(__file__).parents[2] / "sample_plans"
READER = Path(__file__).parent / "data" / "make_p6_files.py"

pytestmark = pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to read .xer with MPXJ",
)


def _without_progress(plan: Plan) -> Plan:
    fresh = [
        d.model_copy(
            update={"progress": 0.0, "status": "not_started", "actual_start": None, "actual_finish": None}
        )
        for d in plan.decisions
    ]
    return plan.model_copy(update={"decisions": fresh, "status_date": None})


def _read(paths: list[Path]) -> list[dict[str, object]]:
    res = subprocess.run(
        [os.environ["MPXJ_PYTHON"], str(READER), "read", *map(str, paths)], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr[-800:]
    return [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]


def test_mpxj_reads_the_xer_export_with_the_same_activities_links_lags_and_durations(tmp_path: Path) -> None:
    names = ["ai-portfolio", "bank-assistant", "fraud-detection", "insights-assistant"]
    plans = [load_plan(SAMPLES / f"{n}.plan.json") for n in names]
    paths = [tmp_path / f"{n}.xer" for n in names]
    for plan, path in zip(plans, paths, strict=True):
        export_file(plan, path)
    for name, plan, read in zip(names, plans, _read(paths), strict=True):
        tasks = {t[0]: t for t in read["tasks"]}  # type: ignore[attr-defined]
        assert set(tasks) == {d.id for d in plan.decisions}, name
        for d in plan.decisions:
            _, title, hours, milestone, _pct = tasks[d.id]
            assert title == d.title
            assert bool(milestone) == d.milestone, (name, d.id)
            assert hours == pytest.approx(0.0 if d.milestone else d.weeks() * 40), (name, d.id)
        links = sorted((a, b, kind, round(lag, 3)) for a, b, kind, lag in read["links"])  # type: ignore[attr-defined]
        assert links == sorted(
            (x.from_, x.to, str(x.type), round(x.lag * 40, 3)) for x in plan.dependencies
        ), name


def test_p6_schedules_the_export_of_a_plan_without_progress_to_the_planners_finish(tmp_path: Path) -> None:
    """Without progress (MPXJ's PrimaveraScheduler schedules from the planned start), P6's finish is the planner's:
    the plan's finish week on the export's 5 x 8-hour calendar."""
    names = ["bank-assistant", "fraud-detection", "insights-assistant"]
    plans = [_without_progress(load_plan(SAMPLES / f"{n}.plan.json")) for n in names]
    paths = [tmp_path / f"{n}.xer" for n in names]
    for plan, path in zip(plans, paths, strict=True):
        export_file(plan, path)
    for name, plan, read in zip(names, plans, _read(paths), strict=True):
        assert plan.start_date is not None
        finish = export_schedule(plan).finish
        cal = WorkCalendar.standard(plan.start_date)
        expected = cal.datetime_at(finish * 2400, finish=True)
        got = dt.datetime.fromisoformat(str(read["finish"]))
        assert got == expected, f"{name}: P6 (MPXJ) finishes {got}, the planner at week {finish} = {expected}"
