"""The findings panel (validation findings grouped by severity) and the status bar summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QMoveEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStatusBar,
    QStyle,
    QStyleOption,
    QStyleOptionComboBox,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from planner import units
from planner.ui.state.document import PlanDocument
from planner.ui.theme import status_css
from planner.ui.views import format as fmt
from planner.ui.views.elided import ElidedComboBox, ElidedLabel

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.analysis.findings import Finding

# Severity values as plain strings (planner.analysis.Severity is a StrEnum with these values): importing the
# analysis here would load numpy before the window is first shown.
ERROR, WARNING, INFO = "error", "warning", "info"
BASELINE_CHARS = 16
"""The status bar's baseline chooser is about this many characters wide (its list shows the names whole)."""

CHOOSER_LEAST_CHARS = 5
"""The status bar's choosers (baseline, estimate) give way down to about this many characters before the window
grows."""


def _chooser_width(combo: QComboBox, chars: int) -> int:
    """The width of ``combo`` showing ``chars`` characters (its frame and arrow included)."""
    fm = combo.fontMetrics()
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    text = QSize(fm.horizontalAdvance("x") * chars, fm.height())
    return combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, text, combo).width()


_GROUPS = (
    (ERROR, "Errors", QStyle.StandardPixmap.SP_MessageBoxCritical),
    (WARNING, "Warnings", QStyle.StandardPixmap.SP_MessageBoxWarning),
    (INFO, "Notes", QStyle.StandardPixmap.SP_MessageBoxInformation),
)


class FindingsPanel(QTreeWidget):
    """Every validation finding, grouped by severity. Activating one selects the decisions it names."""

    finding_activated = Signal(object)  # Finding

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("findings")
        self.setAccessibleName("Findings")
        self.setColumnCount(2)
        self.setHeaderLabels(["Finding", "Code"])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self._findings: list[Finding] | None = None  # shown, in order
        self._groups: dict[str, list[Finding]] = {}  # shown, by severity
        self._tops: dict[str, QTreeWidgetItem] = {}  # the group rows, by severity
        self._expanded = {ERROR: True, WARNING: True, INFO: False}
        self.itemActivated.connect(self._activate)
        self.itemClicked.connect(self._activate)
        doc.analysis_updated.connect(self.show_analysis)
        if doc.analysis is not None:
            self.show_analysis(doc.analysis)

    def show_analysis(self, analysis: Analysis) -> None:
        findings = analysis.all_findings
        old = self._findings
        if old is not None and len(old) == len(findings) and all(map(_same, old, findings)):
            self._findings = findings
            return  # unchanged: keep scroll position and expansion
        groups = {sev: [f for f in findings if f.severity == sev] for sev, _, _ in _GROUPS}
        if old is not None and self._tops and set(self._tops) == {s for s, g in groups.items() if g}:
            # The same groups: replace only the rows that differ (an edit changes a few over-capacity
            # warnings among thousands of findings; rebuilding them all cost ~40 ms at 10,000 decisions).
            self._findings = findings
            for sev, label, _ in _GROUPS:
                if sev in self._tops:
                    self._update_group(self._tops[sev], label, self._groups[sev], groups[sev])
            self._groups = groups
            return
        self._findings = findings
        self._groups = groups
        for i in range(self.topLevelItemCount()):
            it = self.topLevelItem(i)
            if it is not None:
                self._expanded[it.data(0, Qt.ItemDataRole.UserRole)] = it.isExpanded()
        self.setUpdatesEnabled(False)
        self.clear()
        self._tops = {}
        style = self.style()
        for sev, label, pix in _GROUPS:
            group = groups[sev]
            if not group:
                continue
            top = QTreeWidgetItem([f"{label} ({len(group)})", ""])
            top.setData(0, Qt.ItemDataRole.UserRole, sev)
            top.setIcon(0, style.standardIcon(pix))
            f = top.font(0)
            f.setBold(True)
            top.setFont(0, f)
            top.setFirstColumnSpanned(True)
            top.addChildren([_row(finding) for finding in group])
            self.addTopLevelItem(top)
            top.setExpanded(self._expanded.get(sev, True))
            self._tops[sev] = top
        if not findings:
            ok = QTreeWidgetItem(["No findings: the plan is consistent.", ""])
            self.addTopLevelItem(ok)
        self.setUpdatesEnabled(True)

    @staticmethod
    def _update_group(top: QTreeWidgetItem, label: str, old: list[Finding], new: list[Finding]) -> None:
        """Make ``top``'s rows (showing ``old``) show ``new``: the rows between the common head and tail are
        replaced, the others kept."""
        head = 0
        most = min(len(old), len(new))
        while head < most and _same(old[head], new[head]):
            head += 1
        tail = 0
        while tail < most - head and _same(old[-1 - tail], new[-1 - tail]):
            tail += 1
        gone = len(old) - tail - head
        if gone > 64 and gone > len(old) // 2:  # (one child taken at a time shifts the rest: all at once)
            top.takeChildren()
            head, tail, gone = 0, 0, 0
        for _ in range(gone):
            top.takeChild(head)
        top.insertChildren(head, [_row(f) for f in new[head : len(new) - tail]])
        text = f"{label} ({len(new)})"
        if top.text(0) != text:
            top.setText(0, text)

    def viewportEvent(self, event: QEvent) -> bool:
        # Tooltips are built when asked for: wrapping every message up front cost ~0.1 s per analysis at 10k.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.itemAt(event.pos())
            finding = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
            if finding is not None and hasattr(finding, "message"):
                QToolTip.showText(event.globalPos(), _wrap(units.one_line(finding.message)), self.viewport())
                return True
        return super().viewportEvent(event)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        if finding is not None and hasattr(finding, "severity") and hasattr(finding, "decisions"):
            if finding.decisions:
                self.doc.select(list(finding.decisions))
            self.finding_activated.emit(finding)


def _row(finding: Finding) -> QTreeWidgetItem:
    # A finding names decisions by their titles as the file holds them: one line, as the command line prints it (a
    # title's line break split its row, a right-to-left override turned the rest of the row around).
    child = QTreeWidgetItem([units.one_line(finding.message), finding.code])
    child.setData(0, Qt.ItemDataRole.UserRole, finding)  # its wrapped tooltip is made on demand
    return child


def _same(a: Finding, b: Finding) -> bool:
    """``a`` and ``b`` read the same (the incremental analysis keeps most findings as the same objects)."""
    return a is b or (
        a.message == b.message
        and a.code == b.code
        and a.severity == b.severity
        and a.decisions == b.decisions
    )


def _wrap(text: str, width: int = 90) -> str:
    return fmt.wrapped(text, width)


class _Figure(ElidedLabel):
    """A status-bar figure: elided to its room, and given no room at all (dropped: nothing shown, ``is_elided``,
    the whole text in its tooltip) when :class:`_FiguresRow` has none left for it."""

    def setText(self, text: str) -> None:
        was = bool(self.text()) if hasattr(self, "_full") else False
        super().setText(text)
        if was != bool(text):
            self.updateGeometry()  # an empty figure takes no room: the row shares it out again

    def _show_fitting(self) -> None:
        if self.width() > 0 or not self.text():
            super()._show_fitting()
            return
        if super().text():
            QLabel.setText(self, "")
        if self.toolTip() != self._set_tip:
            self._tip = self.toolTip()  # its owner set a new one
        tip = "\n".join(t for t in (self.text(), self._tip) if t)
        self._set_tip = tip
        if tip != self.toolTip():
            self.setToolTip(tip)


class _ClickableLabel(_Figure):
    """A label that reports a mouse press (the status bar's findings count opens the Findings panel)."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()


FIGURE_LEAST_CHARS = 10
"""A status-bar figure is shown elided down to about this many characters ("Gated: we…"), dropped below: a stub
("Gat…") says nothing."""

WHOLE, CHOOSER, FIGURE = 0, 1, 2
"""How :class:`_FiguresRow` treats a status-bar part: always whole, a chooser (its least width first, more when the
more important figures are whole), or a figure (whole, elided or dropped, by its place in the order of giving)."""


class _FiguresRow(QWidget):
    """The room of the status bar's figures and choosers in the bar's own row, given out by importance, not alike.

    Qt's own row took a few pixels from every part alike: at 800 px, or at a 150 % font, every figure was cut to a
    stub at once ("Crit…", "0 er…"). Here the finish and the findings count are whole (they make the row's least
    width), the choosers have their least width, then the other figures are given their whole width one by one in
    ``order`` (the last ones elided to what is left, or dropped when not even a few characters fit), and what is
    still left widens the choosers. An empty figure, or a hidden part, takes no room.

    The parts stay the bar's children (their geometry is the bar's, as before), placed over this widget, which only
    holds their room in the bar's layout: :meth:`place` when it moves or resizes, or when the bar lays out again."""

    SPACING = 6

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._parts: list[QWidget] = []
        self._kinds: list[int] = []
        self._order: list[QWidget] = []  # the figures, the first given room first

    def add(self, widget: QWidget, kind: int) -> None:
        self._parts.append(widget)
        self._kinds.append(kind)

    def parts(self) -> list[QWidget]:
        return list(self._parts)

    def set_order(self, order: list[QWidget]) -> None:
        self._order = order
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return self._size([self._most(i) for i in self._shown()])

    def minimumSizeHint(self) -> QSize:
        return self._size([self._least(i) for i in self._shown() if self._kinds[i] != FIGURE])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self.place()

    def place(self) -> None:
        """The parts over this widget's room, in the bar's coordinates (a row narrower than its room: on the
        right)."""
        rect = self.geometry()
        widths = self.widths(rect.width())
        x = rect.left() + max(0, rect.width() - self._taken(widths))
        for i, widget in enumerate(self._parts):
            if widget.isHidden():
                continue
            w = widths.get(i, 0)  # an empty figure: no room, where it would be
            h = min(rect.height(), max(widget.sizeHint().height(), widget.minimumHeight()))
            target = QRect(x, rect.top() + (rect.height() - h) // 2, w, h)
            if widget.geometry() != target:
                widget.setGeometry(target)
            x += w + (self.SPACING if w else 0)

    # -- the sharing ----------------------------------------------------------------------------------------
    def widths(self, room: int) -> dict[int, int]:
        """Each shown part's width in a row ``room`` wide (0: dropped)."""
        shown = self._shown()
        widths = {i: (self._least(i) if self._kinds[i] != FIGURE else 0) for i in shown}
        gap = self.SPACING
        left = room - self._taken(widths)
        figures = [self._parts.index(w) for w in self._order if w in self._parts]
        figures += [i for i in shown if self._kinds[i] == FIGURE and i not in figures]
        for i in figures:
            if i not in widths:
                continue
            want = self._most(i)
            least = min(want, self._parts[i].fontMetrics().averageCharWidth() * FIGURE_LEAST_CHARS)
            give = min(want, left - gap)
            if give >= least and give > 0:
                widths[i] = give
                left -= give + gap
        for i in shown:  # what is left widens the choosers
            if self._kinds[i] == CHOOSER and left > 0:
                more = min(left, self._most(i) - widths[i])
                widths[i] += more
                left -= more
        return widths

    def _shown(self) -> list[int]:
        return [
            i
            for i, widget in enumerate(self._parts)
            if not widget.isHidden() and not (isinstance(widget, ElidedLabel) and not widget.text())
        ]

    def _least(self, i: int) -> int:
        widget = self._parts[i]
        if self._kinds[i] == WHOLE:
            return self._most(i)
        return max(widget.minimumWidth(), 0) or widget.minimumSizeHint().width()

    def _most(self, i: int) -> int:
        widget = self._parts[i]
        return max(min(widget.sizeHint().width(), widget.maximumWidth()), widget.minimumWidth())

    def _taken(self, widths: dict[int, int] | list[int]) -> int:
        ws = [w for w in (widths.values() if isinstance(widths, dict) else widths) if w]
        return sum(ws) + self.SPACING * max(0, len(ws) - 1)

    def _size(self, widths: list[int]) -> QSize:
        return QSize(self._taken(widths), max((w.sizeHint().height() for w in self._parts), default=0))


class PlanStatusBar(QStatusBar):
    """Finish (weeks and date), gated finish and the price of gating, critical count, errors and warnings."""

    findings_clicked = Signal()

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("statusBar")
        row = self.figures = _FiguresRow(self)
        row.setObjectName("statusFigures")
        self.finish = _Figure(parent=self, headline=True)  # the figure the room asks for: whole
        self.finish.setToolTip("When the plan finishes with stages rolling into each other")
        self.gated = _Figure(parent=self)
        self.gated.setToolTip(
            "When it finishes if every stage waits for the previous one to end (strict gates), "
            "and what that costs in weeks"
        )
        self.target = _Figure(parent=self)
        self.target.setObjectName("targetVerdict")
        self.target.setToolTip("The finish against the plan's target finish (set on the Cost tab)")
        self.critical = _Figure(parent=self)
        self.critical.setToolTip("Decisions on a critical chain: any delay moves the finish")
        self.baseline_combo = ElidedComboBox(self)
        self.baseline_combo.setObjectName("baselineChooser")
        self.baseline_combo.setAccessibleName("Baseline to compare against")
        self.baseline_combo.setToolTip(
            "The baseline the table's Start slip and Finish slip columns, the Gantt and "
            "the slip shown here compare against (Plan > Save Baseline… adds one)"
        )
        # A few words wide at most (its list shows the names whole, its tooltip the chosen one: _fit_choosers): as
        # wide as its longest entry, a baseline named for a steering committee took 370 px and cut the figures
        # beside it to "Crit…".
        self.baseline_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._baseline_tip = self.baseline_combo.toolTip()
        self.baseline_combo.activated.connect(
            lambda _i: doc.set_baseline_name(self.baseline_combo.currentData())
        )
        self.slip = _Figure(parent=self)
        self.slip.setObjectName("baselineSlip")
        self.slip.setToolTip("How far the finish moved since the baseline (Plan > Baseline)")
        self.problems = _ClickableLabel(parent=self, headline=True)
        self.problems.setToolTip("Validation findings (see the Findings panel)")
        self.busy = _Figure(parent=self)
        self.estimate = ElidedComboBox(self)
        self.estimate.setAccessibleName("Estimate used for the schedule")
        self.estimate.setToolTip("Which duration estimate the schedule uses (PERT: (o + 4 l + p) / 6)")
        for name, label in (
            ("likely", "Likely"),
            ("optimistic", "Optimistic"),
            ("pessimistic", "Pessimistic"),
            ("pert", "PERT"),
        ):
            self.estimate.addItem(label, name)
        self.estimate.currentIndexChanged.connect(lambda _i: doc.set_estimate(self.estimate.currentData()))
        self._fit_choosers()
        for w in (
            self.finish,
            self.gated,
            self.target,
            self.critical,
            self.baseline_combo,
            self.slip,
            self.problems,
            self.busy,
        ):
            if isinstance(w, QLabel):
                w.setAccessibleName(w.toolTip() or "Status")
            whole = w is self.finish or w is self.problems
            row.add(w, WHOLE if whole else (CHOOSER if isinstance(w, QComboBox) else FIGURE))
        row.add(self.estimate, CHOOSER)
        # the finish and the findings count whole; then the target verdict, the slip and the critical count; the
        # gated finish and the busy text give way first
        row.set_order([self.target, self.slip, self.critical, self.gated, self.busy])
        self.addPermanentWidget(self.figures)
        self.problems.clicked.connect(self.findings_clicked)
        self._hints: tuple[QSize, QSize] | None = None
        for part in row.parts():
            part.installEventFilter(self)  # shown or hidden: the row's room again; the finish: its tooltip
        self.messageChanged.connect(self._message_tip)
        doc.analysis_updated.connect(self.show_analysis)
        doc.analysis_started.connect(lambda: self._set(self.busy, "Analysing…") if self._large() else None)
        doc.analysis_failed.connect(self._show_analysis_failed)
        doc.estimate_changed.connect(lambda e: self.estimate.setCurrentIndex(self.estimate.findData(e)))
        doc.baseline_changed.connect(lambda _n: self.show_slip())
        doc.plan_meta_changed.connect(self.show_slip)
        doc.plan_meta_changed.connect(self._target_changed)
        if doc.analysis is not None:
            self.show_analysis(doc.analysis)

    def _fit_choosers(self) -> None:
        """The baseline chooser at most :data:`BASELINE_CHARS` characters wide, and both choosers able to give way
        down to :data:`CHOOSER_LEAST_CHARS` (their lists show the names whole): at their whole text, at 13.5 pt in a
        scenario with a baseline, the bar's least width made the window 815 px wide on an 800 px screen."""
        b = self.baseline_combo
        b.setMaximumWidth(_chooser_width(b, BASELINE_CHARS))
        for combo in (b, self.estimate):
            combo.setMinimumWidth(_chooser_width(combo, CHOOSER_LEAST_CHARS))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_choosers()

    # -- the temporary message: elided to its room, whole on hover -------------------------------------------
    def message_room(self) -> QRect:
        """Where the temporary message is drawn: left of the leftmost permanent widget shown."""
        lefts = [
            w.geometry().left() for w in self.findChildren(QWidget) if w.parent() is self and w.isVisible()
        ]
        right = min(lefts, default=self.width()) - 6
        return QRect(6, 0, max(0, right - 6), self.height())

    def dropped(self) -> list[str]:
        """The figures given no room at all (a narrow window, a large font), as their whole texts."""
        figures = (self.target, self.slip, self.critical, self.gated, self.busy)
        return [f.text() for f in figures if f.isVisible() and f.text() and f.width() == 0]

    def finish_tip(self) -> str:
        """The finish's tooltip: its own, then the figures dropped for want of room (they cannot be hovered)."""
        dropped = self.dropped()
        return "\n".join(
            [self.finish.toolTip(), *(["Not shown for want of room:", *dropped] if dropped else [])]
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.finish and kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self.finish_tip(), self.finish)
            return True
        if kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self._refit()
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        done = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a part's size hint changed (its layout ran first)
            self._refit()
        return done

    def _refit(self) -> None:
        """The row's room asked for again when its hints changed (only then: asking lays the bar out again), and
        its parts placed over it."""
        row = self.figures
        hints = (row.sizeHint(), row.minimumSizeHint())
        if hints != self._hints:
            self._hints = hints
            row.updateGeometry()
        row.place()

    def _message_tip(self, text: str) -> None:
        room = self.message_room().width()
        self.setToolTip(text if text and self.fontMetrics().horizontalAdvance(text) > room else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt's own painting, except that a message longer than its room ends in "…" (Qt cut it off mid-word
        under the figures: "the table shows the slip agains"); :meth:`currentMessage` keeps the whole text."""
        text = self.currentMessage()
        if not text:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, opt, painter, self)
        room = self.message_room()
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room.width())
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        painter.drawText(room, int(flags), shown)
        painter.end()

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        # A label that changes size makes the whole window lay out and repaint (~20 ms at 1,000 decisions);
        # the figures are ElidedLabels, whose grow-only size hints keep the status bar's geometry stable from one
        # edit to the next, yet give way (elided) on a narrow window instead of widening it past an 800 px screen.
        if label.text() != text:
            label.setText(text)

    def _show_analysis_failed(self, msg: str) -> None:
        self.busy.setText("Analysis failed")
        self.showMessage(msg, 10000)

    def _large(self) -> bool:
        return len(self.doc.plan.decisions) >= self.doc.SYNC_LIMIT

    def show_analysis(self, a: Analysis) -> None:
        self._set(self.busy, "")
        plan = self.doc.plan
        extra = [f for f in a.extra_findings if f.severity == WARNING]
        n_err, n_warn = len(a.errors), len(a.warnings) + len(extra)
        if a.schedule is None or a.stages is None:
            self._set(self.finish, "Finish: no schedule (fix the errors)")
            self._set(self.gated, "")
            self._set(self.target, "")
            self._set(self.critical, "")
        else:
            self._set(self.finish, f"Finish: {fmt.when(plan, a.schedule.finish)}")
            price = a.stages.gating_price
            self._set(
                self.gated,
                f"Gated: {fmt.gated(plan, a.stages.gated_finish, price)}",
            )
            self._set(
                self.critical,
                f"Critical: {units.part_of(int(a.schedule.critical.sum()), len(plan.decisions))}",
            )
            self.show_target(a.schedule.finish)
        parts = []
        parts.append(units.count(n_err, "error"))
        parts.append(units.count(n_warn, "warning"))
        self._set(self.problems, " · ".join(parts))
        color = status_css("error") if n_err else (status_css("warning") if n_warn else "")
        style = f"color: {color}; font-weight: bold;" if color else ""
        if (
            self.problems.styleSheet() != style
        ):  # a style sheet set, even the same, restyles the label (~1 ms)
            self.problems.setStyleSheet(style)
        self.show_slip()

    def _target_changed(self) -> None:
        a = self.doc.analysis
        if a is not None and a.schedule is not None:
            self.show_target(a.schedule.finish)

    def show_target(self, finish: float) -> None:
        """ "Target: met with 6.5 weeks to spare" (or "missed by 2 weeks", in the error colour), as the command line
        and the report word it (``units.target_verdict``); hidden for a plan without a target."""
        from planner.analysis.cost import target_margin, target_week

        margin = target_margin(self.doc.plan, finish)
        self.target.setVisible(margin is not None)
        if margin is None:
            return
        plan = self.doc.plan
        self._set(self.target, f"Target: {units.target_verdict(margin, short=True)}")
        self.target.setToolTip(
            f"The finish, {fmt.when(plan, finish)}, against the plan's target finish, "
            f"{fmt.when(plan, target_week(plan))}: {units.target_verdict(margin)} (set the target on the Cost tab)"
        )
        late = units.format_weeks(margin).startswith("-")
        style = f"color: {status_css('error')};" if late else ""
        if self.target.styleSheet() != style:  # a style sheet set, even the same, restyles the label (~1 ms)
            self.target.setStyleSheet(style)

    def _fill_baselines(self) -> None:
        baselines = self.doc.plan.baselines
        combo = self.baseline_combo
        combo.setVisible(bool(baselines))
        current = self.doc.current_baseline()
        items = [(f"vs {b.name}", b.name) for b in reversed(baselines)]  # newest first
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] != items:
            combo.blockSignals(True)
            combo.clear()
            for text, name in items:
                combo.addItem(text, name)
            combo.blockSignals(False)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current.name)))
        if items:
            fm = combo.view().fontMetrics()  # the list: the names whole
            combo.view().setMinimumWidth(max(fm.horizontalAdvance(text) for text, _n in items) + 24)
        chosen = f"Compared with {units.quoted(current.name)}. " if current is not None else ""
        combo.setToolTip(chosen + self._baseline_tip)

    def show_slip(self) -> None:
        """The overall finish slip against the chosen baseline (empty without a baseline)."""
        self._fill_baselines()
        var = self.doc.variance()
        if var is None:
            self.slip.setVisible(False)
            return
        slip = var.shown_finish_slip
        sign = "+" if slip > 0 else ""
        text = f"slip {sign}{fmt.weeks(slip, unit=True)}" if slip else "on baseline"
        self._set(self.slip, text)
        self.slip.setStyleSheet(f"color: {status_css('error')};" if slip > 0 else "")
        self.slip.setVisible(True)
