"""A baseline taken now has no slip: it keeps each decision's start as variance reads it (the actual start where
one is recorded). It kept the scheduled start of done and started work, so right after Save Baseline the fraud
sample's done work read as 1-2 weeks ahead (loss-baseline start_slip -2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.analysis.baselines import make_baseline, variance
from planner.cli import main
from planner.model import load_plan

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("sample", sorted((ROOT / "sample_plans").glob("*.plan.json")), ids=lambda p: p.stem)
def test_a_baseline_taken_now_reads_no_slip(sample: Path) -> None:
    plan = load_plan(sample)
    a = analyze(plan)
    assert a.schedule is not None
    v = variance(a.schedule, make_baseline(a.schedule, "now", stages=a.stages, plan=plan), plan)
    assert v.finish_slip == 0
    moved = [(d.id, d.status, d.start_slip, d.finish_slip) for d in v.decisions if d.status != "same"]
    assert moved == []


def test_the_cli_baseline_then_analyze(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json
    import shutil

    path = tmp_path / "fraud.plan.json"
    shutil.copy(ROOT / "sample_plans" / "fraud-detection.plan.json", path)
    assert main(["baseline", str(path), "--name", "now"]) == 0
    capsys.readouterr()
    assert main(["analyze", str(path), "--baseline", "now", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["baseline"]["decisions"]
    done = {r["id"]: r for r in rows if r["id"] in ("loss-baseline", "success-metric", "label-audit")}
    assert len(done) == 3 and all(r["status"] == "same" and r["start_slip"] == 0 for r in done.values())
