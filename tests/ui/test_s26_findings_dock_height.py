"""The Findings dock on a laptop (1280x720, a first start without a saved layout) took 120 px, a sixth of the window,
under the views a consultant presents; two findings and its header fit in less. It keeps at least two rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.s18_screens_support import opened_sample


def test_the_findings_dock_is_compact_on_a_laptop(qtbot: Any, sample_path: Path) -> None:
    with opened_sample(qtbot, sample_path, (1280, 720)) as w:
        assert w.dockWidgetArea(w.findings_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
        assert 60 <= w.findings_dock.height() <= 90, w.findings_dock.height()
        assert w.views.height() >= 500, w.views.height()


def test_a_big_screen_keeps_a_taller_list(qtbot: Any, sample_path: Path) -> None:
    with opened_sample(qtbot, sample_path, (1920, 1080)) as w:
        assert 110 <= w.findings_dock.height() <= 160, w.findings_dock.height()
