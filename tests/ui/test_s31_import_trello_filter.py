"""File > Import offers Trello boards (session 31): the board's JSON export imports (planner/io/trello.py), but the
Import dialog's file filters listed no .json, so a user choosing File > Import saw no board to pick unless they
switched to 'All files'. A filter names it, and the file chosen there goes to the import step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from planner.ui.dialogs import interop
from planner.ui.dialogs.interop import IMPORT_FILTER

BOARD = Path(__file__).resolve().parents[1] / "io" / "data" / "s31" / "trello-board.json"


def test_the_import_filters_name_a_trello_board() -> None:
    filters = IMPORT_FILTER.split(";;")
    trello = [f for f in filters if f.startswith("Trello")]
    assert trello == ["Trello board, JSON export (*.json)"]
    assert filters.index(trello[0]) < filters.index("All files (*)")


def test_a_board_chosen_in_file_import_reaches_the_import_step(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def chosen(*args: Any) -> tuple[str, str]:
        seen.append(args[3])
        return str(BOARD), "Trello board, JSON export (*.json)"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)
    interop.ask_import(window)
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=10000)
    assert seen == [IMPORT_FILTER]
    window.import_dialog.reject()
    qtbot.waitUntil(lambda: window.import_dialog is None)
