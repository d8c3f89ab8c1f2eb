"""The command line (SPEC §4): declares the commands and their arguments, and dispatches. Exit codes: 0 success,
1 validation errors, 2 unreadable input or misuse. The core commands run in :mod:`planner.commands.core`, the
others in their own modules of :mod:`planner.commands`, all on :mod:`planner.commands.common`.

No traceback ever reaches the user: expected problems become one clear message on stderr, and anything
unexpected is reported as an internal error with a hint to file a bug (exit code 2).
"""

from __future__ import annotations

import argparse
import errno
import gc
import importlib
import io
import os
import re
import signal
import sys
import warnings
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO, cast

# The helpers every command shares live in planner.commands.common (the commands import them from there, never
# from here, so the command line has no import cycle); the names stay importable from planner.cli.
from planner.commands.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    PLAN_FILE_HELP,
    STDIN,
    CliError,
    add_estimate_argument,
    add_format_arguments,
    add_scenario_argument,
    add_status_date_argument,
    cut_code,
    dump_json,
    fmt_weeks,
    fmt_when,
    holding_kept,
    load,
    release_kept,
    sample_plan_path,
    seconds,
)
from planner.commands.core import (
    analysis_text,
    cmd_analyze,
    cmd_check,
    cmd_new,
    cmd_open,
    cmd_templates,
)
from planner.startup import prepare_environment
from planner.units import control_escape

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "CliError",
    "add_scenario_argument",
    "analysis_text",
    "build_parser",
    "dump_json",
    "fmt_weeks",
    "fmt_when",
    "load",
    "main",
    "sample_plan_path",
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser, every command declared (``planner --help`` lists them)."""
    parser, sub = _top_parser()
    for declare in _CORE.values():
        declare(sub)
    import pkgutil  # (here: check, analyze and simulate, declared alone, need not import it; issue 12)

    import planner.commands as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name not in commands.NOT_COMMANDS:
            _declare_plugin(sub, importlib.import_module(f"planner.commands.{info.name}"))
    return parser


def _parser_for(argv: list[str]) -> argparse.ArgumentParser:
    """The parser :func:`_main` reads ``argv`` with: for check, analyze and simulate (:data:`_LOAD_FIRST`), which
    scripts, hooks and CI jobs run again and again, one that declares that command alone -- to the command the same
    parser: its arguments, usage, help and messages --, else :func:`build_parser`'s. Declaring every command's
    arguments, and importing the other commands' modules to do it, was ~8 ms of each of their runs (issue 12)."""
    command = argv[0] if argv else None
    if command not in _LOAD_FIRST:
        return build_parser()
    parser, sub = _top_parser()
    if command in _CORE:
        _CORE[command](sub)
    else:
        _declare_plugin(sub, importlib.import_module(f"planner.commands.{command}"))
    return parser


_Commands = argparse._SubParsersAction  # (argparse names no public type for it)


def _top_parser() -> tuple[argparse.ArgumentParser, _Commands]:
    """``planner`` itself, and its commands' declarations (none yet)."""
    parser = _Parser(
        prog="planner",
        description="Scaling Roadmap Planner: plan how an AI initiative goes from pilot to enterprise scale.",
        epilog="Run `planner` with no command to open the desktop app on the bundled sample plan. Exit codes: 0 "
        "success, 1 the plan has validation errors (or cannot be scheduled), 2 the input cannot be read or the "
        "command is misused. `planner COMMAND --help` describes each command.",
    )
    from planner import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser, parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)


def _declare_plugin(sub: _Commands, mod: Any) -> None:
    """A command of its own module of :mod:`planner.commands` (``NAME``, ``HELP``, ``add_arguments``, ``run``)."""
    p = sub.add_parser(mod.NAME, help=mod.HELP, description=getattr(mod, "DESCRIPTION", mod.HELP))
    mod.add_arguments(p)
    p.set_defaults(func=mod.run)


def _declare_open(sub: _Commands) -> None:
    p = sub.add_parser(
        "open",
        help="open the desktop app (the bundled sample plan when no file is given)",
        description="Open the desktop app on FILE, or on an untitled copy of the bundled sample plan when no file "
        "is given (Save asks where to keep it). `planner FILE` is the same as `planner open FILE`.",
    )
    p.add_argument("file", nargs="?", help=PLAN_FILE_HELP + " (a new, unsaved plan)")
    p.add_argument(
        "--present",
        action="store_true",
        help="start in presentation mode, full screen, on the workshop deck's overview (Esc leaves it)",
    )
    add_scenario_argument(p)  # shown first: a workshop that starts on the option being discussed
    p.set_defaults(func=cmd_open)


def _declare_check(sub: _Commands) -> None:
    p = sub.add_parser(
        "check",
        help="validate a plan and list every finding: validation's, over-capacity and late work at the status date",
        description="Validate each plan and list every finding, as analyze, the app and the report list them: "
        "validation's, over-capacity and late work at the status date. Exit code 0 when no plan has errors, 1 when "
        "one has (or, with --strict, warnings), 2 when a file cannot be read or an option is wrong.",
    )
    p.add_argument(
        "file",
        nargs="+",
        help="plan file (*.plan.json); several are checked in turn (the worst exit code wins); - reads one from "
        "standard input",
    )
    add_format_arguments(p)
    add_scenario_argument(p)  # the findings analyze --scenario / --status-date lists, as it lists them
    add_status_date_argument(p)
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 on warnings too, not only on errors (a pre-commit hook or CI job that keeps plans clean)",
    )
    p.set_defaults(func=cmd_check)


def _declare_analyze(sub: _Commands) -> None:
    p = sub.add_parser(
        "analyze",
        help="compute the schedule: critical path, float, stages, gating price",
        description="Compute the schedule and print it: the finish under rolling stages and strict gates, the "
        "price of strict gates, the critical path, each stage's windows and gate, team load and cost when the plan "
        "has teams and costs, every decision's start, finish and float, and the findings. Exit code 1 when the plan has "
        "validation errors.",
    )
    p.add_argument("file", help=PLAN_FILE_HELP)
    add_format_arguments(p)
    add_estimate_argument(p)
    p.add_argument(
        "--level",
        action="store_true",
        help="also level the schedule to team capacity: work waits for its team, work in progress is never paused "
        "(with or without a status date)",
    )
    p.add_argument(
        "--level-method",
        choices=("heuristic", "exact", "classic"),
        help="how to level (implies --level): heuristic (default; close to optimal, fast), exact (proved optimum "
        "by the optional CP-SAT solver: pip install -e '.[exact]'), classic (the first rule: least float first)",
    )
    p.add_argument(
        "--level-time-limit",
        type=seconds,
        default=None,  # None: not given (10 s), so that a limit given without --level-method exact is said
        metavar="SECONDS",
        help="time limit of --level-method exact (default 10); past it the result says the gap to the optimum",
    )
    add_scenario_argument(p)
    add_status_date_argument(p)
    p.add_argument(
        "--baseline",
        metavar="NAME",
        help="compare with this baseline ('latest' for the newest): the finish and each stage's window end and "
        "gate against it in the text, and each decision's and stage's slip in the JSON",
    )
    p.add_argument(
        "--explain",
        action="append",
        metavar="ID",
        help="also say why this decision starts when it does and why it is or is not critical, with the chain "
        "that drives it (repeatable; as the app's inspector and presenter bar say it)",
    )
    p.set_defaults(func=cmd_analyze)


def _declare_new(sub: _Commands) -> None:
    p = sub.add_parser(
        "new",
        help="start a plan from a template",
        description="Start a plan from a bundled template (`planner templates` lists them): written to -o, or "
        "printed on stdout without it.",
    )
    p.add_argument(
        "template_name",
        nargs="?",
        metavar="TEMPLATE",
        help="template name, as --template (`planner new blank -o plan.json`)",
    )
    p.add_argument(
        "--template", default=None, help="template name (see `planner templates`; default ai-scaling)"
    )
    p.add_argument("-o", "--output", help="file to write (without -o, or with -o -: print to stdout)")
    p.add_argument("--title", help="title of the new plan")
    p.add_argument(
        "--start-date",
        metavar="YYYY-MM-DD",
        help="the plan's start date, so every output shows calendar dates beside the weeks (default: the "
        "template's, usually none: weeks only)",
    )
    p.add_argument(
        "--currency", metavar="CODE", help="the plan's currency, a three-letter ISO 4217 code such as EUR"
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_new)


def _declare_templates(sub: _Commands) -> None:
    p = sub.add_parser(
        "templates",
        help="list the bundled templates",
        description="List the bundled templates `planner new` starts from, each with its summary.",
    )
    p.set_defaults(func=cmd_templates)


_CORE = {
    "open": _declare_open,
    "check": _declare_check,
    "analyze": _declare_analyze,
    "new": _declare_new,
    "templates": _declare_templates,
}
"""The core commands (run by :mod:`planner.commands.core`), in the order ``planner --help`` lists them, each with the
function that declares it."""


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    """The subcommand names registered on ``parser`` (argparse has no public accessor)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _unknown_command(word: str, commands: set[str]) -> str | None:
    """What to say when ``word`` (the first argument, which is no command) looks like a mistyped command rather
    than a plan file for `planner FILE`: no such file, no suffix or folder in it. None when it may be a file.

    >>> _unknown_command("analyse", {"analyze", "check"})
    "unknown command 'analyse'; did you mean 'analyze'? (`planner --help` lists the commands; `planner FILE` opens a plan file in the app)"
    >>> _unknown_command("plan.plan.json", {"analyze"}) is None
    True
    """
    import difflib

    if word == STDIN or os.path.exists(word) or "." in word or "/" in word or os.sep in word:
        return None  # `planner -`: the plan from standard input
    close = difflib.get_close_matches(word, sorted(commands), n=1)
    return (
        f"unknown command '{word}'"
        + (f"; did you mean '{close[0]}'?" if close else "")
        + " (`planner --help` lists the commands; `planner FILE` opens a plan file in the app)"
    )


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Terminal:
    """A terminal stream that shows control characters instead of sending them: a plan's title or a decision's
    name with ``ESC ] 0 ;`` (set the window title), ``ESC [ 2 J`` (clear the screen) or a carriage return
    (overwrite the line) would otherwise act on the user's terminal when `planner check` prints it. Each becomes
    its escape (``\x1b``, :func:`planner.units.control_escape`); newlines and tabs pass. A name never holds one
    in text: the commands write names by :func:`planner.units.one_line`, on a terminal or not."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(_CONTROL.sub(lambda m: control_escape(m.group()), text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _replace_unencodable(*streams: TextIO) -> None:
    """On a stream whose encoding cannot write every character (an ASCII or Latin-1 console, PYTHONIOENCODING=ascii),
    a character it lacks -- a curly quote, a dash, a title in another script -- is written as '?' instead of
    stopping the command with an internal error (UnicodeEncodeError) half-way through its output."""
    import codecs

    for stream in streams:
        try:
            if codecs.lookup(stream.encoding or "utf-8").name != "utf-8":
                stream.reconfigure(errors="replace")  # type: ignore[attr-defined]
        except (AttributeError, LookupError, ValueError, io.UnsupportedOperation):
            pass  # a replaced stream (tests, a caller's StringIO) is left as it is


def _for_terminal(stream: TextIO) -> TextIO:
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return stream
    return cast(TextIO, _Terminal(stream)) if tty else stream


def _dash_values(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``--status-date -inf``, ``--size -5x5``, ``-o -chart.png``: argparse takes a value that starts with ``-``
    (and is not a plain negative number) for an option of its own and says only "expected one argument". A value
    after an option that takes one, and that is no option of the command, is passed as ``--option=value``, so the
    command can say what is wrong with it (or use it)."""
    command = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    sub = command.choices.get(argv[0]) if command is not None and argv else None
    if sub is None:
        return argv
    known = {s for a in sub._actions for s in a.option_strings}
    takes = {s for a in sub._actions if a.option_strings and a.nargs is None for s in a.option_strings}
    out: list[str] = []
    k = 0
    while k < len(argv):
        token = argv[k]
        if token == "--":
            out.extend(argv[k:])
            break
        following = argv[k + 1] if k + 1 < len(argv) else ""
        if (
            token in takes
            and following.startswith("-")
            and following != "-"
            and following.split("=", 1)[0] not in known
        ):
            out.append(f"{token}={following}")
            k += 2
            continue
        out.append(token)
        k += 1
    return out


EXIT_TERMINATED = 128 + signal.SIGTERM
"""The exit code of a command stopped by SIGTERM (``kill``, a CI job's timeout, a system shutting down), as a shell
gives a process the signal ended."""


class Terminated(BaseException):
    """SIGTERM, raised where the command is: it unwinds as Ctrl+C does, so a file being written is left as it was
    and its temporary file removed (the atomic write's cleanup), where the signal's default ended the process at
    once and left the temporary file behind until the next write."""


def _terminated(_signum: int, _frame: object) -> None:
    raise Terminated


def _stop_on_terminate() -> Any:
    """SIGTERM raises :class:`Terminated` in the main thread (where a command runs) while the command runs; a
    handler the caller set stays. The handler to put back after the command, None when this one was not set."""
    try:
        if signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
            return None
        return signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread: the default stays
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` (default: this process's command line, as the ``planner`` script and ``python -m
    planner`` run it) and return its exit code."""
    in_process = argv is not None  # called with arguments: the tests, a script
    argv = list(sys.argv[1:] if argv is None else argv)
    _stand_in_for_closed_streams()
    if argv == ["--version"]:  # answered before the command plugins (numpy, pydantic...) are imported
        from planner import __version__

        try:
            sys.stdout.write(f"planner {__version__}\n")
        except OSError as exc:
            sys.stderr.write(f"planner: cannot write the output: {exc.strerror or exc}\n")
            return EXIT_USAGE
        return EXIT_OK
    # One OpenBLAS thread, and a matplotlib folder that can be written (planner.startup), before numpy or
    # matplotlib is imported. The user's own settings win.
    prepare_environment()
    # The cyclic GC is off while the command starts: importing pydantic, the plan model, numpy and the analysis
    # makes ~50k long-lived objects and no garbage, and the ~70 collections those allocations set off walked them
    # again and again (issue 12: check and analyze 5-8 ms sooner at 10k decisions). A command that reads a plan
    # turns it on again once the plan is loaded (planner.commands.common.load); any other command before it runs.
    gc_enabled = gc.isenabled()
    gc.disable()
    try:
        code = _main(argv, in_process)
    finally:
        # Run in-process (the tests, a script calling main), the caller gets its GC back as it was.
        if gc_enabled:
            gc.enable()
        else:
            gc.disable()
        # A reading command holds its plan and analysis to its end (keep_to_the_end): run in-process, they go now
        ending = not in_process and holding_kept()
        if not ending:
            release_kept()
    if ending:
        _end_now(code)
    return code


class _ClosedOutput(io.TextIOBase):
    """Standard output of a process started with it closed (``planner analyze FILE >&-``), where Python gives None
    and the first write stopped the command with an internal error: writing fails as on a full disk, with the
    reason, and the command says it cannot write its output (exit code 2), as other command-line tools do."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _stand_in_for_closed_streams() -> None:
    """A process started with stdout or stderr closed has None there: stdout fails each write with its reason
    (:class:`_ClosedOutput`), stderr, with nowhere to say anything, writes to the null device."""
    if sys.stdout is None:
        sys.stdout = cast(TextIO, _ClosedOutput())
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 -- for the process's life


def _end_now(code: int) -> None:
    """End the process with ``code`` at once, once stdout and stderr have written what they hold: the system takes
    back the memory of a big plan's objects whole, where Python's exit freed them one by one (issue 12). Should a
    stream fail to write, the usual exit says why (as it always did); and under a profiler or a tracer (``python -m
    cProfile``, coverage), which write their results as Python exits, Python exits as usual."""
    if _observed():
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _observed() -> bool:
    """True under a profiler, a tracer or a coverage tool: the old hooks (``sys.setprofile``/``settrace``) or, from
    Python 3.12, a tool registered with ``sys.monitoring`` (how cProfile and coverage run there)."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is None:
        return False
    return any(monitoring.get_tool(tool) is not None for tool in range(6))  # the tool ids Python names


_LOAD_FIRST = frozenset({"check", "analyze", "simulate"})
"""Commands whose first work is loading the plan (:func:`planner.commands.common.load`), which turns the cyclic GC
back on: until then they only import."""


def _main(argv: list[str], in_process: bool = True) -> int:
    cut_code(reset=True)  # a new command (run in-process, main may run several)
    parser = _parser_for(argv)
    # `planner FILE` is `planner open FILE` (and `planner --present` presents the sample).
    opening = argv and argv[0].split("=", 1)[0] in ("--present", "--scenario")
    if (
        not argv
        or opening
        or (argv[0] not in _command_names(parser) and (not argv[0].startswith("-") or argv[0] == STDIN))
    ):
        mistyped = _unknown_command(argv[0], _command_names(parser)) if argv and not opening else None
        if mistyped is not None:
            sys.stderr.write(f"planner: {mistyped}\n")
            return EXIT_USAGE
        argv = ["open", *argv]
    args, extra = parser.parse_known_args(_dash_values(parser, argv))
    if (
        extra
    ):  # said by the command's own parser, so its usage line is the one shown (not `planner COMMAND ...`)
        command = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        command.choices.get(args.command, parser).error(f"unrecognized arguments: {' '.join(extra)}")
    gc_threshold = gc.get_threshold()
    if args.command not in _LOAD_FIRST:
        gc.enable()
    # (the app has its own ending: crash recovery keeps its edits)
    on_terminate = _stop_on_terminate() if args.command != "open" else None
    streams = sys.stdout, sys.stderr
    _replace_unencodable(sys.stdout, sys.stderr)
    sys.stdout, sys.stderr = _for_terminal(sys.stdout), _for_terminal(sys.stderr)
    try:
        with warnings.catch_warnings():
            # numpy's floating-point warnings name source files; a figure they concern is checked, not shown.
            warnings.simplefilter("ignore", RuntimeWarning)
            # A character no chart font has (a control character in a title) is drawn as a box; matplotlib's
            # warning about it names its own source file and tells the user nothing.
            warnings.filterwarnings("ignore", message=r"(?s)Glyph \d+ .*missing from", category=UserWarning)
            # A damaged spreadsheet makes its reader warn ('File contains an invalid specification for 0. This
            # will be removed', naming openpyxl's source file) before the import says, in its own words, what it
            # could not read: the reader's warning tells the user nothing more.
            warnings.filterwarnings("ignore", category=UserWarning, module=r"(openpyxl|xlrd)(\.|$)")
            code = int(args.func(args))
            sys.stdout.flush()  # a full disk or a closed pipe is told here, not at exit
            return code
    except CliError as exc:
        sys.stderr.write(f"planner: {exc}\n")
        return EXIT_USAGE
    except Terminated:
        sys.stderr.write("planner: terminated\n")
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        sys.stderr.write("planner: interrupted\n")
        return 130
    except BrokenPipeError:  # the reader stopped early (`| head`): the code the command had decided on
        return cut_code()
    except MemoryError:
        sys.stderr.write(
            "planner: out of memory: the plan or the options ask for more than this computer has; try fewer "
            "--iterations, a smaller --size or --dpi, or a smaller plan\n"
        )
        return EXIT_USAGE
    except OSError as exc:
        if exc.filename is None and exc.errno in _OUTPUT_ERRORS:  # stdout on a full disk (> /dev/full)
            _drop_unwritten_output()
            sys.stderr.write(f"planner: cannot write the output: {exc.strerror or exc}\n")
            return EXIT_USAGE
        if exc.filename is None:  # not about a file the user named: a bug to report
            return _internal_error(exc)
        # a file or folder the system refused (too long a name, a full disk, no permission): the user can act
        sys.stderr.write(f"planner: {exc.filename}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - last line of defence: never show a traceback
        return _internal_error(exc)
    finally:
        # Run in-process (the tests, a script calling main): the caller's handler back.
        if on_terminate is not None:
            signal.signal(signal.SIGTERM, on_terminate)
        sys.stdout, sys.stderr = streams
        gc.set_threshold(*gc_threshold)  # (commands.common.load raises it)
        # A reading command takes its loaded plan and what it keeps out of the cyclic GC (commands.common.load and
        # kept). Run in-process, the caller gets them back. As this process's command line, the process ends here:
        # given back, they would only be walked by the collection Python makes at exit (issue 12: 20 ms at 100k
        # decisions); frozen, they are still freed. (The app releases what it froze itself, and gets it back here
        # all the same, so its objects are finalized at exit as they always were.)
        if in_process or args.command not in _LOAD_FIRST:
            gc.unfreeze()


_OUTPUT_ERRORS = {
    errno.ENOSPC,
    errno.EIO,
    errno.EFBIG,
    getattr(errno, "EDQUOT", errno.ENOSPC),
    errno.EBADF,  # stdout closed (_ClosedOutput)
}


def _drop_unwritten_output() -> None:
    """Forget what stdout could not write, so that Python's flush at exit does not fail again with a traceback
    ("Exception ignored ... OSError"): the command already said why."""
    for stream in (sys.stdout, sys.__stdout__):
        buffer = getattr(stream, "buffer", None)
        raw = getattr(buffer, "raw", None)
        if raw is None:
            continue
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, raw.fileno())
            os.close(devnull)
        except (OSError, ValueError, io.UnsupportedOperation):
            pass


def _internal_error(exc: BaseException) -> int:
    sys.stderr.write(
        f"planner: internal error: {type(exc).__name__}: {exc}\n"
        "  This is a bug in the planner; please report it with the plan file that caused it.\n"
    )
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
