"""Stages (SPEC §3.3): windows, inversions, sequenced stages, the gated schedule and its price, readiness.

Expected figures are worked out by hand in the comments.
"""

from __future__ import annotations

import pytest

from planner.analysis import analyze, analyze_stages, schedule


def stages_of(plan):
    return analyze_stages(plan, schedule(plan))


def overlap_plan(make_plan, stages=("validate", "integrate")):
    # a(validate, 3) -> b(integrate, 2);  c(validate, 4) alone;  d(integrate, 1) alone.
    return make_plan(
        [
            {"id": "a", "duration": 3, "stage": "validate"},
            {"id": "b", "duration": 2, "stage": "integrate"},
            {"id": "c", "duration": 4, "stage": "validate"},
            {"id": "d", "duration": 1, "stage": "integrate"},
        ],
        [("a", "b")],
        stages=stages,
    )


def test_rolling_windows_and_gated_schedule(make_plan):
    # Rolling: a 0-3, c 0-4, b 3-5, d 0-1;  T = 5.
    #   validate window = [min ES, max EF] of a, c = 0-4;  integrate = b, d = 0-5.
    # Gated: Gate_0 = max EF in validate = 4.  b: ES = max(Gate_0 = 4, EF_a = 3) = 4, EF 6;  d: 4-5.
    #   Gate_1 = max(4, 6) = 6 = gated finish.  Price of gating = 6 - 5 = 1 week.
    plan = overlap_plan(make_plan)
    st = stages_of(plan)
    v, i = st.stage("validate"), st.stage("integrate")
    assert (v.start, v.finish) == (0, 4)
    assert (i.start, i.finish) == (0, 5)
    assert (v.gated_start, v.gated_finish, v.gate) == (0, 4, 4)
    assert (i.gated_start, i.gated_finish, i.gate) == (4, 6, 6)
    assert st.gated_finish == 6
    assert st.gating_price == 1
    assert dict(zip(schedule(plan).ids, st.gated_es.tolist(), strict=True)) == {
        "a": 0,
        "b": 4,
        "c": 0,
        "d": 4,
    }
    assert st.gated_ef.tolist() == [3, 6, 4, 5]
    assert st.inversions == [] and st.suggested_moves == []


def test_empty_stage_has_no_window_and_passes_the_gate_on(make_plan):
    # The same plan with four stages: operationalize and scale are empty, their gates stay at 6.
    st = stages_of(overlap_plan(make_plan, stages=("validate", "integrate", "operationalize", "scale")))
    for sid in ("operationalize", "scale"):
        r = st.stage(sid)
        assert (r.start, r.finish, r.gated_start, r.gated_finish) == (None, None, None, None)
        assert r.gate == 6
        assert r.done_share is None
        assert r.criteria_share is None
    assert st.gated_finish == 6
    assert st.stage("scale").to_dict() == {
        "id": "scale",
        "start": None,
        "finish": None,
        "gated_start": None,
        "gated_finish": None,
        "gate": 6.0,
        "criteria_met": 0,
        "criteria_total": 0,
        "done_share": None,
    }


def test_no_price_when_stages_do_not_overlap(make_plan):
    # a(validate, 2) -> b(integrate, 3): rolling and gated schedules coincide, T = 5.
    plan = make_plan(
        [{"id": "a", "duration": 2, "stage": "validate"}, {"id": "b", "duration": 3, "stage": "integrate"}],
        [("a", "b")],
    )
    st = stages_of(plan)
    assert st.gated_finish == 5
    assert st.gating_price == 0


def test_gate_and_not_before(make_plan):
    # a(validate, 2);  b(integrate, 1, not before 5);  c(integrate, 1).  Rolling T = max(2, 6, 1) = 6.
    # Gated: Gate_0 = 2;  b: ES = max(5, 2) = 5, EF 6;  c: ES = 2, EF 3;  Gate_1 = 6.  No price.
    plan = make_plan(
        [
            {"id": "a", "duration": 2, "stage": "validate"},
            {"id": "b", "duration": 1, "stage": "integrate", "not_before": 5},
            {"id": "c", "duration": 1, "stage": "integrate"},
        ]
    )
    st = stages_of(plan)
    assert st.gated_es.tolist() == [0, 5, 2]
    assert st.gated_finish == 6
    assert st.gating_price == 0


def inversion_plan(make_plan):
    # x(integrate, 2) -> y(validate, 1) -> z(validate, 3);  w(operationalize, 1) alone.
    return make_plan(
        [
            {"id": "x", "duration": 2, "stage": "integrate"},
            {"id": "y", "duration": 1, "stage": "validate"},
            {"id": "z", "duration": 3, "stage": "validate"},
            {"id": "w", "duration": 1, "stage": "operationalize"},
        ],
        [("x", "y"), ("y", "z")],
        stages=("validate", "integrate", "operationalize"),
    )


def test_inversions_sequenced_stages_and_suggested_moves(make_plan):
    # Inversions: x (integrate) -> y (validate) only; y -> z stays within validate.
    # Sequenced: seq_x = 1;  seq_y = max(0, seq_x) = 1;  seq_z = max(0, seq_y) = 1;  seq_w = 2.
    # So y and z are suggested to move from validate to integrate.
    st = stages_of(inversion_plan(make_plan))
    assert st.inversions == [("x", "y")]
    assert st.sequenced.tolist() == [1, 1, 1, 2]
    assert st.suggested_moves == [("y", "validate", "integrate"), ("z", "validate", "integrate")]


def test_gated_schedule_runs_on_sequenced_stages(make_plan):
    # Rolling: x 0-2, y 2-3, z 3-6, w 0-1;  T = 6.
    #   Windows by assigned stage: validate (y, z) 2-6;  integrate (x) 0-2;  operationalize (w) 0-1.
    # Gated, by sequenced stage: validate holds nothing -> Gate_0 = 0.  integrate: x 0-2, y 2-3, z 3-6 ->
    #   Gate_1 = 6.  operationalize: w 6-7 -> Gate_2 = 7.  Price = 7 - 6 = 1.
    plan = inversion_plan(make_plan)
    st = stages_of(plan)
    assert [(r.start, r.finish) for r in st.stages] == [(2, 6), (0, 2), (0, 1)]
    assert [(r.gated_start, r.gated_finish, r.gate) for r in st.stages] == [
        (None, None, 0),
        (0, 6, 6),
        (6, 7, 7),
    ]
    assert st.gated_finish == 7
    assert st.gating_price == 1


def test_inversion_is_reported_by_analyze(make_plan):
    result = analyze(inversion_plan(make_plan))
    assert result.ok
    [inv] = [f for f in result.findings if f.code == "stage-inversion"]
    assert inv.severity == "warning"
    assert inv.decisions == ["x", "y"]
    assert "'Y' (y)" in inv.message and "'X' (x)" in inv.message


def test_readiness(make_plan):
    # validate: 1 of 3 criteria met;  a (3 weeks) done, b (1 week) in progress -> done share 3 / 4 = 0.75.
    # integrate: no criteria;  two milestones (0 weeks), one done -> the plain share, 0.5.
    # operationalize: no decisions -> None.
    plan = make_plan(
        [
            {"id": "a", "duration": 3, "status": "done", "progress": 100},
            {"id": "b", "duration": 1, "status": "in_progress", "progress": 50},
            {"id": "m1", "milestone": True, "stage": "integrate", "status": "done"},
            {"id": "m2", "milestone": True, "stage": "integrate"},
        ],
        stages=(
            {
                "id": "validate",
                "name": "Validate",
                "gate_criteria": [
                    {"text": "Value case signed off", "met": True},
                    {"text": "Success metric defined"},
                    {"text": "Pilot beat the baseline", "met": False},
                ],
            },
            "integrate",
            "operationalize",
        ),
    )
    st = stages_of(plan)
    v, i, o = st.stages
    assert (v.criteria_met, v.criteria_total) == (1, 3)
    assert v.criteria_share == pytest.approx(1 / 3)
    assert v.done_share == pytest.approx(0.75)
    assert (i.criteria_total, i.criteria_share) == (0, None)
    assert i.done_share == pytest.approx(0.5)
    assert o.done_share is None


def test_readiness_all_done(make_plan):
    plan = make_plan(
        [{"id": "a", "duration": 2, "status": "done"}, {"id": "b", "duration": 5, "status": "done"}],
        stages=({"id": "validate", "name": "Validate", "gate_criteria": [{"text": "ok", "met": True}]},),
    )
    [v] = stages_of(plan).stages
    assert v.criteria_share == 1
    assert v.done_share == 1


def test_empty_plan(make_plan):
    st = stages_of(make_plan())
    assert st.gated_finish == 0
    assert st.gating_price == 0
    assert all(r.start is None and r.gated_start is None and r.gate == 0 for r in st.stages)


def test_sequencing_text_counts_moved_decisions_by_stage_pair(make_plan):
    # x (integrate) -> y (validate) and x -> z (validate): y and z run in Integrate under strict gates.
    plan = make_plan(
        [
            {"id": "x", "stage": "integrate", "duration": 2},
            {"id": "y", "stage": "validate", "duration": 1},
            {"id": "z", "stage": "validate", "duration": 1},
            {"id": "w", "stage": "scale", "duration": 1},
        ],
        [("x", "y"), ("x", "z")],
    )
    result = analyze(plan)
    st = result.stages
    assert st.sequencing_moves() == [("validate", "integrate", ["y", "z"])]
    assert st.sequencing_text() == ["2 Validate decisions run in Integrate under strict gates"]
