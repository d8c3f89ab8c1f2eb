"""The Risk tab: Monte Carlo controls and results, the finish-date, criticality and tornado charts, and the risk
register editor.

The simulation runs in :class:`planner.ui.state.background.SimulationRunner` (a worker thread, progress bar, Cancel).
After an edit the shown results stay, with a banner saying they are stale and a Re-run button.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.model import units
from planner.ui.state.background import SimulationRun, SimulationRunner
from planner.ui.state.document import PlanDocument
from planner.ui.tabs.risk_model import COLUMN_INDEX, RiskTableModel
from planner.ui.theme import status_css
from planner.ui.views import format as fmt
from planner.ui.views import type_scale
from planner.ui.views.adaptive import AdaptiveSplitter, PageBody, scroll_page
from planner.ui.views.columns import ColumnFit
from planner.ui.views.delegates import EditorDelegate, PercentSpin
from planner.ui.views.figure_view import FigureView

DEFAULT_ITERATIONS = 10_000
AUTO_RUN_LIMIT = 2_000
"""On first showing the tab, a plan with fewer decisions is simulated right away (well under a second)."""

_PERCENTILES = (10, 50, 80, 90, 95)

REGISTER_ROWS = 4
"""The risk register shows at least this many rows (the tab scrolls rather than show fewer)."""


class _PercentEditor(PercentSpin):
    """The probability's editor reads as its cell does: "35%" at the right, no spin arrows (the "%" stood beside
    them, "35.0 %" at the left, in a workshop); the arrow keys and the wheel still step it by 5."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSingleStep(5)
        self.setFrame(False)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # as the cell
        self.setAccessibleName("Probability")


class _RiskDelegate(EditorDelegate):
    """A percent spin box for the probability, a team list for the owner; plain text elsewhere."""

    def __init__(self, doc: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        if index.column() == COLUMN_INDEX["owner"]:
            return self.make_combo(
                parent, [("(none)", None), *((t.name, t.id) for t in self.doc.plan.teams)], name="Owner"
            )
        if index.column() == COLUMN_INDEX["probability"]:
            return _PercentEditor(parent)
        return super().createEditor(parent, option, index)

    def set_combo_value(
        self, combo: QComboBox, index: QModelIndex | QPersistentModelIndex, value: Any
    ) -> None:
        super().set_combo_value(combo, index, value or None)  # no owner: "" in the model, None in the list

    def combo_value(self, combo: QComboBox) -> Any:
        return combo.currentData() or ""


class RiskRegisterView(QWidget):
    """The risk register: a table (edit in place) with Add and Remove; every change is one undo step."""

    message = Signal(str)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = RiskTableModel(doc, self)
        self.table = QTableView(self)
        self.table.setObjectName("riskTable")
        self.table.setAccessibleName("Risk register")
        self.table.setModel(self.model)
        self.table.setItemDelegate(_RiskDelegate(doc, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self._fit_rows()
        # Id, probability and impact whole; the risk, its decisions, the mitigation and the owner share the rest,
        # eliding (in full in the editor and the tooltips).
        self.columns = ColumnFit(
            self.table,
            [COLUMN_INDEX[key] for key in ("title", "decisions", "mitigation", "owner")],
            least_chars=16,
        )

        self.add_button = QPushButton("Add Risk", self)
        self.add_button.setToolTip(
            "Add a risk to the register (it delays the selected decisions when it fires)"
        )
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setToolTip("Remove the selected risks")
        self.count = QLabel(self)
        # The register's title on its button row, not above it as a group box's: a line more of the register on a
        # laptop's short tab (1366x768 at 125 %).
        self.title = QLabel("<b>Risk register</b>", self)
        self.title.setObjectName("riskRegisterTitle")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title)
        bar.addSpacing(8)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        self.add_button.clicked.connect(self.add_risk)
        self.remove_button.clicked.connect(self.remove_selected)
        self.model.edit_refused.connect(self.message)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        for sig in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            sig.connect(self._update_buttons)
        self._update_buttons()

    def _fit_rows(self) -> None:
        """Rows a line of text high (the style's 30 px showed two risks and a half at 1280x720), and the table
        at least :data:`REGISTER_ROWS` rows and its header tall, in its font as it is now: on a short screen
        (1024x768) the splitter squeezed the register to its buttons; the whole tab scrolls instead."""
        fm = self.table.fontMetrics()
        row = max(fm.height() + 8, int(fm.height() * 1.5))
        self.table.verticalHeader().setDefaultSectionSize(row)
        self.table.verticalHeader().setMinimumSectionSize(min(row, fm.height() + 4))
        head = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(head + REGISTER_ROWS * row + 2 * self.table.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._fit_rows()

    def add_risk(self) -> str | None:
        """Add a risk that delays the selected decisions, and start editing its title."""
        rid = self.doc.add_risk("New risk", decisions=list(self.doc.selection))
        if rid is None:
            return None
        row = self.model.rowCount() - 1
        index = self.model.index(row, COLUMN_INDEX["title"])
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if self.isVisible():
            self.table.edit(index)
        return rid

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            plan_rows = [self.doc.plan.risks.index(self.model.risk_at(r)) for r in rows]
            self.doc.remove_risks(plan_rows)
            self.message.emit(f"Removed {units.count(len(rows), 'risk')} (Undo brings them back)")

    def _update_buttons(self, *_args: Any) -> None:
        self.remove_button.setEnabled(bool(self.selected_rows()))
        n = self.model.rowCount()
        self.count.setText(units.count(n, "risk"))


def _finish_chart_size(dpi: float) -> tuple[int, int]:
    """Pixels the finish-date chart needs at ``dpi``: its title, two-line date axis and percentile labels."""
    return int(4.2 * dpi), int(2.4 * dpi)


def _bars_chart_size(dpi: float) -> tuple[int, int]:
    """Pixels the criticality and sensitivity charts need across at ``dpi`` (their decision names and bars); their
    height is the view's (they fit their bars to it)."""
    return int(4.2 * dpi), 1


class RiskTab(QWidget):
    """Monte Carlo of the plan (see the module docstring). ``runner`` is shared with the window."""

    message = Signal(str)

    def __init__(self, doc: PlanDocument, runner: SimulationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("riskTab")
        self.doc = doc
        self.runner = runner
        self._shown_once = False
        self._by_week: float | None = None

        # -- controls ------------------------------------------------------------------------------------------
        self.iterations = QSpinBox(self)
        self.iterations.setRange(100, 1_000_000)
        self.iterations.setSingleStep(1000)
        self.iterations.setValue(DEFAULT_ITERATIONS)
        self.iterations.setGroupSeparatorShown(True)
        self.iterations.setAccessibleName("Iterations")
        self.iterations.setToolTip("How many times the plan is simulated (more: smoother, slower)")
        self.seed = QSpinBox(self)
        self.seed.setRange(-1, 2_000_000_000)
        self.seed.setValue(0)
        self.seed.setSpecialValueText("random")
        self.seed.setAccessibleName("Seed")
        self.seed.setToolTip(
            "The same seed gives the same results; 'random' (below 0) draws a new one each run"
        )
        self.run_button = QPushButton("Run Simulation", self)
        self.run_button.setObjectName("runSimulation")
        self.run_button.setToolTip("Simulate the plan's uncertain durations and its risks (F5)")
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancelSimulation")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("simulationProgress")
        self.progress.setAccessibleName("Simulation progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%p %")
        self.progress.setMinimumWidth(160)
        self.state_label = QLabel("Not run yet", self)
        self.state_label.setObjectName("simulationState")
        self.state_label.setWordWrap(True)  # wraps rather than widen the tab (presentation type at 1280 px)
        # The controls wrap onto a second line rather than make the tab scroll sideways (at 1024 px beside the
        # inspector one row needed ~660 px: the chart's right side and the state were off the view).
        from planner.ui.presentation.workshop import FlowLayout

        controls = FlowLayout(spacing=6)
        controls.setContentsMargins(6, 6, 6, 2)
        for label, w in (("Iterations:", self.iterations), ("Seed:", self.seed)):
            lab = QLabel(label, self)
            lab.setBuddy(w)
            controls.addWidget(lab)
            controls.addWidget(w)
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress)

        # -- stale banner ------------------------------------------------------------------------------------
        self.stale_banner = QFrame(self)
        self.stale_banner.setObjectName("staleBanner")
        self.stale_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.stale_banner.setStyleSheet(
            "#staleBanner { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 3px; }"
            "#staleBanner QLabel { color: #5c4400; }"
        )
        self.stale_label = QLabel(
            "The plan changed after this simulation: the results below are stale.", self.stale_banner
        )
        self.rerun_button = QPushButton("Re-run", self.stale_banner)
        self.rerun_button.setObjectName("rerunSimulation")
        banner = QHBoxLayout(self.stale_banner)
        banner.setContentsMargins(8, 3, 8, 3)
        banner.addWidget(self.stale_label, 1)
        banner.addWidget(self.rerun_button)
        self.stale_banner.setVisible(False)

        # -- results -------------------------------------------------------------------------------------------
        self.results = QTableWidget(len(_PERCENTILES) + 3, 3, self)
        self.results.setObjectName("simulationResults")
        self.results.setAccessibleName("Finish percentiles")
        self.results.setHorizontalHeaderLabels(["Finish", "Week", "Date"])
        self.results.verticalHeader().setVisible(False)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rh = self.results.horizontalHeader()
        rh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        rh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        rh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        labels = [f"P{q}" for q in _PERCENTILES] + ["Mean", "Std. deviation", "CPM (likely)"]
        tips = [f"{q} % of iterations finish by then" for q in _PERCENTILES] + [
            "Average finish over the iterations",
            "Spread of the finish (weeks)",
            "The deterministic schedule with likely durations and no risks",
        ]
        for r, (label, tip) in enumerate(zip(labels, tips, strict=True)):
            item = QTableWidgetItem(label)
            item.setToolTip(tip)
            self.results.setItem(r, 0, item)
        self.results.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.5))
        self._fit_results_height()

        self.by_edit = QLineEdit(self)
        self.by_edit.setObjectName("probabilityBy")
        self.by_edit.setPlaceholderText("week (e.g. 40) or date (YYYY-MM-DD)")
        self.by_edit.setAccessibleName("Probability of finishing by")
        self.by_edit.setToolTip("A week number from the plan start, or a date when the plan has a start date")
        self.by_result = QLabel(self)
        self.by_result.setObjectName("probabilityByResult")
        self.by_result.setWordWrap(True)
        self.risk_effects = QLabel(self)
        self.risk_effects.setObjectName("riskEffects")
        self.risk_effects.setWordWrap(True)
        self.risk_effects.setTextFormat(Qt.TextFormat.RichText)
        self.risk_effects.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 0, 0, 0)
        self._figures_layout = left_layout
        # The run's state above the figures it describes, not on the controls' row: there it wrapped onto a row of
        # its own in a laptop's tab (1280x720; 1366x768 at 125 %), and the chart lost that row's height.
        left_layout.addWidget(self.state_label)
        left_layout.addWidget(self.results)
        by_label = QLabel("Probability of finishing by:", left)
        by_label.setBuddy(self.by_edit)
        left_layout.addWidget(by_label)
        left_layout.addWidget(self.by_edit)
        left_layout.addWidget(self.by_result)
        left_layout.addSpacing(6)
        left_layout.addWidget(self.risk_effects)
        left_layout.addStretch(1)
        self.figures = left

        self.charts = QTabWidget(self)
        self.charts.setObjectName("riskCharts")
        self.charts.setDocumentMode(True)
        # Readable sizes: at a large font the charts' text grows only as far as they still fit (in 440 x 205 px at
        # 15 pt the finish chart's title, axes and labels were drawn over each other), then they scroll.
        self.finish_chart = FigureView(
            self._draw_finish, "finishChart", self.charts, readable_size=_finish_chart_size
        )
        self.criticality_chart = FigureView(
            self._draw_criticality, "criticalityChart", self.charts, readable_size=_bars_chart_size
        )
        self.tornado_chart = FigureView(
            self._draw_tornado, "tornadoChart", self.charts, readable_size=_bars_chart_size
        )
        self.charts.addTab(self.finish_chart, "Finish date")
        self.charts.addTab(self.criticality_chart, "Criticality")
        self.charts.addTab(self.tornado_chart, "Sensitivity")
        self.charts.setTabToolTip(
            0, "Histogram of the finish with the S-curve (probability of finishing by then)"
        )
        self.charts.setTabToolTip(1, "Share of iterations in which each decision is critical")
        self.charts.setTabToolTip(2, "How strongly each decision's duration drives the finish (correlation)")

        # The figures column scrolls when the tab is short (1280x800, presentation type): squeezed, its labels
        # were drawn over the percentile table.
        left_scroll = QScrollArea(self)
        left_scroll.setObjectName("riskFiguresScroll")
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setWidget(left)
        self.figures_scroll = left_scroll
        # Stacked when the charts would be squeezed beside the figures; beside them, the figures column as wide
        # as its percentile table needs whole, on every plan and after any resize (:meth:`_fit_figures_width`).
        # The charts beside the figures down to their readable width: stacked below 480 px, the percentile table
        # and the register could not both be read in a laptop's 720 x 470 px tab (1366x768 at 125 %).
        top = AdaptiveSplitter(self, main=1, side_exact=True, main_width=_CHARTS_MIN_WIDTH)
        top.addWidget(left_scroll)
        top.addWidget(self.charts)
        top.setStretchFactor(0, 0)
        top.setStretchFactor(1, 1)
        top.setChildrenCollapsible(False)
        self.top = top
        top.stacked_changed.connect(lambda _stacked: self._fit_stacked_figures())
        self._fit_figures_width()

        self.register = RiskRegisterView(doc, self)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("riskSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.register)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 260])
        self.splitter.setChildrenCollapsible(False)
        self._split_dragged = False
        self.splitter.splitterMoved.connect(self._on_split_dragged)
        self.splitter.installEventFilter(self)

        # The whole tab scrolls when the window is shorter than its parts need (presentation type on a 1080 px
        # projector): it never pushes the presenter bar or the status bar off the screen.
        body = PageBody(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(controls)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.splitter, 1)
        scroll_page(body, "riskTabScroll", self)

        self.run_button.clicked.connect(self.run)
        self.rerun_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.by_edit.editingFinished.connect(self._update_by)
        self.register.message.connect(self.message)
        runner.started.connect(self._on_started)
        runner.progress.connect(self._on_progress)
        runner.finished.connect(self._on_finished)
        runner.cancelled.connect(self._on_cancelled)
        runner.failed.connect(self._on_failed)
        runner.stale_changed.connect(self._on_stale)
        doc.plan_reset.connect(self._on_plan_reset)
        if runner.last is not None:
            self._on_finished(runner.last)

    def _on_split_dragged(self, _pos: int, _index: int) -> None:
        self._split_dragged = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._share_height)
        return super().eventFilter(watched, event)

    def top_height_needed(self) -> int:
        """The height the charts and figures need: the finish chart at its readable height under the chart tabs,
        and the figures column whole beside it, its risks' effects too (stacked, the panes' minimum heights). With
        the percentile table alone, the portfolio sample's four effects were one and a half over a scroll bar in a
        1400x860 window, the register under them with 40 px of empty rows (the register keeps its least:
        :meth:`_share_height`)."""
        top = self.top
        if top.orientation() == Qt.Orientation.Vertical:
            return top.minimumSizeHint().height()
        bar = self.charts.tabBar().sizeHint().height()
        chart = _finish_chart_size(type_scale.FIGURE_DPI)[1] + bar + 2 * self.charts.contentsMargins().top()
        spacing = self._figures_layout.spacing()
        table = self.state_label.sizeHint().height() + spacing + self.results.minimumHeight()
        figures = self.figures.sizeHint().height()
        return max(chart, table, figures, top.minimumSizeHint().height())

    def _share_height(self) -> None:
        """The charts and figures their needed height (:meth:`top_height_needed`), the register the rest, at least
        its :data:`REGISTER_ROWS` rows; the room over that shared 3 to 1 (the chart grows). The splitter's own
        shares (3 to 1 of 520 and 260 px) gave the register 2 rows of a 1280x720 window's and the percentile table
        2 of 1366x768 at 125 %, with the table's whole and four risks in the room. Until the user drags it."""
        if self._split_dragged:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        least = max(self.register.minimumSizeHint().height(), self.register.minimumHeight())
        need = self.top_height_needed()
        spare = total - need - least
        top = (
            need + (spare * 3) // 4 if spare > 0 else max(total - least, self.top.minimumSizeHint().height())
        )
        sizes = [top, total - top]
        if sizes != self.splitter.sizes():
            self.splitter.setSizes(sizes)

    def _fit_figures_width(self) -> None:
        """The figures column wide enough for the percentile table's three columns whole ("Std. deviation",
        "52.58", "28 Jan 2028") in the table's font as it is now: at a 15 pt system font 280 px showed the dates as
        "12 ...", and so did presentation type (its font is set after the tab is built: FontChange)."""
        fm = self.results.fontMetrics()
        # A character's width and 8 px beside each text: Qt's cell margins take 6 (two characters more held the
        # charts off their readable width beside the column at 1366x768 and 125 %, and stacked them).
        cells = sum(fm.horizontalAdvance(t) + fm.averageCharWidth() + 8 for t in _WIDEST_RESULT_CELLS)
        self.figures.setMinimumWidth(max(_FIGURES_LEAST_WIDTH, cells + 2 * self.results.frameWidth() + 6))
        scroll = self.figures_scroll
        scroll.setMinimumWidth(self.figures.minimumWidth() + scroll.verticalScrollBar().sizeHint().width())
        if hasattr(self, "top"):
            self.top.want_side(scroll.minimumWidth())

    def _fit_stacked_figures(self) -> None:
        """Stacked above the charts, the figures keep their run's state line and the whole percentile table (the
        page scrolls, :func:`scroll_page`): at 1280x800 with a 150 % font they were squeezed to 68 px, the table's
        header and half of P10 over a scroll bar, the chart below them 250 px tall. Side by side they have the
        charts' height."""
        scroll = self.figures_scroll
        least = 0
        if self.top.orientation() == Qt.Orientation.Vertical:
            margins = self._figures_layout.contentsMargins()
            least = (
                margins.top()
                + self.state_label.sizeHint().height()
                + self._figures_layout.spacing()
                + self.results.minimumHeight()
                + margins.bottom()
                + 2 * scroll.frameWidth()
            )
        if scroll.minimumHeight() != least:
            scroll.setMinimumHeight(least)
            self.top.updateGeometry()

    def _fit_results_height(self) -> None:
        """The percentile table tall enough for its eight rows and header in its font as it is now: at the desk's
        height in presentation type (rows 1.6 times taller and more) it showed P10 to P90 and scrolled the rest, with
        the column below it empty on a 2560x1440 panel."""
        rows = self.results.rowCount()
        self.results.setMinimumHeight(int(self.fontMetrics().height() * 1.5 * (rows + 1.6)))
        if hasattr(self, "top"):
            self._fit_stacked_figures()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "figures_scroll"):
            self._fit_figures_width()
            self._fit_results_height()

    # -- actions --------------------------------------------------------------------------------------------

    def run(self) -> bool:
        """Start a simulation with the chosen iterations and seed (cancelling a running one)."""
        a = self.doc.analysis
        if a is not None and a.schedule is None and self.doc.analysis_current:
            self._set_state("The plan has errors to fix first (see Findings)")
            return False
        seed = self.seed.value()
        return self.runner.start(self.iterations.value(), None if seed < 0 else seed)

    def cancel(self) -> None:
        self.runner.cancel()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if (
                self.runner.last is None
                and not self.runner.running
                and len(self.doc.plan.decisions) < AUTO_RUN_LIMIT
                and self.doc.plan.decisions
            ):
                QTimer.singleShot(0, self.run)

    # -- runner notifications -----------------------------------------------------------------------------
    def _on_started(self) -> None:
        self.run_button.setEnabled(False)
        self.rerun_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, max(1, self.iterations.value()))
        self.progress.setValue(0)
        self._set_state("Simulating…")

    def _set_state(self, text: str) -> None:
        """The run's state line (above the percentile table, wrapping in its column)."""
        self.state_label.setText(text)

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress.maximum() != total:
            self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _idle(self) -> None:
        self.run_button.setEnabled(True)
        self.rerun_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_cancelled(self) -> None:
        self._idle()
        self.progress.setValue(0)
        self._set_state(
            "Cancelled"
            + (" (the results shown are from the previous run)" if self.runner.last is not None else "")
        )
        self.message.emit("Simulation cancelled")

    def _on_failed(self, error: str) -> None:
        self._idle()
        self.progress.setValue(0)
        self._set_state(f"The simulation failed: {error}")

    def _on_stale(self, stale: bool) -> None:
        self.stale_banner.setVisible(stale and self.runner.last is not None)

    def _on_plan_reset(self) -> None:
        self.by_edit.clear()
        self._by_week = None

    def _on_finished(self, run: SimulationRun) -> None:
        self._idle()
        r = run.result
        self.progress.setRange(0, max(1, r.iterations))
        self.progress.setValue(r.iterations)
        self._set_state(f"{r.iterations:,} iterations, seed {r.seed}, {run.seconds:.2f} s")
        self._on_stale(self.runner.stale)
        rows: list[tuple[float | None, bool]] = [(r.percentile(q), True) for q in _PERCENTILES]
        rows += [(r.mean, True), (r.std, False), (r.deterministic_finish, True)]
        for k, (value, is_date) in enumerate(rows):
            # The one rule for weeks (two decimals at most), as the chart beside it, the CLI and the report write them.
            week = QTableWidgetItem(fmt.weeks(value))
            week.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            date = r.date_of(value) if (is_date and value is not None) else None
            self.results.setItem(k, 1, week)
            self.results.setItem(k, 2, QTableWidgetItem(_date_text(date)))
        self.results.setColumnHidden(2, r.start_date is None)
        self._show_risk_effects(run)
        self._update_by(redraw=False)  # the finish chart (with its by-week line) is redrawn just below, once
        for view in (self.finish_chart, self.criticality_chart, self.tornado_chart):
            view.redraw()

    def _show_risk_effects(self, run: SimulationRun) -> None:
        effects = sorted(run.result.risks, key=lambda e: (-e.delta, e.id))
        if not effects:
            self.risk_effects.setText(
                "<i>No risks in the register: the spread comes from the duration estimates alone.</i>"
            )
            return
        lines = ["<b>What each risk adds to P80</b><table cellspacing='0' cellpadding='1'>"]
        for e in effects[:8]:
            lines.append(
                f"<tr><td>{_html(e.title)}</td><td align='right'>&nbsp;+{fmt.weeks(e.delta)}"
                f"&nbsp;wk</td><td align='right' style='color:{status_css('muted')}'>&nbsp;fired {_html(units.format_share(e.fired))}</td></tr>"
            )
        lines.append("</table>")
        if len(effects) > 8:
            lines.append(f"<i>and {len(effects) - 8} more</i>")
        self.risk_effects.setText("".join(lines))
        QTimer.singleShot(0, self._share_height)  # the figures column's height changed

    def _update_by(self, redraw: bool = True) -> None:
        """The probability of finishing by the week or date typed, and (``redraw``) its line on the finish chart."""
        from planner.analysis.montecarlo import parse_when

        text = self.by_edit.text().strip()
        r = self.runner.result
        if not text:
            self._by_week = None
            self.by_result.setText("")
        else:
            try:
                self._by_week = parse_when(text, self.doc.plan.start_date)
            except ValueError as exc:
                self._by_week = None
                self.by_result.setText(str(exc))
            else:
                if r is None:
                    self.by_result.setText("Run the simulation to see the probability.")
                else:
                    p = r.probability_by(self._by_week)
                    date = r.date_of(self._by_week)
                    self.by_result.setText(
                        f"<b>{_html(units.format_share(p))}</b> of iterations finish by week "
                        f"{fmt.weeks(self._by_week)}" + (f" ({units.format_date(date)})" if date else "")
                    )
        if redraw:
            self.finish_chart.redraw()

    # -- charts -----------------------------------------------------------------------------------------------
    def _message(self, fig: Any) -> bool:
        if self.runner.result is not None:
            return False
        fig.text(
            0.5,
            0.5,
            "Run the simulation to see when the plan is likely to finish.",
            ha="center",
            va="center",
            fontsize=11,
            color="#555555",
        )
        return True

    def _draw_finish(self, fig: Any) -> None:
        if self._message(fig):
            return
        from planner.charts.risk import draw_risk

        draw_risk(fig, self.runner.result, by=self._by_week)

    def _draw_criticality(self, fig: Any) -> None:
        if self._message(fig):
            return
        from planner.charts.risk import draw_criticality

        draw_criticality(fig, self.runner.result)

    def _draw_tornado(self, fig: Any) -> None:
        if self._message(fig):
            return
        from planner.charts.risk import draw_tornado

        draw_tornado(fig, self.runner.result)


_CHARTS_MIN_WIDTH = _finish_chart_size(type_scale.FIGURE_DPI)[0] + 4
"""The narrowest the risk charts are shown beside the figures column (their readable width)."""

_FIGURES_LEAST_WIDTH = 260
"""The figures column's least width (pixels), its percentile table needing less: with the charts' readable width
beside it, it fits a 1366x768 laptop's tab at 125 % (720 px beside the inspector); 280 stacked the panes there."""

_WIDEST_RESULT_CELLS = ("Std. deviation", "000.00", "28 Sep 2028")
"""The widest text each column of the percentile table shows (label, week, date)."""


def _date_text(date: dt.date | None) -> str:
    return units.format_date(date)


def _html(text: str) -> str:
    import html

    return html.escape(text)
