"""``planner scenarios FILE [--format text|json]``: the scenarios a plan file carries (issue 13).

Each scenario is listed with its description, how many changes it makes, what it does to the finish, and any
override that names something the plan does not have (such overrides are skipped when it is materialised).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

NAME = "scenarios"
HELP = "list the scenarios a plan carries and what each does to the finish"
DESCRIPTION = (
    "List the named scenarios stored in a plan file (alternatives expressed as overrides on the base plan), with "
    "what each changes and its finish against the base. Use --scenario NAME on analyze, simulate, report and "
    "export to work on one, and `planner compare` to see them side by side."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="plan file (*.plan.json)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def listing(plan: Any) -> list[dict[str, Any]]:
    """One entry per scenario: name, description, changes, finish (weeks) and its delta to the base, problems."""
    from planner.analysis import analyze
    from planner.model import units
    from planner.model.scenarios import describe_changes, materialise, override_count, scenario_problems

    base = analyze(plan)
    base_finish = base.schedule.finish if base.schedule is not None else None
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for sc in plan.scenarios:
        clash = []
        if sc.name in seen:
            clash.append("another scenario has the same name; only the first is used")
        if sc.name.casefold() == "base":
            clash.append("it is named like the base plan; --scenario Base means this scenario")
        seen.add(sc.name)
        result = analyze(materialise(plan, sc))
        finish = result.schedule.finish if result.schedule is not None else None
        rows.append(
            {
                "name": sc.name,
                "description": sc.description,
                "changes": override_count(sc),
                "finish": finish,
                "finish_date": units.iso_date(plan.start_date, finish),
                "delta": None if finish is None or base_finish is None else finish - base_finish,
                "errors": [f.message for f in result.errors],
                "problems": clash + scenario_problems(plan, sc),
                "changes_text": describe_changes(plan, sc),
            }
        )
    return rows


def run(args: argparse.Namespace) -> int:
    from planner.commands.common import EXIT_OK, load
    from planner.model import units

    plan = load(args.file)
    rows = listing(plan)
    if args.format == "json":
        json.dump({"file": args.file, "title": plan.title, "scenarios": rows}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    out = sys.stdout
    if not rows:
        out.write(
            f'{args.file}: no scenarios. Add them in the app (Scenario menu) or under "scenarios" in the '
            'file (README, "Scenarios").\n'
        )
        return EXIT_OK
    out.write(f"{plan.title}: {len(rows)} scenario{'s' if len(rows) != 1 else ''}\n")
    for r in rows:
        if r["finish"] is None:
            effect = "cannot be scheduled: " + (r["errors"][0] if r["errors"] else "errors")
        else:
            when = units.format_when(plan.start_date, r["finish"], word="finish week")
            d = r["delta"]
            delta = (
                "same as base"
                if d is None or abs(d) < 1e-9
                else f"{units.plural_weeks(abs(d))} {'earlier' if d < 0 else 'later'} than base"
            )
            effect = f"{when}, {delta}"
        out.write(f"  {r['name']}  ({r['changes']} change{'s' if r['changes'] != 1 else ''}; {effect})\n")
        if r["description"]:
            out.write(f"      {r['description']}\n")
        for line in r["changes_text"]:
            out.write(f"      - {line}\n")
        for p in r["problems"]:
            out.write(f"      warning: {p} (skipped)\n")
    return EXIT_OK
