"""The app's Float column writes no float for done work, as analyze's text and the report do (one rule:
planner.analysis.progress.shown_float)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.ui.views.models import COLUMN_INDEX
from tests.ui.conftest import SAMPLES


@pytest.fixture
def sample_path() -> Path:
    return SAMPLES / "fraud-detection.plan.json"


def test_done_work_has_no_float_in_the_table(sample_window) -> None:
    w = sample_window
    w.doc.wait_for_analysis()
    model = w.table_view.model
    ids = [model.index(r, COLUMN_INDEX["id"]).data() for r in range(model.rowCount())]
    status = {d.id: str(d.status) for d in w.doc.plan.decisions}
    floats = {i: model.index(r, COLUMN_INDEX["float"]).data() for r, i in enumerate(ids)}
    assert floats["loss-baseline"] == "" and status["loss-baseline"] == "done"
    assert all(floats[i] == "" for i in ids if status[i] == "done")
    assert any(floats[i] not in ("", "0") for i in ids if status[i] != "done")
