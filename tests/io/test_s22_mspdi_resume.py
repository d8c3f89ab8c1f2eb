"""MS Project's per-task Resume (where started work's remaining work starts) in a file without a status date is
reported (H-io22): the plan resumes that work at its actual start (it has no status date to place it at), earlier
than the file, and said nothing. MS Project 2003's assignment-assignments file (MPXJ's test data): Task 2, 25 % of
80 hours done from Mon 4 Jan 2016 08:00, resumes Wed 6 Jan 13:00; Task 3, 50 %, resumes Mon 11 Jan 08:00; no
StatusDate. With a status date the plan places the remaining work there: no line."""

from __future__ import annotations

from pathlib import Path

from planner.io import import_file

FILE = Path(__file__).parent / "data" / "mpxj-real" / "assignment-assignments-project2003-mspdi.xml"


def _resume_lines(path: Path) -> list[str]:
    _, report = import_file(path)
    return [line.strip() for line in report.lines() if "Resume" in line]


def test_s22_resume_after_the_actual_start_without_a_status_date_is_reported() -> None:
    # H-io24: now carried (tests/io/test_s24_mspdi_resume_carried.py), and the line says how
    assert _resume_lines(FILE) == [
        "[progress] 2 tasks in progress resume their remaining work after their actual start (the file's Resume: 'Task 2' on 6 Jan "
        "2016, ...) and the file has no status date: the remaining work starts there (an earliest start, not "
        "before) and the part done is counted back from it, in place of the actual start"
    ]


def test_s22_resume_with_a_status_date_says_nothing(tmp_path: Path) -> None:
    text = FILE.read_text(encoding="utf-8")
    assert "<StatusDate>" not in text and text.count("<StartDate>") == 1
    path = tmp_path / "with-status.xml"
    path.write_text(
        text.replace("<StartDate>", "<StatusDate>2016-01-11T08:00:00</StatusDate><StartDate>"),
        encoding="utf-8",
    )
    assert _resume_lines(path) == []
