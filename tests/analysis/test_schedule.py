"""Hand-worked CPM cases (SPEC §3.2). Every expected figure below was worked out by hand from the SPEC formulas:

    forward:  ES_j = max(0, not_before_j, max c_ij)   c_ij = EF_i+lag (FS), ES_i+lag (SS), EF_i+lag-d_j (FF),
                                                             ES_i+lag-d_j (SF);   EF_j = ES_j + d_j;  T = max EF
    backward: LF_j = min(T, min b_jk)                 b_jk = LS_k-lag (FS), LS_k-lag+d_j (SS), LF_k-lag (FF),
                                                             LF_k-lag+d_j (SF);   LS_j = LF_j - d_j
    floats:   TF_j = LS_j - ES_j;   FF_j = min(T - EF_j, min over j->k of ES_k - c_jk), capped at TF_j

Figures are written (ES, EF, LS, LF, TF, FF) per decision.
"""

from __future__ import annotations

import pytest

from planner.analysis import ScheduleError, schedule
from planner.analysis.schedule import Schedule

Figures = tuple[float, float, float, float, float, float]


def assert_figures(s: Schedule, expected: dict[str, Figures]) -> None:
    for did, (es, ef, ls, lf, tf, ff) in expected.items():
        row = s.row(did)
        got = (row["es"], row["ef"], row["ls"], row["lf"], row["total_float"], row["free_float"])
        assert got == pytest.approx((es, ef, ls, lf, tf, ff), abs=1e-9), (
            f"{did}: (ES, EF, LS, LF, TF, FF) = {got}"
        )


def driving(s: Schedule) -> dict[tuple[str, str], bool]:
    return {(e["from"], e["to"]): e["driving"] for e in s.edges()}


# -- FS ------------------------------------------------------------------------------------------------
def test_fs_positive_lag(make_plan):
    # a(3) -FS+2-> b(2); c(1) stands alone.
    # a: ES 0, EF 3.  b: ES = EF_a + 2 = 5, EF 7.  c: ES 0, EF 1.  T = 7.
    # b: LF 7, LS 5.  a: LF = min(7, LS_b - 2 = 3) = 3, LS 0.  c: LF 7, LS 6.
    # FF_a = min(T - EF_a = 4, ES_b - c_ab = 5 - 5 = 0) = 0;  FF_b = 0;  FF_c = T - EF_c = 6.
    plan = make_plan(
        [{"id": "a", "duration": 3}, {"id": "b", "duration": 2}, {"id": "c", "duration": 1}],
        [("a", "b", "FS", 2)],
    )
    s = schedule(plan)
    assert s.finish == 7
    assert_figures(s, {"a": (0, 3, 0, 3, 0, 0), "b": (5, 7, 5, 7, 0, 0), "c": (0, 1, 6, 7, 6, 6)})
    assert s.critical_ids == ["a", "b"]
    assert s.critical_path == ["a", "b"]
    assert driving(s) == {("a", "b"): True}


def test_fs_zero_lag(make_plan):
    # a(3) -FS-> b(2): b ES 3 EF 5, T = 5; a LF = LS_b = 3.  Both critical, no float.
    plan = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b")])
    s = schedule(plan)
    assert s.finish == 5
    assert_figures(s, {"a": (0, 3, 0, 3, 0, 0), "b": (3, 5, 3, 5, 0, 0)})
    assert s.critical_path == ["a", "b"]
    assert driving(s) == {("a", "b"): True}


def test_fs_negative_lag_is_a_lead(make_plan):
    # a(3) -FS-1-> b(2): b ES = 3 - 1 = 2, EF 4; T = 4.
    # b: LF 4, LS 2.  a: LF = min(4, LS_b + 1 = 3) = 3, LS 0.  All critical.
    plan = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b", "FS", -1)])
    s = schedule(plan)
    assert s.finish == 4
    assert_figures(s, {"a": (0, 3, 0, 3, 0, 0), "b": (2, 4, 2, 4, 0, 0)})
    assert s.critical_path == ["a", "b"]


# -- SS ------------------------------------------------------------------------------------------------
def test_ss_positive_lag(make_plan):
    # a(2) -SS+1-> b(5): b ES = ES_a + 1 = 1, EF 6; T = 6.
    # b: LF 6, LS 1.  a: LF = min(6, LS_b - 1 + d_a = 1 - 1 + 2 = 2) = 2, LS 0.
    # FF_a = min(T - EF_a = 4, ES_b - c_ab = 1 - 1 = 0) = 0.
    plan = make_plan([{"id": "a", "duration": 2}, {"id": "b", "duration": 5}], [("a", "b", "SS", 1)])
    s = schedule(plan)
    assert s.finish == 6
    assert_figures(s, {"a": (0, 2, 0, 2, 0, 0), "b": (1, 6, 1, 6, 0, 0)})
    assert s.critical_path == ["a", "b"]
    assert driving(s) == {("a", "b"): True}


def test_ss_zero_lag(make_plan):
    # a(2) -SS-> b(5): both start at 0; b EF 5 = T.
    # b: LF 5, LS 0.  a: LF = min(5, LS_b - 0 + 2 = 2) = 2, LS 0.  Both critical (a's start holds b's start).
    plan = make_plan([{"id": "a", "duration": 2}, {"id": "b", "duration": 5}], [("a", "b", "SS", 0)])
    s = schedule(plan)
    assert s.finish == 5
    assert_figures(s, {"a": (0, 2, 0, 2, 0, 0), "b": (0, 5, 0, 5, 0, 0)})
    assert s.critical_path == ["a", "b"]


def test_ss_negative_lag(make_plan):
    # x(3) -FS-> a(2) -SS-1-> b(5).
    # x: 0-3.  a: ES 3, EF 5.  b: ES = ES_a - 1 = 2, EF 7.  T = 7.
    # b: LF 7, LS 2.  a: LF = min(7, LS_b + 1 + d_a = 2 + 1 + 2 = 5) = 5, LS 3.  x: LF = LS_a = 3, LS 0.
    # FF_a = min(T - EF_a = 2, ES_b - c_ab = 2 - 2 = 0) = 0.
    plan = make_plan(
        [{"id": "x", "duration": 3}, {"id": "a", "duration": 2}, {"id": "b", "duration": 5}],
        [("x", "a"), ("a", "b", "SS", -1)],
    )
    s = schedule(plan)
    assert s.finish == 7
    assert_figures(s, {"x": (0, 3, 0, 3, 0, 0), "a": (3, 5, 3, 5, 0, 0), "b": (2, 7, 2, 7, 0, 0)})
    assert s.critical_path == ["x", "a", "b"]
    assert driving(s) == {("x", "a"): True, ("a", "b"): True}


def test_ss_non_critical_successor(make_plan):
    # a(4) -SS+1-> b(2): b ES 1, EF 3; T = EF_a = 4.
    # b: LF 4, LS 2 -> TF 1, FF = T - EF_b = 1.  a: LF = min(4, LS_b - 1 + 4 = 5) = 4, LS 0.
    # The link still drives b's start (ES_b - c_ab = 0) although b is not critical.
    plan = make_plan([{"id": "a", "duration": 4}, {"id": "b", "duration": 2}], [("a", "b", "SS", 1)])
    s = schedule(plan)
    assert_figures(s, {"a": (0, 4, 0, 4, 0, 0), "b": (1, 3, 2, 4, 1, 1)})
    assert s.critical_ids == ["a"]
    assert s.critical_path == ["a"]
    assert driving(s) == {("a", "b"): True}


# -- FF ------------------------------------------------------------------------------------------------
def test_ff_positive_lag(make_plan):
    # a(3) -FF+1-> b(2): c_ab = EF_a + 1 - d_b = 2; b ES 2, EF 4; T = 4.
    # b: LF 4, LS 2.  a: LF = min(4, LF_b - 1 = 3) = 3, LS 0.
    # FF_a = min(T - EF_a = 1, ES_b - c_ab = 0) = 0.
    plan = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b", "FF", 1)])
    s = schedule(plan)
    assert s.finish == 4
    assert_figures(s, {"a": (0, 3, 0, 3, 0, 0), "b": (2, 4, 2, 4, 0, 0)})
    assert s.critical_path == ["a", "b"]
    assert driving(s) == {("a", "b"): True}


def test_ff_zero_lag(make_plan):
    # a(3) -FF-> b(2): c_ab = 3 - 2 = 1; b ES 1, EF 3 = T.  a: LF = min(3, LF_b = 3) = 3.  Both critical.
    plan = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b", "FF", 0)])
    s = schedule(plan)
    assert s.finish == 3
    assert_figures(s, {"a": (0, 3, 0, 3, 0, 0), "b": (1, 3, 1, 3, 0, 0)})
    assert s.critical_path == ["a", "b"]


def test_ff_negative_lag(make_plan):
    # a(3) -FF-1-> b(2): c_ab = 3 - 1 - 2 = 0; b ES 0, EF 2; T = EF_a = 3.
    # b: LF 3, LS 1 -> TF 1, FF 1.  a: LF = min(3, LF_b + 1 = 4) = 3, LS 0.
    # The link drives b (ES_b - c_ab = 0) but b has float, so the critical path is a alone.
    plan = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b", "FF", -1)])
    s = schedule(plan)
    assert s.finish == 3
    assert_figures(s, {"a": (0, 3, 0, 3, 0, 0), "b": (0, 2, 1, 3, 1, 1)})
    assert s.critical_path == ["a"]
    assert driving(s) == {("a", "b"): True}


def test_ff_that_would_start_before_zero_is_clamped(make_plan):
    # a(1) -FF-> b(4): c_ab = EF_a - d_b = 1 - 4 = -3, so b would start at week -3; it is held at 0.
    # b: ES 0, EF 4 = T.  b: LF 4, LS 0.  a: LF = min(4, LF_b - 0 = 4) = 4, LS 3 -> TF 3.
    # ES_b - c_ab = 0 - (-3) = 3: the link does not drive;  FF_a = min(T - EF_a = 3, 3) = 3.
    plan = make_plan([{"id": "a", "duration": 1}, {"id": "b", "duration": 4}], [("a", "b", "FF", 0)])
    s = schedule(plan)
    assert s.finish == 4
    assert_figures(s, {"a": (0, 1, 3, 4, 3, 3), "b": (0, 4, 0, 4, 0, 0)})
    assert s.critical_path == ["b"]
    assert driving(s) == {("a", "b"): False}
    assert s.edges()[0]["slack"] == pytest.approx(3)


# -- SF ------------------------------------------------------------------------------------------------
def test_sf_positive_lag(make_plan):
    # a(3) -SF+4-> b(2): c_ab = ES_a + 4 - d_b = 2; b ES 2, EF 4; T = 4.
    # b: LF 4, LS 2.  a: LF = min(4, LF_b - 4 + d_a = 3) = 3, LS 0.
    # FF_a = min(T - EF_a = 1, ES_b - c_ab = 0) = 0.
    plan = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b", "SF", 4)])
    s = schedule(plan)
    assert s.finish == 4
    assert_figures(s, {"a": (0, 3, 0, 3, 0, 0), "b": (2, 4, 2, 4, 0, 0)})
    assert s.critical_path == ["a", "b"]
    assert driving(s) == {("a", "b"): True}


def test_sf_zero_lag(make_plan):
    # x(5) -FS-> a(3) -SF-> b(2).
    # x: 0-5.  a: 5-8.  c_ab = ES_a + 0 - d_b = 3; b ES 3, EF 5.  T = 8.
    # b: LF 8, LS 6 -> TF 3, FF 3.  a: LF = min(8, LF_b - 0 + d_a = 11) = 8, LS 5.  x: LF = LS_a = 5, LS 0.
    plan = make_plan(
        [{"id": "x", "duration": 5}, {"id": "a", "duration": 3}, {"id": "b", "duration": 2}],
        [("x", "a"), ("a", "b", "SF", 0)],
    )
    s = schedule(plan)
    assert s.finish == 8
    assert_figures(s, {"x": (0, 5, 0, 5, 0, 0), "a": (5, 8, 5, 8, 0, 0), "b": (3, 5, 6, 8, 3, 3)})
    assert s.critical_path == ["x", "a"]
    assert driving(s) == {("x", "a"): True, ("a", "b"): True}


def test_sf_negative_lag(make_plan):
    # x(5) -FS-> a(3) -SF-1-> b(2): c_ab = 5 - 1 - 2 = 2; b ES 2, EF 4; T = 8.
    # b: LF 8, LS 6 -> TF 4, FF 4.  a: LF = min(8, LF_b + 1 + 3 = 12) = 8, LS 5.
    plan = make_plan(
        [{"id": "x", "duration": 5}, {"id": "a", "duration": 3}, {"id": "b", "duration": 2}],
        [("x", "a"), ("a", "b", "SF", -1)],
    )
    s = schedule(plan)
    assert s.finish == 8
    assert_figures(s, {"x": (0, 5, 0, 5, 0, 0), "a": (5, 8, 5, 8, 0, 0), "b": (2, 4, 6, 8, 4, 4)})
    assert s.critical_path == ["x", "a"]


def test_sf_that_would_start_before_zero_is_clamped(make_plan):
    # a(3) -SF-> b(2): c_ab = 0 + 0 - 2 = -2, so b is held at week 0: ES 0, EF 2; T = EF_a = 3.
    # b: LF 3, LS 1 -> TF 1, FF 1.  a: LF = min(3, LF_b + 3 = 6) = 3, LS 0.
    # ES_b - c_ab = 2: not driving.
    plan = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b", "SF", 0)])
    s = schedule(plan)
    assert_figures(s, {"a": (0, 3, 0, 3, 0, 0), "b": (0, 2, 1, 3, 1, 1)})
    assert driving(s) == {("a", "b"): False}
    assert s.critical_path == ["a"]
    assert (s.es >= 0).all()


# -- constraints, milestones, shapes -------------------------------------------------------------------
def test_not_before(make_plan):
    # a(2, not before 3) -FS-> c(1); b(4) alone; d(1, not before 1) after b.
    # a: ES 3, EF 5.  c: ES 5, EF 6.  b: 0-4.  d: ES = max(1, EF_b = 4) = 4, EF 5.  T = 6.
    # c: LF 6, LS 5.  a: LF 5, LS 3 -> TF 0.  d: LF 6, LS 5 -> TF 1.  b: LF = LS_d = 5, LS 1 -> TF 1.
    # FF_b = min(T - EF_b = 2, ES_d - c_bd = 0) = 0;  FF_d = 1.
    plan = make_plan(
        [
            {"id": "a", "duration": 2, "not_before": 3},
            {"id": "b", "duration": 4},
            {"id": "c", "duration": 1},
            {"id": "d", "duration": 1, "not_before": 1},
        ],
        [("a", "c"), ("b", "d")],
    )
    s = schedule(plan)
    assert s.finish == 6
    assert_figures(
        s,
        {
            "a": (3, 5, 3, 5, 0, 0),
            "b": (0, 4, 1, 5, 1, 0),
            "c": (5, 6, 5, 6, 0, 0),
            "d": (4, 5, 5, 6, 1, 1),
        },
    )
    # The critical path starts at a decision held by not_before, not at week 0.
    assert s.critical_path == ["a", "c"]


def test_milestones_take_no_time(make_plan):
    # a(3) -FS-> m (milestone) -FS-> b(2): m ES = EF = 3; b 3-5; T = 5.  All critical.
    plan = make_plan(
        [{"id": "a", "duration": 3}, {"id": "m", "milestone": True}, {"id": "b", "duration": 2}],
        [("a", "m"), ("m", "b")],
    )
    s = schedule(plan)
    assert_figures(s, {"a": (0, 3, 0, 3, 0, 0), "m": (3, 3, 3, 3, 0, 0), "b": (3, 5, 3, 5, 0, 0)})
    assert s.critical_path == ["a", "m", "b"]
    assert s.row("m")["duration"] == 0


def test_final_milestone_ends_the_critical_path(make_plan):
    # a(3) -> b(2) -> m (milestone), listed so that a and b come before m.  T = 5 and EF_b = EF_m = 5, but the
    # chain a -> b -> m is one chain (b finishes at T *and* drives m): one chain, ending at the milestone.
    plan = make_plan(
        [{"id": "a", "duration": 3}, {"id": "b", "duration": 2}, {"id": "m", "milestone": True}],
        [("a", "b"), ("b", "m")],
    )
    s = schedule(plan)
    assert_figures(s, {"b": (3, 5, 3, 5, 0, 0), "m": (5, 5, 5, 5, 0, 0)})
    assert s.critical_path == ["a", "b", "m"]
    assert s.critical_chain_count == 1
    assert s.notes == []


def test_empty_plan(make_plan):
    s = schedule(make_plan())
    assert s.finish == 0
    assert s.critical_path == []
    assert s.critical_ids == []
    assert s.critical_chain_count == 0
    assert s.notes == []
    assert s.edges() == []


def test_single_decision(make_plan):
    # a(4): 0-4, late 0-4, T = 4.
    s = schedule(make_plan([{"id": "a", "duration": 4}]))
    assert s.finish == 4
    assert_figures(s, {"a": (0, 4, 0, 4, 0, 0)})
    assert s.critical_path == ["a"]
    assert s.critical_chain_count == 1


def test_disconnected_components(make_plan):
    # a(3) -> b(2);  c(4) -> d(4);  e(1) alone.  T = max(5, 8, 1) = 8.
    # c, d: 0-4, 4-8, critical.  b: ES 3 EF 5, LF 8 LS 6 -> TF 3, FF 3.  a: LF = LS_b = 6, LS 3 -> TF 3,
    # FF_a = min(T - EF_a = 5, ES_b - c_ab = 0) = 0.  e: 0-1, LF 8, LS 7 -> TF 7, FF 7.
    plan = make_plan(
        [{"id": i, "duration": d} for i, d in (("a", 3), ("b", 2), ("c", 4), ("d", 4), ("e", 1))],
        [("a", "b"), ("c", "d")],
    )
    s = schedule(plan)
    assert s.finish == 8
    assert_figures(
        s,
        {
            "a": (0, 3, 3, 6, 3, 0),
            "b": (3, 5, 6, 8, 3, 3),
            "c": (0, 4, 0, 4, 0, 0),
            "d": (4, 8, 4, 8, 0, 0),
            "e": (0, 1, 7, 8, 7, 7),
        },
    )
    assert s.critical_ids == ["c", "d"]
    assert s.critical_path == ["c", "d"]
    assert s.critical_chain_count == 1


def test_several_critical_chains(make_plan):
    # s(2) -> a(3) -> e(1) and s -> b(3) -> e: both 6 weeks; f(6) alone is 6 weeks as well.  T = 6.
    # Chains from a start to the finish: s-a-e, s-b-e, f: three.  The one shown goes through the earliest
    # decisions in plan order (a before b; e before f).
    plan = make_plan(
        [{"id": i, "duration": d} for i, d in (("s", 2), ("a", 3), ("b", 3), ("e", 1), ("f", 6))],
        [("s", "a"), ("s", "b"), ("a", "e"), ("b", "e")],
    )
    s = schedule(plan)
    assert s.finish == 6
    assert_figures(
        s,
        {
            "s": (0, 2, 0, 2, 0, 0),
            "a": (2, 5, 2, 5, 0, 0),
            "b": (2, 5, 2, 5, 0, 0),
            "e": (5, 6, 5, 6, 0, 0),
            "f": (0, 6, 0, 6, 0, 0),
        },
    )
    assert s.critical_ids == ["s", "a", "b", "e", "f"]
    assert s.critical_path == ["s", "a", "e"]
    assert s.critical_chain_count == 3
    assert len(s.notes) == 1 and "3 critical chains" in s.notes[0]


def test_two_links_between_the_same_pair_are_one_chain(make_plan):
    # a(3) -FS-> b(2) and a -SS+3-> b: both give c_ab = 3 and both drive; still a single chain a -> b.
    plan = make_plan(
        [{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b"), ("a", "b", "SS", 3)]
    )
    s = schedule(plan)
    assert [e["driving"] for e in s.edges()] == [True, True]
    assert s.critical_path == ["a", "b"]
    assert s.critical_chain_count == 1
    assert s.notes == []


def _three_point_plan(make_plan):
    # a (1/2/6) -> b (2/3/7), and c = 4 (a plain number: the same under every estimate).
    return make_plan(
        [
            {"id": "a", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 6}},
            {"id": "b", "duration": {"optimistic": 2, "likely": 3, "pessimistic": 7}},
            {"id": "c", "duration": 4},
        ],
        [("a", "b")],
    )


def test_estimate_likely(make_plan):
    # a 0-2, b 2-5, c 0-4; T = 5.  c: LF 5, LS 1 -> TF 1.
    s = schedule(_three_point_plan(make_plan), "likely")
    assert s.estimate == "likely"
    assert_figures(s, {"a": (0, 2, 0, 2, 0, 0), "b": (2, 5, 2, 5, 0, 0), "c": (0, 4, 1, 5, 1, 1)})
    assert s.critical_path == ["a", "b"]


def test_estimate_optimistic(make_plan):
    # a 0-1, b 1-3, c 0-4; T = 4: now c is critical and the chain a -> b has 1 week of float.
    s = schedule(_three_point_plan(make_plan), "optimistic")
    assert_figures(s, {"a": (0, 1, 1, 2, 1, 0), "b": (1, 3, 2, 4, 1, 1), "c": (0, 4, 0, 4, 0, 0)})
    assert s.critical_path == ["c"]


def test_estimate_pessimistic(make_plan):
    # a 0-6, b 6-13, c 0-4; T = 13.  c: LS 9 -> TF 9.
    s = schedule(_three_point_plan(make_plan), "pessimistic")
    assert s.finish == 13
    assert_figures(s, {"a": (0, 6, 0, 6, 0, 0), "b": (6, 13, 6, 13, 0, 0), "c": (0, 4, 9, 13, 9, 9)})


def test_estimate_pert(make_plan):
    # PERT = (o + 4l + p) / 6:  a = (1 + 8 + 6) / 6 = 2.5;  b = (2 + 12 + 7) / 6 = 3.5;  c = 4.
    # a 0-2.5, b 2.5-6, c 0-4; T = 6.  c: LS 2 -> TF 2.
    s = schedule(_three_point_plan(make_plan), "pert")
    assert s.finish == pytest.approx(6)
    assert_figures(s, {"a": (0, 2.5, 0, 2.5, 0, 0), "b": (2.5, 6, 2.5, 6, 0, 0), "c": (0, 4, 2, 6, 2, 2)})


def test_unknown_estimate_is_refused(make_plan):
    with pytest.raises(ValueError, match="unknown estimate"):
        schedule(_three_point_plan(make_plan), "median")


def test_free_float_below_total_float(make_plan):
    # a(1) -FF-> b(4), and c(5) alone.  c_ab = EF_a - d_b = -3, so b is held at week 0: b 0-4, c 0-5, T = 5.
    # b: LF 5, LS 1 -> TF 1, FF 1.  a: LF = min(5, LF_b - 0 = 5) = 5, LS 4 -> TF 4.
    # FF_a = min(T - EF_a = 4, ES_b - c_ab = 0 - (-3) = 3) = 3: a may slip 3 weeks before b moves, 4 before T.
    plan = make_plan(
        [{"id": "a", "duration": 1}, {"id": "b", "duration": 4}, {"id": "c", "duration": 5}],
        [("a", "b", "FF", 0)],
    )
    s = schedule(plan)
    assert_figures(s, {"a": (0, 1, 4, 5, 4, 3), "b": (0, 4, 1, 5, 1, 1), "c": (0, 5, 0, 5, 0, 0)})


def test_a_cycle_has_no_schedule(make_plan):
    plan = make_plan([{"id": "a"}, {"id": "b"}], [("a", "b"), ("b", "a")])
    with pytest.raises(ScheduleError, match="cycle"):
        schedule(plan)


def test_row_has_the_json_keys(make_plan):
    s = schedule(make_plan([{"id": "a", "duration": 2}]))
    assert list(s.row("a")) == [
        "id",
        "duration",
        "es",
        "ef",
        "ls",
        "lf",
        "total_float",
        "free_float",
        "critical",
    ]
