"""Formatting of weeks, dates and names for the views (no Qt)."""

from __future__ import annotations

import datetime as dt
import math

from planner.model import Plan, units
from planner.model.limits import MAX_WEEKS
from planner.units import LRM as LRM  # one function for every output, re-exported
from planner.units import left_to_right as left_to_right


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


def runs(plan: Plan, start: float, finish: float, *, remaining: bool = False) -> str:
    """``Runs week 3 (25 Jan 2027) to week 5 (8 Feb 2027)`` (``Its remaining work runs ...``), or ``At week 3
    (25 Jan 2027)`` (``Its remaining work is at ...``) for what starts and finishes at one moment as written: a
    milestone read "Runs week 3 (25 Jan 2027) to week 3 (25 Jan 2027)"."""
    a, b = when(plan, start), when(plan, finish)
    if a == b:
        return f"Its remaining work is at {a}" if remaining else f"At {a}"
    return f"{'Its remaining work runs' if remaining else 'Runs'} {a} to {b}"


def gated(plan: Plan, gated_finish: float, price: float) -> str:
    """The gated finish as the status bar and the presenter bar say it: ``week 37.5 (19 Nov 2027) (+2 wks)``, the
    price of strict gates in brackets, ``(no cost)`` when gating delays nothing (one wording for both bars)."""
    return when(plan, gated_finish) + (f" (+{weeks(price, unit=True)})" if price else " (no cost)")


def name_in_line(name: str) -> str:
    """``name`` as it sits in a left-to-right line with figures after it ('التحقق · 11 decisions'): a name with
    Arabic or Hebrew letters gets a left-to-right mark after it, so the figures that follow belong to the line
    and keep its order. Without it the Unicode rules give digits after Arabic letters to the name's run, and the
    header read '11 · التحقق decisions'. A name without right-to-left letters is unchanged."""
    from planner.units import right_to_left

    return name + LRM if right_to_left(name) else name


BREAK_EVERY = 12
"""A word longer than twice this gets a break opportunity (a zero-width space) every this many characters where a
label wraps user text (:func:`may_break`)."""


def may_break(text: str, every: int = BREAK_EVERY) -> str:
    """``text`` with a break opportunity (a zero-width space) every ``every`` characters of each word longer than
    twice that. Qt wraps a label only between words, and a wrapped label is never narrower than its longest word:
    a 300-letter title with no space (an identifier, a URL) made the inspector's heading 2,200 px wide, and the
    window with it, past the screen; in rich text it ran past the panel's edge, cut.

    >>> may_break("Connect " + "x" * 30)
    'Connect xxxxxxxxxxxx\u200bxxxxxxxxxxxx\u200bxxxxxx'
    """
    words = []
    for word in text.split(" "):
        if len(word) > 2 * every:
            word = "\u200b".join(word[k : k + every] for k in range(0, len(word), every))
        words.append(word)
    return " ".join(words)


def wrapped(text: str, chars: int) -> str:
    """``text`` on lines of about ``chars`` characters (a table header that would otherwise be as wide as its
    longest name)."""
    import textwrap

    return "\n".join(textwrap.wrap(text, chars)) or text


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


def actual(value: dt.date | float | None, *, edit: bool = False) -> str:
    """An actual start or finish as recorded (issue 16): ``15 Mar 2027`` (``2027-03-15`` to ``edit``) for a date,
    ``wk 3`` (``3``) for weeks from the plan start, empty for none."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat() if edit else units.format_date(value)
    return weeks(value) if edit else f"wk {weeks(value)}"


def parse_status(value: object) -> str | None:
    """A status as typed or pasted (``done``, ``Done``, ``In progress``, ``in_progress``), or None."""
    text = " ".join(str(value).replace("_", " ").casefold().split()) if value is not None else ""
    return next(
        (k for k, label in STATUS_LABELS.items() if text in (label.casefold(), k.replace("_", " "))), None
    )


def parse_actual(value: object, has_start: bool) -> tuple[dt.date | float | None, str | None]:
    """A typed actual start or finish: ``(date, None)``, ``(weeks, None)``, ``(None, None)`` for an empty text, or
    ``(None, why)`` saying what to type instead. A date needs the plan's start date (``has_start``)."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return None, None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        number = text.removeprefix("wk").removeprefix("week").strip().replace(",", ".")
        try:
            w = float(number)
        except ValueError:
            w = -1.0
        if not math.isfinite(w) or w < 0:
            return None, (
                f"'{text}' is not a date or a number of weeks: type a date such as 2027-03-15, or weeks from "
                "the plan start such as 3"
            )
        if w > MAX_WEEKS:  # (the model refuses it, in pydantic's words about dates)
            return None, (
                f"'{text}' weeks is after the end of any plan (at most {weeks(MAX_WEEKS)} weeks from its start): "
                "check the number"
            )
        return w, None
    if not has_start:
        return None, "The plan has no start date: give it one (Plan & Stages), or type weeks such as 3"
    return day, None
