"""How many changes a scenario makes counts a decision edited beyond an override (recorded as dropped and added
again, with its links) as the fields that changed (session 27): a title edited in a scenario read "Scenario shown:
5 changes to Base" in the app and `planner scenarios` said "(5 changes; ...)" -- the drop, the add and its three
links. The app's note, the command line's text and JSON all count with the base."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.cli import main
from planner.model import plan_from_dict
from planner.model.scenarios import derive_scenario, override_count


def _base() -> dict:
    return {
        "schema_version": 1,
        "title": "Count",
        "stages": [{"id": "v", "name": "V"}],
        "decisions": [{"id": i, "title": i.upper(), "stage": "v", "duration": 2} for i in "abcd"],
        "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "b", "to": "d"}],
    }


def test_a_title_edit_is_one_change(tmp_path: Path, capsys) -> None:
    base = plan_from_dict(_base())
    edited = base.model_copy(deep=True)
    edited.decisions[1].title = "B, renamed"
    sc = derive_scenario(base, edited, "Renamed")
    assert override_count(sc) == 5  # without the base: the overrides as written
    assert override_count(sc, base) == 1
    edited.decisions[1].notes = "why"
    assert override_count(derive_scenario(base, edited, "Two"), base) == 2  # its title and notes
    edited.dependencies = [x for x in edited.dependencies if not (x.from_ == "b" and x.to == "d")]
    assert override_count(derive_scenario(base, edited, "Three"), base) == 3  # and a link of b's it lost

    data = _base()
    data["scenarios"] = [json.loads(sc.model_dump_json(by_alias=True, exclude_defaults=True))]
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["scenarios", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = out["scenarios"] if isinstance(out, dict) else out
    assert [r["changes"] for r in rows if r["name"] == "Renamed"] == [1]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["title", "duration", "drop_link", "add"]), min_size=1, max_size=5))
def test_the_count_is_what_the_user_changed(edits: list[str]) -> None:
    base = plan_from_dict(_base())
    edited = base.model_copy(deep=True)
    dropped = 0
    for e in edits:
        if e == "title":
            edited.decisions[1].title += "!"
        elif e == "duration":
            edited.decisions[2].duration = 5
        elif e == "drop_link" and edited.dependencies:
            edited.dependencies.pop()
            dropped += 1
        elif e == "add":
            extra = base.decisions[0].model_copy(update={"id": f"n{len(edited.decisions)}"})
            edited.decisions.append(extra)
    sc = derive_scenario(base, edited, "S")
    want = ("title" in edits) + ("duration" in edits) + dropped + edits.count("add")
    assert override_count(sc, base) == want, sc
