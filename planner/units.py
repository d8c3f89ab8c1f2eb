"""Weeks and dates: the one place that turns a week figure into a date and either into text (SPEC §3.3a).

Every output (CLI text and JSON, the app, the charts, the report, the exports) calls these functions, so the same
plan never shows two different dates or two spellings of the same figure.

Rules:

- week ``w`` after a plan starting on ``start`` is the date ``start + round_half_up(w × 7)`` days;
- a week figure is written with at most two decimals, no trailing zeros, and never ``-0`` (``2.05``, ``12``, ``0``);
- a date in prose is ``25 Oct 2027``; ``25 Oct`` only where a chart has no room; ``2027-10-25`` in JSON.
- a share (of simulated runs, of work done) is a whole percentage, ``<1%`` / ``>99%`` short of none or all;
- a decision's percent done is written as entered, with a week's number rule: ``12.5%``, ``40%``;
- money is whole units with thousands separators after the currency code: ``USD 1,234,500`` (``USD 1.23M``
  compact), and a difference of money ``+4,700``, ``=`` under half a unit.

>>> import datetime as dt
>>> week_to_date(dt.date(2027, 1, 4), 2.5)
datetime.date(2027, 1, 22)
>>> format_weeks(2.05), format_weeks(12.0), format_weeks(-0.001)
('2.05', '12', '0')
>>> format_date(dt.date(2027, 10, 25))
'25 Oct 2027'
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any

__all__ = [
    "ESTIMATES",
    "file_value",
    "plain_number",
    "MONTHS",
    "axis_date",
    "date_span",
    "days_of_week",
    "format_date",
    "format_money",
    "format_percent",
    "format_share",
    "format_weeks",
    "format_when",
    "iso_date",
    "iso_dates",
    "title_and_id",
    "one_line",
    "plural_weeks",
    "quoted",
    "signed_money",
    "signed_weeks",
    "target_verdict",
    "week_span",
    "week_to_date",
]

ESTIMATES = ("likely", "optimistic", "pessimistic", "pert")
"""The estimates a duration in weeks is read under (a three-point estimate's fields, and PERT's weighted mean).
Here rather than in the model so that the command line's ``--estimate`` choices cost no pydantic import."""

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def days_of_week(week: float) -> int:
    """Whole days in ``week`` weeks, rounded to the nearest day with halves up (``floor(w × 7 + 0.5)``), ``w × 7``
    first rounded to a millionth of a day: two sums of the same weeks in another order (the schedule's
    10.928571428571427 and the simulation's 10.928571428571429, 76.5 days both) must not fall either side of a
    half day and give two dates (H-unseen23). :func:`iso_dates` does the same float operations.

    >>> days_of_week(10.928571428571427), days_of_week(10.928571428571429), days_of_week(2.5), days_of_week(1 / 14)
    (77, 77, 18, 1)
    """
    return half_up(float(week) * 7.0)


def half_up(x: float) -> int:
    """``x`` to the nearest whole number, halves up (Python's ``round`` takes a half to the even number: 1.5 and
    2.5 days were 2 and 2), ``x`` first taken to a millionth (:data:`_MICRO`): days of a week figure, GanttProject's
    whole days.

    >>> half_up(7.5), half_up(12.5), half_up(12.4999999), half_up(-0.5)
    (8, 13, 13, 0)
    """
    return math.floor(round(x * _MICRO) / _MICRO + 0.5)


_MICRO = 1e6
"""A week figure's days are taken to a millionth of a day (0.09 s) before rounding to the day: past float noise."""


def week_to_date(start: dt.date | None, week: float | None) -> dt.date | None:
    """The calendar date of ``week`` weeks after ``start``; None without a start or a week.

    Raises ``OverflowError`` when the date would fall outside the calendar (years 1–9999); validation refuses such
    plans first, so analysis never meets one.
    """
    if start is None or week is None:
        return None
    w = float(week)
    if not math.isfinite(w):
        raise OverflowError(f"week {w} has no calendar date")
    return start + dt.timedelta(days=days_of_week(w))


def axis_date(start: dt.date | None, week: float | None) -> dt.date | None:
    """The date of a chart axis tick, as :func:`week_to_date`; None where the calendar ends. An axis runs past
    the plan's last date to a round week, which for a plan in late 9999 is past 31 Dec 9999 (that tick keeps its
    week and has no date); the plan's own dates are held inside the calendar by validation.

    >>> axis_date(dt.date(9999, 12, 27), 0.5), axis_date(dt.date(9999, 12, 27), 2)
    (datetime.date(9999, 12, 31), None)
    """
    try:
        return week_to_date(start, week)
    except OverflowError:
        return None


def format_weeks(weeks: float | None) -> str:
    """``12``, ``2.5``, ``2.05`` (at most two decimals, no trailing zeros, never ``-0``); ``-`` for None."""
    if weeks is None:
        return "-"
    w = float(weeks)
    if not math.isfinite(w):
        return "-"
    text = f"{w:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def plain_number(value: float) -> str:
    """A number that is not a week figure (a probability, a lag in a file, an estimate as written) for text: up to
    six decimals, never an exponent, trailing zeros, float noise or ``-0``.

    >>> plain_number(1e-05), plain_number(2.0000000001), plain_number(-0.0), plain_number(0.35), plain_number(3)
    ('0.00001', '2', '0', '0.35', '3')
    """
    if not math.isfinite(float(value)):
        return "-"
    text = f"{float(value):.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def file_value(value: Any) -> str:
    """A field's value as a plan file holds it, for a sentence that compares versions (``planner diff``,
    ``planner merge``, the app's merge): a three-point estimate ``1/2/3``, a number by :func:`plain_number`,
    text quoted (:func:`quoted`), anything else as compact JSON.

    >>> file_value({"optimistic": 1, "likely": 2.5, "pessimistic": 4}), file_value(3.0), file_value("A"), file_value(["x"])
    ('1/2.5/4', '3', "'A'", '["x"]')
    """
    import json

    if isinstance(value, dict) and set(value) == {"optimistic", "likely", "pessimistic"}:
        return "/".join(plain_number(value[k]) for k in ("optimistic", "likely", "pessimistic"))
    if isinstance(value, float):
        return plain_number(value)
    return quoted(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def format_percent(percent: float | None) -> str:
    """A decision's percent done (0-100, a figure the user entered) as every view writes it: the number as entered,
    by :func:`format_weeks`'s rule (at most two decimals, no trailing zeros), then ``%``. Not rounded to a whole
    percentage as :func:`format_share` rounds a computed share: the table wrote ``12.5 %``, the inspector ``13 %``
    and the report ``13%`` of one decision's 12.5.

    >>> format_percent(12.5), format_percent(40.0), format_percent(0.25), format_percent(None)
    ('12.5%', '40%', '0.25%', '-')
    """
    return "-" if percent is None else f"{format_weeks(percent)}%"


def format_share(p: float | None) -> str:
    """A share (0..1) as a whole percentage, halves up: ``57%``; ``<1%`` and ``>99%`` where rounding would write 0
    or 100 of something that happens in some runs but not in none or all of them; ``-`` for None. One spelling for
    every view: the command line wrote ``99.7%`` where the report wrote ``100%`` of the same runs.

    >>> format_share(0.5734), format_share(0.125), format_share(0.0), format_share(1.0)
    ('57%', '13%', '0%', '100%')
    >>> format_share(0.003), format_share(0.997), format_share(None)
    ('<1%', '>99%', '-')

    The percentage is first taken to a millionth, as :func:`half_up` takes days: a share computed in floating point
    lands a hair under the half it is (29 of 200 is 0.14499999999999999; 0.3 of 0.8 weeks 0.37499999999999994).

    >>> format_share(29 / 200), format_share(0.3 / (0.1 + 0.3 + 0.3 + 0.1))
    ('15%', '38%')
    """
    if p is None or not math.isfinite(float(p)):
        return "-"
    x = float(p)
    percent = round(x * 100.0 * _MICRO) / _MICRO
    if x > 0.0 and percent < 0.5:
        return "<1%"
    if x < 1.0 and percent >= 99.5:
        return ">99%"
    return f"{math.floor(percent + 0.5)}%"


def format_money(amount: float | None, currency: str | None = None, *, compact: bool = False) -> str:
    """``USD 1,234,500`` (``USD 1.2M`` with ``compact``); ``-`` for None.

    >>> format_money(1234500.4, "USD"), format_money(1234500, "EUR", compact=True), format_money(950, None)
    ('USD 1,234,500', 'EUR 1.23M', '950')
    >>> format_money(3.098e12, "JPY", compact=True), format_money(4.2e17, None, compact=True)
    ('JPY 3.1T', '420,000T')
    """
    if amount is None:
        return "-"
    prefix = f"{currency} " if currency else ""
    a = float(amount)
    if compact:
        # The unit is chosen after rounding to the three figures shown: 999,999 is 1M, not "1e+03k".
        shown = float(f"{a:.3g}")
        # Trillions too: a yen budget of 3.1e12 read "3.1e+03B"; past a thousand trillion, whole trillions.
        for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
            if abs(shown) >= div:
                x = shown / div
                return f"{prefix}{x:,.0f}{suffix}" if abs(x) >= 1000 else f"{prefix}{x:.3g}{suffix}"
    return f"{prefix}{a:,.0f}"


def signed_money(delta: float | None, *, minus: str = "-") -> str:
    """A difference of money with its sign, in whole units as :func:`format_money` writes amounts: ``+4,700``,
    ``-1,250`` (``minus`` may be the typographic ``\u2212``); ``=`` under half a unit (never ``+0``); ``""`` for
    None. The one rule of the comparison's spend differences (`planner compare`/`diff` text, the app's Compare).

    >>> signed_money(4700.2), signed_money(-1250.0), signed_money(0.3), signed_money(None)
    ('+4,700', '-1,250', '=', '')
    """
    if delta is None:
        return ""
    d = float(delta)
    return "=" if abs(d) < 0.5 else f"{'+' if d > 0 else minus}{abs(d):,.0f}"


def right_to_left(text: str) -> bool:
    """Whether ``text`` holds right-to-left letters (Hebrew, Arabic...): the report shapes and orders such text,
    the app marks where a line's left-to-right order resumes after it (one test for both).

    >>> right_to_left("التحقق"), right_to_left("שלב 2"), right_to_left("Validate 2")
    (True, True, False)
    """
    import unicodedata

    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


LRM = "\u200e"
"""Unicode's left-to-right mark: invisible, no width; a line that starts with it reads left to right."""


def left_to_right(text: str) -> str:
    """``text`` with each line that holds Hebrew or Arabic letters read left to right, as the English around a name
    is: a line is laid out (bidi) right to left when its first strong letter is right-to-left, so a Gantt's
    'שילוב ends · wk 12' read 'ends · wk 12 שילוב', a stage '1 · التحقق' read 'التحقق · 1', and in the app a
    sentence naming an Arabic scenario first was right-aligned with its full stop at the start of the next line.
    Such a line gets a left-to-right mark first (a line that starts with one, or with a left-to-right letter,
    reads left to right already and is unchanged); the charts, the report's laid-out text and the app's labels go
    through this one function.

    >>> left_to_right("שילוב ends") == LRM + "שילוב ends", left_to_right("Validate שילוב")
    (True, 'Validate שילוב')
    """
    return "\n".join(LRM + line if _right_to_left_first(line) else line for line in text.split("\n"))


def _right_to_left_first(line: str) -> bool:
    """Whether the first letter of ``line`` with a direction of its own is right to left (Arabic, Hebrew, ...);
    digits and punctuation have none."""
    import unicodedata

    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def correlation(c: float) -> str:
    """A correlation (the Monte Carlo's sensitivity of the finish to a duration) with its sign, two decimals:
    ``+0.53``, ``-0.12``; never ``-0.00`` (a correlation that rounds to nothing has no direction). The command
    line and the tornado chart both write it so.

    >>> correlation(0.534), correlation(-0.1249), correlation(-0.001)
    ('+0.53', '-0.12', '+0.00')
    """
    text = f"{c:+.2f}"
    return "+0.00" if text == "-0.00" else text


def count(n: int, one: str, many: str | None = None) -> str:
    """A count with its noun, singular for one (``1 error``, never ``1 error(s)``), its thousands grouped as every
    other count in the text is (``10,000 iterations``): the rule for counts in text.

    >>> count(1, "decision"), count(3, "decision"), count(0, "dependency", "dependencies"), count(5000, "decision")
    ('1 decision', '3 decisions', '0 dependencies', '5,000 decisions')
    """
    return f"{n:,} {agree(n, one, many or one + 's')}"


def part_of(part: int, whole: int) -> str:
    """``part of whole``, thousands grouped as :func:`count` groups them: the rule for a share counted out ('14 of
    196' critical decisions in the status bar, the presenter's bar, ``planner analyze`` and the charts).

    >>> part_of(14, 196), part_of(146, 5000)
    ('14 of 196', '146 of 5,000')
    """
    return f"{part:,} of {whole:,}"


def joined(items: Sequence[str]) -> str:
    """Items as a sentence lists them: ``a``, ``a and b``, ``a, b and c`` (empty for none): the one rule of lists in
    the app's, the report's and the findings' sentences.

    >>> joined(["cost"]), joined(["cost", "owner"]), joined(["start date", "currency", "stages"]), joined([])
    ('cost', 'cost and owner', 'start date, currency and stages', '')
    """
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def agree(n: int, one: str, many: str) -> str:
    """The word that agrees with the count ``n``: ``one`` for 1, else ``many`` -- a verb after :func:`count`
    (``1 task has``, ``3 tasks have``, ``0 tasks have``), by the same rule.

    >>> f"{count(1, 'task')} {agree(1, 'has', 'have')}", f"{count(3, 'row')} {agree(3, 'is', 'are')} dropped"
    ('1 task has', '3 rows are dropped')
    """
    return one if n == 1 else many


def people(headcount: float) -> str:
    """A headcount with its noun, by the figure as written: ``1 person``, ``2.5 people``, ``0 people`` (1.001
    is written ``1`` and so is ``1 person``; a test of the raw figure wrote "1 people").

    >>> people(1), people(1.001), people(2.5), people(0)
    ('1 person', '1 person', '2.5 people', '0 people')
    """
    text = format_weeks(headcount)
    return f"{text} {'person' if text == '1' else 'people'}"


def plural_weeks(weeks: float, word: str = "week") -> str:
    """``1 week``, ``2.5 weeks``, ``0 weeks``."""
    text = format_weeks(weeks)
    return f"{text} {word if text in ('1', '-1') else word + 's'}"


def week_delta(a: float, b: float) -> float:
    """``a - b`` for two week figures, as the two are written (:func:`format_weeks`: two decimals), so that the
    difference a view shows is the difference of the figures it shows beside it: P50 35.88 and 35.9 differ by
    +0.02, where the unrounded figures (35.8751, 35.9049) gave +0.03.

    >>> week_delta(35.9049, 35.8751), week_delta(40.3651, 40.4149), week_delta(36.0, 35.0)
    (0.02, -0.04, 1.0)
    """
    return round(round(float(a), 2) - round(float(b), 2), 2) + 0.0  # (+ 0.0: never -0.0)


def week_span(start: float, finish: float) -> str:
    """A span of weeks as the figures are written (:func:`format_weeks`): ``21.09\u201321.23``; one figure when both
    ends read the same (``21.57`` for a span of under a hundredth of a week), never a span whose ends read alike.
    The caller puts the word before it (``wk``, ``weeks``).

    >>> week_span(21.0857, 21.2286), week_span(21.571, 21.574), week_span(0, 3.7)
    ('21.09\u201321.23', '21.57', '0\u20133.7')
    """
    a, b = format_weeks(start), format_weeks(finish)
    return a if a == b else f"{a}\u2013{b}"


def date_span(first: dt.date | None, last: dt.date | None) -> str:
    """Two dates as a span, ``4 Jun 2027 to 18 Jun 2027``; one date when both are the same day (a span inside a
    day read "4 Jun 2027 to 4 Jun 2027").

    >>> date_span(dt.date(2027, 6, 4), dt.date(2027, 6, 18)), date_span(dt.date(2027, 6, 4), dt.date(2027, 6, 4))
    ('4 Jun 2027 to 18 Jun 2027', '4 Jun 2027')
    """
    a, b = format_date(first), format_date(last)
    return a if a == b else f"{a} to {b}"


def signed_weeks(delta: float | None, *, minus: str = "-") -> str:
    """A difference in weeks with its sign, by :func:`format_weeks`: ``+2.5``, ``-1`` (``minus`` may be the
    typographic ``\u2212``); ``=`` when it is 0 at two decimals (never ``+0`` or ``-0``); ``-`` for None.

    >>> signed_weeks(2.5), signed_weeks(-1.0), signed_weeks(0.001), signed_weeks(-0.004), signed_weeks(None)
    ('+2.5', '-1', '=', '=', '-')
    """
    if delta is None or not math.isfinite(float(delta)):
        return "-"
    text = format_weeks(abs(float(delta)))
    if text == "0":
        return "="
    return ("+" if delta > 0 else minus) + text


def target_verdict(margin: float, *, short: bool = False) -> str:
    """How the finish stands against the plan's target, from the weeks to spare (target minus finish, as
    :func:`planner.analysis.cost.target_margin` gives them): the one wording of the command line, the app and the
    report; ``short`` for a status bar.

    >>> target_verdict(6.5), target_verdict(0.0), target_verdict(-1.0), target_verdict(-0.004)
    ('met with 6.5 weeks to spare', 'met exactly', 'missed by 1 week', 'met exactly')
    >>> target_verdict(6.5, short=True), target_verdict(-1.0, short=True), target_verdict(-2.5, short=True)
    ('6.5 wks to spare', '1 wk late', '2.5 wks late')
    """
    if format_weeks(abs(margin)) == "0":
        return "met exactly"
    word = "wk" if short else "week"
    if margin > 0:
        return (
            f"{plural_weeks(margin, word)} to spare" if short else f"met with {plural_weeks(margin)} to spare"
        )
    return f"{plural_weeks(-margin, word)} late" if short else f"missed by {plural_weeks(-margin)}"


def format_date(date: dt.date | None, *, short: bool = False) -> str:
    """``25 Oct 2027`` (``25 Oct`` with ``short``); an empty string for None."""
    if date is None:
        return ""
    text = f"{date.day} {MONTHS[date.month - 1]}"
    return text if short else f"{text} {date.year}"


def short_date(start: dt.date | None, date: dt.date | None) -> str:
    """A compact date for a table cell or a chart label: ``29 Mar`` in the calendar year the plan starts in
    (``start``), ``29 Mar 2028`` after it, so that a short date never hides which year it means; an empty string
    for None.

    >>> short_date(dt.date(2027, 1, 4), dt.date(2027, 3, 29)), short_date(dt.date(2027, 1, 4), dt.date(2028, 3, 29))
    ('29 Mar', '29 Mar 2028')
    """
    if date is None:
        return ""
    return format_date(date, short=start is not None and date.year == start.year)


def iso_date(start: dt.date | None, week: float | None) -> str | None:
    """``2027-10-25`` for JSON, or None without a start date."""
    date = week_to_date(start, week)
    return date.isoformat() if date is not None else None


def iso_dates(start: dt.date | None, weeks: Sequence[float] | Any) -> list[str | None]:
    """:func:`iso_date` of every week figure in ``weeks`` (a list or a numpy array) at once, by the same rule
    (:func:`days_of_week` after ``start``, the same float64 operations), for outputs of many rows (issue 12); all None without
    a start date.

    >>> iso_dates(dt.date(2027, 1, 4), [0.0, 2.5, 1 / 14])
    ['2027-01-04', '2027-01-22', '2027-01-05']
    """
    import numpy as np

    w = np.asarray(weeks, dtype=np.float64)
    if start is None:
        return [None] * len(w)
    if not np.isfinite(w).all():
        raise OverflowError("a week figure has no calendar date")
    days = np.floor(np.rint(w * 7.0 * _MICRO) / _MICRO + 0.5).astype("timedelta64[D]")  # as days_of_week
    out: list[str | None] = np.datetime_as_string(np.datetime64(start, "D") + days, unit="D").tolist()
    return out


def format_when(start: dt.date | None, week: float | None, *, word: str = "week", short: bool = False) -> str:
    """``week 12 (25 Oct 2027)``, or ``week 12`` without a start date; ``-`` for None."""
    if week is None:
        return "-"
    base = f"{word} {format_weeks(week)}".strip()
    date = week_to_date(start, week)
    return base if date is None else f"{base} ({format_date(date, short=short)})"


CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""The characters a name may hold that break or act on a line of text: C0 and C1 controls (tab, newline, carriage
return, escape, NEL...), DEL, the line and paragraph separators, and the bidirectional embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069: an override in a title turned the rest of its line around, figures
included, the "Trojan Source" trick). The left-to-right and right-to-left marks stay: they only place
punctuation beside a right-to-left name."""


def control_escape(char: str) -> str:
    r"""How one control character is shown in text: its escape, ``\x1b``, ``\x0a``, ``\u2028``."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    r"""A name (a plan's title, a decision's, a stage's, a team's, a scenario's, a baseline's) as one-line text shows
    it: each control character (:data:`CONTROL`) written as its escape (:func:`control_escape`), so the name stays
    on its line and in its column, and a terminal shows what the file holds instead of acting on it. The one rule
    of every text output of the command line and of the report (``planner.model.names.one_line_names``); JSON
    keeps names as they are.

    >>> one_line("Pilot\tA\nB\r\x1b[2J"), one_line("数据 — ok"), one_line("GPU\u202e 3 wks")
    ('Pilot\\x09A\\x0aB\\x0d\\x1b[2J', '数据 — ok', 'GPU\\u202e 3 wks')
    """
    if text.isprintable():
        return text
    return CONTROL.sub(lambda m: control_escape(m.group()), text)


def title_and_id(title: str | None, ident: str) -> str:
    """How a decision (or a stage, team or risk) is named in a message: its title in quotes and its id,
    ``'Define the value case' (value-case)``; its id in quotes without a title. The names are as the plan holds
    them: a text output makes them one line first (``planner.model.names.one_line_names``), the app when it shows
    the message (:func:`one_line`).

    >>> title_and_id("Define the value case", "value-case"), title_and_id(None, "value-case")
    ("'Define the value case' (value-case)", "'value-case'")
    """
    return f"'{title}' ({ident})" if title else f"'{ident}'"


def quoted(text: str) -> str:
    r"""A name or a reference in a message, in quotes and on one line (:func:`one_line`): ``'Pilot\x0aphase'`` for
    a name with a line break. A message built on a plan whose names are already one line (the command line's text)
    says the same.

    >>> quoted("dd\tx"), quoted(quoted("dd\tx")[1:-1])
    ("'dd\\x09x'", "'dd\\x09x'")
    """
    return f"'{one_line(text)}'"
