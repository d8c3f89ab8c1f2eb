"""The planner's own MS Project export writes a not-started task's 'start no earlier than' at the status date; a
task moved later in MS Project since (a drag or a typed start sets that constraint to the new date) keeps its new
date on import. It came back at the status date: the own export's stored earliest start won over the user's move."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.cli import main
from planner.io import import_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "sample_plans").glob("*.plan.json"))


def _export(plan: Path, out: Path, status: str) -> str:
    assert main(["export", str(plan), "-o", str(out), "--status-date", status]) == 0
    return out.read_text(encoding="utf-8")


def test_a_task_moved_later_in_ms_project_keeps_its_new_date(tmp_path: Path) -> None:
    xml = _export(ROOT / "sample_plans" / "fraud-detection.plan.json", tmp_path / "f.xml", "2027-05-03")
    task = next(t for t in re.findall(r"<Task>.*?</Task>", xml, re.S) if ">feature-store<" in t)
    assert "<ConstraintType>4</ConstraintType>" in task
    assert "<ConstraintDate>2027-05-03T08:00:00</ConstraintDate>" in task  # the status date (week 13)
    moved = task.replace("2027-05-03T08:00:00</ConstraintDate>", "2027-08-02T08:00:00</ConstraintDate>")
    (tmp_path / "moved.xml").write_text(xml.replace(task, moved), encoding="utf-8")

    plan, report = import_file(tmp_path / "moved.xml")
    d = next(x for x in plan.decisions if x.id == "feature-store")
    assert d.not_before == pytest.approx(26.0)  # 2 Aug 2027 is week 26 of a plan starting 1 Feb 2027
    assert any("moved in MS Project" in i.message and "13 -> 26" in i.message for i in report.items)

    plan, report = import_file(tmp_path / "f.xml")  # not moved: the plan's own earliest start (none)
    assert next(x for x in plan.decisions if x.id == "feature-store").not_before is None
    assert not any("moved in MS Project" in i.message for i in report.items)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("status", ["6", "17.4"])  # weeks from each plan's start
def test_an_unmoved_own_export_reads_back_no_move(sample: Path, status: str, tmp_path: Path) -> None:
    _export(sample, tmp_path / "p.xml", status)
    plan, report = import_file(tmp_path / "p.xml")
    assert not [i.message for i in report.items if "moved in MS Project" in i.message]
