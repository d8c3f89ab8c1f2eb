"""FusionForge's (GForge's) task CSV names each task's predecessors in numbered column triples and its assignees in
numbered columns (H-io24). Before, every one of them was 'not a plan field; ignored': the links were lost (each row
held at its own start date instead) and so were the assignees.

The layout is FusionForge's ``src/www/pm/downloadcsv.php`` with ``full=1`` (a category column): project_task_id,
external_task_id, parent_id, external_parent_id, title, category, duration (days), work (hours), start_date and
end_date as ``Y-m-d H:i:s``, percent_complete, priority, notes, resource1_unixname ... resource5_unixname, then
dependenton<N>_project_task_id, dependenton<N>_external_task_id (written empty), dependenton<N>_linktype for N = 1-5.
Written here from that source; not a real export.

By hand, from Mon 1 Mar 2027: Design 5 days, done (weeks 0-1); Build 10 days after Design (FS): weeks 1-3; Test 5
days after Build (FS) and starting with Design (SS): weeks 3-4. Finish week 4 (Fri 26 Mar); Build and Test critical.
"""

from __future__ import annotations

from pathlib import Path

from planner.analysis import analyze
from planner.io import import_file
from planner.model.plan import DependencyType

HEADER = (
    "project_task_id,external_task_id,parent_id,external_parent_id,title,category,duration,work,start_date,end_date,"
    "percent_complete,priority,notes,"
    + ",".join(f"resource{n}_unixname" for n in range(1, 6))
    + ","
    + ",".join(
        f"dependenton{n}_project_task_id,dependenton{n}_external_task_id,dependenton{n}_linktype"
        for n in range(1, 6)
    )
)


def _row(fields: str, resources: list[str], links: list[tuple[str, str, str]]) -> str:
    people = resources + [""] * (5 - len(resources))
    triples = [f"{a},{b},{c}" for a, b, c in links] + [",,"] * (5 - len(links))
    return ",".join([fields, *people, *triples])


def _csv(rows: list[str], sep: str = ",") -> str:
    return "\n".join([HEADER, *rows]).replace(",", sep) + "\n"


ROWS = [
    _row("101,1,,,Design,None,5,40,2027-03-01 08:00:00,2027-03-05 17:00:00,100,3,", ["alice"], []),
    _row(
        "102,2,,,Build,None,10,80,2027-03-08 08:00:00,2027-03-19 17:00:00,0,3,",
        ["bob", "carol"],
        [("101", "", "FS")],
    ),
    _row(
        "103,3,,,Test,None,5,40,2027-03-22 08:00:00,2027-03-26 17:00:00,0,3,",
        [],
        [("102", "", "FS"), ("101", "", "SS")],
    ),
]


def test_s24_fusionforge_links_and_assignees_are_read(tmp_path: Path) -> None:
    path = tmp_path / "tasks-2027-03-01.csv"
    path.write_text(_csv(ROWS), encoding="utf-8")
    plan, report = import_file(path)
    assert [d.id for d in plan.decisions] == ["101", "102", "103"]
    assert [(x.from_, x.to, x.type) for x in plan.dependencies] == [
        ("101", "102", DependencyType.FS),
        ("102", "103", DependencyType.FS),
        ("101", "103", DependencyType.SS),
    ]
    assert [d.owner for d in plan.decisions] == ["alice", "bob", None]
    result = analyze(plan)
    assert result.schedule is not None
    assert round(result.schedule.finish, 6) == 4.0
    assert [d.id for d, c in zip(plan.decisions, result.schedule.critical, strict=True) if c] == [
        "102",
        "103",
    ]
    text = report.text(limit=None)
    assert "dependenton" not in text and "resource1_unixname" not in text
    assert "line 3: 2 resources ('bob', 'carol'); the first is the owner, the others are not carried" in text


def test_s24_fusionforge_semicolons_and_an_external_id_link(tmp_path: Path) -> None:
    # downloadcsv.php's sep=';', and an uploaded file whose Test names Build only by the external application's id
    rows = [
        *ROWS[:2],
        _row("103,3,,,Test,None,5,40,2027-03-22 08:00:00,2027-03-26 17:00:00,0,3,", [], [("", "2", "FS")]),
    ]
    path = tmp_path / "tasks.csv"
    path.write_text(_csv(rows, sep=";"), encoding="utf-8")
    plan, report = import_file(path)
    assert [(x.from_, x.to) for x in plan.dependencies] == [("101", "102")]
    assert (
        "1 link given only by the external task id ('dependenton..._external_task_id': line 4 '2') is not "
        "carried" in report.text(limit=None)
    )
