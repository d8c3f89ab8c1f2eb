"""What a consultant met walking the app in a workshop (1366x768, 3840x2160 at 200 %, the sample and a 300-decision
plan): a capacity hint that showed '&&', and a presentation whose next-step key changed the simulation's iterations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.s18_screens_support import settle


def test_the_capacity_tab_names_the_plan_and_stages_tab_with_one_ampersand(window):
    # A plan without teams: the hint said "(Plan && stages)" (a menu's escape, shown as it is in a label).
    w = window
    w.doc.wait_for_analysis()
    w.views.setCurrentWidget(w.capacity_tab)
    settle()
    doc = QTextDocument()
    doc.setHtml(w.capacity_tab.summary.text())
    shown = doc.toPlainText()
    assert "No teams yet" in shown
    assert "Plan & stages" in shown and "&&" not in shown, shown
    assert w.inspector_tabs.tabText(1).replace("&&", "&") == "Plan & stages"  # the tab it names


def test_switching_views_from_the_keyboard_in_presentation_keeps_the_step_keys(sample_window):
    # Ctrl+8 (Risk) handed the focus to the iterations box: the next PgDn stepped it from 10,000 to 100 instead of
    # going to the next step of the deck.
    w = sample_window
    w.doc.wait_for_analysis()
    w.show_view("Graph")
    settle()
    w.presentation.enter(full_screen=False)
    try:
        settle()
        w.canvas.setFocus()
        settle()
        iterations = w.risk_tab.iterations.value()
        QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
        settle()
        assert w.views.currentWidget() is w.risk_tab
        assert QApplication.focusWidget() is not w.risk_tab.iterations
        position = w.presentation.position
        QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_PageDown)
        settle()
        assert w.presentation.position == position + 1  # the next step
        assert w.risk_tab.iterations.value() == iterations
        # a field the presenter clicks into still takes the keys (typing a figure there)
        w.risk_tab.iterations.setFocus(Qt.FocusReason.MouseFocusReason)
        settle()
        QTest.keyClick(w.risk_tab.iterations, Qt.Key.Key_PageDown)
        settle()
        assert w.risk_tab.iterations.value() < iterations
    finally:
        w.presentation.leave()
        settle()


def _plates(scene: Any) -> list[tuple[int, QRectF]]:
    out = []
    for i, e in enumerate(scene.edges):
        if e is not None and e.label is not None and e._label_at is not None:
            x, y = e._label_at
            out.append((i, e.label.plate.translated(x, y)))
    return out


def test_edge_labels_of_a_dense_plan_do_not_cover_each_other(qapp, qtbot, isolated_settings, tmp_path):
    # 300 decisions: 14 pairs of link labels sat on each other at their curves' middles ("FF+0.35" over
    # "FF+1.25", "SS" over "SS+1"), unreadable. Each label now sits where it covers none, still on its own curve.
    import json

    from planner.ui.canvas.items import LABEL_SLOTS, label_point
    from tests.ui.s18_screens_support import opened_sample
    from tests.ui.test_s19_type_scale import _settle_charts
    from tests.unseen_plans import STRESS_SHAPES

    path = tmp_path / "stress-300.plan.json"
    path.write_text(json.dumps(STRESS_SHAPES["stress-300"]()), encoding="utf-8")
    with opened_sample(qtbot, path, (1366, 768)) as w:
        w.show_view("Graph")
        _settle_charts(0.5)
        scene: Any = w.canvas.graph_scene  # type: ignore[attr-defined]
        scene.catch_up()
        scene.complete()
        _settle_charts(0.5)  # (spread once the edges stop moving)
        plates = _plates(scene)
        assert len(plates) > 200
        overlaps = [
            (a, b) for k, (a, ra) in enumerate(plates) for b, rb in plates[k + 1 :] if ra.intersects(rb)
        ]
        assert overlaps == []
        moved = [e for e in scene.edges if e is not None and e.label is not None and e.label_t != 0.5]
        assert moved  # some had to move (the case)
        for e in moved:
            assert e.label_t in LABEL_SLOTS
            x, y = label_point(e._geom, e.label_t)
            assert e._path.intersects(QRectF(x - 1.5, y - 1.5, 3, 3))  # on its own curve
            assert e.boundingRect().contains(
                e.label.plate.translated(x, y)
            )  # painted and hit inside its bounds
            assert e.label_contains(e.label.plate.translated(x, y).center())  # a click on it selects the link
