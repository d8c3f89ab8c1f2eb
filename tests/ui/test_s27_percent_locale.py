"""A percent editor reads back the number it shows on a desktop whose language writes decimals with a comma
(session 27). PercentSpin writes '12.5%' with a point (units.format_percent, as every view); read with Qt's German
locale, where the point groups digits, that was 125: the inspector's Progress committed 125 on leaving the field,
and the risk register's probability editor the same. A point or a comma is the decimal mark; nothing groups."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QValidator

from planner.ui.tabs.risk_tab import _PercentEditor
from planner.ui.views.delegates import PercentSpin


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        yield
    finally:
        QLocale.setDefault(before)


@pytest.mark.usefixtures("german")
@pytest.mark.parametrize("make", [lambda: PercentSpin(None, -1e6, 1e6), lambda: _PercentEditor(None)])
def test_a_percent_editor_reads_what_it_shows(qtbot, make) -> None:
    spin = make()
    qtbot.addWidget(spin)
    spin.setValue(12.5)
    assert spin.text() == "12.5%"
    spin.interpretText()
    assert spin.value() == 12.5  # was 125
    for typed in ("20,5", "20.5", "20,5%"):
        spin.lineEdit().setText(typed)
        spin.interpretText()
        assert spin.value() == 20.5, typed
    assert spin.validate("abc", 1)[0] == QValidator.State.Invalid
    assert spin.validate("12.345", 6)[0] == QValidator.State.Invalid  # two decimals, as the rule writes
