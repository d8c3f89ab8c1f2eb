"""Links trackers give by name (H-interop31): Asana's 'Blocked By (Dependencies)' names the tasks, and two tasks may
share a name. File: tests/io/data/s31/asana-same-names.csv (Asana's CSV export columns).

Before: 'Build' blocked by 'Review', with a 'Review' task in Design and another in Build, was linked to the last
one; that Review is itself blocked by Build, so the import made a loop (Build -> Review -> Build) and the plan had
an error, without a word about the guess."""

from __future__ import annotations

from pathlib import Path

from planner.analysis import validate
from planner.io import import_file

DATA = Path(__file__).parent / "data" / "s31"


def test_s31_a_link_to_a_name_two_tasks_share_is_said_not_guessed() -> None:
    plan, report = import_file(DATA / "asana-same-names.csv")
    text = report.text(limit=None)
    links = sorted((str(d.from_), str(d.to)) for d in plan.dependencies)
    assert links == [("2", "3"), ("2", "4")]  # Build -> Review (Build's), Build -> Launch
    assert (
        "line 3: depends on 'Review', the name of 2 rows (lines 2, 4): not carried, as the file does not say which"
        in text
    )
    assert "line 5: depends on 'Review'" in text
    assert not [f for f in validate(plan) if str(f.severity) == "error"]
