"""``planner export -o plan.mpx``: MPX 4.0 written from the MS Project XML export's tasks (planner.io.mpx.export_mpx).
The import reads it back to the same schedule; MPXJ, the reference reader of MPX, finds the same tasks, durations,
links and dates in it as in the MS Project XML export (optional: MPXJ_PYTHON, tests/io/test_s18_mpx_mpxj.py's
reader)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import schedule
from planner.io import export_file, export_notes, import_file
from planner.model import load_plan
from planner.model.plan import Decision, Dependency, DependencyType, Plan, duration_value, new_plan

SAMPLES = Path(__file__).parents[2] / "sample_plans"
READER = Path(__file__).parent / "data" / "read_mpx_with_mpxj.py"


def _finish(plan: Plan) -> float:
    return schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely"))).finish


@pytest.mark.parametrize("name", ["fraud-detection", "bank-assistant", "insights-assistant"])
def test_export_then_import_keeps_the_schedule(tmp_path: Path, name: str) -> None:
    """Each sample plan (progress, all four link types, lags, milestones, three-point estimates, teams) comes back
    from MPX with the same titles, likely durations, link types and lags, and the same finish."""
    plan = load_plan(SAMPLES / f"{name}.plan.json")
    path = tmp_path / "x.mpx"
    assert export_file(plan, path) == "mpx"
    back, _ = import_file(path)
    helpers = {d.id for d in back.decisions if "import-helper" in d.tags}
    assert not helpers
    assert sorted((d.title, round(d.weeks(), 6)) for d in back.decisions) == sorted(
        (d.title, round(d.weeks(), 6)) for d in plan.decisions
    )
    title_of = {d.id: d.title for d in plan.decisions}
    back_title = {d.id: d.title for d in back.decisions}
    assert sorted(
        (title_of[x.from_], title_of[x.to], str(x.type), round(x.lag, 6)) for x in plan.dependencies
    ) == (
        sorted(
            (back_title[x.from_], back_title[x.to], str(x.type), round(x.lag, 6)) for x in back.dependencies
        )
    )
    assert _finish(back) == pytest.approx(_finish(plan), abs=1e-6)


def test_a_hand_checked_export(tmp_path: Path) -> None:
    """Two decisions of 1 and 0.5 weeks from Mon 1 Mar 2027, the second SS + 1 day after the first, a milestone FF
    after it: MPX writes 5d and 2.5d, ``2SS+1d``, the milestone ``0d`` with ``3FF``; the stage is a summary task. A
    title with a line break stays on its record's line; a character outside Windows-1252 is written as '?' and the
    notes say so."""
    plan = new_plan("Hand check")
    plan.start_date = __import__("datetime").date(2027, 3, 1)
    stage = plan.stages[0].id
    area = plan.areas[0].id
    plan.decisions = [
        Decision(id="a", title="Design", stage=stage, area=area, duration=1.0),
        Decision(id="b", title="Build\nfirst part", stage=stage, area=area, duration=0.5),
        Decision(id="c", title="Done → go", stage=stage, area=area, duration=0, milestone=True),
    ]
    plan.dependencies = [
        Dependency(from_="a", to="b", type=DependencyType.SS, lag=0.2),
        Dependency(from_="b", to="c", type=DependencyType.FF, lag=0.0),
    ]
    path = tmp_path / "hand.mpx"
    export_file(plan, path)
    lines = path.read_bytes().decode("cp1252").split("\r\n")
    tasks = [line for line in lines if line.startswith("70,")]
    assert tasks[0].startswith("70,1,") and ",Yes,0.00" in tasks[0]  # the stage: a summary task
    assert tasks[1].startswith("70,2,") and ",Design,5d,2,,1 March 2027 08:00,5 March 2027 17:00," in tasks[1]
    assert ",Build first part,2.5d,2,2SS+1d,2 March 2027 08:00,4 March 2027 12:00," in tasks[2]
    assert ",Done ? go,0d,2,3FF,4 March 2027 12:00,4 March 2027 12:00," in tasks[3] and ",Yes,No," in tasks[3]
    assert any("written as '?'" in note for note in export_notes(plan, "mpx"))
    back, _ = import_file(path)
    assert [round(duration_value(d.duration), 6) for d in back.decisions] == [1.0, 0.5, 0.0]
    sch = schedule(back, "likely", compile_plan(back, "likely"))
    done = back.decisions[2].id  # b starts a day in (0.2) and runs 0.5 weeks; the milestone finishes with it
    assert float(sch.es[sch.index[done]]) == pytest.approx(0.7) and sch.finish == pytest.approx(1.0)


def test_a_plan_with_a_cycle_is_not_written_to_mpx(tmp_path: Path) -> None:
    plan = load_plan(SAMPLES / "fraud-detection.plan.json")
    first, second = plan.dependencies[0].from_, plan.dependencies[0].to
    plan.dependencies.append(Dependency(from_=second, to=first))
    source = tmp_path / "loop.plan.json"
    from planner.model import save_plan

    save_plan(plan, source)
    out = tmp_path / "loop.mpx"
    res = subprocess.run(
        [sys.executable, "-m", "planner", "export", str(source), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert res.returncode == 1 and "MS Project MPX schedules the links and refuses a loop" in res.stderr
    assert not out.exists() and "Traceback" not in res.stderr


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to read .mpx with MPXJ",
)
def test_mpxj_reads_the_mpx_export_as_it_reads_the_xml_export(tmp_path: Path) -> None:
    plan = load_plan(SAMPLES / "fraud-detection.plan.json")
    export_file(plan, tmp_path / "x.mpx")
    export_file(plan, tmp_path / "x.xml")
    res = subprocess.run(
        [os.environ["MPXJ_PYTHON"], str(READER), str(tmp_path / "x.mpx"), str(tmp_path / "x.xml")],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    read = json.loads(res.stdout)
    mpx, xml = read[str(tmp_path / "x.mpx")], read[str(tmp_path / "x.xml")]
    keys = ("uid", "name", "level", "duration", "start", "finish", "milestone", "summary", "percent")

    def hours(lag: str) -> float:  # MPXJ shows a lag in the unit the file gave it (MPX: days; the XML: hours)
        return float(lag[:-1]) * {"h": 1, "d": 8, "w": 40}[lag[-1]]

    def task(t: dict[str, object]) -> dict[str, object]:
        links = t["predecessors"]
        assert isinstance(links, list)
        return {**{k: t[k] for k in keys}, "links": [(p, kind, hours(lag)) for p, kind, lag in links]}

    assert [task(t) for t in mpx["tasks"] if t["level"]] == [task(t) for t in xml["tasks"] if t["level"]]
    assert (mpx["start"], mpx["finish"]) == (xml["start"], xml["finish"])
