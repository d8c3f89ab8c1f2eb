"""Corner plans (H-unseen25): tiny plans with every optional field at its edge, run through every command.

    .venv/bin/python benchmarks/fuzz_corners.py --cases 2000 --seed 0 [--workers 2] [--heavy]

A case is a *valid* plan with 0 to 3 decisions and 0 to 2 links, start date absent, 0001-01-01 or late in 9999,
durations 0, 1e-9 or the field maximum, lags and not_before at their limits, teams with and without capacity and
rate, budget, target (weeks or a date), horizon, cost of delay, status date, ai_system, risks on no decisions,
baselines with no entries, a scenario that drops everything, gate criteria. Each command (check, analyze text and
json with its options, simulate, scenarios, compare, diff, coverage, baseline, export of a chart or a data format,
and with --heavy the report and the import of an export) must exit 0, 1 or 2, exit 2 with exactly one message,
print no traceback, "internal error" or warning, and write JSON without NaN. Prints the first example of each
problem; exit status 1 when any case failed.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzz_plans import reuse_parser, run_case

from planner.model import limits

EDGE_WEEKS = [0, 1e-9, 0.5, 1, limits.MAX_WEEKS]
EDGE_LAGS = [0, -limits.MAX_WEEKS, limits.MAX_WEEKS, 1e-9, -1e-9, -1]
STARTS = [None, "0001-01-01", "9999-12-31", "9999-12-01", "9999-01-04", "2027-01-04"]
CHARTS = ["gantt", "graph", "roadmap", "stages", "critical-path", "risk", "criticality", "tornado", "load"]
CHARTS += ["spend", "cost"]
DATA = [".xml", ".mpx", ".xer", ".gan", ".csv", ".xlsx", ".tjp", ".mmd", ".dot", ".ics"]


def corner_plan(rng: random.Random) -> dict[str, Any]:
    """A valid plan at the edges (see the module's docstring)."""
    n = rng.choice([0, 0, 1, 1, 2, 3])
    stages = [
        {
            "id": f"s{i}",
            "name": f"Stage {i}",
            "gate_criteria": rng.choice([[], [{"text": "ok", "met": rng.random() < 0.5}]]),
        }
        for i in range(rng.randint(1, 2))
    ]
    teams: list[dict[str, Any]] = []
    for t in range(rng.randint(0, 2)):
        team: dict[str, Any] = {"id": f"t{t}", "name": f"Team {t}"}
        if rng.random() < 0.5:
            team["capacity"] = rng.choice([0, 1e-9, 1, limits.MAX_CAPACITY])
        if rng.random() < 0.5:
            team["rate"] = rng.choice([0, 1, 2000, 1e9])
        teams.append(team)
    decisions: list[dict[str, Any]] = []
    for k in range(n):
        d: dict[str, Any] = {"id": f"d{k}", "title": f"Decision {k}", "stage": rng.choice(stages)["id"]}
        if rng.random() < 0.6:
            d["duration"] = rng.choice(EDGE_WEEKS)
        else:
            o = rng.choice(EDGE_WEEKS[:-1])
            d["duration"] = {"optimistic": o, "likely": o, "pessimistic": rng.choice([o, limits.MAX_WEEKS])}
        if rng.random() < 0.3:
            d["not_before"] = rng.choice([0, 1e-9, 1, limits.MAX_WEEKS])
        if teams and rng.random() < 0.5:
            d["owner"] = rng.choice(teams)["id"]
        if rng.random() < 0.2:
            d["headcount"] = rng.choice([0, 1e-9, limits.MAX_HEADCOUNT])
        if rng.random() < 0.3:
            d["cost"] = rng.choice([0, 1, limits.MAX_COST])
        if rng.random() < 0.2:
            d["run_rate"] = rng.choice([0, 100, 1e9])
        if rng.random() < 0.15:
            d["milestone"] = True
            d["duration"] = 0
        if rng.random() < 0.15:
            d["status"] = rng.choice(["done", "in_progress"])
            d["progress"] = rng.choice([0, 50, 100])
        decisions.append(d)
    deps = []
    for _ in range(rng.randint(0, 2) if n >= 2 else 0):
        a, b = sorted(rng.sample(range(n), 2))
        deps.append(
            {
                "from": f"d{a}",
                "to": f"d{b}",
                "type": rng.choice(["FS", "SS", "FF", "SF"]),
                "lag": rng.choice(EDGE_LAGS),
            }
        )
    plan: dict[str, Any] = {
        "schema_version": 1,
        "title": "Corner plan",
        "stages": stages,
        "teams": teams,
        "decisions": decisions,
        "dependencies": deps,
    }
    start = rng.choice(STARTS)
    if start:
        plan["start_date"] = start
    if rng.random() < 0.4:
        plan["currency"] = rng.choice(["EUR", "JPY", "USD"])
    if rng.random() < 0.4:
        plan["budget"] = rng.choice([0, 1, limits.MAX_COST])
    if rng.random() < 0.4:
        plan["target"] = rng.choice(
            [0, 1e-9, 10, limits.MAX_SCHEDULE_WEEKS, "0001-01-01", "9999-12-31", "2027-06-01"]
        )
    if rng.random() < 0.3:
        plan["horizon"] = rng.choice([0, 1e-9, 52, limits.MAX_SCHEDULE_WEEKS])
    if rng.random() < 0.3:
        plan["cost_of_delay"] = rng.choice([0, 500, limits.MAX_COST])
    if rng.random() < 0.3:
        plan["status_date"] = rng.choice([0, 1e-9, 3, limits.MAX_WEEKS, "0001-01-01", "9999-12-31"])
    if rng.random() < 0.3:
        plan["ai_system"] = {
            "role": rng.choice(["provider", "deployer"]),
            "risk_tier": rng.choice(["prohibited", "high-risk", "limited", "minimal"]),
        }
        if rng.random() < 0.5:  # go-live: a decision, an id the plan lacks, or a date (not an id)
            plan["ai_system"]["go_live"] = rng.choice(["d0", "d2", "nope", "9999-12-31"])
    if rng.random() < 0.3:
        plan["risks"] = [
            {
                "id": "r0",
                "title": "Risk",
                "probability": rng.choice([0, 1e-9, 1]),
                "impact": rng.choice([0, 1, limits.MAX_WEEKS]),
                "decisions": [] if not n or rng.random() < 0.5 else ["d0"],
            }
        ]
    if rng.random() < 0.3:
        plan["baselines"] = [{"name": "B", "finish": rng.choice([0, 1e-9, 10]), "decisions": {}}]
    if rng.random() < 0.4:
        plan["scenarios"] = [
            {"name": "Empty", "drop_decisions": [d["id"] for d in decisions]},
            {"name": "Slow", "decisions": {d["id"]: {"duration": limits.MAX_WEEKS} for d in decisions[:1]}},
        ]
    return plan


def commands(rng: random.Random, folder: Path, plan: dict[str, Any], heavy: bool) -> list[list[str]]:
    """The command lines run on one case (the file's path is put after the command's name)."""
    has_baseline = bool(plan.get("baselines"))
    scen = rng.choice(["Empty", "Slow"]) if plan.get("scenarios") else None
    out = [
        ["check"],
        ["check", "--format", "json", "--strict"],
        ["analyze"],
        ["analyze", "--format", "json"],
        ["analyze", "--estimate", "pert"],
        [
            "analyze",
            "--level",
            "--level-method",
            rng.choice(["heuristic", "exact", "classic"]),
            "--format",
            "json",
        ],
        ["analyze", "--status-date", rng.choice(["0", "3", "0001-01-01", "9999-12-31", "2027-02-01"])],
        ["simulate", "--iterations", rng.choice(["1", "2", "50"]), "--seed", "3"],
        ["simulate", "--iterations", "1", "--format", "json", "--by", rng.choice(["0", "9999-12-31", "1"])],
        ["scenarios"],
        ["compare", "--iterations", "20", "--seed", "1"],
        ["coverage", "--format", "json"],
        ["coverage"],
        ["baseline"],
        ["export", "-o", str(folder / "chart.svg"), "--chart", rng.choice(CHARTS)],
        ["export", "-o", str(folder / f"data{rng.choice(DATA)}")],
    ]
    chart = [
        "export",
        "-o",
        str(folder / "more.png"),
        "--chart",
        rng.choice(CHARTS),
        "--size",
        "4x3",
        "--dpi",
        "30",
    ]
    chart += rng.choice([["--gated"], ["--dependencies"], ["--estimate", "pert"], ["--status-date", "0"], []])
    out.append(chart)
    out.append(["analyze", "--estimate", rng.choice(["optimistic", "pessimistic"]), "--level"])
    out.append(["coverage", "--framework", rng.choice(["nist", "iso42001", "euaiact"]), "--status-date", "1"])
    if plan["decisions"]:
        out.append(["analyze", "--explain", "d0"])
        out.append(["analyze", "--explain", f"d{len(plan['decisions']) - 1}", "--format", "json"])
    if has_baseline:
        out.append(["analyze", "--baseline", "B", "--format", "json"])
        out.append(["analyze", "--baseline", "B"])
    if scen:
        out.append(["analyze", "--scenario", scen])
        out.append(["simulate", "--iterations", "5", "--scenario", scen])
        out.append(["check", "--scenario", scen, "--format", "json"])
        out.append(["compare", "--scenarios", f"{scen},Base", "--iterations", "3", "--format", "json"])
        out.append(["export", "-o", str(folder / "scen.csv"), "--scenario", scen])
        if has_baseline:
            out.append(["export", "-o", str(folder / "b.svg"), "--chart", "gantt", "--baseline", "B"])
    if heavy:
        out.append(["report", "-o", str(folder / "r.pdf"), "--simulate", "--iterations", "20"])
        if scen:
            out.append(
                ["report", "-o", str(folder / "s.pdf"), "--scenarios", "Base,Empty,Slow", "--iterations", "5"]
            )
    return out


def run_one(seed: int, folder: Path, heavy: bool) -> list[str]:
    rng = random.Random(seed)
    plan = corner_plan(rng)
    data = json.dumps(plan).encode()
    found = run_case(data, folder, commands=commands(rng, folder, plan, heavy))
    # diff against a copy with one change; baseline --name writes into a copy
    from fuzz_plans import _run

    path = folder / "case.plan.json"
    other = dict(plan, title="Corner plan B", decisions=plan["decisions"][1:], dependencies=[])
    (folder / "b.plan.json").write_text(json.dumps(other), encoding="utf-8")
    extra = [
        ["diff", str(path), str(folder / "b.plan.json")],
        ["diff", str(path), str(folder / "b.plan.json"), "--format", "json", "--iterations", "5"],
    ]
    shutil.copy(path, folder / "k.plan.json")
    extra.append(["baseline", str(folder / "k.plan.json"), "--name", "Now"])
    extra.append(["analyze", str(folder / "k.plan.json"), "--baseline", "Now"])
    if heavy:
        suffix = rng.choice([".xml", ".mpx", ".xer", ".gan", ".csv", ".xlsx"])
        exported = folder / f"e{suffix}"
        extra.append(["export", str(path), "-o", str(exported)])
        extra.append(["import", str(exported), "-o", str(folder / "back.plan.json"), "--force"])
        extra.append(["check", str(folder / "back.plan.json")])
    for argv in extra:
        code, out, err = _run(argv)
        name = " ".join(a.replace(str(folder) + "/", "") for a in argv)
        if code not in (0, 1, 2):
            found.append(f"{name}: exit {code}")
        if "internal error" in err or "Traceback" in err or "Warning" in err:
            found.append(f"{name}: {err.strip().splitlines()[-1][:300]}")
        if code == 2 and (err.count("planner:") != 1 or out):
            found.append(f"{name}: exit 2 without exactly one message: {err[:200]!r}")
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--heavy", action="store_true", help="also the PDF report and importing an export")
    args = ap.parse_args()
    reuse_parser()
    problems: collections.Counter[str] = collections.Counter()
    examples: dict[str, int] = {}
    for seed in range(args.seed, args.seed + args.cases):
        with tempfile.TemporaryDirectory() as folder:
            for p in run_one(seed, Path(folder), args.heavy):
                key = p[:160]
                problems[key] += 1
                examples.setdefault(key, seed)
                if problems[key] == 1:
                    print(f"seed {seed}: {p[:400]}", flush=True)
    print(f"{args.cases} cases, {sum(problems.values())} problems, {len(problems)} kinds")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
