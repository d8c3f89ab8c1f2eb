"""The Capacity tab with four or five teams in a view a little short of the stacked chart over a panel per team
(~380-550 px): a short scroll remained to the last team's panel (90 px at 1280x720). It now fits the view as it does
for more teams: the stacked chart over a row per team, every team's name and peak against capacity in sight, no
text over another, and the rows' plot not squeezed by the figures beside it."""

from __future__ import annotations

import time
from typing import Any

import pytest
from matplotlib.text import Text
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample


def _drawn(qtbot: Any, view: Any) -> None:
    """Wait until the chart has drawn at its settled size (past the resize debounce), then render it."""
    qtbot.waitUntil(lambda: view.figure is not None and view.draw_count > 0, timeout=20_000)
    end = time.monotonic() + 0.5
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    qtbot.waitUntil(lambda: not view._resize_timer.isActive(), timeout=5_000)
    view.canvas.draw()


def _drawn_texts(fig: Any) -> list[Text]:
    """The texts the figure draws: its own and its axes' texts, and the tick labels within each axis's range
    (matplotlib keeps labels of ticks outside it, undrawn)."""
    out = [t for t in fig.texts if t.get_text().strip()]
    for ax in fig.axes:
        out += [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
        for axis, at in ((ax.xaxis, 0), (ax.yaxis, 1)):
            lo, hi = sorted(axis.get_view_interval())
            out += [
                t
                for t in axis.get_ticklabels(which="both")
                if t.get_visible() and t.get_text().strip() and lo - 1e-9 <= t.get_position()[at] <= hi + 1e-9
            ]
    return out


@pytest.mark.parametrize(
    ("sample", "size"),
    [
        ("insights-assistant", (1280, 720)),  # four teams, a 417 px view
        ("insights-assistant", (1280, 680)),  # four teams, ~380 px
        ("fraud-detection", (1400, 860)),  # five teams, 548 px beside the tables
        ("fraud-detection", (1366, 740)),  # five teams, ~440 px
    ],
)
def test_four_or_five_teams_fit_the_view(
    qtbot, isolated_settings, sample: str, size: tuple[int, int]
) -> None:
    with opened_sample(qtbot, SAMPLES / f"{sample}.plan.json", size) as w:
        w.views.setCurrentWidget(w.capacity_tab)
        view = w.capacity_tab.chart
        _drawn(qtbot, view)
        viewport = view.scroll_area.viewport()
        assert view.canvas.height() <= viewport.height(), (view.canvas.height(), viewport.height())
        fig = view.figure
        teams = len(w.doc.plan.teams)
        assert len(fig.axes) == teams + 1  # the stacked chart, and every team in sight
        renderer = fig.canvas.get_renderer()
        texts = _drawn_texts(fig)
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
        for text, box in boxes:  # none cut at the figure's edges
            assert fig.bbox.x0 - 0.5 <= box.x0 and box.x1 <= fig.bbox.x1 + 0.5, (text, box)
            assert fig.bbox.y0 - 0.5 <= box.y0 and box.y1 <= fig.bbox.y1 + 0.5, (text, box)
        rows = fig.axes[1:]
        row_texts = [t for ax in rows for t in ax.texts]
        assert len(row_texts) == 2 * teams  # a name and 'peak … / cap …' per team
        own = [t.get_window_extent(renderer) for t in row_texts]
        for i, a in enumerate(own):
            for b in own[i + 1 :]:
                assert not a.overlaps(b.padded(-0.5)), (a, b)
        # The rows' plot keeps most of the width (the figures beside it had left it 2 in of a 5 in chart).
        width = rows[0].get_window_extent(renderer).width
        assert width >= 0.55 * fig.bbox.width, (width, fig.bbox.width)


def test_the_levelled_list_fits_its_pane_beside_the_chart(qtbot, isolated_settings, tmp_path) -> None:
    # Five teams of one person (fourteen stretches over capacity, 27 decisions moved) at 1400x860: the list of
    # moved decisions needed 556 px in a ~420 px pane, its reasons under a scroll bar.
    import json

    from PySide6.QtCore import Qt

    plan = json.loads((SAMPLES / "fraud-detection.plan.json").read_text(encoding="utf-8"))
    for team in plan["teams"]:
        team["capacity"] = 1
    path = tmp_path / "one-person-teams.plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    with opened_sample(qtbot, path, (1400, 860)) as w:
        tab = w.capacity_tab
        w.views.setCurrentWidget(tab)
        tab.side.setCurrentWidget(tab.compare)
        view = tab.compare
        qtbot.waitUntil(lambda: view.topLevelItemCount() > 10, timeout=10_000)
        qtbot.waitUntil(lambda: view.header().length() <= view.viewport().width(), timeout=5_000)
        assert tab.splitter.orientation() == Qt.Orientation.Horizontal  # beside the chart
        assert view.horizontalScrollBar().maximum() == 0
        fm = view.fontMetrics()
        header = view.header()
        for column in (2, 3):  # the weeks and the delay whole
            widest = max(
                fm.horizontalAdvance(view.topLevelItem(k).text(column))
                for k in range(view.topLevelItemCount())
            )
            assert header.sectionSize(column) >= widest + 6, (column, header.sectionSize(column), widest)
        first = view.topLevelItem(0)
        assert first.toolTip(0).startswith(
            first.text(0).split(" (")[0][:5]
        )  # shortened: whole in its tooltip
