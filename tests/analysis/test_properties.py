"""Property tests on random valid plans (SPEC §3.2, §3.3), and a cross-check against a reference CPM.

The reference below is written straight from the SPEC formulas with networkx, one dependency at a time, with no
shared code with :mod:`planner.analysis`; the production passes use static edge weights over numpy arrays.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze_stages, schedule
from planner.model import Plan, plan_from_dict

STAGES = ("validate", "integrate", "operationalize", "scale")
TYPES = ("FS", "SS", "FF", "SF")
TOL = 1e-6

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# Quarter weeks keep the arithmetic exact in binary floating point, so equalities can be checked tightly.
weeks = st.integers(0, 24).map(lambda q: q / 4)
lags = st.integers(-8, 16).map(lambda q: q / 4)  # [-2, 4] weeks


@st.composite
def plan_dicts(draw: st.DrawFn, max_decisions: int = 12, types: tuple[str, ...] = TYPES) -> dict[str, Any]:
    """A random valid plan as a dict: a DAG (edges go from a lower to a higher creation index), then listed in a
    shuffled order so the plan order is not a topological order."""
    n = draw(st.integers(0, max_decisions))
    decisions = []
    for i in range(n):
        dec: dict[str, Any] = {
            "id": f"d{i}",
            "title": f"Decision {i}",
            "stage": draw(st.sampled_from(STAGES)),
        }
        if draw(st.integers(0, 7)) == 0:
            dec["milestone"] = True
            dec["duration"] = 0
        else:
            o = draw(weeks)
            likely = o + draw(weeks)
            p = likely + draw(weeks)
            dec["duration"] = (
                {"optimistic": o, "likely": likely, "pessimistic": p} if draw(st.booleans()) else likely
            )
        if draw(st.integers(0, 3)) == 0:
            dec["not_before"] = draw(weeks)
        decisions.append(dec)
    deps = []
    if n >= 2:
        pairs = st.integers(0, n - 2).flatmap(lambda i: st.tuples(st.just(i), st.integers(i + 1, n - 1)))
        for i, j in draw(st.lists(pairs, max_size=3 * n)):
            deps.append(
                {"from": f"d{i}", "to": f"d{j}", "type": draw(st.sampled_from(types)), "lag": draw(lags)}
            )
    order = draw(st.permutations(range(n)))
    return {
        "schema_version": 1,
        "title": "Random plan",
        "stages": [{"id": s, "name": s.capitalize()} for s in STAGES],
        "decisions": [decisions[k] for k in order],
        "dependencies": deps,
    }


def plans(**kwargs: Any) -> st.SearchStrategy[Plan]:
    return plan_dicts(**kwargs).map(lambda d: plan_from_dict(d, "<random plan>"))


# -- the reference implementation ---------------------------------------------------------------------------
def reference_cpm(plan: Plan, estimate: str = "likely") -> dict[str, Any]:
    """ES/EF/LS/LF/TF/FF and T, straight from SPEC §3.2."""
    g = nx.MultiDiGraph()
    d = {x.id: x.weeks(estimate) for x in plan.decisions}
    nb = {x.id: x.not_before or 0.0 for x in plan.decisions}
    g.add_nodes_from(d)
    for dep in plan.dependencies:
        g.add_edge(dep.from_, dep.to, type=str(dep.type), lag=dep.lag)
    es: dict[str, float] = {}
    ef: dict[str, float] = {}

    def c(i: str, j: str, t: str, lag: float) -> float:
        return {"FS": ef[i] + lag, "SS": es[i] + lag, "FF": ef[i] + lag - d[j], "SF": es[i] + lag - d[j]}[t]

    order = list(nx.topological_sort(g))
    for j in order:
        es[j] = max([0.0, nb[j]] + [c(i, j, a["type"], a["lag"]) for i, _, a in g.in_edges(j, data=True)])
        ef[j] = es[j] + d[j]
    finish = max(ef.values(), default=0.0)
    ls: dict[str, float] = {}
    lf: dict[str, float] = {}

    def b(j: str, k: str, t: str, lag: float) -> float:
        return {"FS": ls[k] - lag, "SS": ls[k] - lag + d[j], "FF": lf[k] - lag, "SF": lf[k] - lag + d[j]}[t]

    for j in reversed(order):
        lf[j] = min([finish] + [b(j, k, a["type"], a["lag"]) for _, k, a in g.out_edges(j, data=True)])
        ls[j] = lf[j] - d[j]
    tf = {j: ls[j] - es[j] for j in d}
    ff = {
        j: min(
            [finish - ef[j]] + [es[k] - c(j, k, a["type"], a["lag"]) for _, k, a in g.out_edges(j, data=True)]
        )
        for j in d
    }
    ff = {j: min(max(ff[j], 0.0), max(tf[j], 0.0)) for j in d}
    tol = 1e-7 * max(1.0, finish)
    return {
        "es": es,
        "ef": ef,
        "ls": ls,
        "lf": lf,
        "tf": tf,
        "ff": ff,
        "finish": finish,
        "critical": {j for j in d if tf[j] <= tol},
        "c": c,
    }


@PROPERTY_SETTINGS
@given(plan=plans(), estimate=st.sampled_from(("likely", "optimistic", "pessimistic", "pert")))
def test_matches_the_reference_implementation(plan: Plan, estimate: str) -> None:
    s = schedule(plan, estimate)
    ref = reference_cpm(plan, estimate)
    assert s.finish == pytest.approx(ref["finish"], abs=TOL)
    for did in s.ids:
        row = s.row(did)
        for key, ref_key in (
            ("es", "es"),
            ("ef", "ef"),
            ("ls", "ls"),
            ("lf", "lf"),
            ("total_float", "tf"),
            ("free_float", "ff"),
        ):
            assert row[key] == pytest.approx(ref[ref_key][did], abs=TOL), (did, key)
    assert set(s.critical_ids) == ref["critical"]


@PROPERTY_SETTINGS
@given(plan=plans())
def test_floats_and_constraints(plan: Plan) -> None:
    s = schedule(plan)
    i = s.index
    # Floats.
    assert (s.total_float >= 0).all()
    assert (s.free_float >= 0).all()
    assert (s.free_float <= s.total_float).all()
    # Every constraint of §3.2 holds.
    dur = {d.id: d.weeks() for d in plan.decisions}
    for d in plan.decisions:
        assert s.es[i[d.id]] >= max(0.0, d.not_before or 0.0) - TOL
        assert s.ef[i[d.id]] == pytest.approx(s.es[i[d.id]] + dur[d.id])
        assert s.ls[i[d.id]] >= s.es[i[d.id]] - TOL
    for dep in plan.dependencies:
        u, v = i[dep.from_], i[dep.to]
        c = {
            "FS": s.ef[u] + dep.lag,
            "SS": s.es[u] + dep.lag,
            "FF": s.ef[u] + dep.lag - dur[dep.to],
            "SF": s.es[u] + dep.lag - dur[dep.to],
        }[dep.type]
        assert s.es[v] >= c - TOL
        # ... and the late dates respect it too.
        late_c = {
            "FS": s.lf[u] + dep.lag,
            "SS": s.ls[u] + dep.lag,
            "FF": s.lf[u] + dep.lag - dur[dep.to],
            "SF": s.ls[u] + dep.lag - dur[dep.to],
        }[dep.type]
        assert s.ls[v] >= late_c - TOL
    # The finish.
    expected_finish = max((float(x) for x in s.ef), default=0.0)
    assert s.finish == expected_finish
    assert (s.lf <= s.finish + TOL).all()


@PROPERTY_SETTINGS
@given(plan=plans())
def test_critical_path_is_a_driving_chain_from_start_to_finish(plan: Plan) -> None:
    s = schedule(plan)
    if not plan.decisions:
        assert s.critical_path == [] and s.critical_chain_count == 0
        return
    path = s.critical_path
    assert path, "a non-empty plan has a critical path"
    assert len(set(path)) == len(path)
    assert all(s.critical[s.index[x]] for x in path)
    driving_pairs = {(e["from"], e["to"]) for e in s.edges() if e["driving"]}
    for u, v in zip(path, path[1:], strict=False):
        assert (u, v) in driving_pairs, f"{u} -> {v} is not a driving dependency"
    first = plan.decision(path[0])
    assert first is not None
    assert s.es[s.index[path[0]]] == pytest.approx(max(0.0, first.not_before or 0.0), abs=TOL)
    assert s.ef[s.index[path[-1]]] == pytest.approx(s.finish, abs=TOL)
    assert s.critical_chain_count >= 1
    assert (len(s.notes) == 1) == (s.critical_chain_count > 1)
    # Every decision finishing at T is critical; every critical decision is reported, not only the chain.
    for k, did in enumerate(s.ids):
        if abs(s.ef[k] - s.finish) <= TOL:
            assert did in s.critical_ids


@PROPERTY_SETTINGS
@given(data=plan_dicts(), extra=st.data())
def test_adding_a_dependency_never_makes_the_finish_earlier(
    data: dict[str, Any], extra: st.DataObject
) -> None:
    n = len(data["decisions"])
    if n < 2:
        return
    before = schedule(plan_from_dict(data)).finish
    # Ids are d<creation index> and edges go from lower to higher creation index, which keeps the plan acyclic.
    i = extra.draw(st.integers(0, n - 2))
    j = extra.draw(st.integers(i + 1, n - 1))
    dep = {
        "from": f"d{i}",
        "to": f"d{j}",
        "type": extra.draw(st.sampled_from(TYPES)),
        "lag": extra.draw(lags),
    }
    after = schedule(plan_from_dict({**data, "dependencies": [*data["dependencies"], dep]})).finish
    assert after >= before - TOL


@PROPERTY_SETTINGS
@given(plan=plans())
def test_gates_and_sequenced_stages(plan: Plan) -> None:
    s = schedule(plan)
    st_ = analyze_stages(plan, s)
    assert st_.gated_finish >= s.finish - TOL
    assert st_.gating_price == pytest.approx(max(0.0, st_.gated_finish - s.finish), abs=TOL)
    stage_pos = plan.stage_index()
    assigned = [stage_pos[d.stage] for d in plan.decisions]
    seq = st_.sequenced.tolist()
    assert all(q >= a for q, a in zip(seq, assigned, strict=True))
    for dep in plan.dependencies:
        assert seq[s.index[dep.from_]] <= seq[s.index[dep.to]]
    # Sequenced stages are the least consistent assignment: each is its own stage or a predecessor's.
    preds: dict[str, set[int]] = {}
    for dep in plan.dependencies:
        preds.setdefault(dep.to, set()).add(seq[s.index[dep.from_]])
    for k, d in enumerate(plan.decisions):
        assert seq[k] == max({assigned[k]} | preds.get(d.id, set()))
    # The gated schedule respects the gates: no decision of sequenced stage k starts before stage k-1's gate.
    gates = [r.gate for r in st_.stages]
    for k in range(len(plan.decisions)):
        if seq[k] > 0:
            assert st_.gated_es[k] >= gates[seq[k] - 1] - TOL
        assert st_.gated_es[k] >= s.es[k] - TOL  # gating never brings work forward
    assert gates == sorted(gates)
    assert st_.gated_finish == pytest.approx(gates[-1])
    stage_of = {d.id: stage_pos[d.stage] for d in plan.decisions}
    assert st_.inversions == [
        (dep.from_, dep.to) for dep in plan.dependencies if stage_of[dep.from_] > stage_of[dep.to]
    ]


@PROPERTY_SETTINGS
@given(plan=plans(types=("FS", "SS")))
def test_finish_grows_with_the_estimate(plan: Plan) -> None:
    # With FS and SS links the finish is monotone in every duration, so o <= l <= p gives ordered finishes
    # (PERT lies between optimistic and pessimistic). FF and SF links subtract the successor's duration and can
    # break this; see test_longer_work_can_finish_earlier_with_ff_links.
    finish = {e: schedule(plan, e).finish for e in ("optimistic", "likely", "pessimistic", "pert")}
    assert finish["optimistic"] <= finish["likely"] + TOL
    assert finish["likely"] <= finish["pessimistic"] + TOL
    assert finish["optimistic"] - TOL <= finish["pert"] <= finish["pessimistic"] + TOL


def test_longer_work_can_finish_earlier_with_ff_links(make_plan) -> None:
    # The SPEC formulas are those of precedence diagramming, which has a known anomaly: with an FF link into j
    # and an SS link out of it, a longer j starts earlier and pulls its SS successor forward.
    #   a(5) -FF-> j -SS-> k(10).  j = 1 week:  ES_j = EF_a - 1 = 4, k 4-14, T = 14.
    #                               j = 3 weeks: ES_j = EF_a - 3 = 2, k 2-12, T = 12.
    # So the pessimistic finish (12) is earlier than the likely one (14). This pins the behaviour down.
    plan = make_plan(
        [
            {"id": "a", "duration": 5},
            {"id": "j", "duration": {"optimistic": 1, "likely": 1, "pessimistic": 3}},
            {"id": "k", "duration": 10},
        ],
        [("a", "j", "FF", 0), ("j", "k", "SS", 0)],
    )
    assert schedule(plan, "likely").finish == 14
    assert schedule(plan, "pessimistic").finish == 12


@PROPERTY_SETTINGS
@given(plan=plans())
def test_plan_order_does_not_change_the_schedule(plan: Plan) -> None:
    s = schedule(plan)
    reversed_plan = plan.model_copy(update={"decisions": list(reversed(plan.decisions))})
    r = schedule(reversed_plan)
    assert r.finish == s.finish
    for did in s.ids:
        assert r.row(did) == pytest.approx(s.row(did), abs=TOL)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=plan_dicts(max_decisions=30))
def test_reference_on_larger_plans(data: dict[str, Any]) -> None:
    plan = plan_from_dict(data)
    s = schedule(plan)
    ref = reference_cpm(plan)
    assert s.finish == pytest.approx(ref["finish"], abs=TOL)
    assert all(math.isclose(s.es[s.index[k]], v, abs_tol=TOL) for k, v in ref["es"].items())
    assert all(math.isclose(s.ls[s.index[k]], v, abs_tol=TOL) for k, v in ref["ls"].items())
