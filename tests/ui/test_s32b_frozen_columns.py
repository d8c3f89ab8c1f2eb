"""The decisions table keeps ID and Title in view while its other columns scroll sideways (session 32, second round).

At 1280x720 (a workshop's projector) editing Likely scrolled the table right until the ID and Title were out of
sight: the row being edited had no name. They are now a frozen pane over the table's left (as MS Project and
Primavera keep the task name), sharing its rows, selection, sorting and row heights; every editor still opens in
the table, so Tab and Shift+Tab cross the frozen edge."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import open_at, settle


@pytest.fixture
def window(qtbot: Any) -> Iterator[Any]:
    from planner.ui.main_window import MainWindow

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        yield w
    finally:
        w.discard_and_close()


def _opened(w: Any, qtbot: Any, size: tuple[int, int] = (1280, 720), name: str = "fraud-detection") -> Any:
    open_at(w, qtbot, SAMPLES / f"{name}.plan.json", size)
    w.views.setCurrentWidget(w.table_view)
    settle()
    table = w.table_view.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    return table


def _cell(w: Any, row: int, key: str) -> QModelIndex:
    from planner.ui.views.models import COLUMN_INDEX

    return w.table_view.proxy.index(row, COLUMN_INDEX[key])


def _in_sight(table: Any, index: QModelIndex) -> bool:
    """The cell's whole width is in the table's viewport, right of the frozen pane (or in the pane)."""
    from planner.ui.views.models import COLUMN_INDEX

    if index.column() in (COLUMN_INDEX["id"], COLUMN_INDEX["title"]):
        pane = table.pane
        rect = pane.visualRect(index)
        return pane.isVisible() and pane.viewport().rect().contains(rect)
    left = table.columnViewportPosition(index.column())
    right = left + table.columnWidth(index.column())
    return left >= table.frozen_width() and right <= table.viewport().width()


def _editor(table: Any) -> QWidget:
    editors = [c for c in table.viewport().children() if isinstance(c, QWidget) and c.isVisible()]
    assert len(editors) == 1, editors
    return editors[0]


def test_editing_likely_keeps_the_rows_id_and_title_in_sight(window: Any, qtbot: Any) -> None:
    w = window
    table = _opened(w, qtbot)
    likely = _cell(w, 3, "likely")
    table.setCurrentIndex(likely)
    table.edit(likely)
    qtbot.waitUntil(lambda: table.state() == table.State.EditingState)
    assert table.horizontalScrollBar().value() > 0  # the table did scroll sideways to Likely
    assert _in_sight(table, likely)
    for key in ("id", "title"):
        assert _in_sight(table, _cell(w, 3, key)), key
    d = w.doc.decision(str(_cell(w, 3, "id").data()))
    assert d is not None
    # What the pane shows at the edited row is that decision's id and (the start of) its title.
    pane = table.pane
    at = pane.visualRect(_cell(w, 3, "title")).center()
    assert pane.indexAt(at).data() == d.title
    assert pane.indexAt(pane.visualRect(_cell(w, 3, "id")).center()).data() == d.id
    # The pane's rows are the table's rows: the same heights and tops, its header as high.
    for r in range(4):
        assert pane.rowViewportPosition(r) == table.rowViewportPosition(r)
        assert pane.rowHeight(r) == table.rowHeight(r)
    assert pane.horizontalHeader().height() == table.horizontalHeader().height()
    # The frozen columns leave most of the table to the others.
    assert table.frozen_width() <= 0.46 * table.viewport().width()


def test_tab_and_shift_tab_cross_the_frozen_edge(window: Any, qtbot: Any) -> None:
    from planner.ui.views.models import COLUMN_INDEX

    w = window
    table = _opened(w, qtbot)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())  # scrolled right
    title = _cell(w, 2, "title")
    table.setCurrentIndex(title)
    table.edit(title)
    editor = _editor(table)
    # The title's editor is where the pane shows the title (the pane has a hole there), not scrolled off.
    top_left = table.viewport().mapTo(table, editor.geometry().topLeft())
    assert table.pane.geometry().contains(top_left)
    assert not table.pane.mask().contains(top_left - table.pane.pos())
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.currentIndex().column() == COLUMN_INDEX["area"])
    assert table.currentIndex().row() == 2
    assert _in_sight(table, table.currentIndex())  # scrolled just right of the pane
    qtbot.waitUntil(lambda: table.state() == table.State.EditingState)
    editor = _editor(table)
    assert editor.geometry().left() >= table.frozen_width()
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    qtbot.waitUntil(lambda: table.currentIndex().column() == COLUMN_INDEX["title"])
    qtbot.waitUntil(lambda: table.state() == table.State.EditingState)
    editor = _editor(table)
    assert table.pane.geometry().contains(table.viewport().mapTo(table, editor.geometry().center()))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() == table.State.NoState)
    assert QApplication.focusWidget() is table  # the keyboard goes on in the table
    assert table.pane.mask().isEmpty()  # (no hole left)


def test_arrow_keys_across_the_frozen_edge_keep_the_cell_in_sight(window: Any, qtbot: Any) -> None:
    from planner.ui.views.models import COLUMN_INDEX

    w = window
    table = _opened(w, qtbot)
    pessimistic = _cell(w, 1, "pessimistic")
    table.setCurrentIndex(pessimistic)
    table.scrollTo(pessimistic)
    scrolled = table.horizontalScrollBar().value()
    assert scrolled > 0
    for _ in range(8):  # Left, across the edge into the title
        qtbot.keyClick(table, Qt.Key.Key_Left)
        assert _in_sight(table, table.currentIndex()), table.currentIndex().column()
    assert table.currentIndex().column() == COLUMN_INDEX["id"]
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == COLUMN_INDEX["area"]
    assert _in_sight(table, table.currentIndex())


def test_a_click_on_the_frozen_title_selects_the_row_and_keeps_the_keyboard(window: Any, qtbot: Any) -> None:
    w = window
    table = _opened(w, qtbot)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    pane = table.pane
    title = _cell(w, 4, "title")
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=pane.visualRect(title).center())
    qtbot.waitUntil(lambda: w.doc.selection == [str(_cell(w, 4, "id").data())])
    assert QApplication.focusWidget() is table
    assert table.horizontalScrollBar().value() == table.horizontalScrollBar().maximum()  # no jump sideways
    # A double click edits the title, in the table.
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=pane.visualRect(title).center())
    qtbot.waitUntil(lambda: table.state() == table.State.EditingState)
    assert table.currentIndex() == title
    qtbot.keyClick(_editor(table), Qt.Key.Key_Escape)


def test_sorting_from_the_frozen_header_sorts_the_table_and_keeps_the_selected_row_where_it_is_seen(
    window: Any, qtbot: Any
) -> None:
    from planner.ui.views.models import COLUMN_INDEX

    w = window
    table = _opened(w, qtbot)
    proxy = w.table_view.proxy
    title = COLUMN_INDEX["title"]
    by_title = sorted(range(proxy.rowCount()), key=lambda r: str(proxy.index(r, title).data()))
    row = by_title[len(by_title) * 2 // 3]  # sorted, it goes down the table, out of sight unless followed
    assert row < 10
    cell = _cell(w, row, "likely")
    table.setCurrentIndex(cell)
    table.scrollTo(cell)
    chosen = str(_cell(w, row, "id").data())
    qtbot.waitUntil(lambda: w.doc.selection == [chosen])
    y = table.rowViewportPosition(row)
    ph = table.pane.horizontalHeader()
    x = ph.sectionViewportPosition(title) + ph.sectionSize(title) // 2
    qtbot.mouseClick(ph.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, ph.height() // 2))
    assert table.horizontalHeader().sortIndicatorSection() == title  # the table's header says so too
    assert ph.sortIndicatorSection() == title
    titles = [str(proxy.index(r, title).data()) for r in range(proxy.rowCount())]
    assert titles == sorted(titles)
    assert w.doc.selection == [chosen]
    current = table.currentIndex()
    assert current.row() == by_title.index(row)
    assert str(_cell(w, current.row(), "id").data()) == chosen
    assert table.rowViewportPosition(current.row()) == y  # where the eye left it
    assert table.pane.rowViewportPosition(current.row()) == y


def test_a_larger_font_keeps_the_panes_rows_with_the_tables(window: Any, qtbot: Any) -> None:
    from PySide6.QtGui import QFont

    w = window
    table = _opened(w, qtbot)
    big = QFont(w.table_view.font())
    big.setPointSizeF(big.pointSizeF() * 1.5)
    w.table_view.setFont(big)
    qtbot.waitUntil(lambda: table.pane.rowHeight(0) == table.rowHeight(0) > 0)
    qtbot.waitUntil(lambda: table.pane.width() == table.frozen_width())
    assert table.pane.horizontalHeader().height() == table.horizontalHeader().height()


def test_a_window_too_narrow_to_freeze_scrolls_as_a_whole(window: Any, qtbot: Any) -> None:
    w = window
    table = _opened(w, qtbot)
    table.resize(200, 300)  # (the table alone, narrower than an id and a title's first words)
    qtbot.waitUntil(lambda: not table.pane.isVisible())
    assert table.frozen_width() == 0
    likely = _cell(w, 0, "likely")
    table.scrollTo(likely)
    assert table.columnViewportPosition(likely.column()) >= 0  # reachable


def test_a_long_id_gives_up_width_before_the_title(window: Any, qtbot: Any) -> None:
    from planner.ui.views.models import COLUMN_INDEX

    w = window
    table = _opened(w, qtbot, name="ai-portfolio")  # ids of 24 letters ('portfolio-prioritisation')
    from PySide6.QtGui import QFont

    big = QFont(w.table_view.font())
    big.setPointSizeF(big.pointSizeF() * 1.5)
    w.table_view.setFont(big)
    settle()
    qtbot.waitUntil(lambda: table.pane.width() == table.frozen_width() > 0)
    id_width = table.columnWidth(COLUMN_INDEX["id"])
    title_width = table.columnWidth(COLUMN_INDEX["title"])
    whole_id = table.horizontalHeader().sectionSizeHint(COLUMN_INDEX["id"])
    whole_id = max(whole_id, table.sizeHintForColumn(COLUMN_INDEX["id"]))
    assert id_width < whole_id  # the id gave up width (elided, whole in its tooltip)
    assert title_width >= 1.4 * id_width, (id_width, title_width)  # the title shows more than its first words
    assert title_width >= 20 * table.fontMetrics().averageCharWidth()


def test_a_column_dragged_before_the_title_goes_back_after_it(window: Any, qtbot: Any) -> None:
    from planner.ui.views.models import COLUMN_INDEX

    w = window
    table = _opened(w, qtbot)
    hh = table.horizontalHeader()
    area = COLUMN_INDEX["area"]
    hh.moveSection(hh.visualIndex(area), 0)  # what a drag of Area's header to the far left does
    assert hh.visualIndex(COLUMN_INDEX["id"]) == 0
    assert hh.visualIndex(COLUMN_INDEX["title"]) == 1
    assert hh.sectionViewportPosition(area) >= table.frozen_width()  # in sight, not under the pane
    # A saved layout with Area first, restored, is put right too.
    hh.blockSignals(True)  # (a layout saved by an earlier version, Area dragged first)
    hh.moveSection(hh.visualIndex(area), 0)
    state = hh.saveState()
    hh.moveSection(hh.visualIndex(area), 2)
    hh.blockSignals(False)
    w.table_view.restore_header_state(state)
    assert [hh.visualIndex(COLUMN_INDEX[k]) for k in ("id", "title")] == [0, 1]


def test_an_edit_that_re_sorts_the_table_keeps_the_edited_row_where_it_is_seen(
    window: Any, qtbot: Any
) -> None:
    from planner.ui.views.models import COLUMN_INDEX

    w = window
    table = _opened(w, qtbot)
    table.sortByColumn(COLUMN_INDEX["title"], Qt.SortOrder.AscendingOrder)
    settle()
    row = 3
    cell = _cell(w, row, "title")
    table.setCurrentIndex(cell)
    table.scrollTo(cell)
    chosen = str(_cell(w, row, "id").data())
    y = table.rowViewportPosition(row)
    table.edit(cell)
    editor: Any = _editor(table)
    editor.selectAll()
    qtbot.keyClicks(editor, "Zero-based review")  # sorted, the row goes to the foot of the table
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: str(_cell(w, table.currentIndex().row(), "id").data()) == chosen)
    qtbot.waitUntil(lambda: table.currentIndex().row() > 20)  # re-sorted once the plan was analysed
    at = table.rowViewportPosition(table.currentIndex().row())
    bar = table.verticalScrollBar()
    assert at == y or (
        bar.value() == bar.maximum() and 0 <= at < table.viewport().height()
    )  # as near as may be
    assert _in_sight(table, _cell(w, table.currentIndex().row(), "title"))


@pytest.mark.qt_log_ignore(
    r"This plugin does not support (grabbing the keyboard|raise\(\)|propagateSizeHints)"
)
def test_a_right_click_on_a_frozen_title_acts_on_that_row(window: Any, qtbot: Any) -> None:
    from PySide6.QtGui import QContextMenuEvent

    w = window
    table = _opened(w, qtbot)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    pane = table.pane
    row = 6
    at = pane.visualRect(_cell(w, row, "title")).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, pane.viewport().mapToGlobal(at))
    QApplication.sendEvent(pane.viewport(), event)
    qtbot.waitUntil(lambda: w.workbench.last_menu is not None and w.workbench.last_menu.isVisible())
    assert w.doc.selection == [str(_cell(w, row, "id").data())]  # that row's, not the one above
    menu = w.workbench.last_menu
    assert abs(menu.pos().y() - pane.viewport().mapToGlobal(at).y()) <= 2  # at the pointer
    menu.close()


@pytest.mark.parametrize("sideways", [True, False])
def test_the_wheel_over_the_frozen_titles_scrolls_the_table(window: Any, qtbot: Any, sideways: bool) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    w = window
    table = _opened(w, qtbot)
    pane = table.pane
    bar = table.horizontalScrollBar() if sideways else table.verticalScrollBar()
    assert bar.value() == 0 < bar.maximum()
    at = QPointF(pane.viewport().rect().center())
    delta = QPoint(-240, 0) if sideways else QPoint(0, -240)  # (a touchpad's swipe to the left; down)
    event = QWheelEvent(
        at,
        QPointF(pane.viewport().mapToGlobal(at.toPoint())),
        QPoint(),
        delta,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(pane.viewport(), event)
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert pane.verticalScrollBar().value() == table.verticalScrollBar().value()  # rows still side by side
    assert pane.horizontalScrollBar().value() == 0


def test_the_keyboards_cell_is_framed_in_the_frozen_pane_as_in_the_table(window: Any, qtbot: Any) -> None:
    from planner.ui.views.models import COLUMN_INDEX

    w = window
    table = _opened(w, qtbot)
    table.setCurrentIndex(_cell(w, 3, "area"))
    qtbot.keyClick(table, Qt.Key.Key_Left)  # into the title: typing now edits it
    assert table.currentIndex().column() == COLUMN_INDEX["title"]
    pane = table.pane
    rect = pane.visualRect(table.currentIndex())
    focused = pane.viewport().grab(rect).toImage()
    w.table_view.search.setFocus()  # the keyboard elsewhere: no frame
    qtbot.waitUntil(lambda: not table.hasFocus())
    unfocused = pane.viewport().grab(rect).toImage()
    assert focused != unfocused
    # ... and only that cell is framed: the row's id is drawn the same either way.
    id_rect = pane.visualRect(_cell(w, 3, "id"))
    without = pane.viewport().grab(id_rect).toImage()
    table.setFocus()
    qtbot.waitUntil(lambda: table.hasFocus())
    assert pane.viewport().grab(id_rect).toImage() == without


def test_a_new_plans_first_decision_is_named_in_the_frozen_title(window: Any, qtbot: Any) -> None:
    from planner.ui.views.models import COLUMN_INDEX

    w = window
    w.resize(1280, 720)  # (a new window's plan: no decisions)
    w.views.setCurrentWidget(w.table_view)
    settle()
    table = w.table_view.table
    assert w.table_view.proxy.rowCount() == 0
    assert not table.pane.isVisible()  # the empty table's hint is not covered
    assert w.table_view.empty_hint.isVisible()
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    w.add_decision()  # Ctrl+Return
    qtbot.waitUntil(lambda: table.pane.isVisible())
    assert table.currentIndex().column() == COLUMN_INDEX["title"]
    qtbot.keyClicks(table, "C")  # typing names it, where the pane shows the title
    editor = _editor(table)
    qtbot.keyClicks(editor, "hoose the vector store")
    corner = table.viewport().mapTo(table, editor.geometry().topLeft() + QPoint(2, 2))
    assert table.pane.geometry().contains(corner)
    assert not table.pane.mask().contains(corner - table.pane.pos())  # seen through the pane
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [d.title for d in w.doc.plan.decisions] == ["Choose the vector store"])
    assert table.pane.indexAt(table.pane.visualRect(table.currentIndex()).center()).data() == (
        "Choose the vector store"
    )


def test_the_title_dragged_wider_stops_before_the_pane_takes_the_table(window: Any, qtbot: Any) -> None:
    from planner.ui.views.models import COLUMN_INDEX

    w = window
    table = _opened(w, qtbot)
    title = COLUMN_INDEX["title"]
    ph = table.pane.horizontalHeader()
    ph.resizeSection(title, 3000)  # what a drag of the title's edge far to the right does
    settle()
    assert table.pane.isVisible()  # (it vanished under the mouse)
    assert table.columnWidth(title) == table.pane.columnWidth(title)
    assert table.frozen_width() <= 0.6 * table.viewport().width()
    assert table.frozen_width() > 0.5 * table.viewport().width()  # as wide as it may be


def test_an_elided_id_is_whole_in_its_tooltip(window: Any, qtbot: Any) -> None:
    w = window
    table = _opened(w, qtbot, size=(1024, 600), name="ai-portfolio")
    proxy = w.table_view.proxy
    longest = max(range(proxy.rowCount()), key=lambda r: len(str(_cell(w, r, "id").data())))
    cell = _cell(w, longest, "id")
    whole = str(cell.data())
    pane = table.pane
    assert pane.fontMetrics().horizontalAdvance(whole) > pane.columnWidth(cell.column())  # elided
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == whole


def test_down_from_the_text_filter_does_not_scroll_the_table_sideways(window: Any, qtbot: Any) -> None:
    w = window
    table = _opened(w, qtbot)
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the figures in sight
    at = bar.value()
    w.doc.select([])
    w.table_view.focus_search()
    qtbot.keyClicks(w.table_view.search, "a")
    qtbot.keyClick(w.table_view.search, Qt.Key.Key_Down)  # into the rows found: the first picked
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    assert len(w.doc.selection) == 1
    assert bar.value() == at  # the columns stay as they were
    assert _in_sight(table, table.currentIndex())  # the keyboard's cell is one the eye sees


def test_right_to_left_the_table_is_not_covered_at_its_left(window: Any, qtbot: Any) -> None:
    w = window
    table = _opened(w, qtbot)
    assert table.pane.isVisible()
    table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # (an Arabic or Hebrew desktop)
    qtbot.waitUntil(lambda: not table.pane.isVisible())
    assert table.frozen_width() == 0
    likely = _cell(w, 2, "likely")
    table.setCurrentIndex(likely)
    table.scrollTo(likely)
    assert table.viewport().rect().contains(table.visualRect(likely).center())
    table.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    qtbot.waitUntil(lambda: table.pane.isVisible())
