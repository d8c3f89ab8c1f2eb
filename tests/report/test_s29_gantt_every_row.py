"""A Gantt that the report gives room for every row draws every decision (H-report29).

Twelve stages of two decisions: 36 rows. The report's Gantt section (gantt_tiles) counted them one page, as a
chart drawn from its first row needs no "(continued)" stage header; the chart kept a row for one
(gantt_row_capacity) and drew 'the 23 most important of 24 decisions shown': one decision nowhere in the
report's Gantt. The chart now counts a first row as the report does (gantt._readable_subset)."""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure
from pypdf import PdfReader

import planner.charts as charts
from planner.analysis import analyze
from planner.charts import style
from planner.charts.gantt import frame_in, gantt_row_count, row_pitch_in
from planner.model import plan_from_dict
from tests.report.s20_plans import _base


def _twelve_stages() -> dict[str, Any]:
    d = _base("Twelve stages", 24)
    d["stages"] = [
        {"id": f"s{k}", "name": f"Stage {k + 1} of twelve", "gate_criteria": [{"text": "Done", "met": False}]}
        for k in range(12)
    ]
    for i, x in enumerate(d["decisions"]):
        x["stage"] = f"s{i // 2}"
    return d


def _titles(fig: Figure) -> set[str]:
    return {t.get_text() for ax in fig.axes for t in [*ax.texts, *ax.get_yticklabels()]}


def test_a_chart_as_tall_as_its_rows_at_the_least_size_draws_them_all() -> None:
    analysis = analyze(plan_from_dict(_twelve_stages(), "<s29>"))
    rows = gantt_row_count(analysis)
    assert rows == 36
    width = 10.4
    top, bottom = frame_in(analysis, width, compact=True)
    fig = Figure(figsize=(width, top + bottom + rows * row_pitch_in(style.MIN_PT) + 0.01))
    charts.draw_gantt(fig, analysis, compact=True)
    drawn = _titles(fig)
    assert all(d.title in drawn for d in analysis.plan.decisions), sorted(drawn)
    assert not any("most important" in t for t in drawn)


def test_the_report_gantt_shows_every_decision_of_twelve_stages(tmp_path: Any) -> None:
    from planner.report import build_report

    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(_twelve_stages(), "<s29>")), out, sections=["gantt"])
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]
    text = " ".join(pages)
    assert "most important" not in text
    assert all(f"Decision number {i} of the plan" in text for i in range(24))
