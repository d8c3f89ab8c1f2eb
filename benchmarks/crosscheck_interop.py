"""Cross-check the exports against the tools they are for (issue 10). Optional: each check is skipped, and says so,
when its tool is absent; the test suite never needs Java, tj3 or Graphviz.

    .venv/bin/python benchmarks/crosscheck_interop.py [--mpxj-python PATH] [--random N] [--small N]
                                                      [--ics-python PATH]

Plans: the sample plans, ``--random`` 200-decision plans and ``--small`` small random plans of the round-trip tests
(tests/unseen_plans.py; every other one with progress and often a status date).

- **MPXJ** (``pip install mpxj JPype1`` plus a JDK, in any Python; give that interpreter with ``--mpxj-python`` or
  ``$MPXJ_PYTHON`` when it is not this one): plan -> MS Project XML, MPX and P6 XER is read by MPXJ with the same
  number of tasks, milestones and links of each type and the same lags and durations; MPXJ's MicrosoftScheduler
  (XML, MPX) and PrimaveraScheduler (XER) schedule them to the planner's finish on the exports' calendar, unless the
  export's notes say why not (MS Project runs started work from its actual start, ignores splits; MPX has no status
  date; P6's rules for progress), or MPXJ's scheduler finishes a task before it starts (its PrimaveraScheduler, on
  a start-no-earlier date beside an FF link: noted, not compared). The real MS Project file in ``tests/io/data`` is
  read by MPXJ and by the planner with the same counts.
- **TaskJuggler** (``apt-get install tj3``): plan -> .tjp is accepted by ``tj3`` and scheduled to the same finish
  (progress and every link type included).
- **Graphviz** (``apt-get install graphviz``): plan -> .dot is accepted by ``dot -Tsvg``.
- **iCalendar** (``pip install icalendar`` in any Python: ``--ics-python`` or ``$ICALENDAR_PYTHON``): plan -> .ics
  is parsed with an event per decision at least, distinct UIDs, each decision not started on the planner's day.

Exit code 0 when every check that ran passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._plans import random_plan  # noqa: E402
from planner.io import (  # noqa: E402
    EXPORT_SUFFIXES,
    HELPER_TAG,
    InteropError,
    export_file,
    export_notes,
    import_file,
)
from planner.io.exporting import export_schedule  # noqa: E402  (the schedule the exports write)
from planner.model import Plan, load_plan  # noqa: E402

MPXJ_HELPER = r"""
import json, sys, jpype, mpxj
jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader
from org.mpxj import TimeUnit
out = []
for path in sys.argv[1:]:
    p = UniversalProjectReader().read(path)
    props = p.getProjectProperties()
    mpw = float(props.getMinutesPerWeek())
    leaves = [t for t in p.getTasks() if t.getUniqueID() != 0 and not t.hasChildTasks()]
    xer = path.endswith(".xer")
    durations = []
    for t in leaves:
        d = (t.getPlannedDuration() if xer else None) or t.getDuration()  # P6's Original Duration
        durations.append(round(float(d.convertUnits(TimeUnit.MINUTES, props).getDuration()) / mpw, 4))
    rels, lags = {}, []
    for t in p.getTasks():
        for r in t.getPredecessors():
            kind = str(r.getType())
            rels[kind] = rels.get(kind, 0) + 1
            lag = r.getLag()
            minutes = float(lag.convertUnits(TimeUnit.MINUTES, props).getDuration())
            lags.append(round(minutes / mpw, 6))
    stored = str(props.getFinishDate())
    scheduled, error, inverted, early = None, None, [], []
    try:
        from org.mpxj.cpm import MicrosoftScheduler, PrimaveraScheduler
        if xer:  # P6's rules, from the planned start
            PrimaveraScheduler().schedule(p, props.getPlannedStart() or props.getStartDate())
        else:
            MicrosoftScheduler().schedule(p, props.getStartDate())
        scheduled = str(max(t.getFinish() for t in p.getTasks() if t.getFinish() is not None))
        # MPXJ's PrimaveraScheduler (16.x) gives a task with a start-no-earlier date and an FF predecessor the
        # constraint's start but the FF's finish, before that start (P6 finishes it its duration after the start)
        inverted = [str(t.getActivityID() or t.getName()) for t in p.getTasks()
                    if t.getStart() is not None and t.getFinish() is not None
                    and t.getFinish().isBefore(t.getStart())]
        # its MicrosoftScheduler (16.x) starts a task an SF link drives before the project start, where MS Project
        # keeps every task of a project scheduled from its start (the SF link only holds the finish back)
        begin = props.getStartDate()
        early = [str(t.getName()) for t in leaves
                 if not xer and begin is not None and t.getStart() is not None and t.getStart().isBefore(begin)]
    except Exception as exc:
        error = str(exc)[:200]
    out.append({"path": path, "tasks": len(leaves), "milestones": sum(1 for t in leaves if t.getMilestone()),
                "links": rels, "lags": sorted(lags), "durations": sorted(durations),
                "stored_finish": stored, "scheduled_finish": scheduled, "inverted": inverted, "early": early,
                "schedule_error": error})
print(json.dumps(out))
"""


class Checks:
    def __init__(self) -> None:
        self.failed = 0
        self.passed = 0

    def check(self, ok: bool, what: str, detail: str = "") -> None:
        if ok:
            self.passed += 1
            print(f"  ok    {what}")
        else:
            self.failed += 1
            print(f"  FAIL  {what}: {detail}")


def _plans(n_random: int) -> list[tuple[str, Plan]]:
    plans = [(p.name, load_plan(p)) for p in sorted((ROOT / "sample_plans").glob("*.plan.json"))]
    for seed in range(n_random):
        plans.append((f"random-{seed} (200)", random_plan(200, seed=seed)))
    return plans


def _small_plans(n: int) -> list[tuple[str, Plan]]:
    """``n`` small random plans of the round-trip tests (tests/unseen_plans.py: every link type, leads, milestones,
    0-week work, not_before, three-point estimates, a start on any weekday or none); every other one with progress
    drawn on it (done, in progress, blocked, actual dates, often a status date). Plans the progress made invalid
    are left out."""
    from planner.analysis import analyze
    from planner.model import plan_from_dict
    from tests.io.test_export_round_trips_unusual import with_progress
    from tests.unseen_plans import random_plan as small_plan

    out = []
    for seed in range(n):
        data = small_plan(seed)
        if seed % 2:
            data = with_progress(data, seed)
        plan = plan_from_dict(data)
        if analyze(plan).ok:
            out.append((f"small-{seed}" + (" +progress" if seed % 2 else ""), plan))
    return out


def _fs_ss_only(plan: Plan) -> Plan:
    """The plan with FF/SF links dropped and leads set to 0 (what TaskJuggler can hold exactly)."""
    deps = [
        d.model_copy(update={"lag": max(0.0, d.lag)}) for d in plan.dependencies if d.type in ("FS", "SS")
    ]
    return plan.model_copy(update={"dependencies": deps})


def _mpxj_python(arg: str | None) -> str | None:
    candidates = [arg, os.environ.get("MPXJ_PYTHON"), sys.executable]
    for py in candidates:
        if not py or shutil.which("java") is None:
            continue
        probe = subprocess.run([py, "-c", "import jpype, mpxj"], capture_output=True)
        if probe.returncode == 0:
            return py
    return None


MPXJ_SUFFIXES = (".xml", ".mpx", ".xer")
"""The exports MPXJ reads: MS Project XML and MPX (scheduled with its MicrosoftScheduler) and Primavera P6 XER
(with its PrimaveraScheduler)."""

# what each export says when a tool's own scheduler can finish the plan elsewhere (the carry notes)
_SAID = {
    # (the split note ends 'finishes it earlier' for one decision, 'finishes them earlier' for more)
    ".xml": ("MS Project runs the whole duration", "a tool that ignores splits finishes"),
    ".mpx": ("progress comes back as MPX keeps it",),
    ".xer": ("rescheduling in P6 (F9) applies P6's own progress rules",),
}


def _finish_on_calendar(plan: Plan, finish: float) -> str:
    """The planner's finish as the MS Project and P6 exports write it: on their 40-hour Monday-Friday calendar."""
    from planner.io.common import WorkCalendar
    from planner.io.mspdi import _plan_start

    moment = WorkCalendar.standard(_plan_start(plan)).datetime_at(finish * 2400, finish=True)
    return moment.strftime("%Y-%m-%dT%H:%M")


def _status_shift(plan: Plan) -> float:
    """How much later the plan's status date falls in working weeks (5 working days a week, as the MS Project
    export's calendar counts) than in the planner's calendar weeks (7 days): 0 without a status date."""
    import numpy as np

    status, start = plan.status_date, plan.start_date
    if not isinstance(status, dt.date) or start is None or status <= start:
        return 0.0  # (a status date given in weeks is written at its week)
    return int(np.busday_count(start, status)) / 5 - (status - start).days / 7


def _working_moment(text: str) -> str:
    """A moment as the working time it marks: 13:00 is 12:00 (the lunch hour between) and 08:00 the previous
    working day's 17:00, so that a finish written either way compares equal."""
    t = dt.datetime.fromisoformat(text[:16])
    if t.time() == dt.time(13):
        t = t.replace(hour=12)
    elif t.time() == dt.time(8):
        t = t - dt.timedelta(days=1)
        while t.weekday() >= 5:
            t -= dt.timedelta(days=1)
        t = t.replace(hour=17)
    return t.strftime("%Y-%m-%dT%H:%M")


def check_mpxj(c: Checks, py: str, plans: list[tuple[str, Plan]], tmp: Path) -> None:
    paths: list[str] = []
    expected: list[tuple[str, str, Plan, float]] = []
    for suffix in MPXJ_SUFFIXES:
        for name, plan in plans:
            path = tmp / f"{len(paths)}{suffix}"
            export_file(plan, path)
            paths.append(str(path))
            expected.append((suffix, name, plan, export_schedule(plan).finish))
    real = ROOT / "tests" / "io" / "data" / "task-links-project2013-mspdi.xml"
    paths.append(str(real))
    res = subprocess.run([py, "-c", MPXJ_HELPER, *paths], capture_output=True, text=True, timeout=1800)
    if res.returncode != 0:
        c.check(
            False, "MPXJ reads the exports", res.stderr.strip().splitlines()[-1] if res.stderr else "failed"
        )
        return
    results = json.loads(res.stdout.strip().splitlines()[-1])
    for (suffix, name, plan, finish), got in zip(expected, results, strict=False):
        what = f"{name} {suffix}"
        want_links = dict(Counter(str(d.type) for d in plan.dependencies))
        c.check(
            got["tasks"] == len(plan.decisions)
            and got["milestones"] == sum(d.milestone for d in plan.decisions)
            and got["links"] == want_links,
            f"MPXJ reads {what}: {got['tasks']} tasks, {got['milestones']} milestones, links {got['links']}",
            f"expected {len(plan.decisions)} tasks, {sum(d.milestone for d in plan.decisions)} milestones, "
            f"links {want_links}",
        )
        want_lags = sorted(round(d.lag, 6) for d in plan.dependencies)
        c.check(
            len(got["lags"]) == len(want_lags)
            and all(abs(a - b) < 1e-3 for a, b in zip(got["lags"], want_lags, strict=True)),
            f"MPXJ lags of {what} in weeks match",
            f"{got['lags'][:5]} vs {want_lags[:5]}",
        )
        want_durations = sorted(round(d.weeks(), 4) for d in plan.decisions)
        c.check(
            len(got["durations"]) == len(want_durations)
            and all(abs(a - b) < 1e-3 for a, b in zip(got["durations"], want_durations, strict=True)),
            f"MPXJ durations of {what} in weeks match",
            f"{got['durations'][:6]} vs {want_durations[:6]}",
        )
        want = _finish_on_calendar(plan, finish)
        if got["scheduled_finish"] is not None:
            got["scheduled_finish"] = _working_moment(got["scheduled_finish"])
        fmt = EXPORT_SUFFIXES[suffix]
        said = [n for n in export_notes(plan, fmt) if any(w in n for w in _SAID.get(suffix, ()))]
        if got["scheduled_finish"] is None:
            c.check(False, f"MPXJ schedules {what}", str(got["schedule_error"]))
        elif got["scheduled_finish"] != want and got.get("inverted"):
            print(
                f"  note  MPXJ finishes {what} at {got['scheduled_finish']} (planner {want}) with "
                f"{', '.join(got['inverted'][:3])} finishing before {'it starts' if len(got['inverted']) == 1 else 'they start'}"
                " (MPXJ's scheduler: a start-no-earlier date beside an FF link), not compared"
            )
        elif got["scheduled_finish"] != want and said:
            print(
                f"  note  MPXJ finishes {what} at {got['scheduled_finish']} (planner {want}), as the export says"
            )
        elif got["scheduled_finish"] != want and got.get("early"):
            print(
                f"  note  MPXJ finishes {what} at {got['scheduled_finish']} (planner {want}, the file's stored "
                f"finish {got['stored_finish'][:16]}) with {', '.join(got['early'][:3])} starting before the "
                "project start (MPXJ's scheduler on an SF link: MS Project keeps a task at or after the project "
                "start), not compared"
            )
        elif (
            got["scheduled_finish"] != want
            and suffix == ".xml"
            and got["scheduled_finish"] == _finish_on_calendar(plan, finish + _status_shift(plan))
        ):
            print(
                f"  note  MPXJ finishes {what} at {got['scheduled_finish']} (planner {want}): the work not started "
                "waits for the status date, which the file writes on its day and MS Project measures in working "
                "time, the planner in calendar weeks (known, left: README's MS Project XML status date)"
            )
        else:
            c.check(
                got["scheduled_finish"] == want,
                f"MPXJ's scheduler finishes {what} when the planner does ({want})",
                f"MPXJ {got['scheduled_finish']}",
            )
    got = results[-1]
    plan, _ = import_file(real)
    ours = [d for d in plan.decisions if HELPER_TAG not in d.tags]
    c.check(
        got["tasks"] == len(ours) and got["links"] == dict(Counter(str(d.type) for d in plan.dependencies)),
        f"MPXJ and the planner read the MS Project 2013 file alike ({got['tasks']} tasks, {got['links']})",
        f"planner: {len(ours)} tasks",
    )


def check_tj3(c: Checks, plans: list[tuple[str, Plan]], tmp: Path) -> None:
    for k, (name, full) in enumerate(plans):
        plan = (
            full  # every link type: a negative gap holds the task at the planner's start (graphs.export_tjp)
        )
        s = export_schedule(plan)
        start = plan.start_date or dt.date.today()
        path = tmp / f"p{k}.tjp"
        try:
            export_file(plan, path)
        except InteropError as exc:  # past 2035, which TaskJuggler cannot take
            print(f"  note  {name}: {exc}")
            continue
        report = (
            '\ntaskreport "finish" {\n  formats csv\n  timeformat "%Y-%m-%d %H:%M"\n  columns id, end\n}\n'
        )
        path.write_text(path.read_text(encoding="utf-8") + report, encoding="utf-8")
        out = tmp / f"out{k}"
        out.mkdir()
        res = subprocess.run(
            ["tj3", "--no-color", "-o", str(out), str(path)], capture_output=True, text=True, timeout=900
        )
        if res.returncode != 0:
            c.check(False, f"tj3 accepts {name}", (res.stderr or res.stdout).strip()[-300:])
            continue
        ends = []
        for line in (out / "finish.csv").read_text(encoding="utf-8").splitlines()[1:]:
            cell = line.split(";")[-1].strip().strip('"')
            if cell:
                ends.append(dt.datetime.strptime(cell, "%Y-%m-%d %H:%M"))
        want = dt.datetime.combine(start, dt.time()) + dt.timedelta(hours=round(float(s.finish) * 168))
        got = max(ends)
        c.check(
            abs((got - want).total_seconds()) <= 3600,
            f"tj3 schedules {name} to the planner's finish {want:%Y-%m-%d %H:%M}",
            f"tj3 {got:%Y-%m-%d %H:%M}",
        )


def check_dot(c: Checks, plans: list[tuple[str, Plan]], tmp: Path) -> None:
    for k, (name, plan) in enumerate(plans):
        path = tmp / f"p{k}.dot"
        export_file(plan, path)
        res = subprocess.run(
            ["dot", "-Tsvg", "-o", str(tmp / f"p{k}.svg"), str(path)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        c.check(
            res.returncode == 0 and (tmp / f"p{k}.svg").stat().st_size > 0,
            f"dot -Tsvg accepts {name}",
            res.stderr.strip()[-300:],
        )


ICS_HELPER = r"""
import json, sys
from icalendar import Calendar
out = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        cal = Calendar.from_ical(f.read())
    events = list(cal.walk("VEVENT"))
    out.append({"events": len(events), "uids": len({str(e["UID"]) for e in events}),
                "days": {str(e.get("SUMMARY")): e.decoded("DTSTART").isoformat() for e in events}})
print(json.dumps(out))
"""


def _python_with(module: str, *candidates: str | None) -> str | None:
    for py in (*candidates, sys.executable):
        if py and subprocess.run([py, "-c", f"import {module}"], capture_output=True).returncode == 0:
            return py
    return None


def check_ics(c: Checks, py: str, plans: list[tuple[str, Plan]], tmp: Path) -> None:
    """The .ics export parsed by the ``icalendar`` package: one event per decision at least (plus milestones' and
    gates' days), every UID distinct, and each decision not started on the day the planner starts it."""
    from planner.units import week_to_date

    dated = [(n, p) for n, p in plans if p.start_date is not None]  # the export needs a start date (exit 2)
    paths = []
    for k, (_name, plan) in enumerate(dated):
        paths.append(str(tmp / f"c{k}.ics"))
        export_file(plan, paths[-1])
    if not paths:
        return
    res = subprocess.run([py, "-c", ICS_HELPER, *paths], capture_output=True, text=True, timeout=600)
    if res.returncode != 0:
        c.check(False, "icalendar parses the exports", res.stderr.strip()[-300:])
        return
    for (name, plan), got in zip(dated, json.loads(res.stdout), strict=True):
        s = export_schedule(plan)
        c.check(
            got["events"] >= len(plan.decisions) and got["uids"] == got["events"],
            f"icalendar reads {name}: {got['events']} events, {got['uids']} distinct UIDs",
            f"{len(plan.decisions)} decisions",
        )
        wrong = []
        for i, d in enumerate(plan.decisions):
            if s.state[i] != "not_started" or d.milestone:
                continue
            day = [v for k, v in got["days"].items() if d.title in k]
            want = week_to_date(plan.start_date, float(s.es[i]))
            if not day or want is None or day[0] != want.isoformat():
                wrong.append(f"{d.id}: {day[:1]} vs {want}")
        c.check(
            not wrong,
            f"each decision of {name} not started begins on the planner's day",
            "; ".join(wrong[:3]),
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--mpxj-python", help="a Python with mpxj and JPype1 installed (default: $MPXJ_PYTHON or this)"
    )
    ap.add_argument("--random", type=int, default=3, help="random 200-decision plans to add (default 3)")
    ap.add_argument(
        "--small",
        type=int,
        default=0,
        help="small random plans to add, every other one with progress (default 0)",
    )
    ap.add_argument(
        "--ics-python", help="a Python with icalendar installed (default: $ICALENDAR_PYTHON or this)"
    )
    args = ap.parse_args()
    c = Checks()
    plans = _plans(args.random) + _small_plans(args.small)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        py = _mpxj_python(args.mpxj_python)
        print("MPXJ:" + ("" if py else " skipped (no java, or no Python with mpxj and JPype1)"))
        if py:
            check_mpxj(c, py, plans, tmp)
        print("TaskJuggler:" + ("" if shutil.which("tj3") else " skipped (tj3 not installed)"))
        if shutil.which("tj3"):
            check_tj3(c, plans, tmp)
        print("Graphviz:" + ("" if shutil.which("dot") else " skipped (dot not installed)"))
        if shutil.which("dot"):
            check_dot(c, plans, tmp)
        ics = _python_with("icalendar", args.ics_python, os.environ.get("ICALENDAR_PYTHON"))
        print("iCalendar:" + ("" if ics else " skipped (no Python with icalendar)"))
        if ics:
            check_ics(c, ics, plans, tmp)
    print(f"{c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
