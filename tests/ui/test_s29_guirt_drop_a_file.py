"""A plan file dragged from the file manager onto the window: nothing happened (the window took no drops), so a
user dragging a plan in, or another tool's file, got no answer. Dropping one file now opens it as File > Open does
(asking first about unsaved changes; a FIFO, a folder or a broken file get their message box, never a hang), over
the graph as well as over the window's edges."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


def _drop(target: QWidget, *paths: Path) -> bool:
    """Drag ``paths`` over ``target`` and drop them; True when the drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(target.rect().center())
    copy = Qt.DropAction.CopyAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), copy, mime, left, none)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(pos, copy, mime, left, none)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_dropped_plan_opens(window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "dropped.plan.json"
    shutil.copy(SAMPLE, path)
    assert _drop(window, path)
    qtbot.waitUntil(lambda: window.doc.path == str(path.resolve()))
    assert len(window.doc.plan.decisions) > 10


def test_a_plan_dropped_on_the_graph_opens(window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "on-graph.plan.json"
    shutil.copy(SAMPLE, path)
    window.show_view("Graph")
    qtbot.waitUntil(lambda: window.canvas.isVisible())
    assert _drop(window.canvas.viewport(), path)
    qtbot.waitUntil(lambda: window.doc.path == str(path.resolve()))


def test_unsaved_edits_are_asked_about_first(window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "other.plan.json"
    shutil.copy(SAMPLE, path)
    window.doc.add_decision("Not saved yet")
    assert _drop(window, path)
    qtbot.waitUntil(lambda: window.active_prompt is not None)
    assert window.active_prompt.text() == "Save the changes to Untitled before opening another plan?"
    window.active_prompt.done(0)  # closed without choosing: Cancel
    qtbot.waitUntil(lambda: window.active_prompt is None)
    assert window.doc.path is None and window.doc.is_modified


def test_a_dropped_fifo_gets_a_message_not_a_hang(window, qtbot, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.plan.json"
    os.mkfifo(fifo)
    assert _drop(window, fifo)
    qtbot.waitUntil(lambda: len(_boxes()) == 1)
    box = _boxes()[0]
    assert box.windowTitle() == "Cannot open plan" and "pipe" in box.text()
    box.done(0)
    assert window.doc.path is None


def test_two_files_or_a_web_link_are_not_taken(window, qtbot, tmp_path: Path) -> None:
    a, b = tmp_path / "a.plan.json", tmp_path / "b.plan.json"
    shutil.copy(SAMPLE, a)
    shutil.copy(SAMPLE, b)
    assert not _drop(window, a, b)
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/plan.json")])
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert window.doc.path is None and not _boxes()


def test_nothing_is_taken_while_presenting(presenting, qtbot, tmp_path: Path) -> None:
    w = presenting
    before = w.doc.path
    w.presentation.enter(full_screen=False)
    qtbot.waitUntil(lambda: w.presentation.active)
    path = tmp_path / "stray.plan.json"
    shutil.copy(SAMPLE, path)
    assert not _drop(w, path)
    _drop(w.canvas.viewport(), path)  # (the graph's scene may take the drag; nothing is opened)
    QApplication.processEvents()
    assert w.doc.path == before and w.presentation.active
