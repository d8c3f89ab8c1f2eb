"""Write random projects as MPXJ writes MS Project XML, scheduled by MPXJ's MicrosoftScheduler (optional; not run by
the tests, which need neither java nor MPXJ).

Each project is built through MPXJ's API the way a program builds one: summaries first, then leaf tasks under them
(durations in days, weeks or hours, some milestones), FS/SS/FF links with lags of 0-2 days between leaves, sometimes a
holiday or two in the calendar. ``mpxj-api-out-of-outline-order.xml`` is seed 9.

    python -m venv /tmp/mpxjvenv && /tmp/mpxjvenv/bin/pip install mpxj   # and a JDK (apt-get install default-jdk)
    /tmp/mpxjvenv/bin/python tests/io/data/make_mpxj_files.py COUNT OUT_DIR FIRST_SEED
    planner import OUT_DIR/mpxj-gen-009.xml -o /tmp/x.plan.json    # compare its finish with the file's FinishDate
"""

from __future__ import annotations

import random
import sys


def main(count: int, out_dir: str, first_seed: int) -> None:
    import jpype
    import mpxj  # noqa: F401 - puts MPXJ's jars on the class path

    jpype.startJVM()
    from java.lang import Double
    from java.time import LocalDate, LocalDateTime
    from org.mpxj import (
        Duration,
        ProjectFile,
        Relation,
        RelationType,
        TimeUnit,
    )
    from org.mpxj.cpm import MicrosoftScheduler
    from org.mpxj.writer import FileFormat, UniversalProjectWriter

    types = [
        RelationType.FINISH_START,
        RelationType.FINISH_START,
        RelationType.START_START,
        RelationType.FINISH_FINISH,
    ]

    def plan_work(task: object, amount: int, unit: object) -> None:
        task.setDuration(Duration.getInstance(amount, unit))  # type: ignore[attr-defined]
        task.setActualDuration(Duration.getInstance(0, TimeUnit.DAYS))  # type: ignore[attr-defined]
        task.setRemainingDuration(task.getDuration())  # type: ignore[attr-defined]
        task.setPercentageComplete(Double(0.0))  # type: ignore[attr-defined]

    for seed in range(first_seed, first_seed + count):
        rnd = random.Random(seed)
        p = ProjectFile()
        cal = p.addDefaultBaseCalendar()
        props = p.getProjectProperties()
        props.setDefaultCalendar(cal)
        start = LocalDateTime.of(2025, 1, 6, 8, 0)
        props.setStartDate(start)
        holidays = rnd.random() < 0.3
        if holidays:
            for _ in range(rnd.randint(1, 2)):
                day = LocalDate.of(2025, rnd.randint(1, 3), rnd.randint(1, 28))
                cal.addCalendarException(day, day)
        summaries = []
        for s in range(rnd.randint(0, 3)):
            summary = p.addTask()
            summary.setName(f"S{s}")
            summaries.append(summary)
        leaves = []
        for i in range(rnd.randint(3, 12)):
            parent = rnd.choice(summaries) if summaries and rnd.random() < 0.8 else None
            t = parent.addTask() if parent is not None else p.addTask()
            t.setName(f"T{i}")
            if rnd.random() < 0.12:
                plan_work(t, 0, TimeUnit.DAYS)
                t.setMilestone(True)
            else:
                unit = rnd.choice([TimeUnit.DAYS, TimeUnit.DAYS, TimeUnit.WEEKS, TimeUnit.HOURS])
                plan_work(t, rnd.randint(1, 8), unit)
            leaves.append(t)
        for summary in summaries:
            if not summary.hasChildTasks():
                plan_work(summary, 1, TimeUnit.DAYS)
        for j, t in enumerate(leaves):
            for pred in rnd.sample(leaves[:j], k=min(j, rnd.randint(0, 2))):
                lag = Duration.getInstance(rnd.choice([0, 0, 1, 2]), TimeUnit.DAYS)
                t.addPredecessor(Relation.Builder().predecessorTask(pred).type(rnd.choice(types)).lag(lag))
        MicrosoftScheduler().schedule(p, start)
        props.setFinishDate(max(t.getFinish() for t in p.getTasks() if t.getFinish() is not None))
        name = f"{out_dir}/mpxj-gen-{seed:03d}{'-hol' if holidays else ''}.xml"
        UniversalProjectWriter(FileFormat.MSPDI).write(p, name)
    jpype.shutdownJVM()


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
