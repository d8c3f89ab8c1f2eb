"""Session 28, issue 12: what the read-only commands build and run before they need it.

- The plan models build their validators at first use (``defer_build``), not at import: a command that loads a
  plan builds the plan's alone, where the import compiled all ~20 models' (each nested one again in its parents').
- The row structs still refuse any model setting they do not apply; ``defer_build`` is not one of those.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field

from planner.model import load_plan
from planner.model import rows as R
from planner.model.plan import Plan

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "bank-assistant.plan.json"


def _in_child(code: str) -> object:
    """The JSON value ``code`` prints, run in a fresh interpreter (what was built at import is per process)."""
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, timeout=120
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


_BUILT = (
    "import json, planner.model.plan as P\n"
    "from pydantic import BaseModel\n"
    "models = [v for v in vars(P).values() if isinstance(v, type) and issubclass(v, BaseModel)\n"
    "          and v.__module__ == P.__name__]\n"
    "built = lambda: sorted(m.__name__ for m in models if m.__pydantic_complete__)\n"
)


def test_importing_the_model_builds_no_validator() -> None:
    built = _in_child(_BUILT + "print(json.dumps([len(models), built()]))")
    assert isinstance(built, list)
    count, names = built
    assert count >= 15  # the plan's models were found (Plan, Decision, Dependency, Stage, Team, ...)
    assert names == []


def test_a_command_load_builds_the_plans_validator_alone() -> None:
    code = (
        _BUILT
        + "from planner.model import load_plan\n"
        + f"load_plan({str(SAMPLE)!r}, rows=True)\n"
        + "print(json.dumps(built()))"
    )
    assert _in_child(code) == ["Plan"]


def test_deferred_models_refuse_what_they_refused() -> None:
    # a model built at first use by an assignment, a construction and a load: the same rules as ever
    plan = load_plan(SAMPLE)
    decision = plan.decisions[0]
    with pytest.raises(ValueError, match="greater than or equal to 0"):
        decision.duration = -1.0
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        type(decision).model_validate({**decision.model_dump(by_alias=True), "colour": "red"})
    with pytest.raises(ValueError, match="finite number"):
        Plan.model_validate_json(
            SAMPLE.read_text(encoding="utf-8").replace(
                '"schema_version": 1', '"schema_version": 1, "budget": NaN'
            ),
        )


def test_the_row_structs_take_a_deferred_build_and_still_refuse_other_settings() -> None:
    strict = {
        "extra": "forbid",
        "validate_assignment": True,
        "populate_by_name": True,
        "allow_inf_nan": False,
    }

    class Deferred(BaseModel):
        model_config = ConfigDict(**strict, defer_build=True)  # type: ignore[typeddict-item]
        x: float = Field(default=0.0, ge=0, le=1)

    class Built(BaseModel):
        model_config = ConfigDict(**strict)  # type: ignore[typeddict-item]
        x: float = Field(default=0.0, ge=0, le=1)

    deferred, built = R.row_struct(Deferred), R.row_struct(Built)
    assert deferred.__struct_fields__ == built.__struct_fields__
    assert deferred.__struct_defaults__ == built.__struct_defaults__

    class DeferredAndStripped(BaseModel):
        model_config = ConfigDict(**strict, defer_build=True, str_strip_whitespace=True)  # type: ignore[typeddict-item]
        x: str = ""

    with pytest.raises(TypeError, match="str_strip_whitespace"):
        R.row_struct(DeferredAndStripped)
