"""A section's heading and introduction never end a page while its chart starts the next (H-report28b).

In a plan of eight decisions with negative lags, 'Critical path' and its four lines stood at the foot of a page,
36 % of it left, and its chain of chips began the next page; 'Team capacity' and its words did the same over its
load chart. The rule that keeps a section's start together held only in the last 30 % of a page
(builder.LEAD_SHARE); a heading and its short introduction now start the next page with their chart wherever the
chart does not fit under them and the page they leave is at least half used (builder._SectionStart.alone)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from planner.report import build_report
from planner.report.builder import END_SHARE, LEAD_SHARE, _SectionStart
from planner.report.style import SECTION_GAP
from tests.report.s20_plans import _base


def _negative_lags() -> dict[str, object]:
    d = _base("Negative lags", 8)
    for k, x in enumerate(d["dependencies"]):
        x["lag"] = -1 if k % 2 else -0.5
        x["type"] = ["FS", "SS", "FF", "SF"][k % 4]
    return d


def _pages(out: Path) -> list[str]:
    plan = plan_from_dict(_negative_lags(), "<s28b>")
    build_report(analyze(plan), out, simulation=simulate(plan, 300, seed=0))
    return [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]


def test_headings_start_their_page_with_their_chart(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "r.pdf")
    for heading, chart in (
        ("Critical path The critical path is", "Critical path \u2014 Negative lags"),
        ("Team capacity The plan", "Team load against capacity"),
    ):
        at = [k for k, text in enumerate(pages) if heading in text]
        assert len(at) == 1, (heading, at)
        assert chart in pages[at[0]], (heading, at[0], pages[at[0]][-300:])


def test_a_short_start_moves_on_high_on_a_page_a_long_text_flows() -> None:
    frame = 480.0
    start = _SectionStart((29.0, 74.0, 142.0), frame)  # heading, its words, its chart (points)
    high = 0.36 * frame  # above the last LEAD_SHARE of the page
    assert high > LEAD_SHARE * frame
    start.wrap(600.0, high)
    assert start.height > high  # the heading, its words and its chart start the next page
    roomy = 74.0 + 142.0 + SECTION_GAP + 1.0
    start.wrap(600.0, roomy)
    assert start.height <= roomy  # where they fit, they follow the previous section
    text = _SectionStart((29.0, 0.35 * frame, 300.0), frame)  # words of a third of a page: a text of its own
    text.wrap(600.0, 0.45 * frame)
    assert text.height <= 0.45 * frame
    above = END_SHARE * frame + 1.0  # over half the page left: the words stay (a page moved on, half empty)
    big = _SectionStart((29.0, 74.0, 300.0), frame)
    big.wrap(600.0, above)
    assert big.height <= above
