"""Drive the whole main window with random user actions and check it never crashes or misleads, on demand.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/monkey_gui.py --seed 3 --steps 200
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/monkey_gui.py --seed 0 --seeds 20 --steps 80
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/monkey_gui.py --seeds 20 --sync-limit 10  # worker path

A sample plan (or a template) is opened in a MainWindow with isolated settings and data folders; file dialogs
answer with paths in a temporary folder and every message box or input dialog the app opens is answered at
random (as a consultant clicking through). The actions go through the window's real QActions, widgets and keys:
add, duplicate, delete, move, link and unlink, typed table cells and inspector fields (empty, huge, negative,
NaN-like text), undo/redo bursts, copy/paste, tabs, scenarios, compare, the simulation (and edits while it runs),
presentation mode, find on graph, zoom, window sizes, save/save as/reopen, CSV import, chart and report export.

Invariants after every step (:meth:`Monkey.check`): no Python exception reached ``sys.excepthook`` and no
Python error went through Qt's message handler; no error box except the expected ones (a refused edit, a chart
export asked for before the schedule); the status bar's finish is what ``planner.analysis.analyze`` gives for the
document's plan once the analysis settled; a saved file loads as the document's plan; undoing everything gives
the plan as it was opened, and redoing everything the plan before the undo. On a failure the seed and the
shortest action list that still fails (greedy removal) are printed; exit status 1.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QSettings,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_plans"
OPENINGS = [
    "bank-assistant.plan.json",
    "fraud-detection.plan.json",
    "insights-assistant.plan.json",
    "template:blank",
    "template:ai-scaling",
]
SIZES = [(800, 600), (1024, 768), (1280, 720), (1400, 860), (1920, 1080), (2560, 1440)]
TEXTS = [
    "",
    " ",
    "0",
    "3",
    "2.5",
    "-1",
    "-0",
    "1e308",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "abc",
    "1,5",
    "99999",
    "７",
]
TITLES = ["", "   ", "Pilot", "x" * 400, "Ünïcödé 中文 ✓", "a\nb", "'quoted' \"name\"", "<b>bold</b>"]
EXPECTED_BOXES = {  # titles of boxes a monkey's input may rightly bring up (refusals with a reason)
    "Not changed",
    "Cannot export the chart",
    "Scenario",
    "Unsaved changes",
    "Revert",
    "Delete scenario",
    "Apply scenario to Base",
    "Leave presentation",
    "Keep the changes?",
    "Cannot import",  # the monkey's CSV has a bad duration now and then
    "Cannot paste",
    "Exported",  # File > Export As: what the format does not carry
    "Cannot export",  # a calendar (.ics) of an imported plan without a start date: said, with what to do  # Ctrl+C in a text field put a word on the clipboard, then Edit > Paste
}


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, as a keyboard does (QTest.keyClicks aborts on a character
    outside ASCII: those go as key events carrying their text)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


class MonkeyFailure(AssertionError):
    pass


@dataclass
class Step:
    name: str
    seed: int

    def __str__(self) -> str:
        return f"{self.name}:{self.seed}"


@dataclass
class Monkey:
    """One window, driven step by step. ``run(steps)`` raises MonkeyFailure at the first broken invariant."""

    folder: Path
    opening: str = OPENINGS[0]
    errors: list[str] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)
    window: Any = None
    opened_dump: str = ""
    saves: int = 0

    # -- set-up ----------------------------------------------------------------------------------------------
    def start(self) -> None:
        from planner.ui.main_window import MainWindow

        self.window = w = MainWindow(persist_layout=False)
        w.resize(1400, 860)
        if self.opening.startswith("template:"):
            w.new_from_template(self.opening.split(":", 1)[1])
        else:
            w.open_file(self.folder / self.opening)
        w.show()
        QTest.qWaitForWindowExposed(w)
        set_plan = w.doc.set_plan

        def note_opened(
            plan: Any, path: str | None = None
        ) -> None:  # open, new, revert, import: a new history
            set_plan(plan, path)
            self._note_opened()

        w.doc.set_plan = note_opened  # type: ignore[method-assign]  # (plan_reset is emitted by a scenario switch too)
        self._note_opened()
        self.settle()

    def _note_opened(self) -> None:
        self.opened_dump = self.dump()

    def dump(self) -> str:
        from planner.model import dump_plan

        return str(dump_plan(self.window.doc.file_plan()))

    def close(self) -> None:
        w = self.window
        if w is None:
            return
        w.simulation.cancel()
        w.simulation.wait(20000)
        rd = w.report_dialog
        if rd is not None and getattr(rd, "running", False):
            rd.cancel_export()
            rd.wait(20000)
        if w.presentation.active:
            if w.presentation.leave_prompt is not None:
                w.presentation.leave_prompt.done(0)
            w.presentation.leave()
        self.answer_dialogs(rng=random.Random(0), only_close=True)
        w.discard_and_close()
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        self.window = None

    # -- the steps -------------------------------------------------------------------------------------------
    def actions(self) -> dict[str, Callable[[random.Random], None]]:
        return {
            name[4:]: getattr(self, name)
            for name in sorted(dir(self))
            if name.startswith("act_") and callable(getattr(self, name))
        }

    def ids(self) -> list[str]:
        return [d.id for d in self.window.doc.plan.decisions]

    def pick(self, rng: random.Random, k: int = 1) -> list[str]:
        ids = self.ids()
        if not ids:
            return []
        return rng.sample(ids, min(k, len(ids)))

    def act_select(self, rng: random.Random) -> None:
        self.window.doc.select(self.pick(rng, rng.choice([0, 1, 1, 1, 2, 3])))

    def act_add(self, rng: random.Random) -> None:
        self.act_select(rng)
        self.window.add_action.trigger()

    def act_duplicate(self, rng: random.Random) -> None:
        self.act_select(rng)
        self.window.duplicate_action.trigger()

    def act_delete(self, rng: random.Random) -> None:
        self.act_select(rng)
        self.window.delete_action.trigger()

    def act_move(self, rng: random.Random) -> None:
        self.act_select(rng)
        rng.choice([self.window.move_up_action, self.window.move_down_action]).trigger()

    def act_undo_burst(self, rng: random.Random) -> None:
        for _ in range(rng.randint(1, 6)):
            rng.choice([self.window.undo_action, self.window.undo_action, self.window.redo_action]).trigger()
            if rng.random() < 0.5:
                QApplication.processEvents()

    def act_type_cell(self, rng: random.Random) -> None:
        from planner.ui.views.models import COLUMNS

        w = self.window
        w.show_view("Table")
        table = w.table_view.table
        model = table.model()
        if model.rowCount() == 0:
            return
        editable = [
            c
            for c, col in enumerate(COLUMNS)
            if col.key in ("title", "likely", "optimistic", "pessimistic", "progress")
        ]
        row = rng.randrange(model.rowCount())
        col = rng.choice(editable)
        key = COLUMNS[col].key
        text = rng.choice(TITLES if key == "title" else TEXTS)
        index = model.index(row, col)
        table.setCurrentIndex(index)
        table.setFocus()
        if rng.random() < 0.5:
            model.setData(index, text)  # what the delegate hands over
        else:
            table.edit(index)
            QApplication.processEvents()
            editor = QApplication.focusWidget()
            if editor is not None and editor is not table:
                QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                if text:
                    type_text(editor, text.replace("\n", " "))
                QTest.keyClick(editor, Qt.Key.Key_Return)

    def act_type_and_leave(self, rng: random.Random) -> None:
        """Start typing in a table cell or an inspector field and leave it open: the next action finds it."""
        w = self.window
        if rng.random() < 0.5:
            from planner.ui.views.models import COLUMN_INDEX

            w.show_view("Table")
            table = w.table_view.table
            model = table.model()
            if model.rowCount() == 0:
                return
            key = rng.choice(["title", "likely", "pessimistic"])
            index = model.index(rng.randrange(model.rowCount()), COLUMN_INDEX[key])
            table.setCurrentIndex(index)
            table.setFocus()
            table.edit(index)
            QApplication.processEvents()
            editor = QApplication.focusWidget()
            if editor is not None and editor is not table:
                QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                type_text(editor, rng.choice(TITLES[2:4] if key == "title" else TEXTS))
        else:
            ids = self.pick(rng)
            if not ids:
                return
            w.doc.select(ids)
            QApplication.processEvents()
            form = w.inspector.form
            field = rng.choice([form.title_edit, form.likely, form.cost])
            field.setFocus()
            field.selectAll()
            type_text(field, rng.choice(["Renamed", "7", "12.5", "", "0"]))

    def act_inspector(self, rng: random.Random) -> None:
        w = self.window
        ids = self.pick(rng)
        if not ids:
            return
        w.doc.select(ids)
        form = w.inspector.form
        w.inspector_dock.show()
        QApplication.processEvents()
        what = rng.choice(["title", "likely", "optimistic", "pessimistic", "stage", "cost", "not_before"])
        if what == "title":
            edit: Any = form.title_edit
            edit.setFocus()
            edit.selectAll()
            type_text(edit, rng.choice(TITLES).replace("\n", " ")[:300])
            QTest.keyClick(edit, Qt.Key.Key_Return)
        elif what in ("likely", "optimistic", "pessimistic"):
            spin = getattr(form, what)
            spin.setFocus()
            spin.selectAll()
            type_text(spin, rng.choice(TEXTS))
            QTest.keyClick(spin, Qt.Key.Key_Return)
        elif what == "stage":
            combo = form.stage
            if combo.count():
                combo.setCurrentIndex(rng.randrange(combo.count()))
                combo.activated.emit(combo.currentIndex())
        else:
            edit = getattr(form, what)
            edit.setFocus()
            edit.selectAll()
            type_text(edit, rng.choice(TEXTS))
            QTest.keyClick(edit, Qt.Key.Key_Return)
        w.commit_pending()

    def act_link(self, rng: random.Random) -> None:
        w = self.window
        pair = self.pick(rng, 2)
        if len(pair) < 2:
            return
        if rng.random() < 0.5:
            w.doc.select([pair[1]])
            QApplication.processEvents()
            links = rng.choice([w.inspector.form.predecessors, w.inspector.form.successors])
            links.ensure_choices()
            links.other.setCurrentIndex(links.other.findData(pair[0]))
            links.kind.setCurrentIndex(rng.randrange(links.kind.count()))
            links.add_button.click()
        else:  # the canvas's way: the document call a drag ends in
            w.doc.add_dependency(pair[0], pair[1], rng.choice(["FS", "SS", "FF"]))

    def act_unlink(self, rng: random.Random) -> None:
        w = self.window
        ids = self.pick(rng)
        if not ids:
            return
        w.doc.select(ids)
        QApplication.processEvents()
        links = rng.choice([w.inspector.form.predecessors, w.inspector.form.successors])
        if links.model.rowCount() == 0:
            return
        links.table.selectRow(rng.randrange(links.model.rowCount()))
        links.remove_button.click()

    def act_copy_paste(self, rng: random.Random) -> None:
        self.act_select(rng)
        wb = self.window.workbench
        rng.choice([wb.copy_action, wb.copy_action, wb.cut_action]).trigger()
        self.act_select(rng)
        wb.paste_action.trigger()

    def act_tab(self, rng: random.Random) -> None:
        views = self.window.views
        views.setCurrentIndex(rng.randrange(views.count()))

    def act_scenario(self, rng: random.Random) -> None:
        bar = self.window.scenario_bar
        rng.choice(
            [
                bar.new_action,
                bar.new_action,
                bar.next_action,
                bar.prev_action,
                bar.duplicate_action,
                bar.rename_action,
                bar.delete_action,
                bar.apply_action,
            ]
        ).trigger()

    def act_compare(self, rng: random.Random) -> None:
        self.window.scenario_bar.compare_action.trigger()
        QApplication.processEvents()
        dialog = self.window.scenario_bar.compare_dialog
        if dialog is not None:
            dialog.close()

    def act_simulate(self, rng: random.Random) -> None:
        w = self.window
        w.run_simulation_action.trigger()
        for _ in range(rng.randint(0, 3)):  # edit while it runs
            rng.choice([self.act_add, self.act_type_cell, self.act_undo_burst])(rng)

    def act_present(self, rng: random.Random) -> None:
        w = self.window
        p = w.presentation
        if not p.active:
            w.show_view(rng.choice(["Graph", "Table", "Gantt"]))
            p.toggle_action.trigger()
        for _ in range(rng.randint(0, 6)):
            rng.choice(
                [
                    p.next_action,
                    p.next_action,
                    p.previous_action,
                    p.overview_action,
                    p.last_action,
                    p.stages_action,
                    p.critical_action,
                    p.blank_action,
                    p.scenario_action,
                    p.longer_action,
                    p.shorter_action,
                    p.next_decision_action,
                ]
            ).trigger()
            QApplication.processEvents()
        if rng.random() < 0.3:
            rng.choice([self.act_type_cell, self.act_undo_burst])(rng)
        if rng.random() < 0.7:
            p.leave_action.trigger()

    def act_find(self, rng: random.Random) -> None:
        w = self.window
        ids = self.ids()
        text = rng.choice([*TITLES[:4], *(ids[:3] or [""]), "zzz"])
        w.workbench.find_graph_action.trigger()
        w.workbench.find_on_graph(text)

    def act_zoom(self, rng: random.Random) -> None:
        w = self.window
        w.show_view("Graph")
        for _ in range(rng.randint(1, 4)):
            rng.choice([w.zoom_in_action, w.zoom_out_action, w.reset_zoom_action, w.fit_action]).trigger()

    def act_resize(self, rng: random.Random) -> None:
        self.window.resize(*rng.choice(SIZES))

    def act_save(self, rng: random.Random) -> None:
        w = self.window
        self.saves += 1
        target = self.folder / f"saved-{self.saves}.plan.json"
        if w.doc.path is None or rng.random() < 0.5:
            ok = w.save_as(str(target))
        else:
            ok = w.save_action.trigger() or True
            target = Path(w.doc.path)
        self.settle()
        if ok and w.doc.path and not w.doc.is_modified:
            from planner.model import dump_plan, load_plan

            on_disk = str(dump_plan(load_plan(w.doc.path)))
            if on_disk != self.dump():
                raise MonkeyFailure(
                    f"saved file {Path(w.doc.path).name} does not load as the document's plan"
                )
        if rng.random() < 0.3 and w.doc.path:  # reopen
            w.open_file(w.doc.path)

    def act_import_csv(self, rng: random.Random) -> None:
        from planner.ui.dialogs import interop

        path = self.folder / "import.csv"
        rows = ["id,title,duration,depends_on"]
        for i in range(rng.randint(1, 6)):
            rows.append(f"t{i},Task {i},{rng.choice(['1', '2.5', '', 'x', '-3'])},{f't{i - 1}' if i else ''}")
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        interop.start_import(self.window, str(path))

    def act_export_chart(self, rng: random.Random) -> None:
        from planner.ui.workbench import EXPORT_CHARTS

        name = rng.choice(sorted(EXPORT_CHARTS))
        self.window.workbench.export_chart(name, str(self.folder / f"chart.{rng.choice(['png', 'svg'])}"))

    def act_export_as(self, rng: random.Random) -> None:
        """File > Export As… in one of the plan formats (the file dialog's answer given directly)."""
        from planner.ui.dialogs import interop

        _filter, suffix, bom = rng.choice(interop.EXPORT_FILTERS)
        interop.export_to(self.window, str(self.folder / f"export{suffix}"), bom=bom)

    def act_open(self, rng: random.Random) -> None:
        """File > Open… (a sample, by the patched file dialog), after the unsaved-changes question if any."""
        self.window.open_action.trigger()

    def act_export_report(self, rng: random.Random) -> None:
        dialog = self.window.export_report()
        QApplication.processEvents()
        dialog.path_edit.setText(str(self.folder / "report.pdf"))
        if dialog.start():
            dialog.wait(60000)
            QApplication.processEvents()
        dialog.close()

    def act_new(self, rng: random.Random) -> None:
        self.window.new_action.trigger()

    def act_revert(self, rng: random.Random) -> None:
        self.window.revert_action.trigger()

    def act_estimate(self, rng: random.Random) -> None:
        combo = self.window.status.estimate
        combo.setCurrentIndex(rng.randrange(combo.count()))

    def act_plan_meta(self, rng: random.Random) -> None:
        """The inspector's Plan & stages page: add or remove a stage, an area or a team, or type into one of its
        fields (the plan's title, start date, a stage's name or window, ...)."""
        from PySide6.QtWidgets import QLineEdit

        w = self.window
        w.doc.select([])
        w.inspector_dock.show()
        w.inspector_tabs.setCurrentWidget(w.plan_view)
        QApplication.processEvents()
        pv = w.plan_view
        pv.rebuild()
        choice = rng.random()
        if choice < 0.15:
            pv._add_stage()
        elif choice < 0.25 and w.doc.plan.stages:
            pv._remove_stage(rng.randrange(len(w.doc.plan.stages)))
        elif choice < 0.35:
            pv._add_ref(rng.choice(["areas", "teams"]))
        else:
            fields = [f for f in pv.findChildren(QLineEdit) if f.isVisible() and not f.isReadOnly()]
            if not fields:
                return
            field = rng.choice(fields)
            field.setFocus()
            field.selectAll()
            type_text(field, rng.choice([*TEXTS, "2027-02-30", "2027-03-01", "Pilot", "", "x" * 80]))
            QTest.keyClick(field, Qt.Key.Key_Return)

    def act_baseline(self, rng: random.Random) -> None:
        """Plan > Save Baseline (the name dialog answered at random), then compare against one in the status bar."""
        w = self.window
        if rng.random() < 0.6:
            w.save_baseline_action.trigger()
            self.answer_dialogs(rng)
        combo = w.status.baseline_combo
        if combo.count():
            combo.setCurrentIndex(rng.randrange(combo.count()))
            combo.activated.emit(combo.currentIndex())

    def act_keys(self, rng: random.Random) -> None:
        """Shortcut keys pressed where the focus is (the table, the graph, a field), as a keyboard user does."""
        K, M = Qt.Key, Qt.KeyboardModifier
        keys = [
            (K.Key_Z, M.ControlModifier),
            (K.Key_Z, M.ControlModifier | M.ShiftModifier),
            (K.Key_Y, M.ControlModifier),
            (K.Key_D, M.ControlModifier),
            (K.Key_Delete, M.NoModifier),
            (K.Key_Return, M.ControlModifier),
            (K.Key_C, M.ControlModifier),
            (K.Key_V, M.ControlModifier),
            (K.Key_F2, M.NoModifier),
            (K.Key_Escape, M.NoModifier),
            (K.Key_Down, M.NoModifier),
            (K.Key_Right, M.NoModifier),
            (K.Key_Tab, M.NoModifier),
            (K.Key_Up, M.AltModifier | M.ShiftModifier),
            (K.Key_1, M.ControlModifier),
            (K.Key_2, M.ControlModifier),
            (K.Key_9, M.ControlModifier),
            (K.Key_F1, M.NoModifier),
            (K.Key_F5, M.NoModifier),
            (K.Key_F11, M.NoModifier),
            (K.Key_PageDown, M.ControlModifier | M.AltModifier),
            (K.Key_Space, M.NoModifier),
            (K.Key_N, M.ControlModifier),
            (K.Key_S, M.ControlModifier),
            (K.Key_E, M.ControlModifier | M.ShiftModifier),
            (K.Key_K, M.ControlModifier | M.ShiftModifier),
        ]
        if rng.random() < 0.5:
            self.act_select(rng)
        for _ in range(rng.randint(1, 5)):
            key, mods = rng.choice(keys)
            target = QApplication.focusWidget() or self.window
            QTest.keyClick(target, key, mods)
            QApplication.processEvents()

    def act_canvas(self, rng: random.Random) -> None:
        """Click a card on the graph, maybe drag it, maybe press Delete there."""
        w = self.window
        if not w.has_canvas:
            return
        w.show_view("Graph")
        QApplication.processEvents()
        scene = w.canvas.graph_scene
        ids = [i for i in self.pick(rng, 3) if i in scene.cards]
        if not ids:
            return
        view = w.canvas
        card = scene.cards[ids[0]]
        view.centerOn(card)
        QApplication.processEvents()
        point = view.mapFromScene(card.sceneBoundingRect().center())
        port = view.viewport()
        QTest.mouseClick(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        if rng.random() < 0.5:
            QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
            for k in range(1, 4):
                target = point + QPoint(k * rng.randint(-40, 40), k * rng.randint(-30, 30))
                QApplication.sendEvent(
                    port,
                    QMouseEvent(
                        QEvent.Type.MouseMove,
                        QPointF(target),
                        QPointF(port.mapToGlobal(target)),
                        Qt.MouseButton.NoButton,
                        Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier,
                    ),
                )
            QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
        if rng.random() < 0.3:
            view.setFocus()
            QTest.keyClick(view, Qt.Key.Key_Delete)

    def act_undo_all(self, rng: random.Random) -> None:
        w = self.window
        self.settle()
        stack = w.doc.undo_stack
        w.commit_pending()
        before = self.dump()
        at = stack.index()
        while stack.canUndo():
            w.undo_action.trigger()
        QApplication.processEvents()
        if self.dump() != self.opened_dump:
            raise MonkeyFailure(
                "undoing everything does not give the plan as it was opened: "
                + first_difference(self.opened_dump, self.dump())
            )
        while stack.index() < at:  # back to where it was (steps undone before stay undone)
            w.redo_action.trigger()
        QApplication.processEvents()
        if self.dump() != before:
            raise MonkeyFailure(
                "redoing everything does not give the plan as it was before the undo: "
                + first_difference(before, self.dump())
            )

    # -- dialogs ---------------------------------------------------------------------------------------------
    def answer_dialogs(self, rng: random.Random, only_close: bool = False) -> None:
        """Answer every dialog the app left open (several rounds: an answer may open another)."""
        for _ in range(6):
            open_ = [d for d in QApplication.topLevelWidgets() if isinstance(d, QDialog) and d.isVisible()]
            if not open_:
                return
            for d in open_:
                if isinstance(d, QMessageBox):
                    title = d.windowTitle()
                    text = f"{title}: {d.text()} {d.informativeText()}".strip()
                    self.boxes.append(text)
                    if title not in EXPECTED_BOXES:
                        self.errors.append(f"unexpected message box: {text}")
                    buttons = d.buttons()
                    button = buttons[0] if only_close else rng.choice(buttons)
                    button.click()
                elif isinstance(d, QInputDialog):
                    if only_close:
                        d.reject()
                    else:
                        d.setTextValue(rng.choice(["Scenario X", "", "  ", "Base", "Ünï", d.textValue()]))
                        d.accept() if rng.random() < 0.8 else d.reject()
                elif type(d).__name__ in ("NewPlanDialog", "ImportDialog") and not only_close:
                    d.accept()
                else:
                    d.reject() if d.isModal() else d.close()
                QApplication.processEvents()

    # -- invariants ------------------------------------------------------------------------------------------
    def settle(self, timeout: float = 30.0) -> None:
        w = self.window
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QApplication.processEvents()
            if w.doc.analysis_current and not w.doc._timer.isActive():
                break
            w.doc.wait_for_analysis(0.05)
        else:
            raise MonkeyFailure(f"the analysis did not settle in {timeout:.0f} s (hang?)")
        QApplication.processEvents()

    def check(self) -> None:
        from planner.analysis import analyze
        from planner.ui.views import format as fmt

        if self.errors:
            raise MonkeyFailure("; ".join(self.errors))
        self.settle()
        w = self.window
        doc = w.doc
        if doc.last_error:
            raise MonkeyFailure(f"analysis failed: {doc.last_error}")
        a = analyze(doc.plan, doc.estimate)
        want = (
            "Finish: no schedule (fix the errors)"
            if a.schedule is None or a.stages is None
            else f"Finish: {fmt.when(doc.plan, a.schedule.finish)}"
        )
        if w.status.busy.text():
            raise MonkeyFailure(f"the analysis settled, yet the status bar says {w.status.busy.text()!r}")
        got = w.status.finish.text()
        if got != want:
            raise MonkeyFailure(f"status bar shows {got!r}, the plan's analysis gives {want!r}")
        from planner import units
        from planner.ui.views.panels import WARNING

        extra = [f for f in a.extra_findings if f.severity == WARNING]
        problems = (
            f"{units.count(len(a.errors), 'error')} · {units.count(len(a.warnings) + len(extra), 'warning')}"
        )
        if w.status.problems.text() != problems:
            raise MonkeyFailure(
                f"status bar shows {w.status.problems.text()!r}, the analysis finds {problems!r}"
            )
        if a.schedule is not None and a.stages is not None:
            figures = {
                w.status.gated: f"Gated: {fmt.gated(doc.plan, a.stages.gated_finish, a.stages.gating_price)}",
                w.status.critical: f"Critical: {int(a.schedule.critical.sum())} of {len(doc.plan.decisions)}",
            }
            for label, want in figures.items():
                if label.text() != want:
                    raise MonkeyFailure(
                        f"status bar shows {label.text()!r}, the plan's analysis gives {want!r}"
                    )
            bar = w.presentation.bar
            if w.presentation.active and bar is not None:
                from planner.ui.presentation.mode import _figure

                shown = {
                    bar.finish: _figure("Finish", fmt.when(doc.plan, a.schedule.finish)),
                    bar.critical: _figure("Critical", figures[w.status.critical].split(": ", 1)[1]),
                }
                for label, want in shown.items():
                    if label.text() != want:
                        raise MonkeyFailure(
                            f"presenter bar shows {label.text()!r}, the analysis gives {want!r}"
                        )
        if w.isWindowModified() != doc.is_modified:
            raise MonkeyFailure(
                f"the title's unsaved mark is {w.isWindowModified()}, the plan's {doc.is_modified}"
            )
        if w.undo_action.isEnabled() != doc.undo_stack.canUndo():
            raise MonkeyFailure(
                "Edit > Undo is enabled when there is nothing to undo, or the other way round"
            )
        if doc.path is not None and not Path(doc.path).resolve().is_relative_to(self.folder.resolve()):
            raise MonkeyFailure(
                f"the plan open is {doc.path}, outside the monkey's folder: a save would change it"
            )
        self.check_views()
        rows = w.table_view.table.model().rowCount()
        shown = w.table_view.model.rowCount()
        if shown != len(doc.plan.decisions) or rows > shown:
            raise MonkeyFailure(f"the table has {shown} rows for {len(doc.plan.decisions)} decisions")

    def check_views(self) -> None:
        """What the scenario bar and the inspector say is the document's state: the scenario shown (and its count
        of changes to Base), the one decision selected with its title."""
        from planner import units
        from planner.model.scenarios import override_count

        w = self.window
        doc = w.doc
        bar = w.scenario_bar
        state = doc.scenarios
        if bar.combo.currentData() != state.active:
            raise MonkeyFailure(
                f"the scenario chooser shows {bar.combo.currentText()!r}, the plan {state.active!r}"
            )
        if state.active is not None:
            want = units.count(override_count(state.scenario(state.active), state.base), "change")
            if f": {want} to Base" not in bar.note.text():
                raise MonkeyFailure(f"the scenario note says {bar.note.text()!r}; the scenario has {want}")
        form = w.inspector.form
        if len(doc.selection) == 1 and not w.presentation.active:
            d = doc.decision(doc.selection[0])
            if form.decision is not d:
                raise MonkeyFailure(
                    f"the inspector shows {getattr(form.decision, 'id', None)!r}, not {d and d.id!r}"
                )
            typing = form.title_edit.hasFocus() or form.title_edit.isModified()
            if d is not None and not typing and form.title_edit.text() != d.title:
                raise MonkeyFailure(
                    f"the inspector's title is {form.title_edit.text()!r}, the decision's {d.title!r}"
                )

    def run(self, steps: list[Step], verbose: bool = False) -> None:
        table = self.actions()
        for i, step in enumerate(steps):
            rng = random.Random(step.seed)
            if verbose:
                print(f"  {i:>3} {step}", flush=True)
            try:
                table[step.name](rng)
                QApplication.processEvents()
                self.answer_dialogs(rng)
                self.check()
            except MonkeyFailure as exc:
                raise MonkeyFailure(f"after step {i} ({step}): {exc}") from None


def first_difference(a: str, b: str) -> str:
    """Where two dumped plans first differ (a few lines of each)."""
    import difflib

    lines = [
        line
        for line in difflib.unified_diff(a.splitlines(), b.splitlines(), "opened", "now", n=1, lineterm="")
    ]
    return " | ".join(lines[2:14])


# -- harness -----------------------------------------------------------------------------------------------------
_CAUGHT: list[str] = []


def _hook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
    _CAUGHT.append("".join(traceback.format_exception(kind, value, tb)))


def _qt_messages(mode: QtMsgType, _context: Any, message: str) -> None:
    if "propagateSizeHints" in message:
        return
    if (
        mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        or "Traceback" in message
        or "Error" in message
    ):
        _CAUGHT.append(f"Qt: {message}")
    if mode == QtMsgType.QtFatalMsg:  # Qt aborts when this returns: say why first
        print(f"Qt fatal: {message}", file=sys.stderr, flush=True)


@contextmanager
def isolated(folder: Path) -> Iterator[None]:
    """Settings and app data under ``folder``; file dialogs answer with paths there."""
    QCoreApplication.setOrganizationName("ScalingRoadmapPlannerMonkey")
    QCoreApplication.setApplicationName("PlannerMonkey")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / "settings"))
    QSettings().clear()
    old_env = os.environ.get("PLANNER_DATA_DIR")
    os.environ["PLANNER_DATA_DIR"] = str(folder / "appdata")
    saved = (QFileDialog.getSaveFileName, QFileDialog.getOpenFileName, sys.excepthook)
    counter = iter(range(10**6))
    QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
        lambda *_a, **_k: (str(folder / f"dialog-{next(counter)}.plan.json"), "")
    )
    for sample in SAMPLES.glob(
        "*.plan.json"
    ):  # File > Open opens copies: a save never reaches the repository
        if not (folder / sample.name).exists():
            shutil.copy(sample, folder / sample.name)
    QFileDialog.getOpenFileName = staticmethod(  # type: ignore[method-assign]
        lambda *_a, **_k: (str(folder / OPENINGS[next(counter) % 3]), "")
    )
    sys.excepthook = _hook
    previous = qInstallMessageHandler(_qt_messages)
    try:
        yield
    finally:
        QFileDialog.getSaveFileName, QFileDialog.getOpenFileName, sys.excepthook = saved  # type: ignore[method-assign]
        qInstallMessageHandler(previous)
        if old_env is None:
            os.environ.pop("PLANNER_DATA_DIR", None)
        else:
            os.environ["PLANNER_DATA_DIR"] = old_env


def plan_steps(seed: int, count: int, names: list[str]) -> list[Step]:
    rng = random.Random(seed)
    return [Step(rng.choice(names), rng.randrange(2**31)) for _ in range(count)]


def replay(
    opening: str,
    steps: list[Step],
    verbose: bool = False,
    before: Callable[[Monkey], object] | None = None,
) -> str | None:
    """Run ``steps`` in a fresh window on ``opening``; the failure's text, or None when every invariant held.
    ``before`` is called with the monkey once its window is open (tests plant a fault with it)."""
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for sample in SAMPLES.glob("*.plan.json"):  # (--opening ai-portfolio.plan.json: 196 decisions)
            shutil.copy(sample, folder / sample.name)
        with isolated(folder):
            _CAUGHT.clear()
            QApplication.clipboard().clear()  # a replay starts as the run did (the monkey's copies stay out)
            monkey = Monkey(folder, opening)
            monkey.errors = _CAUGHT  # exceptions and Qt errors count as errors at the next check
            try:
                monkey.start()
                if before is not None:
                    before(monkey)
                monkey.run(steps, verbose)
                return None
            except MonkeyFailure as exc:
                return str(exc)
            except Exception:  # noqa: BLE001 - a fault of the monkey itself is reported with the seed
                return "exception in the monkey's own step: " + traceback.format_exc()
            finally:
                try:
                    monkey.close()
                except Exception:  # noqa: BLE001 - reported; the next seed runs in a fresh window
                    print("closing the window failed:", traceback.format_exc())


def shrink(opening: str, steps: list[Step]) -> list[Step]:
    """A short action list that still fails: cut after the failing step, then drop chunks of halving size."""
    failure = replay(opening, steps)
    if failure is None:
        return steps
    if failure.startswith("after step "):
        n = int(failure.split()[2])
        steps = steps[: n + 1]
    chunk = max(1, len(steps) // 2)
    while chunk >= 1:  # drop chunks of halving size, the failing step kept last
        i = len(steps) - 1 - chunk
        while i >= 0:
            trial = steps[:i] + steps[i + chunk :]
            if replay(opening, trial) is not None:
                steps = trial
            i -= chunk
        chunk //= 2
    return steps


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--seeds", type=int, default=1, help="run this many seeds from --seed on")
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--only", default="", help="comma-separated action names to draw from")
    ap.add_argument("--replay", default="", help="a JSON list of 'name:seed' steps (with --opening)")
    ap.add_argument("--opening", default="")
    ap.add_argument("--no-shrink", action="store_true")
    ap.add_argument(
        "--sync-limit",
        type=int,
        default=0,
        help="analyse plans from this many decisions in the worker thread, as a large plan is (default: the app's)",
    )
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    # A CJK title typed by the monkey, drawn by matplotlib on a machine without a CJK font: not the app's fault
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
    if args.sync_limit:
        from planner.ui.state.document import PlanDocument

        PlanDocument.SYNC_LIMIT = args.sync_limit
    QApplication.instance() or QApplication([])
    names = sorted(Monkey(Path(".")).actions())
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    if args.replay:
        steps = [Step(s.split(":")[0], int(s.split(":")[1])) for s in json.loads(args.replay)]
        failure = replay(args.opening or OPENINGS[0], steps, args.verbose)
        print(failure or "every invariant held")
        return 1 if failure else 0
    failed = 0
    for seed in range(args.seed, args.seed + args.seeds):
        opening = args.opening or random.Random(seed).choice(OPENINGS)
        steps = plan_steps(seed, args.steps, names)
        start = time.perf_counter()
        failure = replay(opening, steps, args.verbose)
        took = time.perf_counter() - start
        if failure is None:
            print(
                f"seed {seed} ({opening}, {len(steps)} steps, {took:.0f} s): every invariant held", flush=True
            )
            continue
        failed += 1
        print(f"seed {seed} ({opening}) FAILED: {failure}", flush=True)
        if not args.no_shrink:
            small = shrink(opening, steps)
            print(
                f"  shortest: --opening {opening} --replay '{json.dumps([str(s) for s in small])}'",
                flush=True,
            )
            print(f"  its failure: {replay(opening, small)}", flush=True)
    return 1 if failed else 0


def _exit(code: int) -> None:
    """Leave as the app quits: its aboutToQuit empties the clipboard of the decisions it copied
    (workbench.release_clipboard); the monkey never quits the application, and a copy_paste step's clipboard data
    left to the interpreter's shutdown crashed it (exit 139 after 'every invariant held')."""
    from planner.ui.workbench import release_clipboard

    release_clipboard()
    sys.exit(code)


if __name__ == "__main__":
    _exit(main())
