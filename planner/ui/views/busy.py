"""The wait cursor while the app works on the GUI thread (reading or writing a big plan, an analysis asked for at
once, an import): the window does not repaint meanwhile, so it says it is busy instead of looking hung."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """The wait cursor while the block runs; the cursor before it again after, whatever the block raised."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
