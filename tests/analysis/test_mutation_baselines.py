"""planner/analysis/baselines.py: slips, statuses and the order of the slipped list, by hand (mutants that the other
baseline tests let through: scripts/mutate.py). A baseline taken now and read now is symmetric, so its tests could
not see a wrong start in both; here the figures are absolute."""

from __future__ import annotations

import datetime as dt

from planner.analysis import analyze
from planner.analysis.baselines import DecisionVariance, Variance, make_baseline, variance
from planner.analysis.schedule import schedule


def test_a_baseline_made_now_is_stamped_in_utc_to_the_second(make_plan) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    b = make_baseline(schedule(make_plan([{"id": "a", "duration": 1}])), "now")
    assert b.created is not None and b.created.microsecond == 0 and b.created.utcoffset() == dt.timedelta(0)
    assert before <= b.created <= dt.datetime.now(dt.UTC)


def started_plan(make_plan):
    # Status date week 5. a (4 weeks, 50 % done, actually started week 1): 2 weeks left from week 5 -> scheduled
    # 5-7. c (3 weeks, not started): 5-8. T = 8.
    return make_plan(
        [
            {"id": "a", "duration": 4, "status": "in_progress", "progress": 50, "actual_start": 1},
            {"id": "c", "duration": 3},
        ],
        status_date=5,
    )


def test_a_baseline_keeps_the_actual_start_of_started_work(make_plan) -> None:
    plan = started_plan(make_plan)
    s = analyze(plan).schedule
    assert s is not None
    assert (s.es.tolist(), s.ef.tolist()) == ([5, 5], [7, 8])
    b = make_baseline(s, "now", plan=plan)
    # a: its actual start, week 1 (not the scheduled 5); c: no actual start, its scheduled 5.
    assert {k: (e.start, e.finish) for k, e in b.decisions.items()} == {"a": (1, 7), "c": (5, 8)}
    assert b.finish == 8
    # Without the plan, the scheduled starts.
    assert make_baseline(s, "plain").decisions["a"].start == 5


def test_variance_reads_the_actual_start_against_a_plain_baseline(make_plan) -> None:
    # Baseline without the plan: a 5-7. Now, with the plan: a started at week 1 and finishes at 7 -> start slip
    # 1 - 5 = -4, finish slip 0 -> ahead.  c: 5-8 both times -> same.
    plan = started_plan(make_plan)
    s = analyze(plan).schedule
    assert s is not None
    v = variance(s, make_baseline(s, "plain"), plan)
    rows = {d.id: (d.status, d.start, d.start_slip, d.finish_slip) for d in v.decisions}
    assert rows == {"a": ("ahead", 1, -4, 0), "c": ("same", 5, 0, 0)}


def test_a_later_start_with_the_same_finish_is_a_slip(make_plan) -> None:
    # Baseline: a (2) -FS-> b (4): b 2-6. Now a takes 3 weeks and b 3: b 3-6. Start slip +1, finish slip 0 ->
    # slipped (a later start counts when the finish has not moved). a: 0-2 then 0-3 -> slipped (finish +1).
    # Then b back to 5 weeks after a 1-week a: b 1-6: start slip -1, finish 0 -> ahead.
    base_plan = make_plan([{"id": "a", "duration": 2}, {"id": "b", "duration": 4}], [("a", "b")])
    b = make_baseline(schedule(base_plan), "v1")
    later = make_plan([{"id": "a", "duration": 3}, {"id": "b", "duration": 3}], [("a", "b")])
    v = variance(schedule(later), b)
    assert [(d.id, d.status, d.start_slip, d.finish_slip) for d in v.decisions] == [
        ("a", "slipped", 0, 1),
        ("b", "slipped", 1, 0),
    ]
    earlier = make_plan([{"id": "a", "duration": 1}, {"id": "b", "duration": 5}], [("a", "b")])
    v = variance(schedule(earlier), b)
    assert [(d.id, d.status, d.start_slip, d.finish_slip) for d in v.decisions] == [
        ("a", "ahead", 0, -1),
        ("b", "ahead", -1, 0),
    ]
    assert v.finish_slip == 0


def test_the_slipped_list_is_most_slipped_first_then_by_id() -> None:
    # Finish slips: b +3, a +3, c +0.5, d +2, e 0, f -1, g new. Slipped: a, b (3, by id), d (2), c (0.5).
    rows = [
        DecisionVariance("b", "slipped", 0, 1, 0, 4),
        DecisionVariance("a", "slipped", 0, 2, 0, 5),
        DecisionVariance("c", "slipped", 0, 1, 0, 1.5),
        DecisionVariance("d", "slipped", 0, 1, 0, 3),
        DecisionVariance("e", "same", 0, 1, 0, 1),
        DecisionVariance("f", "ahead", 0, 2, 0, 1),
        DecisionVariance("g", "new", None, None, 0, 9),
    ]
    v = Variance("v1", 5, 9, rows)
    assert [(d.id, d.finish_slip) for d in v.slipped()] == [("a", 3), ("b", 3), ("d", 2), ("c", 0.5)]


def test_slips_within_a_ten_millionth_of_a_week_are_zero() -> None:
    # SLIP_TOL = 1e-7 weeks: 5e-8 and exactly 1e-7 are noise (0); 2e-7 is a slip.
    d = DecisionVariance("a", "same", 0.0, 0.0, 5e-8, 1e-7)
    assert (d.start_slip, d.finish_slip) == (0.0, 0.0)
    assert DecisionVariance("a", "same", 0.0, 0.0, 2e-7, 0.5).start_slip == 2e-7
    assert Variance("v", 10.0, 10.0 + 5e-8).finish_slip == 0.0
    assert Variance("v", 0.0, 1e-7).finish_slip == 0.0


def test_stage_variance_by_hand(make_plan) -> None:
    # Baseline: a (validate, 3) -FS-> b (integrate, 2), d (validate, 1): validate window ends max(3, 1) = 3,
    # integrate 5; gates 3, 5, 5, 5.
    # Now a takes 4 weeks and c (validate, 1, new) joins: a 0-4, b 4-6, c 0-1; gates 4, 6, 6, 6.
    #   validate: baseline end from a only (c is not in the baseline) = 3, now 4 -> +1; gate 3 -> 4: +1.
    #   integrate: 5 -> 6: +1; gate +1.  operationalize, scale: no decisions (None), gates 5 -> 6: +1.
    from planner.analysis.baselines import StageVariance, baseline_json, stage_variance

    stages = ("validate", "integrate", "operationalize", "scale")
    before = make_plan(
        [
            {"id": "a", "duration": 3},
            {"id": "d", "duration": 1},
            {"id": "b", "stage": "integrate", "duration": 2},
        ],
        [("a", "b")],
        stages=stages,
    )
    r = analyze(before)
    assert r.schedule is not None and r.stages is not None
    b = make_baseline(r.schedule, "v1", stages=r.stages)
    assert b.gates == {"validate": 3, "integrate": 5, "operationalize": 5, "scale": 5}
    now = make_plan(
        [
            {"id": "a", "duration": 4},
            {"id": "d", "duration": 1},
            {"id": "b", "stage": "integrate", "duration": 2},
            {"id": "c", "duration": 1},
        ],
        [("a", "b")],
        stages=stages,
        start_date="2027-01-04",
    )
    r = analyze(now)
    assert r.stages is not None and r.schedule is not None
    got = [
        (v.id, v.baseline_finish, v.finish, v.finish_slip, v.gate_slip)
        for v in stage_variance(now, r.stages, b)
    ]
    assert got == [
        ("validate", 3, 4, 1, 1),
        ("integrate", 5, 6, 1, 1),
        ("operationalize", None, None, None, 1),
        ("scale", None, None, None, 1),
    ]
    # The JSON (plan start Mon 4 Jan 2027): a point in time gets its ISO date right after it, a slip does not.
    #   a: baseline 0-3 (4 Jan - 25 Jan), now 0-4 (1 Feb); the project: 5 -> 6 weeks (8 Feb -> 15 Feb).
    out = baseline_json(now, r.schedule, r.stages, b)
    assert (out["baseline_finish_date"], out["finish_date"]) == ("2027-02-08", "2027-02-15")
    assert "finish_slip_date" not in out
    row_a = out["decisions"][0]
    assert list(row_a) == [
        "id",
        "status",
        "baseline_start",
        "baseline_start_date",
        "baseline_finish",
        "baseline_finish_date",
        "start",
        "start_date",
        "finish",
        "finish_date",
        "start_slip",
        "finish_slip",
        "span_change",
    ]
    assert (row_a["baseline_finish_date"], row_a["finish_date"]) == ("2027-01-25", "2027-02-01")
    row_c = out["decisions"][3]  # c is new: no baseline dates
    assert row_c["id"] == "c" and row_c["baseline_start"] is None and row_c["baseline_start_date"] is None
    op = out["stages"][2]
    assert op["baseline_finish"] is None and op["baseline_finish_date"] is None
    assert (op["baseline_gate_date"], op["gate_date"]) == ("2027-02-08", "2027-02-15")
    assert "gate_slip_date" not in op
    no_start = baseline_json(now.model_copy(update={"start_date": None}), r.schedule, r.stages, b)
    assert not any(k.endswith("_date") for k in no_start)
    assert StageVariance("x", None, 1.0, None, 1.0).finish_slip is None
    assert StageVariance("x", 1.0, None, None, 1.0).finish_slip is None
    assert StageVariance("x", 1.0, 2.5, None, 1.0).gate_slip is None
