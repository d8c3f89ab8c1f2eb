"""A target given as a date in a plan without a start date is said, not dropped in silence (H-unseen22).

Before: `planner check` said '0 warnings' and `analyze` gave no cost of delay, no chance of meeting the target and
no target line, as if the plan had none (cost.target_week reads None without a start date), while a status date or
an actual date written as a date there is an error (date-needs-start-date). The schedule does not need the target,
so it is a warning, target-needs-start-date, which says what to do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.test_s18_unseen_one_truth import run


def _plan(tmp_path: Path, **extra: Any) -> str:
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "Target",
        "currency": "EUR",
        "cost_of_delay": 1000,
        "stages": [{"id": "validate", "name": "Validate"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "validate", "duration": 2, "cost": 100},
            {"id": "b", "title": "B", "stage": "validate", "duration": 3},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
        **extra,
    }
    path = tmp_path / "t.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _figures(path: str) -> tuple[list[str], float]:
    rc, raw, err = run(["check", path, "--format", "json"])
    assert rc == 0, err
    codes = [f["code"] for f in json.loads(raw)["findings"] if f["severity"] == "warning"]
    rc, raw, err = run(["analyze", path, "--format", "json"])
    assert rc == 0, err
    data = json.loads(raw)
    assert [
        f["code"] for f in data["findings"] if f["severity"] == "warning"
    ] == codes  # analyze lists the same
    return codes, data["cost"]["cost_of_delay"]


def test_a_target_date_without_a_start_date_is_a_warning(tmp_path: Path) -> None:
    path = _plan(tmp_path, target="2027-01-18")
    codes, delay = _figures(path)
    assert (codes, delay) == (["target-needs-start-date"], 0)
    rc, text, _ = run(["check", path])
    assert (
        "warning [target-needs-start-date] The target 2027-01-18 is a date but the plan has no start date, so it is "
        "left out (no cost of delay, no chance of meeting it): set the plan's start date, or give the target in "
        "weeks." in text
    )


@pytest.mark.parametrize(
    ("extra", "want"),
    [
        # by hand: the target is week 2 (4 Jan + 14 days), the finish week 5: EUR 1,000 x 3 weeks
        ({"target": "2027-01-18", "start_date": "2027-01-04"}, 3000),
        ({"target": 2}, 3000),  # weeks need no start date
    ],
)
def test_a_target_that_can_be_placed_says_nothing(tmp_path: Path, extra: dict[str, Any], want: float) -> None:
    assert _figures(_plan(tmp_path, **extra)) == ([], want)
