"""A plan starting 1 Jan 1 whose work in progress GanttProject and P6 would write with its whole duration before
where the planner finishes it (before 1 Jan 1): `planner export` to .gan or .xer stopped on 'internal error:
OverflowError: date value out of range' (H-unseen25, fuzz_corners seeds 1321 and 3000). It is one refusal with
exit 2 that says why and what to do; the formats that write actual dates (.xml, .csv) export it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_s18_unseen_one_truth import run

PLAN = {
    "schema_version": 1,
    "title": "Year one",
    "start_date": "0001-01-01",
    "stages": [{"id": "s0", "name": "Stage 0"}, {"id": "s1", "name": "Stage 1"}],
    "decisions": [
        {"id": "d0", "title": "Decision 0", "stage": "s1", "duration": 0},
        {
            "id": "d1",
            "title": "Decision 1",
            "stage": "s1",
            "duration": 1,
            "status": "in_progress",
            "progress": 100,
        },
    ],
    "dependencies": [{"from": "d0", "to": "d1", "type": "SS"}],
}


@pytest.mark.parametrize("suffix", [".gan", ".xer"])
def test_a_date_before_year_one_is_a_clear_refusal(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(PLAN), encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    rc, stdout, err = run(["export", str(path), "-o", str(out)])
    assert rc == 2 and "internal error" not in err, err
    assert err.count("\n") == 1 and "outside the years 1 to 9999" in err and "start date later" in err
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".xml", ".csv"])
def test_the_formats_with_actual_dates_export_it(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(PLAN), encoding="utf-8")
    rc, _, err = run(["export", str(path), "-o", str(tmp_path / f"out{suffix}")])
    assert rc == 0, err
