"""planner/analysis/montecarlo.py: the summary figures of a run, from finishes worked out by hand (mutants of the
result's figures and JSON that the statistical tests let through: scripts/mutate.py).

Ten iterations finishing at 10, 11, ..., 19 weeks (numpy's default linear percentiles: position q/100 x 9):
    mean 14.5; std sqrt(mean of squared deviations 8.25) = 2.8723; P10 = 10.9, P50 = 14.5, P80 = 17.2,
    P90 = 18.1, P95 = 18.55.  Plan start Mon 4 Jan 2027: P50 14.5 w = 101.5 d -> 102 d -> 16 Apr 2027;
    P80 17.2 w = 120.4 d -> 120 d -> 4 May 2027; the CPM finish 12 w -> 29 Mar 2027, and 3 of 10 runs finish by it.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from planner.analysis.montecarlo import RiskEffect, SimulationResult, StageGates, parse_when

START = dt.date(2027, 1, 4)
FINISH = np.arange(10, 20, dtype=np.float64)


def result(**changes: object) -> SimulationResult:
    fields: dict[str, object] = {
        "ids": ["a", "b", "c", "d"],
        "titles": ["A", "B", "C", "D"],
        "iterations": 10,
        "seed": 7,
        "finish": FINISH.copy(),
        "deterministic_finish": 12.0,
        "criticality": np.array([1.0, 0.3, 0.0, 0.7]),
        "correlation": np.array([0.25, 0.8, 0.0, 0.25]),
        "varies": np.array([True, True, False, True]),
        "stages": [StageGates("validate", "Validate", FINISH - 5, 6.0)],
        "risks": [RiskEffect("r1", "Vendor slips", 0.2, 0.25, 16.0, 17.2)],
        "start_date": START,
    }
    fields.update(changes)
    return SimulationResult(**fields)  # type: ignore[arg-type]


def test_summary_figures_by_hand() -> None:
    r = result()
    assert r.mean == 14.5
    assert r.std == pytest.approx(math.sqrt(8.25), abs=1e-12)
    assert r.percentiles() == pytest.approx(
        {"p10": 10.9, "p50": 14.5, "p80": 17.2, "p90": 18.1, "p95": 18.55}
    )
    assert r.percentile(50) == 14.5 and r.percentile(80) == pytest.approx(17.2)
    # By week 12 (inclusive): 10, 11, 12 -> 0.3; by 11.99: 0.2; by 9.99: 0; by 19: 1.
    assert (r.probability_by(12), r.probability_by(11.99), r.probability_by(9.99), r.probability_by(19)) == (
        0.3,
        0.2,
        0.0,
        1.0,
    )
    assert r.probability_by(12 - 1e-10) == 0.3  # within the 1e-9 x week tolerance of 12
    assert r.week_of(dt.date(2027, 3, 29)) == 12.0
    assert r.date_of(14.5) == dt.date(2027, 4, 16)
    assert r.criticality_of("d") == 0.7
    # Sensitivity: varying decisions only (not c), highest first, ties by id: b 0.8, then a and d at 0.25.
    assert r.sensitivity() == [("b", 0.8), ("a", 0.25), ("d", 0.25)]
    assert r.risks[0].delta == pytest.approx(1.2)


def test_an_empty_run_has_zero_figures() -> None:
    r = result(iterations=0, finish=np.zeros(0))
    assert (r.mean, r.std, r.probability_by(3.0)) == (0.0, 0.0, 1.0)


def test_the_json_by_hand() -> None:
    out = result().to_dict(by_week=12.0)
    assert out["iterations"] == 10 and out["seed"] == 7
    assert out["finish"]["mean"] == 14.5 and out["finish"]["p80"] == pytest.approx(17.2)
    assert out["deterministic_finish"] == 12.0 and out["deterministic_probability"] == 0.3
    assert out["start_date"] == "2027-01-04"
    assert out["finish_dates"]["p50"] == "2027-04-16" and out["finish_dates"]["p80"] == "2027-05-04"
    assert out["deterministic_finish_date"] == "2027-03-29"
    assert out["probability_by"] == {"week": 12.0, "probability": 0.3, "date": "2027-03-29"}
    assert out["criticality"] == {"a": 1.0, "b": 0.3, "c": 0.0, "d": 0.7}
    assert out["sensitivity"] == [
        {"id": "b", "correlation": 0.8},
        {"id": "a", "correlation": 0.25},
        {"id": "d", "correlation": 0.25},
    ]
    # The stage ends 5 weeks earlier than the finishes: P50 9.5 (66.5 d -> 67 d: 12 Mar), P80 12.2 (85.4 d -> 85 d:
    # 30 Mar).
    assert out["stages"] == [
        {
            "id": "validate",
            "end_p50": 9.5,
            "end_p80": pytest.approx(12.2),
            "end_p50_date": "2027-03-12",
            "end_p80_date": "2027-03-30",
        }
    ]
    assert out["risks"] == [{"id": "r1", "p80_without": 16.0, "p80_with": 17.2}]
    plain = result(start_date=None).to_dict()
    assert "finish_dates" not in plain and "probability_by" not in plain
    assert "end_p50_date" not in plain["stages"][0]


@pytest.mark.parametrize(
    ("text", "week"),
    [
        ("26", 26.0),
        (" 30.5 ", 30.5),
        ("0", 0.0),
        ("2027-03-29", 12.0),
        ("2027-01-04", 0.0),
        ("2027-01-07", 3 / 7),
    ],
)
def test_parse_when_by_hand(text: str, week: float) -> None:
    assert parse_when(text, START) == week


@pytest.mark.parametrize(
    ("text", "start", "message"),
    [
        ("-1", START, "must be 0 or more"),
        ("inf", START, "must be 0 or more"),
        ("soon", START, "neither a number of weeks nor a date"),
        ("2027-03-29", None, "has no start_date"),
        ("2027-01-03", START, "before the plan starts (4 Jan 2027)"),
    ],
)
def test_parse_when_refuses(text: str, start: dt.date | None, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_when(text, start)


def test_probability_by_allows_a_billionth_of_the_week_and_never_less_than_1e_9() -> None:
    # Finishes 0.5 and 1000 weeks. The tolerance is 1e-9 x max(1, week): 1e-9 at week 0.5, 1e-6 at week 1000.
    r = result(iterations=2, finish=np.array([0.5, 1000.0]))
    assert r.probability_by(0.5 - 7e-10) == 0.5  # inside 1e-9 (not 0.5e-9)
    assert r.probability_by(0.5 - 2e-9) == 0.0
    assert r.probability_by(1000 - 5e-7) == 1.0  # inside 1e-6 (not 1e-9)
    assert r.probability_by(1000 - 2e-6) == 0.5


def test_sensitivity_sorts_each_run_of_equal_correlations_by_id() -> None:
    # Plan order f, e, b, d, a, g, c, h with correlations 0.9, 0.9, 0.8, 0.25, 0.25, 0.1, 0.1 (h never varies).
    # Highest first; each run of equal values by id: e f | b | a d | c g.
    ids = ["f", "e", "b", "d", "a", "g", "c", "h"]
    r = result(
        ids=ids,
        titles=ids,
        criticality=np.zeros(8),
        correlation=np.array([0.9, 0.9, 0.8, 0.25, 0.25, 0.1, 0.1, 0.95]),
        varies=np.array([True] * 7 + [False]),
    )
    assert r.sensitivity() == [
        ("e", 0.9),
        ("f", 0.9),
        ("b", 0.8),
        ("a", 0.25),
        ("d", 0.25),
        ("c", 0.1),
        ("g", 0.1),
    ]


def test_triangular_ppf_by_hand_on_a_narrow_and_a_wide_triangle() -> None:
    from planner.analysis.montecarlo import triangular_ppf

    # low 0, mode 0.25, high 1 (span 1): split = 0.25. u = 0.1 is left of it: sqrt(0.1 x 1 x 0.25) = sqrt(0.025);
    # u = 0.5 is right: 1 - sqrt(0.5 x 1 x 0.75) = 1 - sqrt(0.375).
    # low 0, mode 0.5, high 2 (span 2): split 0.25; u = 0.1: sqrt(0.1 x 2 x 0.5) = sqrt(0.1).
    u = np.array([0.1, 0.5, 0.1])
    got = triangular_ppf(u, np.array([0.0, 0.0, 0.0]), np.array([0.25, 0.25, 0.5]), np.array([1.0, 1.0, 2.0]))
    np.testing.assert_allclose(got, [math.sqrt(0.025), 1 - math.sqrt(0.375), math.sqrt(0.1)], rtol=1e-15)


def test_sensitivity_sorts_a_run_of_three_equal_correlations_as_one() -> None:
    # c, b, a all at 0.5 after x at 0.7: one run of three, sorted by id: x, a, b, c.
    ids = ["x", "c", "b", "a"]
    r = result(
        ids=ids,
        titles=ids,
        criticality=np.zeros(4),
        correlation=np.array([0.7, 0.5, 0.5, 0.5]),
        varies=np.ones(4, dtype=bool),
    )
    assert r.sensitivity() == [("x", 0.7), ("a", 0.5), ("b", 0.5), ("c", 0.5)]


def test_a_risk_on_decisions_at_different_levels_is_taken_off_both(make_plan) -> None:
    # r (probability 0.5, +5 weeks) hits c (level 0, 8-12 weeks, the longest) and d (level 1, after a). The P80
    # without r must be that of a run in which r never fires: the pass without it restarts from c's level, not
    # d's (else c keeps its delay and the finish without the risk is as late as with it).
    from planner.analysis.montecarlo import simulate

    plan = make_plan(
        [
            {"id": "a", "duration": 1},
            {"id": "c", "duration": {"optimistic": 8, "likely": 10, "pessimistic": 12}},
            {"id": "d", "duration": 1},
        ],
        [("a", "d")],
        risks=[{"id": "r", "title": "R", "probability": 0.5, "impact": 5, "decisions": ["c", "d"]}],
    )
    r = simulate(plan, 2_000, seed=3)
    quiet = plan.model_copy(deep=True)
    quiet.risks[0].probability = 0.0  # the same random numbers; r never fires
    p80_quiet = simulate(quiet, 2_000, seed=3).percentile(80)
    assert r.risks[0].p80_without == pytest.approx(p80_quiet)
    assert r.risks[0].p80_with == pytest.approx(r.percentile(80)) and r.risks[0].delta > 2
