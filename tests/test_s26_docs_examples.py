"""Examples the README gives inline (not in a console block, so test_readme_truth does not run them) print what
the README shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_target_line_example_is_what_analyze_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "e.g. for the template started on 4 Jan 2027 (`planner new --start-date 2027-01-04`) `Target: ...`"."""
    found = re.search(r"\(`planner new --start-date (\S+)`\)\s*`(Target: [^`]*)`", README)
    assert found is not None, "the README no longer gives the Target line's example"
    plan = tmp_path / "t.plan.json"
    assert main(["new", "--start-date", found.group(1), "-o", str(plan)]) == 0
    assert main(["analyze", str(plan)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert found.group(2) in printed


def test_the_charts_export_chart_leaves_out_are_the_ones_the_readme_names() -> None:
    """The README says File → Export Chart offers every chart but the Cost tab's two, and names those; when the menu
    gains them (or loses another) the sentence must change with it."""
    from planner.charts import CHARTS
    from planner.ui.workbench import EXPORT_CHARTS

    assert set(EXPORT_CHARTS) <= set(CHARTS)
    left_out = set(CHARTS) - set(EXPORT_CHARTS)
    found = re.search(r"the Cost tab's two: `planner export --chart (\w+)` or\s+`(\w+)`", README)
    assert found is not None, "the README no longer says which charts File → Export Chart leaves out"
    assert left_out == {found.group(1), found.group(2)}
