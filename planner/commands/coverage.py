"""``planner coverage FILE [--framework nist|iso42001|euaiact] [--role provider|deployer]
[--tier prohibited|high-risk|limited|minimal] [--format text|json] [--scenario NAME] [--status-date DATE|WEEKS]``:
regulatory and framework coverage.

Exit codes as everywhere: 0 the check ran (gaps are its output, not a failure), 1 the plan has validation errors
(coverage is still printed, without the lateness checks), 2 the plan cannot be read or the command is misused.
"""

from __future__ import annotations

import argparse
import sys

NAME = "coverage"
HELP = "which NIST AI RMF, ISO/IEC 42001 and EU AI Act items the plan's decisions cover, which are missing or late"
DESCRIPTION = (
    "Check every decision's references against NIST AI RMF 1.0 (72 subcategories), ISO/IEC 42001 Annex A "
    "(38 controls) and the EU AI Act obligations of the AI system's role and risk tier (the plan's ai_system, or "
    "--role and --tier). Reports covered items, missing obligations, obligations covered only after go-live or "
    "after they apply, high-risk gaps (oversight, logging, risk management, conformity) and unknown or malformed "
    "references. The JSON has 'covered', 'missing' and 'late' lists naming the article or control."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # The vocabularies from the plan model, not planner.analysis.coverage: every command's parser is built at
    # start-up, and the analysis (numpy) would then be imported before the app's first paint.
    from planner.commands.common import PLAN_FILE_HELP
    from planner.model.plan import AI_ROLES as ROLES
    from planner.model.plan import COVERAGE_FRAMEWORKS as FRAMEWORKS
    from planner.model.plan import RISK_TIERS as TIERS

    parser.add_argument("file", help=PLAN_FILE_HELP)
    parser.add_argument(
        "--framework",
        choices=FRAMEWORKS,
        action="append",
        help="only this framework (repeatable; default: all three)",
    )
    parser.add_argument(
        "--role", choices=ROLES, help="the organisation's EU AI Act role (overrides the plan's)"
    )
    parser.add_argument(
        "--tier", choices=TIERS, help="the system's EU AI Act risk tier (overrides the plan's)"
    )
    from planner.commands.common import add_format_arguments, add_scenario_argument, add_status_date_argument

    add_format_arguments(parser)
    add_scenario_argument(
        parser
    )  # what a scenario covers, and when (its schedule moves the due dates' lateness)
    add_status_date_argument(parser)


def run(args: argparse.Namespace) -> int:
    from planner.analysis import analyze
    from planner.analysis.coverage import coverage, coverage_text
    from planner.commands.common import EXIT_INVALID, EXIT_OK, CliError, dump_json, load
    from planner.model.names import one_line_names

    plan = load(
        args.file, getattr(args, "scenario", None), getattr(args, "status_date", None), read_only=True
    )
    if args.format != "json":
        plan = one_line_names(plan)  # a name stays on its line (JSON keeps it as the file has it)
    result = analyze(plan)
    try:
        report = coverage(plan, result, frameworks=args.framework, role=args.role, tier=args.tier)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.format == "json":
        dump_json({"file": args.file, **report.to_dict(plan)}, sys.stdout, args.indent or None)
    else:
        sys.stdout.write(coverage_text(report, plan))
    if not result.ok:
        sys.stderr.write(
            f"planner: {args.file}: the plan has validation errors; run `planner check` "
            "(lateness was not checked)\n"
        )
        return EXIT_INVALID
    return EXIT_OK
