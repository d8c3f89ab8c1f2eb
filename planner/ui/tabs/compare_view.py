"""The Compare view (issue 13): two to four scenarios of the plan side by side.

Pick the scenarios (Base included; the first ticked is the reference), and the view shows for each: the finish and
the gated finish with dates and the change against the reference, P50/P80 simulated on common random numbers (so
two identical scenarios have exactly equal figures), the price of gating, spend where the plan has costs, what
joined and left the critical path, the stage gate dates and each team's peak load; a sentence per scenario; and a
delta Gantt of a chosen scenario with the reference's bars as thin ghosts beneath its own.

All figures come from :func:`planner.analysis.compare.compare_scenarios`; this module only lays them out.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.model import units
from planner.model.scenarios import BASE
from planner.ui.presentation.workshop import FlowLayout
from planner.ui.screen_fit import available_area, fit_window
from planner.ui.state.background import BackgroundTask, TaskSignals, TaskState, snapshot
from planner.ui.theme import status_color
from planner.ui.views import format as fmt
from planner.ui.views import type_scale
from planner.ui.views.busy import wait_cursor
from planner.ui.views.elided import ElidedComboBox
from planner.ui.views.empty_hint import EmptyHint
from planner.units import format_money

if TYPE_CHECKING:
    from planner.analysis.compare import Comparison, PlanFigures
    from planner.ui.state.document import PlanDocument

MAX_SCENARIOS = 4
CHOICES_SHARE = 0.4
"""The most of the Compare dialog's width its list of scenarios takes (a longer name ends in "…")."""
CHOICES_LEAST_CHARS = 18
"""The list of scenarios is at least this many average characters wide."""
MINUS = "\u2212"
GANTT_SLACK = 4
"""Pixels the dialog grows by beyond what the delta Gantt's rows need (its frame's rounding)."""


def _gate_cell(x: Any, sid: str, ref_g: float | None) -> tuple[str, float | None]:
    """A comparison column's gate of stage ``sid``: its week and date and the change against the reference's gate
    ``ref_g``; 'no decisions' where the scenario dropped the stage's work (no gate of its own), as the report says."""
    if sid in x.stages_without_work:
        return "no decisions", None
    g = next((w for i, _, w in x.gates if i == sid), None)
    if g is None:
        return "-", None
    # as written (units.week_delta): gates written 6 and 6 differ by '=', not '+0.01'
    d = None if x.reference is None or ref_g is None else units.week_delta(g, ref_g)
    date = units.week_to_date(x.plan.start_date, g)
    text = (
        f"week {units.format_weeks(g)}"
        + (f" ({units.short_date(x.plan.start_date, date)})" if date else "")
        + (f"\n{_delta_text(d)}" if d is not None else "")
    )
    return text, d


def _delta_text(d: float | None, unit: str = "wk") -> str:
    if d is None:
        return ""
    text = units.signed_weeks(d, minus=MINUS)
    return text if text == "=" else f"{text} {unit}".rstrip()


def _money_delta(d: float | None) -> str:
    from planner.analysis.cost import signed_money

    return signed_money(d, minus=MINUS)


HEADER_CHARS = 24
"""Scenario names in the comparison's column headers wrap at about this many characters."""
ROW_LABEL_CHARS = 30
"""Row labels (a stage's gate, a team's peak load) wrap at about this many characters."""


class CompareDialog(QDialog):
    """A non-modal window comparing scenarios of the document's plan."""

    THREADED_FROM = 300
    """Plans with this many decisions or more are compared off the GUI thread (with progress and Cancel)."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.comparison: Comparison | None = None
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare scenarios")
        self.resize(1180, 760)

        self.choices = QListWidget(self)
        self.choices.setObjectName("compareChoices")
        self.choices.setAccessibleName("Scenarios to compare")
        self.choices.setToolTip(f"Tick two to {MAX_SCENARIOS} scenarios; the first ticked is the reference")
        # As wide as the names (:meth:`_fit_choices`); a longer one ends in "…" and is whole in its tooltip.
        self.choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.choices.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.choices.itemChanged.connect(self._choice_changed)
        self.iterations = QSpinBox(self)
        self.iterations.setRange(0, 100_000)
        self.iterations.setSingleStep(1000)
        self.iterations.setValue(2000)
        self.iterations.setToolTip("Monte Carlo iterations per scenario for P50/P80 (0: none)")
        self.run_button = QPushButton("Compare", self)
        self.run_button.clicked.connect(self._run_clicked)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = TaskSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._run_id = 0
        self._state: Any = None
        self.status = QLabel(self)
        self.status.setObjectName("compareStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("compareTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Until a comparison is run the Figures say what to do (they were a blank grid at 1024x600)
        self.empty_hint = EmptyHint(self.table, "compareEmptyHint")
        self.sentences = QLabel(self)
        self.sentences.setObjectName("compareSentences")
        self.sentences.setWordWrap(True)
        self.sentences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.gantt_choice = ElidedComboBox(self)
        self.gantt_choice.setAccessibleName("Scenario drawn in the delta Gantt")
        self.gantt_choice.currentIndexChanged.connect(lambda _i: self._redraw_gantt())
        from planner.ui.views.figure_view import FigureView

        # Its readable size: at a 16 pt font in the dialog (512 x 374 px at 160 dpi) the Gantt left out every row
        # label and stage name (bars without names); now its text grows as far as the rows fit, then it scrolls.
        self.gantt = FigureView(self._draw_gantt, "scenario Gantt", self, readable_size=self._gantt_size)
        self.gantt.setMinimumHeight(260)

        left = QVBoxLayout()
        # Wrapped, and the delta Gantt's row flows: on one line each, at a 15 pt system font the dialog needed
        # 1072 px, wider than a 1024x768 projector.
        intro = QLabel("Compare (first ticked = reference):", self)
        intro.setWordWrap(True)
        left.addWidget(intro)
        left.addWidget(self.choices, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel("Iterations:", self))
        row.addWidget(self.iterations)
        left.addLayout(row)
        left.addWidget(self.run_button)
        left.addWidget(self.status)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.sentences)
        self.tabs = QTabWidget(right)
        self.tabs.setObjectName("compareTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, "Figures")
        g = QWidget(self.tabs)
        gl = QVBoxLayout(g)
        gl.setContentsMargins(0, 4, 0, 0)
        grow = FlowLayout(spacing=6)
        grow.addWidget(QLabel("Delta Gantt of", g))
        grow.addWidget(self.gantt_choice)
        grow.addWidget(QLabel("(thin dark bars, \u201cBaseline\u201d: the reference)", g))
        gl.addLayout(grow)
        gl.addWidget(self.gantt, 1)
        self.tabs.addTab(g, "Delta Gantt")
        self.gantt_page = g
        self.changes = QLabel(self.tabs)
        self.changes.setObjectName("compareChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs.addTab(self.changes, "What changes")
        rl.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self.grow_for_gantt())
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(right, 1)
        doc.scenarios.changed.connect(self.refresh_choices)
        doc.plan_changed.connect(self._mark_stale)
        self.refresh_choices()

    # -- choices ---------------------------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        ticked = self.chosen() if self.choices.count() else None
        names = [BASE, *self.doc.scenarios.names()]
        if ticked is None:
            ticked = names[:MAX_SCENARIOS] if len(names) <= MAX_SCENARIOS else names[:2]
        self.choices.blockSignals(True)
        self.choices.clear()
        for n in names:
            # the name on one line (a line break made a two-line choice); the name itself kept for the comparison
            item = QListWidgetItem(units.one_line(n), self.choices)
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setToolTip(n)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if n in ticked else Qt.CheckState.Unchecked)
        self.choices.blockSignals(False)
        self._fit_choices()
        self._update_button()
        self._hint_empty()

    def _fit_choices(self) -> None:
        """The list as wide as its widest name (check box included), at most :data:`CHOICES_SHARE` of the dialog.
        It was at most 260 px at any font and dialog width: a long scenario name was cut mid-word beside an empty
        figures pane, the rest behind a horizontal scroll bar."""
        c = self.choices
        frame = 2 * c.frameWidth() + c.verticalScrollBar().sizeHint().width()
        names = max(c.sizeHintForColumn(0), 0) + frame + c.fontMetrics().averageCharWidth()
        least = c.fontMetrics().averageCharWidth() * CHOICES_LEAST_CHARS + frame
        width = max(least, min(names, int(self.width() * CHOICES_SHARE)))
        if c.width() != width or c.minimumWidth() != width:
            c.setFixedWidth(width)

    def resizeEvent(self, event: Any) -> None:
        self._fit_choices()
        super().resizeEvent(event)

    def _hint_empty(self) -> None:
        """The Figures' words while they are empty: how to get a comparison."""
        if self.comparison is not None:
            self.empty_hint.show_text("")
        elif self.choices.count() < 2:
            self.empty_hint.show_text(
                "This plan has no scenarios to compare with Base yet.\n\nScenario > New Scenario from Current "
                "makes one: change it, then compare it here."
            )
        else:
            self.empty_hint.show_text(
                f"Tick 2 to {MAX_SCENARIOS} scenarios (the first ticked is the reference) and press Compare: "
                "their finish, P50 and P80, price of gating, spend, critical path, gates and team peaks side "
                "by side."
            )

    def chosen(self) -> list[str]:
        return [
            self.choices.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.choices.count())
            if self.choices.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, names: list[str]) -> None:
        self.choices.blockSignals(True)
        for i in range(self.choices.count()):
            item = self.choices.item(i)
            name = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if name in names else Qt.CheckState.Unchecked)
        self.choices.blockSignals(False)
        self._update_button()

    def _choice_changed(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked and len(self.chosen()) > MAX_SCENARIOS:
            self.choices.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.choices.blockSignals(False)
        self._update_button()

    def _update_button(self) -> None:
        n = len(self.chosen())
        self.run_button.setEnabled(2 <= n <= MAX_SCENARIOS)
        self.run_button.setToolTip("" if n >= 2 else "Tick at least two scenarios")

    # -- the comparison ----------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._state is not None

    def _run_clicked(self) -> None:
        if self.running:
            self.cancel()
        else:
            self.run()

    def run(self) -> Comparison | None:
        """Compare the ticked scenarios of the plan as it is now (the active scenario's edits included). A small
        plan is compared at once and the comparison returned; a large one (:attr:`THREADED_FROM`) in a worker,
        shown when it finishes (None is returned)."""
        from planner.analysis.compare import compare_scenarios

        names = self.chosen()
        if not 2 <= len(names) <= MAX_SCENARIOS or self.running:
            return None
        plan = self.doc.file_plan()
        if len(plan.decisions) >= self.THREADED_FROM:
            self._run_id += 1
            run_id = self._run_id
            self._state = TaskState(lambda done, total: self._signals.progress.emit(run_id, done, total))
            self._started = time.perf_counter()
            self.run_button.setText("Cancel")
            self.status.setText(f"Comparing {len(names)} scenarios\u2026")
            copy, iterations, state = snapshot(plan), self.iterations.value(), self._state
            self._pool.start(
                BackgroundTask(
                    run_id,
                    lambda: compare_scenarios(copy, names, iterations, progress=state.progress),
                    self._signals,
                )
            )
            return None
        with wait_cursor():
            self.comparison = compare_scenarios(plan, names, self.iterations.value())
        self.status.setText("")
        self._fill()
        return self.comparison

    def _mark_stale(self) -> None:
        if self.comparison is not None and not self.running:
            self.status.setText("The plan changed since this comparison: press Compare to update it.")

    def cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        return bool(self._pool.waitForDone(timeout_ms))

    def shutdown(self) -> None:
        self.cancel()
        self._pool.waitForDone()

    def _on_progress(self, run_id: int, done: int, total: int) -> None:
        if run_id == self._run_id and self._state is not None:
            self.status.setText(f"Compared {done} of {total} scenarios\u2026")

    def _on_finished(
        self, run_id: int, result: Comparison | None, error: str | None, _seconds: float = 0.0
    ) -> None:
        if run_id != self._run_id:
            return
        self._state = None
        self.run_button.setText("Compare")
        if error is not None:
            self.status.setText(f"The comparison failed: {error}")
        elif result is None:
            self.status.setText("Cancelled.")
        else:
            self.status.setText(f"Done in {time.perf_counter() - self._started:.1f} s.")
            self.comparison = result
            self._fill()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)

    def _fill(self) -> None:
        comp = self.comparison
        if comp is None:
            return
        items = comp.items
        rows: list[tuple[str, list[tuple[str, float | None]]]] = []

        def week_row(label: str, fig: str) -> None:
            cells = []
            for x in items:
                w = getattr(x, fig)
                date = units.week_to_date(x.plan.start_date, w)
                text = (
                    "-"
                    if w is None
                    else f"week {units.format_weeks(w)}" + (f"\n{units.format_date(date)}" if date else "")
                )
                d = x.shown_delta(fig) if x.reference is not None else None
                if d is not None:
                    text += f"\n{_delta_text(d)}"
                cells.append((text, d))
            rows.append((label, cells))

        week_row("Finish (rolling)", "finish")
        week_row("Finish (strict gates)", "gated_finish")
        if comp.iterations:
            week_row("P50 finish", "p50")
            week_row("P80 finish", "p80")
        rows.append(
            (
                "Price of gating",
                [
                    (
                        "-"
                        if x.gating_price is None
                        else units.plural_weeks(x.gating_price)
                        + (f"\n{_delta_text(x.shown_delta('gating_price'))}" if x.reference else ""),
                        x.shown_delta("gating_price") if x.reference else None,
                    )
                    for x in items
                ],
            )
        )
        if any(x.target is not None for x in items):  # the rolling finish against each plan's target
            rows.append(
                (
                    "Target",
                    [
                        (
                            "-"
                            if x.target is None or x.weeks_to_spare is None
                            else f"week {units.format_weeks(x.target)}\n"
                            + units.target_verdict(x.weeks_to_spare, short=True),
                            None,
                        )
                        for x in items
                    ],
                )
            )
        if any(x.cost is not None for x in items):
            rows.append(
                (
                    f"Spend ({currency})" if (currency := comp.reference.plan.currency) else "Spend",
                    [
                        (
                            "-"
                            if x.cost is None
                            else format_money(x.cost)
                            + (
                                f"\n{_money_delta(x.shown_delta('cost'))}"
                                if x.reference is not None and x.shown_delta("cost") is not None
                                else ""
                            ),
                            x.shown_delta("cost") if x.reference else None,
                        )
                        for x in items
                    ],
                )
            )
        rows.append(("Critical decisions", [(str(len(x.critical)) if x.ok else "-", None) for x in items]))
        rows.append(
            (
                "Joined the critical path",
                [(self._titles(x, x.joined) if x.reference else "", None) for x in items],
            )
        )
        rows.append(
            (
                "Left the critical path",
                [(self._titles(comp.reference, x.left) if x.reference else "", None) for x in items],
            )
        )
        for sid, name, _ in comp.reference.gates:
            ref_g = next((w for i, _, w in comp.reference.gates if i == sid), None)
            rows.append((f"{name} gate", [_gate_cell(x, sid, ref_g) for x in items]))
        for tid, name, _, _cap in comp.reference.team_peaks:
            cells: list[tuple[str, float | None]] = []
            for x in items:
                p = next(((pk, c) for i, _, pk, c in x.team_peaks if i == tid), None)
                cells.append(
                    (
                        "-"
                        if p is None
                        else f"{units.format_weeks(p[0])}"
                        + (f" of {units.format_weeks(p[1])}" if p[1] is not None else ""),
                        None,
                    )
                )
            rows.append((f"Peak load: {name}", cells))

        t = self.table
        t.clear()
        self._hint_empty()
        t.setColumnCount(len(items))
        t.setRowCount(len(rows))
        # Long scenario names on two or three lines (a one-line header was cut at both ends: "o live before
        # automated retrainin"), the whole name on hover.
        names = [units.one_line(x.name) + (" (reference)" if x.reference is None else "") for x in items]
        t.setHorizontalHeaderLabels([fmt.wrapped(n, HEADER_CHARS) for n in names])
        for c, name in enumerate(names):
            header = t.horizontalHeaderItem(c)
            if header is not None:
                header.setToolTip(name)
        # Row labels on two lines or more past ROW_LABEL_CHARS: a stage's long name ('Twelve — the last stage with
        # a long name that goes on gate') made the label column 360 px wide and pushed every scenario's figures
        # out of an 800 px dialog, behind its scroll bar.
        t.setVerticalHeaderLabels([fmt.wrapped(r[0], ROW_LABEL_CHARS) for r in rows])
        for r, (label, _cells) in enumerate(rows):
            header = t.verticalHeaderItem(r)
            if header is not None:
                header.setToolTip(label)
        for r, (_label, cells) in enumerate(rows):
            for c, (text, d) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                if d is not None and abs(d) >= 0.005:
                    item.setForeground(status_color("good" if d < 0 else "error"))
                t.setItem(r, c, item)
        hh = t.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Never narrower than a wrapped name: in a small window the table scrolls sideways instead of cutting
        # the headers and the dates to a few letters each.
        hh.setMinimumSectionSize(t.fontMetrics().horizontalAdvance("n" * HEADER_CHARS) + 12)
        t.resizeRowsToContents()
        self.sentences.setText(fmt.left_to_right("\n".join(s for s in comp.sentences() if s)))
        self.changes.setText(self._changes_html(comp))
        self.gantt_choice.blockSignals(True)
        self.gantt_choice.clear()
        for x in items[1:]:
            self.gantt_choice.addItem(units.one_line(x.name))
        self.gantt_choice.blockSignals(False)
        self.grow_for_gantt()
        self._redraw_gantt()

    @staticmethod
    def _changes_html(comp: Comparison) -> str:
        """Each compared scenario's overrides in words (Base has none)."""
        from html import escape

        from planner.model.scenarios import describe_changes

        base = comp.base
        if base is None:
            return ""
        parts = []
        for x in comp.items:
            sc = next((s for s in base.scenarios if s.name == x.name), None)
            if sc is None:
                continue
            lines = describe_changes(base, sc)
            items = "".join(f"<li>{escape(line)}</li>" for line in lines) or "<li>no changes to Base</li>"
            desc = f"<p>{escape(sc.description)}</p>" if sc.description else ""
            parts.append(f"<h3>{escape(units.one_line(x.name))}</h3>{desc}<ul>{items}</ul>")
        return "".join(parts)

    @staticmethod
    def _titles(item: PlanFigures, ids: list[str], limit: int = 4) -> str:
        if not ids:
            return "none"
        names = [d.title if (d := item.plan.decision(i)) is not None else i for i in ids[:limit]]
        more = len(ids) - limit
        return "\n".join(names) + (f"\nand {more} more" if more > 0 else "")

    # -- the delta Gantt -----------------------------------------------------------------------------------------
    def gantt_item(self) -> PlanFigures | None:
        comp = self.comparison
        if comp is None or len(comp.items) < 2:
            return None
        k = max(0, self.gantt_choice.currentIndex()) + 1
        return comp.items[min(k, len(comp.items) - 1)]

    def _redraw_gantt(self) -> None:
        self.gantt.redraw()

    def grow_for_gantt(self) -> None:
        """A comparison whose delta Gantt is taller than its room: the dialog grows (never shrinks) by what the
        rows need, as far as its screen allows, and stays on the screen. At its first 1180x760 on a 1920x1080
        screen the fraud sample's Gantt of 42 decisions scrolled in 646 px while 300 px of the screen were free.
        Called when a comparison comes and when its Gantt's tab is brought to the front (measured there)."""
        if not self.isVisible() or self.isMaximized() or self.isFullScreen():
            return
        need = self._gantt_size(type_scale.desk_dpi())
        if need is None:
            return
        page, shown = self.gantt_page, self.tabs.currentWidget()
        layout = page.layout()
        if page is not shown and shown is not None and layout is not None:
            # (a page not in front keeps the size it last had: laid out at the front page's size)
            page.resize(shown.size())
            layout.activate()
        extra = need[1] + GANTT_SLACK - self.gantt.height()
        if extra <= 0:
            return
        parent = self.parentWidget()
        area = available_area(parent.window() if parent is not None else self)
        frame = max(0, self.frameGeometry().height() - self.height())
        height = min(self.height() + extra, area.height() - frame)
        if height > self.height():
            self.resize(self.width(), height)
            fit_window(self, area)

    def _gantt_size(self, dpi: float) -> tuple[int, int] | None:
        """Pixels the delta Gantt needs at ``dpi``: its rows at their natural label size, 4.5 in across."""
        item = self.gantt_item()
        if item is None or not item.ok or item.reference is None or not item.reference.ok:
            return None
        from planner.analysis.compare import ghost_analysis
        from planner.charts.gantt import gantt_row_count, natural_height_in

        return int(4.5 * dpi), int(natural_height_in(gantt_row_count(ghost_analysis(item))) * dpi)

    def _draw_gantt(self, fig: Any) -> None:
        item = self.gantt_item()
        if item is None or not item.ok or item.reference is None or not item.reference.ok:
            fig.text(0.5, 0.5, "Compare two scenarios to see the delta Gantt", ha="center", va="center")
            return
        import planner.charts as charts
        from planner.analysis.compare import ghost_analysis

        charts.draw_gantt(fig, ghost_analysis(item), baseline=item.reference.name)


__all__ = ["CompareDialog"]
