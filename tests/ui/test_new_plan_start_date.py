"""File > New asks for the start date as `planner new --start-date` takes it: a plan started from a template had no
start date, so every view showed weeks only until the user found Plan & stages. On by default (next Monday); unticked,
the plan has none."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox


def _create(window: Any, dated: bool, day: QDate | None = None) -> None:
    window.new_action.trigger()
    new = window.new_plan_dialog
    assert new is not None
    rows = range(new.templates.count())
    new.templates.setCurrentRow(
        next(k for k in rows if new.templates.item(k).data(Qt.ItemDataRole.UserRole) == "ai-scaling")
    )
    new.dated.setChecked(dated)
    assert new.start.isEnabled() is dated
    if day is not None:
        new.start.setDate(day)
    new.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    QApplication.processEvents()


def test_new_plan_starts_on_the_chosen_date(qtbot: Any, window: Any) -> None:
    _create(window, True, QDate(2027, 1, 4))
    assert window.doc.plan.start_date == dt.date(2027, 1, 4)
    assert len(window.doc.plan.decisions) > 20
    window.doc.analyze_now()
    QApplication.processEvents()
    # the status bar's finish has its date: week 39 of the template, 273 days after Mon 4 Jan 2027, is Mon 4 Oct
    assert window.status.finish.text() == "Finish: week 39 (4 Oct 2027)"


def test_the_default_is_next_monday_and_unticked_means_no_date(qtbot: Any, window: Any) -> None:
    window.new_action.trigger()
    new = window.new_plan_dialog
    d = new.start.date()
    chosen = dt.date(d.year(), d.month(), d.day())
    today = dt.date.today()
    assert chosen.weekday() == 0 and 0 <= (chosen - today).days <= 6
    new.reject()
    QApplication.processEvents()
    _create(window, False)
    assert window.doc.plan.start_date is None
