"""A baseline keeps each stage's window as it was when taken (session 33).

Before, a stage's baseline finish was rebuilt from the decisions the stage holds *today*: a decision moved to
another stage since the baseline moved the old stage's baseline finish with it (no slip shown where the window did
move), and a scenario that drops a stage's work (`analyze --scenario X --baseline latest`) showed no baseline
finish for that stage at all though the baseline had one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from planner.analysis import analyze
from planner.analysis.baselines import make_baseline, stage_variance, with_baseline
from planner.analysis.stages import StageAnalysis
from planner.model import dump_plan, parse_plan


def _plan(make_plan: Any) -> Any:
    # validate: a (3) then b (2) -> window 0..5; integrate: c (4) after b -> window 5..9
    return make_plan(
        [
            {"id": "a", "duration": 3, "stage": "validate"},
            {"id": "b", "duration": 2, "stage": "validate"},
            {"id": "c", "duration": 4, "stage": "integrate"},
        ],
        [("a", "b"), ("b", "c")],
    )


def _stages(plan: Any) -> StageAnalysis:
    a = analyze(plan)
    assert a.stages is not None, [f.message for f in a.errors]
    return a.stages


def _taken(plan: Any) -> Any:
    a = analyze(plan)
    assert a.schedule is not None and a.stages is not None
    return make_baseline(a.schedule, "v1", stages=a.stages, plan=plan)


def test_the_baseline_records_each_stage_window(make_plan: Any) -> None:
    b = _taken(_plan(make_plan))
    assert {k: (e.start, e.finish) for k, e in b.stages.items()} == {"validate": (0, 5), "integrate": (5, 9)}


def test_a_decision_moved_to_another_stage_does_not_move_the_old_stage_baseline(make_plan: Any) -> None:
    plan = _plan(make_plan)
    b = _taken(plan)
    plan.decisions[1].stage = "integrate"  # b now in integrate: validate ends at 3, integrate still at 9
    rows = {v.id: v for v in stage_variance(plan, _stages(plan), b)}
    assert (rows["validate"].baseline_finish, rows["validate"].finish, rows["validate"].finish_slip) == (
        5,
        3,
        -2,
    )
    assert (rows["integrate"].baseline_finish, rows["integrate"].finish_slip) == (9, 0)


def test_a_stage_whose_work_is_dropped_keeps_its_baseline_finish(make_plan: Any) -> None:
    plan = _plan(make_plan)
    b = _taken(plan)
    plan.decisions = [d for d in plan.decisions if d.stage != "integrate"]
    plan.dependencies = [x for x in plan.dependencies if x.to != "c"]
    row = {v.id: v for v in stage_variance(plan, _stages(plan), b)}["integrate"]
    assert row.baseline_finish == 9 and row.finish is None and row.finish_slip is None


def test_an_older_baseline_without_stage_windows_reads_todays_membership(make_plan: Any) -> None:
    plan = _plan(make_plan)
    old = _taken(plan).model_copy(update={"stages": {}})
    plan.decisions[1].duration = 4  # validate 0..7
    rows = {v.id: v for v in stage_variance(plan, _stages(plan), old)}
    assert (rows["validate"].baseline_finish, rows["validate"].finish_slip) == (5, 2)


def test_the_windows_survive_a_save_and_the_command_line_reports_them(make_plan: Any, tmp_path: Path) -> None:
    plan = _plan(make_plan)
    plan = with_baseline(plan, _taken(plan))
    plan.decisions[1].stage = "integrate"
    text = dump_plan(plan)
    again = parse_plan(text)
    assert again.baselines[0].stages == plan.baselines[0].stages
    path = tmp_path / "p.plan.json"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "planner", "analyze", str(path), "--baseline", "v1", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    stages = {s["id"]: s for s in json.loads(out.stdout)["baseline"]["stages"]}
    assert stages["validate"]["baseline_finish"] == 5 and stages["validate"]["finish_slip"] == -2
