"""A field cleared on one side and changed on the other is a conflict the preferred side decides (session 34).

Before, the file's omission of a field at its default made a cleared field look like a deleted item, and the
changed side won whatever ``--prefer`` said. An item one side deleted and the other edited still keeps the edit.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import parse_plan
from planner.model.io import plan_to_dict
from planner.model.merge import MISSING, MergeResult, merge_dicts, merge_plans
from tests.model.test_s33_merge import _EDIT, _edited, _ids, _plan

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"
BASE: dict[str, Any] = plan_to_dict(parse_plan(SAMPLE.read_text(encoding="utf-8")))


def _with_notes(data: dict[str, Any], notes: str | None) -> dict[str, Any]:
    out = copy.deepcopy(data)
    if notes is None:
        out["decisions"][0].pop("notes", None)
    else:
        out["decisions"][0]["notes"] = notes
    return out


@pytest.mark.parametrize("prefer", ["ours", "theirs"])
def test_a_field_cleared_on_one_side_and_edited_on_the_other_follows_prefer(prefer: Any) -> None:
    base = _with_notes(BASE, "first draft")
    ours = _with_notes(base, None)  # cleared: the file no longer has the field
    theirs = _with_notes(base, "second draft")
    out, conflicts, _ = merge_dicts(base, ours, theirs, prefer)
    (c,) = conflicts
    assert (c.base, c.ours, c.theirs, c.kept, c.item) == (
        "first draft",
        MISSING,
        "second draft",
        prefer,
        False,
    )
    assert out["decisions"][0].get("notes") == (None if prefer == "ours" else "second draft")
    assert c.to_dict()["cleared"] == ["ours"] and c.to_dict()["deleted"] == []
    did = BASE["decisions"][0]["id"]
    plan = parse_plan(__import__("json").dumps(out))
    (line,) = MergeResult(plan, conflicts).described()
    assert line == (
        "!",
        f"decision '{did}' notes: base 'first draft'; ours (cleared); theirs 'second draft' -> kept {prefer}",
    )


def test_a_plan_field_cleared_against_a_change_is_a_conflict_too() -> None:
    base = copy.deepcopy(BASE)
    base["status_date"] = "2026-03-02"
    ours = copy.deepcopy(base)
    del ours["status_date"]
    theirs = copy.deepcopy(base)
    theirs["status_date"] = "2026-04-06"
    out, conflicts, _ = merge_dicts(base, ours, theirs, "ours")
    assert "status_date" not in out and [c.where for c in conflicts] == ["plan status_date"]
    out, _, _ = merge_dicts(base, ours, theirs, "theirs")
    assert out["status_date"] == "2026-04-06"


@pytest.mark.parametrize("prefer", ["ours", "theirs"])
def test_a_deleted_item_edited_on_the_other_side_keeps_the_edit_whatever_prefer_says(prefer: Any) -> None:
    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    gone = ours["decisions"].pop(1)
    theirs["decisions"][1]["notes"] = "still needed"
    out, conflicts, _ = merge_dicts(BASE, ours, theirs, prefer)
    (c,) = conflicts
    assert c.item and c.kept == "theirs" and c.to_dict()["deleted"] == ["ours"]
    assert any(d["id"] == gone["id"] and d["notes"] == "still needed" for d in out["decisions"])


def test_a_scenario_override_removed_on_one_side_and_edited_on_the_other_keeps_the_edit() -> None:
    did = BASE["decisions"][0]["id"]
    base = copy.deepcopy(BASE)
    base["scenarios"] = [{"name": "Fast", "decisions": {did: {"duration": 2}}}]
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["scenarios"][0]["decisions"] = {}
    theirs["scenarios"][0]["decisions"][did]["duration"] = 3
    out, conflicts, _ = merge_dicts(base, ours, theirs, "ours")
    (c,) = conflicts
    assert c.item and c.kept == "theirs"
    assert out["scenarios"][0]["decisions"] == {did: {"duration": 3}}


def test_a_scenario_whose_last_override_is_removed_keeps_the_other_sides_edit_through_the_files() -> None:
    """The file omits a scenario's empty override mapping: the side that removed its only override has no
    ``decisions`` field at all, which is each override removed, not a field cleared."""
    did = BASE["decisions"][0]["id"]
    base = copy.deepcopy(BASE)
    base["scenarios"] = [{"name": "Fast", "decisions": {did: {"duration": 2}}}]
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    del ours["scenarios"][0]["decisions"]
    theirs["scenarios"][0]["decisions"][did]["duration"] = 3
    out, conflicts, _ = merge_dicts(base, ours, theirs, "ours")
    assert [c.item for c in conflicts] == [True]
    assert out["scenarios"][0]["decisions"] == {did: {"duration": 3}}
    ours2 = copy.deepcopy(base)
    del ours2["scenarios"][0]["decisions"]
    out, conflicts, _ = merge_dicts(base, ours2, copy.deepcopy(base), "theirs")
    assert conflicts == [] and out["scenarios"][0].get("decisions", {}) == {}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_EDIT, max_size=6), st.lists(_EDIT, max_size=6))
def test_without_an_ancestor_both_plans_are_kept_and_only_what_differs_conflicts(
    ours_edits: list[tuple[str, int, int]], theirs_edits: list[tuple[str, int, int]]
) -> None:
    """No common ancestor (git's add/add): a plan merged with itself is itself, cleanly; two different plans keep
    every decision either has, and agree either way round."""
    ours, theirs = _edited(BASE, ours_edits, "o"), _edited(BASE, theirs_edits, "t")
    assert merge_dicts({}, ours, ours) == (ours, [], 0)
    m = merge_plans(None, _plan(ours), _plan(theirs))
    ids = [d.id for d in m.plan.decisions]
    assert set(_ids(ours)) | set(_ids(theirs)) == set(ids) and len(ids) == len(set(ids))
    w = merge_plans(None, _plan(theirs), _plan(ours), prefer="theirs")
    assert {d.id: sorted(d.tags) for d in m.plan.decisions} == {
        d.id: sorted(d.tags) for d in w.plan.decisions
    }
    assert len(m.conflicts) == len(w.conflicts)
