"""The levelling engine (issue 18): hand-checked cases, hypothesis properties, the exact mode and the CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import levelling, schedule
from planner.analysis.capacity import level, level_problem, team_loads
from planner.analysis.levelling_exact import ExactUnavailable, solve_exact
from planner.cli import main
from planner.model import Plan, dump_plan, plan_from_dict
from tests.conftest import build_plan

TYPES = ("FS", "SS", "FF", "SF")
TEAMS = [{"id": "t", "name": "Team T", "capacity": 2}, {"id": "u", "name": "Team U", "capacity": 1}]


def _max_over(plan: Plan, es: np.ndarray, ef: np.ndarray) -> float:
    """Largest excess of load over capacity (any team, any moment), a too-large headcount counting as the
    whole team (<= 0 when within capacity)."""
    caps = {t.id: t.capacity for t in plan.teams}
    clipped = plan.model_copy(deep=True)
    for d in clipped.decisions:
        cap = caps.get(d.owner or "")
        if cap is not None:
            d.headcount = min(d.headcount, cap)
    worst = -np.inf
    for tl in team_loads(clipped, es, ef):
        if tl.capacity is not None:
            for s, e, p in tl.segments:
                if e - s > 1e-9:
                    worst = max(worst, p - tl.capacity)
    return worst


def _links_hold(plan: Plan, es: np.ndarray, ef: np.ndarray) -> None:
    idx = {d.id: i for i, d in enumerate(plan.decisions)}
    for dep in plan.dependencies:
        u, v = idx[dep.from_], idx[dep.to]
        have = {"FS": es[v] - ef[u], "SS": es[v] - es[u], "FF": ef[v] - ef[u], "SF": ef[v] - es[u]}[dep.type]
        assert have >= dep.lag - 1e-9, (dep.from_, dep.to, dep.type)
    for i, d in enumerate(plan.decisions):
        assert es[i] >= max(0.0, d.not_before or 0.0) - 1e-12
        assert ef[i] == pytest.approx(es[i] + d.weeks())


# -- hand-checked cases ---------------------------------------------------------------------------------------------
def test_the_heuristic_finds_the_shorter_schedule_the_float_rule_misses() -> None:
    # Team U has one person. crit1 (4 w) -> crit2 (4 w) after a one-week lag; flex (2 w) has float.
    # Least float first keeps crit1/crit2 and puts flex after them: 0-4, 5-9, 9-11 = 11 weeks.
    # Running flex in weeks 4-6 and crit2 one week late (6-10) finishes at 10, the optimum: the unlevelled finish
    # is 9 and 4 + 2 + 4 = 10 weeks of Team U's work must follow crit1's start with crit2 after flex or crit1.
    plan = build_plan(
        [
            {"id": "flex", "owner": "u", "duration": 2},
            {"id": "crit1", "owner": "u", "duration": 4},
            {"id": "crit2", "owner": "u", "duration": 4},
            {"id": "other", "owner": "t", "duration": 1, "headcount": 2},
        ],
        [("crit1", "crit2", "FS", 1)],
        teams=TEAMS,
    )
    s = schedule(plan)
    assert level(plan, s, "classic").finish == 11.0
    lv = level(plan, s, "heuristic")
    es = dict(zip(lv.ids, lv.es.tolist(), strict=True))
    assert (es["crit1"], es["flex"], es["crit2"], es["other"]) == (0.0, 4.0, 6.0, 0.0)
    assert (lv.finish, lv.cost, lv.critical_delayed) == (10.0, 1.0, ["crit2"])
    ex = level(plan, s, "exact")
    assert ex.finish == 10.0 and ex.proved_optimal and ex.gap == 0.0
    # why crit2 moved: Team U is busy with flex from its CPM start (week 5) to week 6
    move = {m.id: m for m in lv.moves}["crit2"]
    assert (move.reason, move.team, move.since, move.until, move.others) == (
        "capacity",
        "u",
        5.0,
        6.0,
        ["flex"],
    )
    assert "Team U (1 person) is full in weeks 5\u20136 (flex)" in move.text(plan)


def test_lower_bound_by_hand() -> None:
    # Three 2-week decisions of a one-person team and nothing else: 6 weeks of work, critical path 2 weeks.
    plan = build_plan([{"id": x, "owner": "u", "duration": 2} for x in "abc"], teams=TEAMS)
    lv = level(plan, schedule(plan), "heuristic")
    assert lv.lower_bound == 6.0 and lv.finish == 6.0 and lv.proved_optimal
    # Capacity 2, headcounts 2, 1, 1, 1 of 3 weeks each: 15 person-weeks / 2 = 7.5 weeks at least; the best
    # is 9 (the 2-person decision runs alone; the three others pair up at best two at a time: 3 + 6).
    plan = build_plan(
        [{"id": "big", "owner": "t", "duration": 3, "headcount": 2}]
        + [{"id": x, "owner": "t", "duration": 3} for x in "xyz"],
        teams=TEAMS,
    )
    lv = level(plan, schedule(plan), "heuristic")
    assert lv.finish == 9.0
    assert levelling.lower_bound(level_problem(plan, schedule(plan))[0])[0] == 7.5
    assert "person-weeks of 'Team T' (t)" in lv.bound_reason
    ex = level(plan, schedule(plan), "exact")
    assert ex.finish == 9.0 and ex.proved_optimal and ex.lower_bound == 9.0


def test_money_of_the_extra_weeks() -> None:
    # Team U costs 1,000 a person-week; 5 weeks of work over the 3-week unlevelled finish: burn 5,000/3 per
    # week; levelling adds 2 weeks -> 3,333.33; the target (week 4) adds 1 week of delay at 500.
    plan = build_plan(
        [{"id": "a", "owner": "u", "duration": 3}, {"id": "b", "owner": "u", "duration": 2}],
        teams=[{"id": "u", "name": "U", "capacity": 1, "rate": 1000}],
        target=4,
        cost_of_delay=500,
    )
    lv = level(plan, schedule(plan), "heuristic")
    assert lv.cost == 2.0
    assert lv.money == pytest.approx(2 * 5000 / 3 + 500)
    assert "In money:" in lv.text(plan)


def test_fractional_weeks_and_people_are_scaled_exactly() -> None:
    # Quarter weeks, a lag of -0.5 and 1.5-person headcounts on a 2.5-person team: the exact optimum of the
    # scaled problem is the optimum (two 1.5-person decisions cannot overlap: 0.75 + 1.25 = 2 weeks).
    plan = build_plan(
        [
            {"id": "a", "owner": "t", "duration": 0.75, "headcount": 1.5},
            {"id": "b", "owner": "t", "duration": 1.25, "headcount": 1.5},
            {"id": "c", "owner": "t", "duration": 0.25, "headcount": 1},
        ],
        [("a", "c", "FS", -0.5)],
        teams=[{"id": "t", "name": "T", "capacity": 2.5}],
    )
    s = schedule(plan)
    p = level_problem(plan, s)[0]
    ex = solve_exact(p, levelling.solve(p)[0].start)
    assert ex.optimal and ex.finish == 2.0 and ex.time_scale == 4
    lv = level(plan, s, "exact")
    assert lv.finish == 2.0 and _max_over(plan, lv.es, lv.ef) <= 1e-9
    _links_hold(plan, lv.es, lv.ef)


def test_figures_that_cannot_be_scaled_are_refused() -> None:
    plan = build_plan(
        [{"id": "a", "owner": "u", "duration": 1 / 3 + 1e-6}, {"id": "b", "owner": "u", "duration": 1}],
        teams=TEAMS,
    )
    with pytest.raises(ExactUnavailable, match="use the heuristic"):
        level(plan, schedule(plan), "exact")


def test_psplib_j301_1_reaches_its_published_optimum() -> None:
    # The real PSPLIB instance kept for the benchmark: one resource per activity, so the plan is the instance.
    bench = Path(__file__).resolve().parents[2] / "benchmarks"
    sys.path.insert(0, str(bench.parent))
    try:
        from benchmarks.bench_levelling import parse_sm, to_plan
    finally:
        sys.path.remove(str(bench.parent))
    plan = to_plan(parse_sm((bench / "data" / "j301_1.sm").read_text(), "j301_1"))
    s = schedule(plan)
    assert s.finish == 38.0  # PSPLIB's MPM time
    ex = level(plan, s, "exact")
    assert ex.finish == 43.0 and ex.proved_optimal  # PSPLIB's optimum for j301_1
    heur = level(plan, s, "heuristic")
    assert 43.0 <= heur.finish <= 43.0 * 1.1 and _max_over(plan, heur.es, heur.ef) <= 1e-9
    _links_hold(plan, heur.es, heur.ef)


# -- properties -----------------------------------------------------------------------------------------------------
@st.composite
def staffed_plans(draw: st.DrawFn, capacities: st.SearchStrategy[float | None]) -> Plan:
    n = draw(st.integers(1, 10))
    q = st.integers(0, 12).map(lambda x: x / 4)
    teams = [{"id": f"t{k}", "name": f"Team {k}", "capacity": draw(capacities)} for k in range(2)]
    decisions = []
    for i in range(n):
        dec: dict[str, Any] = {
            "id": f"d{i}",
            "title": f"D{i}",
            "stage": "validate",
            "headcount": draw(st.sampled_from([0, 0.5, 1, 1.5, 2, 3])),
            "duration": draw(q),
        }
        if draw(st.integers(0, 4)):
            dec["owner"] = draw(st.sampled_from([t["id"] for t in teams]))
        if draw(st.integers(0, 3)) == 0:
            dec["not_before"] = draw(q)
        decisions.append(dec)
    deps = []
    if n >= 2:
        pairs = st.integers(0, n - 2).flatmap(lambda i: st.tuples(st.just(i), st.integers(i + 1, n - 1)))
        for i, j in draw(st.lists(pairs, max_size=2 * n, unique=True)):
            deps.append(
                {
                    "from": f"d{i}",
                    "to": f"d{j}",
                    "type": draw(st.sampled_from(TYPES)),
                    "lag": draw(st.integers(-4, 4)) / 4,
                }
            )
    data = {
        "schema_version": 1,
        "title": "t",
        "stages": [{"id": "validate", "name": "Validate"}],
        "teams": teams,
        "decisions": decisions,
        "dependencies": deps,
    }
    return plan_from_dict(data, "<random>")


PROPS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@PROPS
@given(staffed_plans(st.sampled_from([None, 1.0, 2.0, 2.5, 3.0])))
def test_heuristic_respects_every_link_and_every_capacity(plan: Plan) -> None:
    s = schedule(plan)
    lv = level(plan, s, "heuristic")
    assert _max_over(plan, lv.es, lv.ef) <= 1e-9
    _links_hold(plan, lv.es, lv.ef)
    assert np.all(lv.es >= s.es - 1e-9)  # levelling only ever delays
    assert lv.lower_bound >= s.finish - 1e-9 and lv.finish >= lv.lower_bound - 1e-9
    assert lv.finish <= level(plan, s, "classic").finish + 1e-9 or lv.cost > 0


@PROPS
@given(staffed_plans(st.sampled_from([None, 100.0])))
def test_ample_capacity_changes_nothing(plan: Plan) -> None:
    s = schedule(plan)
    for method in ("heuristic", "exact"):
        lv = level(plan, s, method)
        np.testing.assert_array_equal(lv.es, s.es)
        assert lv.finish == s.finish and lv.cost == 0 and lv.delayed == [] and lv.proved_optimal


def _renamed(plan: Plan, order: list[int]) -> Plan:
    """The same plan with new ids (and titles) and its decisions in ``order``."""
    data = json.loads(dump_plan(plan))
    new = {d["id"]: f"x{(7 * k + 3) % 101:03d}" for k, d in enumerate(data["decisions"])}
    for d in data["decisions"]:
        d["id"] = new[d["id"]]
        d["title"] = "T" + d["id"]
    for dep in data.get("dependencies", []):
        dep["from"], dep["to"] = new[dep["from"]], new[dep["to"]]
    data["decisions"] = [data["decisions"][k] for k in order]
    return plan_from_dict(data, "<renamed>")


@PROPS
@given(staffed_plans(st.sampled_from([1.0, 2.0, 2.5])), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_ids_or_their_order(plan: Plan, rnd: Any) -> None:
    lv = level(plan, schedule(plan), "heuristic")
    order = list(range(len(plan.decisions)))
    rnd.shuffle(order)
    other = _renamed(plan, order)
    lv2 = level(other, schedule(other), "heuristic")
    assert lv2.finish == lv.finish

    # decision by decision: the same start, except between interchangeable decisions (same duration, team,
    # headcount, links), which may swap; compare the starts of each class of look-alikes as a multiset
    def classes(p: Plan, es: np.ndarray) -> list[tuple[Any, ...]]:
        prob = level_problem(p, schedule(p))[0]
        rank = prob.rank()
        return sorted((rank[i], float(es[i])) for i in range(len(p.decisions)))

    assert classes(other, lv2.es) == classes(plan, lv.es)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(staffed_plans(st.sampled_from([1.0, 2.0, 2.5])))
def test_exact_is_never_worse_than_the_heuristic_and_proves_it(plan: Plan) -> None:
    s = schedule(plan)
    heur = level(plan, s, "heuristic")
    ex = level(plan, s, "exact", time_limit=20)
    assert ex.proved_optimal
    assert ex.finish <= heur.finish + 1e-9 and ex.finish >= heur.lower_bound - 1e-9
    assert _max_over(plan, ex.es, ex.ef) <= 1e-9
    _links_hold(plan, ex.es, ex.ef)
    assert np.all(ex.es >= s.es - 1e-9)


# -- the command line -----------------------------------------------------------------------------------------------
def _write(tmp_path: Path) -> Path:
    plan = build_plan(
        [{"id": "a", "owner": "u", "duration": 3}, {"id": "b", "owner": "u", "duration": 2}], teams=TEAMS
    )
    path = tmp_path / "p.plan.json"
    path.write_text(dump_plan(plan))
    return path


def test_cli_level_methods(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path)
    assert main(["analyze", str(path), "--level-method", "exact", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)["levelled"]
    assert (out["finish"], out["method"], out["proved_optimal"], out["gap"]) == (5.0, "exact", True, 0.0)
    assert out["moves"] == [
        {
            "id": "b",
            "delay": 3.0,
            "reason": "capacity",
            "team": "u",
            "waits_from": 0.0,
            "waits_until": 3.0,
            "because_of": ["a"],
        }
    ]
    assert main(["analyze", str(path), "--level"]) == 0
    text = " ".join(capsys.readouterr().out.split())  # the text is wrapped to 80 columns
    assert (
        "Optimal: no schedule with these teams can finish earlier" in text
        and "because Team U (1 person) is full in weeks 0\u20133 (a)" in text
    )


def test_cli_exact_without_the_solver_says_how_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path)
    monkeypatch.setitem(sys.modules, "ortools.sat.python", None)  # import fails as if not installed
    assert main(["analyze", str(path), "--level-method", "exact"]) == 2
    err = capsys.readouterr().err
    assert "pip install" in err and "[exact]" in err and "Traceback" not in err
    assert main(["analyze", str(path), "--level-method", "exact", "--level-time-limit", "-1"]) == 2


def test_the_standalone_app_says_the_solver_is_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path)
    monkeypatch.setitem(sys.modules, "ortools.sat.python", None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as in the PyInstaller bundle
    assert main(["analyze", str(path), "--level-method", "exact"]) == 2
    err = capsys.readouterr().err
    assert "standalone app leaves it out" in err and "pip install 'ortools>=9.10'" in err
    assert "-e '.[exact]'" not in err


def test_levelled_view_relabels_the_levelled_dates_for_drawing() -> None:
    from planner.analysis import analyze
    from planner.analysis.capacity import UNLEVELLED, levelled_view

    plan = build_plan(
        [{"id": "a", "owner": "u", "duration": 3}, {"id": "b", "owner": "u", "duration": 2}], teams=TEAMS
    )
    a = analyze(plan)
    assert a.schedule is not None
    lv = level(plan, a.schedule, "heuristic")
    view = levelled_view(a, lv)
    assert view.schedule.es.tolist() == [0.0, 3.0] and view.schedule.finish == 5.0
    base = view.plan.baselines[-1]
    assert base.name == UNLEVELLED and base.finish == 3.0
    assert (base.decisions["b"].start, base.decisions["b"].finish) == (0.0, 2.0)
    assert plan.baselines == [] and a.schedule.finish == 3.0  # the analysis itself is untouched


def test_work_under_way_at_the_status_date_is_not_paused() -> None:
    # Status date: week 1. 'running' (4 weeks, half done) has 2 weeks left from week 1; 'urgent' (3 weeks)
    # drives a 10-week tail, so every rule ranks it first. Both need Team U's one person from week 1. Delaying
    # 'running' to week 4 would pause work under way (work is never split), so it keeps weeks 1-3 and 'urgent'
    # waits: 3-6, the tail 6-16.
    plan = build_plan(
        [
            {"id": "running", "owner": "u", "duration": 4, "status": "in_progress", "progress": 50},
            {"id": "urgent", "owner": "u", "duration": 3},
            {"id": "tail", "duration": 10},
        ],
        [("urgent", "tail")],
        teams=TEAMS,
        start_date="2027-01-04",
        status_date="2027-01-11",
    )
    from planner.analysis import analyze

    s = analyze(plan).schedule  # the status-date pre-pass runs in analyze()
    assert s is not None
    s_es = dict(zip(s.ids, s.es.tolist(), strict=True))
    assert (s_es["running"], s_es["urgent"], s.finish) == (1.0, 1.0, 14.0)
    for method in ("heuristic", "exact"):
        lv = level(plan, s, method)
        es = dict(zip(lv.ids, lv.es.tolist(), strict=True))
        assert (es["running"], es["urgent"], es["tail"], lv.finish) == (1.0, 3.0, 6.0, 16.0), method
    # a plan that records no progress has nothing under way: the critical work goes first
    plain = build_plan(
        [
            {"id": "running", "owner": "u", "duration": 2},
            {"id": "urgent", "owner": "u", "duration": 3},
            {"id": "tail", "duration": 10},
        ],
        [("urgent", "tail")],
        teams=TEAMS,
    )
    lv = level(plain, schedule(plain), "heuristic")
    assert lv.finish == 13.0 and dict(zip(lv.ids, lv.es.tolist(), strict=True))["urgent"] == 0.0
