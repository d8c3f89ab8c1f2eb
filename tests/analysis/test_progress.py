"""Status date, progress and actuals (issue 16; docs/progress-and-status-date.md). Every expected figure is worked
out by hand from the rules in that page; S is the status date in weeks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress, progress_state, status_week, to_week
from planner.model import plan_from_dict
from tests.analysis.test_properties import PROPERTY_SETTINGS, plan_dicts

CHAIN = [{"id": "a", "duration": 2}, {"id": "b", "duration": 3}, {"id": "c", "duration": 4}]
CHAIN_LINKS = [("a", "b"), ("b", "c")]


def fig(result: Any, did: str) -> tuple[float, float]:
    row = result.schedule.row(did)
    return row["es"], row["ef"]


def with_fields(decisions: list[dict[str, Any]], **changes: dict[str, Any]) -> list[dict[str, Any]]:
    return [{**d, **changes.get(d["id"], {})} for d in decisions]


# -- the done-when cases of the issue ----------------------------------------------------------------------
def test_marking_a_decision_done_moves_the_finish_by_its_duration(make_plan):
    # a(2) -> b(3) -> c(4): T = 9. a done (no dates, no status date): no remaining work, at the plan start, so
    # b runs 0-3, c 3-7 and T = 7: exactly a's 2 weeks earlier.
    before = analyze(make_plan(CHAIN, CHAIN_LINKS))
    after = analyze(make_plan(with_fields(CHAIN, a={"status": "done"}), CHAIN_LINKS))
    assert before.schedule.finish == 9.0
    assert after.schedule.finish == 7.0
    assert fig(after, "a") == (0.0, 0.0)
    assert fig(after, "b") == (0.0, 3.0)
    assert after.schedule.critical_path == ["b", "c"]


def test_a_plan_all_done_finishes_at_its_last_actual_finish(make_plan):
    # Actual finishes 2, 6 and 11 (status date 12): every decision sits at its actual finish; T = 11.
    decisions = with_fields(
        CHAIN,
        a={"status": "done", "actual_start": 0, "actual_finish": 2},
        b={"status": "done", "actual_start": 2, "actual_finish": 6},
        c={"status": "done", "actual_start": 6, "actual_finish": 11},
    )
    r = analyze(make_plan(decisions, CHAIN_LINKS, status_date=12))
    assert r.schedule.finish == 11.0
    assert [fig(r, x) for x in "abc"] == [(2.0, 2.0), (6.0, 6.0), (11.0, 11.0)]
    assert r.schedule.critical_ids == []  # nothing left to manage
    assert r.schedule.critical_path == []


def test_nothing_started_and_a_status_date_at_week_10_finishes_10_weeks_later(make_plan):
    plain = analyze(make_plan(CHAIN, CHAIN_LINKS))
    dated = analyze(make_plan(CHAIN, CHAIN_LINKS, status_date=10))
    assert dated.schedule.finish == plain.schedule.finish + 10 == 19.0
    assert fig(dated, "a") == (10.0, 12.0)


def test_status_date_as_a_date(make_plan):
    # 4 Jan 2027 + 10 weeks = 15 Mar 2027.
    plan = make_plan(CHAIN, CHAIN_LINKS, start_date="2027-01-04", status_date="2027-03-15")
    assert plan.status_date == dt.date(2027, 3, 15)
    assert status_week(plan) == 10.0
    assert analyze(plan).schedule.finish == 19.0


def test_in_progress_40_percent_of_5_weeks_has_3_weeks_left_from_the_status_date(make_plan):
    plan = make_plan(
        [{"id": "x", "duration": 5, "status": "in_progress", "progress": 40, "actual_start": 1}],
        status_date=4,
    )
    r = analyze(plan)
    assert fig(r, "x") == (4.0, 7.0)
    assert r.schedule.row("x")["duration"] == 3.0
    p = progress_state(plan).of("x")
    assert p is not None and p.remaining_fraction == pytest.approx(0.6) and p.floor_reason == "status-date"


# -- a mixed plan, worked by hand ---------------------------------------------------------------------------
def test_mixed_plan_by_hand(make_plan):
    # S = 4. a done (0-2); b in progress, 50 % of 4 -> 2 left from S: 4-6; c(3) after b: 6-9;
    # d(1) not started, not_before 6 (later than S): 6-7. T = 9.
    # Backward: c LF 9 LS 6; b LF 6 LS 4 (TF 0); a: LF = LS_b = 4, LS 4, TF = 4 - 2 = 2; d: LF 9, TF 2.
    decisions = [
        {"id": "a", "duration": 2, "status": "done", "actual_start": 0, "actual_finish": 2},
        {"id": "b", "duration": 4, "status": "in_progress", "progress": 50, "actual_start": 2},
        {"id": "c", "duration": 3},
        {"id": "d", "duration": 1, "not_before": 6},
    ]
    r = analyze(make_plan(decisions, [("a", "b"), ("b", "c")], status_date=4))
    assert [fig(r, x) for x in "abcd"] == [(2.0, 2.0), (4.0, 6.0), (6.0, 9.0), (6.0, 7.0)]
    assert r.schedule.finish == 9.0
    assert r.schedule.row("a")["total_float"] == 2.0
    assert r.schedule.row("d")["total_float"] == 2.0
    assert r.schedule.critical_ids == ["b", "c"]
    assert r.schedule.critical_path == ["b", "c"]
    state = progress_state(r.plan)
    assert state.of("d").floor_reason == "not-before"
    assert state.of("c").floor_reason == "status-date"


def test_done_decision_no_longer_waits_for_an_unfinished_predecessor(make_plan):
    # p(5) not started -> q done (actual finish 1) -> r(2). S = 3. q keeps its actual finish (the link p -> q is
    # released); r starts at S = 3, ends 5; p runs 3-8. T = 8; only p is critical.
    decisions = [
        {"id": "p", "duration": 5},
        {"id": "q", "duration": 4, "status": "done", "actual_finish": 1},
        {"id": "r", "duration": 2},
    ]
    r = analyze(make_plan(decisions, [("p", "q"), ("q", "r")], status_date=3))
    assert [fig(r, x) for x in "pqr"] == [(3.0, 8.0), (1.0, 1.0), (3.0, 5.0)]
    assert r.schedule.critical_ids == ["p"]
    edges = {(e["from"], e["to"]): e for e in r.schedule.edges()}
    assert edges[("p", "q")]["driving"] is False
    assert edges[("p", "q")]["slack"] == 0.0  # 1 - 8 < 0: reported as 0, never negative
    # the plan and the validation still see the link (stage inversions, layout)
    assert len(r.plan.dependencies) == 2


def test_done_at_the_status_date_is_not_critical(make_plan):
    # a done with no actual finish sits at S = 2; b(3) follows 2-5. By the passes alone a would have no float;
    # it is done, so it is not critical and the path is b alone.
    decisions = [{"id": "a", "duration": 2, "status": "done"}, {"id": "b", "duration": 3}]
    r = analyze(make_plan(decisions, [("a", "b")], status_date=2))
    assert fig(r, "a") == (2.0, 2.0)
    assert r.schedule.critical_ids == ["b"]
    assert r.schedule.critical_path == ["b"]


def test_gated_schedule_and_readiness_use_remaining_work(make_plan):
    # validate: a(4) done, c(1) in progress 0 %; integrate: b(2) after a. S = 1. Rolling: a at 1 (S, no actual
    # finish), c 1-2, b 1-3. Gated: gate 0 = max EF in validate = 2; b 2-4, gate 1 = 4.
    # Readiness of validate: 4 of 5 planned weeks on done decisions = 0.8.
    decisions = [
        {"id": "a", "duration": 4, "status": "done"},
        {"id": "c", "duration": 1, "status": "in_progress"},
        {"id": "b", "duration": 2, "stage": "integrate"},
    ]
    r = analyze(make_plan(decisions, [("a", "b")], status_date=1))
    assert r.stages is not None
    assert r.schedule.finish == 3.0
    assert r.stages.gated_finish == 4.0
    assert r.stages.stages[0].done_share == pytest.approx(0.8)


def test_a_plan_without_progress_is_untouched(make_plan):
    plan = make_plan(CHAIN, CHAIN_LINKS)
    g = compile_plan(plan)
    assert apply_progress(plan, g) is g


# -- findings ------------------------------------------------------------------------------------------------
def codes(result: Any) -> list[str]:
    return [f.code for f in result.findings]


def test_a_date_without_a_start_date_is_an_error(make_plan):
    r = analyze(make_plan(CHAIN, CHAIN_LINKS, status_date="2027-03-15"))
    assert not r.ok
    (f,) = [f for f in r.findings if f.code == "date-needs-start-date"]
    assert "no start date" in f.message and f.severity == "error"


def test_actual_dates_are_checked(make_plan):
    decisions = [
        {"id": "a", "duration": 2, "status": "done", "actual_start": 5, "actual_finish": 3},
        {"id": "b", "duration": 2, "status": "done", "actual_start": 1, "actual_finish": 9},
        {"id": "c", "duration": 2, "status": "in_progress", "actual_finish": 2},
    ]
    r = analyze(make_plan(decisions, status_date=6))
    found = {(f.code, tuple(f.decisions)) for f in r.findings}
    assert ("actual-finish-before-start", ("a",)) in found
    assert ("actual-after-status-date", ("b",)) in found
    assert ("actual-ignored", ("c",)) in found
    assert r.ok  # warnings: the schedule is still computed


def test_late_findings_against_the_plan_without_progress(make_plan):
    # a(2) -> b(3), S = 4, nothing started. Planned: a 0-2, b 2-5. a should have finished by 2: 2 weeks late;
    # b should have started by 2: 2 weeks late. Forecast: a 4-6, b 6-9.
    r = analyze(make_plan(CHAIN[:2], CHAIN_LINKS[:1], status_date=4))
    late = {f.decisions[0]: f for f in r.findings if f.code.startswith("late-")}
    assert late["a"].code == "late-finish" and "2 weeks late" in late["a"].message
    assert "forecast finish week 6" in late["a"].message
    assert late["b"].code == "late-start" and "2 weeks late" in late["b"].message


def test_late_findings_against_the_baseline(make_plan):
    # The baseline says a 0-2, b 2-5 (finish 5). S = 3, a in progress (half done): a finished late by 1 week;
    # b not started, its baselined start 2 < 3: 1 week late to start. Done decisions are never late.
    base = {
        "name": "v1",
        "finish": 5,
        "decisions": {"a": {"start": 0, "finish": 2}, "b": {"start": 2, "finish": 5}},
    }
    decisions = with_fields(CHAIN[:2], a={"status": "in_progress", "progress": 50})
    r = analyze(make_plan(decisions, CHAIN_LINKS[:1], status_date=3, baselines=[base]))
    late = {f.decisions[0]: f for f in r.findings if f.code.startswith("late-")}
    assert late["a"].code == "late-finish" and "1 week late" in late["a"].message
    assert "baseline 'v1'" in late["a"].message
    assert late["b"].code == "late-start"
    done = analyze(make_plan(with_fields(decisions, a={"status": "done"}), CHAIN_LINKS[:1], status_date=3))
    assert "a" not in {f.decisions[0] for f in done.findings if f.code.startswith("late-")}


def test_to_week_converts_dates(make_plan):
    plan = make_plan(CHAIN, start_date="2027-01-04")
    assert to_week(plan, dt.date(2027, 1, 18)) == 2.0
    assert to_week(plan, 3.5) == 3.5


# -- properties ------------------------------------------------------------------------------------------------
STATUSES = ("not_started", "in_progress", "done", "blocked")


@st.composite
def progressed_plans(draw: st.DrawFn, types: tuple[str, ...] = ("FS", "SS", "FF", "SF")) -> dict[str, Any]:
    data = draw(plan_dicts(max_decisions=10, types=types))
    for d in data["decisions"]:
        d["status"] = draw(st.sampled_from(STATUSES))
        d["progress"] = draw(st.integers(0, 4)) * 25
        if d["status"] == "done" and draw(st.booleans()):
            d["actual_finish"] = draw(st.integers(0, 8)) / 2
    if draw(st.booleans()):
        data["status_date"] = draw(st.integers(0, 16)) / 2
    return data


@PROPERTY_SETTINGS
@given(progressed_plans())
def test_remaining_work_is_never_negative_and_nothing_starts_before_the_status_date(data):
    plan = plan_from_dict(data, "<random>")
    r = analyze(plan)
    assert r.schedule is not None
    g = apply_progress(plan, compile_plan(plan))
    assert (g.duration >= 0).all()
    s = status_week(plan)
    state = progress_state(plan)
    for p in state.decisions:
        i = r.schedule.index[p.id]
        if p.state != "done" and s is not None:
            assert r.schedule.es[i] >= s - 1e-9
    assert (r.schedule.total_float >= 0).all()


@PROPERTY_SETTINGS
@given(progressed_plans())
def test_a_done_decision_is_never_critical(data):
    plan = plan_from_dict(data, "<random>")
    r = analyze(plan)
    assert r.schedule is not None
    done = progress_state(plan).done
    assert not (r.schedule.critical & done).any()
    assert not set(r.schedule.critical_path) & {d.id for d, x in zip(plan.decisions, done, strict=True) if x}


@PROPERTY_SETTINGS
@given(progressed_plans(types=("FS", "SS")), st.data())
def test_adding_progress_never_moves_the_finish_later(data, more):
    # With FS and SS links (FF/SF links have the usual CPM anomaly: a shorter successor can start later).
    plan = plan_from_dict(data, "<random>")
    if not plan.decisions:
        return
    before = analyze(plan).schedule
    k = more.draw(st.integers(0, len(plan.decisions) - 1))
    changed = dict(data["decisions"][k])
    if changed["status"] == "done":
        return
    step = more.draw(st.sampled_from(["progress", "done"]))
    if step == "done":
        changed["status"] = "done"
    else:
        changed["progress"] = min(100, changed["progress"] + 25)
    data2 = {**data, "decisions": [changed if i == k else d for i, d in enumerate(data["decisions"])]}
    after = analyze(plan_from_dict(data2, "<random>")).schedule
    assert before is not None and after is not None
    assert after.finish <= before.finish + 1e-9
    assert np.all(after.ef[[after.index[changed["id"]]]] <= before.ef[[before.index[changed["id"]]]] + 1e-9)


# -- Monte Carlo on remaining work -----------------------------------------------------------------------------
def test_monte_carlo_samples_only_remaining_work(make_plan):
    from planner.analysis.montecarlo import simulate

    # a: done (2/3/10 weeks planned): no uncertainty, sits at S = 1. b: 50 % of triangular(2, 4, 6) -> (1, 2, 3)
    # after a, from S = 1: finish = 1 + triangular(1, 2, 3), mean 3, range [2, 4]. A risk on a never fires into
    # the schedule.
    decisions = [
        {"id": "a", "duration": {"optimistic": 2, "likely": 3, "pessimistic": 10}, "status": "done"},
        {
            "id": "b",
            "duration": {"optimistic": 2, "likely": 4, "pessimistic": 6},
            "status": "in_progress",
            "progress": 50,
        },
    ]
    risk = {"id": "r", "title": "R", "probability": 1.0, "impact": 5, "decisions": ["a"]}
    plan = make_plan(decisions, [("a", "b")], status_date=1, risks=[risk])
    r = simulate(plan, iterations=4000, seed=3)
    assert r.mean == pytest.approx(3.0, abs=0.05)
    assert r.percentile(10) >= 2.0 - 1e-9
    assert r.percentile(95) <= 4.0 + 1e-9
    assert r.criticality_of("a") == 0.0
    assert r.criticality_of("b") == 1.0


def test_actual_dates_load_from_a_file(tmp_path, make_plan):
    from planner.model import dump_plan, load_plan

    plan = make_plan(
        [{"id": "a", "status": "done", "actual_start": "2027-01-04", "actual_finish": 2.5}],
        start_date="2027-01-04",
        status_date="2027-02-01",
    )
    path = tmp_path / "p.plan.json"
    path.write_text(dump_plan(plan), encoding="utf-8")
    back = load_plan(path)
    assert back.decisions[0].actual_start == dt.date(2027, 1, 4)
    assert back.decisions[0].actual_finish == 2.5
    assert back.status_date == dt.date(2027, 2, 1)


def test_explanations_name_the_status_date_and_done_work(make_plan):
    decisions = [
        {"id": "a", "duration": 2, "status": "done", "actual_finish": 1},
        {"id": "b", "duration": 4, "status": "in_progress", "progress": 50},
        {"id": "c", "duration": 1},
        {"id": "d", "duration": 1},
    ]
    r = analyze(make_plan(decisions, [("a", "b"), ("b", "c")], status_date=3))
    a, b, c, d = (r.explain(x) for x in "abcd")
    assert a.driver_kind == "done" and "week 1, its actual finish" in a.start_reason
    assert "It is done" in a.float_text and not a.critical
    assert b.driver_kind == "status_date"
    assert (
        b.start_reason
        == "Its remaining work (2 weeks) starts at the status date (week 3): it is in progress."
    )
    assert (c.driver_kind, c.driver) == ("dependency", "b")
    assert d.start_reason == "Starts at the status date (week 3) because it has not started."


def test_the_board_sentence_names_the_status_date(make_plan):
    from planner.analysis.board import finish_driver

    # Status date 3: a(2) not started runs 3-5, b(1) after it 5-6: a chain of 2 from the status date.
    plan = make_plan([{"id": "a", "duration": 2}, {"id": "b", "duration": 1}], [("a", "b")], status_date=3)
    driver = finish_driver(plan, analyze(plan))
    assert driver.kind == "status_date" and driver.constraint_week == 3.0
    assert driver.sentence(plan) == (
        "The finish, week 6, is set by a chain of 2 decisions with no slack between them, from \u201cA\u201d at "
        "the status date, week 3, to \u201cB\u201d."
    )
