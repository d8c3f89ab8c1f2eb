"""Profile the planner's analysis (compile + validate + schedule + stages) on one plan file.

    /work/venv/bin/python benchmarks/experiments/profile_core.py PLAN.json [--top 30] [--gc on|off|freeze]

Prints per-phase wall times (median of --repeat), then a cProfile listing sorted by tottime.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.bench_core import planner_analyze  # noqa: E402
from planner.model import load_plan  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("plan")
ap.add_argument("--top", type=int, default=30)
ap.add_argument("--repeat", type=int, default=3)
ap.add_argument("--gc", choices=("on", "off", "freeze"), default="on")
ap.add_argument("--no-profile", action="store_true")
a = ap.parse_args()
plan = load_plan(a.plan)
if a.gc == "off":
    gc.disable()
elif a.gc == "freeze":
    gc.collect()
    gc.freeze()
runs = []
for _ in range(a.repeat):
    gc.collect() if a.gc != "off" else None
    t, _res = planner_analyze(plan)
    runs.append(t)
print(f"gc={a.gc} n={len(plan.decisions)} " + "  ".join(
    f"{k} {statistics.median(r[k] for r in runs) * 1000:.1f}ms" for k in runs[0]))
if not a.no_profile:
    pr = cProfile.Profile()
    pr.enable()
    planner_analyze(plan)
    pr.disable()
    pstats.Stats(pr).sort_stats("tottime").print_stats(a.top)
