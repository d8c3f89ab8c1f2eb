"""The numbers an import writes into the plan file are the ones a person reads off the sheet (H-interop31).

Before: a task 40 % through a 1-week duration that starts on day 2 resumed at week 0.6000000000000001 in the
plan file (the float sum 0.2 + 0.4)."""

from __future__ import annotations

import json
from pathlib import Path

from planner.cli import main


def test_s31_an_in_progress_row_resumes_at_a_round_week(tmp_path: Path) -> None:
    source = tmp_path / "us.csv"
    source.write_text(
        "Task,Start,Finish,Duration,% Complete,Predecessors\n"
        "Kick-off,2026-05-04,2026-05-04,1 day,100%,\n"
        "Design,2026-05-05,2026-05-11,5 days,40%,1\n",
        encoding="utf-8",
    )
    out = tmp_path / "us.plan.json"
    assert main(["import", str(source), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    design = next(d for d in json.loads(text)["decisions"] if d["title"] == "Design")
    assert design["not_before"] == 0.6  # day 2 (week 0.2) + 40 % of 1 week
    assert "0000000" not in text
