"""The Coverage tab (issue 17): a matrix of framework items by stage, each cell the decisions that cover the item in
that stage, with missing and late obligations marked, and the coverage findings below.

The figures come from :func:`planner.analysis.coverage.coverage`, as in ``planner coverage`` and the report. The
role and risk tier pickers edit the plan's ``ai_system`` (one undoable edit each).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model import Plan, units
from planner.model.plan import AI_ROLES as ROLES
from planner.model.plan import RISK_TIERS as TIERS
from planner.ui.state.document import PlanDocument
from planner.ui.theme import readable_on, status_css
from planner.ui.views.adaptive import PageBody, scroll_page
from planner.ui.views.columns import ColumnFit
from planner.ui.views.lazy import LazyRefresh

if TYPE_CHECKING:
    from planner.analysis.coverage import CoverageReport

# planner.analysis.coverage (whose ROLES and TIERS are the model's) is imported in refresh(), not here: the
# analysis package imports numpy, which the window does not need before its first paint.

FRAMEWORK_CHOICES = (
    ("euaiact", "EU AI Act"),
    ("nist", "NIST AI RMF 1.0"),
    ("iso42001", "ISO/IEC 42001 Annex A"),
)
STATUS_COLORS = {"covered": "#d8eed9", "late": "#fbe3c2", "missing": "#f7d0cc", "uncovered": "#f2f2f2"}
ON_STATUS_COLOR = "#202124"
"""Text on those pale backgrounds (the dark theme's light text on them was unreadable)."""
DARK_STATUS_LIGHTNESS = 0.24
"""On a dark palette each status fill is its hue at this lightness (HSL), with light text: the pale fills glared
out of a dark window, a bright table in a dark app."""


def status_brushes(status: str, base: QColor) -> tuple[QBrush, QBrush]:
    """The fill and the text of a cell of ``status`` on a view whose background is ``base``: the pale fill with dark
    text on a light palette; on a dark one, the same hue dark, with light text (contrast >= 4.5 either way)."""
    pale = QColor(STATUS_COLORS[status])
    if base.lightness() >= 128:
        return QBrush(pale), QBrush(QColor(ON_STATUS_COLOR))
    saturation = min(1.0, pale.hslSaturationF() * 0.5) if pale.hslSaturationF() > 0 else 0.0
    fill = QColor.fromHslF(max(pale.hslHueF(), 0.0), saturation, DARK_STATUS_LIGHTNESS)
    return QBrush(fill), QBrush(readable_on(QColor("#e8eaed"), fill))


MATRIX_MIN_HEIGHT = 150
"""The least height of the coverage matrix (pixels): its header and two or three rows of wrapped titles."""
FINDINGS_MIN_HEIGHT = 70
"""The least height of the coverage findings under it (pixels): its header and two findings."""
STATUS_TEXT = {"covered": "covered", "late": "LATE", "missing": "MISSING", "uncovered": "not cited"}


class CoverageTab(LazyRefresh, QWidget):
    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageTab")
        self.doc = doc
        self.report: CoverageReport | None = None

        self.framework = QComboBox(self)
        self.framework.setObjectName("coverageFramework")
        for key, title in FRAMEWORK_CHOICES:
            self.framework.addItem(title, key)
        self.role = QComboBox(self)
        self.role.setObjectName("coverageRole")
        self.role.addItem("role not set", None)
        for r in ROLES:
            self.role.addItem(r, r)
        self.role.setToolTip("The organisation's role under the EU AI Act (saved in the plan)")
        self.tier = QComboBox(self)
        self.tier.setObjectName("coverageTier")
        self.tier.addItem("risk tier not set", None)
        for t in TIERS:
            self.tier.addItem(t, t)
        self.tier.setToolTip("The AI system's EU AI Act risk tier (saved in the plan)")
        self.summary = QLabel(self)
        self.summary.setObjectName("coverageSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        # The choices (wrapping onto a second line when narrow) and the summary under them at the tab's full
        # width: in one row they made the window wider than an 800x600 screen, and in a flowing row the summary
        # was a narrow column.
        from planner.ui.presentation.workshop import FlowLayout

        choices = FlowLayout(spacing=6)
        for w in (QLabel("Framework", self), self.framework, QLabel("AI system", self), self.role, self.tier):
            choices.addWidget(w)
        bar = QVBoxLayout()
        bar.setContentsMargins(8, 6, 8, 2)
        bar.addLayout(choices)
        bar.addWidget(self.summary)

        self.matrix = QTableWidget(self)
        self.matrix.setObjectName("coverageMatrix")
        self.matrix.setAccessibleName("Coverage matrix: framework items by stage")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.setWordWrap(True)
        self.matrix.verticalHeader().setVisible(False)
        self.matrix.cellClicked.connect(self._select_cell)
        # The item and its status whole; the title and the stages' decisions wrap to make room.
        self.matrix_columns = ColumnFit(self.matrix, least_chars=16)

        self.findings = QTreeWidget(self)
        self.findings.setObjectName("coverageFindings")
        self.findings.setHeaderLabels(["", "Finding"])
        self.findings.setRootIsDecorated(False)
        self.findings.setWordWrap(True)
        self.findings.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.itemClicked.connect(self._select_finding)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.matrix)
        split.addWidget(self.findings)
        split.setSizes([480, 160])
        split.setChildrenCollapsible(False)
        # The matrix a few rows high and the findings two, at least: the tab scrolls below that. On a 1024x600
        # screen at 200 % (a 211 px tab) the matrix had 40 px, half of its header's first row, under the pickers.
        self.matrix.setMinimumHeight(MATRIX_MIN_HEIGHT)
        self.findings.setMinimumHeight(FINDINGS_MIN_HEIGHT)
        self.splitter = split

        body = PageBody(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.page = scroll_page(body, "coverageTabScroll", self)

        self.framework.currentIndexChanged.connect(lambda _i: self.refresh())
        self.role.activated.connect(lambda _i: self._set_ai_system())
        self.tier.activated.connect(lambda _i: self._set_ai_system())
        doc.analysis_updated.connect(self._on_analysis)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: the status fills follow it
            self._on_analysis()

    # -- refresh ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        plan = self.doc.plan
        ai = plan.ai_system
        self.role.setCurrentIndex(max(0, self.role.findData(ai.role if ai else None)))
        self.tier.setCurrentIndex(max(0, self.tier.findData(ai.risk_tier if ai else None)))
        fw = self.framework.currentData()
        a = self.doc.analysis
        # The analysis of the plan as it is (a big plan's is computed off the GUI thread on a copy); a stale one
        # would misplace finishes, so lateness waits for the fresh one (analysis_updated refreshes the tab).
        current = a is not None and self.doc.analysis_current
        from planner.analysis.coverage import coverage

        self.report = coverage(plan, a if current else None, frameworks=[fw])
        self._fill_matrix(plan, self.report, fw)
        self._fill_findings(self.report)

    def _fill_matrix(self, plan: Plan, report: CoverageReport, fw: str) -> None:
        fc = report.framework(fw)
        rows = (
            [i for i in fc.items if i.required]
            if fw == "euaiact" and report.role and report.tier
            else fc.items
        )
        stages = report.stages
        headers = ["Item", "Title"] + [name for _, name in stages] + ["Status"]
        m = self.matrix
        m.clear()
        m.setColumnCount(len(headers))
        m.setRowCount(len(rows))
        m.setHorizontalHeaderLabels(headers)
        for r, ic in enumerate(rows):
            status = ic.status
            color, ink = status_brushes(status, m.palette().color(QPalette.ColorRole.Base))
            first = QTableWidgetItem(ic.item.id)
            first.setToolTip(ic.item.summary)
            m.setItem(r, 0, first)
            title = QTableWidgetItem(ic.item.title if fw == "euaiact" else ic.item.summary)
            title.setToolTip(ic.item.summary)
            m.setItem(r, 1, title)
            for c, (sid, _name) in enumerate(stages, start=2):
                ids = ic.by_stage.get(sid, [])
                cell = QTableWidgetItem("\n".join(ids))
                cell.setData(Qt.ItemDataRole.UserRole, ids)
                if ids:
                    cell.setBackground(color)
                    cell.setForeground(ink)
                    cell.setToolTip("Covered by: " + ", ".join(ids))
                m.setItem(r, c, cell)
            text = STATUS_TEXT[status]
            if status == "late" and ic.due is not None:
                text += f" (due {ic.due_reason})"
            st = QTableWidgetItem(text)
            st.setBackground(color)
            st.setForeground(ink)
            if ic.item.applies is not None:
                st.setToolTip(f"Applies from {units.format_date(ic.item.applies)}")
            m.setItem(r, len(headers) - 1, st)
        self.matrix_columns.flexible = set(range(1, len(headers) - 1))
        self.matrix_columns.fit()
        covered = len([i for i in rows if i.decisions])
        req = [i for i in fc.items if i.required]
        parts = [f"<b>{covered}</b> of {len(rows)} {'obligations' if fw == 'euaiact' else 'items'} covered"]
        if req:
            missing, late = len(fc.missing()), len(fc.late())
            parts.append(
                f"<span style='color:{status_css('error')}'><b>{missing}</b> missing</span>"
                if missing
                else "none missing"
            )
            parts.append(
                f"<span style='color:{status_css('warning')}'><b>{late}</b> late</span>"
                if late
                else "none late"
            )
        elif fw == "euaiact":
            parts.append("set the role and risk tier to check the obligations that apply")
        if report.go_live is not None:
            parts.append(f"go-live {report.go_live_label}")
        self.summary.setText(" · ".join(parts))

    def _fill_findings(self, report: CoverageReport) -> None:
        self.findings.clear()
        labels = {"error": "Error", "warning": "Warning", "info": "Info"}
        for f in report.findings:
            item = QTreeWidgetItem([labels[str(f.severity)], f.message])
            item.setToolTip(1, f.message)
            item.setData(0, Qt.ItemDataRole.UserRole, list(f.decisions))
            self.findings.addTopLevelItem(item)
        if not report.findings:
            self.findings.addTopLevelItem(
                QTreeWidgetItem(["", "No findings: every applicable obligation is covered in time."])
            )

    # -- interaction ---------------------------------------------------------------------------------------
    def _select_cell(self, row: int, column: int) -> None:
        item = self.matrix.item(row, column)
        ids = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if ids:
            self.doc.select(list(ids))

    def _select_finding(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ids = item.data(0, Qt.ItemDataRole.UserRole)
        if ids:
            self.doc.select(list(ids))

    def _set_ai_system(self) -> None:
        from planner.model import AISystem

        plan = self.doc.plan
        current = plan.ai_system or AISystem()
        role, tier = self.role.currentData(), self.tier.currentData()
        if (current.role, current.risk_tier) == (role, tier):
            return
        updated = current.model_copy(update={"role": role, "risk_tier": tier})
        self.doc.edit_plan(ai_system=None if updated == AISystem() else updated)
