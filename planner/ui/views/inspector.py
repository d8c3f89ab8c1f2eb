"""The inspector: every field of the selected decision, its dependencies and the explanation of its schedule.

Fields commit when editing finishes (Enter, focus out, a choice in a list); long texts also commit after a
pause in typing and before the selection changes or the file is saved, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import units
from planner.model import Decision, duration_triple
from planner.model.edits import MARKS
from planner.model.plan import ID_PATTERN
from planner.ui.state.document import MAX_EDIT_WEEKS, PlanDocument
from planner.ui.theme import status_css
from planner.ui.views import format as fmt
from planner.ui.views.delegates import EditorDelegate, PercentSpin
from planner.ui.views.elided import ElidedComboBox, ElidedGroupBox
from planner.ui.views.models import DecisionIdRole, DependencyListModel
from planner.ui.views.table_view import fill_combo, reference_choices

if TYPE_CHECKING:
    from planner.analysis import Analysis


class PlainTextField(QPlainTextEdit):
    """A multi-line field that reports when editing is finished (focus out or a pause in typing)."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 4) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * (lines * 2 + 1) + 12)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(1500)
        self._idle.timeout.connect(self.editing_finished)
        self.textChanged.connect(self._typed)
        self._loading = False

    def set_text(self, text: str) -> None:
        self._loading = True
        if self.toPlainText() != text:
            self.setPlainText(text)
        self._loading = False

    def _typed(self) -> None:
        if not self._loading:
            self._idle.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._idle.isActive():
            self._idle.stop()
            self.editing_finished.emit()
        super().focusOutEvent(event)

    def flush(self) -> None:
        if self._idle.isActive():
            self._idle.stop()
            self.editing_finished.emit()


class _DepDelegate(EditorDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        if index.column() == 1:
            return self.make_combo(
                parent, [(f"{t} ({label})", t) for t, label in fmt.DEPENDENCY_TYPES.items()]
            )
        if index.column() == 2:
            return self.make_spin(parent, -1000, 1000, 2, 0.5, " wk")
        return super().createEditor(parent, option, index)


class _LazyCombo(ElidedComboBox):
    """A combo box whose items are filled when first needed (popup, focus), not on every plan change."""

    def __init__(self, fill: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fill = fill
        self.dirty = True

    def ensure_filled(self) -> None:
        if self.dirty:
            self.dirty = False
            self._fill()

    def showPopup(self) -> None:
        self.ensure_filled()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_filled()
        super().focusInEvent(event)


class DependencyEditor(ElidedGroupBox):
    """Predecessors or successors of the shown decision: a table plus add and remove controls. Its title gives way
    in a narrow dock ("Successors (they wait for it)", whole in its tooltip): at a 150 % font it was the widest
    thing in the inspector and held the dock at 348 px of an 800 px window, the decisions table beside it 300."""

    message = Signal(str)

    def __init__(self, doc: PlanDocument, direction: str, parent: QWidget | None = None) -> None:
        title = (
            "Predecessors (it waits for)" if direction == "predecessors" else "Successors (they wait for it)"
        )
        super().__init__(title, parent)
        self.doc = doc
        self.direction = direction
        self.model = DependencyListModel(doc, direction, self)
        self.model.edit_refused.connect(self.message)
        self.table = QTableView(self)
        self.table.setAccessibleName(title)
        self.table.setModel(self.model)
        self.table.setItemDelegate(_DepDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.6))
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        hh.resizeSection(3, 90)
        self.table.setMinimumHeight(self.fontMetrics().height() * 6)
        self.table.setToolTip(
            "Double-click the type, lag or note to edit it; double-click a decision to go to it"
        )
        self.table.doubleClicked.connect(self._on_double_click)
        # Tab leaves the list for the chooser and the Add button (arrows move between its cells, F2 edits one):
        # with Tab moving from cell to cell, a keyboard user was caught in the list and could not add a link.
        self.table.setTabKeyNavigation(False)

        self.other = _LazyCombo(self._fill_choices, self)
        self.other.setEditable(True)
        self.other.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.other.setAccessibleName("Decision to link")
        line_edit = self.other.lineEdit()
        assert line_edit is not None  # setEditable(True) created it
        line_edit.setPlaceholderText("Choose a decision to link…")
        line_edit.returnPressed.connect(self.add_chosen)  # type part of a title, Enter: linked
        self.other.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.other.setMinimumContentsLength(12)
        self.other.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Dependency type")
        for t, label in fmt.DEPENDENCY_TYPES.items():
            self.kind.addItem(t, t)
            self.kind.setItemData(self.kind.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.add_button = QPushButton("Add", self)
        self.add_button.setToolTip(
            "Add a dependency on the chosen decision (refused if it would create a cycle)"
        )
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setToolTip("Remove the selected dependencies")
        # Two rows, so that the inspector fits its dock at 1280 px (one row needed ~400 px).
        self.other.setMinimumContentsLength(8)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addStretch(1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)  # the form's own margins suffice (a narrow dock at 800x600)
        layout.addWidget(self.table)
        layout.addWidget(self.other)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button.clicked.connect(self.remove_selected)

    def set_decision(self, decision_id: str | None) -> None:
        self.model.set_decision(decision_id)
        self.refresh_choices()

    def refresh_choices(self) -> None:
        """The decision list changed: refill the chooser when it is next used (cheap for large plans)."""
        self.other.dirty = True
        if self.other.hasFocus() or self.other.view().isVisible():
            self.other.ensure_filled()

    def ensure_choices(self) -> None:
        self.other.ensure_filled()

    def _fill_choices(self) -> None:
        current = self.model.decision_id
        self.other.blockSignals(True)
        self.other.clear()
        for d in self.doc.plan.decisions:
            if d.id != current:
                self.other.addItem(f"{d.title} ({d.id})", d.id)
        self.other.setCurrentIndex(-1)
        self.other.blockSignals(False)

    def add_chosen(self) -> str | None:
        self.ensure_choices()
        me = self.model.decision_id
        other = self.other.currentData()
        text = self.other.currentText().strip()
        if other is None and text:  # (an empty text "contains" in every item: it linked the first decision)
            pos = self.other.findText(text, Qt.MatchFlag.MatchContains)
            other = self.other.itemData(pos) if pos >= 0 else (text if self.doc.decision(text) else None)
        if me is None or other is None:
            self.message.emit("Choose a decision to link first")
            return "no decision chosen"
        a, b = (other, me) if self.direction == "predecessors" else (me, other)
        problem = self.doc.add_dependency(a, b, self.kind.currentData())
        if problem:
            self.message.emit(f"Not added: {problem}")
        else:
            self.other.setCurrentIndex(-1)
        return problem

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        self.doc.remove_dependencies([self.model.dependency_index(r) for r in rows])

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() == 0:
            self.doc.select([str(index.data(DecisionIdRole))])


class DecisionInspector(QWidget):
    """Form for one decision. ``highlight_chain_requested`` carries the ids of its driving chain."""

    highlight_chain_requested = Signal(list)
    message = Signal(str)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.decision: Decision | None = None
        self._loading = False
        self._chain: list[str] = []

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        f = self.heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        f.setBold(True)
        self.heading.setFont(f)

        self.id_edit = QLineEdit(self)
        self.id_edit.setValidator(QRegularExpressionValidator(QRegularExpression(ID_PATTERN), self.id_edit))
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(300)
        # a name wider than the box ends in … (a 60-letter stage was cut mid-letter)
        self.area = ElidedComboBox(self)
        self.stage = ElidedComboBox(self)
        self.owner = ElidedComboBox(self)
        self.status = QComboBox(self)
        # reads as the table's cell and the report: 12.5%, not a rounded 13 %
        self.progress = PercentSpin(self)
        self.progress.setSingleStep(10)
        self.progress.setKeyboardTracking(False)  # as _spin's boxes: commit on Enter, focus out or arrow
        self.optimistic = self._spin(0, MAX_EDIT_WEEKS, " wk")
        self.likely = self._spin(0, MAX_EDIT_WEEKS, " wk")
        self.pessimistic = self._spin(0, MAX_EDIT_WEEKS, " wk")
        self.estimate_error = QLabel(self)
        self.estimate_error.setWordWrap(True)
        self.estimate_error.setStyleSheet(f"color: {status_css('error')};")
        self.estimate_error.hide()
        self.milestone = QCheckBox("Milestone (takes no time)", self)
        self.headcount = self._spin(0, 10_000, " people")
        self.cost = QLineEdit(self)
        self.cost.setPlaceholderText("not estimated")
        self.cost.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d*\.?\d*$"), self.cost))
        self.not_before = QLineEdit(self)
        self.not_before.setPlaceholderText("no constraint")
        self.not_before.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d*\.?\d*$"), self.not_before)
        )
        # What really happened (issue 16): a date (needs the plan's start date) or weeks from the plan start.
        self.actual_start = QLineEdit(self)
        self.actual_finish = QLineEdit(self)
        for actual in (self.actual_start, self.actual_finish):
            actual.setPlaceholderText("not recorded: a date (2027-03-15) or weeks")
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText("comma-separated, e.g. llm, pilot")
        self.references = PlainTextField(self, lines=3)
        self.references.setPlaceholderText("One reference per line, e.g. NIST AI RMF MAP 4")
        self.notes = PlainTextField(self, lines=4)
        self.notes.setPlaceholderText("Notes, rationale, links…")

        tips = {
            self.id_edit: ("Id", "Unique id; renaming it updates its dependencies"),
            self.title_edit: ("Title", "What is decided"),
            self.area: ("Area", "Area of the organisation"),
            self.stage: ("Stage", "Stage the decision is assigned to"),
            self.owner: ("Owner", "Team accountable for it"),
            self.status: ("Status", "Where the work stands"),
            self.progress: ("Progress", "Percent done"),
            self.optimistic: ("Optimistic estimate", "Weeks if all goes well"),
            self.likely: ("Likely estimate", "Most likely number of weeks"),
            self.pessimistic: ("Pessimistic estimate", "Weeks if it goes badly"),
            self.milestone: ("Milestone", "A milestone takes 0 weeks"),
            self.headcount: ("Headcount", "People of the owner team it occupies while it runs"),
            self.cost: ("Cost", "Cost estimate in the plan's currency"),
            self.not_before: ("Earliest start", "Weeks from the plan start before which it may not start"),
            self.actual_start: (
                "Actual start",
                "When work really started: a date or weeks from the plan start",
            ),
            self.actual_finish: (
                "Actual finish",
                "When a done decision really finished: a date or weeks from the plan start",
            ),
            self.tags: ("Tags", "Comma-separated labels"),
            self.references: ("References", "Standards, frameworks, documents; one per line"),
            self.notes: ("Notes", "Free text"),
        }
        for w, (name, tip) in tips.items():
            w.setAccessibleName(name)
            w.setToolTip(tip)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Id", self.id_edit)
        form.addRow("Title", self.title_edit)
        form.addRow("Area", self.area)
        form.addRow("Stage", self.stage)
        form.addRow("Owner", self.owner)
        form.addRow("Status", self.status)
        form.addRow("Progress", self.progress)
        # Labels above the three estimates: side by side they made the form wider than its dock at 1280 px.
        est = QGridLayout()
        est.setHorizontalSpacing(6)
        est.setVerticalSpacing(0)
        for k, (label, w) in enumerate(
            (("Optimistic", self.optimistic), ("Likely", self.likely), ("Pessimistic", self.pessimistic))
        ):
            lab = QLabel(label, self)
            lab.setBuddy(w)
            est.addWidget(lab, 0, k)
            est.addWidget(w, 1, k)
            est.setColumnStretch(k, 1)
            w.setMinimumWidth(60)  # below their hint (~70 px): the dock may be ~250 px on an 800x600 screen
        # The estimates span the form's width under their "Duration" label: beside the label column they made the
        # form ~300 px wide, wider than the dock on a small screen (its fields then cut at the right).
        duration = QLabel("Duration", self)
        duration.setBuddy(self.likely)
        form.addRow(duration)
        form.addRow(est)
        form.addRow("", self.estimate_error)
        form.addRow("", self.milestone)
        form.addRow("Headcount", self.headcount)
        form.addRow("Cost", self.cost)
        form.addRow("Not before (wk)", self.not_before)
        form.addRow("Actual start", self.actual_start)
        form.addRow("Actual finish", self.actual_finish)
        form.addRow("Tags", self.tags)
        form.addRow("References", self.references)
        form.addRow("Notes", self.notes)

        self.predecessors = DependencyEditor(doc, "predecessors", self)
        self.successors = DependencyEditor(doc, "successors", self)
        for ed in (self.predecessors, self.successors):
            ed.message.connect(self.message)

        self.explain_box = QGroupBox("Why this schedule", self)
        self.start_text = QLabel(self)
        self.float_text = QLabel(self)
        self.critical_text = QLabel(self)
        self.chain_text = QLabel(self)
        for lab in (self.start_text, self.float_text, self.critical_text, self.chain_text):
            lab.setWordWrap(True)
            lab.setTextFormat(Qt.TextFormat.PlainText)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.critical_text.setAccessibleName("Why it is or is not critical")
        self.highlight_button = QPushButton("Highlight driving chain", self)
        self.highlight_button.setToolTip("Show the chain of dependencies that determines when it starts")
        self.highlight_button.clicked.connect(lambda: self.highlight_chain_requested.emit(list(self._chain)))
        ex = QVBoxLayout(self.explain_box)
        for w in (self.start_text, self.float_text, self.critical_text, self.chain_text):
            ex.addWidget(w)
        ex.addWidget(self.highlight_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain_box)
        layout.addLayout(form)
        layout.addWidget(self.predecessors)
        layout.addWidget(self.successors)
        layout.addStretch(1)

        # Commit signals
        self.id_edit.editingFinished.connect(lambda: self._commit("id", self.id_edit.text().strip()))
        self.title_edit.editingFinished.connect(lambda: self._commit("title", self.title_edit.text().strip()))
        for key, combo in (
            ("area", self.area),
            ("stage", self.stage),
            ("owner", self.owner),
            ("status", self.status),
        ):
            combo.activated.connect(lambda _i, k=key, c=combo: self._commit(k, c.currentData()))
        self.progress.valueChanged.connect(lambda v: self._commit("progress", float(v)))
        self.headcount.valueChanged.connect(lambda v: self._commit("headcount", float(v)))
        for w in (self.optimistic, self.likely, self.pessimistic):
            w.valueChanged.connect(self._commit_duration)
        self.milestone.toggled.connect(self._commit_milestone)
        self.cost.editingFinished.connect(lambda: self._commit("cost", _opt_float(self.cost.text())))
        self.not_before.editingFinished.connect(
            lambda: self._commit("not_before", _opt_float(self.not_before.text()))
        )
        self.tags.editingFinished.connect(
            lambda: self._commit("tags", [t.strip() for t in self.tags.text().split(",") if t.strip()])
        )
        self.actual_start.editingFinished.connect(lambda: self._commit_actual("actual_start"))
        self.actual_finish.editingFinished.connect(lambda: self._commit_actual("actual_finish"))
        self.references.editing_finished.connect(
            lambda: self._commit(
                "references", [r.strip() for r in self.references.toPlainText().splitlines() if r.strip()]
            )
        )
        self.notes.editing_finished.connect(lambda: self._commit("notes", self.notes.toPlainText()))

        doc.decision_changed.connect(self._on_decision_changed)
        doc.analysis_updated.connect(self._on_analysis)
        doc.plan_meta_changed.connect(self.refresh)
        doc.decisions_inserted.connect(lambda _i: self._refresh_choices())
        doc.decisions_removed.connect(lambda _i: self._refresh_choices())

    def _spin(
        self, lo: float, hi: float, suffix: str, decimals: int = 2, step: float = 0.5
    ) -> QDoubleSpinBox:
        s = QDoubleSpinBox(self)
        s.setRange(lo, hi)
        s.setDecimals(decimals)
        s.setSingleStep(step)
        s.setSuffix(suffix)
        s.setKeyboardTracking(False)  # commit on Enter, focus out or arrow, not on every keystroke
        return s

    # -- showing -------------------------------------------------------------------------------------------
    def set_decision(self, decision: Decision | None) -> None:
        if decision is not self.decision:
            self.commit_pending()
        self.decision = decision
        self.predecessors.set_decision(decision.id if decision else None)
        self.successors.set_decision(decision.id if decision else None)
        self.refresh()
        # Not an older schedule with the edited plan: a decision just added is not in it (analysis_updated follows)
        self._on_analysis(self.doc.drawable_analysis)

    def _refresh_choices(self) -> None:
        self.predecessors.refresh_choices()
        self.successors.refresh_choices()

    def refresh(self) -> None:
        d = self.decision
        if d is None:
            return
        self._loading = True
        try:
            self.heading.setText(fmt.may_break(d.title))  # a long word must not widen the window
            focus = self.focusWidget()
            for w, text in (
                (self.id_edit, d.id),
                (self.title_edit, d.title),
                (self.cost, "" if d.cost is None else fmt.weeks(d.cost)),
                (self.not_before, "" if d.not_before is None else fmt.weeks(d.not_before)),
                (self.actual_start, fmt.actual(d.actual_start, edit=True)),
                (self.actual_finish, fmt.actual(d.actual_finish, edit=True)),
                (self.tags, ", ".join(d.tags)),
            ):
                if w.text() == text and not w.isModified():
                    continue  # (refreshed after every edit: leave what shows it already alone)
                if w is not focus or not w.isModified():
                    w.setText(text)
                    w.setCursorPosition(0)
                    w.setModified(False)
            for key, combo in (
                ("area", self.area),
                ("stage", self.stage),
                ("owner", self.owner),
                ("status", self.status),
            ):
                fill_combo(
                    combo,
                    reference_choices(self.doc, key),
                    str(getattr(d, key)) if key == "status" else getattr(d, key),
                )
            o, lk, p = duration_triple(d.duration)
            for spin, v in (
                # done is all done, whatever the progress field holds, as the table and the schedule count it
                (self.progress, 100.0 if str(d.status) == "done" else d.progress),
                (self.optimistic, o),
                (self.likely, lk),
                (self.pessimistic, p),
                (self.headcount, d.headcount),
            ):
                spin.blockSignals(True)
                spin.setValue(v)
                spin.blockSignals(False)
            for spin in (self.optimistic, self.likely, self.pessimistic):
                spin.setEnabled(not d.milestone or (o, lk, p) != (0, 0, 0))
            self.milestone.blockSignals(True)
            self.milestone.setChecked(d.milestone)
            self.milestone.blockSignals(False)
            self.estimate_error.hide()
            self.references.set_text("\n".join(d.references))
            self.notes.set_text(d.notes)
        finally:
            self._loading = False

    def _on_decision_changed(self, decision: Decision, fields: list[str]) -> None:
        if decision is self.decision:
            self.refresh()
        if "id" in fields or "title" in fields:
            self._refresh_choices()

    def _on_analysis(self, analysis: Analysis | None) -> None:
        d = self.decision
        if d is None:
            return
        labels = (self.start_text, self.float_text, self.critical_text, self.chain_text)
        if analysis is None or analysis.schedule is None or d.id not in analysis.schedule.index:
            self.start_text.setText(
                "No schedule: the plan has errors (see Findings). Fix them and the explanation appears here."
                if analysis is not None and analysis.schedule is None
                else "Working out the schedule\u2026 the explanation follows in a moment."
            )
            for lab in labels[1:]:
                lab.setText("")
            self.highlight_button.setEnabled(False)
            self._chain = []
            return
        try:
            e = analysis.explain(d.id)
        except Exception as exc:  # noqa: BLE001 - a missing explanation must not break the inspector
            self.start_text.setText(f"No explanation: {exc}")
            return
        s = analysis.schedule
        i = s.index[d.id]
        plan = self.doc.plan
        if e.driver_kind == "done":  # no work left: the core's sentence says where it sits (issue 16)
            runs = ""
        elif d.status == "in_progress" or d.progress > 0:
            runs = fmt.runs(plan, float(s.es[i]), float(s.ef[i]), remaining=True) + ". "
        else:
            runs = fmt.runs(plan, float(s.es[i]), float(s.ef[i])) + ". "
        # The sentences name decisions by title and id: a long word in one must not widen the window either.
        self.start_text.setText(fmt.may_break(runs + e.start_reason))
        self.float_text.setText(fmt.may_break(e.float_text))
        self.critical_text.setText(fmt.may_break(e.critical_text))
        from planner.analysis.explain import chain_words  # (not at import: the window paints before numpy)

        self._chain = list(e.driving_chain)
        self.chain_text.setText(
            # (a long one by its ends, as the sentence above names the longest chain: 70 ids took 30 lines twice;
            # Highlight driving chain shows every one of them)
            fmt.may_break("Driving chain: " + chain_words(e.driving_chain, "→"))
            if len(e.driving_chain) > 1
            # no link drives it; the sentence above says what does (the plan start, a not-before, the status date)
            else "No other decision drives its start."
        )
        self.highlight_button.setEnabled(len(self._chain) > 0)

    # -- committing ----------------------------------------------------------------------------------------
    def commit_pending(self) -> None:
        """Commit text typed but not yet committed (before the selection changes or the file is saved)."""
        if self.decision is None:
            return
        for w in self._line_edits():
            if w.isModified():
                w.editingFinished.emit()
        self.references.flush()
        self.notes.flush()

    def _commit(self, key: str, value: Any) -> None:
        if self._loading or self.decision is None:
            return
        for w in self._line_edits():
            w.setModified(False)
        if key == "status" and value in MARKS:  # done sets 100 %, not started clears progress (issue 16)
            problem = self.doc.mark_status([self.decision.id], value)
        else:
            problem = self.doc.edit_decision(self.decision.id, **{key: value})
        if problem:
            self.message.emit(f"Not changed: {problem}")
            self.refresh()

    def _line_edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.id_edit,
            self.title_edit,
            self.cost,
            self.not_before,
            self.actual_start,
            self.actual_finish,
            self.tags,
        )

    def _commit_actual(self, key: str) -> None:
        if self._loading or self.decision is None:
            return
        field = self.actual_start if key == "actual_start" else self.actual_finish
        value, problem = fmt.parse_actual(field.text(), self.doc.plan.start_date is not None)
        if problem:
            field.setModified(False)
            self.message.emit(f"Not changed: {problem}")
            self.refresh()
            return
        self._commit(key, value)

    def _commit_duration(self) -> None:
        if self._loading or self.decision is None:
            return
        o, lk, p = self.optimistic.value(), self.likely.value(), self.pessimistic.value()
        if not (o <= lk <= p):
            self.estimate_error.setText(
                "Estimates must satisfy optimistic ≤ likely ≤ pessimistic; not applied yet."
            )
            self.estimate_error.show()
            return
        self.estimate_error.hide()
        problem = self.doc.set_duration(self.decision.id, o, lk, p)
        if problem:
            self.message.emit(f"Not changed: {problem}")
            self.refresh()  # show the stored estimates again, and say why next to them
            self.estimate_error.setText(f"Not applied: {problem}.")
            self.estimate_error.show()

    def _commit_milestone(self, checked: bool) -> None:
        if self._loading or self.decision is None:
            return
        if checked:
            self.doc.undo_stack.beginMacro("Make Milestone")
            self.doc.set_duration(self.decision.id, 0, 0, 0)
            self.doc.edit_decision(self.decision.id, milestone=True)
            self.doc.undo_stack.endMacro()
        else:
            self.doc.edit_decision(self.decision.id, milestone=False)


def _opt_float(text: str) -> float | None:
    text = text.strip()
    if not text or text == ".":
        return None
    return float(text)


MIXED = "(mixed)"


class MultiDecisionEditor(QWidget):
    """Several decisions selected: set their stage, area, owner or status, or add and remove tags, for all of
    them at once (one undo step per change)."""

    message = Signal(str)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ids: list[str] = []
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        f = self.heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        f.setBold(True)
        self.heading.setFont(f)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in (("stage", "Stage"), ("area", "Area"), ("owner", "Owner"), ("status", "Status")):
            combo = ElidedComboBox(self)
            combo.setAccessibleName(f"{label} of the selected decisions")
            combo.setObjectName(f"multi-{key}")
            combo.activated.connect(lambda _i, k=key, c=combo: self._apply(k, c.currentData()))
            self.combos[key] = combo
            form.addRow(label, combo)
        self.add_tags = QLineEdit(self)
        self.add_tags.setObjectName("multi-add-tags")
        self.add_tags.setPlaceholderText("comma-separated; Enter adds them to all")
        self.add_tags.returnPressed.connect(lambda: self._tags(add=True))
        self.remove_tags = QLineEdit(self)
        self.remove_tags.setObjectName("multi-remove-tags")
        self.remove_tags.setPlaceholderText("comma-separated; Enter removes them from all")
        self.remove_tags.returnPressed.connect(lambda: self._tags(add=False))
        form.addRow("Add tags", self.add_tags)
        form.addRow("Remove tags", self.remove_tags)
        self.hint = QLabel(
            "Delete, duplicate, copy or cut them from the Edit menu or the right-click menu.", self
        )
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        doc.decision_changed.connect(lambda _d, _f: self.refresh() if self.ids else None)
        doc.plan_meta_changed.connect(lambda: self.refresh() if self.ids else None)

    def set_ids(self, ids: list[str]) -> None:
        self.ids = list(ids)
        self.refresh()

    def decisions(self) -> list[Decision]:
        chosen = set(self.ids)
        return [d for d in self.doc.plan.decisions if d.id in chosen]

    def refresh(self) -> None:
        ds = self.decisions()
        self.heading.setText(f"{units.count(len(ds), 'decision')} selected")
        for key, combo in self.combos.items():
            values = {str(getattr(d, key)) if key == "status" else getattr(d, key) for d in ds}
            combo.blockSignals(True)
            combo.clear()
            if len(values) != 1:
                combo.addItem(MIXED, MIXED)
            for label, value in reference_choices(self.doc, key):
                combo.addItem(label, value)
            current = next(iter(values)) if len(values) == 1 else MIXED
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _apply(self, key: str, value: Any) -> None:
        if value == MIXED:
            return
        ds = [d for d in self.decisions() if getattr(d, key) != value]
        if not ds:
            return
        if key == "status" and value in MARKS:  # the bulk mark: one rule, one undo step (issue 16)
            problem = self.doc.mark_status([d.id for d in ds], value)
            self.message.emit(
                f"Not changed: {problem}"
                if problem
                else f"Set the status of {units.count(len(ds), 'decision')}"
            )
            return
        label = key.title()
        stack = self.doc.undo_stack
        stack.beginMacro(f"Change {label} of {units.count(len(ds), 'Decision')}")
        problems = [p for p in (self.doc.edit_decision(d.id, **{key: value}) for d in ds) if p]
        stack.endMacro()
        if problems:
            self.message.emit(f"Not changed: {problems[0]}")
        else:
            self.message.emit(f"Set the {key} of {units.count(len(ds), 'decision')}")

    def _tags(self, add: bool) -> None:
        field = self.add_tags if add else self.remove_tags
        tags = [t.strip() for t in field.text().split(",") if t.strip()]
        if not tags:
            return
        changes = []
        for d in self.decisions():
            new = list(dict.fromkeys([*d.tags, *tags])) if add else [t for t in d.tags if t not in tags]
            if new != d.tags:
                changes.append((d, new))
        field.clear()
        if not changes:
            return
        stack = self.doc.undo_stack
        stack.beginMacro(f"{'Add' if add else 'Remove'} Tags on {units.count(len(changes), 'Decision')}")
        for d, new in changes:
            self.doc.edit_decision(d.id, tags=new)
        stack.endMacro()
        self.message.emit(
            f"{'Added' if add else 'Removed'} {', '.join(tags)} "
            f"{'to' if add else 'from'} {units.count(len(changes), 'decision')}"
        )


class InspectorPanel(QStackedWidget):
    """The Decision page (one selected), or a hint (none or several selected)."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Inspector")
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setMargin(16)
        self.form = DecisionInspector(doc, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.scroll_area = scroll
        self.multi = MultiDecisionEditor(doc, self)
        self.multi.message.connect(self.form.message)  # to the status bar, like the form's own messages
        self.addWidget(self.hint)
        self.addWidget(scroll)
        self.addWidget(self.multi)
        doc.selection_changed.connect(self._on_selection)
        doc.plan_reset.connect(lambda: self._on_selection(doc.selection))
        self._on_selection(doc.selection)

    def minimumSizeHint(self) -> QSize:
        """At least as wide as the decision form's minimum beside the scroll bar: the dock took the scroll area's
        own minimum (~70 px), so at 15 pt the form (330 px: its labels, check box and group titles) was cut in a
        273 px dock, and at 800x600 the window gave the dock no more."""
        hint = super().minimumSizeHint()
        scroll = self.scroll_area
        need = self.form.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), need + 2 * scroll.frameWidth()), hint.height())

    def _on_selection(self, ids: list[str]) -> None:
        if len(ids) == 1 and self.doc.decision(ids[0]) is not None:
            self.form.set_decision(self.doc.decision(ids[0]))
            self.setCurrentIndex(1)
            return
        self.form.set_decision(None)
        known = [i for i in ids if self.doc.decision(i) is not None]
        if len(known) > 1:
            self.multi.set_ids(known)
            self.setCurrentWidget(self.multi)
            return
        self.multi.ids = []
        self.hint.setText("Select a decision in the table or the graph to see and edit all of it here.")
        self.setCurrentIndex(0)
