"""Differential check of the MS Project XML import against TaskJuggler (optional; never a test dependency).

    .venv/bin/python benchmarks/crosscheck_tj3.py [--seeds 300] [--first 0] [--keep DIR] [--verbose]

Each seed generates a random TaskJuggler project (``.tjp``): tasks nested 1-4 deep beside top-level leaves,
summaries named after the plan's stages (Validate/Integrate/Operationalize/Scale) or not, milestones, ``duration``
(calendar time), ``length`` (working days) and ``effort`` (with an allocated resource), ``depends`` with
``onstart``/``onend`` and ``gaplength``/``gapduration``, ``precedes`` (which makes the task as late as possible),
``start`` constraints, and sometimes a ``now`` inside the project with ``complete`` values. ``tj3`` (TaskJuggler
3.7.1: ``apt-get install tj3``) schedules it and writes it as MS Project XML (``export "x" { formats mspxml }``)
and a CSV task report of ``id, start, end``; the XML is imported in-process (``planner.io.mspdi.import_mspdi``)
and compared with TaskJuggler's own schedule:

- the import raises nothing (no internal error, no refusal of the valid file);
- every leaf task is a decision of the same title (summaries are structure, with a start and finish helper when
  they are linked);
- every ``depends``/``precedes`` is carried: FS (SS for ``onstart``) between the leaves, or their summaries'
  helpers;
- the planner's finish is TaskJuggler's latest end. The plan has no calendar: it counts in 7-day weeks, and the
  import places each date of the file by its working time from the project start (5 days of 8 hours a week on
  TaskJuggler's standard calendar, 09:00-17:00 Monday to Friday), as it does for MS Project. So TaskJuggler's end is
  converted the same way (working minutes from the project start / 2,400) and the two must agree within 0.2 weeks
  (one working day: the plan keeps actual dates to the day). A task given a ``complete`` behind TaskJuggler's
  schedule may finish later in the plan (TaskJuggler does not reschedule from ``complete``; the planner runs the
  work left from the status date): the finish may then be later, never earlier;
- ``analyze`` raises no error, and a warning only where the file justifies it: a ``complete`` behind the schedule
  at ``now`` (late-finish, behind-schedule and their kin about those tasks); over-capacity of tasks that share an
  allocated resource (TaskJuggler levels them one after another, the plan runs them at once and says so).

Exit code 0 when every seed passed, 1 otherwise; the failures are listed with their seed (``--keep DIR`` keeps the
files of every failing seed: the .tjp, TaskJuggler's XML and CSV).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.analysis import analyze  # noqa: E402
from planner.io import HELPER_TAG  # noqa: E402
from planner.io.mspdi import import_mspdi  # noqa: E402
from planner.model import Plan  # noqa: E402

STAGE_NAMES = ["Validate", "Integrate", "Operationalize", "Scale"]
WORDS = [
    "Data audit",
    "Pilot",
    "Model",
    "Rollout",
    "Review",
    "Training",
    "Pipeline",
    "Dashboard",
    "Legal",
    "Vendor",
]


@dataclass
class Task:
    tid: str  # the full TaskJuggler id ("a.b.c")
    name: str
    parent: Task | None
    children: list[Task] = field(default_factory=list)
    attrs: list[str] = field(default_factory=list)
    deps: list[tuple[str, str]] = field(default_factory=list)  # (predecessor id, "FS"/"SS")
    complete: int | None = None

    def ancestors(self) -> list[Task]:
        out, p = [], self.parent
        while p is not None:
            out.append(p)
            p = p.parent
        return out


def generate(seed: int) -> tuple[str, list[Task], dt.date, dt.date | None]:
    """A random .tjp (text), its tasks in definition order, the project start and ``now`` (or None)."""
    rng = random.Random(seed)
    start = dt.date(2027, 1, 4) + dt.timedelta(days=rng.randrange(0, 60))
    tasks: list[Task] = []
    counter = [0]

    def make(parent: Task | None, depth: int, max_depth: int) -> Task:
        counter[0] += 1
        local = f"t{counter[0]}"
        tid = f"{parent.tid}.{local}" if parent else local
        summary = depth < max_depth and rng.random() < (0.6 if depth == 1 else 0.4)
        if summary and depth == 1 and rng.random() < 0.6:
            name = rng.choice(STAGE_NAMES)
            if any(t.name == name for t in tasks):
                name = f"{name} {counter[0]}"  # a second one of the same stage: named after it and numbered
        else:
            name = f"{rng.choice(WORDS)} {counter[0]}"
        t = Task(tid, name, parent)
        tasks.append(t)
        if summary:
            for _ in range(rng.randint(1, 4)):
                t.children.append(make(t, depth + 1, max_depth))
        return t

    max_depth = rng.randint(1, 4)
    top = [make(None, 1, max_depth) for _ in range(rng.randint(2, 5))]
    resources = [f"r{k}" for k in range(1, rng.randint(1, 3) + 1)]
    leaves = [t for t in tasks if not t.children]

    def related(a: Task, b: Task) -> bool:
        return a in b.ancestors() or b in a.ancestors() or a is b

    # links go forward in definition order (a summary's subtree is contiguous): no loops
    order = {t.tid: k for k, t in enumerate(tasks)}
    for k, t in enumerate(tasks):
        inherited = {
            pred for a in t.ancestors() for pred, _ in a.deps
        }  # tj3 refuses a dependency given twice
        earlier = [u for u in tasks[:k] if not related(u, t) and u.tid not in inherited]
        if t.children:
            if earlier and rng.random() < 0.3:
                t.deps.append((rng.choice(earlier).tid, "FS"))
            continue
        roll = rng.random()
        if roll < 0.12:
            t.attrs.append("milestone")
        elif roll < 0.45:
            t.attrs.append(
                f"duration {rng.randint(1, 30)}d" if rng.random() < 0.6 else f"duration {rng.randint(1, 6)}w"
            )
        elif roll < 0.75:
            t.attrs.append(f"length {rng.randint(1, 25)}d")
        else:
            t.attrs.append(f"effort {rng.randint(1, 20)}d")
            t.attrs.append(f"allocate {rng.choice(resources)}")
        for u in rng.sample(earlier, min(len(earlier), rng.choice([0, 1, 1, 2]))):
            t.deps.append((u.tid, "SS" if rng.random() < 0.25 else "FS"))
    # a start constraint on a few tasks without predecessors (of their own or of a summary around them)
    for t in leaves:
        if not t.deps and not any(a.deps for a in t.ancestors()) and rng.random() < 0.3:
            t.attrs.append(f"start {start + dt.timedelta(days=rng.randint(0, 40))}")
    # precedes: a leaf before a later task that has a start of its own or follows other work
    for t in leaves:
        if "milestone" in t.attrs or any(a.startswith("start ") for a in t.attrs) or rng.random() > 0.08:
            continue
        later = [u for u in leaves if order[u.tid] > order[t.tid] and not related(u, t) and u.deps]
        if later and not t.deps:
            t.attrs.append(f"precedes {rng.choice(later).tid}")
    now = None
    if rng.random() < 0.4:
        now = start + dt.timedelta(days=rng.randint(3, 60))
        for t in leaves:
            if "milestone" not in t.attrs and rng.random() < 0.3:
                t.complete = rng.choice([0, 10, 25, 50, 80, 100])

    # rarer cases, drawn from a second generator so that the cases above stay what they were for each seed: an end
    # date instead of a start (scheduled as late as possible), 'now' before the project starts or after it ends, a
    # milestone reported done
    more = random.Random(seed * 7919 + 1)
    for t in leaves:
        if (
            not t.deps
            and not any(a.deps for a in t.ancestors())
            and not any(a.startswith(("start ", "precedes ")) for a in t.attrs)
        ) and more.random() < 0.1:
            t.attrs.append(f"end {start + dt.timedelta(days=more.randint(20, 80))}")
    if now is None and more.random() < 0.25:
        now = start + dt.timedelta(days=-10 if more.random() < 0.5 else 500)
    elif now is not None:
        for t in leaves:
            if "milestone" in t.attrs and more.random() < 0.3:
                t.complete = 100

    lines = [f'project p{seed} "Crosscheck {seed}" {start} +24m {{']
    if now is not None:
        lines.append(f"  now {now}")
    lines.append("}")
    lines += [f'resource {r} "Resource {r}"' for r in resources]

    def write(t: Task, indent: str) -> None:
        local = t.tid.rsplit(".", 1)[-1]
        lines.append(f'{indent}task {local} "{t.name}" {{')
        for a in t.attrs:
            lines.append(f"{indent}  {a}")
        for pred, kind in t.deps:
            opts = []
            if kind == "SS":
                opts.append("onstart")
            roll = rng.random()
            if roll < 0.2:
                opts.append(f"gaplength {rng.randint(1, 5)}d")
            elif roll < 0.35:
                opts.append(f"gapduration {rng.randint(1, 7)}d")
            lines.append(f"{indent}  depends {pred}" + (f" {{ {' '.join(opts)} }}" if opts else ""))
        if t.complete is not None:
            lines.append(f"{indent}  complete {t.complete}")
        for c in t.children:
            write(c, indent + "  ")
        lines.append(f"{indent}}}")

    for t in top:
        write(t, "")
    lines.append('export "x" { formats mspxml }')
    lines.append('taskreport "r" { formats csv timeformat "%Y-%m-%d %H:%M" columns id, start, end }')
    return "\n".join(lines) + "\n", tasks, start, now


def working_weeks(start: dt.date, moment: dt.datetime) -> float:
    """Working minutes from the project start to ``moment`` on TaskJuggler's standard calendar (Mon-Fri 09:00-17:00)
    in 40-hour weeks: where the import places that moment in the plan's weeks."""
    minutes = 0.0
    day = start
    while day <= moment.date():
        if day.weekday() < 5:
            lo = dt.datetime.combine(day, dt.time(9))
            hi = min(dt.datetime.combine(day, dt.time(17)), moment)
            minutes += max(0.0, (hi - lo).total_seconds() / 60)
        day += dt.timedelta(days=1)
    return minutes / 2400


def named_inversion(plan: Plan, pair: list[str], guessed: set[str]) -> bool:
    """Whether the stage inversion between ``pair`` (the waiting decision and the one it waits for, in either order)
    is the file's own: work in a stage the file names comes, through these links, before work in an earlier stage
    the file names. A decision whose stage was guessed takes no part in it (the import then adds the inversion)."""
    graph = nx.DiGraph((x.from_, x.to) for x in plan.dependencies)
    stage = {d.id: d.stage for d in plan.decisions if d.id not in guessed}
    order = {s.id: k for k, s in enumerate(plan.stages)}
    a, b = pair
    if nx.has_path(graph, b, a):  # the finding names the waiting decision first
        a, b = b, a
    up = [stage[x] for x in {a} | nx.ancestors(graph, a) if x in stage]
    down = [stage[x] for x in {b} | nx.descendants(graph, b) if x in stage]
    return bool(up and down) and max(order[s] for s in up) > min(order[s] for s in down)


def check(seed: int, work: Path, verbose: bool) -> tuple[str, list[str]]:
    """('ok' | 'tj3-refused' | 'fail', problems)."""
    text, tasks, start, now = generate(seed)
    tjp = work / "p.tjp"
    tjp.write_text(text, encoding="utf-8")
    res = subprocess.run(
        ["tj3", "--no-color", "-o", str(work), str(tjp)], capture_output=True, text=True, timeout=300
    )
    if res.returncode != 0:
        tail = [ln for ln in (res.stderr or res.stdout).splitlines() if "Error" in ln or "error" in ln]
        return "tj3-refused", tail[:2]
    ends: dict[str, dt.datetime] = {}
    for line in (work / "r.csv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = [c.strip('"') for c in line.split(";")]
        ends[cells[0]] = dt.datetime.strptime(cells[2], "%Y-%m-%d %H:%M")
    problems: list[str] = []
    try:
        plan, report = import_mspdi(work / "x.xml")
    except Exception as exc:  # noqa: BLE001 - any exception is the finding
        return "fail", [
            f"import raised {type(exc).__name__}: {exc}",
            *traceback.format_exc().splitlines()[-4:],
        ]
    leaves = [t for t in tasks if not t.children]
    decisions = [d for d in plan.decisions if HELPER_TAG not in d.tags]
    got = Counter(d.title for d in decisions)
    want = Counter(t.name for t in leaves)
    if got != want:
        problems.append(
            f"decisions {sorted((got - want).elements())} extra, {sorted((want - got).elements())} lost"
        )
    by_title = {d.title: d.id for d in decisions}
    helpers = {d.title: d.id for d in plan.decisions if HELPER_TAG in d.tags}
    links = {(x.from_, x.to): x.type.value for x in plan.dependencies}
    by_id = {t.tid: t for t in tasks}

    def node(t: Task, side: str) -> str | None:
        return by_title.get(t.name) if not t.children else helpers.get(f"{t.name} ({side})")

    carried = 0
    wanted = [(by_id[p], t, kind) for t in tasks for p, kind in t.deps]
    for t in leaves:
        for a in t.attrs:
            if a.startswith("precedes "):
                wanted.append((t, by_id[a.split()[1]], "FS"))
    for pred, succ, kind in wanted:
        src = node(pred, "start" if kind == "SS" else "finish")
        dst = node(succ, "start")
        got_kind = links.get((src, dst)) if src is not None and dst is not None else None
        if got_kind != kind:
            problems.append(
                f"link {pred.tid} -> {succ.tid} ({kind}) not carried ({src} -> {dst}: {got_kind})"
            )
        else:
            carried += 1
    r = analyze(plan)
    if r.schedule is None:
        problems.append(
            "no schedule: " + "; ".join(f.message for f in r.findings if f.severity.value == "error")
        )
        return "fail", problems
    tj_finish = working_weeks(start, max(ends.values()))
    behind = {t.name for t in leaves if t.complete is not None}
    diff = r.schedule.finish - tj_finish
    if abs(diff) > 0.2 + 1e-9 and not (behind and now is not None and diff > 0):
        problems.append(
            f"finish {r.schedule.finish:.2f} weeks, TaskJuggler {tj_finish:.2f} ({max(ends.values())})"
        )
    # decisions a "complete" behind the schedule may make late: those tasks and the helpers of summaries around them
    excused = {by_title.get(t.name) for t in leaves if t.complete is not None}
    excused |= {
        helpers.get(f"{a.name} ({side})")
        for t in leaves
        if t.complete is not None
        for a in t.ancestors()
        for side in ("start", "finish")
    }
    guessed = {d.id for d in plan.decisions if "stage-guessed" in d.tags}
    # tasks given a resource: TaskJuggler levels them (one after another on that resource), the plan does not, and
    # its over-capacity warning says so of the imported plan: justified by the file
    allocated = {by_title.get(t.name) for t in leaves if any(a.startswith("allocate") for a in t.attrs)}
    for f in r.findings:
        if f.severity.value == "error":
            problems.append(f"error {f.code}: {f.message[:160]}")
        elif f.severity.value == "warning":
            if f.code == "stage-inversion" and named_inversion(plan, f.decisions, guessed):
                continue  # stages the file names (summaries named for them) are inverted along these links
            if f.decisions and set(f.decisions) <= excused:
                continue
            if f.code == "over-capacity" and f.decisions and set(f.decisions) <= allocated:
                continue
            problems.append(f"warning {f.code}: {f.message[:160]}")
    if verbose:
        print(
            f"seed {seed}: {len(leaves)} leaves, {carried}/{len(wanted)} links, finish {r.schedule.finish:.2f} "
            f"vs {tj_finish:.2f}; {len(report.items)} report items"
        )
    return ("fail" if problems else "ok"), problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=300)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--keep", type=Path, default=None, help="keep the files of each failing seed here")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if shutil.which("tj3") is None:
        print("tj3 is not installed (apt-get install tj3): nothing checked")
        return 0
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.first, args.first + args.seeds):
            work = Path(tmp) / str(seed)
            work.mkdir()
            verdict, problems = check(seed, work, args.verbose)
            counts[verdict] += 1
            if verdict != "ok":
                print(f"seed {seed}: {verdict}")
                for p in problems:
                    print(f"    {p}")
                    kinds[p.split(" ")[0] if verdict == "fail" else verdict] += 1
                if args.keep is not None and verdict == "fail":
                    shutil.copytree(work, args.keep / str(seed), dirs_exist_ok=True)
            shutil.rmtree(work)
    print(
        f"{args.seeds} seeds: {counts['ok']} passed, {counts['fail']} failed, {counts['tj3-refused']} refused by tj3"
    )
    if kinds:
        print("problems by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
