"""Hostile files for `planner import` (H-hostile): outlines nested deeper than Python recurses, sheets that claim
a million rows by a million columns, tables with more rows than a plan takes. Each is one clear line and exit 2,
found before the work (or the memory) runs away -- never an internal error, never the process killed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import planner.model.limits as limits
from planner.cli import main
from planner.io import InteropError, import_file

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx(sheet: str) -> bytes:
    """A minimal workbook whose only sheet, "Decisions", is ``sheet`` (its <worksheet> XML)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0"?><workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
            '<sheet name="Decisions" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return buf.getvalue()


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_a_sheet_claiming_every_cell_of_excel_reads_only_its_own_cells(tmp_path: Path) -> None:
    """<dimension ref="A1:XFD1048576"/> and one far cell: openpyxl padded every row to 16,384 columns over
    1,048,576 rows (17 billion cells): out of memory."""
    sheet = (
        f'<?xml version="1.0"?><worksheet xmlns="{NS}"><dimension ref="A1:XFD1048576"/><sheetData>'
        f'<row r="1">{cell("A1", "id")}{cell("B1", "title")}</row>'
        f'<row r="2">{cell("A2", "a")}{cell("B2", "Decide A")}</row>'
        f'<row r="1048576">{cell("XFD1048576", "stray")}</row>'
        "</sheetData></worksheet>"
    )
    path = tmp_path / "claims.xlsx"
    path.write_bytes(xlsx(sheet))
    plan, _report = import_file(path)
    assert [(d.id, d.title) for d in plan.decisions] == [("a", "Decide A")]


def test_a_sheet_with_more_rows_than_a_plan_takes_is_refused_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import planner.io.xlsx as xlsx_mod

    monkeypatch.setattr(xlsx_mod, "MAX_DECISIONS", 5)
    rows = "".join(f'<row r="{n}">{cell(f"A{n}", f"t{n}")}</row>' for n in range(2, 40))
    sheet = (
        f'<?xml version="1.0"?><worksheet xmlns="{NS}"><sheetData><row r="1">{cell("A1", "id")}</row>{rows}'
    )
    path = tmp_path / "many.xlsx"
    path.write_bytes(xlsx(sheet + "</sheetData></worksheet>"))
    with pytest.raises(InteropError) as exc:
        import_file(path)
    # 5 decisions + the 10 top rows the header may be among: refused at the 16th filled row, line 16
    assert str(exc.value) == (
        f"{path}: line 16: more rows than the 5 decisions a plan may have; split the project and import it in parts"
    )


def test_a_csv_with_more_rows_than_a_plan_takes_is_refused_before_any_decision_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(limits, "MAX_DECISIONS", 3)
    path = tmp_path / "rows.csv"
    path.write_text("id,title\n" + "".join(f"t{k},T{k}\n,\n" for k in range(5)), encoding="utf-8")
    out = tmp_path / "rows.plan.json"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"planner: {path}: line 8: more rows than the 3 decisions a plan may have; split the project and import "
        "it in parts\n"
    )
    assert not out.exists()
    path.write_text("id,title\n" + "".join(f"t{k},T{k}\n,\n" for k in range(3)), encoding="utf-8")
    assert main(["import", str(path), "-o", str(out)]) == 0  # empty rows do not count
    capsys.readouterr()


def _gan(depth: int) -> str:
    opening = "".join(f'<task id="{k}" name="T{k}" start="2027-01-04" duration="1">' for k in range(depth))
    return f'<?xml version="1.0"?><project name="deep" version="2.8"><tasks>{opening}{"</task>" * depth}</tasks></project>'


def test_gan_tasks_nested_deeper_than_python_recurses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """20,000 nested <task> elements were an internal RecursionError; now the outline's depth is refused in words."""
    path = tmp_path / "deep.gan"
    path.write_text(_gan(20_000), encoding="utf-8")
    assert main(["import", str(path), "-o", str(tmp_path / "deep.plan.json")]) == 2
    assert capsys.readouterr().err == (
        f"planner: {path}: task 'T1000' sits 1,001 summary levels deep, more than the 1,000 an import takes; "
        "flatten the outline in the authoring tool and export again\n"
    )


def test_gan_walk_is_document_order_without_recursion() -> None:
    import xml.etree.ElementTree as ET

    from planner.io.gan import _walk

    root = ET.fromstring(_gan(5_000).encode())
    tasks = root.find("tasks")
    assert tasks is not None
    walked = [(t.get("id"), d) for t, d in _walk(tasks, 1)]
    assert walked == [(str(k), k + 1) for k in range(5_000)]
    tree = ET.fromstring(
        '<tasks><task id="a"><task id="b"><task id="c"/></task><task id="d"/></task><task id="e"/></tasks>'
    )
    assert [(t.get("id"), d) for t, d in _walk(tree, 1)] == [("a", 1), ("b", 2), ("c", 3), ("d", 2), ("e", 1)]


def _mspdi(tasks: list[tuple[int, int]]) -> str:
    """MS Project XML with tasks of (uid, outline level)."""
    body = "".join(
        f"<Task><UID>{u}</UID><ID>{u}</ID><Name>T{u}</Name><Duration>PT8H0M0S</Duration>"
        f"<OutlineLevel>{level}</OutlineLevel></Task>"
        for u, level in tasks
    )
    return (
        '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>x</Name>'
        f"<Tasks>{body}</Tasks></Project>"
    )


def test_mspdi_outline_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.io as io_mod

    monkeypatch.setattr(io_mod, "MAX_NESTING", 3)
    path = tmp_path / "deep.xml"
    path.write_text(_mspdi([(1, 1), (2, 2), (3, 3), (4, 4), (5, 1)]), encoding="utf-8")
    with pytest.raises(
        InteropError, match="task 'T4' sits 4 summary levels deep, more than the 3 an import takes"
    ):
        import_file(path)
    path.write_text(_mspdi([(1, 1), (2, 2), (3, 3), (4, 1)]), encoding="utf-8")
    plan, _ = import_file(path)
    assert [d.title for d in plan.decisions if "import-helper" not in d.tags] == ["T3", "T4"]

    monkeypatch.setattr(limits, "MAX_DECISIONS", 2)  # leaves, not summaries, become decisions
    path.write_text(_mspdi([(1, 1), (2, 2), (3, 2), (4, 1)]), encoding="utf-8")
    with pytest.raises(InteropError, match="more than the 2 tasks a plan may have as decisions"):
        import_file(path)
    path.write_text(_mspdi([(1, 1), (2, 2), (3, 2)]), encoding="utf-8")
    assert len(import_file(path)[0].decisions) == 2


def test_a_workbook_part_with_a_dtd_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """openpyxl (through defusedxml) refuses a sheet that declares entities, with a message of three lines."""
    sheet = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f'<worksheet xmlns="{NS}"><sheetData><row r="1">{cell("A1", "&e;")}</row></sheetData></worksheet>'
    )
    path = tmp_path / "xxe.xlsx"
    path.write_bytes(xlsx(sheet))
    assert main(["import", str(path), "-o", str(tmp_path / "xxe.plan.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"planner: {path}: cannot be read as a workbook (") and err.count("\n") == 1, err
    assert "root:" not in err
    assert not (tmp_path / "xxe.plan.json").exists()


def test_an_import_from_a_fifo_or_a_device_is_refused_not_waited_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`planner import` of a FIFO waited for a writer for good; of /dev/zero (or a link to it), read until memory
    ran out."""
    import os

    targets = []
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.csv")
        targets.append((tmp_path / "pipe.csv", "is a pipe (FIFO), not a file"))
    if os.path.exists("/dev/zero") and hasattr(os, "symlink"):
        (tmp_path / "zero.xml").symlink_to("/dev/zero")
        targets.append((tmp_path / "zero.xml", "is a device, not a file"))
    if not targets:
        pytest.skip("no FIFOs or /dev/zero on this system")
    for path, words in targets:
        assert main(["import", str(path), "-o", str(tmp_path / "out.plan.json")]) == 2
        err = capsys.readouterr().err
        assert err == (
            f"planner: {path}: {words}; only regular files are imported; save the project to a file first\n"
        )
    assert not (tmp_path / "out.plan.json").exists()


def test_read_limited_reads_no_more_than_its_limit(tmp_path: Path) -> None:
    from planner.io.common import read_limited

    path = tmp_path / "ten.csv"
    path.write_bytes(b"0123456789")
    assert read_limited(path, 10) == b"0123456789"
    with pytest.raises(InteropError, match="more than the 0 MB an import may be"):
        read_limited(path, 9)
    with pytest.raises(InteropError, match="is a folder, not a file"):
        read_limited(tmp_path)
    with pytest.raises(InteropError, match="no such file"):
        read_limited(tmp_path / "missing.csv")


@pytest.mark.parametrize("suffix", [".xml", ".gan", ".csv"])
def test_control_characters_in_titles_export_to_files_that_import_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """A NUL, BEL or ESC in a decision's title made the exported .xml/.gan malformed XML (for MS Project,
    GanttProject and this program's own import alike) and the .csv binary ('holds NUL bytes')."""
    import json

    plan = {
        "schema_version": 1,
        "title": "Control\x07characters",
        "start_date": "2027-01-04",
        "stages": [{"id": "s", "name": "S"}],
        "decisions": [
            {
                "id": "a",
                "title": "a\x00b\x07c\x1b[31m red\x0c",
                "stage": "s",
                "duration": 2,
                "notes": "\x00\x01",
            },
            {"id": "b", "title": "plain", "stage": "s", "duration": 1},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
    }
    source = tmp_path / "ctrl.plan.json"
    source.write_text(json.dumps(plan), encoding="utf-8")
    exported = tmp_path / f"ctrl{suffix}"
    assert main(["export", str(source), "-o", str(exported)]) == 0
    assert main(["import", str(exported), "-o", str(tmp_path / "back.plan.json")]) == 0
    capsys.readouterr()
    back = json.loads((tmp_path / "back.plan.json").read_text(encoding="utf-8"))
    titles = sorted(d["title"] for d in back["decisions"] if "import-helper" not in d.get("tags", []))
    if suffix == ".csv":  # CSV carries control characters but a NUL (and the import strips the form feed)
        assert titles == ["a\ufffdb\x07c\x1b[31m red", "plain"]
    else:
        assert titles == ["a\ufffdb\ufffdc\ufffd[31m red\ufffd", "plain"]
