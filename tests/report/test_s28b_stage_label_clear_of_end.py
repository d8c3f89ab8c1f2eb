"""A stage's end label in the Gantt leaves the end of its stage's line in sight (H-report28b).

In a plan with negative lags, Operationalize ends at the finish and its line starts at week 0: no room beside the
line on its row, so the label 'Operationalize ends · wk 6.5 (19 Feb)' sat boxed at the line's end and hid it (the
line seemed to stop at week 4.5). Boxed over its line, the label now goes at the line's start
(gantt._place_stage_label)."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import analyze
from planner.charts import style
from planner.charts.gantt import LABEL_PAD_PT, _place_stage_label
from planner.model import plan_from_dict
from tests.report.s20_plans import _base


def _negative_lags() -> dict[str, object]:
    d = _base("Negative lags", 8)
    for k, x in enumerate(d["dependencies"]):
        x["lag"] = -1 if k % 2 else -0.5
        x["type"] = ["FS", "SS", "FF", "SF"][k % 4]
    return d


def test_a_boxed_label_leaves_its_line_end_in_sight() -> None:
    per_in = 0.8  # weeks per inch: a seven-week plan on a nine-inch plot
    pad = LABEL_PAD_PT / 72 * per_in
    txt = "Operationalize ends · wk 6.5 (19 Feb)"
    w = style.text_width_in(txt, 8.0) * 1.04 * per_in  # its width, weeks
    x, ha, boxed = _place_stage_label(txt, 0.0, 6.5, [6.5], 7.2, per_in, 8.0)
    assert boxed and ha == "left" and x >= 0.0
    assert x + w <= 6.5 - 2 * pad  # the line's end, in sight beyond it
    # a line too short for it leaves it at the line's end, as before
    x2, ha2, boxed2 = _place_stage_label(txt, 0.0, 1.9, [1.9], 2.3, per_in, 8.0)
    assert boxed2 and ha2 == "right" and x2 == max(1.9, w)


def test_the_operationalize_label_does_not_hide_the_end_of_its_line() -> None:
    analysis = analyze(plan_from_dict(_negative_lags(), "<s28b>"))
    fig = Figure(figsize=(10.4, 3.6))
    FigureCanvasAgg(fig)
    charts.draw_gantt(fig, analysis, compact=True)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = fig.axes[0]
    label = next(t for t in ax.texts if t.get_text().startswith("Operationalize ends"))
    box = label.get_window_extent(renderer)
    stage = next(r for r in analysis.stages.stages if r.name == "Operationalize")
    assert stage.finish is not None and stage.start is not None
    end_px = ax.transData.transform((stage.finish, 0))[0]
    start_px = ax.transData.transform((stage.start, 0))[0]
    assert box.x1 < end_px - 20, (box.x1, end_px)  # the line's last stretch shows beyond the label
    assert box.x0 >= start_px - 1  # over the line, not before it
