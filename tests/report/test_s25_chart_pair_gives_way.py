"""A section whose chart pair can be drawn a little shorter stays under the section before it (H-report25). The
cost section of a landscape report (heading, words, the spend curve beside its tables) needed 296 pt under the
progress section, where 290 were left: it went on whole to the next page and left 'Progress at the status date'
alone on its page, 38 % used, although the pair is drawn up to a fifth shorter where a page is a little short
(SideBySide.split). The section's break and its heading's now measure the pair at that least height
(SideBySide.least_height): 45 pt of the curve's 230 give way, the tables beside it (shorter) stay whole."""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report.context import SideBySide
from planner.report.vector import ChartFlowable
from tests.report.report_helpers import make_report
from tests.report.s20_plans import nothing_started


def test_the_cost_section_stays_under_the_progress_section(tmp_path: Path) -> None:
    d = nothing_started()
    d["teams"][0].pop("rate")
    for x in d["decisions"][1:]:
        x.pop("cost")  # one item: tables shorter than the curve beside them
    r = make_report(
        analyze(plan_from_dict(d)),
        tmp_path / "r.pdf",
        orientation="landscape",
        sections=["summary", "progress", "cost", "roadmap"],
    )
    progress = next(k for k, p in enumerate(r.pages) if "Progress at the status date" in p)
    assert "What it costs" in r.pages[progress] and "The biggest items" in r.pages[progress]
    assert len(r.pages) == 3


def _draw(fig: Figure) -> None:
    fig.text(0.5, 0.5, "x")


def test_least_height_of_a_pair() -> None:
    from reportlab.platypus import Spacer

    pair = SideBySide(ChartFlowable(_draw, 300, 250), [Spacer(300, 120)], [312, 300])
    assert abs(pair.least_height() - (0.8 * 250 + 1)) < 1e-6  # the chart a fifth shorter
    tall = SideBySide(ChartFlowable(_draw, 300, 250), [Spacer(300, 240)], [312, 300])
    assert abs(tall.least_height() - 241) < 1e-6  # no shorter than the words beside it
    words = SideBySide([Spacer(300, 50)], [Spacer(300, 60)], [312, 300])
    assert words.least_height() == 60  # no chart: as tall as it is
