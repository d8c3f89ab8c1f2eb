"""Cross-check the exports against the tools they are for (issue 10). Optional: each check is skipped, and says so,
when its tool is absent; the test suite never needs Java, tj3 or Graphviz.

    .venv/bin/python benchmarks/crosscheck_interop.py [--mpxj-python PATH] [--random N]

- **MPXJ** (``pip install mpxj JPype1`` plus a JDK, in any Python; give that interpreter with ``--mpxj-python`` or
  ``$MPXJ_PYTHON`` when it is not this one): plan -> MSPDI is read by MPXJ with the same number of tasks, milestones
  and links of each type and the same lags; MPXJ's MicrosoftScheduler schedules it to the finish the planner
  stored. The real MS Project file in ``tests/io/data`` is read by MPXJ and by the planner with the same counts.
- **TaskJuggler** (``apt-get install tj3``): plan -> .tjp is accepted by ``tj3`` and scheduled to the same finish
  (progress and every link type included).
- **Graphviz** (``apt-get install graphviz``): plan -> .dot is accepted by ``dot -Tsvg``.

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
from planner.io import HELPER_TAG, InteropError, export_file, export_notes, import_file  # noqa: E402
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
    rels, lags = {}, []
    for t in p.getTasks():
        for r in t.getPredecessors():
            kind = str(r.getType())
            rels[kind] = rels.get(kind, 0) + 1
            lag = r.getLag()
            minutes = float(lag.convertUnits(TimeUnit.MINUTES, props).getDuration())
            lags.append(round(minutes / mpw, 6))
    stored = str(props.getFinishDate())
    scheduled, error = None, None
    try:
        from org.mpxj.cpm import MicrosoftScheduler
        MicrosoftScheduler().schedule(p, props.getStartDate())
        scheduled = str(max(t.getFinish() for t in p.getTasks() if t.getFinish() is not None))
    except Exception as exc:
        error = str(exc)[:200]
    out.append({"path": path, "tasks": len(leaves), "milestones": sum(1 for t in leaves if t.getMilestone()),
                "links": rels, "lags": sorted(lags), "stored_finish": stored, "scheduled_finish": scheduled,
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


def check_mpxj(c: Checks, py: str, plans: list[tuple[str, Plan]], tmp: Path) -> None:
    paths: list[str] = []
    expected: list[tuple[str, Plan, float]] = []
    for name, plan in plans:
        path = tmp / f"{len(paths)}.xml"
        export_file(plan, path)
        paths.append(str(path))
        expected.append((name, plan, export_schedule(plan).finish))
    real = ROOT / "tests" / "io" / "data" / "task-links-project2013-mspdi.xml"
    paths.append(str(real))
    res = subprocess.run([py, "-c", MPXJ_HELPER, *paths], capture_output=True, text=True, timeout=600)
    if res.returncode != 0:
        c.check(
            False, "MPXJ reads the exports", res.stderr.strip().splitlines()[-1] if res.stderr else "failed"
        )
        return
    results = json.loads(res.stdout.strip().splitlines()[-1])
    for (name, plan, _finish), got in zip(expected, results, strict=False):
        want_links = dict(Counter(str(d.type) for d in plan.dependencies))
        c.check(
            got["tasks"] == len(plan.decisions)
            and got["milestones"] == sum(d.milestone for d in plan.decisions)
            and got["links"] == want_links,
            f"MPXJ reads {name}: {got['tasks']} tasks, {got['milestones']} milestones, links {got['links']}",
            f"expected {len(plan.decisions)} tasks, links {want_links}",
        )
        want_lags = sorted(round(d.lag, 6) for d in plan.dependencies)
        c.check(
            all(abs(a - b) < 1e-4 for a, b in zip(got["lags"], want_lags, strict=True)),
            f"MPXJ lags of {name} in weeks match",
            f"{got['lags'][:5]} vs {want_lags[:5]}",
        )
        said = [n for n in export_notes(plan, "mspdi") if "MS Project runs the whole duration" in n]
        if said and got["scheduled_finish"] != got["stored_finish"]:
            print(
                f"  note  MPXJ finishes {name} at {got['scheduled_finish']}, as the export says: {said[0][:90]}..."
            )
        elif got["scheduled_finish"] is None:
            print(f"  note  MPXJ could not schedule {name}: {got['schedule_error']}")
        else:
            c.check(
                got["scheduled_finish"] == got["stored_finish"],
                f"MPXJ's scheduler finishes {name} when the planner does ({got['stored_finish']})",
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--mpxj-python", help="a Python with mpxj and JPype1 installed (default: $MPXJ_PYTHON or this)"
    )
    ap.add_argument("--random", type=int, default=3, help="random 200-decision plans to add (default 3)")
    args = ap.parse_args()
    c = Checks()
    plans = _plans(args.random)
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
    print(f"{c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
