"""The MPX export writes each task's Actual Duration and Remaining Duration (fields 42 and 43) and each assignment's
Work and Actual Work (record 75): without them MPXJ's MicrosoftScheduler refused every MPX export ("Task has no
actual duration value and no resource assignments with an actual work value", then a NullPointerException on the
assignments' work: benchmarks/crosscheck_interop.py --small 30, 34 of 34 MPX files). MPXJ now schedules the MPX
export to the finish it gives the MS Project XML export (optional test: MPXJ_PYTHON)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.io import export_file, import_file
from planner.model import load_plan
from tests.conftest import REPO_ROOT, build_plan


def test_progress_and_work_are_written(tmp_path: Path) -> None:
    """a: 1 week for one person of the team, done; b: 2 weeks for two people, half done at the status date. By hand
    (8-hour days, 5 a week): a 5d done, 0d left, work 40h all done; b 10d, 5d done and 5d left, work 2 x 80 = 160h
    of which 80h done."""
    plan = build_plan(
        [
            {"id": "a", "duration": 1, "owner": "t", "headcount": 1, "status": "done", "progress": 100},
            {"id": "b", "duration": 2, "owner": "t", "headcount": 2, "status": "in_progress", "progress": 50},
        ],
        [("a", "b")],
        teams=[{"id": "t", "name": "Team", "capacity": 3}],
        start_date="2027-03-01",
        status_date=2,
    )
    path = tmp_path / "p.mpx"
    export_file(plan, path)
    lines = path.read_bytes().decode("cp1252").split("\r\n")
    header = next(line for line in lines if line.startswith("60,")).split(",")
    tasks = {r.split(",")[3]: r.split(",") for r in lines if r.startswith("70,")}
    where = {name: header.index(name) for name in ("Duration", "Actual Duration", "Remaining Duration")}
    assert [tasks["A"][where[k]] for k in where] == ["5d", "5d", "0d"]
    assert [tasks["B"][where[k]] for k in where] == ["10d", "5d", "5d"]
    assigned = [r.split(",") for r in lines if r.startswith("75,")]
    assert [(r[3], r[5]) for r in assigned] == [("40h", "40h"), ("160h", "80h")]
    back, _ = import_file(path)  # the import reads past the new fields as before
    assert [(d.title, d.owner is not None, d.headcount) for d in back.decisions] == [
        ("A", True, 1),
        ("B", True, 2),
    ]


MPXJ_FINISH = r"""
import sys, jpype, mpxj
jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader
from org.mpxj.cpm import MicrosoftScheduler
for path in sys.argv[1:]:
    p = UniversalProjectReader().read(path)
    MicrosoftScheduler().schedule(p, p.getProjectProperties().getStartDate())
    print(max(t.getFinish() for t in p.getTasks() if t.getFinish() is not None))
"""


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to schedule with MPXJ",
)
def test_mpxj_schedules_the_mpx_export_as_it_schedules_the_xml_export(tmp_path: Path) -> None:
    paths = []
    for name in ("bank-assistant", "fraud-detection", "insights-assistant"):
        plan = load_plan(REPO_ROOT / "sample_plans" / f"{name}.plan.json")
        for suffix in (".mpx", ".xml"):
            paths.append(str(tmp_path / f"{name}{suffix}"))
            export_file(plan, paths[-1])
    res = subprocess.run(
        [os.environ["MPXJ_PYTHON"], "-c", MPXJ_FINISH, *paths], capture_output=True, text=True, timeout=600
    )
    assert res.returncode == 0, res.stderr[-800:]
    finishes = res.stdout.split()
    assert finishes[0::2] == finishes[1::2]  # .mpx as .xml, plan by plan
