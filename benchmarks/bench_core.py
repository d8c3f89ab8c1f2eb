"""Benchmark of the planning core (SPEC §3.1-§3.3) against a straightforward networkx baseline.

Run on demand (not a test)::

    .venv/bin/python benchmarks/bench_core.py                 # 1k, 10k, 100k; 7 runs (3 at 100k)
    .venv/bin/python benchmarks/bench_core.py --quick         # 1k, 10k; 3 runs
    .venv/bin/python benchmarks/bench_core.py --sizes 1000,10000 --repeat 9

For each size it generates a random valid plan (``benchmarks/_plans.py``, fixed seed), saves it with
``planner.model.save_plan`` to a temporary folder, then, in a fresh child process per size (so that max RSS is
that size's alone):

- times ``load_plan`` from disk, then ``compile_plan``, ``validate``, ``schedule`` and ``analyze_stages`` run in
  sequence exactly as ``planner.analysis.analyze`` does; the "total" is compile + validate + schedule + stages,
  i.e. ``analyze(plan)`` (the target figure);
- measures the tracemalloc peak of one analysis (separate run; tracemalloc slows code down) and the process max
  RSS (after loading and analysing, before the baseline runs);
- times a straightforward networkx implementation of the same rules (DiGraph with attribute dicts,
  ``nx.topological_sort``, SPEC formulas per link type) and CHECKS that its results equal the planner's:
  ES/EF/LS/LF/total float/free float/critical flags/finish/stage windows/sequenced stages/gated ES and EF/
  gated finish within 1e-9, and the same finding codes and counts. A mismatch aborts the run.

Medians of the runs are reported; the machine is noisy, so compare figures from one run of this script.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

from planner.analysis import analyze_stages, compile_plan, has_errors, schedule, validate  # noqa: E402
from planner.analysis.capacity import capacity_findings  # noqa: E402
from planner.model import Plan, load_plan, save_plan  # noqa: E402
from planner.model.plan import Status, duration_value  # noqa: E402

TOL_CHECK = 1e-9
TARGETS = {10_000: 0.150, 100_000: 1.5}
"""Seconds for validate + schedule + stages (compile included), by plan size."""
TARGET_RATIO = 3.0
RATIO_SIZES = (10_000, 100_000)


# ------------------------------------------------------------------------------------------------------------------
# The networkx baseline: the same rules written the straightforward way.
# ------------------------------------------------------------------------------------------------------------------


def nx_build(plan: Plan, estimate: str = "likely") -> nx.DiGraph:
    """A DiGraph keyed by decision id with attribute dicts; dependencies with unknown ends or self links omitted."""
    stage_pos = {s.id: i for i, s in enumerate(plan.stages)}
    g = nx.DiGraph()
    for d in plan.decisions:
        if d.id in g:
            continue  # duplicate id: first one wins (validation reports it)
        g.add_node(
            d.id,
            duration=d.weeks(estimate),
            not_before=d.not_before or 0.0,
            stage=stage_pos.get(d.stage, -1),
            title=d.title,
        )
    for dep in plan.dependencies:
        if dep.from_ in g and dep.to in g and dep.from_ != dep.to:
            g.add_edge(dep.from_, dep.to, type=str(dep.type), lag=dep.lag)
    return g


def nx_validate(plan: Plan, g: nx.DiGraph) -> tuple[list[tuple[str, str, str, list[str]]], list[str] | None]:
    """(findings as (severity, code, message, ids), topological order or None on a cycle)."""
    out: list[tuple[str, str, str, list[str]]] = []

    def nm(did: str) -> str:
        t = g.nodes[did]["title"] if did in g else None
        return f"'{t}' ({did})" if t else f"'{did}'"

    for kind, items in (
        ("decision", plan.decisions),
        ("stage", plan.stages),
        ("area", plan.areas),
        ("team", plan.teams),
        ("risk", plan.risks),
    ):
        for did, c in Counter(x.id for x in items).items():
            if c > 1:
                out.append(("error", "duplicate-id", f"{c} {kind}s share the id '{did}'.", [did]))
    stages = {s.id for s in plan.stages}
    areas = {a.id for a in plan.areas}
    teams = {t.id for t in plan.teams}
    for d in plan.decisions:
        if d.stage not in stages:
            out.append(("error", "unknown-reference", f"{nm(d.id)} is in unknown stage '{d.stage}'.", [d.id]))
        if d.area is not None and d.area not in areas:
            out.append(("error", "unknown-reference", f"{nm(d.id)} is in unknown area '{d.area}'.", [d.id]))
        if d.owner is not None and d.owner not in teams:
            out.append(
                ("error", "unknown-reference", f"{nm(d.id)} is owned by unknown team '{d.owner}'.", [d.id])
            )
    for i, dep in enumerate(plan.dependencies):
        missing = [x for x in (dep.from_, dep.to) if x not in g]
        if missing:
            out.append(("error", "unknown-reference", f"Dependency #{i + 1} names {missing}.", []))
        if dep.from_ == dep.to:
            out.append(("error", "self-dependency", f"{nm(dep.from_)} depends on itself.", [dep.from_]))
    for r in plan.risks:
        for did in r.decisions:
            if did not in g:
                out.append(("error", "unknown-reference", f"Risk {r.id} affects unknown '{did}'.", []))
        if r.owner is not None and r.owner not in teams:
            out.append(("error", "unknown-reference", f"Risk {r.id} is owned by unknown team.", []))
    order: list[str] | None
    try:
        order = list(nx.topological_sort(g))
    except nx.NetworkXUnfeasible:
        order = None
        cyc = nx.find_cycle(g)
        chain = [u for u, _ in cyc] + [cyc[0][0]]
        out.append(("error", "cycle", "Dependency cycle: " + " -> ".join(chain), chain[:-1]))
    for d in plan.decisions:
        if d.milestone and duration_value(d.duration, "pessimistic") != 0:
            out.append(("error", "milestone-duration", f"{nm(d.id)} is a milestone with a duration.", [d.id]))
    for (u, v), c in Counter((dep.from_, dep.to) for dep in plan.dependencies).items():
        if c > 1 and u in g and v in g and u != v:
            out.append(
                ("warning", "duplicate-dependency", f"{nm(u)} -> {nm(v)} is linked {c} times.", [u, v])
            )
    for u, v in g.edges():
        su, sv = g.nodes[u]["stage"], g.nodes[v]["stage"]
        if su > sv >= 0:
            out.append(
                (
                    "warning",
                    "stage-inversion",
                    f"{nm(v)} ({plan.stages[sv].name}) waits for {nm(u)} ({plan.stages[su].name}).",
                    [u, v],
                )
            )
    started: dict[str, list[str]] = {}
    for d in plan.decisions:
        if d.status in (Status.IN_PROGRESS, Status.DONE) or d.progress > 0:
            started.setdefault(d.stage, []).append(d.id)
    for prev, st in zip(plan.stages, plan.stages[1:], strict=False):
        if any(not c.met for c in prev.gate_criteria) and st.id in started:
            out.append(
                (
                    "warning",
                    "gate-not-met",
                    f"Stage {st.name} started before the {prev.name} gate.",
                    started[st.id][:20],
                )
            )
    if g.number_of_nodes() >= 2:
        for did in g.nodes:
            if g.degree(did) == 0:
                out.append(("info", "isolated-decision", f"{nm(did)} has no dependencies.", [did]))
    used = {d.stage for d in plan.decisions}
    for s in plan.stages:
        if s.id not in used:
            out.append(("info", "empty-stage", f"Stage {s.name} has no decisions.", []))
    for d in plan.decisions:
        if d.owner is None and not d.milestone:
            out.append(("info", "missing-owner", f"{nm(d.id)} has no owner.", [d.id]))
    rank = {"error": 0, "warning": 1, "info": 2}
    out.sort(key=lambda f: rank[f[0]])
    return out, order


def _c(t: str, lag: float, es_i: float, ef_i: float, d_j: float) -> float:
    """SPEC §3.2: the constraint a link i -> j puts on ES_j."""
    if t == "FS":
        return ef_i + lag
    if t == "SS":
        return es_i + lag
    if t == "FF":
        return ef_i + lag - d_j
    return es_i + lag - d_j  # SF


def nx_schedule(g: nx.DiGraph, order: list[str]) -> dict[str, Any]:
    """Forward and backward pass, floats and critical flags, straight from SPEC §3.2."""
    nodes, pred, succ = g.nodes, g.pred, g.succ
    es: dict[str, float] = {}
    ef: dict[str, float] = {}
    for j in order:
        a = nodes[j]
        d_j = a["duration"]
        t = max(0.0, a["not_before"])
        for i, e in pred[j].items():
            c = _c(e["type"], e["lag"], es[i], ef[i], d_j)
            if c > t:
                t = c
        es[j] = t
        ef[j] = t + d_j
    finish = max(ef.values()) if ef else 0.0
    tol = 1e-7 * max(1.0, abs(finish))
    ls: dict[str, float] = {}
    lf: dict[str, float] = {}
    for j in reversed(order):
        d_j = nodes[j]["duration"]
        t = finish
        for k, e in succ[j].items():
            typ, lag = e["type"], e["lag"]
            if typ == "FS":
                b = ls[k] - lag
            elif typ == "SS":
                b = ls[k] - lag + d_j
            elif typ == "FF":
                b = lf[k] - lag
            else:  # SF
                b = lf[k] - lag + d_j
            if b < t:
                t = b
        lf[j] = t
        ls[j] = t - d_j
    tf: dict[str, float] = {}
    ff: dict[str, float] = {}
    critical: dict[str, bool] = {}
    for j in order:
        f = max(ls[j] - es[j], 0.0)
        if f <= tol:
            f = 0.0
        tf[j] = f
        critical[j] = f <= tol
        free = finish - ef[j]
        for k, e in succ[j].items():
            s = es[k] - _c(e["type"], e["lag"], es[j], ef[j], nodes[k]["duration"])
            if s < free:
                free = s
        free = min(max(free, 0.0), f)
        ff[j] = 0.0 if free <= tol else free
    return {
        "es": es,
        "ef": ef,
        "ls": ls,
        "lf": lf,
        "tf": tf,
        "ff": ff,
        "critical": critical,
        "finish": finish,
        "tol": tol,
    }


def nx_stages(plan: Plan, g: nx.DiGraph, order: list[str], sched: dict[str, Any]) -> dict[str, Any]:
    """Stage windows, inversions, sequenced stages and the gated forward pass, straight from SPEC §3.3."""
    nodes, pred = g.nodes, g.pred
    k_stages = len(plan.stages)
    es, ef = sched["es"], sched["ef"]
    windows: list[tuple[float, float] | None] = []
    for k in range(k_stages):
        mine = [j for j in order if nodes[j]["stage"] == k]
        windows.append((min(es[j] for j in mine), max(ef[j] for j in mine)) if mine else None)
    inversions = [(u, v) for u, v in g.edges() if nodes[u]["stage"] > nodes[v]["stage"]]
    seq: dict[str, int] = {}
    for j in order:
        s = nodes[j]["stage"]
        for i in pred[j]:
            if seq[i] > s:
                s = seq[i]
        seq[j] = s
    pos = {j: p for p, j in enumerate(order)}
    gorder = sorted(order, key=lambda j: (seq[j], pos[j]))
    ges: dict[str, float] = {}
    gef: dict[str, float] = {}
    gates = [0.0] * k_stages
    gate_prev, current, stage_max = 0.0, 0, 0.0
    for j in gorder:
        while current < seq[j]:
            gates[current] = max(gate_prev, stage_max)
            gate_prev, stage_max, current = gates[current], 0.0, current + 1
        a = nodes[j]
        d_j = a["duration"]
        t = max(0.0, a["not_before"], gate_prev)
        for i, e in pred[j].items():
            c = _c(e["type"], e["lag"], ges[i], gef[i], d_j)
            if c > t:
                t = c
        ges[j] = t
        gef[j] = t + d_j
        stage_max = max(stage_max, gef[j])
    while current < k_stages:
        gates[current] = max(gate_prev, stage_max)
        gate_prev, stage_max, current = gates[current], 0.0, current + 1
    gated_windows: list[tuple[float, float] | None] = []
    for k in range(k_stages):
        mine = [j for j in gorder if seq[j] == k]
        gated_windows.append((min(ges[j] for j in mine), max(gef[j] for j in mine)) if mine else None)
    return {
        "windows": windows,
        "inversions": inversions,
        "seq": seq,
        "gated_es": ges,
        "gated_ef": gef,
        "gates": gates,
        "gated_finish": gates[-1] if gates else 0.0,
        "gated_windows": gated_windows,
    }


def nx_analyze(plan: Plan) -> tuple[dict[str, float], Any]:
    """Build + validate + schedule + stages with networkx; (phase times, results)."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    g = nx_build(plan)
    t1 = time.perf_counter()
    findings, order = nx_validate(plan, g)
    t2 = time.perf_counter()
    if order is None or any(f[0] == "error" for f in findings):
        raise SystemExit("baseline: the plan has errors")
    sched = nx_schedule(g, order)
    t3 = time.perf_counter()
    stg = nx_stages(plan, g, order, sched)
    t4 = time.perf_counter()
    times = {
        "build": t1 - t0,
        "validate": t2 - t1,
        "schedule": t3 - t2,
        "stages": t4 - t3,
        "total": t4 - t0,
        "cpu": time.process_time() - c0,
    }
    return times, (g, findings, order, sched, stg)


# ------------------------------------------------------------------------------------------------------------------
# The planner side.
# ------------------------------------------------------------------------------------------------------------------

IMPL: dict[str, Any] = {"compile": compile_plan, "validate": validate}
"""What planner_analyze calls (a seam for trying alternative implementations in the same harness)."""


def planner_analyze(plan: Plan) -> tuple[dict[str, float], Any]:
    """compile + validate + schedule + stages, as planner.analysis.analyze does; (phase times, results)."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    graph = IMPL["compile"](plan, "likely")
    t1 = time.perf_counter()
    findings = IMPL["validate"](plan, graph)
    t2 = time.perf_counter()
    if has_errors(findings):
        raise SystemExit(
            "planner: the plan has validation errors: "
            + "; ".join(f.message for f in findings if f.severity == "error")[:500]
        )
    sched = schedule(plan, "likely", graph)
    t3 = time.perf_counter()
    stg = analyze_stages(plan, sched)
    t4 = time.perf_counter()
    capacity_findings(plan, sched)  # analyze() adds the over-capacity warnings; the baseline has no such step
    t5 = time.perf_counter()
    times = {
        "compile": t1 - t0,
        "validate": t2 - t1,
        "schedule": t3 - t2,
        "stages": t4 - t3,
        "capacity": t5 - t4,
        "total": t5 - t0,
        "cpu": time.process_time() - c0,
    }
    return times, (graph, findings, sched, stg)


def check_equal(plan: Plan, mine: Any, base: Any) -> list[str]:
    """Differences between the planner's results and the baseline's (empty when they agree)."""
    graph, findings, sched, stg = mine
    _, bfind, _, bs, bst = base
    problems: list[str] = []

    def close(a: float | None, b: float | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return abs(a - b) <= TOL_CHECK

    if not close(sched.finish, bs["finish"]):
        problems.append(f"finish {sched.finish} != {bs['finish']}")
    if not close(stg.gated_finish, bst["gated_finish"]):
        problems.append(f"gated finish {stg.gated_finish} != {bst['gated_finish']}")
    ids = graph.ids
    arrays = {
        "es": sched.es,
        "ef": sched.ef,
        "ls": sched.ls,
        "lf": sched.lf,
        "tf": sched.total_float,
        "ff": sched.free_float,
    }
    for key, arr in arrays.items():
        ref = np.array([bs[key][i] for i in ids])
        bad = np.flatnonzero(np.abs(arr - ref) > TOL_CHECK)
        if len(bad):
            i = int(bad[0])
            problems.append(f"{key}: {len(bad)} differ, e.g. {ids[i]}: {arr[i]} != {ref[i]}")
    crit_ref = np.array([bs["critical"][i] for i in ids])
    if not np.array_equal(sched.critical, crit_ref):
        problems.append(f"critical flags differ for {int((sched.critical != crit_ref).sum())} decisions")
    for key, arr in (("gated_es", stg.gated_es), ("gated_ef", stg.gated_ef)):
        ref = np.array([bst[key][i] for i in ids])
        bad = np.flatnonzero(np.abs(arr - ref) > TOL_CHECK)
        if len(bad):
            problems.append(f"{key}: {len(bad)} differ, e.g. {ids[int(bad[0])]}")
    seq_ref = np.array([bst["seq"][i] for i in ids])
    if not np.array_equal(stg.sequenced, seq_ref):
        problems.append("sequenced stages differ")
    for k, r in enumerate(stg.stages):
        w, gw = bst["windows"][k], bst["gated_windows"][k]
        if not (close(r.start, w and w[0]) and close(r.finish, w and w[1])):
            problems.append(f"stage {r.id} window {r.start, r.finish} != {w}")
        if not (close(r.gated_start, gw and gw[0]) and close(r.gated_finish, gw and gw[1])):
            problems.append(f"stage {r.id} gated window {r.gated_start, r.gated_finish} != {gw}")
        if not close(r.gate, bst["gates"][k]):
            problems.append(f"stage {r.id} gate {r.gate} != {bst['gates'][k]}")
    if sorted(stg.inversions) != sorted(bst["inversions"]):
        problems.append(f"inversions: {len(stg.inversions)} != {len(bst['inversions'])}")
    mine_codes = Counter((str(f.severity), f.code) for f in findings)
    base_codes = Counter((f[0], f[1]) for f in bfind)
    if mine_codes != base_codes:
        problems.append(f"findings differ: {dict(mine_codes)} != {dict(base_codes)}")
    return problems


def depth(graph: Any) -> int:
    """Number of topological levels (longest chain of links + 1)."""
    level = [0] * graph.n
    order = np.argsort(np.argsort(np.asarray(graph.order)))  # position of each node
    e = np.argsort(order[graph.src], kind="stable")
    for u, v in zip(graph.src[e].tolist(), graph.dst[e].tolist(), strict=True):
        if level[u] + 1 > level[v]:
            level[v] = level[u] + 1
    return (max(level) + 1) if level else 0


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def runs_for(n: int, repeat: int) -> int:
    return max(3, repeat // 2) if n >= 50_000 else repeat


def child(path: str, repeat: int, baseline: bool) -> dict[str, Any]:
    """Measure one plan file in this (fresh) process."""
    loads = []
    plan = None
    for _ in range(repeat):
        plan = None
        gc.collect()
        t0 = time.perf_counter()
        plan = load_plan(path)
        loads.append(time.perf_counter() - t0)
    assert plan is not None
    n = len(plan.decisions)
    print(f"  [{n}] load median {statistics.median(loads):.3f}s", file=sys.stderr, flush=True)

    runs: list[dict[str, float]] = []
    mine = None
    for _ in range(repeat):
        mine = None
        gc.collect()
        t, mine = planner_analyze(plan)
        runs.append(t)
    assert mine is not None
    rss_planner = maxrss_mb()
    gc.collect()
    tracemalloc.start()
    planner_analyze(plan)
    _, tm_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    mins = {k: min(r[k] for r in runs) for k in runs[0]}
    print(f"  [{n}] planner total median {med['total']:.3f}s", file=sys.stderr, flush=True)
    out: dict[str, Any] = {
        "n": n,
        "edges": len(plan.dependencies),
        "levels": depth(mine[0]),
        "runs": repeat,
        "load": statistics.median(loads),
        "load_min": min(loads),
        "planner": med,
        "planner_min": mins,
        "planner_all": [r["total"] for r in runs],
        "tm_peak_mb": tm_peak / 2**20,
        "rss_mb": rss_planner,
        "findings": len(mine[1]),
        "critical": int(mine[2].critical.sum()),
        "finish": mine[2].finish,
        "gated_finish": mine[3].gated_finish,
    }
    if baseline:
        bruns: list[dict[str, float]] = []
        base = None
        for _ in range(repeat):
            base = None
            gc.collect()
            t, base = nx_analyze(plan)
            bruns.append(t)
        problems = check_equal(plan, mine, base)
        base = None
        gc.collect()
        tracemalloc.start()
        nx_analyze(plan)
        _, btm = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out.update(
            {
                "nx": {k: statistics.median(r[k] for r in bruns) for k in bruns[0]},
                "nx_min": {k: min(r[k] for r in bruns) for k in bruns[0]},
                "nx_tm_peak_mb": btm / 2**20,
                "rss_after_nx_mb": maxrss_mb(),
                "check": problems,
            }
        )
        print(
            f"  [{n}] networkx total median {out['nx']['total']:.3f}s; check: {problems or 'OK'}",
            file=sys.stderr,
            flush=True,
        )
    return out


# ------------------------------------------------------------------------------------------------------------------
# Driver and report.
# ------------------------------------------------------------------------------------------------------------------


def fmt_t(s: float | None) -> str:
    if s is None:
        return "-"
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def print_report(results: list[dict[str, Any]], gen: dict[int, tuple[float, float, int]]) -> bool:
    cols = [
        "size",
        "links",
        "levels",
        "file",
        "load",
        "compile",
        "validate",
        "schedule",
        "stages",
        "total",
        "total nx",
        "ratio",
        "tm peak",
        "nx tm peak",
        "max RSS",
    ]
    rows = []
    for r in results:
        p = r["planner"]
        nxt = r.get("nx", {}).get("total")
        rows.append(
            [
                f"{r['n']:,}",
                f"{r['edges']:,}",
                str(r["levels"]),
                f"{gen[r['n']][2] / 1e6:.1f} MB",
                fmt_t(r["load"]),
                fmt_t(p["compile"]),
                fmt_t(p["validate"]),
                fmt_t(p["schedule"]),
                fmt_t(p["stages"]),
                fmt_t(p["total"]),
                fmt_t(nxt),
                f"{nxt / p['total']:.1f}x" if nxt else "-",
                f"{r['tm_peak_mb']:.0f} MB",
                f"{r['nx_tm_peak_mb']:.0f} MB" if "nx_tm_peak_mb" in r else "-",
                f"{r['rss_mb']:.0f} MB",
            ]
        )
    widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(cols)]
    line = "  ".join(c.rjust(w) for c, w in zip(cols, widths, strict=True))
    print()
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(x.rjust(w) for x, w in zip(row, widths, strict=True)))
    print()
    print(
        "Medians of the runs (runs per size: "
        + ", ".join(f"{r['n']:,}: {r['runs']}" for r in results)
        + "). "
        "total = compile + validate + schedule + stages + over-capacity findings = analyze(plan); the networkx "
        "baseline has no capacity step, so the ratio is conservative."
    )
    print(
        "tm peak = tracemalloc peak of one analysis; max RSS = child process after load + analysis "
        "(before the baseline)."
    )
    print(
        "CPU time of the total (process_time, less sensitive to other load), median, planner / networkx: "
        + "; ".join(
            f"{r['n']:,}: {fmt_t(r['planner']['cpu'])} / {fmt_t(r.get('nx', {}).get('cpu'))}" for r in results
        )
    )
    print(
        "networkx phases (build / validate / schedule / stages): "
        + "; ".join(
            f"{r['n']:,}: "
            + " / ".join(fmt_t(r["nx"][k]) for k in ("build", "validate", "schedule", "stages"))
            for r in results
            if "nx" in r
        )
    )
    print(
        "generate + save_plan: "
        + "; ".join(f"{n:,}: {fmt_t(g)} + {fmt_t(s)}" for n, (g, s, _) in gen.items())
    )
    print()
    ok = True
    for r in results:
        if r.get("check"):
            ok = False
            print(f"CHECK FAILED at {r['n']:,}: planner and networkx disagree: " + "; ".join(r["check"]))
        elif "nx" in r:
            print(
                f"check {r['n']:,}: planner == networkx (ES/EF/LS/LF/floats/critical/finish/stages/gated, "
                f"within {TOL_CHECK:g}); finish {r['finish']:g}, gated {r['gated_finish']:g}, "
                f"{r['critical']} critical, {r['findings']} findings"
            )
    print()
    print("Targets (wall-clock medians; in brackets the same verdict on CPU time):")
    by_n = {r["n"]: r for r in results}
    busy = [r["n"] for r in results if r["planner"]["total"] > 1.25 * r["planner"]["cpu"]]
    for n, limit in TARGETS.items():
        if n not in by_n:
            print(f"  {n:>7,} analysed <= {fmt_t(limit)}: not measured")
            continue
        t = by_n[n]["planner"]["total"]
        tmin = by_n[n]["planner_min"]["total"]
        cpu = by_n[n]["planner"]["cpu"]
        verdict = "PASS" if t <= limit else "FAIL"
        ok &= verdict == "PASS"
        print(
            f"  {n:>7,} analysed <= {fmt_t(limit)}: median {fmt_t(t)} (best {fmt_t(tmin)})  {verdict}"
            f"  [CPU {fmt_t(cpu)} {'PASS' if cpu <= limit else 'FAIL'}]"
        )
    for n in RATIO_SIZES:
        if n not in by_n or "nx" not in by_n[n]:
            print(f"  {n:>7,} >= {TARGET_RATIO:g}x faster than networkx: not measured")
            continue
        ratio = by_n[n]["nx"]["total"] / by_n[n]["planner"]["total"]
        cratio = by_n[n]["nx"]["cpu"] / by_n[n]["planner"]["cpu"]
        verdict = "PASS" if ratio >= TARGET_RATIO else "FAIL"
        ok &= verdict == "PASS"
        print(
            f"  {n:>7,} >= {TARGET_RATIO:g}x faster than networkx: {ratio:.1f}x  {verdict}"
            f"  [CPU {cratio:.1f}x {'PASS' if cratio >= TARGET_RATIO else 'FAIL'}]"
        )
    if busy:
        print(
            f"WARNING: the machine was busy (wall time > 1.25 x CPU time at {', '.join(f'{n:,}' for n in busy)}); "
            "wall-clock figures are inflated by waiting for a CPU, rerun when it is quieter or read the CPU "
            "verdicts."
        )
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=None, help="comma-separated plan sizes (default 1000,10000,100000)")
    ap.add_argument(
        "--repeat", type=int, default=None, help="runs per size (default 7; 100k gets half, min 3)"
    )
    ap.add_argument("--quick", action="store_true", help="1000,10000 with 3 runs")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dir", default=None, help="folder for the generated plans (default: a temporary one)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the networkx baseline (and the check)")
    ap.add_argument("--json", default=None, help="also write the raw results to this file")
    ap.add_argument("--_child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 7)

    if args._child:
        res = child(args._child, repeat, not args.no_baseline)
        print(json.dumps(res))
        return 0

    sizes = [int(x) for x in (args.sizes or ("1000,10000" if args.quick else "1000,10000,100000")).split(",")]
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="bench_core_"))
    folder.mkdir(parents=True, exist_ok=True)
    from benchmarks._plans import random_plan

    print(
        f"Python {sys.version.split()[0]}, numpy {np.__version__}, networkx {nx.__version__}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; plans in {folder}",
        flush=True,
    )
    gen: dict[int, tuple[float, float, int]] = {}
    results = []
    try:
        for n in sizes:
            path = folder / f"random-{n}-s{args.seed}.plan.json"
            t0 = time.perf_counter()
            plan = random_plan(n, seed=args.seed)
            t1 = time.perf_counter()
            save_plan(plan, path)
            t2 = time.perf_counter()
            del plan
            gc.collect()
            gen[n] = (t1 - t0, t2 - t1, path.stat().st_size)
            print(
                f"size {n:,}: generated in {t1 - t0:.2f}s, saved in {t2 - t1:.2f}s "
                f"({path.stat().st_size / 1e6:.1f} MB); measuring...",
                flush=True,
            )
            cmd = [sys.executable, __file__, "--_child", str(path), "--repeat", str(runs_for(n, repeat))]
            if args.no_baseline:
                cmd.append("--no-baseline")
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "gen": gen}, indent=2) + "\n")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    ok = print_report(results, gen)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
