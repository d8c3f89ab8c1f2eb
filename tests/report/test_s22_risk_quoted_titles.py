"""Schedule risk quotes decisions' titles shortened, as the summary does (H-report22).

Six decisions with 300-character titles: 'What drives the finish' quoted five of them whole and three more in its
last sentence, a paragraph of half a portrait page. Now a quoted title is cut to QUOTED_CHARS (the summary's
limit) with an ellipsis.
"""

from __future__ import annotations

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from planner.report.context import QUOTED_CHARS, ReportContext, ellipsize
from planner.report.sections.risk import _drivers_text
from planner.report.style import page_geometry
from tests.report.s20_plans import LONG, long_title


def test_drivers_quote_short_titles() -> None:
    plan = plan_from_dict(long_title())
    sim = simulate(plan, 200, seed=0)
    g = page_geometry("a4", "portrait")
    text = _drivers_text(ReportContext(analysis=analyze(plan), geometry=g, wide=g, simulation=sim), sim)
    assert LONG[:300] not in text
    short = ellipsize(LONG[:300], QUOTED_CHARS)
    assert len(short) <= QUOTED_CHARS and short in text
    assert len(text) < 1500, len(text)
