"""One truth on plans we have not seen (H-unseen), the app's side: for unusual but valid generated plans the status
bar gives the finish, the gated finish with the price of gates, and the critical count exactly as the CLI prints
them (tests/test_unseen_one_truth.py checks the CLI, JSON, simulation and report against the same analysis)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.cli import main
from planner.model import load_plan, units
from tests.unseen_plans import random_plan, shape

SHAPES = [
    "empty",
    "empty-no-date",
    "one-decision",
    "only-milestones",
    "links-and-lags",
    "zero-durations",
    "leap-day",
    "new-years-eve",
    "weeks-only",
    "status-before",
    "status-middle",
    "status-after",
    "all-done",
    "stages-without-decisions",
    "scripts",
]


def _line(text: str, label: str) -> str:
    return next(x for x in text.splitlines() if x.startswith(label))[len(label) :].strip()


@pytest.mark.parametrize("name", [*SHAPES, "random-3", "random-17", "random-2029"])
def test_status_bar_says_what_the_cli_says(
    name: str, qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = random_plan(int(name.split("-")[1]), 12) if name.startswith("random-") else shape(name)
    path = tmp_path / f"{name}.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    plan = load_plan(path)
    a = analyze(plan)
    assert a.schedule is not None and a.stages is not None
    start = plan.start_date

    assert main(["analyze", str(path)]) == 0
    text = capsys.readouterr().out

    assert window.open_file(path)
    window.doc.analyze_now()
    bar = window.status
    finish = units.format_when(start, a.schedule.finish)
    gated = units.format_when(start, a.stages.gated_finish)
    assert _line(text, "Finish (rolling stages):") == finish
    assert bar.finish.text() == f"Finish: {finish}"
    assert _line(text, "Finish (strict gates):") == gated
    assert bar.gated.text().startswith(f"Gated: {gated} (")
    price = a.stages.gating_price
    if price:
        assert f"(+{units.format_weeks(price)} w" in bar.gated.text()
        assert _line(text, "Price of strict gates:") == units.plural_weeks(price)
    else:
        assert bar.gated.text().endswith("(no cost)")
    n = int(a.schedule.critical.sum())
    assert _line(text, "Critical decisions:") == f"{n} of {len(plan.decisions)}"
    assert bar.critical.text() == f"Critical: {n} of {len(plan.decisions)}"


@pytest.mark.parametrize("name", ["huge-spread", "weeks-only"])
def test_risk_tab_percentiles_say_what_the_cli_says(
    name: str, qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before, the Risk tab's table rounded weeks to one decimal (P50 "2283.5") beside a chart and a CLI that
    # say "2283.55".
    from PySide6.QtCore import Qt

    path = tmp_path / f"{name}.plan.json"
    path.write_text(json.dumps(shape(name), ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    window.doc.analyze_now()
    tab = window.risk_tab
    tab.iterations.setValue(2000)
    with qtbot.waitSignal(window.simulation.finished, timeout=60_000) as blocker:
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0].result
    assert main(["simulate", str(path), "-n", "2000", "--seed", "0", "--format", "json"]) == 0
    cli = json.loads(capsys.readouterr().out)["finish"]
    for row, q in ((1, 50), (2, 80)):
        assert tab.results.item(row, 0).text() == f"P{q}"
        assert result.percentile(q) == cli[f"p{q}"]
        assert tab.results.item(row, 1).text() == units.format_weeks(cli[f"p{q}"])
        date = units.week_to_date(load_plan(path).start_date, cli[f"p{q}"])
        assert (tab.results.item(row, 2).text() == units.format_date(date)) if date else True
    # What each risk adds to the P80: the CLI's "adds 322.44 wk", not a rounder figure.
    for effect in result.risks:
        assert f"+{units.format_weeks(effect.delta)}&nbsp;wk" in tab.risk_effects.text()


@pytest.mark.parametrize(
    "name", ["inversions", "new-years-eve", "weeks-only", "status-middle", "stages-without-decisions"]
)
def test_plan_view_stage_windows_say_what_the_cli_says(
    name: str, qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{name}.plan.json"
    path.write_text(json.dumps(shape(name), ensure_ascii=False), encoding="utf-8")
    plan = load_plan(path)
    a = analyze(plan)
    assert a.stages is not None
    assert main(["analyze", str(path), "--format", "json"]) == 0
    cli = json.loads(capsys.readouterr().out)["stages"]
    assert window.open_file(path)
    window.doc.analyze_now()
    qtbot.waitUntil(lambda: len(window.plan_view.stage_labels) == len(plan.stages))
    qtbot.waitUntil(lambda: bool(window.plan_view.stage_labels[0].text()))
    for label, js, r in zip(window.plan_view.stage_labels, cli, a.stages.stages, strict=True):
        if js["start"] is None:
            assert label.text().startswith("No decisions yet.")
            continue
        start, finish = (
            units.format_when(plan.start_date, js["start"]),
            units.format_when(plan.start_date, js["finish"]),
        )
        assert f"Rolling: {start} to {finish}." in label.text()
        assert (js["start"], js["finish"]) == (r.start, r.finish)
        if js["gated_start"] is not None:
            gated = f"Gated: {units.format_when(plan.start_date, js['gated_start'])} to "
            assert gated + f"{units.format_when(plan.start_date, js['gated_finish'])}." in label.text()


def test_capacity_tab_over_capacity_weeks_say_what_the_cli_says(
    qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Every link type with leads and big lags, one person for work needing 1.5: the over-capacity stretches end
    # at quarter weeks (315.75-327.25). The Capacity tab rounded them to one decimal (315.8-327.2).
    data = shape("links-and-lags")
    data["teams"][0]["capacity"] = 1
    for d in data["decisions"]:
        d["headcount"] = 1.5
    path = tmp_path / "overcap.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    text = capsys.readouterr().out
    line = next(x for x in text.splitlines() if "[over-capacity]" in x and " in weeks " in x)
    assert "weeks 315.75\u2013327.25" in line
    assert window.open_file(path)
    window.doc.analyze_now()
    tab = window.capacity_tab
    tab.refresh()
    shown = [tab.over.topLevelItem(k).text(1) for k in range(tab.over.topLevelItemCount())]
    assert "315.75\u2013327.25" in shown
    for weeks in shown:
        assert f"weeks {weeks}" in line
