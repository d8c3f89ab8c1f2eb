"""The comparison table writes a lower spend with the minus sign its weeks use.

Before: a scenario that drops six decisions read 'EUR 669,500 (-54,000)' (a hyphen) in the row under '−2.5' and
'−9.87' (the typographic minus the table's week changes use)."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.model import plan_from_dict
from planner.model.scenarios import BASE
from planner.report import build_report

BANK = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


def test_a_lower_spend_has_the_tables_minus(tmp_path: Path) -> None:
    d = json.loads(BANK.read_text(encoding="utf-8"))
    ids = [x["id"] for x in d["decisions"]]
    d["scenarios"] = [{"name": "Drop six", "drop_decisions": ids[20:26]}]
    plan = plan_from_dict(d, "<s32>")
    analysis = analyze(plan)
    analysis.comparison = compare_scenarios(plan, [BASE, "Drop six"], 0, 0)
    out = tmp_path / "r.pdf"
    build_report(analysis, out, sections=["comparison"])
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)
    spend = text[text.index("Spend ") :][:80]
    assert "(\u2212" in spend and "(-" not in spend, spend
    assert "\u2212" in text[text.index("Finish (rolling)") :][:120]  # the weeks' minus, the same sign
