"""A plan without decisions whose target or horizon falls past 31 Dec 9999 is refused by validation, not an
internal error (H-unseen23, fuzz_cli seed 62311).

Before: ``dates-out-of-range`` returned at once for a plan without decisions or baselines, before it looked at the
target and the horizon, which it counts as dates; ``planner analyze`` of a plan starting 1 Jun 9999 with a target of
week 52.5 then wrote its Target line and stopped: "internal error: OverflowError: date value out of range". Now the
target and the horizon are checked with or without decisions: the error, exit 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import validate
from tests.conftest import build_plan
from tests.test_s18_unseen_one_truth import run


@pytest.mark.parametrize("field", ["target", "horizon"])
def test_a_week_past_the_calendar_is_an_error_without_decisions(field: str, tmp_path: Path) -> None:
    # 1 Jun 9999 + 52.5 weeks (367.5 days) is past 31 Dec 9999, 213 days later
    fields: dict[str, Any] = {"start_date": "9999-06-01", field: 52.5}
    plan = build_plan([], (), **fields)
    codes = [f.code for f in validate(plan) if str(f.severity) == "error"]
    assert codes == ["dates-out-of-range"]
    path = tmp_path / "p.plan.json"
    path.write_text(plan.model_dump_json(by_alias=True, exclude_none=True), encoding="utf-8")
    for argv in (["analyze", str(path)], ["analyze", str(path), "--format", "json"], ["check", str(path)]):
        rc, out, err = run(argv)
        assert rc == 1 and "internal error" not in err, (argv, err)
    rc, out, _ = run(["check", str(path), "--format", "json"])
    assert [f["code"] for f in json.loads(out)["findings"] if f["severity"] == "error"] == [
        "dates-out-of-range"
    ]


def test_a_week_within_the_calendar_is_fine_without_decisions() -> None:
    # 30 weeks (210 days) after 1 Jun 9999 is 28 Dec 9999
    plan = build_plan([], start_date="9999-06-01", target=30, horizon=30)
    assert [f.code for f in validate(plan) if str(f.severity) == "error"] == []
