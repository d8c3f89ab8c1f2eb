"""Settings that cannot be kept (a read-only home, the config folder under a file): Qt drops them without a word, so
the recent files and the window layout were lost at every start and nobody said so. The app now says it in the
status bar as it opens (MainWindow.check_settings, called by planner.ui.app.run), and says nothing where they can."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def test_the_window_says_when_settings_cannot_be_kept(window, tmp_path: Path, _settings_root: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the settings folder would go\n", encoding="utf-8")
    fmt, scope = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    QSettings.setPath(fmt, scope, str(blocker / "config"))
    try:
        said = window.check_settings()
        shown = window.status.currentMessage()
    finally:
        QSettings.setPath(fmt, scope, str(_settings_root))
    assert said and shown.startswith("Settings cannot be saved in "), shown
    assert str(blocker) in shown and "recent files and the window layout" in shown


def test_nothing_is_said_where_they_can(window) -> None:
    window.status.clearMessage()
    assert window.check_settings() == ""
    assert window.status.currentMessage() == ""
