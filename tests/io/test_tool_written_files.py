"""MS Project XML as other tools write it (web Gantt tools, scripts, MPXJ-based exporters): fields MS Project always
writes may be missing, so the import falls back on what the file does say."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.io.common import InteropError

MINIMAL = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>Plan</Name><StartDate>2025-10-27T08:00:00</StartDate><FinishDate>2025-11-14T17:00:00</FinishDate>
  <Tasks>
    <Task><UID>1</UID><ID>1</ID><Name>Phase</Name><Start>2025-10-27T08:00:00</Start>
      <Finish>2025-11-14T17:00:00</Finish><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel>
      <Summary>1</Summary><Milestone>0</Milestone></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Charter</Name><Start>2025-10-27T08:00:00</Start>
      <Finish>2025-10-31T17:00:00</Finish><OutlineNumber>1.1</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Summary>0</Summary><Milestone>0</Milestone></Task>
    <Task><UID>3</UID><ID>3</ID><Name>Build</Name><Start>2025-11-03T08:00:00</Start>
      <Finish>2025-11-14T17:00:00</Finish><OutlineNumber>1.2</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Summary>0</Summary><Milestone>0</Milestone>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>4</UID><ID>4</ID><Name>Go live</Name><Start>2025-11-14T17:00:00</Start>
      <Finish>2025-11-14T17:00:00</Finish><OutlineNumber>1.3</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Summary>0</Summary><Milestone>1</Milestone>
      <PredecessorLink><PredecessorUID>3</PredecessorUID></PredecessorLink></Task>
  </Tasks>
</Project>
"""


def test_tasks_without_duration_take_it_from_their_dates(tmp_path: Path) -> None:
    """No <Duration>, no calendar: Charter Mon 27 - Fri 31 Oct is one working week, Build two; only the task
    flagged as a milestone is one (all three became 0-week milestones before)."""
    path = tmp_path / "web-tool.xml"
    path.write_text(MINIMAL, encoding="utf-8")
    plan, report = import_file(path)
    charter, build, live = plan.decisions
    assert [(d.duration, d.milestone) for d in plan.decisions] == [(1.0, False), (2.0, False), (0.0, True)]
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == 3.0  # Fri 14 Nov 17:00, where the file finishes
    text = report.text(limit=None)
    assert "have no Duration: it is the working time between their Start and Finish" in text
    assert "[schedule]" not in text


def test_holidays_of_the_project_calendar_are_reported(tmp_path: Path) -> None:
    """Fri 8 Jan 2027 is a holiday: A (Mon 4 - Mon 11 Jan, 5 working days) finishes a day later in the file than
    in the plan, which has no calendar; the report names the day and the finish of each."""
    from tests.io.test_mspdi import task, write

    exceptions = (
        "<Exceptions><Exception><TimePeriod><FromDate>2027-01-08T00:00:00</FromDate>"
        "<ToDate>2027-01-08T23:59:00</ToDate></TimePeriod><DayWorking>0</DayWorking></Exception>"
        "<Exception><TimePeriod><FromDate>2027-12-24T00:00:00</FromDate>"
        "<ToDate>2027-12-24T23:59:00</ToDate></TimePeriod><DayWorking>0</DayWorking></Exception>"
        "</Exceptions>"
    )
    path = write(
        tmp_path,
        [task(1, "A", 1, start="2027-01-04T08:00:00", finish="2027-01-11T17:00:00")],
        exceptions=exceptions,
    )
    plan, report = import_file(path)
    text = report.text(limit=None)
    # only the holiday inside the project counts (not 24 Dec)
    assert "1 non-working day of the project calendar (2027-01-08) is not carried" in text
    assert plan.decisions[0].duration == 1.0
    assert plan.extensions["import"]["source_finish_weeks"] == 1.0  # 5 working days: the holiday left out


@pytest.mark.parametrize(
    "body",
    [
        '<description/><view id="gantt-chart"/>',  # GanttProject 3.3: a new project has no <tasks> at all
        '<calendars/><tasks empty-milestones="true"><taskproperties/></tasks>',  # 3.2: an empty <tasks>
    ],
)
def test_a_ganttproject_file_without_tasks_is_an_empty_plan(tmp_path: Path, body: str) -> None:
    path = tmp_path / "new.gan"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<project name="Untitled Gantt Project" company="" '
        f'version="3.3.3312">{body}</project>',
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert plan.decisions == [] and plan.title == "Untitled Gantt Project"
    assert "the project has no tasks" in report.text(limit=None)


def test_an_xml_file_of_another_kind_named_gan_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "build.gan"
    path.write_text(
        '<project name="app" default="compile"><target name="compile"/></project>', encoding="utf-8"
    )
    with pytest.raises(InteropError, match="no <tasks> element"):
        import_file(path)


@pytest.mark.parametrize(
    "name,text,hint",
    [
        # P6 XML is read since session 17 (planner.io.primavera): one without a project says so
        ("p6.xml", "<APIBusinessObjects><ProjectList/></APIBusinessObjects>", "holds no project"),
        ("x.xml", '<project mrproject-version="2" name="x"><tasks/></project>', "it is a GNOME Planner file"),
        ("gp.xml", '<project name="x" version="3.0"><tasks/></project>', "import it with --format gan"),
        (
            "ms.gan",
            '<Project xmlns="http://schemas.microsoft.com/project"/>',
            "import it with --format mspdi",
        ),
    ],
)
def test_another_tools_xml_says_what_it_is_and_what_to_do(
    tmp_path: Path, name: str, text: str, hint: str
) -> None:
    path = tmp_path / name
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>' + text, encoding="utf-8")
    with pytest.raises(InteropError, match=hint):
        import_file(path)


def test_a_link_between_a_summary_and_its_own_task_is_dropped(tmp_path: Path) -> None:
    """MS Project refuses to link a summary with a task inside it; a file that has one anyway (written through an
    API) would make the summary's start/finish helpers a cycle, so the link is dropped and reported."""
    from tests.io.test_mspdi import link, task, write

    path = write(
        tmp_path,
        [
            task(1, "Phase", 1),
            task(2, "A", 2, links=link(1, code=0)),  # FF from its own summary
            task(3, "B", 2, links=link(2)),
            task(4, "After", 1, links=link(1)),  # an ordinary summary link stays
        ],
    )
    plan, report = import_file(path)
    r = analyze(plan)
    assert r.schedule is not None  # no cycle
    text = report.text(limit=None)
    assert "link 1 -> 2: a link between summary task 'Phase' and a task inside it; dropped" in text
    assert any(d.to == "after" for d in plan.dependencies)


def test_ganttproject_earliest_begin_is_a_not_before(tmp_path: Path) -> None:
    """GanttProject's "earliest begin" (thirdDate with thirdDate-constraint 1) holds a task back: Paint follows
    Walls (done Fri 6 Mar 2026) but may not begin before Wed 11 Mar (week 1.4), where the file has it."""
    path = tmp_path / "p.gan"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><project name="P" version="3.2"><tasks>'
        '<task id="1" name="Walls" meeting="false" start="2026-03-02" duration="5" complete="0">'
        '<depend id="2" type="2" difference="0" hardness="Strong"/></task>'
        '<task id="2" name="Paint" meeting="false" start="2026-03-11" duration="2" complete="0" '
        'thirdDate="2026-03-11" thirdDate-constraint="1"/>'
        '<task id="3" name="Tidy" meeting="false" start="2026-03-02" duration="1" complete="0" '
        'thirdDate="2026-01-01" thirdDate-constraint="0"/>'
        "</tasks></project>",
        encoding="utf-8",
    )
    plan, report = import_file(path)
    walls, paint, tidy = plan.decisions
    assert (paint.not_before, tidy.not_before) == (1.4, None)
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(1.8)
    assert "third-date" not in report.text(limit=None) and "[schedule]" not in report.text(limit=None)
