"""The shipped JSON Schema matches the model, and the bundled plans load cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.model import load_plan, plan_json_schema, schema_path
from planner.model.schema import schema_text
from planner.templates import load_template, template_names

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PLANS = sorted((REPO_ROOT / "sample_plans").glob("*.plan.json"))


def test_shipped_schema_is_up_to_date() -> None:
    shipped = schema_path().read_text(encoding="utf-8")
    assert shipped == schema_text(), (
        f"{schema_path()} is stale: the plan model changed but the shipped JSON Schema did not. "
        "Regenerate it with `python -m planner.model.schema` and commit the result."
    )


def test_schema_describes_the_file_format() -> None:
    schema = plan_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False  # unknown fields are errors
    assert set(schema["required"]) == {"schema_version", "title", "stages", "decisions"}
    dependency = schema["$defs"]["Dependency"]
    assert "from" in dependency["properties"] and "from_" not in dependency["properties"]
    assert schema_path().name == "plan.schema.v1.json"
    assert json.loads(schema_path().read_text(encoding="utf-8")) == schema


@pytest.mark.parametrize("path", SAMPLE_PLANS, ids=[p.name for p in SAMPLE_PLANS])
def test_sample_plans_load_without_errors(path: Path) -> None:
    result = analyze(load_plan(path))
    assert result.errors == [], [f.message for f in result.errors]
    assert result.ok and result.schedule is not None and result.schedule.finish > 0


def test_there_are_sample_plans() -> None:
    assert len(SAMPLE_PLANS) >= 1


@pytest.mark.parametrize("name", template_names())
def test_templates_load_without_errors(name: str) -> None:
    result = analyze(load_template(name))
    assert result.errors == [], [f.message for f in result.errors]
    assert result.ok


def test_the_templates_the_spec_names_exist() -> None:
    assert {"ai-scaling", "blank"} <= set(template_names())
