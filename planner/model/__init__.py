"""The plan model, its JSON Schema, schema migrations, and loading/saving (no Qt)."""

from typing import TYPE_CHECKING

from planner.model.io import (
    PlanLoadError,
    dump_plan,
    load_plan,
    load_plan_bytes,
    parse_plan,
    plan_from_dict,
    plan_to_dict,
    save_plan,
    write_text_atomic,
)
from planner.model.plan import (
    DEFAULT_AREAS,
    DEFAULT_STAGES,
    ID_PATTERN,
    SCHEMA_VERSION,
    AISystem,
    Area,
    Baseline,
    BaselineEntry,
    CostCategory,
    Decision,
    DecisionOverride,
    Dependency,
    DependencyType,
    Duration,
    GateCriterion,
    LinkRef,
    Plan,
    Position,
    Risk,
    RiskOverride,
    Scenario,
    Stage,
    Status,
    Team,
    TeamOverride,
    ThreePoint,
    duration_triple,
    duration_value,
    new_plan,
)

__all__ = [
    "DEFAULT_AREAS",
    "DEFAULT_STAGES",
    "ID_PATTERN",
    "SCHEMA_VERSION",
    "Area",
    "Baseline",
    "BaselineEntry",
    "Decision",
    "Dependency",
    "DependencyType",
    "Duration",
    "GateCriterion",
    "Plan",
    "PlanLoadError",
    "Position",
    "Risk",
    "Stage",
    "Status",
    "Team",
    "ThreePoint",
    "dump_plan",
    "duration_triple",
    "duration_value",
    "load_plan",
    "load_plan_bytes",
    "new_plan",
    "parse_plan",
    "plan_from_dict",
    "plan_json_schema",
    "plan_to_dict",
    "save_plan",
    "schema_path",
    "write_text_atomic",
    # cost and coverage (issue 17)
    "AISystem",
    "CostCategory",
    # scenarios (issue 13)
    "DecisionOverride",
    "LinkRef",
    "RiskOverride",
    "Scenario",
    "TeamOverride",
]

if TYPE_CHECKING:
    from planner.model.schema import plan_json_schema, schema_path


def __getattr__(name: str) -> object:
    """``plan_json_schema`` and ``schema_path`` from :mod:`planner.model.schema`, imported when first asked for:
    so that ``python -m planner.model.schema`` (which regenerates the shipped schema) runs the module once, not
    after the package has already imported it (Python warns of "unpredictable behaviour" then)."""
    if name in ("plan_json_schema", "schema_path"):
        from planner.model import schema

        return getattr(schema, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
