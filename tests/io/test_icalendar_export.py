"""`planner export PLAN -o OUT.ics`: the roadmap as an iCalendar file (RFC 5545) for the calendars stakeholders read.
Hand-checked dates: the plan starts Monday 4 Jan 2027; a (2 weeks) then b (1.5 weeks) then the milestone m."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.cli import main
from planner.io.icalendar import _fold, export_ics
from planner.model import plan_from_dict, save_plan


def _plan(**extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "schema_version": 1,
        "title": "Roll-out, phase 1; pilot",
        "start_date": "2027-01-04",
        "stages": [{"id": "validate", "name": "Validate"}, {"id": "scale", "name": "Scale"}],
        "decisions": [
            {
                "id": "a",
                "title": "Agree the value case, metric; baseline",
                "stage": "validate",
                "duration": 2,
            },
            {
                "id": "b",
                "title": "Build the pilot",
                "stage": "validate",
                "duration": 1.5,
                "notes": "two\nlines",
            },
            {"id": "m", "title": "Pilot live", "stage": "scale", "milestone": True, "duration": 0},
        ],
        "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "m"}],
    }
    data.update(extra)
    return data


def _events(text: str) -> list[dict[str, str]]:
    """The VEVENTs of ``text``, each property by name (lines unfolded, parameters dropped from the name)."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    unfolded: list[str] = []
    for line in lines:
        assert len(line.encode("utf-8")) <= 75, line
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    events: list[dict[str, str]] = []
    for line in unfolded:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT" and "END:VEVENT" not in events[-1]:
            name, value = line.split(":", 1)
            events[-1][name.split(";")[0]] = value
    return events


def test_decisions_milestones_and_gates_on_their_days() -> None:
    plan = plan_from_dict(_plan())
    events = {
        e["UID"].split("@")[0]: e for e in _events(export_ics(plan, dt.datetime(2026, 12, 6, tzinfo=dt.UTC)))
    }
    # a: weeks 0-2, Mon 4 Jan to Mon 18 Jan (DTEND exclusive: the event covers 4-17 Jan)
    assert (events["a"]["DTSTART"], events["a"]["DTEND"]) == ("20270104", "20270118")
    # b: weeks 2-3.5; week 3.5 is 24.5 days, rounded half up to 25: Fri 29 Jan
    assert (events["b"]["DTSTART"], events["b"]["DTEND"]) == ("20270118", "20270129")
    # m: a milestone at week 3.5, an event on its day
    assert (events["m"]["DTSTART"], events["m"]["DTEND"]) == ("20270129", "20270130")
    assert "Milestone" in events["m"]["CATEGORIES"]
    # the gates under strict gates: Validate ends with b (week 3.5), Scale with m
    assert (events["stage:validate:gate"]["DTSTART"], events["stage:scale:gate"]["DTSTART"]) == (
        "20270129",
        "20270129",
    )
    # text values escaped: commas, semicolons and line breaks
    assert events["a"]["SUMMARY"] == "Agree the value case\\, metric\\; baseline"
    assert "two\\nlines" in events["b"]["DESCRIPTION"]
    assert all(e["DTSTAMP"] == "20261206T000000Z" for e in events.values())
    assert all(e["TRANSP"] == "TRANSPARENT" for e in events.values())


def test_the_cli_writes_it_and_a_plan_without_dates_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.plan.json"
    save_plan(plan_from_dict(_plan()), path)
    out = tmp_path / "p.ics"
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert "(iCalendar, 3 decisions, 2 dependencies)" in capsys.readouterr().err
    assert len(_events(out.read_bytes().decode("utf-8"))) == 3 + 2
    undated = tmp_path / "u.plan.json"
    save_plan(plan_from_dict(_plan(start_date=None)), undated)
    assert main(["export", str(undated), "-o", str(tmp_path / "u.ics")]) == 2
    err = capsys.readouterr().err
    assert "a calendar needs dates, and the plan has no start_date" in err and "Traceback" not in err
    assert not (tmp_path / "u.ics").exists()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_folding_keeps_every_character_and_75_octets(text: str) -> None:
    line = "SUMMARY:" + text.replace("\r", "").replace("\n", "")
    parts = _fold(line)
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line
    assert all(p.startswith(" ") for p in parts[1:])


def test_an_empty_plan_has_no_calendar_to_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """RFC 5545 wants at least one event in a calendar: a plan with no decisions is refused (exit 2), no file."""
    path = tmp_path / "e.plan.json"
    save_plan(plan_from_dict(_plan(decisions=[], dependencies=[])), path)
    assert main(["export", str(path), "-o", str(tmp_path / "e.ics")]) == 2
    assert "no event to put in a calendar" in capsys.readouterr().err
    assert not (tmp_path / "e.ics").exists()


def test_status_date_takes_yyyy_mm_dd_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--status-date as the plan file writes a date (date.fromisoformat alone also took 20270104 and 2027-W01-1)."""
    path = tmp_path / "p.plan.json"
    save_plan(plan_from_dict(_plan()), path)
    assert main(["analyze", str(path), "--status-date", "2027-W03-1"]) == 2
    assert "write a date as YYYY-MM-DD" in capsys.readouterr().err
    assert main(["analyze", str(path), "--status-date", "20270118"]) == 2  # read as weeks: too many
    assert "weeks must be between 0 and 10,000" in capsys.readouterr().err
    assert main(["analyze", str(path), "--status-date", "2027-01-18", "--format", "json"]) == 0
    assert '"status_week":2.0' in capsys.readouterr().out.replace(" ", "")
