"""Hostile imports (H-io24): files cut short, another format's file under a suffix, UTF-16 XML, empty files. Each is
a clear message and exit 2, or an import whose report says what may be missing; never a traceback, never a file
written on a refusal.

Found by cutting the real files of tests/io/data at random offsets and renaming them: a P6 XML file in UTF-16 was
refused as 'not an MS Project XML file ... import it with --format p6xml' though .xml reads P6 XML by its root
element; a P6 .xer named .xml was 'not well-formed XML ... is the file complete?' and an MPX file named .csv 'no
title or id column'; an .ods named .xlsx was 'cannot be read as a workbook (KeyError: ...)' and an .xls named .xlsx
was told that '.xls files must be saved as .xlsx' (they import); a cut .xlsx was 'not a zip archive'; an empty .xml
'not well-formed XML (no element found)'; an MPX file cut inside an assignment or a field-name record, a CSV file cut
inside its last row and a CSV header without rows imported without a word."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from planner.io import import_file
from planner.io.common import InteropError
from tests.io.test_s19_lead_zip_and_summary import _one_line_refusal  # exit 2, one line, no file

DATA = Path(__file__).parent / "data"


def test_s24_utf16_p6_xml_named_xml_is_read_as_p6(tmp_path: Path) -> None:
    text = (DATA / "p6-mpxj-built.xml").read_text(encoding="utf-8")
    for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        path = tmp_path / f"{codec}.xml"
        path.write_bytes(bom + text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(codec))
        plan, report = import_file(path)
        assert report.format == "Primavera P6 XML"
        same, _ = import_file(DATA / "p6-mpxj-built.xml")
        assert [(d.id, d.duration) for d in plan.decisions] == [(d.id, d.duration) for d in same.decisions]


@pytest.mark.parametrize(
    ("source", "name", "says"),
    [
        ("p6-mpxj-built.xer", "project.xml", "it looks like Primavera P6 XER: import it with --format xer"),
        ("p6-mpxj-built.xer", "project.csv", "it looks like Primavera P6 XER: import it with --format xer"),
        (
            "mpx-real/sample.mpx",
            "project.csv",
            "it looks like MS Project exchange (MPX): import it with --format mpx",
        ),
        (
            "mpx-real/sample.mpx",
            "project.xer",
            "it looks like MS Project exchange (MPX): import it with --format mpx",
        ),
        (
            "trackers/smartsheet-project.ods",
            "sheet.xlsx",
            "is an OpenDocument spreadsheet (.ods), not an .xlsx file; name it .ods, or import it with --format ods",
        ),
        (
            "trackers/smartsheet-project.xlsx",
            "sheet.ods",
            "is an Excel .xlsx workbook, not an .ods spreadsheet; name it .xlsx, or import it with --format xlsx",
        ),
        (
            "xls/fraud-detection.xls",
            "sheet.xlsx",
            "is an old Excel .xls (or other Office) file, not an .xlsx workbook; an Excel 97-2003 workbook imports "
            "as .xls",
        ),
    ],
)
def test_s24_another_formats_file_says_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, name: str, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes((DATA / source).read_bytes())
    assert says in _one_line_refusal(path, capsys, tmp_path)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_s24_a_workbook_cut_short_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    data = (DATA / "trackers" / f"smartsheet-project{suffix}").read_bytes()
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data[: len(data) // 2])
    assert "cut short or damaged (a zip archive without the directory at its end)" in _one_line_refusal(
        path, capsys, tmp_path
    )


@pytest.mark.parametrize("suffix", [".xml", ".gan"])
def test_s24_an_empty_xml_file_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert "the file is empty; export the project from its tool again" in _one_line_refusal(
        path, capsys, tmp_path
    )


def test_s24_an_mpx_file_cut_inside_a_record_without_a_field_list_says_so(tmp_path: Path) -> None:
    text = (DATA / "mpx-real" / "sample.mpx").read_bytes()
    at = text.index(b"\n75,") + 20  # inside the first assignment record, which no field list counts
    path = tmp_path / "cut.mpx"
    path.write_bytes(text[:at])
    _, report = import_file(path)
    line = text[:at].count(b"\n") + 1
    assert (
        f"the file ends without a line break after its last record (line {line}, record '75'): MPX tools end every "
        "record with one, so the file may be cut short there (records after the cut are missing)"
    ) in report.text(limit=None)
    _, whole = import_file(DATA / "mpx-real" / "sample.mpx")
    assert "cut short" not in whole.text(limit=None)


def test_s24_a_csv_cut_inside_its_last_row_and_one_without_rows_say_so(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text("Task,Duration,Start\nDesign,2w,2027-03-01\nBui", encoding="utf-8")
    plan, report = import_file(path)
    assert [d.title for d in plan.decisions] == ["Design", "Bui"]
    assert (
        "the last line (3) has 1 of the header's 3 columns and no line break after it: the file may be cut short "
        "there (rows after the cut are missing)"
    ) in report.text(limit=None)
    path.write_text("Task,Duration,Start\nDesign,2w,2027-03-01\n", encoding="utf-8")
    assert "cut short" not in import_file(path)[1].text(limit=None)
    path.write_text("Task ID,Task Name,Task Content,Sta", encoding="utf-8")
    plan, report = import_file(path)
    assert plan.decisions == []
    assert "the table has no task rows under its header: the plan is empty" in report.text(limit=None)


FILES = [
    "task-links-project2013-mspdi.xml",
    "p6-mpxj-built.xml",
    "mpx-real/sample.mpx",
    "p6-hand-cp1252-quirks.xer",
    "HouseBuildingSample.gan",
    "jira-export.csv",
    "trackers/smartsheet-project.xlsx",
    "trackers/smartsheet-project.ods",
    "xls/fraud-detection.xls",
]


@pytest.mark.parametrize("name", FILES)
def test_s24_every_format_cut_at_ten_offsets_is_read_or_refused_in_one_line(
    tmp_path: Path, name: str
) -> None:
    data = (DATA / name).read_bytes()
    rng = random.Random(24)
    for k in range(10):
        cut = rng.randrange(1, len(data))
        path = tmp_path / f"cut-{k}{Path(name).suffix}"
        path.write_bytes(data[:cut])
        try:
            import_file(path)
        except InteropError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc), (cut, str(exc))


def test_s24_an_xls_cut_short_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # an .xls (compound file) is a 512-byte header and whole sectors: xlrd's 'IndexError: array index out of range'
    # named no cause
    data = (DATA / "xls" / "fraud-detection.xls").read_bytes()
    assert len(data) % 512 == 0
    path = tmp_path / "cut.xls"
    path.write_bytes(data[:17801])
    err = _one_line_refusal(path, capsys, tmp_path)
    assert (
        "is cut short or damaged: it cannot be read as an Excel 97-2003 workbook, and its 17,801 bytes" in err
    )
    assert "IndexError" not in err
