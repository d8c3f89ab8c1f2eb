"""The name a Save-as-style file dialog's answer is written to, its suffix completed, never replacing a file
without asking.

A file dialog asks before replacing the name as typed; the app then adds the format's suffix when the name has none
of the format's own ("roadmap" becomes "roadmap.png"), and that completed name may be another file the user never
saw asked about. :func:`completed_save_name` asks then (Replace / Cancel, Cancel the default), as File > Save As does
for a plan. One function for every export dialog: the chart tabs' Export, File > Export Chart, File > Export As and
the report's Browse.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.ui.state.file_guard import shown_path


def completed_name(path: str, suffix: str, own: Iterable[str]) -> tuple[str, bool]:
    """``path`` as chosen in a file dialog, with ``suffix`` added when its own suffix is not one of ``own`` (with the
    dot, any case); and whether to ask before replacing it: the name was completed and is an existing file's (the
    dialog asked about the name as typed, not this one)."""
    if Path(path).suffix.lower() in {s.lower() for s in own}:
        return path, False
    path += suffix
    return path, os.path.lexists(path)


def completed_save_name(parent: QWidget | None, path: str, suffix: str, own: Iterable[str]) -> str | None:
    """:func:`completed_name`, asked at once (:func:`confirm_replace`): None when the user does not replace the
    file. (File > Save As asks the same in its own window-modal box.)"""
    path, ask = completed_name(path, suffix, own)
    return path if not ask or confirm_replace(parent, path) else None


def confirm_replace(parent: QWidget | None, path: str) -> bool:
    """Ask whether ``path`` (a name the app completed) may be replaced: True on Replace."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Replace file?",
        f"{shown_path(Path(path).name)} already exists. Replace it?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(f"The name was completed with its format's suffix: {shown_path(path)}")
    box.button(QMessageBox.StandardButton.Save).setText("Replace")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Save
