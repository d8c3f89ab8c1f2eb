"""One truth on plans built to stress the rules (H-unseen, session 18), the app's side: on the stress shapes of
tests/unseen_plans.py (renamed, reordered and empty stages, inversions, fractional weeks, milestones on every link
type, progress on a week boundary, teams over capacity with rates in yen) the status bar, the Plan & stages labels,
the decisions table and the Cost tab give the figures of ``planner analyze --format json``, each written by the one
rule (planner.units). tests/test_s18_unseen_one_truth.py checks the CLI, charts and report on the same shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner import units
from planner.analysis.cost import format_money
from planner.cli import main
from planner.ui.views.models import COLUMN_INDEX
from tests.unseen_plans import STRESS_SHAPES

NAMES = ["two-stages", "seven-stages", "milestone-links", "progress-week-boundary", "costs-and-capacity"]


def _open(window, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[dict, Path]:
    path = tmp_path / f"{name}.plan.json"
    path.write_text(json.dumps(STRESS_SHAPES[name](), ensure_ascii=False), encoding="utf-8")
    assert main(["analyze", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert window.open_file(path)
    window.doc.analyze_now()
    return data, path


@pytest.mark.parametrize("name", NAMES)
def test_status_bar_stage_labels_and_table_say_what_analyze_json_says(
    name: str, qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = _open(window, name, tmp_path, capsys)
    plan = window.doc.plan
    start = plan.start_date
    bar = window.status
    assert bar.finish.text() == f"Finish: {units.format_when(start, data['finish'])}"
    assert bar.gated.text().startswith(f"Gated: {units.format_when(start, data['gated_finish'])} (")
    assert bar.critical.text() == f"Critical: {len(data['critical'])} of {len(plan.decisions)}"
    n = {sev: sum(f["severity"] == sev for f in data["findings"]) for sev in ("error", "warning")}
    assert (
        bar.problems.text() == f"{units.count(n['error'], 'error')} · {units.count(n['warning'], 'warning')}"
    )

    qtbot.waitUntil(lambda: len(window.plan_view.stage_labels) == len(plan.stages))
    qtbot.waitUntil(lambda: bool(window.plan_view.stage_labels[0].text()))
    for label, js in zip(window.plan_view.stage_labels, data["stages"], strict=True):
        text = label.text()
        if js["start"] is None:
            assert text.startswith("No decisions yet.")
        else:
            when = units.format_when(start, js["start"]), units.format_when(start, js["finish"])
            assert f"Rolling: {when[0]} to {when[1]}." in text
        if js["gated_start"] is not None:
            gated = units.format_when(start, js["gated_start"]), units.format_when(start, js["gated_finish"])
            assert f"Gated: {gated[0]} to {gated[1]}." in text
        else:
            assert "Gated:" not in text  # nothing sequenced into it: no gated window to give

    model = window.table_view.model
    rows = {model.index(r, COLUMN_INDEX["id"]).data(): r for r in range(model.rowCount())}
    for d in data["decisions"]:
        r = rows[d["id"]]
        cell = {k: model.index(r, COLUMN_INDEX[k]).data() for k in ("start", "finish", "float", "start_date")}
        assert cell["start"] == units.format_weeks(d["es"])
        assert cell["finish"] == units.format_weeks(d["ef"])
        assert cell["float"] == ("" if d["state"] == "done" else units.format_weeks(d["total_float"]))
        assert cell["start_date"] == units.format_date(units.week_to_date(start, d["es"]))


@pytest.mark.parametrize("name", ["costs-and-capacity", "progress-week-boundary"])
def test_cost_tab_says_what_analyze_says(
    name: str, qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # progress-week-boundary: strict gates add nothing there; the tab said "Strict gates: +0 weeks, no cost"
    # where the status bar says "(no cost)" and the CLI "0 weeks": a figure is never written "+0".
    data, _ = _open(window, name, tmp_path, capsys)
    cost, cur = data["cost"], data["cost"]["currency"]
    tab = window.cost_tab
    window.views.setCurrentWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: "Total spend" in tab.summary.text())
    text = tab.summary.text()
    assert f"<b>Total spend:</b> {format_money(cost['total'], cur)} (" in text
    # Only the kinds of spend the plan has, as the cost chart and the report (no "labour EUR 0"): the CLI's
    # figures, each with its amount; one kind alone is said once.
    names = {"labour": "labour", "one_off": "one-off", "run": "running"}
    kinds = [(names[k], cost[k]) for k in names if abs(cost[k]) >= 0.5]
    if len(kinds) > 1:
        for what, amount in kinds:
            assert f"{what} {format_money(amount, cur)}" in text
    else:
        assert f"(all of it {kinds[0][0]}" in text
    for k in names:
        if abs(cost[k]) < 0.5:
            assert f"{names[k]} {format_money(0, cur)}" not in text
    weeks = cost["gating_price"]["weeks"]
    assert weeks == data["gating_price"]
    if weeks > 0:
        money = format_money(cost["gating_price"]["total"], cur)
        assert f"<b>Strict gates:</b> +{units.plural_weeks(weeks)}, {money}" in text
    else:
        assert "<b>Strict gates:</b> 0 weeks, no cost" in text
    assert "+0" not in text


def test_graph_canvas_gives_done_work_no_float(
    qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 'Agree the value case' is done (actual weeks 0-2.35). Its card's tooltip said "Total float 1.65 wks" where the
    # table, analyze's text, the report and the graph chart give done work no float (progress.shown_float); its
    # card said "done · 2 wks", the estimate, where the graph chart says "done · finished wk 2.35".
    data, _ = _open(window, "progress-week-boundary", tmp_path, capsys)
    value = next(d for d in data["decisions"] if d["id"] == "value")
    assert value["state"] == "done" and value["total_float"] > 1  # the JSON keeps the schedule's figure
    scene = window.canvas.graph_scene
    tip = scene.card_tooltip("value")
    assert "float" not in tip.lower() and "Done: nothing left to slip" in tip
    assert f"Weeks {units.format_weeks(value['es'])}–{units.format_weeks(value['ef'])}" in tip
    gov = next(d for d in data["decisions"] if d["id"] == "gov")  # not done: its float, as the table gives it
    assert f"Total float {units.format_weeks(gov['total_float'])} wks" in scene.card_tooltip("gov")
    from planner.ui.canvas.scene import card_data, card_figures

    figures = card_figures(window.doc.plan, window.doc.analysis, "likely", set())
    card = card_data(window.doc.plan.decision("value"), figures)
    assert (
        card.right_text == f"done · finished wk {units.format_weeks(value['ef'])}"
    )  # "done · finished wk 2.35"


def test_plan_view_and_workshop_write_a_nearly_done_stage_as_the_cli_does(
    qtbot, window, tmp_path: Path
) -> None:
    # 99.6% of the stage's work is done: the Plan & stages label said 'Done: 100%.', the workshop deck
    # 'Readiness: 100 % of the work done'; `planner analyze` now writes '>99%' (units.format_share), so do they.
    from planner.ui.presentation.workshop import stage_steps
    from tests.test_s18_unseen_one_truth import nearly_done_plan

    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(nearly_done_plan()), encoding="utf-8")
    assert window.open_file(path)
    window.doc.analyze_now()
    qtbot.waitUntil(
        lambda: bool(window.plan_view.stage_labels) and bool(window.plan_view.stage_labels[0].text())
    )
    assert "Done: >99%." in window.plan_view.stage_labels[0].text()
    assert window.doc.analysis is not None
    steps = stage_steps(window.doc.analysis)
    assert "<b>Readiness:</b> &gt;99% of the work done" in steps[0].body_html  # escaped: rich text


def test_a_share_below_one_percent_survives_rich_text(qtbot) -> None:
    # units.format_share writes 1 run in 300 as '<1%': in a rich-text label a bare '<1%' is a tag to Qt and
    # vanished ('within budget  · by the target'); the Cost tab escapes it.
    from PySide6.QtWidgets import QLabel

    from planner.ui.tabs.cost_tab import _pct

    label = QLabel(f"<b>Simulated:</b> within budget {_pct(1 / 300)} · by the target {_pct(299 / 300)}")
    qtbot.addWidget(label)
    assert _pct(1 / 300) == "&lt;1%"
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    assert doc.toPlainText() == "Simulated: within budget <1% · by the target >99%"


def test_presenter_bar_writes_the_joint_share_as_the_cost_tab(tmp_path: Path) -> None:
    # The presenter bar's cost figure wrote the share of runs meeting budget and target with its own format
    # ('100 %'-style rounding: 299 of 300 read '100%'); it is units.format_share, as the Cost tab and the report.
    import numpy as np

    from planner.analysis import analyze
    from planner.analysis.montecarlo import simulate
    from planner.model import load_plan
    from planner.ui.presentation.mode import _cost_figure

    data = STRESS_SHAPES["costs-and-capacity"]()
    data["target"] = 200  # every run finishes by then: 'both' is the share within budget
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    sim = simulate(load_plan(path), 300, 11)
    assert sim.cost is not None
    data["budget"] = float(np.sort(sim.cost)[-2])  # 299 of 300 runs within it
    path.write_text(json.dumps(data), encoding="utf-8")
    plan = load_plan(path)
    text = _cost_figure(analyze(plan), simulate(plan, 300, 11))
    assert text.endswith(" · budget and target &gt;99%"), text  # escaped for the bar's rich text


def test_compare_view_gate_delta_is_the_difference_of_the_gates_written(
    qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Base gate week 5.996, the scenario's 6.004: both written 'week 6'; the Compare view wrote '+0.01 wk' under
    # the scenario's (the exact difference), as the report did. units.week_delta: '='.
    data = STRESS_SHAPES["single"]()
    data["decisions"][0]["duration"] = 5.996
    data["scenarios"] = [{"name": "Longer", "decisions": {"only": {"duration": 6.004}}}]
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_file(path)
    window.doc.analyze_now()
    dialog = window.scenario_bar.show_compare()
    qtbot.addWidget(dialog)
    dialog.set_chosen(["Base", "Longer"])
    dialog.iterations.setValue(100)
    assert dialog.run() is not None
    t = dialog.table
    rows = [t.verticalHeaderItem(r).text() for r in range(t.rowCount())]
    cell = t.item(rows.index("Only gate"), 1).text()
    assert cell.startswith("week 6") and cell.endswith("\n=") and "+0.01" not in cell, cell
    dialog.close()
