"""Exports to the scheduling tools keep to their name limits (H-io22): MS Project takes task names of 255
characters (its XML and MPX alike), P6 activity names of 120, WBS names of 100 and Activity IDs of 40 (Oracle's
limits). A plan's titles may be 300 characters and its ids 64, and were written whole: files the tools refuse or cut
without a word. Now a longer name is written shortened, '...' at its end, an id shortened and kept unique, and the
export's notes say so, counted."""

from __future__ import annotations

from pathlib import Path

from planner.io import export_file, export_notes, import_file
from planner.model.plan import Plan

LONG = "Decouple the model " + "x" * 281  # 300 characters
LONG_ID = "a" * 50
OTHER_ID = "a" * 45  # the same first 38 characters: the shortened ids must differ


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Plan",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "Stage " + "y" * 144}],  # 150 characters
            "decisions": [
                {"id": LONG_ID, "title": LONG, "stage": "s", "duration": 2},
                {"id": OTHER_ID, "title": "Short", "stage": "s", "duration": 1},
                {"id": "c", "title": "Plain", "stage": "s", "duration": 1},
            ],
            "dependencies": [{"from": LONG_ID, "to": OTHER_ID}],
        }
    )


def test_s22_ms_project_task_names_at_most_255(tmp_path: Path) -> None:
    plan = _plan()
    notes = export_notes(plan, "mspdi")
    assert (
        "1 name (decision 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') is longer than MS Project takes "
        "(task names 255 characters): written shortened, '...' at the end"
    ) in notes
    assert [n for n in export_notes(plan, "mpx") if n.startswith("1 name (")] == [
        n for n in notes if n.startswith("1 name (")
    ]  # MPX: MS Project's names, the same line
    for suffix in (".xml", ".mpx"):
        path = tmp_path / f"p{suffix}"
        export_file(plan, path)
        back, _ = import_file(path)
        titles = sorted((d.title for d in back.decisions), key=len)
        assert len(titles[-1]) == 255 and titles[-1] == LONG[:252] + "..."


def test_s22_p6_activity_names_wbs_names_and_ids(tmp_path: Path) -> None:
    plan = _plan()
    notes = export_notes(plan, "xer")
    assert (
        "2 names (stage 's', ...) are longer than P6 takes (activity names 120 characters, WBS names 100): written "
        "shortened, '...' at the end"
    ) in notes
    assert (
        f"2 decision ids ({LONG_ID!r}, ...) are longer than P6's Activity ID takes (40 characters): written "
        "shortened, so an import gives those decisions the shortened ids"
    ) in notes
    path = tmp_path / "p.xer"
    export_file(plan, path)
    raw = path.read_bytes().decode("cp1252")
    assert "y" * 145 not in raw and "Stage " + "y" * 91 + "..." in raw  # the WBS name: 100 characters
    back, _ = import_file(path)
    by_title = {d.title: d for d in back.decisions}
    assert by_title[LONG[:117] + "..."]  # the activity name: 120 characters
    ids = [d.id for d in back.decisions]
    assert len(set(ids)) == 3 and all(len(i) <= 40 for i in ids)
    assert len(back.dependencies) == 1  # the link between the two shortened ids holds
