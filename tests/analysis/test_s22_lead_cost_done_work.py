"""The cost counts the work already done (session 22). The schedule runs on the remaining work, and the cost had
taken its durations: marking a decision done made its labour vanish from the spend, so the budget's headroom grew
as work got done. Work done + remaining = the planned duration, and both are paid for.

Hand-checked plan: rate 1,000 per person-week; a (2 weeks, 1 person, done, finished week 2) -> b (4 weeks, 2
people, 50 % done, started week 2) -> c (3 weeks, 1 person); status date week 5.
Labour = 2 x 1 x 1,000 + 4 x 2 x 1,000 + 3 x 1 x 1,000 = 13,000, with or without the progress recorded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.analysis.cost import cost_summary
from planner.analysis.montecarlo import simulate
from planner.cli import main
from planner.model import Plan


def _plan(progress: bool = True) -> Plan:
    decisions = [
        {"id": "a", "title": "A", "stage": "validate", "owner": "t", "duration": 2},
        {"id": "b", "title": "B", "stage": "validate", "owner": "t", "duration": 4, "headcount": 2},
        {"id": "c", "title": "C", "stage": "validate", "owner": "t", "duration": 3},
    ]
    raw: dict[str, object] = {
        "schema_version": 1,
        "title": "Done work costs",
        "stages": [{"id": "validate", "name": "Validate"}],
        "teams": [{"id": "t", "name": "Team", "capacity": 5, "rate": 1000}],
        "decisions": decisions,
        "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}],
    }
    if progress:
        raw["status_date"] = 5
        decisions[0].update(status="done", actual_finish=2)
        decisions[1].update(status="in_progress", progress=50, actual_start=2)
    return Plan.model_validate(raw)


def test_done_weeks_by_state() -> None:
    from planner.analysis.progress import done_weeks

    assert done_weeks(_plan()).tolist() == [2.0, 2.0, 0.0]
    assert done_weeks(_plan(progress=False)).tolist() == [0.0, 0.0, 0.0]


def test_labour_counts_the_work_done() -> None:
    plan = _plan()
    analysis = analyze(plan)
    assert analysis.schedule is not None
    # The remaining work: a done at week 2, b's remaining 2 weeks from the status date, c after it.
    assert analysis.schedule.finish == pytest.approx(10.0)
    summary = cost_summary(plan, analysis)
    assert summary is not None
    b = summary.breakdown
    assert b.labour == pytest.approx(13_000.0)  # 7,000 before: a's 2,000 and half of b's 8,000 were dropped
    assert [r.labour for r in b.decisions] == pytest.approx([2_000.0, 8_000.0, 3_000.0])
    plain = cost_summary(_plan(progress=False), analyze(_plan(progress=False)))
    assert plain is not None and plain.breakdown.labour == pytest.approx(b.labour)


def test_spend_curve_has_the_work_done_where_it_happened() -> None:
    plan = _plan()
    summary = cost_summary(plan, analyze(plan))
    assert summary is not None
    b = summary.breakdown
    # a's 2,000 over weeks 0-2; b's part done (2 weeks x 2 people = 4,000) from its actual start (week 2) to where
    # its remaining work starts (the status date, week 5); b's remaining 4,000 over 5-7; c's 3,000 over 7-10.
    assert b.spend_by(2) == pytest.approx(2_000.0)
    assert b.spend_by(5) == pytest.approx(6_000.0)
    assert b.spend_by(7) == pytest.approx(10_000.0)
    assert b.spend_by(10) == pytest.approx(13_000.0)
    assert b.spend_curve[-1][1] == pytest.approx(b.total)


def test_monte_carlo_spend_keeps_the_work_done() -> None:
    plan = _plan()
    for d in plan.decisions:  # everything done: no uncertainty left, every run costs the whole plan's labour
        d.status = "done"  # type: ignore[assignment]
    sim = simulate(plan, iterations=200, seed=3)
    assert sim.cost is not None
    assert sim.cost.min() == pytest.approx(13_000.0) and sim.cost.max() == pytest.approx(13_000.0)
    partly = simulate(_plan(), iterations=200, seed=3)  # plain durations: every run is the plan as scheduled
    assert partly.cost is not None
    assert partly.cost.min() == pytest.approx(13_000.0) and partly.cost.max() == pytest.approx(13_000.0)


def test_cli_spend_agrees(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(_plan().model_dump_json(by_alias=True, exclude_none=True), encoding="utf-8")
    assert main(["analyze", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["cost"]["labour"] == pytest.approx(13_000.0)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 6),  # duration, weeks
            st.integers(1, 3),  # headcount
            st.sampled_from(["not_started", "in_progress", "done", "blocked"]),
            st.integers(0, 100),  # progress
        ),
        min_size=1,
        max_size=6,
    ),
    st.one_of(st.none(), st.integers(0, 12)),
)
def test_recorded_progress_never_changes_the_labour(
    rows: list[tuple[int, int, str, int]], status: int | None
) -> None:
    """Whatever is recorded done, labour is headcount x planned duration x rate: the work done was paid for."""
    raw: dict[str, object] = {
        "schema_version": 1,
        "title": "Any progress",
        "stages": [{"id": "v", "name": "V"}],
        "teams": [{"id": "t", "name": "T", "capacity": 10, "rate": 100}],
        "decisions": [
            {
                "id": f"d{k}",
                "title": f"D{k}",
                "stage": "v",
                "owner": "t",
                "duration": d,
                "headcount": h,
                "status": s,
                "progress": p,
            }
            for k, (d, h, s, p) in enumerate(rows)
        ],
        "dependencies": [{"from": f"d{k}", "to": f"d{k + 1}"} for k in range(len(rows) - 1)],
    }
    if status is not None:
        raw["status_date"] = status
    plan = Plan.model_validate(raw)
    summary = cost_summary(plan, analyze(plan))
    assert summary is not None
    assert summary.breakdown.labour == pytest.approx(sum(100.0 * d * h for d, h, _, _ in rows))
    curve = summary.breakdown.spend_curve
    assert curve[-1][1] == pytest.approx(summary.breakdown.total)
    assert all(b[1] >= a[1] - 1e-6 for a, b in zip(curve, curve[1:], strict=False))  # spend only grows
