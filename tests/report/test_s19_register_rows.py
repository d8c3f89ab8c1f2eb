"""The risk register is not split leaving one row under its heading. Before, the bank sample's full report
(simulated) ended a page with the register's heading, its two paragraphs and the first of its four rows; the
other three went to the next page. Now the heading, its text and the table start a new page when the rest of
the page cannot hold the table's header and its first two rows (ReportContext.with_first_rows)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.report import build_report
from tests.report.report_helpers import sample


def test_the_register_keeps_at_least_two_rows_under_its_heading(tmp_path: Path) -> None:
    plan = sample("bank-assistant")
    out = tmp_path / "r.pdf"
    build_report(analyze(plan), out, simulation=simulate(plan, 2000, seed=0))
    reader = PdfReader(out)
    # Only the pages of the Schedule risk section are read (its bookmark to the next one's): reading every page of
    # the report took as long as writing it.
    marks = [
        (m.title, int(reader.get_destination_page_number(m) or 0))
        for m in reader.outline
        if not isinstance(m, list)
    ]
    k = next(i for i, (title, _) in enumerate(marks) if title == "Schedule risk")
    first, last = marks[k][1], marks[k + 1][1] if k + 1 < len(marks) else len(reader.pages) - 1
    pages = {n: " ".join(reader.pages[n].extract_text().split()) for n in range(first, last + 1)}
    at = [n for n, t in pages.items() if "Risk register The register holds" in t]
    assert len(at) == 1
    page = pages[at[0]]
    titles = [r.title for r in plan.risks]
    assert len(titles) == 4
    here = [t for t in titles if t in page]
    assert len(here) >= 2, here  # here: all four, the table whole
    rest = [t for t in titles if t not in here]
    assert all(t in pages[at[0] + 1] for t in rest)  # any others on the next page
