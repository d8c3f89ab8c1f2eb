"""The layered layout of the dependency graph (planner.analysis.layout): pure Python, no Qt."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.analysis.layout import GraphLayout, layered_layout
from planner.model import Decision, Dependency, Plan, load_plan, new_plan

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_plans").glob("*.plan.json"))


def random_plan(n: int, seed: int = 7, links: int = 3) -> Plan:
    """A plan of ``n`` decisions spread over the four stages with about ``links`` dependencies each (a DAG)."""
    rng = random.Random(seed)
    plan = new_plan(f"Random {n}")
    stages = [s.id for s in plan.stages]
    areas = [a.id for a in plan.areas]
    plan.decisions = [
        Decision(
            id=f"d{i}",
            title=f"Decision {i}",
            stage=stages[min(3, 4 * i // n)],
            area=rng.choice(areas),
            duration=rng.randint(1, 6),
            milestone=i % 50 == 49,
        )
        for i in range(n)
    ]
    seen: set[tuple[int, int]] = set()
    deps = []
    for j in range(1, n):
        for _ in range(rng.randint(0, 2 * links)):
            i = max(0, j - rng.randint(1, 60))
            if (i, j) not in seen:
                seen.add((i, j))
                deps.append(Dependency.model_validate({"from": f"d{i}", "to": f"d{j}"}))
    plan.dependencies = deps
    return plan


def _check_invariants(plan: Plan, lay: GraphLayout) -> None:
    idx = {d: i for i, d in enumerate(lay.ids)}
    # Every dependency goes left to right (across columns, or to a deeper layer inside one).
    for dep in plan.dependencies:
        u, v = idx[dep.from_], idx[dep.to]
        assert lay.column[u] <= lay.column[v]
        assert lay.x[u] < lay.x[v]
        if lay.column[u] == lay.column[v]:
            assert lay.depth[u] < lay.depth[v]
    # No two cards share a slot: in one layer, centres are at least a card apart.
    by_layer: dict[int, list[float]] = {}
    for i in range(len(lay.ids)):
        by_layer.setdefault(lay.layer[i], []).append(lay.y[i])
    for ys in by_layer.values():
        ys.sort()
        assert all(b - a >= 1.0 - 1e-6 for a, b in zip(ys, ys[1:], strict=False))
    assert len({(lay.layer[i], lay.row[i]) for i in range(len(lay.ids))}) == len(lay.ids)
    # Stage columns are in stage order, left to right, without overlapping.
    assert [c.stage_id for c in lay.columns[: len(plan.stages)]] == [s.id for s in plan.stages]
    for a, b in zip(lay.columns, lay.columns[1:], strict=False):
        assert a.x1 < b.x0
    for i in range(len(lay.ids)):
        c = lay.columns[lay.column[i]]
        assert c.x0 < lay.x[i] < c.x1
    assert all(0 <= y <= lay.height for y in lay.y)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_plans_keep_the_invariants(path: Path) -> None:
    plan = load_plan(path)
    analysis = analyze(plan)
    lay = layered_layout(plan, analysis)
    _check_invariants(plan, lay)
    # Columns are the sequenced stages.
    assert analysis.stages is not None
    assert lay.column == analysis.stages.sequenced.tolist()
    assert lay.sequenced


def test_deterministic_and_independent_of_the_analysis_object() -> None:
    plan = random_plan(300)
    a = layered_layout(plan, analyze(plan))
    b = layered_layout(plan)
    c = layered_layout(plan.model_copy(deep=True))
    for other in (b, c):
        assert (other.x, other.y, other.row, other.routes) == (a.x, a.y, a.row, a.routes)


def test_random_plan_invariants_and_routes() -> None:
    plan = random_plan(400, seed=3)
    lay = layered_layout(plan)
    _check_invariants(plan, lay)
    assert lay.routes
    for k, points in lay.routes.items():
        dep = plan.dependencies[k]
        u, v = lay.ids.index(dep.from_), lay.ids.index(dep.to)
        xs = [lay.x[u], *(p[0] for p in points), lay.x[v]]
        assert xs == sorted(xs) and len(set(xs)) == len(xs)  # one waypoint per layer crossed


def test_depth_is_the_longest_same_stage_chain() -> None:
    plan = new_plan()
    plan.decisions = [Decision(id=i, title=i, stage="validate") for i in "abcd"]
    plan.decisions.append(Decision(id="e", title="e", stage="integrate"))
    plan.dependencies = [
        Dependency.model_validate({"from": f, "to": t})
        for f, t in [("a", "b"), ("b", "c"), ("a", "c"), ("d", "c"), ("c", "e"), ("a", "e")]
    ]
    lay = layered_layout(plan)
    assert dict(zip(lay.ids, lay.depth, strict=True)) == {"a": 0, "b": 1, "c": 2, "d": 0, "e": 0}
    assert lay.columns[0].layers == 3 and lay.columns[1].first_layer == 3
    assert [c.count for c in lay.columns] == [4, 1, 0, 0]
    # Empty stages still get a (one-layer) column so their band shows.
    assert lay.columns[3].layers == 1


def test_sequenced_stage_pulls_a_decision_right() -> None:
    plan = new_plan()
    plan.decisions = [
        Decision(id="late", title="late", stage="scale"),
        Decision(id="early", title="early", stage="validate"),
    ]
    plan.dependencies = [Dependency.model_validate({"from": "late", "to": "early"})]
    lay = layered_layout(plan)
    assert lay.column == [3, 3] and lay.depth == [0, 1]


def test_a_plan_with_errors_uses_assigned_stages_and_still_lays_out() -> None:
    plan = new_plan()
    plan.decisions = [Decision(id=i, title=i, stage="validate") for i in "abc"]
    plan.decisions.append(Decision(id="x", title="x", stage="nowhere"))
    plan.dependencies = [
        Dependency.model_validate({"from": f, "to": t})
        for f, t in [("a", "b"), ("b", "c"), ("c", "a"), ("a", "ghost"), ("c", "x")]
    ]
    analysis = analyze(plan)
    assert not analysis.ok
    lay = layered_layout(plan, analysis)
    assert not lay.sequenced
    assert lay.column == [0, 0, 0, 4] and lay.columns[4].stage_id is None
    assert sorted(lay.depth[:3]) == [0, 1, 2]  # the cycle is broken somewhere, deterministically
    assert len({(lay.layer[i], lay.row[i]) for i in range(4)}) == 4
    assert layered_layout(plan, analysis).y == lay.y


def test_empty_plan() -> None:
    lay = layered_layout(new_plan())
    assert lay.ids == [] and len(lay.columns) == 4 and lay.routes == {}


def test_barycentre_sweeps_remove_avoidable_crossings() -> None:
    # Two parallel chains listed so that the plan order crosses them: the layout must uncross them.
    plan = new_plan()
    plan.decisions = [Decision(id=i, title=i, stage="validate") for i in ["a1", "b1", "b2", "a2", "a3", "b3"]]
    plan.dependencies = [
        Dependency.model_validate({"from": f, "to": t})
        for f, t in [("a1", "a2"), ("a2", "a3"), ("b1", "b2"), ("b2", "b3")]
    ]
    lay = layered_layout(plan)
    assert lay.crossings == 0
    y = dict(zip(lay.ids, lay.y, strict=True))
    assert (y["a1"] < y["b1"]) == (y["a2"] < y["b2"]) == (y["a3"] < y["b3"])


def test_no_qt_import() -> None:
    import planner.analysis.layout as mod

    assert "PySide6" not in Path(mod.__file__).read_text()
