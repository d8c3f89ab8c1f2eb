"""``planner report FILE -o OUT.pdf``: the PDF report, headless.

Exit codes as everywhere: 0 written, 1 the plan has validation errors (the findings are printed), 2 the plan
cannot be read or the command is misused (unknown section, paper or orientation, unwritable output).
"""

from __future__ import annotations

import argparse
import sys

from planner import units
from planner.commands.common import (
    MAX_ITERATIONS_EACH,
    PLAN_FILE_HELP,
    add_estimate_argument,
    add_scenario_argument,
    add_status_date_argument,
    whole_number,
)

NAME = "report"
DEFAULT_REPORT_ITERATIONS = 10_000
"""--iterations of --simulate when not given (its help says 10000)."""
HELP = "write the PDF report of a plan"
DESCRIPTION = (
    "Write a multi-page PDF report of the plan: cover with the key figures, executive summary, roadmap, stage "
    "timeline, Gantt chart, dependency graph, one section per stage, the critical path, findings and an appendix "
    "of every decision, plus team capacity and, when the plan has one, the variance against its latest baseline. "
    "Text is real text, charts are vectors, fonts are embedded. With --simulate the cover and summary also give "
    "Monte Carlo P50/P80 finish dates and a schedule-risk section is added."
)
# The built-in sections in report order (more may be registered, see planner.report.sections); listed here so
# that `--help` does not have to import ReportLab. tests/report/test_s20_help_sections.py holds it to
# planner.report.available_sections (it had lost cost and coverage).
BUILTIN_SECTIONS = (
    "cover",
    "summary",
    "comparison",
    "progress",
    "cost",
    "roadmap",
    "gantt",
    "stage-timeline",
    "graph",
    "stages-detail",
    "baseline",
    "critical-path",
    "risk",
    "capacity",
    "coverage",
    "findings",
    "appendix",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=PLAN_FILE_HELP)
    parser.add_argument("-o", "--output", required=True, help="the PDF file to write")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    parser.add_argument(
        "--orientation",
        choices=("portrait", "landscape"),
        default="landscape",
        help="page orientation of every page (default landscape, like a board deck)",
    )
    parser.add_argument(
        "--sections",
        metavar="NAMES",
        help="comma-separated sections to include, in any order (default: all but comparison, which --scenarios "
        "adds): " + ", ".join(BUILTIN_SECTIONS),
    )
    add_estimate_argument(parser, help="duration estimate the schedule uses (default likely)")
    parser.add_argument(
        "--simulate",
        action="store_true",
        help="run a Monte Carlo simulation: P50/P80 on the cover and a schedule-risk section",
    )
    parser.add_argument(
        "--iterations",
        type=whole_number,
        default=None,  # None: not given (10000), so that one given without --simulate is said
        metavar="N",
        help=f"with --simulate: number of iterations, 1 to {MAX_ITERATIONS_EACH:,} (default 10000)",
    )
    parser.add_argument(
        "--seed",
        type=whole_number,
        default=None,  # None: not given (0)
        metavar="S",
        help="with --simulate or --scenarios: random seed (default 0)",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print nothing on success (errors still go to stderr)"
    )
    add_scenario_argument(parser)
    add_status_date_argument(parser)
    parser.add_argument(
        "--scenarios",
        metavar="A,B,...",
        help="add a section comparing these scenarios of the plan (with 'Base' first when not named), with the "
        "figures of `planner compare --scenarios Base,A,B` (its 5000 iterations, or --iterations with --simulate)",
    )


def parse_sections(text: str | None) -> list[str] | None:
    """``"cover, gantt"`` -> ["cover", "gantt"]; None -> None (all default sections); no name at all (``""``,
    ``",,"``) is a :class:`CliError`."""
    if text is None:
        return None
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names:  # "" or ",,,": not "every section" by accident
        from planner.commands.common import CliError

        raise CliError(
            "--sections: name at least one section (e.g. cover,gantt), or leave --sections out for all"
        )
    return names


def _comparison(args: argparse.Namespace) -> object:
    """The scenarios of ``--scenarios`` compared (Base first unless named), for the comparison section."""
    from planner.analysis.compare import compare_scenarios
    from planner.commands.common import CliError, load
    from planner.commands.compare import check_names, parse_names
    from planner.model.scenarios import BASE, is_base

    base = load(args.file, None, args.status_date)
    names = parse_names(args.scenarios, base)
    if not names:
        raise CliError("--scenarios: name at least one scenario (`planner scenarios FILE` lists them)")
    check_names(base, names, args.file)
    if not any(is_base(n) for n in names):
        names = [BASE, *names]
    if len(names) < 2:
        raise CliError("--scenarios: name a scenario to compare with the base")
    from planner.analysis.compare import DEFAULT_ITERATIONS

    # `planner compare`'s figures: its default iterations unless --simulate sets them, the same seed
    iterations = args.iterations if args.simulate else DEFAULT_ITERATIONS
    return compare_scenarios(base, names, iterations, args.seed)


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import (
        EXIT_INVALID,
        EXIT_OK,
        CliError,
        check_iterations,
        findings_text,
        load,
        output_path,
    )

    out = output_path(args.output, "report.pdf", inputs=(args.file,))
    if out.suffix.lower() != ".pdf":
        raise CliError(f"{out}: the report is a PDF; give a file name ending in .pdf")
    # --iterations and --seed were dropped without a word when nothing is simulated (a user asking for
    # `--iterations 2000` got a report with no Monte Carlo in it)
    if args.iterations is not None and not args.simulate:
        raise CliError(
            f"--iterations {args.iterations}: only --simulate runs iterations"
            + (
                " (the comparison of --scenarios uses `planner compare`'s 5000 unless --simulate sets them)"
                if args.scenarios is not None
                else ""
            )
            + "; add --simulate for the P50/P80 and the schedule-risk section, or leave --iterations out"
        )
    if args.seed is not None and not args.simulate and args.scenarios is None:
        raise CliError(
            f"--seed {args.seed}: nothing is simulated without --simulate (or --scenarios); add --simulate, or leave "
            "--seed out"
        )
    args.iterations = DEFAULT_REPORT_ITERATIONS if args.iterations is None else args.iterations
    args.seed = 0 if args.seed is None else args.seed
    if args.simulate:
        check_iterations(args.iterations, 1, MAX_ITERATIONS_EACH)
    if args.seed < 0:
        raise CliError(f"--seed {args.seed}: the seed must be 0 or more")
    sections = parse_sections(args.sections)
    if sections is not None and "comparison" in sections and args.scenarios is None:
        # the section compares the scenarios --scenarios names: without them it would be left out without a word
        raise CliError(
            "--sections comparison: the comparison needs --scenarios A,B,... to say which scenarios to compare "
            "(`planner scenarios FILE` lists them)"
        )

    plan = load(args.file, args.scenario, args.status_date)
    if args.simulate:
        from planner.commands.common import check_simulation_size

        check_simulation_size(args.iterations, len(plan.decisions))
    comparison = None
    if args.scenarios is not None:
        comparison = _comparison(args)
        if sections is None:  # the section is not one of the defaults: it needs --scenarios
            from planner.report.sections import default_section_names

            sections = default_section_names()
        if "comparison" not in sections:
            sections.append("comparison")

    from planner.analysis import analyze
    from planner.report import ReportError, all_sections, build_report

    known = [s.name for s in all_sections()]
    if sections is not None:
        unknown = [n for n in sections if n not in known]
        if unknown:
            raise CliError(
                f"--sections: unknown {units.agree(len(unknown), 'section', 'sections')} "
                f"{', '.join(unknown)}; choose from: {', '.join(known)}"
            )
    result = analyze(plan, args.estimate)
    result.comparison = comparison
    if not result.ok:
        sys.stderr.write(f"{args.file}: the plan has errors, so there is no schedule to report:\n")
        findings_text(result.errors, sys.stderr)
        return EXIT_INVALID

    simulation = None
    if args.simulate:
        from planner.analysis.montecarlo import simulate

        simulation = simulate(plan, args.iterations, args.seed)

    last = {"pct": -10}

    def progress(fraction: float, message: str) -> bool:
        pct = int(fraction * 100)
        if not args.quiet and pct >= last["pct"] + 10:
            last["pct"] = pct - pct % 10
            sys.stderr.write(f"  {pct:3d}%  {message}\n")
        return True

    try:
        build_report(
            result,
            out,
            paper=args.paper,
            orientation=args.orientation,
            sections=sections,
            simulation=simulation,
            progress=progress,
        )
    except ReportError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
    if not args.quiet:
        sys.stderr.write(f"Wrote {out}.\n")
    return EXIT_OK
