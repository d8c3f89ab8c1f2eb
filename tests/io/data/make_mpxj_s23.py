"""Write one project with the MS Project features a plan meets least often, as MPXJ writes MS Project XML after its
MicrosoftScheduler (optional; not run by the tests, which need neither java nor MPXJ). Session 23's sweep.

Mon 6 Jan 2025, the default Standard calendar (Mon-Fri 08:00-17:00) with a holiday on Wed 15 Jan, and a second base
calendar 'Four day week' (Mon-Thu) given to one task. Under a summary 'Build':

- ``Design`` 5 days; ``Review`` 3 elapsed days (``3ed``: calendar days, weekends too) FS after Design;
- ``Build`` 10 days FS after Design with a lag of -2 days (a lead); ``Docs`` 4 days SS after Build with a lag of 50 %
  (of Build's duration: 5 days); ``Four-day task`` 4 days on the Four day week calendar, FS after Design;
- ``Parked`` 5 days, inactive (MS Project leaves it out of the schedule), FS after Design;
- ``Manual`` 3 days, manually scheduled at Mon 3 Feb (a manual task keeps its dates);
- ``Placeholder``, a task with no duration typed (0 days, not marked a milestone);
- ``Release``, a milestone FS after Build and Docs.

    /tmp/mpxjvenv/bin/python tests/io/data/make_mpxj_s23.py OUT.xml
"""

from __future__ import annotations

import sys


def main(out: str) -> None:
    import jpype
    import mpxj  # noqa: F401 - puts MPXJ's jars on the class path

    jpype.startJVM()
    from java.lang import Boolean, Double
    from java.time import DayOfWeek, LocalDate, LocalDateTime
    from org.mpxj import Duration, ProjectFile, Relation, RelationType, TaskMode, TimeUnit
    from org.mpxj.cpm import MicrosoftScheduler
    from org.mpxj.writer import FileFormat, UniversalProjectWriter

    p = ProjectFile()
    cal = p.addDefaultBaseCalendar()
    props = p.getProjectProperties()
    props.setDefaultCalendar(cal)
    start = LocalDateTime.of(2025, 1, 6, 8, 0)
    props.setStartDate(start)
    cal.addCalendarException(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 15))
    four = p.addDefaultBaseCalendar()
    four.setName("Four day week")
    four.setWorkingDay(DayOfWeek.FRIDAY, False)

    def work(task: object, amount: float, unit: object) -> None:
        task.setDuration(Duration.getInstance(amount, unit))  # type: ignore[attr-defined]
        task.setActualDuration(Duration.getInstance(0, TimeUnit.DAYS))  # type: ignore[attr-defined]
        task.setRemainingDuration(task.getDuration())  # type: ignore[attr-defined]
        task.setPercentageComplete(Double(0.0))  # type: ignore[attr-defined]

    def link(succ: object, pred: object, kind: object, lag: object) -> None:
        succ.addPredecessor(Relation.Builder().predecessorTask(pred).type(kind).lag(lag))  # type: ignore[attr-defined]

    summary = p.addTask()
    summary.setName("Build")
    tasks = {}
    for name, amount, unit in (
        ("Design", 5, TimeUnit.DAYS),
        ("Review", 3, TimeUnit.ELAPSED_DAYS),
        ("Build", 10, TimeUnit.DAYS),
        ("Docs", 4, TimeUnit.DAYS),
        ("Four-day task", 4, TimeUnit.DAYS),
        ("Parked", 5, TimeUnit.DAYS),
        ("Manual", 3, TimeUnit.DAYS),
        ("Placeholder", 0, TimeUnit.DAYS),
        ("Release", 0, TimeUnit.DAYS),
    ):
        t = summary.addTask()
        t.setName(name)
        work(t, amount, unit)
        tasks[name] = t
    tasks["Release"].setMilestone(True)
    tasks["Four-day task"].setCalendar(four)
    tasks["Parked"].setActive(Boolean(False))
    manual = tasks["Manual"]
    manual.setTaskMode(TaskMode.MANUALLY_SCHEDULED)
    manual.setStart(LocalDateTime.of(2025, 2, 3, 8, 0))
    manual.setFinish(LocalDateTime.of(2025, 2, 5, 17, 0))
    fs, ss = RelationType.FINISH_START, RelationType.START_START
    days = TimeUnit.DAYS
    link(tasks["Review"], tasks["Design"], fs, Duration.getInstance(0, days))
    link(tasks["Build"], tasks["Design"], fs, Duration.getInstance(-2, days))
    link(tasks["Docs"], tasks["Build"], ss, Duration.getInstance(50, TimeUnit.PERCENT))
    link(tasks["Four-day task"], tasks["Design"], fs, Duration.getInstance(0, days))
    link(tasks["Parked"], tasks["Design"], fs, Duration.getInstance(0, days))
    link(tasks["Release"], tasks["Build"], fs, Duration.getInstance(0, days))
    link(tasks["Release"], tasks["Docs"], fs, Duration.getInstance(0, days))
    MicrosoftScheduler().schedule(p, start)
    props.setFinishDate(max(t.getFinish() for t in p.getTasks() if t.getFinish() is not None))
    UniversalProjectWriter(FileFormat.MSPDI).write(p, out)
    for t in p.getTasks():
        print(t.getName(), t.getStart(), t.getFinish(), t.getDuration(), t.getActive(), t.getTaskMode())
    jpype.shutdownJVM()


if __name__ == "__main__":
    main(sys.argv[1])
