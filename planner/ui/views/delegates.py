"""A base for the table delegates that edit cells with a combo box or a spin box.

A combo box commits and closes as soon as a choice is made (no Enter needed); a spin box commits its typed text
when editing finishes, and nothing when the text is still what it showed when it opened (a cell opened and left
with Enter must not round 2.125 weeks to 2.13, or 12.5 % to 13 %). Other editors fall back to
:class:`QStyledItemDelegate`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDoubleSpinBox, QStyledItemDelegate, QWidget

from planner import units
from planner.ui.views.elided import ElidedComboBox

_PLAIN_NUMBER = re.compile(r"-?(\d+\.?\d{0,2}|\.\d{1,2})")
"""What a percent editor takes: a number with at most two decimals (its point or comma read as the decimal mark)."""

_SHOWN = "shownText"
"""The spin box's property holding the text it showed when the cell's value was put in it."""


def cell_spin(spin: QAbstractSpinBox) -> None:
    """A spin box made a cell's editor: it paints its whole cell (frameless, its arrows left the cell's figure
    showing under them, two values in one cell) and its number stands at the right, where the cell shows it."""
    spin.setAutoFillBackground(True)
    spin.setBackgroundRole(QPalette.ColorRole.Base)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class PercentSpin(QDoubleSpinBox):
    """A percent editor that reads as the figure does everywhere else (:func:`planner.units.format_percent`):
    ``12.5%``, ``40%`` (a spin box writes ``12.50 %``, or rounds 12.5 to ``13 %`` with no decimals, where the table
    and the report say 12.5%). Two decimals typed at most, as the rule writes."""

    def __init__(self, parent: QWidget | None = None, minimum: float = 0.0, maximum: float = 100.0) -> None:
        super().__init__(parent)
        self.setDecimals(2)  # before the range, which it would round
        self.setRange(minimum, maximum)
        self.setSuffix("%")

    def textFromValue(self, value: float) -> str:
        return units.format_weeks(value)  # the number of format_percent; the suffix writes the sign

    # The number is written with a point, whatever the system's language: read back with Qt's locale, '12.5%' was
    # 125 on a German desktop (the point is its digit grouping). A point or a comma is the decimal mark here, and
    # nothing groups digits.
    def _number(self, text: str) -> str:
        return text.strip().removesuffix(self.suffix()).strip().replace(",", ".")

    def valueFromText(self, text: str) -> float:
        try:
            return float(self._number(text))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        number = self._number(text)
        if number in ("", "-", ".", "-."):
            return QValidator.State.Intermediate, text, pos
        if not _PLAIN_NUMBER.fullmatch(number):
            return QValidator.State.Invalid, text, pos
        value = float(number)
        inside = self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if inside else QValidator.State.Intermediate), text, pos


class EditorDelegate(QStyledItemDelegate):
    """Reads and writes the EditRole of QComboBox (item data) and QDoubleSpinBox editors.

    Subclasses build the editors in ``createEditor`` with :meth:`make_combo` and :meth:`make_spin`, and may
    override :meth:`set_combo_value` and :meth:`combo_value` to map between the model's value and the items.
    """

    def make_combo(
        self, parent: QWidget, choices: Iterable[tuple[str, Any]] = (), name: str | None = None
    ) -> QComboBox:
        """A combo box with ``(label, data)`` items that commits and closes when an item is chosen."""
        combo = ElidedComboBox(parent)
        if name is not None:
            combo.setAccessibleName(name)
        for label, value in choices:
            combo.addItem(label, value)
        combo.activated.connect(lambda _i, c=combo: self._commit_and_close(c))
        return combo

    @staticmethod
    def make_spin(
        parent: QWidget,
        minimum: float,
        maximum: float,
        decimals: int,
        step: float,
        suffix: str = "",
        *,
        frame: bool = True,
        name: str | None = None,
    ) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(parent)
        spin.setDecimals(decimals)  # before the range, which it would round
        spin.setRange(minimum, maximum)
        spin.setSingleStep(step)
        if suffix:
            spin.setSuffix(suffix)
        if not frame:
            spin.setFrame(False)
        cell_spin(spin)
        if name is not None:
            spin.setAccessibleName(name)
        return spin

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def set_combo_value(
        self, combo: QComboBox, index: QModelIndex | QPersistentModelIndex, value: Any
    ) -> None:
        """Show ``value`` (the cell's EditRole) in ``combo``; the first item when no item holds it."""
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def combo_value(self, combo: QComboBox) -> Any:
        """The value to store for the combo's current item."""
        return combo.currentData()

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            self.set_combo_value(editor, index, value)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
            editor.setProperty(_SHOWN, editor.text())
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, self.combo_value(editor), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            if editor.text() == editor.property(_SHOWN):
                return  # not edited: the value stays as the plan holds it, not as the box rounded it
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
