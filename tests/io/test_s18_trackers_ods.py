"""LibreOffice Calc's .ods import: it was refused ('save it as .xlsx or CSV'). The fixtures are written by
LibreOffice 7.4 itself (soffice --convert-to ods of the .xlsx files beside them; tests/io/data/README.md), so the
.ods import must give the very plan the .xlsx import gives: dates, percentages, numbers, grouped rows."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from planner.cli import main
from planner.io import IMPORT_SUFFIXES, UNREADABLE_SUFFIXES, InteropError, import_file
from planner.model.io import load_plan

DATA = Path(__file__).parent / "data" / "trackers"
ROOT = Path(__file__).parents[2]


def test_a_smartsheet_sheet_saved_by_libreoffice_imports_as_its_xlsx() -> None:
    ods, report = import_file(DATA / "smartsheet-project.ods")
    xlsx, _ = import_file(DATA / "smartsheet-project.xlsx")
    assert ods.model_dump(exclude={"title"}) == xlsx.model_dump(exclude={"title"})
    # the figures of the xlsx test: grouped rows as phases, 5 decisions, Go-live at week 6
    assert [d.tags for d in ods.decisions] == [["Phase 1 - Select"]] * 3 + [["Phase 2 - Build"]] * 2
    assert [d.weeks() for d in ods.decisions] == [1.0, 2.0, 0.4, 3.0, 0.0]
    assert ods.decisions[1].progress == 50.0  # a percentage cell (0.5) is 50 %
    assert report.format == "OpenDocument spreadsheet"


def test_the_planners_own_export_through_libreoffice_round_trips() -> None:
    ods, report = import_file(DATA / "insights-assistant.ods")
    own_plan = load_plan(ROOT / "sample_plans" / "insights-assistant.plan.json")  # the plan exported to .xlsx
    assert len(ods.decisions) == 24
    own = {d.id: d for d in own_plan.decisions}
    for d in ods.decisions:
        assert (d.title, d.duration, d.stage, d.status) == (own[d.id].title, own[d.id].duration, own[d.id].stage,
                                                           own[d.id].status)  # fmt: skip
    assert {(x.from_, x.to) for x in ods.dependencies} == {(x.from_, x.to) for x in own_plan.dependencies}
    assert ods.start_date == own_plan.start_date


def _ods(content: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
    return buf.getvalue()


DOC = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
    '<table:table table:name="Plan">{rows}</table:table></office:spreadsheet></office:body></office:document-content>'
)


def _cell(text: str, repeat: int = 1) -> str:
    return f'<table:table-cell table:number-columns-repeated="{repeat}" office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def test_repeated_rows_and_columns_and_text_runs(tmp_path: Path) -> None:
    rows = (
        f"<table:table-row>{_cell('title')}{_cell('likely')}{_cell('notes')}</table:table-row>"
        # a row repeated twice: two decisions (ids made from the title: a, a-2)
        '<table:table-row table:number-rows-repeated="2">'
        f'{_cell("A")}<table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>two<text:s text:c="3"/>spaces</text:p>'
        "<text:p>second line</text:p></table:table-cell></table:table-row>"
        # a million empty rows at the foot, as Calc writes them
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/>'
        "</table:table-row>"
    )
    src = tmp_path / "plan.ods"
    src.write_bytes(_ods(DOC.format(rows=rows)))
    plan, _ = import_file(src)
    assert [(d.id, d.weeks()) for d in plan.decisions] == [("a", 2.0), ("a-2", 2.0)]
    assert plan.decisions[0].notes == "two   spaces\nsecond line"


def test_damaged_ods_files_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = {
        "text.ods": b"title\nA\n",  # not a zip
        "nocontent.ods": _zip_without_content(),
        "bad.ods": _ods("<office:document-content"),  # broken XML
        "many.ods": _ods(
            DOC.format(
                rows=f"<table:table-row>{_cell('title')}</table:table-row>"
                f'<table:table-row table:number-rows-repeated="5000000">{_cell("A")}</table:table-row>'
            )
        ),
    }
    for name, data in cases.items():
        src = tmp_path / name
        src.write_bytes(data)
        with pytest.raises(InteropError):
            import_file(src)
        out = tmp_path / f"{name}.plan.json"
        assert main(["import", str(src), "-o", str(out)]) == 2, name
        err = capsys.readouterr().err
        assert "Traceback" not in err and not out.exists(), name
    assert ".ods" in IMPORT_SUFFIXES and ".ods" not in UNREADABLE_SUFFIXES


def _zip_without_content() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    return buf.getvalue()


def test_the_app_offers_ods_files_to_open_and_import() -> None:
    from planner.ui.dialogs.interop import IMPORT_FILTER, is_import_path
    from planner.ui.main_window import FILE_FILTER

    assert "*.ods" in IMPORT_FILTER and "*.ods" in FILE_FILTER and is_import_path("/plans/tracker.ods")
