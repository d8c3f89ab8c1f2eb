"""The scenario switcher (issue 13): a "Scenario" toolbar and menu on the main window.

The toolbar shows, in every view, which scenario is active (a combo box of Base and the plan's scenarios, and a
coloured note while a scenario is active saying that edits are recorded as its overrides). The menu and toolbar
offer: show a scenario, new scenario from the current state, duplicate, rename, delete, apply to base, and the
Compare view. Every operation is an undo step (:mod:`planner.ui.state.scenarios`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QToolBar,
)

from planner import units
from planner.model.scenarios import BASE, override_count
from planner.ui.theme import SCENARIO_NOTE_CSS
from planner.ui.views.elided import ElidedComboBox

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

ACTIVE_STYLE = f"QLabel#scenarioNote {{ {SCENARIO_NOTE_CSS} padding: 1px 6px; }}"
PLAIN_STYLE = "QLabel#scenarioNote { padding: 1px 6px; }"
"""The note's padding without its colours (Base shown: "2 scenarios" touched the chooser's edge)."""


class ScenarioBar(QObject):
    """Builds and keeps up to date the Scenario toolbar and menu of ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self.state = window.doc.scenarios
        self.prompt: QInputDialog | None = None
        self.compare_dialog: Any = None

        tb = QToolBar("Scenario", window)
        tb.setObjectName("scenarioToolbar")
        tb.setMovable(False)
        tb.addWidget(QLabel(" Scenario: ", tb))
        self.combo = ElidedComboBox(tb)  # a name wider than the box ends in …
        self.combo.setObjectName("scenarioChooser")
        self.combo.setAccessibleName("Active scenario")
        self.combo.setToolTip(
            "Which scenario the views show and edit: Base is the plan itself; a scenario is the "
            "plan with its overrides, and edits made in it are recorded as overrides"
        )
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(16)
        # A long name (a scenario takes 100 characters) made the combo box as wide, and the note beside it, which
        # says a scenario is shown, went into the toolbar's overflow menu at 1024 px. The list shows names whole.
        self.combo.setMaximumWidth(self.combo.fontMetrics().averageCharWidth() * 36)
        self.combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.combo.activated.connect(lambda _i: self.switch(self.combo.currentData()))
        tb.addWidget(self.combo)
        self.note = QLabel(tb)
        self.note.setObjectName("scenarioNote")
        self.note.setStyleSheet(ACTIVE_STYLE)
        self.note_action = tb.addWidget(self.note)

        def act(text: str, slot: Any, tip: str, shortcut: str | None = None) -> QAction:
            a = QAction(text, window)
            a.setToolTip(tip)
            a.setStatusTip(tip)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(lambda _c=False: slot())
            window.addAction(a)
            return a

        self.new_action = act(
            "&New Scenario from Current…",
            self.ask_new,
            "Keep the current state (Base, or the scenario shown) as a new scenario and show it",
        )
        self.duplicate_action = act("D&uplicate Scenario…", self.ask_duplicate, "Copy the scenario shown")
        self.rename_action = act("&Rename Scenario…", self.ask_rename, "Rename the scenario shown")
        self.delete_action = act("&Delete Scenario", self.ask_delete, "Delete the scenario shown (undoable)")
        self.apply_action = act(
            "&Apply Scenario to Base",
            self.ask_apply,
            "Make the scenario shown the base plan; the other scenarios then apply to it",
        )
        self.compare_action = act(
            "&Compare Scenarios…",
            self.show_compare,
            "Compare two to four scenarios side by side: finish, gates, P50/P80, critical path, team load",
            "Ctrl+Shift+K",
        )
        self.next_action = act(
            "Next Scenario", lambda: self.cycle(1), "Show the next scenario", "Ctrl+Alt+PgDown"
        )
        self.prev_action = act(
            "Previous Scenario", lambda: self.cycle(-1), "Show the previous scenario", "Ctrl+Alt+PgUp"
        )
        tb.addSeparator()
        tb.addAction(self.new_action)
        tb.addAction(self.compare_action)
        self.toolbar = tb
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)

        menu = window.menuBar().addMenu("S&cenario")
        help_menu = next((a for a in window.menuBar().actions() if a.text() == "&Help"), None)
        if help_menu is not None:  # keep Help last
            window.menuBar().removeAction(menu.menuAction())
            window.menuBar().insertMenu(help_menu, menu)
        self.show_menu = menu.addMenu("&Show")
        self.show_menu.aboutToShow.connect(self._fill_show_menu)
        menu.addActions([self.next_action, self.prev_action])
        menu.addSeparator()
        menu.addActions([self.new_action, self.duplicate_action, self.rename_action, self.delete_action])
        menu.addSeparator()
        menu.addAction(self.apply_action)
        menu.addSeparator()
        menu.addAction(self.compare_action)
        self.menu = menu

        self.state.changed.connect(self.refresh)
        self.state.notice.connect(lambda text: window.show_message(text, 12000))
        # The Plan & stages page is read-only while a scenario is shown; its note offers to show Base.
        window.plan_view.show_base.connect(lambda: self.switch(None))
        self.doc.plan_reset.connect(self.refresh)
        self.refresh()

    # -- display ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        names = self.state.names()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(BASE, None)
        for n in names:
            self.combo.addItem(units.one_line(n), n)
        self.combo.setCurrentIndex(
            0
            if self.state.active is None
            else names.index(self.state.active) + 1
            if self.state.active in names
            else 0
        )
        self.combo.blockSignals(False)
        active = self.state.active
        if active is None:
            self.note.setText(units.count(len(names), "scenario") if names else "")
            self.note.setToolTip("")
            self.note.setStyleSheet(PLAIN_STYLE)
            # Clearing the style sheet leaves the palette it set: "2 scenarios" stayed dark yellow-brown, hardly
            # readable on the dark theme's toolbar. An empty palette inherits the toolbar's again.
            self.note.setPalette(QPalette())
        else:
            count = override_count(self.state.scenario(active), self.state.base) if active in names else 0
            # The name is the combo box's, beside it (a long one pushed the note off the toolbar).
            self.note.setText(
                f"Scenario shown: {units.count(count, 'change')} to Base; edits are recorded in this scenario"
            )
            self.note.setToolTip(
                f"Scenario {units.quoted(active)} is shown; Base is the plan without its changes"
            )
            self.note.setStyleSheet(ACTIVE_STYLE)
        self.note_action.setVisible(bool(self.note.text()))
        for a in (self.duplicate_action, self.rename_action, self.delete_action, self.apply_action):
            a.setEnabled(active is not None)
        self.compare_action.setEnabled(bool(names))
        self.next_action.setEnabled(bool(names))
        self.prev_action.setEnabled(bool(names))

    def _fill_show_menu(self) -> None:
        self.show_menu.clear()
        for label, name in [(BASE, None), *((units.one_line(n), n) for n in self.state.names())]:
            a = self.show_menu.addAction(label.replace("&", "&&"))  # 'R&D' is no shortcut on D
            a.setCheckable(True)
            a.setChecked(self.state.active == name)
            a.triggered.connect(lambda _c=False, name=name: self.switch(name))

    def cycle(self, step: int, *, presenting: bool = False) -> None:
        """Show the next (previous) scenario, Base included, wrapping round (N in presentation mode, which passes
        ``presenting``)."""
        order: list[str | None] = [None, *self.state.names()]
        k = order.index(self.state.active) if self.state.active in order else 0
        self.switch(order[(k + step) % len(order)], presenting=presenting)

    def _say_presenting(self, text: str) -> None:
        """A refusal while presenting, in the presenter bar (the status bar is hidden then) and the status bar."""
        self.window.presentation.say(text)

    def presenting(self) -> bool:
        presentation = getattr(self.window, "presentation", None)
        return bool(getattr(presentation, "active", False))

    def switch(self, name: str | None, *, presenting: bool = False) -> bool:
        """Show scenario ``name`` (None: Base). While presenting, only the presentation's own key flips scenarios
        (``presenting``): the toolbar is hidden then, and the menu's operations are refused."""
        if self.presenting() and not presenting:
            self._say_presenting("Leave presentation mode (Esc) to switch scenarios.")
            self.refresh()
            return False
        # What is being typed belongs to the plan it was typed in: a switch from the menu or a key left an
        # inspector field uncommitted (a menu takes no focus), and it was then applied to the scenario shown next.
        self._commit_typed()
        self.state.switch(name)
        return True

    def _commit_typed(self) -> None:
        """Commit what is being typed (a table cell, the inspector, the Plan & stages page) to the plan it was typed
        in, before a scenario operation swaps the plan shown."""
        self.window.commit_pending()
        self.window.plan_view.commit_pending()

    # -- prompts ---------------------------------------------------------------------------------------------
    def _ask(self, title: str, label: str, value: str, done: Any) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("scenarioPrompt")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(value)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(done)
        dialog.finished.connect(lambda _r: setattr(self, "prompt", None))
        self.prompt = dialog
        dialog.open()
        return dialog

    def _refused_while_presenting(self) -> bool:
        """True (and says why) when a scenario operation is asked for during a presentation."""
        if self.presenting():
            self._say_presenting("Leave presentation mode (Esc) to change scenarios.")
            return True
        return False

    def _editable_scenario(self) -> str | None:
        """The scenario shown, when one is and it may be changed now (not during a presentation)."""
        return None if self._refused_while_presenting() else self.state.active

    def _report(self, problem: str | None) -> None:
        if problem:
            self.window.show_error("Scenario", problem)

    def ask_new(self) -> QInputDialog | None:
        if self._refused_while_presenting():
            return None
        self._commit_typed()  # the new scenario keeps what is being typed
        what = "the base plan" if self.state.active is None else f"scenario {units.quoted(self.state.active)}"
        return self._ask(
            "New scenario",
            f"Keep {what} as a new scenario named:",
            self.state.unique_name("Scenario"),
            lambda name: self._report(self.state.create(name)),
        )

    def ask_duplicate(self) -> QInputDialog | None:
        source = self._editable_scenario()
        if source is None:
            return None
        return self._ask(
            "Duplicate scenario",
            f"Copy {units.quoted(source)} as:",
            self.state.unique_name(source),
            lambda name: self._report(self.state.duplicate(source, name)),
        )

    def ask_rename(self) -> QInputDialog | None:
        old = self._editable_scenario()
        if old is None:
            return None
        return self._ask(
            "Rename scenario",
            f"Rename {units.quoted(old)} to:",
            old,
            lambda name: self._report(self.state.rename(old, name.strip())),
        )

    def ask_delete(self) -> QMessageBox | None:
        name = self._editable_scenario()
        if name is None:
            return None
        self._commit_typed()
        SB = QMessageBox.StandardButton
        return self.window._prompt(
            QMessageBox.Icon.Question,
            "Delete scenario",
            f"Delete scenario {units.quoted(name)} and show Base?",
            SB.Yes | SB.Cancel,
            lambda b: self.state.delete(name) if b == SB.Yes else None,
            "Edit > Undo brings it back.",
        )

    def ask_apply(self) -> QMessageBox | None:
        name = self._editable_scenario()
        if name is None:
            return None
        self._commit_typed()
        SB = QMessageBox.StandardButton
        return self.window._prompt(
            QMessageBox.Icon.Question,
            "Apply scenario to Base",
            f"Make scenario {units.quoted(name)} the base plan?",
            SB.Yes | SB.Cancel,
            lambda b: self.state.apply_to_base(name) if b == SB.Yes else None,
            "Its changes become the plan, the scenario goes, and the other scenarios then apply to the new base. "
            "Edit > Undo reverses it.",
        )

    def show_compare(self) -> Any:
        from planner.ui.tabs.compare_view import CompareDialog

        self._commit_typed()  # compared with what is being typed
        if self.compare_dialog is None:
            self.compare_dialog = CompareDialog(self.doc, self.window)
        self.compare_dialog.refresh_choices()
        self.compare_dialog.show()
        if QGuiApplication.platformName() != "offscreen":  # the offscreen platform warns on raise()
            self.compare_dialog.raise_()
        return self.compare_dialog


__all__ = ["ScenarioBar"]
