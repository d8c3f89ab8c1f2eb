"""Presenting, the decisions table shown (Ctrl+1) walks its rows with ↑ / ↓ (session 32, workshop).

In presentation mode ↑ and ↓ scroll a long step's panel. With the table shown (Ctrl+1: the room looks at the
decisions) they still went to the hidden panel: the presenter could not move through the rows without the mouse. A
table or list with the keyboard focus now keeps ↑ / ↓ for its rows; ← / → (and PgUp / PgDn) still step the deck."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.s18_screens_support import presenting_graph, settle


def test_up_and_down_walk_the_tables_rows_while_presenting(presenting: Any, qtbot: Any) -> None:
    w = presenting
    with presenting_graph(w) as p:
        w.focus_view(w.table_view)  # Ctrl+1
        settle()
        table = w.table_view.table
        assert QApplication.focusWidget() is table
        at = p.position
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Down)
        first = w.doc.selection
        assert len(first) == 1  # a row picked
        qtbot.keyClick(table, Qt.Key.Key_Down)
        assert len(w.doc.selection) == 1 and w.doc.selection != first  # the next row
        qtbot.keyClick(table, Qt.Key.Key_Up)
        assert w.doc.selection == first
        assert p.position == at and w.views.currentWidget() is w.table_view  # the deck did not move
        qtbot.keyClick(table, Qt.Key.Key_Right)  # → still steps the deck
        assert p.position == at + 1


def test_help_says_the_arrows_walk_a_tables_rows_while_presenting() -> None:
    from planner.ui.dialogs.basic import SHORTCUTS

    presenting = dict(next(items for group, items in SHORTCUTS if group == "Presenting"))
    assert "table" in presenting["↑ / ↓"]
