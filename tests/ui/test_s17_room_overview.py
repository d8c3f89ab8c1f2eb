"""Presentation mode on a 4K panel (s17 workshop sweep). The Home step fitted the plan at about twice the zoom it
gets at 1080p, which crossed the canvas's detail zoom, so the room saw 48 full cards with text a few pixels tall
(at 1080p itself: 0.3, just over it, the same)
instead of the stage-and-area overview; the overview's own type stayed at desk size, and a stage step stopped
zooming out at the desk's limit, so its cards were as small in the room as at half the size on 1080p.
Before/after pictures: /tmp/s17ws/png/fraud-pres0-3840.png, after-fraud-pres0-3840.png, fraud-pres3-3840.png,
after-fraud-pres3-3840.png."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from planner.ui.canvas import style as S
from planner.ui.canvas.overview import TEXT_PT
from planner.ui.presentation.mode import FONT_SCALE, STEP_MIN_ZOOM


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _present_at(w, qtbot, width: int, height: int):
    w.resize(width, height)
    qtbot.waitUntil(lambda: w.size() == QSize(width, height))
    p = w.presentation
    p.enter(full_screen=False)  # the window's size stands for the room's screen
    _settle()
    p.go_to(0)
    _settle()
    w.canvas.viewport().repaint()
    return p


def _desk_text_height() -> int:
    font = QFont()
    font.setPointSizeF(TEXT_PT)
    return QFontMetrics(font).height()


def test_home_on_a_4k_panel_shows_the_overview_in_room_sized_type(presenting, qtbot):
    w = presenting
    p = _present_at(w, qtbot, 3840, 2160)
    canvas = w.canvas
    assert p.scale == 2.0
    # The fitted zoom is above the desk's detail zoom, but the cards' text would be specks from the room.
    assert canvas.zoom >= S.DETAIL_ZOOM
    assert canvas._in_overview()
    assert canvas.detail_zoom == STEP_MIN_ZOOM * p.scale
    texts = [t for _, t in canvas.overview_texts]
    assert any(t.startswith("Validate") for t in texts), texts
    heights = [r.height() for r, t in canvas.overview_texts if "decision" in t]
    assert heights and min(heights) >= 2 * _desk_text_height()  # FONT_SCALE x 2.0 = 3.2x the desk's type
    # Every block is inside the view.
    view = canvas.viewport().rect()
    assert all(view.contains(r) for r, _ in canvas.overview_texts)


def test_a_stage_step_on_a_4k_panel_keeps_cards_readable(presenting, qtbot):
    w = presenting
    p = _present_at(w, qtbot, 3840, 2160)
    p.go_to_kind("stage")
    _settle()
    assert p.current_step.kind == "stage"
    assert w.canvas.zoom >= STEP_MIN_ZOOM * p.scale - 1e-9
    assert not w.canvas._in_overview()


def test_at_1080p_the_room_gets_the_overview_and_leaving_restores_the_desk(presenting, qtbot):
    w = presenting
    p = _present_at(w, qtbot, 1920, 1080)
    assert p.scale == 1.0
    # 0.3 (the plan fitted to 1080p) draws the cards' titles 3 pixels tall: the room gets the overview.
    assert w.canvas.zoom < STEP_MIN_ZOOM
    assert w.canvas._in_overview()
    assert w.canvas.detail_zoom == STEP_MIN_ZOOM
    assert w.canvas.overview_text_scale == FONT_SCALE
    p.leave()
    _settle()
    assert w.canvas.detail_zoom == S.DETAIL_ZOOM
    assert w.canvas.overview_text_scale == 1.0


def test_a_click_on_an_overview_block_while_presenting_shows_its_cards(presenting, qtbot):
    w = presenting
    p = _present_at(w, qtbot, 1920, 1080)
    canvas = w.canvas
    assert canvas._in_overview()
    cell = next(iter(canvas._summary.blocks))
    assert canvas.zoom_to_block(cell)
    _settle()
    assert not canvas._in_overview()  # zoomed to the presentation's readable zoom, not the desk's
    assert canvas.zoom >= STEP_MIN_ZOOM * p.room_zoom - 1e-9


def test_home_shows_every_stage_of_a_plan_wider_than_the_view(qtbot, isolated_settings):
    # A chain of 500 decisions is wider than a 1024x768 view even at the least zoom: the overview's columns sat
    # over the bands, off the view, and Home showed one stage of four.
    from planner.model import Plan
    from planner.ui.main_window import MainWindow
    from tests.unseen_plans import chain

    w = MainWindow(plan=Plan.model_validate(chain(500)), persist_layout=False)
    qtbot.addWidget(w)
    try:
        w.resize(1024, 768)
        w.show()
        qtbot.waitUntil(lambda: w.size() == QSize(1024, 768))
        w.doc.wait_for_analysis()
        w.show_view("Graph")
        _settle()
        p = w.presentation
        p.enter(full_screen=False)
        _settle()
        p.go_to(0)
        _settle()
        canvas: Any = w.canvas  # (a GraphCanvas)
        canvas.viewport().repaint()
        assert canvas._in_overview()
        headers = [t for _, t in canvas.overview_texts if " · " in t and "decision" not in t]
        stages = [s.name for s in w.doc.plan.stages]
        assert [h.split(" · ")[0] for h in headers] == stages, headers
        view = canvas.viewport().rect()
        assert all(view.contains(r) for r, _ in canvas.overview_texts)
        if p.leave_prompt is not None:
            p.leave_prompt.done(0)
        p.leave()
    finally:
        w.discard_and_close()


def test_home_names_a_lone_decision_and_the_desk_counts_it(presenting, qtbot):
    w = presenting
    p = _present_at(w, qtbot, 1920, 1080)
    canvas = w.canvas
    summary = canvas._summary
    singles = {cell: title for cell, title in summary.titles.items()}
    assert singles  # the sample has areas with one decision in a stage
    texts = [t for _, t in canvas.overview_texts]
    for title in singles.values():
        assert any(t.startswith(title[:12]) for t in texts), (title, texts)
    p.leave()
    _settle()
    canvas.set_zoom(0.1)
    canvas.viewport().repaint()
    texts = [t for _, t in canvas.overview_texts]
    assert "1 decision" in texts or "1 decision · 1 critical" in texts


def test_home_shows_each_stage_header_whole(qtbot, isolated_settings):
    # A one-decision plan at 1024x768: its narrow bands gave columns of the least width, and in presentation type
    # "Operationalize · 0" was drawn "Operationali…".
    from planner.model import Plan
    from planner.ui.main_window import MainWindow
    from tests.unseen_plans import one_decision

    w = MainWindow(plan=Plan.model_validate(one_decision()), persist_layout=False)
    qtbot.addWidget(w)
    try:
        w.resize(1024, 768)
        w.show()
        qtbot.waitUntil(lambda: w.size() == QSize(1024, 768))
        w.doc.wait_for_analysis()
        w.show_view("Graph")
        _settle()
        p = w.presentation
        p.enter(full_screen=False)
        _settle()
        p.go_to(0)
        _settle()
        canvas: Any = w.canvas
        canvas.viewport().repaint()
        assert canvas._in_overview()
        stages = [s.name for s in w.doc.plan.stages]
        texts = [t for _, t in canvas.overview_texts]
        for name in stages:
            assert any(t.startswith(f"{name} · ") for t in texts), (name, texts)
        assert not any("…" in t and " · " in t and t.split(" · ")[0] in stages for t in texts)
        if p.leave_prompt is not None:
            p.leave_prompt.done(0)
        p.leave()
    finally:
        w.discard_and_close()


def test_an_overview_block_says_in_full_what_it_holds(presenting, qtbot):
    # Its painted texts are elided to the column (a long title: "Decision d0000 ·…"); there was no tooltip.
    w = presenting
    p = _present_at(w, qtbot, 1920, 1080)
    canvas = w.canvas
    summary = canvas._summary
    cell, rect = next((c, r) for c, r in summary.blocks.items() if c in summary.titles)
    tip = canvas.overview_tip(rect.center())
    stage, area = summary.columns[cell[0]][0], summary.rows[cell[1]][0]
    assert tip.startswith(f"{stage} · {area}: 1 decision")
    assert summary.titles[cell] in tip.splitlines()
    assert canvas.overview_tip(QPoint(1, 1)) == ""  # no block there
    p.leave()
    _settle()
    assert canvas.overview_tip(rect.center()) == ""  # cards, not the overview
