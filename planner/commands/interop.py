"""``planner import FILE -o OUT.plan.json [--format mspdi|mpx|gan|csv|xlsx|xls|ods|xer|p6xml|mpxj|trello|jiraxml]`` and the data side of ``planner
export`` (``-o OUT.xml|.mpx|.gan|.csv|.xlsx|.tjp|.mmd|.dot|.xer|.ics``).

Exit codes as everywhere: 0 written, 1 the plan has validation errors (export: the findings are printed; a plan
with errors is still imported and written, so the user can fix it in the app, and the command says so), 2 the input
cannot be read or the command is misused (one clear line).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "import"
HELP = (
    "import MS Project (XML, MPX), Primavera P6 (XER, XML), GanttProject, CSV, Excel, LibreOffice Calc, a Trello "
    "board (JSON) or Jira issues (XML) as a plan (and say what could not be carried)"
)
DESCRIPTION = (
    "Read a project from another tool and write it as a plan file. The format follows the suffix (.xml is MS "
    "Project XML, also written by ProjectLibre and GanttProject, or Primavera P6 XML when its root element is "
    "APIBusinessObjects, or Jira issues when Jira's XML export wrote it; .mpx is MS Project's exchange format MPX 4.0, as MS Project 98 and MPXJ-based tools write "
    "it, in English or German; .xer is Primavera P6 XER; .gan; .csv; .xlsx; .xls, Excel 97-2003; .ods, LibreOffice Calc; .json, a Trello board's JSON export) unless --format says "
    "otherwise. A P6 file "
    "with several projects imports the one exported from P6 (the others are there for its relationships; the "
    "first when the file does not say) unless --project names one. With the optional MPXJ bridge (the mpxj "
    "and jpype1 packages in the planner's Python, and Java), .mpp, .pod and other binary project files are read "
    "through MPXJ (--format mpxj for any other suffix). Summary tasks (P6: WBS elements) become "
    "structure: their leaves become decisions and links to a summary are re-attached through "
    "start/finish milestones tagged 'import-helper'. The import report lists everything that could not be carried."
)
DATA_SUFFIXES = (".xml", ".mpx", ".gan", ".csv", ".xlsx", ".tjp", ".mmd", ".dot", ".xer", ".ics")


# planner.io.IMPORT_FORMATS, written out so that building the command line does not import the readers (every
# command builds it); tests/test_s19_lead_import_formats.py holds the two together.
FORMAT_CHOICES = (
    "mspdi",
    "mpx",
    "gan",
    "csv",
    "xlsx",
    "xls",
    "ods",
    "xer",
    "p6xml",
    "mpxj",
    "trello",
    "jiraxml",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        help="file to import (.xml, .mpx, .xer, .gan, .csv, .xlsx, .xls, .ods, a Trello board's .json, Jira's .xml)",
    )
    parser.add_argument("-o", "--output", required=True, help="plan file to write (*.plan.json)")
    parser.add_argument(
        "--format",
        choices=FORMAT_CHOICES,
        help="the input's format (default: from its suffix)",
    )
    parser.add_argument(
        "--project",
        metavar="ID",
        help=(
            "Primavera P6: the project to import from a file that holds several (its Project ID; default: the one "
            "exported from P6, else the first)"
        ),
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    parser.add_argument(
        "--report",
        choices=("text", "json"),
        default="text",
        help="how to print the import report on stderr (default text; json: one JSON object, with the file "
        "written as 'output' and the imported plan's validation errors counted as 'errors')",
    )


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import EXIT_OK, CliError, check_plan_suffix, count, output_path
    from planner.io import InteropError, import_file
    from planner.model import save_plan

    out = output_path(args.output, "imported.plan.json", inputs=(args.file,))
    check_plan_suffix(out)
    if out.exists() and not args.force:
        raise CliError(f"{out}: already exists; choose another name or pass --force to overwrite it")
    try:
        plan, report = import_file(args.file, args.format, project=getattr(args, "project", None))
    except InteropError as exc:
        raise CliError(str(exc)) from None
    try:
        save_plan(plan, out)
    except OSError as exc:
        raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
    from planner.analysis import has_errors, validate

    errors = [f for f in validate(plan, scheduled=False) if str(f.severity) == "error"]
    if args.report == "json":
        # one JSON document on stderr, for a program to read: the file written and its errors go in it, not after it
        document = {**report.to_dict(), "output": str(out), "errors": len(errors)}
        sys.stderr.write(json.dumps(document, indent=2) + "\n")
        return EXIT_OK
    sys.stderr.write(report.text())
    sys.stderr.write(f"Wrote {out}.\n")
    if has_errors(errors):
        sys.stderr.write(
            f"The imported plan has {count(len(errors), 'error')} to fix (run `planner check {out}`).\n"
        )
    return EXIT_OK


def export_data(args: argparse.Namespace, out: Path) -> int:
    """``planner export PLAN -o OUT.<data suffix>``: write the plan in another tool's format."""
    from planner.commands.common import EXIT_OK, CliError, count, load
    from planner.io import EXPORT_NAMES, EXPORT_SUFFIXES, InteropError, export_file, export_notes

    if (
        getattr(args, "gated", False)
        or getattr(args, "dependencies", False)
        or getattr(args, "baseline", None)
        or getattr(args, "size", None)
        or getattr(args, "chart", "gantt") != "gantt"
        or getattr(args, "dpi", 150) != 150
    ):
        raise CliError(
            "--chart, --gated, --dependencies, --baseline, --size and --dpi apply to chart exports (.png, .svg, "
            ".pdf); the data formats write the whole plan"
        )
    if getattr(args, "bom", False) and out.suffix.lower() != ".csv":
        raise CliError("--bom applies to .csv exports only")
    if getattr(args, "estimate", "likely") != "likely":
        raise CliError(
            f"--estimate {args.estimate}: the data formats schedule the likely estimate (MS Project and "
            "GanttProject also carry all three in custom fields, CSV and Excel in their own columns; TaskJuggler, "
            "Mermaid and DOT only the likely one); --estimate applies to chart exports"
        )
    plan = load(args.file, getattr(args, "scenario", None), getattr(args, "status_date", None))
    from planner.commands.common import EXIT_INVALID
    from planner.io import export_blocker

    blocker = export_blocker(plan, EXPORT_SUFFIXES.get(out.suffix.lower(), ""))
    if blocker is not None:  # the problem, then what to do (issue 11: dates past the calendar; a cycle)
        problem, todo = blocker.split("\n", 1)
        sys.stderr.write(f"{args.file}: not exported: {problem}\n  {todo}\n")
        return EXIT_INVALID
    try:
        fmt = export_file(plan, out, bom=getattr(args, "bom", False))
    except InteropError as exc:
        raise CliError(str(exc)) from None
    sys.stderr.write(
        f"Wrote {out} ({EXPORT_NAMES[EXPORT_SUFFIXES[out.suffix.lower()]]}, "
        f"{count(len(plan.decisions), 'decision')}, "
        f"{count(len(plan.dependencies), 'dependency', 'dependencies')}).\n"
    )
    notes = export_notes(plan, fmt)  # what the other tool will not see, as the import reports it
    if notes:
        sys.stderr.write(f"{count(len(notes), 'item')} not carried or carried approximately:\n")
        sys.stderr.write("".join(f"  - {line}\n" for line in notes))
    return EXIT_OK
