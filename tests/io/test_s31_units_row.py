"""A row of units under the header (H-interop31), as engineering and PMO sheets give them: '[d]' under Duration,
'(h)' under Effort, '€' under Cost, '%' under % Complete. File: tests/io/data/s31/units-row-under-header.csv.

Before: the units row was read as a task without a title and the import stopped ('line 2: the row has no title');
had it passed, the durations would have been weeks (5 weeks for 5 days) and the costs of no currency."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import import_file

DATA = Path(__file__).parent / "data" / "s31"


def test_s31_units_row_under_the_header() -> None:
    """By hand: Scope 5 days (1 week), done; Build 10 days (2 weeks), half done; Ship 0 days: a milestone; costs
    1,200 and 2,500 euros. 'Effort' is no plan field (said)."""
    plan, report = import_file(DATA / "units-row-under-header.csv")
    text = report.text(limit=None)
    scope, build, ship = plan.decisions
    assert [d.weeks() for d in plan.decisions] == pytest.approx([1, 2, 0])
    assert ship.milestone
    assert (scope.cost, build.cost) == (1200, 2500)
    assert plan.currency == "EUR"
    assert (scope.progress, build.progress) == (100, 50)
    assert (
        "line 2 under the header gives the columns' units ('[d]', '(h)', '€', '%'): read with them "
        "('Duration (d)', 'Cost' in EUR)" in text
    )
    assert "column 'Effort' is not a plan field; ignored" in text


def test_s31_a_row_with_a_title_under_the_header_is_a_task(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Task,Duration\nd,5\nBuild,2\n", encoding="utf-8")  # a task named 'd' (a unit's word)
    plan, report = import_file(path)
    assert [d.title for d in plan.decisions] == ["d", "Build"]
    assert "units" not in report.text(limit=None)
