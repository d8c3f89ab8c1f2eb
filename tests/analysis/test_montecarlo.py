"""Monte Carlo (SPEC §3.4): statistical checks with fixed seeds, a per-iteration cross-check against the CPM,
risks, reproducibility, progress and cancellation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import schedule
from planner.analysis.graph import compile_plan
from planner.analysis.montecarlo import (
    SimulationCancelled,
    parse_when,
    simulate,
    triangular_ppf,
)
from planner.analysis.schedule import ScheduleError
from planner.model import Plan, load_plan, plan_from_dict

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"

TYPES = ("FS", "SS", "FF", "SF")
STAGES = ("validate", "integrate", "operationalize", "scale")


def tp(o: float, l: float, p: float) -> dict[str, float]:  # noqa: E741
    return {"optimistic": o, "likely": l, "pessimistic": p}


# -- deterministic plans reproduce the CPM ------------------------------------------------------------------
def test_fixed_durations_reproduce_the_cpm_on_every_percentile(make_plan: Any) -> None:
    plan = make_plan(
        [
            {"id": "a", "duration": 3},
            {"id": "b", "duration": 2},
            {"id": "c", "duration": 4, "not_before": 2},
            {"id": "d", "duration": 1},
            {"id": "m", "milestone": True},
            {"id": "e", "duration": 2.5},
        ],
        [
            ("a", "b"),
            ("a", "c", "SS", 1),
            ("b", "d", "FF", 1),
            ("c", "d", "SF", 3),
            ("d", "m"),
            ("a", "e", "FS", -1),
        ],
    )
    cpm = schedule(plan)
    r = simulate(plan, 500, seed=3)
    for q in (10, 50, 80, 90, 95):
        assert r.percentile(q) == pytest.approx(cpm.finish, abs=1e-12)
    assert r.mean == pytest.approx(cpm.finish) and r.std == pytest.approx(0, abs=1e-12)
    np.testing.assert_array_equal(r.criticality, cpm.critical.astype(float))
    assert r.deterministic_finish == cpm.finish
    assert r.sensitivity() == []  # nothing varies
    assert r.probability_by(cpm.finish) == 1.0
    assert r.probability_by(cpm.finish - 0.01) == 0.0


@st.composite
def random_plans(draw: st.DrawFn, three_point: bool = True) -> Plan:
    n = draw(st.integers(1, 10))
    q = st.integers(0, 16).map(lambda x: x / 4)
    decisions = []
    for i in range(n):
        dec: dict[str, Any] = {"id": f"d{i}", "title": f"D{i}", "stage": draw(st.sampled_from(STAGES))}
        if draw(st.integers(0, 6)) == 0:
            dec["milestone"] = True
        else:
            o = draw(q)
            likely = o + draw(q)
            dec["duration"] = (
                tp(o, likely, likely + draw(q)) if three_point and draw(st.booleans()) else likely
            )
        if draw(st.integers(0, 3)) == 0:
            dec["not_before"] = draw(q)
        decisions.append(dec)
    deps = []
    if n >= 2:
        pairs = st.integers(0, n - 2).flatmap(lambda i: st.tuples(st.just(i), st.integers(i + 1, n - 1)))
        for i, j in draw(st.lists(pairs, max_size=3 * n)):
            deps.append(
                {
                    "from": f"d{i}",
                    "to": f"d{j}",
                    "type": draw(st.sampled_from(TYPES)),
                    "lag": draw(st.integers(-8, 8)) / 4,
                }
            )
    order = draw(st.permutations(range(n)))
    data = {
        "schema_version": 1,
        "title": "t",
        "stages": [{"id": s, "name": s} for s in STAGES],
        "decisions": [decisions[k] for k in order],
        "dependencies": deps,
    }
    return plan_from_dict(data, "<random>")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(random_plans(three_point=False))
def test_without_uncertainty_every_iteration_is_the_cpm(plan: Plan) -> None:
    cpm = schedule(plan)
    r = simulate(plan, 40, seed=1, chunk=16)
    np.testing.assert_allclose(r.finish, cpm.finish, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(r.criticality, cpm.critical.astype(float))
    for k, st_ in enumerate(r.stages):
        np.testing.assert_allclose(st_.samples, st_.deterministic)
        assert st_.deterministic >= 0
        del k


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(random_plans())
def test_each_iteration_matches_the_cpm_on_its_sampled_durations(plan: Plan) -> None:
    """The vectorised passes agree, iteration by iteration, with the CPM run on that iteration's durations."""
    r = simulate(plan, 12, seed=5, chunk=5, keep_samples=True)
    assert r.samples is not None
    crit = np.zeros(len(plan.decisions))
    for it in range(12):
        s = schedule(plan, graph=compile_plan(plan, dur=r.samples[it].copy()))
        assert r.finish[it] == pytest.approx(s.finish, abs=1e-9)
        crit += s.critical
    np.testing.assert_allclose(r.criticality, crit / 12)


# -- distributions ------------------------------------------------------------------------------------------
def test_a_single_triangular_decision_matches_the_analytic_distribution(make_plan: Any) -> None:
    o, m, p = 2.0, 3.0, 8.0
    plan = make_plan([{"id": "a", "duration": tp(o, m, p)}])
    r = simulate(plan, 100_000, seed=11)
    assert r.mean == pytest.approx((o + m + p) / 3, abs=0.02)
    var = (o * o + m * m + p * p - o * m - o * p - m * p) / 18
    assert r.std == pytest.approx(np.sqrt(var), rel=0.01)

    def ppf(q: float) -> float:
        return float(triangular_ppf(np.array(q), np.array(o), np.array(m), np.array(p)))

    for q in (10, 50, 80, 90, 95):
        assert r.percentile(q) == pytest.approx(ppf(q / 100), abs=0.03), q
    assert r.criticality_of("a") == 1.0
    assert r.sensitivity() == [("a", pytest.approx(1.0))]
    assert r.probability_by(ppf(0.8)) == pytest.approx(0.8, abs=0.01)


def test_triangular_ppf_is_numpys_triangular_transform() -> None:
    # Generator.triangular draws one double and applies the inverse CDF; with the same uniforms we agree.
    u = np.random.default_rng(4).random(1000)
    ours = triangular_ppf(u, np.array(1.0), np.array(2.0), np.array(6.0))
    theirs = np.random.default_rng(4).triangular(1.0, 2.0, 6.0, size=1000)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12)


def test_degenerate_and_skewed_estimates(make_plan: Any) -> None:
    plan = make_plan(
        [
            {"id": "fixed", "duration": tp(3, 3, 3)},
            {"id": "left", "duration": tp(2, 2, 6)},  # mode at the optimistic end
            {"id": "right", "duration": tp(2, 6, 6)},  # mode at the pessimistic end
            {"id": "zero", "duration": tp(0, 0, 0)},
        ]
    )
    r = simulate(plan, 20_000, seed=2, keep_samples=True)
    s = r.samples
    assert s is not None
    assert np.all(s[:, 0] == 3) and np.all(s[:, 3] == 0)
    assert s[:, 1].min() >= 2 and s[:, 1].max() <= 6 and s[:, 1].mean() == pytest.approx(10 / 3, abs=0.03)
    assert s[:, 2].min() >= 2 and s[:, 2].max() <= 6 and s[:, 2].mean() == pytest.approx(14 / 3, abs=0.03)


def test_two_identical_parallel_chains_share_criticality(make_plan: Any) -> None:
    est = tp(2, 4, 9)
    plan = make_plan(
        [{"id": f"{c}{k}", "duration": est} for c in "xy" for k in range(3)]
        + [{"id": "end", "milestone": True}],
        [("x0", "x1"), ("x1", "x2"), ("y0", "y1"), ("y1", "y2"), ("x2", "end"), ("y2", "end")],
    )
    r = simulate(plan, 20_000, seed=9)
    for c in "xy":
        for k in range(3):
            assert r.criticality_of(f"{c}{k}") == pytest.approx(0.5, abs=0.02)
    assert r.criticality_of("end") == 1.0
    # Criticality of the two chains adds up to one: ties have probability 0 with continuous durations.
    assert r.criticality_of("x0") + r.criticality_of("y0") == pytest.approx(1.0, abs=1e-3)


def test_sensitivity_ranks_the_most_uncertain_critical_work_first(make_plan: Any) -> None:
    plan = make_plan(
        [
            {"id": "wide", "duration": tp(2, 5, 20)},
            {"id": "narrow", "duration": tp(4, 5, 6)},
            {"id": "side", "duration": tp(1, 2, 3)},
            {"id": "fixed", "duration": 1},
        ],
        [("wide", "narrow"), ("narrow", "fixed")],
    )
    r = simulate(plan, 5_000, seed=1)
    ranking = r.sensitivity()
    assert [i for i, _ in ranking] == ["wide", "narrow", "side"]
    corr = dict(ranking)
    assert corr["wide"] > 0.9 and 0 < corr["narrow"] < 0.5 and abs(corr["side"]) < 0.1
    assert "fixed" not in corr
    values = [c for _, c in ranking]
    assert values == sorted(values, reverse=True)


def test_stage_gate_distribution_is_the_cumulative_latest_finish(make_plan: Any) -> None:
    plan = make_plan(
        [
            {"id": "a", "duration": tp(1, 2, 3), "stage": "validate"},
            {"id": "b", "duration": tp(4, 5, 6), "stage": "integrate"},
            {"id": "c", "duration": tp(10, 11, 12), "stage": "validate"},  # runs in parallel, later finish
            {"id": "d", "duration": 1, "stage": "scale"},
        ],
        [("a", "b"), ("b", "d")],
    )
    r = simulate(plan, 2_000, seed=4, keep_samples=True)
    s = r.samples
    assert s is not None
    gates = {g.id: g.samples for g in r.stages}
    np.testing.assert_allclose(gates["validate"], np.maximum(s[:, 0], s[:, 2]))
    np.testing.assert_allclose(gates["integrate"], np.maximum(gates["validate"], s[:, 0] + s[:, 1]))
    np.testing.assert_allclose(gates["operationalize"], gates["integrate"])  # empty stage keeps the gate
    np.testing.assert_allclose(gates["scale"], r.finish)
    assert [g.deterministic for g in r.stages] == [11.0, 11.0, 11.0, 11.0]


# -- risks --------------------------------------------------------------------------------------------------
def _risk_plan(make_plan: Any, probability: float, impact: Any = 4.0) -> Plan:
    return make_plan(
        [
            {"id": "a", "duration": tp(2, 3, 5)},
            {"id": "b", "duration": tp(1, 2, 4)},
            {"id": "c", "duration": 1},
        ],
        [("a", "b")],
        risks=[
            {
                "id": "r1",
                "title": "Vendor late",
                "probability": probability,
                "impact": impact,
                "decisions": ["a"],
            }
        ],
    )


def test_a_risk_with_probability_zero_changes_nothing(make_plan: Any) -> None:
    base = simulate(_risk_plan(make_plan, 0.0), 3_000, seed=8, risks=False)
    r = simulate(_risk_plan(make_plan, 0.0), 3_000, seed=8)
    np.testing.assert_array_equal(r.finish, base.finish)
    np.testing.assert_array_equal(r.criticality, base.criticality)
    assert r.risks[0].fired == 0.0
    assert r.risks[0].p80_with == r.risks[0].p80_without == base.percentile(80)


def test_a_certain_risk_adds_its_delay(make_plan: Any) -> None:
    base = simulate(_risk_plan(make_plan, 1.0), 3_000, seed=8, risks=False)
    r = simulate(_risk_plan(make_plan, 1.0), 3_000, seed=8)
    np.testing.assert_allclose(r.finish, base.finish + 4.0)
    assert r.risks[0].fired == 1.0
    assert r.risks[0].p80_without == pytest.approx(base.percentile(80))
    assert r.risks[0].p80_with == pytest.approx(base.percentile(80) + 4.0)
    assert r.risks[0].delta == pytest.approx(4.0)
    # Delay on a non-critical decision with enough float costs nothing.
    off_path = make_plan(
        [{"id": "a", "duration": 10}, {"id": "c", "duration": 1}],
        risks=[{"id": "r", "title": "R", "probability": 1, "impact": 3, "decisions": ["c"]}],
    )
    assert simulate(off_path, 100, seed=1).percentile(80) == 10.0


def test_a_risk_fires_with_its_probability_and_samples_its_impact(make_plan: Any) -> None:
    plan = _risk_plan(make_plan, 0.3, impact=tp(1, 2, 6))
    r = simulate(plan, 20_000, seed=3, keep_samples=True)
    base = simulate(plan, 20_000, seed=3, risks=False, keep_samples=True)
    assert r.samples is not None and base.samples is not None
    extra = r.samples[:, 0] - base.samples[:, 0]
    fired = extra > 0
    assert fired.mean() == pytest.approx(0.3, abs=0.01) and r.risks[0].fired == fired.mean()
    assert extra[fired].mean() == pytest.approx(3.0, abs=0.05)
    assert extra[fired].min() >= 1 and extra[fired].max() <= 6
    np.testing.assert_array_equal(r.samples[:, 1:], base.samples[:, 1:])
    eff = r.risks[0]
    assert eff.p80_without == pytest.approx(base.percentile(80)) and eff.p80_with > eff.p80_without


def test_risk_without_it_matches_a_run_with_the_risk_removed(make_plan: Any) -> None:
    plan = make_plan(
        [
            {"id": "a", "duration": tp(2, 3, 5)},
            {"id": "b", "duration": tp(1, 2, 4)},
            {"id": "c", "duration": tp(3, 4, 5)},
            {"id": "d", "duration": 1},
        ],
        [("a", "b"), ("b", "d"), ("c", "d", "SS", 1)],
        risks=[
            {"id": "r1", "title": "R1", "probability": 0.4, "impact": tp(1, 2, 3), "decisions": ["a"]},
            {"id": "r2", "title": "R2", "probability": 0.5, "impact": 2, "decisions": ["c", "d"]},
        ],
    )
    r = simulate(plan, 4_000, seed=6)
    for k, rid in enumerate(("r1", "r2")):
        other = plan.model_copy(deep=True)
        other.risks[k].probability = 0.0  # same random numbers, this risk never fires
        assert r.risks[k].id == rid
        assert r.risks[k].p80_without == pytest.approx(simulate(other, 4_000, seed=6).percentile(80))
        assert r.risks[k].p80_with == pytest.approx(r.percentile(80))


# -- reproducibility, progress, edge cases --------------------------------------------------------------
def test_same_seed_same_results_other_seed_other_results() -> None:
    plan = load_plan(SAMPLES / "fraud-detection.plan.json")
    a = simulate(plan, 3_000, seed=42)
    b = simulate(plan, 3_000, seed=42)
    c = simulate(plan, 3_000, seed=43)
    assert a.to_dict(30) == b.to_dict(30)
    np.testing.assert_array_equal(a.finish, b.finish)
    assert not np.array_equal(a.finish, c.finish)
    assert a.to_dict()["finish"] != c.to_dict()["finish"]


def test_results_do_not_depend_on_the_chunk_size() -> None:
    plan = load_plan(SAMPLES / "bank-assistant.plan.json")
    a = simulate(plan, 1_000, seed=5, chunk=1_000)
    b = simulate(plan, 1_000, seed=5, chunk=37)
    np.testing.assert_allclose(a.finish, b.finish, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(a.criticality, b.criticality)
    assert [x.p80_without for x in a.risks] == pytest.approx([x.p80_without for x in b.risks])


def test_progress_is_reported_per_chunk_and_can_cancel(make_plan: Any) -> None:
    plan = _risk_plan(make_plan, 0.5)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    simulate(plan, 1_000, seed=1, chunk=300, progress=progress)
    assert calls == [(300, 1000), (600, 1000), (900, 1000), (1000, 1000)]

    def stop_at_second(done: int, total: int) -> bool:
        return done < 600

    with pytest.raises(SimulationCancelled, match="600 of 1000"):
        simulate(plan, 1_000, seed=1, chunk=300, progress=stop_at_second)


def test_json_shape(make_plan: Any) -> None:
    plan = _risk_plan(make_plan, 0.5)
    out = simulate(plan, 500, seed=2).to_dict(by_week=6)
    assert list(out) == [
        "iterations",
        "seed",
        "finish",
        "deterministic_finish",
        "deterministic_probability",
        "probability_by",
        "criticality",
        "sensitivity",
        "stages",
        "risks",
    ]
    assert out["iterations"] == 500 and out["seed"] == 2
    assert list(out["finish"]) == ["mean", "std", "p10", "p50", "p80", "p90", "p95"]
    assert out["probability_by"]["week"] == 6 and 0 <= out["probability_by"]["probability"] <= 1
    assert set(out["criticality"]) == {"a", "b", "c"}
    assert {s["id"] for s in out["sensitivity"]} == {"a", "b"}
    assert [s["id"] for s in out["stages"]] == list(STAGES) and set(out["stages"][0]) == {
        "id",
        "end_p50",
        "end_p80",
    }
    assert out["risks"][0].keys() == {"id", "p80_without", "p80_with"}
    assert "probability_by" not in simulate(plan, 10, seed=2).to_dict()


def test_empty_plan_and_cycles(make_plan: Any) -> None:
    r = simulate(make_plan([]), 100, seed=1)
    assert r.percentile(80) == 0.0 and r.criticality.shape == (0,)
    cyclic = make_plan([{"id": "a"}, {"id": "b"}], [("a", "b"), ("b", "a")])
    with pytest.raises(ScheduleError):
        simulate(cyclic, 10)
    with pytest.raises(ValueError):
        simulate(make_plan([{"id": "a"}]), 0)


def test_seed_none_is_recorded_and_reproducible(make_plan: Any) -> None:
    plan = make_plan([{"id": "a", "duration": tp(1, 2, 9)}])
    r = simulate(plan, 200, seed=None)
    again = simulate(plan, 200, seed=r.seed)
    np.testing.assert_array_equal(r.finish, again.finish)


def test_parse_when() -> None:
    start = dt.date(2027, 1, 4)
    assert parse_when("26", None) == 26.0
    assert parse_when("30.5", start) == 30.5
    assert parse_when("2027-01-18", start) == 2.0
    for bad, needle in (
        ("soon", "neither"),
        ("-3", "0 or more"),
        ("nan", "0 or more"),
        ("1900-01-01", "before the plan starts"),
    ):
        with pytest.raises(ValueError, match=needle):
            parse_when(bad, start)
    with pytest.raises(ValueError, match="no start_date"):
        parse_when("2027-01-18", None)


def test_dates_follow_the_plan_start(make_plan: Any) -> None:
    plan = make_plan([{"id": "a", "duration": 2}], start_date="2027-01-04")
    r = simulate(plan, 10, seed=1)
    assert r.date_of(2) == dt.date(2027, 1, 18)
    assert r.week_of(dt.date(2027, 1, 18)) == 2.0
    assert r.to_dict(by_week=2)["probability_by"] == {"week": 2, "probability": 1.0, "date": "2027-01-18"}


# -- the command line -------------------------------------------------------------------------------------
def test_cli_simulate_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from planner.cli import main

    path = str(SAMPLES / "fraud-detection.plan.json")
    assert (
        main(["simulate", path, "--iterations", "500", "--seed", "7", "--by", "40", "--format", "json"]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["iterations"] == 500 and out["seed"] == 7 and out["probability_by"]["week"] == 40.0
    again = simulate(load_plan(path), 500, seed=7).to_dict(40.0)
    assert out == json.loads(json.dumps(again))
    assert main(["simulate", path, "-n", "300", "--by", "2027-10-01"]) == 0
    text = capsys.readouterr().out
    assert "P80" in text and "Probability of finishing by week" in text and "1 Oct 2027" in text
    assert "Risks" in text and "Criticality index" in text


def test_cli_simulate_misuse_and_invalid_plans(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from planner.cli import main
    from planner.model import new_plan, save_plan
    from planner.model.plan import Decision, Dependency

    path = str(SAMPLES / "fraud-detection.plan.json")
    assert main(["simulate", path, "--by", "next spring"]) == 2
    assert "--by" in capsys.readouterr().err
    assert main(["simulate", path, "--iterations", "0"]) == 2
    assert main(["simulate", path, "--seed", "-1"]) == 2
    undated = new_plan()
    undated.decisions.append(Decision(id="a", title="A", stage="validate"))
    save_plan(undated, tmp_path / "u.plan.json")
    assert main(["simulate", str(tmp_path / "u.plan.json"), "--by", "2027-01-01"]) == 2
    assert "no start_date" in capsys.readouterr().err
    bad = new_plan()
    bad.decisions += [
        Decision(id="a", title="A", stage="validate"),
        Decision(id="b", title="B", stage="validate"),
    ]
    bad.dependencies += [
        Dependency.model_validate({"from": "a", "to": "b"}),
        Dependency.model_validate({"from": "b", "to": "a"}),
    ]
    save_plan(bad, tmp_path / "bad.plan.json")
    assert main(["simulate", str(tmp_path / "bad.plan.json")]) == 1
    assert "cycle" in capsys.readouterr().out
