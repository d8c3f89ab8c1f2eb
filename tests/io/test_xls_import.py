"""Import of Excel 97-2003 workbooks (.xls, planner/io/xls.py). The fixtures in data/xls were saved by LibreOffice
Calc from the .xlsx beside each (data/xls/make_xls_files.py): the import of both must give the same plan and the
same report, and the hand-made one the figures worked out below."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import UNREADABLE_SUFFIXES, InteropError, import_file, import_format

XLS = Path(__file__).parent / "data" / "xls"
PAIRS = ["formats", "fraud-detection", "smartsheet-project"]


def _without_title(plan_json: str) -> str:
    return "\n".join(line for line in plan_json.splitlines() if not line.startswith('  "title"'))


@pytest.mark.parametrize("name", PAIRS)
def test_an_xls_saved_from_an_xlsx_imports_to_the_same_plan_and_report(name: str) -> None:
    old, old_report = import_file(XLS / f"{name}.xls")
    new, new_report = import_file(XLS / f"{name}.xlsx")
    assert _without_title(old.model_dump_json(indent=2, by_alias=True)) == _without_title(
        new.model_dump_json(indent=2, by_alias=True)
    )
    assert old_report.format == "Excel 97-2003 workbook"
    assert old_report.lines()[1:] == new_report.lines()[1:]
    assert len(old.decisions) > 0


def test_the_hand_made_sheet_keeps_what_each_cells_format_says() -> None:
    """formats.xls: durations formatted 0" days" (10, 15, 20, 0 days: 2, 3, 4 weeks and a milestone), % Complete
    formatted 0% (100 % done, 40 % in progress), date cells, names indented under two summaries, a title row.
    The pilot (3 weeks from 18 Jan 2027, week 2) is 40 % done: its remaining 1.8 weeks run from week 3.2 to 5; the
    inference service follows for 4 weeks, to week 9 (8 Mar 2027), and the go-live milestone sits there."""
    plan, report = import_file(XLS / "formats.xls")
    by_title = {d.title: d for d in plan.decisions}
    assert sorted(by_title) == [
        "Go-live decision",
        "Inference service",
        "Pilot with two branches",
        "Value case",
    ]
    assert [by_title[t].duration for t in ("Value case", "Pilot with two branches", "Inference service")] == [
        2.0,
        3.0,
        4.0,
    ]
    assert by_title["Go-live decision"].milestone
    assert str(by_title["Value case"].status) == "done" and by_title["Pilot with two branches"].progress == 40
    # the summary row above each names a stage: the row goes there (it was only a tag, and the row sat in Validate
    # whatever its summary said, until session 20)
    assert by_title["Value case"].stage == "validate"
    assert by_title["Inference service"].stage == "integrate"
    assert str(plan.start_date) == "2027-01-04"
    assert any("1 row above the header row (line 2) was skipped" in line for line in report.lines())
    schedule = analyze(plan).schedule
    assert schedule is not None and schedule.finish == pytest.approx(9.0)
    pilot = plan.decisions.index(by_title["Pilot with two branches"])
    assert schedule.es[pilot] == pytest.approx(3.2) and schedule.ef[pilot] == pytest.approx(5.0)


def test_xls_is_an_import_format_in_the_cli_and_the_app() -> None:
    from planner.ui.dialogs.interop import IMPORT_FILTER, is_import_path

    assert ".xls" not in UNREADABLE_SUFFIXES
    assert import_format("Old Tracker.XLS") == "xls"
    assert is_import_path("/plans/old tracker.xls") and "*.xls" in IMPORT_FILTER


def test_an_xlsx_saved_under_the_name_xls_is_read_as_the_workbook_it_is(tmp_path: Path) -> None:
    path = tmp_path / "renamed.xls"
    path.write_bytes((XLS / "formats.xlsx").read_bytes())
    plan, report = import_file(path)
    direct, _ = import_file(XLS / "formats.xlsx")
    assert [(d.title, d.duration) for d in plan.decisions] == [
        (d.title, d.duration) for d in direct.decisions
    ]
    assert any("an Excel workbook (.xlsx) saved under the name .xls" in line for line in report.lines())


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"<html><body><table><tr><td>Summary</td></tr></table></body></html>", "a web page or XML table"),
        (
            b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
            "XML table",
        ),
        (b"Task Name,Duration\nDesign,5d\n", "not an Excel 97-2003 workbook"),
        (b"", "is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cannot be read as an Excel 97-2003 workbook"),
    ],
)
def test_a_file_that_is_not_an_xls_says_what_it_is_and_what_to_do(
    tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes(content)
    with pytest.raises(InteropError) as err:
        import_file(path)
    text = str(err.value)
    assert text.startswith(f"{path}: ") and says in text and "; " in text  # a hint follows


def test_cli_refuses_an_html_xls_with_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    path, out = tmp_path / "jira.xls", tmp_path / "out.plan.json"
    path.write_bytes(b"\xef\xbb\xbf<html><table><tr><td>Summary</td></tr></table></html>")
    done = subprocess.run(
        [sys.executable, "-m", "planner", "import", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "export CSV from the tool instead" in done.stderr
    assert not out.exists()


def test_cli_imports_an_xls(tmp_path: Path) -> None:
    out = tmp_path / "roadmap.plan.json"
    done = subprocess.run(
        [sys.executable, "-m", "planner", "import", str(XLS / "fraud-detection.xls"), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (
        "Imported 41 decisions, 3 milestones, 63 dependencies from fraud-detection.xls (Excel 97-2003 workbook)"
        in (done.stderr)
    )
    assert out.is_file()


def test_a_password_protected_workbook_says_so_and_what_to_do(tmp_path: Path) -> None:
    """protected.xls: formats.xlsx saved by LibreOffice as Excel 97-2003 with a password (make_protected_xls.py)."""
    with pytest.raises(InteropError) as err:
        import_file(XLS / "protected.xls")
    text = str(err.value)
    assert "is password-protected, so its cells cannot be read" in text and "remove the password" in text
