"""Tasks written without a Duration (MS Project XML and MPX from tools that write a few fields): one report line,
from one function (planner.io.outline.report_durations_from_dates), the same words in both formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import import_file
from planner.io.common import ImportReport
from planner.io.outline import report_durations_from_dates

TWO = "2 tasks have no Duration: it is the working time between their Start and Finish"
ONE = "1 task has no Duration: it is the working time between its Start and Finish"


def _task(uid: int, name: str, start: str, finish: str) -> str:
    return (
        f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><Start>{start}T08:00:00</Start>"
        f"<Finish>{finish}T17:00:00</Finish><OutlineNumber>{uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>"
        "<Summary>0</Summary><Milestone>0</Milestone></Task>"
    )


def _mspdi(tmp_path: Path, tasks: list[str]) -> Path:
    path = tmp_path / "few-fields.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Project xmlns="http://schemas.microsoft.com/project"><Name>Few</Name><StartDate>2027-03-01T08:00:00'
        "</StartDate><Tasks>" + "".join(tasks) + "</Tasks></Project>\n",
        encoding="utf-8",
    )
    return path


def _mpx(tmp_path: Path, rows: list[bytes]) -> Path:
    path = tmp_path / "few-fields.mpx"
    path.write_bytes(
        b"MPX,Some tool,4.0,ANSI\r\n12,0,0,480,/,:,am,pm,20,20\r\n30,Few\r\n61,1,3,50,51,90,98\r\n"
        + b"".join(rows)
    )
    return path


def _durations(path: Path) -> list[str]:
    _, report = import_file(path)
    return [i.message for i in report.items if i.kind == "duration"]


def test_the_one_function_says_it_in_singular_and_plural() -> None:
    for n, text in ((1, ONE), (2, TWO)):
        report = ImportReport()
        report_durations_from_dates(report, n)
        assert [(i.kind, i.message) for i in report.items] == [("duration", text)]
    report = ImportReport()
    report_durations_from_dates(report, 0)
    assert report.items == []


@pytest.mark.parametrize("n", [1, 2])
def test_ms_project_xml_and_mpx_report_it_in_the_same_words(tmp_path: Path, n: int) -> None:
    # Mon 1 - Fri 5 Mar 2027 and Mon 8 - Fri 19 Mar: one and two working weeks, neither with a Duration
    xml = [_task(1, "Design", "2027-03-01", "2027-03-05"), _task(2, "Build", "2027-03-08", "2027-03-19")]
    mpx = [b"70,Design,1,03/01/2027,03/05/2027,1,1\r\n", b"70,Build,1,03/08/2027,03/19/2027,2,2\r\n"]
    text = ONE if n == 1 else TWO
    assert _durations(_mspdi(tmp_path, xml[:n])) == [text]
    assert _durations(_mpx(tmp_path, mpx[:n])) == [text]
