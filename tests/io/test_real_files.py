"""Files written by MS Project and GanttProject themselves (provenance in tests/io/data/README.md): counts of
decisions, milestones and links of each type, lags in weeks, and the finish the tool stored, in working time."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import Schedule, schedule
from planner.io import HELPER_TAG, import_file

DATA = Path(__file__).parent / "data"


def _analyzed(plan: Any) -> Schedule:
    """The schedule `planner analyze` shows: the remaining work under the recorded progress."""
    return schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))


def _counts(path: Path) -> tuple[Any, Any, list[Any]]:
    """The plan, its import report, and its decisions without the import helpers."""
    plan, report = import_file(path)
    return plan, report, [d for d in plan.decisions if HELPER_TAG not in d.tags]


def test_ms_project_2013_task_links() -> None:
    plan, report, real = _counts(DATA / "task-links-project2013-mspdi.xml")
    assert len(real) == 16 and not any(d.milestone for d in real)
    assert Counter(str(d.type) for d in plan.dependencies) == {"FS": 5, "SF": 1, "SS": 1, "FF": 1}
    lags = sorted(round(d.lag, 9) for d in plan.dependencies)
    assert lags == pytest.approx([0.0, 0.2, 0.4, 0.4, 0.4, 0.4, 1.0, 2.0], abs=1e-6)
    s = schedule(plan)
    stored = plan.extensions["import"]["source_finish_weeks"]
    assert stored == pytest.approx(
        2.4, abs=1e-9
    )  # 2014-11-03 17:00 is 12 working days after 2014-10-17 08:00
    assert s.finish == pytest.approx(stored, abs=0.01)
    assert plan.start_date.isoformat() == "2014-10-17"
    assert plan.currency == "GBP"
    # every successor starts where MS Project put it (its stored start, in working weeks)
    starts = {d.to: s.es[s.index[d.to]] for d in plan.dependencies}
    assert sorted(round(x, 6) for x in starts.values()) == [0.2, 0.2, 0.4, 0.4, 0.4, 0.6, 1.2, 2.2]
    assert not [i for i in report.items if i.kind not in ("guess",)]


def test_ganttproject_house_building_sample() -> None:
    plan, report, real = _counts(DATA / "HouseBuildingSample.gan")
    assert len(real) == 16
    assert sum(d.milestone for d in real) == 4
    helpers = [d for d in plan.decisions if HELPER_TAG in d.tags]
    assert len(helpers) == 6  # three linked summaries, a start and a finish milestone each
    # the 17 FS links of the file, plus SS start-helper -> child and FS child -> finish-helper for 12 children
    assert Counter(str(d.type) for d in plan.dependencies) == {"FS": 17 + 12, "SS": 12}
    assert len(plan.dependencies) == 17 + 2 * 12  # 17 links + two per child of a linked summary: linear
    assert all(d.lag == 0 for d in plan.dependencies)
    # as `planner analyze` schedules it: the remaining work under the recorded progress (two tasks done, three in
    # progress, no actual dates or status date in a .gan file)
    s = _analyzed(plan)
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(20.0)
    assert s.finish == pytest.approx(20.0, abs=0.01)
    assert s.es[s.index["bring-your-family-here"]] == pytest.approx(20.0)  # pushed by the summary link
    # done: at its stored dates (Mon 1 Feb to Mon 15 Feb 2021 = weeks 0-2); in progress (75 % of 3 weeks from
    # week 2): the remaining 0.75 weeks resume at week 4.25, where the file has the part done end
    draft = plan.decision("create-draft-of-architecture")
    assert (str(draft.status), draft.actual_start, draft.actual_finish) == (
        "done",
        dt.date(2021, 2, 1),
        dt.date(2021, 2, 15),
    )
    docs = plan.decision("prepare-construction-documents")
    assert (docs.progress, docs.actual_start, docs.not_before) == (75.0, None, pytest.approx(4.25))
    assert s.es[s.index[docs.id]] == pytest.approx(4.25) and s.ef[s.index[docs.id]] == pytest.approx(5.0)
    assert plan.decision("furniture").duration == pytest.approx(0.6)
    assert (plan.decision("pre-design").owner, plan.decision("pre-design").headcount) == (
        "jack-house",
        1.5,
    )
    # helper milestones take the earliest / latest stage inside their summary, so they add no stage inversions
    from planner.analysis import validate

    assert not [f for f in validate(plan) if f.code == "stage-inversion"]
    text = report.text(limit=None)
    assert "Rubber" in text and "vacations" in text and "rate of resource" in text


def test_ganttproject_2_1_house_building_sample() -> None:
    """The same sample as GanttProject 2.1 wrote it (file format 1.12): the old calendar layout, milestones that
    take a day (``meeting="true" duration="1"``), a holiday on Tue 14 Feb 2006, progress without dates."""
    plan, report, real = _counts(DATA / "HouseBuildingSample-gp2.1.gan")
    assert len(real) == 15 and sum(d.milestone for d in real) == 3
    assert all(d.duration == 0 for d in real if d.milestone)
    assert plan.start_date == dt.date(2006, 1, 9)
    # 16 links in the file plus two per child of the three linked summaries (9 children)
    assert len(plan.dependencies) == 16 + 2 * 9
    # a milestone's day is kept on the links from its finish, and work happens where the file has it: the stored
    # starts in working weeks (the holiday left out) are Foundation 5.2 (Wed 15 Feb, after the milestone's day
    # and the holiday), Roof 16.2 (Wed 3 May), "Construction completed" 18.2 and "Connect to communications"
    # 18.4 (Thu 18 May, a day after the milestone)
    s = _analyzed(plan)
    assert [
        s.es[s.index[k]] for k in ("foundation-building", "roof", "construction-completed")
    ] == pytest.approx([5.2, 16.2, 18.2])
    assert s.es[s.index["connect-to-communications"]] == pytest.approx(18.4)
    # the file finishes on Thu 1 Jun 2006 (20.6 working weeks with the holiday); the plan has no calendar, so it
    # finishes the holiday's day earlier, and the report says both
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(20.6)
    assert s.finish == pytest.approx(20.4, abs=0.01)
    text = report.text(limit=None)
    assert "1 holiday of the project calendar (2006-02-14) is not carried" in text
    assert "finishes at week 20.4 (1 Jun 2006), the file at week 20.6 (2 Jun 2006)" in text
    assert text.count("links from its finish get that time as lag") == 3


def test_mpxj_written_tasks_out_of_outline_order() -> None:
    """MSPDI written by MPXJ 16.10 through its API (tests/io/data/make_mpxj_files.py, seed 9) and scheduled by its
    MicrosoftScheduler: the tasks are listed in the order they were created, the hierarchy only in OutlineNumber
    (S0 is 1, T0 1.1, T1 1.2, T2 3, T3 1.3, ...). Read in file order, T2 became a summary of T3-T6 and the plan
    finished 0.6 weeks late; by outline number every task is under its own summary and the finish is the file's."""
    plan, report, real = _counts(DATA / "mpxj-api-out-of-outline-order.xml")
    assert not [d for d in plan.decisions if HELPER_TAG in d.tags]  # no links touch a summary
    under = {d.id: [t for t in d.tags if t in ("S0", "S1")] for d in real}
    assert under == {
        "t0": ["S0"], "t1": ["S0"], "t3": ["S0"], "t4": ["S0"], "t5": ["S1"], "t6": ["S1"], "t2": [],
    }  # fmt: skip
    assert plan.decision("t2").duration == pytest.approx(0.8)  # its own 4 days, not its "children"'s span
    s = _analyzed(plan)
    # FinishDate Thu 13 Feb 2025 17:00: 29 working days after Mon 6 Jan 08:00
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(5.8)
    assert s.finish == pytest.approx(5.8, abs=0.01)
    assert "read in the order of their outline numbers" in report.text(limit=None)
