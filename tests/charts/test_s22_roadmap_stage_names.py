"""The roadmap's stage strip names each stage, not its first ~20 characters (H-report22).

Twelve stages named 'Stage k: <wave> and sign-off by the steering committee' read '1 · Stage 1: Discovery a…' in
the strip's label column (at most 20 % of the width), on rows one line tall that cannot take two without taking
the lanes' room. Now a name the column would cut goes into its own row, whole where it fits left of the stage's
window (reaching into the column, which keeps the stage's number) or after its gate, else shortened on the roomier
side, on white; a name that fits the column stays there.
"""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts import draw_roadmap
from planner.model import plan_from_dict
from tests.report.s20_plans import _base, many_stages


def _strip_texts(data: dict[str, Any], w: float, h: float) -> tuple[Figure, list[Any]]:
    fig = Figure(figsize=(w, h), dpi=72)
    draw_roadmap(fig, analyze(plan_from_dict(data)))
    return fig, list(fig.axes[0].texts)


@pytest.mark.parametrize(
    ("w", "h"), [(10.3, 5.4), (6.85, 8.9)]
)  # A4 landscape and portrait under the heading
def test_twelve_long_stage_names_read_in_the_strip(w: float, h: float) -> None:
    fig, texts = _strip_texts(many_stages(12), w, h)
    for k in range(1, 13):
        shown = [t.get_text() for t in texts if t.get_text().replace("\u2026", "").startswith(f"Stage {k}:")]
        shown += [t.get_text() for t in texts if t.get_text().startswith(f"{k} \u00b7 Stage {k}:")]
        assert shown, f"stage {k} is not named"
        name = max(shown, key=len).removeprefix(f"{k} \u00b7 ")
        assert len(name.rstrip("\u2026")) >= 38, f"stage {k} shows {name!r}"
    # The names in the rows overlap no other text of the strip (gate labels, the other names).
    renderer = FigureCanvasAgg(fig).get_renderer()
    strip = [t for t in texts if t.get_text().startswith(("Stage", "gate"))]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in strip]
    for i, (a, ba) in enumerate(boxes):
        for b, bb in boxes[i + 1 :]:
            assert not ba.overlaps(bb), f"{a!r} overlaps {b!r}"
    # Every name stays inside the figure.
    width = fig.get_size_inches()[0] * fig.dpi
    for text, box in boxes:
        assert box.x0 >= 0 and box.x1 <= width + 0.5, text


def test_names_that_fit_the_column_stay_there() -> None:
    _, texts = _strip_texts(_base("Four stages", 8), 10.3, 5.4)
    labels = [t.get_text() for t in texts if "\u00b7" in t.get_text()[:4]]
    assert labels[:4] == [
        "1 \u00b7 Validate",
        "2 \u00b7 Integrate",
        "3 \u00b7 Operationalize",
        "4 \u00b7 Scale",
    ]
