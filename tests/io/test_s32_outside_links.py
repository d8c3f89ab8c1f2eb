"""Links to items outside the file (session 32). A Jira export filtered to some issues keeps their links to the
others; an MS Project file a predecessor ID of no task, a link to another project or a ghost task of one; a P6 file
relationships to other projects' activities or to activities it does not hold. Every import now leaves them out, so
that the plan schedules, and says so in one report line that names each (before: a tracker table kept the link, so
that the plan had an error and did not schedule; MPX said one line per link, P6 one line per kind naming none)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import export_file, import_file
from planner.io.common import ImportReport
from planner.model import Plan
from tests.conftest import build_plan

SAYS = "not in the file {} left out, so that the plan schedules"


def _outside(report: ImportReport) -> list[str]:
    """The report's lines about links to items outside the file."""
    return [i.message for i in report.items if "left out, so that the plan schedules" in i.message]


def _schedules(plan: Plan) -> None:
    result = analyze(plan)
    assert result.schedule is not None, [str(x) for x in result.findings]


def _exported(tmp_path: Path, suffix: str) -> str:
    """Alpha (1 week) then Beta (2 weeks) in the planner's export to ``suffix``."""
    plan = build_plan(
        [{"id": "a", "title": "Alpha", "duration": 1}, {"id": "b", "title": "Beta", "duration": 2}],
        [("a", "b")],
        start_date="2027-01-04",
    )
    path = tmp_path / f"base.{suffix}"
    export_file(plan, path)
    return path.read_text(encoding="cp1252" if suffix in ("mpx", "xer") else "utf-8")


def _titled_links(plan: Plan) -> list[tuple[str, str]]:
    title = {d.id: d.title for d in plan.decisions}
    return [(title.get(d.from_, d.from_), title.get(d.to, d.to)) for d in plan.dependencies]


def test_s32_a_filtered_jira_export_schedules_and_names_the_links_left_out(tmp_path: Path) -> None:
    src = tmp_path / "jira.csv"
    src.write_text(
        "Summary,Issue key,Inward issue link (Blocks),Outward issue link (Blocks),Start date,Due date\n"
        "Set up,P-1,,P-9,2027-01-04,2027-01-08\n"
        "Train,P-2,X-3,,2027-01-18,2027-01-22\n"
        "Ship,P-3,P-2,,2027-01-25,2027-01-29\n",
        encoding="utf-8",
    )
    plan, report = import_file(src)
    assert [(d.from_, d.to) for d in plan.dependencies] == [("P-2", "P-3")]
    assert _outside(report) == [
        "2 links to items " + SAYS.format("are") + " (a file that holds those items too keeps them): "
        "line 2 blocks 'P-9', line 3 depends on 'X-3'"
    ]
    _schedules(plan)
    # Train waits for X-3, which the file does not hold: it starts where the file has it, not at the plan start
    assert {d.id: d.not_before for d in plan.decisions}["P-2"] == 2.0


def test_s32_a_tracker_workbook_leaves_out_the_same_links(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["Task Name", "ID", "Duration", "Predecessors"],
        ["Design", 1, "5d", ""],
        ["Build", 2, "10d", "1, 14"],
    ):
        sheet.append(row)
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    plan, report = import_file(path)
    assert _titled_links(plan) == [("Design", "Build")]
    assert _outside(report) == [
        "1 link to an item " + SAYS.format("is") + " (a file that holds that item too keeps that link): "
        "line 3 depends on '14'"
    ]
    _schedules(plan)


def test_s32_mpx_predecessor_ids_of_no_task_are_one_line(tmp_path: Path) -> None:
    text = _exported(tmp_path, "mpx")
    edited = re.sub(r"(?m)^(70,3,3,Beta,10d,\d+,)2,", r'\g<1>"2,77,78",', text)
    assert edited != text
    path = tmp_path / "edited.mpx"
    path.write_text(edited, encoding="cp1252")
    plan, report = import_file(path)
    assert _titled_links(plan) == [("Alpha", "Beta")]
    [line] = _outside(report)
    assert line.startswith("2 links to items " + SAYS.format("are"))
    assert line.endswith("task 3 'Beta' (line 20) after ID 77, task 3 'Beta' (line 20) after ID 78")
    _schedules(plan)


def test_s32_ms_project_xml_links_outside_the_file_are_one_line(tmp_path: Path) -> None:
    text = _exported(tmp_path, "xml")
    ghost = (
        "<Task><UID>9</UID><ID>9</ID><Name>Vendor API ready</Name><OutlineLevel>1</OutlineLevel>"
        "<Duration>PT0H0M0S</Duration><ExternalTask>1</ExternalTask>"
        "<ExternalTaskProject>vendor.mpp</ExternalTaskProject></Task>"
    )
    links = (
        "<PredecessorLink><PredecessorUID>77</PredecessorUID><Type>1</Type></PredecessorLink>"
        "<PredecessorLink><PredecessorUID>5</PredecessorUID><Type>1</Type><CrossProject>1</CrossProject>"
        "<CrossProjectName>platform.mpp\\5</CrossProjectName></PredecessorLink>"
        "<PredecessorLink><PredecessorUID>9</PredecessorUID><Type>1</Type></PredecessorLink>"
    )
    edited = text.replace("<PredecessorLink>", links + "<PredecessorLink>", 1).replace(
        "</Tasks>", ghost + "</Tasks>"
    )
    path = tmp_path / "edited.xml"
    path.write_text(edited, encoding="utf-8")
    plan, report = import_file(path)
    assert _titled_links(plan) == [("Alpha", "Beta")]
    [line] = _outside(report)
    assert line.startswith("3 links to items " + SAYS.format("are"))
    for named in (
        "task 3 'Beta' after 'platform.mpp\\5'",
        "task 3 'Beta' after task 9 'Vendor API ready' (vendor.mpp)",
        "task 3 'Beta' after task 77",
    ):
        assert named in line
    _schedules(plan)


def test_s32_ganttproject_links_to_no_task_are_one_line(tmp_path: Path) -> None:
    text = _exported(tmp_path, "gan")
    edited = re.sub(r'(<depend id=")\d+(" type="2"[^>]*/>)', r"\g<0>\n        \g<1>99\g<2>", text, count=1)
    assert edited != text
    path = tmp_path / "edited.gan"
    path.write_text(edited, encoding="utf-8")
    plan, report = import_file(path)
    assert _titled_links(plan) == [("Alpha", "Beta")]
    [line] = _outside(report)
    assert line.startswith("1 link to an item " + SAYS.format("is")) and "'Alpha' before task 99" in line
    _schedules(plan)


def test_s32_p6_relationships_outside_the_project_are_one_line_naming_them(tmp_path: Path) -> None:
    text = _exported(tmp_path, "xer")
    head, sep, tail = text.partition("%R\t1\t1002\t1001\t1\t1\tPR_FS\t0\t\t\t\t\n")
    assert sep
    others = (
        "%R\t2\t1002\t9999\t1\t1\tPR_FS\t0\t\t\t\t\n"  # an activity the file does not hold
        "%R\t3\t1002\t5001\t1\t7\tPR_FS\t0\t\t\t\t\n"  # an activity of project 7
    )
    path = tmp_path / "edited.xer"
    path.write_text(head + sep + others + tail, encoding="cp1252")
    plan, report = import_file(path)
    assert _titled_links(plan) == [("Alpha", "Beta")]
    [line] = _outside(report)
    assert line.startswith("2 links to items " + SAYS.format("are"))
    assert line.endswith("b 'Beta' after task_id 9999, b 'Beta' after task_id 5001 of project '7'")
    _schedules(plan)
