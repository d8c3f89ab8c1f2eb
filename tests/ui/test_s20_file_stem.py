"""The app's proposed file names (Save As, the report) from a plan title follow the plan id rule, io.common.slug:
accents dropped, not the letters cut out ('Modèle prüfen' gave 'mod-le-pr-fen-report.pdf')."""

from __future__ import annotations

from planner.io.common import file_stem
from planner.model import new_plan
from planner.ui.dialogs.report_dialog import default_report_path
from planner.ui.state.document import PlanDocument


def test_s20_report_name_from_an_accented_title() -> None:
    plan = new_plan("Modèle prüfen: Größe")
    doc = PlanDocument(plan)
    assert default_report_path(doc).name == "modele-prufen-grosse-report.pdf"
    assert file_stem("!!!") == "plan"
