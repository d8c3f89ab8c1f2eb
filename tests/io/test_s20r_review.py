"""Review of session 20's import changes (H-review20): defects found probing inputs the authors did not try.

- A TaskJuggler project without ``now`` is written with the export day as its status date, before the project
  starts; stages.tjp also has one task ``complete 50``. That percentage kept the status date (the rule wanted no
  progress anywhere), so the imported plan warned 'The status date is 4.14 weeks before the plan start' at every
  check, for a date that changes no figure (the plan counts it as its start).
- A summary with a 'must start on' its own start and no predecessor, whose start milestone keeps that start as its
  earliest start (TaskJuggler writes every task so), was reported 'a constraint on a summary task is not carried'.
- A TaskJuggler summary has no percentage; its scheduled finish before the status date read as done (the rule for an
  actual finish without a percentage), so its finish milestone was done while Model A inside it was half done, and
  Launch, which waits for the summary, ran beside Model A's remaining week (s20r-half-done.tjp: finish week 7).
- An actual finish by the status date on a task whose % complete says it is not done (TaskJuggler's 'complete 50'
  on work it scheduled before 'now', or another tool's file) was dropped without a word.
- A summary with a constraint and a deadline: taking back the constraint's line also took back the deadline's ('a
  deadline of ... is not carried'), which then went unsaid.
- Ids made from names typed in French or German lost their accented letters ('Modèle' -> 'mod-le'), where the P6
  import drops the accents ('contrôle' -> 'controle').
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.io.mspdi import import_mspdi
from planner.model import Status
from tests.io.test_mspdi import link, task, write

TJ3 = Path(__file__).parent / "data" / "tj3"


def test_s20r_a_status_date_before_the_start_is_not_carried_beside_a_bare_percentage() -> None:
    """stages.tjp (no 'now': tj3 wrote 6 Dec 2026, the project starts Mon 4 Jan 2027). By hand: Validate 2 + 2
    weeks (Gate 1 at week 4); API layer 15 days (weeks 4-7); Workflow hookup 2 days after it, 3 weeks (7.4-10.4);
    Model CI/CD 4 weeks after it, half done: its remaining 2 weeks from 12.4 end at week 14.4, with Ops ready."""
    plan, report = import_mspdi(TJ3 / "stages.xml")
    assert plan.status_date is None
    cicd = next(d for d in plan.decisions if d.id == "model-ci-cd")
    assert (cicd.status, cicd.progress, cicd.not_before) == (Status.IN_PROGRESS, 50.0, pytest.approx(12.4))
    text = report.text(limit=None)
    assert "the file's status date, 6 Dec 2026, is before the plan starts (4 Jan 2027)" in text
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(14.4)
    assert not [f for f in r.findings if f.severity.value in ("error", "warning")]


def test_s20r_a_status_date_before_the_start_stays_when_a_task_has_an_actual_date(tmp_path: Path) -> None:
    """Actuals are recorded up to a status date: one before the recorded work is the file's contradiction, for
    the plan check to show, not one to hide."""
    done = "<PercentComplete>100</PercentComplete><ActualStart>2027-01-04T08:00:00</ActualStart>"
    done += "<ActualFinish>2027-01-08T17:00:00</ActualFinish>"
    path = write(
        tmp_path,
        [
            task(1, "Collect", 1, start="2027-01-04T08:00:00", finish="2027-01-08T17:00:00", extra=done),
            task(2, "Build", 1, start="2027-01-11T08:00:00", finish="2027-01-15T17:00:00"),
        ],
        extra="<StatusDate>2026-12-01T17:00:00</StatusDate>",
    )
    plan, report = import_mspdi(path)
    assert plan.status_date == dt.date(2026, 12, 1)
    assert "before the plan starts" not in report.text(limit=None)


@pytest.mark.parametrize(
    ("names", "ids"),
    [
        (["Modèle à valider", "Données prêtes"], ["modele-a-valider", "donnees-pretes"]),
        (["Größe prüfen", "Straße"], ["grosse-prufen", "strasse"]),
    ],
)
def test_s20r_ids_from_accented_names_keep_their_letters(
    tmp_path: Path, names: list[str], ids: list[str]
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Nom de la tâche;Durée\n" + "".join(f"{n};1 sem\n" for n in names), encoding="utf-8")
    plan, _ = import_file(path)
    assert [d.id for d in plan.decisions] == ids
    assert [d.title for d in plan.decisions] == names


def test_s20r_a_summary_constraint_its_start_milestone_keeps_is_not_reported_dropped(tmp_path: Path) -> None:
    """Rollout must start on Mon 1 Feb 2027 (week 4 of a plan from Mon 4 Jan), its own start, and has no
    predecessor; After rollout follows it, so it gets start and finish milestones. The start milestone starts no
    earlier than week 4: the report says the constraint is carried (it said 'not carried'). With a predecessor the
    milestone follows it alone, and the constraint is not carried."""
    must = "<ConstraintType>2</ConstraintType><ConstraintDate>2027-02-01T08:00:00</ConstraintDate>"
    begin, end = "2027-02-01T08:00:00", "2027-02-12T17:00:00"
    tasks = [
        task(1, "Prep", 1, start="2027-01-04T08:00:00", finish="2027-01-08T17:00:00"),
        task(2, "Rollout", 1, "PT80H0M0S", extra=must, start=begin, finish=end),
        task(3, "Deploy", 2, "PT80H0M0S", start=begin, finish=end),
        task(4, "After rollout", 1, start="2027-02-15T08:00:00", finish="2027-02-19T17:00:00", links=link(2)),
    ]
    plan, report = import_mspdi(write(tmp_path, tasks))
    start = next(d for d in plan.decisions if d.id == "rollout-start")
    assert start.not_before == pytest.approx(4.0)
    said = [i.message for i in report.items if i.where == "task 2 'Rollout'"]
    assert said == [
        "'must start on' constraint carried as an earliest start (week 4); a deadline it sets is not carried"
    ]
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(
        7.0
    )  # 4 + Deploy 2 + After rollout 1

    tasks[1] = task(2, "Rollout", 1, "PT80H0M0S", extra=must, links=link(1), start=begin, finish=end)
    plan, report = import_mspdi(write(tmp_path, tasks))
    assert next(d for d in plan.decisions if d.id == "rollout-start").not_before is None
    said = [i.message for i in report.items if i.where == "task 2 'Rollout'"]
    assert said == ["a constraint on a summary task is not carried"]


def test_s20r_a_summary_finish_waits_for_the_work_inside_not_its_scheduled_finish() -> None:
    """s20r-half-done.tjp (now Mon 15 Feb 2027 = week 6): Build holds Model A (2 weeks from Mon 4 Jan, 'complete 50')
    and Model B (1 week after it, done by TaskJuggler's clock); Launch (1 week, 'complete 0') waits for Build. By
    hand: Model A's remaining week runs from the status date, weeks 6-7; Build finishes with it at week 7; Launch
    runs weeks 7-8."""
    plan, _ = import_mspdi(TJ3 / "s20r-half-done.xml")
    d = {x.id: x for x in plan.decisions}
    assert (d["model-a"].status, d["model-a"].progress) == (Status.IN_PROGRESS, 50.0)
    assert d["model-b"].status is Status.DONE
    assert d["build-start"].status is Status.DONE  # work inside has begun
    assert d["build-finish"].status is Status.NOT_STARTED  # Model A is not done
    r = analyze(plan)
    assert r.schedule is not None
    assert r.schedule.row("model-a")["ef"] == pytest.approx(7.0)
    assert r.schedule.row("launch")["es"] == pytest.approx(7.0)
    assert r.schedule.finish == pytest.approx(8.0)


def test_s20r_an_actual_finish_on_work_not_done_is_reported_not_carried(tmp_path: Path) -> None:
    """Collect: 40 % complete, actual start Mon 4 Jan and actual finish Fri 8 Jan 2027, status date Fri 15 Jan. The
    percentage is carried (in progress, 40 %), the finish is not, and the report says so."""
    actuals = "<PercentComplete>40</PercentComplete><ActualStart>2027-01-04T08:00:00</ActualStart>"
    actuals += "<ActualFinish>2027-01-08T17:00:00</ActualFinish>"
    path = write(
        tmp_path,
        [task(1, "Collect", 1, start="2027-01-04T08:00:00", finish="2027-01-08T17:00:00", extra=actuals)],
        extra="<StatusDate>2027-01-15T17:00:00</StatusDate>",
    )
    plan, report = import_mspdi(path)
    d = plan.decisions[0]
    assert (d.status, d.progress, d.actual_start, d.actual_finish) == (
        Status.IN_PROGRESS,
        40.0,
        dt.date(2027, 1, 4),
        None,
    )
    said = [i.message for i in report.items if "actual finish" in i.message]
    assert said == [
        "1 task has an actual finish by the status date but its % complete says not done: the % complete is "
        "carried (the finish is not, the remaining work is scheduled), 'Collect' (40%)"
    ]


def test_s20r_a_summary_deadline_stays_reported_when_its_constraint_is_not_carried(tmp_path: Path) -> None:
    """Rollout follows Prep, must start on Mon 11 Jan 2027 and has a deadline of Wed 20 Jan; the file finishes it
    Fri 22 Jan, 2 days after. Its constraint is not carried (a summary with a predecessor); its deadline is not
    either, and both are said."""
    extra = "<ConstraintType>2</ConstraintType><ConstraintDate>2027-01-11T08:00:00</ConstraintDate>"
    extra += "<Deadline>2027-01-20T17:00:00</Deadline>"
    begin, end = "2027-01-11T08:00:00", "2027-01-22T17:00:00"
    tasks = [
        task(1, "Prep", 1, start="2027-01-04T08:00:00", finish="2027-01-08T17:00:00"),
        task(2, "Rollout", 1, "PT80H0M0S", start=begin, finish=end, extra=extra, links=link(1)),
        task(3, "Deploy", 2, "PT80H0M0S", start=begin, finish=end),
    ]
    _, report = import_mspdi(write(tmp_path, tasks))
    assert [i.message for i in report.items if i.where == "task 2 'Rollout'"] == [
        "a deadline of 20 Jan 2027 is not carried (the plan has no deadlines); the file finishes the task on "
        "22 Jan 2027, 2 days after it",
        "a constraint on a summary task is not carried",
    ]
