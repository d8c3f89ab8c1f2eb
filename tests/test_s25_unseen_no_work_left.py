"""analyze's critical path called a decision with no work left a milestone: an in-progress decision of 1 week at
100 % (fuzz_corners seed 1321) read 'milestone at week 0'. Only a milestone (or a decision of 0 weeks) is one; the
other says no work is left, at its week."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_s18_unseen_one_truth import run


def test_a_decision_with_no_work_left_is_not_called_a_milestone(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.json"
    data = {
        "schema_version": 1,
        "title": "Nothing left",
        "start_date": "2027-01-04",
        "stages": [{"id": "s0", "name": "Stage 0"}],
        "decisions": [
            {"id": "m", "title": "Kick-off", "stage": "s0", "milestone": True},
            {"id": "z", "title": "Zero", "stage": "s0", "duration": 0},
            {
                "id": "a",
                "title": "Nearly",
                "stage": "s0",
                "duration": 1,
                "status": "in_progress",
                "progress": 100,
            },
        ],
        "dependencies": [{"from": "m", "to": "a", "type": "SS"}, {"from": "z", "to": "a", "type": "SS"}],
    }
    path.write_text(json.dumps(data), "utf-8")
    rc, out, err = run(["analyze", str(path)])
    assert rc == 0, err
    section = out.split("Critical path\n-------------\n")[1].split("\n\n")[0]
    entries = {
        line.split(". ", 1)[1] for line in section.splitlines() if line.startswith("   ") and ". " in line
    }
    assert "Kick-off (m)  milestone at week 0 (4 Jan 2027)" in entries, section
    assert "Nearly (a)  no work left, at week 0 (4 Jan 2027)" in entries, section
    assert not [e for e in entries if e.startswith("Nearly") and "milestone" in e]
