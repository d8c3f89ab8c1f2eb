"""Tools not met before (session 32): OpenProject's export to Excel with its relations (one row per relation, the
related work package's columns beside each) and Project for the web's export to Excel (a block of project rows
above the tasks, 'Dependent on' naming task numbers). Files: tests/io/data/s32 (README.md says how each is laid
out). Each test reads the file as a person would: which work, how long, how far done, in what order."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.io.common import ImportReport
from planner.model import Plan

DATA = Path(__file__).parent / "data" / "s32"


def _lines(report: ImportReport) -> list[str]:
    return [i.text() for i in report.items]


def _by_title(plan: Plan) -> dict[str, str]:
    return {d.title: d.id for d in plan.decisions}


def _links(plan: Plan) -> list[tuple[str, str, str, float]]:
    title = {d.id: d.title for d in plan.decisions}
    return sorted((title[d.from_], title[d.to], d.type.value, round(d.lag, 3)) for d in plan.dependencies)


def test_s32_openproject_relations_export_is_one_decision_per_work_package() -> None:
    """17 rows, 6 work packages: the phase 'Pilot' is its children's parent (a tag); 'Precedes'/'Follows' and
    'Blocks'/'Blocked by' are links, each read once though both its work packages list it; the 2-day lag of the
    audit's relation is 0.4 weeks; 'Related To' orders nothing and is said; the relation to #87, a work package the
    export does not hold, is left out and named."""
    plan, report = import_file(DATA / "openproject-relations.xlsx")
    lines = _lines(report)
    assert [(d.id, d.title) for d in plan.decisions] == [
        ("42", "Discovery interviews"),
        ("43", "Data audit"),
        ("44", "Pipeline build"),
        ("45", "Pilot sign-off"),
        ("46", "Vendor contract"),
    ]
    assert _links(plan) == [
        ("Data audit", "Pipeline build", "FS", 0.4),
        ("Discovery interviews", "Data audit", "FS", 0.0),
        ("Pipeline build", "Pilot sign-off", "FS", 0.0),
        ("Vendor contract", "Pilot sign-off", "FS", 0.0),
    ]
    d = {x.title: x for x in plan.decisions}
    assert [d[t].tags for t in ("Discovery interviews", "Data audit", "Pipeline build")] == [["Pilot"]] * 3
    assert d["Pilot sign-off"].tags == [] and d["Pilot sign-off"].milestone
    # durations: the working days from start to finish date (2 weeks, 2 weeks, 5 days, 3 weeks); progress as given
    assert [
        d[t].weeks() for t in ("Discovery interviews", "Data audit", "Pipeline build", "Vendor contract")
    ] == [
        2.0,
        2.0,
        1.0,
        3.0,
    ]
    assert [d[t].progress for t in ("Discovery interviews", "Data audit", "Vendor contract")] == [100, 50, 25]
    assert d["Discovery interviews"].status.value == "done"
    assert any("17 rows read as 6 work packages" in x and "'child of' rows" in x for x in lines)
    assert "relations that do not order work are not carried (2 'related to')" in lines
    assert "the descriptions of 1 relation are not carried" in lines
    assert any(x.endswith("line 17 depends on '87'") for x in lines)
    result = analyze(plan)
    assert result.schedule is not None
    # the sign-off on Wed 7 Apr 2027, as the file has it (5.4 weeks from Mon 1 Mar): no difference reported
    assert result.schedule.finish == pytest.approx(5.4)
    assert not any("the imported plan finishes" in x for x in lines)


def test_s32_openproject_15_relation_labels_read_as_the_older_ones(tmp_path: Path) -> None:
    """OpenProject 15 calls 'follows' 'Predecessor (before)' and 'precedes' 'Successor (after)'."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(DATA / "openproject-relations.xlsx")
    for row in book.active.iter_rows():
        for cell in row:
            if cell.value == "Follows":
                cell.value = "Predecessor (before)"
            elif cell.value == "Precedes":
                cell.value = "Successor (after)"
    path = tmp_path / "op15.xlsx"
    book.save(path)
    plan, _ = import_file(path)
    older, _ = import_file(DATA / "openproject-relations.xlsx")
    assert _links(plan) == _links(older)


def test_s32_project_for_the_web_export_names_the_plan_and_links_by_task_number() -> None:
    """The header block names the plan ('Project name'); 'Dependent on' names task numbers, which are not the
    rows' order (task 6 'Consent forms', added later, is the third row): Synthesis waits for Interviews and Consent
    forms (read as row numbers, '6' was the Go-live row and made a loop)."""
    plan, report = import_file(DATA / "project-web-export.xlsx")
    lines = _lines(report)
    assert plan.title == "Pilot rollout"
    assert "the plan's title 'Pilot rollout' is read from line 1 ('Project name')" in lines
    assert "6 rows above the header row (line 8) were skipped" in lines
    ids = _by_title(plan)
    assert ids == {
        "Interviews": "2",
        "Consent forms": "6",
        "Synthesis": "3",
        "Pilot build": "4",
        "Go-live": "5",
    }  # 'Discovery' (outline 1, with 1.1-1.3 under it) is structure
    assert _links(plan) == [
        ("Consent forms", "Synthesis", "FS", 0.0),
        ("Interviews", "Synthesis", "FS", 0.0),
        ("Pilot build", "Go-live", "FS", 0.0),
        ("Synthesis", "Pilot build", "FS", 0.0),
    ]
    d = {x.title: x for x in plan.decisions}
    assert [d[t].weeks() for t in ("Interviews", "Consent forms", "Synthesis", "Pilot build")] == [
        1.0,
        0.4,
        1.2,
        3.0,
    ]
    assert d["Go-live"].milestone
    assert [d[t].progress for t in ("Interviews", "Synthesis", "Pilot build")] == [100, 20, 0]
    assert (d["Pilot build"].owner, d["Pilot build"].area) == ("ben-ode", "Build")
    assert (
        "line 13: 2 resources ('Ben Ode', 'Cara Lee'); the first is the owner, the others are not carried"
        in (lines)
    )
    for effort in ("Effort", "Effort completed", "Effort remaining"):
        assert f"column '{effort}' is not a plan field; ignored" in lines
    result = analyze(plan)
    assert result.schedule is not None
