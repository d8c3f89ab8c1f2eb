"""Shared by the tests/ui/test_s18_screens_* and test_s31_screens_* modules: the sample plan's main window, opened and shown."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


def settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def open_at(window: MainWindow, qtbot: Any, sample_path: Path, size: tuple[int, int]) -> None:
    """``sample_path`` opened in the test's ``window``, resized to ``size`` (waited for) and analysed."""
    assert window.open_file(sample_path)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    window.doc.wait_for_analysis()


@contextmanager
def opened_sample(qtbot: Any, sample_path: Path, size: tuple[int, int]) -> Iterator[MainWindow]:
    """A main window of ``size`` with the sample plan, shown and analysed; closed (changes discarded) after."""
    from planner.ui.main_window import MainWindow

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    try:
        w.resize(*size)
        w.open_file(sample_path)
        w.show()
        qtbot.waitExposed(w)
        w.doc.wait_for_analysis()
        settle()
        yield w
    finally:
        w.discard_and_close()


@contextmanager
def app_font(points: float) -> Iterator[QFont]:
    """The application font at ``points`` (15: a desktop's large-type accessibility setting) while inside;
    the font before restored after."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    big = QFont(before)
    big.setPointSizeF(points)
    app.setFont(big)
    try:
        yield big
    finally:
        app.setFont(before)
        settle()


@contextmanager
def presenting_graph(window: MainWindow) -> Iterator[Any]:
    """``window`` in presentation mode over the graph (in its window, not full screen) while inside; left after.
    Yields the presentation controller."""
    window.show_view("Graph")
    settle()
    p = window.presentation
    p.enter(full_screen=False)
    try:
        settle()
        yield p
    finally:
        p.leave()
        settle()


def finish_simulation(window: MainWindow, steps: int = 1000) -> None:
    """Wait (at most ``steps`` x 20 ms) for the window's Monte Carlo run to finish, processing events."""
    runner = window.simulation
    for _ in range(steps):
        QApplication.processEvents()
        if runner.result is not None and not runner.running:
            return
        runner.wait(20)


def stage_steps(qtbot: Any, window: MainWindow, presenter: Any) -> Iterator[tuple[Any, Any]]:
    """Walk ``presenter``'s deck and yield ``(step, canvas)`` at each stage step with decisions in its spotlight,
    once the graph's cards are drawn (not the overview)."""
    for i in range(1, len(presenter.deck)):
        presenter.go_to(i)
        settle()
        step = presenter.current_step
        if step is None or step.kind != "stage" or not step.spotlight:
            continue
        canvas: Any = window.canvas
        qtbot.waitUntil(lambda c=canvas: c.detailed())
        yield step, canvas
