"""``planner scenarios FILE [--format text|json]``: the scenarios a plan file carries (issue 13).

Each scenario is listed with its description, how many changes it makes, what it does to the finish, and any
override that names something the plan does not have (such overrides are skipped when it is materialised).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

NAME = "scenarios"
HELP = "list the scenarios a plan carries and what each does to the finish"
DESCRIPTION = (
    "List the named scenarios stored in a plan file (alternatives expressed as overrides on the base plan), with "
    "what each changes and its finish against the base. Use --scenario NAME on check, analyze, simulate, "
    "coverage, report, export and open to work on one, and `planner compare` to see them side by side."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from planner.commands.common import PLAN_FILE_HELP, add_format_arguments

    parser.add_argument("file", help=PLAN_FILE_HELP)

    add_format_arguments(parser)


def listing(plan: Any) -> list[dict[str, Any]]:
    """One entry per scenario: name, description, changes, finish (weeks) and its delta to the base, problems."""
    from planner.analysis import analyze
    from planner.model import units
    from planner.model.scenarios import describe_changes, materialise, override_count, scenario_problems

    base_finish = base_figures(plan)["finish"]
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for sc in plan.scenarios:
        # the words of `planner check`'s duplicate-scenario, scenario-blank-name and scenario-named-base findings
        clash = []
        if sc.name in seen:
            clash.append("another scenario has the same name; only the first is used")
        if not sc.name.strip():
            clash.append("its name is blank; --scenario cannot name it")
        if sc.name.casefold() == "base":
            clash.append(f"it is named like the base plan; --scenario {sc.name} means this scenario")
        seen.add(sc.name)
        result = analyze(materialise(plan, sc))
        finish = result.schedule.finish if result.schedule is not None else None
        rows.append(
            {
                "name": sc.name,
                "description": sc.description,
                "changes": override_count(sc, plan),
                "finish": finish,
                "finish_date": units.iso_date(plan.start_date, finish),
                "delta": None if finish is None or base_finish is None else finish - base_finish,
                "errors": [f.message for f in result.errors],
                "problems": clash + scenario_problems(plan, sc),
                "changes_text": describe_changes(plan, sc),
            }
        )
    return rows


def base_figures(plan: Any) -> dict[str, Any]:
    """The base plan's finish (weeks, None when it cannot be scheduled), its date and its validation errors: what
    each scenario's delta is taken against."""
    from planner.analysis import analyze
    from planner.model import units

    base = analyze(plan)
    finish = base.schedule.finish if base.schedule is not None else None
    return {
        "finish": finish,
        "finish_date": units.iso_date(plan.start_date, finish),
        "errors": [f.message for f in base.errors],
    }


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import EXIT_INVALID, EXIT_OK, WIDTH, dump_json, load, wrap
    from planner.model import units
    from planner.model.names import one_line_names
    from planner.model.scenarios import ScenarioProblem

    plan = load(args.file)
    if args.format != "json":
        plan = one_line_names(plan)  # a name stays on its line (JSON keeps it as the file has it)
    rows = listing(plan)
    data = {"file": args.file, "title": plan.title, "base": base_figures(plan), "scenarios": rows}
    # 1 when the plan or a scenario cannot be scheduled (validation errors), as `planner compare` says
    code = (
        EXIT_INVALID if data["base"]["finish"] is None or any(r["finish"] is None for r in rows) else EXIT_OK
    )
    if args.format == "json":
        dump_json(data, sys.stdout, args.indent or None)
        return code
    out = sys.stdout
    if not rows:
        out.write(
            f'{args.file}: no scenarios. Add them in the app (Scenario menu) or under "scenarios" in the '
            'file (README, "Scenarios").\n'
        )
        if data["base"]["finish"] is None:  # why the exit code is 1
            out.write(
                "The plan itself cannot be scheduled: " + (data["base"]["errors"] or ["errors"])[0] + "\n"
            )
        return code
    out.write(f"{plan.title}: {units.count(len(rows), 'scenario')}\n")
    base = data["base"]
    if base["finish"] is None:
        out.write(
            "  Base (the plan itself): cannot be scheduled: " + (base["errors"] or ["errors"])[0] + "\n"
        )
    else:
        out.write(
            f"  Base (the plan itself): {units.format_when(plan.start_date, base['finish'], word='finish week')}\n"
        )
    for r in rows:
        if r["finish"] is None:
            effect = "cannot be scheduled: " + (r["errors"][0] if r["errors"] else "errors")
        else:
            when = units.format_when(plan.start_date, r["finish"], word="finish week")
            d = None if base["finish"] is None else units.week_delta(r["finish"], base["finish"])
            # the difference of the two finishes as written (units.week_delta), as `planner compare` writes it
            # (units.signed_weeks: '=' when 0 at two decimals)
            shown = units.signed_weeks(d)
            delta = (
                "the base cannot be scheduled"
                if d is None
                else "same as base"
                if shown == "="
                else f"{units.plural_weeks(abs(d))} {'earlier' if d < 0 else 'later'} than base"
            )
            effect = f"{when}, {delta}"
        summary = f"({units.count(r['changes'], 'change')}; {effect})"
        head = f"  {r['name']}  {summary}"
        # a long name puts what it does on the lines under it, within the 80 columns
        lines = [head] if len(head) <= WIDTH else [f"  {r['name']}", *wrap(summary, "      ")]
        out.write("".join(f"{x}\n" for x in lines))
        if r["description"]:
            out.write("".join(f"{x}\n" for x in wrap(r["description"], "      ")))
        for line in r["changes_text"]:
            out.write("".join(f"{x}\n" for x in wrap(line, "      - ", "        ")))
        for p in r["problems"]:
            # a scenario named like the base is used (by --scenario of its exact name), not skipped, a second of
            # one name is (those words are plain strings); a change that leaves the scenario unschedulable is made,
            # and says so; an added decision whose id the base has is added, and the two then share the id (a
            # duplicate-id error); a link the plan has is made again, and says so
            if not isinstance(p, ScenarioProblem):
                named = p.startswith(("it is named like the base", "its name is blank"))
                skipped = "" if named else " (skipped)"
            elif p.skipped:
                skipped = " (skipped)"
            elif p.code == "scenario-duplicate-id" and not p.unschedulable:
                skipped = (
                    " (added anyway: two decisions then share the id, so the scenario cannot be scheduled)"
                )
            else:
                skipped = ""
            out.write(f"      warning: {p}{skipped}\n")  # one line, for grep
    return code
