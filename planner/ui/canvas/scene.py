"""The graph scene: keeps one card per decision and one edge per dependency in step with the document.

Synchronisation is incremental and as narrow as the document lets it be:

- Structure (cards and edges appearing or going, the layered layout) is re-checked only after the document said
  the structure may have changed (decisions inserted, removed or renamed, a stage changed, dependencies edited, a
  new plan); the layout is recomputed only when the graph's shape (ids, stages, links) changed, and the last few
  layouts are cached (undo and redo of a link edit cost no layout).
- Figures: on ``analysis_updated`` the scene compares the new schedule's arrays with the ones it showed (numpy)
  and touches only the cards whose figures changed, plus the ones whose decision was edited; likewise for edges
  (driving / critical flags by dependency, type and lag only after a dependency edit).
- Hidden: while its view is hidden (another tab is current) the scene only notes that it is stale, and catches up
  when it is shown again (or when asked for its content: fit, highlight).

- Progressive: a large plan built from scratch (more than :data:`PROGRESSIVE` decisions: opening a plan, a new
  plan) is built in slices from a zero-interval timer: the layered layout first (then the stage bands and the
  scene's extent are known), then cards and edges a few hundred at a time, each slice bounded by
  :data:`BUILD_SLICE` seconds, so the view paints, scrolls and zooms meanwhile (it draws the progress). The
  build refreshes the figures itself if an analysis arrives meanwhile. An edit during the build completes it at
  once (then syncs as usual: items never lag behind an edit, so dependency indices are never stale); a new plan
  restarts it; a hidden view pauses it. Small plans are built synchronously (readable at once). What a build
  makes is made cheaply (issue 12): the edges' order, arrival points and shapes in a few numpy passes, each
  edge's curve when first painted or hit-tested, each card's texts when first painted or read.

- One sync: the in-place sync and the progressive build run the same steps over the same pure helpers
  (:func:`card_figures` and :func:`card_data` for a card's texts, :func:`edge_info` for an edge's flags,
  :func:`arrival_y` and :func:`spread_ports` for where arrows land, :func:`edge_route` for routes, one
  :func:`figures_estimate`); the build runs them in batches over a snapshot of the plan.

Views never compute schedules: figures come from the analysis.
"""

from __future__ import annotations

import gc
import html
import sys
import time
from collections import OrderedDict
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneHelpEvent, QGraphicsSceneMouseEvent, QToolTip

from planner import units
from planner.ui.canvas import style as S
from planner.ui.canvas.interactions import Interaction, LinkInteraction, MoveInteraction
from planner.ui.canvas.items import (
    LABEL_SLOTS,
    CardData,
    CardItem,
    EdgeGeometry,
    EdgeItem,
    StageBandItem,
    edge_geometries,
    label_point,
    note_exposed,
)
from planner.ui.views import format as fmt

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.analysis.layout import GraphLayout
    from planner.model import Decision, Plan
    from planner.ui.state.document import PlanDocument

BULK = 500
"""Creating more items than this at once goes without the scene's BSP index (rebuilt once afterwards)."""

PROGRESSIVE = 1500
"""A scene built from scratch for more decisions than this is built progressively (see the module docstring)."""
DEFER_CARDS = 64
"""A figure sync of more cards than this gives them their data when each is first painted or read (the texts of
the cards out of sight are not made at every edit)."""

BUILD_SLICE = 0.04
"""Seconds of building per event-loop turn during a progressive build (the layout step is one slice)."""

THREADED_LAYOUT = 20_000
"""A progressive build lays out more decisions than this in a thread (pure Python, seconds at 50,000): the event
loop keeps answering, and the view shows the plan's stage-and-area overview until the layout is known."""

_END_SLICE = -1.0  # yielded by a build step that must end its slice (let the view paint)

BSP_DEPTH = 12
"""Deepest BSP index the scene uses (see ``_index_items``)."""

LAYOUT_CACHE = 4
"""Layered layouts kept by graph shape (undo/redo of a structural edit finds its layout here)."""

_STRUCTURAL_FIELDS = frozenset({"id", "stage"})

_NO_GEOMETRY: EdgeGeometry = (0.0, 0.0, 0.0, 0.0, None, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)

LABELS_DEBOUNCE_MS = 150
"""Edge labels are spread (GraphScene.spread_labels) this long after edges last moved."""
SPREAD_LABELS_MAX = 8000
"""Up to this many edges labels are spread (~30 ms for 6,000 edges); a larger plan keeps them at their curves'
middles (30,000 edges took ~200 ms after every edit)."""
PLACE_AT_ONCE = 64
"""Edges placed together beyond this many get their geometry from one numpy pass (:func:`edge_geometries`)."""


def _resume_gc(paused: list[bool]) -> None:
    """Resume the garbage collector if a build paused it (``paused[0]``)."""
    if paused[0]:
        paused[0] = False
        gc.enable()


def layout_to_scene(x: float, y: float) -> QPointF:
    """Top-left corner of a card whose centre the layered layout puts at (x, y) (abstract units)."""
    return QPointF(
        round(x * S.LAYER_PITCH - S.CARD_W / 2), round(y * S.ROW_PITCH - S.CARD_H / 2 + S.BAND_HEADER)
    )


@dataclass(frozen=True)
class EmptyColumn:
    """A stage column of a plan without decisions: the fields of ``planner.analysis.layout.ColumnExtent``."""

    index: int
    stage_id: str | None
    name: str
    x0: float
    x1: float
    first_layer: int
    layers: int
    count: int


@dataclass
class EmptyLayout:
    """What ``planner.analysis.layout.layered_layout`` gives a plan without decisions (the same fields; a test
    holds them equal), made without importing the analysis (numpy) before the window's first paint."""

    columns: list[EmptyColumn]
    sequenced: bool = True
    ids: list[str] = field(default_factory=list)
    column: list[int] = field(default_factory=list)
    depth: list[int] = field(default_factory=list)
    layer: list[int] = field(default_factory=list)
    row: list[int] = field(default_factory=list)
    x: list[float] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    routes: dict[int, list[tuple[float, float]]] = field(default_factory=dict)
    crossings: int = 0
    width: float = 0.0
    height: float = 0.0

    @property
    def positions(self) -> dict[str, tuple[float, float]]:
        return {}


EMPTY_COLUMN_GAP = 0.5
"""``planner.analysis.layout.COLUMN_GAP`` (a test holds them equal)."""


def empty_layout(plan: Plan, analysis: Analysis | None) -> GraphLayout | None:
    """The layered layout of ``plan`` if it has no decisions: one empty column per stage, one layer each; None
    when that is not certain (decisions, or an analysis without stages: the layout's own rules apply)."""
    if plan.decisions or (analysis is not None and analysis.stages is None):
        return None
    columns = [
        EmptyColumn(
            c, stage.id, stage.name, c + c * EMPTY_COLUMN_GAP - 0.5, c + c * EMPTY_COLUMN_GAP + 0.5, c, 1, 0
        )
        for c, stage in enumerate(plan.stages)
    ]
    return cast("GraphLayout", EmptyLayout(columns))


# -- the pure helpers of the one sync (the in-place sync and the progressive build both use these) ---------------
def edge_route(route: list[tuple[float, float]] | None) -> list[tuple[float, float]] | None:
    """An edge's waypoints in scene coordinates from its route in the layered layout (abstract units; None:
    none). Plain floats: a large plan's edges have ~20,000 of them."""
    if not route:
        return None
    lp, rp, top = S.LAYER_PITCH, S.ROW_PITCH, S.BAND_HEADER
    return [(x * lp, y * rp + top) for x, y in route]


def figures_estimate(analysis: Analysis | None, document: PlanDocument) -> str:
    """The estimate the cards' figures are under: the analysis's, else the document's."""
    return analysis.estimate if analysis is not None else document.estimate


@dataclass
class CardFigures:
    """What card texts are made of, read once per sync (:func:`card_figures`)."""

    index: dict[str, int]
    lists: tuple[list[Any], ...] | None  # (duration, ES, total float, critical) by schedule index; None: none
    colors: dict[str, str | None]  # area colours
    estimate: str
    changed: set[str]  # decisions the scenario shown changes
    texts: dict[tuple[float, bool], str] = field(default_factory=dict)  # weeks formatted so far (see weeks())

    def weeks(self, value: float, unit: bool = False) -> str:
        """:func:`planner.ui.views.format.weeks`, remembered: a sync formats the same few values thousands of
        times (durations and floats in half weeks)."""
        text = self.texts.get((value, unit))
        if text is None:
            text = self.texts[(value, unit)] = fmt.weeks(value, unit=unit)
        return text


def card_figures(plan: Plan, analysis: Analysis | None, estimate: str, changed: set[str]) -> CardFigures:
    sched = analysis.schedule if analysis is not None else None
    colors = {a.id: a.color for a in plan.areas}
    if sched is None:
        return CardFigures({}, None, colors, estimate, changed)
    # Python lists once, not numpy scalars per card.
    lists = (sched.duration.tolist(), sched.es.tolist(), sched.total_float.tolist(), sched.critical.tolist())
    return CardFigures(sched.index, lists, colors, estimate, changed)


def card_data(d: Decision, f: CardFigures) -> CardData:
    """The texts and flags of ``d``'s card."""
    weeks = f.weeks
    i = f.index.get(d.id)
    if i is None or f.lists is None:
        critical = False
        right = "" if d.milestone else weeks(d.weeks(f.estimate), unit=True)
    else:
        dur_l, es_l, tf_l, crit_l = f.lists
        dur = dur_l[i]
        critical = crit_l[i]
        if d.milestone:
            # The diamond says "milestone"; the meta line says when.
            right = f"wk {weeks(es_l[i])}" + (" · critical" if critical else "")
        else:
            right = weeks(dur, unit=True) + (" · critical" if critical else f" · float {weeks(tf_l[i])}")
    done = d.status == "done"
    if done and not d.milestone:
        # Nothing is left (the schedule gives it 0 weeks and no float to speak of): say done, and when it finished,
        # as the graph chart's card does (its estimate, written here before, was not what it took).
        right = (
            "done · " + weeks(d.weeks(f.estimate), unit=True)
            if i is None or f.lists is None
            else f"done · finished wk {weeks(f.lists[1][i])}"
        )
    elif d.status == "in_progress" and not d.milestone:
        # the bar under the card shows the same share; the weeks are what is left of it (issue 16)
        left = right.split(" · ", 1)
        right = f"{units.format_percent(d.progress)} · {left[0]} left" + (
            f" · {left[1]}" if len(left) > 1 else ""
        )
    return CardData(
        title=d.title,
        id=d.id,
        area_color=f.colors.get(d.area) if d.area else None,
        milestone=d.milestone,
        right_text=right,
        critical=critical,
        progress=1.0 if done else d.progress / 100.0,
        done=done,
        changed=d.id in f.changed,
    )


EdgeFlags = tuple[list[bool], list[bool]] | None
"""(driving, critical) by dependency index, or None without a schedule."""


def edge_info(kind: tuple[str, float], flags: EdgeFlags, k: int) -> tuple[str, float, bool, bool]:
    """(type, lag, driving, critical) of dependency ``k``'s edge."""
    if flags is None:
        return (*kind, False, False)
    return (*kind, flags[0][k], flags[1][k])


def arrival_y(route_end_y: float | None, source_y: float) -> float:
    """Where an edge arrives, vertically: its route's last point, else the middle of its source card (whose top
    is at ``source_y``)."""
    return route_end_y if route_end_y is not None else source_y + S.CARD_H / 2


def place_edges(edges: Iterable[EdgeItem]) -> None:
    """Place ``edges`` from their cards' current positions (:meth:`EdgeItem.update_path`; more than
    :data:`PLACE_AT_ONCE` in two numpy passes, one for the edges drawn straight, one for those through the
    layout's waypoints)."""
    edges = list(edges)
    if len(edges) <= PLACE_AT_ONCE:
        for edge in edges:
            edge.update_path()
        return
    groups: dict[bool, tuple[list[EdgeItem], list[tuple[float, float, float, float]], list[Any]]] = {
        False: ([], [], []),
        True: ([], [], []),
    }
    for edge in edges:
        x0, y0, tx, ty, route = edge.ends()
        group = groups[bool(route)]
        group[0].append(edge)
        group[1].append((x0, y0, tx, ty))
        group[2].append(route)
    for routed, (items, ends, routes) in groups.items():
        if items:
            xs0, ys0, txs, tys = zip(*ends, strict=True)
            shapes = edge_geometries(xs0, ys0, txs, tys, routes if routed else None)
            for edge, geom in zip(items, shapes, strict=True):
                edge.place(geom)


def spread_ports(arrivals: dict[Any, list[tuple[float, int]]]) -> dict[int, float]:
    """The arrowheads arriving at a card spread along its left edge, ordered by where each comes from:
    ``arrivals[card] = [(arrival y, edge key)]`` -> ``{edge key: offset from the card's middle}``."""
    out: dict[int, float] = {}
    span = S.CARD_H - 24
    for items in arrivals.values():
        items.sort()
        m = len(items)
        step = min(11.0, span / (m - 1)) if m > 1 else 0.0
        first = -step * (m - 1) / 2
        for j, (_, k) in enumerate(items):
            out[k] = first + j * step
    return out


class GraphScene(QGraphicsScene):
    """Cards, edges and stage bands for one :class:`PlanDocument`."""

    refused = Signal(str, str)  # title, message: an edit the document refused (the view shows it)
    reveal_requested = Signal(QRectF)  # scene rect the view should scroll into sight
    edge_selection_changed = Signal()
    build_changed = Signal()  # a progressive build started, advanced (see build_progress) or ended

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.cards: dict[str, CardItem] = {}
        self.edges: list[EdgeItem | None] = []  # aligned with plan.dependencies (None: unknown decision)
        self.bands: list[StageBandItem] = []
        self.layout: GraphLayout | None = None
        self.interaction: Interaction | None = None
        self.highlight: list[str] = []
        self.spotlit: list[str] = []  # presentation steps (see spotlight)
        self._spot_links: set[tuple[str, str]] | None = None
        self._layout_key: tuple[object, ...] | None = None
        self._layouts: OrderedDict[tuple[object, ...], GraphLayout] = OrderedDict()
        self._syncing_selection = False
        self._content = QRectF()
        self.detailed = True  # arrowheads and edge labels shown (off when zoomed out too far to read them)
        self.card_type = 1.0  # the cards' text size, times the desk's (presentation mode: set_card_type)
        # What the document said changed since the last sync (see the module docstring).
        self._structure_dirty = True
        self._text_dirty: set[str] | None = None  # decisions whose card texts may have changed; None: all
        self._moved: set[str] = set()  # cards whose saved position changed
        self._kinds_dirty = True  # a dependency's type or lag may have changed
        self._card_figures: tuple[Any, ...] | None = None  # the schedule arrays the cards show
        self._edge_figures: tuple[Any, ...] | None = None  # (kinds, driving, critical) by dependency index
        # Hidden view: follow the document lazily (see set_active).
        self.active = True
        self.stale = False
        self._figures_due = False
        self._selection_due = False
        self.sync_count = 0  # full or partial syncs run (tests check that a hidden canvas does none)
        # Progressive build (see the module docstring): the steps left, the timer that runs them, how far it is.
        self._build: Generator[float, None, None] | None = None
        self._build_items = 0  # items the running build has created so far
        self._build_timer = QTimer(self)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_tick)
        # Edge labels are moved off each other once edges stop moving (labels_due): a dense plan's labels sat on
        # top of each other at their curves' middles ("FF+0.35" over "FF+1.25").
        self._labels_timer = QTimer(self)
        self._labels_timer.setSingleShot(True)
        self._labels_timer.setInterval(LABELS_DEBOUNCE_MS)
        self._labels_timer.timeout.connect(self.spread_labels)
        self._gc_paused = [False]  # the build paused the garbage collector (shared with the handler below)
        gc_paused = self._gc_paused
        self.destroyed.connect(lambda *_: _resume_gc(gc_paused))  # (not self: it is gone then)
        self.build_progress = 1.0
        self.build_ticks = 0  # slices run by progressive builds (tests)
        self._reset_due = False  # a new plan was set: a running build restarts, old items all go
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.apply_palette()
        self.selectionChanged.connect(self._on_scene_selection_changed)
        document.plan_changed.connect(self._on_plan_changed)
        document.analysis_updated.connect(self._on_analysis)
        document.analysis_failed.connect(self._on_analysis)
        document.selection_changed.connect(self._on_document_selection)
        # What an edit touched (see planner.ui.state.undo): each sync redoes only that.
        document.decision_changed.connect(self._on_decision_changed)
        document.decisions_inserted.connect(self._on_structure_changed)
        document.decisions_removed.connect(self._on_structure_changed)
        document.dependencies_changed.connect(self._on_dependencies_changed)
        document.layout_changed.connect(self._on_layout_changed)
        document.plan_meta_changed.connect(self._on_everything_changed)
        document.plan_reset.connect(self._on_everything_changed)
        document.plan_reset.connect(self._on_reset)
        self.sync()
        self._on_document_selection(list(document.selection), reveal=False)

    # -- what changed ---------------------------------------------------------------------------------------------
    def _on_decision_changed(self, decision: Any, fields: list[str]) -> None:
        if _STRUCTURAL_FIELDS.intersection(fields):
            self._structure_dirty = True
        if self._text_dirty is not None:
            self._text_dirty.add(decision.id)

    def _on_structure_changed(self, *_args: object) -> None:
        self._structure_dirty = True

    def _on_dependencies_changed(self) -> None:
        self._structure_dirty = True
        self._kinds_dirty = True

    def _on_layout_changed(self, ids: list[str]) -> None:
        self._moved.update(ids)

    def _on_reset(self) -> None:
        self._reset_due = True

    def _on_everything_changed(self) -> None:
        self._structure_dirty = True
        self._kinds_dirty = True
        self._text_dirty = None

    # -- visibility -----------------------------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        """Follow the document (True), or only note that something changed (False: the view is hidden, e.g. its
        tab is not the current one). Becoming active catches up at once."""
        if on == self.active:
            return
        self.active = on
        if on:
            self.catch_up()
        else:
            self._run_build(False)  # a progressive build waits until the view is shown again

    def catch_up(self) -> None:
        """Bring a stale scene in line with the document now (a no-op when it is up to date)."""
        if self.stale:
            self.stale = False
            self.sync(figures=self._figures_due)
            self._figures_due = False
        if self._build is not None:
            if self.active:
                self._run_build(True)
            return  # the selection is applied when the build ends
        if self._selection_due:
            self._selection_due = False
            self._on_document_selection(list(self.document.selection))

    # -- synchronisation ----------------------------------------------------------------------------------------
    def _on_plan_changed(self) -> None:
        if not self.active:
            self.stale = True
            return
        # Items appear, go and move at once (so that, e.g., edge indices are never stale), but figures and texts
        # wait for the analysis that follows every edit (immediately for small plans).
        self.sync(figures=False)

    def _on_analysis(self, _analysis: object) -> None:
        if self._build is not None:
            return  # a progressive build shows the latest analysis when it ends
        if not self.active:
            self.stale = True
            self._figures_due = True
            return
        self.sync()

    def _moved_into(self) -> dict[str, str]:
        """Per stage id, the note its band shows when strict gates move decisions into it (the columns are the
        sequenced stages, every other view counts assigned stages): "2 from Integrate under strict gates"."""
        a = self._analysis()
        if a is None or a.stages is None:
            return {}
        names = {x.id: x.name for x in self.document.plan.stages}
        notes: dict[str, list[str]] = {}
        for frm, to, ids in a.stages.sequencing_moves():
            notes.setdefault(to, []).append(f"{len(ids)} from {names.get(frm, frm)}")
        return {to: ", ".join(parts) + " under strict gates" for to, parts in notes.items()}

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
            if self._build is not None:
                # Something changed during a progressive build: a new plan restarts it; anything else completes
                # it now (items never lag behind an edit), then the usual sync applies the change.
                if self._reset_due or self._build_items == 0:
                    self._cancel_build()
                else:
                    self._complete_build()
            self.sync_count += 1
            self._sync(figures)
        finally:
            if enabled:
                gc.enable()

    def _sync(self, figures: bool) -> None:
        analysis = self._analysis()
        structure = self._structure_dirty
        bulk = False
        if structure:
            plan = self.document.plan
            reset, self._reset_due = self._reset_due, False
            if len(plan.decisions) > PROGRESSIVE and (reset or not self.cards):
                self._structure_dirty = False
                self._start_build()
                return
            self._structure_dirty = False
            bulk = (
                len(plan.decisions) - len(self.cards) + 3 * (len(plan.dependencies) - len(self.edges)) > BULK
            )
        if bulk:
            # Inserting into the BSP tree item by item is slow; one rebuild at the end is not.
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            self._sync_items(analysis, figures, structure)
        finally:
            if bulk:
                self._index_items()

    def _sync_items(self, analysis: Analysis | None, figures: bool, structure: bool) -> None:
        self.labels_due()  # (edges placed or relabelled below: their labels spread after)
        created: list[CardItem] = []
        touched: set[EdgeItem] = set()
        moved: set[str] = set()
        if structure:
            created, moved, touched = self._sync_structure(analysis)
        elif self._moved:
            moved = self._sync_positions(self._moved)
        self._moved = set()

        if figures:
            self._sync_card_figures(analysis, created, structure)
            self._text_dirty = set()
            self._sync_edge_figures(analysis, structure)
            self._sync_band_notes()
            if self.highlight and not self._chain_still_drives(analysis, self.highlight):
                self.highlight_chain([], reveal=False)  # the edit broke the chain: never show a stale one
        else:
            if created:
                self._sync_cards(analysis, {c.decision_id for c in created})
            for edge in touched:
                if edge.info is None:  # new: its label now, its flags with the analysis that follows
                    dep = self.document.plan.dependencies[edge.dep_index]
                    edge.set_info(str(dep.type), float(dep.lag), False, False)
        if structure or moved:
            for did in moved:
                touched.update(self.cards[did].edges)
            touched |= self._spread_ports(structure or moved)
            place_edges(touched)
            self._sync_bands()
            if self.highlight:
                self.highlight_chain([h for h in self.highlight if h in self.cards], reveal=False)
            elif self.spotlit:
                self.spotlight(
                    [h for h in self.spotlit if h in self.cards],
                    None if self._spot_links is None else list(self._spot_links),
                    reveal=False,
                )

    def _layout_for(self, key: tuple[object, ...], analysis: Analysis | None) -> GraphLayout:
        lay = self._layouts.get(key)
        if lay is None:
            # A stale analysis (of the plan before an edit, same object) would lend the layout an outdated graph.
            if not self.document.analysis_current:
                analysis = None
            plan = self.document.plan
            # A plan without decisions (the empty plan at start-up) costs nothing: no numpy before the first paint.
            lay = empty_layout(plan, analysis) if not plan.decisions else None
            if lay is None:
                from planner.analysis.layout import layered_layout

                lay = layered_layout(plan, analysis)
            self._layouts[key] = lay
            while len(self._layouts) > LAYOUT_CACHE:
                self._layouts.popitem(last=False)
        else:
            self._layouts.move_to_end(key)
        return lay

    def _layout_in_thread(
        self, key: tuple[object, ...], analysis: Analysis | None
    ) -> Generator[float, None, GraphLayout]:
        """:meth:`_layout_for` computed by a thread, on a snapshot of the plan's lists; yields between waits."""
        import threading

        from planner.analysis.layout import layered_layout

        if not self.document.analysis_current:
            analysis = None
        plan = self.document.plan
        snapshot = plan.model_copy(
            update={"decisions": list(plan.decisions), "dependencies": list(plan.dependencies)}
        )
        box: list[GraphLayout | Exception] = []

        def run() -> None:
            try:
                box.append(layered_layout(snapshot, analysis))
            except Exception as exc:  # noqa: BLE001 - raised again on the GUI thread, below
                box.append(exc)

        thread = threading.Thread(target=run, name="graph-layout", daemon=True)
        # Every Qt call of the GUI thread gives the interpreter lock away and waits for it back: with the default
        # 5 ms switch interval a busy layout thread makes each such wait up to 5 ms, and a repaint seconds long.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(0.0005)
        try:
            thread.start()
            while thread.is_alive():
                thread.join(0.02)  # (the layout has the interpreter meanwhile)
                yield _END_SLICE
        finally:
            sys.setswitchinterval(interval)
        result = box[0]
        if isinstance(result, Exception):
            raise result
        self._layouts[key] = result
        while len(self._layouts) > LAYOUT_CACHE:
            self._layouts.popitem(last=False)
        return result

    def _shape_key(self, ids: list[str]) -> tuple[object, ...]:
        """What the layered layout depends on: ids, stages, links, the stage list."""
        plan = self.document.plan
        return (
            tuple(ids),
            tuple(d.stage for d in plan.decisions),
            tuple((x.from_, x.to) for x in plan.dependencies),
            tuple(s.id for s in plan.stages),
        )

    # -- edge labels ---------------------------------------------------------------------------------------------
    def labels_due(self) -> None:
        """Spread the edges' labels (:meth:`spread_labels`) once edges stop moving."""
        self._labels_timer.start()

    def spread_labels(self) -> int:
        """Put each edge's label where its plate covers no label placed before it (in dependency order): the middle
        of its last curve, else the first free one of :data:`~planner.ui.canvas.items.LABEL_SLOTS` along it (the
        middle when none is free). Returns how many labels moved."""
        self._labels_timer.stop()
        if len(self.edges) > SPREAD_LABELS_MAX:
            return 0
        cell = 64.0
        grid: dict[tuple[int, int], list[QRectF]] = {}
        moved = 0
        for edge in self.edges:
            geom = edge._geom if edge is not None else None
            if edge is None or edge.label is None or geom is None:
                continue
            plate = edge.label.plate
            chosen: tuple[float, QRectF, list[tuple[int, int]]] | None = None
            for t in LABEL_SLOTS:
                x, y = label_point(geom, t)
                r = plate.translated(x, y)
                keys = [
                    (i, j)
                    for i in range(int(r.left() // cell), int(r.right() // cell) + 1)
                    for j in range(int(r.top() // cell), int(r.bottom() // cell) + 1)
                ]
                if chosen is None:
                    chosen = (t, r, keys)  # the middle, when no place is free
                if not any(r.intersects(o) for k in keys for o in grid.get(k, ())):
                    chosen = (t, r, keys)
                    break
            assert chosen is not None
            t, r, keys = chosen
            for k in keys:
                grid.setdefault(k, []).append(r)
            if edge.label_t != t:
                edge.set_label_t(t)
                moved += 1
        return moved

    # -- progressive build (large plans, from scratch) ------------------------------------------------------------
    @property
    def building(self) -> bool:
        """A progressive build is under way (cards and edges are still being created)."""
        return self._build is not None

    def complete(self) -> None:
        """Finish a progressive build now (synchronously); a no-op when none is running."""
        if self._build is not None:
            enabled = gc.isenabled()
            gc.disable()
            try:
                self._complete_build()
            finally:
                if enabled:
                    gc.enable()

    def _index_items(self) -> None:
        """Index the items in a BSP tree again (after bulk work without an index).

        Qt builds a new index's tree over the scene rect it was last *told* of, and a fresh index was told of none
        (Qt passes the rect on only when it changes): its tree spans an empty rect, every item lands in one leaf,
        and each paint or lookup tests every item (~70 ms per repaint at 10,000 decisions). A change of the rect
        and back tells it.
        """
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        # Qt's own depth (log2 of the item count: 16 at 10,000 decisions, ~65,000 leaves) puts a long edge into
        # thousands of leaves: indexing 10,000 decisions took ~0.9 s, at the first paint after the build. At most
        # BSP_DEPTH levels index it in ~0.14 s and answer a viewport's lookup as fast (measured).
        items = len(self.cards) + 2 * len(self.edges) + 2 * len(self.bands)
        self.setBspTreeDepth(max(1, min(BSP_DEPTH, items.bit_length())))
        if not self._content.isEmpty():  # (the scene rect is set: _sync_bands)
            rect = self.sceneRect()
            self.setSceneRect(rect.adjusted(0, 0, 1, 0))
            self.setSceneRect(rect)

    def _clear_items(self) -> None:
        """Remove every card and edge (a new plan is about to be built from scratch)."""
        if self.interaction is not None:
            self.set_interaction(None)
        if not self.cards and not any(self.edges):
            return
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            for edge in self.edges:
                if edge is not None:
                    self._drop_edge(edge)
            for card in self.cards.values():
                for edge in list(card.edges):
                    self._drop_edge(edge)
                self.removeItem(card)
        finally:
            self._index_items()
        self.cards = {}
        self.edges = []

    def _start_build(self) -> None:
        self._clear_items()
        # The old plan's bands and extent go too: until the layout is known the view shows the plan's overview.
        for band in self.bands:
            self.removeItem(band)
        self.bands = []
        self._content = QRectF()
        self._moved = set()
        # The build gives every item its data from the plan as it is now; later edits mark on top of that.
        self._text_dirty = set()
        self._kinds_dirty = False
        self._card_figures = self._edge_figures = None
        self._build_items = 0
        self.build_progress = 0.0
        self._build = self._build_steps()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # rebuilt once at the end
        if self.active:
            self._run_build(True)
        self.build_changed.emit()

    def _build_tick(self) -> None:
        """One slice of a progressive build: steps until :data:`BUILD_SLICE` seconds have passed."""
        build = self._build
        if build is None:
            self._run_build(False)
            return
        self.build_ticks += 1
        gc_paused = self._gc_paused
        if not gc_paused[0] and gc.isenabled():  # (see _run_build)
            gc.disable()
            gc_paused[0] = True
        deadline = time.perf_counter() + BUILD_SLICE
        for progress in build:
            if progress == _END_SLICE:
                break
            self.build_progress = progress
            if time.perf_counter() >= deadline:
                break
        else:
            self._end_build()
            return
        self.build_changed.emit()

    def _complete_build(self) -> None:
        build = self._build
        if build is None:
            return
        for _ in build:
            pass
        self._end_build()

    def _run_build(self, on: bool) -> None:
        """Run (or stop) the build's slices from the event loop. While they run the cyclic garbage collector is
        paused (from the first slice, :meth:`_build_tick`): between slices its passes walked the objects the build
        was creating (~0.3 s of CPU while a 10,000-decision plan opened). It resumes when the build ends or stops
        (hidden view), or the scene goes."""
        if on:
            self._build_timer.start()
        else:
            self._build_timer.stop()
            _resume_gc(self._gc_paused)

    def _end_build(self) -> None:
        self._run_build(False)
        self._build = None
        self.build_progress = 1.0
        self._index_items()
        if self.highlight:
            self.highlight_chain([h for h in self.highlight if h in self.cards], reveal=False)
        self._selection_due = False
        self._on_document_selection(list(self.document.selection), reveal=False)
        self.labels_due()
        self.build_changed.emit()

    def _cancel_build(self) -> None:
        """Drop a running build: what it created stays (consistent, as after a partial sync) and the next sync
        redoes the structure."""
        build = self._build
        if build is None:
            return
        self._run_build(False)
        self._build = None
        build.close()
        self.build_progress = 1.0
        self._index_items()
        self._structure_dirty = True
        self._card_figures = self._edge_figures = None
        self.build_changed.emit()

    def _build_steps(self) -> Generator[float, None, None]:
        """The progressive build as a generator: yields its progress (0..1) between small batches.

        Works from a snapshot of the plan taken at the start (edits during the build complete it first, then
        sync as usual, so the snapshot never outlives an edit by more than that)."""
        plan = self.document.plan
        decisions = list(plan.decisions)
        deps = list(plan.dependencies)
        ids = [d.id for d in decisions]
        key = self._shape_key(ids)
        first: dict[str, Decision] = {}
        for d in decisions:
            first.setdefault(d.id, d)  # (a duplicate id is a validation error: the first one has the card)
        n_cards, n_deps = len(first), len(deps)
        # Rough cost of each part, in cards: the layout ~2 per decision, a card 1, an edge ~1.2.
        total = float(2 * n_cards + n_cards + 1.2 * n_deps) or 1.0
        yield _END_SLICE  # the first paint before the layout

        analysis = self._analysis()
        if key not in self._layouts and n_cards > THREADED_LAYOUT:
            lay = yield from self._layout_in_thread(key, analysis)
        else:
            lay = self._layout_for(key, analysis)
        self._layout_key = key
        self.layout = lay
        done = 2.0 * n_cards

        # Where every card goes (the saved position, else the layout's), known before any card exists: the bands
        # and the scene's extent are set now, so the view can scroll over the whole plan while it fills in.
        saved = plan.layout
        at_layout: dict[str, bool] = {}
        layout_pos: dict[str, QPointF] = {}
        target: dict[str, QPointF] = {}
        for i, did in enumerate(lay.ids):
            lp = layout_pos[did] = layout_to_scene(lay.x[i], lay.y[i])
            p = saved.get(did)
            at_layout[did] = p is None or (p.x == lp.x() and p.y == lp.y())
            target[did] = QPointF(p.x, p.y) if p is not None else lp
        self._sync_bands(list(target.values()))
        self.edges = [None] * n_deps
        self.build_progress = done / total
        yield _END_SLICE  # the layout was a long slice: let the view paint the bands now

        # Cards, left (where the plan starts, and the overview looks) to right.
        order = sorted(range(len(lay.ids)), key=lambda i: (lay.x[i], lay.y[i]))
        fig_analysis = analysis
        card_fig = self._figures_for(analysis)
        refresh_cards = 0  # cards [0, refresh_cards) of `order` show an older analysis than fig_analysis
        cards = self.cards
        batch = 64
        for start in range(0, len(order), batch):
            a = self._analysis()
            if a is not fig_analysis:
                fig_analysis, card_fig, refresh_cards = a, self._figures_for(a), start
            for i in order[start : start + batch]:
                did = lay.ids[i]
                card = CardItem(did)
                card.layout_pos = layout_pos[did]
                card.setPos(target[did])
                # Its texts when first painted or read (most cards of a large plan are out of sight: issue 12).
                card.defer_data(partial(card_data, first[did], card_fig))
                self.addItem(card)
                cards[did] = card
            self._build_items += min(batch, len(order) - start)
            done += min(batch, len(order) - start)
            yield done / total

        # Edges, with their arrival points on the target card spread as _spread_ports would and their shapes
        # (computed from the positions, before any edge exists, in a few numpy passes), so each edge is placed
        # once; left to right by where they start.
        edge_order, in_dy, geoms = self._edge_table(deps, lay, target, at_layout)
        kinds = [(str(dep.type), float(dep.lag)) for dep in deps]
        edge_analysis = self._analysis()
        flags = self._edge_flags(edge_analysis)
        refresh_edges = 0
        detailed = self.detailed
        yield done / total
        batch = 256
        for start in range(0, len(edge_order), batch):
            a = self._analysis()
            if a is not edge_analysis:
                edge_analysis, refresh_edges = a, start
                flags = self._edge_flags(a)
            for k in edge_order[start : start + batch]:
                dep = deps[k]
                edge = EdgeItem(cards[dep.from_], cards[dep.to], k)  # (as _new_edge makes it)
                geom, edge.route = geoms[k]
                if not detailed:
                    edge.set_detailed(False)
                edge.in_dy = in_dy[k]
                edge.show_first(edge_info(kinds[k], flags, k), geom)  # (set_info, then place)
                self.addItem(edge)
                self.edges[k] = edge
            self._build_items += min(batch, len(edge_order) - start)
            done += 1.2 * min(batch, len(edge_order) - start)
            yield min(done / total, 0.99)

        # An analysis that arrived meanwhile: bring the items made before it up to date (until none is newer).
        while True:
            a = self._analysis()
            stale_cards = order[:refresh_cards] if a is fig_analysis else order
            stale_edges = edge_order[:refresh_edges] if a is edge_analysis else edge_order
            if not stale_cards and not stale_edges:
                break
            fig_analysis = edge_analysis = a
            refresh_cards = refresh_edges = 0
            card_fig = self._figures_for(a)
            for start in range(0, len(stale_cards), 256):
                self._set_card_data([first[lay.ids[i]] for i in stale_cards[start : start + 256]], card_fig)
                yield 0.99
            flags = self._edge_flags(a)
            for start in range(0, len(stale_edges), 512):
                self._set_edge_info(stale_edges[start : start + 512], kinds, flags)
                yield 0.99
            if self._analysis() is not a:
                refresh_cards, refresh_edges = len(order), len(edge_order)
                fig_analysis = edge_analysis = None  # everything again with the newer one
            else:
                break

        self._sync_bands()
        # What the items show now, for the incremental figure syncs that follow.
        self._card_figures = self._shown(fig_analysis)
        driving, critical = self._driving(fig_analysis)
        self._edge_figures = (kinds, driving, critical)

    # -- the sync's steps over the pure helpers (shared by the in-place sync and the progressive build) ---------
    def _figures_for(self, analysis: Analysis | None) -> CardFigures:
        estimate = figures_estimate(analysis, self.document)
        return card_figures(self.document.plan, analysis, estimate, self._scenario_changed())

    def _shown(self, analysis: Analysis | None) -> tuple[Any, ...]:
        """The schedule arrays the cards show under ``analysis`` (what :meth:`_sync_card_figures` compares)."""
        sched = analysis.schedule if analysis is not None else None
        estimate = figures_estimate(analysis, self.document)
        if sched is None:
            return (None, estimate)
        return (sched.ids, estimate, sched.duration, sched.es, sched.total_float, sched.critical)

    def _set_card_data(self, decisions: Iterable[Decision], f: CardFigures) -> None:
        """Give these decisions' cards their data under ``f``: made now for a few cards and for the cards in
        sight, else when each card is first painted or read (most cards of a large edit's cone are out of sight:
        issue 12)."""
        cards = self.cards
        decisions = decisions if isinstance(decisions, list) else list(decisions)
        if len(decisions) <= DEFER_CARDS:
            for d in decisions:
                cards[d.id].set_data(card_data(d, f))
            return
        # Where a card's position must lie for it to be in a view's sight (its bounds, in its own coordinates,
        # the same for every card): plain floats, not the scene's index (which calls every edge's boundingRect
        # in Python).
        b = cards[decisions[0].id].boundingRect()
        sight = [
            (r.left() - b.right(), r.top() - b.bottom(), r.right() - b.left(), r.bottom() - b.top())
            for r in (v.mapToScene(v.viewport().rect()).boundingRect() for v in self.views() if v.isVisible())
        ]
        x0, y0, x1, y1 = sight[0] if len(sight) == 1 else (0.0, 0.0, -1.0, -1.0)  # (the usual: one view)
        for d in decisions:
            card = cards[d.id]
            x, y = card.x(), card.y()
            if (x0 <= x <= x1 and y0 <= y <= y1) or (
                len(sight) > 1 and any(a <= x <= c and b <= y <= e for a, b, c, e in sight)
            ):
                card.set_data(card_data(d, f))
            else:
                card.defer_data(partial(card_data, d, f))

    def _edge_flags(self, analysis: Analysis | None) -> EdgeFlags:
        driving, critical = self._driving(analysis)
        if driving is None or critical is None:
            return None
        return driving.tolist(), critical.tolist()

    def _set_edge_info(self, keys: Iterable[int], kinds: list[tuple[str, float]], flags: EdgeFlags) -> None:
        """Type, lag and flags of the edges of dependencies ``keys`` (each compares before it touches anything)."""
        edges = self.edges
        for k in keys:
            edge = edges[k]
            if edge is None:
                continue
            info = edge_info(kinds[k], flags, k)
            if info != edge.info:
                edge.set_info(*info)

    def _new_edge(self, k: int, src: CardItem, dst: CardItem, lay: GraphLayout) -> EdgeItem:
        """The edge of dependency ``k``, routed as the layout says; built completely before it enters the scene
        (no index or repaint work per property)."""
        edge = EdgeItem(src, dst, k)
        route = lay.routes.get(k)
        edge.route = edge_route(route)
        if not self.detailed:
            edge.set_detailed(False)
        return edge

    def _edge_table(
        self, deps: list[Any], lay: GraphLayout, pos: dict[str, QPointF], at_layout: dict[str, bool]
    ) -> tuple[list[int], list[float], dict[int, tuple[EdgeGeometry, list[tuple[float, float]] | None]]]:
        """For a build from scratch, with every card at ``pos``: the dependencies that get an edge (both ends
        known and distinct) ordered by their source's x (stable), every dependency's ``in_dy`` (as
        :meth:`_spread_ports` spreads the arrivals: by arrival y, then index, on each target card), and each edge's
        shape and route (what :meth:`EdgeItem.update_path` gives it): numpy passes over the dependencies (the
        same arithmetic as the in-place sync's, element by element)."""
        import numpy as np  # (the layout has loaded it)

        n_deps = len(deps)
        ids = list(pos)
        index = {did: i for i, did in enumerate(ids)}
        get = index.get
        si = np.fromiter((get(d.from_, -1) for d in deps), dtype=np.int64, count=n_deps)
        ti = np.fromiter((get(d.to, -1) for d in deps), dtype=np.int64, count=n_deps)
        valid = (si >= 0) & (ti >= 0) & (si != ti)
        keys = np.flatnonzero(valid)
        si, ti = si[keys], ti[keys]
        px = np.fromiter((p.x() for p in pos.values()), dtype=np.float64, count=len(ids))
        py = np.fromiter((p.y() for p in pos.values()), dtype=np.float64, count=len(ids))
        placed = np.fromiter((at_layout[did] for did in ids), dtype=bool, count=len(ids))
        # Routed: through the layout's waypoints while both cards sit where the layout put them.
        routes = lay.routes
        has_route = np.zeros(n_deps, dtype=bool)
        route_end = np.zeros(n_deps, dtype=np.float64)  # the last waypoint's y, in scene coordinates
        with_route = [k for k, r in routes.items() if r and k < n_deps]
        if with_route:
            has_route[with_route] = True
            row, top = S.ROW_PITCH, S.BAND_HEADER
            route_end[with_route] = [routes[k][-1][1] * row + top for k in with_route]
        on_route = has_route[keys] & placed[si] & placed[ti]
        h2 = S.CARD_H / 2

        # Arrivals (spread_ports): per target card, ordered by arrival y (the last waypoint's, else the middle of
        # the source card), then by index; the j-th of m gets first + j * step.
        arrive = np.where(on_route, route_end[keys], py[si] + h2)
        by = np.lexsort((keys, arrive, ti))
        target_sorted = ti[by]
        starts = np.flatnonzero(np.r_[True, target_sorted[1:] != target_sorted[:-1]])
        sizes = np.diff(np.r_[starts, len(by)])
        m = np.repeat(sizes, sizes)
        j = np.arange(len(by)) - np.repeat(starts, sizes)
        span = S.CARD_H - 24
        step = np.where(m > 1, np.minimum(11.0, span / np.maximum(m - 1, 1)), 0.0)
        first = -step * (m - 1) / 2
        in_dy_arr = np.zeros(n_deps, dtype=np.float64)
        in_dy_arr[keys[by]] = first + j * step
        in_dy = in_dy_arr.tolist()

        # Left to right by where each edge starts (ties in dependency order).
        order = np.argsort(px[si], kind="stable")
        edge_order = keys[order].tolist()

        # Shapes: where each starts (the source's right edge) and where its arrowhead points.
        x0 = (px + S.CARD_W)[si]
        y0 = (py + h2)[si]
        tx = (px - 1)[ti]
        ty = (py + h2)[ti] + in_dy_arr[keys]
        geoms: dict[int, tuple[EdgeGeometry, list[tuple[float, float]] | None]] = {}
        scene_routes = {k: edge_route(routes[k]) for k in with_route}
        straight = np.flatnonzero(~on_route)
        if len(straight):
            shapes = edge_geometries(x0[straight], y0[straight], tx[straight], ty[straight])
            for k, geom in zip(keys[straight].tolist(), shapes, strict=True):
                geoms[k] = (geom, scene_routes.get(k))
        routed = np.flatnonzero(on_route)
        if len(routed):
            rk = keys[routed].tolist()
            rr = [scene_routes[k] or [] for k in rk]  # (each has one: on_route)
            shapes = edge_geometries(x0[routed], y0[routed], tx[routed], ty[routed], rr)
            for k, geom, route in zip(rk, shapes, rr, strict=True):
                geoms[k] = (geom, route)
        return edge_order, in_dy, geoms

    def _sync_structure(self, analysis: Analysis | None) -> tuple[list[CardItem], set[str], set[EdgeItem]]:
        """Cards and edges for the plan's decisions and dependencies, placed. Returns (created cards, moved card
        ids, edges needing a new path)."""
        plan = self.document.plan
        decisions = plan.decisions
        ids = [d.id for d in decisions]
        # Cards: drop the ones whose decision went away, add new ones.
        wanted = set(ids)
        for did in [k for k in self.cards if k not in wanted]:
            card = self.cards.pop(did)
            for edge in list(card.edges):
                self._drop_edge(edge)
            self.removeItem(card)
        new_ids = [did for did in dict.fromkeys(ids) if did not in self.cards]
        return self._sync_structure_items(analysis, ids, new_ids)

    def _sync_structure_items(
        self, analysis: Analysis | None, ids: list[str], new_ids: list[str]
    ) -> tuple[list[CardItem], set[str], set[EdgeItem]]:
        plan = self.document.plan
        created = []
        for did in new_ids:
            card = CardItem(did)
            self.cards[did] = card
            created.append(card)

        key = self._shape_key(ids)
        relayout = key != self._layout_key
        if relayout:
            self._layout_key = key
            self.layout = self._layout_for(key, analysis)
        lay = self.layout
        assert lay is not None

        # Positions: the saved one, else the layered layout's. Cards being dragged are left alone.
        dragging = set()
        if isinstance(self.interaction, MoveInteraction):
            dragging = {c.decision_id for c in self.interaction.cards}
        moved: set[str] = set()
        saved = plan.layout
        fresh = set(new_ids)
        cards = self.cards
        for i, did in enumerate(lay.ids):
            card = cards[did]
            if relayout or card.layout_pos is None:
                card.layout_pos = layout_to_scene(lay.x[i], lay.y[i])
            if did in dragging:
                continue
            p = saved.get(did)
            target = QPointF(p.x, p.y) if p is not None else card.layout_pos
            if did in fresh or card.pos() != target:
                card.setPos(target)
                moved.add(did)
        for card in created:
            self.addItem(card)
        touched = self._sync_edges(analysis, relayout)
        return created, moved, touched

    def _sync_positions(self, ids: set[str]) -> set[str]:
        """Saved positions changed (a move, its undo) without a structural change: place those cards."""
        dragging = set()
        if isinstance(self.interaction, MoveInteraction):
            dragging = {c.decision_id for c in self.interaction.cards}
        saved = self.document.plan.layout
        moved = set()
        for did in ids:
            card = self.cards.get(did)
            if card is None or did in dragging or card.layout_pos is None:
                continue
            p = saved.get(did)
            target = QPointF(p.x, p.y) if p is not None else card.layout_pos
            if card.pos() != target:
                card.setPos(target)
                moved.add(did)
        return moved

    def _scenario_changed(self) -> set[str]:
        """Ids of the decisions the scenario shown changes (none at the base), once per plan generation."""
        state = self.document.scenarios
        if state.active is None:
            return set()
        key = (state.active, self.document.generation)
        cached = getattr(self, "_scenario_cache", None)
        if cached is None or cached[0] != key:
            cached = (key, state.changed_ids())
            self._scenario_cache = cached
        return cached[1]

    def _sync_cards(self, analysis: Analysis | None, only: set[str] | None = None) -> None:
        """Give cards their data: all of them, or the ones in ``only``."""
        decisions = self.document.plan.decisions
        sched = analysis.schedule if analysis is not None else None
        if only is not None and sched is not None and len(only) * 4 < len(decisions):
            # A few of many (an edit's cone): found through the schedule's index, not by walking the plan. A plan
            # with a schedule has unique ids; each is checked to name its decision all the same.
            found = [decisions[i] for i in map(sched.index.get, only) if i is not None and i < len(decisions)]
            if {d.id for d in found} == only and len(found) == len(only):
                self._set_card_data(found, self._figures_for(analysis))
                return
        first: dict[str, Decision] = {}
        for d in decisions:
            if only is None or d.id in only:
                first.setdefault(
                    d.id, d
                )  # (a duplicate id is a validation error: the first one has the card)
        self._set_card_data(first.values(), self._figures_for(analysis))

    def _sync_card_figures(self, analysis: Analysis | None, created: list[CardItem], structure: bool) -> None:
        """Cards whose figures changed since the last analysis shown, or whose decision was edited."""
        sched = analysis.schedule if analysis is not None else None
        previous = self._card_figures
        self._card_figures = self._shown(analysis)
        if sched is None:
            if previous == self._card_figures and self._text_dirty is not None and not structure:
                self._sync_cards(analysis, self._text_dirty | {c.decision_id for c in created})
            else:
                self._sync_cards(analysis)
            return
        arrays = (sched.duration, sched.es, sched.total_float, sched.critical)
        if (
            previous is None
            or previous[0] is None
            or self._text_dirty is None
            or previous[1] != self._card_figures[1]
            or previous[0] != sched.ids
            or any(a.shape != b.shape for a, b in zip(arrays, previous[2:], strict=True))
        ):
            self._sync_cards(analysis)
            return
        import numpy as np  # loaded with the analysis

        dur, es, tf, crit = arrays
        p_dur, p_es, p_tf, p_crit = previous[2:]
        changed = (dur != p_dur) | (tf != p_tf) | (crit != p_crit)
        es_changed = np.flatnonzero(es != p_es)
        ids = sched.ids
        only = {ids[i] for i in np.flatnonzero(changed).tolist()}
        if es_changed.size:
            # Only a milestone shows its start.
            milestones = {d.id for d in self.document.plan.decisions if d.milestone}
            only.update(did for did in (ids[i] for i in es_changed.tolist()) if did in milestones)
        only |= self._text_dirty
        only.update(c.decision_id for c in created)
        if only:
            self._sync_cards(analysis, only)

    def _sync_edges(self, analysis: Analysis | None, relayout: bool) -> set[EdgeItem]:
        """Match edge items to ``plan.dependencies`` (by ends and occurrence); returns edges needing a new path."""
        plan = self.document.plan
        lay = self.layout
        assert lay is not None
        if not relayout and len(self.edges) == len(plan.dependencies):
            return set()  # same links in the same order (the layout key says so)
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
        fresh: list[EdgeItem] = []
        counts = {}
        cards = self.cards
        routes = lay.routes
        for k, dep in enumerate(plan.dependencies):
            src = cards.get(dep.from_)
            dst = cards.get(dep.to)
            if src is None or dst is None or src is dst:
                new_edges.append(None)
                continue
            pair = (dep.from_, dep.to)
            n = counts.get(pair, 0)
            counts[pair] = n + 1
            edge = old.pop((*pair, n), None)
            if edge is None:
                edge = self._new_edge(k, src, dst, lay)
                fresh.append(edge)
                touched.add(edge)
            else:
                edge.dep_index = k
                if relayout:
                    route = routes.get(k)
                    new_route = edge_route(route)
                    if new_route != edge.route:
                        edge.route = new_route
                        touched.add(edge)
            new_edges.append(edge)
        for edge in old.values():
            self._drop_edge(edge)
        for edge in fresh:
            self.addItem(edge)  # its path comes with the other touched edges' (after the ports are spread)
        self.edges = new_edges
        return touched

    def _sync_edge_figures(self, analysis: Analysis | None, structure: bool) -> None:
        """Type, lag, driving and critical flags of the edges that changed since the last pass (every edge after
        a structural change, where indices move; each one compares before it touches anything)."""
        deps = self.document.plan.dependencies
        previous = self._edge_figures
        if previous is not None and not self._kinds_dirty and not structure and len(previous[0]) == len(deps):
            kinds = previous[0]
        else:
            kinds = [(str(dep.type), float(dep.lag)) for dep in deps]
        self._kinds_dirty = False
        driving, critical = self._driving(analysis)
        self._edge_figures = (kinds, driving, critical)
        edges = self.edges
        todo: Any
        if (
            structure
            or previous is None
            or len(previous[0]) != len(kinds)
            or len(edges) != len(kinds)
            or ((driving is None) != (previous[1] is None))
        ):
            todo = range(len(edges))
        else:
            import numpy as np

            p_kinds, p_drv, p_crit = previous
            todo = set()
            if p_kinds is not kinds:
                todo.update(k for k, (a, b) in enumerate(zip(kinds, p_kinds, strict=True)) if a != b)
            if driving is not None:
                todo.update(np.flatnonzero((driving != p_drv) | (critical != p_crit)).tolist())
        flags = None if driving is None else (driving.tolist(), critical.tolist())
        self._set_edge_info(todo, kinds, flags)

    def _spread_ports(self, changed: object) -> set[EdgeItem]:
        """Spread the arrowheads arriving at a card along its left edge, ordered by where each arrow comes from,
        so that a decision with many predecessors shows each arrow. Returns the edges whose landing moved."""
        if not changed:
            return set()
        incoming: dict[CardItem, list[tuple[float, int]]] = {}
        placed = {card for card in self.cards.values() if card.at_layout_position()}
        edges = self.edges
        for k, edge in enumerate(edges):
            if edge is None:
                continue
            route = edge.route if edge.source in placed and edge.target in placed else None
            end = route[-1][1] if route else None
            incoming.setdefault(edge.target, []).append((arrival_y(end, edge.source.pos().y()), k))
        moved: set[EdgeItem] = set()
        for k, dy in spread_ports(incoming).items():
            edge = edges[k]
            assert edge is not None
            if dy != edge.in_dy:
                edge.in_dy = dy
                moved.add(edge)
        return moved

    def _driving(self, analysis: Analysis | None) -> tuple[Any, Any]:
        """(driving, critical) as boolean arrays by dependency index, from the analysis
        (:func:`planner.analysis.schedule.critical_edges`); (None, None) without a schedule."""
        sched = analysis.schedule if analysis is not None else None
        if sched is None:
            return None, None
        import numpy as np

        from planner.analysis.schedule import critical_edges

        g = sched.graph
        deps = self.document.plan.dependencies
        n = len(deps)
        k = g.edge_dep
        u, v, drv = g.src, g.dst, sched.driving.astype(bool)
        keep = k < n
        if not self.document.analysis_current:
            # The analysis may predate the latest edit: trust an edge only if it still names the same ends.
            ids = g.ids
            same = [
                kk < n and deps[kk].from_ == ids[uu] and deps[kk].to == ids[vv]
                for kk, uu, vv in zip(k.tolist(), u.tolist(), v.tolist(), strict=True)
            ]
            keep = np.asarray(same, dtype=bool) if same else np.zeros(0, dtype=bool)
        driving = np.zeros(n, dtype=bool)
        critical = np.zeros(n, dtype=bool)
        driving[k[keep]] = drv[keep]
        critical[k[keep]] = critical_edges(sched)[keep]  # the one rule, as the charts draw it
        return driving, critical

    def _drop_edge(self, edge: EdgeItem) -> None:
        edge.detach()
        if edge.selected:
            edge.selected = False
            self.edge_selection_changed.emit()
        if edge.scene() is self:
            self.removeItem(edge)

    def _sync_band_notes(self) -> None:
        """The bands' notes follow the analysis: they were set with the layout, which may be placed before the
        analysis arrives, and the columns count decisions by sequenced stage, which the note must then say
        ("12 from Integrate under strict gates"; SPEC §3.3 "Words"). A handful of bands, each unchanged one skipped."""
        lay = self.layout
        if lay is None or len(self.bands) != len(lay.columns):
            return
        for band, col, note in zip(self.bands, lay.columns, self._band_notes(), strict=True):
            band.set_band(band.rect(), col.name, col.count, note)

    def _band_notes(self) -> list[str]:
        """What each column's band says under its count: where strict gates moved decisions from, or that the
        columns are the assigned stages when the plan has errors (no sequencing)."""
        lay = self.layout
        assert lay is not None
        if not lay.sequenced:
            return ["assigned stages (the plan has errors)"] * len(lay.columns)
        moved_into = self._moved_into()
        return [moved_into.get(col.stage_id or "", "") for col in lay.columns]

    def _sync_bands(self, positions: list[QPointF] | None = None) -> None:
        """Stage bands and the scene rect around the cards (or around ``positions``, before the cards exist)."""
        lay = self.layout
        assert lay is not None
        xs, ys = [], []
        for p in positions if positions is not None else (c.pos() for c in self.cards.values()):
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
        left, right = min(xs, default=0.0), max(xs, default=0.0) + S.CARD_W
        for band, col, note in zip(self.bands, lay.columns, self._band_notes(), strict=True):
            x0 = col.x0 * S.LAYER_PITCH + 6
            x1 = col.x1 * S.LAYER_PITCH - 6
            band.set_band(
                QRectF(x0, top, x1 - x0, bottom - top),
                col.name,
                col.count,
                note,
            )
            left, right = min(left, x0), max(right, x1)
        self._content = QRectF(left, top, right - left, bottom - top)
        self.setSceneRect(self._content.adjusted(-400, -300, 400, 300))

    def apply_palette(self) -> None:
        """Follow the application palette: the canvas colours turn dark with a dark palette (and back)."""
        from PySide6.QtGui import QPalette
        from PySide6.QtWidgets import QApplication

        dark = QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
        S.set_dark(dark)  # shared colours: another canvas may have switched them already
        self.setBackgroundBrush(QColor(S.BACKGROUND))
        if dark == getattr(self, "_dark", False):
            return
        self._dark = dark
        from planner.ui.canvas import items as canvas_items

        canvas_items._EDGE_STYLES.clear()
        for band in self.bands:
            band.setBrush(S.BAND_FILLS[band.index % 2])
            band.title.setBrush(S.BAND_TEXT)
            band.subtitle.setBrush(S.MUTED)
        for edge in self.edges:
            if edge is not None:
                edge._apply_style()
        for card in self.cards.values():
            card.update()
        self.update()

    def set_detailed(self, on: bool) -> None:
        """Show or hide arrowheads and edge labels. Zoomed far out they are unreadable specks that cost most of a
        repaint (about two thirds at 1,000 decisions), so the view turns them off below a threshold."""
        if on == self.detailed:
            return
        self.detailed = on
        for edge in self.edges:
            if edge is not None:
                edge.set_detailed(on)

    def set_card_type(self, scale: float) -> None:
        """Draw the cards' text ``scale`` times its desk size (presentation mode: the room's type at a zoom that
        shows a whole stage); each card lays its text out again when it is next painted."""
        if scale == self.card_type:
            return
        self.card_type = scale
        for card in self.cards.values():
            card.update()

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
        if self.stale:
            self._selection_due = True  # cards may be missing: select (and reveal) them when shown
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
        if ids:
            self.document.delete_decisions(ids)
            return True
        return False

    # -- highlighting -------------------------------------------------------------------------------------------
    def _chain_still_drives(self, analysis: Analysis | None, ids: list[str]) -> bool:
        """Whether ``ids`` is still a driving chain of the current schedule: every decision exists, each link
        between consecutive ones is driving, and nothing drives the first one."""
        if analysis is None or analysis.schedule is None or any(i not in self.cards for i in ids):
            return False
        driving, _critical = self._driving(analysis)
        if driving is None:
            return False
        pairs = {
            (dep.from_, dep.to)
            for dep, on in zip(self.document.plan.dependencies, driving.tolist(), strict=False)
            if on
        }
        if any(pair not in pairs for pair in zip(ids, ids[1:], strict=False)):
            return False
        return not any(to == ids[0] for _from, to in pairs)

    def highlight_chain(self, ids: list[str], reveal: bool = True) -> None:
        """Emphasise a chain of decisions (e.g. a driving chain) and the edges between consecutive ones; dim the
        rest. An empty list clears the highlight (and shows the presentation's spotlight again, if any)."""
        self.highlight = list(ids)
        if not ids and self.spotlit:
            self._emphasise(self.spotlit, self._spot_links, reveal=False)
            return
        self._emphasise(ids, set(zip(ids, ids[1:], strict=False)), reveal)

    def spotlight(
        self, ids: list[str], links: list[tuple[str, str]] | None = None, reveal: bool = True
    ) -> None:
        """Presentation steps: light ``ids`` and ``links`` (None: every link between two lit decisions), dim the
        rest. Unlike a driving-chain highlight it is not checked against the schedule; an empty list clears it."""
        self.spotlit = list(ids)
        self._spot_links = set(links) if links is not None else None
        if self.highlight:
            return  # the user's highlight wins until cleared
        self._emphasise(self.spotlit, self._spot_links, reveal)

    def _emphasise(self, ids: list[str], pairs: set[tuple[str, str]] | None, reveal: bool) -> None:
        chain = set(ids)
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
            ends = (edge.source.decision_id, edge.target.decision_id)
            on = ends in pairs if pairs is not None else ends[0] in chain and ends[1] in chain
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
        if any(isinstance(item, CardItem) for item in self.items(pos)):
            return None
        # A label's plate (painted by its edge, inside the edge's bounding rect but off its stroke).
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(item, EdgeItem) and item.label_contains(pos):
                return item
        # Edges use Qt's own shape (their pen's width), so look in a 10 px square: what hit_shape() covers.
        for item in self.items(QRectF(pos.x() - 5, pos.y() - 5, 10, 10)):
            if isinstance(item, EdgeItem) and item.hit_shape().contains(pos):
                return item
        return None

    # -- tooltips (composed when asked for; see planner.ui.canvas.items) ------------------------------------------
    def card_tooltip(self, decision_id: str) -> str:
        """Rich-text tooltip of a decision's card: title, id, stage, area, and its dates and float."""
        plan = self.document.plan
        d = plan.decision(decision_id)
        if d is None:
            return ""
        esc = html.escape
        stage_names = {s.id: s.name for s in plan.stages}
        tip = f"<b>{esc(d.title)}</b><br>{esc(d.id)} · {esc(stage_names.get(d.stage, d.stage))}"
        if d.area:
            area_names = {a.id: a.name for a in plan.areas}
            tip += f" · {esc(area_names.get(d.area, d.area))}"
        analysis = self._analysis()
        sched = analysis.schedule if analysis is not None else None
        i = sched.index.get(d.id) if sched is not None else None
        if sched is not None and i is not None:
            weeks = fmt.weeks
            from planner.analysis.progress import shown_float  # loaded with the analysis the tooltip needs

            dur = float(sched.duration[i])
            tf = shown_float(d.status, float(sched.total_float[i]))  # done work: no float (the one rule)
            critical = bool(sched.critical[i])
            tip += (
                f"<br>Weeks {weeks(float(sched.es[i]))}–{weeks(float(sched.ef[i]))} ({weeks(dur, unit=True)})<br>"
                + (
                    "Critical: no float"
                    if critical
                    else "Done: nothing left to slip"
                    if tf is None
                    else f"Total float {weeks(tf, unit=True)}"
                )
            )
        return tip

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # Qt name
        """The background brush; first, the area being painted is noted for the edges, which draw only what
        reaches into it (:func:`planner.ui.canvas.items.note_exposed`)."""
        note_exposed(painter.device(), painter.worldTransform(), rect)
        super().drawBackground(painter, rect)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        # Qt's own helpEvent reads the C++ tooltip, which the items no longer set: ask the topmost item for it.
        pos = event.scenePos()
        card = self._card_at(pos)
        edge = self._edge_at(pos) if card is None else None
        text = card.toolTip() if card is not None else edge.toolTip() if edge is not None else ""
        if text:
            QToolTip.showText(event.screenPos(), text, event.widget())
            event.accept()
        else:
            QToolTip.hideText()
            event.ignore()

    def _card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
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

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.interaction is not None and self.interaction.mouse_move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)
        if isinstance(self.interaction, MoveInteraction):
            self.interaction.moved()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        interaction = self.interaction
        if interaction is not None and isinstance(interaction, LinkInteraction):
            interaction.mouse_release(event)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if interaction is not None:
            # Deferred to the end of this event: the document's edit re-syncs the scene.
            interaction.mouse_release(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.interaction is not None:
            self.interaction.cancel()
            event.accept()
            return
        super().keyPressEvent(event)


__all__ = ["GraphScene", "layout_to_scene"]
