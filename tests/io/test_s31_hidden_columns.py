"""Columns a sheet hides (H-interop31). A person reads the columns the sheet shows; a stale copy of one hidden
beside it is not the plan.

Before: a tracker sheet with its old 'Start' dates hidden in column C and the current ones shown in D imported the
old ones (of two columns giving the start, the first was read): the plan started 5 Jan 2026 instead of 2 Mar and
Scope lasted 9 weeks instead of 1. Hidden columns were read without a word."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from planner.io import import_file

DATA = Path(__file__).parent / "data" / "s31"


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_s31_a_hidden_stale_start_column_gives_way_to_the_shown_one(suffix: str) -> None:
    """By hand: shown Start 2 Mar and 9 Mar 2026, Finish 6 and 20 Mar: Scope 1 week (done), Build 2 weeks from
    week 1, a quarter done; the hidden Cost column (1,200 and 5,000) is read, and said. The .xls is the same sheet
    written by xlwt 1.3 (hidden columns in its COLINFO records)."""
    plan, report = import_file(DATA / f"hidden-stale-start{suffix}")
    text = report.text(limit=None)
    assert plan.start_date == dt.date(2026, 3, 2)
    scope, build = plan.decisions
    assert (scope.weeks(), build.weeks()) == pytest.approx((1, 2))
    assert (scope.progress, build.progress) == (100, 25)
    assert (scope.cost, build.cost) == (1200, 5000)
    assert (
        "1 column hidden in the sheet is not read: 'Start' (3; 'Start' (4) is shown); the shown one is"
        in text
    )
    assert "1 column hidden in the sheet ('Cost' (6)) was read as the others" in text
    assert "both give the start dates" not in text


def _ods(path: Path, columns: str, rows: list[list[str]]) -> None:
    """A one-sheet .ods with the given ``<table:table-column>`` elements and rows of text cells."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
            for c in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f'<office:body><office:spreadsheet><table:table table:name="Plan">{columns}{cells}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)


def test_s31_ods_hidden_finish_column_in_a_repeated_run(tmp_path: Path) -> None:
    """LibreOffice writes runs of columns with one element (number-columns-repeated): columns B and C hidden, the
    old 'Due' in C; the shown 'Finish' in D."""
    path = tmp_path / "plan.ods"
    _ods(
        path,
        '<table:table-column/><table:table-column table:number-columns-repeated="2" table:visibility="collapse"/>'
        '<table:table-column table:number-columns-repeated="2"/>',
        [
            ["Task", "Internal", "Due", "Finish", "Start"],
            ["Scope", "x", "2026-01-09", "2026-03-06", "2026-03-02"],
            ["Build", "y", "2026-01-23", "2026-03-20", "2026-03-09"],
        ],
    )
    plan, report = import_file(path)
    assert [d.weeks() for d in plan.decisions] == pytest.approx([1, 2])
    assert "'Due' (3; 'Finish' (4) is shown)" in report.text(limit=None)
