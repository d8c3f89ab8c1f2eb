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

:class:`PresentationController` is owned by the main window (``window.presentation``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from planner.model import duration_triple
from planner.ui import format as fmt

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

FONT_SCALE = 1.6
"""UI fonts in presentation mode, relative to the application font."""
FIGURE_SCALE = 2.1
"""The presenter bar's key figures, relative to the application font."""
CANVAS_ZOOM = 1.6
"""Graph canvas zoom in presentation mode: at least this (100 % cards are sized for a desk, not a room)."""
DURATION_STEP = 1.0
"""Weeks added or removed by one ``+`` / ``-`` press."""


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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        base = QApplication.font()
        figure_font = scaled_font(base, FIGURE_SCALE, bold=True)
        text_font = scaled_font(base, FONT_SCALE)
        self.finish = QLabel(self)
        self.gated = QLabel(self)
        self.critical = QLabel(self)
        self.p80 = QLabel(self)
        self.finish.setObjectName("presenterFinish")
        self.gated.setObjectName("presenterGated")
        self.critical.setObjectName("presenterCritical")
        self.p80.setObjectName("presenterP80")
        row = QHBoxLayout()
        row.setSpacing(round(base.pointSizeF() * 4) if base.pointSizeF() > 0 else 40)
        for label in (self.finish, self.gated, self.critical, self.p80):
            label.setFont(figure_font)
            label.setTextFormat(Qt.TextFormat.RichText)
            row.addWidget(label)
        row.addStretch(1)
        self.hint = QLabel("+ / − duration · double-click to edit · Esc leaves", self)
        self.hint.setObjectName("presenterHint")
        self.hint.setEnabled(False)  # greyed: for the presenter, not the audience
        self.hint.setFont(scaled_font(base, 1.1))
        row.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignBottom)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("presenterExplanation")
        self.explanation.setFont(text_font)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 12)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.explanation)
        self.setStyleSheet("QFrame#presenterBar { border-top: 2px solid palette(mid); }")

    def fit_height(self, width: int) -> None:
        """Tool bars ignore height-for-width: size the bar for its wrapped explanation at ``width``."""
        layout = self.layout()
        if layout is not None and width > 0:
            self.setFixedHeight(max(layout.minimumSize().height(), layout.heightForWidth(width)))


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


class PresentationController(QObject):
    """Enters and leaves presentation mode on ``window``; see the module docstring."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self.bar: PresenterBar | None = None
        self.toolbar: QToolBar | None = None
        self._saved: _Saved | None = None
        self._inspector_shown = False

        self.toggle_action = QAction("&Presentation Mode", window)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcuts([QKeySequence("F11"), QKeySequence("Ctrl+Shift+P")])
        tip = "Full screen with large type and the key figures, for workshops (Esc leaves)"
        self.toggle_action.setToolTip(tip)
        self.toggle_action.setStatusTip(tip)
        self.toggle_action.triggered.connect(self.set_active)
        window.addAction(self.toggle_action)
        # Active only while presenting, so that Esc and +/- keep their usual meaning otherwise.
        self.leave_action = self._key_action("Leave Presentation", [QKeySequence(Qt.Key.Key_Escape)], self.escape)
        self.longer_action = self._key_action("Longer", [QKeySequence("+"), QKeySequence("=")],
                                              lambda: self.step_duration(+DURATION_STEP))
        self.shorter_action = self._key_action("Shorter", [QKeySequence("-")],
                                               lambda: self.step_duration(-DURATION_STEP))
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

    # -- entering and leaving --------------------------------------------------------------------------------
    def enter(self, full_screen: bool = True) -> None:
        """Start presenting. ``full_screen=False`` keeps the window's size (off-screen rendering)."""
        if self.active:
            return
        w = self.window
        w.commit_pending()
        saved = _Saved(w.saveGeometry(), w.geometry(), w.windowState(), w.saveState(), QFont(w.font()),
                       w.testAttribute(Qt.WidgetAttribute.WA_SetFont))
        canvas = self._canvas()
        if canvas is not None:
            saved.zoom = canvas.zoom
            saved.center = canvas.mapToScene(canvas.viewport().rect().center())
        self._saved = saved
        self._hide_chrome()
        w.setFont(scaled_font(QApplication.font(), FONT_SCALE))
        self.bar = PresenterBar()
        bar = QToolBar("Presenter", w)
        bar.setObjectName("presenterToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)
        bar.addWidget(self.bar)
        self.toolbar = bar
        w.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)
        bar.show()
        for act in (self.leave_action, self.longer_action, self.shorter_action):
            act.setEnabled(True)
        self.toggle_action.setChecked(True)
        self.doc.analysis_updated.connect(self.refresh)
        self.doc.selection_changed.connect(self.refresh)
        w.simulation.finished.connect(self.refresh)
        w.simulation.stale_changed.connect(self.refresh)
        w.views.currentChanged.connect(self._on_view_changed)
        for obj in self._watched():
            obj.installEventFilter(self)
        if full_screen:
            w.showFullScreen()
        self._zoom_canvas()
        self.refresh()

    def leave(self) -> None:
        """Stop presenting and put everything back as it was."""
        saved = self._saved
        if saved is None:
            return
        w = self.window
        self._saved = None
        for obj in self._watched():
            obj.removeEventFilter(self)
        for signal, slot in ((self.doc.analysis_updated, self.refresh), (self.doc.selection_changed, self.refresh),
                             (w.simulation.finished, self.refresh), (w.simulation.stale_changed, self.refresh),
                             (w.views.currentChanged, self._on_view_changed)):
            signal.disconnect(slot)
        for act in (self.leave_action, self.longer_action, self.shorter_action):
            act.setEnabled(False)
        self.toggle_action.setChecked(False)
        if self.toolbar is not None:
            w.removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
        self.toolbar = self.bar = None
        self._inspector_shown = False
        if saved.font_was_set:
            w.setFont(saved.font)
        else:
            w.setFont(QFont())  # nothing set: inherit the application font again
            w.setAttribute(Qt.WidgetAttribute.WA_SetFont, False)
        for widget, was_hidden in saved.hidden.values():
            widget.setHidden(was_hidden)
        if w.windowState() != saved.window_state:
            w.setWindowState(saved.window_state)
        self._restore_geometry(saved)
        w.restoreState(saved.dock_state)
        self._restore_canvas(saved)

        def later() -> None:  # once the window manager has taken the window out of full screen
            if not self.active:
                self._restore_geometry(saved)
                self._restore_canvas(saved)

        QTimer.singleShot(0, self, later)

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
        out += [t for t in w.findChildren(QToolBar) if t is not self.toolbar]
        table = w.table_view
        out += [table.search, table.stage_filter, table.area_filter, table.owner_filter, table.status_filter,
                table.critical_only, table.count_label]
        return out

    def _hide_chrome(self) -> None:
        """Hide what distracts; remembers each widget's state the first time it is hidden."""
        saved = self._saved
        if saved is None:
            return
        for widget in self._chrome():
            if id(widget) not in saved.hidden:
                saved.hidden[id(widget)] = (widget, widget.isHidden())
            if isinstance(widget, QDockWidget) and widget is self.window.inspector_dock and self._inspector_shown:
                continue
            widget.hide()

    def _on_view_changed(self, _index: int) -> None:
        # A chart shown for the first time builds its tool bar now: hide it too, and zoom a freshly shown graph.
        QTimer.singleShot(0, self, self._hide_chrome)
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
        if canvas.zoom < CANVAS_ZOOM:
            center = canvas.mapToScene(canvas.viewport().rect().center())
            canvas.set_zoom(CANVAS_ZOOM)
            canvas.centerOn(center)
        if self.doc.selection:
            canvas.focus_on(list(self.doc.selection), canvas.zoom)

    def _restore_canvas(self, saved: _Saved) -> None:
        canvas = self._canvas()
        if canvas is None or saved.zoom is None:
            return
        canvas.set_zoom(saved.zoom)
        if saved.center is not None:
            canvas.centerOn(saved.center)

    # -- keys and mouse --------------------------------------------------------------------------------------
    def escape(self) -> None:
        """Esc closes the inspector opened for an edit; otherwise it leaves presentation mode."""
        dock = self.window.inspector_dock
        if self._inspector_shown and dock.isVisible():
            self.window.commit_pending()
            dock.hide()
            self._inspector_shown = False
            return
        self.leave()

    def show_inspector(self) -> None:
        """Open the inspector dock for an edit during the presentation (Esc closes it again)."""
        if not self.active:
            return
        self._inspector_shown = True
        w = self.window
        w.inspector_tabs.setCurrentWidget(w.inspector)
        w.inspector_dock.show()
        w.inspector_dock.raise_()

    def _watched(self) -> list[QObject]:
        w = self.window
        out: list[QObject] = [w, w.table_view.table.viewport()]
        canvas = self._canvas()
        if canvas is not None:
            out.append(canvas.viewport())
        return out

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.active:
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
        if not self.active or not self.doc.selection:
            return None
        d = self.doc.decision(self.doc.selection[0])
        if d is None:
            return None
        if d.milestone:
            self.window.show_message(f"{d.title} is a milestone: it takes no time")
            return None
        if duration_triple(d.duration)[1] + delta < 0:
            # Shortening further would only eat the pessimistic estimate (the spread the simulation uses).
            self.window.show_message(f"{d.title} is already as short as its likely estimate allows")
            return None
        o, lk, p = (max(0.0, round(x + delta, 4)) for x in duration_triple(d.duration))
        problem = self.doc.set_duration(d.id, o, lk, p)
        if problem:
            self.window.show_message(f"Duration not changed: {problem}")
        return problem

    # -- presenter bar ---------------------------------------------------------------------------------------
    def refresh(self, *_args: Any) -> None:
        bar = self.bar
        if bar is None:
            return
        plan = self.doc.plan
        a = self.doc.analysis
        if a is None or a.schedule is None or a.stages is None:
            bar.finish.setText("Finish: <span style='font-weight:normal'>no schedule yet</span>")
            for label in (bar.gated, bar.critical, bar.p80):
                label.setText("")
        else:
            bar.finish.setText(_figure("Finish", fmt.when(plan, a.schedule.finish)))
            price = a.stages.gating_price
            bar.gated.setText(_figure("Gated", fmt.when(plan, a.stages.gated_finish)
                                      + (f" +{fmt.weeks(price, unit=True)}" if price else " (no cost)")))
            bar.critical.setText(_figure("Critical", f"{int(a.schedule.critical.sum())} of {len(plan.decisions)}"))
            sim = self.window.simulation
            result = sim.result
            bar.p80.setText(_figure("P80", fmt.when(plan, result.percentile(80)))
                            if result is not None and not sim.stale else "")
        for label in (bar.gated, bar.critical, bar.p80):
            label.setVisible(bool(label.text()))
        bar.explanation.setText(self.explanation_html())
        bar.explanation.setVisible(bool(bar.explanation.text()))
        bar.fit_height(self.window.width())

    def explanation_html(self) -> str:
        """The selected decision, its duration and why it is (or is not) critical; empty without a selection."""
        if not self.doc.selection:
            return ""
        d = self.doc.decision(self.doc.selection[0])
        a = self.doc.analysis
        if d is None:
            return ""
        o, lk, p = duration_triple(d.duration)
        dur = "milestone" if d.milestone else fmt.weeks(lk, unit=True) + (
            f" ({fmt.weeks(o)}–{fmt.weeks(p)})" if (o, p) != (lk, lk) else "")
        head = f"<b>{_esc(d.title)}</b> · {dur}"
        if a is None or a.schedule is None or d.id not in a.schedule.index:
            return head
        try:
            e = a.explain(d.id)
        except Exception:  # noqa: BLE001 - an explanation must never break the presentation
            return head
        mark = "<span style='color:#d9534f'>●</span> " if e.critical else ""
        return f"{mark}{head} — {_esc(e.critical_text)} {_esc(e.start_reason)} {_esc(e.float_text)}"

    def resize_bar(self) -> None:
        if self.bar is not None:
            self.bar.fit_height(self.window.width())


def _figure(name: str, value: str) -> str:
    return f"<span style='font-weight:normal'>{name}</span> {_esc(value)}"


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=False)
