"""A section does not start in the last lines of a page with only its heading and words there (H-report25). A
one-decision plan in A4 landscape: 'Critical path' and its four lines stood at the foot of the stages' page, 17 %
from its end, and the chain of chips and the table began the next page. Now, in the last 30 % of a page, a section
starts only where its heading, its opening words and the start of its first chart or table fit (builder._lead);
higher on a page its words still stay when a figure moves on (test_s23_words_stay_figures_move)."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Paragraph, Spacer

from benchmarks._plans import random_plan_dict
from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report.builder import LEAD_SHARE, _lead, _SectionStart
from planner.report.style import page_geometry, paragraph_styles
from planner.report.vector import ChartFlowable
from tests.report.report_helpers import make_report, sample


def test_the_critical_path_starts_on_the_page_of_its_chain(tmp_path: Path) -> None:
    r = make_report(analyze(plan_from_dict(random_plan_dict(1, seed=0))), tmp_path / "r.pdf")
    pages = [" ".join(p.split()) for p in r.pages]
    at = next(k for k, p in enumerate(pages) if "Critical path The critical path is" in p)
    assert "The path in order" in pages[at], pages[at][:300]


def test_team_capacity_starts_on_the_page_of_its_chart(tmp_path: Path) -> None:
    # Its words (120 pt) nearly filled the 138 pt left at the foot of a page, and the load chart (300 pt at least)
    # went on: the words' lines were counted as flowing text, not as a section standing alone over its chart.
    r = make_report(analyze(sample("bank-assistant")), tmp_path / "r.pdf", paper="letter")
    pages = [" ".join(p.split()) for p in r.pages]
    at = next(k for k, p in enumerate(pages) if "Team capacity 3 of 6 teams" in p)
    assert "Team load against capacity" in pages[at]


def test_a_section_start_breaks_only_low_on_a_page_where_its_start_does_not_fit() -> None:
    g = page_geometry("a4", "landscape")
    s = paragraph_styles()
    flow = [
        Paragraph("Heading", s["h1"]),
        Paragraph("Words " * 40, s["body"]),
        ChartFlowable(print, 400, 200),
    ]
    head, words, figure = _lead(flow, g.frame_width)
    assert head < words < 100 and figure == 200  # heading, three lines; the chart's 200 pt
    start = _SectionStart((head, words, figure), g.frame_height)
    low = (
        LEAD_SHARE * g.frame_height - 1
    )  # 30 % of the page left, less a point: the words and chart do not fit
    assert start.wrap(g.frame_width, low) == (
        g.frame_width,
        low,
    )  # a page break (the whole room: no frame here)
    high = words + figure  # not low on the page: the words stay, the chart moves on
    assert high > LEAD_SHARE * g.frame_height and start.wrap(g.frame_width, high) == (0, 0)
    # long opening words flow on: a text section starts wherever its heading and six lines fit
    text = [Paragraph("Heading", s["h1"]), Paragraph("Words " * 600, s["body"]), Spacer(1, 10)]
    long = _SectionStart(_lead(text, g.frame_width), g.frame_height)
    assert long.need(low) < 150 and long.wrap(g.frame_width, low) == (0, 0)
