"""The graph scene: keeps one card per decision and one edge per dependency in step with the document.

Synchronisation is incremental. On every ``plan_changed`` and ``analysis_updated`` the scene diffs the plan
against its items: cards and edges are created or removed only for decisions and dependencies that appeared or
went away, the layered layout is recomputed only when the graph's shape (ids, stages, links) changed, and a card
repaints only when what it shows changed. Views never compute schedules: figures come from the analysis.
"""

from __future__ import annotations

import gc
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from planner.analysis.layout import GraphLayout, layered_layout
from planner.ui import format as fmt
from planner.ui.canvas import style as S
from planner.ui.canvas.interactions import Interaction, LinkInteraction, MoveInteraction
from planner.ui.canvas.items import CardData, CardItem, EdgeItem, EdgeLabelItem, StageBandItem

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.ui.document import PlanDocument


def layout_to_scene(x: float, y: float) -> QPointF:
    """Top-left corner of a card whose centre the layered layout puts at (x, y) (abstract units)."""
    return QPointF(round(x * S.LAYER_PITCH - S.CARD_W / 2), round(y * S.ROW_PITCH - S.CARD_H / 2 + S.BAND_HEADER))


class GraphScene(QGraphicsScene):
    """Cards, edges and stage bands for one :class:`PlanDocument`."""

    refused = Signal(str, str)  # title, message: an edit the document refused (the view shows it)
    reveal_requested = Signal(QRectF)  # scene rect the view should scroll into sight
    edge_selection_changed = Signal()

    def __init__(self, document: PlanDocument, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.document = document
        self.cards: dict[str, CardItem] = {}
        self.edges: list[EdgeItem | None] = []  # aligned with plan.dependencies (None: unknown decision)
        self.bands: list[StageBandItem] = []
        self.layout: GraphLayout | None = None
        self.interaction: Interaction | None = None
        self.highlight: list[str] = []
        self._layout_key: tuple[object, ...] | None = None
        self._syncing_selection = False
        self._content = QRectF()
        self.detailed = True  # arrowheads and edge labels shown (off when zoomed out too far to read them)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.selectionChanged.connect(self._on_scene_selection_changed)
        document.plan_changed.connect(self._on_plan_changed)
        document.analysis_updated.connect(self._on_analysis)
        if hasattr(document, "analysis_failed"):
            document.analysis_failed.connect(self._on_analysis)
        document.selection_changed.connect(self._on_document_selection)
        self.sync()
        self._on_document_selection(list(document.selection), reveal=False)

    # -- synchronisation ----------------------------------------------------------------------------------------
    def _on_plan_changed(self) -> None:
        # Items appear, go and move at once (so that, e.g., edge indices are never stale), but figures and texts
        # wait for the analysis that follows every edit (immediately for small plans).
        self.sync(figures=False)

    def _on_analysis(self, _analysis: object) -> None:
        self.sync()

    def _analysis(self) -> Analysis | None:
        a = self.document.analysis
        return a if a is not None and a.plan is self.document.plan else None

    def sync(self, figures: bool = True) -> None:
        """Bring the items in line with the plan and its latest analysis (incremental, see module docstring).

        With ``figures`` False only structure and positions are synchronised (new items get their data).
        """
        # Creating thousands of items would otherwise trigger full cyclic-GC passes over the whole plan.
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._sync(figures)
        finally:
            if enabled:
                gc.enable()

    def _sync(self, figures: bool) -> None:
        plan = self.document.plan
        analysis = self._analysis()
        decisions = plan.decisions
        ids = [d.id for d in decisions]
        # Cards: drop the ones whose decision went away, add new ones.
        wanted = set(ids)
        for did in [k for k in self.cards if k not in wanted]:
            card = self.cards.pop(did)
            for edge in list(card.edges):
                self._drop_edge(edge)
            self.removeItem(card)
        created = []
        for did in ids:
            if did not in self.cards:
                card = CardItem(did)
                self.cards[did] = card
                self.addItem(card)
                created.append(card)

        key = (tuple(ids), tuple(d.stage for d in decisions), tuple((x.from_, x.to) for x in plan.dependencies),
               tuple(s.id for s in plan.stages))
        relayout = key != self._layout_key
        if relayout:
            self._layout_key = key
            self.layout = layered_layout(plan, analysis)
        lay = self.layout
        assert lay is not None

        # Positions: the saved one, else the layered layout's. Cards being dragged are left alone.
        dragging = set()
        if isinstance(self.interaction, MoveInteraction):
            dragging = {c.decision_id for c in self.interaction.cards}
        moved: set[str] = set()
        saved = plan.layout
        for i, did in enumerate(lay.ids):
            card = self.cards[did]
            if relayout or card.layout_pos is None:
                card.layout_pos = layout_to_scene(lay.x[i], lay.y[i])
            if did in dragging:
                continue
            p = saved.get(did)
            target = QPointF(p.x, p.y) if p is not None else card.layout_pos
            if card.pos() != target or card in created:
                card.setPos(target)
                moved.add(did)

        self._sync_cards(analysis, None if figures else {c.decision_id for c in created})
        touched = self._sync_edges(analysis, relayout, figures)
        for did in moved:
            for edge in self.cards[did].edges:
                touched.add(edge)
        touched |= self._spread_ports(created or moved or touched)
        for edge in touched:
            edge.update_path()
        self._sync_bands()
        if self.highlight:
            self.highlight_chain([h for h in self.highlight if h in self.cards], reveal=False)

    def _sync_cards(self, analysis: Analysis | None, only: set[str] | None = None) -> None:
        plan = self.document.plan
        sched = analysis.schedule if analysis is not None else None
        colors = {a.id: a.color for a in plan.areas}
        area_names = {a.id: a.name for a in plan.areas}
        stage_names = {s.id: s.name for s in plan.stages}
        estimate = analysis.estimate if analysis is not None else getattr(self.document, "estimate", "likely")
        index: dict[str, int] = {}
        if sched is not None:
            index = sched.index
            # Python lists once, not numpy scalars per card.
            dur_l, es_l, ef_l = sched.duration.tolist(), sched.es.tolist(), sched.ef.tolist()
            tf_l, crit_l = sched.total_float.tolist(), sched.critical.tolist()
        weeks = fmt.weeks
        esc = html.escape
        seen: set[str] = set()
        for d in plan.decisions:
            if d.id in seen or (only is not None and d.id not in only):
                continue  # (a duplicate id is a validation error: the first one has the card)
            seen.add(d.id)
            i = index.get(d.id)
            tip = f"<b>{esc(d.title)}</b><br>{esc(d.id)} · {esc(stage_names.get(d.stage, d.stage))}"
            if d.area:
                tip += f" · {esc(area_names.get(d.area, d.area))}"
            if i is None:
                dur = d.weeks(estimate)
                critical = False
                right = "" if d.milestone else weeks(dur, unit=True)
            else:
                dur = dur_l[i]
                critical = crit_l[i]
                tf = tf_l[i]
                if d.milestone:
                    # The diamond says "milestone"; the meta line says when.
                    right = f"wk {weeks(es_l[i])}" + (" · critical" if critical else "")
                else:
                    right = weeks(dur, unit=True) + (" · critical" if critical else f" · float {weeks(tf)}")
                tip += (f"<br>Weeks {weeks(es_l[i])}–{weeks(ef_l[i])} ({weeks(dur, unit=True)})<br>"
                        + ("Critical: no float" if critical else f"Total float {weeks(tf, unit=True)}"))
            done = d.status == "done"
            self.cards[d.id].set_data(CardData(
                title=d.title,
                id=d.id,
                area_color=colors.get(d.area) if d.area else None,
                milestone=d.milestone,
                right_text=right,
                critical=critical,
                progress=1.0 if done else d.progress / 100.0,
                done=done,
                tooltip=tip,
            ))

    def _sync_edges(self, analysis: Analysis | None, relayout: bool, figures: bool = True) -> set[EdgeItem]:
        """Match edge items to ``plan.dependencies`` (by ends and occurrence); returns edges needing a new path."""
        plan = self.document.plan
        lay = self.layout
        assert lay is not None
        driving = self._driving(analysis)
        if not relayout and len(self.edges) == len(plan.dependencies):
            # Same links in the same order (the layout key says so): only figures and labels can have changed.
            if not figures:
                return set()
            for k, (edge, dep) in enumerate(zip(self.edges, plan.dependencies, strict=True)):
                if edge is not None:
                    drv, crit_edge = driving.get(k, (False, False))
                    edge.set_info(str(dep.type), float(dep.lag), drv, crit_edge)
            return set()
        old: dict[tuple[str, str, int], EdgeItem] = {}
        counts: dict[tuple[str, str], int] = {}
        for edge in self.edges:
            if edge is None or edge.scene() is not self:  # gone with its card
                continue
            pair = (edge.source.decision_id, edge.target.decision_id)
            n = counts.get(pair, 0)
            counts[pair] = n + 1
            old[(*pair, n)] = edge
        touched: set[EdgeItem] = set()
        new_edges: list[EdgeItem | None] = []
        counts = {}
        for k, dep in enumerate(plan.dependencies):
            src = self.cards.get(dep.from_)
            dst = self.cards.get(dep.to)
            if src is None or dst is None or src is dst:
                new_edges.append(None)
                continue
            pair = (dep.from_, dep.to)
            n = counts.get(pair, 0)
            counts[pair] = n + 1
            edge = old.pop((*pair, n), None)
            fresh = edge is None
            if edge is None:
                edge = EdgeItem(src, dst, k)
                self.addItem(edge)
                touched.add(edge)
                if not self.detailed:
                    edge.set_detailed(False)
            edge.dep_index = k
            if relayout:
                route = lay.routes.get(k)
                new_route = [self._waypoint(x, y) for x, y in route] if route else None
                if new_route != edge.route:
                    edge.route = new_route
                    touched.add(edge)
            if figures or fresh:
                drv, crit_edge = driving.get(k, (False, False))
                edge.set_info(str(dep.type), float(dep.lag), drv, crit_edge)
            new_edges.append(edge)
        for edge in old.values():
            self._drop_edge(edge)
        self.edges = new_edges
        return touched

    def _spread_ports(self, changed: object) -> set[EdgeItem]:
        """Spread the arrowheads arriving at a card along its left edge, ordered by where each arrow comes from,
        so that a decision with many predecessors shows each arrow. Returns the edges whose landing moved."""
        if not changed:
            return set()
        incoming: dict[CardItem, list[tuple[float, int, EdgeItem]]] = {}
        for k, edge in enumerate(self.edges):
            if edge is None:
                continue
            route = edge.route if edge.source.at_layout_position() and edge.target.at_layout_position() else None
            y = route[-1].y() if route else edge.source.pos().y() + S.CARD_H / 2
            incoming.setdefault(edge.target, []).append((y, k, edge))
        moved: set[EdgeItem] = set()
        span = S.CARD_H - 24
        for arrivals in incoming.values():
            arrivals.sort(key=lambda t: (t[0], t[1]))
            m = len(arrivals)
            step = min(11.0, span / (m - 1)) if m > 1 else 0.0
            first = -step * (m - 1) / 2
            for j, (_, _, edge) in enumerate(arrivals):
                dy = first + j * step
                if dy != edge.in_dy:
                    edge.in_dy = dy
                    moved.add(edge)
        return moved

    def _driving(self, analysis: Analysis | None) -> dict[int, tuple[bool, bool]]:
        """(driving, on a critical chain) by dependency index, from the analysis."""
        driving: dict[int, tuple[bool, bool]] = {}
        sched = analysis.schedule if analysis is not None else None
        if sched is None:
            return driving
        g = sched.graph
        deps = self.document.plan.dependencies
        crit = sched.critical.tolist()
        ids = g.ids
        for k, u, v, drv in zip(g.edge_dep.tolist(), g.src.tolist(), g.dst.tolist(), sched.driving.tolist(),
                                strict=True):
            # The analysis may predate the latest edit: trust an edge only if it still names the same ends.
            if k < len(deps):
                dep = deps[k]
                if dep.from_ == ids[u] and dep.to == ids[v]:
                    driving[k] = (drv, drv and crit[u] and crit[v])
        return driving

    @staticmethod
    def _waypoint(x: float, y: float) -> QPointF:
        return QPointF(x * S.LAYER_PITCH, y * S.ROW_PITCH + S.BAND_HEADER)

    def _drop_edge(self, edge: EdgeItem) -> None:
        edge.detach()
        if edge.selected:
            edge.selected = False
            self.edge_selection_changed.emit()
        if edge.scene() is self:
            self.removeItem(edge)

    def _sync_bands(self) -> None:
        lay = self.layout
        assert lay is not None
        xs, ys = [], []
        for c in self.cards.values():
            p = c.pos()
            xs.append(p.x())
            ys.append(p.y())
        top = min(0.0, min(ys, default=0.0) - S.BAND_HEADER)
        bottom = max(ys, default=S.BAND_HEADER) + S.CARD_H + S.BAND_PAD_BOTTOM
        while len(self.bands) < len(lay.columns):
            band = StageBandItem(len(self.bands))
            self.addItem(band)
            self.bands.append(band)
        while len(self.bands) > len(lay.columns):
            self.removeItem(self.bands.pop())
        note = "" if lay.sequenced else "assigned stages (the plan has errors)"
        left, right = min(xs, default=0.0), max(xs, default=0.0) + S.CARD_W
        for band, col in zip(self.bands, lay.columns, strict=True):
            x0 = col.x0 * S.LAYER_PITCH + 6
            x1 = col.x1 * S.LAYER_PITCH - 6
            band.set_band(QRectF(x0, top, x1 - x0, bottom - top), col.name, col.count, note)
            left, right = min(left, x0), max(right, x1)
        self._content = QRectF(left, top, right - left, bottom - top)
        self.setSceneRect(self._content.adjusted(-400, -300, 400, 300))

    def set_detailed(self, on: bool) -> None:
        """Show or hide arrowheads and edge labels. Zoomed far out they are unreadable specks that cost most of a
        repaint (about two thirds at 1,000 decisions), so the view turns them off below a threshold."""
        if on == self.detailed:
            return
        self.detailed = on
        for edge in self.edges:
            if edge is not None:
                edge.set_detailed(on)

    def content_rect(self) -> QRectF:
        """The bands and cards, without the scroll margin."""
        return QRectF(self._content)

    # -- selection ----------------------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        chosen = {i.decision_id for i in self.selectedItems() if isinstance(i, CardItem)}
        return [d.id for d in self.document.plan.decisions if d.id in chosen]

    def _on_scene_selection_changed(self) -> None:
        if self._syncing_selection:
            return
        ids = self.selected_ids()
        if ids != self.document.selection:
            self._syncing_selection = True
            try:
                self.document.select(ids)
            finally:
                self._syncing_selection = False

    def _on_document_selection(self, ids: list[str], reveal: bool = True) -> None:
        if self._syncing_selection:
            return
        if set(ids) == set(self.selected_ids()):
            return
        self._syncing_selection = True
        try:
            self.clearSelection()
            rect = QRectF()
            for did in ids:
                card = self.cards.get(did)
                if card is not None:
                    card.setSelected(True)
                    rect = rect.united(card.scene_rect()) if rect.isValid() else card.scene_rect()
        finally:
            self._syncing_selection = False
        if ids and reveal and rect.isValid():
            self.reveal_requested.emit(rect)

    def selected_edges(self) -> list[EdgeItem]:
        return [e for e in self.edges if e is not None and e.selected]

    def select_edge(self, edge: EdgeItem | None, toggle: bool = False) -> None:
        """Select ``edge`` alone (or toggle it with ``toggle``); None clears the edge selection."""
        changed = False
        if not toggle:
            for e in self.selected_edges():
                if e is not edge:
                    e.set_selected(False)
                    changed = True
        if edge is not None:
            edge.set_selected(not edge.selected if toggle else True)
            changed = True
        if changed:
            self.edge_selection_changed.emit()

    def delete_selected_edges(self) -> bool:
        """Remove the selected dependencies through the document (one undo step). False when none selected."""
        indices = sorted(e.dep_index for e in self.selected_edges())
        if not indices:
            return False
        self.document.remove_dependencies(indices)
        return True

    def delete_selection(self) -> bool:
        """Delete key: the selected dependencies if any, else the selected decisions (with their links), through
        the document, as one undo step. False when nothing was selected."""
        if self.delete_selected_edges():
            return True
        ids = self.selected_ids()
        remove = getattr(self.document, "delete_decisions", None)
        if ids and remove is not None:
            remove(ids)
            return True
        return False

    # -- highlighting -------------------------------------------------------------------------------------------
    def highlight_chain(self, ids: list[str], reveal: bool = True) -> None:
        """Emphasise a chain of decisions (e.g. a driving chain) and the edges between consecutive ones; dim the
        rest. An empty list clears the highlight."""
        self.highlight = list(ids)
        chain = set(ids)
        pairs = set(zip(ids, ids[1:], strict=False))
        dim = 0.28 if ids else 1.0
        rect = QRectF()
        for did, card in self.cards.items():
            on = did in chain
            card.set_highlighted(on)
            card.setOpacity(1.0 if on or not ids else dim)
            if on:
                rect = rect.united(card.scene_rect()) if rect.isValid() else card.scene_rect()
        for edge in self.edges:
            if edge is None:
                continue
            on = (edge.source.decision_id, edge.target.decision_id) in pairs
            edge.setOpacity(1.0 if on or not ids else dim)
        if ids and reveal and rect.isValid():
            self.reveal_requested.emit(rect)

    # -- edits --------------------------------------------------------------------------------------------------
    def add_dependency(self, from_id: str, to_id: str) -> bool:
        """Add ``from_id -> to_id`` through the document; a refusal is reported by :attr:`refused`."""
        doc = self.document
        titles = {d.id: d.title for d in doc.plan.decisions}
        cycle = doc.would_create_cycle(from_id, to_id)
        if cycle:
            if cycle[0] != cycle[-1]:
                cycle = [*cycle, cycle[0]]
            named = "\n".join(f"{'→ ' if k else ''}{titles.get(c, c)} ({c})" for k, c in enumerate(cycle))
            self.refused.emit(
                "Dependency refused",
                f"'{titles.get(to_id, to_id)}' cannot depend on '{titles.get(from_id, from_id)}': "
                f"it would create a cycle {' → '.join(cycle)}.\n\n{named}",
            )
            return False
        problem = doc.add_dependency(from_id, to_id)
        if problem:
            self.refused.emit("Dependency refused", f"The dependency was not added: {problem}.")
            return False
        return True

    # -- events -------------------------------------------------------------------------------------------------
    def set_interaction(self, interaction: Interaction | None) -> None:
        old = self.interaction
        self.interaction = interaction
        if old is not None and old is not interaction:
            old.cleanup()

    def cancel_interaction(self) -> None:
        if self.interaction is not None:
            self.interaction.cancel()

    def _edge_at(self, pos: QPointF) -> EdgeItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return None
            if isinstance(item, EdgeLabelItem):
                parent = item.parentItem()
                if isinstance(parent, EdgeItem):
                    return parent
            if isinstance(item, EdgeItem) and item.shape().contains(pos):
                return item
        return None

    def _card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.interaction is not None and self.interaction.mouse_press(event):
            event.accept()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.scenePos()
        toggle = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        card = self._card_at(pos)
        if card is not None and card.on_handle(card.mapFromScene(pos)):
            self.set_interaction(LinkInteraction(self, card))
            event.accept()
            return
        if card is None:
            edge = self._edge_at(pos)
            if edge is not None:
                if not toggle:
                    self.clearSelection()
                self.select_edge(edge, toggle=toggle)
                event.accept()
                return
        if not toggle:
            self.select_edge(None)
        super().mousePressEvent(event)
        if card is not None and card.isSelected():
            movable = [i for i in self.selectedItems() if isinstance(i, CardItem)]
            self.set_interaction(MoveInteraction(self, movable))

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.interaction is not None and self.interaction.mouse_move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)
        if isinstance(self.interaction, MoveInteraction):
            self.interaction.moved()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        interaction = self.interaction
        if interaction is not None and isinstance(interaction, LinkInteraction):
            interaction.mouse_release(event)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if interaction is not None:
            # Deferred to the end of this event: the document's edit re-syncs the scene.
            interaction.mouse_release(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.interaction is not None:
            self.interaction.cancel()
            event.accept()
            return
        super().keyPressEvent(event)


__all__ = ["GraphScene", "layout_to_scene"]
