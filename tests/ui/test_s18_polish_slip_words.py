"""The table's slip columns write a slip by the one rule the CLI (``planner analyze --baseline``) and the Compare
view use (units.signed_weeks): ``=`` for no slip, ``+2`` later, ``-1`` earlier. The table wrote ``0`` for no slip
where they write ``=``."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.model import duration_triple
from planner.ui.views.models import COLUMN_INDEX, DecisionIdRole
from tests.ui.test_analysis_views import _cell, _critical_id


def test_no_slip_is_written_as_the_cli_writes_it(sample_window):
    doc = sample_window.doc
    assert doc.save_baseline("Board") is None
    doc.analyze_now()
    last = _critical_id(doc)  # one that ends the plan
    # nothing moved yet: '=' in both columns, as `planner analyze --baseline` writes a stage that did not move
    assert _cell(sample_window, last, "start_slip") == "="
    assert _cell(sample_window, last, "finish_slip") == "="

    # two weeks longer: it starts as before and finishes two weeks later (hand-checked: only its own duration)
    orig = duration_triple(doc.decision(last).duration)
    assert doc.set_duration(last, *(x + 2 for x in orig)) is None
    doc.analyze_now()
    assert _cell(sample_window, last, "start_slip") == "="
    assert _cell(sample_window, last, "finish_slip") == "+2"
    # and its accessible text says the same as the cell
    proxy = sample_window.table_view.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(DecisionIdRole) == last)
    text = proxy.index(row, COLUMN_INDEX["start_slip"]).data(Qt.ItemDataRole.AccessibleTextRole)
    assert text.endswith(": =")

    # a week shorter than in the baseline: it finishes one week earlier, a minus sign and no '+'
    assert doc.set_duration(last, *(x - 1 for x in orig)) is None
    doc.analyze_now()
    assert _cell(sample_window, last, "finish_slip") == "-1"
    assert _cell(sample_window, last, "start_slip") == "="
