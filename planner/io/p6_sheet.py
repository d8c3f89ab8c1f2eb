"""Primavera P6's spreadsheet export (File > Export > Spreadsheet - (XLSX)): a sheet per table, each with P6's field
names in its first row (``task_code``, ``task_name``, ``target_drtn_hr_cnt``...) and their titles in the second
('Activity ID', 'Activity Name', 'Original Duration(h)'...), the activities in 'TASK' and their relationships in
'TASKPRED' (successor, predecessor, type, lag in hours, each activity by its Activity ID).

Laid out here as one table -- the activities with a predecessors column built from 'TASKPRED' ('A1000 FS+16h') --
and read by :func:`planner.io.table.sheet_plan` as any tracker's sheet is; the fields it does not read are named
by their titles in the report, and the other sheets in one line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.io.common import ImportReport, some
from planner.units import count, quoted

TASK_SHEET, PRED_SHEET = "TASK", "TASKPRED"
_COLUMNS = {  # P6's field name -> the column name the table import reads it by
    "task_code": "ID",
    "task_name": "Name",
    "status_code": "Status",
    "target_drtn_hr_cnt": "Duration (hours)",
    "start_date": "Start",
    "end_date": "Finish",
    "act_start_date": "Actual Start",
    "act_end_date": "Actual Finish",
    "complete_pct": "% Complete",
    "wbs_id": "Group",
    "rsrc_id": "Owner",  # the primary resource
    "task_type": "Type",  # (Start and Finish Milestone written 'Milestone': see p6_sheet_rows)  # (a WBS element's code: the rows' grouping)
}
_STATUS = {"tk_notstart": "Not Started", "tk_active": "In Progress", "tk_complete": "Completed"}
_TYPES = {
    "pr_fs": "FS", "pr_ss": "SS", "pr_ff": "FF", "pr_sf": "SF",
    "finish to start": "FS", "start to start": "SS", "finish to finish": "FF", "start to finish": "SF",
    "fs": "FS", "ss": "SS", "ff": "FF", "sf": "SF",
}  # fmt: skip


def _text(cell: Any) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip() if cell is not None else ""


def is_p6_sheet(first_row: Sequence[Any]) -> bool:
    """True for the first row of P6's 'TASK' sheet: its field names."""
    names = {_text(c).casefold() for c in first_row}
    return {"task_code", "task_name"} <= names


def _titled(rows: list[tuple[int, list[Any]]]) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The field names (first row) and the rows after the titles row P6 writes under them."""
    names = [_text(c).casefold() for c in rows[0][1]]
    rest = rows[1:]
    first = rest[0][1] if rest else []
    if (
        first
        and all(isinstance(c, str) or c is None for c in first)
        and not any(ch.isdigit() for ch in _text(first[0]))  # ('A1010' is an activity, 'Activity ID' a title)
    ):
        rest = rest[1:]  # 'Activity ID', 'Activity Name', ...
    return names, rest


def p6_sheet_rows(
    task_rows: list[tuple[int, list[Any]]],
    pred_rows: list[tuple[int, list[Any]]] | None,
    other_sheets: list[str],
    report: ImportReport,
) -> list[tuple[int, list[Any]]]:
    """The activities of P6's 'TASK' sheet as a table (its header first) with their predecessors from 'TASKPRED'."""
    names, rows = _titled(task_rows)
    titles = [_text(c) for c in task_rows[1][1]] if len(task_rows) > 1 else []
    header: list[Any] = []
    for k, name in enumerate(names):
        shown = titles[k] if k < len(titles) and titles[k] else name
        header.append(_COLUMNS.get(name, shown))
    type_at = names.index("task_type") if "task_type" in names else None
    status_at = names.index("status_code") if "status_code" in names else None
    preds: dict[str, list[str]] = {}
    unread: list[str] = []
    if pred_rows:
        pnames, prest = _titled(pred_rows)
        at = {
            n: pnames.index(n) for n in ("task_id", "pred_task_id", "pred_type", "lag_hr_cnt") if n in pnames
        }
        if "task_id" not in at or "pred_task_id" not in at:
            report.add(
                "link",
                f"sheet {quoted(PRED_SHEET)} has no "
                + " or ".join(quoted(n) for n in ("task_id", "pred_task_id") if n not in at)
                + " column (the successor and the predecessor): its relationships are not carried",
            )
        for line, cells in prest:

            def cell(name: str, cells: list[Any] = cells) -> str:
                return _text(cells[at[name]]) if name in at and at[name] < len(cells) else ""

            succ, pred = cell("task_id"), cell("pred_task_id")
            if not succ or not pred:
                continue
            kind = _TYPES.get(cell("pred_type").casefold())
            if kind is None:
                unread.append(f"line {line} {quoted(cell('pred_type'))}")
                kind = "FS"
            lag = cell("lag_hr_cnt")
            try:
                hours = float(lag) if lag else 0.0
            except ValueError:
                unread.append(f"line {line} lag {quoted(lag)}")
                hours = 0.0
            preds.setdefault(succ, []).append(f"{pred} {kind}" + (f"{hours:+g}h" if hours else ""))
    out: list[tuple[int, list[Any]]] = [(task_rows[0][0], [*header, "Predecessors"])]
    id_at = names.index("task_code")
    for line, cells in rows:
        cells = [*cells, *[None] * (len(names) - len(cells))]
        if status_at is not None:
            cells[status_at] = _STATUS.get(_text(cells[status_at]).casefold(), cells[status_at])
        if type_at is not None:  # TT_Mile, TT_FinMile, 'Start Milestone', 'Finish Milestone': a milestone
            cells[type_at] = "Milestone" if "mile" in _text(cells[type_at]).casefold() else "Task"
        out.append((line, [*cells, ", ".join(preds.get(_text(cells[id_at]), []))]))
    report.add(
        "format",
        "Primavera P6's spreadsheet export: the activities of sheet 'TASK'"
        + (" and their relationships of sheet 'TASKPRED' (lags in hours)" if pred_rows else "")
        + " are read"
        + (
            f"; {count(len(other_sheets), 'other sheet')} not carried ({some(map(quoted, other_sheets), 4)})"
            if other_sheets
            else ""
        ),
    )
    if unread:
        report.add(
            "link",
            f"{count(len(unread), 'relationship')} with a type or lag that cannot be read "
            f"({some(unread, 3)}): read as FS, no lag",
        )
    return out
