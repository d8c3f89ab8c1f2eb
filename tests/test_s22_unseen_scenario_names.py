"""A scenario whose name holds a comma can be named in ``--scenarios`` (H-unseen22).

Before: ``planner compare --scenarios "Base,Fast, cheap"`` (and ``report --scenarios``) split the list at every comma
and refused it: "no scenario called 'Fast', 'cheap'; valid scenarios: ..., 'Fast, cheap'", the name it lists as
valid, and no way of quoting it; `planner check` said nothing, so such a scenario could not be compared at all.
Now a run of pieces that spells a name of the plan is taken whole.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.test_s18_unseen_one_truth import run


def _plan(tmp_path: Path) -> Path:
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "Names with commas",
        "stages": [{"id": "validate", "name": "Validate"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "validate", "duration": 2},
            {"id": "b", "title": "B", "stage": "validate", "duration": 3},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
        "scenarios": [
            {"name": "Fast, cheap", "decisions": {"b": {"duration": 1}}},
            {"name": "Fast", "decisions": {"a": {"duration": 1}}},
        ],
    }
    path = tmp_path / "n.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_compare_takes_a_name_with_a_comma_whole(tmp_path: Path) -> None:
    p = str(_plan(tmp_path))
    rc, raw, err = run(["compare", p, "--scenarios", "Base,Fast, cheap", "-n", "0", "--format", "json"])
    assert rc == 0, err
    rows = json.loads(raw)["scenarios"]
    # by hand: base a 0-2, b 2-5; 'Fast, cheap' b takes 1 week: 3
    assert [(r["name"], r["finish"]) for r in rows] == [("Base", 5.0), ("Fast, cheap", 3.0)]
    # spaces around the names as elsewhere; and 'Fast' beside it is its own scenario (a 1 week: 4)
    rc, raw, err = run(["compare", p, "--scenarios", " Fast, cheap , Fast", "-n", "0", "--format", "json"])
    assert rc == 0, err
    assert [(r["name"], r["finish"]) for r in json.loads(raw)["scenarios"]] == [
        ("Fast, cheap", 3.0),
        ("Fast", 4.0),
    ]
    # a list that spells no name is refused as before
    rc, _, err = run(["compare", p, "--scenarios", "Base,Fast,cheap", "-n", "0"])
    assert rc == 2 and "no scenario called 'cheap'" in err


def test_report_takes_a_name_with_a_comma_whole(tmp_path: Path) -> None:
    p = str(_plan(tmp_path))
    out = tmp_path / "r.pdf"
    rc, _, err = run(
        ["report", p, "-o", str(out), "-q", "--sections", "comparison", "--scenarios", "Fast, cheap"]
    )
    assert rc == 0, err
    assert out.stat().st_size > 0
