"""The XER export's data date is the status date's own day at the start of its working day (P6 schedules the
remaining work from it), not the status date's position in 40-hour working weeks: a Friday status date came out as
the Wednesday before, mid-afternoon. Remaining work starts at the data date; the import of the export gives back
the same status date and the same schedule. Every date below is worked by hand on the export's Monday-Friday,
08:00-12:00 + 13:00-17:00 calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.io import export_file, export_notes, import_file
from planner.io.exporting import export_schedule
from planner.io.primavera import export_xer, parse_xer
from planner.model import Plan
from tests.conftest import build_plan
from tests.io.test_export_progress import _progress_plan


def _plan(status_date: str) -> Plan:
    """Start Mon 3 Jan 2028. a (2 w) done with no dates; b (4 w) after a, 50 % done, no actual start; c (1 w)
    after b."""
    return build_plan(
        [
            {"id": "a", "duration": 2, "status": "done", "progress": 100},
            {"id": "b", "duration": 4, "status": "in_progress", "progress": 50},
            {"id": "c", "duration": 1},
        ],
        [("a", "b"), ("b", "c")],
        start_date="2028-01-03",
        status_date=status_date,
    )


def _rows(text: str, table: str) -> list[dict[str, str]]:
    return parse_xer(text.encode("utf-8"), None)[table].rows


def _task(text: str, code: str) -> dict[str, str]:
    return next(r for r in _rows(text, "TASK") if r["task_code"] == code)


# status date; the data date; b's remaining 2 weeks (80 h) from the data date's first working moment; c's week
CASES = [
    # Fri 10 Mar: b Fri 10 (8 h) + 13-17 Mar (40 h) + Mon-Thu 20-23 Mar (32 h) = 80 h; c Fri 24 - Thu 30 Mar
    ("2028-03-10", "2028-03-10 08:00", "2028-03-10 08:00", "2028-03-23 17:00", "2028-03-30 17:00"),
    # Mon 6 Mar: b 6-17 Mar; c 20-24 Mar
    ("2028-03-06", "2028-03-06 08:00", "2028-03-06 08:00", "2028-03-17 17:00", "2028-03-24 17:00"),
    # Sat 11 Mar: the data date stays on the Saturday; work resumes Mon 13 Mar: b 13-24 Mar; c 27-31 Mar
    ("2028-03-11", "2028-03-11 08:00", "2028-03-13 08:00", "2028-03-24 17:00", "2028-03-31 17:00"),
    # Sun 12 Mar: the same working time as the Saturday
    ("2028-03-12", "2028-03-12 08:00", "2028-03-13 08:00", "2028-03-24 17:00", "2028-03-31 17:00"),
]


@pytest.mark.parametrize(("status", "data_date", "b_start", "b_end", "c_end"), CASES)
def test_the_data_date_is_the_status_dates_day_at_08_00(
    status: str, data_date: str, b_start: str, b_end: str, c_end: str
) -> None:
    text = export_xer(_plan(status))
    (project,) = _rows(text, "PROJECT")
    assert project["last_recalc_date"] == data_date  # Fri 10 Mar was written "2028-03-08 15:51"
    b, c = _task(text, "b"), _task(text, "c")
    assert (b["restart_date"], b["reend_date"], b["early_start_date"]) == (b_start, b_end, b_start)
    assert b["remain_drtn_hr_cnt"] == "80"
    # c waits for the status date ('start on or after' it) and for b
    assert (c["cstr_type"], c["cstr_date"], c["reend_date"]) == ("CS_MSOA", b_start, c_end)
    assert project["scd_end_date"] == c_end
    # a, done without dates, sits at the status date: it ends at the working day's end before it
    a = _task(text, "a")
    before = {"2028-03-10": "2028-03-09", "2028-03-06": "2028-03-03"}.get(status, "2028-03-10")
    assert a["act_end_date"] == f"{before} 17:00"


@pytest.mark.parametrize("status", [case[0] for case in CASES])
def test_the_import_of_the_export_gives_back_the_status_date_and_schedule(
    tmp_path: Path, status: str
) -> None:
    plan = _plan(status)
    path = tmp_path / "plan.xer"
    export_file(plan, path)
    back, report = import_file(path)
    assert back.status_date == dt.date.fromisoformat(status)
    assert back.start_date == dt.date(2028, 1, 3)
    # nothing to say about the data date: it is the plan's own status date
    assert not [item for item in report.items if "data date" in item.message], report.text()
    mine, theirs = export_schedule(plan), export_schedule(back)
    assert theirs.es == pytest.approx(mine.es) and theirs.ef == pytest.approx(mine.ef)
    # Fri 10 Mar is week 67/7: c finishes 3 weeks later (b's 2, c's 1), week 88/7 (Fri 31 Mar)
    if status == "2028-03-10":
        assert theirs.finish == pytest.approx(88 / 7)


def test_a_plan_without_a_status_date_has_its_start_as_data_date(tmp_path: Path) -> None:
    """A Saturday start with no status date: the data date is the start itself (as the planned start is), so the
    import, which reads the planner's own data date as its calendar day, finds no status date (the first working
    moment, Monday, would be one of 2/7 week)."""
    plan = build_plan([{"id": "a", "duration": 1}], [], start_date="2028-01-01")
    text = export_xer(plan)
    (project,) = _rows(text, "PROJECT")
    assert (project["last_recalc_date"], project["plan_start_date"]) == (
        "2028-01-01 08:00",
        "2028-01-01 08:00",
    )
    path = tmp_path / "plan.xer"
    path.write_text(text, encoding="utf-8")
    back, _ = import_file(path)
    assert (back.start_date, back.status_date) == (dt.date(2028, 1, 1), None)


def test_the_export_notes_say_where_the_data_date_is() -> None:
    notes = " ".join(export_notes(_plan("2028-03-10"), "xer"))
    assert "the data date is the status date's own day at 08:00" in notes
    plain = build_plan([{"id": "a", "duration": 1}], [], start_date="2028-01-03")
    assert "data date is the status date" not in " ".join(export_notes(plain, "xer"))


def test_actual_dates_are_written_on_their_own_days() -> None:
    """e done Thu 7 Jan - Fri 15 Jan 2027: P6's actual start is Thu 7 Jan 08:00 and its actual finish the moment
    Fri 15 Jan begins, Thu 14 Jan 17:00, as MS Project XML writes them (they were their working-week positions,
    Wed 6 Jan 09:09 and Wed 13 Jan 15:51); f's actual start Mon 18 Jan stays 08:00."""
    plan = _progress_plan(status_date="2027-02-01")  # e and f of test_export_progress, start Mon 4 Jan 2027
    text = export_xer(plan)
    e, f = _task(text, "e"), _task(text, "f")
    assert (e["act_start_date"], e["act_end_date"]) == ("2027-01-07 08:00", "2027-01-14 17:00")
    assert (e["target_start_date"], e["target_end_date"]) == ("2027-01-07 08:00", "2027-01-14 17:00")
    assert (f["act_start_date"], f["act_end_date"]) == ("2027-01-18 08:00", "")
    assert any("actual dates are written on their own days" in n for n in export_notes(plan, "xer"))
