"""The schedule risk's 'Date (week)' column holds each date and its week on one line (H-report30).

In a portrait report of a long plan (3,000 decisions, finishing in week 1,458), '20 Dec 2054 (wk 1458.9)' was more
than a quarter wider than the column, so it wrapped: the week went onto a second line under its date ('(wk' /
'1458.9)'). Such a column is now ``whole`` (ctx.table): as wide as its widest one-line cell, the room taken from
the widest column ('What it means')."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.s20_plans import _base


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_date_and_its_week_keep_to_one_line(tmp_path: Path, orientation: str) -> None:
    data = _base("A plan of many years", 3)
    for x in data["decisions"]:
        x["duration"] = {"optimistic": 400, "likely": 480, "pessimistic": 560}
    plan = plan_from_dict(data, "<s30>")
    analysis = analyze(plan)
    out = tmp_path / "r.pdf"
    build_report(analysis, out, sections=["risk"], orientation=orientation, simulation=simulate(plan, 300, 0))
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Finish dates by confidence" in text
    whole = re.findall(r"\d{1,2} \w{3} \d{4} \(wk \d{4}(?:\.\d+)?\)", text)
    assert len(whole) >= 6, text[:1500]  # P10 to P95 and the plan's: each on one line
    assert not re.search(r"\(wk\s*\n", text)  # the week never on a line of its own
