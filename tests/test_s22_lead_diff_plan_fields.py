"""`planner diff` names every plan-level change (session 22). It compared only the title, description, start date
and currency: a status date set, a budget cut, a new target, the stages put in another order, an area or a baseline
added all read as "No changes" or went unsaid, though each moves the figures printed under them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.model import Plan
from planner.model.diff import diff_plans


def _raw() -> dict[str, object]:
    return {
        "schema_version": 1,
        "title": "Diff me",
        "start_date": "2027-01-04",
        "budget": 1000,
        "stages": [{"id": "v", "name": "Validate"}, {"id": "i", "name": "Integrate"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "v", "duration": 2},
            {"id": "b", "title": "B", "stage": "i", "duration": 3},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
    }


def _changed() -> dict[str, object]:
    raw = _raw()
    raw.update(
        status_date="2027-02-01",
        budget=800,
        target=10,
        cost_of_delay=50,
        stages=list(reversed(raw["stages"])),  # type: ignore[call-overload]
        areas=[{"id": "data", "name": "Data"}],
        baselines=[{"name": "Signed off", "finish": 5, "decisions": {}}],
    )
    return raw


def test_plan_fields_order_areas_and_baselines() -> None:
    d = diff_plans(Plan.model_validate(_raw()), Plan.model_validate(_changed()))
    assert d.plan == {
        "status_date": {"a": None, "b": "2027-02-01"},
        "budget": {"a": 1000.0, "b": 800.0},
        "target": {"a": None, "b": 10.0},
        "cost_of_delay": {"a": None, "b": 50.0},
        "stage_order": {"a": ["v", "i"], "b": ["i", "v"]},
    }
    assert d.areas.added == ["data"] and d.baselines["added"] == ["Signed off"]
    assert not d.empty
    same = diff_plans(Plan.model_validate(_raw()), Plan.model_validate(_raw()))
    assert same.empty and same.plan == {}


def test_cli_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.plan.json", tmp_path / "b.plan.json"
    a.write_text(json.dumps(_raw()), encoding="utf-8")
    b.write_text(json.dumps(_changed()), encoding="utf-8")
    assert main(["diff", str(a), str(b), "-n", "0"]) == 0
    out = capsys.readouterr().out
    for line in (
        "  plan status_date: null -> '2027-02-01'",
        "  plan budget: 1000 -> 800",
        '  plan stage_order: ["v", "i"] -> ["i", "v"]',
        "  + area data",
        "  + baseline 'Signed off'",
    ):
        assert line in out.splitlines()
    assert main(["diff", str(a), str(b), "-n", "0", "--format", "json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert changes["plan"]["target"] == {"a": None, "b": 10.0}
    assert changes["areas"]["added"] == ["data"]
    assert changes["baselines"] == {"added": ["Signed off"], "removed": [], "changed": []}
