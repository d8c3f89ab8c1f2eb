"""A P6 export of one project that links to another: P6 puts the linked project in the file too, not flagged for
export (``export_flag`` N), and here before the exported one (tests/io/data/s28/p6-multi-project-exported-second.xer,
written by make_s28_files.py the way P6 writes XER). The import read the first project in the file, the supply
project the user never exported, and called a relationship to a project outside the file an activity 'the file does
not hold'. Now: the project exported from P6 is imported and the report says why; every relationship to another
project, in the file or not, is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.io.primavera import parse_xer

FILE = Path(__file__).parent / "data" / "s28" / "p6-multi-project-exported-second.xer"


def test_the_project_exported_from_p6_is_imported() -> None:
    plan, report = import_file(FILE)
    tables = parse_xer(FILE.read_bytes(), FILE)
    exported = next(r for r in tables["PROJECT"].rows if r["export_flag"] == "Y")
    theirs = {
        r["task_code"]: r["task_name"] for r in tables["TASK"].rows if r["proj_id"] == exported["proj_id"]
    }
    assert {d.id: d.title for d in plan.decisions} == theirs
    assert plan.title == "Plant A retrofit"  # its WBS root, not the supply project's
    lines = [i.message for i in report.items if i.kind == "format"]
    assert any(
        "'PLANT-A', the one exported from P6, is imported" in m and "'SUPPLY-26'" in m for m in lines
    ), lines


def test_relationships_to_other_projects_are_one_line() -> None:
    _, report = import_file(FILE)
    links = [i.message for i in report.items if i.kind == "link"]
    tables = parse_xer(FILE.read_bytes(), FILE)
    foreign = [r for r in tables["TASKPRED"].rows if r["pred_proj_id"] != r["proj_id"]]
    assert len(links) == 1 and links[0].startswith(
        f"{len(foreign)} links to items not in the file are left out"
    )
    assert "A1030 'Install turbine' after SC1010 'Deliver turbine to site' of project 'SUPPLY-26'" in links[0]


def test_lags_and_durations_in_the_crews_4x10_week() -> None:
    """PLANT-A's activities and lags are on its 4 x 10-hour calendar (40 hours a week): 10 hours of lag are a
    quarter week, 60 hours of work a week and a half; half of the excavation is done."""
    plan, _ = import_file(FILE)
    by_id = {d.id: d for d in plan.decisions}
    assert by_id["A1010"].duration == pytest.approx(1.5)
    assert by_id["A1000"].progress == pytest.approx(50)
    assert str(by_id["A1000"].status) == "in_progress"
    assert by_id["M1050"].milestone
    links = {(d.from_, d.to): (str(d.type), d.lag) for d in plan.dependencies}
    assert links[("A1000", "A1010")] == ("FS", pytest.approx(0.25))
    assert links[("A1010", "A1020")] == ("SS", pytest.approx(0.5))
    assert links[("A1040", "M1050")] == ("FF", 0)
    result = analyze(plan)
    assert result.ok and result.schedule is not None
    # by hand: excavation's remaining half 0-0.5, slab 0.75-2.25, turbine 2.25-5.25, commissioning 5.25-6.25
    assert result.schedule.finish == pytest.approx(6.25)


def test_the_other_project_by_its_id() -> None:
    plan, report = import_file(FILE, project="SUPPLY-26")
    assert [d.id for d in plan.decisions] == ["SC1000", "SC1010"]
    assert not [i for i in report.items if i.kind == "format"]


def test_a_file_that_flags_every_project_or_none_imports_the_first(tmp_path: Path) -> None:
    lines = FILE.read_bytes().decode("cp1252").split("\r\n")
    fields = next(ln for ln in lines if ln.startswith("%F\tproj_id\t")).split("\t")
    at = fields.index("export_flag")
    for flag in ("Y", "N"):
        rows = [
            ln.split("\t") if ln.startswith("%R") and k < lines.index("%T\tCALENDAR") else None
            for k, ln in enumerate(lines)
        ]
        for r in rows:
            if r is not None and len(r) == len(fields):
                r[at] = flag
        text = "\r\n".join(
            ln if r is None else "\t".join(r) for ln, r in zip(lines, rows, strict=True)
        ).encode()
        path = tmp_path / f"all-{flag}.xer"
        path.write_bytes(text)
        flags = {r["export_flag"] for r in parse_xer(text, path)["PROJECT"].rows}
        assert flags == {flag}
        plan, report = import_file(path)
        assert [d.id for d in plan.decisions] == ["SC1000", "SC1010"], flag
        assert any("the first, 'SUPPLY-26', is imported" in i.message for i in report.items), flag
