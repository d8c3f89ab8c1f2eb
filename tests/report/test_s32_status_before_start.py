"""A status date before the plan's start is said as the plan gives it, and how it is counted.

Before: a plan starting 1 Mar 2027 with its status date on 1 Feb 2027 had a report whose cover read 'status date 1
Mar 2027 (wk 0)' and whose progress page said progress is recorded up to 'the status date, 1 Mar 2027': a date the
plan does not hold (`planner analyze` gives status_date 2027-02-01, counted from week 0; the findings say it counts
as the plan start). Both now give the plan's date and what it counts as."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report

BANK = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


def _text(tmp_path: Path, status: str) -> str:
    d = json.loads(BANK.read_text(encoding="utf-8"))
    d["status_date"] = status
    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(d, "<s32>")), out, sections=["cover", "progress"])
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)


def test_a_status_date_before_the_start_is_said_with_what_it_counts_as(tmp_path: Path) -> None:
    text = _text(tmp_path, "2027-02-01")
    said = "1 Feb 2027, before the plan starts: counted as 1 Mar 2027 (wk 0)"
    assert f"status date {said}" in text  # the cover's line
    assert f"the status date, {said};" in text  # the progress page
    assert "status date 1 Mar 2027 (wk 0)" not in text
    assert "status date 1 Feb 2027 (counted as 1 Mar 2027)" in text  # every page's footer


def test_a_status_date_after_the_start_is_said_as_before(tmp_path: Path) -> None:
    text = _text(tmp_path, "2027-04-05")
    assert "status date 5 Apr 2027 (wk 5)" in text
    assert "before the plan starts" not in text
    assert "report of" in text and "status date 5 Apr 2027" in text[text.index("report of") :]  # the footer
