"""The Capacity tab: team load per week against capacity (stacked by team, capacity line), the stretches where a
team is over capacity, and the capacity-levelled schedule beside the unlevelled one.

Everything shown comes from the document's analysis (:meth:`PlanDocument.levelled` and the schedule); the tab
only lays it out. It refreshes after each analysis while visible, and when next shown otherwise.
"""

from __future__ import annotations

import dataclasses
import html
import math
from typing import Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import units
from planner.ui.presentation.workshop import FlowLayout
from planner.ui.state.background import BackgroundTask, TaskSignals, snapshot
from planner.ui.state.document import PlanDocument
from planner.ui.theme import status_css
from planner.ui.views import format as fmt
from planner.ui.views import type_scale
from planner.ui.views.adaptive import AdaptiveSplitter, PageBody, scroll_page
from planner.ui.views.columns import ColumnFit
from planner.ui.views.figure_view import FigureView
from planner.ui.views.lazy import LazyRefresh

EXACT_SECONDS = 5.0
"""The solver's time limit in the app: past it, the best schedule found and the gap to the proved bound."""
_NAMED_STUCK = 5  # decisions that cannot be levelled named in the summary; the rest counted
COMPARE_LEAST_CHARS = 8
"""The levelled list's decision, team and reason shorten down to this many characters (whole in their tooltips):
three names at the tables' usual 12 did not fit beside the weeks and the delay in the side pane (~350-420 px)."""


def exact_available() -> bool:
    """True when the optional CP-SAT solver is installed (``pip install -e '.[exact]'``)."""
    import importlib.util

    return importlib.util.find_spec("ortools") is not None


class CapacityTab(LazyRefresh, QWidget):
    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityTab")
        self.doc = doc

        self.show_levelled = QCheckBox("Show levelled schedule", self)
        self.show_levelled.setObjectName("showLevelled")
        self.show_levelled.setToolTip(
            "Draw the load of the schedule levelled to team capacity (non-critical work "
            "delayed until every team fits); the other schedule is outlined in grey"
        )
        self.chart_kind = QComboBox(self)
        self.chart_kind.setObjectName("capacityChartKind")
        self.chart_kind.addItem("Team load", "load")
        self.chart_kind.addItem("Gantt: levelled vs unlevelled", "gantt")
        self.chart_kind.setToolTip(
            "Team load per week against capacity, or the Gantt chart of the levelled schedule with the "
            "unlevelled dates as thin bars under each decision"
        )
        self.prove = QPushButton("Prove the optimum", self)
        self.prove.setObjectName("proveOptimum")
        self.prove.setToolTip(
            "Ask the CP-SAT solver for the shortest schedule within team capacity (up to 5 seconds, off the "
            "interface thread); shown instead of the heuristic's when it is done"
        )
        self.prove.setVisible(exact_available())
        self.prove.clicked.connect(self.start_exact)
        self._exact: tuple[Any, Any] | None = None  # (analysis, Levelled by CP-SAT) for the current analysis
        self._exact_error = ""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = TaskSignals(self)
        self._signals.finished.connect(self._exact_finished)
        self._run_id = 0
        self._running: Any = None  # the analysis being proved
        self.summary = QLabel(self)
        self.summary.setObjectName("capacitySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        # The controls on one row and the summary under them at the tab's full width: beside them it was
        # squeezed into a narrow column at 1024 px and made the tab wider than an 800x600 screen leaves it.
        # They wrap onto a second line rather than set the tab's minimum width: one row at a 15 pt system font
        # needed 806 px, and beside it the inspector was squeezed until its text was cut.
        controls = FlowLayout(spacing=6)
        controls.addWidget(self.prove)
        controls.addWidget(self.chart_kind)
        controls.addWidget(self.show_levelled)
        top = QVBoxLayout()
        top.setContentsMargins(8, 6, 8, 2)
        top.addLayout(controls)
        top.addWidget(self.summary)

        self._chart_height_in = 1.2  # the chart's natural height (inches): its team panels or Gantt rows
        # The least heights (inches) of a row per team, of a panel per team alone, and of the stacked chart over a
        # panel per team (None: the Gantt chart)
        self._rows_in: tuple[float, float, float] | None = None
        self._rows = False  # drawn with a row per team (the view too short for a panel per team)
        self.chart = FigureView(
            self._draw, "loadChart", self, readable_size=self._chart_size, ready=self.chart_ready
        )
        self.chart_scroll = QScrollArea(self)
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.chart_scroll.setWidget(self.chart)
        # As narrow as the chart can be drawn: the splitter stacks the tables under it when they do not fit
        # beside that (its scroll area's own minimum let a 78 px sliver of chart sit beside them at 800x600).
        self.chart_scroll.setMinimumWidth(self.chart.minimumWidth())

        self.over = QTreeWidget(self)
        self.over.setObjectName("overCapacity")
        self.over.setAccessibleName("Over-capacity weeks")
        self.over.setHeaderLabels(["Team", "Weeks", "Dates", "Peak / cap."])
        self.over.setRootIsDecorated(False)
        self.over.setUniformRowHeights(True)
        self.over.setWordWrap(False)
        # Weeks, dates and peak whole; the team's name elides to make room (in full in its tooltip). No wider than
        # the names: on a 2560x1440 screen the peak stood 300 px right of its team, the rows in alternate shades.
        self.over.setAlternatingRowColors(True)
        self.over_columns = ColumnFit(self.over, flexible=[0], on_wanted=self._want_side, spread=False)
        self.over.itemActivated.connect(self._select_from_item)
        self.over.itemClicked.connect(self._select_from_item)

        self.compare = QTreeWidget(self)
        self.compare.setObjectName("levelledSchedule")
        self.compare.setAccessibleName("Levelled against unlevelled schedule")
        self.compare.setHeaderLabels(["Decision", "Team", "Weeks → levelled", "Delay", "Why"])
        self.compare.setRootIsDecorated(False)
        self.compare.setUniformRowHeights(True)
        self.compare.setSortingEnabled(True)
        self.compare.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The weeks and the delay whole; the decision, the team and the reason share the rest, shortened (whole in
        # their tooltips): with fixed widths (the reason as wide as 'Team full in weeks 10-12') the list needed
        # 556 px beside the chart at 1400x860, where the pane has ~420, and the reasons were under a scroll bar.
        self.compare_columns = ColumnFit(self.compare, flexible=[0, 1, 4], least_chars=COMPARE_LEAST_CHARS)
        self.compare.itemActivated.connect(self._select_from_item)
        self.compare.itemClicked.connect(self._select_from_item)

        self.side = QTabWidget(self)
        self.side.setDocumentMode(True)
        self.side.addTab(self.over, "Over capacity")
        self.side.addTab(self.compare, "Levelled vs unlevelled")
        self.side.setMinimumWidth(350)  # with the chart's minimum, fits beside the inspector at 800x600

        split = AdaptiveSplitter(self, main=0)  # stacked when the chart would be squeezed beside the tables
        split.addWidget(self.chart_scroll)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([700, 360])  # scaled to the tab: the chart keeps most of a small window
        split.setChildrenCollapsible(False)
        self.splitter = split
        self.over_columns.fit()

        # The whole tab scrolls when it is too small for chart and tables (800x600 in 15 pt type: the summary
        # was cut mid-line, the chart a 80 px sliver beside the tables); stacked, the chart keeps a readable height.
        body = PageBody(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.page = scroll_page(body, "capacityTabScroll", self)

        self.show_levelled.toggled.connect(lambda _on: self.chart.redraw())
        self.chart_kind.currentIndexChanged.connect(lambda _i: self._chart_kind_changed())
        doc.analysis_updated.connect(self._on_analysis)
        doc.plan_reset.connect(lambda: self.show_levelled.setChecked(False))

    def _want_side(self, width: int) -> None:
        """The tables beside the chart at least as wide as the over-capacity list needs to show its weeks, dates and
        peaks whole (the team's name shortened); else the splitter stacks them under the chart (at 1280x720 beside
        the inspector: "13 Aug 2027 – 16 Au")."""
        if hasattr(self, "splitter"):
            self.splitter.want_side(max(self.side.minimumWidth(), width))

    # -- refresh ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the summary and the lists from the document, and redraw the chart."""
        self._dirty = False
        a = self.doc.analysis
        self.over.clear()
        self.compare.clear()
        if a is None or a.schedule is None:
            self.summary.setText("No schedule: fix the errors in the plan first (see Findings).")
            self.chart.redraw()
            return
        plan = a.plan
        if not plan.teams:
            self.summary.setText(
                # (rich text: '&amp;' is an ampersand; '&&' was shown as it is, a menu's escape, not a label's)
                "No teams yet: add teams with a capacity (the inspector's Plan &amp; stages tab) and set each "
                "decision's owner to see the load."
            )
            self.chart.redraw()
            return
        lv = self.levelled()
        self._fill_over(a)
        self._fill_compare(a, lv)
        # Counted from the core's stretches (as the CLI and the report count them), never from the list's rows:
        # the list holds one "within capacity" row when there is none.
        n_over = len(self.doc.over_capacity())
        moved = lv.delayed if lv is not None else []
        parts = [f"<b>Unlevelled finish:</b> {fmt.when(plan, a.schedule.finish)}"]
        if lv is not None:
            cost = lv.cost
            parts.append(
                f"<b>Levelled finish:</b> {fmt.when(plan, lv.finish)} "
                + (
                    f"(<span style='color:{status_css('error')}'>+{fmt.weeks(cost, unit=True)}</span>)"
                    if cost
                    else "(no delay)"
                )
            )
            parts.append(f"{units.count(len(moved), 'decision')} moved by levelling")
            if cost and lv.proved_optimal and lv.method == "exact":
                parts.append("proved by CP-SAT: no schedule with these teams finishes earlier")
            elif cost and lv.method == "exact":
                parts.append(
                    f"CP-SAT stopped at its time limit: the best possible is no earlier than "
                    f"{fmt.when(plan, lv.lower_bound)} (within {lv.gap_text})"
                )
            elif cost and lv.proved_optimal:
                parts.append("no schedule with these teams finishes earlier")
            elif cost:
                parts.append(
                    f"best possible: no earlier than {fmt.when(plan, lv.lower_bound)} "
                    f"(this one is within {lv.gap_text})"
                )
        parts.append(
            f"<span style='color:{status_css('error')}'><b>{n_over}</b> "
            f"{units.agree(n_over, 'over-capacity stretch', 'over-capacity stretches')}</span>"
            if n_over
            else "every team within capacity"
        )
        if self._exact_error:
            parts.append(
                f"<span style='color:{status_css('error')}'>the solver failed: {self._exact_error}</span>"
            )
        self.prove.setEnabled(
            self._running is None and lv is not None and lv.cost > 0 and not lv.proved_optimal
        )
        stuck = list(lv.unlevellable) if lv is not None else []
        if stuck:  # a few by id, the count of the rest (all of them in the tooltip)
            more = f" and {len(stuck) - _NAMED_STUCK} more" if len(stuck) > _NAMED_STUCK else ""
            parts.append(f"cannot be levelled: {html.escape(', '.join(stuck[:_NAMED_STUCK]))}{more}")
        self.summary.setText(" · ".join(parts))
        self.summary.setToolTip(
            "Cannot be levelled (each needs more people than its team has):\n" + "\n".join(stuck)
            if stuck
            else ""
        )
        # The team panels need their natural height; below it the chart scrolls instead of squeezing the text,
        # or, where no scrolling would show every team's panel at once, it has a row per team (_chart_size).
        # (Only called while the tab is visible, when the chart needs matplotlib anyway.)
        from planner.charts.capacity import fitted_height, load_size, panels_height, rows_height

        gantt = self.chart_kind.currentData() == "gantt"
        self._chart_height_in = load_size(a)[1]
        self._rows_in = (rows_height(a), panels_height(a), fitted_height(a)) if not gantt else None
        if gantt:  # a readable row per decision and stage header
            self._chart_height_in = max(3.6, 0.2 * (len(plan.decisions) + len(plan.stages)) + 1.6)
        # Stacked over the tables, the chart takes the rows' height where the tables keep their least (12 teams
        # on a laptop, 1366x768 at 125 %: 269 px, where 70 % of the tab gave it 266 and it scrolled).
        self.splitter.want_main_height(
            math.ceil(self._rows_in[0] * type_scale.FIGURE_DPI) if self._rows_in else 0
        )
        self.chart.redraw()

    def _chart_size(self, dpi: float) -> tuple[int, int]:
        """Pixels the chart needs at ``dpi``: 4 in across for its title and legend (a 16 pt font in an 800x600
        window cut its title and elided the teams to two letters: the text then stays nearer 100 dpi), and its
        natural height (it scrolls below it), or as tall as its stacked chart and every team's panel need where the
        view has that; but a row per team's height where the view is too short for every team's panel even without
        the stacked chart (12 teams in 266 px on a laptop, 1366x768 at 125 %: the
        stacked chart alone was in sight, the panels 1,100 px under it)."""
        # (At the charts' own dpi: presented, the room's larger type scrolls the six panels rather than rows.)
        have = self.chart.height() / type_scale.FIGURE_DPI
        desk = max(dpi, type_scale.desk_dpi()) <= type_scale.FIGURE_DPI + 1e-6
        # Shorter than the stacked chart over a panel per team: a row per team (the stacked chart over them where
        # it has room), all in sight; four or five teams at ~400 px scrolled by 90 px to their last panel.
        # At a large-type setting or presented (the room's dpi), rows only where not even the panels alone fit
        # (the larger text scrolls instead).
        least = (self._rows_in[2] if desk else self._rows_in[1]) if self._rows_in is not None else 0.0
        self._rows = self._rows_in is not None and have < least
        height = self._chart_height_in
        if self._rows_in is not None and self._rows:
            height = self._rows_in[0]
        elif self._rows_in is not None and desk:
            # The stacked chart and every team's panel at their least height, drawn to the view (taller than
            # that here): every panel in sight (a maximised 1920x1080 window showed one panel and a half of six).
            height = min(height, self._rows_in[2])
        return int(4.0 * dpi), math.ceil(height * dpi)

    def _fill_over(self, a: Any) -> None:
        plan = a.plan
        for stretch in self.doc.over_capacity():
            tl, start, end, peak = stretch.team, stretch.start, stretch.end, stretch.peak
            ids = [plan.decisions[i].id for i in stretch.decisions]
            # The one rule for weeks, as the over-capacity finding says them ("weeks 315.75–327.25").
            weeks = f"{fmt.weeks(start)}–{fmt.weeks(end)}"
            d0, d1 = fmt.date(plan, start), fmt.date(plan, end)
            dates = f"{d0} – {d1}" if d0 and d1 else ""
            item = QTreeWidgetItem(
                [tl.name, weeks, dates, f"{fmt.weeks(round(peak, 2))} / {fmt.weeks(tl.capacity)}"]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, ids)
            for c in range(4):
                item.setToolTip(
                    c,
                    f"{tl.name} needs {units.people(round(peak, 2))} with a capacity of "
                    f"{fmt.weeks(tl.capacity)} in weeks {weeks}. Running then: " + ", ".join(ids),
                )
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.over.addTopLevelItem(item)
        if self.over.topLevelItemCount() == 0:
            item = QTreeWidgetItem(["Every team is within capacity.", "", "", ""])
            self.over.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
        self.over_columns.fit()

    def _fill_compare(self, a: Any, lv: Any) -> None:
        if lv is None:
            return
        plan, s = a.plan, a.schedule
        teams = {t.id: t.name for t in plan.teams}
        idx = {did: i for i, did in enumerate(lv.ids)}
        why = {m.id: m.text(plan) for m in getattr(lv, "moves", [])}
        items = []
        for did, delay in lv.delayed:
            i = idx[did]
            d = plan.decisions[i]
            reason = why.get(did, "")
            item = _SortItem(
                [
                    f"{d.title} ({did})",
                    teams.get(d.owner or "", d.owner or ""),
                    f"{fmt.weeks(round(float(s.es[i]), 1))}–{fmt.weeks(round(float(s.ef[i]), 1))}  →  "
                    f"{fmt.weeks(round(float(lv.es[i]), 1))}–{fmt.weeks(round(float(lv.ef[i]), 1))}",
                    f"+{fmt.weeks(round(delay, 1))}",
                    reason[:1].upper() + reason[1:],
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, [did])
            item.setToolTip(0, f"{d.title} ({did})" + (f": {reason}" if reason else ""))
            item.setToolTip(1, item.text(1))
            item.setToolTip(4, f"Moved because {reason}" if reason else "")
            item.setData(3, Qt.ItemDataRole.UserRole + 1, delay)
            item.setData(2, Qt.ItemDataRole.UserRole + 1, float(s.es[i]))
            for c in (2, 3):
                item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if did in lv.critical_delayed:
                item.setToolTip(0, f"A critical decision: moving it moved the finish. {reason}")
            items.append(item)
        self.compare.addTopLevelItems(items)
        self.compare.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        if not items:
            self.compare.addTopLevelItem(
                QTreeWidgetItem(["Levelling moves nothing: every team fits as scheduled.", "", "", "", ""])
            )

    def _select_from_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ids = item.data(0, Qt.ItemDataRole.UserRole)
        if ids:
            self.doc.select(list(ids))

    # -- exact levelling ------------------------------------------------------------------------------------
    def levelled(self) -> Any:
        """The levelled schedule shown: CP-SAT's once it has finished for the current analysis, else the
        document's (heuristic)."""
        a = self.doc.analysis
        if self._exact is not None and self._exact[0] is a:
            return self._exact[1]
        return self.doc.levelled()

    def start_exact(self) -> None:
        """Level the current analysis with CP-SAT off the GUI thread (a pure function of a snapshot)."""
        a = self.doc.analysis
        if a is None or a.schedule is None or self._running is not None:
            return
        from planner.analysis.capacity import level

        plan, sched = snapshot(a.plan), a.schedule  # the schedule's arrays are never edited in place
        self._run_id += 1
        self._running = a
        self._exact_error = ""
        self.prove.setEnabled(False)
        self.prove.setText("Proving…")
        self._pool.start(
            BackgroundTask(self._run_id, lambda: level(plan, sched, "exact", EXACT_SECONDS), self._signals)
        )

    def wait(self, timeout_ms: int = -1) -> bool:
        return bool(self._pool.waitForDone(timeout_ms))

    def shutdown(self) -> None:
        """Join a running proof (the solver stops at its time limit, EXACT_SECONDS at most)."""
        self._run_id += 1  # its result, if any, is for a closed window
        self._pool.waitForDone()

    def _exact_finished(self, run_id: int, result: Any, error: Any, _seconds: float) -> None:
        if run_id != self._run_id:
            return
        a, self._running = self._running, None
        self.prove.setEnabled(True)
        self.prove.setText("Prove the optimum")
        if error:
            self._exact_error = str(error)
        elif result is not None and a is self.doc.analysis:
            self._exact = (a, result)
        self.refresh()

    # -- chart ----------------------------------------------------------------------------------------------
    def _chart_kind_changed(self) -> None:
        gantt = self.chart_kind.currentData() == "gantt"
        self.show_levelled.setEnabled(not gantt)  # the Gantt always shows both schedules
        self.refresh()

    def _draw(self, fig: Any) -> None:
        a = self.doc.analysis
        if a is None:
            return
        from planner.charts.capacity import draw_load

        lv = self.levelled()
        if self.chart_kind.currentData() == "gantt" and lv is not None and a.schedule is not None:
            from planner.analysis.capacity import UNLEVELLED, levelled_view
            from planner.charts.gantt import draw_gantt

            draw_gantt(fig, levelled_view(a, lv), baseline=UNLEVELLED, highlight=[d for d, _ in lv.delayed])
            return
        shown = dataclasses.replace(a, levelled=lv) if lv is not None else a
        draw_load(
            fig,
            shown,
            schedule="levelled" if self.show_levelled.isChecked() else "unlevelled",
            rows=self._rows,
        )


class _SortItem(QTreeWidgetItem):
    """Sorts numeric columns by their value, not their text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        col = tree.sortColumn() if tree is not None else 0
        a, b = self.data(col, Qt.ItemDataRole.UserRole + 1), other.data(col, Qt.ItemDataRole.UserRole + 1)
        if a is not None and b is not None:
            return float(a) < float(b)
        return self.text(col).casefold() < other.text(col).casefold()
