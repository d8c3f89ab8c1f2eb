"""Minimal files found by benchmarks/fuzz_import.py (tests/io/data/fuzz/): each imports, or is refused with one
clear line (exit 2), never an internal error; and the readings that came out wrong without a word are right."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main

DATA = Path(__file__).parent / "data" / "fuzz"
FILES = sorted(p for p in DATA.iterdir() if p.suffix in (".xml", ".gan", ".csv", ".xlsx"))

# Far dates and astronomical durations: a clear refusal (they crashed date arithmetic: 'internal error').
REFUSED = {
    "mspdi-actual-start-9999.xml",
    "mspdi-elapsed-lag-huge.xml",
    "mspdi-elapsed-lag-negative.xml",
    "mspdi-status-date-9999.xml",
    "mspdi-task-finish-9999.xml",
    "gan-complete-101-duration-1e308.gan",
    "gan-done-9999-1e308-custom-week.gan",
    "gan-milestone-1e308-custom-week.gan",
    "gan-milestone-duration-1e308.gan",
    "gan-milestone-duration-99999999.gan",
    "gan-summary-9999-child-0001.gan",
    "csv-actual-finish-9999.csv",
    "csv-finish-9999.csv",
    "xlsx-plan-start-9999.xlsx",
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_imports_or_is_refused_in_one_line(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.plan.json"
    code = main(["import", str(path), "-o", str(out)])
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    if path.name in REFUSED:
        assert code == 2 and not out.exists()
        line = err.strip().splitlines()[0]
        assert line.startswith(f"planner: {path}")
        if "9999" in path.name or "1e308" in path.name or "lag" in path.name or "99999999" in path.name:
            assert "beyond what a calendar holds" in err
    else:
        assert code == 0, err
        assert main(["check", str(out)]) in (0, 1)  # the plan written loads back


def _imported(path: Path, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / f"{path.stem}.plan.json"
    assert main(["import", str(path), "-o", str(out)]) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_a_cost_with_a_leading_zero_is_a_fraction_not_a_grouped_number(tmp_path: Path) -> None:
    plan = _imported(DATA / "silent-cost-dots.csv", tmp_path)
    assert [d.get("cost") for d in plan["decisions"]][:2] == [0.125, 1500]  # '0.125', '1.500' (thousands)


def test_an_excel_duration_formatted_in_days_is_days(tmp_path: Path) -> None:
    plan = _imported(DATA / "silent-xlsx-duration-days-format.xlsx", tmp_path)
    assert plan["decisions"][0]["duration"] == 1  # 5 formatted 0" days": 5 working days, not 5 weeks


def test_time_zones_and_24h_working_times_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(_imported(DATA / "mspdi-timezone.xml", tmp_path)["decisions"]) == 2
    capsys.readouterr()
    _imported(DATA / "mspdi-calendar-bad-time.xml", tmp_path)
    assert "is not a time of day" in capsys.readouterr().err


def test_an_excel_percent_written_literally_is_not_scaled(tmp_path: Path) -> None:
    # 50 formatted 0"%" (or 0\%) shows '50%' as typed; only a real % format stores 0.5 for 50 % (found by review)
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["id", "title", "duration", "progress"])
    for k, fmt in enumerate(('0"%"', "0\\%", "0%")):
        ws.append([f"d{k}", f"D{k}", 1, 50 if k < 2 else 0.5])
        ws.cell(row=k + 2, column=4).number_format = fmt
    path = tmp_path / "pct.xlsx"
    wb.save(path)
    plan = _imported(path, tmp_path)
    assert [d["progress"] for d in plan["decisions"]] == [50, 50, 50]


def test_a_skipped_subtotal_row_keeps_its_row_number(tmp_path: Path) -> None:
    # 'Launch' depends on row 4 (Test); the Subtotal row above was skipped without counting, so row 4 was Launch
    # itself: a self-dependency (found by review)
    path = tmp_path / "sub.csv"
    path.write_text(
        "Task Name,Duration,Predecessors,Cost\nDesign,1w,,100\nBuild,2w,1,200\nSubtotal,3w,,300\n"
        "Test,1w,2,50\nLaunch,1w,4,10\n",
        encoding="utf-8",
    )
    plan = _imported(path, tmp_path)
    assert [(d["from"], d["to"]) for d in plan["dependencies"]] == [
        ("design", "build"),
        ("build", "test"),
        ("test", "launch"),
    ]


def test_a_baseline_duration_column_does_not_replace_the_duration(tmp_path: Path) -> None:
    path = tmp_path / "bd.csv"
    path.write_text(
        "ID,Task Name,Duration,Baseline Duration (days),Predecessors\n1,Design,10 days,5,\n2,Build,10 days,5,1\n",
        encoding="utf-8",
    )
    plan = _imported(path, tmp_path)
    assert [d["duration"] for d in plan["decisions"]] == [2, 2]  # 10 working days, not the baseline's 5


def test_a_done_row_with_na_actual_dates_is_moved_to_the_next_day_once(tmp_path: Path) -> None:
    # MS Project's 'NA' in Actual Finish is no date: the row's own Finish (Fri 5 Mar) places it, on the Monday;
    # it was moved a second day, to Tuesday 9 Mar (found by review)
    path = tmp_path / "na.csv"
    path.write_text(
        "ID,Task Name,Duration,Start,Finish,Predecessors,% Complete,Actual Start,Actual Finish\n"
        "1,Design,5 days,Mon 3/1/27,Fri 3/5/27,,100%,NA,NA\n"
        "2,Build,5 days,Mon 3/8/27,Fri 3/12/27,1,100%,Mon 3/8/27,Fri 3/12/27\n",
        encoding="utf-8",
    )
    plan = _imported(path, tmp_path)
    finishes = [d.get("actual_finish") for d in plan["decisions"]]
    assert finishes == ["2027-03-08", "2027-03-15"]


def test_ambiguous_slashed_actual_dates_beside_iso_start_dates_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 01/03/2027 reads 1 Mar or 3 Jan; ISO Start/Finish columns tell nothing of the order. It was read month first
    # without a word (actual start 3 Jan, before the plan start), and the report quoted an ISO date as 'slashed'.
    path = tmp_path / "amb.csv"
    path.write_text(
        "ID,Task Name,Duration,Start,Finish,% Complete,Actual Start,Actual Finish\n"
        "1,Design,5 days,2027-03-01,2027-03-05,100%,01/03/2027,05/03/2027\n",
        encoding="utf-8",
    )
    assert main(["import", str(path), "-o", str(tmp_path / "out.plan.json")]) == 2
    err = capsys.readouterr().err
    assert "'01/03/2027'" in err and "YYYY-MM-DD" in err and "internal error" not in err
    # a date that reads one way only (13/03) tells the order: then they are read
    path.write_text(
        "ID,Task Name,Duration,Start,Finish,% Complete,Actual Start,Actual Finish\n"
        "1,Design,5 days,2027-03-01,2027-03-05,100%,01/03/2027,13/03/2027\n",
        encoding="utf-8",
    )
    plan = _imported(path, tmp_path)
    assert plan["decisions"][0]["actual_start"] == "2027-03-01"
