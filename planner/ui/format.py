"""Formatting of weeks, dates and names for the views (no Qt)."""

from __future__ import annotations

import datetime as dt

from planner.model import Plan


def weeks(x: float | None, unit: bool = False) -> str:
    """``3``, ``2.5`` (at most two decimals, no trailing zeros); ``-`` for None."""
    if x is None:
        return "-"
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    if unit:
        text += " wk" if text in ("1", "-1") else " wks"
    return text


def date(plan: Plan, week: float | None) -> str:
    if week is None or plan.start_date is None:
        return ""
    d = plan.date_of(week)
    return d.isoformat() if isinstance(d, dt.date) else ""


def when(plan: Plan, week: float | None) -> str:
    """``week 12`` or ``week 12 (2027-03-29)``."""
    if week is None:
        return "-"
    d = date(plan, week)
    return f"week {weeks(week)}" + (f" ({d})" if d else "")


STATUS_LABELS = {"not_started": "Not started", "in_progress": "In progress", "done": "Done", "blocked": "Blocked"}
DEPENDENCY_TYPES = {
    "FS": "Finish → Start",
    "SS": "Start → Start",
    "FF": "Finish → Finish",
    "SF": "Start → Finish",
}
