"""The presentation's step panel with names in Arabic and Hebrew and a long unbroken word (H-ui25 walk): a 60-letter
word ran past the panel's right edge, cut (Qt's rich text breaks only between words), and an Arabic or Hebrew name
in a stage's list was right-aligned with its bullet on the right, among left-aligned names. The word now breaks in
the panel, and each name is laid out in the list's direction (its own text still right to left)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.ui.presentation.workshop import StepPanel, build_deck
from tests.ui.s18_screens_support import settle

WORD = "Unbrokenwordthatgoesonandonforeverwithoutanyspaceatallxyz"
ARABIC = "تقييم مزود النموذج اللغوي الكبير"
HEBREW = "הערכת השפעה על הגנת מידע"


def _plan() -> dict[str, Any]:
    titles = [ARABIC, WORD, HEBREW, "Plain English name"]
    return {
        "schema_version": 1,
        "title": "Names",
        "start_date": "2027-01-04",
        "stages": [{"id": "s", "name": "التحقق من صحة المساعد"}],
        "decisions": [
            {"id": f"d{k}", "title": t, "stage": "s", "duration": 1 + k} for k, t in enumerate(titles)
        ],
        "dependencies": [{"from": "d0", "to": "d1"}, {"from": "d1", "to": "d2"}, {"from": "d2", "to": "d3"}],
    }


def test_step_panel_breaks_long_words_and_keeps_names_in_the_lists_direction(qtbot):
    deck = build_deck(analyze(plan_from_dict(_plan())))
    stage = next(s for s in deck if s.kind == "stage")
    critical = next(s for s in deck if s.kind == "critical" and s.focus == "d1")
    panel = StepPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    qtbot.waitExposed(panel)
    for step in (stage, critical):
        panel.show_step(step)
        settle()
        room = panel.scroll_area.viewport().width()
        assert panel.body.minimumSizeHint().width() <= room, (step.title, panel.body.minimumSizeHint(), room)
    doc = QTextDocument()
    doc.setHtml(stage.body_html)
    items = []
    block = doc.begin()
    while block.isValid():
        if block.textList() is not None:
            items.append(block)
        block = block.next()
    texts = [b.text() for b in items]
    assert any(ARABIC in t for t in texts) and any(HEBREW in t for t in texts)
    for b in items:
        assert b.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight, b.text()
    assert any(t.replace("\u200b", "").endswith(WORD) for t in texts)  # the same word, breakable
