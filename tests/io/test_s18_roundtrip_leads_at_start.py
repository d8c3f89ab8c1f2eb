"""A lead that would pull a task before the plan start: the planner starts nothing before its start, MS Project (and
MPXJ's MicrosoftScheduler, which follows it) lets the lead pull the task before the project start. The MS Project XML
and MPX exports now give such a task a start-no-earlier-than at the start, so both tools finish where the planner
does (a random plan without a start date finished a week earlier in MPXJ: benchmarks/crosscheck_interop.py
--small 30, plan small-2); the import reads that constraint back as no earliest start, as the plan had."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import export_file, import_file
from planner.model import Plan
from tests.conftest import build_plan


def _plan() -> Plan:
    """m a milestone at the start; b 2 weeks FS-1 after m (its lead would start it at week -1); c 1 week FS after b;
    d 1 week SS-0.5 after b (its lead would start it at -0.5). By hand: b 0-2, c 2-3, d 0-1; finish 3."""
    return build_plan(
        [
            {"id": "m", "duration": 0, "milestone": True},
            {"id": "b", "duration": 2},
            {"id": "c", "duration": 1},
            {"id": "d", "duration": 1},
        ],
        [("m", "b", "FS", -1), ("b", "c"), ("b", "d", "SS", -0.5)],
        start_date="2027-01-04",
    )


def _constraint(xml: str, name: str) -> tuple[str, str | None]:
    task = re.search(rf"<Name>{name}</Name>.*?</Task>", xml, re.S)
    assert task is not None
    kind = re.search(r"<ConstraintType>(\d)</ConstraintType>", task.group(0))
    date = re.search(r"<ConstraintDate>([^<]+)</ConstraintDate>", task.group(0))
    assert kind is not None
    return kind.group(1), date.group(1) if date else None


def test_a_lead_before_the_start_is_held_at_the_start_in_ms_project_xml(tmp_path: Path) -> None:
    plan = _plan()
    s = analyze(plan).schedule
    assert s is not None and s.finish == pytest.approx(3.0)
    path = tmp_path / "lead.xml"
    export_file(plan, path)
    xml = path.read_text(encoding="utf-8")
    assert _constraint(xml, "B") == ("4", "2027-01-04T08:00:00")  # start no earlier than the project start
    assert _constraint(xml, "D") == ("4", "2027-01-04T08:00:00")
    assert _constraint(xml, "C") == ("0", None)  # its link holds it after the start: no constraint
    assert _constraint(xml, "M") == ("0", None)  # no predecessor: as soon as possible from the start
    for suffix in (".xml", ".mpx"):
        export_file(plan, tmp_path / f"lead{suffix}")
        back, _ = import_file(tmp_path / f"lead{suffix}")
        assert [d.not_before for d in back.decisions] == [None] * 4, suffix
        got = analyze(back).schedule
        assert got is not None and got.finish == pytest.approx(3.0), suffix


MPXJ_READ = r"""
import json, sys, jpype, mpxj
jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader
from org.mpxj.cpm import MicrosoftScheduler
p = UniversalProjectReader().read(sys.argv[1])
MicrosoftScheduler().schedule(p, p.getProjectProperties().getStartDate())
print(json.dumps({str(t.getName()): str(t.getStart()) for t in p.getTasks() if t.getUniqueID() != 0}))
"""


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to schedule with MPXJ",
)
def test_mpxj_schedules_the_held_task_at_the_start(tmp_path: Path) -> None:
    path = tmp_path / "lead.xml"
    export_file(_plan(), path)
    res = subprocess.run(
        [os.environ["MPXJ_PYTHON"], "-c", MPXJ_READ, str(path)], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr[-500:]
    starts = json.loads(res.stdout.strip().splitlines()[-1])
    assert starts["B"] == starts["D"] == "2027-01-04T08:00"  # not 2026-12-28 (a week before the start)
    assert starts["C"] == "2027-01-18T08:00"  # after B's 2 weeks
