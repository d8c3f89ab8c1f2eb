"""Issue 16, the views half: progress and the status date in the app (bulk marking, table columns, the plan
view's status date, the inspector's reason, done cards, the presenter bar's forecast)."""

from __future__ import annotations

import pytest

from planner.model import Status
from planner.units import format_weeks

_OFFSCREEN_POPUPS = r"This plugin does not support (grabbing the keyboard|raise\(\)|propagateSizeHints)"


def test_mark_several_decisions_done_is_one_undo_step(sample_window):
    w = sample_window
    doc, bench = w.doc, w.workbench
    chosen = ["groundedness-eval", "agent-assist-pilot", "rag-prototype"]
    before = {i: (doc.decision(i).status, doc.decision(i).progress) for i in chosen}
    assert before["rag-prototype"] == (Status.IN_PROGRESS, 30)
    doc.select(chosen)
    count = doc.undo_stack.count()
    bench.mark_actions["done"].trigger()
    assert doc.undo_stack.count() == count + 1
    assert doc.undo_stack.undoText() == "Mark 3 Decisions Done"
    for i in chosen:
        assert doc.decision(i).status is Status.DONE and doc.decision(i).progress == 100
    w.undo()
    assert {i: (doc.decision(i).status, doc.decision(i).progress) for i in chosen} == before
    w.redo()
    assert all(doc.decision(i).status is Status.DONE for i in chosen)


def test_mark_in_progress_and_not_started(sample_window):
    doc = sample_window.doc
    d = doc.decision("contact-drivers")  # done, 100 %
    d2 = doc.decision("dpia")  # in progress, 40 %
    assert doc.edit_decision("contact-drivers", actual_start=1.0, actual_finish=3.0) is None
    count = doc.undo_stack.count()
    assert doc.mark_status(["contact-drivers", "dpia"], "in_progress") is None
    # dpia already is in progress: only contact-drivers changes, still one step
    assert doc.undo_stack.count() == count + 1
    assert d.status is Status.IN_PROGRESS and d.progress == 0 and d.actual_finish is None
    assert d.actual_start == 1.0  # it did start
    assert d2.progress == 40
    assert doc.mark_status(["contact-drivers", "dpia"], "not_started") is None
    assert doc.undo_stack.undoText() == "Mark 2 Decisions Not Started"
    for x in (d, d2):
        assert x.status is Status.NOT_STARTED and x.progress == 0 and x.actual_start is None
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert d.status is Status.DONE and d.actual_finish == 3.0 and d2.progress == 40
    assert "choose done" in (doc.mark_status(["dpia"], "blocked") or "")


@pytest.mark.qt_log_ignore(_OFFSCREEN_POPUPS)
def test_table_and_edit_menus_offer_marking(sample_window):
    w = sample_window
    doc, bench = w.doc, w.workbench
    w.show_view("Table")
    table = w.table_view.table
    rect = table.visualRect(table.model().index(2, 1))
    bench._table_menu_requested(rect.center())
    menu = bench.last_menu
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert {"Mark Done", "Mark In Progress", "Mark Not Started"} <= set(texts)
    chosen = doc.selection[0]
    next(a for a in menu.actions() if a.text().replace("&", "") == "Mark In Progress").trigger()
    menu.close()
    assert doc.decision(chosen).status is Status.IN_PROGRESS
    edit = bench._menu("Edit")
    assert edit is not None and bench.mark_actions["done"] in edit.actions()
    doc.select([])
    assert not bench.mark_actions["done"].isEnabled()


def test_done_cards_are_visibly_done_and_in_progress_shows_its_share(sample_window):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from planner.ui.canvas import style as S

    w = sample_window
    w.show_view("Graph")
    scene = w.canvas.graph_scene
    done = scene.cards["contact-drivers"]
    doing = scene.cards["dpia"]  # 40 %
    fresh = scene.cards["groundedness-eval"]
    assert done.card_data.done and "%" not in done.card_data.right_text
    assert doing.card_data.right_text.startswith("40% · ") and doing.card_data.progress == pytest.approx(0.4)
    assert " left" in doing.card_data.right_text  # its weeks are the work left
    assert not fresh.card_data.done and "%" not in fresh.card_data.right_text

    def paint(card):
        img = QImage(int(S.CARD_W) + 20, int(S.CARD_H) + 20, QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        pos = card.pos()
        scene.render(p, source=QRectF(pos.x() - 10, pos.y() - 10, img.width(), img.height()))
        p.end()
        return img

    img = paint(done)
    # the muted fill in the card's middle, and the green check badge at its top right
    mid = QColor(img.pixel(int(S.CARD_W * 0.6) + 10, int(S.CARD_H * 0.55) + 10))
    assert mid.name() == S.CARD_FILL_DONE.name()
    badge = QColor(img.pixel(int(S.CARD_W - 12) + 10, 12 + 10 - 6))  # above the white check
    assert badge.green() > badge.red() + 40
    fresh_mid = QColor(paint(fresh).pixel(int(S.CARD_W * 0.6) + 10, int(S.CARD_H * 0.55) + 10))
    assert fresh_mid.name() == S.CARD_FILL.name()
    # marking a card done mutes it at once
    w.doc.mark_status(["groundedness-eval"], "done")
    w.doc.analyze_now()
    assert scene.cards["groundedness-eval"].card_data.done


def test_plan_view_offers_today_but_never_applies_it_on_its_own(qtbot, sample_window):
    import datetime as dt

    from PySide6.QtWidgets import QApplication, QCheckBox, QDateEdit, QDoubleSpinBox, QPushButton

    w = sample_window
    doc = w.doc
    view = w.plan_view
    view.rebuild()
    page = view.widget()
    has = page.findChild(QCheckBox, "plan.has_status_date")
    edit = page.findChild(QDateEdit, "plan.status_date")
    today = page.findChild(QPushButton, "plan.status_today")
    assert has is not None and edit is not None and today is not None
    assert not has.isChecked() and not edit.isEnabled()
    assert edit.date().toPython() == dt.date.today()  # offered ...
    assert doc.plan.status_date is None  # ... never applied on its own
    count = doc.undo_stack.count()
    today.click()
    assert doc.plan.status_date == dt.date.today()
    assert doc.undo_stack.count() == count + 1 and doc.undo_stack.undoText() == "Change Status Date"
    w.undo()
    assert doc.plan.status_date is None
    QApplication.processEvents()
    # A chosen date, through the check box: the date shown becomes the status date; unticking clears it.
    page = view.widget()
    page.findChild(QDateEdit, "plan.status_date").setDate(dt.date(2027, 5, 3))
    page.findChild(QCheckBox, "plan.has_status_date").setChecked(True)
    assert doc.plan.status_date == dt.date(2027, 5, 3)
    doc.analyze_now()
    assert doc.analysis is not None and doc.analysis.schedule is not None
    QApplication.processEvents()
    page = view.widget()
    assert page.findChild(QDateEdit, "plan.status_date").isEnabled()
    page.findChild(QCheckBox, "plan.has_status_date").setChecked(False)
    assert doc.plan.status_date is None

    # Without a start date the status date is in weeks, and Today is not offered.
    assert doc.edit_plan(start_date=None) is None
    QApplication.processEvents()
    view.rebuild()
    page = view.widget()
    assert page.findChild(QPushButton, "plan.status_today") is None
    spin = page.findChild(QDoubleSpinBox, "plan.status_week")
    spin.setValue(6)
    assert doc.plan.status_date is None  # not set while unticked
    page.findChild(QCheckBox, "plan.has_status_date").setChecked(True)
    assert doc.plan.status_date == 6.0


def test_table_actual_and_remaining_columns(qtmodeltester, sample_path):
    import datetime as dt

    from PySide6.QtCore import Qt

    from planner.model import load_plan
    from planner.ui.state.document import PlanDocument
    from planner.ui.views.models import COLUMN_INDEX, DecisionTableModel

    plan = load_plan(sample_path)  # starts 1 Mar 2027
    plan.status_date = dt.date(2027, 5, 3)  # week 9
    doc = PlanDocument(plan)
    doc.analyze_now()
    model = DecisionTableModel(doc)
    qtmodeltester.check(model)

    def cell(did: str, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.data(model.index(model.row_of_id(did), COLUMN_INDEX[key]), role)

    # dpia: 40 % of its planned weeks done -> 60 % left; a done decision has none left
    d = doc.decision("dpia")
    assert d is not None
    assert cell("dpia", "remaining") == units_weeks(d.weeks() * 0.6)
    assert cell("contact-drivers", "remaining") == "0"
    # actual dates: typed as a date or as weeks, shown as typed, cleared by an empty cell; one undo step each
    idx = model.index(model.row_of_id("dpia"), COLUMN_INDEX["actual_start"])
    assert model.flags(idx) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(idx, "2027-03-15")
    assert d.actual_start == dt.date(2027, 3, 15) and cell("dpia", "actual_start") == "15 Mar 2027"
    assert cell("dpia", "actual_start", Qt.ItemDataRole.EditRole) == "2027-03-15"
    assert doc.undo_stack.undoText() == "Change Actual Start"
    assert model.setData(idx, "3")
    assert d.actual_start == 3.0 and cell("dpia", "actual_start") == "wk 3"
    refused: list[str] = []
    model.edit_refused.connect(refused.append)
    assert not model.setData(idx, "soon") and "not a date or a number of weeks" in refused[-1]
    assert not model.setData(idx, "-2") and d.actual_start == 3.0
    assert model.setData(idx, "")
    assert d.actual_start is None
    done_finish = model.index(model.row_of_id("contact-drivers"), COLUMN_INDEX["actual_finish"])
    assert model.setData(done_finish, "2027-04-05")  # week 5
    doc.analyze_now()
    qtmodeltester.check(model)
    remaining = model.index(0, COLUMN_INDEX["remaining"])
    assert not model.flags(remaining) & Qt.ItemFlag.ItemIsEditable
    # sorting by remaining work puts the done decisions first
    model.sort(COLUMN_INDEX["remaining"], Qt.SortOrder.AscendingOrder)
    assert model.decision_at(0).status == "done"
    qtmodeltester.check(model)
    # without a start date a calendar date cannot be placed: refused with what to do
    assert doc.edit_decision("contact-drivers", actual_finish=None) is None
    assert doc.edit_plan(status_date=9.0, start_date=None) is None
    idx = model.index(model.row_of_id("dpia"), COLUMN_INDEX["actual_start"])
    assert not model.setData(idx, "2027-03-15") and "no start date" in refused[-1]
    assert model.setData(idx, "2.5") and d.actual_start == 2.5
    doc.shutdown()


def units_weeks(x: float) -> str:
    return format_weeks(x)


def test_inspector_says_why_progress_places_a_decision(sample_window):
    import datetime as dt

    w = sample_window
    doc = w.doc
    assert doc.edit_plan(status_date=dt.date(2027, 5, 3)) is None  # week 9
    new = doc.add_decision("Brand new work")  # no links, not started: held by the status date only
    doc.analyze_now()
    form = w.inspector.form
    doc.select([new])
    text = form.start_text.text()
    assert text.startswith("Runs week 9 (3 May 2027) to week 10 (10 May 2027).")
    assert "status date" in text and "because it has not started" in text
    assert doc.edit_decision("contact-drivers", actual_finish=None) is None
    doc.analyze_now()
    doc.select(["contact-drivers"])  # done, no actual finish
    text = form.start_text.text()
    assert not text.startswith("Runs") and "done" in text and "status date" in text
    assert "not critical" in form.critical_text.text()
    doc.select(["rag-prototype"])  # in progress: its remaining work
    assert form.start_text.text().startswith("Its remaining work runs week 9")


def test_presenter_bar_shows_the_forecast_against_the_baseline(sample_window, qtbot):
    import datetime as dt

    w = sample_window
    doc = w.doc
    doc.wait_for_analysis()
    w.show_view("Graph")
    qtbot.waitUntil(lambda: w.canvas.isVisible())
    p = w.presentation
    p.enter()
    try:
        assert p.bar is not None and not p.bar.forecast.isVisible()  # no baseline yet
        assert doc.save_baseline("Board") is None
        doc.analyze_now()
        p.refresh()
        assert p.bar.forecast.isVisible()
        var = doc.variance()
        assert var is not None
        from planner.units import format_date, format_weeks

        base_when = format_date(doc.plan.date_of(var.baseline_finish))
        assert p.bar.forecast.text().endswith(f"on the baseline ({base_when} vs {base_when})")
        assert "Forecast vs \u201cBoard\u201d" in p.bar.forecast.text()
        # the status date moves on with nothing more done: the forecast slips, and the bar says by the
        # variance's figure, with both finishes as dates (planner.units)
        start = doc.plan.start_date
        assert start is not None and doc.plan.status_date is None
        assert doc.edit_plan(status_date=start + dt.timedelta(weeks=12)) is None
        doc.analyze_now()
        p.refresh()
        var = doc.variance()
        assert var is not None and var.finish_slip > 0
        when = format_date(doc.plan.date_of(var.finish))
        assert f"+{format_weeks(var.finish_slip)} wks ({when} vs {base_when})" in p.bar.forecast.text()
    finally:
        p.leave()


def test_slip_columns_use_the_actual_start(sample_window):
    import datetime as dt

    doc = sample_window.doc
    assert doc.save_baseline("Board") is None
    assert doc.edit_plan(status_date=dt.date(2027, 5, 3)) is None  # week 9
    assert doc.edit_decision("dpia", actual_start=4.0) is None  # in progress since week 4
    doc.analyze_now()
    var = doc.variance()
    assert var is not None
    row = next(r for r in var.decisions if r.id == "dpia")
    assert row.start == 4.0  # what really happened, not the start of its remaining work (week 9)


def test_inspector_records_actual_dates(qtbot, sample_window):
    import datetime as dt

    from PySide6.QtCore import Qt

    w = sample_window
    doc = w.doc
    form = w.inspector.form
    doc.select(["groundedness-eval"])  # not started: nothing recorded
    d = doc.decision("groundedness-eval")
    assert d is not None and form.actual_start.text() == "" and form.actual_finish.text() == ""
    messages: list[str] = []
    form.message.connect(messages.append)
    form.actual_start.setFocus()
    qtbot.keyClicks(form.actual_start, "2027-03-15")
    qtbot.keyClick(form.actual_start, Qt.Key.Key_Return)
    assert d.actual_start == dt.date(2027, 3, 15)
    assert doc.undo_stack.undoText() == "Change Actual Start"
    form.actual_start.selectAll()
    qtbot.keyClicks(form.actual_start, "soon")
    qtbot.keyClick(form.actual_start, Qt.Key.Key_Return)
    assert d.actual_start == dt.date(2027, 3, 15) and "not a date or a number of weeks" in messages[-1]
    assert form.actual_start.text() == "2027-03-15"  # the stored value again
    form.actual_finish.setFocus()
    qtbot.keyClicks(form.actual_finish, "4.5")
    form.commit_pending()  # e.g. before saving: nothing typed is lost
    assert d.actual_finish == 4.5
    w.undo()
    assert d.actual_finish is None


def test_every_status_edit_follows_the_marking_rule(sample_window):
    from planner.ui.views.models import COLUMN_INDEX, DecisionTableModel

    w = sample_window
    doc = w.doc
    # the table cell
    model = DecisionTableModel(doc)
    idx = model.index(model.row_of_id("dpia"), COLUMN_INDEX["status"])  # in progress, 40 %
    assert model.setData(idx, "done")
    d = doc.decision("dpia")
    assert d is not None and d.status is Status.DONE and d.progress == 100
    assert doc.undo_stack.undoText() == "Mark Decision Done"
    # the inspector's combo, one decision
    doc.select(["rag-prototype"])  # in progress, 30 %
    combo = w.inspector.form.status
    combo.setCurrentIndex(combo.findData("not_started"))
    combo.activated.emit(combo.currentIndex())
    r = doc.decision("rag-prototype")
    assert r is not None and r.status is Status.NOT_STARTED and r.progress == 0
    # several at once, and blocked stays a plain status change
    ids = ["contact-drivers", "success-metric"]  # both done, 100 %
    doc.select(ids)
    multi = w.inspector.multi
    combo = multi.combos["status"]
    combo.setCurrentIndex(combo.findData("in_progress"))
    combo.activated.emit(combo.currentIndex())
    assert doc.undo_stack.undoText() == "Mark 2 Decisions In Progress"
    assert all(doc.decision(i).status is Status.IN_PROGRESS and doc.decision(i).progress == 0 for i in ids)
    combo.setCurrentIndex(combo.findData("blocked"))
    combo.activated.emit(combo.currentIndex())
    assert all(doc.decision(i).status is Status.BLOCKED for i in ids)
