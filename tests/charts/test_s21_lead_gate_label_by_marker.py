"""The stage timeline's gate label stays by its gate (lead, session 21).

Before: when the gate's words had no room after a long gated window's "wk a-b", they went left of the window's
start, weeks away from the gate's diamond ("gate 18 Feb 2027" at week 1.9 for a gate at week 6.4, found by
H-unseen21's sweep): a reader takes them for the window's start. Now they sit by the diamond, within a few points
of the gate's line on either side (session 25, H-ui25b: no longer on white over the gated window, which they hid;
where they go then is tests/charts/test_s25b_stage_gate_labels.py).
"""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from planner.analysis import analyze
from planner.charts import draw_chart
from planner.model import plan_from_dict


def _plan(first: float = 1) -> Any:
    # Validate: a (1 or 3 wk). Integrate: b (5 wk, no links): rolling 0-5, gated 1-6 (3-8), gate at 6 (8).
    # Scale: c (0.5 wk) after b: gated 6-6.5 (8-8.5). The axis ends soon after 6.5, so the words of Integrate's gate
    # have no room after its "wk 1-6" ("wk 3-8"); with a 3-week Validate they had room left of the window.
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "Gate label",
            "start_date": "2027-01-04",
            "stages": [
                {"id": "validate", "name": "Validate"},
                {"id": "integrate", "name": "Integrate"},
                {"id": "scale", "name": "Scale"},
            ],
            "decisions": [
                {"id": "a", "title": "A", "stage": "validate", "duration": first},
                {"id": "b", "title": "B", "stage": "integrate", "duration": 5},
                {"id": "c", "title": "C", "stage": "scale", "duration": 0.5},
            ],
            "dependencies": [{"from": "b", "to": "c"}],
        },
        "<gate-label>",
    )


@pytest.mark.parametrize(("first", "date"), [(1, "15 Feb 2027"), (3, "1 Mar 2027")])
def test_a_long_windows_gate_words_sit_by_its_gate(first: float, date: str) -> None:
    a = analyze(_plan(first))
    gate = next(r.gate for r in a.stages.stages if r.id == "integrate")
    assert gate == first + 5  # by hand: B gated from Validate's gate for 5 weeks
    fig = draw_chart("stages", a, size=(7.5, 4.0))
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    r = canvas.get_renderer()
    ax = fig.axes[0]  # the timeline (the readiness panel is the second)
    labels = [t for t in fig.findobj(Text) if t.get_text().startswith("gate") and date in t.get_text()]
    assert len(labels) == 1, [t.get_text() for t in fig.findobj(Text) if t.get_text().startswith("gate")]
    box = labels[0].get_window_extent(r)
    gate_px = ax.transData.transform((gate, 0))[0]
    # the words start or end within a few points of the diamond, not at the window's start 5 weeks away
    assert min(abs(box.x0 - gate_px), abs(box.x1 - gate_px)) < 20 * fig.dpi / 72


def test_the_swept_plans_gate_words_sit_by_their_gate() -> None:
    """The plan H-unseen21's sweep found it on: stage Wire's gate at week 6.44 had 'gate 18 Feb 2027' at 1.94."""
    from tests.unseen_plans import stress_random

    a = analyze(plan_from_dict(stress_random(15, 5107), "<stress-15-5107>"))
    gate = next(r.gate for r in a.stages.stages if r.id == "wire")
    fig = draw_chart("stages", a)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    r = canvas.get_renderer()
    labels = [
        t for t in fig.findobj(Text) if t.get_text().startswith("gate") and "18 Feb 2027" in t.get_text()
    ]
    assert len(labels) == 1
    gate_px = fig.axes[0].transData.transform((gate, 0))[0]
    box = labels[0].get_window_extent(r)
    assert min(abs(box.x0 - gate_px), abs(box.x1 - gate_px)) < 20 * fig.dpi / 72
