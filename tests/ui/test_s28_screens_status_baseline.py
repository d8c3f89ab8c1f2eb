"""The status bar's baseline chooser keeps to a few words and leaves the figures their room (session 28, screens).

The chooser was as wide as its longest entry: with a baseline named like a steering committee's ("vs Baseline with a
rather long name for the steering committee", 370 px) the finish, gated finish, critical count, slip and findings
count beside it were cut to "Gated: wee…", "Crit…", "on …", "0 er…" at 800 px, and elided at 1280 px too. The
chooser shows about 16 characters; its list shows the names whole and its tooltip the chosen one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

LONG = "Baseline with a rather long name for the steering committee"


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def test_a_long_baseline_name_leaves_the_status_figures_whole(sample_window: Any, qtbot: Any) -> None:
    w = sample_window
    w.resize(1280, 740)
    _settle()
    assert w.save_baseline(LONG)
    bar = w.statusBar()
    combo = bar.baseline_combo
    qtbot.waitUntil(lambda: combo.isVisible() and combo.count() == 1)
    _settle()
    fm = combo.fontMetrics()
    assert combo.width() <= min(fm.averageCharWidth() * 32, fm.horizontalAdvance(combo.itemText(0)) // 2)
    figures = [bar.finish, bar.gated, bar.critical, bar.slip, bar.problems]
    for label in figures:
        assert label.isVisible() and label.text()
        assert not label.is_elided(), f"{label.text()!r} cut to {label.width()} px"
    # figures and chooser side by side, none over another, all inside the bar
    widgets = [*figures, combo, bar.estimate]
    rects = [x.geometry() for x in widgets]
    for i, a in enumerate(rects):
        assert bar.rect().contains(a), widgets[i]
        for b in rects[i + 1 :]:
            assert not a.intersects(b)
    # the name whole: in the list, and in the tooltip
    assert combo.view().minimumWidth() >= combo.view().fontMetrics().horizontalAdvance(combo.itemText(0))
    assert LONG in combo.toolTip()


def test_the_chosen_baseline_ends_in_an_ellipsis_where_the_chooser_cuts_it(
    sample_window: Any, qtbot: Any
) -> None:
    # Qt cut the name off mid-letter ("vs Baseline with a r"); the chooser draws it elided, as the scenario one does
    from planner.ui.views.elided import ElidedComboBox

    w = sample_window
    assert w.save_baseline(LONG)
    combo = w.statusBar().baseline_combo
    qtbot.waitUntil(lambda: combo.isVisible() and combo.count() == 1)
    _settle()
    assert isinstance(combo, ElidedComboBox)
    assert isinstance(w.scenario_bar.combo, ElidedComboBox)  # one mechanism for both
    shown = combo.shown_text()
    assert shown.endswith("…") and shown != combo.currentText()
    assert combo.fontMetrics().horizontalAdvance(shown) <= combo.text_room()
