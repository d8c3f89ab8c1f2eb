"""The plan view: title, start date, stages (goal, gate criteria with a checkbox each), areas and teams.

The page is rebuilt after every change of the plan's metadata (it is small); the focused field and the scroll
position are restored by object name, so typing and tabbing are not interrupted.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.model import Area, GateCriterion, Stage, Team, units
from planner.ui.presentation.workshop import FlowLayout
from planner.ui.state.document import PlanDocument
from planner.ui.state.scenarios import RECORDED
from planner.ui.theme import SCENARIO_NOTE_CSS
from planner.ui.views import format as fmt
from planner.ui.views.date_edit import DateEdit
from planner.ui.views.elided import ElidedGroupBox, ElidedLabel
from planner.ui.views.inspector import PlainTextField
from planner.units import quoted

if TYPE_CHECKING:
    from planner.analysis import Analysis

BASE_ONLY = "the plan's title, description, dates, stages, gate criteria, areas and team names"
"""What this page edits that a scenario does not record: read-only while one is shown (team capacity stays)."""
READ_ONLY_STYLE = (  # a read-only field looks like one (Qt draws it as an editable one), in either theme
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: palette(window); }'
)
NOTE_STYLE = (  # the scenario bar's note, on this page
    f"QFrame#planScenarioNote {{ {SCENARIO_NOTE_CSS} }} QFrame#planScenarioNote QLabel {{ {SCENARIO_NOTE_CSS} "
    "border: none; }"
)


class PlanView(QScrollArea):
    message = Signal(str)
    # the Show Base button of the note shown while a scenario is (the scenario bar switches)
    show_base = Signal()

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Plan and stages")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.rebuild)
        self._loading = False
        doc.plan_meta_changed.connect(self._schedule_rebuild)
        doc.plan_reset.connect(self._schedule_rebuild)
        doc.scenarios.changed.connect(self._schedule_rebuild)  # read-only in a scenario, editable in Base
        doc.analysis_updated.connect(self._on_analysis)
        self.stage_labels: list[QLabel] = []
        self.scenario_note: QFrame | None = None
        self.rebuild()

    def _schedule_rebuild(self) -> None:
        self._timer.start(0)  # not inside the signal handler of a widget we are about to delete

    # -- building ------------------------------------------------------------------------------------------
    def rebuild(self) -> None:
        focus = self.focusWidget()
        focus_name = focus.objectName() if focus is not None and self.isAncestorOf(focus) else ""
        scroll = self.verticalScrollBar().value()
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        page = QWidget()
        self._loading = True
        try:
            self._build(page)
        finally:
            self._loading = False
        self.setWidget(page)
        # Not an older analysis: after a stage is added or moved its windows would land on other stages' labels.
        self._on_analysis(self.doc.drawable_analysis)
        self.verticalScrollBar().setValue(scroll)
        if focus_name:
            w = page.findChild(QWidget, focus_name)
            if w is not None:
                w.setFocus()

    def commit_pending(self) -> None:
        """Commit text typed but not yet committed (Enter not pressed, the field not left) to the plan it was typed
        in, before that plan is swapped for another: typed in Base, a plan title went when a scenario was shown
        (by a key or the menu, which take no focus), and the status bar said it was refused."""
        page = self.widget()
        if page is None:
            return
        for line in page.findChildren(QLineEdit):
            if line.isModified() and not line.isReadOnly():
                line.editingFinished.emit()
                line.setModified(False)
        for text in page.findChildren(PlainTextField):
            text.flush()

    def _refusal(self) -> str | None:
        """Why the page's fields are read-only now (a scenario is shown), or None."""
        return self.doc.scenarios.refusal(BASE_ONLY)

    def _build(self, page: QWidget) -> None:
        plan = self.doc.plan
        layout = QVBoxLayout(page)
        self.locked = self._refusal() is not None
        self.scenario_note = self._scenario_note(page) if self.locked else None
        if self.scenario_note is not None:
            layout.addWidget(self.scenario_note)
            page.setStyleSheet(READ_ONLY_STYLE)

        box = QGroupBox("Plan", page)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields in a narrow dock
        title = self._line(
            box,
            "plan.title",
            plan.title,
            "Plan title",
            lambda t: self._edit(plan, title=t.strip() or plan.title),
        )
        form.addRow("Title", title)
        desc = PlainTextField(box, lines=2)
        desc.setObjectName("plan.description")
        desc.setAccessibleName("Plan description")
        desc.set_text(plan.description)
        desc.setReadOnly(self.locked)
        desc.editing_finished.connect(lambda: self._edit(plan, description=desc.toPlainText()))
        form.addRow("Description", desc)
        has_date = QCheckBox("Dates", box)
        has_date.setObjectName("plan.has_start_date")
        has_date.setToolTip("Give the plan a start date to see calendar dates next to weeks")
        date = DateEdit(box)  # (typing 2027-03-01 with its dashes works)
        date.setObjectName("plan.start_date")
        date.setAccessibleName("Plan start date")
        has_date.setChecked(plan.start_date is not None)
        has_date.setEnabled(not self.locked)
        date.setEnabled(plan.start_date is not None and not self.locked)
        sd = plan.start_date or dt.date.today()
        date.setDate(QDate(sd.year, sd.month, sd.day))
        has_date.toggled.connect(
            lambda on: self._edit(plan, start_date=date.date().toPython() if on else None)
        )
        date.editingFinished.connect(
            lambda: self._edit(plan, start_date=date.date().toPython()) if has_date.isChecked() else None
        )
        row = QHBoxLayout()
        row.addWidget(has_date)
        row.addWidget(date, 1)
        form.addRow("Start date", row)
        form.addRow("Status date", self._status_row(box))
        layout.addWidget(box)

        stages_box = QGroupBox("Stages", page)
        sl = QVBoxLayout(stages_box)
        self.stage_labels = []
        for k, st in enumerate(plan.stages):
            sl.addWidget(self._stage_box(stages_box, k, st))
        add_stage = QPushButton("Add stage", stages_box)
        add_stage.setObjectName("stages.add")
        add_stage.clicked.connect(self._add_stage)
        add_stage.setEnabled(not self.locked)
        sl.addWidget(add_stage, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(stages_box)

        layout.addWidget(self._list_box(page, "Areas", "areas", plan.areas))
        layout.addWidget(self._list_box(page, "Teams", "teams", plan.teams))
        layout.addStretch(1)

    def _status_row(self, parent: QWidget) -> QWidget:
        """The status date (issue 16): off, a date (when the plan has a start date) or weeks from the start.
        Today is offered on a button, never set on its own: progress is recorded up to a date someone chose."""
        plan = self.doc.plan
        has = QCheckBox("Set", parent)
        has.setObjectName("plan.has_status_date")
        has.setToolTip(
            "Progress is recorded up to the status date: work not done is scheduled from it, and the charts "
            "draw it as a line"
        )
        has.setChecked(plan.status_date is not None)
        has.setEnabled(not self.locked)
        # Wraps in a narrow dock (800x600: ~245 px): side by side, Set, the date and Today needed 271 px, and
        # the plan view scrolled sideways with every field cut at its right edge.
        holder = QWidget(parent)
        row = FlowLayout(holder, spacing=6)
        row.addWidget(has)
        value = plan.status_date
        self.status_today: QPushButton | None = None
        if plan.start_date is not None:
            edit = DateEdit(parent)
            edit.setObjectName("plan.status_date")
            edit.setAccessibleName("Status date")
            if isinstance(value, dt.date):
                shown = value
            elif value is not None:
                shown = units.week_to_date(plan.start_date, float(value)) or plan.start_date
            else:
                shown = dt.date.today()  # shown as a suggestion; applied only when the user ticks Set
            edit.setDate(QDate(shown.year, shown.month, shown.day))
            edit.setEnabled(value is not None and not self.locked)

            def current() -> Any:
                return edit.date().toPython()

            edit.editingFinished.connect(
                lambda: self._edit(plan, status_date=current()) if has.isChecked() else None
            )
            today = QPushButton("Today", parent)
            today.setObjectName("plan.status_today")
            today.setToolTip("Set the status date to today's date (undoable)")
            today.clicked.connect(lambda: self.set_status_today())
            today.setEnabled(not self.locked)
            self.status_today = today
            row.addWidget(edit)
            row.addWidget(today)
        else:
            spin = QDoubleSpinBox(parent)
            spin.setObjectName("plan.status_week")
            spin.setAccessibleName("Status date, weeks from the plan start")
            spin.setRange(0, 520)
            spin.setDecimals(2)
            spin.setSingleStep(1)
            spin.setSuffix(" wk")
            spin.setKeyboardTracking(False)
            spin.setValue(float(value) if isinstance(value, int | float) else 0.0)
            spin.setEnabled(value is not None and not self.locked)
            spin.setToolTip("Weeks from the plan start; give the plan a start date to pick a calendar date")

            def current() -> Any:
                return float(spin.value())

            spin.valueChanged.connect(
                lambda v: self._edit(plan, status_date=float(v)) if has.isChecked() else None
            )
            row.addWidget(spin)
        has.toggled.connect(lambda on: self._edit(plan, status_date=current() if on else None))
        return holder

    def set_status_today(self) -> None:
        """Set the status date to today (one undo step); only on the user's request."""
        if self._refused():
            return
        if self.doc.plan.start_date is None:
            self.message.emit("Give the plan a start date first, or set the status date in weeks")
            return
        self._edit(self.doc.plan, status_date=dt.date.today())

    def _line(self, parent: QWidget, name: str, text: str, accessible: str, on_done: Any) -> QLineEdit:
        w = QLineEdit(text, parent)
        w.setCursorPosition(0)  # show the beginning of long texts
        w.setToolTip(text if len(text) > 40 else "")
        w.setObjectName(name)
        w.setAccessibleName(accessible)
        w.editingFinished.connect(lambda: self._line_done(w, on_done))
        w.setReadOnly(self.locked)
        return w

    @staticmethod
    def _line_done(w: QLineEdit, on_done: Any) -> None:
        """Commit what was typed in ``w``; it then counts as committed (Ctrl+Z there undoes the plan's edit, not the
        typing: :class:`planner.ui.workbench.PlanUndoInFields`)."""
        if w.isModified():
            w.setModified(False)
            on_done(w.text())

    def _stage_box(self, parent: QWidget, k: int, st: Stage) -> QGroupBox:
        box = ElidedGroupBox(f"{k + 1}. {st.name}", parent)  # a 200-character name elides (tooltip: whole)
        box.setObjectName(f"stage.{k}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields in a narrow dock
        form.addRow(
            "Name",
            self._line(
                box,
                f"stage.{k}.name",
                st.name,
                f"Name of stage {k + 1}",
                lambda t: self._edit(st, name=t.strip() or st.name),
            ),
        )
        goal = PlainTextField(box, lines=2)
        goal.setObjectName(f"stage.{k}.goal")
        goal.setAccessibleName(f"Goal of stage {st.name}")
        goal.set_text(st.goal)
        goal.setReadOnly(self.locked)
        goal.editing_finished.connect(lambda: self._edit(st, goal=goal.toPlainText()))
        form.addRow("Goal", goal)
        info = QLabel(box)
        info.setWordWrap(True)
        info.setObjectName(f"stage.{k}.window")
        self.stage_labels.append(info)
        form.addRow("Schedule", info)
        crit_w = QWidget(box)
        cl = QVBoxLayout(crit_w)
        cl.setContentsMargins(0, 0, 0, 0)
        for j, c in enumerate(st.gate_criteria):
            row = QHBoxLayout()
            check = QCheckBox(crit_w)
            check.setObjectName(f"stage.{k}.criterion.{j}.met")
            check.setChecked(c.met)
            check.setAccessibleName(f"Gate criterion met: {c.text}")
            check.setToolTip("Tick when the criterion is met")
            check.setEnabled(not self.locked)
            check.toggled.connect(
                lambda on, c=c: self._edit(
                    c, "Tick Gate Criterion" if on else "Untick Gate Criterion", met=on
                )
            )
            text = self._line(
                crit_w,
                f"stage.{k}.criterion.{j}.text",
                c.text,
                "Gate criterion",
                lambda t, c=c: self._edit(c, text=t.strip() or c.text),
            )
            remove = QToolButton(crit_w)
            remove.setText("✕")
            remove.setObjectName(f"stage.{k}.criterion.{j}.remove")
            remove.setToolTip("Remove this criterion")
            remove.setAccessibleName("Remove gate criterion")
            remove.setEnabled(not self.locked)
            remove.clicked.connect(
                lambda _=False, st=st, j=j: self.doc.remove_item(
                    st, "gate_criteria", j, "Remove Gate Criterion"
                )
            )
            row.addWidget(check)
            row.addWidget(text, 1)
            row.addWidget(remove)
            cl.addLayout(row)
        buttons_row = QWidget(crit_w)
        buttons = FlowLayout(buttons_row, spacing=6)  # wraps in a narrow dock, as the status date does
        add = QPushButton("Add criterion", crit_w)
        add.setObjectName(f"stage.{k}.criterion.add")
        add.setEnabled(not self.locked)
        add.clicked.connect(
            lambda _=False, st=st: self.doc.add_item(
                st, "gate_criteria", GateCriterion(text="New criterion"), "Add Gate Criterion"
            )
        )
        buttons.addWidget(add)
        rm = QPushButton("Remove stage", crit_w)
        rm.setObjectName(f"stage.{k}.remove")
        rm.setToolTip("Remove this stage (refused while decisions are assigned to it)")
        rm.setEnabled(not self.locked)
        rm.clicked.connect(lambda _=False, k=k: self._remove_stage(k))
        buttons.addWidget(rm)
        cl.addWidget(buttons_row)
        heading = QLabel("Gate criteria (tick each one that is met):", box)
        heading.setWordWrap(True)
        form.addRow(heading)
        form.addRow(crit_w)  # full width: criteria are sentences
        return box

    def _list_box(self, parent: QWidget, title: str, attr: str, items: list[Any]) -> QGroupBox:
        box = QGroupBox(title, parent)
        lay = QVBoxLayout(box)
        for j, item in enumerate(items):
            row = QHBoxLayout()
            # Ids line up in a column, and elide (whole in the tooltip) when the dock is narrow (800x600).
            ident = ElidedLabel(
                item.id, box, preferred_width=self.fontMetrics().horizontalAdvance("engineering-workflows ")
            )
            ident.setToolTip("Id (fixed; decisions refer to it)")
            ident.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(ident)
            name = self._line(
                box,
                f"{attr}.{j}.name",
                item.name,
                f"{title[:-1]} name",
                lambda t, item=item: self._edit(item, name=t.strip() or item.name),
            )
            name.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            row.addWidget(name, 1)
            if attr == "areas":
                color = self._line(
                    box,
                    f"{attr}.{j}.color",
                    item.color or "",
                    "Area colour (#RRGGBB)",
                    lambda t, item=item: self._edit(item, color=t.strip() or None),
                )
                color.setPlaceholderText("#RRGGBB")
                color.setMaximumWidth(self.fontMetrics().horizontalAdvance("#MMMMMMM") + 16)
                if item.color:
                    color.setStyleSheet(f"border-left: 10px solid {item.color};")
                row.addWidget(color)
            else:
                cap = QDoubleSpinBox(box)
                cap.setObjectName(f"{attr}.{j}.capacity")
                cap.setAccessibleName("Team capacity (people)")
                cap.setToolTip("People available per week (0: unknown)")
                cap.setRange(0, 100_000)
                cap.setDecimals(1)
                cap.setSuffix(" people")
                cap.setSpecialValueText("no limit")
                cap.setKeyboardTracking(False)
                cap.setValue(item.capacity or 0)
                cap.setMinimumWidth(90)  # its hint fits "100000.0 people": too wide for a narrow dock
                cap.valueChanged.connect(lambda v, item=item: self._edit(item, capacity=v or None))
                row.addWidget(cap)
            remove = QToolButton(box)
            remove.setText("✕")
            remove.setObjectName(f"{attr}.{j}.remove")
            remove.setToolTip(f"Remove this {title[:-1].lower()} (refused while decisions refer to it)")
            remove.setAccessibleName(f"Remove {title[:-1].lower()}")
            remove.setEnabled(not self.locked)
            remove.clicked.connect(lambda _=False, j=j, attr=attr: self._remove_ref(attr, j))
            row.addWidget(remove)
            lay.addLayout(row)
        add = QPushButton(f"Add {title[:-1].lower()}", box)
        add.setObjectName(f"{attr}.add")
        add.setEnabled(not self.locked)
        add.clicked.connect(lambda _=False, attr=attr: self._add_ref(attr))
        lay.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # -- edits ---------------------------------------------------------------------------------------------
    def _edit(self, obj: Any, text: str | None = None, **changes: Any) -> None:
        if self._loading:
            return
        problem = self._scenario_problem(obj, changes)
        if problem is None:
            problem = self.doc.edit_object(obj, text, **changes)
        if problem:
            self.message.emit(f"Not changed: {problem}")
            self._schedule_rebuild()

    def _refused(self) -> bool:
        """True (said in the status bar) while a scenario is shown: what this page edits is kept in Base."""
        refusal = self._refusal()
        if refusal is not None:
            self.message.emit(f"Not changed: {refusal}")
        return refusal is not None

    def _scenario_problem(self, obj: Any, changes: dict[str, Any]) -> str | None:
        """Why an edit is refused while a scenario is shown (None: made). A team's capacity is the one field here a
        scenario records; a capacity taken away ('no limit') it cannot, where the base has one."""
        refusal = self._refusal()
        if refusal is None:
            return None
        if not isinstance(obj, Team) or set(changes) != {"capacity"}:
            return refusal
        base = next((t for t in self.doc.scenarios.base.teams if t.id == obj.id), None)
        if changes["capacity"] is None and base is not None and base.capacity is not None:
            return (
                f"a scenario cannot take a team's capacity away ('no limit'): {quoted(obj.name)} has "
                f"{units.people(base.capacity)} in Base. Give it a number of people, or show Base to change it there."
            )
        return None

    def _scenario_note(self, parent: QWidget) -> QFrame:
        """The note over the page while a scenario is shown: what is read-only and why, and Show Base."""
        note = QFrame(parent)
        note.setObjectName("planScenarioNote")
        note.setFrameShape(QFrame.Shape.StyledPanel)
        note.setStyleSheet(NOTE_STYLE)
        lay = QVBoxLayout(note)
        text = QLabel(
            f"Scenario {quoted(self.doc.scenarios.label())} is shown: it records {RECORDED}. {BASE_ONLY[0].upper()}"
            f"{BASE_ONLY[1:]} are kept in Base, so they are read-only here; team capacity can be changed for this "
            "scenario.",
            note,
        )
        text.setObjectName("planScenarioNote.text")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(text)
        button = QPushButton("Show Base", note)
        button.setObjectName("planScenarioNote.showBase")
        button.setToolTip("Show the base plan, where the title, dates, stages, areas and teams are changed")
        button.clicked.connect(self.show_base)
        lay.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return note

    def _unique(self, attr: str, base: str) -> str:
        taken = {x.id for x in getattr(self.doc.plan, attr)}
        k = 1
        while f"{base}-{k}" in taken:
            k += 1
        return f"{base}-{k}"

    def _add_stage(self) -> None:
        if self._refused():
            return
        sid = self._unique("stages", "stage")
        self.doc.add_item(self.doc.plan, "stages", Stage(id=sid, name="New stage"), "Add Stage")

    def _remove_stage(self, k: int) -> None:
        if self._refused():
            return
        st = self.doc.plan.stages[k]
        used = sum(1 for d in self.doc.plan.decisions if d.stage == st.id)
        if used:
            self.message.emit(
                f"Stage {st.name} still has {units.count(used, 'decision')}: move them to another stage first"
            )
            return
        problem = self.doc.remove_item(self.doc.plan, "stages", k, "Remove Stage")
        if problem:
            self.message.emit(f"Not removed: {problem}")

    def _add_ref(self, attr: str) -> None:
        if self._refused():
            return
        if attr == "areas":
            self.doc.add_item(
                self.doc.plan, "areas", Area(id=self._unique("areas", "area"), name="New area"), "Add Area"
            )
        else:
            self.doc.add_item(
                self.doc.plan, "teams", Team(id=self._unique("teams", "team"), name="New team"), "Add Team"
            )

    def _remove_ref(self, attr: str, j: int) -> None:
        if self._refused():
            return
        item = getattr(self.doc.plan, attr)[j]
        field = "area" if attr == "areas" else "owner"
        used = sum(1 for d in self.doc.plan.decisions if getattr(d, field) == item.id)
        if used:
            self.message.emit(f"{item.name} is used by {units.count(used, 'decision')}: reassign them first")
            return
        self.doc.remove_item(self.doc.plan, attr, j, "Remove Area" if attr == "areas" else "Remove Team")

    # -- analysis ------------------------------------------------------------------------------------------
    def _on_analysis(self, analysis: Analysis | None) -> None:
        plan = self.doc.plan
        results = analysis.stages.stages if analysis is not None and analysis.stages is not None else None
        for k, label in enumerate(self.stage_labels):
            if results is None or k >= len(results):
                label.setText("No schedule while the plan has errors." if analysis is not None else "")
                continue
            r = results[k]
            if r.start is None:
                text = "No decisions yet."
            else:
                text = f"Rolling: {fmt.when(plan, r.start)} to {fmt.when(plan, r.finish)}."
                if r.gated_start is not None:
                    text += f" Gated: {fmt.when(plan, r.gated_start)} to {fmt.when(plan, r.gated_finish)}."
            if r.criteria_total:
                text += f" Gate criteria met: {r.criteria_met} of {r.criteria_total}."
            if r.done_share is not None:
                text += f" Done: {units.format_share(r.done_share)}."
            label.setText(text)
