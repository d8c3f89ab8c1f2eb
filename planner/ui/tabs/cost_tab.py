"""The Cost tab (issue 17): what the plan costs and how sure we are.

Everything shown comes from :func:`planner.analysis.cost.cost_summary` -- the same function the CLI JSON and the
report use -- over the document's analysis and, when one is current, the last Monte Carlo run (Risk tab, F5). The
tab edits only the plan's money fields (budget, target, cost of delay, horizon, team rates), each as one undoable
edit through the document.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model import Plan, units
from planner.ui.state.document import PlanDocument
from planner.ui.theme import status_css
from planner.ui.views import format as fmt
from planner.ui.views import type_scale
from planner.ui.views.adaptive import (
    CHART_MIN_HEIGHT,
    AdaptiveSplitter,
    PageBody,
    keep_rows_high,
    scroll_page,
)
from planner.ui.views.columns import ColumnFit
from planner.ui.views.figure_view import FigureView, settle_layouts
from planner.ui.views.lazy import LazyRefresh

if TYPE_CHECKING:
    from planner.analysis.cost import CostSummary

# planner.analysis.cost is imported where it is used, not here: the analysis package imports numpy, which the
# window does not need before its first paint (the tab is built with the window, its figures come later).

DECISION_COLUMNS = ["Decision", "Labour", "One-off", "Category", "Run rate / wk", "Total"]
SIDE_MIN_WIDTH = 310
"""The narrowest the money fields and breakdown column is (pixels), whatever the team names."""
CHARTS_MIN_WIDTH = 400
"""The narrowest the two cost charts are drawn beside the money column (pixels): their readable width (3.6 in at
100 dpi) and a scroll bar, so that at 1280x720 with the inspector docked the column keeps the team names whole
beside them."""
NAME_CHARS = 40
"""Team names up to this many average characters are shown whole in the rates list (longer ones elide)."""
RATES_MOST_ROWS = 10
"""The team rates list is as many rows high as the plan has teams, from six up to this many (more scroll): at six
the portfolio sample's nine teams were behind a scroll bar over an empty breakdown table."""


def _number(v: float) -> str:
    """``1975000``, ``12.5`` (never ``1.975e+06``: the field is read back as typed)."""
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _pct(p: float | None) -> str:
    """A share for the summary's rich text: ``&lt;1%`` (a bare ``<1%`` is a tag to Qt, dropped)."""
    import html

    return html.escape(units.format_share(p))


class CostTab(LazyRefresh, QWidget):
    def __init__(self, doc: PlanDocument, simulation: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("costTab")
        self.doc = doc
        self.simulation = simulation
        self.current: CostSummary | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("costSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # -- the plan's money fields ------------------------------------------------------------------------
        self.money = QGroupBox("Money", self)
        form = QFormLayout(self.money)
        form.setContentsMargins(8, 4, 8, 4)
        # A figure's width (their size hint: about 17 characters of their type), not the column's: presenting at
        # 2560x1440 they were four 900 px fields with 'none' at their left end. (The rates list still spans it.)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, tip in (
            ("budget", "Budget", "Total budget in the plan's currency (empty: none)"),
            ("target", "Target finish", "Weeks from the plan start, or a date (YYYY-MM-DD); empty: none"),
            (
                "cost_of_delay",
                "Cost of delay / week",
                "Cost of each week the finish is later than the target",
            ),
            ("horizon", "Horizon (week)", "Run rates are counted up to this week (empty: the plan's finish)"),
        ):
            edit = QLineEdit(self.money)
            edit.setObjectName(f"cost-{key}")
            edit.setToolTip(tip)
            edit.setPlaceholderText("none")
            edit.editingFinished.connect(lambda k=key: self._commit(k))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.rates = QTreeWidget(self.money)
        self.rates.setObjectName("teamRates")
        self.rates.setHeaderLabels(["Team", "Rate /\nperson-week"])  # two lines: the room goes to the names
        self.rates.headerItem().setToolTip(1, "Rate per person-week, in the plan's currency (empty: none)")
        self.rates.setRootIsDecorated(False)
        # Each rate beside its team's name (not at the far edge of a wide column, see the breakdown below).
        self.rates.setAlternatingRowColors(True)
        self.rates_columns = ColumnFit(self.rates, flexible=[0], spread=False)
        self.rates.itemChanged.connect(self._rate_changed)
        keep_rows_high(self.rates, 6, RATES_MOST_ROWS)
        form.addRow(self.rates)
        self.problem = QLabel(self.money)
        self.problem.setObjectName("costProblem")
        self.problem.setStyleSheet(f"color: {status_css('error')}")
        self.problem.setWordWrap(True)
        form.addRow(self.problem)

        # -- charts and breakdown ---------------------------------------------------------------------------
        self.spend_chart = FigureView(
            self._draw_spend,
            "spendChart",
            self,
            readable_size=self._spend_chart_size,
            ready=self.chart_ready,
        )
        self.stage_chart = FigureView(
            self._draw_stages,
            "costByStageChart",
            self,
            readable_size=self._stage_chart_size,
            ready=self.chart_ready,
        )
        charts = _ChartPair(self._charts_need, self.spend_chart, self.stage_chart, self)
        self.charts = charts

        self.breakdown = QTabWidget(self)
        self.breakdown.setDocumentMode(True)
        self.trees: dict[str, QTreeWidget] = {}
        self.tree_columns: dict[str, ColumnFit] = {}
        for key, title in (
            ("stage", "By stage"),
            ("area", "By area"),
            ("team", "By team"),
            ("category", "By category"),
            ("decision", "Decisions"),
        ):
            tree = QTreeWidget(self.breakdown)
            tree.setObjectName(f"costBy-{key}")
            tree.setRootIsDecorated(False)
            tree.setUniformRowHeights(True)
            tree.setHeaderLabels(["", "Cost", "Share"] if key != "decision" else DECISION_COLUMNS)
            # Each figure beside its name, rows in alternate shades: on a 2560x1440 screen the names stretched
            # over the column put 'USD 861,500' 400 px right of 'Validate' and the eye lost the row between them.
            # A name wider than the room elides (whole in the Decisions' tool tips and the inspector).
            tree.setAlternatingRowColors(True)
            self.tree_columns[key] = ColumnFit(tree, flexible=[0], spread=False)
            tree.itemClicked.connect(self._select_from_item)
            self.trees[key] = tree
            self.breakdown.addTab(tree, title)
        self.trees["decision"].setToolTip("Double-click a one-off cost, category or run rate to change it")
        self.trees["decision"].itemChanged.connect(self._decision_changed)

        self.side = side = _Side(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.money)
        side_layout.addWidget(self.breakdown, 1)
        # (its least height: _Side's, the page scrolls on a short screen)
        side.setMinimumWidth(SIDE_MIN_WIDTH)
        self.side_scroll = side_scroll = _SideScroll(self)
        side_scroll.setObjectName("costSide")
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setMinimumWidth(side.minimumWidth() + side_scroll.verticalScrollBar().sizeHint().width())
        # Stacked under the charts on a scrolling page (a small tab), whole: in its own scroll area there it
        # showed one team's rate and the breakdown's tabs without their rows (_SideScroll's least height).

        # Stacked when the two charts would be squeezed beside the figures and have the height of two charts.
        split = AdaptiveSplitter(self, main=0, main_width=CHARTS_MIN_WIDTH, main_height=2 * CHART_MIN_HEIGHT)
        split.addWidget(charts)
        split.addWidget(side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([620, 400])
        split.setChildrenCollapsible(False)
        self.splitter = split
        self._fit_side_width()

        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 2)
        top.addWidget(self.summary, 1)
        # The whole tab scrolls when it is too small for charts and figures (800x600 in 15 pt type: the money
        # fields were cut at the right, the charts a 185 px sliver); stacked, the charts keep a readable height.
        body = PageBody(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.page = scroll_page(body, "costTabScroll", self)

        doc.analysis_updated.connect(self._on_analysis)
        if simulation is not None:
            simulation.finished.connect(lambda _run: self._on_analysis())
            simulation.stale_changed.connect(lambda _stale: self._on_analysis())

    def _fit_side_width(self) -> None:
        """The figures column wide enough for the team rates' names whole (up to :data:`NAME_CHARS` average
        characters; longer ones elide, whole in their tool tips) beside the rate column, in the list's font as it is
        now: at 310 px 'Customer experience & contact centre' read 'Customer experience…' at the desk and
        'Customer exper…' in presentation type. The splitter stacks the column under the charts when the two no
        longer fit side by side (:class:`AdaptiveSplitter`), where it has the tab's width."""
        fm = self.rates.fontMetrics()
        names = [t.name for t in self.doc.plan.teams]  # as the list shows them
        name = min(
            max((fm.horizontalAdvance(n) for n in names), default=0), NAME_CHARS * fm.averageCharWidth()
        )
        rates = self.rates.header().sectionSizeHint(1)
        # cell padding, the list's frame and the group box's and form's margins around it
        chrome = 2 * fm.averageCharWidth() + 2 * self.rates.frameWidth() + 2 * 12
        bar = self.side_scroll.verticalScrollBar().sizeHint().width()
        # Wanted, not a minimum: a tab narrower than the names and the charts' readable width stacks the column
        # under the charts, and narrower still (800x600 at 15 pt) the names elide rather than the page scroll sideways.
        self.splitter.want_side(max(SIDE_MIN_WIDTH, name + rates + chrome) + bar)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "splitter"):
            self._fit_side_width()

    # -- refresh ---------------------------------------------------------------------------------------------
    def simulation_result(self) -> Any:
        """The last Monte Carlo result, when it is of the plan as it is now."""
        sim = self.simulation
        if sim is None or sim.result is None or sim.stale:
            return None
        return sim.result

    def refresh(self) -> None:
        self._dirty = False
        a = self.doc.analysis
        self._fill_fields()
        for tree in self.trees.values():
            tree.clear()
        self.current = None
        if a is None or a.schedule is None:
            self.summary.setText("No schedule: fix the errors in the plan first (see Findings).")
        else:
            from planner.analysis.cost import cost_summary

            self.current = cost_summary(a.plan, a, self.simulation_result())
            if self.current is None:
                self.summary.setText(
                    "No costs yet: give each team a rate per person-week (right), or decisions a one-off cost or "
                    "a run rate (Inspector), or the plan a budget."
                )
            else:
                self.summary.setText(self.summary_html(a.plan, self.current))
                self._fill_trees(a.plan, self.current)
        settle_layouts(
            self
        )  # the text just set moves the charts: draw them at the size they will be shown at
        # Stacked over the figures (a narrow tab, whose page scrolls), the two charts one above the other, each
        # its readable height (at 1366x768 at 125 % they were tabs in the 480 px the splitter gave them).
        upper, lower = self._charts_need()
        self.splitter.want_main_height(upper + lower + self.charts.split.handleWidth())
        self.charts.share()  # the number of stages sets the lower chart's height
        self.spend_chart.redraw()
        self.stage_chart.redraw()

    def summary_html(self, plan: Plan, s: CostSummary) -> str:
        from planner.analysis.cost import format_money, gating_money_text

        b, cur = s.breakdown, s.currency
        # Only the kinds of spend the plan has, as the cost chart, the report and the CLI (no "labour EUR 0").
        split = b.spend_split(cur, f" to {fmt.when(plan, b.horizon)}")
        parts = [f"<b>Total spend:</b> {format_money(b.total, cur)}{split}"]
        if b.budget is not None:
            head = b.headroom or 0.0
            color = status_css("error" if head < 0 else "good")
            parts.append(
                f"<b>Budget:</b> {format_money(b.budget, cur)} "
                f"(<span style='color:{color}'>{'over' if head < 0 else 'under'} by "
                f"{format_money(abs(head), cur)}</span>)"
            )
        if b.target is not None and b.delay:
            parts.append(f"<b>Cost of delay:</b> {format_money(b.delay, cur)}")
        if b.gating is not None:
            # No weeks added: nothing to price, whatever the rates ("not priced (no team rates ...)" was said of
            # plans that have them), as the status bar says "(no cost)".
            price = gating_money_text(b.gating) if b.gating.weeks > 0 else "no cost"
            sign = "+" if b.gating.weeks > 0 else ""  # "0 weeks": a figure is never written "+0"
            parts.append(f"<b>Strict gates:</b> {sign}{units.plural_weeks(b.gating.weeks)}, {price}")
        text = " · ".join(parts)
        r = s.risk
        if r is None:
            text += (
                "<br><i>Run the simulation (Risk tab, F5) for P50/P80 cost and the chance of meeting the "
                "budget and the target.</i>"
            )
        else:
            sim = [f"<b>Simulated:</b> P50 {format_money(r.p50, cur)}, P80 {format_money(r.p80, cur)}"]
            if r.p_within_budget is not None:
                sim.append(f"within budget {_pct(r.p_within_budget)}")
            if r.p_by_target is not None:
                sim.append(f"by the target {_pct(r.p_by_target)}")
            if r.p_joint is not None:
                sim.append(f"<b>both {_pct(r.p_joint)}</b> (lower than either alone)")
            text += "<br>" + " · ".join(sim)
        return text

    def _fill_fields(self) -> None:
        plan = self.doc.plan
        values = {
            "budget": plan.budget,
            "cost_of_delay": plan.cost_of_delay,
            "horizon": plan.horizon,
            "target": plan.target,
        }
        for key, edit in self.fields.items():
            if edit.hasFocus():
                continue
            v = values[key]
            edit.setText("" if v is None else v.isoformat() if isinstance(v, dt.date) else _number(v))
        self.rates.blockSignals(True)
        self.rates.clear()
        for t in plan.teams:
            item = QTreeWidgetItem([t.name, "" if t.rate is None else _number(t.rate)])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setData(0, Qt.ItemDataRole.UserRole, t.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, t.name)
            self.rates.addTopLevelItem(item)
        self.rates.blockSignals(False)
        self._fit_side_width()

    def _fill_trees(self, plan: Plan, s: CostSummary) -> None:
        from planner.analysis.cost import NO_AREA, NO_TEAM, format_money

        b, cur = s.breakdown, s.currency
        total = b.total or 1.0
        groups = {"stage": b.by_stage, "area": b.by_area, "team": b.by_team, "category": b.by_category}
        stage_of = {d.id: d.stage for d in plan.decisions}
        area_of = {d.id: d.area for d in plan.decisions}
        owner_of = {d.id: d.owner for d in plan.decisions}
        lookups: dict[str, Mapping[str, str | None]] = {"stage": stage_of, "area": area_of, "team": owner_of}
        for key, rows in groups.items():
            tree = self.trees[key]
            for k, name, amount in rows:
                item = QTreeWidgetItem([name, format_money(amount, cur), units.format_share(amount / total)])
                lookup = lookups.get(key)
                if lookup is not None:  # clicking a row selects its decisions
                    none = NO_AREA if key == "area" else NO_TEAM
                    item.setData(
                        0, Qt.ItemDataRole.UserRole, [d for d, v in lookup.items() if (v or none) == k]
                    )
                for c in (1, 2):
                    item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                tree.addTopLevelItem(item)
        titles = {d.id: d.title for d in plan.decisions}
        tree = self.trees["decision"]
        tree.blockSignals(True)
        by_id = {d.id: d for d in plan.decisions}
        for row in sorted(b.decisions, key=lambda r: -r.total):
            d = by_id[row.id]
            item = QTreeWidgetItem(
                [
                    f"{titles[row.id]} ({row.id})",
                    format_money(row.labour),
                    "" if d.cost is None else _number(d.cost),
                    str(d.cost_category),
                    "" if d.run_rate is None else _number(d.run_rate),
                    format_money(row.total),
                ]
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)  # only the input columns commit
            item.setData(0, Qt.ItemDataRole.UserRole, [row.id])
            item.setToolTip(
                4, f"Running cost per week from its finish to the horizon: {format_money(row.run, cur)}"
            )
            for c in (1, 2, 4, 5):
                item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tree.addTopLevelItem(item)
        tree.blockSignals(False)

    def _select_from_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ids = item.data(0, Qt.ItemDataRole.UserRole)
        if ids:
            self.doc.select(list(ids))

    # -- edits -----------------------------------------------------------------------------------------------
    def _commit(self, key: str) -> None:
        text = self.fields[key].text().strip()
        value: Any = None
        if text:
            try:
                value = _amount(text.replace(",", ""))
            except ValueError:
                if key == "target":
                    try:
                        value = dt.date.fromisoformat(text)
                    except ValueError:
                        value = None
                if value is None:
                    what = "a number of weeks or a date (YYYY-MM-DD)" if key == "target" else "a number"
                    self.problem.setText(f"{key.replace('_', ' ').capitalize()}: '{text}' is not {what}.")
                    return
        problem = self.doc.edit_plan(**{key: value})
        self.problem.setText(problem or "")

    def _decision_changed(self, item: QTreeWidgetItem, column: int) -> None:
        """One-off cost (column 2), category (3) or run rate (4) of a decision, as one undoable edit."""
        ids = item.data(0, Qt.ItemDataRole.UserRole)
        if not ids or column not in (2, 3, 4):
            self.refresh()  # computed columns are not inputs: put the figures back
            return
        text = item.text(column).strip().replace(",", "")
        value: Any
        if column == 3:
            from planner.analysis.cost import CATEGORIES

            value = text.lower()
            if value not in CATEGORIES:
                self.problem.setText(f"Category '{text}': choose one of {', '.join(CATEGORIES)}.")
                self.refresh()
                return
        else:
            try:
                value = _amount(text) if text else None
            except ValueError:
                self.problem.setText(f"'{item.text(column)}' is not a number.")
                self.refresh()
                return
        key = {2: "cost", 3: "cost_category", 4: "run_rate"}[column]
        problem = self.doc.edit_decision(ids[0], **{key: value})
        self.problem.setText(problem or "")

    def _rate_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 1:
            return
        team_id = item.data(0, Qt.ItemDataRole.UserRole)
        team = next((t for t in self.doc.plan.teams if t.id == team_id), None)
        if team is None:
            return
        text = item.text(1).strip().replace(",", "")
        try:
            rate = _amount(text) if text else None
        except ValueError:
            self.problem.setText(f"Rate of {team.name}: '{item.text(1)}' is not a number.")
            return
        problem = self.doc.edit_object(team, f"Change rate of {team.name}", rate=rate)
        self.problem.setText(problem or "")

    # -- charts ----------------------------------------------------------------------------------------------
    def _draw_spend(self, fig: Any) -> None:
        a = self.doc.analysis
        if a is None:
            return
        from planner.charts.cost import draw_spend_curve

        draw_spend_curve(fig, a, simulation=self.simulation_result())

    def _spend_chart_size(self, dpi: float) -> tuple[int, int] | None:
        """Pixels the spend curve needs: its title, the week axis above and the two-line date axis below take
        ~1.5 in, and the curve gets at least ~0.9 in. In presentation type (a higher dpi on the same pixels) the
        curve was squeezed to a line with its money labels drawn over each other; it scrolls instead."""
        return int(3.6 * dpi), int(2.4 * dpi)

    def _charts_need(self) -> tuple[int, int]:
        """The readable heights of the spend curve and of the cost-by-stage chart, in pixels at the charts' dpi."""
        canvas = self.stage_chart.canvas
        dpi = type_scale.logical_dpi(canvas) if canvas is not None else type_scale.FIGURE_DPI
        spend, stages = self._spend_chart_size(dpi), self._stage_chart_size(dpi)
        return (spend[1] if spend else 0), (stages[1] if stages else 0)

    def _stage_chart_size(self, dpi: float) -> tuple[int, int] | None:
        """Pixels the cost-by-stage chart needs for its labels not to overlap: its title and axis (~1.8 in) and
        a quarter inch a stage (in a shorter view they were drawn over each other; it scrolls instead)."""
        a = self.doc.analysis
        if a is None:
            return None
        return int(3.6 * dpi), int((1.8 + 0.25 * len(a.plan.stages)) * dpi)

    def _draw_stages(self, fig: Any) -> None:
        a = self.doc.analysis
        if a is None:
            return
        from planner.charts.cost import draw_cost_by_stage

        draw_cost_by_stage(fig, a)


SIDE_LEAST_HEIGHT = 360
"""The least height of the money column (pixels): the money form and a few breakdown rows; more when its contents
need more (a large font)."""


class _Side(QWidget):
    """The money column: :data:`SIDE_LEAST_HEIGHT` tall at least, and never less than its contents need. Held at
    360 px by a fixed minimum, it was squeezed under its contents' 387 px when stacked (1024x768): the team rates
    list ran into the breakdown's tabs, its last row and bottom edge cut."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), SIDE_LEAST_HEIGHT))


class _SideScroll(QScrollArea):
    """The money column's scroll area: at least as tall as the column (stacked under the charts, the page scrolls
    to show it whole rather than this area showing a part of it)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        return QSize(
            hint.width(), max(hint.height(), inner.minimumSizeHint().height() + 2 * self.frameWidth())
        )


class _ChartPair(QWidget):
    """The spend curve over the cost-by-stage chart, the lower one its readable height (and at least 40 %) where
    the upper keeps its own, until the user drags the handle; on a tab shorter than both readable heights, the two
    as tabs, each the whole height. At 1280x720 (the inspector and findings docked) a fixed 60:40 split gave the
    stage chart 160 of its 280 px (three of four stages, under a scroll bar), and a split by need cut both."""

    TITLES = ("Spend curve", "Cost by stage")

    def __init__(
        self,
        need: Callable[[], tuple[int, int]],
        upper: QWidget,
        lower: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._need = need
        self._charts = (upper, lower)
        self._dragged = False
        self._switching = False
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(upper)
        self.split.addWidget(lower)
        self.split.setSizes([360, 240])
        self.split.splitterMoved.connect(self._on_drag)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("costChartTabs")
        self.tabs.setDocumentMode(True)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.split)
        self._stack.addWidget(self.tabs)

    def _switch(self) -> None:
        self._switching = False
        upper, lower = self._need()
        tabbed = upper + lower > self.height() - self.split.handleWidth()
        if tabbed == self.is_tabbed():
            return
        if tabbed:
            for chart, title in zip(self._charts, self.TITLES, strict=True):
                self.tabs.addTab(chart, title)
            self._stack.setCurrentWidget(self.tabs)
        else:
            while self.tabs.count():
                self.tabs.removeTab(0)  # (the pages are not deleted: the splitter takes them back)
            for i, chart in enumerate(self._charts):
                self.split.insertWidget(i, chart)
                chart.show()
            self._stack.setCurrentWidget(self.split)
            self.share()

    def is_tabbed(self) -> bool:
        return self._stack.currentWidget() is self.tabs

    def _on_drag(self, _pos: int, _index: int) -> None:
        self._dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.share()

    def share(self) -> None:
        """Tabs or one above the other, and the height shared out, for the readable heights now."""
        upper, lower = self._need()
        total = self.height() - self.split.handleWidth()
        if total <= 0:
            return
        tabbed = upper + lower > total
        if tabbed != self.is_tabbed() and not self._switching:
            # Moved between splitter and tabs after this event: reparented inside a resize, a chart crashed Qt.
            self._switching = True
            QTimer.singleShot(0, self, self._switch)
        if tabbed or self._dragged:
            return
        low = max(lower, int(0.4 * total))
        if self.split.sizes() != [total - low, low]:
            self.split.setSizes([total - low, low])


def _amount(text: str) -> float:
    """A typed amount; ValueError for text, and for nan and inf (float() reads them, and pydantic then refused nan
    as "must be at least 0")."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value
