"""Against a baseline, which decisions made the slip rather than inherited it: each decision's ``span_change`` (how
much longer it runs from start to finish than in the baseline), in `analyze --baseline`'s JSON and text. A board
asks "why are we two weeks late?"; "51 decisions finish later" did not say."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.analysis.baselines import make_baseline, variance
from planner.cli import main
from planner.model import plan_from_dict, save_plan


def _plan(a: float = 2.0) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Chain",
        "start_date": "2027-01-04",
        "stages": [{"id": "s", "name": "S"}],
        "decisions": [
            {"id": "a", "title": "Alpha", "stage": "s", "duration": a},
            {"id": "b", "title": "Beta", "stage": "s", "duration": 3},
            {"id": "c", "title": "Gamma", "stage": "s", "duration": 1},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
    }


def _with_baseline_then_a_longer(tmp_path: Path) -> Path:
    plan = plan_from_dict(_plan(2.0))
    result = analyze(plan)
    assert result.schedule is not None
    baseline = make_baseline(result.schedule, "B0", stages=result.stages, plan=plan)
    later = plan_from_dict(_plan(4.0))  # a: 2 -> 4 weeks; b waits for it; c untouched
    later.baselines.append(baseline)
    path = tmp_path / "p.plan.json"
    save_plan(later, path)
    return path


def test_span_change_tells_the_slip_made_from_the_slip_inherited(tmp_path: Path) -> None:
    from planner.model import load_plan

    plan = load_plan(_with_baseline_then_a_longer(tmp_path))
    result = analyze(plan)
    assert result.schedule is not None
    v = variance(result.schedule, plan.baselines[0], plan)
    rows = {d.id: d for d in v.decisions}
    # a: 0-2 then, 0-4 now: +2 made; b: 2-5 then, 4-7 now: slips 2, runs as long; c: 0-1 both
    assert (rows["a"].span_change, rows["a"].finish_slip) == (2.0, 2.0)
    assert (rows["b"].span_change, rows["b"].finish_slip) == (0.0, 2.0)
    assert (rows["c"].span_change, rows["c"].finish_slip) == (0.0, 0.0)
    assert [d.id for d in v.grew()] == ["a"]
    assert [d.id for d in v.slipped()] == ["a", "b"]


def test_analyze_baseline_json_and_text_name_what_grew(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _with_baseline_then_a_longer(tmp_path)
    assert main(["analyze", str(path), "--baseline", "B0", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    spans = {d["id"]: d["span_change"] for d in data["baseline"]["decisions"]}
    assert spans == {"a": 2.0, "b": 0.0, "c": 0.0}
    assert main(["analyze", str(path), "--baseline", "B0"]) == 0
    text = capsys.readouterr().out
    assert "Longer than in the baseline: Alpha (a) +2 weeks" in text
    assert "Beta (b) +" not in text  # it inherited its slip


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), extra=st.sampled_from([0.5, 1.0, 3.0]), pick=st.integers(0, 10_000))
def test_lengthening_one_decision_makes_it_the_only_one_that_grew(seed: int, extra: float, pick: int) -> None:
    """Property: against a baseline taken now nothing grew; make one not-started, non-milestone decision longer by
    ``extra`` weeks and it, alone, grew by exactly that (the others may slip, but run as long as before)."""
    from tests.unseen_plans import random_plan

    plan = plan_from_dict(random_plan(seed))
    result = analyze(plan)
    if result.schedule is None:
        return  # a random plan with an error has no schedule to take a baseline of
    baseline = make_baseline(result.schedule, "B0", stages=result.stages, plan=plan)
    assert variance(result.schedule, baseline, plan).grew() == []
    candidates = [d for d in plan.decisions if not d.milestone and d.status == "not_started"]
    if not candidates:
        return
    target = candidates[pick % len(candidates)]
    target.duration = target.weeks() + extra
    after = analyze(plan)
    assert after.schedule is not None
    grew = variance(after.schedule, baseline, plan).grew()
    assert [(d.id, d.span_change) for d in grew] == [(target.id, pytest.approx(extra))]


def test_a_slip_no_view_shows_is_not_counted_as_slipped() -> None:
    """A finish 0.004 weeks after its baseline reads "=" beside it (two decimals): it is not among the decisions
    that "finish later" (the text said "57 decisions finish later" beside finishes all as in the baseline)."""
    from planner.analysis.baselines import DecisionVariance, Variance

    rows = [
        DecisionVariance("tiny", "slipped", 0.0, 2.0, 0.0, 2.004),
        DecisionVariance("real", "slipped", 0.0, 2.0, 0.0, 2.5),
        DecisionVariance("early", "ahead", 0.0, 2.0, 0.0, 1.997),
    ]
    v = Variance("B0", 2.5, 2.5, rows)
    assert [d.id for d in v.slipped()] == ["real"]
    assert rows[0].finish_slip == pytest.approx(0.004)  # the JSON keeps the exact slip
