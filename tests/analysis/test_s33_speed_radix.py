"""Session 33 (issue 12): ``radix_argsort`` packs keys that fit in 63 bits together into one and sorts by its
16-bit digits; keys too wide to pack are sorted one after the other. Both ways must be the stable sort by the
keys, the first most significant."""

from __future__ import annotations

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.analysis.graph import radix_argsort

_WIDE = 2**40  # three such keys do not fit in 63 bits together: sorted key by key


def _stable(rows: list[tuple[int, ...]]) -> list[int]:
    return sorted(range(len(rows)), key=lambda i: (rows[i], i))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.integers(1, 3).flatmap(
        lambda k: st.lists(
            st.tuples(*[st.one_of(st.integers(0, 3), st.integers(0, 70_000), st.integers(0, _WIDE))] * k),
            max_size=50,
        )
    )
)
@example([(0, 0, 0), (0, 0, 0)])  # every key zero: no digit to sort by, the order stays
@example([(_WIDE, 1, 0), (0, _WIDE, 1), (_WIDE, 0, _WIDE)])  # 41 + 41 + 41 bits: not packed
@example([(2**31, 2**31), (2**31 - 1, 2**31 + 1), (2**31, 2**31 - 1)])  # 32 + 32 bits: not packed
@example([(2**31 - 1, 2**31), (2**30, 5)])  # 31 + 32 bits: packed, using all 63
def test_s33_radix_argsort_is_the_stable_sort_by_its_keys(rows: list[tuple[int, ...]]) -> None:
    width = len(rows[0]) if rows else 1
    keys = [np.array([r[k] for r in rows], dtype=np.int64) for k in range(width)]
    assert radix_argsort(*keys).tolist() == _stable(rows)


def test_s33_radix_argsort_of_a_big_graph_matches_lexsort() -> None:
    rng = np.random.default_rng(33)
    gen = rng.integers(0, 3600, 300_000)
    src = rng.integers(0, 100_000, 300_000)
    dst = rng.integers(0, 100_000, 300_000)
    assert np.array_equal(radix_argsort(gen, src, dst), np.lexsort((dst, src, gen)))
    assert np.array_equal(radix_argsort(src), np.argsort(src, kind="stable"))
