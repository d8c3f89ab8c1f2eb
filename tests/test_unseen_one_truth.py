"""One truth on plans we have not seen (H-unseen): for generated, unusual but valid plans, the CLI text, the CLI JSON,
the simulation and the PDF report give the same finish, gated finish, price of gates, critical count, stage windows
and P50/P80, each week written by the one rule (``planner.units``). tests/ui/test_unseen_status_bar.py adds the
app's status bar.

The plans are the named shapes of ``tests/unseen_plans.py`` (empty, milestones only, leads and lags, a status date
before, inside and after the plan, 29 Feb and 31 Dec starts, long and non-Latin text) and, under hypothesis, small
random plans mixing every link type, lags and leads, three-point estimates, not_before and stage inversions.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.analysis.stages import started_at
from planner.cli import main
from planner.commands.common import fit
from planner.model import load_plan, units
from planner.report import build_report
from tests.cli_text import stage_dates
from tests.unseen_plans import SMALL_SHAPES, random_plan, shape

ITER, SEED = 400, 5


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return rc, out


def _write(data: dict[str, Any], folder: Path, name: str = "p") -> Path:
    path = folder / f"{name}.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _line(text: str, label: str) -> str:
    return next(x for x in text.splitlines() if x.startswith(label))[len(label) :].strip()


def check_cli_agrees(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``analyze`` text and JSON and ``simulate`` JSON and text say what the analysis says, week for week and date
    for date."""
    plan = load_plan(path)
    a = analyze(plan)
    s, stg = a.schedule, a.stages
    assert s is not None and stg is not None, [f.message for f in a.findings]
    start = plan.start_date

    rc, text = _run(["analyze", str(path)], capsys)
    assert rc == 0
    assert _line(text, "Finish (rolling stages):") == units.format_when(start, s.finish)
    assert _line(text, "Finish (strict gates):") == units.format_when(start, stg.gated_finish)
    assert _line(text, "Price of strict gates:").startswith(units.plural_weeks(stg.gating_price))
    n_crit = int(s.critical.sum())
    assert _line(text, "Critical decisions:") == f"{n_crit} of {len(plan.decisions)}"
    if start is not None and stg.stages:
        rows = stage_dates(text)
        assert [row[0] for row in rows] == [fit(r.name, 16).rstrip() for r in stg.stages], rows
        for r, (_, window, gate) in zip(stg.stages, rows, strict=True):
            if r.start is None:
                assert window == "(empty)"  # no decisions, no window
            else:
                first, last = units.week_to_date(start, r.start), units.week_to_date(start, r.finish)
                assert window == units.format_date(first) + (
                    f" to {units.format_date(last)}" if last != first else ""  # one day is said once
                ), (r.name, window)
            assert gate == units.format_date(units.week_to_date(start, r.gate)), (r.name, gate)

    rc, raw = _run(["analyze", str(path), "--format", "json"], capsys)
    assert rc == 0
    data = json.loads(raw)
    assert data["finish"] == s.finish and data["gated_finish"] == stg.gated_finish
    assert data["gating_price"] == stg.gating_price == pytest.approx(stg.gated_finish - s.finish)
    assert data["finish_date"] == units.iso_date(start, s.finish)
    assert data["gated_finish_date"] == units.iso_date(start, stg.gated_finish)
    assert len(data["critical"]) == n_crit
    # The figures hang together: the finish is the last finish, a window spans its decisions (from where the first
    # one's work began: its part done, when it has one), the gate is never before the rolling finish.
    decisions = data["decisions"]
    began = dict(zip([d.id for d in plan.decisions], started_at(plan, s).tolist(), strict=True))
    assert data["finish"] == pytest.approx(max((d["ef"] for d in decisions), default=0.0))
    assert data["gated_finish"] >= data["finish"] - 1e-9
    for js, r in zip(data["stages"], stg.stages, strict=True):
        assert (js["start"], js["finish"]) == (r.start, r.finish)
        mine = [d for d in decisions if d["stage"] == js["id"]]
        if mine:
            assert js["start"] == pytest.approx(min(min(d["es"], began[d["id"]]) for d in mine))
            assert js["finish"] == pytest.approx(max(d["ef"] for d in mine))
        else:
            assert js["start"] is None and js["finish"] is None
    for d in decisions:
        assert d["critical"] == (d["id"] in data["critical"])

    rc, raw = _run(["simulate", str(path), "-n", str(ITER), "--seed", str(SEED), "--format", "json"], capsys)
    assert rc == 0
    sim_json = json.loads(raw)
    sim = simulate(plan, ITER, SEED)
    p50, p80 = sim.percentile(50), sim.percentile(80)
    assert (sim_json["finish"]["p50"], sim_json["finish"]["p80"]) == (p50, p80)
    assert p50 <= p80 + 1e-9
    if start is not None:
        assert sim_json["finish_dates"]["p80"] == units.iso_date(start, p80)
    rc, text = _run(["simulate", str(path), "-n", str(ITER), "--seed", str(SEED)], capsys)
    assert rc == 0
    for q, w in ((50, p50), (80, p80)):
        row = next(x for x in text.splitlines() if x.strip().startswith(f"P{q} "))
        assert f" {units.format_weeks(w)}" in row, (row, w)
        if start is not None:
            assert units.format_date(units.week_to_date(start, w)) in row, (row, w)


@pytest.mark.parametrize("name", SMALL_SHAPES)
def test_cli_text_json_and_simulation_agree_on_unusual_plans(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_cli_agrees(_write(shape(name), tmp_path, name), capsys)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), n=st.integers(1, 14))
def test_cli_text_json_and_simulation_agree_on_random_plans(
    seed: int, n: int, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        check_cli_agrees(_write(random_plan(seed, n), Path(tmp)), capsys)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(
    "name", ["weeks-only", "leap-day", "new-years-eve", "status-middle", "all-done", "inversions", "scripts"]
)
def test_report_text_gives_the_same_figures(name: str, tmp_path: Path) -> None:
    plan = load_plan(_write(shape(name), tmp_path, name))
    a = analyze(plan)
    s, stg = a.schedule, a.stages
    assert s is not None and stg is not None
    sim = simulate(plan, ITER, SEED)
    out = tmp_path / "r.pdf"
    build_report(a, out, sections=["cover", "summary", "risk"], simulation=sim)
    pages = [_flat(p.extract_text() or "") for p in PdfReader(out).pages]
    report = " ".join(pages)
    start = plan.start_date
    p50, p80 = sim.percentile(50), sim.percentile(80)
    if start is None:
        assert f"week {units.format_weeks(s.finish)}" in pages[0]
        assert f"week {units.format_weeks(p80)}" in pages[0]
        assert f"P50 week {units.format_weeks(p50)}" in pages[0]
    else:
        finish = units.format_date(units.week_to_date(start, s.finish))
        assert finish in pages[0]
        assert units.format_date(units.week_to_date(start, p80)) in pages[0]
        assert f"P50 {units.format_date(units.week_to_date(start, p50))}" in pages[0]
        assert f"week {units.format_weeks(s.finish)} ({finish})" in report
        for r in stg.stages:  # every stage's gate and rolling window end in the key dates, by the one rule
            date = units.format_date(units.week_to_date(start, r.gate))
            assert f"{date} (wk {units.format_weeks(r.gate)})" in report, (r.name, date)
            if r.finish is not None:
                end = units.format_date(units.week_to_date(start, r.finish))
                assert f"{end} (wk {units.format_weeks(r.finish)})" in report, (r.name, end)
        # Every date the report writes beside a week is that week's date (weeks are written to 2 decimals).
        for week, date in re.findall(r"week ([0-9.]+) \((\d{1,2} [A-Z][a-z]{2} \d{4})\)", report):
            w = float(week)
            allowed = {units.format_date(units.week_to_date(start, x)) for x in (w - 0.005, w, w + 0.005)}
            assert date in allowed, (week, date)
    n_crit = int(s.critical.sum())
    assert f"{n_crit} critical" in pages[0] or n_crit == 0
