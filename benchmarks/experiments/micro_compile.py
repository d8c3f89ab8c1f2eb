# ruff: noqa  (throwaway micro-benchmark)
"""Micro-benchmarks of the pieces of compile_plan at one plan size (min and median of N, interleaved).

    /work/venv/bin/python benchmarks/experiments/micro_compile.py PLAN.json
"""
from __future__ import annotations

import gc
import statistics
import sys
import time
from operator import attrgetter

import numpy as np

from planner.analysis.graph import TYPE_CODES, durations
from planner.model import load_plan
from planner.model.plan import ThreePoint

plan = load_plan(sys.argv[1])
gc.collect()
deps = plan.dependencies
decisions = plan.decisions
ids = [d.id for d in decisions]
index = dict(zip(ids, range(len(ids))))
get = index.get


def loop_appends():  # the planner today
    src_l, dst_l, kind_l, lag_l, dep_l = [], [], [], [], []
    for k, dep in enumerate(deps):
        u = get(dep.from_)
        v = get(dep.to)
        if u is None or v is None or u == v:
            continue
        src_l.append(u); dst_l.append(v); kind_l.append(TYPE_CODES[dep.type]); lag_l.append(dep.lag); dep_l.append(k)
    return src_l


def columns_get():
    F, T = attrgetter("from_"), attrgetter("to")
    s = [get(x, -1) for x in map(F, deps)]
    d = [get(x, -1) for x in map(T, deps)]
    k = list(map(TYPE_CODES.__getitem__, map(attrgetter("type"), deps)))
    l = list(map(attrgetter("lag"), deps))
    return s


def columns_getitem():
    try:
        s = list(map(index.__getitem__, map(attrgetter("from_"), deps)))
        d = list(map(index.__getitem__, map(attrgetter("to"), deps)))
    except KeyError:
        return columns_get()
    k = list(map(TYPE_CODES.__getitem__, map(attrgetter("type"), deps)))
    l = list(map(attrgetter("lag"), deps))
    return s


def one_pass_tuples():
    cols = [(dep.from_, dep.to, dep.type, dep.lag) for dep in deps]
    f, t, ty, l = zip(*cols)
    try:
        s = list(map(index.__getitem__, f)); d = list(map(index.__getitem__, t))
    except KeyError:
        return columns_get()
    k = list(map(TYPE_CODES.__getitem__, ty))
    return s


def dur_weeks():
    return durations(plan, "likely")


def dur_inline():
    TP = ThreePoint
    return np.array([0.0 if d.milestone else (d.duration.likely if type(d.duration) is TP else float(d.duration))
                     for d in decisions], dtype=np.float64)


def stage_fromiter():
    sp = plan.stage_index()
    return np.fromiter((sp.get(d.stage, -1) for d in decisions), dtype=np.int64, count=len(decisions))


def stage_list():
    sp = plan.stage_index()
    return np.array(list(map(sp.get, map(attrgetter("stage"), decisions))), dtype=object)


def index_setdefault():
    ix = {}
    for i, did in enumerate(ids):
        ix.setdefault(did, i)
    return ix


def index_zip():
    ix = dict(zip(ids, range(len(ids))))
    return ix


groups = [("dependency columns", [loop_appends, columns_get, columns_getitem, one_pass_tuples]),
          ("durations", [dur_weeks, dur_inline]),
          ("stage positions", [stage_fromiter]),
          ("id index", [index_setdefault, index_zip])]
assert np.array_equal(dur_weeks(), dur_inline())
assert loop_appends() == columns_getitem() == one_pass_tuples()
for title, fns in groups:
    times = {f.__name__: [] for f in fns}
    for _ in range(9):
        for f in fns:
            gc.collect()
            t0 = time.perf_counter(); f(); times[f.__name__].append(time.perf_counter() - t0)
    print(title + ": " + "; ".join(f"{k} {min(v)*1e3:.1f} (med {statistics.median(v)*1e3:.1f}) ms"
                                   for k, v in times.items()))
