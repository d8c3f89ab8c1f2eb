"""The stage timeline's stage names take two lines where the rows have room (H-report21).

Before, a name was cut to one line of the left column, at most 30 % of the width: on a portrait page about 20
characters ('1 · Stage 1: Discover…'), so twelve stages named 'Stage k: <wave> and sign-off by the steering
committee' showed little more than their numbers, on rows tall enough for two lines. Now a name that does not fit
one line takes two when every row has room for them above the count under the stage before."""

from __future__ import annotations

from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.stage_timeline import draw_stage_timeline
from planner.model import plan_from_dict
from tests.report.s20_plans import many_stages


def _labels(w: float, h: float) -> list[str]:
    fig = Figure(figsize=(w, h), dpi=72)
    draw_stage_timeline(fig, analyze(plan_from_dict(many_stages(12))), compact=True)
    return [
        t.get_text()
        for t in fig.axes[0].texts
        if t.get_text().startswith(tuple(f"{k} \u00b7" for k in range(1, 13)))
    ]


def test_names_take_two_lines_on_a_portrait_page() -> None:
    labels = _labels(6.85, 9.0)  # a portrait page's frame under the heading, the chart alone on it
    assert len(labels) == 12
    first = labels[0].replace("\n", " ")
    # 26 characters or more, not ~20, cut after a whole word: 'Discovery and…', not 'Discovery and sig…' (H-report33)
    full = "1 \u00b7 Stage 1: Discovery and sign-off by the steering committee"
    shown = first.removesuffix("\u2026")
    assert first.endswith("\u2026") and full.startswith(shown) and full[len(shown)] == " ", first
    assert shown.startswith("1 \u00b7 Stage 1: Discovery and"), first
    assert all(len(x.split("\n")) == 2 for x in labels)


def test_short_rows_keep_one_line() -> None:
    labels = _labels(6.85, 4.2)  # rows too short for two lines: one, shortened as before
    assert len(labels) == 12 and all("\n" not in x and x.endswith("\u2026") for x in labels)
