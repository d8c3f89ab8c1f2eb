"""The running header's plan title stops short of the section's name, also when it holds Arabic or Hebrew
(H-report34).

A plan titled in Chinese, Arabic and English with emoji: the header drew the title as the charts lay out right-to-left
text, but shortened it by ReportLab's width of it, narrower by the boxes of the characters no installed font has:
'Launch the assistant to every b' ran into 'Executive summary' on every page. The title is now measured as it is
drawn (fonts.drawn_width)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report, builder
from planner.report.fonts import BOLD
from planner.report.vector import laid_out_width, right_to_left
from tests.report.s20_plans import PLANS, _base


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("plan", ["scripts", "hebrew"])
def test_the_header_title_ends_before_the_section_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, orientation: str, plan: str
) -> None:
    if plan == "scripts":
        data = PLANS["scripts"]()
        data["title"] = data["title"] + " " + data["title"]
    else:
        data = _base("הקמת צינור איכות נתונים " * 8 + "and its rollout to every branch of the bank", 6)
    assert right_to_left(data["title"])
    titles: list[tuple[float, float, str]] = []  # (x, y, text) of every string the page decoration draws
    sections: list[tuple[float, float, str]] = []
    draw = builder.draw_string

    def record(canv: Any, x: float, y: float, text: str, font: str, size: float) -> None:
        titles.append((x, y, text))
        draw(canv, x, y, text, font, size)

    right = Canvas.drawRightString

    def record_right(self: Canvas, x: float, y: float, text: str, *args: Any, **kw: Any) -> Any:
        sections.append((x, y, text))
        return right(self, x, y, text, *args, **kw)

    monkeypatch.setattr(builder, "draw_string", record)
    monkeypatch.setattr(Canvas, "drawRightString", record_right)
    build_report(
        analyze(plan_from_dict(data, "<s34>")),
        tmp_path / "r.pdf",
        orientation=orientation,
        sections=["summary", "gantt"],
    )
    headers = [s for s in sections if s[1] == titles[0][1]]  # each page's section name, on the header's line
    assert titles and len(headers) == len(titles)
    for (x, _, text), section in zip(titles, headers, strict=True):
        with warnings.catch_warnings():  # (a character no font has: its box, as drawn)
            warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
            end = x + laid_out_width(text, 7.5)
        start = section[0] - stringWidth(section[2], BOLD, 7.5)
        assert end <= start - 12, (text, round(end), section[2], round(start))
