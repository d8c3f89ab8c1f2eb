"""Ids of one list that differ only in case are a warning, ``case-duplicate-id`` (H-unseen24).

Before: decisions ``Gpu`` and ``gpu`` were accepted without a word. The planner tells them apart, but Microsoft
Project, Primavera P6 and spreadsheet lookups take them for one id, so the warning names them and says what to do.
Ids given twice exactly stay the ``duplicate-id`` error alone.
"""

from __future__ import annotations

from planner.analysis import analyze, validate
from planner.model import Decision, Dependency, Stage, Team
from planner.model.plan import Plan


def _plan(ids: list[str], teams: list[str] = ["ml"]) -> Plan:  # noqa: B006 -- never changed
    return Plan(
        schema_version=1,
        title="Case",
        stages=[Stage(id="s", name="S")],
        teams=[Team(id=t, name=f"Team {t}") for t in teams],
        decisions=[Decision(id=i, title=f"Title {k}", stage="s", duration=1 + k) for k, i in enumerate(ids)],
        dependencies=[Dependency.model_validate({"from": ids[0], "to": ids[-1]})],
    )


def _found(plan: Plan) -> list[tuple[str, str, list[str]]]:
    return [(f.severity, f.message, f.decisions) for f in validate(plan) if f.code == "case-duplicate-id"]


def test_decisions_alike_but_case_are_named_in_file_order() -> None:
    plan = _plan(["gpu", "cpu", "Gpu", "GPU"])
    assert _found(plan) == [
        (
            "warning",
            "3 decisions have ids that differ only in case: 'Title 0' (gpu), 'Title 2' (Gpu) and 'Title 3' (GPU). "
            "Microsoft Project, Primavera P6 and spreadsheets take them for one id; rename all but one.",
            ["gpu", "Gpu", "GPU"],
        )
    ]
    # a warning only: the schedule is computed, each id its own decision (gpu 0-1 -> GPU 1-5)
    result = analyze(plan)
    assert result.ok and result.schedule is not None
    assert result.schedule.finish == 5.0


def test_teams_too_and_none_for_distinct_ids() -> None:
    assert _found(_plan(["a", "b"], teams=["ML", "ml"])) == [
        (
            "warning",
            "2 teams have ids that differ only in case: 'ML' and 'ml'. Microsoft Project, Primavera P6 and "
            "spreadsheets take them for one id; rename all but one.",
            [],
        )
    ]
    assert _found(_plan(["Data-Prep", "data-prep2", "Gpu"])) == []


def test_an_id_given_twice_exactly_is_the_duplicate_id_error_alone() -> None:
    plan = _plan(["gpu", "gpu"])
    codes = [f.code for f in validate(plan)]
    assert "duplicate-id" in codes and "case-duplicate-id" not in codes
