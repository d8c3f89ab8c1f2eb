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
    assert all(line.startswith(fmt.LRM) for line in lines)  # each line starts left to right
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


def test_left_to_right_marks_each_line():
    assert fmt.left_to_right("أ one\n\nb two") == f"{fmt.LRM}أ one\n\n{fmt.LRM}b two"
    assert fmt.left_to_right("") == ""
