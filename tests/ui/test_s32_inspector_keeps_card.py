"""Opening a decision beside the graph keeps its card in sight (session 32, workshop).

Presenting the fraud sample at 1280x720, Tab picked the Validate step's first decision and Enter opened it: the
inspector came in beside the graph, and the view (anchored at its centre) cut the card being edited at its left
edge, the room watching its figures change out of sight. A graph view made narrower or shorter now keeps the
selected cards in sight when they were."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import open_at, presenting_graph, settle


def _card_shown(canvas: Any, did: str) -> bool:
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    return bool(shown.contains(canvas.graph_scene.cards[did].sceneBoundingRect()))


def test_enter_while_presenting_keeps_the_card_in_sight(window: Any, qtbot: Any) -> None:
    window.show()
    qtbot.waitExposed(window)
    open_at(window, qtbot, SAMPLES / "fraud-detection.plan.json", (1280, 720))
    with presenting_graph(window) as p:
        p.go_to(1)  # the Validate stage
        settle()
        did = p.focus_decision(+1)  # Tab: its first decision
        settle()
        assert did is not None and window.doc.selection == [did]
        canvas = window.canvas
        assert _card_shown(canvas, did)
        width = canvas.width()
        window.workbench.open_selected()  # Enter
        qtbot.waitUntil(lambda: window.inspector_dock.isVisible() and canvas.width() < width)
        settle()
        assert _card_shown(canvas, did)
        assert window.inspector.form.title_edit.hasFocus() or not window.isActiveWindow()
        p.escape()  # Esc closes the inspector again
        settle()
    assert window.size() == QSize(1280, 720)


def test_a_narrower_desk_graph_keeps_the_selected_card(window: Any, qtbot: Any) -> None:
    window.show()
    qtbot.waitExposed(window)
    open_at(window, qtbot, SAMPLES / "bank-assistant.plan.json", (1400, 860))
    window.show_view("Graph")
    window.inspector_dock.hide()
    settle()
    canvas = window.canvas
    canvas.set_zoom(1.0)
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    # the card nearest the view's left edge, whole in sight
    cards = [
        (r.left(), did)
        for did, card in canvas.graph_scene.cards.items()
        if shown.contains(r := card.sceneBoundingRect())
    ]
    assert cards
    did = min(cards)[1]
    window.doc.select([did])
    settle()
    assert _card_shown(canvas, did)
    width = canvas.width()
    window.inspector_dock.show()
    window.resizeDocks([window.inspector_dock], [500], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: canvas.width() < width - 200)
    settle()
    assert _card_shown(canvas, did)
