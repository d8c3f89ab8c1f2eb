"""The decisions table's filter bar on a 1024x768 projector and at a large system font: every filter shows its
whole choice ("All stages", not "All stag"); a bar too narrow for one row wraps onto two instead of cutting
them, and never makes the window wider."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox


def _settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def _text_room(combo: QComboBox) -> int:
    """The width of the combo box's text field (its frame and arrow left out)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def _cut_filters(view) -> list[str]:
    out = []
    for combo in (view.stage_filter, view.area_filter, view.owner_filter, view.status_filter):
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if need > _text_room(combo):
            out.append(f"{combo.currentText()!r}: {_text_room(combo)} px for {need}")
    return out


@pytest.mark.parametrize("point_size", [0, 15], ids=["system-font", "15pt"])
def test_the_filters_show_their_whole_text_on_a_1024x768_projector(qapp, sample_window, point_size):
    before = QFont(qapp.font())
    if point_size:
        big = QFont(before)
        big.setPointSizeF(point_size)
        qapp.setFont(big)
    try:
        w = sample_window
        w.resize(1024, 768)
        w.views.setCurrentWidget(w.table_view)
        _settle()
        view = w.table_view
        assert view.isVisible() and view.width() < 800  # beside the inspector
        assert not _cut_filters(view), _cut_filters(view)
        # the search field shows its hint whole, the count and the check box are inside the view
        search = view.search
        assert search.width() >= search.fontMetrics().horizontalAdvance(search.placeholderText())
        for widget in (view.critical_only, view.count_label, search):
            right = widget.mapTo(view, widget.rect().topRight()).x()
            assert right <= view.width(), (widget, right, view.width())
        # and the table below keeps most of the height (the bar takes at most two rows)
        assert view.table.height() >= view.height() - 5 * search.height()
        assert w.size().toTuple() == (1024, 768)  # the window did not grow
    finally:
        qapp.setFont(before)
        _settle()


def test_the_filter_bar_still_fits_beside_the_inspector_at_800x600(sample_window):
    w = sample_window
    w.resize(800, 600)
    w.views.setCurrentWidget(w.table_view)
    _settle()
    assert w.table_view.minimumSizeHint().width() <= w.table_view.width()
    assert w.size().toTuple() == (800, 600)
    assert not _cut_filters(w.table_view), _cut_filters(w.table_view)
