"""A stage gate at the right edge of the roadmap (the last stage's gate, at the finish) has its label left of its
marker, over the stage bar and the finish line. It had a white halo, which at screen sizes left the grey bar and the
blue line showing between the letters ("gate]5]Nov"); it now sits on a white ground above them."""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.roadmap import draw_roadmap
from planner.model import load_plan

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


def test_a_gate_label_left_of_its_marker_is_on_a_white_ground_above_the_lines() -> None:
    fig = Figure(figsize=(9.5, 5.6), dpi=100)
    FigureCanvasAgg(fig)
    draw_roadmap(fig, analyze(load_plan(SAMPLE)))
    fig.canvas.draw()
    ax = fig.axes[0]
    left = [
        t for t in ax.texts if t.get_text().startswith("gate ") and t.get_horizontalalignment() == "right"
    ]
    assert left, "the sample's last gate sits at the finish, at the right edge: its label goes left"
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for label in left:
        patch = label.get_bbox_patch()
        assert patch is not None and patch.get_facecolor()[:3] == (1.0, 1.0, 1.0)
        assert not label.get_path_effects()
        box = label.get_window_extent(renderer)
        # every line or bar under the label is drawn before it
        for line in ax.lines:
            if line.get_window_extent(renderer).overlaps(box):
                assert line.get_zorder() < label.get_zorder()
        for bar in ax.patches:
            if bar.get_window_extent(renderer).overlaps(box):
                assert bar.get_zorder() < label.get_zorder()
