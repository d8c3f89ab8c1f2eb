"""The status bar says how the finish stands against the plan's target, in the words of `planner analyze`
(``units.target_verdict``), and follows an edit of the target; a plan without one shows nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from tests.test_s23_lead_target import target_plan, with_scenario
from tests.ui.s18_screens_support import presenting_graph


def _cli_verdict(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["analyze", str(path)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Target:"))
    return line.split(": ", 2)[2]


def test_status_bar_target(qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.plan.json"
    path.write_text(json.dumps(target_plan(6)), encoding="utf-8")
    assert window.open_file(path)
    window.doc.analyze_now()
    bar = window.status
    assert not bar.target.isHidden()
    assert bar.target.text() == "Target: 1 wk to spare"
    assert bar.target.toolTip().startswith(
        f"The finish, week 5 (8 Feb 2027), against the plan's target finish, week 6 (15 Feb 2027): "
        f"{_cli_verdict(path, capsys)} "
    )
    assert _cli_verdict(path, capsys) == "met with 1 week to spare"
    assert bar.target.styleSheet() == ""

    window.doc.edit_object(window.doc.plan, None, target=4.0)  # as the Cost tab's Target finish field does
    window.doc.analyze_now()
    assert bar.target.text() == "Target: 1 wk late"
    assert ": missed by 1 week (" in bar.target.toolTip()
    assert "color" in bar.target.styleSheet()  # in the error colour, as a slip past the baseline

    window.doc.edit_object(window.doc.plan, None, target=None)
    window.doc.analyze_now()
    assert bar.target.isHidden()


def test_no_target_nothing_shown(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "t.plan.json"
    path.write_text(json.dumps(target_plan(None)), encoding="utf-8")
    assert window.open_file(path)
    window.doc.analyze_now()
    assert window.status.target.isHidden()


def test_compare_dialog_has_a_target_row(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "t.plan.json"
    path.write_text(json.dumps(with_scenario(6)), encoding="utf-8")
    assert window.open_file(path)
    dialog = window.scenario_bar.show_compare()
    qtbot.addWidget(dialog)
    dialog.set_chosen(["Base", "Slow"])
    dialog.iterations.setValue(100)
    assert dialog.run() is not None
    t = dialog.table
    rows = [t.verticalHeaderItem(r).text() for r in range(t.rowCount())]
    r = rows.index("Target")
    assert [t.item(r, c).text() for c in range(2)] == ["week 6\n1 wk to spare", "week 6\n1 wk late"]
    dialog.close()


def test_presenter_bar_says_it_too(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "t.plan.json"
    path.write_text(json.dumps(target_plan(4)), encoding="utf-8")
    assert window.open_file(path)
    window.doc.analyze_now()
    with presenting_graph(window) as p:
        qtbot.waitUntil(lambda: p.bar.target.text() != "")
        assert "Target" in p.bar.target.text() and "1 wk late" in p.bar.target.text()
        assert p.bar.target.isVisible()
