"""A section of a few words follows the one before it on its page when it fits whole there (H-report29).

Names of 200 letters, A4 portrait, simulated: 'Findings' and its one line ('Validation found nothing to report')
started a page of their own, 6 % used, because less than a fifth of the page before was left (builder._FOLLOW),
and the appendix after them went whole to the next page. A section of words only now follows wherever it fits
whole (builder._SectionStart.whole): thirteen pages, not fourteen."""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.s20_plans import _base

LETTERS = ("Establish" + "abcdefghij" * 19 + "xyz")[:200]
WORDS = " ".join(["Transformation"] * 14)[:200]
NOTHING = "Validation found nothing to report"


def _long_names() -> dict[str, Any]:
    d = _base(LETTERS, 10)
    for i, x in enumerate(d["decisions"]):
        x["title"] = WORDS if i % 2 else LETTERS
    d["teams"][0]["name"] = WORDS
    for s in d["stages"]:
        s["name"] = f"{s['name']} {WORDS}"[:200]
        s["gate_criteria"][0]["text"] = WORDS
    d["risks"] = [
        {
            "id": "r1",
            "title": LETTERS,
            "probability": 0.5,
            "impact": 3,
            "decisions": ["d001"],
            "mitigation": WORDS,
        }
    ]
    return d


def test_findings_of_one_line_do_not_take_a_page(tmp_path: Any) -> None:
    plan = plan_from_dict(_long_names(), "<s29>")
    out = tmp_path / "r.pdf"
    build_report(analyze(plan), out, orientation="portrait", simulation=simulate(plan, 500, seed=0))
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]
    page = next(t for t in pages if NOTHING in t)
    assert "Team capacity" in page[: page.index("Findings")], page[:300]  # under the section before it
    assert len(pages) <= 13
