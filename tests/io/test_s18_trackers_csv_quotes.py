"""A CSV with a quote that opens a cell and never closes: the csv reader took every later line into that one cell
without a word (rows B, C and D became one decision titled 'B oops,3,A\\nC,1,B\\nD,1,C'). Now the import is refused,
naming the line where the quote opened (exit 2 on the command line, nothing written); quoted cells that do close,
over several lines, still import."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.io import InteropError, import_file


def _write(tmp_path: Path, text: str, name: str = "tracker.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_an_unclosed_quote_is_refused_naming_the_line_it_opened_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path, 'title,duration,depends_on\nA,2,\n"B oops,3,A\nC,1,B\nD,1,C\n')
    out = tmp_path / "out.plan.json"
    assert main(["import", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{src}:3: a quote" in err  # line 3 holds '"B oops'
    assert "to line 5" in err and "never closed" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_the_quote_is_found_after_quoted_cells_that_close_over_several_lines(tmp_path: Path) -> None:
    # line 2-3: a note over two lines, closed; line 4: a quote opened and never closed
    src = _write(tmp_path, 'title,notes\nA,"multi\nline"\nB,"x\nC,y\n')
    with pytest.raises(InteropError) as exc:
        import_file(src)
    assert exc.value.line == 4


def test_an_unclosed_quote_on_the_last_line_and_with_a_sep_line(tmp_path: Path) -> None:
    with pytest.raises(InteropError) as exc:
        import_file(_write(tmp_path, 'title,notes\r\nA,x\r\n"B,y', "last.csv"))
    assert exc.value.line == 3 and "the rest of the line" in exc.value.problem
    with pytest.raises(InteropError) as exc:  # Excel's "sep=;" line counts as line 1
        import_file(_write(tmp_path, 'sep=;\ntitle;notes\nA;x\n"B;y\nC;z\n', "sep.csv"))
    assert exc.value.line == 4


def test_closed_quotes_doubled_quotes_and_quotes_inside_a_cell_still_import(tmp_path: Path) -> None:
    src = _write(tmp_path, 'title,notes\nA,"multi\nline, with ""quotes"""\nB,he said "hi\nC,"last"\n')
    plan, _ = import_file(src)
    assert [d.title for d in plan.decisions] == ["A", "B", "C"]
    assert plan.decisions[0].notes == 'multi\nline, with "quotes"'
    assert plan.decisions[1].notes == 'he said "hi'  # a quote inside a cell is text, as the reader reads it


def test_a_row_with_more_cells_than_the_header_is_reported_with_its_line(tmp_path: Path) -> None:
    """'Design, build' not quoted: the row's cells moved one column on ('build' became the owner, the note was
    dropped) without a word. The import goes on (the row may be right but for a trailing cell) and says so."""
    plan, report = import_file(_write(tmp_path, "title,owner,notes\nDesign, build,Ana,first\nTest,Ben,ok\n"))
    assert [d.title for d in plan.decisions] == ["Design", "Test"]
    items = [x for x in report.items if "more cells" in x.message or "cells, the header" in x.message]
    assert [(x.where, x.message.split(":")[0]) for x in items] == [
        ("line 2", "the row has 4 cells, the header 3 columns")
    ]
    clean, report = import_file(
        _write(tmp_path, "title,owner\nA,Ana,,\n", "trailing.csv")
    )  # empty cells: fine
    assert not [x for x in report.items if "cells, the header" in x.message]
