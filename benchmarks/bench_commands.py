"""Whole commands as users run them (issue 12): ``planner analyze/check FILE --format json`` and ``planner simulate``,
each a fresh process, side by side with the straightforward script in the same run, and with the previous release.

    .venv/bin/python benchmarks/bench_commands.py                  # 10k and 100k; simulate 1k x 10k, 100k x 100
    .venv/bin/python benchmarks/bench_commands.py --quick          # 10k only; simulate 1k x 10k
    .venv/bin/python benchmarks/bench_commands.py --previous COMMIT --record   # measure COMMIT, keep its figures

- Plans: ``benchmarks/_plans.py`` (seed 0): ~3 links per decision, all four link types, a few stage inversions,
  ~5 % of decisions without an owner.
- Baselines: ``benchmarks/naive_command.py`` (``json.load`` + networkx CPM and stages + ``json.dumps``) for analyze
  and check, ``benchmarks/naive_simulate.py`` (the numpy loop over decisions, vectorised over iterations, with
  criticality, sensitivity and stage gates) for simulate.
- Each figure is the median of ``--repeat`` runs of a fresh process writing to a file (so JSON is compact): CPU
  seconds (user + system, from ``wait4``; the machine is shared, so CPU is the figure that compares) and wall
  seconds, and the process's peak RSS. The planner, the baseline and the previous release of one case run in turn
  (one of each, then again), so a load that changes during the case weighs on all three alike.
- The previous release: with ``--previous COMMIT`` the planner of that commit (``git archive`` into a temporary
  folder, run with the same venv) is measured in the same run; ``--record`` keeps its figures in
  ``benchmarks/data/bench_commands_previous.json``, which later runs read when ``--previous`` is not given.
- In-process: ``analyze(plan)`` of the loaded 100k plan (CPU median of 3; the target is <= 0.3 s), loaded as the
  commands load it (decisions and dependencies as ``planner.model.rows`` structs) and as the app holds it
  (pydantic models).
- Floors: processes that only start the stack, only load the plan, or load and analyse it without any output
  (ending as the commands end, without freeing the plan), in the commands' environment (one OpenBLAS thread, as
  ``planner.cli.main`` sets unless the user did).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PREVIOUS = ROOT / "benchmarks" / "data" / "bench_commands_previous.json"
PY = sys.executable
TARGET_RATIO = 5.0  # planner at least this many times faster than the straightforward script (goal 10)
SIM_RATIO = 0.5  # planner simulate at most this share of the numpy loop's time
SIM_100K = 3.0  # seconds for 100 iterations x 100k decisions
ANALYZE_100K = 0.3  # seconds for analyze(plan) in-process at 100k
RSS_100K = 500.0  # MB


def run(cmd: list[str], out: Path, env: dict[str, str] | None = None) -> dict[str, float]:
    """One fresh process: CPU seconds (user + system), wall seconds, peak RSS (MB), exit code. (The peak RSS of a
    child counts the pages it shared with this process when forked: keep this process small.)"""
    with open(out, "wb") as fh:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode() if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
    code = proc.returncode
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err[-2000:]}")
    return {
        "cpu": usage.ru_utime + usage.ru_stime,
        "wall": wall,
        "rss": usage.ru_maxrss / 1024,
        "code": code,
    }


def median_run(cmd: list[str], out: Path, repeat: int, env: dict[str, str] | None = None) -> dict[str, float]:
    return interleaved_runs({"": cmd}, out, repeat, env)[""]


def interleaved_runs(
    cmds: dict[str, list[str]], out: Path, repeat: int, env: dict[str, str] | None = None
) -> dict[str, dict[str, float]]:
    """Medians of ``repeat`` runs of each command, taken in turn (one of each, then again), so that a change in the
    machine's load during the measurement weighs on each alike rather than on whichever ran last."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            runs[name].append(run(cmd, out, env or COMMAND_ENV))
    return {
        name: {k: statistics.median(r[k] for r in rs) for k in ("cpu", "wall", "rss")}
        for name, rs in runs.items()
    }


def planner_cmd(args: list[str], root: Path | None = None) -> list[str]:
    """The planner's command line; with ``root``, the copy of the package under that folder (the editable
    install's import hook is taken off so that it does not find this working tree's package instead), run as its
    command line too: ``main()`` reading ``sys.argv``, as the ``planner`` script runs it. (``main(argv)`` is a
    script calling the planner: it frees the plan and the analysis when the command is done, where the command
    line ends the process at once, 0.1-0.25 s at 100k decisions since session 29.)"""
    if root is None:
        return [PY, "-m", "planner.cli", *args]
    launch = (
        "import sys; sys.meta_path[:] = [f for f in sys.meta_path if '__editable__' not in repr(f)]; "
        "sys.path.insert(0, sys.argv.pop(1)); import planner; assert planner.__file__.startswith(sys.path[0]); "
        "from planner.cli import main; sys.argv[0] = 'planner'; sys.exit(main())"
    )
    return [PY, "-c", launch, str(root), *args]


def cases(sizes: list[int], sim: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(command, decisions, iterations) of every measured case."""
    out = [(c, n, 0) for n in sizes for c in ("analyze", "check")]
    return out + [("simulate", n, it) for n, it in sim]


def case_args(command: str, path: Path, iterations: int) -> tuple[list[str], list[str]]:
    """(planner arguments, baseline command) of one case."""
    if command == "simulate":
        return (
            ["simulate", str(path), "--iterations", str(iterations), "--format", "json"],
            [PY, str(ROOT / "benchmarks" / "naive_simulate.py"), str(path), str(iterations)],
        )
    return (
        [command, str(path), "--format", "json"],
        [PY, str(ROOT / "benchmarks" / "naive_command.py"), command, str(path)],
    )


# Every measured process (planner, previous release, baselines, floors) runs with the bytecode of its modules
# compiled beforehand into a private cache (PYTHONPYCACHEPREFIX), as an installed copy has it (pip compiles it);
# this development environment sets PYTHONDONTWRITEBYTECODE, which would make every run compile the planner's
# ~100 modules from source (~0.08 s of CPU per command) while numpy, pydantic and networkx come precompiled.
# And the environment the planner's command line gives itself (planner.cli.main): one OpenBLAS thread unless set.
PYCACHE = (
    Path(tempfile.gettempdir()) / f"bench_pycache_{os.getpid()}"
)  # made by the first compile, removed at the end
COMMAND_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": str(PYCACHE),
    "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1"),
}


def unpack_planner(commit: str, into: Path) -> None:
    """``planner/`` as it was at ``commit``, unpacked under ``into`` (``git archive``)."""
    archive = subprocess.run(["git", "archive", commit, "planner"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)


def plan_file(folder: Path, n: int) -> Path:
    """The generated plan of ``n`` decisions (seed 0) in ``folder``, made when absent, in a child process (a
    forked child's peak RSS would start at this process's)."""
    path = folder / f"random-{n}-s0.plan.json"
    if not path.exists():
        gen = "from benchmarks._plans import random_plan; from planner.model import save_plan; import sys; "
        gen += "save_plan(random_plan(int(sys.argv[1]), seed=0), sys.argv[2])"
        subprocess.run([PY, "-c", gen, str(n), str(path)], check=True, cwd=ROOT)
    return path


def compile_bytecode(*folders: Path) -> None:
    """Write the bytecode of every module under ``folders`` into the private cache (see COMMAND_ENV)."""
    for folder in folders:
        subprocess.run([PY, "-m", "compileall", "-q", str(folder)], check=True, env=COMMAND_ENV, cwd=ROOT)


def key(command: str, n: int, iterations: int) -> str:
    return f"{command} {n}" + (f" x{iterations}" if iterations else "")


def in_process(path: Path, rows: bool = True) -> dict[str, Any]:
    """CPU seconds of ``analyze(plan)`` (median of 3) and of loading, in a fresh process, with the plan loaded as
    the commands load it (``rows``: decisions and dependencies as planner.model.rows structs) or as the app does
    (pydantic models); ``phases``: each step of the analysis timed alone (medians of 3), to say where it goes."""
    code = (
        "import gc, json, statistics, sys, time\n"
        "from planner.model import load_plan\n"
        "from planner.analysis import analyze\n"
        "t = time.process_time(); plan = load_plan(sys.argv[1], rows=sys.argv[2] == '1')\n"
        "load = time.process_time() - t\n"
        "gc.freeze(); ts = []\n"
        "for _ in range(3):\n"
        "    t = time.process_time(); analyze(plan); ts.append(time.process_time() - t)\n"
        "from planner.analysis import analyze_stages, compile_plan, sort_findings, validate\n"
        "from planner.analysis.capacity import capacity_findings\n"
        "from planner.analysis.progress import progress_schedule, schedule_progress_findings\n"
        "from planner.model.io import gc_paused\n"
        "ph = {k: [] for k in ('compile', 'validate', 'schedule', 'findings', 'stages')}\n"
        "for _ in range(3):\n"
        "    with gc_paused():\n"
        "        c = [time.process_time()]; g = compile_plan(plan); c.append(time.process_time())\n"
        "        f = validate(plan, g, scheduled=False); c.append(time.process_time())\n"
        "        s = progress_schedule(plan, 'likely', g); c.append(time.process_time())\n"
        "        sort_findings(f + capacity_findings(plan, s) + schedule_progress_findings(plan, s, 'likely'))\n"
        "        c.append(time.process_time()); analyze_stages(plan, s); c.append(time.process_time())\n"
        "    for k, a, b in zip(ph, c, c[1:]): ph[k].append(b - a)\n"
        "print(json.dumps({'load': load, 'analyze': statistics.median(ts),\n"
        "                  'phases': {k: statistics.median(v) for k, v in ph.items()}}))\n"
    )
    proc = subprocess.run(
        [PY, "-c", code, str(path), "1" if rows else "0"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=COMMAND_ENV,
    )
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


FLOORS = {
    "python": "pass",
    "python + numpy": "import numpy",
    "python + the plan model (pydantic)": "import planner.model",
    "python + planner.analysis (numpy, pydantic, model)": "import planner.analysis",
}


# Floors that hold for any Python program, whatever its design: reading the plan file with the fastest JSON parser
# installed (orjson, a C extension; ``json.load`` costs about the same), and, for simulate, importing numpy and
# drawing only the uniform numbers a Monte Carlo of that size needs (one per decision and iteration, before any
# duration, schedule, criticality, sensitivity or gate is computed).
PARSE_FLOOR = "import sys, orjson; orjson.loads(open(sys.argv[1], 'rb').read())"
DRAW_FLOOR = "import sys, numpy as np; np.random.default_rng(0).random((int(sys.argv[1]), int(sys.argv[2])))"


# The plan loaded as the commands load it (the cyclic GC off while importing, planner.commands.common.load), and
# also analysed, each process then ended as a command ends (os._exit: the plan is not freed object by object,
# planner.cli._end_now): what check and analyze pay before their parser, findings and output.
LOAD_LABEL = "... + load_plan at {n:,} (as the commands load it)"
LOAD_FLOOR = (
    "import gc, os, sys; gc.disable(); from planner.commands.common import load; "
    "load(sys.argv[1], read_only=True); os._exit(0)"
)
ANALYSIS_LABEL = "... + load_plan + analyze(plan) at {n:,} (no output)"
ANALYSIS_FLOOR = (
    "import gc, os, sys; gc.disable(); from planner.commands.common import load; from planner.analysis import "
    "analyze; analyze(load(sys.argv[1], read_only=True)); os._exit(0)"
)


def parse_label(n: int) -> str:
    return f"python + read the plan file at {n:,} (orjson only)"


def draw_label(n: int, iterations: int) -> str:
    return f"python + numpy + {n * iterations / 1e6:g}M uniform draws ({n:,} x {iterations:,})"


def floors(paths: dict[int, Path], repeat: int, sim: list[tuple[int, int]] | None = None) -> dict[str, float]:
    """CPU seconds of processes that only start the planner's stack, or only load a plan as the commands do
    (medians, with the commands' one OpenBLAS thread): what a whole command cannot go below while it imports numpy
    and pydantic and loads the plan (issue 12). Also the floors of any Python program (``PARSE_FLOOR`` at each
    size, ``DRAW_FLOOR`` for each simulate case)."""
    out: dict[str, float] = {}
    for label, code in FLOORS.items():
        out[label] = median_run([PY, "-c", code], Path(os.devnull), repeat, COMMAND_ENV)["cpu"]
    for n, path in sorted(paths.items()):
        for label, code in ((LOAD_LABEL, LOAD_FLOOR), (ANALYSIS_LABEL, ANALYSIS_FLOOR)):
            out[label.format(n=n)] = median_run(
                [PY, "-c", code, str(path)], Path(os.devnull), repeat, COMMAND_ENV
            )["cpu"]
    for n, path in sorted(paths.items()):
        out[parse_label(n)] = median_run(
            [PY, "-c", PARSE_FLOOR, str(path)], Path(os.devnull), repeat, COMMAND_ENV
        )["cpu"]
    for n, iterations in sim or []:
        out[draw_label(n, iterations)] = median_run(
            [PY, "-c", DRAW_FLOOR, str(n), str(iterations)], Path(os.devnull), repeat, COMMAND_ENV
        )["cpu"]
    return out


def fmt(s: float | None) -> str:
    if s is None:
        return "-"
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10k only, simulate 1k x 10k")
    ap.add_argument("--sizes", default=None, help="plan sizes for analyze/check (default 10000,100000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure (default 3; 100k: 2)")
    ap.add_argument("--previous", default=None, help="a commit to measure as the previous release")
    ap.add_argument("--record", action="store_true", help="keep --previous's figures for later runs")
    ap.add_argument("--dir", default=None, help="folder for the generated plans (kept)")
    ap.add_argument("--json", default=None, help="also write the raw figures to this file")
    args = ap.parse_args(argv)

    sizes = [int(x) for x in (args.sizes or ("10000" if args.quick else "10000,100000")).split(",")]
    sim = [(1000, 10_000)] if args.quick else [(1000, 10_000), (100_000, 100)]
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="bench_commands_"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    paths = {n: plan_file(folder, n) for n in sorted({*sizes, *(n for n, _ in sim)})}

    prev_root: Path | None = None
    if args.previous:
        prev_root = Path(tempfile.mkdtemp(prefix="bench_prev_"))
        unpack_planner(args.previous, prev_root)
    recorded: dict[str, Any] = json.loads(PREVIOUS.read_text()) if PREVIOUS.exists() else {}
    previous: dict[str, dict[str, float]] = {} if prev_root else recorded.get("figures", {})

    out = folder / "out.json"
    results: dict[str, dict[str, Any]] = {}
    compile_bytecode(ROOT / "planner", ROOT / "benchmarks", *([prev_root] if prev_root else []))
    try:
        for command, n, iterations in cases(sizes, sim):
            repeat = max(2, args.repeat - 1) if n >= 100_000 else args.repeat
            mine_args, base_cmd = case_args(command, paths[n], iterations)
            k = key(command, n, iterations)
            print(f"{k}: measuring...", flush=True)
            cmds = {"planner": planner_cmd(mine_args), "baseline": base_cmd}
            if prev_root is not None:
                cmds["previous"] = planner_cmd(mine_args, prev_root)
            row: dict[str, Any] = interleaved_runs(cmds, out, repeat)
            if prev_root is not None:
                previous[k] = row.pop("previous")
            row["previous"] = previous.get(k)
            results[k] = row
        inproc = in_process(paths[max(sizes)])
        inproc_models = in_process(paths[max(sizes)], rows=False)
        floor = floors({n: paths[n] for n in sizes}, args.repeat, [c for c in sim if c[0] * c[1] <= 10**7])
    finally:
        if prev_root is not None:
            shutil.rmtree(prev_root, ignore_errors=True)
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(PYCACHE, ignore_errors=True)
    if args.record and args.previous:
        PREVIOUS.parent.mkdir(parents=True, exist_ok=True)
        PREVIOUS.write_text(
            json.dumps(
                {
                    "commit": args.previous,
                    "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                    "figures": previous,
                },
                indent=2,
            )
            + "\n"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"results": results, "in_process": inproc, "floors": floor}, indent=2) + "\n"
        )

    prev_label = args.previous or recorded.get("commit", "none recorded")
    print()
    print(f"CPU seconds (user + system), medians; wall in brackets; previous release = {prev_label}")
    header = f"{'case':<24} {'planner':>18} {'baseline':>18} {'x baseline':>10} {'previous':>18} {'x previous':>10} {'RSS':>8}"
    print(header)
    print("-" * len(header))
    ok = True
    for k, r in results.items():
        p, b, pr = r["planner"], r["baseline"], r["previous"]
        cell = {
            name: f"{fmt(x['cpu'])} ({fmt(x['wall'])})" if x else "-"
            for name, x in (("p", p), ("b", b), ("pr", pr))
        }
        vs_prev = f"{pr['cpu'] / p['cpu']:.1f}x" if pr else "-"
        print(
            f"{k:<24} {cell['p']:>18} {cell['b']:>18} {b['cpu'] / p['cpu']:>9.1f}x {cell['pr']:>18} {vs_prev:>10} "
            f"{p['rss']:>5.0f} MB"
        )
    print()
    print("Targets (CPU):")
    for k, r in results.items():
        speed = r["baseline"]["cpu"] / r["planner"]["cpu"]
        if k.startswith(("analyze", "check")):
            verdict = speed >= TARGET_RATIO
            print(
                f"  {k}: >= {TARGET_RATIO:g}x the straightforward script: {speed:.1f}x  {'PASS' if verdict else 'FAIL'}"
            )
        elif k == "simulate 1000 x10000":
            share = 1 / speed
            verdict = share <= SIM_RATIO
            print(
                f"  {k}: <= {SIM_RATIO:g}x the numpy loop's time: {share:.2f}x  {'PASS' if verdict else 'FAIL'}"
            )
        else:
            verdict = r["planner"]["cpu"] <= SIM_100K
            print(f"  {k}: <= {SIM_100K:g} s: {fmt(r['planner']['cpu'])}  {'PASS' if verdict else 'FAIL'}")
        ok &= verdict
    big = max(sizes)
    for command in ("analyze", "check"):
        rss = results[key(command, big, 0)]["planner"]["rss"]
        verdict = big < 100_000 or rss <= RSS_100K
        print(
            f"  {command} {big}: peak RSS <= {RSS_100K:g} MB: {rss:.0f} MB  {'PASS' if verdict else 'FAIL'}"
        )
        ok &= verdict
    verdict = inproc["analyze"] <= ANALYZE_100K or big < 100_000
    print(
        f"  analyze(plan) in-process at {big}: <= {fmt(ANALYZE_100K)}: {fmt(inproc['analyze'])} "
        f"(load_plan(rows=True) {fmt(inproc['load'])}; a plan of pydantic models, as the app holds it: "
        f"analyze {fmt(inproc_models['analyze'])}, load_plan {fmt(inproc_models['load'])})  "
        f"{'PASS' if verdict else 'FAIL'}"
    )
    phases = inproc.get("phases") or {}
    if phases:  # where analyze(plan) goes, each step timed alone (one GC pause; analyze adds its collection)
        print("    its steps on the rows: " + ", ".join(f"{k} {fmt(v)}" for k, v in phases.items()))
    ok &= verdict
    print()
    print("Floors (CPU, fresh processes that do only this; a whole command cannot cost less):")
    for label, cpu in floor.items():
        print(f"  {label:<58} {fmt(cpu):>8}")
    for k, r in results.items():
        if k.startswith(("analyze", "check")):
            n = int(k.split()[1])
            load = floor[LOAD_LABEL.format(n=n)]
            parse = floor[parse_label(n)]
            analysed = ""
            if k.startswith("analyze"):  # (check lists findings without the stage analysis)
                rest = r["planner"]["cpu"] - floor[ANALYSIS_LABEL.format(n=n)]
                analysed = f", with the analysis {fmt(floor[ANALYSIS_LABEL.format(n=n)])} (parser, output, rest: {fmt(rest)})"
            print(
                f"  {k}: {TARGET_RATIO:g}x needs <= {fmt(r['baseline']['cpu'] / TARGET_RATIO)}; "
                f"starting and loading the plan alone cost {fmt(load)} (at most {r['baseline']['cpu'] / load:.1f}x "
                f"with an instant analysis and output){analysed}; any Python program that reads the file costs "
                f"{fmt(parse)} (at most {r['baseline']['cpu'] / parse:.1f}x)"
            )
        elif k.startswith("simulate"):
            n, iterations = int(k.split()[1]), int(k.split()[2].lstrip("x"))
            label = draw_label(n, iterations)
            if label in floor:
                print(
                    f"  {k}: {SIM_RATIO:g}x needs <= {fmt(r['baseline']['cpu'] * SIM_RATIO)}; starting numpy and "
                    f"drawing the uniform numbers alone cost {fmt(floor[label])} (at best "
                    f"{floor[label] / r['baseline']['cpu']:.2f}x with an instant schedule and output)"
                )
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
