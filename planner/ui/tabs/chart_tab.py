"""A chart tab: one chart of :mod:`planner.charts` on a matplotlib canvas, live with the document.

The tab owns a ``FigureCanvasQTAgg`` and only ever calls the chart function on its figure; it redraws (debounced,
and only while visible) when the analysis or the selection changes, highlights the selected decisions, exports
the chart to PNG/SVG/PDF and prints it through QtPrintSupport.

Big plans: the Gantt scrolls by rows (a scroll bar picks which rows the chart draws, so a redraw costs the same
at 10 or 10,000 decisions), and the dependency graph the same way in both directions (two scroll bars pick the part
of its layout drawn, card text at the readable size however big the plan: at a 2400 px canvas the 48-decision
sample's cards were in 3-4 pt type); the other charts get a canvas of their readable default size inside a scroll
area, capped so that one redraw stays fast.
"""

from __future__ import annotations

import inspect
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg, NavigationToolbar2QT
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QIcon, QImage, QPainter, QPixmap, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QScrollBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner import units
from planner.charts import CHARTS, TITLES, default_size, render_chart, style
from planner.charts import graph as graph_chart
from planner.charts.gantt import gantt_row_capacity, gantt_rows, natural_height_in
from planner.charts.graph import graph_tiles
from planner.ui.dialogs.save_name import completed_save_name
from planner.ui.state.file_guard import shown_path
from planner.ui.views import type_scale

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.model import Plan

DEBOUNCE_MS = 100
SCREEN_DPI = type_scale.FIGURE_DPI  # figure inches -> logical pixels at an ordinary desktop font
MAX_CANVAS_PX = 2400  # a bigger canvas takes too long to redraw after every edit
ROADMAP_MIN_IN = (5.0, 5.6)
"""The roadmap fits any figure: in the tab at least this, else it scrolls. At 9 in wide (shorter, it showed fewer
decisions) an 800x600 window beside the inspector (~5.3 in) showed its left half: a title, the finish and long stage
names cut at the view's edge; it now fits the view and shortens what does not fit (whole on hover)."""
HOVER_CHARTS = ("roadmap", "stages")
"""Charts whose shortened names (a text artist labelled with the whole name) show the whole name on hover."""
GANTT_ROW_PT = 8.0  # row label size the Gantt tab scrolls at
GANTT_MIN_ROWS = 6  # rows the Gantt tab shows at least (the tab scrolls when it is shorter)
PRINT_DPI = 200


class ChartToolbar(NavigationToolbar2QT):
    """matplotlib's navigation toolbar with plain file icons.

    matplotlib 3.11's icon engine asks Qt for ``AA_UseHighDpiPixmaps``, which PySide6 6.9+ reports as deprecated
    on every repaint; plain icons from the same image files avoid the warning storm (and our tests fail on
    warnings).

    Without matplotlib's Subplots, Customize and Save tools: the chart lays out its own axes (moved by hand, its
    labels ran over each other) and Export chart saves it; their room let the Gantt tab's buttons wrap onto a second
    row at 1280x720 ("Print chart" alone on it, 30 px of the tab).
    """

    toolitems = [
        item for item in NavigationToolbar2QT.toolitems if item[0] not in ("Subplots", "Customize", "Save")
    ]
    while toolitems and toolitems[-1][0] is None:  # (no separator after the last tool)
        toolitems.pop()

    def _icon(self, name: str) -> QIcon:
        from matplotlib import cbook

        from planner.ui.views.chart_theme import is_dark, light_glyphs

        path = Path(cbook._get_data_path("images", name))
        icon = QIcon()
        dark = is_dark(self.palette())
        for candidate in (path, path.with_name(path.stem + "_large" + path.suffix)):
            if candidate.exists():
                if dark:
                    icon.addPixmap(QPixmap.fromImage(light_glyphs(QImage(str(candidate)), self.palette())))
                else:
                    icon.addFile(str(candidate))
        return icon


class ChartDocument(Protocol):
    """Everything a chart tab uses of its document (:class:`planner.ui.state.document.PlanDocument` has it all;
    a test may pass a smaller object that has it too): three signals it follows and five values it reads."""

    @property
    def analysis_updated(self) -> SignalInstance: ...

    @property
    def selection_changed(self) -> SignalInstance: ...

    @property
    def baseline_changed(self) -> SignalInstance: ...

    plan: Plan
    analysis: Analysis | None
    selection: list[str]
    baseline_name: str | None

    @property
    def drawable_analysis(self) -> Analysis | None:
        """``analysis`` when no edit has come since it was computed, else None (the chart then waits)."""
        ...


class ChartTab(QWidget):
    """One chart for ``document`` (a :class:`ChartDocument`, in the app the
    :class:`planner.ui.state.document.PlanDocument`)."""

    redrawn = Signal()  # after each redraw (tests and status bars)

    def __init__(self, document: ChartDocument, chart_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if chart_name not in CHARTS:
            raise KeyError(f"unknown chart {chart_name!r}; choose one of: {', '.join(CHARTS)}")
        self.document = document
        self.chart_name = chart_name
        self.setObjectName(f"chart-{chart_name}")
        self._func = CHARTS[chart_name]
        params = inspect.signature(self._func).parameters
        self._takes_highlight = "highlight" in params
        self._dirty = True
        self._row_page = 0
        self._graph_placed = False  # the graph's view has been scrolled to where the work starts
        # The Gantt's rows to bring the selected decision in sight when next drawn: selected while the tab was
        # hidden (or before it was built), the Gantt came back at its first rows, the decision out of sight.
        self._follow: str | None = document.selection[0] if document.selection else None
        self.draw_count = 0

        self.figure = Figure(dpi=SCREEN_DPI)
        self.canvas = FigureCanvasQTAgg(self.figure)
        type_scale.follow_desk(self.canvas)  # text as large as the application font's
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toolbar = ChartToolbar(self.canvas, self)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.8)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.canvas)
        self.rows_bar = QScrollBar(Qt.Orientation.Vertical, self)
        self.rows_bar.setVisible(False)
        if chart_name == "gantt":
            # The bar appears once the first drawing knows the rows do not fit: its room is kept while it is
            # hidden, so showing it does not narrow the chart and draw it a second time (a big plan's first show).
            policy = self.rows_bar.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.rows_bar.setSizePolicy(policy)
        self.rows_bar.valueChanged.connect(self.schedule_redraw)
        # The graph scrolls sideways too (its view is drawn at the readable size, not shrunk to a capped canvas).
        self.cols_bar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.cols_bar.setVisible(False)
        self.cols_bar.valueChanged.connect(self.schedule_redraw)

        self.export_action = QAction("Export chart\u2026", self)
        self.export_action.setToolTip("Save this chart as PNG, SVG or PDF")
        self.export_action.triggered.connect(self.export_dialog)
        self.print_action = QAction("Print chart\u2026", self)
        self.print_action.triggered.connect(self.print_dialog)
        self.print_preview_action = QAction("Print preview\u2026", self)
        self.print_preview_action.triggered.connect(self.print_preview)

        # The tool bar, options and buttons wrap onto a second line rather than widen the window past a small
        # screen (in one row they needed ~650 px: more than an 800x600 screen leaves beside the inspector).
        from planner.ui.presentation.workshop import FlowLayout

        bar = FlowLayout(spacing=6)
        bar.addWidget(self.toolbar)
        self.options: dict[str, QCheckBox] = {}
        if chart_name == "gantt":
            for key, label, tip in (
                ("gated", "Gated timeline", "Stages as strict gates instead of rolling"),
                ("show_dependencies", "Dependencies", "Draw the dependency links"),
                ("baseline", "Baseline", "Show the baseline as thin bars under the bars"),
            ):
                box = QCheckBox(label, self)
                box.setToolTip(tip)
                box.toggled.connect(self.schedule_redraw)
                self.options[key] = box
                bar.addWidget(box)
        for action in (self.export_action, self.print_preview_action, self.print_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            bar.addWidget(button)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.scroll_area, 1)
        body.addWidget(self.rows_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        layout.addWidget(self.cols_bar)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.redraw_now)
        document.analysis_updated.connect(self._on_analysis)
        document.selection_changed.connect(self._on_selection)
        document.baseline_changed.connect(self.schedule_redraw)
        self.canvas.mpl_connect("resize_event", lambda _event: self.schedule_redraw())
        self._tips: list[Any] = []  # text artists of the drawing with a whole name to show on hover
        if chart_name in HOVER_CHARTS:
            self.canvas.mpl_connect("motion_notify_event", self._hover)
        if chart_name in ("gantt", "graph"):  # the wheel moves the bars that pick what is drawn
            self.canvas.mpl_connect("scroll_event", self._wheel)

    # -- reacting to the document ----------------------------------------------------------------------------
    @property
    def title(self) -> str:
        return TITLES.get(self.chart_name, self.chart_name)

    def _on_analysis(self, _analysis: Analysis) -> None:
        self._update_canvas_size()
        self.schedule_redraw()

    def _on_selection(self, ids: list[str]) -> None:
        if self.chart_name == "gantt" and ids:
            self._scroll_to(ids[0])
        if self.chart_name == "graph" and ids:
            self._show_card(ids[0])
        self.schedule_redraw()

    def schedule_redraw(self, *_: Any) -> None:
        """Redraw after the debounce interval, or when the tab is next shown."""
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._update_canvas_size()
            self._timer.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The application font changed (a large-type setting): the chart's text, and the room it needs, follow.
        if event.type() == QEvent.Type.FontChange and type_scale.follow_desk(self.canvas):
            self._update_canvas_size()
            self.schedule_redraw()

    # -- drawing ----------------------------------------------------------------------------------------------
    def chart_options(self) -> dict[str, Any]:
        """The keyword arguments the chart function gets besides ``highlight`` and ``rows``."""
        opts: dict[str, Any] = {}
        if self.chart_name == "gantt":
            opts["gated"] = self.options["gated"].isChecked()
            opts["show_dependencies"] = self.options["show_dependencies"].isChecked()
            if self.options["baseline"].isChecked():
                opts["baseline"] = self.document.baseline_name or True
        return opts

    def redraw_now(self) -> None:
        """Draw the chart for the document's current analysis and selection."""
        self._timer.stop()
        analysis = self.document.analysis
        if analysis is not None and self.document.drawable_analysis is None:
            # An edit is still being analysed: keep the picture; analysis_updated redraws (a stale schedule
            # with the edited plan would fail or mislead).
            self._dirty = True
            return
        self._dirty = False
        type_scale.follow_desk(self.canvas)
        if analysis is None:
            style.start(self.figure)
            style.message(self.figure, "Analysing the plan\u2026")
        else:
            kwargs = self.chart_options()
            if self._takes_highlight:
                kwargs["highlight"] = list(self.document.selection)
            if self.chart_name == "gantt":
                kwargs["rows"] = self._gantt_rows(analysis, kwargs["gated"])
                kwargs["page_weeks"] = False  # rows that scroll keep one axis: the whole plan's weeks
            if self.chart_name == "graph":
                kwargs["origin"] = self._graph_origin(analysis)
            self._func(self.figure, analysis, **kwargs)
        self._tips = self._tip_artists()
        from planner.ui.views.chart_theme import apply_palette

        apply_palette(self.figure)  # dark palette: the chart follows (exports and the report stay light)
        self.canvas.draw_idle()
        self.draw_count += 1
        self.redrawn.emit()

    def _tip_artists(self) -> list[Any]:
        """The texts of the drawing that stand for a longer one (a shortened stage, lane or decision name): the
        chart gives each the whole name as its label (matplotlib's own labels start with '_')."""
        if self.chart_name not in HOVER_CHARTS:
            return []
        from matplotlib.text import Text

        return [
            t
            for t in self.figure.findobj(Text)
            if isinstance(label := t.get_label(), str) and label and not label.startswith("_")
        ]

    def tip_at(self, x: float, y: float) -> str | None:
        """The whole name under the point (``x``, ``y``) of the figure (display pixels from its bottom left), when
        the chart shows it shortened there."""
        from matplotlib.backend_bases import MouseEvent

        event = MouseEvent("motion_notify_event", self.canvas, round(x), round(y))
        for text in self._tips:
            if text.get_visible() and text.contains(event)[0]:
                return str(text.get_label())
        return None

    def _hover(self, event: Any) -> None:
        from PySide6.QtCore import QPoint
        from PySide6.QtWidgets import QToolTip

        tip = self.tip_at(event.x, event.y) if event.x is not None and event.y is not None else None
        if tip is None:
            QToolTip.hideText()
            return
        ratio = self.canvas.device_pixel_ratio or 1
        at = QPoint(int(event.x / ratio), int(self.canvas.height() - event.y / ratio))
        QToolTip.showText(self.canvas.mapToGlobal(at), tip, self.canvas)

    def _update_canvas_size(self) -> None:
        analysis = self.document.analysis
        if analysis is not None and self.document.drawable_analysis is None:
            return  # an edit is being analysed: the size follows its analysis (_on_analysis)
        dpi = type_scale.logical_dpi(self.canvas)
        if analysis is None:
            self.canvas.setMinimumSize(200, 150)
            return
        if self.chart_name == "graph":
            # The view scrolls over the graph (_graph_origin): at least the stage headers and a row of cards.
            self.canvas.setMinimumSize(200, math.ceil(graph_chart.view_min_height_in() * dpi))
            return
        if self.chart_name == "gantt":
            # Tall enough for a few rows between the title and the legend, or the tab scrolls: in a short tab
            # (1366x768 at a 16 pt font) the rows scroll bar paged through the plan one row at a time.
            need = natural_height_in(GANTT_MIN_ROWS + 1, GANTT_ROW_PT) * dpi  # (+ a "continued" stage header)
            self.canvas.setMinimumSize(200, math.ceil(need))
            return
        w, h = default_size(self.chart_name, analysis)
        if self.chart_name == "roadmap":  # fits whatever size it gets: the window, down to a small laptop's
            w, h = min(w, ROADMAP_MIN_IN[0]), min(h, ROADMAP_MIN_IN[1])
        elif self.chart_name == "stages":  # the view's width, down to NARROWEST_IN (the names shortened)
            from planner.charts.stage_timeline import NARROWEST_IN, min_height_in

            w = min(w, NARROWEST_IN)
            if analysis.schedule is not None and analysis.stages is not None:  # (a cycle: a message instead)
                h = max(h, min_height_in(analysis, w))
        # In the figure's dpi: at a large application font (or presentation type) the text is larger, and the
        # chart needs as many more pixels to lay it out as readably.
        self.canvas.setMinimumSize(int(min(w * dpi, MAX_CANVAS_PX)), int(min(h * dpi, MAX_CANVAS_PX)))

    def _gantt_rows(self, analysis: Analysis, gated: bool) -> tuple[int, int] | None:
        total = len(gantt_rows(analysis, gated))
        height_in = max(1.0, self.canvas.height() / type_scale.logical_dpi(self.canvas))
        page = gantt_row_capacity(height_in, GANTT_ROW_PT)
        self._row_page = page
        self.rows_bar.blockSignals(True)
        self.rows_bar.setRange(0, max(0, total - page))
        self.rows_bar.setPageStep(page)
        self.rows_bar.setSingleStep(max(1, page // 10))
        self.rows_bar.setVisible(total > page)
        follow, self._follow = self._follow, None
        if follow is not None and total > page and follow in self.document.selection:
            index = analysis.schedule.index.get(follow) if analysis.schedule is not None else None
            row = next(
                (
                    k
                    for k, (kind, i) in enumerate(gantt_rows(analysis, gated))
                    if kind == "decision" and i == index
                ),
                None,
            )
            start = self.rows_bar.value()
            if row is not None and not start <= row < start + page - 1:
                self.rows_bar.setValue(max(0, row - 3))
        self.rows_bar.blockSignals(False)
        if total <= page:
            return None
        start = self.rows_bar.value()
        return (start, start + page)

    def _view_in(self) -> tuple[float, float]:
        """The canvas's size in figure inches."""
        dpi = type_scale.logical_dpi(self.canvas)
        return (max(1.0, self.canvas.width() / dpi), max(1.0, self.canvas.height() / dpi))

    def _graph_origin(self, analysis: Analysis) -> tuple[float, float] | None:
        """Where the graph's view starts (layout inches; None: the whole graph reads in the canvas), with the
        scroll bars set to the part of the layout the canvas shows."""
        w_in, h_in = self._view_in()
        whole = analysis.schedule is None or graph_chart.fits_view(analysis, w_in, h_in)
        room_w, room_h = graph_chart.view_room(w_in, h_in)
        lay = None if whole else graph_chart.layout(analysis)
        spans = (
            (self.cols_bar, 0.0 if lay is None else lay.width - room_w, room_w, graph_chart.COL_PITCH),
            (self.rows_bar, 0.0 if lay is None else lay.height - room_h, room_h, graph_chart.ROW_PITCH),
        )
        for bar, over, room, step in spans:
            bar.blockSignals(True)
            bar.setRange(0, max(0, math.ceil(over * 100)))  # hundredths of an inch of the layout
            bar.setPageStep(max(1, int(room * 100)))
            bar.setSingleStep(max(1, int(step * 100 / 2)))
            bar.setVisible(over > 0)
            bar.blockSignals(False)
        if whole:
            return None
        if not self._graph_placed:  # first sight: where the work starts, not an empty top-left corner
            self._graph_placed = True
            self._place_at_start(analysis, room_h)
        follow, self._follow = self._follow, None
        if follow is not None and follow in self.document.selection:
            self._show_card(follow, quiet=True)  # selected while the tab was hidden
        return (self.cols_bar.value() / 100, self.rows_bar.value() / 100)

    def _place_at_start(self, analysis: Analysis, room_h: float) -> None:
        """Scroll the graph's view (without a redraw) to the height of its first critical decision."""
        s = analysis.schedule
        if s is None or not len(s.critical):
            return
        lay = graph_chart.layout(analysis)
        first = min(range(len(lay.x)), key=lambda i: (not s.critical[i], float(lay.x[i]), float(lay.y[i])))
        self.rows_bar.blockSignals(True)
        self.rows_bar.setValue(round((float(lay.y[first]) - room_h / 2) * 100))
        self.rows_bar.blockSignals(False)

    def _show_card(self, decision_id: str, quiet: bool = False) -> None:
        """Scroll the graph's view to the card of ``decision_id`` when it is not (wholly) in sight; a hidden tab
        does it when next drawn (:attr:`_follow`). ``quiet``: while drawing (the scroll bars' signals held)."""
        analysis = self.document.drawable_analysis
        if analysis is None or not self.isVisible():
            self._follow = decision_id
            return
        box = graph_chart.card_box(analysis, decision_id)
        if box is None or not (self.cols_bar.isVisible() or self.rows_bar.isVisible()):
            return
        room_w, room_h = graph_chart.view_room(*self._view_in())
        x0, y0 = self.cols_bar.value() / 100, self.rows_bar.value() / 100
        head = graph_chart.HEADER_H if y0 > 0 else 0.0  # the pinned headers cover the top of a scrolled view
        for bar in (self.cols_bar, self.rows_bar) if quiet else ():
            bar.blockSignals(True)
        if not (x0 <= box[0] and box[1] <= x0 + room_w):
            self.cols_bar.setValue(round(((box[0] + box[1]) / 2 - room_w / 2) * 100))
        if not (y0 + head <= box[2] and box[3] <= y0 + room_h):
            self.rows_bar.setValue(round(((box[2] + box[3]) / 2 - room_h / 2) * 100))
        for bar in (self.cols_bar, self.rows_bar) if quiet else ():
            bar.blockSignals(False)

    def _wheel(self, event: Any) -> None:
        """The mouse wheel scrolls what the chart draws (shift: sideways)."""
        sideways = event.key == "shift" or self.chart_name == "graph" and not self.rows_bar.isVisible()
        bar = self.cols_bar if sideways else self.rows_bar
        if bar.isVisible():
            bar.setValue(bar.value() - round(event.step * bar.singleStep()))

    def _scroll_to(self, decision_id: str) -> None:
        analysis = self.document.drawable_analysis
        if analysis is None or analysis.schedule is None or not self.rows_bar.isVisible():
            self._follow = decision_id  # (the rows are counted when the tab is next drawn: then)
            return
        self._follow = None
        gated = self.options["gated"].isChecked()
        index = analysis.schedule.index.get(decision_id)
        rows = gantt_rows(analysis, gated)
        row = next((k for k, (kind, i) in enumerate(rows) if kind == "decision" and i == index), None)
        if row is None:
            return
        start = self.rows_bar.value()
        if not start <= row < start + self._row_page - 1:
            self.rows_bar.setValue(max(0, row - 3))

    # -- export and print -----------------------------------------------------------------------------------
    def export_to(self, path: str) -> None:
        """Save the chart (whole plan, at its readable default size) to ``path``; the format follows the suffix."""
        analysis = self.document.analysis
        if analysis is None:
            raise ValueError("the plan is still being analysed; try again in a moment")
        kwargs = self.chart_options()
        render_chart(self.chart_name, analysis, path, **kwargs)

    def export_dialog(self) -> None:
        refusal = self._export_refusal()
        if refusal:  # said before a file is chosen: the chart would be an image of this sentence
            self._tell("Export chart", refusal)
            return
        stem = (self.document.plan.title or "plan").strip().replace("/", "-")[:60]
        start = os.path.join(os.path.expanduser("~"), f"{stem} - {self.title}.png")
        path, _ = QFileDialog.getSaveFileName(
            self, "Export chart", start, "PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)"
        )
        target = completed_save_name(self, path, ".png", (".png", ".svg", ".pdf")) if path else None
        if not target:
            return
        try:
            self.export_to(target)
        except (OSError, ValueError) as exc:
            self._tell(
                "Export chart",
                f"Could not export the chart to {shown_path(target)}:\n{getattr(exc, 'strerror', None) or exc}",
            )

    def _export_refusal(self) -> str:
        """Why the chart cannot be exported now ('' when it can): a plan with validation errors has no schedule, so
        the file would only hold the chart's 'fix the errors first' note (as ``planner export`` refuses it)."""
        analysis = self.document.drawable_analysis  # (None while an edit waits for its analysis)
        if analysis is None or not analysis.errors:
            return ""
        return (
            f"The plan has {units.count(len(analysis.errors), 'error')} to fix first (see Findings): a chart needs "
            "a schedule."
        )

    def _tell(self, title: str, text: str) -> None:
        """A message box over the window, opened window-modal as the app's others are (never a blocking exec)."""
        window = self.window()
        show_error = getattr(window, "show_error", None)
        if callable(show_error):
            show_error(title, text)
        else:  # the tab on its own (tests, a screenshot)
            QMessageBox.warning(self, title, text)

    def print_pages(self, page_w_in: float, page_h_in: float) -> list[dict[str, Any]]:
        """The chart options of each printed page: a big Gantt is split by rows, a big graph into tiles, a long
        critical path into steps."""
        analysis = self.document.analysis
        base = self.chart_options()
        if analysis is None or analysis.schedule is None:
            return [base]
        if self.chart_name == "gantt":
            total = len(gantt_rows(analysis, base["gated"]))
            cap = gantt_row_capacity(page_h_in)
            if total <= cap:
                return [base]
            return [{**base, "rows": (a, a + cap)} for a in range(0, total, cap)]
        if self.chart_name == "graph":
            tiles = graph_tiles(analysis, page_w_in, page_h_in)
            return [base] if len(tiles) == 1 else [{**base, "window": t} for t in tiles]
        if self.chart_name == "critical-path":  # a page draws the steps that read on it: the rest on the next
            from planner.charts.critical_path import critical_path_pages

            ranges = critical_path_pages(analysis, page_w_in, page_h_in)
            return [base] if len(ranges) == 1 else [{**base, "steps": r} for r in ranges]
        return [base]

    def print_chart(self, printer: QPrinter) -> None:
        """Render the chart on ``printer``, one figure per page sized to the printable area."""
        analysis = self.document.analysis
        layout = printer.pageLayout()
        res = printer.resolution()
        rect = layout.paintRectPixels(res)
        w_in, h_in = rect.width() / res, rect.height() / res
        dpi = min(PRINT_DPI, res)
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            for k, opts in enumerate(self.print_pages(w_in, h_in)):
                if k:
                    printer.newPage()
                fig = Figure(figsize=(w_in, h_in), dpi=dpi)
                canvas = FigureCanvasAgg(fig)
                if analysis is None:
                    style.message(fig, "Analysing the plan\u2026")
                else:
                    self._func(fig, analysis, **opts)
                canvas.draw()
                buf = canvas.buffer_rgba()
                image = QImage(buf, int(buf.shape[1]), int(buf.shape[0]), QImage.Format.Format_RGBA8888)
                painter.drawImage(QRectF(0, 0, rect.width(), rect.height()), image)
        finally:
            painter.end()

    def make_print_preview(self, printer: QPrinter | None = None) -> QPrintPreviewDialog:
        """A print preview dialog for this chart (not shown).

        The dialog only borrows the printer (Qt does not take ownership), so the printer is kept alive as an
        attribute of the dialog: a temporary printer collected by Python left the dialog painting on freed
        memory (the app died with exit 139)."""
        printer = printer or self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("printPreview")
        dialog.printer_ref = printer  # type: ignore[attr-defined]
        dialog.setWindowTitle(f"Print preview \u2014 {self.title}")
        dialog.paintRequested.connect(self.print_chart)
        return dialog

    def print_preview(self) -> QPrintPreviewDialog:
        """Open the print preview window-modally (``open()``, not ``exec()``); it deletes itself when closed."""
        dialog = self.make_print_preview()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _r: setattr(self, "preview_dialog", None))
        self.preview_dialog: QPrintPreviewDialog | None = dialog
        dialog.open()
        return dialog

    def print_dialog(self) -> None:
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_chart(printer)

    def _printer(self) -> QPrinter:
        from PySide6.QtGui import QPageLayout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setDocName(f"{self.title}")
        return printer
