"""`planner analyze FILE --explain ID`: why a decision starts when it does and why it is or is not critical (SPEC
§3.2's explanations, as the app says them), in text and JSON; an unknown id is a usage error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main

# a (3 wks) -> b (2 wks), a -> c (1 wk): the finish is week 5; c starts at 3 (driven by a) and can slip 1 week.
PLAN: dict[str, Any] = {
    "schema_version": 1,
    "title": "Explain",
    "stages": [{"id": "v", "name": "Validate"}],
    "decisions": [
        {"id": "a", "title": "Alpha", "stage": "v", "duration": 3},
        {"id": "b", "title": "Bravo", "stage": "v", "duration": 2},
        {"id": "c", "title": "Charlie", "stage": "v", "duration": 1},
    ],
    "dependencies": [{"from": "a", "to": "b"}, {"from": "a", "to": "c"}],
}


@pytest.fixture
def path(tmp_path: Path) -> str:
    p = tmp_path / "explain.plan.json"
    p.write_text(json.dumps(PLAN), encoding="utf-8")
    return str(p)


def test_text_says_why_and_how_much_it_can_slip(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", path, "--explain", "c", "--explain", "b", "--explain", "c"]) == 0
    out = capsys.readouterr().out
    assert out.count("Why 'Charlie' (c)") == 1 and out.index("Why 'Charlie' (c)") < out.index(
        "Why 'Bravo' (b)"
    )
    charlie = out.split("Why 'Charlie' (c)")[1].split("Why 'Bravo'")[0]
    assert (
        "Starts in week 3 because it can start only when 'Alpha' (a) finishes (FS dependency)."
        in " ".join(charlie.split())
    )
    assert "It can slip 1 week before the plan's finish moves" in " ".join(charlie.split())
    assert "Driving chain: a -> c" in charlie
    bravo = out.split("Why 'Bravo' (b)")[1]
    assert "It has no float" in bravo and "It is critical" in bravo
    assert all(len(line) <= 80 for line in out.split("Decisions")[0].splitlines() if "Why" in line)


def test_json_carries_the_same_reasons(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", path, "--format", "json", "--explain", "c", "--explain", "b"]) == 0
    data = json.loads(capsys.readouterr().out)
    c, b = data["explanations"]
    assert (c["id"], c["driver"], c["driver_kind"], c["critical"]) == ("c", "a", "dependency", False)
    assert c["driving_chain"] == ["a", "c"] and c["longest_chain"] == ["a", "c"]
    assert (b["id"], b["critical"], b["longest_chain"]) == ("b", True, ["a", "b"])
    assert (c["total_float"], b["total_float"]) == (1.0, 0.0)
    assert c["float_reason"].startswith("It can slip 1 week")
    rows = {d["id"]: d for d in data["decisions"]}  # one truth with the schedule's own flags
    assert [rows[x["id"]]["critical"] for x in (c, b)] == [False, True]
    assert rows["c"]["total_float"] == 1.0


def test_without_explain_the_json_has_no_explanations(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", path, "--format", "json"]) == 0
    assert "explanations" not in json.loads(capsys.readouterr().out)


def test_an_unknown_id_is_a_usage_error(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", path, "--explain", "charlie"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"planner: {path}: --explain 'charlie': no decision has this id")
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_plan_with_errors_says_there_is_nothing_to_explain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = dict(PLAN, dependencies=[*PLAN["dependencies"], {"from": "c", "to": "a"}])  # a cycle
    p = tmp_path / "cycle.plan.json"
    p.write_text(json.dumps(broken), encoding="utf-8")
    assert main(["analyze", str(p), "--explain", "c"]) == 1
    out = capsys.readouterr().out
    assert "Why 'Charlie' (c)" in out and "No schedule: the plan has errors" in out.split("Why 'Charlie'")[1]
    assert main(["analyze", str(p), "--explain", "c", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["explanations"] == [
        {"id": "c", "error": "no schedule: the plan has errors to fix first"}
    ]
