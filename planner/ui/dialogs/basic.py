"""Small dialogs of the main window: the new-plan chooser, the shortcut reference and the getting-started guide.

Each is built, then opened window-modally with ``open()`` by the window (never ``exec()``), so tests can click
their buttons.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QDate, QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.templates import template_names, template_summary


class NewPlanDialog(QDialog):
    """Choose the template a new plan starts from, and its start date (on by default: next Monday), so every view
    shows calendar dates beside the weeks from the start, as ``planner new --start-date`` does. The summaries wrap:
    the dialog never grows wider than ~560 px (a combo box of "name — summary" lines overflowed the screen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPlanDialog")
        self.setWindowTitle("New plan")
        intro = QLabel("Start from a template:", self)
        self.templates = QListWidget(self)
        self.templates.setObjectName("templateList")
        self.templates.setWordWrap(True)
        self.templates.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.templates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.templates.setAlternatingRowColors(True)
        names = template_names()
        for name in names:
            item = QListWidgetItem(f"{name}\n{template_summary(name)}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(template_summary(name))
            self.templates.addItem(item)
        default = names.index("ai-scaling") if "ai-scaling" in names else 0
        self.templates.setCurrentRow(default)
        self.templates.itemDoubleClicked.connect(lambda _i: self.accept())
        today = dt.date.today()
        monday = today + dt.timedelta(days=(7 - today.weekday()) % 7)  # today when it is a Monday
        self.dated = QCheckBox("Starts on", self)
        self.dated.setObjectName("newPlanDated")
        self.dated.setChecked(True)
        self.dated.setToolTip("Without a start date every figure is in weeks from the start, with no dates")
        self.start = QDateEdit(QDate(monday.year, monday.month, monday.day), self)
        self.start.setObjectName("newPlanStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMM yyyy")
        self.dated.toggled.connect(self.start.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.dated)
        when.addWidget(self.start)
        when.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.templates, 1)
        layout.addLayout(when)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)
        self.resize(520, 340)

    def chosen(self) -> str | None:
        item = self.templates.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def start_date(self) -> dt.date | None:
        """The start date chosen, or None when the plan is to have none."""
        if not self.dated.isChecked():
            return None
        d = self.start.date()
        return dt.date(d.year(), d.month(), d.day())


SHORTCUTS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Files",
        [
            ("Ctrl+N", "New plan from a template"),
            ("Ctrl+O", "Open a plan"),
            ("Ctrl+S", "Save"),
            ("Ctrl+Shift+S", "Save as"),
            ("Ctrl+I", "Import another tool's file (MS Project, P6, CSV, Excel...) as a new plan"),
            ("Ctrl+Shift+E", "Export the PDF report"),
            ("Ctrl+P", "Print the chart"),
        ],
    ),
    (
        "Editing",
        [
            ("Ctrl+Z / Ctrl+Y", "Undo / redo"),
            ("Ctrl+Return", "Add a decision after the selected one"),
            ("Ctrl+D", "Duplicate"),
            ("Alt+Shift+↑ / Alt+Shift+↓", "Move the selected decisions up or down in the plan"),
            (
                "Ctrl+C / Ctrl+X / Ctrl+V",
                "Copy, cut, paste decisions (with their links; as text for spreadsheets)",
            ),
            ("Delete", "Delete the selection (decisions with their links, or a selected link)"),
            ("F2", "Rename the selected decision"),
            ("Enter (table) / Shift+F2", "Open the selection in the inspector; Esc goes back to the view"),
            ("Ctrl+F", "Filter the table (then Enter or ↓: to the rows found; Esc: to the table)"),
            ("Ctrl+Shift+F", "Find a decision on the graph (then Esc: back to the graph)"),
        ],
    ),
    (
        "Graph",
        [
            ("Arrow keys", "Move the selection along the links (← predecessor, → successor, ↑ ↓ neighbours)"),
            ("Enter", "Open the selected decision in the inspector"),
            ("Ctrl+wheel, Ctrl++ / Ctrl+-", "Zoom"),
            ("Ctrl+9 / Ctrl+0", "Fit to window / actual size"),
            ("Esc", "Cancel a link being drawn, clear the highlight"),
            ("Drag from a card's handle", "Draw a dependency"),
        ],
    ),
    (
        "Views",
        [
            ("Ctrl+1 … Ctrl+8", "Table, Graph, the charts and Risk (the keys then go to the view)"),
            ("Alt+1 / Alt+2 / Alt+3", "Capacity, Cost and Coverage"),
            ("F5", "Run the simulation (Risk tab)"),
            ("F11 / Ctrl+Shift+P", "Presentation mode"),
            ("F1", "This list of keys"),
        ],
    ),
    (
        "Scenarios",
        [
            ("Ctrl+Alt+PgDn / Ctrl+Alt+PgUp", "Show the next / previous scenario"),
            ("Ctrl+Shift+K", "Compare scenarios side by side"),
        ],
    ),
    (
        "Presenting",
        [
            ("PgDn / → / Space", "Next step"),
            ("PgUp / ← / Backspace", "Previous step"),
            ("S", "Stage walk-through"),
            ("C", "Critical-path spotlight"),
            ("Home", "Overview"),
            ("End", "Last step"),
            ("Tab / Shift+Tab", "The next / previous decision of the step (a stage's decisions, the chain)"),
            ("Enter", "Open the decision in focus in the inspector (Esc: back to the deck)"),
            ("↑ / ↓", "Scroll a long step (in the table: its rows)"),
            ("+ / −", "Lengthen or shorten the selected decision by a week"),
            ("B or .", "Blank the screen"),
            ("N", "Show the next scenario"),
            ("Esc", "Leave (keep or discard the changes)"),
        ],
    ),
]
"""The shortcut reference (Help > Keyboard Shortcuts)."""


def shortcuts_html() -> str:
    rows = []
    for group, items in SHORTCUTS:
        rows.append(f"<tr><td colspan='2'><h3>{group}</h3></td></tr>")
        rows += [f"<tr><td style='padding-right:16px'><b>{k}</b></td><td>{v}</td></tr>" for k, v in items]
    return "<table cellspacing='2'>" + "".join(rows) + "</table>"


GETTING_STARTED = """
<h2>Getting started</h2>
<ol>
<li><b>Start a plan.</b> File &gt; New starts from the <i>ai-scaling</i> template (four stages, a starter set of
decisions) or a blank plan. File &gt; Open reads a <tt>.plan.json</tt> file.</li>
<li><b>Add decisions.</b> Edit &gt; Add Decision (Ctrl+Return), then type in the table or the inspector on the
right: title, area, stage, owner team and a three-point estimate in weeks (optimistic, likely, pessimistic).</li>
<li><b>Link them.</b> In the Graph tab drag from a card's round handle to the card that waits for it, or use
<i>Predecessors</i> in the inspector. A link that would close a loop is refused with the loop spelled out.</li>
<li><b>Read the schedule.</b> The status bar shows the finish; red cards and rows are critical. Select a decision:
<i>Why this schedule</i> in the inspector says what drives its start and how much it can slip.</li>
<li><b>Check the risk and the load.</b> The Risk tab simulates the finish (P50, P80) and the Capacity tab shows each
team's load against its capacity. Findings at the bottom list what to fix.</li>
<li><b>Present and share.</b> F11 presents: PgDn walks through the stages and the critical path; + / − try a
what-if you can keep or discard. File &gt; Export Report writes the PDF; File &gt; Export Chart saves any chart.</li>
</ol>
<p>Everything is undoable (Ctrl+Z). Plans are plain JSON files you own: they diff well in git.</p>
"""


HELP_WIDTH = 640
"""The help pages' width at a 9-10 pt font; more in proportion at a larger one (``type_scale.desk_scale``)."""


class HelpDialog(QDialog):
    """A read-only page of help text (shortcuts, getting started): as wide as its type asks and as tall as its text,
    within the screen (:meth:`preferred_size`). At a fixed 640x560 the shortcuts were cut mid-line over a scroll
    bar in the middle of a 2560x1440 panel, and Getting Started lost its last step at a 150 % font on 1920x1080."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(title)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self._fit_to_text()

    def _fit_to_text(self) -> None:
        from planner.ui.screen_fit import available_area

        parent = self.parentWidget()
        self.resize(self.preferred_size(available_area(parent.window() if parent is not None else None)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # F1 while presenting: the dialog is given the room's type as it is shown; sized again for it.
            self._fit_to_text()

    def preferred_size(self, area: QRect) -> QSize:
        """:data:`HELP_WIDTH` at the dialog's type size (the desk's, or presentation type when F1 is pressed while
        presenting), as tall as the text at that width with the Close button (no scroll bar); no larger than
        ``area`` (there the text scrolls)."""
        from planner.ui.views.type_scale import desk_scale

        width = min(round(HELP_WIDTH * desk_scale(self.font())), area.width())
        layout = self.layout()
        assert layout is not None
        m = layout.contentsMargins()
        frame = 2 * self.text.frameWidth()
        doc = self.text.document().clone(self)
        doc.setDefaultFont(self.text.font())
        doc.setTextWidth(width - m.left() - m.right() - frame)
        text = math.ceil(doc.size().height()) + frame + 2
        doc.deleteLater()
        gap = layout.spacing()
        if gap < 0:  # the style's
            gap = max(0, self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing))
        height = m.top() + text + gap + self.buttons.sizeHint().height() + m.bottom()
        return QSize(width, min(height, area.height()))
