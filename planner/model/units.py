"""The plan model's name for :mod:`planner.units` (weeks and dates: one rule for every output).

The rule lives in ``planner/units.py``, outside the model package, so that the command line can format a date
without importing pydantic (about 0.2 s of start-up on every command).
"""

from planner.units import (
    MONTHS,
    agree,
    axis_date,
    correlation,
    count,
    date_span,
    days_of_week,
    format_date,
    format_percent,
    format_share,
    format_weeks,
    format_when,
    iso_date,
    iso_dates,
    one_line,
    people,
    plural_weeks,
    short_date,
    signed_weeks,
    target_verdict,
    title_and_id,
    week_delta,
    week_span,
    week_to_date,
)

__all__ = [
    "MONTHS",
    "agree",
    "axis_date",
    "correlation",
    "count",
    "date_span",
    "days_of_week",
    "format_date",
    "format_percent",
    "format_share",
    "format_weeks",
    "format_when",
    "iso_date",
    "iso_dates",
    "title_and_id",
    "one_line",
    "people",
    "plural_weeks",
    "short_date",
    "signed_weeks",
    "target_verdict",
    "week_delta",
    "week_span",
    "week_to_date",
]
