"""MS Project XML as web tools and generators write it (tests/io/data/s28/web-tool-sparse-mspdi.xml, the layout of a
public Gantt viewer's sample): no calendars, no Duration, summaries with only their dates, links with no Type or
LinkLag (MS Project's defaults: FS, no lag), % complete without actual dates, Spanish names. Read as a person reads
it: durations from the dates in working time, the done and started work where the file draws them."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file

FILE = Path(__file__).parent / "data" / "s28" / "web-tool-sparse-mspdi.xml"


def test_a_sparse_file_reads_as_its_dates_say() -> None:
    plan, report = import_file(FILE)
    by_title = {d.title: d for d in plan.decisions}
    assert list(by_title) == [
        "Project Charter y Kick-off",
        "Kick-off (Inicio del Proyecto)",
        "Plan de gestión de riesgos",
        "Preparación de datos",
        "Entrenamiento y validación del modelo",
    ]
    assert by_title["Project Charter y Kick-off"].weeks() == pytest.approx(0.2)  # one working day
    assert by_title["Kick-off (Inicio del Proyecto)"].milestone
    assert by_title["Preparación de datos"].weeks() == pytest.approx(2)  # Mon 16 to Fri 27 Nov
    assert by_title["Entrenamiento y validación del modelo"].weeks() == pytest.approx(3)
    assert str(by_title["Project Charter y Kick-off"].status) == "done"
    assert by_title["Plan de gestión de riesgos"].progress == pytest.approx(40)
    assert {str(d.type) for d in plan.dependencies} == {"FS"} and len(plan.dependencies) == 4
    assert all(d.lag == 0 for d in plan.dependencies)
    assert any("no Duration" in i.message for i in report.items)
    result = analyze(plan)
    assert result.ok and result.schedule is not None
    # the file's finish, Fri 18 Dec 17:00, is the end of week 8 from Mon 26 Oct
    assert result.schedule.finish == pytest.approx(8)
