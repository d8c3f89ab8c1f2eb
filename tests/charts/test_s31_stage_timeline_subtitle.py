"""The compact stage timeline's subtitle leaves figures out, never cuts one (session 31).

On a portrait page a plan with a status date had 'status date 8 Mar 2027 (wk 9) · rolling finish wk 22.5 (11 Jun
2027) · gated finish wk 29 (26 Jul 2027)…': the price of strict gates was cut off. The status date goes first (the
legend names it with its date), then the finishes' dates; every figure left is whole.
"""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import analyze
from planner.charts import style
from planner.model import plan_from_dict


def _plan() -> Any:
    decisions: list[dict[str, Any]] = [
        {"id": f"d{i}", "title": f"Decision number {i}", "stage": f"s{i // 4}", "duration": 1 + i % 4}
        for i in range(16)
    ]
    decisions[7]["not_before"] = 14
    for i in range(5):
        decisions[i].update(status="done", progress=100, actual_start=i, actual_finish=i + 1.5)
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "Status",
            "start_date": "2027-01-04",
            "status_date": 9,
            "stages": [
                {"id": f"s{k}", "name": n} for k, n in enumerate(["Validate", "Integrate", "Run", "Scale"])
            ],
            "decisions": decisions,
            "dependencies": [{"from": f"d{i}", "to": f"d{i + 1}"} for i in range(15) if i % 4 != 3],
        },
        "<status>",
    )


@pytest.mark.parametrize("width", [5.5, 6.3, 7.3, 10.9])
def test_the_subtitle_keeps_every_figure_it_shows_whole(width: float) -> None:
    a = analyze(_plan())
    assert a.stages is not None and a.stages.gating_price > 0
    fig = Figure(figsize=(width, 4.0))
    charts.draw_stage_timeline(fig, a, compact=True)
    top = [t for t in fig.texts if t.get_position()[1] > 0.9 and t.get_fontsize() == style.SUBTITLE_PT]
    assert len(top) == 1
    text = top[0].get_text()
    assert "\u2026" not in text, text
    assert f"strict gates add {style.fmt_weeks(a.stages.gating_price)} wk" in text
    assert f"gated finish wk {style.fmt_weeks(a.stages.gated_finish)}" in text
    assert style.measured_width_in(text, style.SUBTITLE_PT) <= width - 0.4
