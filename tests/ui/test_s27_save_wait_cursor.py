"""Saving shows the wait cursor while the file is written and always takes it away (session 27): a 50,000-decision
plan takes about two seconds to write, and the window froze with an arrow, as if it had hung (H-save27)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

import planner.ui.main_window as mw


def _shape() -> Qt.CursorShape | None:
    cursor = QGuiApplication.overrideCursor()
    return None if cursor is None else cursor.shape()


@pytest.mark.parametrize("fails", [False, True])
def test_save_waits_with_the_wait_cursor(
    sample_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: bool
) -> None:
    seen: list[Qt.CursorShape | None] = []
    real = mw.write_text_atomic

    def write(path: Any, text: str) -> None:
        seen.append(_shape())
        if fails:
            raise OSError(28, "No space left on device")
        real(path, text)

    monkeypatch.setattr(mw, "write_text_atomic", write)
    assert sample_window.save_to(str(tmp_path / "p.plan.json")) is not fails
    assert seen == [Qt.CursorShape.WaitCursor]
    assert _shape() is None
