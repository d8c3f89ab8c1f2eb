"""The charts' and the graph cards' text follows a large application font (issue: at 16 pt the tables and dialogs grew
while the charts and cards stayed in 9 pt type). Measured on screen: a card title's height in viewport pixels and a
chart title's height in canvas pixels, at 10 pt and at 16 pt."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from planner.ui.canvas import style as S
from planner.ui.views import type_scale
from tests.ui.figure_settle_support import wait_settled
from tests.ui.s18_screens_support import app_font, opened_sample, settle

SIZE = (1920, 1080)  # room for the charts at the larger type (a smaller window bounds it: below)


def _settle_charts(seconds: float = 0.8) -> None:
    """Let charts build, lay out and pass their resize debounce (120 ms)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _text_height(figure: Any, text: str) -> float:
    """The drawn height (logical pixels) of the figure's text ``text``."""
    from matplotlib.text import Text

    canvas = figure.canvas
    renderer = canvas.get_renderer()
    found = [t for t in figure.findobj(Text) if t.get_text() == text and t.get_visible()]
    assert found, f"no text {text!r} drawn"
    return float(found[0].get_window_extent(renderer).height) / (canvas.device_pixel_ratio or 1)


def _measure(window: Any) -> dict[str, float]:
    """Card title, capacity chart title and Gantt subtitle heights, and the sticky header height, on screen."""
    out: dict[str, float] = {}
    window.show_view("Graph")
    settle()
    canvas = window.canvas
    out["card"] = QFontMetricsF(S.title_font()).height() * canvas.transform().m22()
    out["header"] = float(canvas.header_height())
    window.views.setCurrentWidget(window.capacity_tab)
    _settle_charts()
    chart = window.capacity_tab.chart
    wait_settled([chart])
    chart.canvas.draw()
    out["load chart"] = _text_height(chart.figure, "Team load against capacity")
    window.show_view("Gantt")
    _settle_charts()
    gantt = window.chart_tabs["gantt"].chart
    wait_settled([gantt])
    gantt.canvas.draw()
    out["gantt"] = _text_height(gantt.figure, "weeks from plan start")
    return out


def test_desk_scale_follows_the_application_font_within_bounds(qapp):
    base = QFont(qapp.font())
    for points, want in ((9, 1.0), (10, 1.0), (12, 1.2), (16, 1.6), (18, type_scale.DESK_SCALE_MAX)):
        f = QFont(base)
        f.setPointSizeF(points)
        assert type_scale.desk_scale(f) == pytest.approx(want), points
    px = QFont(base)
    px.setPixelSize(28)  # 21 pt at 96 dpi, set in pixels as some desktops do
    assert type_scale.desk_scale(px) == pytest.approx(type_scale.DESK_SCALE_MAX)
    assert type_scale.DESK_SCALE_MAX == 1.6


def test_cards_and_charts_grow_with_a_16pt_application_font(qapp, qtbot, isolated_settings, sample_path):
    with app_font(10), opened_sample(qtbot, sample_path, SIZE) as w:
        small = _measure(w)
    with app_font(16), opened_sample(qtbot, sample_path, SIZE) as w:
        large = _measure(w)
        assert type_scale.desk_scale() == pytest.approx(1.6)
    for key in small:
        ratio = large[key] / small[key]
        # 16 pt over 10 pt; text heights round to whole pixels
        assert ratio == pytest.approx(1.6, abs=0.12), (key, small[key], large[key])
    # the sample's cards do not fit the window readably: it opens at the readable zoom, which grows too
    assert large["card"] >= 1.5 * small["card"]


def test_the_gantt_shows_several_rows_at_16pt_in_a_short_tab(qapp, qtbot, isolated_settings, sample_path):
    # At 16 pt in 1366x768 the Gantt's canvas was 2.3 inches high at the larger dpi: "rows 1-1 of 52", the rows
    # scroll bar paging one row at a time. It is now tall enough for six rows; the tab scrolls.
    from planner.charts.gantt import gantt_row_capacity
    from planner.ui.tabs.chart_tab import GANTT_MIN_ROWS, GANTT_ROW_PT

    with app_font(16), opened_sample(qtbot, sample_path, (1366, 768)) as w:
        w.show_view("Gantt")
        _settle_charts()
        tab = w.chart_tabs["gantt"].chart
        dpi = type_scale.logical_dpi(tab.canvas)
        assert dpi == pytest.approx(160)
        assert gantt_row_capacity(tab.canvas.height() / dpi, GANTT_ROW_PT) >= GANTT_MIN_ROWS
        assert tab._row_page >= GANTT_MIN_ROWS


def test_a_font_change_while_open_redraws_the_charts_larger(qapp, qtbot, isolated_settings, sample_path):
    with app_font(10), opened_sample(qtbot, sample_path, SIZE) as w:
        w.views.setCurrentWidget(w.capacity_tab)
        _settle_charts()
        view = w.capacity_tab.chart
        assert type_scale.logical_dpi(view.canvas) == pytest.approx(100)
        before = view.draw_count
        with app_font(16):
            _settle_charts()
            assert type_scale.logical_dpi(view.canvas) == pytest.approx(160)
            assert view.draw_count > before
        _settle_charts()
        assert type_scale.logical_dpi(view.canvas) == pytest.approx(100)


def test_presentation_draws_charts_for_the_room_and_gives_them_back_to_the_desk(
    qapp, qtbot, isolated_settings, sample_path
):
    from planner.ui.presentation.mode import FONT_SCALE

    with app_font(16), opened_sample(qtbot, sample_path, SIZE) as w:
        w.show_view("Gantt")
        _settle_charts()
        canvas = w.chart_tabs["gantt"].chart.canvas
        assert type_scale.logical_dpi(canvas) == pytest.approx(160)
        w.presentation.enter(full_screen=False)
        try:
            _settle_charts()
            room = type_scale.FIGURE_DPI * FONT_SCALE * w.presentation.scale
            # the room's type follows the screen, not the desk's 16 pt (as its fonts do: room_font)
            assert type_scale.logical_dpi(canvas) == pytest.approx(room)
        finally:
            w.presentation.leave()
            _settle_charts()
        assert type_scale.logical_dpi(canvas) == pytest.approx(160)


def test_in_a_small_window_the_chart_text_grows_only_as_far_as_the_chart_fits(
    qapp, qtbot, isolated_settings, sample_path
):
    # 800x600 at 15 pt: the team-load chart gets ~420 px across; at the desk's 150 dpi its 4 in of title and
    # legend would need 600 (its title was cut, the teams' names elided to two letters). Its text grows as far as
    # the width allows, and never below the charts' own 100 dpi.
    with app_font(15), opened_sample(qtbot, sample_path, (800, 600)) as w:
        w.views.setCurrentWidget(w.capacity_tab)
        _settle_charts()
        view = w.capacity_tab.chart
        dpi = type_scale.logical_dpi(view.canvas)
        assert type_scale.FIGURE_DPI <= dpi < type_scale.desk_dpi() == pytest.approx(150)
        assert view.canvas.width() <= view.scroll_area.viewport().width()  # no sideways scrolling
        assert int(4.0 * dpi) <= view.scroll_area.viewport().width()


def test_the_zoomed_out_overview_grows_its_type_only_as_far_as_the_columns_hold_it(
    qapp, qtbot, isolated_settings, tmp_path
):
    # 300 decisions in six stages at 1366x768 and 16 pt: at the desk's 1.6 the 148 px columns read "Frame · …",
    # "Architec…" and "36 · 4 crit…"; the type now shrinks until headers and area names are whole.
    import json

    from tests.unseen_plans import STRESS_SHAPES

    path = tmp_path / "stress-300.plan.json"
    path.write_text(json.dumps(STRESS_SHAPES["stress-300"]()), encoding="utf-8")
    with app_font(16), opened_sample(qtbot, path, (1366, 768)) as w:
        w.show_view("Graph")
        settle()
        canvas: Any = w.canvas
        canvas.fit_to_view()
        canvas.viewport().repaint()
        settle()
        assert canvas.zoom < canvas.detail_zoom  # the overview
        plan = w.doc.plan
        headers = [t for t in canvas.overview_labels if any(t.startswith(s.name) for s in plan.stages)]
        areas = {a.name for a in plan.areas}
        names = [t for t in canvas.overview_labels if t.rstrip("…") in areas or t in areas]
        assert len(headers) == len(plan.stages) and names, canvas.overview_labels
        assert not [t for t in headers + names if t.endswith("…")], canvas.overview_labels
        # larger than at an ordinary font, where the same blocks are drawn in 100 % type
        heights = [r.height() for r, t in canvas.overview_texts if t in headers]
        from PySide6.QtGui import QFontMetrics

        assert min(heights) > QFontMetrics(S.band_font()).height()


def test_the_delta_gantt_keeps_its_row_names_at_16pt(qapp, qtbot, isolated_settings, tmp_path):
    # The scenario comparison's delta Gantt had 512 x 374 px at 16 pt: drawn at the desk's 160 dpi its rows did
    # not fit and it left out every row label and stage name (bars without names).
    import json

    from matplotlib.text import Text
    from PySide6.QtCore import Qt

    from tests.unseen_plans import STRESS_SHAPES

    path = tmp_path / "scenarios.plan.json"
    path.write_text(json.dumps(STRESS_SHAPES["baselines-and-scenarios"]()), encoding="utf-8")
    with app_font(16), opened_sample(qtbot, path, (1366, 768)) as w:
        dialog: Any = w.scenario_bar.show_compare()
        try:
            for i in range(dialog.choices.count()):
                dialog.choices.item(i).setCheckState(Qt.CheckState.Checked)
            dialog.run()
            qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
            dialog.tabs.setCurrentIndex(1)
            _settle_charts()
            view = dialog.gantt
            view.canvas.draw()
            names = {d.title for d in w.doc.plan.decisions}
            drawn = {t.get_text() for t in view.figure.findobj(Text) if t.get_visible()}
            assert names <= drawn, names - drawn
            assert type_scale.FIGURE_DPI <= type_scale.logical_dpi(view.canvas) < type_scale.desk_dpi()
        finally:
            dialog.close()
            settle()
