"""What a desktop planning tool is expected to have, on top of the main window's views: copy / cut / paste of
decisions (with their links, between plans, and as tab-separated text for a spreadsheet), context menus on cards,
links and rows, a main tool bar, Tidy Layout, Find on Graph, the selection followed across tabs, keyboard open
and rename, File > Export Chart for every chart, and Help > Keyboard Shortcuts / Getting Started.

:func:`install` adds all of it to a :class:`~planner.ui.main_window.MainWindow` (``window.workbench``). Every edit
goes through the document (one undo step each).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QStringListModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCompleter,
    QFileDialog,
    QLineEdit,
    QMenu,
    QStyle,
    QToolBar,
    QWidget,
)

from planner.model import Decision, Dependency, ThreePoint, duration_triple, units
from planner.ui.dialogs.save_name import completed_save_name
from planner.ui.state.document import MAX_EDIT_WEEKS, validation_message
from planner.ui.views import format as fmt
from planner.ui.views.busy import wait_cursor
from planner.units import quoted

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

MIME_DECISIONS = "application/x-planner-decisions+json"
"""Clipboard format of copied decisions: ``{"decisions": [...], "dependencies": [...], "layout": {...}}``
(the plan file's own JSON for each), so a paste in this or another plan keeps every field and the links."""

TSV_COLUMNS = (
    "ID",
    "Title",
    "Area",
    "Stage",
    "Owner",
    "Optimistic",
    "Likely",
    "Pessimistic",
    "Status",
    "Progress",
    "Start",
    "Finish",
    "Start date",
    "Finish date",
    "Critical",
)

EXPORT_CHARTS = {
    "gantt": "Gantt",
    "graph": "Dependency graph",
    "roadmap": "Roadmap",
    "stages": "Stage timeline",
    "critical-path": "Critical path",
    "risk": "Finish-date risk",
    "criticality": "Criticality index",
    "tornado": "Sensitivity (tornado)",
    "load": "Team load",
    "spend": "Spend curve",
    "cost": "Cost by stage",
}
"""Charts offered by File > Export Chart, with their titles (named here: importing :mod:`planner.charts` would load
matplotlib at start-up, which the window avoids until a chart is shown)."""


NAME_MOST = 80
"""The most characters of a file name made from free text (:func:`safe_file_name`)."""


def safe_file_name(text: str, fallback: str = "plan") -> str:
    """A file name from free text: letters, digits, spaces, '-', '_' and '.', at most :data:`NAME_MOST`
    characters."""
    name = re.sub(r"[^\w .-]+", "-", text, flags=re.UNICODE).strip(" .-")
    name = re.sub(r"\s+", " ", name)[:NAME_MOST].strip(" .-")
    return name or fallback


def release_clipboard() -> None:
    """Empty the clipboard when it holds decisions we copied. Called when the application quits: a QMimeData
    made in Python and still owned by the clipboard at exit crashed the interpreter's shutdown (exit 139)."""
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData() if clipboard is not None else None
    if mime is not None and (mime.hasFormat(MIME_DECISIONS) or clipboard.ownsClipboard()):
        clipboard.clear()


_QUIT_HOOKED = False


def install(window: MainWindow) -> Workbench:
    global _QUIT_HOOKED
    app = QApplication.instance()
    if not _QUIT_HOOKED and isinstance(app, QApplication):
        app.aboutToQuit.connect(release_clipboard)
        _QUIT_HOOKED = True
    bench = Workbench(window)
    window.workbench = bench
    return bench


class PlanUndoInFields(QObject):
    """Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) in a field of the window with nothing typed since its last commit undo and
    redo the plan, as everywhere else in the window. A renamed title (Enter) or stage name kept the field's own
    history: Ctrl+Z put the old words back in the field alone, the plan, the table and the graph still showing the
    new ones, and a second Ctrl+Z did nothing (a stage's rebuilt field had no history: the first did nothing). While
    words are being typed (the field modified), the field's own undo takes the keys, as before."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        # (a spin box's typing is in its line edit: a duration typed and committed with Enter is as a title)
        edit = watched.lineEdit() if isinstance(watched, QAbstractSpinBox) else watched
        if not isinstance(edit, QLineEdit) or edit.isModified() or edit.isReadOnly():
            return False
        if not isinstance(watched, QWidget):
            return False
        w = self.window
        if watched.window() is not w or not w.isAncestorOf(watched):
            return False  # a dialog's field (a scenario's name), another window's
        # True (left unaccepted): not the field's key, the window's Undo or Redo shortcut takes it
        pressed = QKeySequence(event.keyCombination())
        return any(pressed == ks for act in (w.undo_action, w.redo_action) for ks in act.shortcuts())


class Workbench(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self.last_menu: QMenu | None = None  # the context menu shown last (tests trigger its actions)
        self.help_dialog: QWidget | None = None
        w = window
        K = QKeySequence.StandardKey

        def action(text: str, slot: Any, shortcut: Any = None, tip: str = "", icon: Any = None) -> QAction:
            act = QAction(text, w)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            if tip:
                act.setToolTip(tip)
                act.setStatusTip(tip)
            if icon is not None:
                act.setIcon(w.style().standardIcon(icon))
            act.triggered.connect(lambda _c=False: slot())
            w.addAction(act)
            return act

        SP = QStyle.StandardPixmap
        self.copy_action = action(
            "&Copy",
            self.copy,
            K.Copy,
            "Copy the selected decisions (with the links between them; pastes into a spreadsheet as a table)",
        )
        self.cut_action = action("Cu&t", self.cut, K.Cut, "Cut the selected decisions")
        self.paste_action = action("&Paste", self.paste, K.Paste, "Paste decisions after the selected one")
        self.tidy_action = action(
            "Tidy &Layout",
            self.tidy_layout,
            None,
            "Lay the graph out afresh, forgetting cards moved by hand (undoable)",
        )
        self.find_graph_action = action(
            "Find on &Graph…", self.focus_find, "Ctrl+Shift+F", "Find a decision on the graph by title or id"
        )
        self.rename_action = action(
            "&Rename", self.rename_selected, None, "Rename the selected decision (F2)"
        )
        self.open_action = action(
            "&Open in Inspector",
            self.open_selected,
            "Shift+F2",
            "Show the selected decisions in the inspector, to type in its fields (Enter in the table or the "
            "graph; Esc goes back)",
        )
        # Enter in the table, as on the graph: Tab moves from cell to cell and never leaves the table, so a
        # keyboard user could not reach the inspector (milestone, links, notes) at all. (Only while the table
        # itself has the focus: an open cell editor takes Enter to commit.) A key press the table gets
        # (eventFilter), not a shortcut: with the keyboard in the table (its first focus once a plan is open) a
        # shortcut took Enter meant for another widget, a field of the inspector sent it (Add tags).
        self.table_open_action = QAction("Open in Inspector", w.table_view.table)
        self.table_open_action.triggered.connect(lambda _c=False: self.open_selected())
        w.table_view.table.installEventFilter(self)
        w.inspector_tabs.installEventFilter(self)  # Esc there goes back to the view
        self.shortcuts_action = action("&Keyboard Shortcuts", self.show_shortcuts, "F1", "Every shortcut")
        self.guide_action = action("&Getting Started", self.show_guide, None, "A short guide to the planner")
        # Progress (issue 16): mark every selected decision at once, one undo step each time.
        self.mark_actions = {
            status: action(
                text,
                lambda s=status: self.mark_selected(s),
                None,
                f"Mark the selected decisions {tip} (one undoable edit)",
            )
            for status, text, tip in (
                ("done", "Mark &Done", "done"),
                ("in_progress", "Mark &In Progress", "in progress"),
                ("not_started", "Mark &Not Started", "not started (clears progress and actual dates)"),
            )
        }
        for act in (self.copy_action, self.cut_action, self.paste_action):
            # Inside a text field the field's own copy and paste win (it takes the key first).
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        self._add_to_menus()
        self._build_toolbar(SP)
        self._connect()
        self._update_actions(self.doc.selection)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(PlanUndoInFields(w))

    # -- construction --------------------------------------------------------------------------------------
    def theme_toolbar_icons(self) -> None:
        """The main tool bar's icons for the current palette (the chart tool bar's mechanism:
        :func:`planner.ui.views.chart_theme.themed_icon`)."""
        from planner.ui.views.chart_theme import themed_icon

        palette = self.window.palette()
        for act, icon in getattr(self, "_toolbar_icons", {}).items():
            act.setIcon(themed_icon(icon, palette))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.PaletteChange:
            self.theme_toolbar_icons()
        if (
            watched is self.window.table_view.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and self.table_open_action.isEnabled()
            and self.window.table_view.table.hasFocus()  # (not a cell editor's Enter, passed on to its table)
        ):
            self.table_open_action.trigger()
            return True
        if (
            watched is getattr(self, "find_field", None)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
        ):
            popup = self.find_field.completer().popup() if self.find_field.completer() is not None else None
            if popup is None or not popup.isVisible():
                # Esc in Find on Graph: back to the view, the decision found still selected (Enter opens it). The
                # keyboard stayed in the field, where Esc did nothing and the arrows moved its cursor.
                self.back_to_view()
                return True
        if (
            watched is self.window.inspector_tabs
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
        ):  # (an Esc no field of the inspector used)
            self.back_to_view()
            return True
        return False

    def _menu(self, title: str) -> QMenu | None:
        for act in self.window.menuBar().actions():
            menu = act.menu()
            if act.text().replace("&", "") == title and isinstance(menu, QMenu):
                return menu
        return None

    def _add_to_menus(self) -> None:
        w = self.window
        edit = self._menu("Edit")
        if edit is not None and len(edit.actions()) > 2:
            first = edit.actions()[2]  # after Undo, Redo
            edit.insertActions(first, [self.copy_action, self.cut_action, self.paste_action])
            edit.insertSeparator(first)
            edit.addSeparator()
            edit.addActions(list(self.mark_actions.values()))
            edit.addSeparator()
            edit.addAction(self.find_graph_action)
        view = getattr(w, "view_menu", None)
        if view is not None:
            view.insertAction(getattr(w, "fit_action", None), self.tidy_action)
        file_menu = self._menu("File")
        if file_menu is not None:
            self.export_menu = QMenu("Export &Chart", file_menu)
            self.export_menu.setObjectName("exportChartMenu")
            self.export_chart_actions: dict[str, QAction] = {}
            for name, title in EXPORT_CHARTS.items():
                act = self.export_menu.addAction(title + "…")
                act.triggered.connect(lambda _c=False, n=name: self.export_chart(n))
                self.export_chart_actions[name] = act
            anchor = getattr(w, "export_report_action", None)
            file_menu.insertMenu(anchor, self.export_menu) if anchor is not None else file_menu.addMenu(
                self.export_menu
            )
        help_menu = self._menu("Help")
        if help_menu is not None and help_menu.actions():
            first_help = help_menu.actions()[0]
            help_menu.insertActions(first_help, [self.guide_action, self.shortcuts_action])
            help_menu.insertSeparator(first_help)

    def _build_toolbar(self, SP: Any) -> None:  # the Qt enum, named as Qt names it
        w = self.window
        bar = QToolBar("Main tool bar", w)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        icons = {
            "new_action": SP.SP_FileIcon,
            "open_action": SP.SP_DialogOpenButton,
            "save_action": SP.SP_DialogSaveButton,
            "undo_action": SP.SP_ArrowBack,
            "redo_action": SP.SP_ArrowForward,
        }
        for name, icon in icons.items():
            act = getattr(w, name, None)
            if act is not None:
                act.setIcon(w.style().standardIcon(icon))
        groups = [
            ["new_action", "open_action", "save_action"],
            ["undo_action", "redo_action"],
            ["add_action", "delete_action"],
            ["fit_action"],
            [],
            ["run_simulation_action", "export_report_action", "presentation_action"],
        ]
        short = {
            "add_action": "Add",
            "delete_action": "Delete",
            "fit_action": "Fit",
            "run_simulation_action": "Simulate",
            "export_report_action": "Report",
            "presentation_action": "Present",
            "new_action": "New",
            "open_action": "Open",
            "save_action": "Save",
            "undo_action": "Undo",
            "redo_action": "Redo",
        }
        self.toolbar_buttons: dict[str, Any] = {}
        for k, group in enumerate(groups):
            if k:
                bar.addSeparator()
            if k == 4:
                bar.addAction(self.tidy_action)
                self.find_field = QLineEdit(bar)
                self.find_field.setObjectName("graphFind")
                self.find_field.setPlaceholderText("Find on graph (Ctrl+Shift+F)")
                self.find_field.setAccessibleName("Find a decision on the graph")
                self.find_field.setClearButtonEnabled(True)
                self.find_field.setMaximumWidth(260)
                self.find_field.setMinimumWidth(120)
                self._completer_model = QStringListModel(self)
                self._completer_items: list[str] = []
                completer = QCompleter(self._completer_model, self.find_field)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                self.find_field.setCompleter(completer)
                completer.activated.connect(self.find_on_graph)
                self.find_field.returnPressed.connect(lambda: self.find_on_graph(self.find_field.text()))
                self.find_field.installEventFilter(self)  # Esc there goes back to the view
                bar.addWidget(self.find_field)
                continue
            for name in group:
                act = getattr(w, name, None)
                if act is None:
                    continue
                bar.addAction(act)
                button: Any = bar.widgetForAction(act)
                if button is not None and name in short:
                    # The tool bar shows a short word, the action's icon text; the menu keeps the full text (the
                    # same action), the button's tooltip too. Set on the button, the word was replaced by the
                    # action's next text: "Undo Show Scenario '…'" pushed half the bar behind its » menu.
                    act.setIconText(short[name])
                    self.toolbar_buttons[name] = button
        if not bar.actions():
            return
        self.toolbar = bar
        if any(isinstance(t, QToolBar) and t is not bar for t in w.findChildren(QToolBar)):
            w.addToolBarBreak(
                Qt.ToolBarArea.TopToolBarArea
            )  # its own row: nothing hidden behind » at 1280 px
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        # Icons as drawn for a light palette; recoloured for a dark one now and whenever the palette changes.
        self._toolbar_icons = {act: act.icon() for act in bar.actions() if not act.icon().isNull()}
        self.theme_toolbar_icons()
        w.installEventFilter(self)
        view = getattr(w, "view_menu", None)
        if view is not None:
            view.addAction(bar.toggleViewAction())

    def _connect(self) -> None:
        w = self.window
        self.doc.selection_changed.connect(self._update_actions)
        self.doc.plan_changed.connect(self._refresh_completer)
        self.doc.plan_reset.connect(self._refresh_completer)
        self._refresh_completer()
        QApplication.clipboard().dataChanged.connect(self._on_clipboard)  # a slot: disconnected with us
        w.views.currentChanged.connect(self._on_view_changed)
        canvas: Any = w.canvas if getattr(w, "has_canvas", False) else None
        if canvas is not None and hasattr(canvas, "context_menu_requested"):
            canvas.context_menu_requested.connect(self.show_canvas_menu)
            canvas.card_activated.connect(lambda _i: self.open_selected())
            canvas.rename_requested.connect(lambda _i: self.rename_selected())
        table = w.table_view.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._table_menu_requested)

    def _on_clipboard(self) -> None:
        self._update_actions(self.doc.selection)

    def _update_actions(self, ids: list[str]) -> None:
        has = bool(ids)
        self.copy_action.setEnabled(has)
        self.cut_action.setEnabled(has)
        self.rename_action.setEnabled(len(ids) == 1)
        for act in self.mark_actions.values():
            act.setEnabled(has)
        self.open_action.setEnabled(has)  # several: the inspector's page for all of them
        self.table_open_action.setEnabled(has)
        mime = QApplication.clipboard().mimeData()
        self.paste_action.setEnabled(mime is not None and (mime.hasFormat(MIME_DECISIONS) or mime.hasText()))

    def _refresh_completer(self) -> None:
        items = [f"{d.title} ({d.id})" for d in self.doc.plan.decisions]
        if items != self._completer_items:  # (after every edit: most change no title or id)
            self._completer_items = items
            self._completer_model.setStringList(items)

    # -- selection across tabs -------------------------------------------------------------------------------
    def _on_view_changed(self, _index: int) -> None:
        w = self.window
        canvas: Any = w.canvas
        on_graph = w.views.currentWidget() is w.canvas
        if getattr(w, "has_canvas", False) and on_graph and self.doc.selection:
            presenting = getattr(getattr(w, "presentation", None), "active", False)
            if not presenting:
                QTimer.singleShot(0, self, canvas.center_on_selection)

    # -- copy, cut, paste ------------------------------------------------------------------------------------
    def selected_decisions(self) -> list[Decision]:
        chosen = set(self.doc.selection)
        return [d for d in self.doc.plan.decisions if d.id in chosen]

    def copy(self) -> int:
        """Copy the selected decisions: the planner's own format (every field, the links between them, their
        card positions) and tab-separated text. Returns how many were copied."""
        self.window.commit_pending()
        chosen = self.selected_decisions()
        if not chosen:
            return 0
        ids = {d.id for d in chosen}
        plan = self.doc.plan
        payload = {
            "decisions": [d.model_dump(mode="json", by_alias=True, exclude_defaults=True) for d in chosen],
            "dependencies": [
                dep.model_dump(mode="json", by_alias=True, exclude_defaults=True)
                for dep in plan.dependencies
                if dep.from_ in ids and dep.to in ids
            ],
            "layout": {k: [p.x, p.y] for k, p in plan.layout.items() if k in ids},
            "names": {
                "stage": {s.id: s.name for s in plan.stages},
                "area": {a.id: a.name for a in plan.areas},
                "owner": {t.id: t.name for t in plan.teams},
            },
        }
        mime = QMimeData()
        mime.setData(MIME_DECISIONS, json.dumps(payload).encode("utf-8"))
        mime.setText(self.tsv(chosen))
        QApplication.clipboard().setMimeData(mime)
        n = len(chosen)
        self.window.show_message(
            f"Copied {units.count(n, 'decision')}"
            + (
                f" and {units.count(len(payload['dependencies']), 'link')} between them"
                if payload["dependencies"]
                else ""
            )
        )
        return n

    def tsv(self, decisions: list[Decision]) -> str:
        """Tab-separated rows (with a header) as a spreadsheet pastes them: names, not ids, and dates."""
        plan = self.doc.plan
        names = {
            "area": {a.id: a.name for a in plan.areas},
            "stage": {s.id: s.name for s in plan.stages},
            "owner": {t.id: t.name for t in plan.teams},
        }
        a = self.doc.drawable_analysis  # not an older schedule with the edited plan
        s: Any = a.schedule if a is not None else None
        out = io.StringIO()
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(TSV_COLUMNS)
        for d in decisions:
            o, lk, p = duration_triple(d.duration)
            i = s.index.get(d.id) if s is not None else None
            es = float(s.es[i]) if i is not None else None
            ef = float(s.ef[i]) if i is not None else None
            row = [
                d.id,
                d.title,
                names["area"].get(d.area or "", d.area or ""),
                names["stage"].get(d.stage, d.stage),
                names["owner"].get(d.owner or "", d.owner or ""),
                fmt.weeks(o),
                fmt.weeks(lk),
                fmt.weeks(p),
                fmt.STATUS_LABELS.get(str(d.status), str(d.status)),
                fmt.weeks(d.progress),
                "" if es is None else fmt.weeks(es),
                "" if ef is None else fmt.weeks(ef),
                fmt.date(plan, es),
                fmt.date(plan, ef),
                "" if i is None else ("yes" if bool(s.critical[i]) else "no"),
            ]
            writer.writerow([str(x).replace("\t", " ").replace("\n", " ") for x in row])
        return out.getvalue()

    def cut(self) -> int:
        n = self.copy()
        if n:
            ids = list(self.doc.selection)
            self.doc.delete_decisions(ids)
            self.window.show_message(f"Cut {units.count(n, 'decision')} (Paste puts them back, Undo too)")
        return n

    def paste(self) -> list[str]:
        """Paste copied decisions (this plan or another) or tab-separated text with a Title column, after the
        selected decision; one undo step. Returns the new ids."""
        self.window.commit_pending()
        mime = QApplication.clipboard().mimeData()
        if mime is None:
            return []
        try:
            if mime.hasFormat(MIME_DECISIONS):
                payload = json.loads(bytes(mime.data(MIME_DECISIONS).data()).decode("utf-8"))
                decisions = [Decision.model_validate(x) for x in payload.get("decisions", [])]
                deps = [Dependency.model_validate(x) for x in payload.get("dependencies", [])]
                layout = {k: (float(v[0]), float(v[1])) for k, v in payload.get("layout", {}).items()}
                names = payload.get("names", {})
            elif mime.hasText():
                decisions, names = self.decisions_from_tsv(mime.text())
                deps, layout = [], {}
            else:
                return []
        except (ValueError, KeyError, TypeError) as exc:
            self.window.show_error(
                "Cannot paste",
                "The clipboard does not hold decisions the planner can read.",
                f"{str(exc).splitlines()[0]}. Copy whole rows with a Title column, or "
                "decisions copied in the planner.",
            )
            return []
        if not decisions:
            self.window.show_message("Nothing to paste: copy decisions, or rows with a Title column")
            return []
        notes = self._fit_references(decisions, names)
        after = self.doc.selection[-1] if self.doc.selection else None
        if layout:
            layout = {k: (x + 40, y + 40) for k, (x, y) in layout.items()}  # beside the originals
        n = len(decisions)
        new_ids = self.doc.paste_decisions(
            decisions, deps, layout, after, f"Paste {units.count(n, 'Decision')}"
        )
        kept = sum(
            1
            for dep in deps
            if dep.from_ in {d.id for d in decisions} and dep.to in {d.id for d in decisions}
        )
        self.window.show_message(
            f"Pasted {units.count(n, 'decision')}"
            + (f" with {units.count(kept, 'link')}" if kept else "")
            + (f"; {notes}" if notes else "")
        )
        return new_ids

    def _fit_references(self, decisions: list[Decision], names: dict[str, dict[str, str]]) -> str:
        """Stages, areas and owners of another plan: matched by id, then by name; otherwise the stage of the
        decision pasted after (or the first stage), and no area or owner. Returns what was changed, in words."""
        plan = self.doc.plan
        ours = {
            "stage": {s.id: s.name for s in plan.stages},
            "area": {a.id: a.name for a in plan.areas},
            "owner": {t.id: t.name for t in plan.teams},
        }
        by_name = {k: {v.casefold(): i for i, v in m.items()} for k, m in ours.items()}
        after = self.doc.decision(self.doc.selection[-1]) if self.doc.selection else None
        fallback_stage = after.stage if after is not None else plan.stages[0].id
        dropped: set[str] = set()
        for d in decisions:
            for key in ("stage", "area", "owner"):
                value = getattr(d, key)
                if value is None or value in ours[key]:
                    continue
                name = names.get(key, {}).get(value, value)
                match = by_name[key].get(str(name).casefold())
                if match is None and key == "stage":
                    match = fallback_stage
                if match is None:
                    dropped.add(key)
                setattr(d, key, match)
        if not dropped:
            return ""
        return f"left without {' and '.join(sorted(dropped))} (not in this plan: choose one in the inspector)"

    def decisions_from_tsv(self, text: str) -> tuple[list[Decision], dict[str, dict[str, str]]]:
        """Decisions from tab-separated rows whose first row names the columns: Title required; ID, Area, Stage,
        Owner, Optimistic, Likely, Pessimistic, Status and Progress read when present, under the names this
        planner's table uses too (``Opt.``, ``Pess.``) and with units in the header (``Likely (weeks)``).
        A cell that cannot be read raises ValueError naming its row, its column and what to type."""
        return decisions_from_tsv(text)

    # -- layout, find, open, rename ----------------------------------------------------------------------------
    def tidy_layout(self) -> bool:
        if self.doc.tidy_layout():
            self.window.show_message("Tidied the layout (Undo puts the cards back)")
            canvas = self.window.canvas
            if hasattr(canvas, "fit_to_view"):
                QTimer.singleShot(
                    0, self, canvas.overview if hasattr(canvas, "overview") else canvas.fit_to_view
                )
            return True
        self.window.show_message("The layout is already tidy: no card was moved by hand")
        return False

    def focus_find(self) -> None:
        field = getattr(self, "find_field", None)
        if field is None:
            return
        if not field.isVisible() and getattr(self, "toolbar", None) is not None:
            self.toolbar.show()
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def find_on_graph(self, text: str) -> str | None:
        """Select the decision named by ``text`` (its id, its "title (id)" completion, or part of its title), show
        the graph centred on it and flash it. Returns its id, or None when nothing matches."""
        text = text.strip()
        if not text:
            return None
        plan = self.doc.plan
        m = re.search(r"\(([A-Za-z0-9][A-Za-z0-9_.-]*)\)$", text)
        target = None
        if m and plan.decision(m.group(1)) is not None:
            target = m.group(1)
        elif plan.decision(text) is not None:
            target = text
        else:
            low = text.casefold()
            target = next(
                (d.id for d in plan.decisions if low in d.title.casefold() or low in d.id.casefold()), None
            )
        if target is None:
            self.window.show_message(f"No decision matches '{text}'")
            return None
        w = self.window
        self.doc.select([target])
        canvas: Any = w.canvas
        if getattr(w, "has_canvas", False):
            w.views.setCurrentWidget(canvas)
            canvas.center_on_selection()
            canvas.graph_scene.highlight_chain([target])
            QTimer.singleShot(1500, self, lambda: self._end_flash(target))
        return target

    def _end_flash(self, target: str) -> None:
        scene = getattr(self.window.canvas, "graph_scene", None)
        if scene is not None and scene.highlight == [target]:
            scene.highlight_chain([])

    def open_selected(self) -> None:
        """Show the selection in the inspector and put the cursor in its first field (the title of one decision,
        the stage of several)."""
        w = self.window
        if not self.doc.selection:
            return
        w.inspector_dock.show()
        w.inspector_dock.raise_()
        w.inspector_tabs.setCurrentWidget(w.inspector)
        if len(self.doc.selection) == 1:
            edit = w.inspector.form.title_edit
            edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if edit.hasSelectedText() and edit.selectedText() == edit.text():
                # All of it selected, from the end back to the start: the field shows the title's first words
                # (selected from the start, the cursor at the end showed '…ud detection is outside EU AI Act').
                edit.setSelection(len(edit.text()), -len(edit.text()))
        else:
            w.inspector.multi.combos["stage"].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def back_to_view(self) -> None:
        """The keyboard focus back to the view shown (the table or the graph), from the inspector."""
        w = self.window
        w.commit_pending()
        shown = w.views.currentWidget()
        target = w.table_view.table if shown is w.table_view else shown
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def rename_selected(self) -> None:
        self.open_selected()
        edit = self.window.inspector.form.title_edit
        edit.setSelection(len(edit.text()), -len(edit.text()))  # all of it, its first words in sight

    def mark_selected(self, status: str) -> str | None:
        """Mark the selected decisions ``done``, ``in_progress`` or ``not_started`` (one undo step)."""
        w = self.window
        w.commit_pending()
        ids = list(self.doc.selection)
        if not ids:
            return None
        problem = self.doc.mark_status(ids, status)
        label = fmt.STATUS_LABELS.get(status, status).lower()
        w.show_message(
            f"Not changed: {problem}" if problem else f"Marked {units.count(len(ids), 'decision')} {label}"
        )
        return problem

    # -- context menus ---------------------------------------------------------------------------------------
    def context_menu(self, kind: str, ref: Any = None) -> QMenu:
        """The menu for a card or row (``card``), a link (``edge``, ``ref`` its index) or the background."""
        w = self.window
        menu = QMenu(w)
        menu.setObjectName(f"{kind}ContextMenu")
        if kind == "card":
            menu.addActions([self.open_action, self.rename_action])
            chain = menu.addAction("Highlight Driving Chain")
            chain.triggered.connect(self._highlight_selected_chain)
            menu.addSeparator()
            menu.addActions([self.copy_action, self.cut_action, self.paste_action])
            menu.addSeparator()
            menu.addActions(list(self.mark_actions.values()))
            menu.addSeparator()
            menu.addActions([w.duplicate_action, w.delete_action])
        elif kind == "edge":
            index = int(ref)
            dep = self.doc.plan.dependencies[index]
            kinds = menu.addMenu("Type")
            for t, label in fmt.DEPENDENCY_TYPES.items():
                act = kinds.addAction(f"{t}: {label}")
                act.setCheckable(True)
                act.setChecked(str(dep.type) == t)
                act.triggered.connect(lambda _c=False, t=t, i=index: self._set_link_type(i, t))
            remove = menu.addAction("Delete Dependency")
            remove.triggered.connect(lambda _c=False, i=index: self.doc.remove_dependencies([i]))
        else:
            menu.addActions([w.add_action, self.paste_action])
            menu.addSeparator()
            menu.addActions([self.tidy_action, w.fit_action])
        self.last_menu = menu
        menu.aboutToHide.connect(lambda: QTimer.singleShot(0, menu.deleteLater))
        return menu

    def show_canvas_menu(self, kind: str, ref: Any, pos: QPoint) -> None:
        self.context_menu(kind, ref).popup(pos)

    def _table_menu_requested(self, pos: QPoint) -> None:
        table = self.window.table_view.table
        index = table.indexAt(pos)
        kind = "card" if index.isValid() else "background"
        if index.isValid():
            from planner.ui.views.models import DecisionIdRole

            did = str(index.data(DecisionIdRole))
            if did not in self.doc.selection:
                self.doc.select([did])
        self.context_menu(kind).popup(table.viewport().mapToGlobal(pos))

    def _highlight_selected_chain(self) -> None:
        a = self.doc.drawable_analysis
        if not self.doc.selection:
            return
        if a is None:  # the last edit is being analysed (a decision just added is not in the older schedule)
            self.window.show_message("The schedule is being worked out: try again in a moment")
            return
        if a.schedule is None:
            self.window.show_message("No schedule: fix the plan's errors first")
            return
        self.window.highlight_chain(a.explain(self.doc.selection[-1]).driving_chain)

    def _set_link_type(self, index: int, kind: str) -> None:
        problem = self.doc.edit_dependency(index, type=kind)
        if problem:
            self.window.show_message(f"Not changed: {problem}")

    # -- export and help ---------------------------------------------------------------------------------------
    def default_export_path(self, name: str) -> str:
        folder = Path(self.doc.path).parent if self.doc.path else Path.home()
        chart = safe_file_name(EXPORT_CHARTS.get(name, name))
        stem = safe_file_name(f"{self.doc.plan.title} - {chart}")
        if not stem.endswith(chart):
            # A long title (a scenario's is longer still) took the chart's name off the 80 characters: the Gantt,
            # the roadmap and the cost chart were offered one file. The title gives way instead.
            title = safe_file_name(self.doc.plan.title)[: max(0, NAME_MOST - len(chart) - 3)].rstrip(" .-")
            stem = f"{title} - {chart}" if title else chart
        return str(folder / f"{stem}.png")

    def export_chart(self, name: str, path: str | None = None) -> str | None:
        """Save chart ``name`` (PNG, SVG or PDF by suffix); asks for the file, in the plan's folder with a safe
        name, when ``path`` is None. The file is replaced in one step (never half written)."""
        from planner.charts import FORMATS, render_chart

        a = self.doc.drawable_analysis  # the plan as it is, not an older schedule with the edited plan
        if a is None:
            # The last edit's schedule is still to come (debounced, or a large plan's worker): worked out now, as
            # before a report. It said "Cannot export the chart yet … Export again in a moment" in an error box.
            with wait_cursor():
                self.doc.analyze_now()
            a = self.doc.drawable_analysis
        if a is None:  # the analysis failed (a bug: it is logged)
            self.window.show_error(
                "Cannot export the chart",
                "The schedule of the plan could not be worked out.",
                f"{self.doc.last_error or 'The analysis failed'}. Undo the last change and export again.",
            )
            return None
        if a.schedule is None:
            self.window.show_error(
                "Cannot export the chart",
                "The plan has no schedule: it has errors.",
                "Fix the errors listed under Findings, then export again.",
            )
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                "Export chart",
                self.default_export_path(name),
                "PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)",
            )
            if not path:
                return None
            path = completed_save_name(self.window, path, ".png", FORMATS)
            if path is None:
                return None
        suffix = Path(path).suffix.lower()
        if suffix not in FORMATS:
            path += ".png"  # a name given by the caller (a test, a script), not typed in the dialog
            suffix = ".png"
        options: dict[str, Any] = {}
        sim = getattr(self.window, "simulation", None)
        if (
            name in ("risk", "criticality", "tornado")
            and sim is not None
            and sim.result is not None
            and not sim.stale
        ):
            options["result"] = sim.result  # the figures the Risk tab shows, not a fresh run
        try:
            render_chart(name, a, path, **options)  # the one atomic write (planner.model.io.atomic_write)
        except (OSError, ValueError) as exc:
            self.window.show_error(
                "Cannot export the chart",
                f"The chart could not be written to {path}.",
                f"{getattr(exc, 'strerror', None) or exc}. Try another folder or name.",
            )
            return None
        self.window.show_message(f"Exported {Path(path).name}")
        return path

    def _help(self, title: str, html: str) -> QWidget:
        from planner.ui.dialogs.basic import HelpDialog

        if self.help_dialog is not None:
            self.help_dialog.close()
        dialog = HelpDialog(title, html, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "help_dialog", None))
        self.help_dialog = dialog
        dialog.open()
        return dialog

    def show_shortcuts(self) -> QWidget:
        from planner.ui.dialogs.basic import shortcuts_html

        return self._help("Keyboard shortcuts", shortcuts_html())

    def show_guide(self) -> QWidget:
        from planner.ui.dialogs.basic import GETTING_STARTED

        return self._help("Getting started", GETTING_STARTED)


_TSV_COLUMNS = {
    "title": "title",
    "name": "title",
    "id": "id",
    "area": "area",
    "stage": "stage",
    "owner": "owner",
    "team": "owner",
    "optimistic": "optimistic",
    "opt": "optimistic",
    "likely": "likely",
    "most likely": "likely",
    "duration": "likely",
    "pessimistic": "pessimistic",
    "pess": "pessimistic",
    "status": "status",
    "progress": "progress",
}
"""Spreadsheet column names (casefolded, without units or punctuation) and the decision field each fills."""
_TSV_LABELS = {
    "optimistic": "Optimistic",
    "likely": "Likely",
    "pessimistic": "Pessimistic",
    "progress": "Progress",
}


def _tsv_key(header: str) -> str | None:
    """The field a column header names: ``Likely (weeks)``, ``Opt.``, ``Progress %`` all count."""
    name = re.sub(r"\(.*?\)|\[.*?\]", " ", header.casefold())
    name = re.sub(r"[^a-z ]+", " ", name)
    name = re.sub(r"\b(weeks?|wks?|in|percent|pct)\b", " ", name)
    return _TSV_COLUMNS.get(" ".join(name.split()))


def _tsv_number(text: str, key: str, line: int) -> float:
    """A spreadsheet cell as a number of weeks (``2.5``, ``2,5``, ``3 wks``) or a percentage (``80 %``)."""
    number = re.sub(r"\s*(weeks?|wks?|w|%)\s*$", "", text.strip(), flags=re.IGNORECASE).replace(",", ".")
    try:
        value = float(number)
    except ValueError:
        value = float("nan")
    label = _TSV_LABELS[key]
    if key == "progress":
        if not (math.isfinite(value) and 0 <= value <= 100):
            raise ValueError(f"row {line}, {label}: {quoted(text)} is not a percentage from 0 to 100")
    elif not (math.isfinite(value) and 0 <= value <= MAX_EDIT_WEEKS):  # the table's own bound
        raise ValueError(
            f"row {line}, {label}: {quoted(text)} is not a number of weeks from 0 to {MAX_EDIT_WEEKS}"
        )
    return value


def _tsv_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text.strip()).strip("-._")[:48]


def decisions_from_tsv(text: str) -> tuple[list[Decision], dict[str, dict[str, str]]]:
    """See :meth:`Workbench.decisions_from_tsv`."""
    rows = [r for r in csv.reader(io.StringIO(text.strip("\n")), delimiter="\t") if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise ValueError(
            # (the message box's second line begins with it: a sentence)
            "The text is not rows of decisions: it needs a header row (with a Title column) and a row under it"
        )
    col: dict[str, int] = {}
    for k, h in enumerate(rows[0]):
        key = _tsv_key(h)
        if key is not None and key not in col:
            col[key] = k
    if "title" not in col:
        raise ValueError("the first row has no 'Title' column")
    out: list[Decision] = []
    for line, r in enumerate(rows[1:], start=2):

        def cell(name: str, r: list[str] = r) -> str:
            k = col.get(name)
            return r[k].strip() if k is not None and k < len(r) else ""

        title = cell("title")
        if not title:
            continue
        raw_id = _tsv_id(cell("id")) or _tsv_id(title.lower()) or "decision"
        fields: dict[str, Any] = {"id": raw_id, "title": title, "stage": cell("stage") or ""}
        for key in ("area", "owner"):
            if cell(key):
                fields[key] = cell(key)
        nums = [
            _tsv_number(cell(key), key, line) if cell(key) else None
            for key in ("optimistic", "likely", "pessimistic")
        ]
        if any(x is not None for x in nums):
            lk = nums[1] if nums[1] is not None else next(x for x in nums if x is not None)
            o = nums[0] if nums[0] is not None else min(lk, *(x for x in nums if x is not None))
            p = nums[2] if nums[2] is not None else max(lk, *(x for x in nums if x is not None))
            if not o <= lk <= p:
                raise ValueError(
                    f"row {line}: estimates must satisfy optimistic <= likely <= pessimistic "
                    f"({fmt.weeks(o)} / {fmt.weeks(lk)} / {fmt.weeks(p)} weeks)"
                )
            fields["duration"] = lk if o == lk == p else ThreePoint(optimistic=o, likely=lk, pessimistic=p)
        if cell("status"):
            status = fmt.parse_status(cell("status"))
            if status is None:
                raise ValueError(
                    f"row {line}, Status: {quoted(cell('status'))} is not a status: use "
                    + ", ".join(fmt.STATUS_LABELS.values())
                )
            fields["status"] = status
        if cell("progress"):
            fields["progress"] = _tsv_number(cell("progress"), "progress", line)
        try:
            out.append(Decision.model_validate(fields))
        except ValidationError as exc:
            raise ValueError(f"row {line}: {validation_message(exc)}") from None
    return out, {}
