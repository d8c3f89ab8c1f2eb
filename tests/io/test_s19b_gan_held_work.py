"""GanttProject export of work in progress whose remaining work is held past the status date (a not_before, a
predecessor). GanttProject has a start and a duration per task, no actual dates and no split, and the re-import
needs the planned duration (it checks it against the exact estimate's custom column). The bar keeps ending where the
planner finishes the work, so the finish in GanttProject is the planner's and the round trip of the planner's own
file reports no finish of its own; the part done it draws then runs past the status date, and the export notes say
so (they did not). Starting the bar where the part done began (planner.analysis.progress.part_done) would end it
weeks before the planner's finish (b below: week 6, not 10) and make the re-import report that the file's dates do
not follow from its links. Hand-checked plan; Monday-Friday weeks."""

from __future__ import annotations

import re
from pathlib import Path

from planner.analysis import analyze
from planner.io import export_file, export_notes, import_file
from planner.io.gan import export_gan
from planner.model import Plan
from tests.conftest import build_plan


def _held(status_date: str | None = "2027-02-01") -> Plan:
    """Start Mon 4 Jan 2027, status date Mon 1 Feb (week 4). b (4 w) 50 % done, not before week 8; p (6 w) not
    started, q (4 w) after p, 50 % done; r (2 w) 50 % done, nothing holds it. The planner: b's remaining 2 w 8-10,
    p 4-10, q's remaining 2 w 10-12, r's remaining 1 w 4-5."""
    return build_plan(
        [
            {"id": "b", "duration": 4, "status": "in_progress", "progress": 50, "not_before": 8},
            {"id": "p", "duration": 6},
            {"id": "q", "duration": 4, "status": "in_progress", "progress": 50},
            {"id": "r", "duration": 2, "status": "in_progress", "progress": 50},
        ],
        [("p", "q")],
        start_date="2027-01-04",
        status_date=status_date,
    )


def _bar(text: str, name: str) -> tuple[str, str, str]:
    m = re.search(
        rf'<task id="\d+" name="{name}"[^>]*start="([^"]+)" duration="(\d+)" complete="(\d+)"', text
    )
    assert m, name
    return m.group(1), m.group(2), m.group(3)


def test_held_work_ends_where_the_planner_finishes_it() -> None:
    text = export_gan(_held())
    # b: 4 weeks (20 days) ending at week 10, so from week 6 (Mon 15 Feb); q ending at week 12, from week 8 (Mon 1
    # Mar); r's remaining week starts at the status date, so its bar from week 3 (Mon 25 Jan) ends at week 5
    assert _bar(text, "B") == ("2027-02-15", "20", "50")
    assert _bar(text, "Q") == ("2027-03-01", "20", "50")
    assert _bar(text, "R") == ("2027-01-25", "10", "50")


def test_the_notes_say_the_part_done_of_held_work_is_drawn_after_the_status_date() -> None:
    notes = [n for n in export_notes(_held(), "gan") if "resume" in n]
    assert len(notes) == 1
    assert notes[0].startswith(
        "2 decisions in progress resume after a pause (a predecessor or a start-no-earlier date holds their "
        "remaining work past the status date): GanttProject has no split, so their bars end where the planner "
        "finishes them and their part done is drawn up to where the remaining work starts, after the status date"
    )
    # r alone (nothing holds it), or no status date: nothing to say
    lone = build_plan(
        [{"id": "r", "duration": 2, "status": "in_progress", "progress": 50}],
        start_date="2027-01-04",
        status_date="2027-02-01",
    )
    assert not [n for n in export_notes(lone, "gan") if "resume" in n]
    assert not [n for n in export_notes(_held(None), "gan") if "resume" in n]


def test_the_round_trip_gives_the_same_schedule_and_no_finish_of_its_own(tmp_path: Path) -> None:
    plan = _held()
    path = tmp_path / "held.gan"
    export_file(plan, path)
    back, report = import_file(path)
    a, b = analyze(plan).schedule, analyze(back).schedule
    assert a is not None and b is not None
    assert [back.decisions[i].id for i in range(len(back.decisions))] == ["b", "p", "q", "r"]
    assert b.es.tolist() == a.es.tolist() == [8.0, 4.0, 10.0, 4.0]
    assert b.ef.tolist() == a.ef.tolist() == [10.0, 10.0, 12.0, 5.0]
    assert not [i for i in report.items if i.kind == "schedule"]
