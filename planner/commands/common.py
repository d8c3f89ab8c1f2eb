"""What every command of ``planner`` shares: exit codes, :class:`CliError`, loading a plan, ``--scenario``,
``--estimate``, JSON output and the findings' text.

:mod:`planner.cli` (the parser and dispatcher) and each command module import from here and never from each other,
so the command line has no import cycle; the desktop app imports from here too. Keep it light: ``planner --help``
imports it, so heavy modules are imported inside the functions that need them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import io
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from planner import units
from planner.units import ESTIMATES

if TYPE_CHECKING:
    from planner.analysis.findings import Finding
    from planner.model import Plan
    from planner.model.plan import Baseline

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """An expected problem: printed as ``planner: <message>`` and exit code 2."""


STDIN = "-"  # a plan file's argument that reads the plan from standard input (`git show HEAD~1:p.plan.json | ...`)
STDIN_NAME = "standard input"  # what messages call it
PLAN_FILE_HELP = "plan file (*.plan.json); - reads it from standard input"
_stdin: list[bytes] = []  # standard input, once read: a command that loads its plan twice reads it once


def stdin_bytes() -> bytes:
    """Standard input's bytes, read once per process, for the plan argument ``-``. A terminal (nothing piped in)
    or more than a plan may hold is a :class:`CliError`: the command would otherwise wait for typing or read on."""
    from planner.model.limits import MAX_PLAN_BYTES

    if _stdin:
        return _stdin[0]
    stream = sys.stdin
    if stream is None or stream.isatty():
        raise CliError(
            f"-: reads the plan from {STDIN_NAME}, but nothing is piped in; pipe a plan into the command (e.g. "
            "`git show HEAD~1:plan.plan.json | planner diff - plan.plan.json`) or give a file's path"
        )
    try:
        raw = stream.buffer.read(MAX_PLAN_BYTES + 1)
    except OSError as exc:
        raise CliError(f"-: {STDIN_NAME} cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_PLAN_BYTES:
        raise CliError(
            f"-: {STDIN_NAME} holds more than the {MAX_PLAN_BYTES / 1e6:.0f} MB a plan may be; is this really a plan?"
        )
    _stdin.append(raw)
    return raw


def load(
    path: str, scenario: str | None = None, status_date: str | None = None, *, read_only: bool = False
) -> Plan:
    """Load a plan for a command, turning load errors into :class:`CliError`. With ``scenario`` (``--scenario``),
    that scenario of the plan materialised as a plan, its title saying so; an unknown name is a
    :class:`CliError` listing the valid ones. With ``status_date`` (``--status-date``), the plan's status date is
    replaced by it (:func:`with_status_date`). ``read_only``: the command only analyses the plan (never edits,
    saves or exports it), so the base plan's decisions and dependencies may be the compact rows of
    :mod:`planner.model.rows` (``load_plan(rows=True)``; issue 12)."""
    from planner.model import PlanLoadError, load_plan, load_plan_bytes

    if scenario is not None and not scenario.strip():
        raise CliError(
            "--scenario: the name is empty; give a scenario's name (`planner scenarios FILE` lists them)"
        )
    rows = read_only and scenario is None
    try:
        if path == STDIN:
            plan = load_plan_bytes(stdin_bytes(), STDIN_NAME, rows=rows)
        else:
            plan = load_plan(path, rows=rows)
    except PlanLoadError as exc:
        raise CliError((path != STDIN and _another_tools_file(path)) or str(exc)) from None
    if status_date is not None:
        plan = with_status_date(plan, status_date, path)
    # A command's process is short-lived and keeps its plan to the end: the cyclic GC need not walk the plan's
    # objects again in every collection the analysis's allocations trigger (at 100k decisions those walks were a
    # third of `planner check`; issue 12). Reference counting still frees whatever is dropped. And the command's
    # rows (100k dicts of JSON to be) need not set off full collections either: young cycles are still collected.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    gc.enable()  # off while the command started (planner.cli.main): its imports made nothing to collect
    if scenario is None:
        return plan
    from planner.model.scenarios import ScenarioError, is_base, resolve

    try:
        out = resolve(plan, scenario)
    except ScenarioError as exc:
        raise CliError(f"{path}: --scenario: {exc}") from None
    if out is plan and is_base(scenario):
        return plan
    return out.model_copy(update={"title": f"{plan.title} (scenario: {scenario})"})


@contextlib.contextmanager
def kept() -> Iterator[None]:
    """For what a command makes and keeps to its end, as it keeps its plan (:func:`load`), such as analyze's JSON
    object: the cyclic GC is off while it is made and never walks it afterwards (frozen with the plan). The first
    collection after it used to walk every object made and find nothing to collect (issue 12: 14 ms at 100k
    decisions). Reference counting still frees whatever is dropped."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # also zeroes the count of new objects, so enabling the GC sets off no collection
        if was:
            gc.enable()


_CODE_IF_CUT = [EXIT_OK]
"""The exit code the running command has decided on before writing its output (:func:`code_if_cut`)."""


def code_if_cut(code: int) -> None:
    """Record ``code``, the command's exit code, known before its output is written: should the reader stop early
    (``planner check FILE | head``: a broken pipe), the command ends with it (the worst of those recorded), where it
    ended 0 whatever the plan, so a failed check passed a script run with ``set -o pipefail``."""
    _CODE_IF_CUT[0] = max(_CODE_IF_CUT[0], code)


def cut_code(reset: bool = False) -> int:
    """The code :func:`code_if_cut` recorded (``EXIT_OK`` when none); ``reset``: forget it (a new command)."""
    code = _CODE_IF_CUT[0]
    if reset:
        _CODE_IF_CUT[0] = EXIT_OK
    return code


_KEPT: list[Any] = []
"""What the running command holds to its end (:func:`keep_to_the_end`)."""


def keep_to_the_end(*objects: Any) -> None:
    """Hold ``objects`` (a plan, its analysis, the JSON object written) until the command's process ends, instead
    of freeing them one by one as the command returns: :func:`planner.cli.main`, run as the process's own command
    line, then ends the process at once and the system takes the memory back whole (issue 12: freeing a
    100k-decision plan, its analysis and its JSON object, a few million objects, and Python's exit after it were
    ~0.25 s of analyze, ~0.1 s of check). Run in-process (the tests, a script), main() lets them go when the
    command is done (:func:`release_kept`)."""
    _KEPT.extend(objects)


def holding_kept() -> bool:
    """True when the running command holds something to its end (:func:`keep_to_the_end`)."""
    return bool(_KEPT)


def release_kept() -> None:
    """Let go of what :func:`keep_to_the_end` held."""
    _KEPT.clear()


def _another_tools_file(path: str) -> str | None:
    """What to say when a file that is not a plan failed to load and its suffix names another tool's format
    (``planner check project.xml``, ``planner analyze jira.csv``): import it first. The loader said 'not valid
    JSON ... fix the JSON syntax at that position', which sends the user to edit a file that is fine."""
    import shlex

    from planner.io import (
        IMPORT_FORMATS,
        IMPORT_SUFFIXES,
        UNREADABLE_SUFFIXES,
        format_by_content,
        mpxj_bridge,
        unreadable,
    )
    from planner.io.mpxj_bridge import MPXJ_SUFFIXES

    suffix = Path(path).suffix.lower()
    if (
        suffix not in IMPORT_SUFFIXES
        and suffix not in _WRITTEN_ONLY
        and (suffix not in UNREADABLE_SUFFIXES or suffix == ".json")
    ):
        # another tool's file under a plan's name (`project.json`: an export renamed, a download misnamed): its
        # first bytes say which, as the app's File > Open finds it
        fmt = format_by_content(path)
        if fmt is None:
            return None
        name = Path(path).name
        plan_named = name.lower().endswith(".plan.json")  # the import is written beside it, not over it
        out = str(Path(path).with_name(name[: -len(".plan.json")] + "-imported.plan.json"))
        out = out if plan_named else str(Path(path).with_suffix(".plan.json"))
        return (
            f"{path}: is not a plan file but, by its content, another tool's ({IMPORT_FORMATS[fmt]}); import it "
            f"first: planner import {shlex.quote(path)} -o {shlex.quote(out)} --format {fmt}"
        )
    if not Path(path).is_file():
        return None  # a folder, a pipe, a device: the loader's message says so (a pipe is never opened here)
    try:
        with open(path, "rb") as f:
            head = f.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return None
    if head.startswith(b"{"):
        return None  # a plan (JSON) under another suffix: the loader's own message says what is wrong in it
    # a chart or diagram the planner wrote: 'fix the JSON syntax' sent users to edit it
    if suffix in _WRITTEN_ONLY:
        return (
            f"{path}: is {_WRITTEN_ONLY[suffix]} (`planner export` writes one from a plan), not a plan file; give "
            "the plan's .plan.json file"
        )
    if suffix in IMPORT_SUFFIXES or (suffix in MPXJ_SUFFIXES and mpxj_bridge.available()):
        if suffix in MPXJ_SUFFIXES:
            name = f"{MPXJ_SUFFIXES[suffix]}, read through MPXJ"
        else:
            name = "MS Project or P6 XML" if suffix == ".xml" else IMPORT_FORMATS[IMPORT_SUFFIXES[suffix]]
        out = str(Path(path).with_suffix(".plan.json"))
        return (
            f"{path}: is not a plan file but, by its suffix, another tool's ({name}); import it first: "
            f"planner import {shlex.quote(path)} -o {shlex.quote(out)}"
        )
    what, todo = unreadable(suffix)
    return f"{path}: is {what}, not a plan file; {todo}"


_WRITTEN_ONLY = {
    ".png": "a PNG image",
    ".svg": "an SVG image",
    ".mmd": "a Mermaid diagram",
    ".dot": "a Graphviz diagram",
}
"""Suffixes the planner writes and never reads (charts and diagrams), with what such a file is."""


def chosen_baseline(plan: Plan, path: str, name: str) -> Baseline:
    """The baseline ``--baseline NAME`` names (``latest``: the newest; otherwise :meth:`Plan.baseline`, names alike
    in any Unicode form being one); a :class:`CliError` listing the plan's baselines when it has no such one."""
    base = plan.baseline(None if name == "latest" else name)
    if base is not None:
        return base
    names = ", ".join(units.quoted(b.name) for b in plan.baselines)
    raise CliError(
        f"{path}: --baseline {units.quoted(name)}: no such baseline; "
        + (
            f"the plan has {names}"
            if names
            else f"the plan has none (`planner baseline {path} --name NAME` or the app keeps one)"
        )
    )


def not_a_regular_file(path: str | Path) -> str | None:
    """What ``path`` (through symbolic links) is when it exists and is not a regular file -- ``"a device"``,
    ``"a pipe (FIFO)"``, ``"a socket"`` -- else None. The atomic write renames a new file over its target: over
    ``/dev/null`` or a FIFO that would replace the device or pipe itself (as root, for everyone), so an output
    that is not a regular file is refused. Raises ``OSError`` for a name the system cannot look up (too long,
    a loop of links)."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def text_option(flag: str, value: str) -> str:
    """``value`` of a text option (a plan's title, a baseline's name), refused when the terminal gave bytes that are
    not text in the locale's encoding (``--title $'T\\xe9st'`` from a Latin-1 terminal): Python keeps them as lone
    surrogates, which a plan file (UTF-8) cannot hold, and saving the plan stopped on an internal error."""
    if any("\udc80" <= c <= "\udcff" for c in value):
        shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise CliError(
            f"{flag}: '{shown}' has bytes that are not text in this system's encoding "
            f"({sys.getfilesystemencoding()}); type it as UTF-8 text, or set a UTF-8 locale (e.g. LANG=C.UTF-8)"
        )
    return value


def output_path(text: str, example: str, *, inputs: tuple[str, ...] = ()) -> Path:
    """``-o OUT`` checked before any work is done: a name is given, it is not a folder, the name is not too long
    for the file system, its folder exists, and it is not one of the command's ``inputs`` (writing there would
    destroy the file being read, ``--force`` or not). ``example`` is a file name to suggest (``chart.png``).
    Every problem is a :class:`CliError` that says what to do."""
    import errno
    import os

    if not text.strip():
        raise CliError(f"-o/--output: the file name is empty; give a file name such as {example}")
    out = Path(text)
    try:
        if out.is_dir():
            raise CliError(f"{out}: is a folder; give a file name such as {out / example}")
        kind = not_a_regular_file(out)
        if kind:
            raise CliError(f"{out}: is {kind}, not a file; give a file name such as {example}")
    except OSError as exc:  # ENAMETOOLONG, ELOOP...: os.stat's own reasons, not a bug
        if exc.errno == errno.ENAMETOOLONG:
            raise CliError(
                f"{out}: the file name is too long for the file system; choose a shorter name"
            ) from None
        raise CliError(f"{out}: cannot be written: {exc.strerror or exc}") from None
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"{out}: cannot write: the folder {folder} does not exist")
    for name in inputs:
        try:
            same = os.path.samefile(name, out)
        except (
            OSError,
            ValueError,
        ):  # the output does not exist yet (or the input is unreadable: said later)
            same = False
        if same:
            raise CliError(f"{out}: is the input file {name}; write to another file so that it is not lost")
    refuse_read_only(out)
    return out


def refuse_read_only(path: str | Path) -> None:
    """A :class:`CliError` when ``path`` is a file its owner made read-only. The atomic write renames a new file
    over it, which the folder's permission allows: a plan, chart or report marked read-only to keep it was replaced
    without a word (as root too). Nothing is written; the message says how to write it."""
    import os
    import stat

    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return
    if not stat.S_ISREG(st.st_mode):
        return
    me = os.geteuid()
    locked = not st.st_mode & 0o222 if me == 0 else not os.access(path, os.W_OK)
    if locked and me != 0 and st.st_uid != me:  # chmod u+w is its owner's to do, not this user's
        raise CliError(
            f"{path}: the file belongs to {_user_name(st.st_uid)} and this user may not write it, so it was not "
            "changed; write to another file, or ask its owner to let you write it"
        )
    if locked:
        raise CliError(
            f"{path}: the file is read-only, so it was not changed; make it writable (chmod u+w) or write to "
            "another file"
        )


def _user_name(uid: int) -> str:
    """The login name of user ``uid``, else ``user <uid>``."""
    try:
        import pwd

        return units.quoted(pwd.getpwuid(uid).pw_name)
    except (ImportError, KeyError):
        return f"user {uid}"


MAX_SAMPLES = 2_000_000_000
MAX_ITERATIONS = 10_000_000  # `planner simulate`: one run of one plan
MAX_ITERATIONS_EACH = (
    1_000_000  # compare, diff and report --simulate: per plan or scenario, several runs a command
)


def check_iterations(iterations: int, least: int, most: int) -> None:
    """Refuse ``--iterations`` outside ``least``..``most`` (each command's range, as its --help gives it)."""
    if not least <= iterations <= most:
        raise CliError(f"--iterations {iterations}: choose between {least:,} and {most:,}")


"""Sampled durations (iterations x decisions x plans simulated) one command may ask for: about a minute of work
here (100,000 iterations of 20,000 decisions took 74 s); 10,000,000 iterations of 20,000 decisions would have run
for hours."""


def check_simulation_size(iterations: int, decisions: int, plans: int = 1) -> None:
    """Refuse a Monte Carlo run past :data:`MAX_SAMPLES` with the most iterations this plan may have."""
    samples = iterations * max(1, decisions) * max(1, plans)
    if samples <= MAX_SAMPLES:
        return
    most = MAX_SAMPLES // (max(1, decisions) * max(1, plans))
    each = f" in each of {plans} plans" if plans > 1 else ""
    raise CliError(
        f"--iterations {iterations:,}: {decisions:,} {units.agree(decisions, 'decision', 'decisions')}{each} "
        f"would sample {samples:,} durations, "
        f"more than the {MAX_SAMPLES:,} a run may take (hours of work); choose at most {most:,} iterations"
    )


def whole_number(text: str) -> int:
    """argparse type of the counting options (``--iterations``, ``--seed``, ``--dpi``, ``--top``, ``--step``):
    digits, or a number written with an exponent that is whole (``1e4``); the range is each command's to check.
    Anything else says what to write (argparse's own "invalid int value" does not)."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if math.isfinite(value) and value.is_integer():
        return int(value)
    raise argparse.ArgumentTypeError(
        f"{units.quoted(text)} is not a whole number; write one in digits, e.g. 10000"
    )


def seconds(text: str) -> float:
    """argparse type of ``--level-time-limit``: a number of seconds (the range is the command's to check)."""
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{units.quoted(text)} is not a number of seconds, e.g. 10 or 2.5"
        ) from None


OTHER_FORMATS = (
    ".png",
    ".svg",
    ".pdf",
    ".xml",
    ".mpx",
    ".gan",
    ".csv",
    ".xlsx",
    ".tjp",
    ".mmd",
    ".dot",
    ".xer",
    ".ics",
)
"""Suffixes of the other formats the planner reads or writes: a plan file (JSON) given one of them could be
opened by nothing that expects that suffix."""

READ_ONLY_FORMATS = (".xls", ".xlsm", ".mspdi")
"""Suffixes the planner imports but does not write (with those MPXJ reads, ``planner.io.mpxj_bridge``)."""


def check_plan_suffix(out: Path) -> None:
    """A plan file's ``-o`` must not carry another format's suffix (``new -o plan.csv``, ``import a.xml -o
    b.xml``): the JSON written there would not be what the name says."""
    from planner.io.mpxj_bridge import MPXJ_SUFFIXES

    suffix = out.suffix.lower()
    if suffix in OTHER_FORMATS:
        raise CliError(
            f"{out}: a plan file is JSON, not {suffix[1:].upper()}; give a name ending in .plan.json "
            f"(`planner export PLAN -o FILE{suffix}` writes {suffix})"
        )
    if suffix in READ_ONLY_FORMATS or suffix in MPXJ_SUFFIXES:
        raise CliError(
            f"{out}: a plan file is JSON, not {suffix[1:].upper()}; give a name ending in .plan.json (the "
            f"planner reads {suffix} files but does not write them)"
        )


def add_scenario_argument(parser: argparse.ArgumentParser) -> None:
    """``--scenario NAME`` for commands that analyse one plan (issue 13)."""
    parser.add_argument(
        "--scenario",
        metavar="NAME",
        help="use this scenario of the plan instead of the base (`planner scenarios FILE` lists them)",
    )


def add_status_date_argument(parser: argparse.ArgumentParser) -> None:
    """``--status-date DATE|WEEKS`` (issue 16): overrides the plan's status date for this run."""
    parser.add_argument(
        "--status-date",
        metavar="DATE|WEEKS",
        help="the date progress was recorded up to: YYYY-MM-DD or 'today' (both need the plan's start_date) or "
        "weeks from the plan start; work not done is scheduled from it (overrides the plan's status_date)",
    )


def with_status_date(plan: Plan, value: str, path: str = "") -> Plan:
    """``plan`` with its status date set from the text of ``--status-date``: a number of weeks (0 to 10,000), an
    ISO date or ``today`` (this computer's date, as the app's Today button sets it), a date needing the plan's
    start date and not before it. Anything else is a :class:`CliError` (exit 2) that says what to write."""
    import math

    from planner.model.limits import MAX_WEEKS

    text = value.strip()
    where = f"{path}: " if path else ""
    parsed: dt.date | float
    weeks = _number(text)
    if weeks is None:
        try:
            date = dt.date.today() if text.casefold() == "today" else iso_day(text)
        except ValueError:
            raise CliError(
                f"--status-date {units.quoted(value)}: there is no such day in the calendar; write a date as YYYY-MM-DD "
                "(e.g. 2027-03-15)"
            ) from None
        if date is None:
            from planner.model.io import date_advice, date_readings

            readings = date_readings(text)  # 01/06/2027: 1 Jun or 6 Jan, in the form the option takes
            example = date_advice(text).removeprefix("write ") if readings else "e.g. 2027-03-15"
            raise CliError(
                f"--status-date {units.quoted(value)}: write a date as YYYY-MM-DD ({example}), 'today', or "
                "weeks from the plan start (e.g. 10)"
            )
        if plan.start_date is None:
            raise CliError(
                f"{where}--status-date {text}: the plan has no start_date, so a date cannot be placed; give the "
                "status date in weeks from the plan start (e.g. --status-date 10) or set start_date"
            )
        if date < plan.start_date:
            raise CliError(
                f"{where}--status-date {text}: before the plan start ({units.format_date(plan.start_date)}); choose a "
                "date on or after it"
            )
        if (date - plan.start_date).days / 7.0 > MAX_WEEKS:
            raise CliError(
                f"{where}--status-date {text}: more than {MAX_WEEKS:,.0f} weeks after the plan start "
                f"({units.format_date(plan.start_date)}); choose an earlier date"
            )
        parsed = date
    else:
        if not math.isfinite(weeks) or not 0 <= weeks <= MAX_WEEKS:
            raise CliError(
                f"--status-date {units.quoted(value)}: weeks must be between 0 and {MAX_WEEKS:,.0f}"
            )
        parsed = weeks
    return plan.model_copy(update={"status_date": parsed})


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def iso_day(text: str) -> dt.date | None:
    """``text`` as a date when written ``YYYY-MM-DD``, as the plan file writes dates (``date.fromisoformat`` alone
    also takes ``20270104`` and ``2027-W01-1``); None in any other form. Raises ValueError when the form is right
    and the calendar has no such day (``2027-02-30``, ``0000-01-01``): the one reading of a date option."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, flags=re.ASCII) is None:
        return None
    return dt.date.fromisoformat(text)


def add_estimate_argument(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """``--estimate {likely,optimistic,pessimistic,pert}`` (default likely): the names are the model's
    :data:`planner.units.ESTIMATES`, never written out again here."""
    parser.add_argument(
        "--estimate",
        choices=ESTIMATES,
        default="likely",
        help=help
        or "the duration estimate the schedule uses (default likely; pert is (optimistic + 4 x likely + "
        "pessimistic) / 6)",
    )


def add_format_arguments(parser: argparse.ArgumentParser) -> None:
    """``--format text|json`` and ``--indent`` (issue 12: compact JSON unless a person reads it)."""
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json; JSON is indented on a terminal and compact (one line) when written to a "
        "file or a pipe",
    )
    parser.add_argument(
        "--indent", action="store_true", help="indent the JSON by two spaces wherever it goes"
    )


def sample_plan_path() -> Path | None:
    """The bundled sample plan opened when ``planner`` runs without a file (shipped inside the package)."""
    from planner.desktop import sample_plan_path as packaged

    return packaged()


# -- formatting helpers ------------------------------------------------------------------------------------
fmt_weeks = units.format_weeks  # the command line's name for the one rule (planner.units)

WIDTH = 80
"""The text outputs are laid out for an 80-column terminal: tables elide long titles, prose wraps between words
(findings and lines that name every stage stay one line each, for grep)."""


plain_number = units.plain_number  # (the commands' name for the one rule, planner.units)


def columns(text: str) -> int:
    """The terminal columns ``text`` takes: a wide character (CJK, most emoji) takes two, a combining mark or an
    invisible format character (a zero-width joiner) none, any other one.

    >>> columns("Plan"), columns("数据团队"), columns("e\u0301"), columns("👩\u200d💻")
    (4, 8, 1, 4)
    """
    if text.isascii():
        return len(text)
    return sum(_columns(c) for c in text)


def _columns(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def elide(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns (:func:`columns`) with an ellipsis when it is wider
    (``'Scoring misses the 50…'``).

    >>> elide("Scoring misses the latency budget", 20), elide("short", 20), elide("数据团队的平台", 8)
    ('Scoring misses the…', 'short', '数据团…')
    """
    if columns(text) <= width:
        return text
    room = max(0, width - 1)
    kept = 0
    for i, char in enumerate(text):
        kept += _columns(char)
        if kept > room:
            return text[:i].rstrip() + "\u2026"
    return text  # pragma: no cover - only reached when columns(text) <= width


def fit(text: str, width: int) -> str:
    """``text`` elided (:func:`elide`) and padded with spaces to exactly ``width`` terminal columns: a table cell.

    >>> fit("Validate", 10) + "|", fit("数据团队", 10) + "|"
    ('Validate  |', '数据团队  |')
    """
    cut = elide(text, width)
    return cut + " " * max(0, width - columns(cut))


def rule(text: str, char: str = "=", width: int = WIDTH) -> str:
    """The line drawn under a heading: as wide as ``text`` shows in a terminal, at most ``width``.

    >>> rule("Plan"), rule("数据团队", "-")
    ('====', '--------')
    """
    return char * min(columns(text), width)


_BREAKS = re.compile("[\t\n\x0b\x0c\r\x85\u2028\u2029]")


def wrap(text: str, first: str = "", rest: str | None = None, width: int = WIDTH) -> list[str]:
    """``text`` wrapped to ``width`` columns between words (a word longer than a line is kept whole), the first line
    after ``first``, the others after ``rest`` (as many spaces as ``first`` by default). A line break or a tab in
    ``text`` is a space, any other control character its escape (:func:`planner.units.one_line`).

    >>> wrap("Monte Carlo: 2,000 iterations, seed 0; durations triangular", "", "  ", width=30)
    ['Monte Carlo: 2,000 iterations,', '  seed 0; durations triangular']
    """
    import textwrap

    # prose is one paragraph: its line breaks and tabs spaces, other controls escaped
    if not text.isprintable():
        text = units.one_line(_BREAKS.sub(" ", text))
    if not text.isascii() and any(_columns(c) == 2 for c in text):
        return _wrap_wide(text, first, " " * len(first) if rest is None else rest, width)
    if len(first) + len(text) <= width:
        return [first + text]
    lines = textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=" " * len(first) if rest is None else rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [first.rstrip()]


def _wrap_wide(text: str, first: str, rest: str, width: int) -> list[str]:
    """:func:`wrap` for text with wide characters (CJK, most emoji), measured in terminal columns
    (:func:`columns`; textwrap counts characters, so a line of Chinese took twice the width): between words, and
    between two wide characters inside a word (CJK text has no spaces; a line may break between ideographs).

    >>> _wrap_wide("数据治理与模型风险管理 (id)", "  ", "    ", 14)
    ['  数据治理与模', '    型风险管理', '    (id)']
    """
    lines: list[str] = []
    line, used, fresh = first, columns(first), True
    for word in text.split():
        for k, piece in enumerate(_wide_pieces(word)):
            gap = "" if fresh or k > 0 else " "
            need = columns(gap + piece)
            if used + need > width and not fresh:
                lines.append(line.rstrip())
                line, used, gap = rest, columns(rest), ""
                need = columns(piece)
            line += gap + piece
            used += need
            fresh = False
    lines.append(line.rstrip())
    return lines


def _wide_pieces(word: str) -> list[str]:
    """``word`` in the pieces a line may break between: each wide character alone, each run of others whole."""
    pieces: list[str] = []
    wide_before = False
    for char in word:
        size = _columns(char)
        if pieces and (size == 0 or (size == 1 and not wide_before)):
            pieces[-1] += char  # a combining mark stays with its character; a run of narrow ones stays whole
        else:
            pieces.append(char)
        wide_before = size == 2 or (size == 0 and wide_before)
    return pieces


count = units.count  # the one rule for a count and its noun (planner.units)


def fmt_when(plan: Plan, week: float | None) -> str:
    """``week 12`` or ``week 12 (29 Mar 2027)`` when the plan has a start date."""
    return units.format_when(plan.start_date, week)


def dump_json(value: Any, out: TextIO, indent: bool | None = None) -> None:
    """Write ``value`` as JSON and a newline: indented by two spaces on a terminal (or with ``indent=True``),
    compact when ``out`` is a file or a pipe, where a program reads it (issue 12: the indenting encoder was the
    largest share of a big plan's ``analyze``). Compact or indented, it is the same JSON value, written as UTF-8
    by orjson; numpy arrays and numbers are written as lists and numbers, findings as their ``to_dict``, tables
    (:class:`~planner.analysis.json_table.JsonTable`) as the list of their rows' dicts, written compact a few hundred
    rows at a time. JSON has no NaN or Infinity: should a figure ever be non-finite, it is written as ``null`` rather
    than as text other programs cannot read."""
    if indent is None:
        indent = out.isatty()
    if indent and out.isatty():  # a person reads it: ASCII escapes whatever the terminal's encoding
        try:
            text = json.dumps(value, indent=2, allow_nan=False, default=_plain)
        except ValueError:
            text = json.dumps(_finite(value), indent=2, allow_nan=False, default=_plain)
        out.write(text + "\n")
        return
    import orjson  # writes NaN and Infinity as null by itself

    option = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0)
    # Compact, a table stands in orjson's text as a NUL byte, which orjson's own text never holds (it escapes one in
    # a string): _write_tables writes the table's text there.
    tables: list[Any] = []
    in_place = orjson.Fragment(b"\0")

    def table(value: Any) -> Any:
        if not hasattr(value, "write_json"):
            raise TypeError(f"Type is not JSON serializable: {type(value).__name__}")
        if indent:  # (orjson indents what it writes, not a fragment)
            return value.to_list()
        tables.append(value)
        return in_place

    try:
        data = orjson.dumps(value, option=option, default=table)
    except orjson.JSONEncodeError:  # an integer beyond 64 bits: the standard encoder writes any
        data = (json.dumps(_finite(value), indent=2 if indent else None, default=_plain) + "\n").encode()
        tables.clear()
    binary = getattr(out, "buffer", None)
    if binary is None:  # a text stream (a test's, a caller's)
        binary = io.BytesIO()
        _write_tables(data, tables, binary.write)
        out.write(binary.getvalue().decode("utf-8"))
        return
    out.flush()
    _write_tables(data, tables, binary.write)


def _write_tables(data: bytes, tables: list[Any], write: Any) -> None:
    """Write ``data`` by ``write``, each NUL byte in it replaced by the text of the next of ``tables``
    (:class:`~planner.analysis.json_table.JsonTable`, written in pieces by its ``write_json``)."""
    with memoryview(data) as view:
        at = 0
        for table in tables:
            end = data.index(b"\0", at)
            write(view[at:end])
            table.write_json(write)
            at = end + 1
        write(view[at:])


def _plain(value: Any) -> Any:
    """numpy numbers and arrays, findings and tables for the standard encoder (orjson writes numpy and findings
    itself: a :class:`~planner.analysis.findings.Finding` is a dataclass, written as its ``to_dict``)."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "to_list"):
        return value.to_list()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    if hasattr(value, "to_list"):  # a JsonTable
        return _finite(value.to_list())
    return value


def findings_text(findings: list[Finding], out: TextIO) -> None:
    """The findings, one a line (``  ERROR   [cycle] ...``), or a line saying there are none."""
    if not findings:
        out.write("No findings: the plan is consistent.\n")
        return
    labels = {"error": "ERROR", "warning": "warning", "info": "info"}
    for f in findings:
        out.write(f"  {labels[str(f.severity)]:<7} [{f.code}] {f.message}\n")


def wanted_decision_ids(plan: Plan, path: str, wanted: list[str], option: str) -> list[str]:
    """The decision ids an option names (``--explain``, ``--select``), each once, in the order given; an id the
    plan does not have is a usage error naming the file, the option and the closest ids."""
    if not wanted:
        return []  # (a set of 100k ids is 10 ms for nothing)
    import difflib

    known = {d.id for d in plan.decisions}
    out: list[str] = []
    for did in wanted:
        if did not in known:
            # the same id in other capitals first (ids are ASCII), then ids alike in spelling
            same = [k for k in sorted(known) if k.lower() == did.lower()]
            close = same or difflib.get_close_matches(did, sorted(known), n=3)
            raise CliError(
                f"{path}: {option} {units.quoted(did)}: no decision has this id"
                + (f"; did you mean {' or '.join(units.quoted(c) for c in close)}?" if close else "")
                + " (`planner analyze FILE --format json` lists every id)"
            )
        if did not in out:
            out.append(did)
    return out
