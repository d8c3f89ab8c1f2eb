"""In presentation mode the coverage matrix's rows kept their desk heights (sized one by one to their wrapped text)
while its text grew to presentation type: every line ran over its row's edges, two-line titles were cut off. Rows
sized to their text now grow with the type as the columns do, and get their desk heights back on leaving."""

from __future__ import annotations

from tests.ui.s18_screens_support import settle


def _short_rows(matrix) -> list[tuple[int, int, int]]:
    """(row, height, height its text needs) of the rows too short for their text at the table's font."""
    return [
        (r, matrix.rowHeight(r), matrix.sizeHintForRow(r))
        for r in range(matrix.rowCount())
        if matrix.rowHeight(r) < matrix.sizeHintForRow(r) - 1
    ]


def test_coverage_rows_grow_with_the_presentation_type(sample_window):
    w = sample_window
    w.doc.wait_for_analysis()
    w.views.setCurrentWidget(w.coverage_tab)
    settle()
    matrix = w.coverage_tab.matrix
    assert matrix.rowCount() > 10
    desk = [matrix.rowHeight(r) for r in range(matrix.rowCount())]
    assert len(set(desk)) > 1  # some rows hold two lines of a wrapped title: sized one by one
    assert not _short_rows(matrix)
    w.presentation.enter(full_screen=False)
    try:
        settle()
        assert matrix.font().pointSizeF() > 1.3 * w.presentation._saved.font.pointSizeF()  # presentation type
        assert not _short_rows(matrix)
    finally:
        w.presentation.leave()
        settle()
    assert [matrix.rowHeight(r) for r in range(matrix.rowCount())] == desk
