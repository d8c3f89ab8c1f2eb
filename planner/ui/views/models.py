"""Item models that adapt the plan to Qt views, precisely: rows are inserted and removed with the proper signals,
a field edit is one ``dataChanged`` for its row, and a new analysis one ``dataChanged`` per run of rows whose figures
changed (over the table when the plan's shape changed, or the rows are sorted).

:class:`DecisionTableModel` sorts itself (a permutation computed in Python in milliseconds); sorting through
``QSortFilterProxyModel`` calls back into Python for every comparison and takes most of a second at 10,000 rows.
:class:`DecisionFilterProxy` only filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from planner.model import Decision, Dependency, duration_triple, units
from planner.model.edits import MARKS
from planner.ui.state.document import MAX_EDIT_WEEKS, PlanDocument
from planner.ui.theme import status_color
from planner.ui.views import format as fmt
from planner.units import quoted

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.analysis.baselines import DecisionVariance

DecisionIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    tooltip: str
    editable: bool = True
    numeric: bool = False
    computed: bool = False


COLUMNS: list[Column] = [
    Column("id", "ID", "Unique id of the decision (renaming it updates its dependencies)"),
    Column("title", "Title", "What is decided"),
    Column("area", "Area", "Area of the organisation the decision belongs to"),
    Column("stage", "Stage", "Stage the decision is assigned to"),
    Column("owner", "Owner", "Team accountable for the decision"),
    Column("optimistic", "Opt.", "Optimistic duration estimate, weeks", numeric=True),
    Column("likely", "Likely", "Most likely duration estimate, weeks", numeric=True),
    Column("pessimistic", "Pess.", "Pessimistic duration estimate, weeks", numeric=True),
    Column("status", "Status", "Not started, in progress, done or blocked"),
    Column("progress", "Progress", "Progress, percent", numeric=True),
    Column(
        "actual_start",
        "Actual start",
        "When work really started: a date (2027-03-15) or weeks from the plan start; empty for none",
    ),
    Column(
        "actual_finish",
        "Actual finish",
        "When a done decision really finished: a date (2027-03-15) or weeks from the plan start",
    ),
    Column(
        "remaining",
        "Remaining",
        "Weeks of work left, scheduled from the status date (0 when done)",
        False,
        True,
        True,
    ),
    Column("start", "Start", "Computed early start, weeks from plan start", False, True, True),
    Column("finish", "Finish", "Computed early finish, weeks from plan start", False, True, True),
    Column("start_date", "Start date", "Computed early start date", False, False, True),
    Column("finish_date", "Finish date", "Computed early finish date", False, False, True),
    Column(
        "float", "Float", "Total float: weeks it can slip before the plan's finish moves", False, True, True
    ),
    Column(
        "critical", "Critical", "On a critical chain: any delay moves the plan's finish", False, False, True
    ),
    Column(
        "start_slip",
        "Start slip",
        "Weeks the start moved since the baseline (positive: later)",
        False,
        True,
        True,
    ),
    Column(
        "finish_slip",
        "Finish slip",
        "Weeks the finish moved since the baseline (positive: later)",
        False,
        True,
        True,
    ),
]
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
DATE_COLUMNS = (COLUMN_INDEX["start_date"], COLUMN_INDEX["finish_date"])
ACTUAL_KEYS = ("actual_start", "actual_finish")
VARIANCE_COLUMNS = (COLUMN_INDEX["start_slip"], COLUMN_INDEX["finish_slip"])
"""Shown only while the plan has a baseline."""

_ESTIMATE_POS = {"optimistic": 0, "likely": 1, "pessimistic": 2}


def _number(value: Any) -> float | None:
    """A typed number (``3``, ``2,5``, ``40 %``), or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = (
        str(value)
        .strip()
        .removesuffix("%")
        .removesuffix("wk")
        .removesuffix("weeks")
        .strip()
        .replace(",", ".")
    )
    try:
        v = float(text)
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


def _swatch(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(color))
    return QIcon(pix)


def critical_color() -> QColor:
    return status_color("error")


class DecisionTableModel(QAbstractTableModel):
    """The plan's decisions with their computed schedule figures, in the model's own sort order."""

    edit_refused = Signal(str)
    edit_held = Signal(str)  # an estimate typed out of order is held (shown, not applied), or applied at last

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._rows: list[Decision] = list(doc.plan.decisions)
        # Estimates typed out of order, per decision id, shown in their cells but not in the plan until the three
        # are in order again: typing 2 / 3 / 5 left to right over a 1-week duration refused the 2 (above likely 1)
        # with a message box that swallowed the next keys. Any change to the plan (or undo) drops them.
        self._held: dict[str, dict[str, float]] = {}
        italic = QFont()
        italic.setItalic(True)
        self._held_look: dict[int, Any] = {
            Qt.ItemDataRole.FontRole: italic,
            Qt.ItemDataRole.ToolTipRole: (
                "Held, not applied yet: estimates must satisfy optimistic ≤ likely ≤ pessimistic. Type the "
                "other estimates and all three apply together; any other edit drops it"
            ),
        }
        self._row_of: dict[int, int] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._names: dict[str, dict[str, str]] = {}
        self._icons: dict[str, QIcon] = {}
        self._error_ids: set[str] = set()
        self._variance_of: tuple[object, dict[str, Any]] | None = None
        self._shown: tuple[Any, ...] | None = None  # the schedule's figures last shown (_figures_shown)
        self._refresh_names()
        doc.decisions_inserted.connect(self._on_inserted)
        doc.decisions_about_to_be_removed.connect(self._on_about_to_be_removed)
        doc.decision_changed.connect(self._on_decision_changed)
        doc.plan_meta_changed.connect(self._on_meta_changed)
        doc.plan_reset.connect(self._on_reset)
        doc.analysis_updated.connect(self._on_analysis)
        doc.baseline_changed.connect(lambda _n: self._emit_columns_changed(VARIANCE_COLUMNS))
        doc.plan_changed.connect(self.drop_held)
        if doc.analysis is not None:
            self._on_analysis(doc.analysis)

    # -- lookups --------------------------------------------------------------------------------------------
    def decision_at(self, row: int) -> Decision:
        return self._rows[row]

    def row_of(self, decision: Decision) -> int:
        if self._row_of is None:
            self._row_of = {id(d): r for r, d in enumerate(self._rows)}
        return self._row_of.get(id(decision), -1)

    def row_of_id(self, decision_id: str) -> int:
        d = self.doc.decision(decision_id)
        return -1 if d is None else self.row_of(d)

    def _refresh_names(self) -> None:
        plan = self.doc.plan
        self._names = {
            "area": {a.id: a.name for a in plan.areas},
            "stage": {s.id: s.name for s in plan.stages},
            "owner": {t.id: t.name for t in plan.teams},
        }
        self._icons = {a.id: _swatch(a.color) for a in plan.areas if a.color}

    def _figures(self, d: Decision) -> tuple[float, float, float, bool] | None:
        a = self.doc.analysis
        if a is None or a.schedule is None:
            return None
        s = a.schedule
        i = s.index.get(d.id)
        if i is None or i >= len(s.es):
            return None
        return float(s.es[i]), float(s.ef[i]), float(s.total_float[i]), bool(s.critical[i])

    def _variance(self, d: Decision) -> DecisionVariance | None:
        """The decision's :class:`~planner.analysis.baselines.DecisionVariance` against the chosen baseline."""
        var = self.doc.variance()
        if var is None:
            return None
        if self._variance_of is None or self._variance_of[0] is not var:
            self._variance_of = (var, {row.id: row for row in var.decisions})
        return self._variance_of[1].get(d.id)

    def _remaining(self, d: Decision) -> float | None:
        """Weeks of work left: the schedule runs on the remaining work (issue 16), so its duration is it."""
        a = self.doc.analysis
        if a is None or a.schedule is None:
            return None
        i = a.schedule.index.get(d.id)
        if i is None or i >= len(a.schedule.duration):
            return None
        return float(a.schedule.duration[i])

    def is_critical(self, d: Decision) -> bool:
        f = self._figures(d)
        return bool(f and f[3])

    # -- Qt model API -------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            col = COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return col.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return col.tooltip
            if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section >= 0:
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = COLUMNS[index.column()]
        if col.editable and not (
            col.key in _ESTIMATE_POS and self._milestone_locked(self._rows[index.row()])
        ):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    @staticmethod
    def _milestone_locked(d: Decision) -> bool:
        """The inspector's rule: a milestone's estimates are read-only (it takes no time), unless a bad file gave
        it a duration, which must stay editable so it can be set back to 0."""
        return d.milestone and duration_triple(d.duration) == (0.0, 0.0, 0.0)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        d = self._rows[index.row()]
        key = COLUMNS[index.column()].key
        R = Qt.ItemDataRole
        if role in self._held_look and key in self._held.get(d.id, ()):
            return self._held_look[role]
        if role == R.DisplayRole:
            return self._display(d, key)
        if role == R.EditRole:
            return self._edit_value(d, key)
        if role == DecisionIdRole:
            return d.id
        if role == SortKeyRole:
            return self._sort_key(d, key)
        if role == R.TextAlignmentRole:
            if COLUMNS[index.column()].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == R.ToolTipRole:
            return self._tooltip(d, key)
        if role == R.DecorationRole:
            if key == "area" and d.area in self._icons:
                return self._icons[d.area]
            if key == "id" and d.id in self._error_ids:
                return QApplication.style().standardIcon(
                    QApplication.style().StandardPixmap.SP_MessageBoxWarning
                )
            return None
        if role == R.ForegroundRole:
            if key in self._names and getattr(d, key) is not None and getattr(d, key) not in self._names[key]:
                return QBrush(critical_color())
            if key in ("critical", "float") and self.is_critical(d):
                return QBrush(critical_color())
            if key in ("start_slip", "finish_slip"):
                v = self._variance(d)
                if v is not None and (getattr(v, key) or 0.0) > 0:
                    return QBrush(critical_color())
            return None
        if role == R.FontRole and key == "critical" and self.is_critical(d):
            f = QFont()
            f.setBold(True)
            return f
        if role == R.AccessibleTextRole:
            return f"{COLUMNS[index.column()].header}: {self._display(d, key)}"
        return None

    def _display(self, d: Decision, key: str) -> str:
        if key in ("id", "title"):
            return getattr(d, key)
        if key in self._names:
            ref = getattr(d, key)
            if ref is None:
                return ""
            return self._names[key].get(ref, f"{ref} (unknown)")
        if key in _ESTIMATE_POS:
            held = self._held.get(d.id, {}).get(key)
            if held is not None:
                return f"{fmt.weeks(held)} (held)"
            return fmt.weeks(duration_triple(d.duration)[_ESTIMATE_POS[key]]) + (" ◆" if d.milestone else "")
        if key == "status":
            return fmt.STATUS_LABELS.get(str(d.status), str(d.status))
        if key == "progress":
            # a decision marked done is all done, whatever its progress field holds (an import's Done row, a file
            # written by hand): the figure the schedule and the report count it by (progress.done_weeks)
            return units.format_percent(100.0 if str(d.status) == "done" else d.progress)
        if key in ACTUAL_KEYS:
            return fmt.actual(getattr(d, key))
        if key == "remaining":
            return "" if d.milestone else fmt.weeks(self._remaining(d))  # "-" without a schedule
        if key in ("start_slip", "finish_slip"):
            v = self._variance(d)
            # beside the baseline and current figures: their difference as written (baselines.shown_slip), by
            # the rule `planner analyze --baseline` and the Compare view write a slip with ('=' for none)
            slip = getattr(v, f"shown_{key}") if v is not None else None
            if slip is None:
                return "new" if v is not None and v.status == "new" else ""
            return units.signed_weeks(slip)
        f = self._figures(d)
        if f is None:
            return ""
        es, ef, tf, crit = f
        if key == "start":
            return fmt.weeks(es)
        if key == "finish":
            return fmt.weeks(ef)
        if key == "start_date":
            return fmt.date(self.doc.plan, es)
        if key == "finish_date":
            return fmt.date(self.doc.plan, ef)
        if key == "float":
            from planner.analysis.progress import shown_float  # the rule is the analysis's; the view formats

            shown = shown_float(d.status, tf)
            return "" if shown is None else fmt.weeks(shown)
        if key == "critical":
            return "Critical" if crit else ""
        return ""

    def _edit_value(self, d: Decision, key: str) -> Any:
        if key in _ESTIMATE_POS:
            held = self._held.get(d.id, {}).get(key)
            return held if held is not None else duration_triple(d.duration)[_ESTIMATE_POS[key]]
        if key == "status":
            return str(d.status)
        if key == "progress":
            return float(d.progress)
        if key in ACTUAL_KEYS:
            return fmt.actual(getattr(d, key), edit=True)
        if key in ("id", "title", "area", "stage", "owner"):
            return getattr(d, key)
        return self._display(d, key)

    def _sort_key(self, d: Decision, key: str) -> Any:
        if key in _ESTIMATE_POS or key == "progress":
            return (0, self._edit_value(d, key))
        if key == "status":
            return (
                0,
                list(fmt.STATUS_LABELS).index(str(d.status)) if str(d.status) in fmt.STATUS_LABELS else 9,
            )
        if key in ("start_slip", "finish_slip"):
            v = self._variance(d)
            slip = getattr(v, key) if v is not None else None
            return (1, 0.0) if slip is None else (0, slip)
        if key in ACTUAL_KEYS:
            from planner.analysis.progress import to_week

            week = to_week(self.doc.plan, getattr(d, key))
            return (1, 0.0) if week is None else (0, week)
        if key == "remaining":
            left = self._remaining(d)
            return (1, 0.0) if left is None else (0, left)
        if key in ("start", "finish", "start_date", "finish_date", "float", "critical"):
            f = self._figures(d)
            if f is None:
                return (1, 0.0)
            es, ef, tf, crit = f
            return (
                0,
                {
                    "start": es,
                    "start_date": es,
                    "finish": ef,
                    "finish_date": ef,
                    "float": tf,
                    "critical": -float(crit),
                }[key],
            )
        return (0, self._display(d, key).casefold())

    def _tooltip(self, d: Decision, key: str) -> str | None:
        if key in _ESTIMATE_POS and self._milestone_locked(d):
            return "A milestone takes no time: untick Milestone in the inspector to give it a duration"
        if key in self._names:
            ref = getattr(d, key)
            if ref is not None and ref not in self._names[key]:
                return f"'{ref}' is not a {key} of this plan: choose one from the list"
            return None
        if key == "title":
            return d.title
        if key == "critical":
            f = self._figures(d)
            if f is None:
                return None
            return (
                "Critical: any delay moves the plan's finish"
                if f[3]
                else f"Not critical: it can slip {fmt.weeks(f[2], unit=True)}"
            )
        if key == "id":  # whole: the frozen id elides long ones ('portfolio-prio…')
            if d.id in self._error_ids:
                return f"{d.id}: this decision is named in a validation error (see Findings)"
            return d.id
        if key in ("start_slip", "finish_slip"):
            v = self._variance(d)
            if v is None:
                return None
            if v.status == "new":
                return "Not in the baseline (added since)"
            which = "start" if key == "start_slip" else "finish"
            base, now = getattr(v, f"baseline_{which}"), getattr(v, which)
            current = self.doc.variance()  # not None: v is one of its rows
            return (
                f"Baseline '{current.baseline if current else ''}': {which} week {fmt.weeks(base)}, "
                f"now week {fmt.weeks(now)}"
            )
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Apply a typed cell value through the document. A refused value emits ``edit_refused`` with a sentence
        saying what was wrong and what to do, and changes nothing (never a silent clamp)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        d = self._rows[index.row()]
        key = COLUMNS[index.column()].key
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            if key in _ESTIMATE_POS and self._milestone_locked(d):
                self.edit_refused.emit(
                    f"'{d.title}' is a milestone and takes no time: untick Milestone in the "
                    "inspector to give it a duration"
                )
            return False
        problem = self._apply(d, key, value)
        if problem:
            self.edit_refused.emit(problem)
            return False
        return True

    def _apply(self, d: Decision, key: str, value: Any) -> str | None:
        doc = self.doc
        if key in _ESTIMATE_POS or key == "progress":
            v = _number(value)
            if v is None:
                what, example = (
                    ("a percentage", "from 0 to 100, such as 40 or 12.5")
                    if key == "progress"
                    else ("a number of weeks", "such as 3 or 2.5")
                )
                return f"{quoted(str(value))} is not {what}: type a number {example}"
            # A refused number is quoted as typed: 1e308 written out is 309 digits across the status bar.
            typed = value.strip() if isinstance(value, str) else fmt.weeks(v)
            if key == "progress":
                if not 0 <= v <= 100:
                    return f"Progress is a percentage from 0 to 100: {typed} was not applied"
                return doc.edit_decision(d.id, progress=v)
            label = COLUMNS[COLUMN_INDEX[key]].header
            if v < 0:
                return f"A duration cannot be negative ({label}: {typed} weeks was not applied)"
            if v > MAX_EDIT_WEEKS:
                return (
                    f"{typed} weeks is longer than one decision can take here (at most {MAX_EDIT_WEEKS} "
                    "weeks, 10 years): check the number, or split the work into several decisions"
                )
            held = self._held.get(d.id, {})
            o, lk, p = duration_triple(d.duration)
            if o == lk == p and key == "likely" and not held:
                o = lk = p = v
            else:
                o, lk, p = [
                    v if k == key else held.get(k, x) for k, x in zip(_ESTIMATE_POS, (o, lk, p), strict=True)
                ]
            if not o <= lk <= p:
                self._held[d.id] = {**held, key: v}
                self._emit_held_changed(d)
                self.edit_held.emit(
                    f"{label} {fmt.weeks(v)} held, not applied yet: estimates must satisfy optimistic ≤ likely ≤ "
                    f"pessimistic ({fmt.weeks(o)} / {fmt.weeks(lk)} / {fmt.weeks(p)} weeks). Type the other "
                    "estimates and all three apply together"
                )
                return None
            if self._held.pop(d.id, None) is None:
                return doc.set_duration(d.id, o, lk, p)
            self._emit_held_changed(d)
            problem = doc.set_duration(d.id, o, lk, p)
            if problem is None:  # (replaces the "held" message, which no longer holds)
                self.edit_held.emit(
                    f"Estimates {fmt.weeks(o)} / {fmt.weeks(lk)} / {fmt.weeks(p)} weeks applied to '{d.title}'"
                )
            return problem
        if key in ACTUAL_KEYS:
            parsed, problem = fmt.parse_actual(value, doc.plan.start_date is not None)
            if problem:
                return problem
            return doc.edit_decision(d.id, **{key: parsed})
        if key == "id":
            return doc.edit_decision(d.id, id=str(value).strip())
        if key in ("area", "owner"):
            return doc.edit_decision(d.id, **{key: value or None})
        if key == "title":
            value = str(value).strip()
            if not value:
                return "A decision needs a title: the empty title was not applied"
        if key == "status":
            status = fmt.parse_status(value)
            if status is None:
                return f"'{value}' is not a status: choose " + ", ".join(fmt.STATUS_LABELS.values())
            if status in MARKS:  # done sets 100 %, not started clears progress (issue 16)
                return doc.mark_status([d.id], status)
            value = status
        return doc.edit_decision(d.id, **{key: value})

    # -- sorting ------------------------------------------------------------------------------------------
    @property
    def sort_column(self) -> int:
        return self._sort_column

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        self._resort()

    def _sorted(self, decisions: list[Decision]) -> list[Decision]:
        if not (0 <= self._sort_column < len(COLUMNS)):
            return list(decisions)
        key = COLUMNS[self._sort_column].key
        return sorted(
            decisions,
            key=lambda d: self._sort_key(d, key),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def _resort(self) -> None:
        new_rows = self._sorted(self.doc.plan.decisions)
        if [id(d) for d in new_rows] == [id(d) for d in self._rows]:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_objs = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else None for i in old_persistent]
        self._rows = new_rows
        self._row_of = None
        new_persistent = []
        for idx, obj in zip(old_persistent, old_objs, strict=True):
            r = self.row_of(obj) if obj is not None else -1
            new_persistent.append(self.index(r, idx.column()) if r >= 0 else QModelIndex())
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    # -- document notifications ------------------------------------------------------------------------------
    def _on_inserted(self, plan_index: int) -> None:
        d = self.doc.plan.decisions[plan_index]
        if self._sort_column < 0:
            row = plan_index
        else:
            # Insert where the sort puts it (before the first row that sorts after it).
            key = COLUMNS[self._sort_column].key
            k = self._sort_key(d, key)
            desc = self._sort_order == Qt.SortOrder.DescendingOrder
            row = len(self._rows)
            for r, other in enumerate(self._rows):
                ko = self._sort_key(other, key)
                if (ko < k) if desc else (ko > k):
                    row = r
                    break
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, d)
        self._row_of = None
        self.endInsertRows()

    def _on_about_to_be_removed(self, plan_index: int) -> None:
        d = self.doc.plan.decisions[plan_index]
        row = plan_index if self._sort_column < 0 else self.row_of(d)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._row_of = None
        self.endRemoveRows()

    def _on_decision_changed(self, decision: Decision, _fields: list[str]) -> None:
        row = self.row_of(decision)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def held(self, decision_id: str) -> dict[str, float]:
        """The estimates typed for the decision that are held, not applied (out of order), by column key."""
        return dict(self._held.get(decision_id, {}))

    def held_count(self) -> int:
        """How many estimates are held (typed, not applied: out of order) across the plan."""
        return sum(len(v) for v in self._held.values())

    def drop_held(self) -> None:
        """Forget the held estimates (the plan changed: they were typed against other figures)."""
        if not self._held:
            return
        ids, self._held = set(self._held), {}
        for d in self._rows:
            if d.id in ids:
                self._emit_held_changed(d)

    def _emit_held_changed(self, d: Decision) -> None:
        row = self.row_of(d)
        if row >= 0:
            self.dataChanged.emit(
                self.index(row, COLUMN_INDEX["optimistic"]), self.index(row, COLUMN_INDEX["pessimistic"])
            )

    def _on_meta_changed(self) -> None:
        self._refresh_names()
        self._emit_all_changed()

    def _on_reset(self) -> None:
        self.beginResetModel()
        self._refresh_names()
        self._rows = self._sorted(self.doc.plan.decisions)
        self._row_of = None
        self._error_ids = set()
        self._held = {}
        self.endResetModel()

    def _on_analysis(self, analysis: Analysis) -> None:
        errors = {i for f in analysis.errors for i in f.decisions}
        flipped, self._error_ids = errors ^ self._error_ids, errors
        previous, self._shown = self._shown, _figures_shown(analysis)
        if self._sort_column >= 0:
            self._resort()
        else:
            rows = self._changed_rows(previous, flipped)
            if rows is not None:
                self._emit_rows_changed(rows)
                return
        self._emit_all_changed()

    def _changed_rows(self, previous: tuple[Any, ...] | None, flipped: set[str]) -> list[int] | None:
        """Rows whose figures differ from the ones shown before (``previous``: :func:`_figures_shown` then), or
        whose error mark flipped, ascending; None when the analyses do not compare (another shape, no schedule).
        Unsorted, the rows are the plan's decisions in order (inserts and removals keep it so)."""
        shown = self._shown
        if (
            previous is None
            or shown is None
            or previous[0] is not shown[0]
            or len(shown[0]) != len(self._rows)
        ):
            return None
        changed = previous[1] != shown[1]
        for before, now in zip(previous[2:], shown[2:], strict=True):
            changed |= before != now
        rows = set(changed.nonzero()[0].tolist())
        decisions = self.doc.plan.decisions
        if len(decisions) != len(self._rows) or any(
            self._rows[r] is not decisions[r] for r in list(rows)[:8]
        ):
            return None  # (not in plan order after all: announce every row)
        if flipped:
            rows.update(self.row_of_id(did) for did in flipped)
            rows.discard(-1)
        return sorted(rows)

    def _emit_rows_changed(self, rows: list[int]) -> None:
        """One ``dataChanged`` per run of consecutive rows; one over the rows' span when they are scattered (a
        signal per run would cost more than the views' repaint of a span, which covers only what is visible)."""
        if not rows:
            return
        last = len(COLUMNS) - 1
        runs: list[tuple[int, int]] = []
        start = prev = rows[0]
        for r in rows[1:]:
            if r != prev + 1:
                runs.append((start, prev))
                if len(runs) > _MAX_RUNS:
                    runs = [(rows[0], rows[-1])]
                    break
                start = r
            prev = r
        else:
            runs.append((start, prev))
        for top, bottom in runs:
            self.dataChanged.emit(self.index(top, 0), self.index(bottom, last))

    def _emit_columns_changed(self, columns: tuple[int, ...]) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, min(columns)), self.index(len(self._rows) - 1, max(columns)))

    def _emit_all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))


_MAX_RUNS = 16
"""More runs of changed rows than this are announced as one span (:meth:`DecisionTableModel._emit_rows_changed`)."""


def _figures_shown(analysis: Analysis) -> tuple[Any, ...] | None:
    """What the table's figures are made of, by decision: (the schedule's ids, then its arrays), or None."""
    s = analysis.schedule
    if s is None:
        return None
    return (s.ids, s.duration, s.es, s.ef, s.total_float, s.critical)


class DecisionFilterProxy(QSortFilterProxyModel):
    """Filters the decision table by text, stage, area, owner, status and critical-only. Sorting is forwarded to
    the source model (see the module docstring)."""

    def __init__(self, source: DecisionTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self.setSourceModel(source)
        self._source = source
        self.text = ""
        self.stage: str | None = None
        self.area: str | None = None
        self.owner: str | None = None
        self.status: str | None = None
        self.critical_only = False
        source.doc.analysis_updated.connect(self._on_analysis)

    def set_filters(self, **filters: Any) -> None:
        for k in filters:
            if not hasattr(self, k) or k.startswith("_"):
                raise AttributeError(k)

        def apply() -> None:
            for k, v in filters.items():
                setattr(self, k, v)
            self.text = self.text.strip().casefold()

        self._refilter(apply)

    def _refilter(self, apply: Any = None) -> None:
        # Qt 6.9 replaced invalidateRowsFilter() with begin/endFilterChange(); support both.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            if apply:
                apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            if apply:
                apply()
            self.invalidateRowsFilter()

    @property
    def active(self) -> bool:
        return bool(self.text or self.stage or self.area or self.owner or self.status or self.critical_only)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self.active:
            return True
        d = self._source.decision_at(source_row)
        if self.stage and d.stage != self.stage:
            return False
        if self.area and d.area != self.area:
            return False
        if self.owner and d.owner != self.owner:
            return False
        if self.status and str(d.status) != self.status:
            return False
        if self.critical_only and not self._source.is_critical(d):
            return False
        if self.text:
            hay = " ".join([d.id, d.title, d.notes, *d.tags, *d.references]).casefold()
            if self.text not in hay:
                return False
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def _on_analysis(self, _analysis: Analysis) -> None:
        if self.critical_only:
            self._refilter()


class DependencyListModel(QAbstractTableModel):
    """The predecessors (or successors) of one decision: the other decision, type, lag and note; editable."""

    edit_refused = Signal(str)
    HEADERS = ("Decision", "Type", "Lag (wk)", "Note")

    def __init__(self, doc: PlanDocument, direction: str, parent: Any = None) -> None:
        super().__init__(parent)
        assert direction in ("predecessors", "successors")
        self.doc = doc
        self.direction = direction
        self.decision_id: str | None = None
        self._rows: list[int] = []  # indices into plan.dependencies
        doc.dependencies_changed.connect(self.refresh)
        doc.plan_reset.connect(self.refresh)
        doc.decision_changed.connect(self._on_decision_changed)

    def set_decision(self, decision_id: str | None) -> None:
        self.decision_id = decision_id
        self.refresh()

    def _compute(self) -> list[int]:
        if self.decision_id is None:
            return []
        end = "to" if self.direction == "predecessors" else "from_"
        return [
            k for k, dep in enumerate(self.doc.plan.dependencies) if getattr(dep, end) == self.decision_id
        ]

    def refresh(self) -> None:
        rows = self._compute()
        if rows == self._rows:
            # The same links (a type, lag or note edited): new figures, not a reset. A reset released the cell
            # editor that had just committed, which kept the focus and committed again on focus out ("commitData
            # called with an editor that does not belong to this view"), and closed any editor opened meanwhile.
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _on_decision_changed(self, _d: Decision, fields: list[str]) -> None:
        if self._rows and "title" in fields:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def dependency_index(self, row: int) -> int:
        return self._rows[row]

    def dependency(self, row: int) -> Dependency:
        return self.doc.plan.dependencies[self._rows[row]]

    def other_id(self, row: int) -> str:
        dep = self.dependency(row)
        return dep.from_ if self.direction == "predecessors" else dep.to

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() > 0:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        dep = self.dependency(index.row())
        col = index.column()
        R = Qt.ItemDataRole
        if role in (R.DisplayRole, R.EditRole, R.ToolTipRole):
            if col == 0:
                other = self.other_id(index.row())
                d = self.doc.decision(other)
                if role == R.EditRole:
                    return other
                return f"{d.title} ({other})" if d else f"{other} (unknown)"
            if col == 1:
                t = str(dep.type)
                if role == R.ToolTipRole:
                    return fmt.DEPENDENCY_TYPES.get(t, t)
                return t
            if col == 2:
                return dep.lag if role == R.EditRole else fmt.weeks(dep.lag)
            if col == 3:
                return dep.note
        if role == DecisionIdRole:
            return self.other_id(index.row())
        if role == R.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        k = self._rows[index.row()]
        key = {1: "type", 2: "lag", 3: "note"}[index.column()]
        if key == "lag":
            lag = _number(value)  # (as the table reads weeks: "2,5", "1 wk"; never nan or inf)
            if lag is None:
                self.edit_refused.emit(f"'{value}' is not a number of weeks: type a lag such as 1 or -0.5")
                return False
            value = lag
        if key == "type":
            kind = str(value).strip().upper()
            if kind not in fmt.DEPENDENCY_TYPES:
                self.edit_refused.emit(
                    f"'{value}' is not a link type: choose " + ", ".join(fmt.DEPENDENCY_TYPES)
                )
                return False
            value = kind
        problem = self.doc.edit_dependency(k, **{key: value})
        if problem:
            self.edit_refused.emit(problem)
            return False
        return True
