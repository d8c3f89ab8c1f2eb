"""planner/analysis/stages.py: figures and words that the other stage tests let change (mutants found by
scripts/mutate.py). Expected values are worked out by hand in the comments."""

from __future__ import annotations

import pytest

from planner.analysis import analyze, analyze_stages, schedule
from planner.analysis.graph import compile_plan
from planner.analysis.progress import progress_schedule
from planner.analysis.stages import sequenced_stages
from tests.analysis.test_fast_analysis import links_per_generation


def moves_plan(make_plan):
    # Stages: validate 0, integrate 1, operationalize 2, scale 3. Plan order s, p, o, q, i, r, r2; all 1 week.
    #   s (scale) -> p (validate):        p is sequenced into scale           (validate -> scale)
    #   o (operationalize) -> q (integrate): q into operationalize            (integrate -> operationalize)
    #   i (integrate) -> r, r2 (validate):   r and r2 into integrate          (validate -> integrate)
    # The moves are met in plan order p, q, r, r2, but are listed by (assigned stage, sequenced stage):
    #   (0, 1) validate -> integrate [r, r2];  (0, 3) validate -> scale [p];  (1, 2) integrate -> operationalize [q].
    stage = {"s": "scale", "p": "validate", "o": "operationalize", "q": "integrate", "i": "integrate"}
    stage |= {"r": "validate", "r2": "validate"}
    return make_plan(
        [{"id": k, "stage": v, "duration": 1} for k, v in stage.items()],
        [("s", "p"), ("o", "q"), ("i", "r"), ("i", "r2")],
    )


def test_sequencing_moves_are_listed_in_stage_order_not_plan_order(make_plan) -> None:
    st = analyze(moves_plan(make_plan)).stages
    assert st is not None
    assert st.suggested_moves == [
        ("p", "validate", "scale"),
        ("q", "integrate", "operationalize"),
        ("r", "validate", "integrate"),
        ("r2", "validate", "integrate"),
    ]
    assert st.sequencing_moves() == [
        ("validate", "integrate", ["r", "r2"]),
        ("validate", "scale", ["p"]),
        ("integrate", "operationalize", ["q"]),
    ]


def test_sequencing_text_one_decision_is_singular(make_plan) -> None:
    st = analyze(moves_plan(make_plan)).stages
    assert st is not None
    assert st.sequencing_text() == [
        "2 Validate decisions run in Integrate under strict gates",
        "1 Validate decision runs in Scale under strict gates",
        "1 Integrate decision runs in Operationalize under strict gates",
    ]


def test_sequenced_stages_of_a_cyclic_graph_are_the_assigned_ones(make_plan) -> None:
    # a (integrate) -> b (validate) -> a: no topological order, so nothing is sequenced: [1, 0] as assigned.
    plan = make_plan(
        [{"id": "a", "stage": "integrate", "duration": 1}, {"id": "b", "stage": "validate", "duration": 1}],
        [("a", "b"), ("b", "a")],
    )
    g = compile_plan(plan)
    assert g.order is None
    assert sequenced_stages(g).tolist() == [1, 0]


@pytest.mark.parametrize("threshold", [0, 10**9])  # the gated pass a generation at a time, and link by link
def test_gates_wait_for_links_inside_a_stage(make_plan, threshold: int) -> None:
    # Stages validate, integrate, operationalize, scale.
    #   a (validate, 3) -FS-> b (validate, 2);  b -SS+1-> x (integrate, 2);  c (integrate, 1, not before 7);
    #   e (operationalize, 1) alone.
    # Rolling: a 0-3, b 3-5, x 4-6, c 7-8, e 0-1; T = 8.
    # Gated:  validate: a 0-3, b 3-5 (its link inside the stage) -> Gate_0 = 5.
    #         integrate: x = max(5, ES_b + 1 = 4) = 5 -> 5-7; c = max(7, 5) = 7 -> 7-8 -> Gate_1 = 8.
    #         operationalize: e = 8 -> 8-9 -> Gate_2 = 9;  scale (empty) passes it on: Gate_3 = 9.
    #   Gated finish 9, price 9 - 8 = 1 week.
    plan = make_plan(
        [
            {"id": "a", "stage": "validate", "duration": 3},
            {"id": "b", "stage": "validate", "duration": 2},
            {"id": "x", "stage": "integrate", "duration": 2},
            {"id": "c", "stage": "integrate", "duration": 1, "not_before": 7},
            {"id": "e", "stage": "operationalize", "duration": 1},
        ],
        [("a", "b"), ("b", "x", "SS", 1)],
    )
    with links_per_generation(threshold):
        st = analyze_stages(plan, schedule(plan))
    assert st.gated_es.tolist() == [0, 3, 5, 7, 8]
    assert st.gated_ef.tolist() == [3, 5, 7, 8, 9]
    assert [r.gate for r in st.stages] == [5, 8, 9, 9]
    assert [(r.start, r.finish) for r in st.stages] == [(0, 5), (4, 8), (0, 1), (None, None)]
    assert [(r.gated_start, r.gated_finish) for r in st.stages] == [(0, 5), (5, 8), (8, 9), (None, None)]
    assert st.gated_finish == 9 and st.gating_price == 1


def test_a_price_within_the_tolerance_is_no_price(make_plan) -> None:
    # a (validate, T = 152.587890625) and b (integrate, 2**-16) side by side: rolling finish T; gated, b waits for
    # Gate_0 = T and finishes at T + 2**-16. The price, 2**-16, is exactly the tolerance 1e-7 * T (see
    # test_mutation_schedule): rounding noise, so no price. Twice as long a b costs 2**-15 weeks.
    t = 78125 / 512
    for b, price in ((2.0**-16, 0.0), (2.0**-15, 2.0**-15)):
        plan = make_plan(
            [
                {"id": "a", "stage": "validate", "duration": t},
                {"id": "b", "stage": "integrate", "duration": b},
            ]
        )
        st = analyze_stages(plan, schedule(plan))
        assert st.gated_finish == t + b
        assert st.gating_price == price


@pytest.mark.parametrize("own_graph", [True, False])
def test_readiness_of_a_stage_of_one_week_weighs_by_duration(make_plan, own_graph: bool) -> None:
    # validate: a (0.25 week, done) and b (0.75 week, not done): done share by planned weeks 0.25 / 1.0 = 0.25
    # (by count it would be 1 / 2). integrate: c (3 weeks, done), d (1 week, in progress) -> 3 / 4 = 0.75.
    # With the schedule of another (equal) plan object -- here of its remaining work, where a done decision lasts 0
    # weeks -- the stage analysis reads the planned weeks from the plan's decisions itself: the same figures.
    plan = make_plan(
        [
            {"id": "a", "duration": 0.25, "status": "done"},
            {"id": "b", "duration": 0.75},
            {"id": "c", "stage": "integrate", "duration": 3, "status": "done"},
            {"id": "d", "stage": "integrate", "duration": 1, "status": "in_progress", "progress": 50},
        ],
        stages=("validate", "integrate"),
    )
    sched = schedule(plan) if own_graph else progress_schedule(plan.model_copy(deep=True))
    v, i = analyze_stages(plan, sched).stages
    assert v.done_share == 0.25
    assert i.done_share == 0.75


@pytest.mark.parametrize("threshold", [0, 10**9])
def test_a_link_into_a_later_stage_can_hold_work_past_the_gate(make_plan, threshold: int) -> None:
    # a (validate, 3) -FS-> b (validate, 2);  b -SS+4-> x (integrate, 2);  c (integrate, 1).
    # Rolling: a 0-3, b 3-5, x = ES_b + 4 = 7 -> 7-9, c 0-1; T = 9.
    # Gated: validate a 0-3, b 3-5 -> Gate_0 = 5.  integrate: x = max(5, 3 + 4) = 7 -> 7-9 (the link, not the
    #   gate, holds it); c = 5 -> 5-6 -> Gate_1 = 9; the empty stages pass 9 on. Gated finish 9: no price.
    plan = make_plan(
        [
            {"id": "a", "stage": "validate", "duration": 3},
            {"id": "b", "stage": "validate", "duration": 2},
            {"id": "x", "stage": "integrate", "duration": 2},
            {"id": "c", "stage": "integrate", "duration": 1},
        ],
        [("a", "b"), ("b", "x", "SS", 4)],
    )
    with links_per_generation(threshold):
        st = analyze_stages(plan, schedule(plan))
    assert st.gated_es.tolist() == [0, 3, 7, 5]
    assert [r.gate for r in st.stages] == [5, 9, 9, 9]
    assert st.gated_finish == 9 and st.gating_price == 0


@pytest.mark.parametrize("threshold", [0, 10**9])
def test_an_empty_first_stage_opens_its_gate_at_week_0(make_plan, threshold: int) -> None:
    # validate holds nothing: Gate_0 = 0. integrate: a (2) -FS-> b (1): a 0-2, b 2-3 -> Gate_1 = 3.
    plan = make_plan(
        [{"id": "a", "stage": "integrate", "duration": 2}, {"id": "b", "stage": "integrate", "duration": 1}],
        [("a", "b")],
        stages=("validate", "integrate"),
    )
    with links_per_generation(threshold):
        st = analyze_stages(plan, schedule(plan))
    assert st.gated_es.tolist() == [0, 2]
    assert [r.gate for r in st.stages] == [0, 3]
