"""A total capacity far above the load is named at the top of the load chart, not drawn with the load under it.

Before: thirty teams' total capacity (73 people) set the load chart's axis to 80 while the stacked load reached 13
at most: the load filled the axis' lowest sixth, its thirty colours unreadable, the rest of the chart empty. Over
OFF_SCALE times the highest load, the capacity's label says 'above the scale' at the axis' top and the load takes
the axis; a capacity within reach stays a dashed line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts import draw_chart
from planner.model import plan_from_dict

BANK = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


def _teams(n: int) -> Any:
    d = json.loads(BANK.read_text(encoding="utf-8"))
    d["teams"] = [{"id": f"t{i}", "name": f"Team number {i}", "capacity": 1 + i % 4} for i in range(n)]
    for i, x in enumerate(d["decisions"]):
        x["owner"] = f"t{i % n}"
    for r in d["risks"]:
        r["owner"] = "t0"
    return analyze(plan_from_dict(d, f"<teams-{n}>"))


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


@pytest.mark.parametrize("size", [(10.0, 4.0), (13.3, 7.5)])
def test_thirty_teams_load_takes_the_axis(size: tuple[float, float]) -> None:
    fig = draw_chart("load", _teams(30), size=size)
    labels = [t for t in _texts(fig) if t.startswith("total capacity")]
    assert labels and all(t.endswith("above the scale") for t in labels), labels
    checked = 0
    for ax in fig.axes:
        heights = [p.get_datalim(ax.transData).y1 for p in ax.collections]
        if heights and "total capacity" in " ".join(t.get_text() for t in ax.texts):
            assert ax.get_ylim()[1] <= 1.25 * max(heights), (ax.get_ylim(), max(heights))
            checked += 1
    assert checked == 1


def test_a_capacity_within_reach_is_a_line() -> None:
    fig = draw_chart("load", _teams(3), size=(10.0, 4.0))
    labels = [t for t in _texts(fig) if t.startswith("total capacity")]
    assert labels and not any("above the scale" in t for t in labels), labels
