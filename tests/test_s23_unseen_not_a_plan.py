"""A chart or a diagram the planner wrote, given where a plan is read, is named for what it is (H-unseen23).

Before: ``planner check gantt.svg`` (or a ``.dot``, ``.png`` export) said "gantt.svg:1:1: not valid JSON: Expecting
value -- Fix the JSON syntax at that position", sending the user to edit a chart that is fine. Now it says what the
file is and to give the plan file (exit 2); a plan saved under such a suffix still loads.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.commands.common import sample_plan_path
from tests.test_s18_unseen_one_truth import run


@pytest.mark.parametrize(
    ("suffix", "what"),
    [
        (".svg", "an SVG image"),
        (".png", "a PNG image"),
        (".dot", "a Graphviz diagram"),
        (".mmd", "a Mermaid diagram"),
    ],
)
def test_an_export_is_not_taken_for_a_broken_plan(tmp_path: Path, suffix: str, what: str) -> None:
    sample = sample_plan_path()
    assert sample is not None
    chart = tmp_path / f"chart{suffix}"
    rc, _, err = run(
        ["export", str(sample), "-o", str(chart)]
        + (["--chart", "gantt"] if suffix in (".svg", ".png") else [])
    )
    assert rc == 0, err
    for command in ("check", "analyze", "simulate"):
        rc, out, err = run([command, str(chart)])
        assert rc == 2 and out == ""
        assert err == (
            f"planner: {chart}: is {what} (`planner export` writes one from a plan), not a plan file; give the "
            "plan's .plan.json file\n"
        )
    shutil.copyfile(sample, chart)  # a plan under that suffix is still read as the plan it is
    rc, _, err = run(["check", str(chart)])
    assert rc in (0, 1), err
