"""The presenter bar names a decision with a 300-letter title in two lines, not six (session 33, hostile hands).

Presenting, a decision selected whose title was 300 letters long filled the presenter bar with six lines of the
room's type over the graph (the why dropped for it). The bar now cuts the title after a word (at most 120
characters, fewer while the line is taller than its share of the window); the inspector has it whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize

from planner.ui.presentation.mode import TITLE_CUTS, WHY_SHARE
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample, presenting_graph, settle


def test_a_300_letter_title_is_cut_in_the_presenter_bar(qtbot: Any, isolated_settings: Any) -> None:
    with opened_sample(qtbot, SAMPLES / "fraud-detection.plan.json", (1366, 768)) as w:
        assert w.size() == QSize(1366, 768)
        target = w.doc.plan.decisions[3].id
        long_title = "W" * 300
        w.doc.edit_decision(target, title=long_title)
        w.doc.wait_for_analysis()
        settle()
        with presenting_graph(w) as p:
            w.doc.select([target])
            settle()
            label = p.bar.explanation
            qtbot.waitUntil(lambda: label.isVisible() and "W" in label.text())
            settle()
            shown = label.text().replace("\u200b", "")
            assert "W" * 40 in shown
            assert "W" * (TITLE_CUTS[0] + 1) not in shown, len(shown)  # cut (whole before: 300)
            assert "\u2026" in shown
            assert label.height() <= WHY_SHARE * w.height() + 2
            font_line = label.fontMetrics().lineSpacing()
            assert label.height() <= 5 * font_line, (label.height(), font_line)  # was 6 lines of title alone
        assert w.inspector.form.title_edit.text() == long_title  # whole where it is edited
