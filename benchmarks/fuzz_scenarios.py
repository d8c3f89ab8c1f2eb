"""Fuzz the scenario commands with random scenarios on a small plan (H-unseen22), on demand.

    .venv/bin/python benchmarks/fuzz_scenarios.py --cases 1000 --seed 63000

``fuzz_cli.py``'s files carry at most one fixed scenario and never run ``scenarios`` or ``compare``. Here each case
is a small valid plan (two stages, a team, SF links and leads, a milestone, a risk) with one to three scenarios drawn
from every kind of change: overrides of durations (three-point too), stages, owners, headcount, earliest starts and
costs (some naming what the plan lacks), decisions dropped and added back under the same id, added milestones, links
added (some the plan has, some twice, some closing loops, some to unknown ids) and removed, team capacities, risk
odds; names like 'Base', blank, with commas or 100 characters; now and then an invalid value. ``check``,
``scenarios`` (text and JSON), ``compare`` (text and JSON), ``analyze --scenario`` for each, ``--level``,
``simulate``, every 10th an export (SVG and MS Project XML) and every 40th a report run in-process.

A case fails when a command exits with a code other than 0/1/2, raises, or prints a traceback or "internal error";
or when ``check`` (exit 0) and ``scenarios`` disagree on which scenario cannot be scheduled. Prints each failure,
then the count and ``check``'s exit codes (how many cases loaded); exit status 1 when any case failed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_s18_unseen_one_truth import run

IDS = ["d0", "d1", "d2", "d3", "m", "ghost", "D0"] * 20 + ["", "d0 ", "x" * 70]


def _duration(rng: random.Random) -> Any:
    if rng.random() < 0.98:
        return rng.choice(
            [
                0,
                1,
                2.5,
                7,
                {"optimistic": 1, "likely": 2, "pessimistic": 3},
                {"optimistic": 0, "likely": 0, "pessimistic": 0},
            ]
        )
    return rng.choice(
        [-1, 1e308, "3", None, True, [], {"optimistic": 3, "likely": 2, "pessimistic": 1}, 10000, 1e-9]
    )


def _override(rng: random.Random) -> tuple[str, Any]:
    key = rng.choice(["duration", "stage", "owner", "headcount", "not_before", "cost"])
    value = {
        "duration": _duration(rng),
        "stage": rng.choice(["validate", "scale", "nope"]),
        "owner": rng.choice(["t0", "t0", "nope"]),
        "headcount": rng.choice([0, 1, 3]),
        "not_before": rng.choice([0, 2.5, 30]),
        "cost": rng.choice([0, 100]),
    }[key]
    return key, value


def scenario(rng: random.Random, k: int) -> dict[str, Any]:
    s: dict[str, Any] = {"name": rng.choice([f"S{k}", "Base", "base", " ", "S,1", "Ä" * 100, "S0"])}
    if rng.random() < 0.6:
        s["decisions"] = {
            rng.choice(IDS): dict(_override(rng) for _ in range(rng.randint(1, 2)))
            for _ in range(rng.randint(1, 3))
        }
    if rng.random() < 0.4:
        s["drop_decisions"] = rng.sample(IDS, rng.randint(0, 3))
    if rng.random() < 0.4:
        s["add_decisions"] = [
            {
                "id": rng.choice([*IDS, "n1", "n2"]),
                "title": "N",
                "stage": rng.choice(["validate", "scale", "scale", "nope"]),
                "duration": _duration(rng) if rng.random() < 0.3 else 2,
                **({"milestone": True} if rng.random() < 0.2 else {}),
            }
            for _ in range(rng.randint(1, 2))
        ]
    dropped = [x for x in s.get("drop_decisions", []) if x]
    if (
        dropped and rng.random() < 0.5
    ):  # a dropped decision added back under its id, then linked the other way
        back = rng.choice(dropped)
        s.setdefault("add_decisions", []).append(
            {"id": back, "title": "Back", "stage": "validate", "duration": 1}
        )
        s["add_dependencies"] = [
            {"from": back, "to": rng.choice(IDS[:7])},
            {"from": rng.choice(IDS[:7]), "to": back},
        ]
    elif rng.random() < 0.5:
        s["add_dependencies"] = [
            {
                "from": rng.choice([*IDS, "n1"]),
                "to": rng.choice([*IDS, "n1"]),
                "type": rng.choice(["FS", "SS", "FF", "SF", "SF", "FS"]),
                "lag": rng.choice([0, -3, 2.5, 1e4]),
            }
            for _ in range(rng.randint(1, 3))
        ]
    if rng.random() < 0.3:
        s["remove_dependencies"] = [{"from": rng.choice(IDS), "to": rng.choice(IDS)}]
    if rng.random() < 0.3:
        s["teams"] = {rng.choice(["t0", "zz"]): {"capacity": rng.choice([0, 0.5, 3])}}
    if rng.random() < 0.3:
        s["risks"] = {
            rng.choice(["r0", "zz"]): {"probability": rng.choice([0, 1, 0.5]), "impact": _duration(rng)}
        }
    if rng.random() < 0.01:
        s["unknown_field"] = 1
    return s


def plan(rng: random.Random) -> dict[str, Any]:
    stage = ["validate", "scale"]
    return {
        "schema_version": 1,
        "title": "Scenario fuzz",
        "start_date": "2027-01-04",
        "stages": [{"id": "validate", "name": "Validate"}, {"id": "scale", "name": "Scale"}],
        "teams": [{"id": "t0", "name": "T0", "capacity": 1}],
        "decisions": [
            {
                "id": f"d{i}",
                "title": f"D{i}",
                "stage": rng.choice(stage),
                "owner": "t0",
                "duration": rng.choice([1, 2, {"optimistic": 1, "likely": 2, "pessimistic": 4}]),
            }
            for i in range(4)
        ]
        + [{"id": "m", "title": "M", "stage": "scale", "milestone": True, "duration": 0}],
        "dependencies": [
            {"from": "d0", "to": "d1"},
            {"from": "d1", "to": "m", "type": rng.choice(["FS", "SF"]), "lag": rng.choice([0, -1])},
        ],
        "risks": [{"id": "r0", "title": "R", "probability": 0.5, "impact": 2, "decisions": ["d2"]}],
        "scenarios": [scenario(rng, k) for k in range(rng.randint(1, 3))],
    }


def run_case(seed: int, folder: Path) -> tuple[list[str], int]:
    """The failures of case ``seed`` and ``check``'s exit code."""
    data = plan(random.Random(seed))
    p = folder / "f.plan.json"
    p.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
    f = str(p)
    names = [s["name"] for s in data["scenarios"]]
    cmds = [
        ["check", f, "--format", "json"],
        ["scenarios", f, "--format", "json"],
        ["scenarios", f],
        ["compare", f, "-n", "10", "--format", "json"],
        ["compare", f, "-n", "10"],
        *(["analyze", f, "--scenario", n, "--format", "json"] for n in names),
        ["analyze", f, "--scenario", names[0], "--level"],
        ["simulate", f, "--scenario", names[0], "-n", "10"],
    ]
    if seed % 10 == 0:
        cmds += [["export", f, "--scenario", names[0], "-o", str(folder / x)] for x in ("g.svg", "g.xml")]
    if seed % 40 == 0:
        cmds.append(
            [
                "report",
                f,
                "--scenario",
                names[0],
                "-q",
                "--sections",
                "cover,summary,comparison",
                "--scenarios",
            ]
            + [names[0], "-o", str(folder / "r.pdf")]
        )
    bad: list[str] = []
    res: dict[tuple[str, ...], tuple[int, str, str]] = {}
    for c in cmds:
        try:
            rc, out, err = run(c)
        except BaseException:  # noqa: BLE001 -- a fuzzer reports and goes on
            rc, out, err = 99, "", traceback.format_exc()
        res[tuple(c[:1] + c[2:])] = (rc, out, err)
        if rc not in (0, 1, 2) or "Traceback" in err or "internal error" in err:
            bad.append(f"{c[0]} {c[2:]} exits {rc}: {err[-600:]}")
    rc_c, out_c, _ = res[("check", "--format", "json")]
    rc_s, out_s, _ = res[("scenarios", "--format", "json")]
    if rc_c == 0 and rc_s in (
        0,
        1,
    ):  # one truth: what check flags cannot be scheduled is what scenarios cannot
        found = json.loads(out_c)["findings"]
        for row in json.loads(out_s)["scenarios"]:
            said = [x["message"] for x in found if x["message"].startswith(f"Scenario '{row['name']}' ")]
            # made but unschedulable, or an added decision whose id the plan has (the two then share it)
            flagged = any(
                "cannot be scheduled" in m or ("adds decision '" in m and "already has" in m) for m in said
            )
            if names.count(row["name"]) == 1 and (row["finish"] is None) != flagged:
                bad.append(f"scenario {row['name']!r}: finish {row['finish']}, check flags it: {flagged}")
    return bad, rc_c


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0, help="first case's seed (case k uses seed + k)")
    args = ap.parse_args()
    failures, codes = 0, {}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seed, args.seed + args.cases):
            bad, rc = run_case(seed, Path(tmp))
            codes[rc] = codes.get(rc, 0) + 1
            failures += len(bad)
            for x in bad:
                print(f"case {seed}: {x}", flush=True)
    print(f"{args.cases} cases, {failures} failures; check's exit codes {dict(sorted(codes.items()))}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
