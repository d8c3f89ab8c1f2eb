"""The main window: views (Table, Graph and later charts) as tabs, inspector and findings as docks, the status
bar, menus, files, prompts and crash recovery.

Prompts (unsaved changes, load errors, recovery) are opened window-modal with ``open()``, never ``exec()``, and
kept in ``active_prompt`` so that tests can click their buttons.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from planner.model import Plan, PlanLoadError, dump_plan, load_plan, units, write_text_atomic
from planner.model.io import disk_full_text, output_target
from planner.model.sessions import clean_folder_temps, clean_stale_temps
from planner.templates import load_template
from planner.ui import screen_fit
from planner.ui.canvas import GraphCanvas
from planner.ui.dialogs.save_name import completed_name
from planner.ui.presentation.mode import PresentationController
from planner.ui.state import recovery, settings
from planner.ui.state.background import SimulationRunner
from planner.ui.state.document import PlanDocument
from planner.ui.state.file_guard import (
    FileGuard,
    is_read_only,
    on_read_only_disk,
    shown_path,
)
from planner.ui.views import fallback_fonts
from planner.ui.views.busy import wait_cursor
from planner.ui.views.inspector import InspectorPanel
from planner.ui.views.panels import FindingsPanel, PlanStatusBar
from planner.ui.views.plan_view import PlanView
from planner.ui.views.table_view import DecisionsView
from planner.units import quoted

if TYPE_CHECKING:  # imported when the report dialog is first opened, not before the window's first paint
    from planner.ui.dialogs.report_dialog import ReportDialog

log = logging.getLogger(__name__)

APP_TITLE = "Scaling Roadmap Planner"
ABOUT_TWO_COLUMNS_BELOW = 480
"""Screens shorter than this (logical px) get Help > About's library list two to a row."""
FILE_FILTER = (
    "Plans and projects (*.plan.json *.json *.xml *.mpx *.xer *.gan *.csv *.xlsx *.xls *.ods);;Plan files (*.plan.json *.json);;"
    "Other tools' projects, imported (*.xml *.mpx *.xer *.gan *.csv *.xlsx *.xls *.ods *.mpp *.mpt *.pod *.pp *.fts "
    "*.ppx *.planner *.pep *.cdpx *.cdpz *.gnt *.sp *.schedule *.sdef);;All files (*)"
)
# Crash-recovery timing: planner.ui.state.recovery (SNAPSHOT_DELAY_MS, PERIODIC_MS).


def make_canvas(doc: PlanDocument) -> tuple[QWidget, bool]:
    """The graph canvas, or a placeholder saying why it could not be built. (widget, is_canvas)."""
    try:
        return GraphCanvas(doc), True
    except Exception as exc:  # a broken canvas must not stop the app from opening
        log.exception("graph canvas failed")
        return _placeholder(f"The dependency graph could not be shown:\n{exc}"), False


def chart_tab_names() -> list[tuple[str, str]]:
    """(name, title) of the charts shown as tabs (:class:`LazyChartTab`: matplotlib stays unloaded until a chart
    is shown). Only the plan charts: risk and load charts live in the Risk and Capacity tabs."""
    return list(CHART_TABS)


def view_key(n: int) -> str | None:
    """The key that shows the ``n``-th view (1 = Table): Ctrl+1 … Ctrl+8 (Ctrl+9 and Ctrl+0 are Fit and Actual
    Size), then Alt+1, Alt+2, … (Capacity, Cost, Coverage). The menus, the tabs' tool tips and Help > Keyboard
    Shortcuts show these."""
    if 1 <= n <= 8:
        return f"Ctrl+{n}"
    if 9 <= n <= 17:
        return f"Alt+{n - 8}"
    return None


CHART_TABS = (
    ("gantt", "Gantt"),
    ("graph", "Dependency graph"),
    ("roadmap", "Roadmap"),
    ("stages", "Stage timeline"),
    ("critical-path", "Critical path"),
)


class LazyChartTab(QWidget):
    """Holds a :class:`planner.ui.tabs.chart_tab.ChartTab`, built (and matplotlib imported) when first shown."""

    def __init__(self, doc: PlanDocument, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QVBoxLayout

        self.doc = doc
        self.name = name
        self.chart: Any = None
        self.setObjectName(f"chartTab-{name}")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> Any:
        if self.chart is None:
            try:
                from planner.ui.tabs.chart_tab import ChartTab

                self.chart = ChartTab(self.doc, self.name, self)
                self.show_baseline()
            except Exception as exc:  # a broken chart must not take the window down
                log.exception("chart tab %s failed", self.name)
                self.chart = _placeholder(f"This chart could not be shown:\n{exc}")
            self._layout.addWidget(self.chart)
        return self.chart

    def showEvent(self, event: Any) -> None:
        self.ensure_built()
        super().showEvent(event)

    def show_baseline(self) -> None:
        """Tick the chart's Baseline option (Gantt) when the plan has a baseline to show."""
        box = getattr(self.chart, "options", {}).get("baseline") if self.chart is not None else None
        if box is not None and self.doc.plan.baselines and not box.isChecked():
            box.setChecked(True)

    def shutdown(self) -> None:
        fn = getattr(self.chart, "shutdown", None)
        if callable(fn):
            fn()


def _placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setObjectName("graphPlaceholder")
    return label


class MainWindow(QMainWindow):
    def __init__(
        self, path: str | None = None, plan: Plan | None = None, persist_layout: bool = True
    ) -> None:
        super().__init__()
        self.persist_layout = persist_layout
        self._layout_restored = False
        self._shown_once = False
        self._dock_fit_pending = False
        self._docks_fitted_width = 0  # the window's width when the docks were last fitted
        self._layout_fitted = (
            False  # the first fit (a layout restored from a bigger screen) bounds the inspector
        )
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)  # a plan (or another tool's file) dragged in opens as File > Open
        self.doc = PlanDocument(plan or load_template("blank"), None, self)
        self.active_prompt: QMessageBox | None = None
        self.saves = 0  # plans saved by this window (a save asked about first goes on after the question)
        self._close_confirmed = False
        self._closed = False
        self.recovery = recovery.RecoveryFile()

        # Views: the central tab widget; later tabs (charts) come through add_view_tab().
        self.chart_tabs: dict[str, LazyChartTab] = {}
        self.report_dialog: Any = None
        self.import_dialog: Any = None  # File > Import…'s step (planner.ui.dialogs.interop), while open
        self.baseline_prompt: QInputDialog | None = None
        self.views = QTabWidget(self)
        self.views.setObjectName("views")
        self.views.setDocumentMode(True)
        self.views.setMovable(True)
        # Down, Enter or Return on the tab bar go into the view shown (its first keyboard focus on opening a plan)
        self.views.tabBar().installEventFilter(self)
        self.table_view = DecisionsView(self.doc, self.views)
        self.views.addTab(self.table_view, "Table")
        self.canvas, self.has_canvas = make_canvas(self.doc)
        if isinstance(self.canvas, GraphCanvas):
            # The graph's scene takes every drag (to find an item for it): a file dragged there is the window's.
            self.canvas.viewport().installEventFilter(self)
        self.views.addTab(self.canvas, "Graph")
        scene = getattr(self.canvas, "graph_scene", None)
        if scene is not None:  # a large plan's graph, once built, is set aside by the collector too
            # (each slice of a build restarts the wait, so the collection never lands in the middle of one: it
            # cost ~0.2-0.4 s of a 10,000-decision build when the analysis arrived a second before its end)
            scene.build_changed.connect(self.doc.settle_heap)
        self._set_view_tip(0, "All decisions with their schedule")
        self._set_view_tip(1, "The dependency graph")
        self.setCentralWidget(self.views)
        self.simulation = SimulationRunner(self.doc, self)

        # Docks
        self.inspector = InspectorPanel(self.doc, self)
        self.plan_view = PlanView(self.doc, self)
        self.inspector_tabs = QTabWidget(self)
        self.inspector_tabs.setObjectName("inspectorTabs")
        self.inspector_tabs.setDocumentMode(True)
        self.inspector_tabs.addTab(self.inspector, "Decision")
        self.inspector_tabs.addTab(self.plan_view, "Plan && stages")
        # With nothing selected the inspector shows the plan (title, start, stages with their windows, areas,
        # teams), editable there; its Decision page was a hint in an empty third of the window.
        self.inspector_tabs.setCurrentWidget(self.plan_view)
        self.inspector_dock = self._dock(
            "Inspector", "inspectorDock", self.inspector_tabs, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.findings = FindingsPanel(self.doc, self)
        self.findings_dock = self._dock(
            "Findings", "findingsDock", self.findings, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        for dock in (self.inspector_dock, self.findings_dock):
            # A dock shown or hidden changes the window's least height: fitted again to a short screen.
            dock.visibilityChanged.connect(self._on_dock_shown_or_hidden)
        self.status = PlanStatusBar(self.doc, self)
        self.setStatusBar(self.status)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )

        self._build_actions()
        self._build_menus()
        from planner.ui.scenario_bar import ScenarioBar

        self.scenario_bar = ScenarioBar(self)  # Scenario menu and toolbar (issue 13)
        self._add_analysis_tabs()
        self.presentation = PresentationController(self)  # View > Presentation Mode (F11)
        self.presentation_action = self.presentation.toggle_action

        # Messages from views, titles, recovery
        for src in (self.table_view, self.inspector.form, self.plan_view):
            src.message.connect(self.show_message)
        self.inspector.form.highlight_chain_requested.connect(self.highlight_chain)
        self.table_view.model.edit_refused.connect(self.edit_refused)
        self.status.findings_clicked.connect(self._show_findings)
        self.doc.modified_changed.connect(self._update_title)
        self.doc.path_changed.connect(lambda _p: self._update_title())
        self.doc.plan_changed.connect(self._on_plan_changed)
        # Characters no font in Qt draws (a title in Chinese): the fonts the charts and the report use, in Qt too
        self.doc.plan_reset.connect(lambda: self._cover_fonts(fallback_fonts.plan_texts(self.doc.plan)))
        self.doc.plan_meta_changed.connect(
            lambda: self._cover_fonts(fallback_fonts.plan_texts(self.doc.plan))
        )
        self.doc.decision_changed.connect(
            lambda d, fields: self._cover_fonts([d.title]) if "title" in fields else None
        )
        self._cover_fonts(fallback_fonts.plan_texts(self.doc.plan))
        self.doc.selection_changed.connect(self._on_selection_changed)
        self.doc.undo_stack.canUndoChanged.connect(self._update_undo_actions)
        self.doc.undo_stack.canRedoChanged.connect(self._update_undo_actions)
        self.doc.undo_stack.undoTextChanged.connect(self._update_undo_actions)
        self.doc.undo_stack.redoTextChanged.connect(self._update_undo_actions)
        self.doc.undo_stack.cleanChanged.connect(self._on_clean_changed)
        # Crash recovery: a snapshot at most recovery.SNAPSHOT_DELAY_MS after the first unsaved edit (issue 11).
        self.recovery_writer = recovery.RecoveryWriter(self.doc, self.recovery, self)
        self.recovery_writer.install(self.status)
        self.unreadable_recovery: list[recovery.Unreadable] = []
        # Outside changes to the open file, and the same plan open in another instance (issue 11).
        self.file_guard = FileGuard(self)
        # Each snapshot keeps the digest of the file its edits are based on: a restore tells if the file moved on.
        self.recovery_writer.base_digest = lambda: self.file_guard.known
        self.recovery_writer.base_bytes = lambda: self.file_guard.base

        # Copy/paste, context menus, main tool bar, tidy, find on graph, export chart, help (issue 9).
        from planner.ui.workbench import install as install_workbench

        self.workbench = install_workbench(self)

        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        # Never larger than the screen, and every dialog fitted to it when shown (small projectors, scale 2).
        screen_fit.place_main_window(self)
        self.screen_fitter = screen_fit.install(self)
        if persist_layout:
            self.restore_layout()
        self._update_title()
        self._update_undo_actions()
        self._on_selection_changed([])
        self._refresh_recent_menu()
        self._keyboard_to_view()  # the blank plan's table, not the tab bar (an opened plan's view: _set_plan)
        if path is not None:
            self.open_file(path)

    # -- construction ----------------------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot: Callable[..., Any], shortcut: Any = None, tip: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                act.setShortcuts(shortcut)
            else:
                act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setToolTip(tip)
            act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_action = self._action("&New…", self.ask_new, K.New, "Start a new plan from a template")
        self.open_action = self._action("&Open…", self.ask_open, K.Open, "Open a plan file")
        self.save_action = self._action("&Save", self.save, K.Save, "Save the plan")
        self.save_as_action = self._action(
            "Save &As…", self.save_as, K.SaveAs, "Save the plan under a new name"
        )
        self.revert_action = self._action(
            "&Revert", self.ask_revert, None, "Reload the file, dropping changes"
        )
        self.close_action = self._action("&Quit", self.close, K.Quit, "Close the window")
        self.undo_action = self._action("&Undo", self.undo, K.Undo)
        # The platform's redo keys plus both common ones, each once: a key bound twice to one action is an
        # "ambiguous shortcut" and does nothing (Ctrl+Y, where the platform's redo is Ctrl+Y, as on Windows).
        redo_keys: list[QKeySequence] = []
        for key in [*QKeySequence.keyBindings(K.Redo), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]:
            if key not in redo_keys:
                redo_keys.append(key)
        self.redo_action = self._action("&Redo", self.redo, redo_keys)
        self.add_action = self._action(
            "&Add Decision", self.add_decision, "Ctrl+Return", "Add a decision after the selected one"
        )
        self.duplicate_action = self._action(
            "D&uplicate", self.duplicate_selected, "Ctrl+D", "Duplicate the selected decisions"
        )
        self.delete_action = self._action(
            "&Delete", self.delete_selected, K.Delete, "Delete the selected decisions with their dependencies"
        )
        # Re-ordering (the file's and the Gantt's order): the table's sorting only sorts the view.
        self.move_up_action = self._action(
            "Move &Up",
            lambda: self.move_selected(-1),
            "Alt+Shift+Up",
            "Move the selected decisions up in the plan",
        )
        self.move_down_action = self._action(
            "Move Do&wn",
            lambda: self.move_selected(1),
            "Alt+Shift+Down",
            "Move the selected decisions down in the plan",
        )
        self.find_action = self._action("&Find…", self.table_view_find, K.Find, "Filter the decisions table")
        self.clear_filters_action = self._action("Clear Filters", self.table_view.clear_filters, None)
        self.zoom_in_action = self._action(
            "Zoom &In", lambda: self._canvas_call("zoom_in"), [QKeySequence(K.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.zoom_out_action = self._action("Zoom &Out", lambda: self._canvas_call("zoom_out"), K.ZoomOut)
        self.reset_zoom_action = self._action(
            "&Actual Size", lambda: self._canvas_call("reset_zoom"), "Ctrl+0"
        )
        self.fit_action = self._action("&Fit to Window", lambda: self._canvas_call("fit_to_view"), "Ctrl+9")
        self.show_table_action = self._action("&Table", lambda: self.focus_view(self.table_view), view_key(1))
        self.show_graph_action = self._action("&Graph", lambda: self.focus_view(self.canvas), view_key(2))
        self.about_action = self._action("&About", self.about)
        self.save_baseline_action = self._action(
            "Save &Baseline…",
            self.ask_save_baseline,
            None,
            "Keep the current schedule as a named baseline to compare with",
        )
        self.run_simulation_action = self._action(
            "Run &Simulation",
            self.run_simulation,
            "F5",
            "Simulate the plan's uncertain durations and risks (Risk tab)",
        )
        self.export_report_action = self._action(
            "Export &Report…", self.export_report, "Ctrl+Shift+E", "Write a PDF report of the plan"
        )
        self.import_action = self._action(
            "&Import…",
            self.ask_import,
            "Ctrl+I",
            "Import MS Project XML, GanttProject, CSV or Excel as a new plan",
        )
        self.export_as_action = self._action(
            "E&xport As…",
            self.ask_export,
            None,
            "Write the plan for MS Project, GanttProject, Excel, CSV, TaskJuggler, Mermaid or Graphviz",
        )
        self.print_action = self._action(
            "&Print…", lambda: self._chart_call("print_dialog"), K.Print, "Print the chart shown"
        )
        self.print_preview_action = self._action(
            "Print Pre&view…", lambda: self._chart_call("print_preview"), None, "Preview the printed chart"
        )
        for act in (self.zoom_in_action, self.zoom_out_action, self.reset_zoom_action, self.fit_action):
            act.setEnabled(self.has_canvas)
        # Delete in the canvas removes its selected items (the canvas handles the key itself).
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table_view.table.addAction(self.delete_action)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu("&File")
        m.addActions([self.new_action, self.open_action])
        self.recent_menu = m.addMenu("Open &Recent")
        m.addAction(self.import_action)
        m.addSeparator()
        m.addActions([self.save_action, self.save_as_action, self.revert_action])
        m.addSeparator()
        m.addActions(
            [self.export_report_action, self.export_as_action, self.print_preview_action, self.print_action]
        )
        m.addSeparator()
        m.addAction(self.close_action)
        m = mb.addMenu("&Edit")
        m.addActions([self.undo_action, self.redo_action])
        m.addSeparator()
        m.addActions([self.add_action, self.duplicate_action, self.delete_action])
        m.addActions([self.move_up_action, self.move_down_action])
        m.addSeparator()
        m.addActions([self.find_action, self.clear_filters_action])
        m = mb.addMenu("&View")
        self.view_menu = m
        m.addActions([self.show_table_action, self.show_graph_action])
        self._views_end = m.addSeparator()
        m.addActions([self.zoom_in_action, self.zoom_out_action, self.reset_zoom_action, self.fit_action])
        m.addSeparator()
        m.addAction(self.inspector_dock.toggleViewAction())
        m.addAction(self.findings_dock.toggleViewAction())
        m = mb.addMenu("&Plan")
        self.plan_menu = m
        m.addAction(self.save_baseline_action)
        self.baselines_menu = m.addMenu("Compare with Baseline")
        self.baselines_menu.aboutToShow.connect(self._refresh_baselines_menu)
        m.addSeparator()
        m.addAction(self.run_simulation_action)
        m = mb.addMenu("&Help")
        m.addAction(self.about_action)

    def _add_analysis_tabs(self) -> None:
        """Risk and Capacity tabs (cheap until shown: their charts load matplotlib on first show), and one tab
        per chart of :data:`planner.charts.CHARTS` when the chart tab widget is part of this build."""
        from planner.ui.tabs.capacity_tab import CapacityTab
        from planner.ui.tabs.risk_tab import RiskTab

        for name, title in chart_tab_names():
            tab = LazyChartTab(self.doc, name, self.views)
            self.chart_tabs[name] = tab
            self.add_view_tab(tab, title, f"The {title.lower()} chart")
        self.risk_tab = RiskTab(self.doc, self.simulation, self.views)
        self.add_view_tab(
            self.risk_tab, "Risk", "Monte Carlo simulation of the finish, and the risk register (F5 runs it)"
        )
        self.capacity_tab = CapacityTab(self.doc, self.views)
        self.add_view_tab(
            self.capacity_tab, "Capacity", "Team load against capacity, and the levelled schedule"
        )
        from planner.ui.tabs.cost_tab import CostTab
        from planner.ui.tabs.coverage_tab import CoverageTab

        self.cost_tab = CostTab(self.doc, self.simulation, self.views)
        self.add_view_tab(
            self.cost_tab, "Cost", "What the plan costs: spend curve, cost by stage, budget and its odds"
        )
        self.coverage_tab = CoverageTab(self.doc, self.views)
        self.add_view_tab(
            self.coverage_tab, "Coverage", "NIST AI RMF, ISO/IEC 42001 and EU AI Act coverage by stage"
        )
        self.risk_tab.message.connect(self.show_message)
        self.doc.baseline_changed.connect(self._show_baseline_in_charts)
        self.views.currentChanged.connect(self._update_print_actions)
        self._update_print_actions()

    def _show_baseline_in_charts(self, _name: object = None) -> None:
        for tab in self.chart_tabs.values():
            tab.show_baseline()

    def current_chart_tab(self) -> Any:
        """The chart widget of the current tab (a built ChartTab), or None."""
        w = self.views.currentWidget()
        return w.chart if isinstance(w, LazyChartTab) else None

    def _update_print_actions(self, *_args: Any) -> None:
        on_chart = isinstance(self.views.currentWidget(), LazyChartTab)
        self.print_action.setEnabled(on_chart)
        self.print_preview_action.setEnabled(on_chart)

    def _chart_call(self, name: str) -> Any:
        w = self.views.currentWidget()
        if not isinstance(w, LazyChartTab):
            return None
        chart = w.ensure_built()
        fn = getattr(chart, name, None) if chart is not None else None
        if not callable(fn):
            self.show_message("This chart cannot be printed in this build")
            return None
        return fn()

    def export_report(self) -> ReportDialog:
        """Open the report dialog (window-modal, ``open()``); returns it."""
        from planner.ui.dialogs.report_dialog import ReportDialog

        self.commit_pending()
        dialog = ReportDialog(self.doc, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.report_written.connect(lambda path: self.show_message(f"Wrote the report {path}"))
        dialog.finished.connect(lambda _r: setattr(self, "report_dialog", None))
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def run_simulation(self) -> None:
        self.views.setCurrentWidget(self.risk_tab)
        self.risk_tab.run()

    # -- baselines -------------------------------------------------------------------------------------------
    def ask_save_baseline(self) -> QInputDialog | None:
        """Ask for a name (window-modal, ``open()``) and save the current schedule as that baseline. None (and
        why, in the status bar) while a scenario is shown: a scenario does not keep baselines."""
        if self._baseline_refused():
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("baselinePrompt")
        dialog.setWindowTitle("Save baseline")
        dialog.setLabelText("Keep the current schedule as a baseline named:")
        existing = {b.name for b in self.doc.plan.baselines}
        k = len(existing) + 1
        while f"Baseline {k}" in existing:
            k += 1
        dialog.setTextValue(f"Baseline {k}")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.save_baseline)
        dialog.finished.connect(lambda _r: setattr(self, "baseline_prompt", None))
        self.baseline_prompt = dialog
        dialog.open()
        return dialog

    def _baseline_refused(self) -> bool:
        """True (said in the status bar) while a scenario is shown. Its plan took the baseline, the status bar
        said "Saved baseline", and the baseline was in neither Base nor the file (a scenario records decisions,
        links, capacity and risk odds only)."""
        active = self.doc.scenarios.active
        if active is None:
            return False
        self.show_message(
            f"Baseline not saved: baselines are kept in Base, not in scenario {quoted(active)}. "
            "Show Base (Scenario > Show) to save one; a scenario compares against Base's baselines.",
            15000,
        )
        return True

    def save_baseline(self, name: str) -> bool:
        self.commit_pending()
        if self._baseline_refused():
            return False
        replacing = bool(name.strip()) and self.doc.plan.baseline(name.strip()) is not None
        problem = self.doc.save_baseline(name)
        if problem:
            self.show_message(f"Baseline not saved: {problem}")
            return False
        self.show_message(
            f"{'Replaced' if replacing else 'Saved'} baseline '{name.strip()}': the table shows "
            "the slip against it (Undo removes it)"
        )
        return True

    def _refresh_baselines_menu(self) -> None:
        menu = self.baselines_menu
        menu.clear()
        current = self.doc.current_baseline()
        for b in reversed(self.doc.plan.baselines):
            act = menu.addAction(b.name)
            act.setCheckable(True)
            act.setChecked(b is current)
            act.triggered.connect(lambda _c=False, n=b.name: self.doc.set_baseline_name(n))
        if not self.doc.plan.baselines:
            menu.addAction("(no baselines yet)").setEnabled(False)

    def add_view_tab(self, widget: QWidget, title: str, tip: str = "") -> int:
        """Add a view (e.g. a chart) as a tab next to Table and Graph, with its key (:func:`view_key`) in the View
        menu and in its tool tip; returns its tab index."""
        index = self.views.addTab(widget, title)
        act = QAction(title, self)
        act.triggered.connect(lambda _c=False, w=widget: self.focus_view(w))
        key = view_key(self.views.count())
        if key is not None:
            act.setShortcut(QKeySequence(key))
        self.addAction(act)
        self.view_menu.insertAction(self._views_end, act)  # after the other views, in tab order
        self._set_view_tip(index, tip or title)
        return index

    def _set_view_tip(self, index: int, tip: str) -> None:
        """The tab's tool tip, with the key that shows it (the n-th view added: tabs can be moved)."""
        key = view_key(index + 1)
        self.views.setTabToolTip(index, f"{tip} ({key})" if key else tip)

    def focus_view(self, widget: QWidget) -> None:
        """Show ``widget``'s view and put the keyboard in it (its key, Ctrl+1 …, or the View menu): with the focus
        on the views' tab bar or in a dock, Ctrl+1 showed the table and left the arrows to the tab bar."""
        self.views.setCurrentWidget(widget)
        target = self.table_view.table if widget is self.table_view else widget
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _keyboard_to_view(self) -> None:
        """The keyboard in the view shown (the decisions table, the graph, a chart) once a plan is in the window:
        the window's first focus was the views' tab bar, where a presenter's first Down or Space did nothing to
        the decisions. Not while presenting (the deck has the keys)."""
        shown = self.views.currentWidget()
        if shown is not None and not self.presentation.active:
            self.focus_view(shown)

    def show_view(self, title: str) -> None:
        for i in range(self.views.count()):
            if self.views.tabText(i).replace("&", "") == title:
                self.views.setCurrentIndex(i)
                return

    # -- state display ---------------------------------------------------------------------------------------
    def _update_title(self, *_args: Any) -> None:
        self.setWindowTitle(f"{self.doc.display_name}[*] — {APP_TITLE}")
        self.setWindowModified(self.doc.is_modified)
        self.revert_action.setEnabled(self.doc.path is not None)

    def _update_undo_actions(self, *_args: Any) -> None:
        stack = self.doc.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(f"&Undo {stack.undoText()}" if stack.canUndo() else "&Undo")
        self.redo_action.setText(f"&Redo {stack.redoText()}" if stack.canRedo() else "&Redo")

    def _on_selection_changed(self, ids: list[str]) -> None:
        self.delete_action.setEnabled(bool(ids))
        self.duplicate_action.setEnabled(bool(ids))
        self.move_up_action.setEnabled(bool(ids))
        self.move_down_action.setEnabled(bool(ids))
        # The inspector follows the selection: the decisions selected, else the plan (see __init__).
        page = self.inspector if ids else self.plan_view
        if self.inspector_tabs.currentWidget() is not page:
            self.inspector_tabs.setCurrentWidget(page)

    def _on_plan_changed(self) -> None:
        """(The recovery writer follows the document's edits itself.)"""

    def _cover_fonts(self, texts: Iterable[str]) -> None:
        if fallback_fonts.cover(texts):
            for widget in QApplication.allWidgets():  # text laid out before with boxes is laid out again
                widget.update()

    def _on_clean_changed(self, clean: bool) -> None:
        """(A clean document's recovery file is removed by the recovery writer.)"""

    def show_message(self, text: str, timeout: int = 8000) -> None:
        self.status.showMessage(text, timeout)

    def _canvas_call(self, name: str, *args: Any) -> None:
        fn = getattr(self.canvas, name, None)
        if callable(fn):
            self.show_view("Graph")
            fn(*args)

    def _show_findings(self) -> None:
        self.findings_dock.show()
        self.findings_dock.raise_()

    def highlight_chain(self, ids: list[str]) -> None:
        if self.has_canvas and hasattr(self.canvas, "highlight_chain"):
            self.views.setCurrentWidget(self.canvas)
            self.canvas.highlight_chain(ids)
        else:
            self.doc.select(ids)

    def table_view_find(self) -> None:
        self.views.setCurrentWidget(self.table_view)
        self.table_view.focus_search()

    # -- edits -----------------------------------------------------------------------------------------------
    def commit_pending(self) -> None:
        """Commit whatever is being typed (a table cell, an inspector field, a Plan & stages field)."""
        self.table_view.commit_editor()
        self.inspector.form.commit_pending()
        self.plan_view.commit_pending()

    def undo(self) -> None:
        self.commit_pending()
        self.doc.undo_stack.undo()

    def redo(self) -> None:
        self.commit_pending()
        self.doc.undo_stack.redo()

    def add_decision(self) -> str:
        self.commit_pending()
        after = self.doc.selection[-1] if self.doc.selection else None
        new_id = self.doc.add_decision("New decision", after=after)
        if self.views.currentWidget() is self.table_view:
            self.table_view.table.setFocus()
            # Typing names it (it went into the id). A filter that hides the new row is cleared first: the
            # table's cursor stayed on another decision, and the title typed renamed that one's id.
            if not self.table_view.focus_cell(new_id, "title"):
                self.table_view.clear_filters()
                self.table_view.focus_cell(new_id, "title")
                self.show_message("Filters cleared to show the new decision")
        elif not self.presentation.active:
            # On the graph or a chart, typing did nothing: the inspector's title takes it (selected, so typing
            # replaces "New decision").
            self.workbench.rename_selected()
        return new_id

    def duplicate_selected(self) -> list[str]:
        self.commit_pending()
        new_ids = self.doc.duplicate_decisions(list(self.doc.selection))
        if new_ids and self.views.currentWidget() is self.table_view:
            self.table_view.focus_cell(new_ids[0], "title")  # typing renames the copy, not its id
        return new_ids

    def move_selected(self, step: int) -> bool:
        """Move the selected decisions one place up (-1) or down (+1) in the plan's order; one undo step."""
        self.commit_pending()
        if not self.doc.selection:
            return False
        if self.doc.scenarios.active is not None:
            self.show_message("Decisions are re-ordered in Base: a scenario keeps the base plan's order")
            return False
        if not self.doc.move_decisions(list(self.doc.selection), step):
            self.show_message(f"Already at the {'top' if step < 0 else 'bottom'} of the plan")
            return False
        if self.table_view.model.sort_column >= 0:  # sorted by a column, the table would not show the move
            self.table_view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            self.show_message("Moved; the table shows the plan's order again (it was sorted by a column)")
        return True

    def delete_selected(self) -> None:
        self.commit_pending()
        if self.doc.selection:
            n = len(self.doc.selection)
            self.doc.delete_decisions(list(self.doc.selection))
            self.show_message(f"Deleted {units.count(n, 'decision')} (Undo brings them back)")

    # -- prompts ---------------------------------------------------------------------------------------------
    def _prompt(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        buttons: QMessageBox.StandardButton,
        on_done: Callable[[QMessageBox.StandardButton], None],
        informative: str = "",
        default: QMessageBox.StandardButton | None = None,
    ) -> QMessageBox:
        box = QMessageBox(icon, title, text, buttons, self)
        box.setObjectName("prompt")
        if informative:
            box.setInformativeText(informative)
        if default is not None:
            box.setDefaultButton(default)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def finished(_result: int) -> None:
            clicked = box.clickedButton()
            button = box.standardButton(clicked) if clicked is not None else QMessageBox.StandardButton.Cancel
            if self.active_prompt is box:
                self.active_prompt = None
            box.deleteLater()
            on_done(button)

        box.finished.connect(finished)
        self.active_prompt = box
        box.open()
        return box

    def edit_refused(self, problem: str) -> None:
        """A typed value was refused (table cell): say so in a message box, never silently."""
        if self.active_prompt is None:
            self._prompt(
                QMessageBox.Icon.Warning,
                "Not changed",
                problem[:1].upper() + problem[1:],
                QMessageBox.StandardButton.Ok,
                lambda _b: None,
            )

    def show_info(self, title: str, text: str, informative: str = "") -> QMessageBox:
        """An information box (window-modal, not blocking), e.g. what an export could not carry."""
        return self._prompt(
            QMessageBox.Icon.Information,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            lambda _b: None,
            informative,
        )

    def show_error(self, title: str, text: str, informative: str = "") -> QMessageBox:
        return self._prompt(
            QMessageBox.Icon.Critical,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            lambda _b: None,
            informative,
        )

    def _held_text(self) -> str:
        """A sentence on the estimates typed in the table that are held (out of order, not applied), or ''."""
        n = self.table_view.model.held_count()
        if not n:
            return ""
        return (
            f"{units.count(n, 'estimate')} typed out of order "
            f"{units.agree(n, 'is', 'are')} held in the table, not applied: not in the plan or the file."
        )

    def maybe_save(self, then: Callable[[], None], action: str = "closing") -> QMessageBox | None:
        """Run ``then`` now if there is nothing to save; else ask Save / Discard / Cancel first. Estimates held in
        the table (typed out of order, not applied) count: they would go without a word."""
        self.commit_pending()
        held = self._held_text()
        if not self.doc.is_modified and not held:
            then()
            return None
        SB = QMessageBox.StandardButton

        def done(button: QMessageBox.StandardButton) -> None:
            if button == SB.Save:
                if self.save():
                    then()
                elif self.active_prompt is not None:  # asked first (changed on disk: Overwrite?), or an error
                    before = self.saves
                    self.active_prompt.finished.connect(lambda _r: then() if self.saves > before else None)
            elif button == SB.Discard:
                then()

        return self._prompt(
            QMessageBox.Icon.Warning,
            "Unsaved changes",
            f"Save the changes to {self.doc.display_name} before {action}?",
            SB.Save | SB.Discard | SB.Cancel,
            done,
            "Your changes will be lost if you don't save them." + (f" {held}" if held else ""),
            SB.Save,
        )

    # -- files -----------------------------------------------------------------------------------------------
    def open_file(self, path: str | Path) -> bool:
        """Open ``path`` now (no prompt). A load error is shown in a dialog and the current plan stays. Another
        tool's file (.xml, .gan, .csv, .xlsx) goes through the import step and becomes a new, unsaved plan."""
        path = str(path)
        if not path.lower().endswith(".json"):  # a plan file never goes to the import step (is_import_path)
            from planner.ui.dialogs import interop  # the formats' modules: not for a plan file (start-up)

            if interop.is_import_path(path):
                return interop.start_import(self, path) is not None
        try:
            with wait_cursor():  # a big plan takes seconds to read
                plan = load_plan(path)
        except PlanLoadError as exc:
            from planner.io import format_by_content
            from planner.ui.dialogs import interop

            fmt = format_by_content(path)  # another tool's file with a .json name: not "fix the JSON"
            if fmt is not None:
                interop.offer_import(self, path, fmt)
                return False
            self.show_error("Cannot open plan", f"The plan could not be opened.\n\n{exc}")
            if not Path(path).exists():  # (os.path.realpath: Path.resolve raises on a loop of links)
                settings.remove_recent(os.path.realpath(path))
                self._refresh_recent_menu()
            return False
        with wait_cursor():
            self._set_plan(plan, str(Path(path).resolve()))
        settings.add_recent(path)
        self._refresh_recent_menu()
        n_err = len(self.doc.analysis.errors) if self.doc.analysis else 0
        self.show_message(
            f"Opened {shown_path(Path(path).name)}"
            + (" (read-only: Save As keeps your changes)" if is_read_only(path) else "")
            + (f": {units.count(n_err, 'error')} to fix, see Findings" if n_err else "")
        )
        warning = self.file_guard.open_elsewhere_text()
        if warning:  # after "Opened": this one matters more
            self.show_message(warning, 30000)
        return True

    def ask_import(self) -> None:
        from planner.ui.dialogs import interop

        interop.ask_import(self)

    def ask_export(self) -> bool:
        from planner.ui.dialogs import interop

        return interop.ask_export(self)

    def adopt_imported(self, plan: Plan, message: str) -> None:
        """Show an imported plan as a new, unsaved plan (the title has ``*`` and closing asks to save it)."""
        self._set_plan(plan, None)
        self.doc.undo_stack.resetClean()
        self.show_message(message)

    def _set_plan(self, plan: Plan, path: str | None) -> None:
        self.recovery.remove()
        self.doc.set_plan(plan, path)
        self._guard(path)
        self._keyboard_to_view()
        if len(plan.decisions) < self.doc.SYNC_LIMIT:
            self.doc.analyze_now()  # small: show the schedule with the first paint
        overview = getattr(self.canvas, "overview", None)
        if callable(overview):
            QTimer.singleShot(0, overview)

    def _guard(self, path: str | None) -> None:
        """Watch ``path`` for outside changes, clean up temporary files a killed save left beside it, and warn
        when the plan is open in another instance."""
        if path is not None:
            clean_stale_temps(path)
            clean_folder_temps(Path(path).parent)  # and a killed report's or export's .part beside it
        self.file_guard.watch(path)
        warning = self.file_guard.open_elsewhere_text()
        if warning:
            self.show_message(warning, 30000)

    def new_from_template(self, name: str, start: dt.date | None = None) -> None:
        """Replace the plan with a fresh one from template ``name`` (no prompt), starting on ``start`` when given."""
        plan = load_template(name)
        if start is not None:
            plan.start_date = start
        self._set_plan(plan, None)
        self.show_message(
            f"New plan from the {name} template"
            + (f", starting {units.format_date(start)}" if start is not None else "")
        )

    def ask_new(self) -> None:
        def choose() -> None:
            # A list with wrapped summaries (a combo of "name — summary" lines was wider than the screen).
            from planner.ui.dialogs.basic import NewPlanDialog

            dialog = NewPlanDialog(self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)

            def done(result: int) -> None:
                self.new_plan_dialog: NewPlanDialog | None = None
                name = dialog.chosen()
                if result == NewPlanDialog.DialogCode.Accepted and name:
                    self.new_from_template(name, dialog.start_date())

            dialog.finished.connect(done)
            self.new_plan_dialog = dialog
            dialog.open()

        self.maybe_save(choose, "starting a new plan")

    def ask_open(self, path: str | None = None) -> None:
        def go() -> None:
            target = path
            if target is None:
                start = str(Path(self.doc.path).parent) if self.doc.path else str(Path.home())
                target, _ = QFileDialog.getOpenFileName(self, "Open plan", start, FILE_FILTER)
            if target:
                self.open_file(target)

        self.maybe_save(go, "opening another plan")

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self, path: str | None = None) -> bool:
        if path is None:
            from planner.io.common import file_stem

            start = self.doc.path or str(Path.home() / f"{file_stem(self.doc.plan.title)}.plan.json")
            path, _ = QFileDialog.getSaveFileName(self, "Save plan as", start, FILE_FILTER)
            if not path:
                return False
            path, ask = completed_name(path, ".plan.json", (".json",))
            if ask:
                return self._confirm_replace(path)
        return self.save_to(path)

    def _confirm_replace(self, path: str) -> bool:
        """Ask before Save As replaces ``path``, a name the app completed; False now, saved on Replace."""
        SB = QMessageBox.StandardButton

        def done(button: QMessageBox.StandardButton) -> None:
            if button == SB.Save:
                self.save_to(path)

        box = self._prompt(
            QMessageBox.Icon.Warning,
            "Replace file?",
            f"{shown_path(Path(path).name)} already exists. Replace it?",
            SB.Save | SB.Cancel,
            done,
            "Its content is replaced by the plan in this window.",
            SB.Cancel,
        )
        box.button(SB.Save).setText("Replace")
        return False

    def save_to(self, path: str) -> bool:
        """Save atomically to ``path``; the undo history is kept and marked clean. A change another program made
        to the file since it was opened is never overwritten without asking (False now, saved on Overwrite)."""
        self.commit_pending()
        if on_read_only_disk(path):
            self.show_error(
                "Cannot save plan",
                f"{shown_path(Path(path).name)} was not saved: its folder is on a read-only disk.",
                "Your changes are still here: use File > Save As\u2026 to save them on another disk.",
            )
            return False
        if is_read_only(path):
            self.show_error(
                "Cannot save plan",
                f"{shown_path(Path(path).name)} is read-only, so it was not changed.",
                "Your changes are still here: use File > Save As\u2026 to save them under another name, or make "
                "the file writable and save again.",
            )
            return False
        if not self.file_guard.confirm_overwrite(path, lambda: self.save_to(path)):
            return False
        try:
            with wait_cursor():  # a big plan takes a second or two to write
                write_text_atomic(path, dump_plan(self.doc.file_plan()))
        except OSError as exc:
            clean_stale_temps(output_target(path))
            full = disk_full_text(exc)
            self.show_error(
                "Cannot save plan",
                f"The plan could not be saved to {shown_path(path)}.",
                f"{full}. Your changes are still here: free some space and save again, or use File > Save "
                "As\u2026 to save them on another disk."
                if full
                else f"{exc.strerror or exc}. Your changes are still here: use File > Save As\u2026 to save them "
                "under another name or in another folder.",
            )
            return False
        resolved = str(Path(path).resolve())
        if resolved != self.doc.path:
            self.doc.set_path(resolved)
        self.doc.undo_stack.setClean()
        self.saves += 1
        self.recovery.remove()
        self.file_guard.watch(resolved)
        settings.add_recent(resolved)
        self._refresh_recent_menu()
        self._update_title()
        held = self._held_text()
        self.show_message(
            f"Saved {shown_path(Path(path).name)}" + (f". {held}" if held else ""), 20000 if held else 8000
        )
        return True

    def ask_revert(self) -> QMessageBox | None:
        if self.doc.path is None:
            return None
        if not self.doc.is_modified:
            self.open_file(self.doc.path)
            return None
        SB = QMessageBox.StandardButton
        return self._prompt(
            QMessageBox.Icon.Warning,
            "Revert",
            f"Drop all changes and reload {self.doc.display_name}?",
            SB.Discard | SB.Cancel,
            self._revert_answered,
        )

    def _revert_answered(self, button: QMessageBox.StandardButton) -> None:
        if button == QMessageBox.StandardButton.Discard and self.doc.path:
            self.open_file(self.doc.path)

    def _refresh_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        items = settings.recent_files()
        for k, p in enumerate(items, 1):
            act = menu.addAction(f"&{k % 10} {shown_path(Path(p).name)}")
            act.setToolTip(p)
            act.setStatusTip(p)
            act.triggered.connect(lambda _c=False, p=p: self.ask_open(p))
        if items:
            menu.addSeparator()
            menu.addAction("Clear Recent", self._clear_recent)
        menu.setEnabled(bool(items))

    def _clear_recent(self) -> None:
        settings.clear_recent()
        self._refresh_recent_menu()

    # -- recovery --------------------------------------------------------------------------------------------
    def write_recovery(self) -> None:
        """Write the recovery snapshot now (normally the recovery writer does it shortly after each edit)."""
        if not self._closed:
            self.recovery_writer.write_now()
            self.recovery_writer.wait()

    def check_settings(self) -> str:
        """Say in the status bar when the settings cannot be kept on disk (Qt drops them without a word: recent
        files and the window layout would be lost at every start); returns what was said, "" when they can."""
        reason = settings.unsaved_reason()
        if reason:
            self.show_message(reason[:1].upper() + reason[1:], 30000)
        return reason

    def check_recovery(self) -> QMessageBox | None:
        """Offer to restore the newest recovery file left by a crash (one at a time)."""
        entries, unreadable = recovery.scan()
        if unreadable:
            self._report_unreadable_recovery(unreadable)
        if not entries:
            return None
        entry = entries[0]
        SB = QMessageBox.StandardButton
        when = entry.written.strftime("%Y-%m-%d %H:%M") if entry.written else "an unknown time"
        name = shown_path(Path(entry.original_path).name) if entry.original_path else "an unsaved plan"
        moved_on = _disk_changed_text(entry, entry.disk_changed())

        def restore_then_next() -> None:
            if self.restore_recovery(entry):
                QTimer.singleShot(0, self.check_recovery)

        def done(button: QMessageBox.StandardButton) -> None:
            if button == SB.Yes:  # over a plan restored a moment ago (unsaved): Save / Discard / Cancel first
                self.maybe_save(restore_then_next, "restoring another plan")
            elif button == SB.Discard:
                entry.discard()
                QTimer.singleShot(0, self.check_recovery)

        box = self._prompt(
            QMessageBox.Icon.Question,
            "Recover unsaved changes",
            f"The planner closed unexpectedly while {quoted(entry.title)} ({name}) had unsaved changes.",
            SB.Yes | SB.Discard | SB.Cancel,
            done,
            f"Restore the changes saved automatically at {when}? Choose Cancel to decide later."
            + (f"\n\n{moved_on}" if moved_on else ""),
            SB.Yes,
        )
        box.button(SB.Yes).setText("Restore")
        return box

    def _report_unreadable_recovery(self, files: list[recovery.Unreadable]) -> None:
        """Each unreadable recovery file is named with its problem; the others are still offered."""
        self.unreadable_recovery += files
        for f in files:
            log.warning(
                "recovery file %s %s; moved to %s",
                f.file.name,
                f.reason,
                recovery.recovery_path() / "unreadable",
            )
        names = "; ".join(f"{f.file.name} {f.reason}" for f in files)
        self.show_message(
            f"Skipped {units.count(len(files), 'unreadable recovery file')} "
            f"(moved to {recovery.recovery_path() / 'unreadable'}): {names}",
            20000,
        )

    def restore_recovery(self, entry: recovery.RecoveryEntry) -> bool:
        try:
            plan = entry.plan()
        except PlanLoadError as exc:
            self.show_error("Cannot restore", "The recovery file could not be read.", str(exc))
            return False
        # (asked before _set_plan, which takes the file as it is now for the one the window knows)
        changed = entry.disk_changed()
        ancestor = entry.base_bytes() if changed == "modified" else None
        self._set_plan(plan, entry.original_path)
        if changed == "modified":  # the next save asks before replacing what was saved there since
            self.file_guard.known = entry.original_digest
            # The file as the crashed window had read it, when it was kept: Merge (the file changed prompt,
            # offered once restored) puts the file's changes since and the restored edits together.
            self.file_guard.base = ancestor
            self.file_guard.ask_again()  # the file changed prompt, now that the edits are back
        shown = entry.scenario if entry.scenario in self.doc.scenarios.names() else None
        if shown is not None:  # the last edits were made in it: show them where they were made
            self.doc.scenarios.switch(shown)
            self.doc.analyze_now()
        self.doc.undo_stack.resetClean()  # restored changes are unsaved: the title shows * and close prompts
        self._update_title()
        entry.discard()
        self.write_recovery()
        where = f" (scenario {quoted(shown)} shown)" if shown else ""
        moved_on = _disk_changed_text(entry, changed)
        self.show_message(
            f"Restored unsaved changes{where}; save them to keep them"
            + (f". {moved_on}" if moved_on else ""),
            30000 if moved_on else 8000,
        )
        return True

    # -- layout and closing ----------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._layout_restored:
                # First start: a readable inspector and a compact findings list, in proportion on a small
                # screen (at 800x600 a 380 px inspector and 150 px list left the views a quarter of it).
                width = min(520, max(280, self.width() // 3))
                self.resizeDocks([self.inspector_dock], [width], Qt.Orientation.Horizontal)
                height = min(150, max(72, self.height() // 9))  # 80 px at 720: a header and two findings
                self.resizeDocks([self.findings_dock], [height], Qt.Orientation.Vertical)
            self._fit_docks_later()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._shown_once:
            self._fit_docks_later()

    def _on_dock_shown_or_hidden(self, _visible: bool) -> None:
        if self._shown_once:
            self._fit_docks_later()

    def _fit_docks_later(self) -> None:
        """Fit the docks to the window's size once the resize is laid out (one pass for a burst of resizes)."""
        if not self._dock_fit_pending:
            self._dock_fit_pending = True
            QTimer.singleShot(0, self, self._fit_docks)

    def _fit_docks(self) -> None:
        """A small window (a presenter's 1024x600 projector) keeps its views usable: the findings beside the
        inspector, the inspector no wider than a third of the window (:func:`screen_fit.fit_docks`). Not while
        presenting: the docks are hidden, and leaving puts the layout back as it was."""
        self._dock_fit_pending = False
        presentation = getattr(self, "presentation", None)
        if presentation is not None and presentation.active:
            return
        narrower = 0 < self.width() < self._docks_fitted_width
        self._docks_fitted_width = self.width()
        screen_fit.fit_docks(
            self, self.inspector_dock, [self.findings_dock], narrower=narrower or not self._layout_fitted
        )
        self._layout_fitted = True
        if screen_fit.fit_minimum(self):  # a screen shorter than the window's least height (512x300 logical)
            screen_fit.fit_window(self)
            # the dock areas laid out again for the new least heights (a dock shown again kept its old height, over
            # the status bar)
            layout = self.layout()
            if layout is not None:
                layout.setGeometry(self.rect())

    def restore_layout(self) -> None:
        s = QSettings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
            screen_fit.restore_onto_screen(self)  # saved on a bigger or absent screen: back onto this one
        state = s.value("window/state")
        if isinstance(state, QByteArray | bytes):
            self._layout_restored = self.restoreState(state)
            # Docks a small screen put beside the inspector go back to the bottom on a screen with room.
            moved = s.value("window/compactMoved")
            for dock in (self.findings_dock,):
                if self._layout_restored and isinstance(moved, list | str) and dock.objectName() in moved:
                    screen_fit.mark_moved(dock)
            # Docks a narrow screen hid for the views come back on a screen with room (saved hidden, they stayed).
            hidden = s.value("window/hiddenForRoom")
            for dock in (self.inspector_dock, self.findings_dock):
                if self._layout_restored and isinstance(hidden, list | str) and dock.objectName() in hidden:
                    screen_fit.mark_hidden_for_room(dock)
        header = s.value("table/header")
        if isinstance(header, QByteArray | bytes):
            self.table_view.restore_header_state(header)

    def save_layout(self) -> None:
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue(
            "window/compactMoved", [d.objectName() for d in (self.findings_dock,) if screen_fit.was_moved(d)]
        )
        s.setValue(
            "window/hiddenForRoom",
            [
                d.objectName()
                for d in (self.inspector_dock, self.findings_dock)
                if screen_fit.was_hidden_for_room(d)
            ],
        )
        s.setValue("table/header", self.table_view.table.horizontalHeader().saveState())

    # -- a file dropped on the window -----------------------------------------------------------------------
    def _dropped_path(self, event: Any) -> str | None:
        """The one local file a drag carries, else None (several files, a web link, text; and while presenting:
        a file dragged across the screen by mistake must not replace the plan in front of the audience)."""
        if self.presentation.active:
            return None
        mime = event.mimeData()
        urls = mime.urls() if mime is not None and mime.hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        return urls[0].toLocalFile() or None

    def dragEnterEvent(self, event: Any) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        self.dragEnterEvent(event)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """A file dragged over the graph is handled by the window (the scene would take and drop it). Down, Enter
        or Return on the views' tab bar put the keyboard in the view shown: with the focus there (a click on a tab,
        Shift+Tab) the first Down a presenter pressed did nothing, Enter nothing either (Left and Right still flip
        the views)."""
        kind = event.type()
        if (
            kind == QEvent.Type.KeyPress
            and watched is self.views.tabBar()
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            shown = self.views.currentWidget()
            if shown is not None:
                self.focus_view(shown)
                return True
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop) and (
            self._dropped_path(event) is not None
        ):
            (self.dropEvent if kind == QEvent.Type.Drop else self.dragEnterEvent)(event)
            return True
        return super().eventFilter(watched, event)

    def dropEvent(self, event: Any) -> None:
        path = self._dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # After the drop returns (the file manager waits for it): then as File > Open, asking about unsaved edits.
        QTimer.singleShot(0, lambda: self.ask_open(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_pending()
        # Closing answers the presentation's Keep / Discard question (the changes are the save prompt's now):
        # it stayed open, a second question at once, and after Discard an orphan holding the app open.
        self.presentation.dismiss_leave_prompt()
        if self._close_confirmed or (not self.doc.is_modified and not self._held_text()):
            self._finish_close()
            event.accept()
            return
        event.ignore()
        if self.active_prompt is None:
            self.maybe_save(self._confirmed_close, "closing")

    def _confirmed_close(self) -> None:
        self._close_confirmed = True
        self.close()

    def _finish_close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.presentation.leave()  # save the normal layout, not the presentation's
        if self.persist_layout:
            self.save_layout()
        self.recovery_writer.close()
        self.file_guard.close()
        self.recovery.release()
        if self.report_dialog is not None:
            self.report_dialog.done(0)  # stops and joins a running export
        for dialog in self.findChildren(
            QDialog
        ):  # questions and views of this window's plan: none outlives it
            if dialog.isVisible():
                dialog.done(0)
        self.simulation.shutdown()
        self.capacity_tab.shutdown()  # joins a running CP-SAT proof
        for tab in self.chart_tabs.values():
            tab.shutdown()
        self.doc.shutdown()

    def discard_and_close(self) -> None:
        """Close without asking (tests, and after the user chose Discard)."""
        if self.active_prompt is not None:
            self.active_prompt.done(0)
        self._close_confirmed = True
        self.close()

    def about(self) -> QMessageBox:
        """Help > About: version, licence, and the libraries (with versions) this copy runs on. Window-modal,
        not exec(), so tests can read and close it."""
        from html import escape

        from PySide6.QtCore import qVersion

        from planner import __version__
        from planner.desktop import library_versions, licence

        libraries = [*library_versions(), ("Qt", qVersion())]
        cells = [f"<td>{escape(n)}</td><td>&nbsp;&nbsp;{escape(v)}</td>" for n, v in libraries]
        # A short screen (1024x600 at 200 %: 300 px) gets the libraries two to a row: a message box is as tall as
        # its text, and one to a row it was 364 px, its OK button under the screen's edge.
        per_row = 2 if screen_fit.available_area(self).height() < ABOUT_TWO_COLUMNS_BELOW else 1
        spacer = "<td>&nbsp;&nbsp;&nbsp;&nbsp;</td>"
        rows = "".join(
            "<tr>" + spacer.join(cells[k : k + per_row]) + "</tr>" for k in range(0, len(cells), per_row)
        )
        box = QMessageBox(self)
        box.setWindowTitle(f"About {APP_TITLE}")
        box.setIconPixmap(QApplication.windowIcon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<b>{APP_TITLE}</b> {escape(__version__)}<p>Plan how an AI initiative goes from pilot to "
            "enterprise scale: decisions, dependencies, critical path and stage gates.</p>"
            f"<p>Licence: {escape(licence())}</p><p>Built with:</p><table>{rows}</table>"
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def _disk_changed_text(entry: recovery.RecoveryEntry, state: str | None) -> str:
    """What happened to the recovered plan's file since the crash (``state`` from ``entry.disk_changed()``), in
    words; empty when nothing did."""
    name = shown_path(Path(entry.original_path or "").name)
    if state == "modified":
        return (
            f"{name} has changed on disk since these edits were made: they are based on an older version. "
            "Saving asks before replacing the newer file (Save As keeps both)."
        )
    if state == "deleted":
        return f"{name} is no longer on disk: saving creates it again."
    return ""


def focus_window(window: MainWindow) -> None:
    window.raise_()
    window.activateWindow()
    QApplication.processEvents()
