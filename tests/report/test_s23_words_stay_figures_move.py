"""A section whose figure does not fit under its words (H-report23): the words stay on the page and only the
figure moves, or the figure, drawn a little shorter, stays with them. Before, a heading and its text went to the
next page with a pair of charts side by side (a table to ReportLab, kept under its heading with its 'first rows'),
leaving the page before a third used: the fraud sample's 'Schedule risk' left the critical path's page at 25-45 %."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.report import build_report
from planner.report.style import page_geometry
from planner.report.vector import ChartFlowable
from tests.report.report_helpers import sample


def _used(page: object, frame_top: float, frame_bottom: float) -> float:
    """The share of the frame down to the lowest text on the page (the footer, under the frame, left out)."""
    ys: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and frame_bottom <= y <= frame_top:
            ys.append(y)

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return (frame_top - min(ys)) / (frame_top - frame_bottom) if ys else 0.0


def test_no_page_before_a_figure_is_left_mostly_empty(tmp_path: Path) -> None:
    plan = sample("fraud-detection")
    out = tmp_path / "r.pdf"
    build_report(
        analyze(plan), out, sections=["critical-path", "risk"], simulation=simulate(plan, 200, seed=0)
    )
    g = page_geometry("a4", "landscape")
    pages = PdfReader(out).pages
    texts = [" ".join((p.extract_text() or "").split()) for p in pages]
    used = [_used(p, g.height - g.top, g.bottom) for p in pages]
    assert all(u >= 0.6 for u in used[:-1]), [f"{u:.0%}" for u in used]
    # The section's words open on the page before its chart pair when the pair moves on.
    at = next(k for k, t in enumerate(texts) if "Schedule risk There is an 80% chance" in t)
    assert "When will the plan finish?" in texts[at] or used[at] >= 0.6


def test_a_chart_pair_a_little_taller_than_the_room_left_is_drawn_shorter_and_stays() -> None:
    from matplotlib.figure import Figure

    from planner.report.context import SideBySide

    def draw(fig: Figure) -> None:
        fig.text(0.5, 0.5, "x")

    pair = SideBySide(ChartFlowable(draw, 300, 250), ChartFlowable(draw, 300, 250), [312, 300])
    assert pair.figure
    assert pair.split(612, 100) == []  # less than four fifths of its height: it moves on whole
    (short,) = pair.split(612, 221)
    assert short.wrap(612, 221)[1] <= 220  # drawn 220 pt tall: it stays
