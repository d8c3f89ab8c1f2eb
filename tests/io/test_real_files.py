"""Files written by MS Project and GanttProject themselves (provenance in tests/io/data/README.md): counts of
decisions, milestones and links of each type, lags in weeks, and the finish the tool stored, in working time."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from planner.analysis.schedule import schedule
from planner.io import HELPER_TAG, import_file

DATA = Path(__file__).parent / "data"


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
    s = schedule(plan)
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(20.0)
    assert s.finish == pytest.approx(20.0, abs=0.01)
    assert s.es[s.index["bring-your-family-here"]] == pytest.approx(20.0)  # pushed by the summary link
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
