"""The Capacity tab presented on a 1280x720 projector: the team-load chart's week axis read only '0, 20' over a
36-week plan (three bins at the room's type: 20 weeks apart), and a team's colour key sat in the column of its
panel's tick labels, hiding the capacity's label ('AI platform engineering', capacity 5, showed only 0)."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtWidgets import QApplication

from tests.ui.s18_screens_support import settle


def _drawn(qtbot: Any, view: Any) -> None:
    """Wait until the chart has drawn at its settled size, then render it (text extents need a renderer)."""
    qtbot.waitUntil(lambda: view.figure is not None and view.draw_count > 0, timeout=20_000)
    end = time.monotonic() + 0.5  # the resize debounce
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    view.canvas.draw()


def _week_ticks(ax: Any) -> list[str]:
    """The week labels shown on the top axis of ``ax`` (inside the axis's range)."""
    lo, hi = ax.get_xlim()
    for child in ax.child_axes:  # the secondary axis with the weeks
        ticks = child.xaxis.get_majorticklocs()
        labels = child.xaxis.get_majorticklabels()
        return [lab.get_text() for t, lab in zip(ticks, labels, strict=False) if lo <= t <= hi]
    return []


def test_the_presented_load_chart_has_a_readable_week_scale_and_every_capacity_label(qtbot, sample_window):
    w = sample_window
    w.resize(1280, 720)
    w.doc.wait_for_analysis()
    w.presentation.enter(full_screen=False)
    try:
        settle()
        w.views.setCurrentWidget(w.capacity_tab)
        settle()
        view = w.capacity_tab.chart
        _drawn(qtbot, view)
        fig = view.figure
        stacked = next(
            ax for ax in fig.axes if ax.child_axes
        )  # the stacked panel carries the week axis on top
        weeks = _week_ticks(stacked)
        # 36 weeks on a 2.9-inch axis at the room's dpi: 0, 10, 20, 30 (it was 0, 20)
        assert weeks == ["0", "10", "20", "30"], weeks
        renderer = fig.canvas.get_renderer()
        panels = [ax for ax in fig.axes if ax is not stacked and not ax.child_axes and ax.patches]
        assert len(panels) == 6  # the sample's six teams
        seen = 0
        for ax in panels:
            keys = [p for p in ax.patches if not p.get_clip_on()]  # the colour key, drawn outside the axes
            assert len(keys) == 1
            key = keys[0].get_window_extent(renderer)
            for label in ax.yaxis.get_majorticklabels():
                if not label.get_text():
                    continue
                seen += 1
                box = label.get_window_extent(renderer)
                assert not box.overlaps(key), (label.get_text(), box, key)
        assert seen >= 6  # each team's capacity at least
    finally:
        w.presentation.leave()
        settle()
