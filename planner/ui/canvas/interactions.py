"""Mouse gestures on the graph canvas, one small object per gesture (as in orange-canvas-core).

The scene hands mouse events to its current interaction first; an interaction returns True when it consumed the
event, and calls :meth:`Interaction.end` when the gesture is over. Edits go through the document only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from planner.ui.canvas import style as S
from planner.ui.canvas.items import CardItem, LinkPreviewItem

if TYPE_CHECKING:
    from planner.ui.canvas.scene import GraphScene


class Interaction:
    """Base class: ignores every event. Subclasses override what their gesture needs."""

    def __init__(self, scene: GraphScene) -> None:
        self.scene = scene

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def cancel(self) -> None:
        """Abandon the gesture without editing anything."""
        self.end()

    def end(self) -> None:
        self.cleanup()
        if self.scene.interaction is self:
            self.scene.set_interaction(None)

    def cleanup(self) -> None:
        """Remove whatever the gesture added to the scene."""


class MoveInteraction(Interaction):
    """Dragging cards (Qt moves them); on release, one ``document.move_cards`` call for all that moved."""

    def __init__(self, scene: GraphScene, cards: list[CardItem]) -> None:
        super().__init__(scene)
        self.start = {c.decision_id: QPointF(c.pos()) for c in cards}
        self.last = dict(self.start)
        self.cards = cards

    def moved(self) -> None:
        """Qt has just moved the cards: re-route their edges (Python work only while a drag is on)."""
        for card in self.cards:
            if card.pos() != self.last.get(card.decision_id):
                self.last[card.decision_id] = QPointF(card.pos())
                card.update_edges()

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        moved: dict[str, tuple[float, float]] = {}
        for card in self.cards:
            p = card.pos()
            if p != self.start[card.decision_id]:
                # Whole pixels: the plan file stays tidy and diffs well.
                x, y = float(round(p.x())), float(round(p.y()))
                card.setPos(x, y)
                card.update_edges()
                moved[card.decision_id] = (x, y)
        self.end()
        if moved:
            self.scene.document.move_cards(moved)
        return False  # let Qt finish its own release handling

    def cancel(self) -> None:
        for card in self.cards:
            card.setPos(self.start[card.decision_id])
            card.update_edges()
        self.end()


class LinkInteraction(Interaction):
    """Drag from a card's handle to another card to add a dependency ``source -> target``.

    While dragging, the card under the mouse shows whether the link is allowed (green) or would close a cycle
    (red). On release over a card the document adds the dependency, or the canvas shows why it refused.
    """

    def __init__(self, scene: GraphScene, source: CardItem) -> None:
        super().__init__(scene)
        self.source = source
        self.target: CardItem | None = None
        self.target_cycle: list[str] | None = None
        self.preview = LinkPreviewItem()
        scene.addItem(self.preview)
        self.preview.set_ends(source.out_anchor(), source.out_anchor())

    def _card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.scene.items(pos):
            if isinstance(item, CardItem) and item is not self.source:
                return item
        return None

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        card = self._card_at(pos)
        if card is not self.target:
            if self.target is not None:
                self.target.set_link_state(None)
            self.target = card
            self.target_cycle = None
            if card is not None:
                self.target_cycle = self.scene.document.would_create_cycle(
                    self.source.decision_id, card.decision_id
                )
                card.set_link_state("bad" if self.target_cycle else "ok")
        end = self.target.in_anchor() if self.target is not None else pos
        color = None
        if self.target is not None:
            color = S.LINK_BAD if self.target_cycle else S.LINK_OK
        self.preview.set_ends(self.source.out_anchor(), end, color)
        return True

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return True

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return True
        target = self._card_at(event.scenePos())
        self.end()
        if target is not None:
            self.scene.add_dependency(self.source.decision_id, target.decision_id)
        return True

    def cleanup(self) -> None:
        if self.target is not None:
            self.target.set_link_state(None)
            self.target = None
        if self.preview.scene() is not None:
            self.scene.removeItem(self.preview)
