"""Session 30 (issue 12): the stage analysis's suggested moves are made when first asked, not by every analysis.

At 100k decisions a random plan moves ~71,000 decisions to a later stage: a tuple each, which ``analyze --format
json`` never reads (its decisions carry ``sequenced_stage``) and which Python's cyclic collector walked once the
analysis was done (~15 ms of the command). The moves read the same as when they were made eagerly: checked here
against a plain per-decision reference on random plans, as rows and as models.
"""

from __future__ import annotations

import gc

import pytest

from planner.analysis import analyze
from planner.model import Plan, plan_from_dict
from planner.model.rows import read_only_copy


def _plan(seed: int) -> Plan:
    from benchmarks._plans import random_plan_dict

    return plan_from_dict(random_plan_dict(300, seed=seed))


def _reference(plan: Plan, sequenced: list[int]) -> list[tuple[str, str, str]]:
    """Each decision whose sequenced stage is later than its own, in plan order (SPEC §3.3)."""
    place = {s.id: k for k, s in enumerate(plan.stages)}
    ids = [s.id for s in plan.stages]
    return [
        (d.id, d.stage, ids[seq])
        for d, seq in zip(plan.decisions, sequenced, strict=True)
        if seq > place[d.stage]
    ]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("as_rows", [False, True])
def test_the_moves_read_as_a_plain_reference_makes_them(seed: int, as_rows: bool) -> None:
    plan = _plan(seed)
    if as_rows:
        plan = read_only_copy(plan)
    st = analyze(plan).stages
    assert st is not None
    expected = _reference(plan, st.sequenced.tolist())
    assert expected  # the random plans have stage inversions, so some decisions move
    assert st.suggested_moves == expected
    assert st.suggested_moves is st.suggested_moves  # made once


def test_an_analysis_does_not_make_the_moves_until_they_are_asked_for() -> None:
    from benchmarks._plans import random_plan_dict

    plan = read_only_copy(plan_from_dict(random_plan_dict(2000, seed=0)))
    first = analyze(plan).stages
    assert first is not None
    moved = len(first.suggested_moves)
    assert moved > 500  # (1,052)
    gc.collect()
    gc.disable()
    try:
        before = len(gc.get_objects())
        result = analyze(plan)
        made = len(gc.get_objects()) - before
    finally:
        gc.enable()
    # The analysis's own objects the collector tracks (findings and their lists: ~800 here), and no tuple per moved
    # decision (before: ~1,860, the moves among them).
    assert made < moved, made
    st = result.stages
    assert st is not None and len(st.suggested_moves) == moved
