"""Hostile versions of the session's new files (tests/io/data/s33): a refusal names the task and what is wrong, exit
2, nothing written; what can still be read is read and the rest said. Before, a value past the plan's limits was
refused naming only the field ('holds a value a plan cannot take (headcount: ...)'), and a negative MinutesPerDay
was read as it stood."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.io import import_file

DATA = Path(__file__).parent / "data" / "s33"


@pytest.mark.parametrize(
    ("name", "old", "new", "says"),
    [
        (
            "day-durations-mspdi.xml",
            "<Duration>P10D</Duration>",
            "<Duration>P99999999D</Duration>",
            "task 1 'Security questionnaire' holds a value a plan cannot take (duration: ",
        ),
        (
            "p6-crew-assignments.xer",
            "\t502\t2\t2\t",
            "\t502\t1e308\t1e308\t",
            "activity A100 'Rewire benches' holds a value a plan cannot take (headcount: ",
        ),
    ],
)
def test_s33_a_value_past_the_plans_limits_is_refused_naming_its_task(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, old: str, new: str, says: str
) -> None:
    raw = (DATA / name).read_bytes().decode("cp1252")
    assert old in raw
    path = tmp_path / name
    path.write_bytes(raw.replace(old, new).encode("cp1252"))
    out = tmp_path / "out.plan.json"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err and "fix it in the authoring tool" in err
    assert not out.exists()


@pytest.mark.parametrize("text", ["P1e5D", "P-10D", "P10.5.3D", "P"])
def test_s33_an_unreadable_day_count_is_said_and_read_from_the_dates(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.xml"
    path.write_text((DATA / "day-durations-mspdi.xml").read_text(encoding="utf-8").replace("P10D", text, 1))
    plan, report = import_file(path)
    assert plan.decisions[0].weeks() == 2  # Mon 1 - Fri 12 Mar 2027
    assert (
        f"task 1 'Security questionnaire': unreadable duration '{text}'; read as the working time between its Start "
        "and Finish, 2 weeks" in [i.text() for i in report.items]
    )


def test_s33_an_unreadable_duration_without_dates_apart_is_read_as_nothing(tmp_path: Path) -> None:
    text = (DATA / "day-durations-mspdi.xml").read_text(encoding="utf-8").replace("P10D", "P1e5D", 1)
    path = tmp_path / "odd.xml"
    path.write_text(text.replace("2027-03-12T17:00:00", "2027-03-01T08:00:00", 1))
    plan, report = import_file(path)
    assert plan.decisions[0].weeks() == 0
    assert "task 1 'Security questionnaire': unreadable duration 'P1e5D'; read as 0" in [
        i.text() for i in report.items
    ]


def test_s33_a_negative_minutes_per_day_is_said_and_the_default_read(tmp_path: Path) -> None:
    path = tmp_path / "neg.xml"
    path.write_text(
        (DATA / "day-durations-mspdi.xml")
        .read_text(encoding="utf-8")
        .replace("<MinutesPerDay>480</MinutesPerDay>", "<MinutesPerDay>-480</MinutesPerDay>")
    )
    plan, report = import_file(path)
    assert [round(d.weeks(), 3) for d in plan.decisions] == [2.0, 1.0, 2.0, 0.0]
    assert "MinutesPerDay -480 is no length of a day: read as 480" in [i.text() for i in report.items]


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            "%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_type\tstatus_code\ttask_code\ttask_name\ttarget_drtn_hr_cnt"
            "\tremain_drtn_hr_cnt\trsrc_id\r\n%R\t100\t1\t10\t1\tTT_Task\tTK_NotStart\tA100\tRewire benches\t80\t80\t501",
            "%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_type\tstatus_code\ttask_code\ttask_name\ttarget_drtn_hr_cnt"
            "\tremain_drtn_hr_cnt\trsrc_id\tact_start_date\tact_end_date\r\n%R\t100\t1\t10\t1\tTT_Task\tTK_Complete"
            "\tA100\tRewire benches\t80\t0\t501\t2027-01-04 08:00\t9999-12-31 17:00",
            "activity A100 'Rewire benches': its actual date (act_end_date) 31 Dec 9999 is ",
        ),
        (
            "\t2027-01-04 08:00\t\t2027-01-04 08:00",
            "\t2027-01-04 08:00\t\t9999-12-31 08:00",
            "project 'Lab move': its data date (last_recalc_date) 31 Dec 9999 is ",
        ),
    ],
)
def test_s33_a_p6_date_past_the_plans_reach_is_refused_naming_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, says: str
) -> None:
    """A P6 date in 9999 was 'holds a date or a duration beyond what a calendar holds', naming no activity or field."""
    raw = (DATA / "p6-crew-assignments.xer").read_bytes().decode("cp1252")
    assert old in raw
    path = tmp_path / "far.xer"
    path.write_bytes(raw.replace(old, new).encode("cp1252"))
    out = tmp_path / "out.plan.json"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert (
        says in err and "weeks after the project start, 4 Jan 2027: more than the 10,000 a plan takes" in err
    )
    assert "Traceback" not in err and not out.exists()
