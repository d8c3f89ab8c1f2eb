"""Write Primavera P6 files (XER and P6 XML) with MPXJ's own writers, and read XER files back with MPXJ (optional;
the tests read the committed files and need neither java nor MPXJ).

    python -m venv /tmp/mpxjvenv && /tmp/mpxjvenv/bin/pip install mpxj   # and a JDK (apt-get install default-jdk)
    /tmp/mpxjvenv/bin/python tests/io/data/make_p6_files.py write OUT_DIR [MSPDI_FILE ...]
    /tmp/mpxjvenv/bin/python tests/io/data/make_p6_files.py read FILE.xer ...     # one JSON line per file
    /tmp/mpxjvenv/bin/python tests/io/data/make_p6_files.py random COUNT OUT_DIR FIRST_SEED   # P6-scheduled logic
    /tmp/mpxjvenv/bin/python tests/io/data/make_p6_files.py progress COUNT OUT_DIR FIRST_SEED  # ... with progress

``write`` builds ``p6-mpxj-built`` through MPXJ's API as a P6 user would set a project up (a 5 x 8-hour calendar with
a holiday, a 4 x 10-hour calendar on two activities, WBS elements two deep, activity ids, durations in hours and
days, all four relationship types with lags in hours, start and finish milestones, progress: one activity complete
and one in progress with actual dates and remaining duration, a data date, two labour resources with assignments and
one material resource), schedules it with MPXJ's PrimaveraScheduler (P6's rules: early dates from the data date),
and writes it as ``p6-mpxj-built.xer`` and ``p6-mpxj-built.xml``; each MSPDI file given is read by MPXJ and written
as ``p6-mpxj-<name>.xer`` and ``.xml``.

``read`` prints, for each XER file, what MPXJ reads: every activity (Activity ID, name, original duration in hours,
milestone, % complete) and every relationship (predecessor and successor Activity IDs, type, lag in hours), and the
finish MPXJ's PrimaveraScheduler computes from the file's start (tests/io/test_primavera_mpxj.py).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def _start_jvm() -> None:
    import jpype
    import mpxj  # noqa: F401 - puts MPXJ's jars on the class path

    if not jpype.isJVMStarted():
        jpype.startJVM()


def write(out_dir: str, sources: list[str]) -> None:
    _start_jvm()
    from java.lang import Double, Integer
    from java.time import DayOfWeek, LocalDate, LocalDateTime, LocalTime
    from org.mpxj import (
        ActivityType,
        Availability,
        Duration,
        LocalTimeRange,
        ProjectFile,
        Relation,
        RelationType,
        ResourceType,
        TaskType,
        TimeUnit,
    )
    from org.mpxj.cpm import PrimaveraScheduler
    from org.mpxj.primavera import PrimaveraPMFileWriter, PrimaveraXERFileWriter
    from org.mpxj.reader import UniversalProjectReader

    def save(project: Any, name: str) -> None:
        PrimaveraXERFileWriter().write(project, os.path.join(out_dir, f"{name}.xer"))
        PrimaveraPMFileWriter().write(project, os.path.join(out_dir, f"{name}.xml"))

    p = ProjectFile()
    props = p.getProjectProperties()
    props.setName("Plant upgrade")
    props.setProjectID("PLANT-UPG")
    cal = p.addDefaultBaseCalendar()  # Monday-Friday 08:00-12:00, 13:00-17:00
    cal.setName("Standard 5x8")
    holiday = LocalDate.of(2027, 3, 26)  # Friday of week 4
    cal.addCalendarException(holiday, holiday)
    props.setDefaultCalendar(cal)
    tens = p.addCalendar()
    tens.setName("Four tens")
    for day in (DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY):
        tens.setWorkingDay(day, True)
        hours = tens.addCalendarHours(day)
        hours.add(LocalTimeRange(LocalTime.of(7, 0), LocalTime.of(12, 0)))
        hours.add(LocalTimeRange(LocalTime.of(12, 30), LocalTime.of(17, 30)))
    for day in (DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY):
        tens.setWorkingDay(day, False)
    tens.setCalendarMinutesPerDay(Integer(600))
    tens.setCalendarMinutesPerWeek(Integer(2400))
    start = LocalDateTime.of(2027, 3, 1, 8, 0)
    props.setStartDate(start)
    props.setPlannedStart(start)
    status = LocalDateTime.of(2027, 3, 10, 8, 0)  # Wednesday of week 2: the data date
    props.setStatusDate(status)

    platform = p.addResource()
    platform.setName("Platform crew")
    platform.setResourceID("PLAT")
    platform.setType(ResourceType.WORK)
    platform.getAvailability().add(  # 3 people (300 %) from the start on
        Availability(
            LocalDateTime.of(2000, 1, 1, 0, 0), LocalDateTime.of(2049, 12, 31, 23, 59), Double(300.0)
        )
    )
    elec = p.addResource()
    elec.setName("Electricians")
    elec.setResourceID("ELEC")
    elec.setType(ResourceType.WORK)
    cable = p.addResource()
    cable.setName("Cable")
    cable.setResourceID("CABLE")
    cable.setType(ResourceType.MATERIAL)

    def wbs(parent: Any, code: str, name: str) -> Any:
        t = parent.addTask()
        t.setName(name)
        t.setWBS(code)
        return t

    def activity(parent: Any, aid: str, name: str, amount: float, unit: Any) -> Any:
        t = parent.addTask()
        t.setName(name)
        t.setActivityID(aid)
        t.setType(TaskType.FIXED_DURATION)
        t.setActivityType(ActivityType.FINISH_MILESTONE if amount == 0 else ActivityType.TASK_DEPENDENT)
        t.setDuration(Duration.getInstance(amount, unit))
        t.setRemainingDuration(Duration.getInstance(amount, unit))
        t.setActualDuration(Duration.getInstance(0, TimeUnit.HOURS))
        t.setPercentageComplete(Double(0.0))
        return t

    design = wbs(p, "DES", "Design")
    build = wbs(p, "BLD", "Build")
    civil = wbs(build, "CIV", "Civil works")
    a = activity(design, "A1000", "Survey site", 40, TimeUnit.HOURS)
    b = activity(design, "A1010", "Draw layouts", 10, TimeUnit.DAYS)
    c = activity(design, "A1020", "Design approved", 0, TimeUnit.HOURS)
    c.setMilestone(True)
    d = activity(civil, "A2000", "Pour foundations", 60, TimeUnit.HOURS)
    e = activity(civil, "A2010", "Trench cabling", 40, TimeUnit.HOURS)
    e.setCalendar(tens)
    f = activity(build, "A2100", "Install switchgear", 3, TimeUnit.DAYS)
    g = activity(build, "A2110", "Commissioning", 16, TimeUnit.HOURS)
    g.setCalendar(tens)
    h = activity(build, "A2900", "Plant ready", 0, TimeUnit.HOURS)
    h.setMilestone(True)
    k = activity(p, "A0100", "Kick-off", 0, TimeUnit.HOURS)
    k.setMilestone(True)
    k.setActivityType(ActivityType.START_MILESTONE)

    def link(pred: Any, succ: Any, kind: Any, lag_hours: float) -> None:
        succ.addPredecessor(
            Relation.Builder()
            .predecessorTask(pred)
            .type(kind)
            .lag(Duration.getInstance(lag_hours, TimeUnit.HOURS))
        )

    link(k, a, RelationType.FINISH_START, 0)
    link(a, b, RelationType.START_START, 16)  # SS + 2 days
    link(b, c, RelationType.FINISH_START, 0)
    link(c, d, RelationType.FINISH_START, 8)  # FS + 1 day
    link(d, e, RelationType.START_START, 24)
    link(e, f, RelationType.FINISH_FINISH, 8)
    link(d, f, RelationType.FINISH_START, 0)
    link(f, g, RelationType.FINISH_START, 0)
    link(g, h, RelationType.FINISH_START, 0)
    link(a, h, RelationType.START_FINISH, 0)

    # progress: A1000 complete (Mon-Fri of week 1), A1010 started Wednesday of week 1, 4 of 10 days left
    a.setActualStart(LocalDateTime.of(2027, 3, 1, 8, 0))
    a.setActualFinish(LocalDateTime.of(2027, 3, 5, 17, 0))
    a.setActualDuration(Duration.getInstance(40, TimeUnit.HOURS))
    a.setRemainingDuration(Duration.getInstance(0, TimeUnit.HOURS))
    a.setPercentageComplete(Double(100.0))
    k.setActualStart(start)
    k.setActualFinish(start)
    k.setPercentageComplete(Double(100.0))
    b.setActualStart(LocalDateTime.of(2027, 3, 3, 8, 0))
    b.setActualDuration(Duration.getInstance(6, TimeUnit.DAYS))
    b.setRemainingDuration(Duration.getInstance(4, TimeUnit.DAYS))
    b.setPercentageComplete(Double(60.0))

    for task, res, units, hours in (
        (d, platform, 200.0, 60),
        (d, elec, 100.0, 60),
        (e, elec, 100.0, 40),
        (f, elec, 50.0, 24),
        (d, cable, 100.0, 60),
    ):
        asg = task.addResourceAssignment(res)
        asg.setUnits(Double(units))
        work = Duration.getInstance(hours * units / 100, TimeUnit.HOURS)
        asg.setWork(work)
        asg.setRemainingWork(work)
        asg.setActualWork(Duration.getInstance(0, TimeUnit.HOURS))

    PrimaveraScheduler().schedule(p, status)
    props.setFinishDate(max(t.getFinish() for t in p.getTasks() if t.getFinish() is not None))
    save(p, "p6-mpxj-built")

    for source in sources:
        project = UniversalProjectReader().read(source)
        name = os.path.splitext(os.path.basename(source))[0].replace("-mspdi", "")
        save(project, f"p6-mpxj-{name}")


def random_projects(count: int, out_dir: str, first_seed: int, progress: bool = False) -> None:
    """Random P6 projects built through MPXJ's API on a 5 x 8-hour calendar without holidays (activities of 0-80
    hours, some milestones, FS/SS/FF/SF relationships with lags of -8 to 24 hours between earlier and later
    activities, two WBS elements), scheduled by MPXJ's PrimaveraScheduler and written as XER: ``p6-random-SEED.xer``.
    Their early dates are P6's schedule of the logic, which an import must reproduce. With ``progress``
    (``p6-progress-SEED.xer``), a data date part way through: work the first schedule finished by then is complete at its
    dates, work it had begun is in progress (actual start, the hours worked to the data date done), and the project
    is scheduled again from the data date."""
    import random

    _start_jvm()
    from java.lang import Double
    from java.time import LocalDateTime
    from org.mpxj import ActivityType, Duration, ProjectFile, Relation, RelationType, TaskType, TimeUnit
    from org.mpxj.cpm import PrimaveraScheduler
    from org.mpxj.primavera import PrimaveraXERFileWriter

    kinds = [
        RelationType.FINISH_START,
        RelationType.START_START,
        RelationType.FINISH_FINISH,
        RelationType.START_FINISH,
    ]
    for seed in range(first_seed, first_seed + count):
        rnd = random.Random(seed)
        p = ProjectFile()
        props = p.getProjectProperties()
        cal = p.addDefaultBaseCalendar()
        props.setDefaultCalendar(cal)
        start = LocalDateTime.of(2027, 1, 4, 8, 0)
        props.setStartDate(start)
        props.setPlannedStart(start)
        props.setStatusDate(start)
        groups = []
        for g in range(2):
            w = p.addTask()
            w.setName(f"WBS {g}")
            w.setWBS(f"W{g}")
            groups.append(w)
        acts = []
        for i in range(rnd.randint(3, 14)):
            t = rnd.choice(groups).addTask()
            t.setName(f"Activity {i}")
            t.setActivityID(f"A{1000 + 10 * i}")
            t.setType(TaskType.FIXED_DURATION)
            hours = 0 if rnd.random() < 0.15 else rnd.choice([4, 8, 12, 16, 24, 40, 60, 80])
            if hours == 0:
                t.setMilestone(True)
                t.setActivityType(rnd.choice([ActivityType.START_MILESTONE, ActivityType.FINISH_MILESTONE]))
            else:
                t.setActivityType(ActivityType.TASK_DEPENDENT)
            t.setDuration(Duration.getInstance(hours, TimeUnit.HOURS))
            t.setRemainingDuration(Duration.getInstance(hours, TimeUnit.HOURS))
            t.setActualDuration(Duration.getInstance(0, TimeUnit.HOURS))
            t.setPercentageComplete(Double(0.0))
            acts.append(t)
        for j, t in enumerate(acts):
            for pred in rnd.sample(acts[:j], k=min(j, rnd.randint(0, 2))):
                lag = Duration.getInstance(rnd.choice([0, 0, 0, 4, 8, 16, 24, -8]), TimeUnit.HOURS)
                t.addPredecessor(Relation.Builder().predecessorTask(pred).type(rnd.choice(kinds)).lag(lag))
        PrimaveraScheduler().schedule(p, start)
        name = f"p6-random-{seed:03d}.xer"
        if progress:
            name = f"p6-progress-{seed:03d}.xer"
            # a data date part way through: 1 to 60 % of the working days of the first schedule, at 08:00
            end = max(t.getFinish() for t in acts)
            days = [
                start.plusDays(k) for k in range(0, 400) if start.plusDays(k).getDayOfWeek().getValue() <= 5
            ]
            span = sum(1 for d in days if d.isBefore(end))
            data_date = days[rnd.randint(1, max(1, int(span * 0.6)))]
            for t in acts:
                es, ef = t.getStart(), t.getFinish()
                hours = t.getDuration().getDuration()
                if not ef.isAfter(data_date) and not (hours == 0 and es.equals(data_date)):
                    t.setActualStart(es)
                    t.setActualFinish(ef)
                    t.setActualDuration(Duration.getInstance(hours, TimeUnit.HOURS))
                    t.setRemainingDuration(Duration.getInstance(0, TimeUnit.HOURS))
                    t.setPercentageComplete(Double(100.0))
                elif es.isBefore(data_date):
                    worked = cal.getWork(es, data_date, TimeUnit.HOURS).getDuration()
                    t.setActualStart(es)
                    t.setActualDuration(Duration.getInstance(worked, TimeUnit.HOURS))
                    t.setRemainingDuration(Duration.getInstance(hours - worked, TimeUnit.HOURS))
                    t.setPercentageComplete(Double(worked / hours * 100.0))
            props.setStatusDate(data_date)
            PrimaveraScheduler().schedule(p, data_date)
        props.setFinishDate(max(t.getFinish() for t in p.getTasks() if t.getFinish() is not None))
        PrimaveraXERFileWriter().write(p, os.path.join(out_dir, name))


def read(paths: list[str]) -> None:
    _start_jvm()
    from org.mpxj import TimeUnit
    from org.mpxj.cpm import PrimaveraScheduler
    from org.mpxj.reader import UniversalProjectReader

    for path in paths:
        p = UniversalProjectReader().read(path)
        props = p.getProjectProperties()
        tasks, links = [], []
        for t in p.getTasks():
            if t.getSummary() or t.getActivityID() is None:
                continue
            dur = t.getPlannedDuration() or t.getDuration()  # P6's Original Duration
            hours = dur.convertUnits(TimeUnit.HOURS, props).getDuration() if dur is not None else None
            tasks.append(
                [str(t.getActivityID()), str(t.getName()), hours, bool(t.getMilestone()),
                 float(t.getPercentageComplete() or 0)]
            )  # fmt: skip
            for r in t.getPredecessors():
                lag = r.getLag().convertUnits(TimeUnit.HOURS, props).getDuration()
                links.append(
                    [str(r.getPredecessorTask().getActivityID()), str(r.getSuccessorTask().getActivityID()),
                     str(r.getType()), lag]
                )  # fmt: skip
        start = props.getPlannedStart() or props.getStartDate()
        PrimaveraScheduler().schedule(p, start)
        finish = max(
            (t.getFinish() for t in p.getTasks() if t.getFinish() is not None and not t.getSummary()),
            default=None,
        )
        print(
            json.dumps(
                {"path": path, "tasks": tasks, "links": links, "start": str(start), "finish": str(finish)}
            )
        )


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] in ("random", "progress"):
        random_projects(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), progress=sys.argv[1] == "progress")
    else:
        read(sys.argv[2:])
