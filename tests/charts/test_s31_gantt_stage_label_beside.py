"""A stage's end label goes beside its line, its bar's start or on its bar when a shorter form fits (session 31).

With a status date at week 9, 'Validate ends · wk 4.5 (5 Feb)' did not fit between its line and the status line,
and was drawn weeks away, right-aligned against the finish line, where a reader took it for that line's label;
'ends wk 4.5' fitted beside its own line. The longest label that fits beside the line or the bar's start now goes
there, else boxed on the bar, before any label goes away from both.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import Analysis, analyze
from planner.charts import style
from planner.model import plan_from_dict

NEAR_PT = 8.0


def _analysis(status: float) -> Analysis:
    decisions: list[dict[str, Any]] = [
        {"id": f"d{i}", "title": f"Decision number {i}", "stage": f"s{i // 4}", "duration": 1 + i % 4}
        for i in range(16)
    ]
    decisions[3]["not_before"] = 8
    decisions[7]["not_before"] = 14
    for i in range(5):
        decisions[i].update(status="done", progress=100, actual_start=i, actual_finish=i + 1.5)
    kinds, lags = ["FS", "SS", "FF", "SF"], [0, 1.5, -0.5, 2]
    data = {
        "schema_version": 1,
        "title": "Links, constraints, status",
        "start_date": "2027-01-04",
        "status_date": status,
        "stages": [
            {"id": f"s{k}", "name": n} for k, n in enumerate(["Validate", "Integrate", "Scale", "Run"])
        ],
        "decisions": decisions,
        "dependencies": [
            {"from": f"d{i}", "to": f"d{i + 1}", "type": kinds[i % 4], "lag": lags[i % 4]} for i in range(15)
        ],
    }
    a = analyze(plan_from_dict(data, "<links>"))
    assert a.ok
    return a


@pytest.mark.parametrize("status", [9.0, 6.0, 12.0])
def test_every_stage_label_is_beside_its_line_or_its_bar(status: float) -> None:
    a = _analysis(status)
    assert a.stages is not None
    fig = Figure(figsize=(10.9, 4.6))
    charts.draw_gantt(fig, a, compact=True)
    ax = fig.axes[0]
    r = FigureCanvasAgg(fig).get_renderer()
    to_px = ax.transData.transform
    found = 0
    for t in ax.texts:
        m = re.search(r"ends(?: ·)? (?:wk )?([\d.]+)", t.get_text())
        if t.get_color() != style.GATE or not m:
            continue
        stage = next(s for s in a.stages.stages if f"{s.finish:g}" == m.group(1) or s.name in t.get_text())
        assert stage.start is not None and stage.finish is not None
        bb = t.get_window_extent(r)
        end_px, start_px = to_px((stage.finish, 0))[0], to_px((stage.start, 0))[0]
        # beside its line or its bar's start, or on its bar: never away from both
        gap = max(0.0, bb.x0 - end_px, start_px - bb.x1) * 72 / fig.dpi
        assert gap <= NEAR_PT, (t.get_text(), gap)
        found += 1
    assert found == len(a.stages.stages)
