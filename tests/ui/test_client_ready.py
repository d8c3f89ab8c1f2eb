"""Issue 9 regressions: no crash and no false signal in front of a client (print preview, table edits,
milestones, stale highlights, the Capacity tab's over-capacity count)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

W = TypeVar("W", bound=QWidget)
SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def find_dialog(kind: type[W]) -> W | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def test_print_preview_opens_and_closes(qtbot, sample_window):
    """File > Print Preview used to kill the app (exit 139): the dialog painted on a collected printer."""
    w = sample_window
    w.show_view("Gantt")
    QApplication.processEvents()
    w.print_preview_action.trigger()
    dialog = find_dialog(QPrintPreviewDialog)
    assert dialog is not None and dialog.windowTitle().startswith("Print preview")
    qtbot.waitUntil(lambda: dialog.isVisible())
    QApplication.processEvents()  # the preview paints its pages now
    dialog.reject()
    QApplication.processEvents()
    assert find_dialog(QPrintPreviewDialog) is None
    # and again from the chart's own button, twice in a row
    chart = w.current_chart_tab()
    for _ in range(2):
        chart.print_preview_action.trigger()
        dialog = find_dialog(QPrintPreviewDialog)
        assert dialog is not None
        QApplication.processEvents()
        dialog.reject()
        QApplication.processEvents()


# -- table edits: never silent, never a broken schedule -------------------------------------------------------


def _cell(window, decision_id: str, column: str):
    from planner.ui.views.models import COLUMN_INDEX, DecisionIdRole

    proxy = window.table_view.proxy
    for r in range(proxy.rowCount()):
        if proxy.index(r, 0).data(DecisionIdRole) == decision_id:
            return proxy.index(r, COLUMN_INDEX[column])
    raise AssertionError(decision_id)


def _type_into(qtbot, window, index, text: str) -> bool:
    """Type into the cell like a user (open the editor, select all, type, Enter); False when no editor opens."""
    from PySide6.QtCore import Qt

    table = window.table_view.table
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # the edit key; a read-only cell opens no editor
    editors = [w for w in table.viewport().children() if isinstance(w, QWidget) and w.isVisible()]
    if not editors:
        return False
    editor: Any = editors[0]  # the delegate's editor: a line edit or a spin box
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    return True


def _refusal(window) -> str:
    box = window.active_prompt
    assert box is not None, "the refused edit was silent"
    text = box.text()
    box.done(0)
    QApplication.processEvents()
    return text


def test_milestone_estimates_are_read_only_in_the_table_like_the_inspector(qtbot, sample_window):
    from PySide6.QtCore import Qt

    w = sample_window
    doc = w.doc
    ms = next(d for d in doc.plan.decisions if d.milestone)
    finish = doc.analysis.schedule.finish
    for column in ("optimistic", "likely", "pessimistic"):
        index = _cell(w, ms.id, column)
        assert not index.flags() & Qt.ItemFlag.ItemIsEditable
        assert "milestone" in index.data(Qt.ItemDataRole.ToolTipRole).lower()
        assert not _type_into(qtbot, w, index, "4")
    assert ms.duration == 0 and doc.analysis.schedule is not None
    assert doc.analysis.schedule.finish == finish
    # the inspector agrees: its estimate fields are disabled for the same decision
    doc.select([ms.id])
    assert not w.inspector.form.likely.isEnabled()
    # a programmatic edit is refused with a reason too
    model = w.table_view.model
    refused: list[str] = []
    model.edit_refused.connect(refused.append)
    assert not model.setData(model.index(model.row_of(ms), _cell(w, ms.id, "likely").column()), 3.0)
    assert refused and "milestone" in refused[0]
    w.active_prompt.done(0)


def test_table_refuses_bad_values_with_a_message(qtbot, sample_window):
    from planner.model import ThreePoint, duration_triple

    w = sample_window
    doc = w.doc
    d = next(x for x in doc.plan.decisions if not x.milestone and isinstance(x.duration, ThreePoint))
    before = doc.undo_stack.count()

    assert _type_into(qtbot, w, _cell(w, d.id, "progress"), "150")
    assert d.progress != 15 and d.progress != 150
    assert "0 to 100" in _refusal(w)

    o, lk, p = duration_triple(d.duration)
    # An estimate out of order is held (shown in italics, said in the status bar), not applied and not refused
    # with a message box: typing 2 / 3 / 5 left to right over 1 / 1 / 1 must work (tests/ui/test_strategist_day).
    assert _type_into(qtbot, w, _cell(w, d.id, "optimistic"), str(int(lk) + 2))
    assert duration_triple(d.duration) == (o, lk, p)
    assert w.active_prompt is None
    assert "optimistic ≤ likely ≤ pessimistic" in w.statusBar().currentMessage()
    assert w.table_view.model.held(d.id) == {"optimistic": int(lk) + 2}

    assert _type_into(qtbot, w, _cell(w, d.id, "pessimistic"), "9999")
    assert duration_triple(d.duration) == (o, lk, p)
    assert "at most 520 weeks" in _refusal(w)

    title = d.title
    assert _type_into(qtbot, w, _cell(w, d.id, "title"), " ")
    assert d.title == title
    text = _refusal(w)
    assert text == "A decision needs a title: the empty title was not applied"
    assert doc.undo_stack.count() == before  # nothing was changed

    # and good values still go through, one undo step each
    assert _type_into(qtbot, w, _cell(w, d.id, "progress"), "60")
    assert d.progress == 60 and w.active_prompt is None
    assert _type_into(qtbot, w, _cell(w, d.id, "pessimistic"), str(int(p) + 1))
    assert duration_triple(d.duration) == (o, lk, int(p) + 1)


# -- the driving-chain highlight never outlives the chain -----------------------------------------------------


def test_stale_driving_chain_highlight_is_cleared(qtbot, sample_window):
    w = sample_window
    doc = w.doc
    a = doc.analysis
    end = a.schedule.critical_path[-1]
    doc.select([end])
    form = w.inspector.form
    chain = list(form._chain)
    assert len(chain) >= 3
    form.highlight_button.click()
    scene = w.canvas.graph_scene
    assert scene.highlight == chain
    lit = {did for did, c in scene.cards.items() if c.highlighted}
    assert lit == set(chain)

    # an edit that does not touch the chain keeps it (a new title, a moved card)
    doc.edit_decision(chain[1], title="Renamed but still driving")
    doc.analyze_now()
    assert scene.highlight == chain

    # the middle of the chain is deleted: the chain no longer exists, nothing stays lit or dimmed
    doc.delete_decisions([chain[1]])
    doc.analyze_now()
    QApplication.processEvents()
    assert scene.highlight == []
    assert all(not c.highlighted and c.opacity() == 1.0 for c in scene.cards.values())

    # undo, highlight again, then break a link's driving role by an edit (a far longer other predecessor)
    doc.undo_stack.undo()
    doc.analyze_now()
    form.highlight_button.click()
    assert scene.highlight == form._chain and len(scene.highlight) >= 3
    target = scene.highlight[-1]
    other = next(
        d.id
        for d in doc.plan.decisions
        if d.id not in scene.highlight
        and not d.milestone
        and d.status != "done"  # a done decision has no remaining work to lengthen (issue 16)
        and doc.would_create_cycle(d.id, target) is None
    )
    assert doc.add_dependency(other, target) is None
    doc.set_duration(other, 300, 300, 300)
    doc.analyze_now()
    QApplication.processEvents()
    assert scene.highlight == []


# -- the Capacity tab counts what the core counts -------------------------------------------------------------


def test_capacity_tab_counts_the_cores_stretches(qtbot, sample_window):
    from planner.analysis.capacity import over_capacity_stretches
    from planner.model import load_plan

    w = sample_window
    tab = w.capacity_tab
    for name in ("bank-assistant", "fraud-detection", "insights-assistant"):
        plan = load_plan(SAMPLES / f"{name}.plan.json")
        assert w.open_file(SAMPLES / f"{name}.plan.json")
        w.views.setCurrentWidget(tab)
        tab.refresh()
        a = w.doc.analysis
        expected = len(over_capacity_stretches(plan, a.schedule.es, a.schedule.ef))
        text = tab.summary.text()
        if expected:
            assert f"<b>{expected}</b> over-capacity stretch" in text, (name, text)
        else:
            assert "every team within capacity" in text and "over-capacity stretch" not in text, (name, text)
