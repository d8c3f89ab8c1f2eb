"""The straightforward script that ``planner analyze/check FILE --format json`` is measured against (issue 12).

What someone would write in an afternoon with the standard library and networkx: ``json.load`` the plan, build a
``networkx.DiGraph`` with attribute dicts, check it (the finding codes of SPEC §3.1 that a plain script checks, one
dict per finding, messages naming decisions by title), run the CPM passes of SPEC §3.2 over
``nx.topological_sort`` with the per-type formulas, the stage windows, sequenced stages and gated schedule of
SPEC §3.3, and ``json.dumps`` one object with the same fields as ``planner analyze --format json`` (compact: the
fast C encoder, which flatters the baseline). No pydantic, no numpy: imports are part of what a whole process
costs, and this script imports only ``json`` and ``networkx``.

    python benchmarks/naive_command.py analyze PLAN.json > out.json
    python benchmarks/naive_command.py check PLAN.json > out.json
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from typing import Any

import networkx as nx


def weeks(dur: Any, milestone: bool) -> float:
    if milestone:
        return 0.0
    return float(dur["likely"]) if isinstance(dur, dict) else float(dur)


def iso(start: dt.date | None, w: float | None) -> str | None:
    if start is None or w is None:
        return None
    days = int(w * 7 + 0.5) if w >= 0 else -int(-w * 7 + 0.5)
    return (start + dt.timedelta(days=days)).isoformat()


def check(plan: dict[str, Any], g: nx.DiGraph) -> tuple[list[dict[str, Any]], list[str] | None]:
    out: list[dict[str, Any]] = []
    decisions = plan["decisions"]
    stages = plan["stages"]
    teams = {t["id"] for t in plan.get("teams", [])}
    areas = {a["id"] for a in plan.get("areas", [])}
    stage_ids = {s["id"] for s in stages}

    def nm(did: str) -> str:
        t = g.nodes[did]["title"] if did in g else None
        return f"'{t}' ({did})" if t else f"'{did}'"

    def add(sev: str, code: str, msg: str, ids: list[str]) -> None:
        out.append({"severity": sev, "code": code, "message": msg, "decisions": ids})

    for kind, key in (("decision", "decisions"), ("stage", "stages"), ("team", "teams"), ("area", "areas")):
        for did, c in Counter(x["id"] for x in plan.get(key, [])).items():
            if c > 1:
                add("error", "duplicate-id", f"{c} {kind}s share the id '{did}'.", [did])
    for d in decisions:
        if d["stage"] not in stage_ids:
            add("error", "unknown-reference", f"{nm(d['id'])} is in unknown stage '{d['stage']}'.", [d["id"]])
        if d.get("area") is not None and d["area"] not in areas:
            add("error", "unknown-reference", f"{nm(d['id'])} is in unknown area '{d['area']}'.", [d["id"]])
        if d.get("owner") is not None and d["owner"] not in teams:
            add("error", "unknown-reference", f"{nm(d['id'])} is owned by unknown team.", [d["id"]])
        if d.get("milestone") and weeks(d.get("duration", 0), False) != 0:
            add("error", "milestone-duration", f"{nm(d['id'])} is a milestone with a duration.", [d["id"]])
    for i, dep in enumerate(plan.get("dependencies", [])):
        if dep["from"] not in g or dep["to"] not in g:
            add("error", "unknown-reference", f"Dependency #{i + 1} names an unknown decision.", [])
        if dep["from"] == dep["to"]:
            add("error", "self-dependency", f"{nm(dep['from'])} depends on itself.", [dep["from"]])
    order: list[str] | None
    try:
        order = list(nx.topological_sort(g))
    except nx.NetworkXUnfeasible:
        order = None
        cyc = nx.find_cycle(g)
        chain = [u for u, _ in cyc] + [cyc[0][0]]
        add("error", "cycle", "Dependency cycle: " + " -> ".join(chain), chain[:-1])
    pairs = Counter((dep["from"], dep["to"]) for dep in plan.get("dependencies", []))
    for (u, v), c in pairs.items():
        if c > 1 and u in g and v in g and u != v:
            add("warning", "duplicate-dependency", f"{nm(u)} -> {nm(v)} is linked {c} times.", [u, v])
    for u, v in g.edges():
        su, sv = g.nodes[u]["stage"], g.nodes[v]["stage"]
        if su > sv >= 0:
            add(
                "warning",
                "stage-inversion",
                f"{nm(v)} ({stages[sv]['name']}) waits for {nm(u)}, which sits in a later stage "
                f"({stages[su]['name']}).",
                [u, v],
            )
    started: dict[str, list[str]] = {}
    for d in decisions:
        if d.get("status") in ("in_progress", "done") or d.get("progress", 0) > 0:
            started.setdefault(d["stage"], []).append(d["id"])
    for prev, st in zip(stages, stages[1:], strict=False):
        if any(not c.get("met", False) for c in prev.get("gate_criteria", [])) and st["id"] in started:
            add(
                "warning",
                "gate-not-met",
                f"Stage {st['name']} has started while the {prev['name']} gate is not met.",
                started[st["id"]][:20],
            )
    if g.number_of_nodes() >= 2:
        for did in g.nodes:
            if g.degree(did) == 0:
                add("info", "isolated-decision", f"{nm(did)} has no dependencies in either direction.", [did])
    used = {d["stage"] for d in decisions}
    for s in stages:
        if s["id"] not in used:
            add("info", "empty-stage", f"Stage {s['name']} ({s['id']}) has no decisions yet.", [])
    for d in decisions:
        if d.get("owner") is None and not d.get("milestone"):
            add("info", "missing-owner", f"{nm(d['id'])} has no owner. Assign a team.", [d["id"]])
    rank = {"error": 0, "warning": 1, "info": 2}
    out.sort(key=lambda f: rank[f["severity"]])
    return out, order


def c_ij(t: str, lag: float, es_i: float, ef_i: float, d_j: float) -> float:
    if t == "FS":
        return ef_i + lag
    if t == "SS":
        return es_i + lag
    if t == "FF":
        return ef_i + lag - d_j
    return es_i + lag - d_j


def analyze(plan: dict[str, Any], g: nx.DiGraph, order: list[str]) -> dict[str, Any]:
    nodes = g.nodes
    es: dict[str, float] = {}
    ef: dict[str, float] = {}
    for v in order:
        d_v = nodes[v]["duration"]
        best = max(0.0, nodes[v]["not_before"])
        for u in g.predecessors(v):
            e = g.edges[u, v]
            best = max(best, c_ij(e["type"], e["lag"], es[u], ef[u], d_v))
        es[v], ef[v] = best, best + d_v
    finish = max(ef.values(), default=0.0)
    tol = 1e-7 * max(1.0, abs(finish))
    ls: dict[str, float] = {}
    lf: dict[str, float] = {}
    for u in reversed(order):
        d_u = nodes[u]["duration"]
        late = finish
        for v in g.successors(u):
            e = g.edges[u, v]
            t, lag = e["type"], e["lag"]
            b = {
                "FS": ls[v] - lag,
                "SS": ls[v] - lag + d_u,
                "FF": lf[v] - lag,
                "SF": lf[v] - lag + d_u,
            }[t]
            late = min(late, b)
        lf[u], ls[u] = late, late - d_u
    rows = []
    start = dt.date.fromisoformat(plan["start_date"]) if plan.get("start_date") else None
    stages = plan["stages"]
    seq: dict[str, int] = {}
    for v in order:
        seq[v] = max([nodes[v]["stage"]] + [seq[u] for u in g.predecessors(v)])
    critical = []
    for d in plan["decisions"]:
        v = d["id"]
        tf = max(0.0, ls[v] - es[v])
        tf = 0.0 if tf <= tol else tf
        ff = finish - ef[v]
        for w in g.successors(v):
            e = g.edges[v, w]
            ff = min(ff, es[w] - c_ij(e["type"], e["lag"], es[v], ef[v], nodes[w]["duration"]))
        ff = min(max(ff, 0.0), tf)
        ff = 0.0 if ff <= tol else ff
        crit = tf <= tol
        if crit:
            critical.append(v)
        row = {
            "id": v,
            "stage": d["stage"],
            "sequenced_stage": stages[seq[v]]["id"],
            "duration": nodes[v]["duration"],
            "es": es[v],
            "ef": ef[v],
            "ls": ls[v],
            "lf": lf[v],
            "total_float": tf,
            "free_float": ff,
            "critical": crit,
        }
        if start is not None:
            row["start_date"] = iso(start, es[v])
            row["finish_date"] = iso(start, ef[v])
        rows.append(row)
    # The critical path: walk back from the first critical decision finishing at T along driving links.
    ends = [v for v in critical if ef[v] >= finish - tol]
    crit_set = set(critical)
    path: list[str] = []
    on_path: set[str] = set()
    node = ends[0] if ends else None
    while node is not None:
        path.append(node)
        on_path.add(node)
        node = next(
            (
                u
                for u in g.predecessors(node)
                if u in crit_set
                and abs(
                    es[node]
                    - c_ij(
                        g.edges[u, node]["type"],
                        g.edges[u, node]["lag"],
                        es[u],
                        ef[u],
                        nodes[node]["duration"],
                    )
                )
                <= tol
                and u not in on_path
            ),
            None,
        )
    path.reverse()
    # The gated schedule: stage by stage (sequenced), no start before the previous gate.
    g_es: dict[str, float] = {}
    g_ef: dict[str, float] = {}
    gates: list[float] = []
    gate = 0.0
    for k in range(len(stages)):
        stage_max = gate
        for v in order:
            if seq[v] != k:
                continue
            d_v = nodes[v]["duration"]
            best = max(gate, nodes[v]["not_before"])
            for u in g.predecessors(v):
                e = g.edges[u, v]
                best = max(best, c_ij(e["type"], e["lag"], g_es[u], g_ef[u], d_v))
            g_es[v], g_ef[v] = best, best + d_v
            stage_max = max(stage_max, best + d_v)
        gate = stage_max
        gates.append(gate)
    gated_finish = gates[-1] if gates else 0.0
    out_stages = []
    for k, s in enumerate(stages):
        mine = [v for v in order if nodes[v]["stage"] == k]
        gm = [v for v in order if seq[v] == k]
        win = (min(es[v] for v in mine), max(ef[v] for v in mine)) if mine else (None, None)
        gwin = (min(g_es[v] for v in gm), max(g_ef[v] for v in gm)) if gm else (None, None)
        st = {
            "id": s["id"],
            "start": win[0],
            "finish": win[1],
            "gated_start": gwin[0],
            "gated_finish": gwin[1],
            "gate": gates[k],
        }
        if start is not None:
            st.update(
                {
                    "start_date": iso(start, win[0]),
                    "finish_date": iso(start, win[1]),
                    "gated_start_date": iso(start, gwin[0]),
                    "gate_date": iso(start, gates[k]),
                }
            )
        out_stages.append(st)
    inversions = [{"from": u, "to": v} for u, v in g.edges() if nodes[u]["stage"] > nodes[v]["stage"] >= 0]
    return {
        "title": plan["title"],
        "unit": "week",
        "estimate": "likely",
        "start_date": plan.get("start_date"),
        "finish": finish,
        "finish_date": iso(start, finish),
        "gated_finish": gated_finish,
        "gated_finish_date": iso(start, gated_finish),
        "gating_price": max(0.0, gated_finish - finish),
        "critical": critical,
        "critical_path": path,
        "decisions": rows,
        "stages": out_stages,
        "stage_inversions": inversions,
    }


def main(argv: list[str]) -> int:
    command, path = argv[0], argv[1]
    with open(path, encoding="utf-8") as fh:
        plan = json.load(fh)
    stage_pos = {s["id"]: k for k, s in enumerate(plan["stages"])}
    g = nx.DiGraph()
    for d in plan["decisions"]:
        if d["id"] not in g:
            g.add_node(
                d["id"],
                title=d["title"],
                duration=weeks(d.get("duration", 1.0), d.get("milestone", False)),
                not_before=d.get("not_before") or 0.0,
                stage=stage_pos.get(d["stage"], -1),
            )
    for dep in plan.get("dependencies", []):
        if dep["from"] in g and dep["to"] in g and dep["from"] != dep["to"]:
            g.add_edge(dep["from"], dep["to"], type=dep.get("type", "FS"), lag=float(dep.get("lag", 0.0)))
    findings, order = check(plan, g)
    errors = any(f["severity"] == "error" for f in findings)
    if command == "check":
        result: dict[str, Any] = {"file": path, "findings": findings}
    elif errors or order is None:
        result = {"title": plan["title"], "findings": findings}
    else:
        result = analyze(plan, g, order)
        result["findings"] = findings
    sys.stdout.write(json.dumps(result) + "\n")  # json.dumps, not json.dump: dump streams through the slow
    # pure-Python encoder, one write per token (several times slower); the C encoder flatters the baseline
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
