"""A list of names never wider than the screen (session 33, hostile hands).

The decisions table's stage filter shows its names whole: its list is as wide as the longest one. A plan with a
stage named in 300 characters opened that list 2,134 px wide on a 1366 px screen, its right part and its scroll bar
off the screen. The list is now narrowed into the screen; a name it cuts ends in "…" and is whole in its tooltip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample, settle


def _plan_with_a_long_stage_name(folder: Path) -> Path:
    plan = json.loads((SAMPLES / "fraud-detection.plan.json").read_text(encoding="utf-8"))
    plan["stages"][1]["name"] = "Integrate " + "with every upstream system " * 11  # 307 letters, cut to 300
    plan["stages"][1]["name"] = plan["stages"][1]["name"][:300].strip()
    path = folder / "long-stage.plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


@pytest.mark.qt_log_ignore(
    r"This plugin does not support (grabbing the keyboard|raise\(\)|propagateSizeHints)"
)  # offscreen
def test_the_stage_filters_list_stays_on_the_screen(
    qtbot: Any, isolated_settings: Any, tmp_path: Path
) -> None:
    with opened_sample(qtbot, _plan_with_a_long_stage_name(tmp_path), (800, 600)) as w:
        w.views.setCurrentWidget(w.table_view)
        settle()
        combo = w.table_view.stage_filter
        area = combo.screen().availableGeometry()
        long_name = w.doc.plan.stages[1].name
        assert (
            combo.fontMetrics().horizontalAdvance(long_name) > area.width()
        )  # the case: wider than the screen
        combo.showPopup()
        try:
            popup = combo.view().window()
            qtbot.waitUntil(lambda: popup.isVisible())
            settle()
            frame = popup.frameGeometry()
            assert frame.width() <= area.width(), (frame, area)  # was 2,134 px on a 1366 px screen
            assert frame.left() >= area.left() and frame.right() <= area.right() + 4, (frame, area)
            row = combo.findText(long_name)
            assert row >= 0
            assert combo.itemData(row, Qt.ItemDataRole.ToolTipRole) == long_name  # whole where it is cut
        finally:
            combo.hidePopup()
            settle()
