"""Chart titles and subtitles are shortened by measure only, and a subtitle by leaving figures out, never cut.

Before: style.title cut a title by a count of average letters before measuring it; the roadmap dropped its last
figures ('6 critical') and the Gantt its critical share by such a count where the line had room for them; the
stage timeline (not compact) and the dependency graph cut their subtitles with an ellipsis ('gated finish wk 62.5
(16 Jun 2028…', 'left to right in dependency order · 14 of 19…'). Every one now chooses among whole subtitles
by measure (style.fitting_subtitle)."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts import draw_chart, style
from planner.model.io import load_plan

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_plans").glob("*.plan.json"))


def _subtitle(fig: Figure) -> str:
    texts = [t.get_text() for t in fig.texts if abs(float(t.get_fontsize()) - style.SUBTITLE_PT) < 0.01]
    assert texts, "the chart has a subtitle"
    return texts[0]


@pytest.mark.parametrize("chart", ["roadmap", "gantt", "stages", "graph", "critical-path"])
def test_no_subtitle_is_cut(chart: str) -> None:
    for path in SAMPLES:
        analysis = analyze(load_plan(path))
        for w in (5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.5, 10.0, 13.3):
            sub = _subtitle(draw_chart(chart, analysis, size=(w, 7.5)))
            assert not sub.endswith("\u2026"), (path.name, chart, w, sub)
            assert style.measured_width_in(sub, style.SUBTITLE_PT) <= w - 0.4 or " \u00b7 " not in sub


def test_the_roadmap_keeps_the_figures_it_has_room_for() -> None:
    analysis = analyze(load_plan(next(p for p in SAMPLES if p.name.startswith("fraud"))))
    assert analysis.schedule is not None
    critical = f"{int(analysis.schedule.critical.sum())} critical"
    sub = _subtitle(draw_chart("roadmap", analysis, size=(6.5, 7.5)))
    assert style.measured_width_in(sub, style.SUBTITLE_PT) <= 6.5 - 0.4
    assert sub.endswith(critical), sub


def test_the_gantt_keeps_its_critical_share_where_it_fits() -> None:
    analysis = analyze(load_plan(next(p for p in SAMPLES if p.name.startswith("bank"))))
    sub = _subtitle(draw_chart("gantt", analysis, size=(8.0, 7.5)))
    assert "decisions critical" in sub, sub
    assert style.measured_width_in(sub, style.SUBTITLE_PT) <= 8.0 - 0.4


def test_a_title_of_narrow_letters_that_fits_is_whole() -> None:
    fig = Figure(figsize=(5.0, 3.0))
    words = ["Roadmap \u2014"]
    while style.measured_width_in(" ".join([*words, "illicit"]), style.TITLE_PT, bold=True) <= 5.0 - 0.4:
        words.append("illicit")
    text = " ".join(words)
    assert style.measured_width_in(text, style.TITLE_PT, bold=True) <= 5.0 - 0.4  # it fits, measured
    assert len(text) > style.chars_fitting(5.0 - 0.4, style.TITLE_PT)  # not by a count of average letters
    style.title(fig, text, "sub")
    assert fig.texts[0].get_text() == text
