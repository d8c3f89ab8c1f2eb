"""The status bar never makes the window wider than an 800 px screen (session 28, screens).

At a 150 % font (13.5 pt) on 800x600, showing a scenario put the baseline chooser ("vs Base plan") and the slip in
the status bar, and its least width (the finish, a 127 px estimate chooser, the baseline chooser at its whole text)
made the main window 815 px wide: its right edge, the inspector's, off the screen. The two choosers give way
(their lists keep the names whole) before the window grows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import app_font, opened_sample


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def test_a_scenario_shown_in_large_type_keeps_the_window_on_an_800_px_screen(
    qtbot: Any, isolated_settings: Any
) -> None:
    with app_font(13.5), opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (800, 600)) as w:
        assert w.save_baseline("Baseline with a rather long name for the steering committee")
        w.scenario_bar.switch(w.doc.scenarios.names()[1])
        _settle()
        bar: Any = w.statusBar()  # the PlanStatusBar
        assert bar.baseline_combo.isVisible() and bar.slip.isVisible()
        assert w.minimumSizeHint().width() <= 800, w.minimumSizeHint()
        assert bar.minimumSizeHint().width() <= 800, bar.minimumSizeHint()
        qtbot.waitUntil(lambda: w.width() <= 800)
        # the status bar's parts inside it, none over another
        parts = [
            bar.finish,
            bar.gated,
            bar.critical,
            bar.baseline_combo,
            bar.slip,
            bar.problems,
            bar.estimate,
        ]
        rects = [p.geometry() for p in parts]
        inside = QRect(0, 0, bar.width(), bar.height())
        for i, r in enumerate(rects):
            assert inside.contains(r), (parts[i], r, inside)
            for other in rects[i + 1 :]:
                assert not r.intersects(other)
