"""Every view has a key, in presentation mode too: Capacity, Cost and Coverage (the 9th to 11th tabs) had none, as
Ctrl+9 and Ctrl+0 are Fit and Actual Size. They are Alt+1, Alt+2 and Alt+3, shown in the View menu, the tabs' tool
tips, Help > Keyboard Shortcuts and the presenter's hint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.ui.dialogs.basic import shortcuts_html
from planner.ui.presentation.mode import PRESENTER_HINT
from tests.ui.conftest import TABS
from tests.ui.s18_screens_support import settle

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
DIGITS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7]
DIGITS += [Qt.Key.Key_8]
# (tab title, key pressed, modifier, the key as shown)
EXPECTED = [(title, DIGITS[i], CTRL, f"Ctrl+{i + 1}") for i, title in enumerate(TABS[:8])]
EXPECTED += [
    ("Capacity", Qt.Key.Key_1, ALT, "Alt+1"),
    ("Cost", Qt.Key.Key_2, ALT, "Alt+2"),
    ("Coverage", Qt.Key.Key_3, ALT, "Alt+3"),
]


def _press(w, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget() or w, key, mod)
    settle()


def test_every_view_has_its_key_in_presentation_mode(sample_window):
    w = sample_window
    w.doc.wait_for_analysis()
    assert [w.views.tabText(i) for i in range(w.views.count())] == TABS
    w.show_view("Graph")
    settle()
    w.presentation.enter(full_screen=False)
    try:
        settle()
        w.canvas.setFocus()
        settle()
        for title, key, mod, _shown in reversed(EXPECTED):  # from the last: each key changes the view
            _press(w, key, mod)
            assert w.views.tabText(w.views.currentIndex()) == title, (title, _shown)
        # the presentation's own keys still work after Alt+n (the focus is not left in a tab's field)
        _press(w, Qt.Key.Key_3, ALT)
        assert w.views.currentWidget() is w.coverage_tab
        position = w.presentation.position
        _press(w, Qt.Key.Key_2, CTRL)
        assert w.views.currentWidget() is w.canvas
        _press(w, Qt.Key.Key_PageDown)
        assert w.presentation.position == position + 1
    finally:
        w.presentation.leave()
        settle()


def test_the_view_keys_work_outside_presentation_too(sample_window):
    w = sample_window
    for title, key, mod, _shown in EXPECTED:
        _press(w, key, mod)
        assert w.views.tabText(w.views.currentIndex()) == title


def test_the_keys_are_shown_in_the_menu_the_tool_tips_help_and_the_presenter_hint(sample_window):
    w = sample_window
    in_menu = {
        a.text().replace("&", ""): a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in w.view_menu.actions()
    }
    help_text = shortcuts_html()
    for i, (title, _key, _mod, shown) in enumerate(EXPECTED):
        assert in_menu[title] == shown, title
        assert w.views.tabToolTip(i).endswith(f"({shown})"), w.views.tabToolTip(i)
    assert "Ctrl+1 … Ctrl+8</b></td><td>Table, Graph, the charts and Risk" in help_text
    assert "Alt+1 / Alt+2 / Alt+3</b></td><td>Capacity, Cost and Coverage" in help_text
    assert "Ctrl+1 … 8, Alt+1 … 3 views" in PRESENTER_HINT
    # the tool tips say what the tab is as well as its key
    assert w.views.tabToolTip(TABS.index("Cost")).startswith("What the plan costs")
    assert w.views.tabToolTip(TABS.index("Gantt")) == "The gantt chart (Ctrl+3)"
