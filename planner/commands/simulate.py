"""``planner simulate FILE [--iterations N] [--seed S] [--by WEEK_OR_DATE] [--format text|json]``: Monte Carlo.

Exit codes as everywhere: 0 done, 1 the plan has validation errors (the findings are printed), 2 the plan cannot
be read or the command is misused (bad ``--by``, ``--iterations`` or ``--seed``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from planner.commands.common import (
    MAX_ITERATIONS,
    PLAN_FILE_HELP,
    WIDTH,
    elide,
    fit,
    plain_number,
    rule,
    whole_number,
    wrap,
)
from planner.model import units

NAME = "simulate"
HELP = "Monte Carlo: finish percentiles, criticality, sensitivity, stage ends and risks"
DESCRIPTION = (
    "Sample every decision's duration from its three-point estimate (triangular), fire the risks of the register "
    "with their probabilities, and report the finish distribution (mean, P10-P95), the probability of finishing by "
    "a week or date, each decision's criticality index, what drives the finish (sensitivity), when each stage's work "
    "is done (rolling schedule by sequenced stage, not the gates of strict gating) and what each risk adds to the "
    "P80. Same seed, same figures."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=PLAN_FILE_HELP)
    parser.add_argument(
        "--iterations",
        "-n",
        type=whole_number,
        default=10_000,
        metavar="N",
        help=f"number of iterations, 1 to {MAX_ITERATIONS:,} (default 10000)",
    )
    parser.add_argument(
        "--seed",
        type=whole_number,
        default=0,
        metavar="S",
        help="random seed; the same seed gives the same figures (default 0)",
    )
    parser.add_argument(
        "--by",
        metavar="WEEK_OR_DATE",
        help="also give the probability of finishing by this week (e.g. 30) or date (2027-09-30)",
    )
    from planner.commands.common import add_format_arguments

    add_format_arguments(parser)
    parser.add_argument(
        "--top",
        type=whole_number,
        default=10,
        metavar="K",
        help="text format: how many decisions to list for criticality and sensitivity (default 10)",
    )
    from planner.commands.common import add_scenario_argument, add_status_date_argument

    add_scenario_argument(parser)
    add_status_date_argument(parser)


def _has_date(start: dt.date | None, week: float) -> bool:
    """Whether ``week`` has a calendar date (always, without a start date: none is shown)."""
    from planner.units import week_to_date

    try:
        week_to_date(start, week)
    except (OverflowError, ValueError):
        return False
    return True


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import (
        EXIT_INVALID,
        EXIT_OK,
        CliError,
        check_iterations,
        code_if_cut,
        dump_json,
        findings_text,
        load,
    )
    from planner.model.names import one_line_names

    check_iterations(args.iterations, 1, MAX_ITERATIONS)
    if args.seed < 0:
        raise CliError(f"--seed {args.seed}: the seed must be 0 or more")
    if args.top < 0:
        raise CliError(f"--top {args.top}: must be 0 or more")
    plan = load(args.file, args.scenario, args.status_date, read_only=True)
    if args.format != "json":
        plan = one_line_names(plan)  # a name stays on its line (JSON keeps it as the file has it)
    from planner.commands.common import check_simulation_size

    check_simulation_size(args.iterations, len(plan.decisions))

    from planner.analysis import has_errors, validate
    from planner.analysis.graph import compile_plan
    from planner.analysis.montecarlo import parse_when, simulate

    by_week = None
    if args.by is not None:
        try:
            by_week = parse_when(args.by, plan.start_date)
        except ValueError as exc:
            from planner.model.io import date_advice, date_readings

            # 30/09/2027 or 09/30/2027: say which dates it may be, in the form --by takes
            advice = f"; {date_advice(args.by)}" if date_readings(args.by) else ""
            raise CliError(f"--by: {exc}{advice}") from None
        from planner.model.limits import MAX_SCHEDULE_WEEKS

        if by_week > MAX_SCHEDULE_WEEKS:
            raise CliError(f"--by {args.by.strip()}: give a week from 0 to {MAX_SCHEDULE_WEEKS:,.0f}")
        if not _has_date(plan.start_date, by_week):
            raise CliError(
                f"--by {args.by.strip()}: falls after 31 Dec 9999, where the calendar ends; give an earlier week"
            )

    graph = compile_plan(plan)  # once, for the validation and the simulation
    findings = validate(plan, graph, scheduled=False)  # only its errors are read
    if has_errors(findings):
        code_if_cut(EXIT_INVALID)
        errors = [f for f in findings if str(f.severity) == "error"]
        if args.format == "json":
            dump_json(
                {"file": args.file, "findings": [f.to_dict() for f in errors]},
                sys.stdout,
                args.indent or None,
            )
        else:
            sys.stdout.write(
                f"{args.file}: no simulation: the plan has {units.count(len(errors), 'error')} to fix first\n"
            )
            findings_text(errors, sys.stdout)
        return EXIT_INVALID

    result = simulate(plan, args.iterations, args.seed, graph=graph)
    if args.format == "json":
        # never NaN or Infinity, which JSON does not have. The JSON is SimulationResult.to_dict, field for field
        # (tests/analysis/test_montecarlo.py); the text's CPM stage ends and risk deltas are not in it.
        dump_json(result.to_dict(by_week), sys.stdout, args.indent or None)
    else:
        sys.stdout.write(simulation_text(plan, result, by_week, args.top))
    return EXIT_OK


def _w(x: float) -> str:
    return units.format_weeks(x)


def _top_critical(ids: list[str], criticality: Any, top: int) -> list[int]:
    """Indices of the ``top`` decisions with the highest criticality index above 0, ties by id. Only the
    decisions at or above the ``top``-th highest index are sorted (at 100k decisions, not all of them).

    >>> import numpy as np
    >>> _top_critical(["b", "a", "c", "d"], np.array([0.5, 0.5, 1.0, 0.0]), 2)
    [2, 1]
    >>> _top_critical(["b", "a", "c", "d"], np.array([0.5, 0.5, 1.0, 0.0]), 9)
    [2, 1, 0]
    """
    import numpy as np  # not at the top: planner --help imports this module

    positive = np.flatnonzero(criticality > 0)
    if top <= 0 or not len(positive):
        return []
    values = criticality[positive]
    if len(positive) > top:
        cut = np.partition(values, len(values) - top)[len(values) - top]  # the top-th highest
        positive = positive[values >= cut]
    rows = sorted(positive.tolist(), key=lambda i: (-float(criticality[i]), ids[i]))
    return rows[:top]


def _sequenced_later(plan: Any) -> int:
    """How many decisions the dependency graph sequences into a later stage than the one assigned (SPEC §3.3)."""
    from planner.analysis.graph import compile_plan
    from planner.analysis.stages import sequenced_stages

    graph = compile_plan(plan)
    return int((sequenced_stages(graph) > graph.stage).sum())


def simulation_text(plan: Any, r: Any, by_week: float | None = None, top: int = 10) -> str:
    """The readable report of ``planner simulate``."""
    lines: list[str] = []
    add = lines.append
    dated = plan.start_date is not None

    def when(week: float) -> str:
        d = plan.date_of(week)
        return f"week {_w(week):>6}" + (f"  {units.format_date(d)}" if d else "")

    lines.extend(wrap(plan.title))
    add(rule(plan.title))
    lines.extend(
        wrap(
            f"Monte Carlo: {r.iterations:,} iterations, seed {r.seed}; durations triangular (optimistic, likely, "
            f"pessimistic), weeks" + (f"; plan starts {units.format_date(plan.start_date)}" if dated else "")
        )
    )
    from planner.analysis.progress import status_week

    status = status_week(plan)
    if status is not None:  # as `planner analyze` says it: work not done is sampled from it
        lines.extend(
            wrap(
                f"Status date: {units.format_when(plan.start_date, status)}; the remaining work is simulated from it"
            )
        )
    n_risks = len(plan.risks)
    add(
        f"{units.count(len(plan.decisions), 'decision')}, "
        f"{units.count(len(plan.dependencies), 'dependency', 'dependencies')}, "
        f"{units.count(n_risks, 'risk')} in the register"
    )
    add("")
    add("Finish")
    add("------")
    add(
        f"  CPM plan (likely)  {when(r.deterministic_finish)}   "
        f"({units.format_share(r.probability_by(r.deterministic_finish))} of runs finish by then)"
    )
    add(f"  mean               {when(r.mean)}   (standard deviation {units.plural_weeks(r.std)})")
    for key, value in r.percentiles().items():
        add(f"  {key.upper():<18} {when(value)}")
    from planner.analysis.cost import cost_risk, format_money

    risk = cost_risk(r)  # issue 17: spend per iteration, from the same samples
    if risk is not None:
        cur = plan.currency
        add("")
        add("Cost (spend)")
        add("------------")
        add(
            f"  mean {format_money(risk.mean, cur)}   P50 {format_money(risk.p50, cur)}   "
            f"P80 {format_money(risk.p80, cur)}   P90 {format_money(risk.p90, cur)}"
        )
        if risk.p_within_budget is not None:
            add(
                f"  Probability of staying within the budget ({format_money(risk.budget, cur)}): "
                f"{units.format_share(risk.p_within_budget)}"
            )
        if risk.p_by_target is not None and risk.target is not None:
            d = plan.date_of(risk.target)
            add(
                f"  Probability of finishing by the target (week {_w(risk.target)}"
                + (f", {units.format_date(d)}" if d else "")
                + f"): {units.format_share(risk.p_by_target)}"
            )
        if risk.p_joint is not None:
            add(f"  Probability of both: {units.format_share(risk.p_joint)} (never more than either alone)")
    if by_week is not None:
        d = plan.date_of(by_week)
        add("")
        add(
            f"  Probability of finishing by week {_w(by_week)}"
            + (f" ({units.format_date(d)})" if d else "")
            + f": {units.format_share(r.probability_by(by_week))}"
        )
    add("")
    add("Stage ends (rolling schedule, not gates)")
    add("----------------------------------------")
    # By *sequenced* stage (SPEC §3.3 "Words": a view that counts decisions by sequenced stage says so): a stage
    # whose decisions wait for later-stage work ends here sooner than its rolling window in `planner analyze`.
    moved = _sequenced_later(plan)
    note = "When everything up to and including the stage is done, by sequenced stage" + (
        f": {units.count(moved, 'decision')} {units.agree(moved, 'waits', 'wait')} for work of a later stage "
        f"and {units.agree(moved, 'counts', 'count')} there (`planner analyze`: Suggested stage moves)."
        if moved
        else " (on this plan, the stages assigned)."
    )
    lines.extend(wrap(note, "  "))
    add(f"  {'stage':<16} {'CPM':>7} {'P50':>7} {'P80':>7}" + ("   P80 date" if dated else ""))
    for g in r.stages:
        p80 = g.percentile(80)
        d = plan.date_of(p80)
        add(
            f"  {fit(g.name, 16)} {_w(g.deterministic):>7} {_w(g.percentile(50)):>7} {_w(p80):>7}"
            + (f"   {units.format_date(d)}" if d else "")
        )
    titles = dict(zip(r.ids, r.titles, strict=True))
    add("")
    add("Criticality index (share of iterations on the critical path)")
    add("-------------------------------------------------------------")
    shown = _top_critical(r.ids, r.criticality, top)
    for i in shown:
        add(
            f"  {units.format_share(r.criticality[i]):>5}  {fit(r.ids[i], 28)} {elide(titles[r.ids[i]], WIDTH - 39)}"
        )
    never = int((r.criticality == 0).sum())
    rest = int((r.criticality > 0).sum()) - len(shown)
    if rest > 0:
        add(
            f"  ... {rest} more with a lower index"
            if shown
            else f"  {units.count(rest, 'decision')} critical in some iterations (--top K lists them)"
        )
    if never:
        add(f"  {units.count(never, 'decision')} never critical")
    if not r.ids:
        add("  (empty plan: no decisions)")
    add("")
    add("Sensitivity (correlation of each duration with the finish)")
    add("----------------------------------------------------------")
    sens = r.sensitivity()
    if not sens:
        add("  No duration varies: every estimate is a single number.")
    for did, c in sens[:top]:
        corr = units.correlation(c)
        add(f"  {corr:>6}  {fit(did, 28)} {elide(titles[did], WIDTH - 39)}")
    if len(sens) > top:
        add(
            f"  ... {len(sens) - top} more"
            if top > 0
            else f"  {units.count(len(sens), 'decision')} {units.agree(len(sens), 'varies', 'vary')} (--top K lists "
            f"{units.agree(len(sens), 'it', 'them')})"
        )
    add("")
    head = "Risks (what each adds to the finish P80" + (
        f", week {_w(r.risks[0].p80_with)} with the whole register)" if r.risks else ")"
    )
    add(head)
    add(rule(head, "-"))
    if not r.risks:
        add("  The risk register is empty.")
    for x in r.risks:  # two lines each, within 80 columns: who, then the figures in a column
        add(f"  {fit(x.id, 24)} {elide(x.title, WIDTH - 27)}")
        add(
            f"      p={plain_number(x.probability):<4} fired {units.format_share(x.fired):>4}  P80 {_w(x.p80_without):>6} without it,"
            f" adds {_w(x.delta):>5} wk"
        )
    return "\n".join(lines) + "\n"
