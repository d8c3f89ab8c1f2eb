"""``planner report PLAN --sections summary``: the executive summary alone is a one-page brief.

Before, the first page of a report always took the one-column body template unless it was the cover, so a
summary without the cover was laid out in one full-width column although it had been sized for the landscape
page's two columns: its key dates and the validation line spilled onto a second, near-empty page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.cli import main
from planner.model import Plan, plan_from_dict
from planner.report import build_report
from tests.report.report_helpers import SAMPLES
from tests.unseen_plans import STRESS_SHAPES


def summary_pdf(plan: Plan, orientation: str, tmp_path: Path) -> Path:
    """The report of the summary alone of ``plan`` (simulated: the key dates have their P-date rows)."""
    out = tmp_path / "s.pdf"
    build_report(
        analyze(plan),
        out,
        sections=["summary"],
        orientation=orientation,
        simulation=simulate(plan, 200, seed=1),
    )
    return out


def _texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.mark.parametrize("name", ["bank-assistant", "ai-portfolio", "fraud-detection", "insights-assistant"])
def test_summary_alone_of_a_sample_is_one_page(name: str, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    plan = str(SAMPLES / f"{name}.plan.json")
    assert main(["report", plan, "-o", str(out), "--sections", "summary", "-q"]) == 0
    pages = _texts(out)
    assert len(pages) == 1
    # the whole summary is on it: from the first heading to the key dates' finish and the validation line
    assert "Executive summary" in pages[0] and "Key dates" in pages[0]
    assert "Finish" in pages[0] and "Validation:" in pages[0]


@pytest.mark.parametrize("name", ["two-stages", "costs-and-capacity", "seven-stages"])  # 2, 4 and 7 stages
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_summary_alone_of_2_4_7_stages_is_one_page(name: str, orientation: str, tmp_path: Path) -> None:
    plan = plan_from_dict(STRESS_SHAPES[name](), f"<{name}>")
    assert len(plan.stages) == {"two-stages": 2, "costs-and-capacity": 4, "seven-stages": 7}[name]
    pages = _texts(summary_pdf(plan, orientation, tmp_path))
    assert len(pages) == 1
    for stage in plan.stages:  # every key-dates row is on the page
        assert stage.name in pages[0]
    assert "Finish P80 (simulated)" in pages[0]


def test_summary_first_keeps_its_page_and_the_next_section_starts_another(tmp_path: Path) -> None:
    """The summary first, then a one-column section: the summary is whole on its two-column page, and the next
    section starts a page of its own (as after the cover)."""
    out = tmp_path / "s.pdf"
    plan = str(SAMPLES / "bank-assistant.plan.json")
    assert main(["report", plan, "-o", str(out), "--sections", "summary,findings", "-q"]) == 0
    texts = _texts(out)
    assert len(texts) >= 2
    assert "Key dates" in texts[0] and "Validation:" in texts[0]
    lines = [[ln.strip() for ln in t.splitlines()] for t in texts]
    assert (
        "Findings" not in lines[0]
    )  # the findings' heading (a line of its own) is not on the summary's page
    assert "Findings" in lines[1]
