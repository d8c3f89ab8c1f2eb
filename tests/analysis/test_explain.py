"""Explanations (SPEC §3.2): why a decision starts when it does, and why it is or is not critical."""

from __future__ import annotations

import pytest

from planner.analysis import ScheduleError, analyze, explain, schedule
from planner.analysis.explain import driving_chain


def explained(plan, decision_id):
    return explain(plan, schedule(plan), decision_id)


@pytest.mark.parametrize(
    ("kind", "lag", "start", "words"),
    [
        # a(3) -> b(2).  FS+2: ES_b = 3 + 2 = 5.  SS+1: 0 + 1 = 1.  FF+1: 3 + 1 - 2 = 2.  SF+4: 0 + 4 - 2 = 2.
        ("FS", 2, "week 5", "it can start only when 'A' (a) finishes plus a lag of 2 weeks (FS dependency)"),
        ("SS", 1, "week 1", "it can start only when 'A' (a) starts plus a lag of 1 week (SS dependency)"),
        ("FF", 1, "week 2", "it can finish only when 'A' (a) finishes plus a lag of 1 week (FF dependency)"),
        ("SF", 4, "week 2", "it can finish only when 'A' (a) starts plus a lag of 4 weeks (SF dependency)"),
        # FS-1: ES_b = 3 - 1 = 2.
        (
            "FS",
            -1,
            "week 2",
            "it can start only when 'A' (a) finishes minus a lead of 1 week (FS dependency)",
        ),
        ("FS", 0, "week 3", "it can start only when 'A' (a) finishes (FS dependency)"),
    ],
)
def test_driver_by_dependency_type(make_plan, kind, lag, start, words):
    plan = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b", kind, lag)])
    e = explained(plan, "b")
    assert e.driver == "a"
    assert e.driver_kind == "dependency"
    assert e.start_reason == f"Starts in {start} because {words}."
    assert e.driving_chain == ["a", "b"]


def test_driver_not_before(make_plan):
    # a(1) -> b(2, not before 4): EF_a = 1 < 4, so the constraint holds b.
    plan = make_plan([{"id": "a", "duration": 1}, {"id": "b", "duration": 2, "not_before": 4}], [("a", "b")])
    e = explained(plan, "b")
    assert e.driver is None
    assert e.driver_kind == "not_before"
    assert e.start_reason == "Starts in week 4 because it may not start earlier (not before week 4)."
    assert e.driving_chain == ["b"]


def test_dependency_beats_a_looser_not_before(make_plan):
    # a(5) -> b(2, not before 4): ES_b = max(4, 5) = 5, held by a.
    plan = make_plan([{"id": "a", "duration": 5}, {"id": "b", "duration": 2, "not_before": 4}], [("a", "b")])
    e = explained(plan, "b")
    assert (e.driver, e.driver_kind) == ("a", "dependency")
    assert e.start_reason.startswith("Starts in week 5 because")


def test_plan_start(make_plan):
    e = explained(make_plan([{"id": "a", "duration": 2}]), "a")
    assert e.driver is None
    assert e.driver_kind == "plan_start"
    assert e.start_reason == "Starts at the plan start (week 0): nothing it depends on holds it back."


def test_link_that_would_start_before_zero_gives_plan_start(make_plan):
    # a(3) -SF-> b(2): c_ab = -2, clamped to 0.
    plan = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b", "SF", 0)])
    e = explained(plan, "b")
    assert (e.driver, e.driver_kind) == (None, "plan_start")


def diamond(make_plan):
    # s(2) -> a(1) -> e(1);  s -> b(4) -> e.  Forward: s 0-2, a 2-3, b 2-6, e 6-7; T = 7.
    # Backward: e LS 6;  a LF 6, LS 5 -> TF 3, FF = ES_e - EF_a = 3;  b LF 6, LS 2 -> TF 0;  s TF 0.
    return make_plan(
        [
            {"id": "s", "duration": 2},
            {"id": "a", "duration": 1},
            {"id": "b", "duration": 4},
            {"id": "e", "duration": 1},
        ],
        [("s", "a"), ("s", "b"), ("a", "e"), ("b", "e")],
    )


def test_critical_on_the_path_shown(make_plan):
    plan = diamond(make_plan)
    e = explained(plan, "b")
    assert e.critical
    assert e.float_text == "It has no float: any delay moves the plan's finish."
    assert e.critical_text == "It is critical: it lies on the longest chain of work, the critical path shown."
    assert e.longest_chain == ["s", "b", "e"]


def test_not_critical_names_its_longest_chain(make_plan):
    # The longest chain through a is s -> a -> e: 2 + 1 + 1 = 4 weeks, 3 short of T = 7 (its total float).
    plan = diamond(make_plan)
    e = explained(plan, "a")
    assert not e.critical
    assert e.driver == "s"
    assert e.driving_chain == ["s", "a"]
    assert e.longest_chain == ["s", "a", "e"]
    assert e.float_text == (
        "It can slip 3 weeks before the plan's finish moves (total float), "
        "and 3 weeks before it delays any successor (free float)."
    )
    assert e.critical_text == (
        "It is not critical. Its longest chain (s -> a -> e) is 3 weeks shorter than the plan; "
        "it would become critical if it slipped by more than 3 weeks."
    )
    assert e.text() == "\n".join([e.start_reason, e.float_text, e.critical_text])


def test_no_free_float_text(make_plan):
    # a(1) -> b(1) -> c(1) beside d(5): a has total float 2 but no free float (b starts as a ends).
    plan = make_plan(
        [
            {"id": "a", "duration": 1},
            {"id": "b", "duration": 1},
            {"id": "c", "duration": 1},
            {"id": "d", "duration": 5},
        ],
        [("a", "b"), ("b", "c")],
    )
    e = explained(plan, "a")
    assert e.float_text == (
        "It can slip 2 weeks before the plan's finish moves (total float), but any slip delays a successor "
        "(no free float)."
    )
    assert e.longest_chain == ["a", "b", "c"]


def test_critical_on_a_parallel_chain(make_plan):
    # s -> a -> e and s -> b -> e, both 6 weeks: the path shown goes through a; b is critical in parallel.
    plan = make_plan(
        [
            {"id": "s", "duration": 2},
            {"id": "a", "duration": 3},
            {"id": "b", "duration": 3},
            {"id": "e", "duration": 1},
        ],
        [("s", "a"), ("s", "b"), ("a", "e"), ("b", "e")],
    )
    s = schedule(plan)
    assert s.critical_path == ["s", "a", "e"]
    eb = explain(plan, s, "b")
    assert eb.critical
    assert eb.critical_text.endswith("a critical chain parallel to the one shown.")
    ee = explain(plan, s, "e")
    # e is held equally by a and b: the explanation names the first and mentions the other.
    assert ee.driver == "a"
    assert ee.start_reason.endswith("b would hold it to the same date.")
    assert driving_chain(s, "e") == ["s", "a", "e"]


def test_analysis_explain_needs_a_valid_plan(make_plan):
    ok = analyze(make_plan([{"id": "a"}]))
    assert ok.explain("a").decision == "a"
    broken = analyze(make_plan([{"id": "a"}], [("a", "a")]))
    with pytest.raises(ScheduleError, match="validation errors"):
        broken.explain("a")
