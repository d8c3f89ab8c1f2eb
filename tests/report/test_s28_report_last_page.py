"""The report's last section does not leave its last rows alone on the last page (H-report28).

A plan of ten decisions ended its report with the appendix split seven rows and three: the last page held a
header and three rows, 7 % of it used. The report's end is now a page's end for the rule that a section which
fits a page goes to the next one whole (builder._keep_before_break), as before a section that starts a page."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.s20_plans import _base

SECTIONS = ["cover", "summary", "cost", "risk", "capacity", "findings", "appendix"]


def _pages(n: int, out: Path) -> list[str]:
    plan = plan_from_dict(_base(f"{n} decisions", n), "<s28>")
    build_report(analyze(plan), out, sections=SECTIONS, simulation=simulate(plan, 300, seed=0))
    return [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]


def test_a_ten_decision_appendix_is_not_split_over_the_last_page(tmp_path: Path) -> None:
    pages = _pages(10, tmp_path / "r.pdf")
    with_rows = [k for k, text in enumerate(pages) if "Decision number" in text and "Appendix" in text]
    last = pages[-1]
    # every decision of the appendix on its last page, under its heading
    assert "Appendix: every decision" in last
    assert all(f"Decision number {i} of the plan" in last for i in range(10)), last
    assert with_rows and with_rows[-1] == len(pages) - 1


def test_an_appendix_longer_than_a_page_still_flows(tmp_path: Path) -> None:
    pages = _pages(60, tmp_path / "r.pdf")
    first = next(k for k, text in enumerate(pages) if "Appendix: every decision" in text)
    assert first < len(pages) - 1  # over two pages at least
    assert "Decision number 59 of the plan" in pages[-1]
    assert "Decision number 0 of the plan" in pages[first]
