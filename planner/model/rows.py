"""Decisions and dependencies as compact msgspec structs, for the commands that only read a plan (issue 12).

A 100,000-decision plan is ~400,000 pydantic objects: about 0.85 s to validate and 520 MB to hold, most of
``planner check`` on such a file. The commands that read a plan and never edit or save it (``check``, ``analyze``,
``simulate``, without ``--scenario``) load it with ``load_plan(path, rows=True)`` (:mod:`planner.model.io`): on the
fast path for a current, clean file, the plan's decisions and dependencies become the structs of this module
(validated by msgspec in C, a fraction of pydantic's time and memory) and the rest of the plan is the usual pydantic
:class:`~planner.model.plan.Plan`; any other file loads as models.

**One schema.** The structs are generated from the pydantic models (:func:`row_struct`), field by field: names,
aliases, defaults and every constraint (ranges, lengths, patterns, enums, unions, nested models). A type or
constraint the generator does not know is an error when this module is imported, and so is a validator on the
model that the loader does not apply (see ``_APPLIED_BY_LOADER``), so a change to the model cannot make the fast
path accept what the model refuses. ``tests/model/test_rows.py`` checks the generated structs against the models
and that on hostile inputs msgspec never accepts what pydantic refuses.

**Where they differ, msgspec is the stricter one** and the loader falls back to pydantic, which words the message:
dates are RFC 3339 ``YYYY-MM-DD`` only (Python's ``fromisoformat`` also reads ``20270104``); the ``from_`` spelling
of ``from`` (pydantic's ``populate_by_name``) is not read.

The rows read like the models (same attribute names; ``Decision.weeks``, ``ThreePoint.value``), so the analysis
takes them unchanged; a duration is told apart as a number or a three-point estimate, never by the model's class.
"""

from __future__ import annotations

import datetime as dt
import types
from enum import StrEnum
from typing import Annotated, Any, Final, Union, get_args, get_origin

import annotated_types as at
import msgspec
from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from planner.model import plan as _plan
from planner.model.plan import Decision, Dependency, Plan, ThreePoint, duration_value, three_point_value

# Validators of the models that the generated structs cannot run and the loader applies to the rows instead
# (``planner.model.io._apply_row_rules``): the three-point order, and a milestone's default duration.
_APPLIED_BY_LOADER: Final = {(ThreePoint, "_ordered")}
_POST_INIT_APPLIED_BY_LOADER: Final = {Decision}
# Before-validators whose input msgspec reads itself (stricter): ISO date text to a date.
_KNOWN_BEFORE: Final = {_plan._date_text}

# The models' configuration (plan._Strict) as the structs apply it: unknown fields refused (forbid_unknown_fields),
# no NaN or infinity (JSON has none, and every number has finite bounds), assignments validated and fields read by
# name or alias (for the models' own use: the rows are never assigned, and read ``from`` only, the stricter). Any
# other setting (stripping or lowering text, coercions...) is an error at import: the structs would not apply it.
# Ignored: the JSON Schema's title and extra keys, and when pydantic builds the validator (``defer_build``: at
# first use rather than at import), which changes nothing in what it accepts.
_CONFIG_TRANSLATED: Final = {
    "extra": "forbid",
    "validate_assignment": True,
    "populate_by_name": True,
    "allow_inf_nan": False,
}
_CONFIG_IGNORED: Final = frozenset({"title", "json_schema_extra", "defer_build"})

_BOUNDS = {
    at.Ge: "ge",
    at.Le: "le",
    at.Gt: "gt",
    at.Lt: "lt",
    at.MinLen: "min_length",
    at.MaxLen: "max_length",
}


def _meta(metadata: list[Any]) -> dict[str, Any]:
    """msgspec.Meta keywords for pydantic field metadata; anything else is an error."""
    out: dict[str, Any] = {}
    for m in metadata:
        kind = _BOUNDS.get(type(m))
        if kind is not None:
            out[kind] = getattr(m, kind)
            continue
        pattern = getattr(m, "pattern", None)
        if pattern is not None and type(m).__name__ == "_PydanticGeneralMetadata":
            # pydantic matches with Rust's regex, where ``$`` is the end of the text; Python's ``re.search`` (what
            # msgspec uses) also lets ``$`` match before a final newline: spell the end as ``\Z``.
            if pattern.endswith("$") and not pattern.endswith("\\$"):
                pattern = pattern[:-1] + r"\Z"
            out["pattern"] = pattern
            continue
        raise TypeError(f"no msgspec form for the constraint {m!r}")
    return out


def _constrained(kind: Any, metadata: list[Any]) -> Any:
    meta = _meta(metadata)
    return Annotated[kind, msgspec.Meta(**meta)] if meta else kind


def _type(annotation: Any, metadata: list[Any]) -> Any:
    """The msgspec type for a pydantic annotation with its field metadata."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        inner = list(metadata)
        for e in extra:
            if isinstance(e, FieldInfo):
                inner += e.metadata
            elif isinstance(e, BeforeValidator):
                if e.func not in _KNOWN_BEFORE:
                    raise TypeError(f"no msgspec form for the validator {e!r}")
            else:
                inner.append(e)
        return _type(base, inner)
    if origin in (Union, types.UnionType):
        members = get_args(annotation)
        scalar_meta = list(metadata)
        out: list[Any] = []
        for a in members:
            if a is type(None):
                out.append(a)
            elif isinstance(a, type) and issubclass(a, BaseModel):
                if scalar_meta:
                    raise TypeError(f"constraints {scalar_meta!r} on a union with a model")
                out.append(row_struct(a))
            else:
                out.append(_type(a, scalar_meta))
        return Union[tuple(out)]  # noqa: UP007 - built at run time
    if origin is list:
        (item,) = get_args(annotation)
        return _constrained(list[_type(item, [])], metadata)  # type: ignore[misc]
    if annotation in (str, float, bool):
        if annotation is float and not (
            {type(m) for m in metadata} & {at.Ge, at.Gt} and {type(m) for m in metadata} & {at.Le, at.Lt}
        ):
            raise TypeError(
                "an unbounded float: the structs rely on bounds to refuse infinity (allow_inf_nan)"
            )
        return _constrained(annotation, metadata)
    if annotation is dt.date and not metadata:
        return dt.date
    if isinstance(annotation, type) and issubclass(annotation, StrEnum) and not metadata:
        return annotation  # decoded by value, exactly as pydantic's strict JSON mode
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and not metadata:
        return row_struct(annotation)
    raise TypeError(f"no msgspec form for {annotation!r} with {metadata!r}")


class _ThreeRow(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    def value(self, estimate: str = "likely") -> float:
        """As :meth:`ThreePoint.value`."""
        return three_point_value(self, estimate)


class _DecisionRow(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    def weeks(self, estimate: str = "likely") -> float:
        """As :meth:`Decision.weeks`."""
        return 0.0 if self.milestone else duration_value(self.duration, estimate)  # type: ignore[attr-defined]


class _PlainRow(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    pass


_BASES: dict[type[BaseModel], type[msgspec.Struct]] = {ThreePoint: _ThreeRow, Decision: _DecisionRow}
_MADE: dict[type[BaseModel], type[msgspec.Struct]] = {}


def row_struct(model: type[BaseModel]) -> type[msgspec.Struct]:
    """The msgspec struct for ``model``: the same fields, aliases, defaults and constraints (made once)."""
    made = _MADE.get(model)
    if made is not None:
        return made
    decorators = model.__pydantic_decorators__
    for name in (*decorators.model_validators, *decorators.field_validators):
        if (model, name) not in _APPLIED_BY_LOADER:
            raise TypeError(f"{model.__name__}.{name}: a validator the row loader does not apply")
    if "model_post_init" in vars(model) and model not in _POST_INIT_APPLIED_BY_LOADER:
        raise TypeError(f"{model.__name__}.model_post_init: not applied by the row loader")
    config = {k: v for k, v in model.model_config.items() if k not in _CONFIG_IGNORED}
    if config != _CONFIG_TRANSLATED:
        raise TypeError(f"{model.__name__}.model_config {config!r}: settings the row structs do not apply")
    fields: list[tuple[Any, ...]] = []
    for name, info in model.model_fields.items():
        kind = _type(info.annotation, list(info.metadata))
        if info.default_factory is not None:
            default: Any = msgspec.field(default_factory=info.default_factory, name=info.alias)  # type: ignore[arg-type]
        elif info.default is PydanticUndefined:
            default = msgspec.field(name=info.alias) if info.alias else msgspec.NODEFAULT
        elif model is Decision and name == "duration":
            # unset: a milestone's default is 0 weeks (Decision.model_post_init); the loader fills it in
            kind = Union[kind, msgspec.UnsetType]  # noqa: UP007
            default = msgspec.field(default=msgspec.UNSET, name=info.alias)
        else:
            default = msgspec.field(default=info.default, name=info.alias)
        fields.append((name, kind) if default is msgspec.NODEFAULT else (name, kind, default))
    made = msgspec.defstruct(
        f"{model.__name__}Row",
        fields,
        bases=(_BASES.get(model, _PlainRow),),
        module=__name__,
        kw_only=True,
        forbid_unknown_fields=True,
        gc=False,
    )
    _MADE[model] = made
    return made


# The row loader validates the plan without its decisions and dependencies (pydantic, on the rest): a validator
# of the plan as a whole would see them missing.
if Plan.__pydantic_decorators__.model_validators or Plan.__pydantic_decorators__.field_validators:
    raise TypeError("Plan has a validator: the row loader validates the plan without its decisions")
if "model_post_init" in vars(Plan):
    raise TypeError("Plan.model_post_init: the row loader validates the plan without its decisions")

ThreeRow: Final = row_struct(ThreePoint)
DecisionRow: Final = row_struct(Decision)
DependencyRow: Final = row_struct(Dependency)
DECISION_ROWS: Final = _type(
    Plan.model_fields["decisions"].annotation, list(Plan.model_fields["decisions"].metadata)
)
"""``Plan.decisions`` as rows: a list of :data:`DecisionRow` with the plan's limit on its length."""
DEPENDENCY_ROWS: Final = _type(
    Plan.model_fields["dependencies"].annotation, list(Plan.model_fields["dependencies"].metadata)
)


def read_only_copy(plan: Plan) -> Plan:
    """A copy of ``plan`` for work that only reads it in another thread while the app goes on editing the original
    (the analysis of a large plan, a Monte Carlo run): its decisions and dependencies as rows, read from the models
    by msgspec in C (~25 ms at 10,000 decisions, against ~0.25 s for :func:`~planner.model.plan.structural_copy`,
    which holds the GIL meanwhile), and the other parts the analysis reads deep-copied as ``structural_copy`` does;
    the card layout, the scenarios and the extensions, which neither reads, are left out (empty). Nothing is shared
    with ``plan`` that an edit changes. Not for saving or editing.

    >>> from planner.model.plan import new_plan
    >>> copy = read_only_copy(new_plan("P"))
    >>> copy.title, copy.stages[0] == new_plan("P").stages[0], copy.decisions
    ('P', True, [])
    """
    from planner.model.plan import structural_copy

    rest = plan.model_copy(
        update={"decisions": [], "dependencies": [], "layout": {}, "scenarios": [], "extensions": {}}
    )
    decisions, dependencies = plan.decisions, plan.dependencies
    try:
        rows = msgspec.convert(decisions, DECISION_ROWS, from_attributes=True)
        links = msgspec.convert(dependencies, DEPENDENCY_ROWS, from_attributes=True)
    except msgspec.ValidationError:  # (a value only pydantic takes: never from the edit layer) a full copy
        return structural_copy(plan)
    copy: Plan = structural_copy(rest)
    copy.__dict__["decisions"] = rows
    copy.__dict__["dependencies"] = links
    return copy
