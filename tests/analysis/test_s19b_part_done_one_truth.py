"""One truth for where the part done of started work lies (planner.analysis.progress.part_done): the charts' done
bars (planner.charts.status.done_spans) and the exports' actual start (planner.io.exporting.export_schedule) are
both that one function's, so they agree on any plan with progress."""

from __future__ import annotations

import datetime as dt
import math
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planner.analysis.progress as progress
from planner.analysis import analyze
from planner.charts.status import done_spans
from planner.io.exporting import export_schedule
from planner.model import Decision, Plan, Status, new_plan, plan_from_dict
from tests.conftest import build_plan


def _random_plan(rows: list[tuple], status: float | None, seed: int) -> Plan:
    rng = random.Random(seed)
    plan = new_plan("Random progress")
    plan.start_date = dt.date(2027, 1, 4)
    plan.status_date = status
    for k, (state, pct, weeks, a_s, a_f, ms, nb) in enumerate(rows):
        plan.decisions.append(
            Decision(
                id=f"d{k}",
                title=f"D{k}",
                stage="validate",
                duration=weeks,
                milestone=ms,
                status=Status(state),
                progress=pct,
                actual_start=a_s,
                actual_finish=a_f if state == "done" else None,
                not_before=nb,
            )
        )
    links = [
        {"from": f"d{u}", "to": f"d{v}"} for v in range(len(rows)) for u in range(v) if rng.random() < 0.3
    ]
    plan.dependencies = plan_from_dict(
        {**new_plan().model_dump(by_alias=True), "dependencies": links}
    ).dependencies
    return plan


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["not_started", "in_progress", "done", "blocked"]),
            st.integers(0, 100),
            st.floats(0, 12, allow_nan=False),
            st.one_of(st.none(), st.floats(0, 20, allow_nan=False)),
            st.one_of(st.none(), st.floats(0, 20, allow_nan=False)),
            st.booleans(),
            st.one_of(st.none(), st.floats(0, 15, allow_nan=False)),
        ),
        min_size=1,
        max_size=8,
    ),
    st.one_of(st.none(), st.floats(0, 30, allow_nan=False)),
    st.integers(0, 2**31),
)
def test_the_charts_done_bar_and_the_exports_actual_start_agree(
    rows: list[tuple], status: float | None, seed: int
) -> None:
    plan = _random_plan(rows, status, seed)
    a = analyze(plan)
    if a.schedule is None:
        return
    start, finish = done_spans(a)
    ex = export_schedule(plan)
    s = a.schedule
    assert ex.es == pytest.approx(s.es.tolist()) and ex.ef == pytest.approx(s.ef.tolist())
    for i, d in enumerate(plan.decisions):
        if ex.state[i] == "not_started":
            assert ex.started[i] is None and math.isnan(start[i]) and math.isnan(finish[i])
            continue
        began = ex.began[i]
        assert began is not None and ex.started[i] == max(0.0, began)
        if math.isnan(
            start[i]
        ):  # nothing drawn: a milestone, or no length of work done between plan start and end
            assert d.milestone or d.status is not Status.DONE
            continue
        if finish[i] > start[i]:  # a bar: it starts where the export says the work began
            assert start[i] == ex.started[i]
        else:  # a done decision's part done of no length (or an actual start after its finish): drawn at its end
            assert start[i] == finish[i] and d.status is Status.DONE
        # it ends where the export's part done ends: done work at its finish, work in progress by its remaining
        # work's start and the status date
        if d.status is Status.DONE:
            assert finish[i] == ex.ef[i]
        else:
            assert finish[i] == (ex.es[i] if status is None else min(ex.es[i], status))


def test_both_outputs_take_it_from_the_one_function(monkeypatch: pytest.MonkeyPatch) -> None:
    """Change the rule in planner.analysis.progress and both the chart and the exports follow (each had its own
    copy before)."""
    plan = build_plan(
        [{"id": "b", "duration": 4, "status": "in_progress", "progress": 50}],
        [],
        start_date="2027-01-04",
        status_date="2027-02-01",
    )
    assert export_schedule(plan).started == [2.0]  # 2 weeks done ending at the status date, week 4
    assert done_spans(analyze(plan))[0].tolist() == [2.0]
    rule = progress.part_done

    def later(*args: object, **kwargs: object) -> tuple[np.ndarray, np.ndarray]:
        began, ends = rule(*args, **kwargs)  # type: ignore[arg-type]
        return began + 1.0, ends

    monkeypatch.setattr(progress, "part_done", later)
    assert export_schedule(plan).started == [3.0]
    assert done_spans(analyze(plan))[0].tolist() == [3.0]
