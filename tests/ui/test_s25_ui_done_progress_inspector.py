"""A decision marked done in the file without a progress figure (an all-done plan, H-ui25 walk): the inspector said
'Status Done, Progress 0 %' while the table said 100 % and the stage timeline 'done 100%'. The inspector now shows
the figure the table and the schedule count it by."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from tests.ui.s18_screens_support import settle


def test_a_done_decision_without_progress_shows_100_percent_in_the_inspector(window, qtbot, tmp_path):
    plan = {
        "schema_version": 1,
        "title": "All done",
        "start_date": "2027-01-04",
        "stages": [{"id": "s", "name": "Validate"}],
        "decisions": [
            {"id": "a", "title": "Done without a figure", "stage": "s", "duration": 2, "status": "done"},
            {
                "id": "b",
                "title": "Half way",
                "stage": "s",
                "duration": 2,
                "status": "in_progress",
                "progress": 50,
            },
        ],
        "dependencies": [],
    }
    path = tmp_path / "done.plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    window.open_file(str(path))
    window.doc.wait_for_analysis()
    model = window.table_view.table.model()
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    col = columns.index("Progress")
    for row, did in enumerate(("a", "b")):
        window.doc.select([did])
        settle()
        shown = model.index(row, col).data()
        assert window.inspector.form.progress.text() == shown, (
            did,
            window.inspector.form.progress.text(),
            shown,
        )
    window.doc.select(["a"])
    settle()
    assert window.inspector.form.progress.value() == 100
