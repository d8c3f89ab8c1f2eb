"""Loading a plan: json.loads + model_validate (what load_plan does) vs model_validate_json, gc paused in both.

    /work/venv/bin/python benchmarks/experiments/micro_load.py PLAN.json
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


def via_dict():
    gc.disable()
    try:
        return Plan.model_validate(json.loads(raw.decode("utf-8-sig")))
    finally:
        gc.enable()


def via_json():
    gc.disable()
    try:
        return Plan.model_validate_json(raw)
    finally:
        gc.enable()


def via_load_plan():
    return load_plan(path)


assert via_dict() == via_json()
times = {f.__name__: [] for f in (via_load_plan, via_dict, via_json)}
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 5):
    for f in (via_load_plan, via_dict, via_json):
        gc.collect()
        t0 = time.perf_counter()
        p = f()
        times[f.__name__].append(time.perf_counter() - t0)
        del p
print("; ".join(f"{k} best {min(v)*1e3:.0f} ms (median {statistics.median(v)*1e3:.0f})" for k, v in times.items()))
