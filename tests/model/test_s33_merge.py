"""Three-way merge of plans (planner.model.merge, session 33): hand-checked cases and properties."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import parse_plan
from planner.model.io import plan_to_dict
from planner.model.merge import MISSING, merge_dicts, merge_plans

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"
BASE: dict[str, Any] = plan_to_dict(parse_plan(SAMPLE.read_text(encoding="utf-8")))


def _plan(data: dict[str, Any]) -> Any:
    return parse_plan(json.dumps(data))


def _ids(data: dict[str, Any]) -> list[str]:
    return [d["id"] for d in data["decisions"]]


def _by_id(data: dict[str, Any]) -> dict[str, Any]:
    return {d["id"]: d for d in data["decisions"]}


def test_each_side_changes_different_fields_of_one_decision() -> None:
    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    ours["decisions"][0]["duration"] = 7
    theirs["decisions"][0]["title"] = "Theirs"
    out, conflicts, _ = merge_dicts(BASE, ours, theirs)
    first = out["decisions"][0]
    assert (first["duration"], first["title"], conflicts) == (7, "Theirs", [])


def test_a_field_both_change_differently_is_a_conflict_keeping_the_preferred_side() -> None:
    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    d = BASE["decisions"][1]
    ours["decisions"][1]["title"], theirs["decisions"][1]["title"] = "Ours", "Theirs"
    out, conflicts, _ = merge_dicts(BASE, ours, theirs)
    assert out["decisions"][1]["title"] == "Ours"
    (c,) = conflicts
    assert (c.where, c.base, c.ours, c.theirs, c.kept) == (
        f"decision '{d['id']}' title",
        d["title"],
        "Ours",
        "Theirs",
        "ours",
    )
    out, conflicts, _ = merge_dicts(BASE, ours, theirs, prefer="theirs")
    assert out["decisions"][1]["title"] == "Theirs" and conflicts[0].kept == "theirs"


def test_the_same_change_on_both_sides_is_one_change() -> None:
    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    for side in (ours, theirs):
        side["decisions"][2]["duration"] = 9
        side["decisions"].append({"id": "both", "title": "Both added", "stage": "validate", "duration": 1})
    out, conflicts, _ = merge_dicts(BASE, ours, theirs)
    assert conflicts == [] and out == ours


def test_deleted_on_one_side_and_edited_on_the_other_keeps_the_edit() -> None:
    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    gone = ours["decisions"].pop(3)
    theirs["decisions"][3]["notes"] = "still needed"
    out, conflicts, _ = merge_dicts(BASE, ours, theirs)
    assert _by_id(out)[gone["id"]]["notes"] == "still needed"
    (c,) = conflicts
    assert c.ours is MISSING and c.kept == "theirs" and c.to_dict()["deleted"] == ["ours"]


def test_deleted_on_one_side_untouched_on_the_other_is_deleted() -> None:
    ours = copy.deepcopy(BASE)
    gone = ours["decisions"].pop(3)["id"]
    ours["dependencies"] = [x for x in ours["dependencies"] if gone not in (x["from"], x["to"])]
    out, conflicts, _ = merge_dicts(BASE, ours, copy.deepcopy(BASE))
    assert gone not in _ids(out) and conflicts == [] and out == ours


def test_a_link_to_a_decision_the_other_side_deleted_is_left_out_and_listed() -> None:
    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    gone = ours["decisions"].pop(5)["id"]
    ours["dependencies"] = [x for x in ours["dependencies"] if gone not in (x["from"], x["to"])]
    theirs["decisions"].append({"id": "t-new", "title": "Theirs", "stage": "scale", "duration": 2})
    theirs["dependencies"].append({"from": gone, "to": "t-new", "type": "FS"})
    m = merge_plans(_plan(BASE), _plan(ours), _plan(theirs))
    assert "t-new" in [d.id for d in m.plan.decisions] and gone not in [d.id for d in m.plan.decisions]
    assert m.left_out == [{"from": gone, "to": "t-new", "type": "FS"}] and not m.clean


def test_additions_keep_their_place_and_a_reordering_is_taken() -> None:
    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    # theirs adds a decision after the third; ours moves the last stage first (a reordering)
    theirs["decisions"].insert(3, {"id": "t-mid", "title": "Mid", "stage": "validate", "duration": 1})
    ours["stages"] = [ours["stages"][-1], *ours["stages"][:-1]]
    out, conflicts, _ = merge_dicts(BASE, ours, theirs)
    assert _ids(out)[3] == "t-mid" and _ids(out)[:3] == _ids(BASE)[:3]
    assert [s["id"] for s in out["stages"]] == [s["id"] for s in ours["stages"]] and conflicts == []


def test_tags_merge_word_by_word_and_links_field_by_field() -> None:
    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    ours["decisions"][0]["tags"] = [*BASE["decisions"][0].get("tags", []), "ours-tag"]
    theirs["decisions"][0]["tags"] = [*BASE["decisions"][0].get("tags", []), "theirs-tag"]
    ours["dependencies"][0]["type"] = "SS"
    theirs["dependencies"][0]["lag"] = 2
    out, conflicts, _ = merge_dicts(BASE, ours, theirs)
    assert {"ours-tag", "theirs-tag"} <= set(out["decisions"][0]["tags"]) and conflicts == []
    assert (out["dependencies"][0]["type"], out["dependencies"][0]["lag"]) == ("SS", 2)


def test_cards_both_sides_moved_are_counted_not_conflicts() -> None:
    base = copy.deepcopy(BASE)
    base["layout"] = {base["decisions"][0]["id"]: {"x": 0, "y": 0}}
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    key = base["decisions"][0]["id"]
    ours["layout"][key], theirs["layout"][key] = {"x": 10, "y": 0}, {"x": 20, "y": 5}
    out, conflicts, moved = merge_dicts(base, ours, theirs)
    assert (out["layout"][key], conflicts, moved) == ({"x": 10, "y": 0}, [], 1)


# -- properties ---------------------------------------------------------------------------------------------------

_EDIT = st.tuples(
    st.sampled_from(["duration", "title", "delete", "add", "link", "tag", "stage"]),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
)


def _edited(base: dict[str, Any], edits: list[tuple[str, int, int]], side: str) -> dict[str, Any]:
    """``base`` with ``edits`` made as a user would make them (deleting a decision deletes its links)."""
    data = copy.deepcopy(base)
    data.setdefault("dependencies", [])
    for n, (kind, i, j) in enumerate(edits):
        decisions = data["decisions"]
        if not decisions:
            break
        d = decisions[i % len(decisions)]
        if kind == "duration" and not d.get("milestone"):
            d["duration"] = 1 + j % 20
        elif kind == "title":
            d["title"] = f"{side} {j}"
        elif kind == "delete":
            decisions.remove(d)
            data["dependencies"] = [x for x in data["dependencies"] if d["id"] not in (x["from"], x["to"])]
            data["risks"] = [
                {**r, "decisions": [x for x in r.get("decisions", []) if x != d["id"]]}
                for r in data.get("risks", [])
            ]
        elif kind == "add":
            decisions.insert(
                j % (len(decisions) + 1), {"id": f"{side}-{n}", "title": "New", "stage": "scale"}
            )
        elif kind == "link":
            other = decisions[j % len(decisions)]
            if other is not d:
                data["dependencies"].append({"from": d["id"], "to": other["id"], "type": "FS"})
        elif kind == "tag":
            d["tags"] = [*d.get("tags", []), f"{side}{j % 3}"]
        elif kind == "stage":
            d["stage"] = data["stages"][j % len(data["stages"])]["id"]
    return plan_to_dict(_plan(data))


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.lists(_EDIT, max_size=6))
def test_one_sided_edits_come_through_unchanged(edits: list[tuple[str, int, int]]) -> None:
    x = _edited(BASE, edits, "x")
    assert merge_dicts(BASE, x, BASE) == (x, [], 0)
    assert merge_dicts(BASE, BASE, x) == (x, [], 0)
    assert merge_dicts(BASE, x, x) == (x, [], 0)


@_SETTINGS
@given(st.lists(_EDIT, max_size=6), st.lists(_EDIT, max_size=6))
def test_two_sided_merges_load_keep_every_added_item_and_agree_either_way_round(
    ours_edits: list[tuple[str, int, int]], theirs_edits: list[tuple[str, int, int]]
) -> None:
    ours, theirs = _edited(BASE, ours_edits, "o"), _edited(BASE, theirs_edits, "t")
    m = merge_plans(_plan(BASE), _plan(ours), _plan(theirs))
    ids = [d.id for d in m.plan.decisions]
    added = [i for i in (*_ids(ours), *_ids(theirs)) if i not in _ids(BASE)]
    assert set(added) <= set(ids)  # nothing one side added is lost
    assert len(ids) == len(set(ids))  # no decision twice
    assert all(x.from_ in ids and x.to in ids for x in m.plan.dependencies)  # every link has both ends
    # a decision neither side kept is gone; one both sides kept is there
    assert not set(ids) & (set(_ids(BASE)) - set(_ids(ours)) - set(_ids(theirs)))
    assert set(_ids(ours)) & set(_ids(theirs)) <= set(ids)
    # the other way round, preferring the other side: the same items with the same fields (tags both added come
    # in the leading side's order)
    w = merge_plans(_plan(BASE), _plan(theirs), _plan(ours), prefer="theirs")

    def fields(plan: Any) -> dict[str, Any]:
        return {d.id: d.model_copy(update={"tags": sorted(d.tags)}) for d in plan.decisions}

    assert fields(m.plan) == fields(w.plan)
    assert len(m.conflicts) == len(w.conflicts)
