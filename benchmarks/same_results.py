"""Same results as an earlier commit (issue 12: speed work must not change a figure): every command's output on a
corpus of plans, from this working tree and from ``--previous COMMIT``, compared byte for byte.

    .venv/bin/python benchmarks/same_results.py --previous 1780fc5 [--fuzz 300] [--base 200] [--random 150]

The corpus (seeded, so both sides see the same files): the bundled samples; hostile files from
``tests/fuzz_plans.make_case`` (most fail to load: the messages must match too); plausible plans from
``tests/fuzz_plans.base_plan``, half of them mutated; and ``benchmarks/_plans.random_plan_dict`` plans of 3-400
decisions with done, in-progress and blocked work, actual dates as dates and as weeks, status dates, milestones
without durations, earliest starts and team capacities. Commands: ``check --format json``, ``analyze`` (text,
JSON, PERT, ``--level``) and ``simulate --iterations 300 --seed 3``. Each side runs in its own process with its own
copy of ``planner`` (``git archive``), in-process through ``planner.cli.main``. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [
    ["check", "--format", "json"],
    ["analyze", "--format", "json"],
    ["analyze"],
    ["analyze", "--format", "json", "--estimate", "pert"],
    ["analyze", "--format", "json", "--level"],
    ["simulate", "--iterations", "300", "--seed", "3", "--format", "json"],
]

RUNNER = """
import contextlib, glob, io, json, sys
root, folder, outfile, commands = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
sys.meta_path[:] = [f for f in sys.meta_path if '__editable__' not in repr(f)]
sys.path.insert(0, root)
import planner
assert planner.__file__.startswith(root), planner.__file__
from planner.cli import main
res = {}
for f in sorted(glob.glob(folder + '/*')):
    for c in commands:
        o, e = io.StringIO(), io.StringIO()
        argv = [c[0], f, *c[1:]]
        with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
            try:
                rc = main(argv)
            except SystemExit as x:
                rc = x.code
        res[' '.join([c[0], f.rsplit('/', 1)[1], *c[1:]])] = [rc, o.getvalue(), e.getvalue()]
json.dump(res, open(outfile, 'w'))
"""


def corpus(folder: Path, fuzz: int, base: int, randoms: int, seed: int = 12) -> int:
    """Write the plans; returns how many."""
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from fuzz_plans import base_plan, make_case, mutate

    from benchmarks._plans import random_plan_dict

    rng = random.Random(seed)
    for i in range(fuzz):
        (folder / f"f{i:04d}.json").write_bytes(make_case(rng))
    for i in range(base):
        p = base_plan(rng)
        if rng.random() < 0.5:
            p = mutate(rng, p)
        (folder / f"b{i:04d}.json").write_text(json.dumps(p))
    for i in range(randoms):
        p = random_plan_dict(rng.choice([3, 8, 20, 60, 150, 400]), seed=i)
        _progress(rng, p)
        (folder / f"r{i:04d}.json").write_text(json.dumps(p))
    for f in sorted((ROOT / "sample_plans").glob("*.plan.json")):
        shutil.copy(f, folder)
    return len(list(folder.iterdir()))


def _progress(rng: random.Random, p: dict[str, Any]) -> None:
    """Progress of every kind on a generated plan (issue 16's inputs)."""
    if rng.random() < 0.3:
        p.pop("start_date", None)
    if rng.random() < 0.5:
        p["status_date"] = rng.choice([5, 20.5, "2027-03-01", 0])
    for d in p["decisions"]:
        r = rng.random()
        if r < 0.1:
            d["status"] = "done"
            d["actual_finish"] = rng.choice([1, 3.5, 8, "2027-02-10"])
        elif r < 0.2:
            d["status"] = "in_progress"
            d["progress"] = rng.choice([0, 25, 80])
            d["actual_start"] = rng.choice([0.5, 4, "2027-01-20"])
        elif r < 0.25:
            d["progress"] = 40
        elif r < 0.3:
            d["status"] = "blocked"
        elif r < 0.35:
            d["status"] = "done"
        if rng.random() < 0.05:
            d["milestone"] = True
            d.pop("duration", None)
        if rng.random() < 0.1:
            d["not_before"] = rng.choice([2, 10.5])
    if rng.random() < 0.3:
        for t in p.get("teams", []):
            t["capacity"] = rng.choice([1, 2, 3.5])
    if "start_date" not in p:  # dates need a start date: weeks instead
        for d in p["decisions"]:
            for key in ("actual_start", "actual_finish"):
                if isinstance(d.get(key), str):
                    d[key] = 2.0
        if isinstance(p.get("status_date"), str):
            p["status_date"] = 7


def outputs(root: Path, folder: Path, out: Path) -> dict[str, list[Any]]:
    subprocess.run(
        [sys.executable, "-c", RUNNER, str(root), str(folder), str(out), json.dumps(COMMANDS)],
        check=True,
        cwd=tempfile.gettempdir(),
    )
    return dict(json.loads(out.read_text()))


def main(argv: list[str] | None = None) -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.bench_commands import unpack_planner

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--previous", required=True, help="the commit to compare with")
    ap.add_argument("--fuzz", type=int, default=300, help="hostile files (default 300)")
    ap.add_argument("--base", type=int, default=200, help="plausible plans (default 200)")
    ap.add_argument("--random", type=int, default=150, help="generated plans with progress (default 150)")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="same_results_"))
    try:
        plans = work / "plans"
        plans.mkdir()
        n = corpus(plans, args.fuzz, args.base, args.random)
        sides = {}
        for name, source in (("previous", args.previous), ("current", None)):
            root = work / name
            root.mkdir()
            if source is None:
                shutil.copytree(
                    ROOT / "planner", root / "planner", ignore=shutil.ignore_patterns("__pycache__")
                )
            else:
                unpack_planner(source, root)
            sides[name] = outputs(root, plans, work / f"{name}.json")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    old, new = sides["previous"], sides["current"]
    differ: collections.Counter[str] = collections.Counter()
    example: dict[str, str] = {}
    for key, value in old.items():
        if new.get(key) != value:
            parts = key.split()
            kind = " ".join([parts[0], *parts[2:]])
            differ[kind] += 1
            example.setdefault(kind, key)
    codes = collections.Counter(v[0] for v in new.values())
    print(
        f"{n} plans x {len(COMMANDS)} commands = {len(old)} cases (exit codes now: "
        + ", ".join(f"{c}: {k}" for c, k in sorted(codes.items(), key=str))
        + f"); {sum(differ.values())} differ from {args.previous}"
    )
    for kind, count in differ.items():
        print(f"  {count} x {kind}, e.g. {example[kind]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
