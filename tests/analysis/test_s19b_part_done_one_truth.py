"""One truth for where the part done of started work lies (planner.analysis.progress.part_done): the charts' done
bars (planner.charts.status.done_spans) and the exports' actual start (planner.io.exporting.export_schedule) are
both that one function's, so they agree on any plan with progress."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planner.analysis.progress as progress
from planner.analysis import analyze
from planner.charts.status import done_spans
from planner.io.exporting import export_schedule
from planner.model import Plan, Status
from tests.conftest import build_plan


def _weeks(top: float) -> st.SearchStrategy[float | None]:
    return st.none() | st.floats(0, top, allow_nan=False)


DECISION = st.fixed_dictionaries(
    {
        "status": st.sampled_from(["not_started", "in_progress", "done", "blocked"]),
        "progress": st.integers(0, 100),
        "duration": st.floats(0, 12, allow_nan=False),
        "milestone": st.booleans(),
    },
    optional={"actual_start": _weeks(20), "actual_finish": _weeks(20), "not_before": _weeks(15)},
)
"""A decision's recorded reality: any state, progress and actual dates, held or not by a not_before."""


def _random_plan(decisions: list[dict[str, Any]], status: float | None, seed: int) -> Plan:
    """``decisions`` (ids d0, d1, ...), each after some of the earlier ones (a seeded draw). An actual finish is
    kept on done work only (the schedule ignores it elsewhere, with a warning); a milestone takes no time."""
    rng = random.Random(seed)
    rows = [
        {"id": f"d{k}", **{key: v for key, v in d.items() if v is not None}} for k, d in enumerate(decisions)
    ]
    for row in rows:
        if row["status"] != "done":
            row.pop("actual_finish", None)
        if row["milestone"]:
            row["duration"] = 0.0  # (a milestone with a duration is an error: no schedule)
    links = [(f"d{u}", f"d{v}") for v in range(len(rows)) for u in range(v) if rng.random() < 0.3]
    return build_plan(rows, links, start_date="2027-01-04", status_date=status)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DECISION, min_size=1, max_size=8), _weeks(30), st.integers(0, 2**31))
def test_the_charts_done_bar_and_the_exports_actual_start_agree(
    decisions: list[dict[str, Any]], status: float | None, seed: int
) -> None:
    plan = _random_plan(decisions, status, seed)
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


def test_a_plan_changed_since_its_schedule_places_no_done_work() -> None:
    """A decision added after the analysis (the app redraws before it analyses again): the chart places nothing
    rather than failing on arrays of two lengths (the chart's guard from before the rule moved, which the move had
    dropped)."""
    plan = build_plan(
        [{"id": "b", "duration": 4, "status": "in_progress", "progress": 50}],
        start_date="2027-01-04",
        status_date="2027-02-01",
    )
    a = analyze(plan)
    plan.decisions.append(plan.decisions[0].model_copy(update={"id": "c"}))
    start, finish = done_spans(a)
    assert len(start) == len(finish) == 1 and math.isnan(start[0]) and math.isnan(finish[0])
