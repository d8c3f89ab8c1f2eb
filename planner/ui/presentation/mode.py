"""Presentation mode (View > Presentation Mode, F11 or Ctrl+Shift+P; Esc leaves): for consultants showing a plan in
a workshop (SPEC §1).

The window goes full screen and drops the chrome that distracts an audience (menu bar, status bar, docks, tool
bars, the table's filter row) but keeps the current view. UI fonts are scaled up and the graph canvas zoomed so cards
read from the back of the room, and a slim *presenter bar* at the bottom shows the key figures in large type (finish,
gated finish and the price of gating, the critical count, P80 when a current simulation exists) and, when a decision
is selected, why it starts when it does and whether it is critical.

What-if edits stay possible: ``+`` / ``-`` lengthen or shorten the selected decision by a week (one undoable
"Change Duration" each, Ctrl+Z undoes it), and a double-click opens the inspector dock until Esc closes it again.
Leaving restores the window exactly as it was: geometry and window state, docks, hidden bars, fonts and the canvas
zoom and position.

``N`` flips to the next scenario of the plan (Base included, wrapping round; one undo step each), and the presenter
bar then says which scenario is shown and how its finish compares with Base (issue 13). A session that flipped
scenarios keeps its steps as they are when its changes are kept.

:class:`PresentationController` is owned by the main window (``window.presentation``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, QPointF, QRect, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontInfo, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFrame,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from planner.model import duration_triple, units
from planner.ui.presentation.workshop import BlankScreen, FlowLayout, Step, StepPanel, build_deck
from planner.ui.theme import status_css
from planner.ui.views import format as fmt
from planner.ui.views import type_scale
from planner.ui.views.figure_view import settle_layouts
from planner.units import one_line, quoted

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.model import Plan
    from planner.ui.main_window import MainWindow

FONT_SCALE = 1.6
"""UI fonts in presentation mode, relative to the application font."""
FIGURE_SCALE = 2.1
"""The presenter bar's key figures, relative to the application font."""
CANVAS_ZOOM = 1.6
"""Graph canvas zoom in presentation mode: at least this (100 % cards are sized for a desk, not a room)."""
DURATION_STEP = 1.0
QWIDGETSIZE_MAX = (1 << 24) - 1
"""Qt's largest widget size (no maximum)."""
"""Weeks added or removed by one ``+`` / ``-`` press."""
STEP_MIN_ZOOM = 0.75
"""A stage step zooms out to show its cards, but not below this (card titles stay readable from the room)."""
STEP_PANEL_SHARE = 0.36
"""Width of the step panel (stage walk-through, critical-path spotlight), as a share of the window."""
STEP_PANEL_MIN_SHARE = 0.27
"""The least share of the window the step panel keeps when it gives way to a stage wider than the graph's room at
the readable zoom (the sample's Validate stage and its gate, 1,760 scene px, beside a 36 % panel on a 4K panel)."""
PRESENTER_HINT = (
    "PgDn / PgUp or → / ← step · Tab / Shift+Tab decision · Enter opens · S stages · C critical path · "
    "Home overview · End last · B blank · + / − duration · Ctrl+1 … 8, Alt+1 … 3 views · Esc leaves"
)


TITLE_CUTS = (120, 80, 50, 30, 16)
"""The presenter bar names the selected decision in at most the first of these characters (a 300-letter title took
six lines of the room's type over the graph), and in the next ones, in turn, while it is taller than WHY_SHARE."""
WHY_SHARE = 0.18
"""The most of the window's height the presenter bar's why of the selected decision may take; a longer why is left
to Enter (the inspector's Why this schedule)."""

SHORT_ROOM_PX = 480
"""A presentation shorter than this (logical px: a 1024x600 projector at 200 % is 300) leaves the presenter's key
help out of the bar (F1 lists every key): on three lines under three of figures the bar took 43 % of the screen and
the graph a strip above it."""

ROOM_SCREENS = ((1280, 720), (1920, 1080))
"""The screens the scales above were made for (and are kept on); on a smaller or larger screen they shrink or grow
with it (:func:`room_scale`)."""
ROOM_SCALE_RANGE = (0.6, 2.5)
"""How far :func:`room_scale` goes: text stays legible on an 800x600 projector and fills a 4K panel."""


def room_scale(area: QRect) -> float:
    """How much larger presentation text, cards and charts are on a screen (or, rendered off-screen, a window) of
    ``area`` than between 1280x720 and 1920x1080: in proportion below and above that, so the room sees about the
    same share of the screen (on a 4K panel at scale factor 1 the 1080p sizes were a quarter of what the room could
    read; on an 800x600 projector the presenter bar filled half the screen). Bounded by :data:`ROOM_SCALE_RANGE`."""
    if area.width() <= 0 or area.height() <= 0:
        return 1.0
    (small_w, small_h), (big_w, big_h) = ROOM_SCREENS
    smaller = min(area.width() / small_w, area.height() / small_h)
    larger = min(area.width() / big_w, area.height() / big_h)
    share = smaller if smaller < 1 else max(1.0, larger)
    return max(ROOM_SCALE_RANGE[0], min(ROOM_SCALE_RANGE[1], share))


ROOM_BASE_PX = 15
"""The largest desk font (pixels) presentation type is scaled from: the usual desktop fonts (12 px on Windows, 13 on
macOS and KDE, 15 with GNOME's 11 pt) are used as they are; a larger accessibility font (15 pt: 20 px) is not, as
the room's type follows the screen (:func:`room_scale`), not the presenter's desk setting."""


def room_font() -> QFont:
    """The application font presentation type is scaled from, no larger than :data:`ROOM_BASE_PX`: at a 15 pt desk
    font the presenter bar took a third of a 1024x768 projector and the graph a strip above it."""
    base = QApplication.font()
    px = QFontInfo(base).pixelSize()
    return scaled_font(base, ROOM_BASE_PX / px) if px > ROOM_BASE_PX else QFont(base)


def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    elif base.pixelSize() > 0:
        font.setPixelSize(round(base.pixelSize() * factor))
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


class PresenterBar(QFrame):
    """Key figures in large type, and the selected decision's explanation."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.setObjectName("presenterBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        base = room_font()
        figure_font = scaled_font(base, FIGURE_SCALE * scale, bold=True)
        text_font = scaled_font(base, FONT_SCALE * scale)
        # A short room's figures in the room's text size, bold (set_short): at 2.1 times the desk's type they took
        # three lines of a 1024x600 projector at 200 % (300 logical px), the graph a 120 px strip above them.
        self._figure_fonts = (figure_font, scaled_font(base, FONT_SCALE * scale, bold=True))
        self.finish = QLabel(self)
        self.gated = QLabel(self)
        self.critical = QLabel(self)
        self.p80 = QLabel(self)
        self.delta = QLabel(self)
        self.cost = QLabel(self)  # spend and budget, when the plan has costs (issue 17)
        self.cost.setObjectName("presenterCost")
        self.forecast = QLabel(self)  # the forecast finish against the baseline chosen (issue 16)
        self.forecast.setObjectName("presenterForecast")
        self.target = QLabel(self)  # the finish against the plan's target, as the status bar says it
        self.target.setObjectName("presenterTarget")
        self.finish.setObjectName("presenterFinish")
        self.gated.setObjectName("presenterGated")
        self.critical.setObjectName("presenterCritical")
        self.p80.setObjectName("presenterP80")
        self.delta.setObjectName("presenterDelta")
        # The figures wrap onto a second line rather than widen the window (a row of them needed ~1,560 px).
        row = FlowLayout(spacing=round(base.pointSizeF() * 3) if base.pointSizeF() > 0 else 30)
        for label in self.figures():
            label.setFont(figure_font)
            label.setTextFormat(Qt.TextFormat.RichText)
            row.addWidget(label)
        self.hint = QLabel(PRESENTER_HINT, self)
        self.hint.setObjectName("presenterHint")
        # Subdued (for the presenter, not the audience) but readable: greyed as a disabled label it was 1.6:1 on
        # the light bar.
        self.hint.setStyleSheet(f"color: {status_css('muted')};")
        self.hint.setFont(scaled_font(base, max(1.0, 1.1 * scale)))
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # What a key did not do and why (+ on a milestone, N without scenarios): the status bar that said it is
        # hidden while presenting, so the key seemed to do nothing.
        self.notice = QLabel(self)
        self.notice.setObjectName("presenterNotice")
        self.notice.setFont(text_font)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {status_css('warning')};")
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice.hide()
        self.explanation = QLabel(self)
        self.explanation.setObjectName("presenterExplanation")
        self.explanation.setFont(text_font)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 8, 18, 8)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        layout.addWidget(self.explanation)
        layout.addWidget(self.hint)
        # Expanding: the tool bar gives it the window's width; the small minimum lets the window stay narrow.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(320)
        self.setStyleSheet("QFrame#presenterBar { border-top: 2px solid palette(mid); }")

    def set_short(self, short: bool) -> None:
        """In a room shorter than :data:`SHORT_ROOM_PX`: the key help left out (F1 lists every key) and the figures
        in the room's text size; else the help shown and the figures large."""
        self.hint.setVisible(not short)
        font = self._figure_fonts[1 if short else 0]
        for label in self.figures():
            if label.font() != font:
                label.setFont(font)

    def figures(self) -> list[QLabel]:
        """The key figures' labels, in the bar's order."""
        return [
            self.finish,
            self.target,
            self.forecast,
            self.gated,
            self.critical,
            self.p80,
            self.cost,
            self.delta,
        ]

    def event(self, e: QEvent) -> bool:
        # A figure shown or hidden (P80 after a simulation, a scenario or cost figure) re-lays the bar out:
        # follow with the height, or the last line would be pushed off the bottom of the screen.
        if e.type() == QEvent.Type.LayoutRequest and self.isVisible() and self.width() > 0:
            layout = self.layout()
            if layout is not None:
                h = max(40, self._height_for(layout, self.width()))
                if h != self.height():
                    self.setFixedHeight(h)
                    self._settle_parents()
        return super().event(e)

    def _height_for(self, layout: QLayout, width: int) -> int:
        """The bar's height for its layout at ``width``: the layout's own and the frame's (the 2 px border on top,
        which the layout does not count: without it the explanation's last line lost its descenders)."""
        frame = self.contentsMargins()
        return layout.heightForWidth(width) + frame.top() + frame.bottom()

    def _settle_parents(self) -> None:
        """Lay the tool bar and the window out now for the bar's new height, not at their next turn in the event
        loop: until then the bar's last line (the presenter hint) sat below the bottom of the screen."""
        parent = self.parentWidget()
        while parent is not None:
            layout = parent.layout()
            if layout is not None:
                layout.activate()
            parent = parent.parentWidget()

    def fit_height(self, width: int) -> None:
        """Tool bars ignore height-for-width: size the bar for its wrapped explanation at ``width``."""
        layout = self.layout()
        if layout is not None and width > 0:
            # The tool bar's margins take a few pixels: lay out for the bar's own width once it has one.
            own = self.width() if self.isVisible() and 0 < self.width() <= width else width - 16
            h, before = max(40, self._height_for(layout, own)), self.height()
            self.setFixedHeight(h)
            if self.isVisible() and h != before:
                self._settle_parents()


@dataclass
class _Saved:
    geometry: QByteArray
    rect: QRect
    window_state: Qt.WindowState
    dock_state: QByteArray
    font: QFont
    font_was_set: bool
    hidden: dict[int, tuple[QWidget, bool]] = field(default_factory=dict)  # id -> (widget, was hidden)
    zoom: float | None = None
    center: QPointF | None = None
    table_rows: int = 0  # the table's row height
    table_columns: list[int] = field(default_factory=list)  # the table's column widths
    # Every other table of the window (risk figures and register, dependencies, …): row height, column widths,
    # and the heights of rows sized one by one (the coverage matrix's wrapped rows; empty when all are default).
    other_tables: list[tuple[QTableView, int, list[int], list[int]]] = field(default_factory=list)


class PresentationController(QObject):
    """Enters and leaves presentation mode on ``window``; see the module docstring."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self.bar: PresenterBar | None = None
        self.scale = 1.0  # room_scale of the screen presented on (set on entering)
        self._short: bool | None = None  # the room shorter than SHORT_ROOM_PX, as the bar was last fitted
        self.toolbar: QToolBar | None = None
        self._saved: _Saved | None = None
        self._inspector_shown = False
        self._watching: list[QObject] = []  # what the event filter is installed on, besides the application
        self.fonts = type_scale.FontFollower()  # presentation type in widgets Qt leaves in the desk's
        # Steps (see planner.ui.presentation.workshop): the deck, where we are, the panel that shows a step, the blank screen.
        self.deck: list[Step] = []
        self.position = 0
        self.step_panel: StepPanel | None = None
        self.step_bar: QToolBar | None = None
        self.portrait = False  # the step panel under the graph, not beside it (a portrait screen)
        self.blank: BlankScreen | None = None
        # The what-if session: where the undo stack stood, the plan and the finish when presenting started.
        self.session_index = 0
        self.session_finish: float | None = None
        self._session_scenario_steps = 0  # doc.scenarios.steps when presenting started
        # doc.scenarios.steps at the last plan reset (a scenario step raises it; opening a file does not)
        self._reset_scenario_steps = 0
        self.leave_prompt: QMessageBox | None = None
        self._scaled_figures: dict[int, Any] = {}  # id(figure) -> the figure held at the room's dpi
        self._deck_analysis: Analysis | None = None  # the analysis the deck was built from

        self.toggle_action = QAction("&Presentation Mode", window)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcuts([QKeySequence("F11"), QKeySequence("Ctrl+Shift+P")])
        tip = "Full screen with large type and the key figures, for workshops (Esc leaves)"
        self.toggle_action.setToolTip(tip)
        self.toggle_action.setStatusTip(tip)
        self.toggle_action.triggered.connect(self._toggled)
        window.addAction(self.toggle_action)
        # Active only while presenting, so that Esc and +/- keep their usual meaning otherwise.
        self.leave_action = self._key_action(
            "Leave Presentation", [QKeySequence(Qt.Key.Key_Escape)], self.escape
        )
        self.longer_action = self._key_action(
            "Longer", [QKeySequence("+"), QKeySequence("=")], lambda: self.step_duration(+DURATION_STEP)
        )
        self.shorter_action = self._key_action(
            "Shorter", [QKeySequence("-")], lambda: self.step_duration(-DURATION_STEP)
        )
        K = Qt.Key
        self.next_action = self._key_action(
            "Next Step",
            [QKeySequence(K.Key_PageDown), QKeySequence(K.Key_Right), QKeySequence(K.Key_Space)],
            lambda: self.step(+1),
        )
        self.previous_action = self._key_action(
            "Previous Step",
            [QKeySequence(K.Key_PageUp), QKeySequence(K.Key_Left), QKeySequence(K.Key_Backspace)],
            lambda: self.step(-1),
        )
        self.overview_action = self._key_action("Overview", [QKeySequence(K.Key_Home)], lambda: self.go_to(0))
        self.last_action = self._key_action(
            "Last Step", [QKeySequence(K.Key_End)], lambda: self.go_to(len(self.deck) - 1)
        )
        self.stages_action = self._key_action(
            "Stage Walk-through", [QKeySequence(K.Key_S)], lambda: self.go_to_kind("stage")
        )
        self.critical_action = self._key_action(
            "Critical-path Spotlight", [QKeySequence(K.Key_C)], lambda: self.go_to_kind("critical")
        )
        self.blank_action = self._key_action(
            "Blank Screen", [QKeySequence(K.Key_B), QKeySequence(K.Key_Period)], self.toggle_blank
        )
        self.scroll_down_action = self._key_action(
            "Scroll Step Down", [QKeySequence(K.Key_Down)], lambda: self.scroll_step(+1)
        )
        self.scroll_up_action = self._key_action(
            "Scroll Step Up", [QKeySequence(K.Key_Up)], lambda: self.scroll_step(-1)
        )
        # Tab / Shift+Tab: the decisions of the step, one after the other (the arrows step the deck, so a decision
        # of a stage step could not be picked without the mouse); Enter then opens it, Esc closes it again.
        self.next_decision_action = self._key_action(
            "Next Decision of the Step", [QKeySequence(K.Key_Tab)], lambda: self.focus_decision(+1)
        )
        self.previous_decision_action = self._key_action(
            "Previous Decision of the Step",
            [QKeySequence(K.Key_Backtab), QKeySequence("Shift+Tab")],
            lambda: self.focus_decision(-1),
        )
        self._step_actions = [
            self.next_decision_action,
            self.previous_decision_action,
            self.scroll_down_action,
            self.scroll_up_action,
            self.leave_action,
            self.longer_action,
            self.shorter_action,
            self.next_action,
            self.previous_action,
            self.overview_action,
            self.last_action,
            self.stages_action,
            self.critical_action,
            self.blank_action,
        ]
        # N: flip to the next scenario (issue 13); the presenter bar then gives its finish against Base.
        self.scenario_action = self._key_action("Next Scenario", [QKeySequence(K.Key_N)], self.next_scenario)
        self._step_actions.append(self.scenario_action)
        menu = getattr(window, "view_menu", None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.toggle_action)

    def _key_action(self, text: str, keys: list[QKeySequence], slot: Any) -> QAction:
        act = QAction(text, self.window)
        act.setShortcuts(keys)
        act.setEnabled(False)
        act.triggered.connect(lambda _c=False: slot())
        self.window.addAction(act)
        return act

    @property
    def active(self) -> bool:
        return self._saved is not None

    def set_active(self, on: bool) -> None:
        if on:
            self.enter()
        else:
            self.leave()

    def toggle(self) -> None:
        self.set_active(not self.active)

    def _toggled(self, on: bool) -> None:
        if on:
            self.enter()
        else:
            self.request_leave()

    # -- entering and leaving --------------------------------------------------------------------------------
    def enter(self, full_screen: bool = True) -> None:
        """Start presenting. ``full_screen=False`` keeps the window's size (off-screen rendering)."""
        if self.active:
            return
        w = self.window
        w.commit_pending()
        saved = _Saved(
            w.saveGeometry(),
            w.geometry(),
            w.windowState(),
            w.saveState(),
            QFont(w.font()),
            w.testAttribute(Qt.WidgetAttribute.WA_SetFont),
        )
        canvas = self._canvas()
        if canvas is not None:
            saved.zoom = canvas.zoom
            saved.center = canvas.mapToScene(canvas.viewport().rect().center())
        table = w.table_view.table
        saved.table_rows = table.verticalHeader().defaultSectionSize()
        saved.table_columns = [
            table.horizontalHeader().sectionSize(c) for c in range(table.model().columnCount())
        ]
        saved.other_tables = [
            (
                view,
                view.verticalHeader().defaultSectionSize(),
                [view.horizontalHeader().sectionSize(c) for c in range(view.horizontalHeader().count())],
                _row_heights(view),
            )
            for view in w.findChildren(QTableView)
            if view is not table
        ]
        self._saved = saved
        self.session_index = self.doc.undo_stack.index()
        self._session_scenario_steps = self._reset_scenario_steps = self.doc.scenarios.steps
        # The finish the presentation starts from: of the plan as it is now (an edit just before entering may
        # still be analysed; refresh takes the finish when its analysis comes, before any edit of the session).
        a = self.doc.drawable_analysis
        self.session_finish = a.schedule.finish if a is not None and a.schedule is not None else None
        self._hide_chrome()
        # Full screen: the screen's size; off-screen renders (full_screen=False): the window's, as the room's.
        self.scale = room_scale(w.screen().geometry() if full_screen else w.rect())
        w.setFont(scaled_font(room_font(), FONT_SCALE * self.scale))
        self._scale_table(saved)
        self.bar = PresenterBar(scale=self.scale)
        self.resize_bar()  # before it is shown: an unsized bar would make the window grow
        bar = QToolBar("Presenter", w)
        bar.setObjectName("presenterToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)
        bar.addWidget(self.bar)
        self.toolbar = bar
        w.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)
        bar.show()
        self.step_panel = StepPanel()
        self.step_panel.title.setFont(scaled_font(room_font(), FIGURE_SCALE * self.scale, bold=True))
        self.step_panel.body.setFont(scaled_font(room_font(), FONT_SCALE * self.scale))
        self.step_panel.sight.setFont(scaled_font(room_font(), FONT_SCALE * self.scale, bold=True))
        self.resize_bar()  # (the step's title in a short room's size)
        steps = QToolBar("Step", w)
        steps.setObjectName("presenterStepBar")
        steps.setMovable(False)
        steps.setFloatable(False)
        steps.toggleViewAction().setEnabled(False)
        steps.addWidget(self.step_panel)
        self.step_bar = steps
        # Beside the graph on a landscape screen; under it on a portrait one (a 1080x1920 panel), where beside it
        # the panel left the graph a 590 px column with 900 px of nothing above and below the stage's cards.
        room = w.screen().geometry() if full_screen else w.rect()
        self.portrait = room.height() > room.width()
        if self.portrait:  # a row of its own, between the graph and the presenter bar
            w.addToolBarBreak(Qt.ToolBarArea.BottomToolBarArea)
            w.addToolBar(Qt.ToolBarArea.BottomToolBarArea, steps)
        else:
            w.addToolBar(Qt.ToolBarArea.RightToolBarArea, steps)
        steps.hide()
        self.blank = BlankScreen(w)
        # An edit still being analysed: the overview alone until its analysis comes (refresh builds the deck).
        self._deck_analysis = self.doc.drawable_analysis
        self.deck = build_deck(self._deck_analysis)
        self.position = 0
        for act in self._step_actions:
            act.setEnabled(True)
        self.toggle_action.setChecked(True)
        self.doc.analysis_updated.connect(self.refresh)
        self.doc.selection_changed.connect(self.refresh)
        self.doc.plan_reset.connect(self._on_plan_reset)
        w.simulation.finished.connect(self.refresh)
        w.simulation.stale_changed.connect(self.refresh)
        for signal in (w.simulation.started, w.simulation.cancelled, w.simulation.failed):
            signal.connect(self.refresh)  # (P80 being simulated, or no longer)
        w.views.currentChanged.connect(self._on_view_changed)
        self._watching = self._watched()
        for obj in self._watching:
            obj.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:  # the presentation's single keys give way to a control being edited
            app.installEventFilter(self)
        if full_screen:
            w.showFullScreen()
        self._zoom_canvas()
        self._scale_figures()
        self.refresh()
        self.fonts.follow(w)

    def leave(self) -> None:
        """Stop presenting and put everything back as it was."""
        self.dismiss_leave_prompt()  # leaving another way (the window closing): never an orphaned question
        saved = self._saved
        if saved is None:
            return
        w = self.window
        self._saved = None
        for obj in self._watching:
            obj.removeEventFilter(self)
        self._watching = []
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for signal, slot in (
            (self.doc.analysis_updated, self.refresh),
            (self.doc.selection_changed, self.refresh),
            (self.doc.plan_reset, self._on_plan_reset),
            (w.simulation.finished, self.refresh),
            (w.simulation.stale_changed, self.refresh),
            (w.simulation.started, self.refresh),
            (w.simulation.cancelled, self.refresh),
            (w.simulation.failed, self.refresh),
            (w.views.currentChanged, self._on_view_changed),
        ):
            signal.disconnect(slot)
        for act in self._step_actions:
            act.setEnabled(False)
        self.toggle_action.setChecked(False)
        if self.toolbar is not None:
            w.removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
        if self.step_bar is not None:
            if self.portrait:
                w.removeToolBarBreak(self.step_bar)  # the row break put before it
            w.removeToolBar(self.step_bar)
            self.step_bar.deleteLater()
        if self.blank is not None:
            self.blank.deleteLater()
        self.toolbar = self.bar = self.step_bar = self.step_panel = self.blank = None
        self._short = None
        self.deck, self.position = [], 0
        self._inspector_shown = False
        canvas = self._canvas()
        if canvas is not None:
            canvas.graph_scene.spotlight([], reveal=False)
        self._unscale_figures()
        if saved.font_was_set:
            w.setFont(saved.font)
        else:
            w.setFont(QFont())  # nothing set: inherit the application font again
            w.setAttribute(Qt.WidgetAttribute.WA_SetFont, False)
        self.fonts.release()
        for widget, was_hidden in saved.hidden.values():
            widget.setHidden(was_hidden)
        if w.windowState() != saved.window_state:
            w.setWindowState(saved.window_state)
        self._restore_geometry(saved)
        w.restoreState(saved.dock_state)
        self._restore_canvas(saved)
        table = w.table_view.table
        table.verticalHeader().setDefaultSectionSize(saved.table_rows)
        for c, width in enumerate(saved.table_columns):
            table.horizontalHeader().resizeSection(c, width)
        for view, rows, widths, heights in saved.other_tables:
            if not shiboken6.isValid(view):  # (a table rebuilt while presenting)
                continue
            view.verticalHeader().setDefaultSectionSize(rows)
            for c, width in enumerate(widths):
                view.horizontalHeader().resizeSection(c, width)
            _resize_rows(view, heights, 1.0)

        def later() -> None:  # once the window manager has taken the window out of full screen
            if not self.active:
                self._restore_geometry(saved)
                self._restore_canvas(saved)

        QTimer.singleShot(0, self, later)

    @property
    def room_zoom(self) -> float:
        """How much larger than on a 1080p screen a zoom must be for card text to read as well in the room: the
        room scale on larger screens, never less than 1 (on a small projector each pixel is larger, not the text
        smaller)."""
        return max(1.0, self.scale)

    def _restore_geometry(self, saved: _Saved) -> None:
        w = self.window
        big = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        if saved.window_state & big:
            w.restoreGeometry(saved.geometry)
        elif w.geometry() != saved.rect:
            w.setGeometry(saved.rect)  # exactly (restoreGeometry would fit it to the screen)

    # -- chrome ----------------------------------------------------------------------------------------------
    def _chrome(self) -> list[QWidget]:
        w = self.window
        out: list[QWidget] = [w.menuBar(), w.statusBar()]
        out += [d for d in w.findChildren(QDockWidget)]
        # Not our own bars (nor those of an earlier presentation, deleted later).
        out += [
            t
            for t in w.findChildren(QToolBar)
            if t.objectName() not in ("presenterToolBar", "presenterStepBar")
        ]
        table = w.table_view
        out += [
            table.search,
            table.stage_filter,
            table.area_filter,
            table.owner_filter,
            table.status_filter,
            table.critical_only,
            table.count_label,
        ]
        return out

    def _hide_chrome(self) -> None:
        """Hide what distracts; remembers each widget's state the first time it is hidden."""
        saved = self._saved
        if saved is None:
            return
        focus = QApplication.focusWidget()
        hid_focus = False
        for widget in self._chrome():
            if (
                focus is not None
                and not widget.isHidden()
                and (widget is focus or widget.isAncestorOf(focus))
                and not (
                    isinstance(widget, QDockWidget)
                    and widget is self.window.inspector_dock
                    and self._inspector_shown
                )
            ):
                hid_focus = True
            if id(widget) not in saved.hidden:
                saved.hidden[id(widget)] = (widget, widget.isHidden())
            if (
                isinstance(widget, QDockWidget)
                and widget is self.window.inspector_dock
                and self._inspector_shown
            ):
                continue
            widget.hide()
        if hid_focus:
            # The inspector opened with Enter, hidden by a view switched to (Alt+2) in mid-edit: Qt handed the focus
            # on to the new view's first field (the Cost tab's), which then took the presenter's + as text.
            page = self.window.views.currentWidget()
            if page is not None:
                page.setFocus(Qt.FocusReason.OtherFocusReason)
        # A hidden tab does not recompute its layout by itself: without this the table's (hidden) filter row
        # would still set the views' minimum width.
        layout = self.window.table_view.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()

    def _on_view_changed(self, _index: int) -> None:
        # Switched from the keyboard (Ctrl+8), Qt hands the focus on to the new view's first field: the Risk tab's
        # iterations box then took the presenter's next PgDn (10,000 iterations became 100, and no step). The
        # view keeps it, so the presentation keys stay the presenter's; a field clicked on still takes them.
        focus = QApplication.focusWidget()
        page = self.window.views.currentWidget()
        if isinstance(focus, _TYPING) and page is not None and page.isAncestorOf(focus):
            page.setFocus(Qt.FocusReason.OtherFocusReason)
        # A chart shown for the first time builds its tool bar now: hide it too, enlarge its text, and zoom a
        # freshly shown graph.
        QTimer.singleShot(0, self, self._hide_chrome)
        QTimer.singleShot(0, self, self._scale_figures)
        QTimer.singleShot(0, self, lambda: self.fonts.follow(self.window) if self.active else None)
        step = self.current_step
        if (
            step is not None
            and step.kind != "overview"
            and self.window.views.currentWidget() is not self._canvas()
        ):
            self.go_to(0)  # another view: back to the overview (the steps live on the graph)
        if self.window.views.currentWidget() is self._canvas():
            QTimer.singleShot(0, self, self._zoom_canvas)

    # -- canvas ----------------------------------------------------------------------------------------------
    def _canvas(self) -> Any:
        w = self.window
        return w.canvas if w.has_canvas and hasattr(w.canvas, "set_zoom") else None

    def _zoom_canvas(self) -> None:
        canvas = self._canvas()
        if canvas is None or not self.active:
            return
        # Cards are drawn only at zooms where the room can read them (below, the stage-and-area overview in large
        # type): on a screen larger than 1080p the zoom that fits a plan grows with the screen, while the text it
        # gives stays as small from the back of the room. The threshold is the one a stage step zooms out to.
        # Card titles in the room's type too, as far as a card holds it: a stage step zooms out to show the stage.
        room_px = QFontInfo(scaled_font(room_font(), FONT_SCALE * self.scale)).pixelSize()
        canvas.set_room_scale(
            STEP_MIN_ZOOM * self.room_zoom, FONT_SCALE * self.scale, names=True, card_px=room_px
        )
        if canvas.zoom < CANVAS_ZOOM * self.scale:
            center = canvas.mapToScene(canvas.viewport().rect().center())
            canvas.set_zoom(CANVAS_ZOOM * self.scale)
            canvas.centerOn(center)
        if self.doc.selection:
            canvas.focus_on(list(self.doc.selection), canvas.zoom)

    def _restore_canvas(self, saved: _Saved) -> None:
        canvas = self._canvas()
        if canvas is None:
            return
        canvas.set_room_scale()
        canvas.set_step_stage()
        if saved.zoom is None:
            return
        canvas.set_zoom(saved.zoom)
        if saved.center is not None:
            canvas.centerOn(saved.center)

    # -- keys and mouse --------------------------------------------------------------------------------------
    def escape(self) -> None:
        """Esc brings back a blanked screen, closes the inspector opened for an edit, or else leaves presentation
        mode (asking whether to keep the what-if changes, if any)."""
        if self.blank is not None and self.blank.isVisible():
            self.toggle_blank()
            return
        dock = self.window.inspector_dock
        # Presenting hides the docks: an inspector in sight was opened for an edit on the spot, by a double-click
        # or by Enter on the focused card (the workbench's Open in Inspector, which left it out: Esc then asked to
        # leave the presentation instead of going back to the deck). Back to the view, where the step keys work.
        if dock.isVisible():
            dock.hide()
            self._inspector_shown = False
            self.window.workbench.back_to_view()  # (commits the field being edited)
            return
        self.request_leave()

    # -- the what-if session ---------------------------------------------------------------------------------
    @property
    def session_changed(self) -> bool:
        """Whether the plan was edited (or undone) since presenting started."""
        return self.active and self.doc.undo_stack.index() != self.session_index

    def finish_delta(self) -> float | None:
        """Weeks the finish moved since presenting started (None without a schedule then or now)."""
        a = self.doc.drawable_analysis
        if self.session_finish is None or a is None or a.schedule is None:
            return None
        return a.schedule.finish - self.session_finish

    def request_leave(self) -> QMessageBox | None:
        """Leave; when the plan changed during the presentation, first ask Keep changes / Discard changes
        (Cancel stays in the presentation). Returns the prompt, if one was opened."""
        if not self.active:
            return None
        if not self.session_changed:
            self.leave()
            return None
        if self.leave_prompt is not None:
            return self.leave_prompt
        self.window.commit_pending()
        self.toggle_action.setChecked(True)
        SB = QMessageBox.StandardButton
        stack = self.doc.undo_stack
        n = abs(stack.index() - self.session_index)
        delta = self.finish_delta()
        moved = (
            ""
            if delta is None
            else " The finish did not move."
            if abs(delta) < 1e-9
            else f" The finish moved {'+' if delta > 0 else '−'}{fmt.weeks(abs(delta), unit=True)}."
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Leave presentation",
            f"Keep the {units.agree(n, 'change', units.count(n, 'change'))} made during the presentation?{moved}",
            SB.Save | SB.Discard | SB.Cancel,
            self.window,
        )
        box.setObjectName("presentationLeavePrompt")
        # Kept after scenarios were shown (N), the steps stay as they are (keep_changes): 'one step' was untrue.
        box.setInformativeText(
            "Kept changes are one step that Undo takes back; discarded ones can be redone."
            if self.doc.scenarios.steps == self._session_scenario_steps
            else f"Kept changes stay {units.count(n, 'step')} of Undo (a scenario shown is one); discarded ones "
            "can be redone."
        )
        box.button(SB.Save).setText("Keep changes")
        box.button(SB.Discard).setText("Discard changes")
        box.setDefaultButton(SB.Save)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def finished(_r: int) -> None:
            clicked = box.clickedButton()
            answer = box.standardButton(clicked) if clicked is not None else SB.Cancel
            self.leave_prompt = None
            box.deleteLater()
            self.answer_leave(answer)

        box.finished.connect(finished)
        self.leave_prompt = box
        box.open()
        return box

    def dismiss_leave_prompt(self) -> None:
        """Close the Keep / Discard question unanswered (as Cancel: the changes stay, presenting goes on)."""
        box, self.leave_prompt = self.leave_prompt, None
        if box is not None:
            box.finished.disconnect()
            box.done(0)
            box.deleteLater()

    def answer_leave(self, answer: QMessageBox.StandardButton) -> None:
        """Keep (one undo group), discard (undo back to the start), or stay (Cancel)."""
        SB = QMessageBox.StandardButton
        if answer == SB.Save:
            self.keep_changes()
        elif answer == SB.Discard:
            self.discard_changes()
        else:
            return
        self.leave()

    def keep_changes(self) -> None:
        """Make the presentation's edits one undo step ("Presentation Changes")."""
        stack = self.doc.undo_stack
        if stack.index() == self.session_index:
            return
        if self.doc.scenarios.steps != self._session_scenario_steps:
            return  # scenarios were flipped (N): one step would span two plans, so the steps stay as they are
        if stack.index() == self.session_index + 1:
            return  # already one step
        from planner.ui.state.undo import ReplacePlanCommand

        after = self.doc.plan.model_copy(deep=True)
        selection = list(self.doc.selection)
        stack.setIndex(self.session_index)
        stack.push(ReplacePlanCommand(self.doc, after, "Presentation Changes"))
        self.doc.select(selection)
        self.session_index = stack.index()

    def _on_plan_reset(self) -> None:
        """Another plan while presenting (the file reloaded after a change on disk, a recovery restored): the
        what-if session starts again from it -- its history is new, so 'Since the start' and Keep / Discard
        count from here, and the deck is rebuilt from its analysis (refresh) -- on the overview. A scenario shown
        (N) replaces the plan too, as a step of the same history: the session goes on."""
        steps = self.doc.scenarios.steps
        scenario_step, self._reset_scenario_steps = steps != self._reset_scenario_steps, steps
        # Not a new history: set_plan clears the undo stack, and a scenario step counts in scenarios.steps (the
        # first N of a plan just opened comes while its step is being pushed, the stack still empty: the session
        # started again from the scenario, 'Since the start' and the finish in Keep / Discard were gone).
        if self.doc.undo_stack.count() or scenario_step:
            return
        self.session_index = self.doc.undo_stack.index()
        self._session_scenario_steps = steps
        self.session_finish = None  # taken from its first analysis (refresh)
        self.deck, self._deck_analysis = build_deck(None), None
        self.position = 0
        if self.step_bar is not None:
            self.step_bar.hide()
        canvas = self._canvas()
        if canvas is not None:
            canvas.graph_scene.spotlight([], reveal=False)
        self.refresh()

    def discard_changes(self) -> None:
        """Undo everything done since presenting started (Redo brings it back)."""
        self.doc.undo_stack.setIndex(self.session_index)

    def show_inspector(self) -> None:
        """Open the inspector dock for an edit during the presentation (Esc closes it again)."""
        if not self.active:
            return
        self._inspector_shown = True
        w = self.window
        w.inspector_tabs.setCurrentWidget(w.inspector)
        w.inspector_dock.show()
        w.inspector_dock.raise_()

    # -- steps -----------------------------------------------------------------------------------------------
    @property
    def current_step(self) -> Step | None:
        return self.deck[self.position] if self.active and 0 <= self.position < len(self.deck) else None

    def step(self, delta: int) -> None:
        """The next (+1) or previous (-1) step of the deck; stops at both ends."""
        if self.active:
            self.go_to(max(0, min(len(self.deck) - 1, self.position + delta)))

    def go_to_kind(self, kind: str) -> None:
        """The first step of the stage walk-through (``stage``) or of the critical-path spotlight (``critical``)."""
        k = next((i for i, st in enumerate(self.deck) if st.kind == kind), None)
        if k is None:
            self.say(
                "No schedule: fix the plan's errors first"
                if len(self.deck) <= 1
                else f"This plan has no {kind} steps"
            )
            return
        self.go_to(k)

    def go_to(self, position: int) -> None:
        if not self.active or not self.deck:
            return
        self.position = max(0, min(len(self.deck) - 1, position))
        self._show_step()
        self.refresh()
        self.fonts.follow(self.window)  # (a step may show a view or panel for the first time)

    def _refresh_deck(self) -> None:
        """After an edit: fresh figures in every step, and the same kind of step at the same place."""
        old = self.current_step
        kind = old.kind if old is not None else "overview"
        offset = self.position - next((i for i, st in enumerate(self.deck) if st.kind == kind), self.position)
        analysis = self.doc.analysis
        self.deck = build_deck(analysis)
        self._deck_analysis = analysis
        same = [i for i, st in enumerate(self.deck) if st.kind == kind]
        self.position = same[min(offset, len(same) - 1)] if same else 0
        picked = self.doc.selection[0] if len(self.doc.selection) == 1 else None
        if old is not None and old.focus is not None and picked == old.focus:
            # The step of the decision being edited, wherever the edit put it on the critical path: the same place
            # on a new path showed another decision, and the next + / − edited that one unasked.
            k = next((i for i, st in enumerate(self.deck) if st.focus == picked), None)
            if k is None:
                # off the path: the overview, with it selected (the bar says why it is not critical)
                self.position = 0
                self._show_step()
                d = self.doc.decision(picked)
                if d is not None:
                    self.say(f"{quoted(d.title)} is no longer on the critical path (C shows the path now)")
                return
            self.position = k
        if kind != "overview":
            self._show_step(edited=True)

    def _show_step(self, edited: bool = False) -> None:
        """Show the current step: its panel, its spotlight, its decision or its cards in sight. ``edited`` (the same
        step again after an edit's analysis): a stage step keeps the decision picked on it (Tab) and the view where
        it is -- it selected nothing and re-fitted the stage, so the next ``+`` on that decision did nothing."""
        step = self.current_step
        panel, bar = self.step_panel, self.step_bar
        if step is None or panel is None or bar is None:
            return
        canvas = self._canvas()
        if canvas is not None:
            # (another stage's band that holds this stage's decisions says so in its sticky header)
            stage = (
                next((x for x in self.doc.plan.stages if x.id == step.stage_id), None)
                if step.kind == "stage"
                else None
            )
            if stage is not None:
                canvas.set_step_stage(stage.id, stage.name, step.spotlight)
            else:
                canvas.set_step_stage()
        picked = self.doc.selection[0] if len(self.doc.selection) == 1 else None
        # (a decision of the critical chain picked with Tab, not the step's own: it stays picked too)
        if (
            edited
            and bar.isVisible()
            and (step.focus is None or (picked is not None and picked != step.focus))
        ):
            scroll = panel.scroll_area.verticalScrollBar()
            at = scroll.value()
            panel.show_step(step)
            settle_layouts(panel)
            scroll.setValue(at)  # (the part of the step being talked about stays in sight)
            if canvas is not None:
                canvas.graph_scene.spotlight(step.spotlight, step.links, reveal=False)
            return
        w = self.window
        if step.kind == "overview":
            bar.hide()
            if canvas is not None:
                canvas.graph_scene.spotlight([], reveal=False)
                if w.views.currentWidget() is canvas:
                    self._fit_plan(canvas)
            return
        panel.show_step(step)
        if self.portrait:
            # Under the graph: the window's width, the height its text needs, at most STEP_PANEL_SHARE of the
            # window's (it kept all of that: a critical-path step's four lines over 400 px of nothing, taken from
            # the graph).
            panel.setMinimumWidth(0)
            panel.setMaximumWidth(QWIDGETSIZE_MAX)
            most = max(200, int(w.height() * STEP_PANEL_SHARE))
            panel.setFixedHeight(min(most, panel.content_height(w.width())))
        else:
            # Never wider than the room the views leave: the window must not grow past the screen.
            room = w.width() - w.views.minimumSizeHint().width() - 24
            panel.setFixedWidth(max(240, min(self._panel_width(canvas, step), room)))
        bar.show()
        settle_layouts(
            canvas if canvas is not None else w.views
        )  # the graph's room as it now is, for the fit
        if canvas is not None:
            if w.views.currentWidget() is not canvas:
                w.views.setCurrentWidget(canvas)
            scene = canvas.graph_scene
            scene.catch_up()
            scene.complete()
            scene.spotlight(step.spotlight, step.links, reveal=False)
            if step.focus is not None:
                self.doc.select([step.focus])
                canvas.focus_on([step.focus], max(canvas.zoom, CANVAS_ZOOM * self.scale))
                self._fit_neighbours(canvas, step)
            else:
                self.doc.select([])
                self._fit_cards(canvas, step.spotlight, step.stage_id)
                if self.portrait and not panel.sight.isHidden():
                    # The line saying how many cards are in sight came after the panel's height: the panel grows by
                    # it (the body scrolled in a panel shorter than its share), and the stage is fitted again.
                    most = max(200, int(w.height() * STEP_PANEL_SHARE))
                    height = min(most, panel.content_height(w.width()))
                    if height != panel.height():
                        panel.setFixedHeight(height)
                        settle_layouts(canvas)
                        self._fit_cards(canvas, step.spotlight, step.stage_id)
        elif step.focus is not None:
            self.doc.select([step.focus])

    def _panel_width(self, canvas: Any, step: Step) -> int:
        """The step panel's width: :data:`STEP_PANEL_SHARE` of the window, less (down to
        :data:`STEP_PANEL_MIN_SHARE`) where a stage step's cards need the room to be seen whole, gate included, at
        the readable zoom. At 36 % the stage's last column, its gate, was cut off on every screen from 1080p to 4K."""
        width = self.window.width()
        share = int(width * STEP_PANEL_SHARE)
        if canvas is None or step.focus is not None:
            return share
        canvas.graph_scene.catch_up()
        canvas.graph_scene.complete()  # a big plan's cards are built in slices: all of them, to measure
        rect = _cards_rect(canvas, step.spotlight)
        if rect.isNull():
            return share
        frame = canvas.width() - canvas.viewport().width() if canvas.width() > 0 else 0
        need = int((rect.width() + 80) * STEP_MIN_ZOOM * self.room_zoom) + frame + 16  # the window's margins
        return max(int(width * STEP_PANEL_MIN_SHARE), min(share, width - need))

    def _fit_cards(self, canvas: Any, ids: list[str], stage_id: str | None = None) -> None:
        """Show the step's cards: centred, at the presentation zoom when they fit, else as large as fits. A stage
        without decisions: its band (``stage_id``'s); in a plan without any, the plan as on the overview (its
        bands and the hint on adding the first decision)."""
        rect = _cards_rect(canvas, ids)
        if rect.isNull():
            # The view stayed where the last step had put it, another stage's band under this stage's title
            # (Stage 4 · Scale beside the Integrate band). Then the plan, as on the overview: a small plan's four
            # bands zoomed out to where the cards are drawn as unreadable area summaries, nothing saying which
            # band was the stage's. Now the empty band itself, at the readable zoom.
            rect = _band_rect(canvas, stage_id) if self.doc.plan.decisions else QRectF()
            if rect.isNull():
                self._fit_plan(canvas)
                return
            ids = []
        view = canvas.viewport().rect()
        # The stage's sticky header strip is painted over the view's top once the band's title has scrolled
        # away: the cards are fitted below it.
        head = canvas.header_height()
        fit = min(
            view.width() / max(1.0, rect.width() + 80), (view.height() - head) / max(1.0, rect.height() + 80)
        )
        canvas.set_zoom(max(STEP_MIN_ZOOM * self.room_zoom, min(CANVAS_ZOOM * self.scale, fit)))
        # Wider (or taller) than the view at the readable zoom: from where the stage starts, not its middle
        # (centred, a stage's first decisions and its gate were both cut off, at 1366x768 as on a 4K panel).
        # Taller, its first row starts under the header strip: at the view's top, the strip covered the first
        # card's title (Operationalize at 1366x768).
        centre = rect.center()
        half_w, half_h = view.width() / 2 / canvas.zoom, view.height() / 2 / canvas.zoom
        if rect.width() + 40 > 2 * half_w:
            centre.setX(rect.left() - 20 + half_w)
        if rect.height() + 40 + head / canvas.zoom > 2 * half_h:
            top = rect.top()
            # A big plan draws a decision in the band where it can run: the stage's cards then spread over the
            # whole graph, and from their rectangle's top the view showed an empty stretch of the stage's band,
            # its first column far below (500 decisions at 1366x768). It starts at that column when it would be
            # out of sight.
            first = _first_card(canvas, ids, rect.left())
            if first is not None and first.bottom() > top - STEP_TOP_GAP + 2 * half_h - head / canvas.zoom:
                top = first.top()
                # From there, the view's top ran through the other columns' cards: half of one under the strip,
                # its title showing through ('Prioritise the first wave…' under 'Validate · 60 decisions', the
                # portfolio sample at 1920x1080). It starts at the nearest line above that cuts none, the first
                # column still in sight.
                left, right = centre.x() - half_w, centre.x() + half_w
                beside = [
                    r
                    for did in ids
                    if (card := canvas.graph_scene.cards.get(did)) is not None
                    and (r := card.sceneBoundingRect()).right() > left
                    and r.left() < right
                ]
                top = _top_clear_of_cards(beside, first, top, head / canvas.zoom, 2 * half_h)
            centre.setY(top - STEP_TOP_GAP - head / canvas.zoom + half_h)
        if rect.width() + 40 > 2 * half_w or rect.height() + 40 + head / canvas.zoom > 2 * half_h:
            # Still more than the view holds: where the view shows the most of the stage's cards whole, when that
            # is more than from where the stage starts. A stage's cards sit in the columns where they can run,
            # among other stages' cards: from its start the view showed 1 of Operationalize's 16 cards whole (the
            # fraud sample at 1280x720), the rest cut by its edges or beyond them.
            # Of as many, where it cuts the fewest: the Validate stage's gate was cut in half by the view's edge
            # (1366x768, 1080x1920) where the view beside showed it whole and cut none.
            strip = head / canvas.zoom
            best = _densest_stretch(_card_boxes(canvas, ids), 2 * half_w, 2 * half_h - strip, strip)
            if best is not None:
                x0, y0, count, cut = best
                view_rect = QRectF(centre.x() - half_w, centre.y() - half_h + strip, 0, 0)
                view_rect.setSize(QSizeF(2 * half_w, 2 * half_h - strip))
                whole = len(_whole_cards(canvas, ids, view_rect))
                if (count, -cut) > (whole, whole - _reached_cards(canvas, ids, view_rect, strip)):
                    centre = QPointF(x0 + half_w, y0 - strip + half_h)
        canvas.centerOn(centre)
        panel = self.step_panel
        if panel is not None and ids:
            shown = canvas.mapToScene(view.adjusted(0, head, 0, 0)).boundingRect()
            whole = len(_whole_cards(canvas, ids, shown))
            panel.set_sight(
                ""
                if whole >= len(ids)
                else f"{units.part_of(whole, len(ids))} {units.agree(len(ids), 'decision', 'decisions')} in sight"
                " · Tab walks them all"
            )

    def _fit_neighbours(self, canvas: Any, step: Step) -> None:
        """A critical-path step: its decision with the one before and the one after it on the chain, whole under
        the header strip, zoomed out as far as :data:`STEP_MIN_ZOOM` in the room allows (else its decision
        centred, as :meth:`_show_step` put it). At the room's zoom the decision it waits for and the one after it
        were cut by the view's edges (the portfolio sample at 1920x1080), the panel naming both."""
        chain = step.spotlight
        if step.focus not in chain:
            return
        at = chain.index(step.focus)
        rect = _cards_rect(canvas, chain[max(0, at - 1) : at + 2])
        if rect.isNull():
            return
        head = canvas.header_height()
        view = canvas.viewport().rect()
        room_w, room_h = view.width(), view.height() - head
        zoom = canvas.zoom
        shown = canvas.mapToScene(view.adjusted(0, head, 0, 0)).boundingRect()
        if shown.contains(rect.adjusted(-20, -20, 20, 20)):
            return
        fit = min(room_w / max(1.0, rect.width() + 80), room_h / max(1.0, rect.height() + 80))
        least = STEP_MIN_ZOOM * self.room_zoom
        if fit < least:
            return  # not whole at a readable zoom: the decision centred
        canvas.set_zoom(min(zoom, fit))
        centre = rect.center()
        canvas.centerOn(QPointF(centre.x(), centre.y() - head / 2 / canvas.zoom))

    def _fit_plan(self, canvas: Any) -> None:
        """The overview step (Home): the whole plan in sight, at the presentation zoom when it fits, else as large
        as fits (a big plan then shows its stage bands and the shape of its links; the steps zoom in). It left the
        view where the last step had put it: Home after a decision's spotlight still showed that decision."""
        scene = canvas.graph_scene
        scene.catch_up()
        scene.complete()
        rect = scene.content_rect()
        if rect.isEmpty():
            return
        view = canvas.viewport().rect()
        fit = min(view.width() / max(1.0, rect.width() + 80), view.height() / max(1.0, rect.height() + 80))
        canvas.set_zoom(min(CANVAS_ZOOM * self.scale, fit))
        canvas.centerOn(rect.center())

    def step_decisions(self) -> list[str]:
        """The decisions Tab walks on the current step: the step's own (a stage's decisions, the critical chain),
        on the overview every decision; in the order the graph shows them (column by column, top to bottom)."""
        step = self.current_step
        if step is None:
            return []
        ids = [i for i in (step.spotlight or [d.id for d in self.doc.plan.decisions]) if self.doc.decision(i)]
        canvas = self._canvas()
        if canvas is None or step.kind == "critical":  # the chain in its own order, start to finish
            return ids
        scene = canvas.graph_scene
        scene.catch_up()
        scene.complete()
        cards = scene.cards
        place = {i: cards[i].sceneBoundingRect() for i in ids if i in cards}
        return sorted(ids, key=lambda i: (place[i].left(), place[i].top()) if i in place else (1e18, 0.0))

    def focus_decision(self, delta: int) -> str | None:
        """Tab (+1) / Shift+Tab (-1): select the next (previous) decision of the step, round to the first (last)
        again, and bring its card in sight; Enter then opens it in the inspector. Returns its id."""
        if not self.active:
            return None
        ids = self.step_decisions()
        if not ids:
            return None
        selected = self.doc.selection
        here = selected[-1] if len(selected) == 1 and selected[-1] in ids else None
        if here is None:
            target = ids[0] if delta > 0 else ids[-1]
        else:
            target = ids[(ids.index(here) + delta) % len(ids)]
        self.doc.select([target])
        w = self.window
        canvas = self._canvas()
        shown = w.views.currentWidget()
        if canvas is not None and shown is canvas:
            card = self._canvas().graph_scene.cards.get(target)
            if card is not None:
                self._canvas().ensureVisible(card.sceneBoundingRect(), 40, 40)
            shown.setFocus(Qt.FocusReason.TabFocusReason)
        elif shown is w.table_view:
            w.table_view.table.setFocus(Qt.FocusReason.TabFocusReason)
        return target

    def scroll_step(self, direction: int) -> None:
        """Up / Down: scroll a long step (the presenter never needs the mouse)."""
        panel = self.step_panel
        if panel is None or self.step_bar is None or not self.step_bar.isVisible():
            return
        bar = panel.scroll_area.verticalScrollBar()
        bar.setValue(bar.value() + direction * max(bar.pageStep() // 2, 1))

    def toggle_blank(self) -> None:
        """Black out the screen (B), or bring the presentation back."""
        blank = self.blank
        if blank is None:
            return
        if blank.isVisible():
            blank.hide()
            return
        blank.setGeometry(self.window.rect())
        blank.raise_()
        blank.show()
        blank.setFocus()

    # -- larger text in charts and the table -----------------------------------------------------------------
    def _scale_table(self, saved: _Saved) -> None:
        table = self.window.table_view.table
        table.verticalHeader().setDefaultSectionSize(int(saved.table_rows * FONT_SCALE * self.scale))
        header = table.horizontalHeader()
        for c, width in enumerate(saved.table_columns):
            header.resizeSection(c, int(width * FONT_SCALE * self.scale))
        # The other tables set their row heights from the desk's font too: in presentation type (3.2x on a 4K
        # panel) the risk figures' rows were drawn over each other and the register's columns showed "3…".
        for view, rows, widths, heights in saved.other_tables:
            if not shiboken6.isValid(view):
                continue
            view.verticalHeader().setDefaultSectionSize(int(rows * FONT_SCALE * self.scale))
            for c, width in enumerate(widths):
                view.horizontalHeader().resizeSection(c, int(width * FONT_SCALE * self.scale))
            # Rows sized to their wrapped text kept their desk heights: the coverage matrix's text, in presentation
            # type, ran over the rows' edges. Its columns grow by the same factor, so its lines stay as many.
            _resize_rows(view, heights, FONT_SCALE * self.scale)

    def _scale_figures(self) -> None:
        """Enlarge the text of every chart drawn so far (the room's dpi on the same pixels: from the charts' own
        dpi, not the desk's larger one at a large system font, as the room's type follows the screen)."""
        if not self.active:
            return
        try:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        except ImportError:
            return
        import sys

        if "matplotlib" not in sys.modules:
            return
        for canvas in self.window.findChildren(FigureCanvasQTAgg):
            fig = canvas.figure
            if id(fig) in self._scaled_figures:
                continue
            self._scaled_figures[id(fig)] = fig
            type_scale.hold_for_room(canvas, type_scale.FIGURE_DPI * FONT_SCALE * self.scale)
            _redraw_figure(canvas)

    def _unscale_figures(self) -> None:
        try:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        except ImportError:
            return
        canvases = {id(c.figure): c for c in self.window.findChildren(FigureCanvasQTAgg)}
        for key in list(self._scaled_figures):
            canvas = canvases.get(key)
            if canvas is not None:
                type_scale.release_to_desk(canvas)  # (the desk's dpi as it is now: the font may have changed)
                _redraw_figure(canvas)
        self._scaled_figures.clear()

    def _watched(self) -> list[QObject]:
        w = self.window
        out: list[QObject] = [w, w.table_view.table.viewport()]
        canvas = self._canvas()
        if canvas is not None:
            out.append(canvas.viewport())
        return out

    def keeps_key(self, event: QKeyEvent) -> bool:
        """True when a presentation key (S, C, B, N, Space, +, -, arrows, Home, Backspace) must reach the focused
        control instead: a field, box or check box of the inspector opened for an edit on the spot, a table
        cell's editor, or (↑ / ↓) a table or list with the focus. There '-' would shorten the selected decision and an arrow step the deck (selecting
        another decision) while the presenter changes a stage or an owner. Esc still leaves."""
        focus = QApplication.focusWidget()
        if focus is None or event.key() == Qt.Key.Key_Escape:
            return False
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.window.inspector_dock.isAncestorOf(
            focus
        ):
            return True  # from field to field of the inspector opened for an edit, not to another decision
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and isinstance(focus, QAbstractItemView):
            # A table or list shown while presenting (Ctrl+1: the decisions) moves through its rows: ↑ / ↓ scrolled
            # a step panel that the table hides, and the presenter could not walk the rows (← / → still step).
            return True
        editing = isinstance(focus, _TYPING) or (
            self.window.inspector_dock.isAncestorOf(focus) and isinstance(focus, QAbstractButton | QComboBox)
        )
        if not editing:
            return False
        keys = {ks.toString() for act in self._step_actions for ks in act.shortcuts()}
        return QKeySequence(event.key()).toString() in keys

    def _unblanks(self, event: QKeyEvent) -> bool:
        """The key is one that brings a blanked presentation back (B, '.', Esc)."""
        key = QKeySequence(event.keyCombination()).toString()
        return any(
            ks.toString() == key for act in (self.blank_action, self.leave_action) for ks in act.shortcuts()
        )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.active:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            if isinstance(event, QKeyEvent) and self.blanked and not self._unblanks(event):
                # Blacked out: no key edits the plan (+, Ctrl+Z, a scenario) or moves the deck where the room
                # cannot see it; B or Esc brings the presentation back first.
                event.accept()  # (delivered as a key press to the black screen, which does nothing with it)
                return True
            if isinstance(event, QKeyEvent) and self.keeps_key(event):
                event.accept()  # delivered to the control as a key press, not to the shortcut
                return True
            return False
        if (
            event.type() == QEvent.Type.Show
            and isinstance(obj, QDialog)
            and (parent := obj.parentWidget()) is not None
            and parent.window() is self.window
        ):
            # A dialog or message box opened while presenting (Compare scenarios, a refusal), in the room's type:
            # Qt gives no window its parent's font.
            self.fonts.give(obj, self.window.font())
            return False
        # Installed on the application too (for the keys above): the rest is for the watched objects only, so a
        # double-click elsewhere (the presenter bar, a dialog) does not open the inspector.
        if not any(obj is o for o in self._watching):
            return False
        if obj is self.window:
            if event.type() == QEvent.Type.Resize:
                self.resize_bar()
        elif event.type() == QEvent.Type.MouseButtonDblClick:
            QTimer.singleShot(0, self, self._show_inspector_for_selection)
        return False

    def _show_inspector_for_selection(self) -> None:
        if self.doc.selection:
            self.show_inspector()

    def step_duration(self, delta: float) -> str | None:
        """Lengthen (or shorten) the selected decision by ``delta`` weeks: one undoable "Change Duration". Every
        estimate moves by ``delta`` (never below 0), so a three-point estimate keeps its spread."""
        if not self.active or self.blanked:
            return None  # (blanked: never an edit the room cannot see)
        if not self.doc.selection:
            self.say(
                "Select a decision first (Tab picks one of the step's)"
                if self.doc.plan.decisions
                else "This plan has no decisions yet"
            )
            return None
        d = self.doc.decision(self.doc.selection[0])
        if d is None:
            return None
        title = quoted(d.title)
        if d.milestone:
            self.say(f"{title} is a milestone: it takes no time")
            return None
        if str(d.status) == "done":
            # Done work sits at its finish with nothing left: a longer estimate moved nothing, yet counted as a
            # change of the session (and was kept).
            self.say(f"{title} is done: its duration no longer moves the plan")
            return None
        if duration_triple(d.duration)[1] + delta < 0:
            # Shortening further would only eat the pessimistic estimate (the spread the simulation uses).
            self.say(f"{title} is already as short as its likely estimate allows")
            return None
        o, lk, p = (max(0.0, round(x + delta, 4)) for x in duration_triple(d.duration))
        problem = self.doc.set_duration(d.id, o, lk, p)
        if problem:
            self.say(f"Duration not changed: {problem}")
        return problem

    @property
    def blanked(self) -> bool:
        """The screen is blacked out (B): keys that would edit the plan or move the deck do nothing."""
        return self.blank is not None and self.blank.isVisible()

    def say(self, text: str) -> None:
        """Tell the presenter why a key did nothing: in the presenter bar (the status bar is hidden while
        presenting) until the next change of selection or schedule, and in the status bar."""
        self.window.show_message(text)
        bar = self.bar
        if bar is not None:
            bar.notice.setText(text)
            bar.notice.show()
            bar.fit_height(self.window.width())

    # -- presenter bar ---------------------------------------------------------------------------------------
    def cost_text(self, a: Any, simulation: Any = None) -> str:
        """The presenter bar's cost figure (from the same cost_summary as the Cost tab)."""
        return _cost_figure(a, simulation)

    def refresh(self, *_args: Any) -> None:
        bar = self.bar
        if bar is None:
            return
        bar.notice.clear()
        bar.notice.hide()
        plan = self.doc.plan
        a = self.doc.analysis
        ready = self.doc.drawable_analysis
        if (
            self.session_finish is None
            and not self.session_changed
            and ready is not None
            and ready.schedule is not None
        ):
            self.session_finish = ready.schedule.finish  # entered while an edit was being analysed
        if a is not None and ready is None:
            pass  # an edit is being analysed: the figures stay until analysis_updated brings its own
        elif a is None or a.schedule is None or a.stages is None:
            bar.finish.setText(_no_schedule(a))
            for label in (bar.gated, bar.critical, bar.p80, bar.cost, bar.forecast, bar.target):
                label.setText("")
        else:
            bar.finish.setText(_figure("Finish", fmt.when(plan, a.schedule.finish)))
            price = a.stages.gating_price
            bar.gated.setText(_figure("Gated", fmt.gated(plan, a.stages.gated_finish, price)))
            bar.critical.setText(
                _figure("Critical", units.part_of(int(a.schedule.critical.sum()), len(plan.decisions)))
            )
            sim = self.window.simulation
            result = sim.result
            # After an edit the last run's P80 is of another plan: it was hidden without a word (the room saw
            # the figure vanish); now it says why, and that a new run is on its way when one is.
            bar.p80.setText(
                ""
                if result is None and not sim.running
                else _figure("P80", "being simulated\u2026")
                if sim.running
                else _figure("P80", fmt.when(plan, result.percentile(80)))
                if result is not None and not sim.stale
                else _figure("P80", "out of date: the plan changed")
            )
            bar.cost.setText(self.cost_text(a, result if result is not None and not sim.stale else None))
            bar.forecast.setText(self.forecast_text(a))
            bar.target.setText(_target_text(plan, a.schedule.finish))
        delta = self.finish_delta() if self.session_changed else None
        bar.delta.setText(
            ""
            if delta is None
            else _figure(
                "Since the start",
                "no change"
                if abs(delta) < 1e-9
                else f"{'+' if delta > 0 else '−'}{fmt.weeks(abs(delta), unit=True)}",
            )
        )
        scenario = self.scenario_text(a)
        if scenario:
            bar.delta.setText(
                scenario + ("&nbsp;&nbsp;&nbsp;" + bar.delta.text() if bar.delta.text() else "")
            )
        for label in (bar.gated, bar.critical, bar.p80, bar.cost, bar.delta, bar.forecast, bar.target):
            label.setVisible(bool(label.text()))
        if self.deck and a is not None and a is not self._deck_analysis and self.doc.drawable_analysis is a:
            self._refresh_deck()
        self._set_explanation()
        bar.fit_height(self.window.width())

    def short_room(self) -> bool:
        """The room is shorter than :data:`SHORT_ROOM_PX`: the bar's figures small, its key help and the why of a
        selected decision left out."""
        return self.window.height() < SHORT_ROOM_PX

    def _set_explanation(self) -> None:
        bar = self.bar
        if bar is None:
            return
        step = self.current_step
        # A step shows its own explanation in the step panel; the bar would only repeat it.
        drawable = self.doc.drawable_analysis
        label = bar.explanation
        errors = drawable is not None and drawable.schedule is None
        label.setText(
            ""
            if step is not None and step.kind != "overview"
            else (_errors_html(drawable) if errors else self.explanation_html(why=not self.short_room()))
        )
        if label.text() and not errors and not self.short_room():
            # A why that would take more of the screen than WHY_SHARE (a milestone's longest chain, thirteen ids
            # long: six lines, the bar 43 % of a 1280x720 screen): the decision and the key that shows it, as in a
            # short room.
            width = label.width() if label.isVisible() and label.width() > 0 else self.window.width() - 40
            if label.heightForWidth(width) > WHY_SHARE * self.window.height():
                label.setText(self.explanation_html(why=False))
            # A title too long for the bar even alone (300 letters: five lines of the room's type over the
            # graph) is cut after a word; the inspector and the card's tooltip have it whole.
            for chars in TITLE_CUTS[1:]:
                if label.heightForWidth(width) <= WHY_SHARE * self.window.height():
                    break
                label.setText(self.explanation_html(why=False, title_chars=chars))
        label.setVisible(bool(label.text()))

    def forecast_text(self, a: Any) -> str:
        """The presenter bar's forecast: the finish on the remaining work against the baseline the views compare
        with (issue 16), as ``Forecast vs “Board” +2 wks (3 Dec 2027 vs 19 Nov 2027)``; '' without a baseline (the
        scenario bar's own Base plan does not count: the scenario figure gives that)."""
        from planner.ui.state.scenarios import REFERENCE_BASELINE

        base = self.doc.current_baseline()
        var = self.doc.variance()
        if base is None or var is None or base.name == REFERENCE_BASELINE:
            return ""
        slip = var.shown_finish_slip
        plan = self.doc.plan
        move = (
            "on the baseline"
            if abs(slip) < 1e-9
            else f"{'+' if slip > 0 else '−'}{fmt.weeks(abs(slip), unit=True)}"
        )

        def when(week: float) -> str:
            return fmt.date(plan, week) or f"wk {fmt.weeks(week)}"

        return _figure(
            f"Forecast vs “{base.name}”", f"{move} ({when(var.finish)} vs {when(var.baseline_finish)})"
        )

    def next_scenario(self) -> None:
        """Show the next scenario (Base included, wrapping round): one undo step (issue 13)."""
        if self.blanked:
            return
        bar = getattr(self.window, "scenario_bar", None)
        if bar is not None and self.doc.scenarios.names():
            bar.cycle(+1, presenting=True)
        elif bar is not None:
            self.say("This plan has no scenarios to flip to")

    def scenario_text(self, a: Any) -> str:
        """The presenter bar's scenario figure: its name and its finish against Base ('' at the base)."""
        from planner.ui.state.scenarios import REFERENCE_BASELINE

        name = self.doc.scenarios.active
        if name is None:
            return ""
        ref = self.doc.plan.baseline(REFERENCE_BASELINE)
        if ref is None or a is None or a.schedule is None:
            return _figure("Scenario", name)
        d = a.schedule.finish - ref.finish
        vs = (
            "same finish as Base"
            if abs(d) < 1e-9
            else f"{'+' if d > 0 else '−'}{fmt.weeks(abs(d), unit=True)} vs Base"
        )
        return _figure("Scenario", f"{name}: {vs}")

    def explanation_html(self, why: bool = True, title_chars: int = TITLE_CUTS[0]) -> str:
        """The selected decision, its duration and why it is (or is not) critical; empty without a selection.
        Without ``why`` (a short room: four lines of it left the views a 110 px strip at 512x300), the decision
        and its duration, and the key that shows why."""
        if not self.doc.selection:
            return ""
        d = self.doc.decision(self.doc.selection[0])
        a = self.doc.drawable_analysis  # not an older schedule with the edited plan
        if d is None:
            return ""
        o, lk, p = duration_triple(d.duration)
        dur = (
            "milestone"
            if d.milestone
            else fmt.weeks(lk, unit=True)
            + (f" ({fmt.weeks(o)}–{fmt.weeks(p)})" if (o, p) != (lk, lk) else "")
        )
        title = d.title
        if len(title) > title_chars:
            from planner.charts.style import cut_at_word  # (one cut for every name shortened in a line)

            title = cut_at_word(title, title_chars - 1)
        head = f"<b>{_esc(fmt.may_break(title))}</b> · {dur}"
        if a is None or a.schedule is None or d.id not in a.schedule.index:
            return head
        if not why:
            mark = (
                "<span style='color:#d9534f'>●</span> " if a.schedule.critical[a.schedule.index[d.id]] else ""
            )
            return f"{mark}{head} · <span style='color:{status_css('muted')}'>Enter: why</span>"
        try:
            e = a.explain(d.id)
        except Exception:  # noqa: BLE001 - an explanation must never break the presentation
            return head
        mark = "<span style='color:#d9534f'>●</span> " if e.critical else ""
        return f"{mark}{head} — {_esc(e.critical_text)} {_esc(e.start_reason)} {_esc(e.float_text)}"

    def resize_bar(self) -> None:
        if self.bar is not None:
            short = self.short_room()
            if short != self._short or self.bar.explanation.text():
                self._short = short
                self._set_explanation()  # the why of the selected decision, or only the key that shows it
            self.bar.set_short(short)
            if self.step_panel is not None:  # the step's title, as the figures: the room's text size, bold
                title = scaled_font(
                    room_font(), (FONT_SCALE if short else FIGURE_SCALE) * self.scale, bold=True
                )
                if self.step_panel.title.font() != title:
                    self.step_panel.title.setFont(title)
            self.bar.fit_height(self.window.width())


def _cards_rect(canvas: Any, ids: list[str]) -> QRectF:
    """The scene rectangle around the cards of ``ids`` on ``canvas`` (null when none is drawn)."""
    rect = QRectF()
    for did in ids:
        card = canvas.graph_scene.cards.get(did)
        if card is not None:
            r = card.sceneBoundingRect()
            rect = r if rect.isNull() else rect.united(r)
    return rect


def _band_rect(canvas: Any, stage_id: str | None) -> QRectF:
    """The scene rectangle of the graph's band of stage ``stage_id`` (null when it has none)."""
    scene = canvas.graph_scene
    columns = scene.layout.columns if scene.layout is not None and stage_id is not None else []
    for column, band in zip(columns, scene.bands, strict=False):
        if column.stage_id == stage_id:
            return QRectF(band.sceneBoundingRect())
    return QRectF()


def _first_card(canvas: Any, ids: list[str], left: float) -> QRectF | None:
    """The scene rectangle of the topmost card of ``ids`` in the column at ``left`` (the leftmost's): where a
    stage starts."""
    column = [
        r
        for did in ids
        if (card := canvas.graph_scene.cards.get(did)) is not None
        and (r := card.sceneBoundingRect()).left() < left + 1
    ]
    return min(column, key=lambda r: r.top()) if column else None


def _whole_cards(canvas: Any, ids: list[str], shown: QRectF) -> list[str]:
    """The decisions of ``ids`` whose cards lie whole in the scene rectangle ``shown``."""
    cards = canvas.graph_scene.cards
    return [
        did
        for did in ids
        if (card := cards.get(did)) is not None and shown.contains(card.sceneBoundingRect())
    ]


def _reached_cards(canvas: Any, ids: list[str], shown: QRectF, head: float) -> int:
    """How many cards of ``ids`` have some of them in the scene rectangle ``shown`` or in the ``head`` scene px
    above it (the header strip), whole or not."""
    reach = shown.adjusted(0, -head, 0, 0)
    cards = canvas.graph_scene.cards
    return sum(
        1
        for did in ids
        if (card := cards.get(did)) is not None
        and (r := card.sceneBoundingRect()).right() > reach.left()
        and r.left() < reach.right()
        and r.bottom() > reach.top()
        and r.top() < reach.bottom()
    )


def _densest_window(
    canvas: Any, ids: list[str], width: float, height: float, head: float = 0.0
) -> tuple[float, float, int] | None:
    """Where a ``width`` by ``height`` scene rectangle holds the most cards of ``ids`` whole: its left, its top and
    how many (ties: the leftmost, then the topmost, nearest where the stage starts); None without cards. It starts a
    margin before a card's left and a :data:`STEP_TOP_GAP` above a card's top, and no card of ``ids`` in its width
    crosses the ``head`` scene px above it (the sticky header strip: a card's title under it). (The step itself
    calls :func:`_densest_stretch`, which also says how many cards the stretch cuts.)"""
    best = _densest_stretch(_card_boxes(canvas, ids), width, height, head)
    return None if best is None else best[:3]


def _card_boxes(canvas: Any, ids: list[str]) -> list[tuple[float, float, float, float]]:
    """The scene ``(left, top, right, bottom)`` of each card of ``ids`` the graph has."""
    return [
        (r.left(), r.top(), r.right(), r.bottom())
        for did in ids
        if (card := canvas.graph_scene.cards.get(did)) is not None
        for r in (card.sceneBoundingRect(),)
    ]


def _first_at_or_after(values: list[float], start: int, holds: Any) -> int:
    """The least ``i`` in ``0 .. len(values)`` for which ``holds(values[i])`` (false up to some index, true from it
    on; ``len(values)`` when none), looked for from ``start`` (a bisection's guess, a place or two off where the
    test adds a width to the value)."""
    i, n = max(0, min(start, len(values))), len(values)
    while i > 0 and holds(values[i - 1]):
        i -= 1
    while i < n and not holds(values[i]):
        i += 1
    return i


class _MostAt:
    """Integers at positions ``0 .. n-1``: add to a run of them, the greatest and the first position holding it, each
    in log n (a segment tree whose nodes keep their subtree's greatest value and what was added to all of it)."""

    def __init__(self, values: list[int], least: int) -> None:
        size = 1
        while size < len(values):
            size *= 2
        self.size = size
        self.top = [least] * (2 * size)
        self.added = [0] * (2 * size)
        self.top[size : size + len(values)] = values
        for p in range(size - 1, 0, -1):
            self.top[p] = max(self.top[2 * p], self.top[2 * p + 1])

    def add(self, first: int, last: int, value: int) -> None:
        """Add ``value`` at positions ``first`` to ``last`` (both included; nothing when ``last < first``)."""
        if last < first:
            return
        top, added = self.top, self.added
        lo, hi = first + self.size, last + self.size + 1
        ends = (lo, hi - 1)
        while lo < hi:
            if lo & 1:
                top[lo] += value
                added[lo] += value
                lo += 1
            if hi & 1:
                hi -= 1
                top[hi] += value
                added[hi] += value
            lo >>= 1
            hi >>= 1
        for p in ends:
            p >>= 1
            while p:
                left, right = top[2 * p], top[2 * p + 1]
                top[p] = (left if left > right else right) + added[p]
                p >>= 1

    def most(self) -> int:
        return self.top[1]

    def first_most(self) -> int:
        """The first position holding :meth:`most`."""
        top, added, p = self.top, self.added, 1
        while p < self.size:
            want = top[p] - added[p]
            p = 2 * p if top[2 * p] == want else 2 * p + 1
        return p - self.size


def _densest_stretch(
    boxes: list[tuple[float, float, float, float]], width: float, height: float, head: float
) -> tuple[float, float, int, int] | None:
    """:func:`_densest_window` for cards given as ``(left, top, right, bottom)``, and how many cards the stretch
    cuts (some of it in the view or under the header strip, not all); in n log n: it counted the cards under each
    left and each top in turn, every card against every other (5 s for one stage of 2,000 cards).

    Of the stretches that hold the most cards whole, the one that cuts the fewest: the leftmost stretch with as
    many cards as any cut the gate of the fraud sample's Validate stage in half at 1366x768 and 1080x1920, where the
    stretch beside it showed the gate and cut none. A stretch starts a margin before a card's left or ends a margin
    after a card's right, and starts a :data:`STEP_TOP_GAP` above a card's top or ends one under a card's foot;
    of equals, one that starts at a card (left, then top) rather than ending at one, then the leftmost, the topmost.

    The lefts are swept in order. A card is *in the column* of the lefts where it lies whole in the width, and
    *beside* it where some of it does: a run of lefts each. Over the tops a tree keeps, for the cards in the
    column, twice (how many each top holds whole, times ``step``, less each card beside it reaches into, whole or
    not), plus one for a top at a card's top, less ``big`` for each card beside whose title the header strip would
    cover there, and less ``big`` for a top that is no card's of the column: a top is a candidate where its value
    is not negative."""
    if not boxes:
        return None
    n = len(boxes)
    starts = {left - 20 for left, _t, _r, _b in boxes}
    xs = sorted(starts | {right + 20 - width for _l, _t, right, _b in boxes})
    ys = sorted(
        {top - STEP_TOP_GAP for _l, top, _r, _b in boxes}
        | {bottom + STEP_TOP_GAP - height for _l, _t, _r, bottom in boxes}
    )
    nx, ny = len(xs), len(ys)
    step = (
        n + 2
    )  # a whole card adds step and takes 1 (it reaches into the view): n + 1, more than any cut count
    big = 2 * ((n + 1) * step + n) + 2  # more than any value of a candidate
    tree = _MostAt([2 * n - big] * ny, -big * (2 * n + 4))
    enter: list[list[int]] = [[] for _ in range(nx + 1)]
    leave: list[list[int]] = [[] for _ in range(nx + 1)]
    runs: list[tuple[int, int, int, int, int, int, int, int]] = []
    for k, (left, top, right, bottom) in enumerate(boxes):
        # in the column: left >= x0 and right <= x0 + width
        a = _first_at_or_after(xs, bisect_left(xs, right - width), lambda x, r=right: r <= x + width)
        z = bisect_right(xs, left) - 1
        if a <= z:
            enter[a].append(2 * k)
            leave[z + 1].append(2 * k)
        # beside: right > x0 and left < x0 + width
        a = _first_at_or_after(xs, bisect_right(xs, left - width), lambda x, le=left: le < x + width)
        z = bisect_left(xs, right) - 1
        if a <= z:
            enter[a].append(2 * k + 1)
            leave[z + 1].append(2 * k + 1)
        # whole at a top y0 when top >= y0 and bottom <= y0 + height
        c0 = _first_at_or_after(ys, bisect_left(ys, bottom - height), lambda y, b=bottom: b <= y + height)
        c1 = bisect_right(ys, top) - 1
        # the strip over a top y0 covers it when top < y0 and bottom > y0 - head
        b0 = bisect_right(ys, top)
        b1 = _first_at_or_after(ys, bisect_left(ys, bottom + head), lambda y, b=bottom: not b > y - head) - 1
        # some of it in the view or under the strip: top < y0 + height and bottom > y0 - head (to b1)
        s0 = _first_at_or_after(ys, bisect_left(ys, top - height), lambda y, t=top: t < y + height)
        at_top = bisect_left(ys, top - STEP_TOP_GAP)
        at_foot = bisect_left(ys, bottom + STEP_TOP_GAP - height)
        runs.append((at_top, at_foot, c0, c1, b0, b1, s0, b1))
    tops = [0] * ny  # cards of the column whose top each top is
    feet = [0] * ny  # ... and whose foot each top ends the view at

    def state(j: int) -> int:
        return (big if tops[j] or feet[j] else 0) + (1 if tops[j] else 0)

    best: tuple[float, float, int, int] | None = None
    best_key = (0, False, 0)
    for i in range(nx):
        for sign, events in ((-1, leave[i]), (1, enter[i])):
            for event in events:
                at_top, at_foot, c0, c1, b0, b1, s0, s1 = runs[event // 2]
                if event % 2 == 0:
                    tree.add(c0, c1, 2 * sign * step)
                    places = (at_top,) if at_top == at_foot else (at_top, at_foot)
                    was = [state(j) for j in places]
                    tops[at_top] += sign
                    feet[at_foot] += sign
                    for j, before in zip(places, was, strict=True):
                        tree.add(j, j, state(j) - before)
                else:
                    tree.add(b0, b1, -sign * big)
                    tree.add(s0, s1, -2 * sign)
        most = tree.most()
        if most < 0:
            continue
        value, at_a_top = divmod(most - 2 * n, 2)  # (cards whole) x (step - 1) - (cards cut); a card's top
        key = (value, xs[i] in starts, at_a_top)
        if best is None or key > best_key:
            count = -(-value // (step - 1))
            best, best_key = (xs[i], ys[tree.first_most()], count, count * (step - 1) - value), key
    return best


STEP_TOP_GAP = 20.0
"""Scene pixels between the header strip's foot and the first row of a stage step that starts at its top."""


def _top_clear_of_cards(cards: list[QRectF], first: QRectF, top: float, head: float, height: float) -> float:
    """Where a stage step's view starts (the scene y of its first row; the view's top is :data:`STEP_TOP_GAP` and
    the header strip, ``head`` scene px, above it): ``top``, else the nearest line above it that cuts none of
    ``cards`` (none with its top under the strip or above the view and some of it in sight) while ``first`` (the
    stage's first card, what the step starts from) stays whole in a view ``height`` scene px tall. Such a line
    starts at a card's top, or just under a card's foot; ``top`` stays when there is none."""

    def cuts(at: float) -> bool:
        line = at - STEP_TOP_GAP
        return any(r.top() < line and r.bottom() > line - head for r in cards)

    if not cuts(top):
        return top
    least = first.bottom() + STEP_TOP_GAP + head - height
    lines = {r.top() for r in cards} | {r.bottom() + STEP_TOP_GAP + head for r in cards}
    for at in sorted((t for t in lines if least <= t < top), reverse=True):
        if not cuts(at):
            return at
    return top


def _row_heights(view: QTableView) -> list[int]:
    """The heights of ``view``'s rows when some were sized one by one (to their contents), else ``[]`` (all at
    the default height, which presentation mode scales by itself)."""
    header = view.verticalHeader()
    default = header.defaultSectionSize()
    heights = [header.sectionSize(r) for r in range(header.count())]
    return heights if any(h != default for h in heights) else []


def _resize_rows(view: QTableView, heights: list[int], factor: float) -> None:
    """Give ``view``'s rows ``heights`` times ``factor`` (rows added or removed since are left to the view)."""
    header = view.verticalHeader()
    for r, h in enumerate(heights[: header.count()]):
        if header.sectionResizeMode(r) in (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Fixed):
            header.resizeSection(r, round(h * factor))


def _redraw_figure(canvas: Any) -> None:
    """Redraw ``canvas``'s figure through the view that owns it (its chart function lays out for the new dpi)."""
    owner = canvas.parentWidget()
    while owner is not None and not hasattr(owner, "schedule_redraw") and not hasattr(owner, "redraw"):
        owner = owner.parentWidget()
    if owner is not None and hasattr(owner, "schedule_redraw"):
        owner.schedule_redraw()
    elif owner is not None:
        owner.redraw()
    else:
        canvas.draw_idle()


_TYPING = (QComboBox, QAbstractSpinBox, QLineEdit, QTextEdit, QPlainTextEdit)
"""Controls that take the presentation's single keys for themselves while they have the focus."""


def _cost_figure(a: Any, simulation: Any) -> str:
    """``Cost USD 1.92M of 1.98M`` (and ``· both 42 %`` after a simulation); empty when the plan has no costs."""
    from planner.analysis.cost import cost_summary, format_money

    s = cost_summary(a.plan, a, simulation)
    if s is None:
        return ""
    b = s.breakdown
    text = format_money(b.total, s.currency, compact=True)
    if b.budget is not None:
        text += f" of {format_money(b.budget, None, compact=True)}"
    if s.risk is not None and s.risk.p_joint is not None:
        text += f" · budget and target {units.format_share(s.risk.p_joint)}"  # as the Cost tab writes it
    return _figure("Cost", text)


def _no_schedule(a: Any) -> str:
    """The presenter bar's finish without a schedule: still being analysed, or how many errors stop it (it said
    'no schedule yet' for a plan with a cycle, as if one were coming); :func:`_errors_html` says which."""
    if a is None:
        return _figure("Finish", "being analysed\u2026")
    n = len(a.errors)
    return _figure("Finish", f"no schedule: {units.count(n, 'error')} to fix" if n else "no schedule")


def _errors_html(a: Any) -> str:
    """The first error that stops the schedule, and what to do (the bar's wrapped explanation line)."""
    errors = a.errors if a is not None else []
    if not errors:
        return ""
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{_esc(one_line(errors[0].message))}{more} <i>Fix it to see the finish: Esc, then the Findings panel.</i>"


def _target_text(plan: Plan, finish: float) -> str:
    """``Target 6.5 wks to spare`` (or ``Target 1 wk late``), in the status bar's words (``units.target_verdict``
    over ``analysis.cost.target_margin``); '' for a plan without a target."""
    from planner.analysis.cost import target_margin

    margin = target_margin(plan, finish)
    return "" if margin is None else _figure("Target", units.target_verdict(margin, short=True))


def _figure(name: str, value: str) -> str:
    return f"<span style='font-weight:normal'>{name}</span> {_esc(value)}"


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=False)
