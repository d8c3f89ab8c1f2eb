"""`planner analyze --level`'s text fits an 80-column terminal and names each delayed decision whole: its rows ran to
200 columns and cut titles mid-word ("Pool inference capacity with quotas acro"), and a milestone was "now weeks
47.5-47.5"."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.model import save_plan
from planner.templates import load_template


def test_levelled_text_fits_80_columns_and_keeps_titles_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = load_template("ai-scaling")
    for team in plan.teams:  # two people fewer everywhere: most of the plan must move
        team.capacity = max(1, (team.capacity or 1) - 2)
    path = tmp_path / "tight.plan.json"
    save_plan(plan, path)
    assert main(["analyze", str(path), "--level"]) == 0
    out = capsys.readouterr().out
    section = out.split("Levelled schedule (team capacity)", 1)[1].split("\nFindings\n", 1)[0]
    assert max(len(line) for line in section.splitlines()) <= 80
    flat = " ".join(section.split())
    moved = flat.split("delayed to keep every team within capacity:", 1)[1]
    shown = [d for d in plan.decisions if f"({d.id}), now " in moved]
    assert len(shown) >= 10
    for d in shown:
        assert f"{d.title} ({d.id}), now " in moved  # the whole title
    gate = next(d for d in shown if d.milestone)
    assert f"({gate.id}), now at week " in moved
