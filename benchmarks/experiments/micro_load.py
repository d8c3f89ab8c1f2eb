"""Loading a plan: where the time goes in load_plan (read, json.loads, strict model_validate_json), and what
pausing the cyclic GC around the json.loads as well would save. Best and median of N, interleaved.

    /work/venv/bin/python benchmarks/experiments/micro_load.py PLAN.json [N]
"""
from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from pathlib import Path

from planner.model import load_plan
from planner.model.plan import Plan

path = Path(sys.argv[1])
raw = path.read_bytes()


def load_plan_as_is():
    return load_plan(path)


def json_loads_gc_on():
    return json.loads(path.read_bytes().decode("utf-8-sig"))


def json_loads_gc_paused():
    gc.disable()
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    finally:
        gc.enable()


def validate_json_only():  # what model_validate_json costs alone (gc paused, as load_plan does)
    gc.disable()
    try:
        return Plan.model_validate_json(path.read_bytes().decode("utf-8-sig"), strict=True)
    finally:
        gc.enable()


def load_plan_gc_paused_throughout():  # proposal: pause the GC around json.loads too
    gc.disable()
    try:
        return load_plan(path)
    finally:
        gc.enable()


fns = (load_plan_as_is, load_plan_gc_paused_throughout, json_loads_gc_on, json_loads_gc_paused, validate_json_only)
times = {f.__name__: [] for f in fns}
cpu = {f.__name__: [] for f in fns}
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 5):
    for f in fns:
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        p = f()
        times[f.__name__].append(time.perf_counter() - t0)
        cpu[f.__name__].append(time.process_time() - c0)
        del p
for k, v in times.items():
    print(f"  {k:<32} best {min(v) * 1e3:6.0f} ms  median {statistics.median(v) * 1e3:6.0f}  "
          f"CPU median {statistics.median(cpu[k]) * 1e3:6.0f}")
