"""The risk register as a Qt table model: one row per ``plan.risks`` entry, every edit through the document.

Rows follow the plan precisely: when the register changes (add, remove, undo, redo) the model compares the
risk objects it shows with the plan's and emits ``rowsInserted`` / ``rowsRemoved`` for a single insertion or
removal, ``dataChanged`` for field edits, and a reset only for anything else (a new plan).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from planner.model import ThreePoint, duration_triple, units
from planner.model.plan import Risk
from planner.ui.state.document import PlanDocument
from planner.ui.views import format as fmt

_Index = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, str, str]] = [
    ("id", "ID", "Unique id of the risk"),
    ("title", "Risk", "What might happen"),
    ("probability", "Probability", "Chance that it happens, percent"),
    (
        "impact",
        "Impact (wk)",
        "Weeks of delay added to each of its decisions when it happens: one number, or "
        "optimistic / likely / pessimistic",
    ),
    ("decisions", "Decisions", "Ids of the decisions it delays, separated by commas"),
    ("mitigation", "Mitigation", "What is done to prevent or soften it"),
    ("owner", "Owner", "The team that watches it"),
]
COLUMN_INDEX = {key: i for i, (key, _h, _t) in enumerate(COLUMNS)}


def impact_text(impact: float | ThreePoint) -> str:
    """``3`` or ``2 / 4 / 8`` (weeks)."""
    o, lk, p = duration_triple(impact)
    if o == lk == p:
        return fmt.weeks(lk)
    return f"{fmt.weeks(o)} / {fmt.weeks(lk)} / {fmt.weeks(p)}"


def parse_impact(text: str) -> float | ThreePoint:
    """``"3"`` -> 3.0, ``"2/4/8"`` -> ThreePoint. Raises ValueError with a readable message."""
    parts = [x.strip() for x in str(text).replace(",", "/").split("/") if x.strip()]
    try:
        values = [float(x) for x in parts]
    except ValueError:
        raise ValueError(
            f"'{text}' is not a number of weeks (or optimistic / likely / pessimistic)"
        ) from None
    if len(values) == 1:
        if values[0] < 0:
            raise ValueError("an impact cannot be negative")
        return values[0]
    if len(values) != 3:
        raise ValueError("give one number of weeks, or three: optimistic / likely / pessimistic")
    o, lk, p = values
    if not (0 <= o <= lk <= p):
        raise ValueError(f"estimates must satisfy 0 <= optimistic <= likely <= pessimistic (got {text})")
    return o if o == lk == p else ThreePoint(optimistic=o, likely=lk, pessimistic=p)


class RiskTableModel(QAbstractTableModel):
    """``plan.risks`` as a table; editable cells call :meth:`PlanDocument.edit_risk` (one undo step each)."""

    edit_refused = Signal(str)

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._rows: list[Risk] = list(doc.plan.risks)
        doc.plan_meta_changed.connect(self._sync)
        doc.plan_reset.connect(self._reset)
        doc.decision_changed.connect(self._on_decision_changed)

    def risk_at(self, row: int) -> Risk:
        return self._rows[row]

    def _team_name(self, team_id: str | None) -> str:
        if team_id is None:
            return ""
        return next((t.name for t in self.doc.plan.teams if t.id == team_id), f"{team_id} (unknown)")

    # -- Qt model API -------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section][1]
            if role == Qt.ItemDataRole.ToolTipRole:
                return COLUMNS[section][2]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section >= 0:
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        R = Qt.ItemDataRole
        if role == R.DisplayRole:
            if key == "probability":
                return units.format_percent(r.probability * 100.0)
            if key == "impact":
                return impact_text(r.impact)
            if key == "decisions":
                return ", ".join(r.decisions)
            if key == "owner":
                return self._team_name(r.owner)
            return str(getattr(r, key))
        if role == R.EditRole:
            if key == "probability":
                return r.probability * 100
            if key == "impact":
                return impact_text(r.impact)
            if key == "decisions":
                return ", ".join(r.decisions)
            if key == "owner":
                return r.owner or ""
            return str(getattr(r, key))
        if role == R.ToolTipRole:
            if key == "decisions":
                titles = [
                    f"{did}: {d.title}" if (d := self.doc.decision(did)) else f"{did}: (unknown)"
                    for did in r.decisions
                ]
                return "\n".join(titles) or "No decisions: this risk delays nothing"
            if key in ("title", "mitigation"):
                return getattr(r, key) or None
            return None
        if role == R.TextAlignmentRole and key in ("probability", "impact"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not (0 <= index.row() < len(self._rows))
        ):
            return False
        key = COLUMNS[index.column()][0]
        try:
            change = self._parse(key, value)
        except ValueError as exc:
            self.edit_refused.emit(str(exc))
            return False
        problem = self.doc.edit_risk(self.doc.plan.risks.index(self._rows[index.row()]), **{key: change})
        if problem:
            self.edit_refused.emit(problem)
            return False
        return True

    def _parse(self, key: str, value: Any) -> Any:
        if key == "probability":
            try:
                pct = float(str(value).replace("%", "").strip())
            except ValueError:
                raise ValueError(f"'{value}' is not a percentage") from None
            if not 0 <= pct <= 100:
                raise ValueError("a probability is between 0 and 100 %")
            return pct / 100
        if key == "impact":
            return parse_impact(str(value))
        if key == "decisions":
            ids = list(dict.fromkeys(x.strip() for x in str(value).replace(";", ",").split(",") if x.strip()))
            unknown = [i for i in ids if self.doc.decision(i) is None]
            if unknown:
                raise ValueError(f"no decision with id {', '.join(repr(i) for i in unknown)}")
            return ids
        if key == "owner":
            owner = str(value or "").strip() or None
            if owner is not None and owner not in {t.id for t in self.doc.plan.teams}:
                by_name = {t.name: t.id for t in self.doc.plan.teams}
                if owner not in by_name:
                    raise ValueError(f"'{owner}' is not a team of this plan (add it under Plan & stages)")
                owner = by_name[owner]
            return owner
        text = str(value).strip()
        if key in ("id", "title") and not text:
            raise ValueError(f"a risk needs {'an id' if key == 'id' else 'a title'}")
        return text

    # -- following the plan ----------------------------------------------------------------------------------
    def _sync(self) -> None:
        new = list(self.doc.plan.risks)
        old = self._rows
        if [id(r) for r in new] == [id(r) for r in old]:
            if old:
                self.dataChanged.emit(self.index(0, 0), self.index(len(old) - 1, len(COLUMNS) - 1))
            return
        if len(new) == len(old) + 1:
            k = next((i for i in range(len(old)) if old[i] is not new[i]), len(old))
            if all(a is b for a, b in zip(old[k:], new[k + 1 :], strict=True)):
                self.beginInsertRows(QModelIndex(), k, k)
                self._rows = new
                self.endInsertRows()
                return
        if len(new) == len(old) - 1:
            k = next((i for i in range(len(new)) if old[i] is not new[i]), len(new))
            if all(a is b for a, b in zip(old[k + 1 :], new[k:], strict=True)):
                self.beginRemoveRows(QModelIndex(), k, k)
                self._rows = new
                self.endRemoveRows()
                return
        self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self._rows = list(self.doc.plan.risks)
        self.endResetModel()

    def _on_decision_changed(self, _d: Any, fields: list[str]) -> None:
        if "id" in fields and self._rows:  # a rename rewrites the risks' decision ids
            c = COLUMN_INDEX["decisions"]
            self.dataChanged.emit(self.index(0, c), self.index(len(self._rows) - 1, c))
