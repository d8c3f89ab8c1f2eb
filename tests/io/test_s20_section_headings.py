"""A plan typed in a spreadsheet with section headings as rows ("Validate", "Phase 2: Integration": a name and no
field of a task): summary rows over the tasks under them, not 1-week decisions. Before session 20 each heading was a
decision of 1 week (the default) and every task sat in Validate whatever heading it was under."""

from __future__ import annotations

from pathlib import Path

from planner.analysis import analyze
from planner.io import import_file

PLAN = (
    "Task,Duration,Owner,Predecessors\n"
    "Validate,,,\n"
    "Business case,2w,Strategy,\n"
    "Data audit,1w,Data,\n"
    "Integrate,,,\n"
    "API layer,3w,Eng,2\n"
    "Pilot go-live,0,,5\n"
)


def test_s20_headings_named_for_stages_place_their_tasks(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(PLAN, encoding="utf-8")
    plan, report = import_file(path)
    assert [(d.id, d.stage) for d in plan.decisions] == [
        ("business-case", "validate"),
        ("data-audit", "validate"),
        ("api-layer", "integrate"),
        ("pilot-go-live", "integrate"),
    ]
    # row numbers count every row of the file, headings too: 2 is Business case, 5 is API layer
    assert {(x.from_, x.to) for x in plan.dependencies} == {
        ("business-case", "api-layer"),
        ("api-layer", "pilot-go-live"),
    }
    assert "2 rows with a name and no field of a task are section headings" in report.text(limit=None)
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == 5.0  # 2 weeks, then 3 weeks, then the milestone


def test_s20_other_headings_are_tags_and_a_trailing_name_stays_a_task(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "Task,Start,Finish\n"
        "Phase 1: Discovery,,\n"
        "Interviews,2027-03-01,2027-03-05\n"
        "Synthesis,2027-03-08,2027-03-10\n"
        "Phase 2: Build,,\n"
        "Prototype,2027-03-08,2027-03-19\n"
        "Test,2027-03-22,2027-03-26\n"
        "Write the retro,,\n",
        encoding="utf-8",
    )
    plan, _ = import_file(path)
    by_title = {d.title: d for d in plan.decisions}
    # the last bare row has no task under it: a task of a week, as before
    assert set(by_title) == {"Interviews", "Synthesis", "Prototype", "Test", "Write the retro"}
    assert "Phase 1: Discovery" in by_title["Interviews"].tags
    assert "Phase 2: Build" in by_title["Prototype"].tags


def test_s20_a_tracker_of_undated_tasks_keeps_every_row(tmp_path: Path) -> None:
    """Most rows have nothing but a name (a tracker's backlog): no row is a heading."""
    path = tmp_path / "backlog.csv"
    path.write_text("Name,Due Date\nTriage,\nLabel data,\nShip,2027-04-01\nRetro,\n", encoding="utf-8")
    plan, report = import_file(path)
    assert [d.title for d in plan.decisions] == ["Triage", "Label data", "Ship", "Retro"]
    assert "section heading" not in report.text(limit=None)


def test_s20_a_row_without_a_stage_follows_the_work_it_is_linked_with(tmp_path: Path) -> None:
    """Go live waits for API layer, which its Integrate section places: it is not left in Validate (a stage
    inversion `planner check` warned of, for a stage the file never gave it)."""
    path = tmp_path / "plan.csv"
    path.write_text(
        "Task,Duration,Predecessors\nValidate,,\n  Business case,2w,\nIntegrate,,\n  API layer,3w,2\nGo live,0,4\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert {d.id: d.stage for d in plan.decisions}["go-live"] == "integrate"
    assert "line 6: no stage; put in Integrate, the stage of the work it is linked with" in report.text(
        limit=None
    )
    assert not [f for f in analyze(plan).findings if f.code == "stage-inversion"]


def test_s20_calendar_day_durations_place_rows_in_calendar_days(tmp_path: Path) -> None:
    """A 7, B 14, C 3 calendar days, one after the other from Mon 1 Mar 2027: C ends Thu 25 Mar, 24 days on, where
    the file has it (positions in working days put the file's finish at 28 Mar and reported a difference)."""
    path = tmp_path / "plan.csv"
    path.write_text(
        "Task,Duration,Start,Finish,Predecessors\nA,7,2027-03-01,2027-03-08,\nB,14,2027-03-08,2027-03-22,1\n"
        "C,3,2027-03-22,2027-03-25,2\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == 24 / 7
    text = report.text(limit=None)
    assert "calendar days, not weeks" in text and "[schedule]" not in text


def test_s20_a_milestone_row_with_a_duration_is_reported(tmp_path: Path) -> None:
    """A row marked a milestone with 1w in its duration: a milestone (0 weeks), said in the report (it was set to 0
    without a word; found by H-review20)."""
    path = tmp_path / "plan.csv"
    path.write_text("title,duration,milestone\nA,1w,yes\nB,2,no\nC,,yes\n", encoding="utf-8")
    plan, report = import_file(path)
    assert [(d.title, d.milestone, d.duration) for d in plan.decisions] == [
        ("A", True, 0.0),
        ("B", False, 2.0),
        ("C", True, 0.0),
    ]
    assert (
        "1 row marked as a milestone has a duration: read as a milestone (a moment, 0 weeks), line 2 'A' (1 week)"
        in report.text(limit=None)
    )


def test_s20_phase_and_workstream_columns_are_stage_and_area(tmp_path: Path) -> None:
    """A consultant's roadmap sheet: 'Phase' is the stage, 'Workstream' the area (both were ignored: every row sat
    in Validate, in the area 'Imported')."""
    path = tmp_path / "roadmap.csv"
    path.write_text(
        "Task,Phase,Workstream,Duration\nBusiness case,Validate,Strategy,2w\nData audit,Validate,Data,1w\n"
        "API layer,Integrate,Platform,3w\n",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [(d.title, d.stage) for d in plan.decisions] == [
        ("Business case", "validate"),
        ("Data audit", "validate"),
        ("API layer", "integrate"),
    ]
    names = {a.id: a.name for a in plan.areas}
    assert [names.get(d.area or "") for d in plan.decisions] == ["Strategy", "Data", "Platform"]
    assert "not a plan field" not in report.text(limit=None)
