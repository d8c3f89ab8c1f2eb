"""The report's cost and coverage sections (issue 17) print the figures of cost_summary and coverage(), the same
functions the app and the CLI use; plans without money or references get no section."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis.cost import cost_summary, format_money
from planner.analysis.coverage import coverage
from planner.analysis.montecarlo import simulate
from planner.model import AISystem
from planner.report.sections import resolve_sections
from planner.templates import load_template
from tests.report.report_helpers import analysis_of, make_report, sample


def test_sections_are_registered() -> None:
    names = [s.name for s in resolve_sections(None)]
    assert "cost" in names and "coverage" in names
    assert names.index("summary") < names.index("cost") < names.index("roadmap")


def test_cost_section_shows_the_summary_figures(tmp_path: Path) -> None:
    plan = load_template("ai-scaling")
    analysis = analysis_of(plan)
    sim = simulate(plan, iterations=1000, seed=0)
    report = make_report(analysis, tmp_path / "cost.pdf", sections=["cost"], simulation=sim)
    s = cost_summary(plan, analysis, sim)
    assert s is not None and s.risk is not None
    text = report.flat
    assert "What it costs" in text
    assert f"spend {format_money(s.breakdown.total, 'USD')}" in text
    assert f"it does both in only {s.risk.p_joint:.0%}" in text
    assert f"{s.risk.p_within_budget:.0%} of runs" in text
    for _k, name, amount in s.breakdown.by_stage:
        assert f"{name} " in text and format_money(amount) in text
    assert "Spend curve" in text and "Cost by stage" in text


def test_cost_section_is_absent_without_money(tmp_path: Path) -> None:
    plan = sample("bank-assistant")
    for t in plan.teams:
        t.rate = None
    for d in plan.decisions:
        d.cost, d.run_rate = None, None
    plan.budget = None
    report = make_report(analysis_of(plan), tmp_path / "none.pdf", sections=["cost", "findings"])
    assert "What it costs" not in report.flat


def test_coverage_section_names_missing_and_late_articles(tmp_path: Path) -> None:
    plan = load_template("ai-scaling")
    plan.ai_system = AISystem(role="provider", risk_tier="high-risk")
    plan.decisions = [d for d in plan.decisions if d.id != "eu-registration"]
    plan.dependencies = [x for x in plan.dependencies if "eu-registration" not in (x.from_, x.to)]
    analysis = analysis_of(plan)
    report = make_report(analysis, tmp_path / "coverage.pdf", sections=["coverage"])
    text = report.flat
    cov = coverage(plan, analysis)
    assert [i.item.id for i in cov.framework("euaiact").missing()] == ["Art. 49"]
    assert "1 is missing (Art. 49 Registration)" in text
    late = ", ".join(i.item.id for i in cov.framework("euaiact").late())
    assert f"covered too late ({late})" in text
    assert "EU AI Act obligations by stage" in text and "Pass the conformity assessment" in text
    assert "cite 30 of the 72 NIST AI RMF 1.0 subcategories and 23 of the 38" in text
    assert "not legal advice" in text


@pytest.mark.parametrize("with_ai", [False, True])
def test_coverage_section_without_classification_explains(tmp_path: Path, with_ai: bool) -> None:
    plan = load_template("ai-scaling")
    if with_ai:
        plan.ai_system = AISystem(role="deployer", risk_tier="minimal")
    text = make_report(analysis_of(plan), tmp_path / "c.pdf", sections=["coverage"]).flat
    if with_ai:
        assert "classifies its AI system as minimal" in text
    else:
        assert "no obligation is checked" in text
