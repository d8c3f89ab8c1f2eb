"""Every chart draws for empty, tiny, sample, large and broken plans without warnings, stays readable, and exports
to valid PNG, SVG and PDF. No Qt here."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, cast

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.charts import (
    CHARTS,
    default_size,
    draw_chart,
    draw_gantt,
    draw_graph,
    gantt_row_capacity,
    gantt_row_count,
    graph_tiles,
    register_chart,
    render_chart,
    style,
)
from planner.charts.graph import graph_windows, layout
from planner.charts.graph_pages import GraphPage

BUILTIN = ["gantt", "graph", "roadmap", "stages", "critical-path"]


def _draw(name: str, analysis, size=None, **options) -> Figure:
    fig = draw_chart(name, analysis, size, **options)
    fig.canvas.draw()  # warnings (missing glyphs, layout) surface at draw time
    return fig


def _texts(fig: Figure) -> list[Text]:
    """The text the reader sees: tick labels only for the ticks inside the view."""
    all_ticks: set[int] = set()
    shown: list[Text] = []
    axes: list[Any] = fig.findobj(lambda a: hasattr(a, "xaxis") and hasattr(a, "yaxis"))  # secondary axes too
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                all_ticks.update((id(tick.label1), id(tick.label2)))
            for tick in axis._update_ticks() if ax.axison else []:
                shown += [lab for lab in (tick.label1, tick.label2) if lab.get_visible()]
    rest = [t for t in fig.findobj(Text) if id(t) not in all_ticks and t.get_visible()]
    return [t for t in rest + shown if t.get_text().strip()]


def test_registry_has_the_builtin_charts() -> None:
    assert set(BUILTIN) <= set(CHARTS)
    assert CHARTS["gantt"] is draw_gantt and CHARTS["graph"] is draw_graph


@pytest.mark.parametrize("name", BUILTIN)
def test_every_chart_draws_for_every_kind_of_plan(name: str, any_analysis) -> None:
    fig = _draw(name, any_analysis)
    texts = " ".join(t.get_text() for t in _texts(fig))
    if any_analysis.schedule is None:
        assert "error" in texts  # a clear message instead of a chart
    elif not any_analysis.plan.decisions:
        assert "no decisions" in texts
    else:
        assert any_analysis.plan.title[:20] in texts


@pytest.mark.parametrize("name", BUILTIN)
def test_highlight_draws(name: str, analysis_of) -> None:
    a = analysis_of("tiny")
    _draw(name, a, highlight="b") if name != "stages" else _draw(name, a)
    if name != "stages":
        _draw(name, a, highlight=["a", "m", "unknown-id"])


@pytest.mark.parametrize("kind", ["tiny", "bank-assistant", "fraud-detection", "insights-assistant"])
@pytest.mark.parametrize("name", BUILTIN)
def test_text_is_inside_the_figure_readable_and_not_overlapping(name: str, kind: str, analysis_of) -> None:
    """What "look at it" checks by eye, checked by machine at the default size: no text sticks out of the
    figure, nothing that must be read is below 6.5 pt, and no two pieces of text overlap."""
    fig = _draw(name, analysis_of(kind))
    renderer = cast(FigureCanvasAgg, fig.canvas).get_renderer()
    fb = fig.bbox
    boxes = []
    for t in _texts(fig):
        bb = t.get_window_extent(renderer)
        assert bb.x0 >= fb.x0 - 1 and bb.x1 <= fb.x1 + 1 and bb.y0 >= fb.y0 - 1 and bb.y1 <= fb.y1 + 1, (
            f"{t.get_text()!r} is clipped by the figure edge"
        )
        assert float(t.get_fontsize()) >= 6.5, (
            f"{t.get_text()!r} is drawn at {float(t.get_fontsize()):.1f} pt"
        )
        boxes.append((bb, t.get_text()))
    for i, (a, ta) in enumerate(boxes):
        for b, tb in boxes[i + 1 :]:
            ov_w = min(a.x1, b.x1) - max(a.x0, b.x0)
            ov_h = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert not (ov_w > 2 and ov_h > 2), f"{ta!r} overlaps {tb!r}"


def test_gantt_options(analysis_of) -> None:
    a = analysis_of("large")
    for opts in (
        {"gated": True},
        {"show_dependencies": True},
        {"show_dependencies": True, "gated": True},
        {"dates": False},
        {"dates": True},
        {"baseline": True},
        {"baseline": "kick-off"},
        {"baseline": "no such baseline"},
        {"rows": (40, 80)},
        {"rows": (0, 5), "highlight": "d0003"},
    ):
        fig = _draw("gantt", a, (11.0, 8.5), **opts)
        assert fig.axes


def test_gantt_baseline_bars_show_only_when_asked(analysis_of) -> None:
    a = analysis_of("large")
    without = _draw("gantt", a, (11.0, 8.5), rows=(0, 30))
    with_base = _draw("gantt", a, (11.0, 8.5), rows=(0, 30), baseline="latest")
    labels = lambda f: [t.get_text() for t in _texts(f)]  # noqa: E731
    assert "Baseline" in labels(with_base) and "Baseline" not in labels(without)


def test_gantt_rows_tile_a_large_plan_at_readable_size(analysis_of) -> None:
    a = analysis_of("large")
    page = (10.0, 7.0)
    cap = gantt_row_capacity(page[1])
    assert 25 <= cap <= 45
    assert gantt_row_capacity(page[1], min_font_pt=9) < cap < gantt_row_capacity(page[1], min_font_pt=6)
    total = gantt_row_count(a)
    assert total == len(a.plan.decisions) + len(a.plan.stages)
    starts = list(range(0, total, cap))
    for start in starts[:3] + starts[-1:]:
        fig = _draw("gantt", a, page, rows=(start, start + cap))
        sizes = [float(t.get_fontsize()) for t in _texts(fig)]
        assert min(sizes) >= 6.3  # row labels at >= 7 pt, gate labels at 0.9 of that
        row_labels = [t for t in _texts(fig) if float(t.get_fontsize()) >= 7.0 - 1e-9]
        assert len(row_labels) >= min(cap, total - start)


def test_gantt_axis_shows_dates_with_a_start_date_and_weeks_without(analysis_of) -> None:
    a = analysis_of("tiny")  # no start date
    fig = _draw("gantt", a)
    assert "weeks from plan start" in [ax.get_xlabel() for ax in fig.axes]
    b = analysis_of("bank-assistant")
    fig = _draw("gantt", b)
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert any("20" in t for t in ticks)  # a year under the first month


def test_graph_windows_cover_the_graph_and_stay_readable(analysis_of) -> None:
    a = analysis_of("large")
    lay = layout(a)
    page = (10.5, 7.5)
    tiles = graph_windows(a, *page)
    assert len(tiles) > 1
    xs = sorted({(x0, x1) for x0, x1, _, _ in tiles})
    assert xs[0][0] == 0 and abs(xs[-1][1] - lay.width) < 1e-6
    assert all(a1 == b0 for (_, a1), (b0, _) in zip(xs, xs[1:], strict=False))
    for strip in xs:
        ys = sorted((y0, y1) for x0, x1, y0, y1 in tiles if (x0, x1) == strip)
        assert ys[0][0] == 0 and abs(ys[-1][1] - lay.height) < 1e-6
        assert all(a1 >= b0 for (_, a1), (b0, _) in zip(ys, ys[1:], strict=False))  # may overlap
    for tile in tiles[:2] + tiles[-1:]:
        fig = _draw("graph", a, page, window=tile)
        card_text = [float(t.get_fontsize()) for t in _texts(fig) if t.axes is not None]
        assert card_text and min(card_text) >= style.MIN_PT * 0.93 - 1e-6  # meta line is 0.93 of the title
    small = analysis_of("tiny")
    assert len(graph_windows(small, *page)) == 1


def test_graph_windows_show_every_card_whole(analysis_of) -> None:
    from planner.charts.graph import NODE_H, NODE_W

    a = analysis_of("large")
    lay = layout(a)
    for x0, x1, _, _ in graph_windows(a, 10.5, 7.5):
        for cut in (x0, x1):
            assert not ((lay.x - NODE_W / 2 < cut - 1e-9) & (lay.x + NODE_W / 2 > cut + 1e-9)).any()
    # Every card is whole on some tile.
    tiles = graph_windows(a, 10.5, 7.5)
    for x, y in zip(lay.x.tolist(), lay.y.tolist(), strict=True):
        assert any(
            x0 <= x - NODE_W / 2
            and x + NODE_W / 2 <= x1
            and y0 <= y - NODE_H / 2 + 1e-9
            and y + NODE_H / 2 <= y1 + 1e-9
            for x0, x1, y0, y1 in tiles
        )


@pytest.mark.parametrize("plan", ["large", "fraud-detection", "ai-portfolio"])
def test_graph_pages_are_dense_readable_and_drop_nothing(plan: str, analysis_of) -> None:
    a = analysis_of(plan)
    page = (10.28, 5.5)  # a landscape A4 frame under a heading
    tiles = graph_tiles(a, *page)
    assert all(isinstance(t, GraphPage) for t in tiles)
    n = len(a.plan.decisions)
    shown = sorted(i for t in tiles for i in t.decisions)
    assert shown == list(range(n)), "every decision on exactly one page"
    assert len(tiles) <= max(2, n // 8), f"{len(tiles)} pages for {n} decisions"
    assert min(len(t) for t in tiles) >= min(4, n // len(tiles)), "no near-empty page"
    fig = None
    for tile in tiles[:2] + tiles[-1:]:
        fig = _draw("graph", a, page, window=tile)
        sizes = [float(t.get_fontsize()) for t in _texts(fig)]
        assert min(sizes) >= style.MIN_PT - 1e-9
        texts = " ".join(t.get_text() for t in _texts(fig))
        for i in tile.decisions:
            assert a.plan.decisions[i].title.split()[0] in texts
    # Links to other pages are stubs that name the other end.
    assert fig is not None and any(t.get_text().startswith("\u2190 ") for t in _texts(fig))


def test_graph_page_cards_do_not_overlap(analysis_of) -> None:
    from matplotlib.collections import PolyCollection

    a = analysis_of("ai-portfolio")
    page = (10.28, 5.5)
    for tile in graph_tiles(a, *page)[:4]:
        fig = _draw("graph", a, page, window=tile)
        cards = [c for c in fig.axes[0].collections if isinstance(c, PolyCollection) and c.get_zorder() == 2]
        boxes = [
            (v[:, 0].min(), v[:, 0].max(), v[:, 1].min(), v[:, 1].max())
            for v in (np.asarray(p.vertices) for p in cards[0].get_paths())
        ]
        assert len(boxes) == len(tile)
        for k, b in enumerate(boxes):
            assert b[0] >= 0 and b[1] <= page[0] and b[2] >= 0 and b[3] <= page[1]
            for c in boxes[k + 1 :]:
                assert b[1] <= c[0] or c[1] <= b[0] or b[3] <= c[2] + 1e-6 or c[3] <= b[2] + 1e-6


@pytest.mark.parametrize("name", BUILTIN)
def test_default_size_grows_with_the_plan(name: str, analysis_of) -> None:
    small = default_size(name, analysis_of("tiny"))
    large = default_size(name, analysis_of("large"))
    assert large[0] * large[1] >= small[0] * small[1]
    if name in ("gantt", "graph", "roadmap", "critical-path"):
        assert large[0] * large[1] > small[0] * small[1]
    for s in (small, large):
        assert 3 <= s[0] <= 200 and 3 <= s[1] <= 200


@pytest.mark.parametrize("name", BUILTIN)
def test_svg_is_valid_xml_with_text_kept_as_text(name: str, analysis_of, tmp_path: Path) -> None:
    out = tmp_path / f"{name}.svg"
    a = analysis_of("fraud-detection")
    render_chart(name, a, out)
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    texts = [el for el in root.iter() if el.tag.endswith("text")]
    assert texts, "text was turned into paths"
    assert a.plan.title[:15] in "".join("".join(el.itertext()) for el in texts)


@pytest.mark.parametrize("name", BUILTIN)
def test_pdf_and_png_export(name: str, analysis_of, tmp_path: Path) -> None:
    a = analysis_of("insights-assistant")
    pdf = tmp_path / "c.pdf"
    render_chart(name, a, pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data  # TrueType fonts embedded (pdf.fonttype 42)
    png = tmp_path / "c.png"
    render_chart(name, a, png, size=(8, 5), dpi=72)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_chart_refuses_unknown_suffix_and_chart(analysis_of, tmp_path: Path) -> None:
    a = analysis_of("tiny")
    with pytest.raises(ValueError, match="suffix|\\.txt"):
        render_chart("gantt", a, tmp_path / "x.txt")
    with pytest.raises(KeyError):
        render_chart("no-such-chart", a, tmp_path / "x.png")


def test_register_chart_extends_the_registry(analysis_of, tmp_path: Path) -> None:
    def draw_demo(fig: Figure, analysis, **_: object) -> None:
        fig.text(0.5, 0.5, "demo")

    register_chart("demo", draw_demo, lambda a: (5.0, 4.0), title="Demo")
    try:
        assert default_size("demo", analysis_of("tiny")) == (5.0, 4.0)
        render_chart("demo", analysis_of("tiny"), tmp_path / "demo.svg")
        assert b"demo" in (tmp_path / "demo.svg").read_bytes()
    finally:
        from planner.charts import _SIZES, CHARTS, TITLES

        CHARTS.pop("demo"), _SIZES.pop("demo"), TITLES.pop("demo")


def test_charts_draw_on_a_figure_they_are_given(analysis_of) -> None:
    fig = Figure(figsize=(9, 6))
    FigureCanvasAgg(fig)
    for name in BUILTIN:
        CHARTS[name](fig, analysis_of("tiny"))  # redraw on the same figure: each call starts afresh
        fig.canvas.draw()
    assert len(fig.axes) >= 1


def test_charts_import_neither_qt_nor_pyplot() -> None:
    code = (
        "import sys\n"
        "from planner.analysis import analyze\n"
        "from planner.model import load_plan\n"
        "from planner.charts import CHARTS, draw_chart\n"
        f"a = analyze(load_plan({str(Path(__file__).resolve().parents[2] / 'sample_plans' / 'bank-assistant.plan.json')!r}))\n"
        "for n in CHARTS:\n"
        "    draw_chart(n, a).canvas.draw()\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6') or m == 'matplotlib.pyplot']\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@pytest.mark.parametrize("gated", [False, True])
def test_gantt_stage_labels_sit_on_their_header_row_clear_of_bars_lines_and_each_other(
    gated: bool, analysis_of
) -> None:
    from matplotlib.collections import PolyCollection

    a = analysis_of("fraud-detection")
    page = (10.28, 5.5)
    cap = gantt_row_capacity(page[1])
    for rows in ((0, cap), (cap, 2 * cap)):
        fig = _draw("gantt", a, page, rows=rows, gated=gated)
        ax = fig.axes[0]
        renderer = cast(FigureCanvasAgg, fig.canvas).get_renderer()
        gate_texts = [t for t in ax.texts if t.get_color() == style.GATE]
        assert gate_texts, "every stage on the page is labelled"
        ax_box = ax.get_window_extent(renderer)
        bars = [p for c in ax.collections if isinstance(c, PolyCollection) for p in c.get_paths()]
        bar_boxes = [ax.transData.transform_bbox(p.get_extents()) for p in bars]
        # The finish lines run through every row: no label may sit across them.
        finish_x = [
            ax.transData.transform((np.asarray(line.get_xdata())[0], 0))[0]
            for line in ax.lines
            if line.get_color() == style.FINISH
        ]
        assert finish_x
        boxes = [t.get_window_extent(renderer) for t in gate_texts]
        slice_ = gantt_rows_of(a, gated)[rows[0] : rows[1]]
        if slice_[0][0] == "decision":  # a slice that starts inside a stage repeats its header
            slice_ = [("stage", -1), *slice_]
        header_rows = {k for k, (kind, _) in enumerate(slice_) if kind == "stage"}
        for t, box in zip(gate_texts, boxes, strict=True):
            assert round(t.get_position()[1]) in header_rows, "on its stage's header row"
            assert ax_box.x0 - 1 <= box.x0 and box.x1 <= ax_box.x1 + 1
            assert not any(box.overlaps(b) for b in bar_boxes), f"{t.get_text()} overlaps a bar"
            assert not any(box.x0 < x < box.x1 for x in finish_x), f"{t.get_text()} sits across a finish line"
            assert "\u2026" not in t.get_text(), "never shortened"
        for k, b in enumerate(boxes):
            assert not any(b.overlaps(c) for c in boxes[k + 1 :]), "stage labels overlap each other"
        # Row labels are whole titles in landscape.
        labels = {t.get_text() for t in _texts(fig)}
        shown = [i for kind, i in gantt_rows_of(a, gated)[rows[0] : rows[1]] if kind == "decision"]
        assert all(a.plan.decisions[i].title in labels for i in shown)


def test_only_the_gated_gantt_says_gate_and_its_gates_are_the_gated_schedules(analysis_of) -> None:
    """SPEC §3.3 "Words": a gate is a date of the gated schedule; the rolling Gantt shows where stages end."""
    from planner.model import units

    a = analysis_of("fraud-detection")
    st, plan = a.stages, a.plan
    rolling = [t.get_text() for t in _texts(_draw("gantt", a, (14.0, 9.0)))]
    gated = [t.get_text() for t in _texts(_draw("gantt", a, (14.0, 9.0), gated=True))]
    assert not any(" gate \u00b7" in t for t in rolling)
    from planner.charts.gantt import stage_end_labels

    for k, r in enumerate(st.stages):
        if r.finish is None:
            continue
        end = f"{r.name} ends \u00b7 wk {units.format_weeks(r.finish)} ({units.format_date(plan.date_of(r.finish), short=True)})"
        gate = f"{r.name} gate \u00b7 wk {units.format_weeks(r.gate)} ({units.format_date(plan.date_of(r.gate), short=True)})"
        # The whole label, or a shorter form of it (never a cut one) where the whole one has no room.
        assert stage_end_labels(plan, k, r.finish, False)[0] == end
        assert stage_end_labels(plan, k, r.gate, True)[0] == gate
        assert any(t in rolling for t in stage_end_labels(plan, k, r.finish, False))
        assert any(t in gated for t in stage_end_labels(plan, k, r.gate, True))
        assert all(f"wk {units.format_weeks(r.gate)}" in t for t in stage_end_labels(plan, k, r.gate, True))
    # Hand-checked on the sample, which records when its done and in-progress Validate work really ran (issue 16):
    # historical-backtest finished at 6; shadow-scoring started at 6 and has half of its 4 weeks left, so 6-8;
    # latency-slo (Operationalize) starts 2 weeks after it starts (SS+2): 8-9; streaming-architecture follows it
    # (FS): 9-11; scoring-service 11-14; auth-flow-integration 14-18 (its FF+1 after realtime-features, 16.5, does
    # not bind). So Integrate's assigned decisions end in week 18. Under strict gates Validate closes when
    # shadow-scoring does, at 8, and the two Integrate decisions not moved behind the inverted link run after it:
    # decision-layer 8-10, psd2-tra 10-12, so its gate is at 12. (As planned, before any progress: 19 and 14.)
    integrate = st.stage("integrate")
    assert (integrate.finish, integrate.gate) == (18.0, 12.0)
    # The gated Gantt groups by sequenced stage and says what sequencing moved.
    assert st.sequencing_text() and any(st.sequencing_text()[0] in t for t in gated)


def gantt_rows_of(a, gated=False):
    from planner.charts.gantt import gantt_rows

    return gantt_rows(a, gated)


def test_critical_path_pages_cover_the_chain_at_7pt(analysis_of) -> None:
    from planner.charts import critical_path_pages

    a = analysis_of("large")
    n = len(a.schedule.critical_path)
    pages = critical_path_pages(a, 10.28, 5.0, 6.2)
    assert pages[0][0] == 0 and pages[-1][1] == n
    assert all(p[1] == q[0] for p, q in zip(pages, pages[1:], strict=False))
    for steps in pages[:2]:
        fig = _draw("critical-path", a, (10.28, 5.0 if steps[0] == 0 else 6.2), steps=steps)
        assert min(float(t.get_fontsize()) for t in _texts(fig)) >= style.MIN_PT - 1e-9
        assert str(steps[0] + 1) in {t.get_text() for t in _texts(fig)}


def test_team_colours_never_repeat() -> None:
    # Issue 8: the capacity chart reused colours for different teams (six colours for any number of teams).
    from planner.charts.capacity import _team_colors

    for n in (1, 6, 7, 20, 21, 24, 80):
        colours = _team_colors(n)
        assert len(colours) == n == len(set(colours))


def test_stage_timeline_says_what_strict_gates_move() -> None:
    # Issue 8: the gated windows are drawn by sequenced stage, so the chart says which stages lose and gain work.
    from planner.analysis import analyze
    from planner.charts import draw_stage_timeline
    from planner.model import load_plan, units

    a = analyze(load_plan(Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"))
    fig = Figure(figsize=(12, 6))
    draw_stage_timeline(fig, a)
    texts = " | ".join(t.get_text() for ax in fig.axes for t in ax.texts)
    ((frm, to, ids),) = a.stages.sequencing_moves()
    assert f"{len(ids)} run later under strict gates" in texts
    assert f"+{len(ids)} from earlier under strict gates" in texts
    gates = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_text().startswith("gate wk")]
    assert gates == [
        f"gate wk {units.format_weeks(r.gate)} \u00b7 {units.format_date(a.plan.date_of(r.gate))}"
        for r in a.stages.stages
    ], "every gate label is the gated schedule's gate"
