"""Save and Save As to names a user can type in the file dialog: as long as the file system allows, longer than it
allows, with a character it refuses, over a folder of that name. Each is saved, or refused in a message box that
says why and keeps the changes; never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from planner.model import load_plan


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder of its own (``tmp_path`` holds the app's data folder)."""
    made = tmp_path / "plans"
    made.mkdir()
    return made


def _refused(window, path: str) -> str:
    window.doc.add_decision("My unsaved edit")
    assert window.save_to(path) is False
    box = window.active_prompt
    assert box is not None and box.windowTitle() == "Cannot save plan"
    text = f"{box.text()} {box.informativeText()}"
    box.done(0)
    QApplication.processEvents()
    assert window.doc.is_modified and window.doc.path is None  # the changes are still here, unsaved
    return text


def test_the_longest_name_the_file_system_allows_is_saved(window, folder: Path) -> None:
    suffix = ".plan.json"
    path = folder / ("p" * (_name_max(folder) - len(suffix)) + suffix)
    window.doc.add_decision("My unsaved edit")
    assert window.save_to(str(path)), window.active_prompt and window.active_prompt.informativeText()
    assert any(d.title == "My unsaved edit" for d in load_plan(path).decisions)
    assert not window.doc.is_modified
    assert sorted(p.name for p in folder.iterdir()) == [path.name]


def test_a_name_too_long_is_refused_in_a_message_box(window, folder: Path) -> None:
    text = _refused(window, str(folder / ("q" * (_name_max(folder) + 20) + ".plan.json")))
    assert "File name too long" in text and "Your changes are still here" in text
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("name", ["a\0b.plan.json"])
def test_a_name_with_a_refused_character_is_refused_in_a_message_box(window, folder: Path, name: str) -> None:
    text = _refused(window, str(folder / name))
    assert "character the system refuses" in text
    assert list(folder.iterdir()) == []


def test_a_folder_in_the_files_place_is_said(window, folder: Path) -> None:
    (folder / "plan.plan.json").mkdir()
    text = _refused(window, str(folder / "plan.plan.json"))
    assert "A folder of that name is in its place" in text


def test_a_refused_long_name_fits_the_message_box(window, folder: Path) -> None:
    """A name of 300 letters has nowhere to wrap: the 'Cannot save plan' box was as wide as the screen allowed and
    cut the name off at its edge. The path loses its middle (…); the box stays a readable width."""
    long_name = "q" * (_name_max(folder) + 45) + ".plan.json"
    window.doc.add_decision("My unsaved edit")
    assert window.save_to(str(folder / long_name)) is False
    box = window.active_prompt
    assert box is not None
    text = box.text()
    assert "\u2026" in text and text.endswith("qqq.plan.json.") and str(folder)[:20] in text
    assert box.sizeHint().width() <= 720, box.sizeHint()
    assert (
        "File > Save As\u2026 to save them under another name or in another folder" in box.informativeText()
    )
    box.done(0)


def test_a_refused_character_is_shown_as_its_escape(window, folder: Path) -> None:
    window.doc.add_decision("My unsaved edit")
    assert window.save_to(str(folder / "a\0b.plan.json")) is False
    box = window.active_prompt
    assert box is not None and "a\\x00b.plan.json" in box.text() and "\0" not in box.text()
    box.done(0)
