"""Why is wall time > CPU time for the planner as is at 100k but not with the proposals? Interleaved A/B with
rusage deltas (page faults, voluntary/involuntary context switches) and gc collection counts per analysis.

    /work/venv/bin/python benchmarks/experiments/wall_vs_cpu.py PLAN.json [--runs 4]
"""
from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import ab_core as AB  # noqa: E402

from planner.model import load_plan  # noqa: E402

gen2 = {"n": 0, "t": 0.0, "t0": 0.0}


def cb(phase, info):  # type: ignore[no-untyped-def]
    if info["generation"] != 2:
        return
    if phase == "start":
        gen2["t0"] = time.perf_counter()
    else:
        gen2["n"] += 1
        gen2["t"] += time.perf_counter() - gen2["t0"]


ap = argparse.ArgumentParser()
ap.add_argument("plan")
ap.add_argument("--runs", type=int, default=4)
a = ap.parse_args()
plan = load_plan(a.plan)
gc.collect()
gc.callbacks.append(cb)
keep = None
for _ in range(a.runs):
    for label, fast in (("A as is", False), ("B proposals", True)):
        gc.collect()
        gen2.update(n=0, t=0.0)
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        c0, t0 = time.process_time(), time.perf_counter()
        _, keep = AB.pipeline(plan, fast)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        print(f"{label:<12} wall {wall * 1e3:6.0f} ms  cpu {cpu * 1e3:6.0f} (user {(r1.ru_utime - r0.ru_utime) * 1e3:5.0f}"
              f" sys {(r1.ru_stime - r0.ru_stime) * 1e3:4.0f})  minflt {r1.ru_minflt - r0.ru_minflt:7d}  "
              f"majflt {r1.ru_majflt - r0.ru_majflt}  vol.cs {r1.ru_nvcsw - r0.ru_nvcsw:4d}  "
              f"invol.cs {r1.ru_nivcsw - r0.ru_nivcsw:4d}  gen2 {gen2['n']} ({gen2['t'] * 1e3:.0f} ms)", flush=True)
