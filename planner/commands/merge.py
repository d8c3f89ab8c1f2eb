"""``planner merge BASE OURS THEIRS [-o OUT] [--prefer ours|theirs]``: a three-way merge of plan files, for plans
kept in git (also as git's merge driver for ``*.plan.json``). The merge itself is
:func:`planner.model.merge.merge_plans`; this module reads the three files, writes the result and says what the
merge could not decide."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from planner.commands.common import STDIN, wrap
from planner.units import count

NAME = "merge"
HELP = "merge two edits of a plan against their common ancestor (git's merge driver for *.plan.json)"
DESCRIPTION = (
    "Three-way merge of plan files: the changes OURS and THEIRS each made to BASE, put together item by item "
    "(decisions, stages, areas, teams and risks by id, baselines and scenarios by name, links by their two ends) "
    "and field by field. A field both sides changed differently is a conflict: the --prefer side's value is kept "
    "(an item one side deleted and the other edited keeps the edit) and every conflict is listed; a link to a "
    "decision the other side deleted is left out and listed. An empty BASE (what git gives when both sides added "
    "the file) means no common ancestor: both plans are put together, and what they hold differently is listed "
    "as conflicts. The result is written to OURS unless -o says "
    "otherwise (as git's merge driver expects: git config merge.planner.driver 'planner merge %O %A %B --name %P' "
    "and "
    "'*.plan.json merge=planner' in .gitattributes). Exit 0: merged cleanly and the merged plan schedules; "
    "1: written, but with conflicts, links left out, or errors in the merged plan (listed; open it to resolve "
    "them); 2: nothing written (a file cannot be read, or the sides' changes do not make a valid plan file "
    "together)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", metavar="BASE.plan.json", help="the common ancestor of the two edits")
    parser.add_argument("ours", metavar="OURS.plan.json", help="our edit (written with the result unless -o)")
    parser.add_argument("theirs", metavar="THEIRS.plan.json", help="their edit")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.plan.json",
        help="write the merged plan here instead of into OURS; - prints it on standard output",
    )
    parser.add_argument(
        "--name",
        metavar="PATH",
        help="the plan's name in what the merge says (git's %%P: its temporary files have other names)",
    )
    parser.add_argument(
        "--prefer",
        choices=("ours", "theirs"),
        default="ours",
        help="whose value a conflict keeps (default ours)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="how to report the merge (default text; json: the conflicts, links left out and the merged plan's errors)",
    )


NO_ANCESTOR = (
    "No common ancestor (BASE is empty, as git gives when both sides added the file): both plans are put together, "
    "and what they hold differently is listed as a conflict."
)


def report_text(result: Any, errors: list[str], out: str, prefer: str, ancestor: bool = True) -> str:
    """What ``planner merge`` says (text): where the plan went, each conflict with the three values and the one
    kept, each thing left out (:meth:`planner.model.merge.MergeResult.described`), and the merged plan's errors."""
    lines = [f"Merged into {out}: no conflicts." if result.clean and not errors else f"Merged into {out}."]
    if not ancestor:
        lines.extend(wrap(NO_ANCESTOR, "", ""))
    if result.conflicts:
        n = len(result.conflicts)
        why = "both sides changed it differently" if ancestor else "the two sides hold it differently"
        lines.append(f"{count(n, 'conflict')} ({why}):")
    for sign, sentence in result.described():
        lines.extend(wrap(sentence, f"  {sign} ", "      "))
    if result.positions_both_moved:
        n = result.positions_both_moved
        lines.append(f"{count(n, 'card')} moved on the graph by both sides: {prefer}'s positions kept.")
    if errors:
        n = len(errors)
        lines.append(f"The merged plan has {count(n, 'error')} (`planner check` lists them):")
        for message in errors:
            lines.extend(wrap(message, "  ERROR ", "        "))
    return "".join(f"{x}\n" for x in lines)


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import (
        EXIT_INVALID,
        EXIT_OK,
        CliError,
        check_plan_suffix,
        dump_json,
        load,
        output_path,
    )

    target = args.output if args.output is not None else args.ours
    if target == STDIN and args.output is None:
        raise CliError("OURS is standard input; give -o OUT.plan.json (or -o - to print the merged plan)")
    if target == STDIN and args.format == "json":
        raise CliError("-o - prints the merged plan; --format json cannot go to standard output with it")
    out = None
    if target != STDIN:
        out = output_path(target, "merged.plan.json", inputs=(args.base, args.theirs))
        check_plan_suffix(out)
    ancestor = not _empty_file(args.base)
    base = load(args.base) if ancestor else None
    ours, theirs = load(args.ours), load(args.theirs)

    from planner.analysis import analyze
    from planner.model import PlanLoadError
    from planner.model.io import dump_plan, write_text_atomic
    from planner.model.merge import merge_plans

    try:
        result = merge_plans(base, ours, theirs, prefer=args.prefer)
    except PlanLoadError as exc:
        raise CliError(
            f"{exc}\n  The two sides' changes do not make a valid plan file together; nothing was written. "
            "Merge by hand, or with -o to another file after changing one side."
        ) from None
    errors = [f.message for f in analyze(result.plan).errors]
    text = dump_plan(result.plan)
    if out is None:
        sys.stdout.write(text)
    else:
        try:
            write_text_atomic(out, text)
        except OSError as exc:
            raise CliError(f"{out}: cannot write it ({exc.strerror or exc}); nothing was changed") from None
    if args.format == "json":
        dump_json(
            {
                "output": str(out),
                "common_ancestor": ancestor,
                "clean": result.clean and not errors,
                "conflicts": [c.to_dict() for c in result.conflicts],
                "left_out": result.left_out,
                "positions_both_moved": result.positions_both_moved,
                "errors": errors,
            },
            sys.stdout,
        )
    else:
        shown = args.name or (str(out) if out is not None else "standard output")
        report = report_text(result, errors, shown, args.prefer, ancestor)
        (sys.stderr if out is None else sys.stdout).write(report)
    return EXIT_OK if result.clean and not errors else EXIT_INVALID


def _empty_file(path: str) -> bool:
    """Whether ``path`` is a regular file holding nothing but white space: git's ancestor of a file both sides
    added (an unreadable or missing file is for :func:`planner.commands.common.load` to report)."""
    import os

    from planner.commands.common import STDIN

    if path == STDIN or not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(4097)
    except OSError:
        return False
    return len(head) <= 4096 and not head.strip()
