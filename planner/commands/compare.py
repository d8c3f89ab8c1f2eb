"""``planner compare FILE [--scenarios A,B,...] [--format text|json]``: scenarios side by side (issue 13).

The first scenario named is the reference the deltas are taken against (by default the base, then every
scenario). P50/P80 come from Monte Carlo runs on common random numbers (same seed, one stream per decision and
risk), so two identical scenarios have exactly equal percentiles. The JSON is documented in the README.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from planner.commands.common import MAX_ITERATIONS_EACH, PLAN_FILE_HELP, count, whole_number, wrap

NAME = "compare"
HELP = "compare scenarios of a plan side by side: finish, gates, P50/P80, critical path, team load"
DESCRIPTION = (
    "Compare the base plan and its scenarios (or the ones named with --scenarios, the first being the reference): "
    "finish and gated finish with dates, price of gating, P50/P80 on common random numbers, spend where the plan "
    "has costs, what joined or left the critical path, stage gate dates and team peak load."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=PLAN_FILE_HELP)
    parser.add_argument(
        "--scenarios",
        metavar="A,B,...",
        help="scenario names, comma-separated; 'Base' is the plan itself (default: Base and all)",
    )
    parser.add_argument(
        "--iterations",
        "-n",
        type=whole_number,
        default=5_000,
        metavar="N",
        help=f"Monte Carlo iterations per scenario, at most {MAX_ITERATIONS_EACH:,} (default 5000; 0 skips P50/P80)",
    )
    parser.add_argument("--seed", type=whole_number, default=0, metavar="S", help="random seed (default 0)")
    from planner.commands.common import add_format_arguments

    add_format_arguments(parser)


def parse_names(text: str | None, plan: Any = None) -> list[str] | None:
    """``"Base, Fast"`` -> ["Base", "Fast"]: the names of ``--scenarios``, split at commas and stripped. With
    ``plan``, a name of the plan's own that holds a comma (``Fast, cheap``) is taken whole where the pieces spell
    it, so that every scenario can be named.

    >>> from planner.model import new_plan, Scenario
    >>> plan = new_plan()
    >>> plan.scenarios.append(Scenario(name="Fast, cheap"))
    >>> parse_names("Base,Fast, cheap", plan), parse_names("Base,Fast, cheap")
    (['Base', 'Fast, cheap'], ['Base', 'Fast', 'cheap'])
    """
    if text is None:
        return None
    pieces = text.split(",")
    known = {s.name for s in plan.scenarios if "," in s.name} if plan is not None else set()
    names: list[str] = []
    i = 0
    while i < len(pieces):
        # the longest run of pieces from here that is a name of the plan (exactly, or but for the spaces around)
        j = next(
            (
                j
                for j in range(len(pieces), i + 1, -1)
                if ",".join(pieces[i:j]) in known or ",".join(pieces[i:j]).strip() in known
            ),
            i + 1,
        )
        joined = ",".join(pieces[i:j])
        names.append(joined if joined in known else joined.strip())
        i = j
    names = [n for n in names if n]
    if not names:  # "" or ",": not "every scenario" by accident
        from planner.commands.common import CliError

        raise CliError("--scenarios: name at least one scenario (`planner scenarios FILE` lists them)")
    return names


def check_names(plan: Any, names: list[str] | None, path: str) -> None:
    """Unknown names are a CliError (exit 2) listing the valid ones."""
    from planner.commands.common import CliError
    from planner.model.names import name_key
    from planner.model.scenarios import BASE, is_base, scenario_names
    from planner.units import quoted

    if names is None:
        return
    valid = scenario_names(plan)
    keys = {name_key(v) for v in valid}
    unknown = [n for n in names if name_key(n) not in keys and not is_base(n)]
    if unknown:
        listed = ", ".join(
            quoted(n) for n in dict.fromkeys([BASE, *valid])
        )  # a name given twice, listed once
        raise CliError(
            f"{path}: --scenarios: no scenario called {', '.join(quoted(n) for n in unknown)}; "
            f"valid scenarios: {listed}"
        )
    # what each name picks, as resolve() picks it: a scenario of that name, else the base ('Base', 'base', '')
    picked: dict[str | None, str] = {}
    for n in names:
        key = name_key(n) if name_key(n) in keys else None
        if key in picked:
            raise CliError(
                f"{path}: --scenarios: {quoted(picked[key])} and {quoted(n)} are the same scenario; name each once"
                if picked[key] != n
                else f"{path}: --scenarios: {quoted(n)} is named twice; name each scenario once"
            )
        picked[key] = n


def text_list(names: list[str]) -> str:
    return ",".join(names)


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import EXIT_INVALID, EXIT_OK, CliError, check_iterations, dump_json, load

    check_iterations(args.iterations, 0, MAX_ITERATIONS_EACH)
    if args.seed < 0:
        raise CliError(f"--seed {args.seed}: the seed must be 0 or more")
    plan = load(args.file)
    names = parse_names(args.scenarios, plan)
    check_names(plan, names, args.file)
    if names is None and not plan.scenarios:
        raise CliError(
            f"{args.file}: the plan has no scenarios to compare; add some in the app or in the file "
            '(README, "Scenarios"), or compare two files with `planner diff A B`'
        )

    from planner.commands.common import check_simulation_size

    runs = len(names) if names is not None else len(plan.scenarios) + 1
    check_simulation_size(args.iterations, len(plan.decisions), runs)
    from planner.analysis.compare import compare_scenarios

    if args.format != "json":  # a name stays on its line (JSON keeps it as the file has it)
        from planner.model.names import one_line_names
        from planner.units import one_line

        plan = one_line_names(plan)
        names = None if names is None else [one_line(n) for n in names]
    comparison = compare_scenarios(plan, names, args.iterations, args.seed)
    if args.format == "json":
        dump_json(comparison.to_dict(), sys.stdout, args.indent or None)
    else:
        sys.stdout.write(comparison_text(comparison))
    return EXIT_OK if all(x.ok for x in comparison.items) else EXIT_INVALID


class _Table:
    """The lines of the side-by-side text: a label column, then one column per compared item. Rows are kept and
    laid out at the end (:meth:`text`), when every cell is known: the columns are as wide as the widest figure
    needs and share what 80 columns leave after the labels, so up to four plans compared fit an 80-column
    terminal; a name longer than its column is elided (the sentences under the table give it whole)."""

    LABEL_W = 26

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.entries: list[tuple[str, list[str]] | str] = []

    def add(self, line: str) -> None:
        self.entries.append(line)

    def row(self, label: str, cells: list[str]) -> None:
        self.entries.append((label, cells))

    def names_row(self) -> None:
        """The row of the compared plans' names (elided to the columns, which the figures size)."""
        self.entries.append(("", self.names))

    def col_w(self) -> int:
        from planner.commands.common import WIDTH

        cells = [c for e in self.entries if isinstance(e, tuple) and e[1] is not self.names for c in e[1]]
        widest = max((len(c) for c in cells), default=0) + 2  # figures are never cut
        names = max((len(n) for n in self.names), default=0) + 2
        share = (WIDTH - self.LABEL_W) // max(1, len(self.names))
        return max(widest, min(26, names, max(share, 13)))

    def text(self) -> str:
        w = self.col_w()
        lines = []
        for e in self.entries:
            if isinstance(e, str):
                lines.append(e)
                continue
            label, cells = e
            lines.append(
                f"{_fit(label, self.LABEL_W):<{self.LABEL_W}}"
                + "".join(f"{_fit(c, w):<{w}}" for c in cells).rstrip()
            )
        return "\n".join(lines) + "\n"


def _fit(text: str, width: int) -> str:
    """``text`` within ``width`` columns with at least one space after it: elided with an ellipsis if longer."""
    return text if len(text) < width else text[: width - 2].rstrip() + "\u2026"


def _week_cells(items: list[Any], figure: str) -> list[str]:
    from planner.model import units

    return [units.format_weeks(getattr(x, figure)) if getattr(x, figure) is not None else "-" for x in items]


def _delta_cells(items: list[Any], figure: str) -> list[str]:
    """Each item's difference to the reference as written beside the figures (``shown_delta``), by the one rule
    (``units.signed_weeks``: ``+1.5``, ``-0.32``, and
    ``=`` when it is 0 at two decimals, as the app's comparison writes it; never ``+0`` or ``-0``)."""
    from planner.model import units

    return [
        "" if k == 0 or x.shown_delta(figure) is None else units.signed_weeks(x.shown_delta(figure))
        for k, x in enumerate(items)
    ]


def _date_cells(items: list[Any], figure: str) -> list[str]:
    from planner.model import units

    return [
        "-"
        if getattr(x, figure) is None
        else units.format_date(units.week_to_date(x.plan.start_date, getattr(x, figure)))
        for x in items
    ]


def _figure_rows(t: _Table, comparison: Any) -> None:
    """Finish, gated finish, price of gating, P50/P80 (with dates and the difference to the reference), spend,
    critical decisions and which joined or left the critical set."""
    from planner.model import units

    items, ref = comparison.items, comparison.reference
    start = ref.plan.start_date
    t.names_row()
    for label, fig in (
        ("Finish (rolling), week", "finish"),
        ("Finish (strict gates)", "gated_finish"),
        ("Price of gating, weeks", "gating_price"),
        ("P50, week", "p50"),
        ("P80, week", "p80"),
    ):
        if fig in ("p50", "p80") and not comparison.iterations:
            continue
        t.row(label, _week_cells(items, fig))
        if start is not None and fig != "gating_price":
            t.row("  date", _date_cells(items, fig))
        deltas = _delta_cells(items, fig)
        if any(deltas):  # (no row of blanks when no plan but the reference has the figure)
            t.row(f"  vs {ref.name}", deltas)
    if any(x.target is not None for x in items):  # the rolling finish against each plan's target
        t.row("Target, week", [units.format_weeks(x.target) for x in items])
        t.row("  weeks to spare", [units.format_weeks(x.weeks_to_spare) for x in items])
    if any(x.cost is not None for x in items):
        from planner.analysis.cost import format_money

        currency = ref.plan.currency or ""
        t.row(
            f"Spend{(' (' + currency + ')') if currency else ''}",
            [format_money(x.cost) for x in items],  # (the currency is in the row's name)
        )
        from planner.analysis.cost import signed_money

        spend = ["" if k == 0 else signed_money(x.shown_delta("cost")) for k, x in enumerate(items)]
        if any(spend):  # as the finish rows, and the app's comparison under each spend
            t.row(f"  vs {ref.name}", spend)
    t.row("Critical decisions", [str(len(x.critical)) if x.ok else "-" for x in items])
    for x in items[1:]:
        if x.ok and ref.ok:
            for line in wrap(
                f"{x.name}: joined {', '.join(x.joined) or 'none'}; left {', '.join(x.left) or 'none'}",
                "  ",
                "    ",
            ):
                t.add(line)


def _gate_rows(t: _Table, comparison: Any) -> None:
    from planner.model import units

    items, ref = comparison.items, comparison.reference
    t.add("")
    t.add("Stage gates (strict gates), week" + (" and date" if ref.plan.start_date is not None else ""))
    for sid, name, _ in ref.gates:
        cells = []
        for x in items:
            g = next((w for i, _, w in x.gates if i == sid), None)
            date = units.week_to_date(x.plan.start_date, g)
            cells.append(
                "-"
                if g is None
                else "no decisions"
                if sid in x.stages_without_work
                else units.format_weeks(g)
                + (f" ({units.short_date(x.plan.start_date, date)})" if date else "")
            )
        t.row(f"  {name}", cells)


def _team_rows(t: _Table, comparison: Any) -> None:
    from planner.model import units

    items, ref = comparison.items, comparison.reference
    if not ref.team_peaks:
        return
    t.add("")
    t.add("Team peak load, people (capacity)")
    by_id = [{i: (p, c) for i, _, p, c in x.team_peaks} for x in items]  # not a scan per team (3,000 teams)
    for tid, name, _, _cap in ref.team_peaks:
        cells = []
        for peaks in by_id:
            peak, cap = peaks.get(tid, (None, None))
            cells.append(
                "-"
                if peak is None
                else units.format_weeks(peak) + (f" ({units.format_weeks(cap)})" if cap is not None else "")
            )
        t.row(f"  {name}", cells)


def comparison_text(comparison: Any) -> str:
    """The side-by-side table of ``planner compare`` (and ``planner diff``), then one sentence per scenario."""
    items = comparison.items
    ref = comparison.reference
    t = _Table([x.name for x in items])
    # the same draws for a decision in every plan compared (README "Scenarios"): not `planner simulate`'s stream,
    # so a P50 here differs from simulate's of the same plan by sampling noise; the heading says so
    sims = (
        f"{comparison.iterations:,} iterations, seed {comparison.seed}, common random numbers: P50/P80 differ "
        "from `planner simulate`'s by sampling noise"
    )
    for line in wrap(
        f"{comparison.title}: {count(len(items) - 1, 'plan' if comparison.base is None else 'scenario')} "
        f"compared against {ref.name}" + (f" ({sims})" if comparison.iterations else "")
    ):
        t.add(line)
    t.add("")
    _figure_rows(t, comparison)
    _gate_rows(t, comparison)
    _team_rows(t, comparison)
    for x in items:
        if not x.ok:
            t.add("")
            t.add(
                f"{x.name}: no schedule ({count(len(x.analysis.errors), 'error')}): {x.analysis.errors[0].message}"
            )
    # the sentence of a plan with no schedule would say its first error again
    sentences = [s for x, s in zip(items[1:], comparison.sentences(), strict=True) if s and x.ok]
    if sentences:
        t.add("")
        for s in sentences:
            t.add(s)
    return t.text()
