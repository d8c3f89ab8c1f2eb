"""Actual dates kept in weeks between days (0.4 weeks: two working days in) are exported at their working-time
moment, as the schedule places the work, not on the calendar day 0.4 x 7 = 2.8 days on (Thu 7 Jan). Before, MS
Project XML, MPX and XER wrote Thu 7 Jan 08:00; MPX (no custom fields to carry the plan's own value) came back as
week 0.6, and 1.3 weeks as 1.4: a drift of up to 0.2 weeks (3 weeks as the planner counts them when the finish 2.7
was written as the end of Fri 22 Jan).

By hand, Mon 4 Jan 2027 start, 08:00-12:00 and 13:00-17:00 on weekdays: 0.4 weeks = 2 working days: Wed 6 Jan 08:00;
1.3 weeks = 6.5 days: Tue 12 Jan, 4 hours in: 12:00; 1.1 weeks = 5.5 days: Mon 11 Jan 13:00 (after lunch);
2.5 weeks = 12.5 days: Wed 20 Jan 13:00; 2.7 weeks = 13.5 days: Thu 21 Jan 12:00; 3.35 weeks = 16.75 days: Tue 26 Jan, 6 hours in: 15:00."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import export_text, import_file
from planner.model import Plan

ACTUALS = {"a": (0.4, 1.3), "b": (1.1, 2.7), "c": (2.5, 3.35)}


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Actuals between days",
            "start_date": "2027-01-04",
            "stages": [{"id": "v", "name": "Validate"}],
            "decisions": [
                {
                    "id": k,
                    "title": f"Task {k}",
                    "stage": "v",
                    "duration": 1,
                    "status": "done",
                    "progress": 100,
                    "actual_start": s,
                    "actual_finish": f,
                }
                for k, (s, f) in ACTUALS.items()
            ],
        }
    )


def _write(tmp_path: Path, fmt: str, suffix: str) -> Path:
    data = export_text(_plan(), fmt)
    out = tmp_path / f"plan{suffix}"
    out.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return out


def test_s23_mpx_writes_the_working_time_moment(tmp_path: Path) -> None:
    text = _write(tmp_path, "mpx", ".mpx").read_bytes().decode("cp1252")
    tasks = {r[3]: r for r in (line.split(",") for line in text.splitlines() if line.startswith("70,"))}
    # Actual Start, Actual Finish: fields 12 and 13 of the export's task list (after the record number)
    assert tasks["Task a"][12:14] == ["6 January 2027 08:00", "12 January 2027 12:00"]
    assert tasks["Task b"][12:14] == ["11 January 2027 13:00", "21 January 2027 12:00"]
    assert tasks["Task c"][12:14] == ["20 January 2027 13:00", "26 January 2027 15:00"]


@pytest.mark.parametrize(("fmt", "suffix"), [("mpx", ".mpx"), ("mspdi", ".xml"), ("xer", ".xer")])
def test_s23_round_trip_keeps_actuals_between_days(tmp_path: Path, fmt: str, suffix: str) -> None:
    back, _ = import_file(_write(tmp_path, fmt, suffix))
    got = {d.title: (d.actual_start, d.actual_finish) for d in back.decisions}
    for k, (s, f) in ACTUALS.items():
        start, finish = got[f"Task {k}"]
        assert float(start) == pytest.approx(s), (fmt, k)  # type: ignore[arg-type]
        assert float(finish) == pytest.approx(f), (fmt, k)  # type: ignore[arg-type]


def test_s23_mspdi_and_xer_write_the_same_moments(tmp_path: Path) -> None:
    xml = _write(tmp_path, "mspdi", ".xml").read_text(encoding="utf-8")
    assert "<ActualStart>2027-01-06T08:00:00</ActualStart>" in xml
    assert "<ActualFinish>2027-01-26T15:00:00</ActualFinish>" in xml
    xer = _write(tmp_path, "xer", ".xer").read_text(encoding="utf-8", errors="replace")
    assert "2027-01-06 08:00\t2027-01-12 12:00" in xer
    assert "2027-01-20 13:00\t2027-01-26 15:00" in xer
