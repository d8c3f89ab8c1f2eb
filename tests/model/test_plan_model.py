"""The plan model (SPEC §2): durations, estimates, ids, defaults and validated edits."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from planner.model import (
    ID_PATTERN,
    Decision,
    Dependency,
    ThreePoint,
    duration_triple,
    duration_value,
    new_plan,
)


def test_number_duration_is_all_three_estimates() -> None:
    d = Decision(id="a", title="A", stage="validate", duration=3)
    assert [d.weeks(e) for e in ("optimistic", "likely", "pessimistic", "pert")] == [3, 3, 3, 3]
    assert duration_triple(d.duration) == (3, 3, 3)


def test_three_point_duration() -> None:
    tp = ThreePoint(optimistic=1, likely=2, pessimistic=6)
    assert duration_value(tp) == 2
    assert duration_value(tp, "optimistic") == 1
    assert duration_value(tp, "pessimistic") == 6
    assert duration_value(tp, "pert") == pytest.approx((1 + 8 + 6) / 6)
    assert duration_triple(tp) == (1, 2, 6)


@pytest.mark.parametrize("triple", [(3, 2, 4), (1, 5, 4), (-1, 0, 1)])
def test_three_point_must_be_ordered_and_non_negative(triple: tuple[int, int, int]) -> None:
    o, likely, p = triple
    with pytest.raises(ValidationError):
        ThreePoint(optimistic=o, likely=likely, pessimistic=p)


def test_milestone_defaults_to_zero_weeks() -> None:
    m = Decision.model_validate({"id": "m", "title": "M", "stage": "validate", "milestone": True})
    assert m.duration == 0
    assert m.weeks("pessimistic") == 0
    # A milestone's duration is 0 for scheduling even when one is (wrongly) given; validation reports it.
    assert Decision(id="m", title="M", stage="validate", milestone=True, duration=2).weeks() == 0
    assert Decision(id="a", title="A", stage="validate").duration == 1


@pytest.mark.parametrize("good", ["a", "A1", "value-case", "v1.2_final", "9", "x" * 64])
def test_good_ids(good: str) -> None:
    Decision(id=good, title="T", stage="validate")


@pytest.mark.parametrize("bad", ["", "-a", ".a", "_a", "has space", "é", "x" * 65, "a/b"])
def test_bad_ids(bad: str) -> None:
    with pytest.raises(ValidationError):
        Decision(id=bad, title="T", stage="validate")
    assert ID_PATTERN.startswith("^")


def test_dependency_defaults_and_alias() -> None:
    dep = Dependency.model_validate({"from": "a", "to": "b"})
    assert (dep.from_, dep.to, dep.type, dep.lag, dep.note) == ("a", "b", "FS", 0, "")
    assert dep.model_dump(by_alias=True)["from"] == "a"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("progress", 101),
        ("progress", -1),
        ("headcount", -1),
        ("not_before", -0.5),
        ("status", "finished"),
        ("duration", float("inf")),
        ("not_before", float("nan")),
        ("title", ""),
    ],
)
def test_edits_are_validated(field: str, value: object) -> None:
    d = Decision(id="a", title="A", stage="validate")
    with pytest.raises(ValidationError):
        setattr(d, field, value)


def test_non_finite_lag_is_refused() -> None:
    with pytest.raises(ValidationError, match="finite"):
        Dependency.model_validate({"from": "a", "to": "b", "lag": float("inf")})


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="extra"):
        Decision.model_validate({"id": "a", "title": "A", "stage": "validate", "titel": "x"})


def test_date_of() -> None:
    plan = new_plan()
    assert plan.date_of(3) is None
    plan.start_date = dt.date(2027, 1, 4)
    assert plan.date_of(0) == dt.date(2027, 1, 4)
    assert plan.date_of(2) == dt.date(2027, 1, 18)
    assert plan.date_of(3 / 7) == dt.date(2027, 1, 7)  # weeks may be fractional: 3 days
