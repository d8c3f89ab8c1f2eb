"""Save As… onto another name of the open file (a symbolic link to it, or a path through a linked folder) after
another program changed it: the save wrote through the link over the change without asking, because the names
differ. It asks, as Save does."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from planner.model import dump_plan, load_plan


def test_save_as_through_a_link_to_the_open_file_asks_first(window, tmp_path: Path) -> None:
    path = tmp_path / "shared.plan.json"
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    link = tmp_path / "also-shared.plan.json"
    link.symlink_to(path)
    linked_folder = tmp_path / "linked"
    linked_folder.symlink_to(tmp_path, target_is_directory=True)
    assert window.open_file(path)
    window.doc.add_decision("My edit")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = "Changed by a colleague"
    tmp = path.with_name("outside.tmp")
    tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(tmp, path)
    for other_name in (link, linked_folder / "shared.plan.json"):
        assert window.save_to(str(other_name)) is False
        box = window.active_prompt
        assert box is not None and box.windowTitle() == "Overwrite outside changes?"
        box.button(QMessageBox.StandardButton.Cancel).click()
        assert load_plan(path).title == "Changed by a colleague"
    assert link.is_symlink()
