"""Text typed on the Plan & stages page and not yet committed (Enter not pressed, the field not left) is saved by
Ctrl+S, as text typed in the inspector or a table cell is (session 27): the window's commit_pending left the
page out, so a plan title typed and saved with the keyboard was not in the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLineEdit


def test_a_typed_plan_title_is_saved(sample_window: Any, qtbot: Any, tmp_path: Path) -> None:
    w = sample_window
    w.inspector_tabs.setCurrentWidget(w.plan_view)
    page = w.plan_view.widget()
    title = next(e for e in page.findChildren(QLineEdit) if e.accessibleName() == "Plan title")
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Board plan, typed")
    assert title.isModified()
    path = tmp_path / "saved.plan.json"
    assert w.save_to(str(path))
    assert json.loads(path.read_text(encoding="utf-8"))["title"] == "Board plan, typed"
