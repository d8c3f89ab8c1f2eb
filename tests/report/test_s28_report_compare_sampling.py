"""A report with both its own simulation and a scenario comparison says why the plan's P50/P80 differ between
them (H-report28).

The cover and the summary give the plan's P50/P80 from the report's simulation; the comparison table gives the
reference's from its own runs (common random numbers for every scenario). For the same plan the two read
'week 32.07' and 'wk 32.05' in one report with nothing to say which was right."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.compare import Comparison, compare_scenarios
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict, units
from planner.report import build_report
from tests.report.s20_plans import _base


def _plan() -> dict[str, Any]:
    d = _base("Two scenarios", 10)
    d["scenarios"] = [
        {
            "name": "Faster",
            "decisions": {"d002": {"duration": {"optimistic": 1, "likely": 1, "pessimistic": 2}}},
        },
        {
            "name": "Slower",
            "decisions": {"d005": {"duration": {"optimistic": 3, "likely": 6, "pessimistic": 9}}},
        },
    ]
    return d


def _report(tmp_path: Path, iterations: int) -> tuple[str, Comparison, Any]:
    plan = plan_from_dict(_plan(), "<s28>")
    a = analyze(plan)
    comp = compare_scenarios(plan, ["Base", "Faster", "Slower"], iterations=iterations, seed=0)
    a.comparison = comp  # as the command line hands it over
    sim = simulate(plan, iterations, seed=0)
    out = tmp_path / "r.pdf"
    build_report(a, out, sections=["cover", "summary", "comparison"], simulation=sim)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    return text, comp, sim


def test_the_comparison_says_its_p50_p80_differ_from_the_summary_by_sampling(tmp_path: Path) -> None:
    text, comp, sim = _report(tmp_path, 500)
    from planner.report.sections.overview import p_dates

    pd = p_dates(sim)
    ref = comp.reference
    ours = (units.format_weeks(pd[50]), units.format_weeks(pd[80]))
    theirs = (units.format_weeks(ref.p50), units.format_weeks(ref.p80))
    assert ours != theirs  # the case: two figures for one plan's P80 in one report
    assert f"week {ours[1]}" in text  # the cover/summary's
    assert f"wk {theirs[1]}" in text  # the table's
    said = re.search(
        r"For “Base”, P50 and P80 here \(week ([\d.]+) and week ([\d.]+)\) differ from the "
        r"summary’s \(week ([\d.]+) and week ([\d.]+)\) by sampling noise only",
        text,
    )
    assert said is not None, text[-1500:]
    assert said.groups() == (*theirs, *ours)


def test_without_its_own_simulation_nothing_is_said(tmp_path: Path) -> None:
    plan = plan_from_dict(_plan(), "<s28>")
    a = analyze(plan)
    a.comparison = compare_scenarios(plan, ["Base", "Faster"], iterations=300, seed=0)
    out = tmp_path / "r.pdf"
    build_report(a, out, sections=["summary", "comparison"])
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "sampling noise" not in text
