"""One truth: the app's status bar, the CLI text, the CLI JSON and the PDF report give the same finish, P50/P80
and gate dates for the same plan (issue 8). Every date is ``start + round_half_up(week × 7)`` days."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.cli import main
from planner.model import load_plan, units
from planner.report import build_report
from tests.cli_text import stage_dates

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_plans"
ITER, SEED = 2000, 3


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("name", ["fraud-detection", "bank-assistant"])
def test_every_view_gives_the_same_dates(
    name: str,
    qtbot,
    window,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = SAMPLES / f"{name}.plan.json"
    plan = load_plan(path)
    a = analyze(plan)
    assert a.schedule is not None and a.stages is not None and plan.start_date is not None
    finish_date = units.format_date(units.week_to_date(plan.start_date, a.schedule.finish))
    gates = {r.name: units.format_date(units.week_to_date(plan.start_date, r.gate)) for r in a.stages.stages}

    # The CLI, as text and as JSON.
    text = _run(["analyze", str(path)], capsys)
    assert f"Finish (rolling stages):   week {units.format_weeks(a.schedule.finish)} ({finish_date})" in text
    assert {name: gate for name, _, gate in stage_dates(text)} == gates
    data = json.loads(_run(["analyze", str(path), "--format", "json"], capsys))
    assert data["finish_date"] == units.week_to_date(plan.start_date, a.schedule.finish).isoformat()
    assert [s["gate_date"] for s in data["stages"]] == [
        units.week_to_date(plan.start_date, r.gate).isoformat() for r in a.stages.stages
    ]

    # The simulation: CLI JSON and the report use the same P50/P80.
    sim_json = json.loads(
        _run(["simulate", str(path), "-n", str(ITER), "--seed", str(SEED), "--format", "json"], capsys)
    )
    p50, p80 = sim_json["finish"]["p50"], sim_json["finish"]["p80"]
    assert sim_json["finish_dates"]["p50"] == units.week_to_date(plan.start_date, p50).isoformat()
    sim = simulate(plan, ITER, SEED)
    assert (sim.percentile(50), sim.percentile(80)) == (p50, p80)
    p50_date = units.format_date(units.week_to_date(plan.start_date, p50))
    p80_date = units.format_date(units.week_to_date(plan.start_date, p80))

    out = tmp_path / "r.pdf"
    build_report(a, out, sections=["cover", "summary", "risk"], simulation=sim)
    pages = [_flat(p.extract_text() or "") for p in PdfReader(out).pages]
    report = " ".join(pages)
    assert finish_date in pages[0] and p80_date in pages[0] and f"P50 {p50_date}" in pages[0]
    assert f"week {units.format_weeks(a.schedule.finish)} ({finish_date})" in report
    assert f"({p50_date}) (P50)" in report and f"({p80_date}) (P80)" in report
    # Key dates: each stage's gate is the gated schedule's gate, with its date.
    for r in a.stages.stages:
        assert (
            f"{units.format_date(units.week_to_date(plan.start_date, r.gate))} (wk {units.format_weeks(r.gate)})"
            in report
        )
    # Every date the report writes next to a week is that week through the one rule.
    # (The week is written to two decimals, so the exact week lies within 0.005 of it.)
    found = re.findall(r"week ([0-9.]+) \((\d{1,2} [A-Z][a-z]{2} \d{4})\)", report)
    assert len(found) >= 4
    for week, date in found:
        w = float(week)
        allowed = {
            units.format_date(units.week_to_date(plan.start_date, x)) for x in (w - 0.005, w, w + 0.005)
        }
        assert date in allowed, (week, date)

    # The app's status bar.
    assert window.open_file(path)
    window.doc.analyze_now()
    assert (
        window.status.finish.text() == f"Finish: week {units.format_weeks(a.schedule.finish)} ({finish_date})"
    )
    gated = units.format_date(units.week_to_date(plan.start_date, a.stages.gated_finish))
    assert f"({gated})" in window.status.gated.text()


def test_cli_simulate_text_uses_the_same_dates(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "fraud-detection.plan.json"
    plan = load_plan(path)
    text = _run(["simulate", str(path), "-n", str(ITER), "--seed", str(SEED)], capsys)
    sim = simulate(plan, ITER, SEED)
    for q in (50, 80):
        date = units.format_date(units.week_to_date(plan.start_date, sim.percentile(q)))
        line = next(x for x in text.splitlines() if x.strip().startswith(f"P{q} "))
        assert date in line, (line, date)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)
