"""The critical tolerance of SPEC §3.2, pinned exactly (mutants of planner/analysis/schedule.py that every other
test let through: scripts/mutate.py).

SPEC: a decision is critical when ``TF_j <= 1e-7 * max(1, T)``; a dependency is driving when ``ES_k - c_jk`` is
within the same tolerance. The cases below put a float or a slack exactly ON the tolerance, or just inside it, with
figures that are exact in binary floating point:

    T = 78125 / 512 = 152.587890625 weeks, so 1e-7 * T rounds to exactly 2**-16 (1.52587890625e-05).
"""

from __future__ import annotations

import pytest

from planner.analysis import schedule

T = 78125 / 512  # 152.587890625
TOL = 2.0**-16


def test_the_tolerance_is_exactly_two_to_the_minus_16_here() -> None:
    assert 1e-7 * max(1.0, T) == TOL  # the premise of the cases below


def test_a_float_exactly_on_the_tolerance_is_critical_and_its_link_drives(make_plan) -> None:
    # a (T - 1) -FS-> c (1);  b (T - 1 - 2**-16) -FS-> c;  d (T - 2**-16) stands alone.
    #   ES_c = max(EF_a, EF_b) = T - 1, so T = EF_c = 152.587890625 and the tolerance is 2**-16.
    #   b: LS_b = LS_c - d_b = (T - 1) - (T - 1 - 2**-16) = 2**-16 = TF_b: ON the tolerance -> critical, TF shown 0.
    #      slack of b -> c = ES_c - EF_b = 2**-16: within the tolerance -> driving. FF_b = min(T - EF_b, 2**-16) -> 0.
    #   d: TF_d = T - d_d = 2**-16 -> critical; EF_d = T - 2**-16 counts as finishing at T.
    #   Chains: a -> c, b -> c, and d alone: 3 critical chains.
    plan = make_plan(
        [
            {"id": "a", "duration": T - 1},
            {"id": "b", "duration": T - 1 - TOL},
            {"id": "c", "duration": 1},
            {"id": "d", "duration": T - TOL},
        ],
        [("a", "c"), ("b", "c")],
    )
    s = schedule(plan)
    assert s.finish == T and s.tolerance == TOL
    assert s.critical_ids == ["a", "b", "c", "d"]
    assert s.row("b")["total_float"] == 0.0 and s.row("b")["free_float"] == 0.0
    assert s.row("d")["total_float"] == 0.0 and s.row("d")["free_float"] == 0.0
    assert {(e["from"], e["to"]): e["driving"] for e in s.edges()} == {("a", "c"): True, ("b", "c"): True}
    assert s.critical_path == ["a", "c"]
    assert s.critical_chain_count == 3
    assert s.notes and s.notes[0].startswith("There are 3 critical chains")


def test_just_outside_the_tolerance_is_not_critical(make_plan) -> None:
    # As above with twice the gap: b's TF = 2**-15 > 2**-16, so b is not critical, keeps its float, and its link
    # does not drive; one chain a -> c.
    plan = make_plan(
        [
            {"id": "a", "duration": T - 1},
            {"id": "b", "duration": T - 1 - 2 * TOL},
            {"id": "c", "duration": 1},
        ],
        [("a", "c"), ("b", "c")],
    )
    s = schedule(plan)
    assert s.critical_ids == ["a", "c"]
    assert s.row("b")["total_float"] == 2 * TOL and s.row("b")["free_float"] == 2 * TOL
    assert {(e["from"], e["to"]): e["driving"] for e in s.edges()} == {("a", "c"): True, ("b", "c"): False}
    assert s.critical_chain_count == 1 and s.notes == []


@pytest.mark.parametrize(
    ("finish", "gap", "critical"),
    [
        # T = 1000 weeks: tolerance 1e-4. A float of 5e-5 weeks is inside it (critical); 2e-4 is not.
        (1000.0, 5e-5, True),
        (1000.0, 2e-4, False),
        # T = 0.5 weeks (< 1): the tolerance is 1e-7 * max(1, 0.5) = 1e-7, not 0.5e-7. A float of 2**-24
        # (5.96e-8) is inside it.
        (0.5, 2.0**-24, True),
        (0.5, 2.0**-23, False),  # 1.19e-7 > 1e-7
    ],
)
def test_the_tolerance_scales_with_the_finish_but_never_below_1e_7(
    make_plan, finish: float, gap: float, critical: bool
) -> None:
    # a (T) and b (T - gap) side by side: TF_b = gap.
    plan = make_plan([{"id": "a", "duration": finish}, {"id": "b", "duration": finish - gap}])
    s = schedule(plan)
    assert s.finish == finish
    assert s.tolerance == pytest.approx(1e-7 * max(1.0, finish), rel=1e-12)
    assert bool(s.critical[s.index["b"]]) is critical
    assert s.row("b")["total_float"] == (0.0 if critical else pytest.approx(gap, rel=1e-6))


def test_a_free_float_exactly_on_the_tolerance_is_none_even_with_total_float(make_plan) -> None:
    # z (T) alone sets T = 152.587890625 (tolerance 2**-16). a (10) -FS-> c (1); b (10 - 2**-16) -FS-> c.
    #   c: ES 10, EF 11, TF = T - 11 = 141.587890625.  b: EF = 10 - 2**-16, slack to c = 2**-16: ON the
    #   tolerance, so b's free float is 0 and its link drives; its total float is T - 11 + 2**-16 (not critical).
    plan = make_plan(
        [
            {"id": "z", "duration": T},
            {"id": "a", "duration": 10},
            {"id": "b", "duration": 10 - TOL},
            {"id": "c", "duration": 1},
        ],
        [("a", "c"), ("b", "c")],
    )
    s = schedule(plan)
    assert s.tolerance == TOL
    assert s.row("b")["free_float"] == 0.0
    assert s.row("b")["total_float"] == T - 11 + TOL
    assert s.row("c")["total_float"] == T - 11
    assert s.critical_ids == ["z"]
    assert {(e["from"], e["to"]): e["driving"] for e in s.edges()} == {("a", "c"): True, ("b", "c"): True}
