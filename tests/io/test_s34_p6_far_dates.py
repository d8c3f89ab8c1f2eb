"""Primavera P6 (XER and P6 XML): a date past the plan's reach is refused naming its activity and its field, as the
file names it, whichever date it is (session 33 named the actual dates and the data date only). An activity's
early or planned start or finish, or its constraint date, in 9999 was refused as 'holds a date or a duration beyond
what a calendar holds' (no activity, no field) or 'holds a value a plan cannot take (not_before: ...)' (no field);
a project's scheduled finish in 9999 refused the whole file, though the planner only compares its finish with it:
it is now said and not compared."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.cli import main
from planner.io import import_file

DATA = Path(__file__).parent / "data"
XER = DATA / "s33" / "p6-crew-assignments.xer"
TASK_FIELDS = (
    "%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_type\tstatus_code\ttask_code\ttask_name\ttarget_drtn_hr_cnt"
    "\tremain_drtn_hr_cnt\trsrc_id"
)
A100 = "%R\t100\t1\t10\t1\tTT_Task\tTK_NotStart\tA100\tRewire benches\t80\t80\t501"
FAR = "9999-12-31 08:00"
AFTER = "weeks after the project start, 4 Jan 2027: more than the 10,000 a plan takes"


def _refusal(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    out = tmp_path / "out.plan.json"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and not out.exists()
    return err


@pytest.mark.parametrize(
    ("field", "extra", "says"),
    [
        ("early_start_date", "", "its start (early_start_date) 31 Dec 9999 is "),
        ("target_start_date", "", "its start (target_start_date) 31 Dec 9999 is "),
        ("early_end_date", "", "its finish (early_end_date) 31 Dec 9999 is "),
        ("target_end_date", "", "its finish (target_end_date) 31 Dec 9999 is "),
        ("cstr_date", "\tcstr_type", "its constraint date (cstr_date) 31 Dec 9999 is "),
    ],
)
def test_s34_an_activity_date_in_9999_is_refused_naming_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str, extra: str, says: str
) -> None:
    raw = XER.read_bytes().decode("cp1252")
    assert TASK_FIELDS in raw and A100 in raw
    text = raw.replace(TASK_FIELDS, f"{TASK_FIELDS}\t{field}{extra}").replace(
        A100, f"{A100}\t{FAR}" + ("\tCS_MSOA" if extra else "")
    )
    path = tmp_path / "far.xer"
    path.write_bytes(text.encode("cp1252"))
    err = _refusal(path, tmp_path, capsys)
    assert f"activity A100 'Rewire benches': {says}" in err and AFTER in err, err


@pytest.mark.parametrize(("element", "says"), [("FinishDate", "its finish"), ("StartDate", "its start")])
def test_s34_a_p6_xml_activity_date_in_9999_names_the_element(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], element: str, says: str
) -> None:
    text = (DATA / "p6-mpxj-built.xml").read_text(encoding="utf-8")
    waiting = [a for a in re.findall(r"<Activity>.*?</Activity>", text, re.S) if "Not Started</Status>" in a]
    activity = waiting[-1]
    assert "<Id>A2900</Id>" in activity
    far = re.sub(rf"<{element}>[^<]*</{element}>", f"<{element}>9999-12-31T08:00:00</{element}>", activity)
    path = tmp_path / "far.xml"
    path.write_text(text.replace(activity, far), encoding="utf-8")
    err = _refusal(path, tmp_path, capsys)
    assert f"activity A2900 'Plant ready': {says} ({element}) 31 Dec 9999 is " in err, err


def test_s34_a_project_finish_in_9999_is_said_not_refused(tmp_path: Path) -> None:
    raw = XER.read_bytes().decode("cp1252")
    project = "%R\t1\tLAB-1\t1\t2027-01-04 08:00\t\t2027-01-04 08:00"
    assert project in raw
    path = tmp_path / "far-end.xer"
    path.write_bytes(raw.replace(project, project.replace("08:00\t\t", f"08:00\t{FAR}\t")).encode("cp1252"))
    plan, report = import_file(path)
    assert [d.title for d in plan.decisions] == ["Rewire benches", "Fit benches", "Move freezers"]
    assert (
        "project 'LAB-1': its finish (plan_end_date) 31 Dec 9999 is 416010.8 weeks after the project start: "
        "not compared with the plan's finish"
    ) in [i.text() for i in report.items]


def test_s34_a_p6_xml_project_starting_in_9999_names_its_planned_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Work that cannot fit before 31 Dec 9999 from the project's start: the start is named, not 'a date beyond
    what a calendar holds'."""
    text = (DATA / "p6-mpxj-built.xml").read_text(encoding="utf-8")
    start = "<ObjectId>1</ObjectId>\n    <PlannedStartDate>2027-03-01T08:00:00</PlannedStartDate>"
    assert start in text
    path = tmp_path / "late.xml"
    path.write_text(text.replace(start, start.replace("2027-03-01", "9999-12-31")), encoding="utf-8")
    err = _refusal(path, tmp_path, capsys)
    assert "its planned start (PlannedStartDate) 31 Dec 9999 leaves its " in err, err
    assert "of work no room before 31 Dec 9999, the last date a calendar holds" in err, err
