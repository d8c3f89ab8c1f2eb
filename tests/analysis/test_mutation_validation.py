"""Mutation tests of planner/analysis/validation.py: each test kills mutants that survived
tests/analysis/test_validation.py (``scripts/mutate.py planner/analysis/validation.py
tests/analysis/test_validation.py``); codes, severities and the message parts that name decisions, by hand."""

from __future__ import annotations

from typing import Any

from planner.analysis import validate
from planner.analysis.findings import Finding
from planner.analysis.validation import name
from tests.conftest import build_plan


def found(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_name_reads_the_plan_when_given_no_titles() -> None:
    plan = build_plan([{"id": "a", "title": "Define the value case"}])
    assert name(plan, "a") == "'Define the value case' (a)"
    assert name(plan, "ghost") == "'ghost'"  # no such decision: the id alone


def test_duplicate_ids_list_five_names_then_how_many_more() -> None:
    plan = build_plan([{"id": "a", "title": f"T{i}"} for i in range(1, 8)])  # 7 decisions called a
    [f] = found(validate(plan), "duplicate-id")
    assert f.severity == "error" and f.decisions == ["a"]
    assert f.message == (
        "7 decisions share the id 'a': 'T1', 'T2', 'T3', 'T4', 'T5' and 2 more. Ids must be unique; rename all "
        "but one."
    )


def test_a_loop_one_decision_too_long_to_spell_says_which_part_is_left_out() -> None:
    # 60 decisions in a loop: the chain d0 -> ... -> d59 -> d0 has 61 ids, one past the 60 spelled out, so the
    # first 30 and the last 30 are shown around "…" and d30 is left out (it used to be left out silently).
    n = 60
    plan = build_plan([{"id": f"d{i}"} for i in range(n)], [(f"d{i}", f"d{(i + 1) % n}") for i in range(n)])
    [f] = found(validate(plan), "cycle")
    assert f.severity == "error" and len(f.decisions) == 60
    assert "d28 -> d29 -> … -> d31 -> d32" in f.message and "(d30)" not in f.message
    assert f.message.endswith("(The loop runs through 60 decisions; 1 is left out above.)")
    # 59 decisions fit: spelled in full, nothing said about leaving any out.
    m = 59
    whole = build_plan([{"id": f"d{i}"} for i in range(m)], [(f"d{i}", f"d{(i + 1) % m}") for i in range(m)])
    [g] = found(validate(whole), "cycle")
    assert "…" not in g.message and "left out" not in g.message and "(d30)" in g.message


def over_capacity_plan(**extra: Any) -> Any:
    """Team t holds 1 person; a needs 2 for its week: over capacity. Team u has no capacity set."""
    return build_plan(
        [{"id": "a", "owner": "t", "headcount": 2}, *extra.pop("decisions", [])],
        teams=[{"id": "t", "name": "T", "capacity": 1}, {"id": "u", "name": "U"}],
        **extra,
    )


def test_validate_adds_over_capacity_by_default_and_only_when_asked_and_error_free() -> None:
    plan = over_capacity_plan()
    # Two warnings on t (1 person): weeks 0-1 need 2, and a alone needs more than t can ever give.
    over = found(validate(plan), "over-capacity")
    assert [(f.severity, f.decisions) for f in over] == [("warning", ["a"])] * 2
    assert over[0].message.startswith(
        "Team 'T' (t) has 1 person but the schedule needs up to 2 in weeks 0–1."
    )
    assert found(validate(plan, scheduled=False), "over-capacity") == []
    # Only t has a capacity (u has none): t is still checked.
    # With an error (a decision in a stage the plan lacks) no schedule is computed: the error alone.
    broken = over_capacity_plan(decisions=[{"id": "b", "stage": "nowhere"}])
    findings = validate(broken)
    assert found(findings, "over-capacity") == []
    assert [f.message for f in found(findings, "unknown-reference")] == [
        "'B' (b) is in stage 'nowhere', which the plan does not define. Choose one of: validate, integrate, "
        "operationalize, scale."
    ]


def test_over_capacity_when_every_team_has_a_capacity() -> None:
    plan = build_plan(
        [{"id": "a", "owner": "t", "headcount": 2}], teams=[{"id": "t", "name": "T", "capacity": 1}]
    )
    over = found(validate(plan), "over-capacity")
    assert [(f.severity, f.decisions) for f in over] == [("warning", ["a"])] * 2


def test_late_findings_at_the_status_date_without_any_capacity() -> None:
    # Start Mon 4 Jan 2027, status date 25 Jan = week 3. a (weeks 0-2) not done: finished 1 week late;
    # b (after a, weeks 2-4) not started: should have started at week 2, 1 week late. No team has a capacity.
    plan = build_plan(
        [{"id": "a", "duration": 2}, {"id": "b", "duration": 2}],
        [("a", "b")],
        start_date="2027-01-04",
        status_date="2027-01-25",
    )
    findings = validate(plan)
    [fin] = found(findings, "late-finish")
    [start] = found(findings, "late-start")
    assert (fin.severity, fin.decisions, start.severity, start.decisions) == (
        "warning",
        ["a"],
        "warning",
        ["b"],
    )
    assert fin.message.startswith("'A' (a) should have finished by ") and "1 week late" in fin.message
    assert start.message.startswith("'B' (b) should have started by ") and "1 week late" in start.message
    assert found(validate(plan, scheduled=False), "late-start") == []


def test_unknown_stage_area_and_owner_while_every_defined_one_is_used() -> None:
    plan = build_plan(
        [
            {"id": "x", "area": "ar", "owner": "t"},
            {"id": "y", "stage": "nowhere"},
            {"id": "z", "area": "ghost"},
            {"id": "w", "owner": "nobody"},
        ],
        stages=("validate",),
        areas=[{"id": "ar", "name": "Area"}],
        teams=[{"id": "t", "name": "T"}],
    )
    assert [(f.severity, f.message, f.decisions) for f in found(validate(plan), "unknown-reference")] == [
        (
            "error",
            "'Y' (y) is in stage 'nowhere', which the plan does not define. Choose one of: validate.",
            ["y"],
        ),
        (
            "error",
            "'Z' (z) is in area 'ghost', which the plan does not define. Add the area or choose an existing one.",
            ["z"],
        ),
        (
            "error",
            "'W' (w) is owned by team 'nobody', which the plan does not define. Add the team or choose an "
            "existing one.",
            ["w"],
        ),
    ]


def test_a_risk_without_an_owner_is_no_unknown_reference() -> None:
    risk = {"id": "r", "title": "Slip", "probability": 0.5, "impact": 1, "decisions": ["a"]}
    assert found(validate(build_plan([{"id": "a"}], risks=[risk])), "unknown-reference") == []
    [f] = found(validate(build_plan([{"id": "a"}], risks=[{**risk, "owner": "ghost"}])), "unknown-reference")
    assert f.message == "Risk 'Slip' (r) is owned by team 'ghost', which the plan does not define."


def test_a_loop_inside_a_bigger_tangle_says_how_many_are_caught() -> None:
    # a <-> b and b <-> c: one tangle of 3 decisions; the shortest loop through a is a -> b -> a (2 decisions).
    plan = build_plan([{"id": x} for x in "abc"], [("a", "b"), ("b", "a"), ("b", "c"), ("c", "b")])
    [f] = found(validate(plan), "cycle")
    assert (f.severity, f.decisions) == ("error", ["a", "b"])
    assert f.message == (
        "Dependency cycle: a -> b -> a. 'A' (a) -> 'B' (b) -> 'A' (a) can never be scheduled; remove or reverse "
        "one of these dependencies. (3 decisions are caught in this loop.)"
    )


def test_separate_loops_in_the_order_of_their_first_decision() -> None:
    # a <-> d and b <-> c: the loop holding the first decision (a) comes first, though b <-> c ends earlier.
    plan = build_plan([{"id": x} for x in "abcd"], [("a", "d"), ("d", "a"), ("b", "c"), ("c", "b")])
    loops = found(validate(plan), "cycle")
    assert [f.decisions for f in loops] == [["a", "d"], ["b", "c"]]
    assert loops[1].message.startswith(
        "Dependency cycle: b -> c -> b. 'B' (b) -> 'C' (c) -> 'B' (b) can never"
    )


def test_three_names_are_listed_with_commas_and_a_final_and() -> None:
    plan = build_plan([{"id": "a", "title": f"T{i}"} for i in range(1, 4)])  # 3 decisions called a
    [f] = found(validate(plan), "duplicate-id")
    assert f.message.startswith("3 decisions share the id 'a': 'T1', 'T2' and 'T3'. Ids must be unique")


def test_the_first_pair_linked_twice_is_reported() -> None:
    # a -> b twice sorts first of all links: still one warning naming both ends.
    plan = build_plan([{"id": x} for x in "abc"], [("a", "b"), ("a", "b"), ("b", "c")])
    [f] = found(validate(plan), "duplicate-dependency")
    assert (f.severity, f.decisions) == ("warning", ["a", "b"])
    assert f.message == "'A' (a) -> 'B' (b) is linked 2 times. Keep one dependency; the tightest one wins."


def test_two_stage_inversions_each_name_their_own_decisions() -> None:
    plan = build_plan(
        [
            {"id": "a", "stage": "integrate"},
            {"id": "b"},
            {"id": "c", "stage": "scale"},
            {"id": "d"},
        ],
        [("a", "b"), ("c", "d")],
    )
    assert [(f.severity, f.decisions, f.message) for f in found(validate(plan), "stage-inversion")] == [
        (
            "warning",
            ["a", "b"],
            "'B' (b) (Validate) waits for 'A' (a), which sits in a later stage (Integrate). Move b to Integrate "
            "or later, or move a earlier.",
        ),
        (
            "warning",
            ["c", "d"],
            "'D' (d) (Validate) waits for 'C' (c), which sits in a later stage (Scale). Move d to Scale or later, "
            "or move c earlier.",
        ),
    ]


def gated(criteria: list[dict[str, Any]], decisions: list[dict[str, Any]], **extra: Any) -> Any:
    """Validate (with ``criteria`` as its gate), then Integrate and Scale; Integrate's gate is unmet."""
    return build_plan(
        decisions,
        stages=(
            {"id": "validate", "name": "Validate", "gate_criteria": criteria},
            {"id": "integrate", "name": "Integrate", "gate_criteria": [{"text": "Later"}]},
            "scale",
        ),
        **extra,
    )


def test_gate_not_met_lists_three_criteria_then_how_many_more() -> None:
    started = [{"id": "a", "stage": "integrate", "progress": 1}]  # 1 % done: started
    three = gated([{"text": f"c{i}"} for i in range(1, 4)], started)
    [f] = found(validate(three), "gate-not-met")
    assert f.message == (
        "Stage Integrate has started ('A' (a) under way) while the Validate gate is not met: c1, c2, c3."
    )
    five = gated([{"text": f"c{i}"} for i in range(1, 6)] + [{"text": "ok", "met": True}], started)
    [g] = found(validate(five), "gate-not-met")
    assert g.message.endswith("while the Validate gate is not met: c1, c2, c3 and 2 more.")


def test_a_met_gate_stays_quiet_while_a_later_one_is_unmet() -> None:
    # Validate's gate is met and Integrate has started: no finding (Integrate's own gate is unmet, Scale not started).
    plan = gated([{"text": "ok", "met": True}], [{"id": "a", "stage": "integrate", "status": "in_progress"}])
    assert found(validate(plan), "gate-not-met") == []


def test_gate_not_met_names_at_most_twenty_decisions() -> None:
    work = [{"id": f"w{i:02}", "stage": "integrate", "status": "in_progress"} for i in range(21)]
    [f] = found(validate(gated([{"text": "c1"}], work)), "gate-not-met")
    assert f.decisions == [f"w{i:02}" for i in range(20)]
    assert (
        "'W00' (w00), 'W01' (w01), 'W02' (w02), 'W03' (w03), 'W04' (w04) and 16 more under way" in f.message
    )


def test_two_unlinked_decisions_are_both_isolated() -> None:
    findings = found(validate(build_plan([{"id": "a"}, {"id": "b"}])), "isolated-decision")
    assert [(f.severity, f.decisions) for f in findings] == [("info", ["a"]), ("info", ["b"])]
    assert findings[0].message == (
        "'A' (a) has no dependencies in either direction. Link it to the work it needs or enables, or confirm it "
        "really stands alone."
    )


def test_dates_out_of_range_at_the_end_of_the_calendar() -> None:
    # Start 1 Dec 9999: 31 Dec 9999 is 30 days on, so (30 - 1) / 7 = 4.14 weeks have a date after the start.
    # a (10 weeks) then b (pessimistic 3): 13 weeks; the longest durations are named longest first.
    plan = build_plan(
        [
            {"id": "a", "duration": 10},
            {"id": "b", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 3}},
        ],
        [("a", "b")],
        start_date="9999-12-01",
    )
    [f] = found(validate(plan), "dates-out-of-range")
    assert (f.severity, f.decisions) == ("error", ["a", "b"])
    assert f.message == (
        "With the start date 1 Dec 9999, the schedule can run 13 weeks (pessimistic estimates, every risk firing), "
        "past 31 Dec 9999, the last date a calendar holds. Move the start date earlier or shorten the longest "
        "durations ('A' (a), 'B' (b))."
    )
    # 4 weeks fit (4 <= 4.14); a target at week 5 does not.
    assert (
        found(
            validate(build_plan([{"id": "a", "duration": 4}], start_date="9999-12-01")), "dates-out-of-range"
        )
        == []
    )
    late = build_plan([{"id": "a", "duration": 4}], start_date="9999-12-01", target=5)
    [g] = found(validate(late), "dates-out-of-range")
    assert (g.severity, g.decisions) == ("error", [])
    assert g.message.startswith(
        "With the start date 1 Dec 9999, a baseline, the target or the horizon lies outside"
    )


def test_scenario_names_that_cannot_be_picked() -> None:
    plan = build_plan([{"id": "a"}], scenarios=[{"name": n} for n in ("Fast", "Fast", "base", "Slow")])
    assert [
        (f.severity, f.code, f.message) for f in validate(plan) if f.code.startswith(("dup", "scen"))
    ] == [
        (
            "warning",
            "duplicate-scenario",
            "2 scenarios are called 'Fast'; only the first is used by --scenario, compare and the app's scenario "
            "switcher. Rename the others.",
        ),
        (
            "warning",
            "scenario-named-base",
            "Scenario 'base' is named like the base plan ('Base'): --scenario base means this scenario, not the "
            "plan itself. Rename it.",
        ),
    ]


def test_gate_not_met_with_four_criteria_names_three_and_one_more() -> None:
    four = gated([{"text": f"c{i}"} for i in range(1, 5)], [{"id": "a", "stage": "integrate", "progress": 1}])
    [f] = found(validate(four), "gate-not-met")
    assert f.message.endswith("while the Validate gate is not met: c1, c2, c3 and 1 more.")


def test_each_unknown_reference_alone_while_every_defined_one_is_used() -> None:
    parts: dict[str, Any] = {
        "stages": ("validate",),
        "areas": [{"id": "ar", "name": "Area"}],
        "teams": [{"id": "t", "name": "T"}],
    }
    x = {"id": "x", "area": "ar", "owner": "t"}
    for odd, says in (
        ({"stage": "nowhere"}, "'Y' (y) is in stage 'nowhere'"),
        ({"area": "ghost"}, "'Y' (y) is in area 'ghost'"),
        ({"owner": "nobody"}, "'Y' (y) is owned by team 'nobody'"),
    ):
        plan = build_plan([x, {"id": "y", "area": "ar", "owner": "t", **odd}], **parts)
        [f] = found(validate(plan), "unknown-reference")
        assert (f.severity, f.decisions) == ("error", ["y"]) and f.message.startswith(says)
