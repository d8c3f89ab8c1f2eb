"""Validation (SPEC §3.1): referential and semantic findings on plans that load."""

from __future__ import annotations

import random

import pytest

from planner.analysis import analysis_to_dict, analyze, validate
from planner.analysis.findings import Finding, Severity


def codes(findings: list[Finding], severity: str | None = None) -> list[str]:
    return [f.code for f in findings if severity is None or f.severity == severity]


def only(findings: list[Finding], code: str) -> Finding:
    [f] = [f for f in findings if f.code == code]
    return f


def test_a_clean_plan_has_no_findings(make_plan):
    plan = make_plan(
        [{"id": "a", "owner": "t"}, {"id": "b", "owner": "t"}],
        [("a", "b")],
        stages=("validate",),
        teams=[{"id": "t", "name": "Team"}],
    )
    assert validate(plan) == []


def test_duplicate_ids(make_plan):
    plan = make_plan(
        [{"id": "a", "title": "First"}, {"id": "a", "title": "Second"}, {"id": "b"}],
        [("a", "b")],
        stages=("validate", {"id": "validate", "name": "Again"}),
        teams=[{"id": "t", "name": "T"}, {"id": "t", "name": "T2"}],
    )
    findings = validate(plan)
    dups = [f for f in findings if f.code == "duplicate-id"]
    assert [f.severity for f in dups] == ["error"] * 3
    # Named by title (SPEC §3.1), so the two can be told apart (the message named the id alone).
    assert dups[0].message == (
        "2 decisions share the id 'a': 'First' and 'Second'. Ids must be unique; rename all but one."
    )
    assert dups[0].decisions == ["a"]
    assert "2 stages share the id 'validate': 'Validate' and 'Again'." in dups[1].message
    assert "2 teams share the id 't': 'T' and 'T2'." in dups[2].message
    assert analyze(plan).schedule is None


def test_dependency_on_an_unknown_decision(make_plan):
    plan = make_plan([{"id": "a"}], [("a", "ghost")])
    f = only(validate(plan), "unknown-reference")
    assert f.severity == "error"
    assert f.message == (
        "Dependency #1 (a -> ghost) names 'ghost', which is not a decision of this plan. "
        "Fix the id or remove the dependency."
    )
    assert f.decisions == ["a"]


def test_dependency_between_two_unknown_decisions(make_plan):
    plan = make_plan([{"id": "a"}], [("ghost", "spook")])
    f = only(validate(plan), "unknown-reference")
    assert f.message == (
        "Dependency #1 (ghost -> spook) names 'ghost' and 'spook', which are not decisions of this plan. "
        "Fix the id or remove the dependency."
    )
    assert f.decisions == []


def test_unknown_stage_area_and_owner(make_plan):
    plan = make_plan(
        [{"id": "a", "title": "Pick the model", "stage": "pilot", "area": "magic", "owner": "nobody"}]
    )
    findings = [f for f in validate(plan) if f.code == "unknown-reference"]
    assert len(findings) == 3
    stage, area, owner = (f.message for f in findings)
    assert stage.startswith("'Pick the model' (a) is in stage 'pilot', which the plan does not define.")
    assert "Choose one of: validate, integrate, operationalize, scale." in stage
    assert area.startswith("'Pick the model' (a) is in area 'magic', which the plan does not define.")
    assert owner.startswith("'Pick the model' (a) is owned by team 'nobody', which the plan does not define.")
    assert all(f.decisions == ["a"] for f in findings)


def test_risk_references(make_plan):
    plan = make_plan(
        [{"id": "a"}],
        risks=[
            {
                "id": "r",
                "title": "Vendor slips",
                "probability": 0.3,
                "impact": 2,
                "decisions": ["a", "zz"],
                "owner": "ops",
            }
        ],
    )
    msgs = [f.message for f in validate(plan) if f.code == "unknown-reference"]
    assert msgs == [
        "Risk 'Vendor slips' (r) affects 'zz', which is not a decision of this plan. Fix the id or remove it from "
        "the risk.",
        "Risk 'Vendor slips' (r) is owned by team 'ops', which the plan does not define.",
    ]


def test_self_dependency(make_plan):
    plan = make_plan([{"id": "a", "title": "Alpha"}], [("a", "a")])
    findings = validate(plan)
    f = only(findings, "self-dependency")
    assert f.severity == "error"
    assert f.message == "'Alpha' (a) depends on itself. Remove this dependency."
    assert "cycle" not in codes(findings)


def test_long_cycle_is_spelled_in_order(make_plan):
    # 50 decisions in a ring d00 -> d01 -> ... -> d49 -> d00, listed in a shuffled order.
    ids = [f"d{k:02d}" for k in range(50)]
    listed = ids[:]
    random.Random(7).shuffle(listed)
    plan = make_plan([{"id": i} for i in listed], [(ids[k], ids[(k + 1) % 50]) for k in range(50)])
    f = only(validate(plan), "cycle")
    assert f.severity == "error"
    # The cycle is spelled from one of its decisions, following the dependencies, back to where it began.
    start = ids.index(f.decisions[0])
    ring = [ids[(start + k) % 50] for k in range(50)]
    assert f.decisions == ring
    assert f.message.startswith("Dependency cycle: " + " -> ".join([*ring, ring[0]]) + ". ")
    assert "remove or reverse one of these dependencies" in f.message
    assert analyze(plan).schedule is None


def test_cycle_with_a_lead_in(make_plan):
    # x -> a -> b -> c -> a: x is not part of the cycle.
    plan = make_plan(
        [{"id": "x"}, {"id": "a", "title": "Alpha"}, {"id": "b"}, {"id": "c"}],
        [("x", "a"), ("a", "b"), ("b", "c"), ("c", "a")],
    )
    f = only(validate(plan), "cycle")
    assert f.decisions == ["a", "b", "c"]
    assert f.message.startswith(
        "Dependency cycle: a -> b -> c -> a. 'Alpha' (a) -> 'B' (b) -> 'C' (c) -> 'Alpha' (a)"
    )


def test_a_short_cycle_is_spelled_whole_without_a_note_about_left_out_decisions(make_plan):
    plan = make_plan([{"id": "a"}, {"id": "b"}], [("a", "b"), ("b", "a")])
    f = only(validate(plan), "cycle")
    assert f.message == (
        "Dependency cycle: a -> b -> a. 'A' (a) -> 'B' (b) -> 'A' (a) can never be scheduled; remove or reverse one "
        "of these dependencies."
    )


def test_two_cycles_are_two_findings(make_plan):
    plan = make_plan(
        [{"id": i} for i in "abcd"],
        [("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")],
    )
    cycles = [f for f in validate(plan) if f.code == "cycle"]
    assert [f.decisions for f in cycles] == [["a", "b"], ["c", "d"]]


def test_milestone_with_a_duration(make_plan):
    plan = make_plan([{"id": "m", "title": "Go-live", "milestone": True, "duration": 2}])
    f = only(validate(plan), "milestone-duration")
    assert f.severity == "error"
    assert f.message.startswith("'Go-live' (m) is a milestone but has a duration.")
    # A milestone without a duration is 0 weeks, and fine.
    assert "milestone-duration" not in codes(validate(make_plan([{"id": "m", "milestone": True}])))


def test_milestone_with_a_three_point_duration(make_plan):
    plan = make_plan(
        [{"id": "m", "milestone": True, "duration": {"optimistic": 0, "likely": 0, "pessimistic": 1}}]
    )
    assert "milestone-duration" in codes(validate(plan), "error")


def test_warnings(make_plan):
    plan = make_plan(
        [
            {"id": "late", "stage": "integrate", "status": "in_progress"},
            {"id": "early", "stage": "validate"},
            {"id": "b", "stage": "integrate"},
        ],
        [("late", "early"), ("early", "b"), ("early", "b", "SS", 1)],
        stages=(
            {"id": "validate", "name": "Validate", "gate_criteria": [{"text": "Value proven"}]},
            "integrate",
        ),
    )
    findings = validate(plan)
    assert codes(findings, "error") == []
    assert sorted(codes(findings, "warning")) == ["duplicate-dependency", "gate-not-met", "stage-inversion"]
    inv = only(findings, "stage-inversion")
    assert inv.decisions == ["late", "early"]
    assert inv.message == (
        "'EARLY' (early) (Validate) waits for 'LATE' (late), which sits in a later stage (Integrate). "
        "Move early to Integrate or later, or move late earlier."
    )
    dup = only(findings, "duplicate-dependency")
    assert dup.decisions == ["early", "b"]
    assert "linked 2 times" in dup.message
    gate = only(findings, "gate-not-met")
    assert gate.decisions == ["late"]
    assert gate.message == (
        "Stage Integrate has started ('LATE' (late) under way) while the Validate gate is not met: Value proven."
    )
    # Warnings do not stop the schedule.
    assert analyze(plan).ok


def test_gate_met_is_quiet(make_plan):
    plan = make_plan(
        [{"id": "a", "stage": "integrate", "progress": 10}],
        stages=(
            {"id": "validate", "name": "Validate", "gate_criteria": [{"text": "ok", "met": True}]},
            "integrate",
        ),
    )
    assert "gate-not-met" not in codes(validate(plan))


def test_gate_not_met_tells_work_done_from_work_under_way(make_plan):
    # Integrate: 'a' done, 'b' at 10 %, 'c' in progress, 'd' not started; Operationalize: 'e' done. Done work is
    # not under way: the message names each by title and id, SPEC §3.1 (it said '3 decision(s) under way' for a, b
    # and c, then '2 decision(s) under way, 1 done', naming none).
    validate_gate = {"id": "validate", "name": "Validate", "gate_criteria": [{"text": "Value proven"}]}
    integrate_gate = {"id": "integrate", "name": "Integrate", "gate_criteria": [{"text": "Wired in"}]}
    plan = make_plan(
        [
            {"id": "a", "stage": "integrate", "status": "done", "progress": 100},
            {"id": "b", "stage": "integrate", "progress": 10},
            {"id": "c", "stage": "integrate", "status": "in_progress"},
            {"id": "d", "stage": "integrate"},
            {"id": "e", "stage": "operationalize", "status": "done", "progress": 100},
        ],
        stages=(validate_gate, integrate_gate, {"id": "operationalize", "name": "Operationalize"}),
    )
    gates = [f for f in validate(plan) if f.code == "gate-not-met"]
    assert [g.message for g in gates] == [
        "Stage Integrate has started ('B' (b) and 'C' (c) under way; 'A' (a) done) while the Validate gate is "
        "not met: Value proven.",
        "Stage Operationalize has started ('E' (e) done) while the Integrate gate is not met: Wired in.",
    ]
    assert [g.decisions for g in gates] == [["a", "b", "c"], ["e"]]


def test_info(make_plan):
    plan = make_plan(
        [
            {"id": "a", "owner": "t"},
            {"id": "b", "owner": "t"},
            {"id": "lone", "title": "Alone"},
            {"id": "m", "milestone": True},
        ],
        [("a", "b"), ("b", "m")],
        stages=("validate", "integrate"),
        teams=[{"id": "t", "name": "T"}],
    )
    findings = validate(plan)
    assert codes(findings, "error") == codes(findings, "warning") == []
    assert codes(findings, "info") == ["isolated-decision", "empty-stage", "missing-owner"]
    assert only(findings, "isolated-decision").decisions == ["lone"]
    assert only(findings, "empty-stage").message == "Stage Integrate (integrate) has no decisions yet."
    # Milestones need no owner.
    assert only(findings, "missing-owner").decisions == ["lone"]
    assert only(findings, "missing-owner").message.startswith("'Alone' (lone) has no owner.")


def test_findings_are_sorted_by_severity(make_plan):
    plan = make_plan([{"id": "a"}, {"id": "b", "stage": "nowhere"}], [("a", "b"), ("a", "b")])
    findings = validate(plan)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    ranks = [order[f.severity] for f in findings]
    assert ranks == sorted(ranks)
    assert findings[0].to_dict() == {
        "severity": "error",
        "code": "unknown-reference",
        "message": findings[0].message,
        "decisions": ["b"],
    }


@pytest.mark.parametrize("estimate", ["likely", "pert"])
def test_analysis_with_errors_has_no_schedule(make_plan, estimate):
    plan = make_plan([{"id": "a"}], [("a", "a")])
    result = analyze(plan, estimate)
    assert not result.ok
    assert [f.code for f in result.errors] == ["self-dependency"]
    out = analysis_to_dict(result)
    assert out["finish"] is None and out["critical_path"] == [] and out["decisions"] == []
    assert out["findings"][0]["code"] == "self-dependency"
