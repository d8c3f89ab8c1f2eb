"""Shared Qt fixtures: offscreen, isolated settings and data folders, and no leaked windows or threads."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from planner.ui.canvas import GraphCanvas
    from planner.ui.state.document import PlanDocument

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_plans"
TABS = [  # the main window's views, in tab order (the workshop walks show each)
    "Table",
    "Graph",
    "Gantt",
    "Dependency graph",
    "Roadmap",
    "Stage timeline",
    "Critical path",
    "Risk",
    "Capacity",
    "Cost",
    "Coverage",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns whenever a top-level window gets size hints (every QMainWindow and dialog
    # does); it is not a problem of the app. Every other Qt warning still fails the test (qt_log_level_fail).
    for item in items:
        if "tests/ui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"))


@pytest.fixture(scope="session")
def _settings_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("qsettings")


@pytest.fixture(autouse=True)
def isolated_settings(
    qapp: QApplication, _settings_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Settings and app data (recovery files, logs) live under tmp paths; the user's are never touched."""
    QCoreApplication.setOrganizationName("ScalingRoadmapPlannerTests")
    QCoreApplication.setApplicationName("PlannerTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(_settings_root))
    QSettings().clear()
    data = tmp_path / "appdata"
    monkeypatch.setenv("PLANNER_DATA_DIR", str(data))
    return data


def _live_top_levels() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


@pytest.fixture(autouse=True, scope="session")
def _clipboard_emptied_at_the_end(qapp: QApplication) -> Iterator[None]:
    """Empty the clipboard once the GUI tests are done, as the app does when it quits (planner.ui.workbench
    .release_clipboard, on aboutToQuit, which tests never reach): clipboard data made in Python and still held by
    Qt when the interpreter exits crashes its shutdown (exit 139 after every test passed)."""
    yield
    QApplication.clipboard().clear()
    QApplication.processEvents()


@pytest.fixture(autouse=True, scope="module")
def _cycles_collected_after_each_module(qapp: QApplication) -> Iterator[None]:
    """Collect the garbage cycles a module's Qt objects are in (documents, windows, views) once its tests are done,
    while Qt is running: a Qt object the collector cannot free safely then crashes the module that made it, not
    whichever test or module happens to allocate when the collector next runs (that is how a document's undo
    commands, deleted twice, showed: exit 139 at interpreter exit after a GUI module ran before non-GUI ones; see
    PlanDocument.__del__). Per module, not per test: a full collection costs ~0.2 s here (the whole GUI suite was
    run with one after every test and passed)."""
    yield
    QApplication.processEvents()  # pending deleteLater()s first: Qt deletes those in its own order
    gc.collect()


@pytest.fixture(autouse=True)
def no_leaks(qapp: QApplication):
    """Fail a test that leaves a visible top-level window or a running thread behind."""
    from planner.ui.state.background import active_simulations
    from planner.ui.state.document import active_workers

    before_windows = _live_top_levels()
    before_threads = {t.ident for t in threading.enumerate()}
    yield
    QApplication.processEvents()
    # The windows pytest-qt closed (qtbot.addWidget: close() and deleteLater()) are deleted now. Outside an event
    # loop Qt runs a deleteLater() only when asked, so they piled up hidden: ~1,000 widgets a test, 30,000 in a
    # worker after a few modules, and every later application font change relaid them all (a font test took 78 s
    # in the suite and 2 s alone).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before_windows]
    names = [f"{type(w).__name__}({w.windowTitle()!r})" for w in leaked]
    for w in leaked:
        w.hide()
        w.deleteLater()
    QApplication.processEvents()
    assert not names, f"test leaked visible windows: {names}"
    assert active_workers() == 0, "test left an analysis worker running"
    assert active_simulations() == 0, "test left a simulation running"
    extra = [
        t
        for t in threading.enumerate()
        if t.ident not in before_threads and t.is_alive() and not isinstance(t, threading._DummyThread)
    ]
    assert not extra, f"test leaked threads: {extra}"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLES / "bank-assistant.plan.json"


@pytest.fixture
def window(qtbot, isolated_settings):
    """A main window with the blank plan, shown; closed (discarding changes) after the test."""
    from planner.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.discard_and_close()


@pytest.fixture
def sample_window(qtbot, isolated_settings, sample_path):
    """A shown main window with the bank-assistant sample plan (48 decisions, 4 risks, 6 teams)."""
    from planner.ui.main_window import MainWindow

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.open_file(sample_path)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.discard_and_close()


@pytest.fixture
def presenting(sample_window, qtbot):
    """The sample window on the Graph tab, analysed and active, ready to present; after the test any Keep/Discard
    question is dismissed and presentation mode left (test modules that enter it themselves define their own)."""
    w = sample_window
    w.doc.wait_for_analysis()
    w.show_view("Graph")
    qtbot.waitUntil(lambda: w.canvas.isVisible())
    w.activateWindow()
    yield w
    if w.presentation.leave_prompt is not None:
        w.presentation.leave_prompt.done(0)
    w.presentation.leave()


def find_dialog(widget_type: type[QWidget]) -> QWidget | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, widget_type) and w.isVisible():
            return w
    return None


# The bank-assistant sample in a document and in a graph canvas of 1400x900 at 100 % (test modules that need
# another size define their own ``canvas``).
@pytest.fixture
def doc() -> Iterator[PlanDocument]:
    from planner.model import load_plan
    from planner.ui.state.document import PlanDocument

    d = PlanDocument(load_plan(SAMPLES / "bank-assistant.plan.json"))
    d.analyze_now()
    yield d
    d.shutdown()


@pytest.fixture
def canvas(qtbot, doc: PlanDocument) -> Iterator[GraphCanvas]:
    from planner.ui.canvas import GraphCanvas

    c = GraphCanvas(doc)
    qtbot.addWidget(c)
    c.resize(1400, 900)
    c.show()
    qtbot.waitExposed(c)
    c.reset_zoom()
    yield c
    if c.message_box is not None:
        c.message_box.close()
