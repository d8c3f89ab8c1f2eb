"""The Gantt and dependency-graph pages of the report: dense (35-45 Gantt rows a page, the graph on few pages),
every text at 7 pt or more, and the words of SPEC §3.3 (a rolling stage *ends*; only the gated schedule has gates)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.report.report_helpers import Report, analysis_of, generated_plan, make_report, normalise, sample

_TF = re.compile(rb"/(\S+) ([0-9.]+) Tf")
_ROWS = re.compile(r"rows (\d+)\u2013(\d+) of (\d+)")


def _smallest_text(report: Report) -> float:
    sizes = []
    for page in report.reader.pages:
        sizes += [float(m.group(2)) for m in _TF.finditer(page.get_contents().get_data())]
    assert sizes
    return min(sizes)


@pytest.fixture(scope="module", params=[("a4", "landscape"), ("letter", "landscape")])
def report_100(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Report:
    paper, orientation = request.param
    return make_report(
        analysis_of(generated_plan(100)),
        tmp_path_factory.mktemp("g") / f"{paper}.pdf",
        paper=paper,
        orientation=orientation,
        sections=["gantt", "graph"],
    )


def test_gantt_pages_hold_35_to_45_rows_at_7pt_or_more(report_100: Report) -> None:
    pages = [normalise(t) for t in report_100.pages if _ROWS.search(normalise(t)) and "Rolling timeline" in t]
    assert len(pages) == 3, "104 rows (100 decisions, 4 stage headers) on three pages"
    covered = []
    for text in pages:
        a, b, total = (int(x) for x in _ROWS.search(text).groups())
        assert total == 104
        drawn = b - a + 1 + ("(continued)" in text)  # a page that starts inside a stage repeats its header
        assert 35 <= drawn <= 45, f"{drawn} rows on a page"
        covered.append((a, b))
    assert covered[0][0] == 1 and covered[-1][1] == 104
    assert all(covered[k][1] + 1 == covered[k + 1][0] for k in range(len(covered) - 1))
    assert _smallest_text(report_100) >= 7.0 - 1e-6


def test_rolling_gantt_labels_stage_ends_not_gates() -> None:
    from planner.model import units

    a = analysis_of(sample("fraud-detection"))
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        report = make_report(a, Path(tmp) / "f.pdf", orientation="landscape", sections=["gantt"])
    flat = report.flat
    assert "gate \u00b7 wk" not in flat, "the rolling Gantt has no gates"
    for r in a.stages.stages:
        assert re.search(rf"({r.name} )?ends( \u00b7)? wk {re.escape(units.format_weeks(r.finish))}\b", flat)
    assert _smallest_text(report) >= 7.0 - 1e-6


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(("plan", "most"), [("fraud-detection", 3), ("ai-portfolio", 4)])
def test_graph_section_is_few_pages_at_7pt(plan: str, most: int, paper: str, tmp_path) -> None:
    a = analysis_of(sample(plan))
    report = make_report(a, tmp_path / "g.pdf", paper=paper, orientation="landscape", sections=["graph"])
    assert len(report.pages) <= most
    assert _smallest_text(report) >= 7.0 - 1e-6
    flat = report.flat
    n = len(a.plan.decisions)
    if n > 60:
        from planner.charts.graph_pages import key_decisions

        kept = len(key_decisions(a))
        assert f"{n - kept} of {n} decisions left out" in flat, (
            "says how many it leaves out, and where they are"
        )
        assert "Gantt chart" in flat
    for sentence in a.stages.sequencing_text():
        assert sentence in flat, "the graph's columns are sequenced stages: it names what sequencing moved"
    assert not re.search(r"(wk|float) [\d.\u2013]*\u2026", flat), "no week or float figure is cut off"
    assert re.search(r"float \d", flat)


def test_no_link_passes_under_a_card() -> None:
    """Every drawn link of every graph page keeps out of every card (the bold critical line under a plain card
    made it look critical)."""
    from matplotlib.collections import PathCollection, PolyCollection
    from matplotlib.figure import Figure

    from planner.charts import default_size, draw_graph
    from planner.charts.graph import WHOLE_MAX, graph_tiles

    cases = [
        (plan, tile, (10.28, 6.0))
        for plan in ("fraud-detection", "ai-portfolio", "bank-assistant")
        for tile in graph_tiles(analysis_of(sample(plan)), 10.28, 6.0, max_whole=WHOLE_MAX, compact=True)
    ]
    # The whole graph as exported (the on-screen layout, links routed between the layers' cards).
    cases.append(
        ("insights-assistant", None, default_size("graph", analysis_of(sample("insights-assistant"))))
    )
    for plan, tile, size in cases:
        a = analysis_of(sample(plan))
        fig = Figure(figsize=size)
        draw_graph(fig, a, window=tile)
        ax = fig.axes[0]
        cards = [c for c in ax.collections if isinstance(c, PolyCollection) and c.get_zorder() == 2][0]
        boxes = [
            (
                np.asarray(p.vertices)[:, 0].min(),
                np.asarray(p.vertices)[:, 0].max(),
                np.asarray(p.vertices)[:, 1].min(),
                np.asarray(p.vertices)[:, 1].max(),
            )
            for p in cards.get_paths()
        ]
        lines = [p for c in ax.collections if isinstance(c, PathCollection) for p in c.get_paths()]
        assert lines
        for path in lines:
            pts = np.asarray(path.interpolated(20).vertices)
            for x0, x1, y0, y1 in boxes:
                inside = (
                    (pts[:, 0] > x0 + 0.01)
                    & (pts[:, 0] < x1 - 0.01)
                    & (pts[:, 1] > y0 + 0.01)
                    & (pts[:, 1] < y1 - 0.01)
                )
                assert not inside.any(), f"{plan}: a link passes under a card"
