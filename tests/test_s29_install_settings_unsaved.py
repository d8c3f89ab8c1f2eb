"""Settings on a machine where they cannot be written (a read-only home, XDG_CONFIG_HOME under a file or on a
read-only disk): Qt drops them without a word, so recent files and the window layout were silently lost at every
start. :func:`planner.ui.state.settings.unsaved_reason` says why, so that the app can tell the user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.ui.state import settings


def test_a_settings_file_under_a_file_cannot_be_saved(tmp_path: Path) -> None:
    blocker = tmp_path / "home-file"
    blocker.write_text("a file where the config folder would go\n", encoding="utf-8")
    name = blocker / "ScalingRoadmapPlanner" / "Planner.conf"

    reason = settings.unsaved_reason(str(name))

    assert reason.startswith(f"settings cannot be saved in {name.parent}: "), reason
    assert "recent files and the window layout" in reason


@pytest.mark.parametrize("exists", [False, True])
def test_a_writable_folder_keeps_them(tmp_path: Path, exists: bool) -> None:
    name = tmp_path / "config" / "ScalingRoadmapPlanner" / "Planner.conf"
    if exists:
        name.parent.mkdir(parents=True)
        name.write_text("[General]\n", encoding="utf-8")
    assert settings.unsaved_reason(str(name)) == ""


def test_it_agrees_with_what_qt_does(tmp_path: Path) -> None:
    # Qt's own verdict, in a process of its own (its settings cache is per process): writing under the blocked
    # config home fails (AccessError), and unsaved_reason says so for the same file; a writable home is kept.
    blocker = tmp_path / "home-file"
    blocker.write_text("x\n", encoding="utf-8")
    script = (
        "from PySide6.QtCore import QCoreApplication, QSettings\n"
        "from planner.ui.state import settings\n"
        "app = QCoreApplication([])\n"
        "app.setOrganizationName(settings.ORGANIZATION); app.setApplicationName(settings.APPLICATION)\n"
        "reason = settings.unsaved_reason()\n"
        "s = QSettings(); s.setValue('files/recent', ['/a.plan.json']); s.sync()\n"
        "print(s.status() == QSettings.Status.AccessError, bool(reason))\n"
    )
    for home, expected in ((blocker / "config", "True True"), (tmp_path / "config", "False False")):
        env = {**os.environ, "XDG_CONFIG_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == expected, (home, done.stdout, done.stderr)
