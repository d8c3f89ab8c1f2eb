"""The layered layout's numpy steps (planner.analysis.layout) against plain, hand-checkable counts."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.analysis.layout import _Adjacency, _crossings, _reorder


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
