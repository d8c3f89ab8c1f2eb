"""The status bar gives its room by importance (session 28, screens round two).

At 800 px, or at a 150 % desktop font, every figure of the status bar was cut to a stub at once ("Crit…",
"0 er…"): Qt's row took a few pixels from each alike. The finish and the findings count are now whole; the target
verdict, the slip, the critical count, the gated finish and the busy text give way in that order (elided to a few
words, or dropped with their whole text in their tooltips), without the bar's least width making the window wider
than an 800 px screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import app_font, opened_sample, settle


@pytest.mark.parametrize(("points", "size"), [(9.0, (800, 600)), (13.5, (1024, 768)), (13.5, (800, 600))])
def test_the_finish_and_the_findings_count_are_whole_on_a_small_screen(
    qtbot: Any, isolated_settings: Any, points: float, size: tuple[int, int]
) -> None:
    with app_font(points), opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", size) as w:
        assert w.save_baseline("Base")
        w.scenario_bar.switch(w.doc.scenarios.names()[1])  # the baseline chooser and the slip too
        settle()
        bar: Any = w.statusBar()
        assert bar.baseline_combo.isVisible() and bar.slip.isVisible()
        assert w.minimumSizeHint().width() <= 800, w.minimumSizeHint()
        qtbot.waitUntil(lambda: w.width() == size[0])
        settle()
        for label in (bar.finish, bar.problems):
            assert QLabel.text(label) == label.text() and "…" not in label.text(), QLabel.text(label)
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), (
                label.text(),
                label.width(),
            )
        lesser = [bar.gated, bar.critical, bar.slip]
        given = [label for label in lesser if label.is_elided()]
        assert given, "at this size something has to give way"
        for label in given:
            assert label.text() in label.toolTip().splitlines()  # whole on hover
            cut = label.fontMetrics().horizontalAdvance(label.text()[:9])
            assert label.width() == 0 or label.width() >= cut, (
                "a stub ('Crit…') says nothing: drop it instead"
            )
        # the parts side by side inside the bar, none over another
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


def test_the_order_of_giving_way(qtbot: Any, isolated_settings: Any) -> None:
    # at 800 px and a 150 % font: the slip before the critical count before the gated finish
    with app_font(13.5), opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (800, 600)) as w:
        assert w.save_baseline("Base")
        w.scenario_bar.switch(w.doc.scenarios.names()[1])
        settle()
        bar: Any = w.statusBar()
        qtbot.waitUntil(lambda: w.width() == 800)
        settle()
        order = [bar.slip, bar.critical, bar.gated]  # the first given room first
        for i, label in enumerate(order):
            if label.width() > 0:  # shown: every figure before it is whole, or dropped for a shorter one
                for before in order[:i]:
                    assert not before.is_elided() or before.width() == 0, (before.text(), label.text())
        # on a wide window every figure is whole again
        w.resize(1600, 900)
        qtbot.waitUntil(lambda: w.width() == 1600)
        settle()
        for label in (bar.finish, bar.gated, bar.critical, bar.slip, bar.problems):
            assert not label.is_elided(), label.text()


def test_the_finish_tooltip_names_the_figures_dropped(qtbot: Any, isolated_settings: Any) -> None:
    # a dropped figure has no width to hover: the finish's tooltip says it whole
    with app_font(13.5), opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (800, 600)) as w:
        assert w.save_baseline("Base")
        w.scenario_bar.switch(w.doc.scenarios.names()[1])
        settle()
        bar: Any = w.statusBar()
        qtbot.waitUntil(lambda: w.width() == 800)
        settle()
        dropped = [f for f in (bar.gated, bar.critical, bar.slip) if f.width() == 0]
        assert dropped, "at 800 px and 13.5 pt a figure is dropped"
        tip = bar.finish_tip().splitlines()
        assert tip[0] == bar.finish.toolTip()
        for label in dropped:
            assert label.text() in tip
        w.resize(1600, 900)
        qtbot.waitUntil(lambda: w.width() == 1600)
        settle()
        assert bar.finish_tip() == bar.finish.toolTip()


def test_a_figure_that_appears_is_given_room(sample_window: Any, qtbot: Any) -> None:
    # an empty figure takes no room; once it says something ("Analysing…") the row gives it room again
    w = sample_window
    w.resize(1600, 900)
    qtbot.waitUntil(lambda: w.width() == 1600)
    settle()
    bar: Any = w.statusBar()
    assert bar.busy.width() == 0 and not bar.busy.text()
    bar.busy.setText("Analysing…")
    qtbot.waitUntil(lambda: bar.busy.width() > 0)
    assert not bar.busy.is_elided()
    right = [p.geometry() for p in (bar.problems, bar.estimate)]
    assert not any(bar.busy.geometry().intersects(r) for r in right)
    bar.busy.setText("")
    qtbot.waitUntil(lambda: bar.busy.width() == 0)
