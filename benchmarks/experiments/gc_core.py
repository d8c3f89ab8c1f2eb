"""How much of the analysis is the cyclic garbage collector? Counts and times every collection (gc.callbacks)
during the analysis, for the planner as is (A) and with the proposals of fast_core.py (B), in a steady state
(several analyses in a row on the loaded plan, as the app does after each edit), with plain gc, and with
gc.freeze() after loading.

    /work/venv/bin/python benchmarks/experiments/gc_core.py PLAN.json [--runs 6]
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import ab_core as AB  # noqa: E402

from planner.model import load_plan  # noqa: E402

state = {"t0": 0.0, "log": []}


def cb(phase, info):  # type: ignore[no-untyped-def]
    if phase == "start":
        state["t0"] = time.perf_counter()
    else:
        state["log"].append((info["generation"], time.perf_counter() - state["t0"]))


ap = argparse.ArgumentParser()
ap.add_argument("plan")
ap.add_argument("--runs", type=int, default=6)
a = ap.parse_args()
plan = load_plan(a.plan)
gc.collect()
print(f"{len(plan.decisions)} decisions; objects tracked by gc: {len(gc.get_objects())}")
gc.callbacks.append(cb)
for freeze in (False, True):
    if freeze:
        gc.collect()
        gc.freeze()
    for label, fast in (("A planner as is", False), ("B proposals", True)):
        state["log"].clear()
        walls = []
        results = []
        for _ in range(a.runs):  # keep the previous result alive, like an app showing it
            t0 = time.perf_counter()
            _, r = AB.pipeline(plan, fast)
            walls.append(time.perf_counter() - t0)
            results = [r]
        del results
        log = state["log"]
        g2 = [t for g, t in log if g == 2]
        gcall = sum(t for _, t in log)
        print(f"{'freeze' if freeze else 'plain '} {label}: {a.runs} analyses, wall {sum(walls):.2f}s "
              f"(per analysis {min(walls) * 1e3:.0f}..{max(walls) * 1e3:.0f} ms); collections {len(log)}, "
              f"of which gen2 {len(g2)} taking {sum(g2):.2f}s; all gc {gcall:.2f}s = {gcall / sum(walls):.0%}")
    if freeze:
        gc.unfreeze()
