"""A report simulated with one run (or a few) says so, in sentences that read for that count (session 31).

`planner report --simulate --iterations 1` wrote 'a Monte Carlo simulation of 1 runs', 'met in only 0% of the 1
simulated runs', 'each of the 1 runs', 'Share of 1 iterations', gave the one run's finish as 'an even chance' and
'an 80% chance' with no word that one run gives no range, and its sensitivity chart said 'No duration varies' of a
plan whose estimates all vary. Counts now agree with their number, a simulation of fewer than 100 runs is said to
give rough figures, and the sensitivity chart says when the runs are too few to tell.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.charts.risk import draw_tornado
from tests.report.report_helpers import make_report, sample


@pytest.mark.parametrize("runs", [1, 7])
def test_a_report_of_few_runs_reads_for_their_count(runs: int, tmp_path: Path) -> None:
    plan = sample("fraud-detection")
    report = make_report(
        analyze(plan),
        tmp_path / "r.pdf",
        sections=["summary", "cost", "risk"],
        simulation=simulate(plan, runs, seed=0),
    )
    flat = report.flat
    assert not re.search(r"\b1 (runs|iterations|simulated runs)\b", flat)
    assert "of the 1 " not in flat and "each of the 1 " not in flat
    # the summary and the schedule-risk section say the figures are rough, with the count
    note = f"With only {runs} run{'s' if runs > 1 else ''} these are rough figures, not a confidence range"
    assert flat.count(note) == 2, flat[:2000]


def test_enough_runs_say_nothing_of_it(tmp_path: Path) -> None:
    plan = sample("fraud-detection")
    report = make_report(
        analyze(plan),
        tmp_path / "r.pdf",
        sections=["summary", "risk"],
        simulation=simulate(plan, 300, seed=0),
    )
    assert "rough figures" not in report.flat
    assert "a Monte Carlo simulation of 300 runs" in report.flat


def test_the_sensitivity_chart_of_one_run_says_the_runs_are_too_few() -> None:
    plan = sample("fraud-detection")
    fig = Figure(figsize=(8, 5))
    draw_tornado(fig, plan, result=simulate(plan, 1, seed=0))
    texts = " ".join(t.get_text() for t in fig.texts)
    assert "No duration varies" not in texts
    assert "1 iteration is too few to measure what drives the finish" in texts
