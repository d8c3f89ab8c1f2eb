"""MS Project XML import: units, outline, summary links, not_before, calendars; export -> import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis.schedule import schedule
from planner.io import HELPER_TAG, import_file
from planner.io.common import InteropError
from planner.io.mspdi import export_mspdi, import_mspdi, parse_pt_minutes

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>t</Name><StartDate>2027-01-04T08:00:00</StartDate>{extra}
  <MinutesPerDay>{mpd}</MinutesPerDay><MinutesPerWeek>{mpw}</MinutesPerWeek><CalendarUID>1</CalendarUID>
  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>
  {weekdays}
  </WeekDays>{exceptions}</Calendar></Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Project summary</Name><OutlineLevel>0</OutlineLevel></Task>
{tasks}
  </Tasks>
  {resources}
</Project>
"""
STANDARD_DAYS = "".join(
    f"<WeekDay><DayType>{d}</DayType><DayWorking>0</DayWorking></WeekDay>"
    if d in (1, 7)
    else f"<WeekDay><DayType>{d}</DayType><DayWorking>1</DayWorking><WorkingTimes>"
    "<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
    "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>"
    for d in range(1, 8)
)
ALL_DAY = "".join(
    f"<WeekDay><DayType>{d}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>00:00:00"
    "</FromTime><ToTime>00:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>"
    for d in range(1, 8)
)


def task(
    uid: int,
    name: str,
    level: int,
    duration: str = "PT40H0M0S",
    *,
    fmt: int = 7,
    start: str | None = None,
    finish: str | None = None,
    milestone: int = 0,
    links: str = "",
    extra: str = "",
) -> str:
    dates = (f"<Start>{start}</Start>" if start else "") + (f"<Finish>{finish}</Finish>" if finish else "")
    return (
        f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><IsNull>0</IsNull>"
        f"<OutlineLevel>{level}</OutlineLevel>{dates}<Duration>{duration}</Duration>"
        f"<DurationFormat>{fmt}</DurationFormat><Milestone>{milestone}</Milestone><Summary>0</Summary>"
        f"{extra}{links}</Task>"
    )


def link(pred: int, code: int = 1, lag: int = 0, fmt: int = 7) -> str:
    return (
        f"<PredecessorLink><PredecessorUID>{pred}</PredecessorUID><Type>{code}</Type>"
        f"<LinkLag>{lag}</LinkLag><LagFormat>{fmt}</LagFormat></PredecessorLink>"
    )


def write(
    tmp_path: Path,
    tasks: list[str],
    *,
    mpd: int = 480,
    mpw: int = 2400,
    weekdays: str = STANDARD_DAYS,
    exceptions: str = "",
    resources: str = "",
    extra: str = "",
) -> Path:
    path = tmp_path / "p.xml"
    path.write_text(
        HEAD.format(
            mpd=mpd,
            mpw=mpw,
            weekdays=weekdays,
            exceptions=exceptions,
            tasks="\n".join(tasks),
            resources=resources,
            extra=extra,
        ),
        encoding="utf-8",
    )
    return path


def test_pt_durations() -> None:
    assert parse_pt_minutes("PT8H0M0S") == 480
    assert parse_pt_minutes("PT1H30M30S") == 90.5
    assert parse_pt_minutes("P1DT2H") == 1440 + 120
    with pytest.raises(ValueError):
        parse_pt_minutes("8 hours")


def test_link_types_and_lags_in_tenths_of_minutes(tmp_path: Path) -> None:
    # LinkLag 4800 tenths = 480 minutes = one 8-hour day = 0.2 of a 2400-minute week; -9600 = -0.4 weeks
    path = write(
        tmp_path,
        [
            task(1, "A", 1),
            task(2, "B", 1, links=link(1, 0, 4800)),  # FF +1 day
            task(3, "C", 1, links=link(1, 1, -9600)),  # FS -2 days
            task(4, "D", 1, links=link(1, 2, 0)),  # SF
            task(5, "E", 1, links=link(1, 3, 24000)),  # SS +1 week
        ],
    )
    plan, _ = import_mspdi(path)
    got = {(d.from_, d.to): (str(d.type), round(d.lag, 9)) for d in plan.dependencies}
    assert got == {
        ("a", "b"): ("FF", 0.2),
        ("a", "c"): ("FS", -0.4),
        ("a", "d"): ("SF", 0.0),
        ("a", "e"): ("SS", 1.0),
    }


def test_elapsed_and_percent_lags_and_durations(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            task(1, "A", 1, "PT80H0M0S"),  # 80 working hours = 2 weeks
            task(2, "B", 1, "PT168H0M0S", fmt=8, links=link(1, 1, 100800, fmt=8)),  # 7 edays; lag 1 eweek
            task(3, "C", 1, links=link(1, 1, 50, fmt=19)),  # 50 % of A's 2 weeks
        ],
    )
    plan, _ = import_mspdi(path)
    b = plan.decision("b")
    assert b is not None and b.duration == pytest.approx(1.0)  # 168 h of calendar time is one week
    lags = {d.to: d.lag for d in plan.dependencies}
    assert lags["b"] == pytest.approx(1.0)
    assert lags["c"] == pytest.approx(1.0)


def test_minutes_per_week_of_the_source_24_hour_calendar(tmp_path: Path) -> None:
    # A 24-hour calendar: a day is 1440 working minutes and a week 10080, so 24 hours is one day, not three.
    path = write(
        tmp_path,
        [task(1, "A", 1, "PT24H0M0S", start="2027-01-04T00:00:00", finish="2027-01-05T00:00:00")],
        mpd=1440,
        mpw=10080,
        weekdays=ALL_DAY,
    )
    plan, report = import_mspdi(path)
    assert plan.decisions[0].duration == pytest.approx(1 / 7)
    assert not [i for i in report.items if i.kind == "duration"]


def test_outline_blank_rows_project_summary_and_milestones(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            task(1, "Validate", 1),
            task(2, "A", 2),
            "<Task><UID>9</UID><ID>3</ID><IsNull>1</IsNull></Task>",
            task(3, "Gate", 2, "PT0H0M0S"),  # zero duration: a milestone even without the flag
            task(4, "Flagged", 2, "PT0H0M0S", milestone=1),
            task(5, "Phase two", 1),
            task(6, "B", 2),
        ],
    )
    plan, report = import_mspdi(path)
    assert [d.id for d in plan.decisions] == ["a", "gate", "flagged", "b"]
    assert [d.milestone for d in plan.decisions] == [False, True, True, False]
    assert plan.decision("a").stage == "validate"
    assert "Phase two" in plan.decision("b").tags
    assert report.counts["summaries"] == 2


def test_summary_links_become_two_helpers_and_keep_the_schedule(tmp_path: Path) -> None:
    # S1 (A 1 week, B 2 weeks in parallel) -> S2 (C, D, E each 1 week): MS Project starts C, D and E at week 2.
    path = write(
        tmp_path,
        [
            task(1, "S1", 1),
            task(2, "A", 2, "PT40H0M0S"),
            task(3, "B", 2, "PT80H0M0S"),
            task(4, "S2", 1, links=link(1, 1, 0)),
            task(5, "C", 2),
            task(6, "D", 2),
            task(7, "E", 2),
        ],
    )
    plan, report = import_mspdi(path)
    helpers = [d for d in plan.decisions if HELPER_TAG in d.tags]
    assert len(helpers) == 4 and all(d.milestone for d in helpers)
    # linear: one link per summary-child edge each way (2 x 5) plus the original link
    assert len(plan.dependencies) == 11
    s = schedule(plan)
    for did in ("c", "d", "e"):
        assert s.es[s.index[did]] == pytest.approx(2.0)
    assert s.finish == pytest.approx(3.0)
    assert report.counts["helpers"] == 4


def test_not_before_from_stored_starts_in_working_time_with_holidays(tmp_path: Path) -> None:
    # Start Mon 4 Jan 2027; Fri 8 Jan is a holiday; a task stored to start Tue 12 Jan 08:00 is 5 working days in.
    exceptions = (
        "<Exceptions><Exception><TimePeriod><FromDate>2027-01-08T00:00:00</FromDate>"
        "<ToDate>2027-01-08T23:59:00</ToDate></TimePeriod><DayWorking>0</DayWorking></Exception>"
        "</Exceptions>"
    )
    path = write(
        tmp_path,
        [
            task(1, "Free", 1, start="2027-01-12T08:00:00", finish="2027-01-18T17:00:00"),
            task(2, "Linked", 1, start="2027-01-19T08:00:00", links=link(1)),
            task(
                3,
                "Snet",
                1,
                start="2027-01-04T13:00:00",
                extra="<ConstraintType>4</ConstraintType><ConstraintDate>2027-01-04T13:00:00</ConstraintDate>",
            ),
        ],
        exceptions=exceptions,
    )
    plan, _ = import_mspdi(path)
    assert plan.decision("free").not_before == pytest.approx(1.0)
    assert plan.decision("linked").not_before is None
    assert plan.decision("snet").not_before == pytest.approx(0.1)  # 4 of 40 hours
    assert plan.start_date == dt.date(2027, 1, 4)


def test_resources_become_teams_and_units_headcount(tmp_path: Path) -> None:
    resources = (
        "<Resources><Resource><UID>1</UID><Name>Platform team</Name><Type>1</Type><MaxUnits>3</MaxUnits>"
        "</Resource><Resource><UID>2</UID><Name>Steel</Name><Type>0</Type></Resource></Resources>"
        "<Assignments><Assignment><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>2</Units>"
        "</Assignment></Assignments>"
    )
    path = write(tmp_path, [task(1, "A", 1)], resources=resources)
    plan, report = import_mspdi(path)
    assert [(t.id, t.name, t.capacity) for t in plan.teams] == [("platform-team", "Platform team", 3.0)]
    assert (plan.decisions[0].owner, plan.decisions[0].headcount) == ("platform-team", 2.0)
    assert any("material" in i.message for i in report.items)


def test_report_lists_constraints_and_contradicting_durations(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            task(1, "A", 1, start="2027-01-04T08:00:00", finish="2027-01-05T17:00:00"),  # 2 days, says 1 week
            task(
                2,
                "B",
                1,
                extra="<ConstraintType>2</ConstraintType><ConstraintDate>2027-02-01T08:00:00"
                "</ConstraintDate>",
            ),
        ],
    )
    _, report = import_mspdi(path)
    kinds = {i.kind for i in report.items}
    assert {"duration", "constraint"} <= kinds
    assert "must start on" in report.text()


def test_export_then_import_returns_the_plan(tmp_path: Path) -> None:
    from planner.model import load_plan
    from tests.conftest import REPO_ROOT

    plan = load_plan(REPO_ROOT / "sample_plans" / "fraud-detection.plan.json")
    path = tmp_path / "x.xml"
    path.write_text(export_mspdi(plan), encoding="utf-8")
    back, report = import_file(path)
    assert [d.id for d in back.decisions] == [d.id for d in plan.decisions]
    assert schedule(back).finish == pytest.approx(schedule(plan).finish, abs=1e-6)
    assert not report.items


@pytest.mark.parametrize(
    "payload",
    [
        '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        "<Project><Name>&xxe;</Name></Project>",
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><Project><Name>&lol3;</Name></Project>',
    ],
)
@pytest.mark.parametrize("suffix", [".xml", ".gan"])
def test_xxe_and_billion_laughs_are_refused(tmp_path: Path, payload: str, suffix: str) -> None:
    path = tmp_path / f"evil{suffix}"
    path.write_text(payload.replace("Project", "project") if suffix == ".gan" else payload, encoding="utf-8")
    with pytest.raises(InteropError, match="refused: the XML declares a DTD or entities"):
        import_file(path)


def test_unreadable_files_give_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<Project><Tasks>", encoding="utf-8")
    with pytest.raises(InteropError, match="not well-formed XML"):
        import_file(bad)
    other = tmp_path / "other.xml"
    other.write_text("<html/>", encoding="utf-8")
    with pytest.raises(InteropError, match="not an MS Project XML file"):
        import_file(other)


def test_file_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.io.common as common

    path = write(tmp_path, [task(1, "A", 1)])
    monkeypatch.setattr(common, "MAX_IMPORT_BYTES", 100)
    monkeypatch.setattr(common.read_limited, "__defaults__", (100,))
    with pytest.raises(InteropError, match="more than the"):
        import_file(path)


def test_hostile_values_are_clear_errors_or_dropped(tmp_path: Path) -> None:
    resources = (
        "<Resources><Resource><UID>1</UID><Name>Team</Name><Type>1</Type><MaxUnits>-2</MaxUnits>"
        "</Resource></Resources>"
    )
    path = write(
        tmp_path,
        [
            task(
                1, "A" * 400, 1, "PT-5H0M0S", extra="<Cost>-100</Cost><PercentComplete>250</PercentComplete>"
            ),
            task(
                2,
                "",
                1,
                "garbage",
                links=link(1, 9, 0) + "<PredecessorLink><PredecessorUID>77</PredecessorUID>"
                "</PredecessorLink><PredecessorLink><PredecessorUID>1</PredecessorUID><LinkLag>x</LinkLag>"
                "</PredecessorLink>",
            ),
        ],
        resources=resources,
    )
    plan, report = import_mspdi(path)
    a, b = plan.decisions
    assert len(a.title) == 300 and a.cost is None and a.progress == 100 and a.duration == 0
    assert b.title == "Task 2" and plan.teams[0].capacity is None
    text = report.text(limit=None)
    assert "unreadable duration" in text and "unknown link type 9" in text and "unreadable lag" in text
    assert "not in the file" in text


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cells=st.lists(st.text(max_size=12), min_size=1, max_size=8))
def test_any_csv_row_imports_or_fails_with_one_clear_line(tmp_path: Path, cells: list[str]) -> None:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(
        ["title", "likely", "optimistic", "pessimistic", "depends_on", "status", "progress", "stage"]
    )
    writer.writerow(cells)
    path = tmp_path / "fuzz.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        import_file(path)
    except InteropError as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)


def test_started_work_and_other_constraints_keep_ms_projects_dates(tmp_path: Path) -> None:
    # B follows A (1 week) but started late, on Wed of week 2; C must start on Mon of week 3; D must finish
    # on Fri of week 3 (so it starts 2 weeks before); E has a levelling delay. All keep MS Project's dates.
    path = write(
        tmp_path,
        [
            task(1, "A", 1),
            task(
                2,
                "B",
                1,
                start="2027-01-13T08:00:00",
                links=link(1),
                extra="<ActualStart>2027-01-13T08:00:00</ActualStart>",
            ),
            task(
                3,
                "C",
                1,
                extra="<ConstraintType>2</ConstraintType><ConstraintDate>2027-01-18T08:00:00"
                "</ConstraintDate>",
            ),
            task(
                4,
                "D",
                1,
                "PT80H0M0S",
                extra="<ConstraintType>3</ConstraintType><ConstraintDate>2027-01-22T17:00:00"
                "</ConstraintDate>",
            ),
            task(
                5,
                "E",
                1,
                start="2027-01-06T08:00:00",
                links=link(1, 3),
                extra="<LevelingDelay>4800</LevelingDelay>",
            ),
        ],
    )
    plan, report = import_mspdi(path)
    nb = {d.id: d.not_before for d in plan.decisions}
    assert nb["b"] == pytest.approx(1.4) and nb["c"] == pytest.approx(2.0) and nb["d"] == pytest.approx(1.0)
    assert nb["e"] == pytest.approx(0.4)
    text = report.text(limit=None)
    assert "'must start on' constraint carried as an earliest start" in text and "levelling delay" in text


def test_mapping_top_level_summaries_to_stage_and_area(tmp_path: Path) -> None:
    from planner.io import Mapping

    path = write(tmp_path, [task(1, "Validate", 1), task(2, "A", 2), task(3, "Rollout", 1), task(4, "B", 2)])
    # an area chosen for "Validate" keeps the stage its name gives; "Rollout" gets both from the mapping
    plan, report = import_file(path, mapping=Mapping({"1": (None, "data"), "3": ("scale", "governance")}))
    a, b = plan.decision("a"), plan.decision("b")
    assert (a.stage, a.area, b.stage, b.area) == ("validate", "data", "scale", "governance")
    assert not any(t in a.tags + b.tags for t in ("stage-guessed", "area-guessed", "Rollout"))
    assert not [i for i in report.items if i.kind == "guess"]
