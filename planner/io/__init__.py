"""Import and export of other tools' formats (no Qt). The plan's own format lives in :mod:`planner.model.io`.

One module per format: :mod:`~planner.io.mspdi` (MS Project XML), :mod:`~planner.io.mpx` (MS Project's MPX
exchange format), :mod:`~planner.io.primavera` (Primavera P6 XER and P6 XML), :mod:`~planner.io.gan`
(GanttProject),
:mod:`~planner.io.csvfile`, :mod:`~planner.io.xlsx`, :mod:`~planner.io.xls` and :mod:`~planner.io.ods` (one row per decision,
:mod:`~planner.io.table`), and
:mod:`~planner.io.graphs` (TaskJuggler, Mermaid, Graphviz; export only). Outline formats share
:mod:`~planner.io.outline` (summary tasks become structure). :func:`import_file` and :func:`export_file` pick the
format; every import returns an :class:`ImportReport` of what it could not carry.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from planner.io import mpxj_bridge
from planner.io.common import HELPER_TAG, ImportReport, InteropError, ansi_bytes, no_such_file
from planner.io.jira_xml import looks_like_jira_xml
from planner.io.mpxj_bridge import MPXJ_SUFFIXES
from planner.io.outline import Mapping, Outline, top_level_summaries
from planner.io.trello import looks_like_trello
from planner.model.plan import Plan
from planner.units import quoted

IMPORT_FORMATS = {
    "mspdi": "MS Project XML",
    "gan": "GanttProject",
    "csv": "CSV",
    "xlsx": "Excel workbook",
    "xls": "Excel 97-2003 workbook",
    "xer": "Primavera P6 XER",
    "p6xml": "Primavera P6 XML",
    "mpx": "MS Project exchange (MPX)",
    "mpxj": "read through MPXJ (.mpp, .pod, ...)",
    "ods": "OpenDocument spreadsheet",
    "trello": "Trello board (JSON export)",
    "jiraxml": "Jira issues (XML export)",
}
IMPORT_SUFFIXES = {  # .xml is MS Project XML unless its root element is P6's (read_outline looks)
    ".xml": "mspdi",
    ".xer": "xer",
    ".mspdi": "mspdi",
    ".gan": "gan",
    ".mpx": "mpx",
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
}
EXPORT_SUFFIXES = {
    ".xml": "mspdi",
    ".mpx": "mpx",
    ".gan": "gan",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".tjp": "tjp",
    ".mmd": "mermaid",
    ".dot": "dot",
    ".xer": "xer",
    ".ics": "ics",
}
EXPORT_NAMES = {
    "mspdi": "MS Project XML",
    "mpx": "MS Project MPX",
    "gan": "GanttProject",
    "csv": "CSV",
    "xlsx": "Excel workbook",
    "tjp": "TaskJuggler",
    "mermaid": "Mermaid gantt",
    "dot": "Graphviz DOT",
    "xer": "Primavera P6 XER",
    "ics": "iCalendar",
}

__all__ = [
    "EXPORT_NAMES",
    "EXPORT_SUFFIXES",
    "HELPER_TAG",
    "IMPORT_FORMATS",
    "IMPORT_SUFFIXES",
    "UNREADABLE_SUFFIXES",
    "ImportReport",
    "InteropError",
    "Mapping",
    "Outline",
    "export_file",
    "export_blocker",
    "export_notes",
    "export_text",
    "format_by_content",
    "import_file",
    "import_format",
    "unreadable",
    "read_outline",
    "top_level_summaries",
]


def format_by_content(path: str | os.PathLike[str]) -> str | None:
    """The import format another tool's file is in by its first bytes, for a file the app's File > Open or a command
    could not read as a plan because it only has a plan's name (``project.json``: an MS Project XML export renamed, a download given
    the wrong suffix); None when its bytes do not say (a CSV, a broken plan). Reads 4 KiB of a regular file only
    (a FIFO in its place would wait for a writer for good)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        head = os.read(fd, 4096) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return None
    finally:
        os.close(fd)
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"PK\x03\x04"):  # a zip: a workbook (an OpenDocument one names its type first)
        return "ods" if b"opendocument.spreadsheet" in head else "xlsx"
    if head.startswith(b"ERMHDR"):
        return "xer"
    if head.startswith(b"MPX,"):
        return "mpx"
    if looks_like_trello(head):
        return "trello"
    if head.startswith(b"<"):  # the root element: MS Project's <Project>, GanttProject's <project>, P6's
        if looks_like_jira_xml(head):
            return "jiraxml"
        if b"<APIBusinessObjects" in head:
            return "p6xml"
        if b"<Project" in head:
            return "mspdi"
        if b"<project " in head:
            return "gan"
    return None


def import_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The import format for ``path``: ``fmt`` when given, otherwise from the suffix."""
    if fmt:
        if fmt not in IMPORT_FORMATS:
            raise InteropError(
                path, f"unknown import format {quoted(fmt)}; choose one of {', '.join(IMPORT_FORMATS)}"
            )
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix in MPXJ_SUFFIXES and mpxj_bridge.available():
        return "mpxj"
    if suffix == ".json" and _trello_json(path):
        return "trello"
    if suffix == ".xml" and looks_like_jira_xml(_file_head(path, 4096) or b""):  # an .xml that Jira wrote
        return "jiraxml"
    if suffix in UNREADABLE_SUFFIXES:
        what, todo = unreadable(suffix)
        raise InteropError(path, f"{what} cannot be imported", hint=todo)
    if suffix not in IMPORT_SUFFIXES:
        raise InteropError(
            path,
            f"cannot tell the format from the suffix {quoted(suffix)}"
            if suffix
            else "cannot tell the format: the file name has no suffix",
            hint=f"give --format ({', '.join(IMPORT_FORMATS)})",
        )
    return IMPORT_SUFFIXES[suffix]


def _trello_json(path: str | os.PathLike[str]) -> bool:
    """True for a ``.json`` file that begins as a Trello board's export (its first 64 KiB; a regular file only: a
    pipe would wait for a writer). Any other JSON file is refused as :data:`UNREADABLE_SUFFIXES` says (a plan file
    needs no import)."""
    head = _file_head(path, 65536)
    if head is None:
        return False
    head = head.removeprefix(b"\xef\xbb\xbf")
    plan = b'"schema_version"' in head or b'"decisions"' in head
    return looks_like_trello(head) or (
        head.lstrip().startswith(b"{") and b'"cards"' in head and b'"lists"' in head and not plan
    )


UNREADABLE_SUFFIXES = {
    ".mpp": (
        "MS Project's own binary format (.mpp)",
        "in MS Project, File > Save As > XML Format (*.xml), and import the .xml",
    ),
    ".pod": (
        "ProjectLibre's own format (.pod)",
        "in ProjectLibre, File > Save As > MS Project XML (*.xml), and import the .xml",
    ),
    ".tjp": (
        "a TaskJuggler project (.tjp)",
        'add export "plan" { formats mspxml } to the project, run tj3 on it, and import the plan.xml it writes',
    ),
    ".tji": (
        "a TaskJuggler include file (.tji)",
        'add export "plan" { formats mspxml } to the project (.tjp) that includes it, run tj3 on the project, and '
        "import the plan.xml it writes",
    ),
    ".ics": (
        "an iCalendar file (.ics)",
        "it holds events, without the links, durations and stages of a plan: import the plan from the tool that "
        "wrote it (MS Project XML, CSV or Excel)",
    ),
    ".pdf": (
        "a PDF document",
        "a plan is read from a plan file or another tool's project file (MS Project XML, P6, GanttProject, CSV, "
        "Excel), not from a report or a chart",
    ),
    ".json": (
        "a JSON file other than a Trello board's export",
        "a plan file (*.plan.json) needs no import: open it (planner FILE) or check it (planner check FILE); from "
        "another tool, export CSV or Excel",
    ),
}
for _suffix in MPXJ_SUFFIXES:  # read only through MPXJ, when it is installed
    UNREADABLE_SUFFIXES.setdefault(
        _suffix,
        (
            mpxj_bridge.describe(_suffix),
            "save it as MS Project XML (*.xml) in the tool that wrote it, and import the .xml",
        ),
    )
"""Suffixes of files users try to import that the planner cannot read (those of :data:`MPXJ_SUFFIXES` when MPXJ is
not installed): what the file is and what to do instead."""


def unreadable(suffix: str) -> tuple[str, str]:
    """What a file of ``suffix`` (one of :data:`UNREADABLE_SUFFIXES`) is, and what to do to import it: save it
    in a format the planner reads, or, for the suffixes MPXJ reads, install MPXJ."""
    what, todo = UNREADABLE_SUFFIXES[suffix]
    if suffix in MPXJ_SUFFIXES:
        todo = f"{todo}; or {mpxj_bridge.INSTALL_HINT}"
    return what, todo


def read_outline(
    path: str | os.PathLike[str], fmt: str, *, project: str | None = None
) -> tuple[Outline, ImportReport] | None:
    """For outline formats (MS Project XML and MPX, GanttProject, P6): the outline before it becomes a plan, so
    that a caller can map its top-level summaries to stages and areas. None for table formats. An ``.xml`` file
    whose root element is P6's ``APIBusinessObjects`` is read as P6 XML. ``project`` picks one project of a P6 file
    that holds several (its Project ID); other formats refuse it."""
    if project is not None and fmt not in ("mspdi", "xer", "p6xml"):
        raise InteropError(path, "--project picks a project of a Primavera P6 file; this format holds one")
    if fmt == "mspdi":
        from planner.io.common import read_limited
        from planner.io.mspdi import read_mspdi
        from planner.io.primavera import is_pmxml, read_pmxml

        data = read_limited(path)
        if is_pmxml(data):
            found = read_pmxml(path, data, project)
        elif project is not None:
            raise InteropError(
                path, "--project picks a project of a Primavera P6 file; this is MS Project XML"
            )
        else:
            found = read_mspdi(path, data)
    elif fmt == "p6xml":
        from planner.io.primavera import read_pmxml

        found = read_pmxml(path, project=project)
    elif fmt == "xer":
        from planner.io.primavera import read_xer

        found = read_xer(path, project=project)
    elif fmt == "gan":
        from planner.io.gan import read_gan

        found = read_gan(path)
    elif fmt == "mpxj":
        found = _read_through_mpxj(path)
    elif fmt == "mpx":
        from planner.io.mpx import read_mpx

        found = read_mpx(path)
    else:
        return None
    check_outline(found[0], path)
    return found


def _read_through_mpxj(path: str | os.PathLike[str]) -> tuple[Outline, ImportReport]:
    """A file only MPXJ reads: converted to MS Project XML in a child process, then imported as that."""
    from planner.io.mspdi import read_mspdi

    outline, report = read_mspdi(path, mpxj_bridge.convert_to_mspdi(path))
    tool = MPXJ_SUFFIXES.get(Path(path).suffix.lower(), "another tool's file")
    version = mpxj_bridge.mpxj_version()
    report.format = f"{tool}, read through MPXJ{f' {version}' if version else ''}"
    return outline, report


MAX_NESTING = 1_000
"""Levels of summary tasks an import takes (a summary's name is kept as a tag on every decision below it, and a
decision has at most 1,000 tags)."""


def check_outline(outline: Outline, path: str | os.PathLike[str]) -> None:
    """Refuse, before the plan is built, an outline nested deeper than :data:`MAX_NESTING` (each level copied its
    parents' tags: 20,000 levels took 1.6 GB) or with more leaf tasks than a plan may have decisions."""
    from planner.model.limits import MAX_DECISIONS

    tasks = outline.tasks
    stack: list[int] = []
    leaves = 0
    for i, t in enumerate(tasks):
        while stack and tasks[stack[-1]].level >= t.level:
            stack.pop()
        stack.append(i)
        if len(stack) > MAX_NESTING:
            raise InteropError(
                path,
                f"task {quoted(t.name)} sits {len(stack):,} summary levels deep, more than the {MAX_NESTING:,} an "
                "import takes",
                hint="flatten the outline in the authoring tool and export again",
            )
        leaves += i + 1 == len(tasks) or tasks[i + 1].level <= t.level
        if leaves > MAX_DECISIONS:
            raise InteropError(
                path,
                f"more than the {MAX_DECISIONS:,} tasks a plan may have as decisions",
                hint="split the project and import it in parts",
            )


def import_file(
    path: str | os.PathLike[str],
    fmt: str | None = None,
    mapping: Mapping | None = None,
    *,
    project: str | None = None,
) -> tuple[Plan, ImportReport]:
    """Import ``path`` as a new plan. Raises :class:`InteropError` (one clear line) for unreadable input.
    ``project``: the Project ID to take from a Primavera P6 file that holds several (default: the one P6 flagged
    as exported, else the first)."""
    from pydantic import ValidationError

    from planner.model.io import gc_paused

    try:
        with gc_paused():  # the cyclic GC walking fresh objects is a third of a big import (PERF-NOTES)
            return _import(path, fmt, mapping, project)
    except InteropError as exc:
        # another format's file under this suffix (a P6 .xer named .xml, an MPX file named .csv): the refusal of
        # the suffix's reader ('not well-formed XML', 'no title column') is true but does not say what to do
        other = _text_format(path)
        if other is None or other == import_format(path, fmt) or "--format" in (exc.hint or ""):
            raise
        raise InteropError(
            path,
            exc.problem,
            line=exc.line,
            hint=f"it looks like {IMPORT_FORMATS[other]}: import it with --format {other}",
        ) from None
    except ValidationError as exc:  # a value the readers let through that the plan model refuses
        first = exc.errors(include_url=False)[0]
        # the field, not pydantic's type tags ('duration.constrained-float'), and the value refused
        where = ".".join(str(x) for x in first["loc"] if not (isinstance(x, str) and "-" in x))
        got = first.get("input")
        value = f" (got {got:g})" if isinstance(got, int | float) and not isinstance(got, bool) else ""
        # the task whose value it is, when the reader named it (planner.io.outline.build_plan)
        named = [n for n in getattr(exc, "__notes__", ()) if isinstance(n, str)]
        raise InteropError(
            path,
            f"{named[-1] + ' ' if named else ''}holds a value a plan cannot take ({where}: {first['msg']}{value})",
            hint="fix it in the authoring tool and export again",
        ) from None
    except OverflowError:
        # A date at the calendar's ends (31 Dec 9999, 1 Jan 0001) or a duration or lag too large to place (1e308
        # days) reached date arithmetic somewhere in the reading: one clear refusal, not an internal error.
        raise InteropError(
            path,
            "holds a date or a duration beyond what a calendar holds (a year past 9999 or before 1, or a duration "
            "or lag of astronomical size)",
            hint="fix the date or duration in the authoring tool and export again",
        ) from None


_TEXT_SIGNATURES = ((b"ERMHDR", "xer"), (b"MPX,", "mpx"), (b"MPX;", "mpx"))
"""How a text project format's files begin (P6's XER header, MPX's first record): known whatever the suffix."""


def _file_head(path: str | os.PathLike[str], size: int) -> bytes | None:
    """The first ``size`` bytes of ``path``, or None when it is not a regular file (a pipe would wait for a
    writer) or cannot be read."""
    if not Path(path).is_file():
        return None
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except OSError:
        return None


def _text_format(path: str | os.PathLike[str]) -> str | None:
    """The import format a file's first bytes name (:data:`_TEXT_SIGNATURES`; a byte-order mark, leading blank lines
    and UTF-16's zero bytes passed over), or None. Only a regular file is opened (a pipe would wait for a writer)."""
    head = _file_head(path, 64)
    if head is None:
        return None
    head = head.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    return next((kind for sig, kind in _TEXT_SIGNATURES if head.startswith(sig)), None)


def _import(
    path: str | os.PathLike[str], fmt: str | None, mapping: Mapping | None, project: str | None = None
) -> tuple[Plan, ImportReport]:
    if not os.path.exists(path):  # a missing file is said first, not its suffix ('ns.weird': no format)
        raise no_such_file(Path(path))
    fmt = import_format(path, fmt)
    if project is not None and fmt not in ("mspdi", "xer", "p6xml"):
        raise InteropError(path, "--project picks a project of a Primavera P6 file; this format holds one")
    if fmt in ("mspdi", "gan", "xer", "p6xml", "mpxj", "mpx"):
        from planner.io.outline import build_plan

        found = read_outline(path, fmt, project=project)
        assert found is not None
        outline, report = found
        return build_plan(outline, report, mapping), report
    if fmt == "csv":
        from planner.io.csvfile import import_csv

        return import_csv(path)
    if fmt == "trello":
        from planner.io.trello import import_trello

        return import_trello(path)
    if fmt == "jiraxml":
        from planner.io.jira_xml import import_jira_xml

        return import_jira_xml(path)
    if fmt == "xls":
        from planner.io.xls import import_xls

        return import_xls(path)
    if fmt == "ods":
        from planner.io.ods import import_ods

        return import_ods(path)
    from planner.io.xlsx import import_xlsx

    return import_xlsx(path)


def export_text(plan: Plan, fmt: str, *, bom: bool = False) -> str | bytes:
    """The file content of ``plan`` in ``fmt`` (one of :data:`EXPORT_NAMES`). A control character in the plan's
    text that the format cannot carry becomes U+FFFD: in XML (.xml, .gan) it made the file malformed for every
    reader, this program's import included; in CSV and XER a NUL made the file binary to spreadsheets, P6 and the
    import. XER is written in Windows-1252, as P6 and MPXJ read it (common.ansi_bytes: so the U+FFFD is a '?')."""
    from planner.io.exporting import UNWRITABLE

    out = _export_text(plan, fmt, bom=bom)
    if isinstance(out, str):
        if fmt in UNWRITABLE:  # (carry_notes says how many texts had them)
            out = UNWRITABLE[fmt].sub("\ufffd", out)
        if fmt == "xer":  # (a NUL in a note made the .xer 'a binary file' to P6's import and ours)
            # in the code page P6 and MPXJ read XER in: written as UTF-8, 'façade' was 'faÃ§ade' in both
            out = ansi_bytes(out)
    return out


def _export_text(plan: Plan, fmt: str, *, bom: bool = False) -> str | bytes:
    if fmt == "mspdi":
        from planner.io.mspdi import export_mspdi

        return export_mspdi(plan)
    if fmt == "mpx":
        from planner.io.mpx import export_mpx

        return export_mpx(plan)
    if fmt == "gan":
        from planner.io.gan import export_gan

        return export_gan(plan)
    if fmt == "csv":
        from planner.io.csvfile import export_csv

        return export_csv(plan, bom=bom)
    if fmt == "xlsx":
        from planner.io.xlsx import export_xlsx

        return export_xlsx(plan)
    from planner.io import graphs

    if fmt == "tjp":
        return graphs.export_tjp(plan)
    if fmt == "mermaid":
        return graphs.export_mermaid(plan)
    if fmt == "dot":
        return graphs.export_dot(plan)
    if fmt == "xer":
        from planner.io.primavera import export_xer

        return export_xer(plan)
    if fmt == "ics":
        from planner.io.icalendar import export_ics

        return export_ics(plan)
    raise ValueError(f"unknown export format {quoted(fmt)}")


def export_notes(plan: Plan, fmt: str) -> list[str]:
    """What an export of ``plan`` in ``fmt`` does not carry or carries only approximately, one line each (the
    export's counterpart of the :class:`ImportReport`)."""
    from planner.io.exporting import carry_notes, export_schedule

    return carry_notes(plan, fmt, export_schedule(plan))


SCHEDULING_FORMATS = frozenset({"mspdi", "mpx", "gan", "tjp", "xer"})
"""Export formats whose tool schedules the plan from its links (and refuses a dependency cycle)."""


def export_blocker(plan: Plan, fmt: str) -> str | None:
    """Why ``plan`` cannot be exported in ``fmt`` (two lines: the problem, then what to do), or None: a week past
    the calendar (every format writes dates), or a dependency cycle for a format whose tool schedules the links
    (tj3 aborts on it; MS Project and GanttProject refuse circular links) or that writes the schedule's dates
    (.ics: without a schedule its events had each decision's earliest start on its own, dates ``analyze`` does
    not give). The command line and the app both ask."""
    from planner.analysis import validate

    findings = validate(plan, scheduled=False)  # two error codes are read (.ics: every error)
    undated = next((f for f in findings if f.code == "dates-out-of-range"), None)
    if undated is not None:
        return (
            f"{undated.message}\nThe formats write calendar dates: bring the plan's weeks back within them."
        )
    error = next((f for f in findings if str(f.severity) == "error"), None)
    if error is not None and fmt == "ics":  # its events are the schedule's dates, and an error leaves none
        return (
            f"{error.message}\nA calendar shows the schedule's dates, and a plan with errors has none: fix them "
            "(planner check lists them) and export again."
        )
    cycle = next((f for f in findings if f.code == "cycle"), None)
    if cycle is not None and fmt in SCHEDULING_FORMATS:
        return (
            f"{cycle.message}\n{EXPORT_NAMES[fmt]} schedules the links and refuses a loop: break it (planner check "
            "lists it), or export to .csv, .xlsx, .mmd or .dot, which carry the plan as it is."
        )
    return None


def export_file(plan: Plan, path: str | os.PathLike[str], *, bom: bool = False) -> str:
    """Write ``plan`` to ``path`` in the format its suffix names, atomically. Returns the format key."""
    from planner.io.common import write_export

    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise InteropError(
            path,
            f"unknown suffix {quoted(suffix or '(none)')}, so no format to write",
            hint=f"use {', '.join(EXPORT_SUFFIXES)}",
        )
    fmt = EXPORT_SUFFIXES[suffix]
    try:
        text = export_text(plan, fmt, bom=bom)
    except InteropError as exc:
        if exc.path is not None:
            raise
        raise InteropError(path, exc.problem, hint=exc.hint) from None  # name the file being written
    except OverflowError:
        # Work the file places before the plan start (started work written to end where the planner finishes it,
        # its whole duration before: GanttProject, P6) on a plan starting in the year 1: no calendar date holds it
        # (H-unseen25's fuzz_corners seeds 1321, 3000). One clear refusal, not an internal error.
        raise InteropError(
            path,
            "would write a date outside the years 1 to 9999 (started work is written with its whole duration before "
            "where the planner finishes it, which on a plan starting in the year 1 falls before 1 Jan 1)",
            hint="move the plan's start date later, or export as .xml or .csv",
        ) from None
    write_export(path, text)
    return fmt
