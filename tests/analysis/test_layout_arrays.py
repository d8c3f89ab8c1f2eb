"""The layered layout's numpy steps (planner.analysis.layout) against plain, hand-checkable counts."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.analysis import layout
from planner.analysis.layout import _Adjacency, _crossings, _isotonic, _place, _reorder


def _brute_crossings(layers: list[list[int]], downs: list[list[int]], pos: list[float]) -> int:
    """Every pair of edges leaving one layer, counted when their order flips strictly."""
    total = 0
    for lst in layers:
        edges = [(pos[u], pos[v]) for u in lst for v in downs[u]]
        for i, (a0, a1) in enumerate(edges):
            for b0, b1 in edges[i + 1 :]:
                if (a0 < b0 and a1 > b1) or (b0 < a0 and b1 > a1):
                    total += 1
    return total


def test_crossings_of_a_hand_drawn_pair_of_layers() -> None:
    # Layer 0: a(0) b(1) c(2); layer 1: x(3) y(4). a->y, b->x, c->x, c->y.
    # a->y crosses b->x and c->x (a is above both, y below x); b->x and c->y do not cross; c->x and c->y share c.
    downs = [[4], [3], [3, 4], [], []]
    pos = np.array([0.0, 1.0, 2.0, 0.0, 1.0])
    adj = _Adjacency(downs)
    segs = [adj.gather(np.array([0, 1, 2])), adj.gather(np.array([3, 4]))]
    assert _crossings(segs, pos) == 2


def test_reorder_sorts_by_the_barycentre_and_keeps_ties_in_place() -> None:
    # Layer 0 fixed: p(0) q(1) r(2). Layer 1: s(3) <- r, t(4) <- p and q, u(5) without neighbours.
    ups = [[], [], [], [2], [0, 1], []]
    pos = np.array([0.0, 1.0, 2.0, 0.0, 1.0, 2.0])
    seg = _Adjacency(ups).gather(np.array([3, 4, 5]))
    order = _reorder(seg, pos)
    # barycentres: s 2.0, t 0.5, u keeps 2.0 and is after s (s was above it)
    assert order.tolist() == [4, 3, 5]
    assert pos[[4, 3, 5]].tolist() == [0.0, 1.0, 2.0]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(1, 6), min_size=2, max_size=5),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=60),
    st.randoms(use_true_random=False),
)
def test_crossings_equal_the_pairwise_count(sizes: list[int], raw: list[tuple[int, int]], rnd) -> None:
    layers: list[list[int]] = []
    start = 0
    for size in sizes:
        layers.append(list(range(start, start + size)))
        start += size
    n = start
    downs: list[list[int]] = [[] for _ in range(n)]
    for a, b in raw:  # edges from one layer to any later one (long edges are counted where they start)
        la = a % (len(layers) - 1)
        lb = la + 1 + b % (len(layers) - 1 - la)
        u, v = layers[la][a % len(layers[la])], layers[lb][b % len(layers[lb])]
        downs[u].append(v)
    pos = [0.0] * n
    for lst in layers:
        order = lst[:]
        rnd.shuffle(order)
        for k, v in enumerate(order):
            pos[v] = float(k)
    adj = _Adjacency(downs)
    segs = [adj.gather(np.array(lst, dtype=np.int64)) for lst in layers]
    assert _crossings(segs, np.array(pos)) == _brute_crossings(layers, downs, pos)


# -- the plain-Python steps the numpy ones replaced (issue 12), kept here as references --------------------------
def _left_sum(values: Iterable[float]) -> float:
    """The floats added left to right, as Python's ``sum`` did before 3.12 (from 3.12 it compensates the rounding,
    so its last bit can differ from numpy's left-to-right sum of a few numbers)."""
    total = 0.0
    for x in values:
        total += x
    return total


def _reference_reorder(lst: list[int], nbrs: list[list[int]], pos: list[float]) -> None:
    keyed = []
    for v in lst:
        nb = nbrs[v]
        p = pos[v]
        keyed.append(((_left_sum(pos[u] for u in nb) / len(nb)) if nb else p, p, v))
    keyed.sort()
    for k, item in enumerate(keyed):
        lst[k] = item[2]
        pos[item[2]] = float(k)


def _reference_place(
    layers: list[list[int]], ups: list[list[int]], downs: list[list[int]], is_dummy: list[bool]
) -> list[float]:
    h = [layout.DUMMY_HEIGHT if d else 1.0 for d in is_dummy]
    weight = [4.0 if d else 1.0 for d in is_dummy]
    y = [0.0] * len(is_dummy)
    for lst in layers:
        acc = 0.0
        for k, v in enumerate(lst):
            if k:
                acc += (h[lst[k - 1]] + h[v]) / 2
            y[v] = acc
        mid = acc / 2
        for v in lst:
            y[v] -= mid
    n_layers = len(layers)
    passes: list[tuple[range, list[list[int]] | None]] = []
    for _ in range(layout._PLACEMENT_PASSES):
        passes.append((range(1, n_layers), ups))
        passes.append((range(n_layers - 2, -1, -1), downs))
    passes.append((range(n_layers), None))
    for layer_range, side in passes:
        for ly in layer_range:
            lst = layers[ly]
            if not lst:
                continue
            target = []
            for v in lst:
                nb = (ups[v] + downs[v]) if side is None else side[v]
                target.append(_left_sum(y[u] for u in nb) / len(nb) if nb else y[v])
            new = _isotonic(target, [weight[v] for v in lst], [h[v] for v in lst])
            for v, val in zip(lst, new, strict=True):
                y[v] = val
    return y


def _layered_graph(
    sizes: list[int], raw: list[tuple[int, int]], dummies: list[bool], rnd
) -> tuple[list[list[int]], list[list[int]], list[list[int]], list[bool]]:
    """Layers of the given sizes (some layers empty), edges from a layer to a later one, shuffled layer orders."""
    layers: list[list[int]] = []
    start = 0
    for size in sizes:
        layers.append(list(range(start, start + size)))
        start += size
    n = start
    ups: list[list[int]] = [[] for _ in range(n)]
    downs: list[list[int]] = [[] for _ in range(n)]
    full = [k for k, lst in enumerate(layers) if lst]
    for a, b in raw:
        if len(full) < 2:
            break
        i = a % (len(full) - 1)
        j = i + 1 + b % (len(full) - 1 - i)
        la, lb = layers[full[i]], layers[full[j]]
        u, v = la[a % len(la)], lb[b % len(lb)]
        downs[u].append(v)
        ups[v].append(u)
    for lst in layers:
        rnd.shuffle(lst)
    is_dummy = [dummies[v % len(dummies)] if dummies else False for v in range(n)]
    return layers, ups, downs, is_dummy


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 7), min_size=2, max_size=6),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=80),
    st.lists(st.booleans(), max_size=7),
    st.randoms(use_true_random=False),
)
def test_sweeps_and_placement_equal_the_plain_python_steps(
    sizes: list[int], raw: list[tuple[int, int]], dummies: list[bool], rnd
) -> None:
    """The numpy barycentre sweeps and vertical placement give exactly (bit for bit) what the plain-Python steps
    they replaced gave: same orders, same float positions."""
    layers, ups, downs, is_dummy = _layered_graph(sizes, raw, dummies, rnd)
    n = len(is_dummy)
    pos = [0.0] * n
    for lst in layers:
        for k, v in enumerate(lst):
            pos[v] = float(k)
    ref_layers = [lst[:] for lst in layers]
    ref_pos = pos[:]
    posa = np.array(pos)
    arrs = [np.array(lst, dtype=np.int64) for lst in layers]
    up_nb, down_nb = _Adjacency(ups), _Adjacency(downs)
    for _ in range(2):
        for ly in range(1, len(layers)):
            _reference_reorder(ref_layers[ly], ups, ref_pos)
            arrs[ly] = _reorder(up_nb.gather(arrs[ly]), posa)
        for ly in range(len(layers) - 2, -1, -1):
            _reference_reorder(ref_layers[ly], downs, ref_pos)
            arrs[ly] = _reorder(down_nb.gather(arrs[ly]), posa)
        assert [a.tolist() for a in arrs] == ref_layers
        assert posa.tolist() == ref_pos
    assert _place(ref_layers, ups, downs, is_dummy) == _reference_place(ref_layers, ups, downs, is_dummy)
