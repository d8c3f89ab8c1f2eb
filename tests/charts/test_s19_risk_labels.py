"""Risk histogram: no marker label sits over a line -- another marker's line, the CPM line or the S-curve -- or
over another label, at the sizes the report and the app draw it.

Before, at 6 x 4 in the sample plans' P50 label found no spot clear of the CPM line (left) and the P80 line
(right) and was drawn across the P80 line behind its white box; at the report's half-page size (A4 and letter
landscape) the same; and the labels' white boxes hid pieces of the S-curve (the P80 label right of its marker,
where the curve rises through it). Labels now also avoid the curve, may sit beside another line or an edge of the
axes (a leader joins them to their marker, itself kept off other lines), and the CPM label has shorter forms.
Measured in the drawn figure: each label's box (its white patch) against the lines' drawn paths."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis.montecarlo import simulate
from planner.charts.risk import draw_risk
from planner.model import load_plan, plan_from_dict
from planner.report.sections.risk import CHART_MAX_PT, CHART_MIN_PT
from planner.report.style import page_geometry
from tests.unseen_plans import SHAPES, STRESS_SHAPES

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def _report_sizes() -> list[tuple[float, float]]:
    """The report's risk chart: half a landscape page's width, 250 pt high (A4 and letter); the whole width of a
    portrait page, from CHART_MIN_PT to CHART_MAX_PT high (inches)."""
    sizes = []
    for paper in ("a4", "letter"):
        land, port = page_geometry(paper, "landscape"), page_geometry(paper, "portrait")
        sizes.append(((land.frame_width - 12.0) / 2 / 72, 250.0 / 72))  # ReportContext.half_width
        sizes += [(port.frame_width / 72, CHART_MIN_PT / 72), (port.frame_width / 72, CHART_MAX_PT / 72)]
    return sizes


# 6 x 4 in (the brief's size), the report's, and the app's risk tab (1280 x 720 and larger windows).
SIZES = [(6.0, 4.0), *_report_sizes(), (10.24, 4.3), (11.0, 6.0)]
PLANS = ["bank-assistant", "ai-portfolio", "fraud-detection", "insights-assistant", "baseline", "single"]


def _plan(name: str) -> Any:
    path = ROOT / "sample_plans" / f"{name}.plan.json"
    if path.exists():
        return load_plan(path)
    return plan_from_dict({**SHAPES, **STRESS_SHAPES}[name]())


def _draw(name: str, size: tuple[float, float]) -> Figure:
    fig = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(fig)
    draw_risk(fig, simulate(_plan(name), 1000, seed=1))
    fig.canvas.draw()
    return fig


def _labels(fig: Figure) -> list[tuple[Any, Any]]:
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    return [
        (a, a.get_bbox_patch().get_window_extent(renderer))
        for ax in fig.axes
        for a in ax.texts
        if a.__class__.__name__ == "Annotation"
    ]


def _path_points(line: Any) -> np.ndarray:
    """The line as drawn (its steps included), in display pixels, a point at least every pixel."""
    v = line.get_transform().transform_path(line.get_path()).vertices
    parts = [
        np.linspace(p, q, int(max(2.0, float(np.hypot(*(q - p))))) + 1) for p, q in itertools.pairwise(v)
    ]
    return np.vstack(parts)


def problems(fig: Figure) -> list[tuple[str, str, str]]:
    """(what, label, other) for each label over another label, a marker's line or the S-curve."""
    labels = _labels(fig)
    out = []
    for (a, b), (c, d) in itertools.combinations(labels, 2):
        if b.x0 < d.x1 and d.x0 < b.x1 and b.y0 < d.y1 and d.y0 < b.y1:
            out.append(("label", a.get_text(), c.get_text()))
    for ax in fig.axes:
        for line in ax.lines:
            n = len(np.asarray(line.get_xdata()))
            if n < 2:
                continue  # a marker's dot
            pts = _path_points(line)
            for a, b in labels:
                if n == 2 and line.get_color() == a.get_color():
                    continue  # the label's own marker line
                x, y = pts[:, 0], pts[:, 1]
                if np.any((x > b.x0) & (x < b.x1) & (y > b.y0) & (y < b.y1)):
                    out.append(("curve" if n > 2 else "line", a.get_text(), line.get_color()))
    return out


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]:.2f}x{s[1]:.2f}")
@pytest.mark.parametrize("name", PLANS)
def test_no_label_over_a_line_the_curve_or_another_label(name: str, size: tuple[float, float]) -> None:
    fig = _draw(name, size)
    texts = [a.get_text() for a, _ in _labels(fig)]
    assert sum(t.startswith(("P50", "P80")) for t in texts) == 2  # never left out
    # the CPM label is left out only where no spot is clear of the curve: not at 6 x 4 in nor in the app
    if size in ((6.0, 4.0), (10.24, 4.3), (11.0, 6.0)):
        assert any(t.startswith("CPM plan") for t in texts)
    assert problems(fig) == []


def test_the_measure_sees_a_label_over_the_curve() -> None:
    """The check above finds what it looks for: a label moved onto the S-curve's middle is reported."""
    fig = _draw("bank-assistant", (6.0, 4.0))
    ax2 = fig.axes[1]
    p50 = next(a for a, _ in _labels(fig) if a.get_text().startswith("P50"))
    p50.xyann = (0.0, 0.0)  # the label's left edge on its marker, which is on the curve
    p50.set_horizontalalignment("center")
    fig.canvas.draw()
    assert ("curve", p50.get_text(), ax2.lines[0].get_color()) in problems(fig)
