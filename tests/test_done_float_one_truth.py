"""Done work has no float to show (nothing of it is left to slip), in every view that writes float: analyze's text,
the app's Float column, the report's appendix and its summarised graph -- one rule,
``planner.analysis.progress.shown_float``. The app's table and the graph pages showed '29.5' for the fraud
sample's done 'loss-baseline' while analyze wrote '-' (found by review). The JSON keeps the schedule's figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.analysis.progress import shown_float
from planner.charts.graph_pages import _meta_pieces
from planner.cli import main
from planner.model import load_plan

FRAUD = Path(__file__).resolve().parents[1] / "sample_plans" / "fraud-detection.plan.json"


def test_shown_float() -> None:
    assert shown_float("done", 29.5) is None
    assert shown_float("in_progress", 2.0) == 2.0 and shown_float("not_started", 0.0) == 0.0


def test_every_view_agrees_for_done_work(capsys: pytest.CaptureFixture[str]) -> None:
    plan = load_plan(FRAUD)
    a = analyze(plan)
    assert a.schedule is not None
    done = [i for i, d in enumerate(plan.decisions) if str(d.status) == "done" and not a.schedule.critical[i]]
    assert done and float(a.schedule.total_float[done[0]]) > 0  # the schedule does give it float
    d = plan.decisions[done[0]]

    assert main(["analyze", str(FRAUD)]) in (0, 1)
    row = next(ln for ln in capsys.readouterr().out.splitlines() if ln.strip().startswith(d.id + " "))
    assert row.split()[5] == "-"
    assert not any(p.startswith("float") for p in _meta_pieces(a, done[0]))
    assert main(["analyze", str(FRAUD), "--format", "json"]) in (0, 1)
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["decisions"]}
    assert rows[d.id]["total_float"] == pytest.approx(float(a.schedule.total_float[done[0]]))
