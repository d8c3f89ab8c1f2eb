"""``planner screenshot FILE -o OUT.png``: render a view of the desktop app off screen (docs and tests)."""

from __future__ import annotations

import argparse

from planner.commands.common import whole_number
from planner.ui import SCREENSHOT_VIEWS
from planner.units import quoted

NAME = "screenshot"
HELP = "render a view of the desktop app to a PNG, off screen"
DESCRIPTION = (
    "Open FILE in the desktop app without showing it on screen and save a picture of one view. "
    "Views: window (everything), table, graph, inspector (the selected decision), plan (plan and stages), "
    "findings, risk (Monte Carlo and risk register), capacity (team load), and the chart tabs gantt, roadmap, "
    "stages, critical-path; presentation (presentation mode over the graph; --select shows a decision's "
    "explanation, --step N shows step N of the workshop deck: 0 the overview, then one step per stage, then "
    "one per decision of the critical path); cost (spend curve, cost by stage, budget odds after a simulation), "
    "coverage (NIST AI RMF / ISO/IEC 42001 / EU AI Act matrix by stage)."
)
VIEWS = SCREENSHOT_VIEWS
MAX_SIDE = 8192
"""Pixels a side at most: a window larger than this is no screen's (and 99999x99999 asked for 40 GB)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="plan file (*.plan.json)")
    parser.add_argument("-o", "--output", required=True, help="PNG file to write")
    parser.add_argument(
        "--view",
        choices=VIEWS,
        default=None,  # None: window, or presentation with --step
        help="what to render (default: window; presentation with --step)",
    )
    parser.add_argument(
        "--select", metavar="ID", action="append", default=[], help="select this decision first (repeatable)"
    )
    parser.add_argument(
        "--size",
        default="1440x900",
        metavar="WxH",
        help="window size in pixels, 200x150 to 8192x8192 (default 1440x900)",
    )
    parser.add_argument(
        "--theme", choices=("light", "dark"), default="light", help="colour scheme (default light)"
    )
    parser.add_argument(
        "--step",
        type=whole_number,
        default=None,  # None: not given (0), so that a step asked of another view is said
        metavar="N",
        help="presentation view: show step N of the workshop deck (default 0: the overview; implies --view "
        "presentation)",
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from planner.commands.common import CliError, output_path

    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError:
        raise CliError(f"--size must look like 1440x900 (got {quoted(args.size)})") from None
    if not (200 <= width <= MAX_SIDE and 150 <= height <= MAX_SIDE):
        raise CliError(
            f"--size {args.size}: choose a width from 200 to {MAX_SIDE:,} and a height from 150 to "
            f"{MAX_SIDE:,} pixels (e.g. 1440x900)"
        )
    if args.step is not None and args.view not in (None, "presentation"):
        # it rendered the other view and dropped the step without a word
        raise CliError(
            f"--step {args.step}: only the presentation view has steps; use --view presentation (or leave --view "
            "out), or leave --step out"
        )
    args.view = args.view or ("window" if args.step is None else "presentation")
    args.step = 0 if args.step is None else args.step
    if args.step < 0:
        raise CliError(f"--step {args.step}: the steps count from 0 (the overview)")
    out = output_path(args.output, "screenshot.png", inputs=(args.file,))
    if out.suffix.lower() != ".png":
        raise CliError(f"{out}: a screenshot is a PNG; give a file name ending in .png")
    from planner.model import PlanLoadError, load_plan

    try:
        plan = load_plan(args.file)
    except PlanLoadError as exc:
        raise CliError(str(exc)) from None
    from planner.commands.common import wanted_decision_ids
    from planner.ui.app import qt_problem

    wanted_decision_ids(plan, args.file, args.select, "--select")  # the file, the option, the id meant
    problem = qt_problem()
    if problem is not None:
        raise CliError(problem)
    from planner.ui.screenshot import render

    try:
        render(
            plan,
            args.file,
            args.output,
            view=args.view,
            select=args.select,
            size=(width, height),
            theme=args.theme,
            step=args.step,
        )
    except (OSError, ValueError) as exc:
        raise CliError(str(exc)) from None
    sys.stderr.write(f"Wrote {args.output} ({args.view} view of {args.file}).\n")
    return 0
