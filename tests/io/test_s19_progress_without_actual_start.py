"""Work in progress with no actual start whose remaining work a not_before or a predecessor holds past the status
date: the exports wrote an actual start after the status date (the part done placed just before the remaining
work), so MS Project, P6 and the planner's own MPX import restarted it at an invented moment in the future. The
part done now ends no later than the status date (exporting.began_at, the rule the charts draw it by), with a pause
until the remaining work. Hand-checked plan; every date on the exports' Monday-Friday calendar."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from planner.io import export_file, export_notes, import_file
from planner.io.exporting import export_schedule
from planner.io.primavera import parse_xer
from planner.model import Plan
from tests.conftest import build_plan


def _plan() -> Plan:
    """Start Mon 4 Jan 2027, status date Mon 1 Feb (week 4). b (4 w) 50 % done, not before week 8 (Mon 1 Mar),
    no actual start; c (1 w) after b. p (6 w) not started; q (4 w) after p, 50 % done, no actual start. The
    planner: b's remaining 2 w 8-10, c 10-11; p 4-10, q's remaining 2 w 10-12."""
    return build_plan(
        [
            {"id": "b", "duration": 4, "status": "in_progress", "progress": 50, "not_before": 8},
            {"id": "c", "duration": 1},
            {"id": "p", "duration": 6},
            {"id": "q", "duration": 4, "status": "in_progress", "progress": 50},
        ],
        [("b", "c"), ("p", "q")],
        start_date="2027-01-04",
        status_date="2027-02-01",
    )


def test_the_part_done_ends_at_the_status_date_not_where_the_remaining_work_starts() -> None:
    s = export_schedule(_plan())
    assert s.es == [8.0, 10.0, 4.0, 10.0] and s.ef == [10.0, 11.0, 10.0, 12.0]
    # b's and q's 2 weeks done end at the status date, week 4: both began at week 2 (were 6 and 8)
    assert s.started == [2.0, None, None, 2.0]


def _xer_tasks(data: bytes) -> dict[str, dict[str, str]]:
    return {r["task_code"]: r for r in parse_xer(data, None)["TASK"].rows}


def test_xer_actual_start_before_the_data_date_and_remaining_work_where_the_planner_has_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.xer"
    export_file(_plan(), path)
    tasks = _xer_tasks(path.read_bytes())
    # began Mon 18 Jan (week 2); remaining from Mon 1 Mar (b, week 8) and Mon 15 Mar (q, week 10)
    assert (tasks["b"]["act_start_date"], tasks["b"]["restart_date"]) == (
        "2027-01-18 08:00",
        "2027-03-01 08:00",
    )
    assert (tasks["q"]["act_start_date"], tasks["q"]["restart_date"]) == (
        "2027-01-18 08:00",
        "2027-03-15 08:00",
    )
    assert tasks["b"]["remain_drtn_hr_cnt"] == tasks["q"]["remain_drtn_hr_cnt"] == "80"


def _mspdi_task(xml: str, name: str) -> str:
    m = re.search(rf"<Name>{name}</Name>.*?</Task>", xml, re.S)
    assert m, name
    return m.group(0)


def test_ms_project_xml_actual_start_then_a_split_to_the_remaining_work(tmp_path: Path) -> None:
    path = tmp_path / "p.xml"
    export_file(_plan(), path)
    xml = path.read_text(encoding="utf-8")
    for name, resume in (("B", "2027-03-01T08:00:00"), ("Q", "2027-03-15T08:00:00")):
        task = _mspdi_task(xml, name)
        got = {k: v for k, v in re.findall(r"<(ActualStart|Stop|Resume)>([^<]*)<", task)}
        # 2 weeks done Mon 18 - Fri 29 Jan, paused from the status date until the remaining work
        assert got == {"ActualStart": "2027-01-18T08:00:00", "Stop": "2027-01-29T17:00:00", "Resume": resume}


def test_mpx_and_its_import_keep_the_actual_start_before_the_status_date(tmp_path: Path) -> None:
    path = tmp_path / "p.mpx"
    export_file(_plan(), path)
    text = path.read_bytes().decode("cp1252")
    b = next(line for line in text.splitlines() if line.startswith("70,") and ",B," in line)
    assert (
        "18 January 2027 08:00" in b and "15 February 2027" not in b
    )  # 15 Feb: week 6, after the status date
    back, _ = import_file(path)
    # MPX keeps no 'no actual start': the import reads the one written, Mon 18 Jan (it read Mon 15 Feb and Mon 1 Mar)
    assert {d.id: str(d.actual_start) for d in back.decisions if d.actual_start is not None} == {
        "b": "2027-01-18",
        "q": "2027-01-18",
    }


def test_csv_scheduled_start_is_where_the_work_began(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    export_file(_plan(), path)
    rows = {r["id"]: r for r in csv.DictReader(path.read_text(encoding="utf-8").splitlines())}
    assert (rows["b"]["scheduled_start"], rows["b"]["scheduled_finish"]) == ("2027-01-18", "2027-03-15")
    assert (rows["q"]["scheduled_start"], rows["q"]["actual_start"]) == ("2027-01-18", "")


@pytest.mark.parametrize("suffix", [".xer", ".xml", ".gan", ".csv", ".xlsx"])
def test_export_then_import_gives_the_same_schedule_and_no_actual_start(tmp_path: Path, suffix: str) -> None:
    plan = _plan()
    path = tmp_path / f"p{suffix}"
    export_file(plan, path)
    back, _ = import_file(path)
    mine, theirs = export_schedule(plan), export_schedule(back)
    assert theirs.es == pytest.approx(mine.es) and theirs.ef == pytest.approx(mine.ef)
    assert [(d.id, d.actual_start, d.not_before) for d in back.decisions] == [
        ("b", None, 8.0),
        ("c", None, None),
        ("p", None, None),
        ("q", None, None),
    ]


def test_the_notes_say_the_actual_start_is_the_planners() -> None:
    for fmt, tail in (
        ("xer", "finds no actual start"),
        ("mspdi", "finds no actual start"),
        ("mpx", "reads it as recorded"),
    ):
        note = next(n for n in export_notes(_plan(), fmt) if "no actual start: the file needs one" in n)
        assert note.startswith("2 started decisions record no actual start"), note
        assert tail in note and "never an actual start in the future" in note
    assert not any("no actual start: the file needs one" in n for n in export_notes(_plan(), "gan"))
