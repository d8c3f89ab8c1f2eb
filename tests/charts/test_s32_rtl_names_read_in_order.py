"""Hebrew and Arabic stage names in the charts' English labels read in the line's order.

Before: a line is laid out right to left when its first strong letter is right-to-left, so the Gantt's stage-end
label 'שילוב ends · wk 12' read 'ends · wk 12 שילוב' (its parts in the wrong order) and a stage '1 · التحقق' read
'التحقق · 1' on the roadmap and the stage timeline. Each such line now reads left to right (its base direction,
Unicode's bidi rules P2-P3: the first strong character), through the one function the report's laid-out text uses
(charts.style.left_to_right)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.analysis import analyze
from planner.charts import draw_chart
from planner.model import plan_from_dict
from planner.units import right_to_left

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"
NAMES = ["אימות", "שילוב", "التشغيل", "توسيع"]  # validate, integrate (Hebrew); operate, scale (Arabic)


def _base_direction(line: str) -> str:
    """'L' or 'R': the direction a bidi layout gives a line (its first strong character's; 'L' when none)."""
    for ch in line:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return "L"


def _figure(chart: str) -> Figure:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for stage, name in zip(data["stages"], NAMES, strict=False):
        stage["name"] = name
    return draw_chart(chart, analyze(plan_from_dict(data, "<rtl>")))


@pytest.mark.parametrize("chart", ["gantt", "roadmap", "stages"])
def test_a_line_with_a_right_to_left_name_and_english_reads_left_to_right(chart: str) -> None:
    fig = _figure(chart)
    lines = [
        line
        for t in fig.findobj(Text)
        for line in t.get_text().split("\n")
        if right_to_left(line) and any(ch.isascii() and ch.isalnum() for ch in line)
    ]
    assert lines, "the chart draws the stages' names with words or figures"
    wrong = [line for line in lines if _base_direction(line) != "L"]
    assert not wrong, wrong
