"""Help > Keyboard Shortcuts lists every key of the app: a consultant in a workshop looks there, not in the README.
It left out Import (Ctrl+I), the scenario keys (Ctrl+Alt+PgDn/PgUp, Ctrl+Shift+K) and N in presentation mode."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from planner.ui.dialogs.basic import SHORTCUTS

# How the table writes keys where Qt's portable text differs
_NOTATION = {"↑": "Up", "↓": "Down", "←": "Left", "→": "Right", "PgDn": "PgDown", "−": "-", "Delete": "Del"}


def listed_keys() -> set[str]:
    """Every key the table names, in Qt's portable notation."""
    keys: set[str] = set()
    for _, items in SHORTCUTS:
        for text, _ in items:
            text = re.sub(r"\s*\([^)]*\)", "", text)  # "Enter (table)"
            for part in re.split(r"\s*/\s*|\s+or\s+|,\s*", text):
                for symbol, word in _NOTATION.items():
                    part = part.replace(symbol, word)
                if part == "Arrow keys":
                    keys |= {"Up", "Down", "Left", "Right"}
                elif m := re.fullmatch(r"Ctrl\+(\d) … Ctrl\+(\d)", part):
                    keys |= {f"Ctrl+{k}" for k in range(int(m[1]), int(m[2]) + 1)}
                else:
                    keys.add(part)
    return keys


def test_the_notation_reads_the_table() -> None:
    keys = listed_keys()
    assert {"Ctrl+N", "Ctrl+3", "Up", "PgDown", "Del", "Shift+F2", "Enter", "Ctrl+Shift+K", "N"} <= keys


def test_every_key_of_the_window_and_presentation_is_listed(window: Any) -> None:
    listed = listed_keys()
    actions = window.findChildren(
        QAction
    )  # the presentation's keys included (its controller is the window's)
    assert any(a.text() == "Next Step" for a in actions)
    missing = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        # an action with several keys (Redo: Ctrl+Y, Ctrl+Shift+Z) needs one of them listed
        if keys and not any(k in listed for k in keys):
            missing.append(f"{action.text()}: {', '.join(keys)}")
    assert not missing, f"keys the shortcut reference leaves out: {missing}"
