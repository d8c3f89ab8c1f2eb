"""The plan model (SPEC §2): one pydantic v2 definition, from which the JSON Schema is generated.

Structural rules (types, ranges, unknown fields, id syntax) are enforced here and make a file fail to load.
Referential rules (unknown ids, cycles, duplicates) are deliberately *not* enforced here: a plan with such
problems still loads so the user can fix it, and :func:`planner.analysis.validate` reports them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Final, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from planner.model import limits as L
from planner.units import week_to_date

SCHEMA_VERSION: Final = 1
"""The newest plan file version this program reads and writes."""

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"

Id = Annotated[str, Field(pattern=ID_PATTERN, description="Identifier, unique within its list.")]

# Bounded types (planner.model.limits): every number and string a file can hold has a documented maximum.
Weeks = Annotated[float, Field(ge=0, le=L.MAX_WEEKS)]
Name = Annotated[str, Field(min_length=1, max_length=L.MAX_NAME_CHARS)]
ShortText = Annotated[str, Field(max_length=L.MAX_NAME_CHARS)]
Text = Annotated[str, Field(max_length=L.MAX_TEXT_CHARS)]
Ref = Annotated[str, Field(max_length=L.MAX_NAME_CHARS)]
ScheduleWeeks = Annotated[float, Field(ge=-L.MAX_SCHEDULE_WEEKS, le=L.MAX_SCHEDULE_WEEKS)]
Coordinate = Annotated[float, Field(ge=-L.MAX_COORDINATE, le=L.MAX_COORDINATE)]


def _date_text(value: Any) -> Any:
    # A decision is validated after its "before" model validator, i.e. as Python input, where strict mode reads
    # no date from text; an ISO date string is turned into a date here (anything else is left to the union).
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


DateOrWeeks = Annotated[dt.date | Weeks, BeforeValidator(_date_text)]
"""A point in time: an ISO date (placed with the plan's ``start_date``) or weeks from the plan start."""


class _Strict(BaseModel):
    """Base for every plan object: unknown fields are errors, assignments are validated, and numbers are finite
    (Python's JSON reader accepts ``NaN`` and ``Infinity``; a week count of infinity breaks every schedule).

    ``defer_build``: a model's validator is built when it is first used, not when this module is imported. Built at
    import, each of the ~20 models compiled its own validator (nested ones again inside their parents'), ~18 ms of
    every command's start; loading a plan builds the plan's alone, ~10 ms (issue 12)."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, populate_by_name=True, allow_inf_nan=False, defer_build=True
    )


class ThreePoint(_Strict):
    """A three-point estimate in weeks, ``0 <= optimistic <= likely <= pessimistic``."""

    optimistic: Weeks
    likely: Weeks
    pessimistic: Weeks

    @model_validator(mode="after")
    def _ordered(self) -> ThreePoint:
        if not (self.optimistic <= self.likely <= self.pessimistic):
            raise ValueError(
                f"estimates must satisfy optimistic <= likely <= pessimistic "
                f"(got {self.optimistic:g} / {self.likely:g} / {self.pessimistic:g})"
            )
        return self

    def value(self, estimate: str = "likely") -> float:
        """The duration in weeks under ``estimate`` (likely, optimistic, pessimistic or pert)."""
        return three_point_value(self, estimate)


def three_point_value(three: Any, estimate: str = "likely") -> float:
    """The weeks a three-point estimate (a :class:`ThreePoint`, or its row in :mod:`planner.model.rows`) stands for
    under ``estimate``."""
    if estimate == "pert":
        return float((three.optimistic + 4 * three.likely + three.pessimistic) / 6)
    return float(getattr(three, estimate))


Duration = Weeks | ThreePoint
"""Weeks: a number (all three estimates equal) or a three-point estimate."""


def duration_value(duration: Duration, estimate: str = "likely") -> float:
    """The number of weeks ``duration`` stands for under ``estimate``."""
    if isinstance(duration, int | float):
        return float(duration)
    return three_point_value(duration, estimate)  # a ThreePoint, or its row (planner.model.rows)


def duration_triple(duration: Duration) -> tuple[float, float, float]:
    """(optimistic, likely, pessimistic) in weeks."""
    if isinstance(duration, int | float):
        d = float(duration)
        return d, d, d
    return duration.optimistic, duration.likely, duration.pessimistic  # a ThreePoint, or its row


MILESTONE_DURATION: Final = 0.0
"""The duration of a milestone written without one (other decisions default to the field's 1 week)."""


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"


class DependencyType(StrEnum):
    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"


class CostCategory(StrEnum):
    """What a decision's one-off cost and run rate buy (labour from team rates is always ``people``)."""

    PEOPLE = "people"
    CLOUD = "cloud"
    VENDOR = "vendor"
    OTHER = "other"


class GateCriterion(_Strict):
    text: Name
    met: bool = False


class Stage(_Strict):
    id: Id
    name: Name
    goal: Text = ""
    gate_criteria: list[GateCriterion] = Field(default_factory=list, max_length=L.MAX_LIST_ITEMS)


class Area(_Strict):
    id: Id
    name: Name
    color: str | None = Field(default=None, pattern=r"^#[0-9A-Fa-f]{6}$")


class Team(_Strict):
    id: Id
    name: Name
    capacity: float | None = Field(
        default=None, ge=0, le=L.MAX_CAPACITY, description="People available per week."
    )
    rate: float | None = Field(
        default=None,
        ge=0,
        le=L.MAX_COST,
        description="Cost of one person-week of this team, in the plan's currency.",
    )


class Decision(_Strict):
    id: Id
    title: str = Field(min_length=1, max_length=L.MAX_NAME_CHARS)
    area: Ref | None = None
    stage: Ref
    owner: Ref | None = None
    duration: Duration = 1.0
    headcount: float = Field(default=1.0, ge=0, le=L.MAX_HEADCOUNT)
    cost: float | None = Field(default=None, ge=0, le=L.MAX_COST)
    cost_category: CostCategory = Field(
        default=CostCategory.OTHER,
        description="What the one-off cost and run rate buy (people, cloud, vendor, other).",
    )
    run_rate: float | None = Field(
        default=None,
        ge=0,
        le=L.MAX_COST,
        description="Running cost per week from the decision's finish to the plan horizon.",
    )
    status: Status = Status.NOT_STARTED
    progress: float = Field(default=0.0, ge=0, le=100)
    not_before: Weeks | None = Field(default=None, description="Earliest start, weeks from plan start.")
    actual_start: DateOrWeeks | None = Field(
        default=None,
        description="When work really started: a date (needs start_date) or weeks from the plan start.",
    )
    actual_finish: DateOrWeeks | None = Field(
        default=None,
        description="When a done decision really finished: a date (needs start_date) or weeks from the plan start.",
    )
    milestone: bool = False
    references: list[ShortText] = Field(default_factory=list, max_length=L.MAX_LIST_ITEMS)
    tags: list[ShortText] = Field(default_factory=list, max_length=L.MAX_LIST_ITEMS)
    notes: Text = ""

    def model_post_init(self, context: Any, /) -> None:
        # A milestone written without a duration means 0 weeks, not the 1-week default. (After construction, not a
        # "before" model validator: that one made pydantic turn every decision's JSON into a Python dict first,
        # a third of a 100k-decision plan's load time; issue 12. Assignments do not come here.)
        if self.milestone and "duration" not in self.__pydantic_fields_set__:
            self.__dict__["duration"] = MILESTONE_DURATION
            self.__pydantic_fields_set__.add("duration")

    def weeks(self, estimate: str = "likely") -> float:
        """Duration in weeks under ``estimate``; a milestone is always 0."""
        return 0.0 if self.milestone else duration_value(self.duration, estimate)


class Dependency(_Strict):
    from_: Ref = Field(alias="from", description="The predecessor's id.")
    to: Ref = Field(description="The successor's id.")
    type: DependencyType = DependencyType.FS
    lag: float = Field(default=0.0, ge=-L.MAX_WEEKS, le=L.MAX_WEEKS, description="Weeks; negative is a lead.")
    note: Text = ""


class Risk(_Strict):
    id: Id
    title: Name
    probability: float = Field(ge=0, le=1)
    impact: Duration = Field(description="Weeks of delay added to each of its decisions when it fires.")
    decisions: list[Ref] = Field(default_factory=list, max_length=L.MAX_DECISIONS)
    mitigation: Text = ""
    owner: Ref | None = None


class BaselineEntry(_Strict):
    start: ScheduleWeeks
    finish: ScheduleWeeks


class Baseline(_Strict):
    name: Name
    created: dt.datetime | None = None
    finish: ScheduleWeeks
    decisions: dict[str, BaselineEntry] = Field(default_factory=dict, max_length=L.MAX_DECISIONS)
    gates: dict[str, ScheduleWeeks] = Field(
        default_factory=dict,
        max_length=L.MAX_STAGES,
        description="Each stage's gate (gated finish) in weeks when the baseline was taken, by stage id.",
    )
    stages: dict[str, BaselineEntry] = Field(
        default_factory=dict,
        max_length=L.MAX_STAGES,
        description=(
            "Each stage's window (its decisions' earliest start and latest finish, weeks) when the baseline was "
            "taken, by stage id. Without it (older files) a stage's baseline finish is read from the decisions it "
            "holds today."
        ),
    )


# -- scenarios (issue 13) -----------------------------------------------------------------------------------
class DecisionOverride(_Strict):
    """What a scenario changes on one decision of the base plan. A field left out keeps the base value (a
    scenario cannot clear a field; an earliest start of 0 is the same as none)."""

    duration: Duration | None = None
    stage: str | None = None
    owner: str | None = None
    headcount: float | None = Field(default=None, ge=0, le=L.MAX_HEADCOUNT)
    not_before: Weeks | None = None
    cost: float | None = Field(default=None, ge=0, le=L.MAX_COST)


class TeamOverride(_Strict):
    """A scenario's capacity for one team (people per week)."""

    capacity: float | None = Field(default=None, ge=0, le=L.MAX_CAPACITY)


class RiskOverride(_Strict):
    """A scenario's probability and/or impact (weeks) for one risk of the register."""

    probability: float | None = Field(default=None, ge=0, le=1)
    impact: Duration | None = None


class LinkRef(_Strict):
    """A dependency of the base plan named by its ends (every base link from ``from`` to ``to``)."""

    from_: str = Field(alias="from")
    to: str


class Scenario(_Strict):
    """A named set of overrides on the base plan, materialised as a plan by
    :func:`planner.model.scenarios.materialise` (decisions dropped first, then overrides, then additions)."""

    name: str = Field(min_length=1, max_length=100)
    description: str = ""
    decisions: dict[str, DecisionOverride] = Field(
        default_factory=dict, description="Overrides by decision id."
    )
    teams: dict[str, TeamOverride] = Field(default_factory=dict, description="Overrides by team id.")
    risks: dict[str, RiskOverride] = Field(default_factory=dict, description="Overrides by risk id.")
    add_decisions: list[Decision] = Field(default_factory=list)
    drop_decisions: list[str] = Field(
        default_factory=list, description="Base decision ids left out, with links."
    )
    add_dependencies: list[Dependency] = Field(default_factory=list)
    remove_dependencies: list[LinkRef] = Field(default_factory=list)


class Position(_Strict):
    x: Coordinate
    y: Coordinate


AIRole = Literal["provider", "deployer"]
RiskTier = Literal["prohibited", "high-risk", "limited", "minimal"]
AI_ROLES: Final[tuple[str, ...]] = get_args(AIRole)
"""The organisation's roles under the EU AI Act (``ai_system.role``)."""
RISK_TIERS: Final[tuple[str, ...]] = get_args(RiskTier)
"""The EU AI Act risk tiers (``ai_system.risk_tier``)."""
COVERAGE_FRAMEWORKS: Final[tuple[str, ...]] = ("nist", "iso42001", "euaiact")
"""The frameworks whose items a decision's references can cover (planner.analysis.coverage; here, with the role
and tier vocabularies, so the command line can offer them without importing the analysis)."""


class AISystem(_Strict):
    """The AI system the plan delivers, as the regulatory coverage check sees it (docs/cost-and-coverage.md)."""

    role: AIRole | None = Field(default=None, description="The organisation's role under the EU AI Act.")
    risk_tier: RiskTier | None = Field(default=None, description="The system's EU AI Act risk tier.")
    annex_i_product: bool = Field(
        default=False, description="High-risk as a safety component of an Annex I product (later dates)."
    )
    general_purpose: bool = Field(
        default=False, description="The organisation provides a general-purpose AI model."
    )
    systemic_risk: bool = Field(
        default=False, description="That general-purpose model has systemic risk (Art. 55)."
    )
    go_live: str | None = Field(
        default=None,
        description="Id of the decision whose start is go-live; default: the last stage's start.",
    )


class Plan(_Strict):
    schema_version: Literal[1] = Field(description="Plan file format version.")
    title: str = Field(min_length=1, max_length=L.MAX_TITLE_CHARS)
    description: Text = ""
    start_date: dt.date | None = None
    status_date: dt.date | Weeks | None = Field(
        default=None,
        description="The date progress was recorded up to ('today' for the plan): a date (needs start_date) "
        "or weeks from the plan start. Work not done is scheduled from it (docs/progress-and-status-date.md).",
    )
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    budget: float | None = Field(
        default=None, ge=0, le=L.MAX_COST, description="Total budget, in the plan's currency."
    )
    target: dt.date | ScheduleWeeks | None = Field(
        default=None, description="Target finish: a date, or weeks from the plan start."
    )
    cost_of_delay: float | None = Field(
        default=None,
        ge=0,
        le=L.MAX_COST,
        description="Cost of each week the finish is later than the target.",
    )
    horizon: float | None = Field(
        default=None,
        ge=0,
        le=L.MAX_SCHEDULE_WEEKS,
        description="Weeks from the plan start up to which run rates are counted.",
    )
    ai_system: AISystem | None = Field(
        default=None, description="Role and risk tier, for the coverage check."
    )
    stages: list[Stage] = Field(min_length=1, max_length=L.MAX_STAGES)
    areas: list[Area] = Field(default_factory=list, max_length=L.MAX_AREAS)
    teams: list[Team] = Field(default_factory=list, max_length=L.MAX_TEAMS)
    decisions: list[Decision] = Field(max_length=L.MAX_DECISIONS)
    dependencies: list[Dependency] = Field(default_factory=list, max_length=L.MAX_DEPENDENCIES)
    risks: list[Risk] = Field(default_factory=list, max_length=L.MAX_RISKS)
    baselines: list[Baseline] = Field(default_factory=list, max_length=L.MAX_BASELINES)
    scenarios: list[Scenario] = Field(
        default_factory=list, description="Named alternatives to the plan, each a set of overrides on it."
    )
    layout: dict[str, Position] = Field(
        default_factory=dict,
        max_length=L.MAX_DECISIONS,
        description="Graph-canvas card positions by decision id (set by the app).",
    )
    extensions: dict[str, Any] = Field(default_factory=dict, description="Kept verbatim; for other tools.")

    # -- convenience lookups (not persisted) -------------------------------------------------------
    def decision(self, decision_id: str) -> Decision | None:
        return next((d for d in self.decisions if d.id == decision_id), None)

    def baseline(self, name: str | None = None) -> Baseline | None:
        """The baseline called ``name`` (the first of the same :func:`planner.model.names.name_key`: names alike to
        the eye are one name, whatever their Unicode form), or the most recently added one when ``name`` is None."""
        if name is None:
            return self.baselines[-1] if self.baselines else None
        from planner.model.names import name_key

        key = name_key(name)
        return next((b for b in self.baselines if name_key(b.name) == key), None)

    def stage_index(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.stages)}

    def date_of(self, week: float) -> dt.date | None:
        """Calendar date of ``week`` weeks after the plan start, or None without a start date."""
        return week_to_date(self.start_date, week)


_ATOMS = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})


def structural_copy(value: Any) -> Any:
    """A deep copy of plan data -- models, lists, dicts and immutable values (text, numbers, dates, enum members) --
    that shares nothing mutable with ``value``: what ``model_copy(deep=True)`` gives, several times faster (it goes
    through ``copy.deepcopy``'s generic machinery object by object: ~0.43 s for a 10,000-decision plan, this ~0.1 s;
    issue 12). Anything else is handed to ``copy.deepcopy``.

    >>> plan = new_plan("P")
    >>> twin = structural_copy(plan)
    >>> twin == plan, twin is plan, twin.stages[0] is plan.stages[0], twin.stages is plan.stages
    (True, False, False, False)
    """
    kind = type(value)
    if kind in _ATOMS or isinstance(value, StrEnum):
        return value
    if isinstance(value, BaseModel):
        new = object.__new__(kind)
        atoms = _ATOMS
        setattr_ = object.__setattr__
        setattr_(
            new,
            "__dict__",
            {
                k: v if type(v) in atoms or isinstance(v, StrEnum) else structural_copy(v)
                for k, v in value.__dict__.items()
            },
        )
        setattr_(new, "__pydantic_fields_set__", set(value.__pydantic_fields_set__))
        setattr_(new, "__pydantic_extra__", structural_copy(value.__pydantic_extra__))
        setattr_(new, "__pydantic_private__", structural_copy(value.__pydantic_private__))
        return new
    if kind is list:
        return [structural_copy(v) for v in value]
    if kind is dict:
        return {k: structural_copy(v) for k, v in value.items()}
    import copy

    return copy.deepcopy(value)


DEFAULT_STAGES = [
    ("validate", "Validate", "Prove business value and feasibility, not just that a model works."),
    (
        "integrate",
        "Integrate",
        "Connect to real workflows and systems; modular architecture, not a monolith.",
    ),
    (
        "operationalize",
        "Operationalize",
        "Reliable, elastic and compliant: model CI/CD, drift detection and retraining, data quality.",
    ),
    ("scale", "Scale", "Broad impact across the business: shared platform, operating model, capability."),
]

DEFAULT_AREAS = [
    ("architecture", "Architecture", "#0072B2"),
    ("infrastructure", "Infrastructure", "#E69F00"),
    ("engineering-workflows", "Engineering workflows", "#009E73"),
    ("data", "Data", "#56B4E9"),
    ("governance", "Governance", "#CC79A7"),
    ("compliance", "Compliance", "#D55E00"),
    ("organization", "Organization", "#F0E442"),
    ("team-capability", "Team capability", "#999999"),
]


def new_plan(title: str = "Untitled plan") -> Plan:
    """An empty plan with the four standard stages and eight areas."""
    return Plan(
        schema_version=SCHEMA_VERSION,
        title=title,
        stages=[Stage(id=i, name=n, goal=g) for i, n, g in DEFAULT_STAGES],
        areas=[Area(id=i, name=n, color=c) for i, n, c in DEFAULT_AREAS],
        decisions=[],
    )
