"""explain's chains walked link by link (issue 12: the inspector explains the selected decision after every edit)
equal the whole-array walks they replaced (kept here as references), for every decision of random plans, with
progress recorded and after duration edits."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from planner.analysis import analyze
from planner.analysis.explain import _successor_chain, driving_chain, explain
from planner.analysis.schedule import Schedule

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks._plans import random_plan


def driving_chain_reference(s: Schedule, decision_id: str) -> list[str]:
    g = s.graph
    dst_driving = np.where(s.driving, g.dst, -1) if len(g.src) else g.dst
    node = s.index[decision_id]
    chain = [node]
    seen = {node}
    while True:
        preds = g.src[dst_driving == node]
        if not len(preds):
            break
        node = int(preds.min())
        if node in seen:
            break
        seen.add(node)
        chain.append(node)
    return [s.ids[i] for i in reversed(chain)]


def successor_chain_reference(s: Schedule, node: int) -> list[int]:
    g = s.graph
    if not len(g.src):
        return []
    binding = np.abs((s.ls[g.dst] - s.weight) - s.ls[g.src]) <= s.tolerance
    src_binding = np.where(binding, g.src, -1)
    out: list[int] = []
    seen = {node}
    while True:
        succ = g.dst[src_binding == node]
        if not len(succ):
            break
        node = int(succ.min())
        if node in seen:
            break
        seen.add(node)
        out.append(node)
    return out


def driver_reference(s: Schedule, i: int) -> tuple[int | None, list[int]]:
    """(the driving predecessor with the lowest index, the others) as explain picked them."""
    g = s.graph
    edges = [e for e in np.flatnonzero(g.dst == i).tolist() if s.driving[e]]
    if not edges:
        return None, []
    e = min(edges, key=lambda e: int(g.src[e]))
    return int(g.src[e]), [int(g.src[x]) for x in edges if x != e]


@pytest.mark.parametrize(("n", "seed", "deps"), [(60, 1, 3), (200, 2, 2), (300, 3, 4), (120, 4, 1)])
def test_chains_and_drivers_equal_the_whole_array_walks(n: int, seed: int, deps: int) -> None:
    plan = random_plan(n, seed=seed, deps_per_decision=deps)
    for round_ in range(2):
        a = analyze(plan)
        s = a.schedule
        assert s is not None
        critical = drivers = 0
        for d in plan.decisions:
            i = s.index[d.id]
            assert driving_chain(s, d.id) == driving_chain_reference(s, d.id)
            assert _successor_chain(s, i) == successor_chain_reference(s, i)
            e = explain(plan, s, d.id)
            driver, others = driver_reference(s, i)
            if e.driver_kind == "dependency":
                drivers += 1
                assert driver is not None and e.driver == s.ids[driver]
                if others:
                    assert ", ".join(s.ids[o] for o in others) in e.start_reason
            else:
                assert e.driver is None
            critical += e.critical
        assert critical > 0 and drivers > 0  # (the plans exercise both kinds of decision and of start)
        # Then again after editing some durations (other drivers, other binding successors).
        for d in plan.decisions[::7]:
            if not d.milestone and isinstance(d.duration, (int, float)):
                d.duration = float(d.duration) + 1.5 + round_
