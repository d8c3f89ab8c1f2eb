"""What every converter shares: the import report, the one error type, safe reading (size limits, defused XML),
ids, working calendars, and writing an export atomically.

Weeks here are always the *source's* working weeks: a file that says a week is 2,400 working minutes (40 hours) gives
weeks of 40 hours; a 24-hour calendar that says 10,080 gives weeks of 168 hours. Elapsed (calendar) time is always
10,080 minutes a week.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.model.io import disk_full_text, write_bytes_atomic
from planner.units import agree, count, quoted

MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused before reading (a 10,000-task MS Project XML file is about 20 MB)."""

ELAPSED_MINUTES_PER_WEEK = 7 * 24 * 60
DEFAULT_MINUTES_PER_DAY = 480
DEFAULT_MINUTES_PER_WEEK = 2400


CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
"""The currency symbols the imports read as their ISO code ('€12,000' is EUR) and the MS Project XML export writes
for a plan's code (its CurrencySymbol: without one, MS Project and MPXJ show '$')."""
HELPER_TAG = "import-helper"
STAGE_GUESSED_TAG = "stage-guessed"
AREA_GUESSED_TAG = "area-guessed"
NO_TASKS = "the project has no tasks: the plan is empty"
CARRIED_EARLIEST = "constraint carried as an earliest start"
"""What an import says of a task's constraint it carries as an earliest start (the words a summary's take back)."""
"""What an outline import reports for a project file without tasks (a calendar or resource pool, a new file)."""
EXTENSION_KEY = "import"
"""``plan.extensions[EXTENSION_KEY]`` records where an imported plan came from (source ids, WBS, summaries)."""


def some(items: Iterable[str], most: int = 5) -> str:
    """The first ``most`` of ``items`` comma-separated, with ``, ...`` when there are more: how a report line names
    what it speaks of without listing a thousand.

    >>> some(["a", "b"]), some(["a", "b", "c", "d"], 3)
    ('a, b', 'a, b, c, ...')
    """
    listed = list(items)
    return ", ".join(listed[:most]) + (", ..." if len(listed) > most else "")


def quoted_cell(cell: Any) -> str:
    """A cell in a message: text as every name is quoted (:func:`planner.units.quoted`), a number, a yes/no or a
    date of a workbook as itself (``'1'`` is text, ``1`` a number cell, ``True`` a checkbox)."""
    return quoted(cell) if isinstance(cell, str) else str(cell)


def no_such_file(path: Path) -> InteropError:
    """The refusal of a file that is not there, with what to do on its one line ("did you mean ...?",
    :func:`planner.model.io.missing_file_hint`)."""
    from planner.model.io import missing_file_hint

    hint = missing_file_hint(path).rstrip(".")  # on the message's one line, after a semicolon
    return InteropError(path, "no such file", hint=hint[:1].lower() + hint[1:])


class InteropError(Exception):
    """A file that cannot be imported or exported. ``str()`` is one complete line for the user."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        problem: str,
        *,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        self.line = line
        self.hint = hint
        where = self.path or "<input>"
        if line is not None:
            where += f":{line}"
        text = f"{where}: {problem}"
        if hint:
            text += f"; {hint}"
        super().__init__(text)


def library_reason(exc: BaseException) -> str:
    """The first line of a reading library's error message, without its closing full stop: what a refusal
    quotes on its one line (openpyxl's messages run over several: "Unable to read workbook ... Please see the
    exception for more details")."""
    return (str(exc).strip().splitlines() or [""])[0].rstrip(".")


def unreadable(
    path: str | os.PathLike[str] | None, exc: BaseException, problem: str, hint: str
) -> InteropError:
    """The refusal of a file its reading library fails on: ``problem`` with the library's error type and
    :func:`library_reason` -- ``book.xlsx: is damaged: its sheet cannot be read (KeyError: ...); hint``."""
    return InteropError(path, f"{problem} ({type(exc).__name__}: {library_reason(exc)})", hint=hint)


@dataclass
class ReportItem:
    """One thing an import could not carry, or carried only approximately."""

    kind: str  # calendar, constraint, cost, link, lag, duration, resource, column, guess, format, ...
    message: str
    where: str = ""  # the source row/task, e.g. "task 12 'Design'" or "line 7"

    def text(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class ImportReport:
    """What an import carried and what it could not (never silently dropped)."""

    source: str = ""
    format: str = ""
    items: list[ReportItem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, message: str, where: str = "") -> None:
        self.items.append(ReportItem(kind, message, where))

    def withdraw(self, kind: str, where: str, saying: str) -> None:
        """Take back the items of ``kind`` said about ``where`` whose message holds ``saying`` (a reader reports a
        task's constraint carried before it knows the task is a summary, whose constraint is then not carried; the
        task's other items, its deadline, stay)."""
        self.items = [
            i for i in self.items if not (i.kind == kind and i.where == where and saying in i.message)
        ]

    def summary(self) -> str:
        """One line: what was imported."""
        c = self.counts
        parts = [count(c.get("decisions", 0), "decision")]
        if c.get("milestones"):
            parts.append(count(c["milestones"], "milestone"))
        parts.append(count(c.get("dependencies", 0), "dependency", "dependencies"))
        if c.get("helpers"):
            parts.append(count(c["helpers"], "import-helper milestone"))
        if c.get("summaries"):
            parts.append(f"{count(c['summaries'], 'summary task')} turned into structure")
        return f"Imported {', '.join(parts)} from {self.source or 'the file'} ({self.format})."

    def lines(self, limit: int | None = None) -> list[str]:
        """The report as text lines, grouped by kind, at most ``limit`` items per kind."""
        out: list[str] = [self.summary()]
        if not self.items:
            out.append("Everything in the file was carried over.")
            return out
        out.append(f"{count(len(self.items), 'item')} not carried or carried approximately:")
        by_kind: dict[str, list[ReportItem]] = {}
        for item in self.items:
            by_kind.setdefault(item.kind, []).append(item)
        for kind, items in by_kind.items():
            shown = items if limit is None else items[:limit]
            for item in shown:
                out.append(f"  [{kind}] {item.text()}")
            if len(items) > len(shown):
                out.append(f"  [{kind}] ... and {len(items) - len(shown)} more")
        return out

    def text(self, limit: int | None = 20) -> str:
        return "\n".join(self.lines(limit)) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "counts": dict(self.counts),
            "items": [{"kind": i.kind, "where": i.where, "message": i.message} for i in self.items],
        }


# -- reading -------------------------------------------------------------------------------------------------------
def read_limited(path: str | os.PathLike[str], limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of ``path``; :class:`InteropError` for a missing, unreadable or too large file, or one that is not
    a regular file: a FIFO is opened without blocking (a plain open waited for a writer for good) and refused, and
    a device is refused rather than read (``/dev/zero`` read until memory ran out). At most ``limit`` bytes are
    ever read, whatever size the file system reports."""
    from planner.model.io import FileRefused, read_regular

    p = Path(path)
    try:
        return read_regular(p, limit)
    except FileNotFoundError:
        raise no_such_file(p) from None
    except PermissionError:
        raise InteropError(p, "permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise InteropError(p, "is a folder, not a file") from None
    except FileRefused as refused:
        if refused.kind is not None:
            raise InteropError(
                p,
                f"is {refused.kind}, not a file; only regular files are imported",
                hint="save the project to a file first",
            ) from None
        raise InteropError(
            p,
            f"the file is {max(refused.size, limit + 1) / 1e6:.1f} MB, more than the {limit / 1e6:.0f} MB an "
            "import may be",
            hint="split the project or export a smaller part",
        ) from None
    except OSError as exc:
        raise InteropError(p, f"cannot be read: {exc.strerror or exc}") from None


def _not_declared_utf8(data: bytes) -> bool:
    """Whether ``data`` says (or, without an encoding in its XML declaration, means) UTF-8 but is not UTF-8."""
    head = data[:200].lstrip(b"\xef\xbb\xbf")
    found = re.match(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""", head)
    declared = found.group(1).decode("ascii").lower().replace("_", "-") if found else "utf-8"
    if declared not in ("utf-8", "utf8"):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def parse_xml(data: bytes, path: str | os.PathLike[str] | None) -> Any:
    """Parse XML safely and return the root element: no DTD, no entity declarations (so no XXE and no entity
    expansion bombs), no external references, no network.

    defusedxml's policy (``forbid_dtd``, ``forbid_entities``, ``forbid_external``) is enforced by a first expat
    pass that sets only the declaration handlers, so it runs at C speed and raises defusedxml's own exceptions; the
    tree is then built by the C ElementTree parser. (defusedxml's ElementTree front end builds the tree with the
    pure-Python parser, 1.5-3x slower on a 10,000-task file.)
    """
    import pyexpat
    import xml.etree.ElementTree as ET

    import defusedxml

    def dtd(name: str, *_args: Any) -> None:
        raise defusedxml.DTDForbidden(name, None, None)

    def entity(name: str, *_args: Any) -> None:
        raise defusedxml.EntitiesForbidden(name, None, None, None, None, None)

    def external(*_args: Any) -> int:
        raise defusedxml.ExternalReferenceForbidden(None, None, None, None)

    if not data.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n"):
        raise InteropError(path, "the file is empty", hint="export the project from its tool again")
    scan = pyexpat.ParserCreate()
    scan.StartDoctypeDeclHandler = dtd
    scan.EntityDeclHandler = entity
    scan.UnparsedEntityDeclHandler = entity
    scan.ExternalEntityRefHandler = external
    try:
        scan.Parse(data, True)
        return ET.fromstring(data)
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise InteropError(
            path,
            "refused: the XML declares a DTD or entities (a possible XXE or entity-expansion "
            "attack); project files never need them",
            hint="re-export the file from its application",
        ) from None
    except (pyexpat.ExpatError, ET.ParseError) as exc:
        position = getattr(exc, "position", None)
        line = getattr(exc, "lineno", None) or (position[0] if position else None)
        reason = pyexpat.ErrorString(exc.code) if getattr(exc, "code", None) else str(exc)
        code = getattr(exc, "code", None)
        wrong_encoding = code == pyexpat.errors.codes[pyexpat.errors.XML_ERROR_INCORRECT_ENCODING] or (
            # bytes of another code page (an editor saved Windows-1252 under a UTF-8 declaration, or under none,
            # which means UTF-8): expat calls the first such byte an invalid token, as if the file were cut
            code == pyexpat.errors.codes[pyexpat.errors.XML_ERROR_INVALID_TOKEN] and _not_declared_utf8(data)
        )
        raise InteropError(
            path,
            f"not well-formed XML ({reason})",
            line=line,
            hint="its bytes are not in the text encoding its XML declaration names: save it again from its tool"
            if wrong_encoding
            else "is the file complete?",
        ) from None
    except LookupError as exc:  # <?xml ... encoding="..."?> naming an encoding Python does not know
        raise InteropError(
            path,
            f"the XML declares a text encoding that cannot be read ({exc})",
            hint="re-export the file from its application (as UTF-8)",
        ) from None


def local(tag: str) -> str:
    """An element's tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


# -- ids and names ---------------------------------------------------------------------------------------------------
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


_PLAIN_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l"}
)


def plain_letters(text: str) -> str:
    """``text`` in ASCII letters: accents dropped ('Modèle' -> 'Modele'), 'ß' -> 'ss'; other characters go."""
    spelled = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return spelled.encode("ascii", "ignore").decode("ascii")


def slug(text: str, fallback: str = "item") -> str:
    """A plan id made from ``text``: lower case, accents dropped, ``-`` between words, at most 48 characters
    ('Modèle prüfen' -> 'modele-prufen'; the letters were cut out: 'mod-le-pr-fen')."""
    s = re.sub(r"[^A-Za-z0-9]+", "-", plain_letters(text.strip()).lower()).strip("-._")
    s = s[:48].rstrip("-._")
    return s if s and _ID_RE.match(s) else fallback


def file_stem(title: str) -> str:
    """A file name (without suffix) for a plan of ``title``, as the app proposes one for Save As and the report:
    the plan id rule (:func:`slug`), 'plan' for a title without letters or digits."""
    return slug(title, "plan")


class IdMaker:
    """Unique plan ids: a valid id is kept when free, otherwise a slug with ``-2``, ``-3`` ... appended."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken: set[str] = set(taken)

    def make(self, wanted: str | None, fallback: str) -> str:
        base = wanted if wanted and _ID_RE.match(wanted) else slug(wanted or "", fallback)
        candidate, n = base, 2
        while candidate in self.taken:
            suffix = f"-{n}"
            candidate = base[: 64 - len(suffix)] + suffix
            n += 1
        self.taken.add(candidate)
        return candidate


def is_valid_id(text: str) -> bool:
    return bool(_ID_RE.match(text))


def num_text(x: float) -> str:
    """The shortest text that reads back as exactly ``x`` (``2``, ``0.5``, ``-1.25``)."""
    x = float(x)
    if x == 0:
        return "0"
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


# -- working calendars -------------------------------------------------------------------------------------------


def own_actual(text: str | None, report: ImportReport, where: str) -> dt.date | float | None:
    """An actual start or finish that the planner's own export wrote into a custom field (MS Project, GanttProject):
    an ISO date, or weeks (>= 0); None when empty, and reported (not carried) when it is neither."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        weeks = float(text)
    except ValueError:
        weeks = -1.0
    if not (0.0 <= weeks < float("inf")):
        report.add(
            "progress", f"the actual date {quoted(text)} is neither a date nor weeks; not carried", where
        )
        return None
    return weeks


def report_days_off(report: ImportReport, days: Iterable[dt.date], what: str = "non-working day") -> None:
    """Say, in ``report``, that the project calendar's days off within the project (``days``) are not carried: the
    plan has no calendar, so work across them finishes that many working days earlier than in the file. ``what``:
    the days' noun, singular."""
    off = sorted(set(days))
    if off:
        shown = some((str(h) for h in off), 3)
        n = len(off)
        report.add(
            "calendar",
            f"{count(n, what)} of the project calendar ({shown}) {agree(n, 'is', 'are')} not carried: the plan has "
            f"no calendar, so work across {agree(n, 'it', 'them')} finishes that many working days earlier than in "
            "the file",
        )


def field_order(name: str) -> tuple[str, int, str]:
    """Duration2 before Duration10: the name's letters, then its number."""
    m = re.match(r"^(.*?)(\d+)$", name)
    return (m.group(1), int(m.group(2)), name) if m else (name, 0, name)


def hourly_rate(per_week: float, minutes_per_week: float) -> float:
    """A team's rate per person-week as MS Project keeps a resource's StandardRate: per hour of a working week of
    ``minutes_per_week`` (2,400: 40 hours). :func:`weekly_rate` reads it back.

    >>> hourly_rate(4000, 2400), weekly_rate(100.0, 2400)
    (100.0, 4000.0)
    """
    return per_week * 60.0 / minutes_per_week


def weekly_rate(per_hour: float, minutes_per_week: float) -> float:
    """The rate per person-week of a resource whose StandardRate is ``per_hour`` (:func:`hourly_rate`)."""
    return per_hour * minutes_per_week / 60.0


def report_custom_values(
    report: ImportReport,
    values: dict[str, int],
    what: str = "custom field",
    *,
    why: str = "the plan has no custom fields",
    quote: bool = False,
) -> None:
    """One report line for the values of custom fields that a file holds and the plan does not take (MS Project's
    Text1-Text30 or their aliases, MPX's Text1-Text10, Cost1-3, ...; GanttProject's custom columns; P6's user
    fields): how many values of how many fields, then each field with its count of values, Duration2 before
    Duration10. ``what``: the fields' noun, singular (``custom resource field``, ``custom task column``); ``quote``
    names them in quotes (a user's own column names)."""
    if not values:
        return
    named = sorted(values, key=field_order)
    n = sum(values.values())
    per = what.rpartition(" ")[2]
    shown = some(
        (f"{quoted(name)} ({values[name]})" if quote else f"{name} ({values[name]})" for name in named), 6
    )
    report.add(
        "field",
        f"{count(n, 'value')} of {count(len(named), what)} {agree(n, 'is', 'are')} not carried ({why}; values per "
        f"{per}): {shown}",
    )


def report_priorities(
    report: ImportReport, values: Iterable[str], default: str, names: dict[str, str] | None = None
) -> None:
    """One report line for the task priorities a file sets other than its tool's default (MS Project's Priority 500,
    MPX's Medium, P6's Normal, GanttProject's Normal), which the plan has no field for: how many tasks, each value
    with its count (``names``: a value's words, P6's 'PT_High' as 'High'). Tasks at the default say nothing."""
    counts: dict[str, int] = {}
    for value in values:
        if value and value != default:
            shown = (names or {}).get(value, value)
            counts[shown] = counts.get(shown, 0) + 1
    if not counts:
        return
    n = sum(counts.values())
    shown_default = (names or {}).get(default, default)
    report.add(
        "field",
        f"{count(n, 'task')} {agree(n, 'has', 'have')} a priority other than {quoted(shown_default)} "
        f"({some((f'{quoted(v)} ({k})' for v, k in sorted(counts.items(), key=lambda x: (-x[1], x[0]))), 6)}): not "
        "carried (the plan has no priority; levelling orders decisions by its own rules)",
    )


def report_inserted_project(report: ImportReport, file_name: str | None, where: str) -> None:
    """Say that a task is an inserted project (MS Project's Insert > Subproject; MSPDI's IsSubproject, MPX's
    Subproject File): its tasks are in ``file_name``, not in this file."""
    report.add(
        "format",
        "an inserted project"
        + (f" ({file_name})" if file_name else "")
        + " is one task here: import that file for "
        "its tasks",
        where,
    )


def report_outside_links(report: ImportReport, links: list[str]) -> None:
    """The one report line for the links an import left out because one end names an item the file does not hold:
    a tracker export filtered to some issues keeps their links to the others, an MS Project file a predecessor ID of
    no task or a link to another project, a P6 file relationships to other projects' activities. Every import
    leaves them out, so that the plan schedules, and names them here (``links``: each as "line 4 depends on
    'P-9'", "task 3 'Build' after task 77"), the first eight and how many in all."""
    if links:
        n = len(links)
        report.add(
            "link",
            f"{count(n, 'link')} to {agree(n, 'an item', 'items')} not in the file {agree(n, 'is', 'are')} left "
            f"out, so that the plan schedules (a file that holds {agree(n, 'that item', 'those items')} too keeps "
            f"{agree(n, 'that link', 'them')}): " + some(links, 8),
        )


def report_resource_notes(report: ImportReport, names: list[str]) -> None:
    """Say that the resources ``names`` have notes, which the plan's teams cannot hold."""
    if names:
        n = len(names)
        report.add(
            "resource",
            f"the notes of {count(n, 'resource')} ({some(quoted(x) for x in names)}) "
            "are not carried (the plan's teams have no notes)",
        )


def report_own_working_time(report: ImportReport, names: list[str]) -> None:
    """Say that the resources ``names`` have working time of their own (a resource calendar with days, hours or
    exceptions of its own, or on another base calendar): the plan's teams work the project calendar. A resource
    calendar that only names the project calendar as its base loses nothing and is not reported."""
    if names:
        n = len(names)
        report.add(
            "calendar",
            f"{count(n, 'resource')} {agree(n, 'has', 'have')} working time of {agree(n, 'its', 'their')} own ("
            + some(quoted(x) for x in names)
            + "): not carried, the plan's teams work the project calendar",
        )


@dataclass
class WorkCalendar:
    """Working time: minutes worked on each weekday (Monday = 0), the working spans of a day, and holidays.

    ``minutes(t)`` counts the working minutes from ``origin`` to ``t`` (negative before the origin); dividing by the
    source's minutes per week gives working weeks.
    """

    origin: dt.date
    day_spans: dict[int, list[tuple[int, int]]]  # weekday -> [(from_minute, to_minute)] within the day
    holidays: list[dt.date] = field(default_factory=list)  # sorted, only days that would otherwise be worked

    def __post_init__(self) -> None:
        self.day_minutes = [sum(b - a for a, b in self.day_spans.get(wd, [])) for wd in range(7)]
        self.week_minutes = sum(self.day_minutes)
        self.holidays = sorted({h for h in self.holidays if self.day_minutes[h.weekday()] > 0})

    @classmethod
    def standard(
        cls,
        origin: dt.date,
        holidays: Iterable[dt.date] = (),
        minutes_per_day: int = 480,
        workdays: Iterable[int] = range(5),
    ) -> WorkCalendar:
        """Monday to Friday (or ``workdays``), 08:00-12:00 and 13:00-17:00 (scaled for other day lengths)."""
        if minutes_per_day == 480:
            spans = [(480, 720), (780, 1020)]
        elif minutes_per_day >= 1440:
            spans = [(0, 1440)]
        else:
            spans = [(480, 480 + minutes_per_day)]
        return cls(origin, {wd: list(spans) for wd in workdays}, list(holidays))

    def working_days(self, a: dt.date, b: dt.date) -> float:
        """Working days from ``a`` (counted) up to ``b`` (not counted), in days of this calendar's first working
        weekday's length; negative when ``b`` is earlier."""
        day = next((m for m in self.day_minutes if m), 1)
        return (self._minutes_before_day(b) - self._minutes_before_day(a)) / day

    def working_day(self, d: dt.date) -> bool:
        if self.day_minutes[d.weekday()] == 0:
            return False
        i = bisect.bisect_left(self.holidays, d)
        return not (i < len(self.holidays) and self.holidays[i] == d)

    def _minutes_before_day(self, d: dt.date) -> int:
        """Working minutes from the origin's midnight to ``d``'s midnight (negative when ``d`` is earlier)."""
        if d < self.origin:
            return -self._span(d, self.origin)
        return self._span(self.origin, d)

    def _span(self, a: dt.date, b: dt.date) -> int:
        n = (b - a).days
        weeks, rest = divmod(n, 7)
        total = weeks * self.week_minutes
        wd = a.weekday()
        for k in range(rest):
            total += self.day_minutes[(wd + k) % 7]
        lo = bisect.bisect_left(self.holidays, a)
        hi = bisect.bisect_left(self.holidays, b)
        for h in self.holidays[lo:hi]:
            total -= self.day_minutes[h.weekday()]
        return total

    def _minutes_in_day(self, d: dt.date, minute_of_day: float) -> float:
        if not self.working_day(d):
            return 0.0
        return float(sum(max(0.0, min(b, minute_of_day) - a) for a, b in self.day_spans.get(d.weekday(), [])))

    def minutes(self, t: dt.datetime) -> float:
        """Working minutes from the origin to ``t``."""
        d = t.date()
        return self._minutes_before_day(d) + self._minutes_in_day(d, t.hour * 60 + t.minute + t.second / 60)

    def minutes_of_day_start(self, d: dt.date) -> float:
        return float(self._minutes_before_day(d))

    def datetime_at(self, minutes: float, *, finish: bool = False) -> dt.datetime:
        """The moment ``minutes`` working minutes after the origin. A finish that ends a working day is written at
        that day's end (17:00), a start at the next working day's beginning (08:00), as MS Project does."""
        if self.week_minutes <= 0:
            raise ValueError("the calendar has no working time")
        minutes = max(0.0, minutes)
        weeks = max(0, int(minutes // self.week_minutes) - 1)
        d = self.origin + dt.timedelta(days=7 * weeks)
        # holidays skipped by whole weeks are made up by walking; land near the target first
        left = minutes - self._minutes_before_day(d)
        while left < 0:
            d -= dt.timedelta(days=7)
            left = minutes - self._minutes_before_day(d)
        while True:
            day = self.day_minutes[d.weekday()] if self.working_day(d) else 0
            if day and (left < day - 1e-9 or (finish and left <= day + 1e-9)):
                break
            left -= day
            d += dt.timedelta(days=1)
            if left < 0:
                left = 0
        for a, b in self.day_spans[d.weekday()]:
            span = b - a
            if left < span - 1e-9 or (finish and left <= span + 1e-9):
                minute = a + left
                break
            left -= span
        else:  # pragma: no cover - the loop above stops on a day with room
            minute = self.day_spans[d.weekday()][-1][1]
        whole = round(minute * 60)
        return dt.datetime.combine(d, dt.time()) + dt.timedelta(seconds=whole)


# -- writing ----------------------------------------------------------------------------------------------------------
def ansi_bytes(text: str) -> bytes:
    """``text`` in Windows-1252 (ANSI), the code page MS Project reads MPX in and P6 and MPXJ read XER in (P6 writes
    the exporting machine's code page and declares none): a character outside it is written as '?'
    (:func:`planner.io.exporting.outside_ansi` says when)."""
    return text.encode("cp1252", "replace")


def write_export(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write an export atomically (the old file or the new one, never half of one)."""
    try:
        write_bytes_atomic(path, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        full = disk_full_text(exc)
        if full is not None:  # the old file (if any) is whole: room is all it takes
            raise InteropError(
                path,
                f"cannot write: {full[:1].lower()}{full[1:]}",
                hint="free some space and export again, or export to another disk",
            ) from None
        raise InteropError(path, f"cannot write: {exc.strerror or exc}") from None
