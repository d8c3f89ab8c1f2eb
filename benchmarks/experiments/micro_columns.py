"""One pass over plan.decisions vs one pass per field (validation and compile each walk the 100k decisions ~9
times; each walk is memory-bound). Best and median of N, interleaved.

    /work/venv/bin/python benchmarks/experiments/micro_columns.py PLAN.json
"""
from __future__ import annotations

import gc
import statistics
import sys
import time
from operator import attrgetter

from planner.model import load_plan

plan = load_plan(sys.argv[1])
gc.collect()
decisions = plan.decisions
FIELDS = ("id", "title", "stage", "area", "owner", "milestone", "status", "progress", "not_before", "duration")


def per_field():
    return [[getattr(d, f) for d in decisions] for f in FIELDS]


def per_field_attrgetter():
    return [list(map(attrgetter(f), decisions)) for f in FIELDS]


def fused_attrgetter():
    return [list(c) for c in zip(*map(attrgetter(*FIELDS), decisions), strict=True)]


def one_field():
    return [d.stage for d in decisions]


assert per_field() == fused_attrgetter() == per_field_attrgetter()
fns = (per_field, per_field_attrgetter, fused_attrgetter, one_field)
t = {f.__name__: [] for f in fns}
for _ in range(7):
    for f in fns:
        gc.collect()
        t0 = time.process_time()
        f()
        t[f.__name__].append(time.process_time() - t0)
for k, v in t.items():
    print(f"  {k:<22} CPU best {min(v) * 1e3:6.1f} ms  median {statistics.median(v) * 1e3:6.1f}")
