"""``planner export FILE -o OUT.png|OUT.svg|OUT.pdf --chart NAME``: one chart, headless.

Exit codes as everywhere: 0 written, 1 the plan has validation errors (the findings are printed), 2 the plan
cannot be read or the command is misused (unknown suffix or chart, bad ``--size``, unwritable output).
"""

from __future__ import annotations

import argparse
import sys

from planner.commands.common import (
    PLAN_FILE_HELP,
    add_estimate_argument,
    add_scenario_argument,
    add_status_date_argument,
    whole_number,
)
from planner.commands.interop import DATA_SUFFIXES  # no formats imported: the suffixes only
from planner.units import quoted

NAME = "export"
HELP = "export a chart (PNG, SVG, PDF) or the plan for another tool (.xml .mpx .xer .gan .csv .xlsx .tjp .mmd .dot .ics)"
DESCRIPTION = (
    "Draw one chart of the plan and write it to OUT; the format follows OUT's suffix (.png, .svg or .pdf). "
    "SVG keeps text as text and PDF embeds its fonts. The default size grows with the plan so that text stays "
    "readable. With .xml (MS Project), .mpx (MS Project 98's MPX), .xer (Primavera P6), .gan (GanttProject), .csv, .xlsx, .tjp (TaskJuggler), .mmd (Mermaid), .dot "
    "(Graphviz) or .ics (iCalendar: decisions, milestones and gates as calendar events) it writes the plan itself "
    "in that tool's format instead (README: what each format keeps)."
)
FORMATS = (".png", ".svg", ".pdf")
BUILTIN_CHARTS = (
    "gantt",
    "graph",
    "roadmap",
    "stages",
    "critical-path",
    "risk",
    "criticality",
    "tornado",
    "load",
    "spend",
    "cost",
)
"""The charts planner.charts registers, named in --help without importing matplotlib (a test keeps them equal)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=PLAN_FILE_HELP)
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help=f"file to write: a chart as .png, .svg or .pdf; the plan for another tool as {', '.join(DATA_SUFFIXES)}",
    )
    parser.add_argument(
        "--chart",
        default="gantt",
        metavar="NAME",
        help=f"which chart: {', '.join(BUILTIN_CHARTS)} (and any other registered chart); default gantt",
    )
    parser.add_argument(
        "--size", metavar="WxH", help="size in inches, e.g. 13.3x7.5 (default: grows with the plan)"
    )
    parser.add_argument(
        "--dpi",
        type=whole_number,
        default=150,
        help="resolution of PNG output, 10 to 1200 dots per inch (default 150)",
    )
    add_estimate_argument(
        parser,
        help="charts: the duration estimate the schedule uses (default likely; the data formats schedule the "
        "likely estimate)",
    )
    parser.add_argument(
        "--gated", action="store_true", help="Gantt: the gated timeline (stages as strict gates)"
    )
    parser.add_argument("--dependencies", action="store_true", help="Gantt: draw dependency links")
    parser.add_argument("--baseline", metavar="NAME", help="Gantt: show a baseline ('latest' for the newest)")
    add_scenario_argument(parser)
    add_status_date_argument(parser)
    parser.add_argument("--bom", action="store_true", help="CSV: start with a byte-order mark (for Excel)")


def parse_size(text: str) -> tuple[float, float]:
    """``"13.3x7.5"`` -> (13.3, 7.5) inches; raises ValueError with a readable message."""
    parts = text.lower().replace("\u00d7", "x").split("x")
    try:
        if len(parts) != 2:
            raise ValueError
        w, h = float(parts[0]), float(parts[1])
    except ValueError:
        raise ValueError(f"--size {quoted(text)}: give width x height in inches, e.g. 13.3x7.5") from None
    if not (1.0 <= w <= 200.0 and 1.0 <= h <= 200.0):
        raise ValueError(f"--size {quoted(text)}: width and height must be between 1 and 200 inches")
    return w, h


MAX_PIXELS = 150_000_000
"""A PNG export's pixels at most (600 MB of image in memory, ~12,000 x 12,000): past it the export is refused
with what to change, instead of the process running out of memory (200 x 200 inches at 1,200 dpi asked for
17 GB)."""


def check_pixels(size: tuple[float, float], dpi: float, size_given: bool) -> None:
    """Refuse a PNG of more than :data:`MAX_PIXELS` (at the resolution :func:`planner.charts.save_figure` will
    use: at most 65,000 pixels a side) with a :class:`CliError` naming what to lower."""
    from planner.commands.common import CliError

    w, h = size
    used = min(dpi, 65000 / max(w, h))
    px_w, px_h = round(w * used), round(h * used)
    if px_w * px_h > MAX_PIXELS:
        what = "--size or --dpi" if size_given else f"--dpi (the chart is {w:.4g} x {h:.4g} inches)"
        raise CliError(
            f"--dpi {dpi:g}: the PNG would be {px_w:,} x {px_h:,} pixels, more than the "
            f"{MAX_PIXELS / 1e6:.0f} million a PNG export may have; choose a smaller {what}, or write .svg or "
            ".pdf, which have no pixels"
        )


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import EXIT_INVALID, EXIT_OK, CliError, findings_text, load, output_path

    out = output_path(args.output, "chart.png", inputs=(args.file,))
    suffix = out.suffix.lower()
    from planner.commands.interop import export_data

    if suffix in DATA_SUFFIXES:  # another tool's plan format (issue 10), not a chart
        return export_data(args, out)
    if suffix not in FORMATS:
        choices = f"{', '.join(FORMATS)} for a chart, or {', '.join(DATA_SUFFIXES)} for the plan in another tool's format"
        raise CliError(
            f"{out}: unknown suffix {quoted(suffix)}, so no format to write; use {choices}"
            if suffix
            else f"{out}: no suffix, so no format to write; use {choices}"
        )
    size = None
    if args.size:
        try:
            size = parse_size(args.size)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    if not 10 <= args.dpi <= 1200:
        raise CliError(f"--dpi {args.dpi}: choose a resolution between 10 and 1200")

    plan = load(args.file, args.scenario, args.status_date)

    from planner.analysis import analyze
    from planner.charts import CHARTS, render_chart

    if args.chart not in CHARTS:
        raise CliError(f"unknown chart {quoted(args.chart)}; choose one of: {', '.join(CHARTS)}")
    result = analyze(plan, args.estimate)
    if not result.ok:
        sys.stderr.write(f"{args.file}: the plan has errors, so there is no schedule to chart:\n")
        findings_text(result.errors, sys.stderr)
        return EXIT_INVALID
    options: dict[str, object] = {}
    if args.chart == "gantt":
        options = {"gated": args.gated, "show_dependencies": args.dependencies}
        if args.baseline:
            from planner.commands.common import chosen_baseline

            # the chart finds the baseline by the name the file spells it
            options["baseline"] = chosen_baseline(plan, args.file, args.baseline).name
    elif args.gated or args.dependencies or args.baseline:
        raise CliError("--gated, --dependencies and --baseline apply to --chart gantt only")

    if suffix == ".png":
        from planner.charts import default_size

        check_pixels(size or default_size(args.chart, result), args.dpi, args.size is not None)
    # render_chart writes through the one atomic write: a failed export never leaves half a file.
    from planner.model.io import output_target

    out = output_target(out)  # through a symbolic link, the file it points to is written
    try:
        render_chart(args.chart, result, out, size=size, dpi=args.dpi, **options)
    except OSError as exc:
        raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
    sys.stderr.write(f"Wrote {out} ({args.chart}, {suffix[1:].upper()}).\n")
    return EXIT_OK
