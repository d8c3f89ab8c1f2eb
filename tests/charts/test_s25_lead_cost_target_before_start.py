"""The spend curve of a plan whose target is before its start (start 1 Dec 9999, target 1 Jan 1: the
target-before-start warning; H-unseen25's fuzz_corners seed 30112): `planner export --chart cost` to PNG stopped on
'internal error: FT_Render_Glyph raster overflow', the target's label drawn ~520,000 weeks off the axis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_s18_unseen_one_truth import run


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_a_target_before_the_start_is_left_off_the_spend_curve(tmp_path: Path, suffix: str) -> None:
    plan = {
        "schema_version": 1,
        "title": "Late start",
        "start_date": "9999-12-01",
        "target": "0001-01-01",
        "currency": "EUR",
        "stages": [{"id": "s", "name": "S"}],
        "teams": [{"id": "t", "name": "T", "capacity": 2, "rate": 1000}],
        "decisions": [{"id": "a", "title": "A", "stage": "s", "duration": 2, "owner": "t", "cost": 500}],
        "dependencies": [],
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    rc, out, err = run(["check", str(path)])
    assert "target-before-start" in out
    chart = tmp_path / f"cost{suffix}"
    rc, out, err = run(["export", str(path), "--chart", "cost", "-o", str(chart)])
    assert (rc, "internal error" in err) == (0, False), err
    assert chart.stat().st_size > 1000
    # drawn in-process: the finish is marked, the target (before the axis' start) is not
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    from planner.analysis import analyze
    from planner.charts.cost import draw_spend_curve
    from planner.model import load_plan

    fig = Figure(figsize=(9, 5))
    draw_spend_curve(fig, analyze(load_plan(path)))
    words = [t.get_text().strip() for t in fig.findobj(Text)]
    assert any(w.startswith("finish") for w in words)
    assert not any(w.startswith("target") for w in words), words
