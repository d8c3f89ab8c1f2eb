"""The graph canvas widget: zoom, pan, fit, keyboard, and the messages for refused edits."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontInfo,
    QFontMetrics,
    QHelpEvent,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMessageBox, QToolTip, QWidget

from planner import units
from planner.ui.canvas import overview
from planner.ui.canvas import style as S
from planner.ui.canvas.scene import GraphScene
from planner.ui.views import type_scale
from planner.ui.views.empty_hint import EmptyHint
from planner.ui.views.format import left_to_right, name_in_line

if TYPE_CHECKING:
    from planner.ui.canvas.items import StageBandItem
    from planner.ui.state.document import PlanDocument


class GraphCanvas(QGraphicsView):
    """The dependency graph of a :class:`PlanDocument` as cards and arrows in stage columns.

    Mouse: drag a card to move it (the position is saved in the plan), drag from the round handle on a card's right
    edge to another card to add a dependency, click an arrow to select it, drag on the background to select
    cards, wheel to zoom, middle button to pan. Keys: Delete removes the selected dependencies (or, when no arrow
    is selected, the selected decisions), Ctrl + / Ctrl - zoom, Ctrl 0 is 100 %, F (or Home) fits the plan in the
    view, Esc cancels a drag and clears a highlight.

    While the canvas is hidden (another tab is current, or it was never shown) its scene does not follow the
    document: edits and analyses only mark it stale, and it catches up when the canvas is shown. So a large plan
    costs the canvas nothing until the Graph tab is opened, and editing in the Table costs the canvas nothing.
    """

    card_activated = Signal(str)  # Enter on the selected card: open it (the inspector)
    rename_requested = Signal(str)  # F2 on the selected card
    context_menu_requested = Signal(
        str, object, QPoint
    )  # "card" / "edge" / "background", id or index, global pos

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.overview_labels: list[str] = []  # texts of the last zoomed-out overview paint (tests)
        self.overview_texts: list[tuple[QRect, str]] = []  # the same with their rectangles in the viewport
        self.header_labels: list[str] = []  # texts of the sticky stage headers last painted (tests)
        self.header_rects: list[QRect] = []  # and where they were painted, in viewport pixels
        self._summary: overview.Summary | None = None
        self._summary_key: tuple[object, ...] | None = None
        self._overview_cache: tuple[tuple[object, ...], QPixmap, list[tuple[QRect, str]]] | None = None
        # Below this zoom the view shows the stage-and-area overview instead of cards. Presentation mode raises it
        # on a large screen: a 4K panel fits a plan at twice the zoom of 1080p, yet each card's text is just as small
        # in the room (set_room_scale).
        self.detail_zoom = S.DETAIL_ZOOM
        self._room_text_scale: float | None = None  # presentation's type scale (set_room_scale)
        self.overview_names = False  # blocks of one decision show its title (set_room_scale)
        self._room_card_px: float | None = None  # presentation's card title size in pixels (set_room_scale)
        # a presentation stage step's stage: its id, name and the bands that hold its decisions (set_step_stage)
        self.step_stage: tuple[str, str, frozenset[int]] | None = None
        self.graph_scene = GraphScene(document, self)
        self.setScene(self.graph_scene)
        self.message_box: QMessageBox | None = None
        self._pan_from: QPoint | None = None
        # Auto-scroll while a card or a link is dragged near the edge of the view.
        self._edge_scroll = QTimer(self)
        self._edge_scroll.setInterval(30)
        self._edge_scroll.timeout.connect(self._scroll_towards_edge)
        self._drag_pos: QPoint | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("graphCanvas")
        self.graph_scene.refused.connect(self.show_refusal)
        self.graph_scene.reveal_requested.connect(self._reveal)
        self._fit_due = False
        self._overview_due = False
        # The view a plan opens with (overview or fit), as it was left: ("overview" / "fit", zoom, centre). A font
        # change re-fits a view still there, and rescales one the user has zoomed or moved (_follow_desk_scale).
        self._opened_view: tuple[str, float, QPointF] | None = None
        self._desk_zoom_seen = self.desk_zoom
        self.graph_scene.build_changed.connect(self._on_build_changed)
        # A plan without decisions showed its empty stages and nothing else, in presentation mode too
        self.empty_hint = EmptyHint(
            self, "emptyGraphHint", Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        )
        for signal in (document.plan_reset, document.decisions_inserted, document.decisions_removed):
            signal.connect(self._hint_empty)
        self._hint_empty()
        # Built in sync with the document (tests and the screenshot read it at once); from now on it follows the
        # document only while shown.
        self.graph_scene.set_active(False)

    def _hint_empty(self, *_args: object) -> None:
        self.empty_hint.show_text(
            ""
            if self.document.plan.decisions
            else "No decisions yet.\n\nEdit > Add Decision (Ctrl+Return) adds one to the first stage: type its "
            "title; the inspector sets its stage, owner and duration."
        )

    # -- visibility ---------------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        self.graph_scene.set_active(True)
        super().showEvent(event)
        self._apply_due_fit()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not self.isVisible():  # (not for a hidden parent's own spontaneous events while we stay visible)
            self.graph_scene.set_active(False)

    def _on_build_changed(self) -> None:
        """A progressive build advanced: repaint its progress note; once the plan's extent is known (the layout
        is done), apply a fit or overview asked for meanwhile, so the view looks where the cards will be."""
        # While building, the view shows the overview (see _in_overview): the scene's own change notices, one per
        # new item, would only cost region bookkeeping.
        mode = (
            QGraphicsView.ViewportUpdateMode.NoViewportUpdate
            if self.graph_scene.building
            else QGraphicsView.ViewportUpdateMode.SmartViewportUpdate
        )
        if mode != self.viewportUpdateMode():
            self.setViewportUpdateMode(mode)
            self.viewport().update()
        else:
            self.viewport().update(self._progress_rect())
        if not self.isVisible() or self.graph_scene.content_rect().isEmpty():
            return
        self._apply_due_fit()

    def _apply_due_fit(self) -> None:
        """Apply an overview or fit asked for while the view was hidden or the layout unknown (overview wins)."""
        if self._overview_due:
            self._overview_due = self._fit_due = False
            self.overview()
        elif self._fit_due:
            self._fit_due = False
            self.fit_to_view()

    def _waiting_for_content(self) -> bool:
        """The scene is being built and its layout is not known yet (nothing to fit)."""
        scene = self.graph_scene
        return scene.building and scene.content_rect().isEmpty()

    # -- zoom ---------------------------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        """Current scale (1.0 = 100 %)."""
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor_under_mouse: bool = False) -> None:
        factor = min(max(factor, S.MIN_ZOOM), S.MAX_ZOOM)
        old = self.zoom
        if abs(factor - old) < 1e-9:
            return
        anchor = self.transformationAnchor()
        if not anchor_under_mouse:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor / old, factor / old)
        self.setTransformationAnchor(anchor)
        self._zoom_changed()

    def _zoom_changed(self) -> None:
        self.graph_scene.set_detailed(self.detailed())
        self.graph_scene.set_card_type(self.card_type())

    def card_type(self) -> float:
        """How much larger than on the desk the cards' text is drawn: presenting (:meth:`set_room_scale`'s
        ``card_px``), as much as brings card titles to the room's type at this zoom, up to
        :data:`~planner.ui.canvas.style.ROOM_CARD_TYPE_MAX` (what a card holds), in steps of 5 %; else 1. A stage
        step zooms out to show the whole stage, and its card titles were drawn 9 px tall beside 15 to 38 px of
        presentation type (1024x600 to 4K)."""
        px = self._room_card_px
        if px is None or self.zoom <= 0:
            return 1.0
        title = QFontInfo(S.title_font()).pixelSize() * self.zoom
        return min(S.ROOM_CARD_TYPE_MAX, max(1.0, round(px / max(title, 1e-9) * 20) / 20))

    def detailed(self) -> bool:
        """Cards are drawn, not the overview: the zoom is at least :attr:`detail_zoom`, as it is set. A zoom made by
        scaling the view's transform is off by a rounding (0.7499999999999999 for 0.75): a presentation stage step
        at its least zoom, which is the overview's threshold, showed the overview (portrait 1080x1920)."""
        return self.zoom >= self.detail_zoom * (1 - 1e-9)

    @property
    def desk_zoom(self) -> float:
        """The canvas's 100 % (Actual Size, and the most a fit magnifies): the scene's own size times the desk's
        text scale (:func:`~planner.ui.views.type_scale.desk_scale`), so at a 16 pt application font the cards'
        text grows with the tables' instead of staying at 9 pt; the cards grow with it, so it still fits them."""
        return type_scale.desk_scale()

    @property
    def readable_zoom(self) -> float:
        """The least zoom that shows cards readably here: the desk's, or presentation mode's higher detail zoom
        (a click on an overview block zoomed to the desk's, still under the overview, and nothing happened)."""
        return max(S.READABLE_ZOOM * self.desk_zoom, self.detail_zoom)

    @property
    def overview_text_scale(self) -> float:
        """The type of the overview and the sticky stage headers (painted on the view, not zoomed), relative to
        their 100 % sizes: presentation's room scale while presenting, else the desk's text scale."""
        return self._room_text_scale if self._room_text_scale is not None else self.desk_zoom

    def set_room_scale(
        self,
        detail_zoom: float = S.DETAIL_ZOOM,
        text_scale: float | None = None,
        names: bool = False,
        card_px: float | None = None,
    ) -> None:
        """Presentation mode: show the overview below ``detail_zoom`` instead of
        :data:`~planner.ui.canvas.style.DETAIL_ZOOM`, in type ``text_scale`` times its 100 % size, with the
        titles of blocks of one decision (``names``), and card titles drawn ``card_px`` pixels tall as far as a
        card holds them (:meth:`card_type`); the defaults put the desk back. Repaints at once."""
        self.detail_zoom = detail_zoom
        self._room_text_scale = text_scale
        self._room_card_px = card_px
        self.overview_names = names
        self._zoom_changed()
        self.viewport().update()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * S.ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / S.ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(self.desk_zoom)

    def fit_to_view(self) -> None:
        """Show the whole plan; never magnify past 100 % (:attr:`desk_zoom`: a small plan is shown at its natural
        size).

        On a hidden canvas whose scene is stale this waits until the canvas is shown (no catching up for it)."""
        if (self.graph_scene.stale and not self.isVisible()) or self._waiting_for_content():
            self._fit_due = True
            return
        self.graph_scene.catch_up()
        rect = self.graph_scene.content_rect()
        if rect.isEmpty():
            return
        rect = rect.adjusted(-20, -20, 20, 20)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom_changed()
        if self.zoom > self.desk_zoom:
            self.set_zoom(self.desk_zoom)
        elif self.zoom < S.MIN_ZOOM:
            self.set_zoom(S.MIN_ZOOM)
        self.centerOn(rect.center())
        self._note_opened_view("fit")

    def overview(self) -> None:
        """The view a plan opens with: the whole plan when it fits at a readable size, otherwise its start (the
        left edge, where the work begins, at the height of its first cards) at the smallest readable zoom, so card
        titles can be read at once."""
        if (self.graph_scene.stale and not self.isVisible()) or self._waiting_for_content():
            self._overview_due = (
                True  # done when shown (or when the build knows the layout), like fit_to_view
            )
            return
        self.fit_to_view()
        readable = S.READABLE_ZOOM * self.desk_zoom
        if self.zoom >= readable:
            self._note_opened_view("overview")
            return
        rect = self.graph_scene.content_rect()
        self.set_zoom(readable)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        # The left edge, at the height of the first column of cards: the layout centres each column on the plan's
        # height, so the band's top-left corner of a tall plan (300 decisions at 1920x1080) showed no card at all.
        cards = self.graph_scene.cards.values()
        left = min((card.x() for card in cards), default=0.0)
        first = QRectF()
        for card in cards:
            if card.x() < left + 40:
                r = card.sceneBoundingRect()
                first = r if first.isNull() else first.united(r)
        if rect.height() <= visible.height():
            y = rect.center().y()
        elif first.isNull():  # (no cards yet: the top)
            y = rect.top() - 20 + visible.height() / 2
        elif first.height() <= visible.height() - 40:
            y = first.center().y()
        else:  # the first of them, at the top
            y = first.top() - 20 + visible.height() / 2
        self.centerOn(rect.left() - 20 + visible.width() / 2, y)
        self._note_opened_view("overview")

    def _view_centre(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def _note_opened_view(self, kind: str) -> None:
        self._opened_view = (kind, self.zoom, self._view_centre())
        self._desk_zoom_seen = self.desk_zoom

    def _at_opened_view(self) -> str | None:
        """ "overview" or "fit" while the view is as :meth:`overview` or :meth:`fit_to_view` left it (not zoomed or
        scrolled since), else None."""
        if self._opened_view is None:
            return None
        kind, zoom, centre = self._opened_view
        moved = self._view_centre() - centre
        if abs(self.zoom - zoom) > 1e-6 or moved.manhattanLength() * self.zoom > 2.0:
            return None
        return kind

    def _follow_desk_scale(self) -> None:
        """The application font changed (:func:`~planner.ui.views.type_scale.desk_scale`): a view still as the plan
        opened is opened again at the new scale (overview or fit, as then; when shown, if hidden), another keeps
        its centre and scales its zoom with the desk's, so the cards' text follows the tables' either way.
        Presentation mode holds its own zoom."""
        old, new = self._desk_zoom_seen, self.desk_zoom
        if abs(new - old) < 1e-9 or self._room_text_scale is not None:
            return
        kind = self._at_opened_view()
        self._desk_zoom_seen = new
        if kind is None:
            self.set_zoom(self.zoom * new / old)
        elif not self.isVisible():
            if kind == "overview":
                self._overview_due = True
            else:
                self._fit_due = True
        elif kind == "overview":
            self.overview()
        else:
            self.fit_to_view()

    def focus_on(self, ids: list[str], zoom: float | None = None) -> None:
        """Centre the cards of ``ids`` at ``zoom`` (100 %, :attr:`desk_zoom`, by default), e.g. for a screenshot of
        a selection."""
        self.graph_scene.catch_up()
        self.graph_scene.complete()
        rect = QRectF()
        for item in self.graph_scene.selectedItems():
            rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return
        self.set_zoom(self.desk_zoom if zoom is None else zoom)
        self.centerOn(rect.center())

    def highlight_chain(self, ids: list[str]) -> None:
        """Emphasise ``ids`` (a chain, in order) and the arrows between them, dim the rest, and bring it in
        sight; an empty list clears the highlight."""
        self.graph_scene.catch_up()
        self.graph_scene.complete()
        self.graph_scene.highlight_chain(list(ids))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A view made narrower or shorter keeps the selected cards in sight when they were. Opening a decision with
        Enter while presenting at 1280x720 put the inspector beside the graph, and the view (anchored at its
        centre) cut the card being edited at its left edge, the room watching its figures change out of sight."""
        old, new = event.oldSize(), event.size()
        before = QRectF()
        if old.isValid() and (new.width() < old.width() or new.height() < old.height()):
            port = self.viewport().rect()
            wide, tall = port.width() + old.width() - new.width(), port.height() + old.height() - new.height()
            before = self.mapToScene(QRect(0, 0, wide, tall)).boundingRect()
        super().resizeEvent(event)
        if before.isEmpty() or self._in_overview():
            return
        shown = QRectF()
        for item in self.graph_scene.selectedItems():
            shown = shown.united(item.sceneBoundingRect())
        if not shown.isEmpty() and before.contains(shown):
            self._reveal(shown)

    def _reveal(self, rect: QRectF) -> None:
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if visible.contains(rect):
            return
        if rect.width() > visible.width() or rect.height() > visible.height():
            self.centerOn(rect.center())
        else:
            self.ensureVisible(rect, 40, 40)

    # -- messages -----------------------------------------------------------------------------------------------
    def show_refusal(self, title: str, text: str) -> None:
        """A non-blocking warning (``open()``, never ``exec()``); kept in :attr:`message_box` until the next."""
        if self.message_box is not None:
            self.message_box.close()
            self.message_box.deleteLater()
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("canvasRefusal")
        self.message_box = box
        box.open()

    # -- sticky stage headers -------------------------------------------------------------------------------------
    HEADER_H = 24

    def set_step_stage(self, stage_id: str | None = None, name: str = "", ids: Sequence[str] = ()) -> None:
        """Presentation mode's stage step of stage ``stage_id`` (None: none), its decisions ``ids``. A big plan
        draws a decision in the band where it can run, and a step that showed its stage's decisions in the next
        stage's band was headed by that stage alone ('Integrate · 410 decisions' over Validate's step, 1080x1920):
        another stage's band that holds some of them now says whose decisions are lit in it."""
        bands: frozenset[int] = frozenset()
        if stage_id is not None:
            scene = self.graph_scene
            scene.catch_up()
            scene.complete()
            xs = sorted(
                card.sceneBoundingRect().center().x() for i in ids if (card := scene.cards.get(i)) is not None
            )
            bands = frozenset(
                k
                for k, band in enumerate(scene.bands)
                if (at := bisect_left(xs, band.rect().left())) < len(xs) and xs[at] < band.rect().right()
            )
        step = (stage_id, name, bands) if stage_id is not None else None
        if step != self.step_stage:
            self.step_stage = step
            self.viewport().update()

    def _header_first_line(
        self, band: StageBandItem, stage_id: str | None, fm: QFontMetrics, room: int
    ) -> str:
        """A sticky header's first line: the band's stage and count; on a stage step of another stage whose
        decisions the band holds, that stage's name first (what is lit), then whose band it is -- when that fits
        in ``room`` px (a strip of a band at the view's edge keeps its own name)."""
        own = left_to_right(f"{name_in_line(band.title.text())}  ·  {band.count_text}")
        step = self.step_stage
        if step is None or stage_id is None or step[0] == stage_id or band.index not in step[2]:
            return own
        band_name = name_in_line(band.title.text())
        lit = left_to_right(f"{name_in_line(step[1])}  ·  in the {band_name} band ({band.count_text})")
        return lit if fm.horizontalAdvance(lit) <= room else own

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Keep each stage's name readable at the top of the view once its band's own title has scrolled away
        or become too small (zoomed out); while a large plan is being built, say how far it is."""
        if self.graph_scene.building:
            self._draw_progress(painter)
        if not self.detailed() or self.graph_scene.building:
            self._draw_overview(painter)
            if self.graph_scene.building:
                self._draw_progress(painter)
            return
        self.overview_texts, self.overview_labels = [], []
        self.header_labels, self.header_rects = [], []
        bands = self.graph_scene.bands
        if not bands:
            return
        top = self.mapToScene(QPoint(0, 0)).y()
        # Zoomed out, a band's own title is too small; presenting, it is as long as the zoom is below the room's
        # type (a 4K panel's stage step at zoom 1.5 showed "Validate" in the corner at half the room's size).
        room = self._room_text_scale
        zoomed_out = self.zoom < 0.6 or (room is not None and self.zoom < room)
        width = self.viewport().width()
        painter.save()
        painter.resetTransform()
        font = self._header_font()
        header_h = self.header_height()
        painter.setFont(font)
        fm = QFontMetrics(font)
        layout = self.graph_scene.layout
        columns = [c.stage_id for c in layout.columns] if layout is not None else []
        for k, band in enumerate(bands):
            r = band.rect()
            if r.top() >= top and not zoomed_out:
                continue
            x0 = max(0, self.mapFromScene(QPointF(r.left(), top)).x())
            x1 = min(width, self.mapFromScene(QPointF(r.right(), top)).x())
            if x1 - x0 < 40:
                continue
            # While the band's top is in sight (zoomed out, its own title is too small), over its own title and
            # count, which it repeats (both showed on a short band: "Stage 1 · 3 decisions" twice), reaching
            # above the band when taller than they are; pinned to the top of the view once it has scrolled away.
            h = header_h
            if r.top() >= top:
                sub = band.subtitle
                below = self.mapFromScene(sub.mapToScene(QPointF(0, sub.boundingRect().height()))).y()
                h = max(header_h, below - self.mapFromScene(QPointF(r.left(), r.top())).y())
                y = max(0, below - h)
            else:
                y = 0
            fill = QColor(band.brush().color())
            fill.setAlpha(235 if y == 0 else 255)  # (over the band's own title: none of it shows through)
            painter.fillRect(QRect(x0, y, x1 - x0, h), fill)
            painter.setPen(S.BAND_TEXT)
            # With the band's note, on a line of its own: the columns count by sequenced stage and say so (SPEC
            # §3.3 "Words"). After the name and count on one line, it was cut where a consultant explains it
            # ("Operationalize · 28 decisions · 12 from Integrate under s…" on a stage step at 1920x1080).
            lines = [
                fm.elidedText(line, Qt.TextElideMode.ElideRight, x1 - x0 - 16)
                for line in (
                    self._header_first_line(band, columns[k] if k < len(columns) else None, fm, x1 - x0 - 16),
                    *([left_to_right(band.note)] if band.note else []),
                )
            ]
            text = "\n".join(lines)
            self.header_labels.append(text)
            self.header_rects.append(QRect(x0, y, x1 - x0, h))
            painter.drawText(
                QRect(x0 + 8, y, x1 - x0 - 16, h),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                text,
            )
        painter.restore()

    def _header_font(self) -> QFont:
        """The sticky headers' and the progress note's type: the band font in :attr:`overview_text_scale`."""
        font = QFont(S.band_font())
        font.setPointSizeF(font.pointSizeF() * self.overview_text_scale)
        return font

    def header_height(self) -> int:
        """The sticky headers' height (viewport pixels): :data:`HEADER_H` for the band font at 100 %, larger with
        their type; a line more when a band has a note (it goes on a line of its own, see drawForeground)."""
        one = round(self.HEADER_H * self.overview_text_scale)
        if any(band.note for band in self.graph_scene.bands):
            return one + QFontMetrics(self._header_font()).lineSpacing()
        return one

    def _draw_overview(self, painter: QPainter) -> None:
        """Zoomed out below the detail zoom: the stage-and-area overview (:mod:`planner.ui.canvas.overview`) in
        legible type over the cards, counted once per scene sync."""
        scene = self.graph_scene
        key = (
            scene.sync_count,
            -1 if scene.building else len(scene.cards),  # (during a build it counts the plan, not the cards)
            len(scene.bands),
            scene.content_rect().getRect(),
            id(scene._analysis()),
        )
        if self._summary is None or self._summary_key != key:
            self._summary = overview.summarise(scene)
            self._summary_key = key
        spans = []
        top = None
        for band in scene.bands:
            r = band.rect()
            p0, p1 = self.mapFromScene(r.topLeft()), self.mapFromScene(r.topRight())
            spans.append((p0.x(), p1.x()))
            top = p0.y() if top is None else min(top, p0.y())
        width = self.viewport().width()
        cut = bool(spans) and (spans[0][0] < 0 or spans[-1][1] > width)
        if (not scene.bands or cut) and self._summary.columns:
            # No layout yet (a large plan's first moments), or a plan wider than the view even zoomed out: the
            # stage columns share the viewport. Over the bands, the columns of a 2,000-decision plan lay off the
            # view, and presentation's Home showed two of its four stages.
            n = len(self._summary.columns)
            spans = [(k * width // n + 6, (k + 1) * width // n - 6) for k in range(n)]
            top = 8 if top is None else top
        # Painted once into a pixmap and blitted while nothing it shows changed: a progressive build repaints the
        # view between its slices (for the progress note), ~50 times for 10,000 decisions.
        vw, vh = self.viewport().width(), self.viewport().height()
        dpr = self.viewport().devicePixelRatioF()
        top_px = max(0, (top or 0) - 8)
        cache_key = (
            key,
            id(self._summary),
            tuple(spans),
            top_px,
            vw,
            vh,
            dpr,
            self.overview_text_scale,
            self.overview_names,
            S.BACKGROUND.rgba(),
            S.INK.rgba(),
        )
        cached = self._overview_cache
        if cached is None or cached[0] != cache_key:
            pixmap = QPixmap(max(1, round(vw * dpr)), max(1, round(vh * dpr)))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(S.BACKGROUND)
            p = QPainter(pixmap)
            p.setRenderHints(painter.renderHints())
            drawn = overview.paint(
                p,
                self._summary,
                spans,
                top_px,
                vw,
                vh,
                self.overview_text_scale,
                self.overview_names,
                fill=self._room_text_scale is not None,  # presenting: into the room the view leaves
            )
            p.end()
            cached = self._overview_cache = (cache_key, pixmap, drawn)
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(0, 0, cached[1])
        painter.restore()
        self.overview_texts = list(cached[2])
        self.overview_labels = [text for _, text in cached[2]]

    def _progress_text(self) -> str:
        return f"Building graph… {int(self.graph_scene.build_progress * 100)} %"

    def _progress_rect(self) -> QRect:
        """Where the build's progress note goes: the bottom-left corner of the viewport."""
        fm = QFontMetrics(self._header_font())
        w = fm.horizontalAdvance("Building graph… 100 %") + 24
        h = fm.height() + 12
        return QRect(12, self.viewport().height() - h - 12, w, h)

    def _draw_progress(self, painter: QPainter) -> None:
        painter.save()
        painter.resetTransform()
        r = self._progress_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(40, 44, 52, 220))
        painter.drawRoundedRect(QRectF(r), 6, 6)
        painter.setFont(self._header_font())
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(r, int(Qt.AlignmentFlag.AlignCenter), self._progress_text())
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Zoomed out, the overview covers the whole viewport: painting thousands of cards under it is wasted.
        if self._in_overview():
            painter = QPainter(self.viewport())
            self.drawForeground(painter, self.mapToScene(event.rect()).boundingRect())
            painter.end()
            return
        super().paintEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        # The headers do not scroll with the scene: repaint the strip they occupy and the one they were copied to.
        if self.zoom < 0.6:  # headers float above their bands: cheap enough to repaint everything
            self.viewport().update()
            return
        w = self.viewport().width()
        self.viewport().update(QRect(0, 0, w, self.header_height() + max(dy, 0) + 1))
        if self.graph_scene.building:  # the progress note does not scroll either
            r = self._progress_rect()
            self.viewport().update(r.adjusted(-abs(dx), -abs(dy), abs(dx), abs(dy)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "graph_scene"):
            self.graph_scene.apply_palette()  # light/dark switched: the cards and bands follow
        elif event.type() == QEvent.Type.FontChange:
            self._overview_cache = None
            self.viewport().update()  # the headers' and the overview's type follow the application font
            self._follow_desk_scale()  # and the cards' zoom

    # -- keyboard navigation ------------------------------------------------------------------------------------
    def move_selection(self, key: int) -> str | None:
        """Arrow keys: → the successor, ← the predecessor (the nearest one on screen when there are several),
        ↑ / ↓ the card above or below in the same column. Selects it and brings it in sight; returns its id."""
        scene = self.graph_scene
        scene.catch_up()
        scene.complete()
        cards = scene.cards
        sel = [i for i in self.document.selection if i in cards]
        if not sel:
            target = self._first_visible_card()
        else:
            here = cards[sel[-1]]
            c = here.sceneBoundingRect().center()
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                deps = self.document.plan.dependencies
                if key == Qt.Key.Key_Right:
                    ids = [d.to for d in deps if d.from_ == here.decision_id]
                else:
                    ids = [d.from_ for d in deps if d.to == here.decision_id]
                near = [cards[i] for i in ids if i in cards]
            else:
                above = key == Qt.Key.Key_Up
                near = [
                    card
                    for card in cards.values()
                    if card is not here
                    and abs(card.sceneBoundingRect().center().x() - c.x()) < S.CARD_W / 2
                    and (card.sceneBoundingRect().center().y() < c.y()) == above
                    and card.sceneBoundingRect().center().y() != c.y()
                ]
            target = None
            if near:
                best = min(near, key=lambda card: (card.sceneBoundingRect().center() - c).manhattanLength())
                target = best.decision_id
        if target is None:
            return None
        self.document.select([target])
        self.ensureVisible(cards[target].sceneBoundingRect(), 60, 60)
        return target

    def _first_visible_card(self) -> str | None:
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        shown = [c for c in self.graph_scene.cards.values() if visible.intersects(c.sceneBoundingRect())]
        pool = shown or list(self.graph_scene.cards.values())
        if not pool:
            return None
        return min(
            pool, key=lambda c: (c.sceneBoundingRect().left(), c.sceneBoundingRect().top())
        ).decision_id

    def center_on_selection(self) -> bool:
        """Bring the selected cards to the middle of the view, keeping the zoom (readable at least).
        False when nothing is selected."""
        scene = self.graph_scene
        scene.catch_up()
        scene.complete()
        rect = QRectF()
        for did in self.document.selection:
            card = scene.cards.get(did)
            if card is not None:
                r = card.sceneBoundingRect()
                rect = r if rect.isNull() else rect.united(r)
        if rect.isNull():
            return False
        if self.zoom < self.readable_zoom:
            self.set_zoom(self.readable_zoom)
        self.centre_within_plan(rect.center())
        return True

    def centre_within_plan(self, point: QPointF) -> None:
        """Centre the view on ``point`` as far as the plan goes: a card near the plan's edge is shown with the
        plan beside it, not in the middle of the empty margin of the scene beyond the edge (the first decision,
        selected in the table, left the graph's left 40 % blank). Where the plan is narrower (or shorter) than
        the view it is centred on that axis."""
        plan = self.graph_scene.content_rect().adjusted(-20, -20, 20, 20)
        if plan.isEmpty():
            self.centerOn(point)
            return
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        half_w, half_h = seen.width() / 2, seen.height() / 2
        x, y = point.x(), point.y()
        if plan.width() <= seen.width():
            x = plan.center().x()
        else:
            x = min(max(x, plan.left() + half_w), plan.right() - half_w)
        if plan.height() <= seen.height():
            y = plan.center().y()
        else:
            y = min(max(y, plan.top() + half_h), plan.bottom() - half_h)
        self.centerOn(QPointF(x, y))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = self.mapToScene(event.pos())
        scene = self.graph_scene
        card = scene._card_at(pos)
        if card is not None:
            if card.decision_id not in self.document.selection:
                self.document.select([card.decision_id])
            self.context_menu_requested.emit("card", card.decision_id, event.globalPos())
        else:
            edge = scene._edge_at(pos)
            if edge is not None:
                scene.clearSelection()
                scene.select_edge(edge)
                self.context_menu_requested.emit("edge", edge.dep_index, event.globalPos())
            else:
                self.context_menu_requested.emit("background", None, event.globalPos())
        event.accept()

    # -- events -------------------------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self.set_zoom(self.zoom * S.ZOOM_STEP ** (delta / 120.0), anchor_under_mouse=True)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)
        ):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (ctrl and key == Qt.Key.Key_Minus):
            self.zoom_out()
        elif ctrl and key == Qt.Key.Key_0:
            self.reset_zoom()
        elif not ctrl and key in (Qt.Key.Key_F, Qt.Key.Key_Home):
            self.fit_to_view()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.graph_scene.delete_selection():
            pass
        elif key == Qt.Key.Key_Escape:
            if self.graph_scene.interaction is not None:
                self.graph_scene.cancel_interaction()
            else:
                self.graph_scene.highlight_chain([])
                self.graph_scene.select_edge(None)
        elif not ctrl and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selection(key)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.document.selection:
            self.card_activated.emit(self.document.selection[-1])
        elif key == Qt.Key.Key_F2 and self.document.selection:
            self.rename_requested.emit(self.document.selection[-1])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self._in_overview():
            # The cards under the overview are hidden: a click on a block zooms in on its decisions, a press on
            # a hidden card neither drags nor selects it; elsewhere a drag still draws a selection rectangle.
            pos = event.position().toPoint()
            if event.button() == Qt.MouseButton.LeftButton and self.zoom_to_block(
                overview.block_at(self._summary, pos)
            ):
                event.accept()
                return
            if self.graph_scene._card_at(self.mapToScene(pos)) is not None:
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._in_overview():
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def overview_tip(self, pos: QPoint) -> str:
        """What the overview block under ``pos`` (viewport pixels) holds, in full: its painted texts are elided to
        the column's width. Empty when no block is there."""
        if not self._in_overview() or self._summary is None:
            return ""
        cell = overview.block_at(self._summary, pos)
        if cell is None:
            return ""
        area = self._summary.rows[cell[1]][0]
        count, critical = self._summary.cells.get(cell, [0, 0])
        stage = self._summary.columns[cell[0]][0]
        lines = [f"{stage} · {area}: {units.count(count, 'decision')}"]
        if critical:
            lines[0] += f", {critical} critical"
        title = self._summary.titles.get(cell)
        if title is not None:
            lines.append(title)
        lines.append("Click to zoom in on them")
        return "\n".join(lines)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.overview_tip(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
        return super().viewportEvent(event)

    def _in_overview(self) -> bool:
        """The overview covers the view: zoomed out, or while a large plan is being built (its shape reads at once,
        and repainting a growing scene between build slices cost most of the build: 10,000 decisions, ~15 of
        ~20 CPU seconds)."""
        return (not self.detailed() and bool(self.graph_scene.bands)) or self.graph_scene.building

    def zoom_to_block(self, cell: tuple[int, int] | None) -> bool:
        """Zoom in (to the readable zoom) on the decisions of an overview block; False when ``cell`` is None."""
        if cell is None or self._summary is None:
            return False
        rect = QRectF()
        for did in self._summary.ids.get(cell, []):
            card = self.graph_scene.cards.get(did)
            if card is not None:
                rect = rect.united(card.sceneBoundingRect())
        if rect.isEmpty():
            return False
        self.set_zoom(self.readable_zoom)
        self.centerOn(rect.center())
        return True

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            d = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - d.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - d.y())
            event.accept()
            return
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton and self.graph_scene.interaction is not None:
            self._drag_pos = event.position().toPoint()
            if self._edge_step() != (0, 0):
                if not self._edge_scroll.isActive():
                    self._edge_scroll.start()
            else:
                self._edge_scroll.stop()

    EDGE_ZONE = 28  # pixels from the border where a drag scrolls the view

    def _edge_step(self) -> tuple[int, int]:
        p = self._drag_pos
        if p is None:
            return 0, 0
        r = self.viewport().rect()
        z = self.EDGE_ZONE

        def step(v: int, lo: int, hi: int) -> int:
            if v < lo + z:
                return -max(4, (lo + z - v) // 2)
            if v > hi - z:
                return max(4, (v - (hi - z)) // 2)
            return 0

        return step(p.x(), r.left(), r.right()), step(p.y(), r.top(), r.bottom())

    def _scroll_towards_edge(self) -> None:
        dx, dy = self._edge_step()
        if (dx, dy) == (0, 0) or self.graph_scene.interaction is None or self._drag_pos is None:
            self._edge_scroll.stop()
            return
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        before = (h.value(), v.value())
        h.setValue(h.value() + dx)
        v.setValue(v.value() + dy)
        if (h.value(), v.value()) == before:
            return
        # The mouse has not moved but the scene under it has: tell the gesture, as a move would.
        pos = QPointF(self._drag_pos)
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            pos,
            self.viewport().mapToGlobal(pos),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        super().mouseMoveEvent(move)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._edge_scroll.stop()
        self._drag_pos = None
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        event.accept()  # the canvas handles every click (empty space included)
