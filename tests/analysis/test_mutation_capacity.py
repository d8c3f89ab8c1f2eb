"""planner/analysis/capacity.py: a team's peak and over-capacity stretches by hand (mutants that the capacity tests
let through: scripts/mutate.py)."""

from __future__ import annotations

from planner.analysis.capacity import TeamLoad


def test_adjacent_over_capacity_stretches_merge_and_keep_their_peak() -> None:
    # Capacity 2. Load 1 on [0, 1), 3 on [1, 2), 4 on [2, 3), 1 on [3, 4), 3 on [5, 6).
    # Over: [1, 2) and [2, 3) touch -> one stretch [1, 3) peaking at 4; [5, 6) at 3 stands apart. Peak 4.
    t = TeamLoad(
        "t",
        "T",
        2.0,
        [(0.0, 1.0, 1.0), (1.0, 2.0, 3.0), (2.0, 3.0, 4.0), (3.0, 4.0, 1.0), (5.0, 6.0, 3.0)],
        [],
    )
    assert t.over() == [(1.0, 3.0, 4.0), (5.0, 6.0, 3.0)]
    assert t.peak == 4.0
    assert TeamLoad("u", "U", None, t.segments, []).over() == []


def test_over_capacity_allows_a_billionth_of_the_capacity_and_never_less_than_1e_9() -> None:
    # The tolerance is 1e-9 x max(1, capacity): 2e-9 at capacity 2, 1e-9 at capacity 0.5.
    assert TeamLoad("t", "T", 2.0, [(0.0, 1.0, 2.0 + 1.5e-9)], []).over() == []
    assert TeamLoad("t", "T", 2.0, [(0.0, 1.0, 2.0 + 3e-9)], []).over() == [(0.0, 1.0, 2.0 + 3e-9)]
    assert TeamLoad("t", "T", 0.5, [(0.0, 1.0, 0.5 + 0.7e-9)], []).over() == []
    assert TeamLoad("t", "T", 0.5, [(0.0, 1.0, 0.5 + 2e-9)], []).over() == [(0.0, 1.0, 0.5 + 2e-9)]


def test_a_stretch_merges_with_the_last_one_only() -> None:
    # Capacity 2. Over on [0, 1) at 3; under on [1.5, 2); over on [2, 3) at 3 and [3, 4) at 4, which touch;
    # under on [4, 5). Over: [0, 1) at 3 alone, then [2, 4) peaking at 4.
    segments = [(0.0, 1.0, 3.0), (1.5, 2.0, 1.0), (2.0, 3.0, 3.0), (3.0, 4.0, 4.0), (4.0, 5.0, 1.0)]
    assert TeamLoad("t", "T", 2.0, segments, []).over() == [(0.0, 1.0, 3.0), (2.0, 4.0, 4.0)]


def test_a_team_with_no_load_peaks_at_zero() -> None:
    assert TeamLoad("t", "T", 2.0, [], []).peak == 0.0
    assert TeamLoad("t", "T", 2.0, [], []).over() == []
