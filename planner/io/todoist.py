"""Todoist's project CSV (Export as a CSV file, and the template its import takes): a row per item, its kind in
``TYPE``: ``task``, ``section`` (a heading over the tasks below it, up to the next), ``note`` (a comment on the task
above) or ``meta`` (the project's view: ``view_style=list``). ``CONTENT`` is the task's name with its labels in it
(``Interview customers @research``), ``INDENT`` its depth (1 a task, 2 its sub-task...), ``RESPONSIBLE`` and
``AUTHOR`` who does it and who wrote it as ``name (user id)``, ``DATE`` its due date in Todoist's words (``every
monday``, ``2027-01-11``; ``DATE_LANG`` and ``TIMEZONE`` say how to read them), ``DURATION`` with ``DURATION_UNIT``
(``minute`` or ``day``) how long its time block is, ``DEADLINE`` a date it must be done by.

:func:`todoist_table` turns such rows into the columns the table import reads: Title, Notes, Owner, Tags, Section
(a grouping: the stage when every section is named as one, else the area), Outline Level (a task with sub-tasks is a
summary over them, as in the other outline imports) and Duration; what it cannot carry is said once each."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.io.common import ImportReport, some
from planner.units import agree, count, quoted

_LABEL = re.compile(r"(?:^|(?<=\s))@([^\s@]+)")
"""A label in a task's name, as Todoist writes it: ``@research`` after a space or at the start (an address such as
``ana@example.com`` is no label)."""
_USER_ID = re.compile(r"^(.*?)\s*\(\s*\d+\s*\)$")
"""``Evan (14781400)``: a Todoist user as its CSV names one, the name and the user's id."""
_MAX_INDENT = 100
"""The deepest INDENT read (Todoist nests sub-tasks 4 deep; a larger number is no depth a file means)."""
_UNITS = {
    "minute": "minutes",
    "minutes": "minutes",
    "day": "days",
    "days": "days",
    "hour": "hours",
    "hours": "hours",
}
"""``DURATION_UNIT`` -> the unit a Duration cell is written with; Todoist writes ``None`` when a task has none."""


def _cell(cells: Sequence[Any], at: int | None) -> str:
    if at is None or at >= len(cells) or cells[at] is None:
        return ""
    return str(cells[at]).strip()


def is_todoist_header(cells: Sequence[Any]) -> bool:
    """True for the header row of Todoist's CSV: TYPE, CONTENT and INDENT among its cells."""
    names = {str(c).strip().lstrip("\ufeff").upper() for c in cells if c is not None}
    return {"TYPE", "CONTENT", "INDENT"} <= names


def _user(text: str) -> str:
    """The name of a Todoist user cell, without its id: ``Ana (41234567)`` -> ``Ana``."""
    m = _USER_ID.match(text)
    return m.group(1).strip() if m is not None and m.group(1).strip() else text


@dataclass
class _Unread:
    """What a Todoist file holds that the plan does not carry, counted as the rows are read and said once each."""

    orphan_notes: int = 0  # notes above the first task: no task to comment on
    others: dict[str, int] = field(default_factory=dict)  # TYPE words Todoist does not write -> rows
    unnamed: list[int] = field(default_factory=list)  # lines of tasks without a name
    odd_indents: dict[str, int] = field(default_factory=dict)  # INDENT cells that are no depth -> first line
    units: set[str] = field(default_factory=set)  # DURATION_UNIT words not read
    columns: dict[str, int] = field(default_factory=dict)  # a column's words -> the tasks that fill it

    def say(self, report: ImportReport) -> None:
        if self.others:
            n = sum(self.others.values())
            kinds = some(quoted(k) for k in self.others)
            report.add(
                "format",
                f"{count(n, 'row')} of a type Todoist does not write ({kinds}; it writes task, section, note and "
                "meta) skipped",
            )
        if self.unnamed:
            lines = some((str(n) for n in self.unnamed), 3)
            n = len(self.unnamed)
            report.add(
                "format", f"{count(n, 'task')} without a name (an empty CONTENT cell, line {lines}) skipped"
            )
        if self.odd_indents:
            shown = some((f"{quoted(k)} (line {n})" for k, n in self.odd_indents.items()), 3)
            report.add(
                "format",
                f"INDENT {shown} is no depth (1 for a task, 2 for its sub-task, up to {_MAX_INDENT}): read as 1",
            )
        if self.orphan_notes:
            n = self.orphan_notes
            report.add(
                "format", f"{count(n, 'note')} above the first task (no task to comment on): not carried"
            )
        for what, n in self.columns.items():
            if n:
                report.add(
                    "column",
                    f"column {what} is not carried: {count(n, 'task')} {agree(n, 'has', 'have')} one",
                )
        if self.units:
            report.add(
                "duration",
                f"durations in a unit other than minute or day ({some(quoted(u) for u in sorted(self.units))}) "
                "are not carried: those tasks last 1 week",
            )


_NOT_CARRIED = {
    "DATE": "'DATE' (due dates, in Todoist's words: 'every monday'; a plan's rows are placed by their links)",
    "DEADLINE": "'DEADLINE' (deadlines)",
    "PRIORITY": "'PRIORITY' (Todoist's p1 to p3)",
    "AUTHOR": "'AUTHOR' (who wrote each task; the owner is 'RESPONSIBLE')",
}
"""Todoist's columns the plan has no field for -> how the report names them."""


def todoist_table(
    header: Sequence[Any], rows: list[tuple[int, Sequence[Any]]], report: ImportReport
) -> tuple[Sequence[Any], list[tuple[int, Sequence[Any]]]]:
    """The rows of Todoist's CSV as the table import reads them (see the module); any other table unchanged."""
    if not is_todoist_header(header):
        return header, rows
    names = [str(h if h is not None else "").strip().lstrip("\ufeff").upper() for h in header]

    def at(name: str) -> int | None:
        return names.index(name) if name in names else None

    kind_at, content_at, indent_at = at("TYPE"), at("CONTENT"), at("INDENT")
    description_at, responsible_at = at("DESCRIPTION"), at("RESPONSIBLE")
    duration_at, unit_at = at("DURATION"), at("DURATION_UNIT")
    out: list[tuple[int, list[Any]]] = []
    section = ""
    unread = _Unread(columns=dict.fromkeys(_NOT_CARRIED.values(), 0))
    for line, cells in rows:
        kind = _cell(cells, kind_at).casefold()
        content = _cell(cells, content_at)
        if kind == "section":
            section = content
        elif kind == "note":
            if out:
                notes = out[-1][1][1]
                out[-1][1][1] = f"{notes}\n\n{content}" if notes else content
            elif content:
                unread.orphan_notes += 1
        elif kind == "task":
            if not content:
                unread.unnamed.append(line)
                continue
            indent = _cell(cells, indent_at) or "1"
            if not (indent.isdecimal() and 1 <= int(indent) <= _MAX_INDENT):
                unread.odd_indents.setdefault(indent, line)
                indent = "1"
            labels = _LABEL.findall(content)
            title = re.sub(r"\s{2,}", " ", _LABEL.sub("", content)).strip() if labels else content
            duration = _cell(cells, duration_at)
            unit = _cell(cells, unit_at).casefold()
            if duration and unit in _UNITS:
                duration = f"{duration} {_UNITS[unit]}"
            elif duration:
                unread.units.add(_cell(cells, unit_at) or "(none)")
                duration = ""
            for column, what in _NOT_CARRIED.items():
                value = _cell(cells, at(column))
                # PRIORITY 4 is p4, Todoist's default: no priority set
                unread.columns[what] += bool(value) and not (column == "PRIORITY" and value == "4")
            owner = _user(_cell(cells, responsible_at))
            notes = _cell(cells, description_at)
            out.append((line, [title or content, notes, owner, "; ".join(labels), section, indent, duration]))
        elif kind == "meta" or not any(_cell(cells, i) for i in range(len(cells))):
            continue  # the project's view (view_style=list), or an empty line between sections
        else:
            unread.others[_cell(cells, kind_at)] = unread.others.get(_cell(cells, kind_at), 0) + 1
    unread.say(report)
    columns = [
        "Title",
        "Notes",
        "Owner",
        "Tags",
        "Section",
        "Outline Level",
        "DURATION",
    ]  # (a refusal names the file's)
    # a column no task fills is left out: no sections, no grouping; no durations, the import says so as for any table
    kept = [i for i in range(len(columns)) if i < 4 or any(cells[i] for _, cells in out)]
    return [columns[i] for i in kept], [(line, [cells[i] for i in kept]) for line, cells in out]
