"""Files of tools the planner writes for (TaskJuggler's .tjp, calendars, reports) given to `planner import`: what the
file is and how to get one the planner reads, exit 2 (they used to get 'cannot tell the format from the suffix')."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("plan.tjp", 'a TaskJuggler project (.tjp) cannot be imported; add export "plan" { formats mspxml }'),
        ("parts.tji", "a TaskJuggler include file (.tji) cannot be imported"),
        ("events.ics", "an iCalendar file (.ics) cannot be imported; it holds events"),
        ("report.pdf", "a PDF document cannot be imported"),
    ],
)
def test_s20_import_names_the_file_and_what_to_do(tmp_path: Path, name: str, says: str) -> None:
    src = tmp_path / name
    src.write_text('project x "X" 2027-01-04 +1m {}\n', encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "planner", "import", str(src), "-o", str(tmp_path / "out.plan.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2
    assert says in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "out.plan.json").exists()
