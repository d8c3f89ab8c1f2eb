"""The table's filter bar keeps to three rows at 800x600 with a large desktop font (session 28, round two).

Beside the inspector at 800x600 with a 150 % font the bar took four rows (five on some setups), the table below
losing a third of its height: each filter was as wide as its longest choice, up to 40 characters (an owner filter
281 px for "All owners"). A filter is now at most about 12 characters wide; a longer choice ends in "…" in the box,
whole in its list and its tooltip."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import app_font, opened_sample, settle


@pytest.mark.parametrize("points", [13.5, 15.0])
@pytest.mark.parametrize("sample", ["fraud-detection", "ai-portfolio"])
def test_the_filter_bar_takes_three_rows_at_800x600_in_large_type(
    qtbot: Any, isolated_settings: Any, points: float, sample: str
) -> None:
    with app_font(points), opened_sample(qtbot, SAMPLES / f"{sample}.plan.json", (800, 600)) as w:
        w.views.setCurrentWidget(w.table_view)
        settle()
        view = w.table_view
        qtbot.waitUntil(lambda: view.isVisible() and w.width() == 800)
        settle()
        combos: list[Any] = [view.stage_filter, view.area_filter, view.owner_filter, view.status_filter]
        parts = [view.search, *combos, view.critical_only, view.count_label]
        rows = sorted({p.geometry().top() for p in parts})
        assert len(rows) <= 3, [(p.objectName() or type(p).__name__, p.geometry().getRect()) for p in parts]
        assert view.table.geometry().top() <= 4 * view.search.height()
        for combo in combos:  # the chosen text ("All owners") whole; the list shows every choice whole
            assert combo.shown_text() == combo.currentText(), (combo.currentText(), combo.width())
            widest = max(
                combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
            )
            assert combo.view().minimumWidth() >= widest
        for p in parts:
            assert p.mapTo(view, p.rect().topRight()).x() <= view.width(), p
        assert w.width() == 800
