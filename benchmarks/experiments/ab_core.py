"""A/B of the proposals in ``fast_core.py`` against the planner as it is, interleaved in one process.

    /work/venv/bin/python benchmarks/experiments/ab_core.py PLAN.json [--repeat 7]

Checks first that every proposal gives identical results (graph arrays and order, findings, schedule, stages),
then times each replaced function alone (old vs new, interleaved, median and best), then the whole analysis:
A = planner as is; B = all proposals; C = B with the cyclic GC paused during the analysis.
The proposals are swapped in by assigning module attributes in this process only; no file under planner/ changes.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fast_core as F  # noqa: E402

import planner.analysis.graph as G  # noqa: E402
import planner.analysis.schedule  # noqa: E402,F401
import planner.analysis.stages as ST  # noqa: E402
import planner.analysis.validation as V  # noqa: E402
from planner.model import load_plan  # noqa: E402

S = sys.modules["planner.analysis.schedule"]  # the package re-exports a function of the same name

ORIG = {"edge_order_graph": G.edge_order, "edge_order_sched": S.edge_order, "gated": ST.gated_schedule}


def cached_edge_order(graph):  # type: ignore[no-untyped-def]
    eo = graph.__dict__.get("_edge_order")
    if eo is None:
        eo = ORIG["edge_order_graph"](graph)
        graph.__dict__["_edge_order"] = eo
    return eo


def use(fast: bool) -> None:
    G.edge_order = cached_edge_order if fast else ORIG["edge_order_graph"]  # sequenced_stages imports it late
    S.edge_order = cached_edge_order if fast else ORIG["edge_order_sched"]
    ST.gated_schedule = F.gated_schedule_fast if fast else ORIG["gated"]


def pipeline(plan, fast: bool, gc_off: bool = False):  # type: ignore[no-untyped-def]
    use(fast)
    was = gc.isenabled()
    if gc_off:
        gc.disable()
    try:
        c0 = time.process_time()
        t0 = time.perf_counter()
        g = (F.compile_plan_fast if fast else G.compile_plan)(plan, "likely")
        t1 = time.perf_counter()
        f = (F.validate_fast if fast else V.validate)(plan, g)
        t2 = time.perf_counter()
        s = S.schedule(plan, "likely", g)
        t3 = time.perf_counter()
        st = ST.analyze_stages(plan, s)
        t4 = time.perf_counter()
    finally:
        if was:
            gc.enable()
        use(False)
    return {"compile": t1 - t0, "validate": t2 - t1, "schedule": t3 - t2, "stages": t4 - t3, "total": t4 - t0,
            "cpu": time.process_time() - c0}, (
        g, f, s, st)


def same(a, b) -> list[str]:  # type: ignore[no-untyped-def]
    ga, fa, sa, sta = a
    gb, fb, sb, stb = b
    bad = []
    for k in ("ids", "index", "order", "cyclic"):
        if getattr(ga, k) != getattr(gb, k):
            bad.append(f"graph.{k}")
    for k in ("duration", "not_before", "stage", "src", "dst", "kind", "lag", "edge_dep"):
        x, y = getattr(ga, k), getattr(gb, k)
        if x.dtype != y.dtype or not np.array_equal(x, y):
            bad.append(f"graph.{k}")
    if fa != fb:
        bad.append("findings")
    for k in ("es", "ef", "ls", "lf", "total_float", "free_float", "critical", "slack", "driving"):
        if not np.array_equal(getattr(sa, k), getattr(sb, k)):
            bad.append(f"schedule.{k}")
    if (sa.finish, sa.critical_path, sa.critical_chain_count, sa.notes) != (
            sb.finish, sb.critical_path, sb.critical_chain_count, sb.notes):
        bad.append("schedule.path")
    for k in ("sequenced", "gated_es", "gated_ef"):
        if not np.array_equal(getattr(sta, k), getattr(stb, k)):
            bad.append(f"stages.{k}")
    if (sta.stages, sta.inversions, sta.suggested_moves, sta.gated_finish, sta.gating_price) != (
            stb.stages, stb.inversions, stb.suggested_moves, stb.gated_finish, stb.gating_price):
        bad.append("stages.results")
    return bad


def timeit_ab(name: str, fa, fb, repeat: int) -> None:  # type: ignore[no-untyped-def]
    ta, tb, ca, cb = [], [], [], []
    for _ in range(repeat):
        for f, acc, cacc in ((fa, ta, ca), (fb, tb, cb)):
            gc.collect()
            c0 = time.process_time()
            t0 = time.perf_counter()
            f()
            acc.append(time.perf_counter() - t0)
            cacc.append(time.process_time() - c0)
    ma, mb = statistics.median(ta), statistics.median(tb)
    print(f"  {name:<40} {ma * 1e3:7.1f} -> {mb * 1e3:7.1f} ms  (best {min(ta) * 1e3:6.1f} -> {min(tb) * 1e3:6.1f};"
          f" cpu {statistics.median(ca) * 1e3:6.1f} -> {statistics.median(cb) * 1e3:6.1f})"
          f"  saves {(ma - mb) * 1e3:6.1f} ms")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("plan")
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args()
    plan = load_plan(a.plan)
    gc.collect()
    n = len(plan.decisions)
    print(f"{a.plan}: {n} decisions, {len(plan.dependencies)} links")

    _, ra = pipeline(plan, False)
    _, rb = pipeline(plan, True)
    diff = same(ra, rb)
    print("identical results:", "YES" if not diff else f"NO {diff}")
    if diff:
        return 1

    g = ra[0]
    s = ra[2]
    seq = ST.sequenced_stages(g)
    k = len(plan.stages)
    src_l, dst_l = g.src.tolist(), g.dst.tolist()
    print("per function (old -> new, medians, interleaved):")
    timeit_ab("compile_plan", lambda: G.compile_plan(plan), lambda: F.compile_plan_fast(plan), a.repeat)
    timeit_ab("  of which topological_order", lambda: G.topological_order(n, src_l, dst_l),
              lambda: F.topological_order_fast(n, g.src, g.dst), a.repeat)
    timeit_ab("validate", lambda: V.validate(plan, g), lambda: F.validate_fast(plan, g), a.repeat)
    timeit_ab("gated_schedule", lambda: ORIG["gated"](g, s.weight, seq, k),
              lambda: F.gated_schedule_fast(g, s.weight, seq, k), a.repeat)

    def sched_cached():  # type: ignore[no-untyped-def]
        g.__dict__.pop("_edge_order", None)
        use(True)
        try:
            st = S.schedule(plan, "likely", g)
            ST.sequenced_stages(g)
        finally:
            use(False)
        return st
    timeit_ab("schedule + sequenced (edge_order once)", lambda: (S.schedule(plan, "likely", g),
                                                                ST.sequenced_stages(g)), sched_cached, a.repeat)

    print("whole analysis (compile + validate + schedule + stages), interleaved:")
    runs: dict[str, list[dict[str, float]]] = {"A planner as is": [], "B all proposals": [],
                                               "C B + gc paused": []}
    for _ in range(a.repeat):
        for label, fast, gc_off in (("A planner as is", False, False), ("B all proposals", True, False),
                                    ("C B + gc paused", True, True)):
            gc.collect()
            t, _ = pipeline(plan, fast, gc_off)
            runs[label].append(t)
    for label, rs in runs.items():
        med = {key: statistics.median(r[key] for r in rs) for key in rs[0]}
        print(f"  {label:<17} " + "  ".join(f"{key} {v * 1e3:7.1f}" for key, v in med.items())
              + f"  ms (best total {min(r['total'] for r in rs) * 1e3:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
