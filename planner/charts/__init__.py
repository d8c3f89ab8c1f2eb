"""Charts: functions that draw an analysed plan onto a ``matplotlib.figure.Figure`` they are given.

No Qt and no pyplot here: the same function feeds the app's chart tabs, ``planner export`` and the PDF report.
Every chart is registered by name with a default size that grows with the plan::

    from planner.charts import CHARTS, default_size, render_chart
    render_chart("gantt", analysis, "plan-gantt.svg")

Other chart modules add themselves with :func:`register_chart`; ``planner.charts.risk`` and
``planner.charts.capacity`` are imported here when they exist.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.charts import style
from planner.charts.critical_path import critical_path_pages, draw_critical_path
from planner.charts.gantt import (
    draw_gantt,
    gantt_row_capacity,
    gantt_row_count,
    gantt_rows,
    natural_height_in,
)
from planner.charts.graph import draw_graph, graph_extent, graph_tiles
from planner.charts.roadmap import draw_roadmap, roadmap_size
from planner.charts.stage_timeline import draw_stage_timeline
from planner.model.io import atomic_write

ChartFunc = Callable[..., None]
SizeSpec = tuple[float, float] | Callable[[Any], tuple[float, float]]

CHARTS: dict[str, ChartFunc] = {}
"""Chart name -> drawing function ``f(fig, analysis, **options)``."""

TITLES: dict[str, str] = {}
"""Chart name -> human title (for tabs, menus and the report)."""

_SIZES: dict[str, SizeSpec] = {}

FORMATS = (".png", ".svg", ".pdf")

SLIDE = (13.333, 7.5)  # 16:9 slide, inches
MAX_IN = 200.0  # matplotlib/Agg cannot go much past 2^16 pixels per side; keep exports sane


def register_chart(
    name: str, func: ChartFunc, default_size: SizeSpec = SLIDE, *, title: str | None = None
) -> None:
    """Make ``func`` available as chart ``name`` (CLI ``--chart``, app tabs, report).

    ``default_size`` is ``(width, height)`` in inches or a function ``analysis -> (width, height)`` that grows
    with the plan so that text stays readable.
    """
    CHARTS[name] = func
    _SIZES[name] = default_size
    TITLES[name] = title or name.replace("-", " ").capitalize()


def default_size(name: str, analysis: Analysis) -> tuple[float, float]:
    """The size in inches at which chart ``name`` shows ``analysis`` with readable text (at least 7 pt)."""
    spec = _SIZES.get(name, SLIDE)
    w, h = spec(analysis) if callable(spec) else spec
    return (min(MAX_IN, max(4.0, float(w))), min(MAX_IN, max(3.0, float(h))))


def _n(analysis: Analysis) -> int:
    return len(analysis.plan.decisions) if analysis.schedule is not None else 0


def _gantt_size(analysis: Analysis) -> tuple[float, float]:
    rows = gantt_row_count(analysis)
    # As tall as its rows (a slide's height left a few rows over an empty half, the axis at the foot).
    return (max(SLIDE[0], min(20.0, 11.0 + _longest_span(analysis) / 12)), natural_height_in(rows))


def _longest_span(analysis: Analysis) -> float:
    s = analysis.schedule
    if s is None:
        return 0.0
    return max(s.finish, analysis.stages.gated_finish if analysis.stages else 0.0)


def _graph_size(analysis: Analysis) -> tuple[float, float]:
    w, h = graph_extent(analysis)
    return (max(8.0, w), max(4.0, h))


def _critical_size(analysis: Analysis) -> tuple[float, float]:
    from planner.charts.critical_path import critical_path_height

    # As tall as its rows of chips and the strip (at least 4.5 in left a gap over the strip under one row).
    return (SLIDE[0], critical_path_height(analysis, SLIDE[0]))


def _stages_size(analysis: Analysis) -> tuple[float, float]:
    k = len(analysis.plan.stages)
    return (SLIDE[0], max(SLIDE[1] * 0.8, 2.4 + 0.95 * k))


register_chart("gantt", draw_gantt, _gantt_size, title="Gantt")
register_chart("graph", draw_graph, _graph_size, title="Dependency graph")
register_chart("roadmap", draw_roadmap, roadmap_size, title="Roadmap")
register_chart("stages", draw_stage_timeline, _stages_size, title="Stage timeline")
register_chart("critical-path", draw_critical_path, _critical_size, title="Critical path")


def new_figure(size: tuple[float, float], dpi: float = 100) -> Any:
    """A plain Figure (no pyplot, no global state) with an Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def draw_chart(
    name: str, analysis: Analysis, size: tuple[float, float] | None = None, dpi: float = 100, **options: Any
) -> Any:
    """A new Figure with chart ``name`` drawn on it."""
    if name not in CHARTS:
        raise KeyError(f"unknown chart {name!r}; choose one of: {', '.join(CHARTS)}")
    fig = new_figure(size or default_size(name, analysis), dpi)
    CHARTS[name](fig, analysis, **options)
    return fig


def save_figure(fig: Any, path: str | os.PathLike[str], dpi: float = 150) -> None:
    """Save ``fig`` by the suffix of ``path``: text stays text in SVG, fonts are embedded in PDF. The file is
    replaced in one step (:func:`planner.model.io.atomic_write`)."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(
            f"cannot export {suffix or 'a file without a suffix'}; use one of {', '.join(FORMATS)}"
        )
    w, h = fig.get_size_inches()
    if suffix == ".png":
        # Agg refuses images beyond 2^16 pixels a side; lower the resolution of huge charts instead of failing.
        dpi = min(dpi, 65000 / max(w, h))
    meta: dict[str, Any] = (
        {"Creator": "Scaling Roadmap Planner"}
        if suffix != ".png"
        else {"Software": "Scaling Roadmap Planner"}
    )
    if suffix == ".svg":
        meta = {"Creator": "Scaling Roadmap Planner", "Date": None}
    elif suffix == ".pdf":
        meta = {"Creator": "Scaling Roadmap Planner", "CreationDate": None}
    # The one atomic write: an export that fails half way (a full disk, Ctrl-C) leaves the old file, never half.
    with style.rc_context(), atomic_write(path, suffix=".part") as fh:
        fig.savefig(fh, format=suffix[1:], dpi=dpi, facecolor="white", metadata=meta)


def render_chart(
    name: str,
    analysis: Analysis,
    path: str | os.PathLike[str],
    size: tuple[float, float] | None = None,
    dpi: float = 150,
    **options: Any,
) -> None:
    """Draw chart ``name`` for ``analysis`` and save it to ``path`` (.png, .svg or .pdf by suffix).

    ``size`` is (width, height) in inches, by default :func:`default_size`. ``options`` go to the chart function
    (e.g. ``gated=True`` for the Gantt).
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(
            f"cannot export {suffix or 'a file without a suffix'}; use one of {', '.join(FORMATS)}"
        )
    fig = draw_chart(name, analysis, size, dpi=100, **options)
    save_figure(fig, path, dpi)


# The risk, capacity and cost charts register themselves through register_chart above, so they load last.
import planner.charts.capacity  # noqa: E402
import planner.charts.cost  # noqa: E402
import planner.charts.risk  # noqa: E402, F401

if TYPE_CHECKING:
    from planner.analysis import Analysis

__all__ = [
    "CHARTS",
    "FORMATS",
    "TITLES",
    "critical_path_pages",
    "default_size",
    "draw_chart",
    "draw_critical_path",
    "draw_gantt",
    "draw_graph",
    "draw_roadmap",
    "draw_stage_timeline",
    "gantt_row_capacity",
    "gantt_row_count",
    "gantt_rows",
    "graph_tiles",
    "new_figure",
    "register_chart",
    "render_chart",
    "save_figure",
    "style",
]
