"""The numpy task loop that ``planner simulate`` is measured against (issue 12).

The straightforward vectorised Monte Carlo: ``json.load`` the plan, a topological order (Kahn, plain Python), one
float64 triangular sample per decision and iteration (``numpy.random.Generator.triangular``), then a loop over the
decisions in topological order with each step vectorised over the iterations: the forward pass of SPEC §3.2 for the
finish, the backward pass for each decision's criticality index, the sensitivity of the finish to each duration
(correlation), and the gated forward pass of SPEC §3.3 for each stage's gate. Risks fire with their probability and
add their sampled impact. ``json.dumps`` of the summary. Imports ``json`` and ``numpy`` only.

    python benchmarks/naive_simulate.py PLAN.json ITERATIONS > out.json
"""

from __future__ import annotations

import json
import sys
from typing import Any

import numpy as np


def triple(dur: Any, milestone: bool) -> tuple[float, float, float]:
    if milestone:
        return 0.0, 0.0, 0.0
    if isinstance(dur, dict):
        return float(dur["optimistic"]), float(dur["likely"]), float(dur["pessimistic"])
    return float(dur), float(dur), float(dur)


def main(argv: list[str]) -> int:
    path, iterations = argv[0], int(argv[1])
    with open(path, encoding="utf-8") as fh:
        plan = json.load(fh)
    decisions = plan["decisions"]
    n = len(decisions)
    index = {d["id"]: i for i, d in enumerate(decisions)}
    stage_pos = {s["id"]: k for k, s in enumerate(plan["stages"])}
    stage = [stage_pos[d["stage"]] for d in decisions]
    nb = np.array([d.get("not_before") or 0.0 for d in decisions])
    preds: list[list[tuple[int, str, float]]] = [[] for _ in range(n)]
    succs: list[list[tuple[int, str, float]]] = [[] for _ in range(n)]
    for dep in plan.get("dependencies", []):
        u, v = index[dep["from"]], index[dep["to"]]
        t, lag = dep.get("type", "FS"), float(dep.get("lag", 0.0))
        preds[v].append((u, t, lag))
        succs[u].append((v, t, lag))
    indeg = [len(p) for p in preds]
    order = [i for i in range(n) if indeg[i] == 0]
    for u in order:
        for v, _, _ in succs[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                order.append(v)

    rng = np.random.default_rng(0)
    lo, mode, hi = (
        np.array(x)
        for x in zip(
            *(triple(d.get("duration", 1.0), d.get("milestone", False)) for d in decisions), strict=True
        )
    )
    width = hi - lo
    dur = np.empty((n, iterations))
    for i in range(n):
        dur[i] = lo[i] if width[i] == 0 else rng.triangular(lo[i], mode[i], hi[i], iterations)
    for r in plan.get("risks", []):
        fired = rng.random(iterations) < r["probability"]
        a, m, b = triple(r["impact"], False)
        hit = fired * (a if b == a else rng.triangular(a, m, b, iterations))
        for did in r.get("decisions", []):
            dur[index[did]] += hit

    def forward(floor_of: Any) -> np.ndarray:
        es = np.empty((n, iterations))
        for v in order:
            e = floor_of(v)
            for u, t, lag in preds[v]:
                c = es[u] + lag
                if t in ("FS", "FF"):
                    c = c + dur[u]
                if t in ("FF", "SF"):
                    c = c - dur[v]
                e = np.maximum(e, c)
            es[v] = e
        return es

    es = forward(lambda v: np.full(iterations, max(0.0, nb[v])))
    ef = es + dur
    finish = ef.max(axis=0)
    ls = np.empty((n, iterations))
    lf = np.empty((n, iterations))
    for j in reversed(order):
        late = finish
        for k, t, lag in succs[j]:
            b = (ls[k] if t in ("FS", "SS") else lf[k]) - lag
            if t in ("SS", "SF"):
                b = b + dur[j]
            late = np.minimum(late, b)
        lf[j] = late
        ls[j] = late - dur[j]
    tol = 1e-7 * np.maximum(1.0, finish)
    criticality = ((ls - es) <= tol).mean(axis=1)
    fc = finish - finish.mean()
    dc = dur - dur.mean(axis=1, keepdims=True)
    denom = np.sqrt((dc * dc).sum(axis=1) * (fc * fc).sum())
    sensitivity = np.where(denom > 0, (dc @ fc) / np.where(denom > 0, denom, 1.0), 0.0)

    # Stage gates: sequenced stages, then the forward pass stage by stage with each stage's gate as a floor.
    seq = list(stage)
    for v in order:
        for u, _, _ in preds[v]:
            seq[v] = max(seq[v], seq[u])
    gate = np.zeros(iterations)
    gates = []
    g_es = np.empty((n, iterations))
    for k in range(len(plan["stages"])):
        mine = [v for v in order if seq[v] == k]
        stage_max = gate.copy()
        for v in mine:
            e = np.maximum(gate, nb[v])
            for u, t, lag in preds[v]:
                c = g_es[u] + lag
                if t in ("FS", "FF"):
                    c = c + dur[u]
                if t in ("FF", "SF"):
                    c = c - dur[v]
                e = np.maximum(e, c)
            g_es[v] = e
            stage_max = np.maximum(stage_max, e + dur[v])
        gate = stage_max
        gates.append(gate)

    pct = [10, 50, 80, 90, 95]
    out = {
        "iterations": iterations,
        "finish": {f"p{p}": float(x) for p, x in zip(pct, np.percentile(finish, pct), strict=True)},
        "mean": float(finish.mean()),
        "std": float(finish.std()),
        "criticality": dict(zip((d["id"] for d in decisions), criticality.tolist(), strict=True)),
        "sensitivity": dict(zip((d["id"] for d in decisions), sensitivity.tolist(), strict=True)),
        "gates": [
            {"stage": s["id"], **{f"p{p}": float(x) for p, x in zip(pct, np.percentile(g, pct), strict=True)}}
            for s, g in zip(plan["stages"], gates, strict=True)
        ],
    }
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
