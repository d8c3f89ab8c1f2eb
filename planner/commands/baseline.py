"""``planner baseline FILE [NAME | --name NAME] [--format text|json]``: keep the plan's current schedule as a named
baseline in the plan file (what Plan > Save Baseline does in the app), or list the baselines it has.

The baseline is the schedule ``planner analyze`` shows (progress and the status date included), taken with
:func:`planner.analysis.baselines.make_baseline` as the app takes it: each decision's start and finish, the finish and
each stage's gate. A baseline of the same name is replaced. The file is written atomically (a temporary file in the
same folder, then a rename), so an interrupted run leaves it as it was.

Exit codes as everywhere: 0 done, 1 the plan has validation errors (no schedule to keep; nothing written), 2 the
plan cannot be read or the command is misused.
"""

from __future__ import annotations

import argparse
import sys

NAME = "baseline"
HELP = "keep the current schedule as a named baseline in the plan file (or list the baselines it has)"
DESCRIPTION = (
    "With a NAME (or --name NAME), keep the schedule planner analyze shows (progress and the status date included) as a baseline "
    "of that name in the plan file, replacing one of the same name; analyze --baseline, the report's variance and "
    "the late-work findings then measure against it. Without a name, list the plan's baselines in the order they "
    "were added ('latest' names the last)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="plan file (*.plan.json), written in place when a name is given")
    parser.add_argument(
        "name_given",
        nargs="?",
        metavar="NAME",
        help="the baseline's name, as --name (`planner baseline plan.json 'Approved 26 Feb'`)",
    )
    parser.add_argument(
        "--name", help="the baseline's name, e.g. 'Approved 26 Feb' (a name it has is replaced)"
    )
    from planner.commands.common import add_format_arguments

    add_format_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import (
        EXIT_INVALID,
        EXIT_OK,
        STDIN,
        STDIN_NAME,
        CliError,
        count,
        dump_json,
        elide,
        fmt_when,
        load,
        text_option,
    )
    from planner.units import axis_date, format_date, format_when, iso_date, one_line, quoted

    given = getattr(args, "name_given", None)
    if given is not None and args.name is not None and given != args.name:
        raise CliError(f"two baseline names: {quoted(given)} and --name {quoted(args.name)}; give one")
    if given is not None:
        args.name = given
    if args.name is not None and args.file == STDIN:
        raise CliError(
            f"-: a baseline is kept in the plan file, and {STDIN_NAME} is not one; give the plan file's path"
        )
    plan = load(args.file)
    if args.name is None:
        # the ISO date beside the week (SPEC §3.3a); none for a finish past 31 Dec 9999 (a plan check refuses,
        # whose baselines are still listed: H-unseen25)
        dates = [axis_date(plan.start_date, b.finish) for b in plan.baselines]
        rows = [
            {
                "name": b.name,
                "created": b.created.isoformat() if b.created else None,
                "finish": b.finish,
                "finish_date": date.isoformat() if date is not None else None,
                "decisions": len(b.decisions),
            }
            for b, date in zip(plan.baselines, dates, strict=True)
        ]
        if args.format == "json":
            dump_json({"file": args.file, "baselines": rows}, sys.stdout, args.indent or None)
        elif not rows:
            sys.stdout.write(
                f"{args.file}: no baselines; `planner baseline {'FILE' if args.file == STDIN else args.file} --name "
                "NAME` keeps the current schedule\n"
            )
        else:
            for b, date in zip(plan.baselines, dates, strict=True):
                created = (
                    f", taken {format_date(b.created.date())} {b.created:%H:%M} UTC" if b.created else ""
                )
                when = format_when(plan.start_date if date is not None else None, b.finish)
                sys.stdout.write(
                    f"{one_line(b.name)}: finish {when}, {count(len(b.decisions), 'decision')}{created}\n"
                )
        return EXIT_OK

    name = text_option("--name", args.name).strip()
    if not name:
        raise CliError("--name: the name is empty; give the baseline a name, e.g. --name 'Approved 26 Feb'")
    from pydantic import ValidationError

    from planner.analysis import analyze
    from planner.analysis.baselines import make_baseline, with_baseline
    from planner.analysis.progress import status_week
    from planner.commands.common import refuse_read_only
    from planner.model.io import save_plan

    refuse_read_only(args.file)  # the baseline is written into the plan file

    result = analyze(plan)
    if result.schedule is None:
        sys.stderr.write(
            f"planner: {args.file}: the plan has validation errors, so it has no schedule to keep; run "
            "`planner check` and fix them first (nothing was written)\n"
        )
        return EXIT_INVALID
    try:  # the name's length and characters, as the plan file takes them
        baseline = make_baseline(result.schedule, name, stages=result.stages, plan=result.plan)
    except ValidationError as exc:
        raise CliError(f"--name {quoted(elide(name, 40))}: {exc.errors()[0]['msg']}") from None
    replaced = plan.baseline(name) is not None  # as with_baseline replaces it
    try:
        kept = with_baseline(plan, baseline)
    except ValueError as exc:  # the most baselines a plan file holds
        raise CliError(f"{args.file}: {exc}; nothing was written") from None
    try:
        save_plan(kept, args.file)
    except OSError as exc:
        raise CliError(f"{args.file}: cannot write it ({exc.strerror or exc}); nothing was changed") from None
    if args.format == "json":
        dump_json(
            {
                "file": args.file,
                "baseline": name,
                "replaced": replaced,
                "finish": baseline.finish,
                "finish_date": iso_date(plan.start_date, baseline.finish),
            },
            sys.stdout,
            args.indent or None,
        )
    else:
        sys.stdout.write(
            f"{'Replaced' if replaced else 'Kept'} baseline {quoted(name)} in {args.file}: finish "
            f"{fmt_when(plan, baseline.finish)}, {count(len(baseline.decisions), 'decision')}"
            + (f", at the status date, {fmt_when(plan, at)}" if (at := status_week(plan)) is not None else "")
            + "\n"
        )
    return EXIT_OK
