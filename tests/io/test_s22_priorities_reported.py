"""Task priorities the plan has no field for are reported, one line, counted per value, when a task's differs from
its tool's default (H-io22): MS Project's Priority (default 500), MPX's (Medium), P6's activity priority (Normal;
XER's priority_type, P6 XML's LevelingPriority), GanttProject's (normal, '1'). They were dropped without a word;
a table's Priority column was already reported ('not a plan field'). Tasks at the default say nothing."""

from __future__ import annotations

from pathlib import Path

from planner.io import export_text, import_file
from planner.model.plan import Plan

DATA = Path(__file__).parent / "data"


def _priority_lines(path: Path) -> list[str]:
    _, report = import_file(path)
    return [line.strip() for line in report.lines() if "priority" in line]


def _why() -> str:
    return ": not carried (the plan has no priority; levelling orders decisions by its own rules)"


def test_s22_ms_project_xml_priorities(tmp_path: Path) -> None:
    text = (DATA / "delivery-4x10-mspdi.xml").read_text(encoding="utf-8")
    assert text.count("<Priority>500</Priority>") == 14
    assert _priority_lines(DATA / "delivery-4x10-mspdi.xml") == []  # all at the default
    # the first Priority is the project summary's (UID 0), not a task of the plan: kept; then two at 900, one at 100
    head, first, rest = text.partition("<Priority>500</Priority>")
    rest = rest.replace("<Priority>500</Priority>", "<Priority>900</Priority>", 2)
    changed = head + first + rest.replace("<Priority>500</Priority>", "<Priority>100</Priority>", 1)
    path = tmp_path / "p.xml"
    path.write_text(changed, encoding="utf-8")
    assert _priority_lines(path) == [
        f"[field] 3 tasks have a priority other than '500' ('900' (2), '100' (1)){_why()}"
    ]


def test_s22_mpx_priorities() -> None:
    # sample.mpx (MPXJ's test data): its two recurring tasks are 'Do Not Level', every other task Medium
    assert _priority_lines(DATA / "mpx-real" / "sample.mpx") == [
        f"[field] 2 tasks have a priority other than 'Medium' ('Do Not Level' (2)){_why()}"
    ]


def test_s22_p6_priorities(tmp_path: Path) -> None:
    xml = (DATA / "p6-mpxj-built.xml").read_text(encoding="utf-8")
    assert xml.count("<LevelingPriority>Normal</LevelingPriority>") == 9
    path = tmp_path / "p6.xml"
    path.write_text(
        xml.replace(
            "<LevelingPriority>Normal</LevelingPriority>", "<LevelingPriority>High</LevelingPriority>", 1
        ),
        encoding="utf-8",
    )
    assert _priority_lines(path) == [
        f"[field] 1 task has a priority other than 'Normal' ('High' (1)){_why()}"
    ]
    plan = Plan.model_validate(
        {
            "schema_version": 1,
            "title": "P",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [{"id": x, "title": x, "stage": "s", "duration": 1} for x in "abc"],
        }
    )
    xer = export_text(plan, "xer")
    assert isinstance(xer, bytes) and xer.count(b"PT_Normal") == 3  # the planner's own export: the default
    path = tmp_path / "p6.xer"
    path.write_bytes(xer.replace(b"PT_Normal", b"PT_Top", 2))
    assert _priority_lines(path) == [
        f"[field] 2 tasks have a priority other than 'Normal' ('Top' (2)){_why()}"
    ]


def test_s22_ganttproject_priorities(tmp_path: Path) -> None:
    text = (DATA / "HouseBuildingSample-gp2.1.gan").read_text(encoding="utf-8")
    assert text.count('priority="1"') == 19
    assert _priority_lines(DATA / "HouseBuildingSample-gp2.1.gan") == []
    path = tmp_path / "p.gan"
    path.write_text(text.replace('priority="1"', 'priority="2"', 1), encoding="utf-8")
    assert _priority_lines(path) == [
        f"[field] 1 task has a priority other than 'Normal' ('High' (1)){_why()}"
    ]
