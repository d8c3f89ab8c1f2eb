"""The report's roadmap on a page (issue 8): exactly one page, all text at 7 pt or more, in A4 portrait and letter
landscape, for every bundled sample, the template, a big generated plan and random plans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import Analysis
from planner.charts.roadmap import fit
from planner.report.sections.charts import INTRO_PT
from planner.report.style import page_geometry
from planner.templates import load_template
from tests.report.report_helpers import SAMPLES, analysis_of, generated_plan, make_report, normalise, sample

_TF = re.compile(rb"/(\S+) ([0-9.]+) Tf")
PAGES = [("a4", "portrait"), ("letter", "landscape")]


def _plan(name: str) -> Analysis:
    if name == "template":
        return analysis_of(load_template("ai-scaling"))
    if name == "generated-300":
        return analysis_of(generated_plan(300, seed=3))
    return analysis_of(sample(name))


def _check_one_page(analysis: Analysis, path: Path, paper: str, orientation: str) -> str:
    report = make_report(analysis, path, sections=["roadmap"], paper=paper, orientation=orientation)
    assert len(report.reader.pages) == 1, (
        f"{path.name}: the roadmap runs over {len(report.reader.pages)} pages"
    )
    data = report.reader.pages[0].get_contents().get_data()
    sizes = [float(m.group(2)) for m in _TF.finditer(data)]
    assert sizes and min(sizes) >= 7.0 - 1e-6, f"{path.name}: smallest text {min(sizes)} pt"
    flat = normalise(report.pages[0])
    assert "Roadmap on a page" in flat and "Roadmap \u2014 " in flat
    return flat


@pytest.mark.parametrize(("paper", "orientation"), PAGES)
@pytest.mark.parametrize(
    "name",
    [p.name.split(".")[0] for p in sorted(SAMPLES.glob("*.plan.json"))] + ["template", "generated-300"],
)
def test_roadmap_is_one_legible_page(name: str, paper: str, orientation: str, tmp_path: Path) -> None:
    a = _plan(name)
    flat = _check_one_page(a, tmp_path / f"{name}.pdf", paper, orientation)
    n = len(a.plan.decisions)
    # What the page leaves out is said, and the figures add up; when nothing is left out nothing is said.
    m = re.search(rf"\b(\d+) of {n} decisions shown", flat)
    if m:
        shown = int(m.group(1))
        assert 0 < shown < n and f"the other {n - shown} " in flat
    # A frame that shows every decision says nothing about leaving some out.
    g = page_geometry(paper, orientation)
    if not fit(a, g.frame_width / 72, (g.frame_height - INTRO_PT - 24) / 72)[1].left_out:
        assert m is None
    # The subtitle's figures are whole (never "14 criti…").
    sub = re.search(r"\d+ decisions in \d+ areas[^\n]*?(?=Roadmap on a page|$)", flat)
    assert sub is not None and not re.search(r"\d\u2026", sub.group(0))
    if name == "generated-300":
        assert m is not None and "Gantt chart" in flat


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(n=st.integers(1, 400), seed=st.integers(0, 1000), page=st.sampled_from(PAGES))
def test_random_plans_get_a_one_page_roadmap(
    n: int, seed: int, page: tuple[str, str], tmp_path: Path
) -> None:
    _check_one_page(analysis_of(generated_plan(n, seed=seed)), tmp_path / f"r{n}-{seed}.pdf", *page)
