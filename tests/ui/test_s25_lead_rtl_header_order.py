"""A stage named in Arabic, in the graph's sticky stage header and the overview's column header, reads name then
count: 'التحقق  ·  11 decisions' as laid out left to right. With only a mark at the line's start (session 24) the
Unicode rules gave the digits after Arabic letters to the name's run, and the header showed '11 · التحقق
decisions'. Checked on the laid-out text (where Qt places each character), not on the string."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QFont, QTextLayout

from planner.ui.views import format as fmt
from tests.ui.s18_screens_support import settle

NAME = "التحقق"


def _x(text: str, index: int) -> float:
    """Where Qt draws the character at ``index`` of ``text`` (one line, the app's font)."""
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    at: Any = line.cursorToX(index)  # (x, position)
    return float(at[0])


def _reads_name_then_count(text: str) -> bool:
    name_at = text.index(NAME)
    digit_at = next(i for i, c in enumerate(text) if c.isdigit())
    name_x = [_x(text, i) for i in range(name_at, name_at + len(NAME))]
    return max(name_x) < _x(text, digit_at)


def test_the_mark_after_a_right_to_left_name_keeps_the_figures_after_it(qapp):
    before = fmt.left_to_right(f"{NAME}  ·  11 decisions")
    assert not _reads_name_then_count(before)  # the defect, as Qt lays it out
    assert _reads_name_then_count(fmt.left_to_right(f"{fmt.name_in_line(NAME)}  ·  11 decisions"))
    assert fmt.name_in_line("Validate") == "Validate"
    assert fmt.name_in_line("שלב 2") == f"שלב 2{fmt.LRM}"


def test_the_graphs_stage_headers_read_name_then_count(window, tmp_path):
    plan = {
        "schema_version": 1,
        "title": "RTL",
        "stages": [{"id": "v", "name": NAME}, {"id": "i", "name": "Integrate"}],
        "decisions": [
            {"id": f"d{k}", "title": f"Decision {k}", "stage": "v", "duration": 1} for k in range(11)
        ],
        "dependencies": [],
    }
    path = tmp_path / "rtl.plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    window.resize(1000, 700)
    window.doc.wait_for_analysis()
    window.show_view("Graph")
    settle()
    canvas = window.canvas
    canvas.set_zoom(0.1)  # the overview: a column header per stage
    canvas.viewport().repaint()
    headers = [t for _, t in canvas.overview_texts if NAME in t]
    assert headers and all(_reads_name_then_count(t) for t in headers), headers
    canvas.set_zoom(1.0)
    canvas.centerOn(canvas.graph_scene.cards["d10"].sceneBoundingRect().center())
    canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().maximum())  # the band's own title away
    canvas.viewport().repaint()
    sticky = [t for t in canvas.header_labels if NAME in t]
    assert sticky and all(_reads_name_then_count(t) for t in sticky), sticky
