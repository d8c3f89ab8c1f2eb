"""The row loader of the read-only commands (issue 12; planner.model.rows, ``load_plan(rows=True)``): the structs
are generated from the models, they accept exactly what the models accept (on hostile files too) with the same
values, a file they refuse gets the careful path's message, and the analysis and simulation of a plan loaded
as rows are those of the same plan loaded as models."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, field_validator

from benchmarks._plans import random_plan_dict
from benchmarks.same_results import _progress
from planner.analysis import analysis_to_dict, analyze
from planner.analysis.montecarlo import simulate
from planner.model import PlanLoadError, load_plan
from planner.model import rows as R
from planner.model.plan import Decision, Dependency, Plan, ThreePoint
from tests.fuzz_plans import base_plan, make_case

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "sample_plans").glob("*.plan.json"))


def _as_data(plan: Plan) -> dict[str, Any]:
    """The plan's content as JSON values, whichever way its decisions and dependencies were loaded."""

    def item(x: Any) -> Any:
        if isinstance(x, BaseModel):
            return x.model_dump(mode="json", by_alias=True)
        return msgspec.to_builtins(x)

    out = plan.model_dump(mode="json", by_alias=True, exclude={"decisions", "dependencies"})
    out["decisions"] = [item(d) for d in plan.decisions]
    out["dependencies"] = [item(d) for d in plan.dependencies]
    return out


def _load_both(path: Path) -> tuple[tuple[str, Any], tuple[str, Any]]:
    results: list[tuple[str, Any]] = []
    for rows in (False, True):
        try:
            plan = load_plan(path, rows=rows)
        except PlanLoadError as exc:
            results.append(("error", str(exc)))
        else:
            results.append(("ok", _as_data(plan)))
    return results[0], results[1]


def _write(tmp_path: Path, data: Any, name: str = "p.plan.json") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())
    return path


# -- the structs are the models' -------------------------------------------------------------------------------
@pytest.mark.parametrize("model", [Decision, Dependency, ThreePoint])
def test_the_structs_have_the_models_fields_names_and_defaults(model: type[BaseModel]) -> None:
    struct = R.row_struct(model)
    assert struct.__struct_fields__ == tuple(model.model_fields)
    assert struct.__struct_encode_fields__ == tuple(i.alias or n for n, i in model.model_fields.items())
    defaults = dict(
        zip(
            struct.__struct_fields__[-len(struct.__struct_defaults__) :],
            struct.__struct_defaults__,
            strict=False,
        )
    )
    for name, info in model.model_fields.items():
        if info.is_required():
            assert defaults.get(name, msgspec.NODEFAULT) is msgspec.NODEFAULT
        elif name == "duration" and model is Decision:
            assert defaults[name] is msgspec.UNSET  # the loader fills in 1 week, or 0 for a milestone
        elif info.default_factory is not None:
            assert defaults[name].factory is info.default_factory
        else:
            assert defaults[name] == info.default


def test_a_validator_the_loader_does_not_apply_is_an_error_at_import() -> None:
    class Odd(BaseModel):
        x: float

        @field_validator("x")
        @classmethod
        def _x(cls, v: float) -> float:
            return v

    with pytest.raises(TypeError, match="Odd._x"):
        R.row_struct(Odd)


# -- the same plan, or the same message ------------------------------------------------------------------------
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_sample_loads_as_rows_with_the_same_content(path: Path) -> None:
    plan = load_plan(path, rows=True)
    assert type(plan.decisions[0]) is R.DecisionRow
    assert type(plan.dependencies[0]) is R.DependencyRow
    models, rows = _load_both(path)
    assert rows == models


EDGE_CASES: list[tuple[str, Any]] = [
    ("an id ending in a newline", lambda d: d["decisions"][0].update(id="d1\n")),
    (
        "the `from_` spelling of `from`",
        lambda d: d["dependencies"][0].update(from_=d["dependencies"][0].pop("from")),
    ),
    ("a compact ISO date", lambda d: d["decisions"][0].update(status="in_progress", actual_start="20270104")),
    (
        "a date as RFC 3339",
        lambda d: d["decisions"][0].update(status="in_progress", actual_start="2027-01-04"),
    ),
    (
        "a milestone without a duration",
        lambda d: (d["decisions"][0].update(milestone=True), d["decisions"][0].pop("duration", None)),
    ),
    ("a milestone with a duration", lambda d: d["decisions"][0].update(milestone=True, duration=2)),
    (
        "estimates out of order",
        lambda d: d["decisions"][0].update(duration={"optimistic": 3, "likely": 2, "pessimistic": 4}),
    ),
    (
        "an unknown field in an estimate",
        lambda d: d["decisions"][0].update(duration={"optimistic": 1, "likely": 2, "pessimistic": 3, "x": 1}),
    ),
    ("a bool for a number", lambda d: d["decisions"][0].update(headcount=True)),
    ("an int for a bool", lambda d: d["decisions"][0].update(milestone=1)),
    ("progress just over 100", lambda d: d["decisions"][0].update(progress=100.0001)),
    ("a status in capitals", lambda d: d["decisions"][0].update(status="DONE")),
    ("an unknown link type", lambda d: d["dependencies"][0].update(type="XX")),
    ("a lag beyond the limit", lambda d: d["dependencies"][0].update(lag=-10_000.5)),
    ("no decisions key", lambda d: d.pop("decisions")),
    ("decisions not a list", lambda d: d.update(decisions={"a": 1})),
    ("an empty title", lambda d: d["decisions"][0].update(title="")),
    ("a title of 301 characters", lambda d: d["decisions"][0].update(title="é" * 301)),
    ("a reference of 300 characters", lambda d: d["decisions"][0].update(references=["x" * 300])),
    ("an integer duration", lambda d: d["decisions"][0].update(duration=3)),
    ("a null owner", lambda d: d["decisions"][0].update(owner=None)),
    ("a stage given twice", lambda d: d["decisions"][0].update(stage="s0")),
]


@pytest.mark.parametrize("change", [c for _, c in EDGE_CASES], ids=[n for n, _ in EDGE_CASES])
def test_edge_cases_load_or_fail_as_the_models_do(tmp_path: Path, change: Any) -> None:
    data = base_plan(random.Random(7))
    assert data["decisions"] and data["dependencies"]
    change(data)
    models, rows = _load_both(_write(tmp_path, data))
    assert rows == models


def test_a_milestone_without_a_duration_is_zero_weeks_and_others_one(tmp_path: Path) -> None:
    data = base_plan(random.Random(7))
    first, second = data["decisions"][:2]
    first.update(milestone=True)
    first.pop("duration", None)
    second.pop("duration", None)
    second["milestone"] = False
    plan = load_plan(_write(tmp_path, data), rows=True)
    assert type(plan.decisions[0]) is R.DecisionRow
    assert plan.decisions[0].duration == 0.0 and plan.decisions[1].duration == 1.0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_a_hostile_file_loads_or_fails_as_the_models_do(tmp_path: Path, seed: int) -> None:
    path = _write(tmp_path, make_case(random.Random(seed)))
    models, rows = _load_both(path)
    assert rows == models


# -- the same figures ------------------------------------------------------------------------------------------
def _plans(tmp_path: Path) -> list[Path]:
    out = list(SAMPLES)
    for seed in range(4):
        data = random_plan_dict(300, seed=seed)
        if seed % 2:  # done, in-progress and blocked work, actual dates as dates and as weeks, a status date
            _progress(random.Random(seed), data)
        out.append(_write(tmp_path, data, f"r{seed}.plan.json"))
    return out


def test_the_analysis_of_rows_is_the_analysis_of_models(tmp_path: Path) -> None:
    for path in _plans(tmp_path):
        models, rows = load_plan(path), load_plan(path, rows=True)
        assert type(rows.decisions[0]) is R.DecisionRow, path
        for estimate in ("likely", "pert", "pessimistic"):
            assert analysis_to_dict(analyze(rows, estimate)) == analysis_to_dict(analyze(models, estimate)), (
                path
            )


def test_the_simulation_of_rows_is_the_simulation_of_models(tmp_path: Path) -> None:
    for path in _plans(tmp_path)[:5]:
        a = simulate(load_plan(path), 200, seed=5)
        b = simulate(load_plan(path, rows=True), 200, seed=5)
        assert json.dumps(a.to_dict(), sort_keys=True) == json.dumps(b.to_dict(), sort_keys=True), path


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_rows_read_like_the_models(path: Path) -> None:
    models, rows = load_plan(path), load_plan(path, rows=True)
    for estimate in ("optimistic", "likely", "pessimistic", "pert"):
        assert [d.weeks(estimate) for d in rows.decisions] == [d.weeks(estimate) for d in models.decisions]
        assert [d.duration.value(estimate) for d in rows.decisions if type(d.duration) is R.ThreeRow] == [
            d.duration.value(estimate) for d in models.decisions if isinstance(d.duration, ThreePoint)
        ]
    assert rows.decision(models.decisions[-1].id) is rows.decisions[-1]


# -- the worker's copy (planner.model.rows.read_only_copy) -------------------------------------------------------
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_read_only_copy_holds_the_plan_and_nothing_an_edit_reaches(path: Path) -> None:
    plan = load_plan(path)
    copy = R.read_only_copy(plan)
    data, expected = _as_data(copy), _as_data(plan)
    for left_out in (
        "layout",
        "scenarios",
        "extensions",
    ):  # neither the analysis nor the simulation reads them
        assert data.pop(left_out, {} if left_out != "scenarios" else []) in ({}, [])
        expected.pop(left_out, None)
    assert data == expected
    assert type(copy.decisions[0]) is R.DecisionRow and type(copy.dependencies[0]) is R.DependencyRow
    before = analysis_to_dict(analyze(copy))
    assert before == analysis_to_dict(analyze(plan))
    plan.decisions[0].title = "Edited in the GUI"  # the app goes on editing the original
    plan.decisions[0].duration = 99.0
    plan.stages[0].name = "Renamed"
    del plan.dependencies[0]
    assert copy.decisions[0].title != "Edited in the GUI" and copy.stages[0].name != "Renamed"
    assert analysis_to_dict(analyze(copy)) == before


def test_the_simulation_of_a_read_only_copy_is_the_plans(tmp_path: Path) -> None:
    for path in _plans(tmp_path)[:5]:
        plan = load_plan(path)
        a, b = simulate(plan, 200, seed=9), simulate(R.read_only_copy(plan), 200, seed=9)
        assert json.dumps(a.to_dict(), sort_keys=True) == json.dumps(b.to_dict(), sort_keys=True), path


@pytest.mark.parametrize("model", [Decision, Dependency, ThreePoint])
def test_the_rows_have_the_models_own_methods(model: type[BaseModel]) -> None:
    # What the analysis may call on a decision, a link or an estimate, it can call on a row (a method added to a
    # model and not to its row would fail in the command line only).
    own = {
        name
        for klass in model.__mro__
        if issubclass(klass, BaseModel) and klass is not BaseModel
        for name, value in vars(klass).items()
        if not name.startswith("_")
        and (callable(value) or isinstance(value, property))
        and name not in ("model_config", "model_post_init")
    }
    own -= set(vars(BaseModel))
    row = R.row_struct(model)
    assert {name for name in own if not hasattr(row, name)} == set()


def test_a_model_setting_the_rows_do_not_apply_is_an_error() -> None:
    from pydantic import ConfigDict, Field

    class Stripped(BaseModel):
        model_config = ConfigDict(
            extra="forbid",
            validate_assignment=True,
            populate_by_name=True,
            allow_inf_nan=False,
            str_strip_whitespace=True,
        )
        x: str = ""

    with pytest.raises(TypeError, match="str_strip_whitespace"):
        R.row_struct(Stripped)

    class Unbounded(BaseModel):
        model_config = ConfigDict(
            extra="forbid", validate_assignment=True, populate_by_name=True, allow_inf_nan=False
        )
        x: float = Field(default=0.0, ge=0)

    with pytest.raises(TypeError, match="unbounded float"):
        R.row_struct(Unbounded)


def test_a_file_without_dependencies_records_none_given(tmp_path: Path) -> None:
    data = base_plan(random.Random(7))
    data.pop("dependencies")
    path = _write(tmp_path, data)
    rows, models = load_plan(path, rows=True), load_plan(path)
    assert type(rows.decisions[0]) is R.DecisionRow
    assert rows.model_fields_set == models.model_fields_set and "dependencies" not in rows.model_fields_set
