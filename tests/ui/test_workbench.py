"""Desktop features of the main window: copy / cut / paste (in a plan, between plans, as spreadsheet text),
editing several decisions at once, context menus, the main tool bar, Tidy Layout, Find on Graph, the selection
followed across tabs, File > Export Chart, the help pages and the new-plan dialog."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from planner.model import load_plan
from planner.ui.main_window import MainWindow
from planner.ui.workbench import MIME_DECISIONS, safe_file_name

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


@pytest.fixture(autouse=True)
def _empty_clipboard():
    """The app empties the clipboard it filled when it quits (planner.ui.workbench.release_clipboard); a test does
    not quit, and these tests also fill it themselves."""
    yield
    QApplication.clipboard().clear()


def _links(doc, ids: set[str]) -> set[tuple[str, str]]:
    return {(d.from_, d.to) for d in doc.plan.dependencies if d.from_ in ids and d.to in ids}


def test_copy_paste_within_a_plan_keeps_internal_links(sample_window):
    w = sample_window
    doc, bench = w.doc, w.workbench
    chosen = ["rag-prototype", "groundedness-eval", "agent-assist-pilot"]
    inner = _links(doc, set(chosen))
    assert inner  # the sample links them
    doc.select(chosen)
    assert bench.copy() == 3
    mime = QApplication.clipboard().mimeData()
    assert mime.hasFormat(MIME_DECISIONS)
    rows = list(csv.reader(io.StringIO(mime.text()), delimiter="\t"))
    assert rows[0][:3] == ["ID", "Title", "Area"] and len(rows) == 4
    assert rows[1][1] == doc.decision(chosen[0]).title
    n, count = len(doc.plan.decisions), doc.undo_stack.count()
    new = bench.paste()
    assert len(new) == 3 and len(doc.plan.decisions) == n + 3
    assert doc.undo_stack.count() == count + 1 and doc.undo_stack.undoText() == "Paste 3 Decisions"
    assert all(i not in chosen for i in new) and doc.selection == new
    rename = dict(zip(chosen, new, strict=True))
    assert _links(doc, set(new)) == {(rename[a], rename[b]) for a, b in inner}
    for old, fresh in rename.items():
        assert doc.decision(fresh).title == doc.decision(old).title
        assert doc.decision(fresh).duration == doc.decision(old).duration
    w.undo()
    assert len(doc.plan.decisions) == n and not _links(doc, set(new))
    # on quit the app empties the clipboard it filled (Python-made clipboard data crashed the exit)
    from planner.ui.workbench import release_clipboard

    release_clipboard()
    left = QApplication.clipboard().mimeData()
    assert left is None or not left.hasFormat(MIME_DECISIONS)


def test_cut_and_paste_moves_and_undo_restores(sample_window):
    w = sample_window
    doc, bench = w.doc, w.workbench
    doc.select(["dpia"])
    n = len(doc.plan.decisions)
    QTest.keyClick(w.table_view.table, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert doc.decision("dpia") is None and len(doc.plan.decisions) == n - 1
    doc.select(["contact-drivers"])
    QTest.keyClick(w.table_view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert doc.decision("dpia") is not None  # the id was free again: kept
    assert [d.id for d in doc.plan.decisions].index("dpia") == [d.id for d in doc.plan.decisions].index(
        "contact-drivers"
    ) + 1
    assert bench.paste_action.isEnabled()


def test_paste_into_another_plan_maps_stages_by_name(qtbot, sample_window):
    w = sample_window
    w.doc.select(["rag-prototype", "groundedness-eval"])
    w.workbench.copy()
    other = MainWindow(persist_layout=False)
    qtbot.addWidget(other)
    other.new_from_template("ai-scaling")
    try:
        stage_names = {s.id: s.name for s in other.doc.plan.stages}
        new = other.workbench.paste()
        assert len(new) == 2
        assert _links(other.doc, set(new))  # the link between them came along
        for did in new:
            d = other.doc.decision(did)
            assert d.stage in stage_names  # "Validate" matched by name
            assert d.owner is None or d.owner in {t.id for t in other.doc.plan.teams}
        other.doc.analyze_now()
        assert not [f for f in other.doc.analysis.errors if set(f.decisions) & set(new)]
    finally:
        other.discard_and_close()


def test_paste_tab_separated_rows_from_a_spreadsheet(sample_window):
    w = sample_window
    doc = w.doc
    mime = QMimeData()
    mime.setText(
        "Title\tStage\tOptimistic\tLikely\tPessimistic\tStatus\n"
        "Write the data-retention policy\tValidate\t1\t2\t4\tIn progress\n"
        "Train the second-line team\tIntegrate\t\t3\t\t\n"
    )
    QApplication.clipboard().setMimeData(mime)
    doc.select([])
    new = w.workbench.paste()
    assert len(new) == 2
    a, b = (doc.decision(i) for i in new)
    assert a.title == "Write the data-retention policy" and a.stage == "validate"
    assert (a.duration.optimistic, a.duration.likely, a.duration.pessimistic) == (1, 2, 4)
    assert str(a.status) == "in_progress"
    assert b.stage == "integrate" and b.duration == 3
    # rows that cannot be read: a message box, nothing pasted
    mime = QMimeData()
    mime.setText("Title\tLikely\tOptimistic\nBroken\t1\t5\n")
    QApplication.clipboard().setMimeData(mime)
    n = len(doc.plan.decisions)
    assert w.workbench.paste() == []
    assert len(doc.plan.decisions) == n
    box = w.active_prompt
    assert box is not None and "row 2" in box.informativeText()
    box.done(0)


def test_editing_several_decisions_at_once(sample_window):
    w = sample_window
    doc = w.doc
    ids = ["dpia", "raci", "pii-redaction"]
    doc.select(ids)
    multi = w.inspector.multi
    assert w.inspector.currentWidget() is multi and multi.heading.text() == "3 decisions selected"
    stage = multi.combos["stage"]
    assert stage.currentText() == "(mixed)"
    stage.setCurrentIndex(stage.findData("operationalize"))
    stage.activated.emit(stage.currentIndex())
    assert all(doc.decision(i).stage == "operationalize" for i in ids)
    assert doc.undo_stack.undoText() == "Change Stage of 3 Decisions"
    assert stage.currentData() == "operationalize"  # no longer mixed
    status = multi.combos["status"]
    status.setCurrentIndex(status.findData("blocked"))
    status.activated.emit(status.currentIndex())
    assert all(str(doc.decision(i).status) == "blocked" for i in ids)
    multi.add_tags.setText("workshop, q3")
    QTest.keyClick(multi.add_tags, Qt.Key.Key_Return)
    assert all({"workshop", "q3"} <= set(doc.decision(i).tags) for i in ids)
    multi.remove_tags.setText("q3")
    QTest.keyClick(multi.remove_tags, Qt.Key.Key_Return)
    assert all("q3" not in doc.decision(i).tags and "workshop" in doc.decision(i).tags for i in ids)
    for _ in range(4):
        w.undo()
    assert doc.decision("dpia").stage != "operationalize"


_OFFSCREEN_POPUPS = r"This plugin does not support (grabbing the keyboard|raise\(\)|propagateSizeHints)"


@pytest.mark.qt_log_ignore(_OFFSCREEN_POPUPS)  # menus and completer pop-ups on the offscreen platform
def test_context_menus_on_cards_links_and_rows(sample_window):
    w = sample_window
    doc, bench = w.doc, w.workbench
    doc.select(["dpia"])
    menu = bench.context_menu("card")
    texts = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    for expected in (
        "Open in Inspector",
        "Rename",
        "Highlight Driving Chain",
        "Copy",
        "Cut",
        "Paste",
        "Delete",
    ):
        assert any(t.startswith(expected) for t in texts), (expected, texts)
    index = next(k for k, d in enumerate(doc.plan.dependencies) if str(d.type) == "FS")
    menu = bench.context_menu("edge", index)
    kinds = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in kinds.actions() if a.text().startswith("SS")).trigger()
    assert str(doc.plan.dependencies[index].type) == "SS"
    n = len(doc.plan.dependencies)
    next(a for a in menu.actions() if a.text() == "Delete Dependency").trigger()
    assert len(doc.plan.dependencies) == n - 1
    menu = bench.context_menu("background")
    assert any(a is bench.tidy_action for a in menu.actions())
    # a right-click on a row selects it and offers the card menu
    table = w.table_view.table
    w.show_view("Table")
    rect = table.visualRect(table.model().index(3, 1))
    bench._table_menu_requested(rect.center())
    assert bench.last_menu.objectName() == "cardContextMenu"
    assert doc.selection == [str(table.model().index(3, 0).data())]
    bench.last_menu.close()


@pytest.mark.qt_log_ignore(_OFFSCREEN_POPUPS)
def test_main_toolbar_tidy_and_find(qtbot, sample_window):
    w = sample_window
    doc, bench = w.doc, w.workbench
    bar = bench.toolbar
    assert bar.isVisible()
    for name in (
        "new_action",
        "open_action",
        "save_action",
        "undo_action",
        "add_action",
        "run_simulation_action",
        "presentation_action",
    ):
        assert getattr(w, name) in bar.actions(), name
    assert bar.geometry().right() <= w.width()
    # tidy: forget hand-moved cards, one undo step
    w.show_view("Graph")
    doc.move_cards({"dpia": (5000.0, 5000.0)})
    assert "dpia" in doc.plan.layout
    bench.tidy_action.trigger()
    assert "dpia" not in doc.plan.layout and doc.undo_stack.undoText() == "Tidy Layout"
    w.undo()
    assert doc.plan.layout["dpia"].x == 5000.0
    # find on graph: typed part of a title, Enter
    w.show_view("Table")
    QTest.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert bench.find_field.hasFocus()
    QTest.keyClicks(bench.find_field, "groundedness")
    QTest.keyClick(bench.find_field, Qt.Key.Key_Return)
    assert doc.selection == ["groundedness-eval"]
    assert w.views.currentWidget() is w.canvas
    card = w.canvas.graph_scene.cards["groundedness-eval"]
    seen = w.canvas.mapToScene(w.canvas.viewport().rect()).boundingRect()
    assert seen.contains(card.sceneBoundingRect().center()) and card.highlighted
    assert bench.find_on_graph("no such thing") is None


def test_selection_is_followed_across_tabs(qtbot, sample_window):
    w = sample_window
    w.show_view("Graph")
    w.canvas.reset_zoom()
    w.canvas.centerOn(0, 0)
    w.show_view("Table")
    far = w.doc.plan.decisions[-1].id
    w.doc.select([far])
    w.show_view("Graph")
    qtbot.waitUntil(
        lambda: (
            w.canvas.mapToScene(w.canvas.viewport().rect())
            .boundingRect()
            .contains(w.canvas.graph_scene.cards[far].sceneBoundingRect().center())
        )
    )


def test_enter_opens_and_f2_renames_from_the_graph(qtbot, sample_window):
    w = sample_window
    w.show_view("Graph")
    w.doc.select(["dpia"])
    w.canvas.setFocus()
    w.canvas.rename_requested.emit("dpia")
    form = w.inspector.form
    assert w.inspector_dock.isVisible() and form.title_edit.hasFocus()
    assert form.title_edit.selectedText() == w.doc.decision("dpia").title


def test_export_every_chart_from_the_file_menu(sample_window, tmp_path):
    w = sample_window
    bench = w.workbench
    names = set(bench.export_chart_actions)
    assert {"gantt", "graph", "roadmap", "stages", "critical-path", "risk", "load", "spend", "cost"} <= names
    assert bench.export_menu.menuAction() in w.menuBar().actions()[0].menu().actions()
    w.doc.set_path(str(tmp_path / "bank.plan.json"))
    default = bench.default_export_path("risk")
    assert Path(default).parent == tmp_path
    assert Path(default).name == safe_file_name(f"{w.doc.plan.title} - Finish-date risk") + ".png"
    for name in sorted(names):
        out = tmp_path / f"{name}.png"
        assert bench.export_chart(name, str(out)) == str(out)
        assert out.read_bytes().startswith(b"\x89PNG")
    out = tmp_path / "load.svg"
    bench.export_chart("load", str(out))
    assert out.read_text().lstrip().startswith(("<?xml", "<svg"))


def test_safe_file_names() -> None:
    assert (
        safe_file_name("Fraud detection: from pilot/to enterprise?")
        == "Fraud detection- from pilot-to enterprise"
    )
    assert safe_file_name("../..") == "plan"
    assert len(safe_file_name("x" * 300)) == 80


def test_help_pages_and_new_plan_dialog(qtbot, window):
    bench = window.workbench
    help_menu = window.menuBar().actions()[-1].menu()
    texts = [a.text().replace("&", "") for a in help_menu.actions()]
    assert "Keyboard Shortcuts" in texts and "Getting Started" in texts
    dialog = bench.show_shortcuts()
    text = dialog.text.toPlainText()
    for key in ("Ctrl+Shift+F", "PgDn", "F2", "Ctrl+C"):
        assert key in text
    dialog.reject()
    dialog = bench.show_guide()
    assert "Getting started" in dialog.text.toPlainText()
    dialog.reject()
    # File > New: a list of templates with wrapped summaries that fits the screen
    window.new_action.trigger()
    new = window.new_plan_dialog
    assert new is not None and new.width() <= 640
    new.templates.setCurrentRow(
        next(
            k
            for k in range(new.templates.count())
            if new.templates.item(k).data(Qt.ItemDataRole.UserRole) == "ai-scaling"
        )
    )
    new.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    QApplication.processEvents()
    assert len(window.doc.plan.decisions) > 20


def test_export_report_dialog_exports_on_enter(qtbot, sample_window, tmp_path):
    w = sample_window
    for focus in ("path_edit", "sections"):
        dialog = w.export_report()
        assert dialog is not None
        dialog.path_edit.setText(str(tmp_path / "report.pdf"))
        getattr(dialog, focus).setFocus()
        started: list[bool] = []
        dialog.export_started.connect(lambda started=started: started.append(True))
        QTest.keyClick(getattr(dialog, focus), Qt.Key.Key_Return)
        assert started == [True] and dialog.running
        dialog.cancel_export()
        dialog.done(0)  # stops and joins the export
        QApplication.processEvents()


_ = (pytest, load_plan, QMessageBox)
