"""Real files written by other tools (session 34): each imported and checked against what the file itself says,
figures worked out by hand from the file and, where noted, read the same by MPXJ 16.10 (an independent reader).
Provenance and licences: tests/io/data/real/README.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis.graph import compile_plan
from planner.analysis.progress import apply_progress
from planner.analysis.schedule import Schedule, schedule
from planner.io import export_notes, export_text, import_file
from planner.model import Plan

REAL = Path(__file__).parent / "data" / "real"


def _schedule(plan: Plan) -> Schedule:
    return schedule(plan, "likely", apply_progress(plan, compile_plan(plan, "likely")))


def _links(plan: Plan) -> set[tuple[str, str, str, float]]:
    return {(d.from_, d.to, str(d.type), round(d.lag, 6)) for d in plan.dependencies}


# --- GanttProject 3.3 (3.3.3312), from blyoa/ts-ganttproject-parser's test data (MIT) -------------------------------


def test_s34_gan_four_link_types_rubber_and_negative_lag() -> None:
    """task-with-dependencies.gan: five tasks on a Monday-Friday week with a holiday on Wed 3 Jan 2024; A -SS-> B,
    B -FS (Rubber)-> C, C -FF -1 day-> D, D -SF-> E (``<depend>`` sits in the predecessor; type 1 SS, 2 FS, 3 FF,
    4 SF). E on Tue 2 Jan is the first day; C ends Mon 8 Jan, the file's last day: 4 working days (0.8 weeks) with
    the holiday left out. MPXJ reads the same links, lags and dates."""
    plan, report = import_file(REAL / "gp3.3-task-with-dependencies.gan")
    assert [d.title for d in plan.decisions] == ["task A", "task B", "task C", "task D", "task E"]
    assert [d.duration for d in plan.decisions] == pytest.approx([0.4, 0.2, 0.4, 0.4, 0.2])
    assert not any(d.milestone for d in plan.decisions)
    assert _links(plan) == {
        ("task-a", "task-b", "SS", 0.0),
        ("task-b", "task-c", "FS", 0.0),
        ("task-c", "task-d", "FF", -0.2),
        ("task-d", "task-e", "SF", 0.0),
    }
    assert plan.start_date == dt.date(2024, 1, 2)
    s = _schedule(plan)
    # Thu 4 Jan is one working day after Tue 2 (Wed 3 is the holiday): A and B start there, C on Fri 5
    assert s.es[s.index["task-a"]] == pytest.approx(0.2)
    assert s.es[s.index["task-b"]] == pytest.approx(0.2)
    assert s.es[s.index["task-c"]] == pytest.approx(0.4)
    assert s.es[s.index["task-e"]] == pytest.approx(0.0)
    assert s.finish == pytest.approx(0.8)
    assert plan.extensions["import"]["source_finish_weeks"] == pytest.approx(0.8)
    messages = [i.message for i in report.items]
    assert any("'Rubber' link" in m for m in messages)
    assert any("2024-01-03" in m for m in messages if "holiday" in m)


def test_s34_gan_baseline_of_a_subtask() -> None:
    """baseline-with-subtasks.gan: summary 'task A' over 'task Aa' (2 days from Mon 1 Jan 2024), baseline 'baseline
    A' with both on Thu 4 Jan (2 working days after Mon 1 with Wed 3 a holiday): the baseline's decision runs
    0.4-0.8 weeks, the summary is structure (a tag), not a decision."""
    plan, report = import_file(REAL / "gp3.3-baseline-with-subtasks.gan")
    (task,) = plan.decisions
    assert task.title == "task Aa" and task.duration == pytest.approx(0.4)
    assert "task A" in task.tags
    (baseline,) = plan.baselines
    assert baseline.name == "baseline A"
    assert set(baseline.decisions) == {task.id}
    assert baseline.decisions[task.id].start == pytest.approx(0.4)
    assert baseline.decisions[task.id].finish == pytest.approx(0.8)
    assert _schedule(plan).finish == pytest.approx(0.4)
    assert any("baseline A" in i.message for i in report.items if i.kind == "baseline")


def test_s34_gan_progress_without_dates() -> None:
    """task-with-completion-percentage.gan: one task of 2 days (Thu 4 - Fri 5 Jan 2024) at 64 %: in progress, and
    it finishes where the file has it (the plan has no status date)."""
    plan, _ = import_file(REAL / "gp3.3-task-with-completion-percentage.gan")
    (task,) = plan.decisions
    assert task.progress == pytest.approx(64)
    assert task.status == "in_progress"
    assert task.duration == pytest.approx(0.4)
    assert _schedule(plan).finish == pytest.approx(0.4)


def test_s34_gan_coordinator_is_the_owner() -> None:
    """task-with-coordinator-assignee.gan: John Doe (the coordinator, ``responsible="true"``) and Jane Doe on one task,
    each at 50 %: the owner is John, the headcount 1, and the report says the coordinator was taken."""
    plan, report = import_file(REAL / "gp3.3-task-with-coordinator-assignee.gan")
    (task,) = plan.decisions
    assert [t.name for t in plan.teams] == ["John Doe", "Jane Doe"]
    assert task.owner == "john-doe"
    assert task.headcount == pytest.approx(1.0)
    (item,) = [i for i in report.items if i.kind == "resource"]
    assert "the owner is the coordinator" in item.message


@pytest.mark.parametrize(
    ("john", "jane"),
    [
        # the coordinator listed second, at the same load: it was the first listed
        ('responsible="false" load="50.0"', 'responsible="true" load="50.0"'),
        # the coordinator with the smaller load: it was the one with the most units
        ('responsible="false" load="100.0"', 'responsible="true" load="50.0"'),
    ],
)
def test_s34_gan_coordinator_wins_over_order_and_units(tmp_path: Path, john: str, jane: str) -> None:
    """GanttProject names the task's coordinator; the import took the resource with the most units (the first on a
    tie) and lost it. The same real file with the coordinator moved to Jane Doe."""
    text = (REAL / "gp3.3-task-with-coordinator-assignee.gan").read_text(encoding="utf-8")
    text = text.replace(
        'resource-id="1" function="Default:1" responsible="true" load="50.0"', f'resource-id="1" {john}'
    )
    text = text.replace(
        'resource-id="2" function="Default:0" responsible="false" load="50.0"', f'resource-id="2" {jane}'
    )
    changed = tmp_path / "coordinator-jane.gan"
    changed.write_text(text, encoding="utf-8")
    plan, _ = import_file(changed)
    (task,) = plan.decisions
    assert task.owner == "jane-doe"


def test_s34_gan_holiday_inside_a_task_is_reported() -> None:
    """task-crossing-one-off-holiday.gan: one task of 2 days from Tue 2 Jan 2024 across the holiday Wed 3 Jan, so it
    ends Thu 4 Jan (MPXJ: 2024-01-04 17:00). The plan has no calendar: the holiday was said only when a task started
    after it, and this file, whose only task starts before it, was imported without a word about it."""
    plan, report = import_file(REAL / "gp3.3-task-crossing-one-off-holiday.gan")
    (task,) = plan.decisions
    assert plan.start_date == dt.date(2024, 1, 2)
    assert task.duration == pytest.approx(0.4)
    assert _schedule(plan).finish == pytest.approx(0.4)
    (item,) = [i for i in report.items if i.kind == "calendar"]
    assert item.message.startswith("1 holiday of the project calendar (2024-01-03) is not carried")


def test_s34_gan_milestone_before_a_holiday() -> None:
    """milestone-task.gan: a milestone (``meeting="true"``, duration 0) on Tue 2 Jan 2024; the holiday on Wed 3 Jan lies
    after all the work, so the report does not name it."""
    plan, report = import_file(REAL / "gp3.3-milestone-task.gan")
    (task,) = plan.decisions
    assert task.milestone and task.duration == 0
    assert plan.start_date == dt.date(2024, 1, 2)
    assert _schedule(plan).finish == 0
    assert not [i for i in report.items if i.kind == "calendar"]
    assert report.summary() == (
        "Imported 1 decision, 1 milestone, 0 dependencies from gp3.3-milestone-task.gan (GanttProject)."
    )


# --- MS Project 98, MPX, from joniles/mpxj's test data (LGPL-2.1) --------------------------------------------------


def test_s34_mpx_custom_start_dates_are_named() -> None:
    """task-starts-project98.mpx: ten one-day tasks on Mon 3 Nov 2014 (dates day first, `Mon 03/11/14`), tasks 1-5
    holding a date in the custom field Start1-Start5 (Wed 1 Jan to Sun 5 Jan 2014): ten decisions of 0.2 weeks at
    the start, the five custom values named as not carried. MPXJ reads the same ten tasks on that day."""
    plan, report = import_file(REAL / "task-starts-project98.mpx")
    assert [d.title for d in plan.decisions] == [f"Start{i}" for i in range(1, 11)]
    assert [d.duration for d in plan.decisions] == pytest.approx([0.2] * 10)
    assert plan.dependencies == []
    assert plan.start_date == dt.date(2014, 11, 3)
    assert _schedule(plan).finish == pytest.approx(0.2)
    (field,) = [i for i in report.items if i.kind == "field"]
    assert field.message.startswith("5 values of 5 custom fields are not carried")
    assert "Start1 (1), Start2 (1), Start3 (1), Start4 (1), Start5 (1)" in field.message


def test_s34_gan_recurring_holiday_inside_a_task_is_reported() -> None:
    """task-crossing-recurring-holiday.gan: the same task across a holiday GanttProject repeats every year (``<date
    year="" month="1" date="3">``, 3 January): the import reads it for 2024 and names it, as the one-off holiday above
    (MPXJ 16.10 drops a holiday without a year and ends the task on Wed 3 Jan; GanttProject skips it)."""
    plan, report = import_file(REAL / "gp3.3-task-crossing-recurring-holiday.gan")
    (task,) = plan.decisions
    assert task.duration == pytest.approx(0.4)
    (item,) = [i for i in report.items if i.kind == "calendar"]
    assert item.message.startswith("1 holiday of the project calendar (2024-01-03) is not carried")


def test_s34_gan_manual_task_cost_is_the_one_off_cost() -> None:
    """task-with-manual-cost.gan: one task (2 days from Thu 4 Jan 2024) whose cost was entered by hand
    (``cost-manual-value="64.0" cost-calculated="false"``): GanttProject's whole cost of the task, which the plan
    holds as its one-off cost. It was reported as not carried and dropped."""
    plan, report = import_file(REAL / "gp3.3-task-with-manual-cost.gan")
    (task,) = plan.decisions
    assert task.cost == pytest.approx(64.0)
    assert task.duration == pytest.approx(0.4)
    assert not [i for i in report.items if i.kind == "cost"]


@pytest.mark.parametrize(
    ("attributes", "cost", "said"),
    [
        # a cost GanttProject calculates from the resources' rates: the manual value is not the task's cost
        ('cost-manual-value="64.0" cost-calculated="true"', None, None),
        ('cost-manual-value="-5" cost-calculated="false"', None, "is not an amount the plan holds"),
        ('cost-manual-value="lots" cost-calculated="false"', None, "is not an amount the plan holds"),
        ('cost-manual-value="1e300" cost-calculated="false"', None, "is not an amount the plan holds"),
        ('cost-manual-value="0.0" cost-calculated="false"', None, None),
    ],
)
def test_s34_gan_manual_cost_other_values(
    tmp_path: Path, attributes: str, cost: float | None, said: str | None
) -> None:
    text = (REAL / "gp3.3-task-with-manual-cost.gan").read_text(encoding="utf-8")
    changed = tmp_path / "cost.gan"
    changed.write_text(
        text.replace('cost-manual-value="64.0" cost-calculated="false"', attributes), encoding="utf-8"
    )
    plan, report = import_file(changed)
    assert plan.decisions[0].cost == cost
    costs = [i.message for i in report.items if i.kind == "cost"]
    assert len(costs) == (0 if said is None else 1)
    assert all(said is not None and said in m for m in costs)


def test_s34_gan_summary_manual_cost_is_said(tmp_path: Path) -> None:
    """A manual cost on a summary task has no decision to go to: said, not dropped without a word."""
    text = (REAL / "gp3.3-baseline-with-subtasks.gan").read_text(encoding="utf-8")
    changed = tmp_path / "summary-cost.gan"
    changed.write_text(
        text.replace(
            'name="task A" meeting="false" start="2024-01-01" duration="2" complete="0" expand="true">',
            'name="task A" meeting="false" start="2024-01-01" duration="2" complete="0" expand="true" '
            'cost-manual-value="10.0" cost-calculated="false">',
        ),
        encoding="utf-8",
    )
    plan, report = import_file(changed)
    assert plan.decisions[0].cost is None
    assert [i.message for i in report.items if i.kind == "cost"] == [
        "a summary task's cost entered by hand is not carried"
    ]


def test_s34_gan_one_off_cost_round_trips(tmp_path: Path) -> None:
    """The export writes a decision's one-off cost as GanttProject's task cost entered by hand, so the real file's 64
    comes back from the planner's own .gan, and the export no longer lists it as money not carried."""
    plan, _ = import_file(REAL / "gp3.3-task-with-manual-cost.gan")
    text = export_text(plan, "gan")
    assert 'cost-manual-value="64.0" cost-calculated="false"' in str(text)
    assert not any("one-off cost" in n for n in export_notes(plan, "gan"))
    out = tmp_path / "again.gan"
    out.write_text(str(text), encoding="utf-8")
    again, _ = import_file(out)
    assert [d.cost for d in again.decisions] == [pytest.approx(64.0)]
