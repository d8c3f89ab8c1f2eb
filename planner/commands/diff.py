"""``planner diff A.plan.json B.plan.json [--format text|json]``: what changed between two plan files and what it
did to the figures (issue 13). The figures are the same comparison as ``planner compare`` (A is the reference).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from planner.commands.common import MAX_ITERATIONS_EACH, whole_number, wrap

NAME = "diff"
HELP = "compare two plan files: decisions and links added, removed or edited, and the effect on the figures"
DESCRIPTION = (
    "Compare plan B against plan A: decisions added, removed and edited field by field, links, teams, risks and "
    "stages, then what it did to the finish, the gated finish, P50/P80 (common random numbers), the critical "
    "path, the stage gates and the team peak load. Exit 0 also when the plans differ; 1 when either "
    "cannot be scheduled (its errors are listed)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "a",
        metavar="A.plan.json",
        help="the plan compared against (the reference); - reads it from standard input (`git show HEAD~1:PATH`)",
    )
    parser.add_argument("b", metavar="B.plan.json", help="the changed plan; - reads it from standard input")
    parser.add_argument(
        "--iterations",
        "-n",
        type=whole_number,
        default=5_000,
        metavar="N",
        help=f"Monte Carlo iterations per plan, at most {MAX_ITERATIONS_EACH:,} (default 5000; 0 skips P50/P80)",
    )
    parser.add_argument("--seed", type=whole_number, default=0, metavar="S", help="random seed (default 0)")
    from planner.commands.common import add_format_arguments

    add_format_arguments(parser)


def changes_text(d: Any) -> str:
    """``planner diff``'s list of changes (:meth:`planner.model.diff.PlanDiff.changes`), each wrapped to 80
    columns under its sign (a long title or note no longer runs off the terminal)."""
    if d.empty:
        return "No changes: both plans hold the same decisions, links, teams and settings.\n"
    return "".join(
        f"{x}\n" for sign, text in d.changes() for x in wrap(text, f"  {sign} " if sign else "  ", "      ")
    )


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import EXIT_INVALID, EXIT_OK, CliError, check_iterations, dump_json, load

    check_iterations(args.iterations, 0, MAX_ITERATIONS_EACH)
    if args.seed < 0:
        raise CliError(f"--seed {args.seed}: the seed must be 0 or more")
    a, b = load(args.a), load(args.b)
    from planner.commands.common import check_simulation_size

    check_simulation_size(args.iterations, max(len(a.decisions), len(b.decisions)), 2)

    from planner.analysis.compare import compare_plans
    from planner.commands.compare import comparison_text
    from planner.model.diff import diff_plans

    changes = diff_plans(a, b)
    label_a, label_b = Path(args.a).name, Path(args.b).name
    if label_a == label_b:
        label_a, label_b = args.a, args.b
    shown_a, shown_b = args.a, args.b
    if args.format != "json":  # '-' read as a column's name and as the tables' "no figure"
        from planner.commands.common import STDIN, STDIN_NAME

        label_a, label_b, shown_a, shown_b = (
            STDIN_NAME if x == STDIN else x for x in (label_a, label_b, shown_a, shown_b)
        )
    if (
        args.format != "json"
    ):  # a name stays on its line (JSON keeps it as the file has it); the changes above
        from planner.model.names import one_line_names  # are of the files as they are, their values quoted

        a, b = one_line_names(a), one_line_names(b)
    comparison = compare_plans([(label_a, a), (label_b, b)], args.iterations, args.seed, title=b.title)
    if args.format == "json":
        out = {"a": args.a, "b": args.b, "changes": changes.to_dict(), "comparison": comparison.to_dict()}
        dump_json(out, sys.stdout, args.indent or None)
    else:
        sys.stdout.write(f"Changes from {shown_a} to {shown_b}\n")
        sys.stdout.write(changes_text(changes))
        sys.stdout.write("\n")
        sys.stdout.write(comparison_text(comparison))
    return EXIT_OK if all(x.ok for x in comparison.items) else EXIT_INVALID
