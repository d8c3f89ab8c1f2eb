"""The compare dialog at 800x600 with names from other scripts and a long stage name (H-ui24 walk). A scenario named
in Arabic started its sentence: Qt laid the line out right to left ('.23 weeks)' at the start of the next line);
and a stage named 'Twelve — the last stage with a long name that goes on' made the row labels 360 px wide, every
scenario's figures pushed out of the dialog behind its scroll bar. Sentences now read left to right
(views/format.left_to_right) and row labels wrap (views/format.wrapped, as the column headers did)."""

from __future__ import annotations

import json

from planner.ui.views import format as fmt
from tests.ui.s18_screens_support import settle

LONG = "Twelve — the last stage with a long name that goes on"


def _plan() -> dict:
    stages = [{"id": "a", "name": "التحقق"}, {"id": "b", "name": LONG}]
    decisions = [
        {"id": "d1", "title": "تدقيق نموذج الذكاء الاصطناعي", "stage": "a", "duration": 2},
        {"id": "d2", "title": "Pilot", "stage": "b", "duration": 3},
    ]
    return {
        "schema_version": 1,
        "title": "خطة",
        "stages": stages,
        "decisions": decisions,
        "dependencies": [{"from": "d1", "to": "d2"}],
        "scenarios": [{"name": "أسرع", "decisions": {"d1": {"duration": 1}}}],
    }


def test_sentences_read_left_to_right_and_long_rows_wrap(window, qtbot, tmp_path):
    path = tmp_path / "rtl.plan.json"
    path.write_text(json.dumps(_plan(), ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    window.resize(800, 600)
    dialog = window.scenario_bar.show_compare()
    qtbot.addWidget(dialog)
    dialog.resize(800, 596)
    dialog.set_chosen(["Base", "أسرع"])
    dialog.iterations.setValue(0)
    assert dialog.run() is not None
    settle()
    lines = dialog.sentences.text().split("\n")
    assert (
        lines[0] == fmt.LRM + "أسرع brings the finish forward 1 week, to week 4."
    )  # as the Arabic name leads
    assert all(
        line.startswith(fmt.LRM) for line in lines if line[:1] in "أ"
    )  # (an English line is unchanged)
    table = dialog.table
    labels = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    gate = next(label for label in labels if label.startswith("Twelve"))
    assert gate == "Twelve — the last stage with a\nlong name that goes on gate"
    assert table.verticalHeaderItem(labels.index(gate)).toolTip() == f"{LONG} gate"
    # the reference's figures and the scenario's are in sight beside the labels, not behind the scroll bar
    header = table.verticalHeader()
    viewport = table.viewport()
    assert header.width() <= table.fontMetrics().horizontalAdvance("n" * 32)
    for column in range(2):
        assert table.columnViewportPosition(column) + table.columnWidth(column) // 2 < viewport.width()
    dialog.close()


def test_left_to_right_marks_the_lines_that_start_right_to_left():
    assert fmt.left_to_right("أ one\n\nb two\nStage שלב") == f"{fmt.LRM}أ one\n\nb two\nStage שלב"
    assert (
        fmt.left_to_right("3 · التحقق") == f"{fmt.LRM}3 · التحقق"
    )  # digits have no direction: Arabic is first
    assert fmt.left_to_right("") == ""
    assert fmt.left_to_right("") == ""


def test_stage_headers_read_name_then_count(window, qtbot, tmp_path):
    # The graph's sticky stage header and the overview's: 'التحقق  ·  1 decision' read '1 decision  ·  التحقق'
    path = tmp_path / "rtl.plan.json"
    path.write_text(json.dumps(_plan(), ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    window.resize(1000, 700)
    window.doc.wait_for_analysis()
    window.show_view("Graph")
    settle()
    canvas = window.canvas
    canvas.set_zoom(0.1)  # the overview
    canvas.viewport().repaint()
    headers = [t for _, t in canvas.overview_texts if "·" in t]
    assert (
        f"{fmt.LRM}التحقق{fmt.LRM} · 1" in headers
    )  # (marks: test_s25_lead_rtl_header_order); English: none
    assert any(t.startswith("Twelve") for _, t in canvas.overview_texts)
    canvas.set_zoom(
        2.0
    )  # the plan taller than the view whatever room the docks leave it (the title can scroll away)
    canvas.centerOn(canvas.graph_scene.cards["d1"].sceneBoundingRect().center())
    canvas.verticalScrollBar().setValue(
        canvas.verticalScrollBar().maximum()
    )  # the band's own title scrolled away
    canvas.viewport().repaint()
    assert f"{fmt.LRM}التحقق{fmt.LRM}  ·  1 decision" in canvas.header_labels
