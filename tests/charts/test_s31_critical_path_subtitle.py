"""The critical path chart's subtitle leaves words out, never cuts a figure (session 31).

The fraud sample's chart in the report read '6 decisions, 17.5 wk of work · finish wk 31.5 (10 Sep 2027) · 14 wk
of lags and start constraints · links are finish-to-start unless marked · one of…'. The note on links goes first
(the chips mark every other kind of link), then the count of equally long chains.
"""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import analyze
from planner.charts import style
from tests.report.report_helpers import sample


@pytest.mark.parametrize("width", [7.3, 10.9])
@pytest.mark.parametrize("name", ["fraud-detection", "ai-portfolio", "bank-assistant"])
def test_the_subtitle_is_whole(name: str, width: float) -> None:
    a = analyze(sample(name))
    fig = Figure(figsize=(width, 4.5))
    charts.draw_critical_path(fig, a)
    subs = [
        t.get_text()
        for t in fig.texts
        if t.get_fontsize() == style.SUBTITLE_PT and " wk of work" in t.get_text()
    ]
    assert len(subs) == 1
    assert "\u2026" not in subs[0], subs[0]
    assert "finish wk" in subs[0]
