"""User settings (QSettings) and the app's data folder.

Tests isolate both: QSettings through ``QSettings.setPath`` and the organisation name, the data folder through
the ``PLANNER_DATA_DIR`` environment variable.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

ORGANIZATION = "ScalingRoadmapPlanner"
APPLICATION = "Planner"
MAX_RECENT = 10


def data_path() -> Path:
    """Where recovery files, locks and the log go (not created: see :func:`data_dir`)."""
    env = os.environ.get("PLANNER_DATA_DIR")
    return (
        Path(env)
        if env
        else Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
            or Path.home() / ".scaling-roadmap-planner"
        )
    )


def data_dir() -> Path:
    """:func:`data_path`, created on demand. Raises OSError when it cannot be made (a file in its place, a
    read-only home): the app then runs without what it keeps there, and says so (crash protection off)."""
    base = data_path()
    base.mkdir(parents=True, exist_ok=True)
    return base


def unsaved_reason(file_name: str | None = None) -> str:
    """Why the settings (recent files, window layout, report options) cannot be kept on disk, or "" when they can.

    Qt writes them without a word when it cannot (a read-only home, ``XDG_CONFIG_HOME`` on a read-only disk or
    under a file, ``HOME`` unset for a user who cannot write ``/``): they then last only until the app closes. The
    settings file (``file_name``, default :class:`QSettings`' own) must be writable, or the nearest folder of its
    path that exists, since Qt makes the missing ones."""
    path = Path(QSettings().fileName() if file_name is None else file_name)
    target = path
    while not target.exists() and target.parent != target:
        target = target.parent
    if target == path:
        writable = path.is_file() and os.access(path, os.W_OK)
    else:
        writable = target.is_dir() and os.access(target, os.W_OK | os.X_OK)
    if writable:
        return ""
    return (
        f"settings cannot be saved in {path.parent}: recent files and the window layout last only until the app "
        "closes (a read-only home folder or disk, or a file in the folder's place)"
    )


def recent_files() -> list[str]:
    value = QSettings().value("files/recent", [])
    if isinstance(value, str):  # QSettings collapses a one-item list to a string on some backends
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return []


def add_recent(path: str) -> list[str]:
    path = str(Path(path).resolve())
    items = [p for p in recent_files() if p != path]
    items.insert(0, path)
    items = items[:MAX_RECENT]
    QSettings().setValue("files/recent", items)
    return items


def remove_recent(path: str) -> None:
    QSettings().setValue("files/recent", [p for p in recent_files() if p != path])


def clear_recent() -> None:
    QSettings().setValue("files/recent", [])
