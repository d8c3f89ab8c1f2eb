"""The app's icon on every window, and Help > About: version, licence, libraries with their versions."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from planner import __version__
from planner.ui.app import app_icon
from planner.ui.main_window import MainWindow

SIZES = [16, 22, 24, 32, 48, 64, 128, 256, 512]


def test_app_icon_has_every_size() -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == SIZES


def test_create_application_gives_every_window_the_icon() -> None:
    # A fresh process: the test session's QApplication is pytest-qt's.
    script = (
        "from planner.ui.app import create_application; from PySide6.QtWidgets import QDialog; "
        "app = create_application(); d = QDialog(); "
        "print(sorted(s.width() for s in d.windowIcon().availableSizes()), app.desktopFileName())"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("] ")[0] + "]" == str(SIZES)
    assert done.stdout.split("] ")[1].strip() == "org.scalingroadmap.Planner"


def test_about_shows_version_licence_and_libraries(window: MainWindow, qtbot: QtBot) -> None:
    import matplotlib
    import numpy
    import PySide6

    old = QApplication.windowIcon()
    QApplication.setWindowIcon(app_icon())
    try:
        window.about_action.trigger()
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        text = box.text()
        assert box.windowTitle() == "About Scaling Roadmap Planner"
        assert f"</b> {__version__}" in text
        assert "Licence: Proprietary" in text
        for name, version in (
            ("PySide6", PySide6.__version__),
            ("matplotlib", matplotlib.__version__),
            ("NumPy", numpy.__version__),
            ("Qt", qVersion()),
        ):
            assert f"<td>{name}</td><td>&nbsp;&nbsp;{version}</td>" in text, name
        assert not box.iconPixmap().isNull() and box.iconPixmap().width() == 64
        assert box.windowModality() == Qt.WindowModality.WindowModal  # open(), not exec()
        box.button(QMessageBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not box.isVisible())
    finally:
        QApplication.setWindowIcon(old)
