"""CSV and XLSX: reading what spreadsheets write, the depends_on column, and formula injection."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from planner.io import export_file, import_file
from planner.io.common import InteropError
from planner.io.table import neutralise, parse_depends, restore
from planner.model import load_plan
from planner.model.plan import DependencyType
from tests.conftest import REPO_ROOT, build_plan

HEADER = "ID;Title;Stage;Area;Owner;Likely;Depends_On\r\n"


def test_depends_on_column() -> None:
    assert parse_depends("value-case, gpu-quota SS+2, audit FF-1") == [
        ("value-case", DependencyType.FS, 0.0),
        ("gpu-quota", DependencyType.SS, 2.0),
        ("audit", DependencyType.FF, -1.0),
    ]
    assert parse_depends("a-ss, b +1.5w, c sf -0.25") == [
        ("a-ss", DependencyType.FS, 0.0),
        ("b", DependencyType.FS, 1.5),
        ("c", DependencyType.SF, -0.25),
    ]
    with pytest.raises(ValueError, match="cannot read"):
        parse_depends("a SS+x")


def test_semicolons_bom_and_names(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(
        (
            "\ufeff" + HEADER + "a;Alpha;Validate;Data;Platform team;2;\r\n"
            "b;Beta;integrate;data;platform team;1,5;a SS+1\r\n"
        ).encode("utf-8")
    )
    plan, report = import_file(path)
    a, b = plan.decisions
    assert (a.stage, a.area, b.stage, b.area) == ("validate", "data", "integrate", "data")
    assert a.owner == b.owner and [t.name for t in plan.teams] == ["Platform team"]
    assert b.duration == 1.5
    assert [(d.from_, d.to, d.type, d.lag) for d in plan.dependencies] == [("a", "b", "SS", 1.0)]
    assert "separated by ';'" in report.text()


def test_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes("title,likely\r\nCaf\u00e9 \u2013 pilot,3\r\n".encode("cp1252"))
    plan, report = import_file(path)
    assert plan.decisions[0].title == "Caf\u00e9 \u2013 pilot"
    assert "Windows-1252" in report.text()


def test_bad_cell_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("title,likely\nA,2\nB,two\n", encoding="utf-8")
    with pytest.raises(InteropError, match=r"p.csv: line 3, column 'likely': 'two' is not a number"):
        import_file(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_no_cell_a_spreadsheet_would_run(tmp_path: Path, suffix: str) -> None:
    titles = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tTab", "'=quoted", "plain"]
    plan = build_plan(
        [{"id": f"d{i}", "title": t, "notes": t} for i, t in enumerate(titles)], [("d0", "d1", "SS", -1.5)]
    )
    out = tmp_path / f"x{suffix}"
    export_file(plan, out)
    if suffix == ".csv":
        import csv

        cells = [c for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"))) for c in row]
    else:
        import openpyxl

        wb = openpyxl.load_workbook(out)
        cells = [c.value for row in wb.active.iter_rows() for c in row]
        assert not any(c.data_type == "f" for row in wb.active.iter_rows() for c in row)
        lags = [c for c in cells if isinstance(c, float) and c < 0]
        assert lags == [] or all(isinstance(x, float) for x in lags)
    texts = [c for c in cells if isinstance(c, str)]
    assert not [c for c in texts if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    back, _ = import_file(out)
    assert [d.title for d in back.decisions] == [t.strip() for t in titles]  # titles are trimmed on import
    assert [(d.type, d.lag) for d in back.dependencies] == [("SS", -1.5)]


def test_neutralise_round_trip() -> None:
    for text in ["=a", "'=a", "''=a", "'plain", "plain", "-", "'"]:
        assert restore(neutralise(text)) == text


def test_xlsx_numbers_stay_numbers(tmp_path: Path) -> None:
    import openpyxl

    plan = build_plan(
        [{"id": "a", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 4}, "cost": 100}]
    )
    out = tmp_path / "x.xlsx"
    export_file(plan, out)
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    row = {h: c.value for h, c in zip(header, ws[2], strict=True)}
    assert (
        row["optimistic (weeks)"],
        row["likely (weeks)"],
        row["pessimistic (weeks)"],
        row["cost"],
    ) == (1, 2, 4, 100)  # the unit in the header (issue: durations with units), the cells numbers


def test_xlsx_zip_bomb_and_non_zip_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * 20_000_000)
    bomb.write_bytes(buf.getvalue())
    with pytest.raises(InteropError, match="zip bomb"):
        import_file(bomb)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("id,title\n", encoding="utf-8")
    with pytest.raises(InteropError, match="not a zip archive"):
        import_file(fake)


def test_sample_plan_round_trips_through_csv_with_bom(tmp_path: Path) -> None:
    plan = load_plan(REPO_ROOT / "sample_plans" / "bank-assistant.plan.json")
    out = tmp_path / "x.csv"
    export_file(plan, out, bom=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    back, report = import_file(out)
    assert [(d.id, d.duration, d.owner, d.stage) for d in back.decisions] == [
        (d.id, d.duration, d.owner, d.stage) for d in plan.decisions
    ]
    assert not report.items


def test_another_tools_status_date_column_is_a_rows_own_and_ignored(tmp_path: Path) -> None:
    """A tracker's per-row 'Status Date' (text, a US date) is not the plan's status date: only the planner's own
    export (which writes plan_start_date in every row) carries the plan's dates. It was refused with exit 2."""
    from planner.io import import_file

    path = tmp_path / "tracker.csv"
    path.write_text("Task,Duration,Status Date\nA,2,in review\nB,1,03/15/2027\n", encoding="utf-8")
    plan, report = import_file(path)
    assert [d.title for d in plan.decisions] == ["A", "B"] and plan.status_date is None
    assert "column 'Status Date' is not a plan field; ignored" in report.text()


def test_own_exports_plan_dates_are_read_and_a_bad_one_names_its_line(tmp_path: Path) -> None:
    from planner.io import InteropError, import_file

    path = tmp_path / "own.csv"
    path.write_text(
        "title,likely,plan_start_date,status_date\nA,2,2027-01-04,\nB,1,2027-01-04,soon\n", encoding="utf-8"
    )
    with pytest.raises(InteropError, match="line 3"):
        import_file(path)
    path.write_text(
        "title,likely,plan_start_date,status_date\nA,2,2027-01-04,\nB,1,2027-01-04,2027-01-18\n",
        encoding="utf-8",
    )
    plan, _ = import_file(path)
    assert (plan.start_date, plan.status_date) == (dt.date(2027, 1, 4), dt.date(2027, 1, 18))
