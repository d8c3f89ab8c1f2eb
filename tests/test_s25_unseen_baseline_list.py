"""``planner baseline FILE`` lists a plan's baselines; one whose finish has no calendar date (start 1 Dec 9999, a
baseline finishing at week 10: fuzz_corners seed 1017) is listed with its week, and its JSON finish_date is null,
where the listing stopped on 'internal error: OverflowError: date value out of range'. ``check`` says why the plan
is refused (dates-out-of-range)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_s18_unseen_one_truth import run


def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.plan.json"
    data = {
        "schema_version": 1,
        "title": "Late baseline",
        "start_date": "9999-12-01",
        "stages": [{"id": "s0", "name": "Stage 0"}],
        "decisions": [{"id": "d0", "title": "D", "stage": "s0", "duration": 1}],
        "baselines": [
            {"name": "B", "finish": 10, "decisions": {}},
            {"name": "C", "finish": 2, "decisions": {}},
        ],
    }
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_the_text_listing_gives_the_week_and_a_date_where_there_is_one(tmp_path: Path) -> None:
    rc, out, err = run(["baseline", str(plan_file(tmp_path))])
    assert (rc, err) == (0, "")
    assert out.splitlines() == [
        "B: finish week 10, 0 decisions",
        "C: finish week 2 (15 Dec 9999), 0 decisions",
    ]


def test_the_json_listing_writes_null_past_the_calendar(tmp_path: Path) -> None:
    rc, out, err = run(["baseline", str(plan_file(tmp_path)), "--format", "json"])
    assert (rc, err) == (0, "")
    rows = json.loads(out)["baselines"]
    assert [(r["name"], r["finish_date"]) for r in rows] == [("B", None), ("C", "9999-12-15")]
