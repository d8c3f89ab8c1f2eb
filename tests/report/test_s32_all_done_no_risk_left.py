"""A plan whose every decision is done says no risk can delay it, on the cover, in the summary and under risk.

Before, not simulated: the cover's 'Top risk' tile read '+1.75 weeks · LLM provider will not accept DORA contract…
(expected delay)', the summary listed three 'Top risks' with their expected delays and '1 more risk of the register
costs time too', said the report 'ranks risks by their expected delay', and 'Schedule risk' ranked the register by
expected delay: delays of a plan whose dates are all facts (`planner analyze`: every decision done)."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report

BANK = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


def _text(tmp_path: Path, done: bool) -> str:
    d = json.loads(BANK.read_text(encoding="utf-8"))
    if done:
        for x in d["decisions"]:
            x["status"], x["progress"] = "done", 1.0
    out = tmp_path / "r.pdf"
    build_report(analyze(plan_from_dict(d, "<s32>")), out, sections=["cover", "summary", "risk"])
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)


def test_every_decision_done_no_risk_is_ranked(tmp_path: Path) -> None:
    text = _text(tmp_path, True)
    assert "expected delay" not in text.lower(), text[text.lower().index("expected delay") - 200 :][:400]
    assert "costs time too" not in text
    assert "every decision is done: no risk can delay it" in text  # the cover's tile
    assert "no risk of the register can delay the plan" in text  # the summary
    assert "no risk of the register can delay it (4 risks, in the plan file)" in text  # the risk section


def test_work_left_the_risks_are_ranked_as_before(tmp_path: Path) -> None:
    text = _text(tmp_path, False)
    assert "(expected delay)" in text and "expected delay 1.75 weeks" in text
