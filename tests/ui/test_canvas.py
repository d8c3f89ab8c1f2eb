"""The graph canvas (planner.ui.canvas): items, gestures, selection sync, zoom, incremental updates."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest

from planner.model import load_plan
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas.items import CardItem, EdgeItem, EdgeLabelItem, edge_label
from planner.ui.state.document import PlanDocument

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def card_point(canvas: GraphCanvas, card: CardItem, local: QPointF | None = None) -> QPoint:
    """Viewport position of ``local`` (card coordinates; default the title area), scrolled into view."""
    local = local if local is not None else QPointF(60, 20)
    canvas.ensureVisible(card, 60, 60)
    return canvas.mapFromScene(card.mapToScene(local))


def drag(canvas: GraphCanvas, start: QPoint, end: QPoint, steps: int = 8) -> None:
    vp = canvas.viewport()
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, steps + 1):
        QTest.mouseMove(vp, start + (end - start) * (k / steps))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def edges_of(canvas: GraphCanvas) -> list[EdgeItem]:
    return [e for e in canvas.graph_scene.edges if e is not None]


def clickable_edges(canvas: GraphCanvas) -> list[EdgeItem]:
    """Unlabelled edges whose midpoint no other item comes near (so a click there hits them alone)."""
    scene = canvas.graph_scene
    out = []
    for edge in edges_of(canvas):
        mid = edge.path().pointAtPercent(0.5)
        near = scene.items(QRectF(mid.x() - 12, mid.y() - 12, 24, 24))
        if edge.label is None and near == [edge]:
            out.append(edge)
    return out


# -- building ------------------------------------------------------------------------------------------------------
def test_a_card_per_decision_an_edge_per_dependency(canvas: GraphCanvas, doc: PlanDocument) -> None:
    scene = canvas.graph_scene
    assert set(scene.cards) == {d.id for d in doc.plan.decisions}
    assert len(edges_of(canvas)) == len(doc.plan.dependencies)
    assert [b.title.text() for b in scene.bands] == [s.name for s in doc.plan.stages]
    for k, dep in enumerate(doc.plan.dependencies):
        edge = scene.edges[k]
        assert edge is not None and edge.dep_index == k
        assert (edge.source.decision_id, edge.target.decision_id) == (dep.from_, dep.to)
        text = edge_label(str(dep.type), dep.lag)
        assert (edge.label.text if edge.label else "") == text
        assert edge.toolTip().startswith(f"{dep.from_} → {dep.to}: ")


def test_cards_do_not_overlap_and_sit_in_their_stage_band(canvas: GraphCanvas, doc: PlanDocument) -> None:
    scene = canvas.graph_scene
    rects = [(c.decision_id, c.scene_rect()) for c in scene.cards.values()]
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            assert not ra.intersects(rb), (a, b)
    assert doc.analysis is not None and doc.analysis.stages is not None
    seq = doc.analysis.stages.sequenced.tolist()
    for i, d in enumerate(doc.plan.decisions):
        assert scene.bands[seq[i]].rect().contains(scene.cards[d.id].scene_rect())


def test_critical_milestone_and_driving_flags_follow_the_analysis(
    canvas: GraphCanvas, doc: PlanDocument
) -> None:
    a = doc.analysis
    assert a is not None and a.schedule is not None
    scene = canvas.graph_scene
    for d in doc.plan.decisions:
        data = scene.cards[d.id].card_data
        assert data is not None
        assert data.critical == bool(a.schedule.critical[a.schedule.index[d.id]])
        assert data.milestone == d.milestone
    g = a.schedule.graph
    for e, k in enumerate(g.edge_dep.tolist()):
        edge = scene.edges[k]
        assert edge is not None and edge.driving == bool(a.schedule.driving[e])
    driving = [e for e in edges_of(canvas) if e.driving]
    plain = [e for e in edges_of(canvas) if not e.driving]
    assert driving and plain
    assert min(e.pen().widthF() for e in driving) > max(e.pen().widthF() for e in plain)


def test_arrows_arriving_at_one_card_land_apart(canvas: GraphCanvas) -> None:
    scene = canvas.graph_scene
    card = max(scene.cards.values(), key=lambda c: sum(1 for e in c.edges if e.target is c))
    arrivals = [e for e in card.edges if e.target is card]
    assert len(arrivals) >= 3
    ends = sorted(round(e.path().pointAtPercent(1.0).y(), 3) for e in arrivals)
    assert len(set(ends)) == len(ends)
    rect = card.scene_rect()
    assert rect.top() < ends[0] and ends[-1] < rect.bottom()


def test_card_texts_fit_inside_their_cards(canvas: GraphCanvas) -> None:
    from PySide6.QtGui import QFontMetricsF

    from planner.ui.canvas import style as S

    fm = QFontMetricsF(S.title_font())
    meta = QFontMetricsF(S.meta_font())
    for card in canvas.graph_scene.cards.values():
        data = card.card_data
        assert data is not None
        left, right = card._text_left(data.milestone), card._text_right(data.milestone)
        first, second = card._lines
        assert first and fm.horizontalAdvance(first) <= right - left
        assert fm.horizontalAdvance(second) <= right - left
        # Nothing of the title is lost except behind an ellipsis on the second line.
        shown = (first + " " + second).replace("…", "").split()
        assert " ".join(shown)[: len(first)] == data.title[: len(first)]
        # the second line at the size the card draws it (session 28: larger where it fits, else the meta font's)
        foot = card._foot_pt
        shown_meta = QFontMetricsF(S.foot_font(foot)) if foot > 0 else meta
        bold = QFontMetricsF(
            S.foot_font(foot, bold=data.critical) if foot > 0 else S.meta_font(bold=data.critical)
        )
        _lines, id_text, figures = card._layout_texts()
        assert figures == data.right_text  # the figures whole, as before
        assert shown_meta.horizontalAdvance(id_text) + bold.horizontalAdvance(figures) <= right - left
        # Two title lines and the meta line stack inside the card.
        assert 9 + 2 * fm.lineSpacing() <= S.CARD_H - 11 - shown_meta.ascent()


def test_edge_labels() -> None:
    assert edge_label("FS", 0) == ""
    assert edge_label("SS", 0) == "SS"
    assert edge_label("SS", 2) == "SS+2"
    assert edge_label("FF", -1) == "FF-1"
    assert edge_label("FS", 0.5) == "FS+0.5"


def test_renders_off_screen(canvas: GraphCanvas) -> None:
    canvas.fit_to_view()
    image = canvas.grab().toImage()
    assert not image.isNull() and image.width() == canvas.width()
    scene = canvas.graph_scene
    rect = scene.content_rect()
    out = QImage(int(rect.width() / 4), int(rect.height() / 4), QImage.Format.Format_ARGB32)
    out.fill(Qt.GlobalColor.white)
    painter = QPainter(out)
    scene.render(painter, source=rect)
    painter.end()
    # Something was drawn: not all white.
    assert len({out.pixel(x, out.height() // 2) for x in range(0, out.width(), 7)}) > 2


# -- gestures ------------------------------------------------------------------------------------------------------
def test_drag_a_card_saves_its_position_in_one_undo_step(canvas: GraphCanvas, doc: PlanDocument) -> None:
    scene = canvas.graph_scene
    did = doc.plan.decisions[4].id
    card = scene.cards[did]
    before = QPointF(card.pos())
    count = doc.undo_stack.count()
    start = card_point(canvas, card)
    drag(canvas, start, start + QPoint(37, 120))
    assert doc.undo_stack.count() == count + 1
    pos = doc.plan.layout[did]
    assert (pos.x, pos.y) == (before.x() + 37, before.y() + 120)
    assert card.pos() == QPointF(pos.x, pos.y)
    # Its edges followed it.
    for edge in card.edges:
        end = edge.path().pointAtPercent(0.0 if edge.source is card else 1.0)
        anchor = card.out_anchor() if edge.source is card else card.in_anchor() + QPointF(0, edge.in_dy)
        assert abs(end.x() - anchor.x()) <= EdgeItem.ARROW + 1 and abs(end.y() - anchor.y()) < 1
    doc.undo_stack.undo()
    assert did not in doc.plan.layout
    assert card.pos() == before


def test_dragging_several_selected_cards_is_one_move(canvas: GraphCanvas, doc: PlanDocument) -> None:
    scene = canvas.graph_scene
    ids = [doc.plan.decisions[0].id, doc.plan.decisions[1].id]
    doc.select(ids)
    card = scene.cards[ids[0]]
    count = doc.undo_stack.count()
    start = card_point(canvas, card)
    drag(canvas, start, start + QPoint(0, 300))
    assert doc.undo_stack.count() == count + 1
    assert set(ids) <= set(doc.plan.layout)
    assert doc.undo_stack.text(count) == "Move Cards"


def _find_pair(doc: PlanDocument) -> tuple[str, str]:
    """Two decisions with no path between them either way, in different layers."""
    succ: dict[str, set[str]] = {}
    for dep in doc.plan.dependencies:
        succ.setdefault(dep.from_, set()).add(dep.to)

    def reach(a: str) -> set[str]:
        seen, todo = set(), [a]
        while todo:
            for n in succ.get(todo.pop(), ()):
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        return seen

    ids = [d.id for d in doc.plan.decisions]
    for a in ids:
        ra = reach(a)
        for b in ids:
            if a != b and b not in ra and a not in reach(b):
                return a, b
    raise AssertionError("no independent pair")


def test_drag_from_the_handle_to_another_card_adds_a_dependency(
    canvas: GraphCanvas, doc: PlanDocument, qtbot
) -> None:
    scene = canvas.graph_scene
    a, b = _find_pair(doc)
    canvas.fit_to_view()
    canvas.set_zoom(0.6)
    src, dst = scene.cards[a], scene.cards[b]
    n = len(doc.plan.dependencies)
    start = card_point(canvas, src, src.handle_center())
    canvas.centerOn(src.scene_rect().united(dst.scene_rect()).center())
    start = canvas.mapFromScene(src.mapToScene(src.handle_center()))
    end = canvas.mapFromScene(dst.mapToScene(QPointF(80, 30)))
    assert canvas.viewport().rect().contains(start) and canvas.viewport().rect().contains(end)
    with qtbot.waitSignal(doc.analysis_updated, timeout=5000):
        drag(canvas, start, end)
    assert len(doc.plan.dependencies) == n + 1
    dep = doc.plan.dependencies[-1]
    assert (dep.from_, dep.to, str(dep.type), dep.lag) == (a, b, "FS", 0.0)
    assert canvas.message_box is None
    edge = scene.edges[-1]
    assert edge is not None and (edge.source, edge.target) == (src, dst)
    assert scene.interaction is None and all(not isinstance(i, type(None)) for i in scene.items())
    doc.undo_stack.undo()
    assert len(doc.plan.dependencies) == n and len(edges_of(canvas)) == n


# The offscreen platform cannot propagate a dialog's size hints and says so; harmless.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_link_that_would_close_a_cycle_is_refused_naming_the_cycle(
    canvas: GraphCanvas, doc: PlanDocument
) -> None:
    scene = canvas.graph_scene
    # Pick a chain a -> b -> c and drag from c back to a.
    succ: dict[str, list[str]] = {}
    for dep in doc.plan.dependencies:
        succ.setdefault(dep.from_, []).append(dep.to)
    a = next(x for x in succ if any(y in succ for y in succ[x]))
    b = next(y for y in succ[a] if y in succ)
    c = succ[b][0]
    canvas.set_zoom(0.5)
    src, dst = scene.cards[c], scene.cards[a]
    canvas.centerOn(src.scene_rect().united(dst.scene_rect()).center())
    start = canvas.mapFromScene(src.mapToScene(src.handle_center()))
    end = canvas.mapFromScene(dst.mapToScene(QPointF(80, 30)))
    if not (canvas.viewport().rect().contains(start) and canvas.viewport().rect().contains(end)):
        canvas.set_zoom(0.2)
        canvas.centerOn(src.scene_rect().united(dst.scene_rect()).center())
        start = canvas.mapFromScene(src.mapToScene(src.handle_center()))
        end = canvas.mapFromScene(dst.mapToScene(QPointF(80, 30)))
    n = len(doc.plan.dependencies)
    count = doc.undo_stack.count()
    drag(canvas, start, end)
    assert len(doc.plan.dependencies) == n
    assert doc.undo_stack.count() == count
    box = canvas.message_box
    assert box is not None and box.isVisible()
    text = box.text()
    assert "cycle" in text
    cycle = doc.would_create_cycle(c, a)
    assert cycle is not None
    assert " → ".join(cycle) in text
    assert not any(card.link_state for card in scene.cards.values())
    box.close()


def test_escape_cancels_a_link_drag(canvas: GraphCanvas, doc: PlanDocument) -> None:
    scene = canvas.graph_scene
    card = scene.cards[doc.plan.decisions[0].id]
    start = card_point(canvas, card, card.handle_center())
    vp = canvas.viewport()
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(vp, start + QPoint(120, 40))
    assert scene.interaction is not None
    preview = scene.interaction.preview  # type: ignore[attr-defined]
    assert preview.scene() is scene
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert scene.interaction is None and preview.scene() is None
    n = len(doc.plan.dependencies)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(120, 40))
    assert len(doc.plan.dependencies) == n and doc.undo_stack.count() == 0


def test_dragging_a_link_to_the_border_scrolls_the_view(
    canvas: GraphCanvas, doc: PlanDocument, qtbot
) -> None:
    scene = canvas.graph_scene
    card = scene.cards[doc.plan.decisions[0].id]
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().minimum())
    start = card_point(canvas, card, card.handle_center())
    vp = canvas.viewport()
    h = canvas.horizontalScrollBar()
    before = h.value()
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    edge = QPoint(vp.width() - 5, start.y())
    QTest.mouseMove(vp, edge)
    qtbot.waitUntil(lambda: h.value() > before + 60, timeout=3000)
    # The preview follows the scene under the still mouse.
    preview = scene.interaction.preview
    end = preview.path().pointAtPercent(1.0)
    assert abs(end.x() - canvas.mapToScene(edge).x()) < 2 or scene.interaction.target is not None
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    assert not canvas._edge_scroll.isActive()
    if canvas.message_box is not None:
        canvas.message_box.close()


def test_middle_button_pans(canvas: GraphCanvas) -> None:
    vp = canvas.viewport()
    h, v = canvas.horizontalScrollBar(), canvas.verticalScrollBar()
    h.setValue((h.minimum() + h.maximum()) // 2)
    v.setValue((v.minimum() + v.maximum()) // 2)
    before = (h.value(), v.value())
    centre = vp.rect().center()
    QTest.mousePress(vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseMove(vp, centre + QPoint(-50, -30))
    QTest.mouseRelease(
        vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, centre + QPoint(-50, -30)
    )
    assert (h.value(), v.value()) == (before[0] + 50, before[1] + 30)


def test_click_an_edge_and_press_delete_removes_it(canvas: GraphCanvas, doc: PlanDocument, qtbot) -> None:
    scene = canvas.graph_scene
    edge = clickable_edges(canvas)[0]
    k = edge.dep_index
    dep = doc.plan.dependencies[k]
    mid = edge.path().pointAtPercent(0.5)
    canvas.centerOn(mid)
    QTest.mouseClick(
        canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, canvas.mapFromScene(mid)
    )
    assert scene.selected_edges() == [edge]
    assert edge.pen().color() == edge.color()
    n = len(doc.plan.dependencies)
    canvas.setFocus()
    with qtbot.waitSignal(doc.analysis_updated, timeout=5000):
        QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert len(doc.plan.dependencies) == n - 1
    assert dep not in doc.plan.dependencies
    assert edge.scene() is None and len(edges_of(canvas)) == n - 1
    # Clicking the background clears the edge selection.
    doc.undo_stack.undo()
    assert len(edges_of(canvas)) == n


def test_delete_without_a_selected_edge_deletes_the_selected_decisions(
    canvas: GraphCanvas, doc: PlanDocument
) -> None:
    victim = doc.plan.decisions[7].id
    doc.select([victim])
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert doc.decision(victim) is None
    assert victim not in canvas.graph_scene.cards
    doc.undo_stack.undo()
    assert victim in canvas.graph_scene.cards


def test_a_plain_click_selects_an_edge_only(canvas: GraphCanvas, doc: PlanDocument) -> None:
    scene = canvas.graph_scene
    doc.select([doc.plan.decisions[0].id])
    edges = clickable_edges(canvas)[:2]
    for edge in edges:
        mid = edge.path().pointAtPercent(0.5)
        canvas.centerOn(mid)
        QTest.mouseClick(
            canvas.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            canvas.mapFromScene(mid),
        )
    assert set(scene.selected_edges()) == set(edges)
    assert doc.selection == [doc.plan.decisions[0].id]  # Ctrl keeps the card selection
    mid = edges[0].path().pointAtPercent(0.5)
    QTest.mouseClick(
        canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, canvas.mapFromScene(mid)
    )
    assert scene.selected_edges() == [edges[0]] and doc.selection == []


# -- selection -----------------------------------------------------------------------------------------------------
def test_clicking_a_card_selects_it_in_the_document(canvas: GraphCanvas, doc: PlanDocument, qtbot) -> None:
    card = canvas.graph_scene.cards[doc.plan.decisions[5].id]
    with qtbot.waitSignal(doc.selection_changed, timeout=1000) as blocker:
        QTest.mouseClick(
            canvas.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            card_point(canvas, card),
        )
    assert blocker.args == [[card.decision_id]]
    assert doc.selection == [card.decision_id]
    assert doc.undo_stack.count() == 0  # a click is not a move


def test_document_selection_selects_cards_and_scrolls_to_them(canvas: GraphCanvas, doc: PlanDocument) -> None:
    scene = canvas.graph_scene
    last = doc.plan.decisions[-1].id
    canvas.centerOn(scene.cards[doc.plan.decisions[0].id])
    emitted: list[list[str]] = []
    doc.selection_changed.connect(emitted.append)
    doc.select([last])
    assert emitted == [[last]]  # no feedback loop: the canvas did not select again
    assert [cast(CardItem, c).decision_id for c in scene.selectedItems()] == [last]
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.contains(scene.cards[last].scene_rect())
    doc.select([])
    assert scene.selectedItems() == []


def test_rubber_band_selects_several_cards(canvas: GraphCanvas, doc: PlanDocument) -> None:
    canvas.fit_to_view()
    scene = canvas.graph_scene
    band = scene.bands[0].rect()
    start = canvas.mapFromScene(band.topLeft() + QPointF(2, 2))
    end = canvas.mapFromScene(band.bottomRight() - QPointF(2, 2))
    drag(canvas, start, end, steps=12)
    assert doc.analysis is not None and doc.analysis.stages is not None
    seq = doc.analysis.stages.sequenced.tolist()
    first_stage = {d.id for i, d in enumerate(doc.plan.decisions) if seq[i] == 0}
    assert set(doc.selection) == first_stage
    assert doc.undo_stack.count() == 0


# -- zoom ----------------------------------------------------------------------------------------------------------
def test_zoom_and_fit(canvas: GraphCanvas) -> None:
    assert canvas.zoom == pytest.approx(1.0)
    canvas.zoom_in()
    assert canvas.zoom > 1.0
    canvas.zoom_out()
    canvas.zoom_out()
    assert canvas.zoom < 1.0
    canvas.reset_zoom()
    assert canvas.zoom == pytest.approx(1.0)
    canvas.fit_to_view()
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.contains(canvas.graph_scene.content_rect())
    assert canvas.zoom < 1.0
    for _ in range(100):
        canvas.zoom_out()
    assert canvas.zoom >= 0.02
    for _ in range(100):
        canvas.zoom_in()
    assert canvas.zoom <= 4.0


def test_keyboard_and_wheel_zoom(canvas: GraphCanvas, qtbot) -> None:
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(1.25)
    QTest.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(0.8)
    QTest.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom == pytest.approx(1.0)
    QTest.keyClick(canvas, Qt.Key.Key_F)
    assert canvas.zoom < 1.0

    from PySide6.QtCore import QPointF as P
    from PySide6.QtGui import QWheelEvent

    before = canvas.zoom
    centre = P(canvas.viewport().rect().center())
    ev = QWheelEvent(
        centre,
        canvas.viewport().mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    canvas.wheelEvent(ev)
    assert canvas.zoom == pytest.approx(before * 1.25)


def test_small_plans_are_not_magnified_past_100_percent(qtbot) -> None:
    from planner.model import Decision, new_plan

    plan = new_plan()
    plan.stages = plan.stages[:1]
    plan.decisions = [Decision(id="only", title="The only decision", stage="validate")]
    d = PlanDocument(plan)
    d.analyze_now()
    c = GraphCanvas(d)
    qtbot.addWidget(c)
    c.resize(1200, 800)
    c.fit_to_view()
    assert c.zoom == pytest.approx(1.0)
    d.shutdown()


# -- updates -------------------------------------------------------------------------------------------------------
def test_figures_update_in_place(canvas: GraphCanvas, doc: PlanDocument, qtbot) -> None:
    scene = canvas.graph_scene
    cards = dict(scene.cards)
    edges = list(scene.edges)
    bands = list(scene.bands)
    # not started: its duration is all work left (issue 16), so the card shows what was set
    target = next(d for d in doc.plan.decisions if not d.milestone and d.status == "not_started")
    with qtbot.waitSignal(doc.analysis_updated, timeout=5000):
        assert doc.set_duration(target.id, 20, 20, 20) is None
    assert scene.cards == cards and all(
        a is b for a, b in zip(scene.cards.values(), cards.values(), strict=True)
    )
    assert all(a is b for a, b in zip(scene.edges, edges, strict=True))
    assert scene.bands == bands
    data = scene.cards[target.id].card_data
    assert data is not None and data.right_text.startswith("20 wks")
    with qtbot.waitSignal(doc.analysis_updated, timeout=5000):
        doc.edit_decision(target.id, title="A brand new title for this decision")
    assert scene.cards[target.id].card_data.title == "A brand new title for this decision"


def test_edge_labels_follow_type_and_lag_edits(canvas: GraphCanvas, doc: PlanDocument, qtbot) -> None:
    scene = canvas.graph_scene
    k = next(i for i, dep in enumerate(doc.plan.dependencies) if dep.type == "SS" and dep.lag)
    edge = scene.edges[k]
    assert edge is not None and edge.label is not None
    with qtbot.waitSignal(doc.analysis_updated, timeout=5000):
        assert doc.edit_dependency(k, type="FS", lag=0.0) is None
    assert scene.edges[k] is edge and edge.label is None
    assert all(not isinstance(i, EdgeLabelItem) or i.parentItem() is not edge for i in scene.items())
    with qtbot.waitSignal(doc.analysis_updated, timeout=5000):
        assert doc.edit_dependency(k, type="FF", lag=-1.0) is None
    assert edge.label is not None and edge.label.text == "FF-1"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.analyze_now()
    assert edge.label is not None and edge.label.text == edge_label("SS", doc.plan.dependencies[k].lag)


def test_adding_and_removing_decisions_keeps_the_other_items(
    canvas: GraphCanvas, doc: PlanDocument, qtbot
) -> None:
    scene = canvas.graph_scene
    cards = dict(scene.cards)
    with qtbot.waitSignal(doc.analysis_updated, timeout=5000):
        new_id = doc.add_decision("Fresh decision", stage="scale")
    assert set(scene.cards) == set(cards) | {new_id}
    assert all(scene.cards[k] is v for k, v in cards.items())
    victim = doc.plan.decisions[2].id
    n_edges = sum(1 for dep in doc.plan.dependencies if victim in (dep.from_, dep.to))
    total = len(edges_of(canvas))
    with qtbot.waitSignal(doc.analysis_updated, timeout=5000):
        doc.delete_decisions([victim])
    assert victim not in scene.cards
    assert len(edges_of(canvas)) == total - n_edges
    assert all(e.source.decision_id != victim and e.target.decision_id != victim for e in edges_of(canvas))
    for e in edges_of(canvas):
        dep = doc.plan.dependencies[e.dep_index]
        assert (dep.from_, dep.to) == (e.source.decision_id, e.target.decision_id)
    doc.undo_stack.undo()
    assert victim in scene.cards and len(edges_of(canvas)) == total


def test_a_new_plan_replaces_everything(canvas: GraphCanvas, doc: PlanDocument) -> None:
    plan = load_plan(SAMPLES / "insights-assistant.plan.json")
    doc.set_plan(plan)
    doc.analyze_now()
    scene = canvas.graph_scene
    assert set(scene.cards) == {d.id for d in plan.decisions}
    assert len(edges_of(canvas)) == len(plan.dependencies)


def test_a_plan_with_a_cycle_still_shows(qtbot) -> None:
    from planner.model import Decision, Dependency, new_plan

    plan = new_plan()
    plan.decisions = [Decision(id=i, title=i.upper(), stage="validate") for i in "abc"]
    plan.dependencies = [
        Dependency.model_validate({"from": f, "to": t}) for f, t in [("a", "b"), ("b", "c"), ("c", "a")]
    ]
    d = PlanDocument(plan)
    d.analyze_now()
    c = GraphCanvas(d)
    qtbot.addWidget(c)
    assert set(c.graph_scene.cards) == {"a", "b", "c"}
    assert len(edges_of(c)) == 3
    assert "errors" in c.graph_scene.bands[0].subtitle.text()
    d.shutdown()


def test_a_plan_with_referential_errors_still_shows(qtbot) -> None:
    from planner.model import Decision, Dependency, new_plan

    plan = new_plan()
    plan.decisions = [
        Decision(id="a", title="A", stage="validate"),
        Decision(id="a", title="A again", stage="scale"),
        Decision(id="b", title="B", stage="nowhere", area="no-such-area"),
        Decision(id="m", title="M", stage="integrate", milestone=True),
    ]
    plan.dependencies = [
        Dependency.model_validate({"from": f, "to": t})
        for f, t in [("a", "b"), ("ghost", "b"), ("b", "b"), ("a", "m")]
    ]
    d = PlanDocument(plan)
    d.analyze_now()
    c = GraphCanvas(d)
    qtbot.addWidget(c)
    scene = c.graph_scene
    assert set(scene.cards) == {"a", "b", "m"}
    assert [e is not None for e in scene.edges] == [True, False, False, True]
    assert scene.bands[-1].title.text() == "Unknown stage"
    c.fit_to_view()
    assert not c.grab().isNull()
    d.shutdown()


def test_highlight_chain(canvas: GraphCanvas, doc: PlanDocument) -> None:
    a = doc.analysis
    assert a is not None and a.schedule is not None
    chain = a.explain(a.schedule.critical_path[-1]).driving_chain
    assert len(chain) >= 2
    canvas.highlight_chain(chain)
    scene = canvas.graph_scene
    for did, card in scene.cards.items():
        assert card.highlighted == (did in chain)
        assert (card.opacity() == 1.0) == (did in chain)
    lit = [e for e in edges_of(canvas) if e.opacity() == 1.0]
    assert {(e.source.decision_id, e.target.decision_id) for e in lit} == set(
        zip(chain, chain[1:], strict=False)
    )
    canvas.highlight_chain([])
    assert all(c.opacity() == 1.0 and not c.highlighted for c in scene.cards.values())


# -- laziness and narrow updates ----------------------------------------------------------------------------------
def test_a_hidden_canvas_waits_and_catches_up_when_shown(
    canvas: GraphCanvas, doc: PlanDocument, qtbot
) -> None:
    scene = canvas.graph_scene
    canvas.hide()
    assert not scene.active
    runs = scene.sync_count
    # not started: its duration is all work left (issue 16), so the card shows what was set
    target = next(d for d in doc.plan.decisions if not d.milestone and d.status == "not_started")
    doc.set_duration(target.id, 17, 17, 17)
    new_id = doc.add_decision("Made while hidden", stage="scale")
    doc.analyze_now()
    doc.select([new_id])
    assert scene.sync_count == runs and scene.stale and new_id not in scene.cards
    canvas.fit_to_view()  # hidden and stale: deferred to the show, no catching up now
    assert scene.sync_count == runs
    canvas.show()
    qtbot.waitExposed(canvas)
    assert not scene.stale and scene.active
    assert new_id in scene.cards and scene.cards[new_id].isSelected()
    assert scene.cards[target.id].card_data.right_text.startswith("17 wks")
    assert len(edges_of(canvas)) == len(doc.plan.dependencies)


def test_an_edit_touches_only_the_cards_whose_figures_changed(
    canvas: GraphCanvas, doc: PlanDocument, monkeypatch
) -> None:
    scene = canvas.graph_scene
    a = doc.analysis
    assert a is not None and a.schedule is not None
    # A decision off the critical path with float: lengthening it a little changes its own figures only.
    sched = a.schedule
    target = next(
        d
        for d in doc.plan.decisions
        if not d.milestone
        and d.status == "not_started"  # its duration is all remaining work (issue 16)
        and sched.total_float[sched.index[d.id]] >= 2
        and d.weeks("likely") >= 1
    )
    likely = target.weeks("likely")
    before = {i: c.card_data for i, c in scene.cards.items()}
    updated: list[str] = []
    original = CardItem.set_data

    def spy(self: CardItem, data: object) -> bool:
        updated.append(self.decision_id)
        return original(self, data)  # type: ignore[arg-type]

    monkeypatch.setattr(CardItem, "set_data", spy)
    assert doc.set_duration(target.id, likely + 1, likely + 1, likely + 1) is None
    doc.analyze_now()
    new = doc.analysis.schedule
    old_tf, new_tf = sched.total_float.tolist(), new.total_float.tolist()
    expected = {target.id} | {
        i
        for i in new.ids
        if old_tf[sched.index[i]] != new_tf[new.index[i]]
        or sched.critical[sched.index[i]] != new.critical[new.index[i]]
    }
    assert set(updated) <= expected | {d.id for d in doc.plan.decisions if d.milestone}
    assert target.id in updated and len(updated) < len(scene.cards)
    changed = {i for i, c in scene.cards.items() if c.card_data != before[i]}
    assert target.id in changed and changed <= set(updated)


def test_an_edit_of_one_link_restyles_only_that_edge(
    canvas: GraphCanvas, doc: PlanDocument, monkeypatch
) -> None:
    scene = canvas.graph_scene
    k = next(i for i, dep in enumerate(doc.plan.dependencies) if dep.type == "FS" and not dep.lag)
    calls: list[int] = []
    original = EdgeItem.set_info

    def spy(self: EdgeItem, *args: object) -> None:
        calls.append(self.dep_index)
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(EdgeItem, "set_info", spy)
    edges = list(scene.edges)
    assert doc.edit_dependency(k, type="SS") is None
    doc.analyze_now()
    assert all(a is b for a, b in zip(scene.edges, edges, strict=True))
    assert k in calls and len(calls) < len(edges_of(canvas)) // 2
    assert scene.edges[k].label is not None and scene.edges[k].label.text == "SS"


def test_tooltips_are_composed_on_demand(canvas: GraphCanvas, doc: PlanDocument) -> None:
    scene = canvas.graph_scene
    a = doc.analysis
    assert a is not None and a.schedule is not None
    d = next(d for d in doc.plan.decisions if not d.milestone)
    tip = scene.cards[d.id].toolTip()
    assert tip.startswith("<b>") and d.id in tip and "Weeks" in tip
    assert CardItem(d.id).toolTip() == ""  # not in a scene: nothing to say


def test_the_layout_is_imported_lazily_and_cached(canvas: GraphCanvas, doc: PlanDocument) -> None:
    import subprocess
    import sys

    code = (
        "import sys; import planner.ui.canvas.scene, planner.ui.canvas.view; "
        "print('planner.analysis.layout' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.split() == ["False", "False"]
    scene = canvas.graph_scene
    layout = scene.layout
    a, b = doc.plan.decisions[0].id, doc.plan.decisions[-1].id
    assert doc.add_dependency(a, b) is None
    assert scene.layout is not layout
    doc.undo_stack.undo()
    assert scene.layout is layout  # the same shape again: the cached layout, not a new one


def test_stage_bands_say_when_strict_gates_move_decisions_into_them(qtbot) -> None:
    # The graph's columns are the sequenced stages; every other view counts assigned stages, so a band that holds
    # decisions moved there by sequencing says how many and from where (issue 8).
    d = PlanDocument(load_plan(SAMPLES / "fraud-detection.plan.json"))
    d.analyze_now()
    c = GraphCanvas(d)
    qtbot.addWidget(c)
    moves = d.analysis.stages.sequencing_moves()
    assert moves, "the sample has a stage inversion"
    names = {s.id: s.name for s in d.plan.stages}
    for frm, to, ids in moves:
        band = next(b for b in c.graph_scene.bands if b.title.text() == names[to])
        assert f"{len(ids)} from {names[frm]} under strict gates" in band.subtitle.text()
    untouched = [b for b in c.graph_scene.bands if b.title.text() not in {names[to] for _, to, _ in moves}]
    assert all("strict gates" not in b.subtitle.text() for b in untouched)
    d.shutdown()
