"""The critical path's chips say their weeks whole (H-report24): the second line of a chip was cut to its
character count, so fractional weeks read ``0.14 wk · wk 21.09–21…`` or, far into a plan,
``12.57 wk · wk 121.09–13…``, and a decision shorter than a hundredth of a week read ``wk 21.57–21.57``. Now the
line leaves a figure out rather than cut one, and a span whose ends read the same is one figure
(:func:`planner.units.week_span`, also used by the graph's cards, the stage timeline and the report).

Hand-checked spans: a chain 100 -> 12.57 -> 0.001 -> 1/7 weeks: the second step runs weeks 100-112.57, the third
112.57-112.571 (written 112.57 both ends), the fourth 112.571-112.714 (112.57-112.71)."""

from __future__ import annotations

import re

from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.critical_path import draw_critical_path
from planner.model import plan_from_dict
from planner.units import week_span


def _chain(durations: list[float]) -> dict[str, object]:
    return {
        "schema_version": 1,
        "title": "Fractional weeks",
        "stages": [{"id": "v", "name": "Validate"}],
        "decisions": [
            {"id": f"d{k}", "title": f"Step {k}", "stage": "v", "duration": d}
            for k, d in enumerate(durations)
        ],
        "dependencies": [{"from": f"d{k}", "to": f"d{k + 1}"} for k in range(len(durations) - 1)],
    }


def _chip_lines(durations: list[float]) -> list[str]:
    analysis = analyze(plan_from_dict(_chain(durations)))
    fig = Figure(figsize=(11, 5))
    draw_critical_path(fig, analysis, to_scale=False)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    return [t for t in texts if "wk" in t and "\n" not in t and "Step" not in t]


def test_week_span_is_one_figure_when_its_ends_read_the_same() -> None:
    assert week_span(100, 112.57) == "100\u2013112.57"
    assert week_span(112.57, 112.571) == "112.57"
    assert week_span(112.571, 112.571 + 1 / 7) == "112.57\u2013112.71"


def test_chip_lines_keep_their_figures_whole() -> None:
    lines = _chip_lines([100, 12.57, 0.001, 1 / 7])
    assert len(lines) == 4, lines
    for line in lines:
        assert "\u2026" not in line, f"a figure was cut: {line!r}"
        assert not re.search(r"(\d+(?:\.\d+)?)\u2013\1(?!\d)", line), (
            f"a span whose ends read alike: {line!r}"
        )
    # Each chip names its own weeks (the span, or the duration where the span has no room).
    assert lines[0] == "100 wk \u00b7 wk 0\u2013100"
    assert "112.57" in lines[2] and "\u2013" not in lines[2]  # 0.001 weeks: one figure
    assert any(s in lines[1] for s in ("wk 100\u2013112.57", "12.57 wk"))
    assert any(s in lines[3] for s in ("wk 112.57\u2013112.71", "0.14 wk"))
