"""A decision of 0 weeks in progress at 10 % came back from the XER export as 0 % in P6 and in MPXJ: the activity
was written with P6's duration percent type, which P6 works out of the remaining duration against the original
one, and a task of no duration has neither (benchmarks/crosscheck_pertask.py, MPXJ's Activity % Complete). Such an
activity is now written with the physical percent type, so P6 shows the percent it carries."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.io import export_file, import_file
from planner.io.primavera import parse_xer
from planner.model import Plan
from tests.conftest import build_plan


def _plan() -> Plan:
    return build_plan(
        [
            {"id": "a", "duration": 2, "status": "in_progress", "progress": 50, "actual_start": 0},
            {
                "id": "sign",
                "title": "Sign-off meeting",
                "duration": 0,
                "status": "in_progress",
                "progress": 10,
            },
            {"id": "c", "duration": 1},
        ],
        [("a", "sign"), ("sign", "c")],
        start_date="2027-01-04",
        status_date="2027-01-11",
    )


def p6_activity_percent(row: dict[str, str]) -> float:
    """The Activity % Complete P6 shows for a TASK row, by its percent type: the physical percent as entered, or
    the duration percent, (original - remaining) / original duration, 0 when the activity has no duration."""
    if row["complete_pct_type"] == "CP_Phys":
        return float(row["phys_complete_pct"] or 0)
    target = float(row["target_drtn_hr_cnt"] or 0)
    remain = float(row["remain_drtn_hr_cnt"] or 0)
    return 0.0 if target <= 0 else (target - remain) / target * 100


def test_p6_shows_the_percent_of_an_activity_of_no_duration(tmp_path: Path) -> None:
    path = tmp_path / "plan.xer"
    export_file(_plan(), path)
    rows = {r["task_code"]: r for r in parse_xer(path.read_bytes(), path)["TASK"].rows}
    assert p6_activity_percent(rows["sign"]) == pytest.approx(10)
    assert p6_activity_percent(rows["a"]) == pytest.approx(50)  # a task with duration keeps the duration type
    assert rows["a"]["complete_pct_type"] == "CP_Drtn"
    back, _ = import_file(path)
    assert {d.id: d.progress for d in back.decisions if d.id in ("a", "sign")} == {"a": 50, "sign": 10}


MPXJ_READ = r"""
import json, sys, jpype, mpxj
jpype.startJVM(convertStrings=True)
from org.mpxj.reader import UniversalProjectReader
p = UniversalProjectReader().read(sys.argv[1])
print(json.dumps({str(t.getActivityID()): float(t.getActivityPercentComplete() or 0) for t in p.getTasks()
                  if t.getActivityID() is not None}))
"""


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to read XER with MPXJ",
)
def test_mpxj_reads_the_percent_of_an_activity_of_no_duration(tmp_path: Path) -> None:
    path = tmp_path / "plan.xer"
    export_file(_plan(), path)
    res = subprocess.run(
        [os.environ["MPXJ_PYTHON"], "-c", MPXJ_READ, str(path)], capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr[-500:]
    got = json.loads(res.stdout.strip().splitlines()[-1])
    assert got["sign"] == pytest.approx(10)  # was 0: P6's duration percent of no duration
    assert got["a"] == pytest.approx(50)
