"""Formatting of weeks, dates and names for the views (no Qt)."""

from __future__ import annotations

from planner.model import Plan, units


def weeks(x: float | None, unit: bool = False) -> str:
    """``3``, ``2.5`` (at most two decimals, no trailing zeros); ``-`` for None."""
    text = units.format_weeks(x)
    if x is None:
        return text
    if unit:
        text += " wk" if text in ("1", "-1") else " wks"
    return text


def date(plan: Plan, week: float | None) -> str:
    if week is None or plan.start_date is None:
        return ""
    return units.format_date(plan.date_of(week))


def when(plan: Plan, week: float | None) -> str:
    """``week 12`` or ``week 12 (29 Mar 2027)``."""
    return units.format_when(plan.start_date, week)


STATUS_LABELS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "done": "Done",
    "blocked": "Blocked",
}
DEPENDENCY_TYPES = {
    "FS": "Finish → Start",
    "SS": "Start → Start",
    "FF": "Finish → Finish",
    "SF": "Start → Finish",
}
