"""The stage timeline of a plan of many stages, in the report and at its least height (H-report20).

Before: twelve stages on an A4 page (landscape or portrait) were squeezed to a row pitch at which each stage's
gate label ("gate wk 9 · 8 Mar 2027", a third line at the foot of the row) ran over its gated window's
"wk 0–9" and the last one over "strict gates cost no time"; the report gave the chart 29.5 pt a stage, less than
its three lines of text need, and kept 102 pt free above it for a heading that takes about 55.
"""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from pypdf import PdfReader

import planner.report.vector as vector
from planner.analysis import analyze
from planner.charts import draw_chart
from planner.charts.stage_timeline import min_height_in
from planner.model import plan_from_dict
from planner.report import build_report
from tests.charts.test_charts import _texts
from tests.charts.test_unseen_charts import _texts_off_the_figure
from tests.report.s20_plans import PLANS, one


def _overlaps(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of texts the reader sees (tick labels only inside the view) that overlap by more than a point."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    r = canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(r)) for t in _texts(fig)]
    return [
        (a[:40], b[:40])
        for k, (a, ba) in enumerate(boxes)
        for b, bb in boxes[k + 1 :]
        if min(ba.x1, bb.x1) - max(ba.x0, bb.x0) > 1 and min(ba.y1, bb.y1) - max(ba.y0, bb.y0) > 1
    ]


def _small_texts(fig: Figure) -> list[str]:
    FigureCanvasAgg(fig).draw()
    return [
        f"{t.get_text()!r} at {t.get_fontsize()} pt"
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and float(t.get_fontsize()) < 7.0 - 1e-6
    ]


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_twelve_stages_in_the_report_read_without_overlaps(
    orientation: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = analyze(plan_from_dict(PLANS["twelve-stages"](), "<twelve>"))
    drawn: list[tuple[list[str], list[Any]]] = []
    render = vector.render_figure

    def spy(fig: Figure, canv: Any) -> None:
        # (asserting here would be caught: a chart that fails to draw leaves a note in the report)
        if any(t.get_text() == "Readiness" for t in fig.findobj(Text)):
            found = [*_overlaps(fig), *_texts_off_the_figure(fig), *_small_texts(fig)]
            drawn.append(([t.get_text() for t in fig.findobj(Text)], found))
        render(fig, canv)

    monkeypatch.setattr(vector, "render_figure", spy)
    out = tmp_path / "r.pdf"
    build_report(a, out, orientation=orientation, sections=["stage-timeline"])
    assert len(drawn) == 1
    assert drawn[0][1] == []
    assert len(PdfReader(out).pages) == 1  # heading, words and chart on one page
    assert sum(t.startswith("gate ") for t in drawn[0][0]) == 12
    # its subtitle whole (it was cut to "... strict gates add no ti…" in portrait by a count of characters)
    assert any(t.endswith("strict gates add no time") for t in drawn[0][0])  # every stage's gate is labelled


@pytest.mark.parametrize("plan", ["one", "twelve-stages", "two-no-links", "all-done", "no-start-date"])
@pytest.mark.parametrize("width", [10.28, 7.76])
def test_at_its_least_height_nothing_overlaps(plan: str, width: float) -> None:
    a = analyze(plan_from_dict(PLANS[plan](), plan))
    fig = draw_chart("stages", a, size=(width, min_height_in(a, width)))
    assert _overlaps(fig) == []
    assert _texts_off_the_figure(fig) == []
    assert _small_texts(fig) == []


@pytest.mark.parametrize("width", [10.28, 7.76, 6.0])
def test_what_strict_gates_move_fits_under_the_name(width: float) -> None:
    # What strict gates move ("1 run later under strict gates") follows the count on its line when it fits (wide
    # figures), else takes lines of its own under it, and the least height grows with them.
    d = one()
    d["decisions"].append(dict(d["decisions"][0], id="late", stage="validate", title="Late"))
    d["decisions"][0]["stage"] = "integrate"
    d["dependencies"] = [{"from": "d000", "to": "late"}]
    a = analyze(plan_from_dict(d, "<moved>"))
    assert a.stages is not None and a.stages.sequencing_moves()
    plain = analyze(plan_from_dict(one(), "<one>"))
    fig = draw_chart("stages", a, size=(width, min_height_in(a, width)))
    assert _overlaps(fig) == [] and _small_texts(fig) == []
    moved = [
        t.get_text()
        for t in fig.findobj(Text)
        if "from earlier" in t.get_text() or "run later" in t.get_text()
    ]
    assert len(moved) == 2  # out of Validate, into Integrate
    if width > 10:
        assert moved[0] == "1 decision \u00b7 1 run later under strict gates"
    else:
        assert moved[0] == "1 decision\n1 run later under strict gates"
        assert min_height_in(a, width) > min_height_in(plain, width)
