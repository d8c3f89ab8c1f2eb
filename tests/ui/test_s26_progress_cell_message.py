"""Typing a word into the table's Progress cell said "'abc' is not a percentage: type a number such as 3 or 2.5",
an example for weeks; it gives the percentage's range and examples, and quotes what was typed by the one rule."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def _refusal(window: Any, column_key: str, typed: str) -> str:
    from planner.ui.views.models import COLUMNS

    model = window.table_view.table.model()
    source = getattr(model, "sourceModel", lambda: model)()
    col = next(k for k, c in enumerate(COLUMNS) if c.key == column_key)
    said: list[str] = []
    source.edit_refused.connect(said.append)
    assert source.setData(source.index(0, col), typed, Qt.ItemDataRole.EditRole) is False
    return said[-1]


def test_progress_cell_refusal_reads_as_a_percentage(sample_window: Any) -> None:
    said = _refusal(sample_window, "progress", "abc")
    assert said == "'abc' is not a percentage: type a number from 0 to 100, such as 40 or 12.5"


def test_a_weeks_cell_keeps_its_example_and_quotes_a_line_break(sample_window: Any) -> None:
    said = _refusal(sample_window, "likely", "few\nweeks")
    assert said == "'few\\x0aweeks' is not a number of weeks: type a number such as 3 or 2.5"
