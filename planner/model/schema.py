"""The plan file's JSON Schema, generated from the pydantic model and shipped in ``planner/resources``."""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from planner.model.plan import SCHEMA_VERSION, Plan


def schema_path() -> Traversable:
    """The shipped schema (package data, read through :mod:`importlib.resources` so a zipped or frozen install
    finds it too)."""
    return resources.files("planner").joinpath("resources", f"plan.schema.v{SCHEMA_VERSION}.json")


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file as written to disk (aliases, e.g. ``from``)."""
    schema = Plan.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://scaling-roadmap-planner.example/plan.schema.v{SCHEMA_VERSION}.json"
    return schema


def schema_text() -> str:
    return json.dumps(plan_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m planner.model.schema  regenerates the shipped file
    with resources.as_file(schema_path()) as target:  # a source checkout: the file itself
        target.write_text(schema_text(), encoding="utf-8")
        print(f"wrote {target}")
