"""The exports opened by the tools they are for. OPTIONAL: each test is skipped, and says so, when its tool is
absent -- ``tj3`` (Debian ``tj3``), ``dot`` (Graphviz), MPXJ (a Python with ``mpxj`` and ``JPype1`` named by
``$MPXJ_PYTHON``, plus Java). The behaviour they check is tested without the tools in ``test_export_progress.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import export_file
from planner.model import Plan, load_plan, plan_from_dict
from tests.conftest import REPO_ROOT, build_plan
from tests.unseen_plans import random_plan, shape


def _plans() -> list[tuple[str, Plan]]:
    plans = [(p.name, load_plan(p)) for p in sorted((REPO_ROOT / "sample_plans").glob("*.plan.json"))]
    plans += [
        (n, plan_from_dict(shape(n))) for n in ("status-middle", "status-after", "all-done", "links-and-lags")
    ]
    plans += [(f"random-{k}", plan_from_dict(random_plan(k))) for k in range(4)]
    plans.append(
        (
            "progress",
            build_plan(
                [
                    {"id": "a", "duration": 2, "status": "done", "progress": 100},
                    {"id": "b", "duration": 4, "status": "in_progress", "progress": 50},
                    {"id": "c", "duration": 1, "milestone": False},
                    {"id": "m", "duration": 0, "milestone": True},
                    {
                        "id": "e",
                        "duration": 1,
                        "status": "done",
                        "progress": 100,
                        "actual_start": "2027-01-07",
                        "actual_finish": "2027-01-15",
                    },
                ],
                [("a", "b"), ("b", "c", "FF", 0.2), ("m", "c", "SS", 1)],
                start_date="2027-01-04",
                status_date="2027-01-27",
            ),
        )
    )
    return plans


@pytest.mark.skipif(shutil.which("tj3") is None, reason="optional: TaskJuggler (tj3) is not installed")
def test_tj3_schedules_every_export_to_the_planners_finish(tmp_path: Path) -> None:
    report = '\ntaskreport "finish" {\n  formats csv\n  timeformat "%Y-%m-%d %H:%M"\n  columns id, end\n}\n'
    for k, (name, plan) in enumerate(_plans()):
        path = tmp_path / f"p{k}.tjp"
        export_file(plan, path)
        path.write_text(path.read_text(encoding="utf-8") + report, encoding="utf-8")
        out = tmp_path / f"out{k}"
        out.mkdir()
        res = subprocess.run(["tj3", "--no-color", "-o", str(out), str(path)], capture_output=True, text=True)
        assert res.returncode == 0, f"{name}: {(res.stderr or res.stdout)[-400:]}"
        cells = [
            line.split(";")[-1].strip().strip('"')
            for line in (out / "finish.csv").read_text().splitlines()[1:]
        ]
        got = max(dt.datetime.strptime(c, "%Y-%m-%d %H:%M") for c in cells if c)
        r = analyze(plan)
        assert r.schedule is not None
        start = plan.start_date or dt.date.today()  # as the export takes it
        want = dt.datetime.combine(start, dt.time()) + dt.timedelta(hours=round(r.schedule.finish * 168))
        assert abs((got - want).total_seconds()) <= 3600, f"{name}: tj3 {got}, planner {want}"


@pytest.mark.skipif(shutil.which("dot") is None, reason="optional: Graphviz (dot) is not installed")
def test_dot_draws_every_export(tmp_path: Path) -> None:
    for k, (name, plan) in enumerate(_plans()):
        path = tmp_path / f"p{k}.dot"
        export_file(plan, path)
        res = subprocess.run(
            ["dot", "-Tsvg", "-o", str(tmp_path / f"p{k}.svg"), str(path)], capture_output=True, text=True
        )
        assert res.returncode == 0 and not res.stderr.strip(), f"{name}: {res.stderr[-300:]}"


MPXJ_READ = r"""
import json, sys, jpype, mpxj
jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader
from org.mpxj.cpm import MicrosoftScheduler
out = []
for path in sys.argv[1:]:
    p = UniversalProjectReader().read(path)
    props = p.getProjectProperties()
    leaves = [t for t in p.getTasks() if t.getUniqueID() != 0 and not t.hasChildTasks()]
    MicrosoftScheduler().schedule(p, props.getStartDate())
    out.append({"stored": str(props.getFinishDate()), "scheduled": str(max(t.getFinish() for t in leaves)),
                "status": str(props.getStatusDate()), "tasks": len(leaves),
                "actual": {str(t.getText(1)): [str(t.getActualStart()), str(t.getActualFinish())] for t in leaves}})
print(json.dumps(out))
"""


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to read exports with MPXJ",
)
def test_mpxj_reads_ms_project_exports_and_schedules_them_to_the_planners_finish(tmp_path: Path) -> None:
    """MPXJ's MicrosoftScheduler ignores splits and runs started work from its actual start, so the plans are
    those where the planner's remaining work follows on from its part done (a status date, or no progress)."""
    plans = [
        (n, p)
        for n, p in _plans()
        if n
        in (
            "status-after",
            "all-done",
            "links-and-lags",
            "progress",
            "ai-portfolio.plan.json",
            "bank-assistant.plan.json",
            "insights-assistant.plan.json",
            "random-1",
            "random-2",
        )
    ]
    paths = []
    for k, (_name, plan) in enumerate(plans):
        paths.append(str(tmp_path / f"p{k}.xml"))
        export_file(plan, paths[-1])
    res = subprocess.run([os.environ["MPXJ_PYTHON"], "-c", MPXJ_READ, *paths], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-500:]
    got = json.loads(res.stdout.strip().splitlines()[-1])
    for (name, plan), read in zip(plans, got, strict=True):
        assert read["tasks"] == len(plan.decisions), name
        assert read["scheduled"] == read["stored"], (
            f"{name}: MPXJ {read['scheduled']}, planner {read['stored']}"
        )
    progress = got[[n for n, _ in plans].index("progress")]
    assert progress["status"] == "2027-01-27T08:00"
    # actual dates on their own days: the finish at the end of the working day before the planner's finish date
    assert progress["actual"]["e"] == ["2027-01-07T08:00", "2027-01-14T17:00"]
