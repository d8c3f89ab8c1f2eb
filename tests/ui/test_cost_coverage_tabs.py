"""The Cost and Coverage tabs (issue 17): they show cost_summary's and coverage()'s figures, and their few edits
(money fields, team rates, role and risk tier) are undoable plan edits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from planner.analysis.cost import cost_summary, format_money
from planner.analysis.coverage import coverage
from planner.templates import load_template


def open_template(window: Any, qtbot: Any) -> None:
    window.doc.set_plan(load_template("ai-scaling"))
    window.doc.wait_for_analysis()
    qtbot.wait(10)


def test_cost_tab_shows_the_core_figures_and_edits_money(window: Any, qtbot: Any) -> None:
    open_template(window, qtbot)
    tab = window.cost_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.current is not None)
    a = window.doc.analysis
    expected = cost_summary(a.plan, a)
    assert expected is not None
    text = tab.summary.text()
    assert format_money(expected.breakdown.total, "USD") in text and "Budget:" in text
    assert "Run the simulation" in text
    stages = tab.trees["stage"]
    assert [stages.topLevelItem(i).text(0) for i in range(stages.topLevelItemCount())] == [
        "Validate",
        "Integrate",
        "Operationalize",
        "Scale",
    ]
    assert stages.topLevelItem(0).text(1) == format_money(expected.breakdown.by_stage[0][2], "USD")
    assert tab.fields["budget"].text() == "1975000"

    # Budget: one undoable edit
    tab.fields["budget"].setText("2500000")
    tab.fields["budget"].editingFinished.emit()
    assert window.doc.plan.budget == 2_500_000
    window.doc.undo_stack.undo()
    assert window.doc.plan.budget == 1_975_000
    tab.fields["target"].setText("soon")
    tab.fields["target"].editingFinished.emit()
    assert "is not a number of weeks or a date" in tab.problem.text() and window.doc.plan.target == 52

    # A team's rate
    item = tab.rates.topLevelItem(0)
    item.setText(1, "6000")
    assert window.doc.plan.teams[0].rate == 6000
    window.doc.undo_stack.undo()
    assert window.doc.plan.teams[0].rate == 5000

    # A decision's run rate and category, in the Decisions list
    window.doc.wait_for_analysis()
    qtbot.waitUntil(lambda: tab.trees["decision"].topLevelItemCount() == len(window.doc.plan.decisions))
    tree = tab.trees["decision"]
    row = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == ["value-case"]
    )
    row.setText(4, "1500")
    assert window.doc.decision("value-case").run_rate == 1500
    window.doc.wait_for_analysis()
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == len(window.doc.plan.decisions))
    row = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == ["value-case"]
    )
    row.setText(3, "Vendor")
    assert window.doc.decision("value-case").cost_category == "vendor"
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert window.doc.decision("value-case").run_rate is None

    # Clicking a stage row selects its decisions
    window.doc.wait_for_analysis()
    qtbot.waitUntil(lambda: tab.trees["stage"].topLevelItemCount() == 4)
    tab._select_from_item(tab.trees["stage"].topLevelItem(0))
    assert set(window.doc.selection) == {d.id for d in window.doc.plan.decisions if d.stage == "validate"}


def test_cost_tab_shows_the_simulated_odds(window: Any, qtbot: Any) -> None:
    open_template(window, qtbot)
    tab = window.cost_tab
    window.views.setCurrentWidget(tab)
    with qtbot.waitSignal(window.simulation.finished, timeout=60_000):
        window.simulation.start(2000, 0)
    qtbot.waitUntil(lambda: "both" in tab.summary.text())
    r = tab.current.risk
    assert r is not None and r.p_joint is not None
    assert f"both {r.p_joint:.0%}" in tab.summary.text()


def test_cost_tab_without_costs_says_what_to_do(window: Any, qtbot: Any) -> None:
    tab = window.cost_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: "No costs yet" in tab.summary.text() or "No schedule" in tab.summary.text())


def test_coverage_matrix_and_ai_system_edits(window: Any, qtbot: Any) -> None:
    open_template(window, qtbot)
    tab = window.coverage_tab
    window.views.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.report is not None)
    assert tab.role.currentData() is None and "set the role" in tab.summary.text()

    tab.role.setCurrentIndex(tab.role.findData("provider"))
    tab.role.activated.emit(tab.role.currentIndex())
    tab.tier.setCurrentIndex(tab.tier.findData("high-risk"))
    tab.tier.activated.emit(tab.tier.currentIndex())
    ai = window.doc.plan.ai_system
    assert ai is not None and (ai.role, ai.risk_tier) == ("provider", "high-risk")
    window.doc.wait_for_analysis()
    qtbot.waitUntil(lambda: tab.matrix.rowCount() == 20)
    report = coverage(window.doc.plan, window.doc.analysis, frameworks=["euaiact"])
    assert tab.matrix.rowCount() == len([i for i in report.framework("euaiact").items if i.required])
    headers = [tab.matrix.horizontalHeaderItem(c).text() for c in range(tab.matrix.columnCount())]
    assert headers == ["Item", "Title", "Validate", "Integrate", "Operationalize", "Scale", "Status"]
    row = next(r for r in range(tab.matrix.rowCount()) if tab.matrix.item(r, 0).text() == "Art. 43")
    assert tab.matrix.item(row, 4).text() == "conformity-assessment"
    assert tab.matrix.item(row, 6).text() == "covered"
    tab._select_cell(row, 4)
    assert window.doc.selection == ["conformity-assessment"]
    assert "20</b> of 20" in tab.summary.text() and "none missing" in tab.summary.text()

    # Removing the decision shows the gap; undo brings it back.
    window.doc.delete_decisions(["conformity-assessment"])
    window.doc.wait_for_analysis()
    qtbot.waitUntil(lambda: "missing" in tab.summary.text() and "none missing" not in tab.summary.text())
    statuses = {
        tab.matrix.item(r, 0).text(): tab.matrix.item(r, 6).text() for r in range(tab.matrix.rowCount())
    }
    assert {k for k, v in statuses.items() if v == "MISSING"} == {"Art. 16", "Art. 43", "Art. 47", "Art. 48"}
    assert tab.findings.topLevelItemCount() >= 4
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert window.doc.plan.ai_system is None

    # Other frameworks: every item, one row each.
    tab.framework.setCurrentIndex(tab.framework.findData("nist"))
    assert tab.matrix.rowCount() == 72
    tab.framework.setCurrentIndex(tab.framework.findData("iso42001"))
    assert tab.matrix.rowCount() == 38


def test_presenter_bar_shows_the_cost(window: Any, qtbot: Any) -> None:
    open_template(window, qtbot)
    p = window.presentation
    p.enter(full_screen=False)
    try:
        qtbot.waitUntil(lambda: p.bar is not None and p.bar.cost.text() != "")
        assert "Cost" in p.bar.cost.text() and "USD 1.92M of 1.98M" in p.bar.cost.text()
    finally:
        p.leave()
