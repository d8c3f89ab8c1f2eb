"""Two internal errors the import fuzzer found (benchmarks/fuzz_import.py, session 19), now clear refusals or a plan.

- A workbook whose zip this Python cannot open (a "version needed to extract" above 6.3), whose part is encrypted,
  or whose part fails its checksum: each was a traceback ("internal error") from deep in the reader; now one line
  naming the file and what to do, exit 2, nothing written.
- A table whose summary row has only done rows without dates, with a link to the summary: the import compared
  missing dates (TypeError); now the summary's start milestone waits as work to come.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from planner.cli import main
from planner.io import InteropError, import_file


def _workbook_zip() -> bytes:
    """A zip with two stored (uncompressed) parts, so that their bytes can be damaged by hand."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook>" + "x" * 200 + "</workbook>")
    return buf.getvalue()


def _set_central(raw: bytes, offset: int, value: bytes) -> bytes:
    """Every central directory header with ``value`` at ``offset`` (and the local headers likewise for the flags)."""
    out = bytearray(raw)
    for sig, field in ((b"PK\x01\x02", offset), (b"PK\x03\x04", offset - 2 if offset == 8 else None)):
        at = out.find(sig)
        while at >= 0:
            if field is not None:
                out[at + field : at + field + len(value)] = value
            at = out.find(sig, at + 4)
    return bytes(out)


def _import_fails(tmp_path: Path, raw: bytes, capsys: pytest.CaptureFixture[str]) -> str:
    src = tmp_path / "damaged.xlsx"
    src.write_bytes(raw)
    with pytest.raises(InteropError):
        import_file(src)
    out = tmp_path / "out.plan.json"
    assert main(["import", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    assert not out.exists()
    assert len(err.strip().splitlines()) == 1
    return err


def test_a_zip_of_a_later_version_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = _set_central(_workbook_zip(), 6, bytes([75, 0]))  # version needed to extract: 7.5
    err = _import_fails(tmp_path, raw, capsys)
    assert "damaged.xlsx: is a zip archive that cannot be read (zip file version 7.5)" in err
    assert "save it again" in err


def test_an_encrypted_part_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = _set_central(_workbook_zip(), 8, bytes([1, 0]))  # general purpose flag bit 0: encrypted
    err = _import_fails(tmp_path, raw, capsys)
    assert "damaged.xlsx: has an encrypted part; remove the password" in err


def test_a_part_failing_its_checksum_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = _workbook_zip()
    at = raw.find(b"xxxx")
    raw = raw[:at] + b"y" + raw[at + 1 :]  # one byte of the stored part changed: its CRC-32 no longer matches
    err = _import_fails(tmp_path, raw, capsys)
    assert "damaged.xlsx: is damaged: part xl/workbook.xml fails its checksum" in err


def test_a_link_to_a_summary_of_done_rows_without_dates(tmp_path: Path) -> None:
    src = tmp_path / "done.csv"
    src.write_text(
        "Name,Outline Level,Duration,% Complete,Predecessors\n"
        "Phase A,1,2 weeks,0,\n"
        "Design,2,2 weeks,0,\n"
        "Phase B,1,3 weeks,100,1\n"
        "Test,2,1 week,100,\n"
        "Ship,2,2 weeks,100,\n",
        encoding="utf-8",
    )
    plan, _ = import_file(src)
    start = next(d for d in plan.decisions if d.title == "Phase B (start)")
    # its rows are done but say nowhen: the milestone is not made done at a date nobody wrote
    assert start.status.value == "not_started" and start.actual_start is None
    assert ("phase-a-finish", start.id) in {(d.from_, d.to) for d in plan.dependencies}


# -- more from a mutational fuzz of every fixture (session 19: 4,000 damaged copies, in-process import) -------------
DATA = Path(__file__).parent / "data"


def _one_line_refusal(src: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    out = tmp_path / "out.plan.json"
    assert main(["import", str(src), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert "internal error" not in captured.err and "Traceback" not in captured.err
    assert captured.out == "" and not out.exists()
    assert len(captured.err.strip().splitlines()) == 1
    return captured.err


@pytest.mark.parametrize("suffix", [".xml", ".gan"])
def test_an_xml_declaring_an_unknown_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    src = tmp_path / f"odd{suffix}"
    src.write_bytes(b'<?xml version="1.0" encoding="UTFS8"?>\n<Project><Name>x</Name></Project>\n')
    err = _one_line_refusal(src, capsys, tmp_path)
    assert (
        f"odd{suffix}: the XML declares a text encoding that cannot be read (unknown encoding: UTFS8)" in err
    )


def test_an_xlsx_whose_sheet_xml_is_damaged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = (DATA / "xls" / "formats.xlsx").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData><row r=", 1)  # not well-formed from there on
            zout.writestr(name, data)
    src = tmp_path / "formats.xlsx"
    src.write_bytes(buf.getvalue())
    err = _one_line_refusal(src, capsys, tmp_path)
    assert "formats.xlsx: is damaged: its sheet cannot be read (ParseError: " in err


def test_an_xls_whose_sheet_record_is_cut(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A copy of fraud-detection.xls the fuzzer damaged (a record shorter than its type): xlrd's struct.error came
    out of the on-demand sheet read as an internal error."""
    err = _one_line_refusal(DATA / "fuzz" / "xls-damaged-sheet-record.xls", capsys, tmp_path)
    assert "xls-damaged-sheet-record.xls: is damaged: its sheet cannot be read (error: unpack requires" in err


def test_xlrd_warnings_stay_out_of_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook whose size is not whole 512-byte sectors (some writers pad less): xlrd wrote 'WARNING *** file
    size (...) not 512 + multiple of sector size' to stdout, into the command's output. It imports as before."""
    src = tmp_path / "fraud.xls"
    src.write_bytes((DATA / "xls" / "fraud-detection.xls").read_bytes() + b"\0" * 100)
    out = tmp_path / "fraud.plan.json"
    assert main(["import", str(src), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "WARNING" not in captured.out + captured.err
    assert "sector size" not in captured.out + captured.err
    assert out.exists()


@pytest.mark.parametrize("name", ["formats.xlsx", "fraud-detection.xls"])
def test_out_of_memory_while_reading_a_sheet_is_not_called_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The catch-all around a sheet's reading turns the libraries' errors on damaged files into one refusal; it
    must not call a file damaged when the machine ran out of memory (the command line's own message says that)."""
    import planner.io.xlsx as xlsx

    def exhausted(*_args: object, **_kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(xlsx, "_value", exhausted)  # both readers turn each cell into a value through it
    out = tmp_path / "out.plan.json"
    assert main(["import", str(DATA / "xls" / name), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "out of memory" in err and "damaged" not in err
    assert not out.exists()
