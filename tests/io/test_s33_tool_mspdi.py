"""MS Project XML written by tools that are not MS Project (tests/io/data/s33/summary-progress-mspdi.xml, the layout
README.md there describes): no namespace, no SaveVersion or calendars, a project summary (UID 0) and summaries with
PT0H0M0S durations and a % complete of their own that no task under them records, a link between summaries, a
lag of 4800 tenths of a minute in days, an elapsed duration, a milestone with a duration, an ExtendedAttribute.
Read as a person reads it; MPXJ reads the same durations, links and lags (checked when it is installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file

DATA = Path(__file__).parent / "data" / "s33"
FILE = DATA / "summary-progress-mspdi.xml"


def test_s33_a_tools_mspdi_reads_as_its_tasks_say() -> None:
    plan, report = import_file(FILE)
    work = {d.title: d for d in plan.decisions if "import-helper" not in d.tags}
    assert list(work) == ["Extract", "Clean", "Train", "Review", "Go live"]
    assert [round(work[t].weeks(), 3) for t in work] == [1.0, 1.0, 2.0, 0.8, 0.0]
    assert work["Go live"].milestone
    title = {d.id: d.title for d in plan.decisions}
    links = sorted((title[d.from_], title[d.to], d.type.value, round(d.lag, 3)) for d in plan.dependencies)
    assert ("Train", "Review", "FS", 0.2) in links  # LinkLag 4800 = 480 minutes = 1 day
    assert ("Data (finish)", "Model (start)", "FS", 0.0) in links  # the summaries' own link
    # nothing in the file is done or under way but the summaries' own figures: no decision records progress
    assert all(d.progress == 0 and str(d.status) == "not_started" for d in plan.decisions)
    lines = [i.text() for i in report.items]
    assert (
        "1 summary task has a % complete that no task under it records ('Data' 60%): not carried, the plan's "
        "progress is its tasks' own; set it on the tasks that are done or under way" in lines
    )
    assert any(
        x.startswith("the project summary task has a % complete (30%) that no task records") for x in lines
    )
    assert any("an elapsed duration (4 calendar days)" in x for x in lines)
    assert any("a milestone with a duration of 1 week" in x for x in lines)
    assert analyze(plan).schedule is not None


def test_s33_a_summarys_percent_over_its_own_tasks_progress_is_not_said(tmp_path: Path) -> None:
    """When a task under the summary records progress, the summary's figure is MS Project's roll-up: not said."""
    text = FILE.read_text(encoding="utf-8").replace(
        "<Name>Extract</Name>", "<Name>Extract</Name><PercentComplete>100</PercentComplete>"
    )
    path = tmp_path / "rolled-up.xml"
    path.write_text(text, encoding="utf-8")
    plan, report = import_file(path)
    assert next(d for d in plan.decisions if d.title == "Extract").progress == 100
    assert not any("% complete that no task" in i.text() for i in report.items)


MPXJ_READ = """
import sys, jpype, mpxj
jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader
p = UniversalProjectReader().read(sys.argv[1])
for t in p.getTasks():
    if not t.getSummary():
        lags = [str(r.getLag()) for r in t.getPredecessors()]
        print(t.getName(), t.getDuration(), t.getMilestone(), ",".join(lags), sep="|")
"""


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to read the file with MPXJ",
)
def test_s33_mpxj_reads_the_same_durations_and_lags() -> None:
    out = subprocess.run(
        [os.environ.get("MPXJ_PYTHON", sys.executable), "-c", MPXJ_READ, str(FILE)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    rows = [line.split("|") for line in out if line.count("|") == 3]
    assert rows == [
        ["Extract", "5.0d", "False", ""],
        ["Clean", "5.0d", "False", "0.0d"],
        ["Train", "10.0d", "False", ""],
        ["Review", "4.0ed", "False", "1.0d"],
        ["Go live", "5.0d", "True", "0.0d"],
    ]


def test_s33_zero_durations_beside_dates_apart_read_as_the_dates_draw_them(tmp_path: Path) -> None:
    """A tool that keeps no durations writes PT0H0M0S on every task beside its Start and Finish: each task became a
    milestone, the plan finishing at week 0 against the file's week 4, with only 'the file's own dates do not follow
    from its durations'. A task without the Milestone flag lasts as its dates draw it, said in one line; the
    milestone (Start = Finish) stays one."""
    text = (DATA / "day-durations-mspdi.xml").read_text(encoding="utf-8")
    for written in ("P10D", "P5DT0H0M0S", "P3DT8H"):
        text = text.replace(f"<Duration>{written}</Duration>", "<Duration>PT0H0M0S</Duration>")
    path = tmp_path / "zero.xml"
    path.write_text(text, encoding="utf-8")
    plan, report = import_file(path)
    assert [(d.title, round(d.weeks(), 3), d.milestone) for d in plan.decisions] == [
        ("Security questionnaire", 2.0, False),
        ("Contract review", 1.0, False),
        ("Pilot integration", 2.0, False),
        ("Vendor approved", 0.0, True),
    ]
    assert (
        "3 tasks have a Duration of 0 (PT0H0M0S) and no Milestone flag, their Start and Finish apart ('Security "
        "questionnaire', 'Contract review', 'Pilot integration'): read as the working time between them, as the "
        "file draws them" in [i.text() for i in report.items]
    )
    result = analyze(plan)
    assert result.schedule is not None and result.schedule.finish == pytest.approx(4.0)


def test_s33_a_link_to_the_project_summary_is_said_for_what_it_is(tmp_path: Path) -> None:
    """A generator linked a task after the project summary task (UID 0): the line said 'a link to an item not in
    the file', of a task the file holds. It is said as a link to the whole project, left out."""
    text = FILE.read_text(encoding="utf-8").replace(
        "<Name>Extract</Name><OutlineLevel>2</OutlineLevel>",
        "<Name>Extract</Name><OutlineLevel>2</OutlineLevel>"
        "<PredecessorLink><PredecessorUID>0</PredecessorUID><Type>1</Type></PredecessorLink>",
    )
    path = tmp_path / "uid0.xml"
    path.write_text(text, encoding="utf-8")
    plan, report = import_file(path)
    lines = [i.text() for i in report.items]
    assert (
        "1 link to or from the project summary task (the whole project) is left out: it is no task to wait for "
        "(task 2 'Extract')" in lines
    )
    assert not any("not in the file" in x for x in lines)
    assert analyze(plan).schedule is not None
