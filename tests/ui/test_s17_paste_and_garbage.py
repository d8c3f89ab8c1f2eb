"""Live edits in a workshop (s17 sweep): rows pasted from a spreadsheet and garbage typed into table cells.

What was wrong: rows copied with this planner's own column names (``Opt.``, ``Pess.``) or with units in the header
(``Likely (weeks)``) pasted with those columns silently dropped (a 1 / 2 / 3 estimate became 2, or every duration
1 week); a status the planner does not know (``Complete``) pasted as Not started without a word; a progress of 150
or an overlong title was refused as "row 2: 1 validation error for Decision"; ``2 wks`` could not be read and
``abc`` was refused without its row or column. In the table, a garbage status was refused in pydantic's words
("status: Input should be 'not_started', ..."), an actual start of 99999999 weeks as "Datetimes provided to dates
should have zero time", and 1e308 weeks was quoted back as a 309-digit number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from planner.model import duration_triple
from planner.ui.views.models import COLUMN_INDEX, DecisionTableModel


def _paste(w, text: str) -> list[str]:
    mime = QMimeData()
    mime.setText(text)
    QApplication.clipboard().setMimeData(mime)
    w.doc.select([])
    return w.workbench.paste()


def test_the_tables_own_column_names_and_units_in_headers_are_read(sample_window):
    w = sample_window
    new = _paste(
        w,
        "ID\tTitle\tOpt.\tLikely (weeks)\tPess.\tStatus\tProgress %\n"
        "retention policy\tWrite the data-retention policy\t1\t2 wks\t3,5\tin progress\t40 %\n",
    )
    assert len(new) == 1
    d = w.doc.decision(new[0])
    assert d.id == "retention-policy"  # a spreadsheet's id with a space: made valid, not refused
    assert duration_triple(d.duration) == (1.0, 2.0, 3.5)
    assert str(d.status) == "in_progress" and d.progress == 40


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Title\tStatus\nA\tComplete\n", "row 2, Status: 'Complete' is not a status"),
        ("Title\tProgress\nA\t150\n", "row 2, Progress: '150' is not a percentage from 0 to 100"),
        ("Title\tLikely\nA\tabc\n", "row 2, Likely: 'abc' is not a number of weeks"),
        ("Title\tLikely\nA\tnan\n", "row 2, Likely: 'nan' is not a number of weeks"),
        (
            "Title\tOptimistic\nA\t1e308\n",
            "row 2, Optimistic: '1e308' is not a number of weeks from 0 to 520",
        ),
        ("Title\tPessimistic\nA\tok\nB\t-2\n", "row 2, Pessimistic: 'ok'"),
        ("Title\n" + "x" * 400 + "\n", "row 2: Title must be at most 300 characters"),
    ],
)
def test_a_cell_that_cannot_be_read_is_named_and_nothing_is_pasted(sample_window, text, words):
    w = sample_window
    n = len(w.doc.plan.decisions)
    assert _paste(w, text) == []
    assert len(w.doc.plan.decisions) == n
    box = w.active_prompt
    assert box is not None
    assert words in box.informativeText(), box.informativeText()
    assert "validation error" not in box.informativeText()
    box.done(0)


def test_estimates_given_in_part_fill_the_rest_without_breaking_their_order(sample_window):
    ds, _ = sample_window.workbench.decisions_from_tsv("Title\tLikely\tPessimistic\nA\t3\t6\nB\t\t4\n")
    assert duration_triple(ds[0].duration) == (3.0, 3.0, 6.0)
    assert duration_triple(ds[1].duration) == (4.0, 4.0, 4.0)


def _model(w) -> DecisionTableModel:
    return w.findChildren(DecisionTableModel)[0]


def _refused(w, row: int, key: str, value: str) -> str:
    model = _model(w)
    got: list[str] = []
    model.edit_refused.connect(got.append)
    before = w.doc.plan.model_dump()
    assert not model.setData(model.index(row, COLUMN_INDEX[key]), value, Qt.ItemDataRole.EditRole)
    model.edit_refused.disconnect(got.append)
    assert w.doc.plan.model_dump() == before  # nothing changed
    assert len(got) == 1
    if w.active_prompt is not None:
        w.active_prompt.done(0)
    return got[0]


@pytest.mark.parametrize("value", ["abc", "", "0", "finished"])
def test_a_garbage_status_is_refused_in_words(sample_window, value):
    text = _refused(sample_window, 0, "status", value)
    assert text == f"'{value}' is not a status: choose Not started, In progress, Done, Blocked"


def test_a_status_typed_as_its_label_is_applied(sample_window):
    w = sample_window
    model = _model(w)
    d = model._rows[0]
    assert model.setData(model.index(0, COLUMN_INDEX["status"]), "Blocked", Qt.ItemDataRole.EditRole)
    assert str(d.status) == "blocked"
    w.doc.undo_stack.undo()
    assert str(d.status) != "blocked"


@pytest.mark.parametrize("value", ["99999999", "1e308", "10001"])
def test_an_actual_start_beyond_any_plan_is_refused_in_words(sample_window, value):
    text = _refused(sample_window, 0, "actual_start", value)
    assert text.startswith(f"'{value}' weeks is after the end of any plan (at most 10000 weeks")
    assert "Datetime" not in text and "unix" not in text


def test_a_huge_duration_is_quoted_as_typed(sample_window):
    text = _refused(sample_window, 0, "likely", "1e308")
    assert text.startswith("1e308 weeks is longer than one decision can take here")
    assert len(text) < 200
    text = _refused(sample_window, 0, "progress", "1e308")
    assert text == "Progress is a percentage from 0 to 100: 1e308 was not applied"


@pytest.mark.parametrize(
    ("field", "typed", "words"),
    [
        ("cost", "9" * 30, "Not changed: Cost must be at most 1,000,000,000,000,000"),
        ("not_before", "99999", "Not changed: Earliest Start must be at most 10,000 weeks"),
        ("title_edit", " ", "Not changed: Title cannot be empty"),
    ],
)
def test_the_inspector_refuses_out_of_range_values_in_words(sample_window, qtbot, field, typed, words):
    from PySide6.QtTest import QTest

    from planner.ui.views.inspector import DecisionInspector

    w = sample_window
    w.doc.select([w.doc.plan.decisions[0].id])
    inspector = w.findChildren(DecisionInspector)[0]
    said: list[str] = []
    inspector.message.connect(said.append)
    before = w.doc.plan.model_dump()
    edit = getattr(inspector, field)
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, typed)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert said == [words]
    assert w.doc.plan.model_dump() == before


def _dependency_model(w):
    from planner.ui.views.models import DependencyListModel

    w.doc.select([w.doc.plan.dependencies[0].to])
    QApplication.processEvents()
    model = next(m for m in w.findChildren(DependencyListModel) if m.rowCount() > 0)
    return model


@pytest.mark.parametrize(
    ("column", "typed", "words"),
    [
        (2, "nan", "'nan' is not a number of weeks: type a lag such as 1 or -0.5"),
        (2, "inf", "'inf' is not a number of weeks: type a lag such as 1 or -0.5"),
        (1, "XX", "'XX' is not a link type: choose FS, SS, FF, SF"),
    ],
)
def test_a_link_refuses_garbage_in_words(sample_window, column, typed, words):
    w = sample_window
    model = _dependency_model(w)
    got: list[str] = []
    model.edit_refused.connect(got.append)
    before = w.doc.plan.model_dump()
    assert not model.setData(model.index(0, column), typed, Qt.ItemDataRole.EditRole)
    assert got == [words]  # (was pydantic's "lag: Input should be a finite number")
    assert w.doc.plan.model_dump() == before
    if w.active_prompt is not None:
        w.active_prompt.done(0)


def test_a_link_reads_what_a_person_types(sample_window):
    w = sample_window
    model = _dependency_model(w)
    dep = w.doc.plan.dependencies[model._rows[0]]  # (the rows are indices into the plan's links)
    assert model.setData(model.index(0, 1), "ss", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(0, 2), "2,5", Qt.ItemDataRole.EditRole)
    assert str(dep.type) == "SS" and dep.lag == 2.5


@pytest.mark.parametrize("typed", ["nan", "inf", "-inf"])
def test_the_cost_tab_refuses_nan_and_inf(sample_window, typed):
    w = sample_window
    w.views.setCurrentWidget(w.cost_tab)
    QApplication.processEvents()
    tab = w.cost_tab
    before = w.doc.plan.model_dump()
    field = tab.fields["budget"]
    field.setText(typed)
    tab._commit("budget")
    assert tab.problem.text() == f"Budget: '{typed}' is not a number."  # (was "Budget must be at least 0")
    assert w.doc.plan.model_dump() == before
