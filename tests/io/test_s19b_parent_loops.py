"""Table imports whose parent column (ClickUp's "Parent ID", Asana's "Parent task") makes a loop: rows naming each
other, or a row itself, as their parent. They were all read as parent tasks (structure) and silently vanished, with
their work; now they are put at the top level and one report line names them, as the XER import does for a loop of
WBS elements. Hand-written CSV and .xlsx files."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from planner.io import import_file
from planner.io.table import _parent_loops

TWO_LOOP: list[list[object]] = [
    ["ID", "Title", "Parent ID", "Duration"],
    ["a", "Alpha", "b", 2],
    ["b", "Beta", "a", 3],
    ["c", "Gamma", "a", 1],
    ["d", "Delta", "", 1],
]
"""Lines 2 and 3 name each other; Gamma (line 4) is under Alpha, outside the loop; Delta is on its own."""

TWO_LOOP_LINE = (
    "2 rows (line 2 'Alpha', line 3 'Beta') name each other as their parent (column 'Parent ID') and form a loop "
    "of parents; they are put at the top level: correct the parent column to nest them"
)


def _write(path: Path, rows: list[list[object]]) -> Path:
    if path.suffix == ".xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        for r in rows:
            ws.append(r)
        wb.save(path)
    else:
        path.write_text("\n".join(",".join(str(c) for c in r) for r in rows) + "\n", encoding="utf-8")
    return path


def _formats(report: object) -> list[str]:
    return [i.message for i in report.items if i.kind == "format"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_two_rows_naming_each_other_are_put_at_the_top_level_and_reported(
    tmp_path: Path, suffix: str
) -> None:
    plan, report = import_file(_write(tmp_path / f"loop{suffix}", TWO_LOOP))
    # Alpha stays a parent task (Gamma names it), a tag of Gamma; Beta, no one's parent once the loop is broken,
    # is a decision with its 3 weeks (before: Alpha and Beta both vanished, and only Gamma and Delta were left)
    assert [(d.id, d.tags, d.weeks()) for d in plan.decisions] == [
        ("b", [], 3.0),
        ("c", ["Alpha"], 1.0),
        ("d", [], 1.0),
    ]
    formats = _formats(report)
    assert formats.count(TWO_LOOP_LINE) == 1
    assert sum("loop of parents" in m for m in formats) == 1


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_loop_of_three_by_title_and_a_row_below_it(tmp_path: Path, suffix: str) -> None:
    rows: list[list[object]] = [
        ["Title", "Parent task", "Duration"],
        ["Alpha", "Gamma", 2],
        ["Beta", "Alpha", 3],
        ["Gamma", "beta", 1],  # a title names its parent whatever the case
        ["Delta", "Gamma", 4],
    ]
    plan, report = import_file(_write(tmp_path / f"loop3{suffix}", rows))
    assert [(d.title, d.tags, d.weeks()) for d in plan.decisions] == [
        ("Alpha", [], 2.0),
        ("Beta", [], 3.0),
        ("Delta", ["Gamma"], 4.0),
    ]
    assert [m for m in _formats(report) if "loop" in m] == [
        "3 rows (line 2 'Alpha', line 3 'Beta', line 4 'Gamma') name each other as their parent (column "
        "'Parent task') and form a loop of parents; they are put at the top level: correct the parent column to "
        "nest them"
    ]


def test_a_row_its_own_parent_a_repeated_outline_number(tmp_path: Path) -> None:
    """Ids that are outline numbers, and a parent column that repeats the row's own number: a loop of one row."""
    rows: list[list[object]] = [
        ["ID", "Title", "Parent ID", "Duration"],
        ["1", "Design", "", 2],
        ["1.1", "Sketch", "1", 1],
        ["1.2", "Review", "1.2", 3],
    ]
    plan, report = import_file(_write(tmp_path / "self.csv", rows))
    assert [(d.title, d.tags, d.weeks()) for d in plan.decisions] == [
        ("Sketch", ["Design"], 1.0),
        ("Review", [], 3.0),
    ]
    assert [m for m in _formats(report) if "loop" in m] == [
        "1 row (line 4 'Review') names itself as its parent (column 'Parent ID') and forms a loop of parents; it is "
        "put at the top level: correct the parent column to nest it"
    ]


def test_parents_without_a_loop_are_not_reported(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["ID", "Title", "Parent ID", "Duration"],
        ["a", "Alpha", "", 2],
        ["b", "Beta", "a", 3],
        ["c", "Gamma", "b", 1],
    ]
    plan, report = import_file(_write(tmp_path / "tree.csv", rows))
    assert [(d.title, d.tags) for d in plan.decisions] == [("Gamma", ["Alpha", "Beta"])]
    assert not [m for m in _formats(report) if "loop" in m]


def test_the_loop_finder_keeps_only_the_rows_on_a_loop() -> None:
    assert _parent_loops({2: 3, 3: 2, 4: 2, 5: None, 6: 6}) == [2, 3, 6]
    assert _parent_loops({2: 3, 3: 4, 4: 5, 5: 3}) == [3, 4, 5]  # 2 leads into the loop, is not on it
    assert _parent_loops({2: None, 3: 2, 4: 3}) == []
    chain: dict[int, int | None] = {k: k + 1 for k in range(2, 100_002)}
    chain[100_002] = 2  # one loop through 100,001 rows: no recursion limit
    assert len(_parent_loops(chain)) == 100_001
