"""Cross-check the exports task by task against MPXJ, the reader other tools use (session 28). Optional: needs a Java
runtime and ``pip install mpxj JPype1`` in this interpreter; the test suite never needs it.

    .venv/bin/python benchmarks/crosscheck_pertask.py [--plans N] [--first K] [--size N] [--keep DIR] [--verbose]

``crosscheck_interop.py`` compares counts and the finish; this compares each task. Plans are the small random plans
of the round-trip tests (tests/unseen_plans.py: every link type, leads, milestones, not_before, three-point
estimates), every other one with progress (done, in progress, actual dates, a status date), with titles in other
scripts, with quotes, commas, semicolons, tabs of text and markup characters, and several owners (some decisions
with none). Each plan is exported as MS Project XML, MPX, P6 XER and GanttProject; MPXJ reads each file and, for
every decision (found by its title), these must agree with the plan: the title as written, milestone, duration
(weeks of the export's calendar), percent complete, actual start and finish (the day the planner's schedule gives),
the owner (a resource assigned), an earliest start (a 'start no earlier than' at its moment, for work not started
in plans without a status date), and each link (predecessor title, type, lag in weeks). GanttProject's links are
left out (MPXJ 16's GanttProject reader loses most of them, GanttProject's own sample's too). For plans without
progress, MPXJ's MicrosoftScheduler must put every task of the MS Project XML and MPX files where the file has it and
find the planner's critical path (MS Project's: no total slack).

An export note that names what the format does not carry (a one-line note of ``planner export``) excuses a field
it names; the rest are listed as DIFF. Exit code 0 when none was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.crosscheck_interop import _working_moment  # noqa: E402
from planner.io import export_file, export_notes  # noqa: E402
from planner.io.common import WorkCalendar  # noqa: E402
from planner.io.exporting import NAME_CHARS, day_of, export_schedule, shortened  # noqa: E402
from planner.io.mspdi import _plan_start  # noqa: E402  (the exports' calendar origin)
from planner.model import Plan, plan_from_dict  # noqa: E402

FORMATS = (".xml", ".mpx", ".xer", ".gan")

TITLES = (
    "数据质量管道与负责人签字",
    "データ品質パイプライン",
    "إعداد خط أنابيب جودة البيانات",
    "Launch 🚀 the assistant 🤖",
    "Ünïcödé façade — “quoted” ‘text’ …",
    'Say "yes" to the pilot',
    "Costs, risks; and the rest",
    "Tom's <b>bold</b> & co",
    "Back\\slash and 100% done",
    "A title with    runs of   spaces",
    "x" * 200,
    "Ставка на ML-платформу",
    "Ελέγχος ποιότητας",
    "Plan B: ship it @ 09:00 #release",
)

TEAMS = (
    {"id": "platform", "name": "Platform"},
    {"id": "data", "name": "Données & IA"},
    {"id": "risk", "name": 'The "risk" office'},
    {"id": "ops", "name": "Ops, EMEA; APAC"},
)

MPXJ_HELPER = r"""
import json, sys, jpype, mpxj
jpype.startJVM(convertStrings=True)
from org.mpxj.reader import UniversalProjectReader
from org.mpxj import TimeUnit
out = []
for path in sys.argv[1:]:
    try:
        p = UniversalProjectReader().read(path)
    except Exception as exc:
        out.append({"error": str(exc)[:300]})
        continue
    if p is None:
        out.append({"error": "MPXJ does not recognise the file"})
        continue
    props = p.getProjectProperties()
    mpw = float(props.getMinutesPerWeek() or 2400)
    def weeks(d):
        if d is None:
            return None
        return round(float(d.convertUnits(TimeUnit.MINUTES, props).getDuration()) / mpw, 4)
    def day(t):
        return None if t is None else str(t)[:10]
    tasks = []
    for t in p.getTasks():
        if t.getUniqueID() == 0 or t.hasChildTasks() or t.getName() is None:
            continue
        xer = path.endswith(".xer")
        d = (t.getPlannedDuration() if xer else None) or t.getDuration()
        owners = sorted(str(a.getResource().getName()) for a in t.getResourceAssignments()
                        if a.getResource() is not None and a.getResource().getName() is not None)
        preds = [{"from": str(r.getPredecessorTask().getName()), "type": str(r.getType()),
                  "lag": weeks(r.getLag())} for r in t.getPredecessors()]
        # P6 shows its Activity % Complete (physical, duration or units, as the activity's type says)
        pc = t.getActivityPercentComplete() if xer else t.getPercentageComplete()
        tasks.append({"name": str(t.getName()), "milestone": bool(t.getMilestone()), "duration": weeks(d),
                      "percent": None if pc is None else float(pc), "actual_start": day(t.getActualStart()),
                      "actual_finish": day(t.getActualFinish()), "owners": owners, "preds": preds,
                      "constraint": None if t.getConstraintType() is None else str(t.getConstraintType()),
                      "constraint_date": None if t.getConstraintDate() is None else str(t.getConstraintDate())[:16]})
    scheduled, error = {}, None
    try:
        from org.mpxj.cpm import MicrosoftScheduler, PrimaveraScheduler
        stored = {int(t.getUniqueID()): (str(t.getStart())[:16], str(t.getFinish())[:16]) for t in p.getTasks()
                  if t.getUniqueID() != 0 and not t.hasChildTasks() and t.getStart() is not None}
        if path.endswith(".xer"):
            PrimaveraScheduler().schedule(p, props.getPlannedStart() or props.getStartDate())
        elif not path.endswith(".gan"):
            MicrosoftScheduler().schedule(p, props.getStartDate())
        for t in p.getTasks():
            uid = int(t.getUniqueID())
            if uid in stored and t.getStart() is not None and not path.endswith(".gan"):
                scheduled[str(t.getName())] = [*stored[uid], str(t.getStart())[:16], str(t.getFinish())[:16],
                                               bool(t.getCritical())]
    except Exception as exc:
        error = str(exc)[:200]
    out.append({"tasks": tasks, "scheduled": scheduled, "schedule_error": error})
print(json.dumps(out))
"""


def make_plan(seed: int, n: int = 12) -> Plan:
    """A small random plan of the round-trip tests with unusual titles and several owners (progress on odd seeds)."""
    from tests.io.test_export_round_trips_unusual import with_progress
    from tests.unseen_plans import random_plan as small_plan

    data = small_plan(seed, n)
    if seed % 2:
        data = with_progress(data, seed)
    rng = random.Random(seed * 7919 + 1)
    titles = rng.sample(TITLES, k=min(len(TITLES), len(data["decisions"]) // 2))
    data["teams"] = [dict(t) for t in TEAMS]
    for k, d in enumerate(data["decisions"]):
        if k < len(titles):
            d["title"] = titles[k]
        d["owner"] = rng.choice([None, *[t["id"] for t in TEAMS]])
        if d["owner"] is None:
            del d["owner"]
    return plan_from_dict(data)


def _said(notes: list[str], *words: str) -> bool:
    return any(w.lower() in n.lower() for n in notes for w in words)


def compare(plan: Plan, suffix: str, got: dict[str, Any]) -> list[str]:
    """The differences between ``plan`` and MPXJ's reading of its ``suffix`` export that no export note names."""
    if "error" in got:
        return [f"MPXJ cannot read it: {got['error']}"]
    fmt = {".xml": "mspdi", ".mpx": "mpx", ".xer": "xer", ".gan": "gan"}[suffix]
    notes = export_notes(plan, fmt)
    sched = export_schedule(plan)
    by_name: dict[str, list[dict[str, Any]]] = {}
    for t in got["tasks"]:
        by_name.setdefault(t["name"], []).append(t)
    ansi = _said(notes, "outside Windows-1252")
    cut = _said(notes, "written shortened")

    def written(text: str) -> str:
        """``text`` as the file can hold it: '?' for a character outside the code page, when the export says so."""
        if ansi:
            text = text.encode("cp1252", errors="replace").decode("cp1252")
        return shortened(text, NAME_CHARS[fmt]) if cut and fmt in NAME_CHARS else text

    team_name = {t.id: written(t.name) for t in plan.teams}
    title_of = {d.id: written(d.title) for d in plan.decisions}
    diffs: list[str] = []
    start = plan.start_date
    for i, d in enumerate(plan.decisions):
        where = f"{d.id} {d.title[:30]!r}"
        found = by_name.get(title_of[d.id])
        if not found:
            if not _said(notes, "name", "title", "shortened", "outside"):
                near = [n for n in by_name if n[:10] == d.title[:10]]
                diffs.append(f"{where}: no task of this name (near: {near[:2]})")
            continue
        t = found[0]
        zero_said = d.weeks() == 0 and _said(notes, "of 0 weeks that")
        if d.milestone != t["milestone"] and not zero_said:
            diffs.append(f"{where}: milestone {d.milestone} vs {t['milestone']}")
        want_weeks = d.weeks()
        if (
            t["duration"] is not None
            and abs(t["duration"] - want_weeks) > 1e-3
            and not _said(notes, "estimate", "duration", "split", "progress")
        ):
            diffs.append(f"{where}: duration {want_weeks} vs {t['duration']}")
        state = str(d.status)
        want_pc = 100.0 if state == "done" else (d.progress if state == "in_progress" else 0.0)
        if t["percent"] is not None and abs(t["percent"] - want_pc) > 0.51 and not _said(notes, "percent"):
            diffs.append(f"{where}: percent complete {want_pc} vs {t['percent']}")
        if start is not None and suffix != ".gan":
            began = sched.started[i] if sched.started[i] is not None else None
            want_as = day_of(plan, d.actual_start) if d.actual_start is not None else None
            if state in ("done", "in_progress") and want_as is None and began is not None:
                want_as = day_of(plan, float(began))
            if (want_as is None) != (t["actual_start"] is None) and not _said(notes, "actual start"):
                diffs.append(f"{where}: actual start {want_as} vs {t['actual_start']}")
            elif want_as is not None and t["actual_start"] is not None:
                delta = abs((dt.date.fromisoformat(t["actual_start"]) - want_as).days)
                if delta > 3 and not _said(notes, "actual start", "weekend"):
                    diffs.append(f"{where}: actual start {want_as} vs {t['actual_start']}")
            if state == "done" and t["actual_finish"] is None:
                diffs.append(f"{where}: done but no actual finish")
            if state != "done" and t["actual_finish"] is not None:
                diffs.append(f"{where}: not done but actual finish {t['actual_finish']}")
        want_owner = team_name.get(d.owner) if d.owner else None
        if want_owner is not None and want_owner not in t["owners"] and not _said(notes, "owner", "resource"):
            diffs.append(f"{where}: owner {want_owner!r} vs {t['owners']}")
        if want_owner is None and t["owners"]:
            diffs.append(f"{where}: no owner but {t['owners']}")
        if suffix == ".gan":
            continue
        # an earliest start is a 'start no earlier than' at its moment of the export's calendar (without a status
        # date, which moves the moments after it: the exports' notes say so)
        if d.not_before and state == "not_started" and plan.status_date is None:
            want_at = WorkCalendar.standard(_plan_start(plan)).datetime_at(d.not_before * 2400)
            got_at = t.get("constraint_date")
            if (
                t.get("constraint") != "START_NO_EARLIER_THAN"
                or got_at is None
                or abs((dt.datetime.fromisoformat(got_at) - want_at).total_seconds())
                > 60  # (XER keeps minutes)
            ):
                diffs.append(f"{where}: not before {want_at} vs {t.get('constraint')} {got_at}")
        want_links = sorted(
            (title_of[dep.from_], str(dep.type), round(dep.lag, 3))
            for dep in plan.dependencies
            if dep.to == d.id
        )
        got_links = sorted((p["from"], p["type"], round(p["lag"] or 0.0, 3)) for p in t["preds"])
        if want_links != got_links and not _said(notes, "lag", "link"):
            diffs.append(f"{where}: links {want_links} vs {got_links}")
    if suffix in (".xml", ".mpx") and all(str(d.status) == "not_started" for d in plan.decisions):
        # MPXJ's MicrosoftScheduler (MS Project's rules) puts each task where the file has it; with progress the
        # tools' own rules differ (the export says how), and MPXJ's PrimaveraScheduler shortens a task that has a
        # start-no-earlier date beside an FF link, so P6 files are compared by their finish (crosscheck_interop)
        if got.get("schedule_error"):
            diffs.append(f"MPXJ cannot schedule it: {got['schedule_error']}")
        critical = (
            {title_of[d.id]: bool(sched.critical[i]) for i, d in enumerate(plan.decisions)}
            if sched.critical
            else {}
        )
        for name, (s0, f0, s1, f1, crit) in (got.get("scheduled") or {}).items():
            if _working_moment(s0) != _working_moment(s1) or _working_moment(f0) != _working_moment(f1):
                diffs.append(f"{name[:30]!r}: written {s0}..{f0}, MPXJ schedules {s1}..{f1}")
            if name in critical and critical[name] != crit:
                diffs.append(f"{name[:30]!r}: critical {critical[name]} vs MPXJ's {crit}")
    names = set(title_of.values())
    extra = [n for n in by_name if n not in names]
    if extra:
        diffs.append(f"tasks not in the plan: {extra[:3]}")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=20, help="random plans (default 20)")
    ap.add_argument("--first", type=int, default=0, help="the first seed (default 0)")
    ap.add_argument("--size", type=int, default=12, help="decisions per plan (default 12)")
    ap.add_argument("--keep", help="a folder to keep the plans and exports in")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(args.keep or tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        jobs: list[tuple[int, Plan, str, Path]] = []
        for seed in range(args.first, args.first + args.plans):
            plan = make_plan(seed, args.size)
            (tmp / f"s{seed}.plan.json").write_text(plan.model_dump_json(by_alias=True, exclude_none=True))
            for suffix in FORMATS:
                path = tmp / f"s{seed}{suffix}"
                export_file(plan, path)
                jobs.append((seed, plan, suffix, path))
        res = subprocess.run(
            [sys.executable, "-c", MPXJ_HELPER, *(str(j[3]) for j in jobs)],
            capture_output=True,
            text=True,
            timeout=3600,
        )
        if res.returncode != 0:
            print("MPXJ failed:", res.stderr.strip()[-500:])
            return 1
        results = json.loads(res.stdout.strip().splitlines()[-1])
        bad = 0
        for (seed, plan, suffix, _path), got in zip(jobs, results, strict=True):
            diffs = compare(plan, suffix, got)
            bad += len(diffs)
            print(f"seed {seed} {suffix}: {'ok' if not diffs else f'{len(diffs)} DIFF'}")
            for line in diffs if (diffs and args.verbose) else diffs[:5]:
                print(f"  DIFF  {line}")
        print(f"{len(jobs)} files, {bad} differences")
        return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
