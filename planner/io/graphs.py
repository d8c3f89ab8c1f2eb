"""Text exports for other tools' pictures: TaskJuggler ``.tjp``, Mermaid gantt ``.mmd`` and Graphviz ``.dot``.

What each approximates is written into the file as a comment, never silently:

- **TaskJuggler** keeps FS and SS links with non-negative gaps exactly (``gapduration``, calendar time, as the
  planner's weeks are 7 calendar days). An FF link A -> B with lag L is the FS link with gap ``L - d(B)`` and an SF
  link the SS link with that gap: exact while the gap is not negative; a negative gap (and every lead) is written as
  0 with a comment. ``not_before`` becomes a ``start`` for a task without predecessors, and a helper milestone
  otherwise.
- **Mermaid** gantt has FS links only (``after``); every bar is written at its scheduled start, and links of other
  types or with lags are listed in comments.
- **DOT** keeps everything: type and lag on each edge, stages as clusters.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from planner.model.plan import Decision, Dependency, DependencyType, Plan

if TYPE_CHECKING:
    from planner.io.exporting import ExportSchedule
from planner.model.units import format_percent, format_weeks, week_to_date


def _origin(plan: Plan) -> dt.date:
    return plan.start_date or dt.date.today()


# -- TaskJuggler ------------------------------------------------------------------------------------------------------
def tj_ids(ids: list[str], reserved: Collection[str] = ()) -> dict[str, str]:
    """Plan ids -> unique TaskJuggler ids matching ``[A-Za-z_][A-Za-z0-9_]*``; one that is a ``reserved`` word
    (any case) gets a ``t_`` prefix before the ids are made unique, so the prefixed id cannot meet another."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for i in ids:
        base = re.sub(r"[^A-Za-z0-9_]", "_", i)
        if not re.match(r"[A-Za-z_]", base) or base.lower() in reserved:
            base = "t_" + base
        cand, n = base, 2
        while cand in taken:
            cand = f"{base}_{n}"
            n += 1
        taken.add(cand)
        out[i] = cand
    return out


def _tj_line(text: str) -> str:
    """``text`` on one line (each line break a space): a break in the plan's title ended the header comment, and
    tj3 read the rest of the title as the file's own statements."""
    return " ".join(text.splitlines())


def _tj_str(text: str) -> str:
    """A TaskJuggler string. tj3 expands ``${name}`` as a macro call even inside a string and has no escape for
    it (a title 'costs ${budget}' stopped the file: "Undefined macro 'budget' called"), so ``${`` is written with
    an invisible word joiner (U+2060) between its two characters."""
    text = _tj_line(text).replace("\\", "\\\\").replace('"', '\\"').replace("${", "$\u2060{")
    return f'"{text}"'


def _hours(weeks: float) -> int:
    return max(0, round(weeks * 7 * 24))


TJ_LAST_DAY = dt.date(2035, 12, 31)
"""TaskJuggler 3 takes dates from 1970 to 2035 only ('Year 2199 out of range (1970 - 2035)')."""


def export_tjp(plan: Plan) -> str:
    """A TaskJuggler 3 project that ``tj3`` accepts and schedules to the planner's finish for plans with FS/SS
    links and no leads, progress included: done work is a milestone where it sits, work in progress and not
    started its remaining duration from the earliest start the progress rules give it (the status date, an actual
    start, ``not_before``), and links into done work, which no longer bind, are comments. Raises
    :class:`~planner.io.common.InteropError` when the plan runs past 2035, the last year TaskJuggler takes."""
    from planner.io.exporting import export_schedule

    sched = export_schedule(plan)
    finish = sched.finish
    start = _origin(plan)
    by_id = {d.id: d for d in plan.decisions}
    index = {d.id: i for i, d in enumerate(plan.decisions)}
    tid = tj_ids([d.id for d in plan.decisions])
    sid = tj_ids([f"stage_{s.id}" for s in plan.stages])
    stage_of = {s.id: sid[f"stage_{s.id}"] for s in plan.stages}
    path: dict[str, str] = {}
    for d in plan.decisions:
        path[d.id] = f"{stage_of.get(d.stage, 'unstaged')}.{tid[d.id]}"
    preds: dict[str, list] = {}
    for dep in plan.dependencies:
        preds.setdefault(dep.to, []).append(dep)
    lines = _tj_header(plan, sched, start, _tj_days(start, finish))
    if not plan.decisions:
        lines += [
            f"task plan_start {_tj_str('Plan start (the plan has no decisions yet)')} {{",
            "  milestone",
            f"  start {start.isoformat()}",
            "}",
        ]
        return "\n".join(lines) + "\n"
    groups = [(s.id, s.name) for s in plan.stages]
    if any(d.stage not in stage_of for d in plan.decisions):
        groups.append(("", "Unknown stage"))
    helpers: list[tuple[str, str, float]] = []
    for key, name in groups:
        members = [d for d in plan.decisions if (d.stage if d.stage in stage_of else "") == key]
        if not members:
            continue
        lines.append(f"task {stage_of.get(key, 'unstaged')} {_tj_str(name)} {{")
        for d in members:
            i = index[d.id]
            done = sched.state[i] == "done"
            remaining = sched.remaining[i]
            floor = sched.floor[i] if sched.floor else (d.not_before or 0.0)
            lines.append(f"  task {tid[d.id]} {_tj_str(d.title)} {{")
            if d.milestone or remaining <= 0:
                lines.append("    milestone")
            else:
                lines.append(f"    duration {_hours(remaining)}h")
            if sched.state[i] != "not_started":
                lines.append(f"    complete {100 if done else round(min(100.0, d.progress))}")
            deps = [x for x in preds.get(d.id, []) if x.from_ in by_id]
            binding = [x for x in deps if (x.from_, x.to) not in sched.released]
            for dep in deps:
                if (dep.from_, dep.to) in sched.released:
                    lines.append(f"    # done: the link from {dep.from_} no longer moves it")
            # A lead, or an FF/SF link whose lag is shorter than the successor, has a negative gap, which
            # TaskJuggler cannot hold: it is a comment, and the task is held at the planner's start instead.
            inexact = [x for x in binding if _tj_gap(x, by_id) < -1e-9]
            for dep in inexact:
                lines.append(
                    f"    # {dep.type} link from {dep.from_} (lag {format_weeks(dep.lag)} weeks): a negative gap of "
                    f"{format_weeks(_tj_gap(dep, by_id))} weeks, which TaskJuggler has no way to write; the "
                    f"task is held at the planner's start, week {format_weeks(sched.es[i])}"
                )
            if inexact:
                binding = [x for x in binding if x not in inexact]
                floor = max(floor, sched.es[i])
            if floor > 0 and not binding:
                lines.append(f"    start {_tj_time(start, floor)}")
            elif not binding:
                lines.append(f"    start {start.isoformat()}")
            elif floor > 0:
                why = "where it finished" if done else f"from week {format_weeks(floor)}"
                lines.append(f"    # {why}: a helper milestone")
                lines.append(f"    depends !!nb_{tid[d.id]}")
                helpers.append((tid[d.id], d.title, floor))
            lines += _tj_depends(binding, by_id, [sched.remaining[index[x.from_]] for x in binding], path)
            lines.append("  }")
        lines.append("}")
    for key, title, floor in helpers:
        lines.append(f"task nb_{key} {_tj_str('not before: ' + title)} {{")
        lines.append("  milestone")
        lines.append(f"  start {_tj_time(start, floor)}")
        lines.append("}")
    return "\n".join(lines) + "\n"


def _tj_header(plan: Plan, sched: ExportSchedule, start: dt.date, end_days: int) -> list[str]:
    """The comments and the ``project`` block: its interval, resolution and 'now' (the status date)."""
    lines = [
        f"# {_tj_line(plan.title)} - exported by Scaling Roadmap Planner. Durations are calendar time (1 week = 7 days)."
    ]
    if sched.progress:
        lines.append(
            "# Progress: done work is a milestone where it finished; other work is its remaining duration from "
            "the earliest start the planner gives it (status date, actual start)."
        )
    if not sched.ok:
        lines.append("# The plan has validation errors (e.g. a cycle); starts are approximate.")
    lines += [
        f"project plan {_tj_str(plan.title)} {start.isoformat()} +{end_days}d {{",
        "  timingresolution 60min",
    ]
    if sched.status_week is not None:  # TaskJuggler's 'now': the date its reports measure progress against
        lines.append(f"  now {_tj_time(start, sched.status_week)}")
    return [*lines, "}", ""]


def _tj_days(start: dt.date, finish: float) -> int:
    """The project's length in days: the finish and two months to spare, within TaskJuggler's 1970-2035. Raises
    :class:`~planner.io.common.InteropError` when the plan itself runs outside them."""
    from planner.io.common import InteropError

    end = start + dt.timedelta(days=math.ceil(finish * 7))
    if start.year < 1970 or end > TJ_LAST_DAY:
        raise InteropError(
            None,
            f"TaskJuggler takes dates from 1970 to 2035; the plan runs from {start.isoformat()} to {end.isoformat()}",
            hint="export it as .xml, .gan or .csv instead",
        )
    return min(max(30, math.ceil(finish * 7) + 60), (TJ_LAST_DAY - start).days)


def _tj_depends(
    binding: list[Dependency], by_id: dict[str, Decision], pred_remaining: list[float], path: dict[str, str]
) -> list[str]:
    """The ``depends`` lines of one task: FS links from the predecessor's end, SS from its start, FF and SF as FS
    and SS with the gap lag - duration (only links whose gap is not negative reach here)."""
    lines = []
    for dep, left in zip(binding, pred_remaining, strict=True):
        gap = _tj_gap(dep, by_id)
        # a milestone starts where it ends: from its start, tj3 finds a dependency loop through the stage it sits
        # in ("Loop detected at end of task stage_s0")
        onstart = dep.type in (DependencyType.SS, DependencyType.SF) and not (
            by_id[dep.from_].milestone or left <= 0
        )
        if dep.type in (DependencyType.FF, DependencyType.SF):
            lines.append(
                f"    # {dep.type} link from {dep.from_} (lag {format_weeks(dep.lag)} weeks) "
                f"written as {'SS' if dep.type is DependencyType.SF else 'FS'} with gap lag - duration"
            )
        attrs = []
        if onstart:
            attrs.append("onstart")
        if _hours(gap):
            attrs.append(f"gapduration {_hours(gap)}h")
        lines.append(f"    depends {path[dep.from_]}" + (f" {{ {' '.join(attrs)} }}" if attrs else ""))
    return lines


def _tj_gap(dep: Dependency, by_id: dict[str, Decision]) -> float:
    """The TaskJuggler gap of a link in weeks: its lag, less the successor's duration for FF and SF links (written
    as FS and SS)."""
    if dep.type in (DependencyType.FF, DependencyType.SF):
        succ = by_id.get(dep.to)
        return dep.lag - (succ.weeks() if succ is not None else 0.0)
    return dep.lag


def _tj_time(start: dt.date, weeks: float) -> str:
    """The moment ``weeks`` after the plan start, on the hour (``2027-01-08-12:00``)."""
    moment = dt.datetime.combine(start, dt.time()) + dt.timedelta(hours=_hours(weeks))
    return moment.strftime("%Y-%m-%d-%H:%M") if moment.hour else moment.date().isoformat()


# -- Mermaid ----------------------------------------------------------------------------------------------------------
_MM_KEYWORDS = re.compile(
    r"(?:title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|acctitle"
    r"|accdescr|click|inclusiveenddates|topaxis|displaymode)(?![A-Za-z0-9_])",
    re.IGNORECASE,
)
"""Words that start a statement in Mermaid's gantt grammar (case-insensitive): a task named "Section 5 review"
would be read as a section, "Title deeds" as the chart's title."""
_MM_TAGS = {"done", "active", "crit", "milestone", "after", "until", "vert"}
"""Words Mermaid reads as a task's tags or a relation, not as its id."""


def _mm_text(text: str) -> str:
    """Mermaid gantt text: ``:``, ``;``, ``#`` and ``%`` end or break a task line, so they become Mermaid's entity
    codes (``#58;``), which it draws as the character; so does the first letter of a text that starts with one of
    the grammar's keywords."""
    text = " ".join(text.split())
    text = re.sub(r"[#:;%]", lambda m: f"#{ord(m.group())};", text) or "untitled"
    if _MM_KEYWORDS.match(text):
        text = f"#{ord(text[0])};{text[1:]}"
    return text


def export_mermaid(plan: Plan) -> str:
    """A Mermaid gantt chart: sections are stages, bars at their scheduled dates (whole days)."""
    from planner.io.exporting import export_schedule

    sched = export_schedule(plan)  # the schedule `planner analyze` shows, progress included
    # a started bar runs from where the work began (done: to where it finished)
    es = [e if b is None else b for e, b in zip(sched.es, sched.started, strict=True)]
    ef, ok = sched.ef, sched.ok
    start = _origin(plan)
    ids = tj_ids(
        [d.id for d in plan.decisions], reserved=_MM_TAGS
    )  # a bar id Mermaid reads as a tag is prefixed
    lines = [
        "gantt",
        f"    title {_mm_text(plan.title)}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %d %b",
        "    %% Exported by Scaling Roadmap Planner: bars sit at their scheduled dates. Mermaid links are",
        "    %% finish-to-start only, so every dependency is listed in a comment below its successor.",
    ]
    if not ok:
        lines.append("    %% The plan has validation errors (e.g. a cycle); dates are approximate.")
    preds: dict[str, list] = {}
    for dep in plan.dependencies:
        preds.setdefault(dep.to, []).append(dep)
    index = {d.id: i for i, d in enumerate(plan.decisions)}
    for st in plan.stages:
        members = [i for i, d in enumerate(plan.decisions) if d.stage == st.id]
        if not members:
            continue
        lines.append(f"    section {_mm_text(st.name)}")
        for i in members:
            d = plan.decisions[i]
            day0 = week_to_date(start, es[i]) or start
            day1 = week_to_date(start, ef[i]) or day0
            days = max(0, (day1 - day0).days)
            tags = ["milestone"] if d.milestone or days == 0 else []
            if sched.state[i] == "done":
                tags.append("done")
            elif sched.state[i] == "in_progress":
                tags.append("active")
            meta = ", ".join([*tags, ids[d.id], day0.isoformat(), f"{days}d"])
            lines.append(f"    {_mm_text(d.title)} :{meta}")
            for dep in preds.get(d.id, []):
                if dep.from_ not in index:
                    continue
                kind = (
                    "FS"
                    if dep.type == DependencyType.FS and not dep.lag
                    else (f"{dep.type}{'+' if dep.lag >= 0 else ''}{format_weeks(dep.lag)}w")
                )
                lines.append(f"    %% depends on {ids[dep.from_]} ({kind})")
    return "\n".join(lines) + "\n"


# -- Graphviz DOT -----------------------------------------------------------------------------------------------------
def _dot_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _state_text(plan: Plan, d: Decision) -> str:
    """``done``, ``40 %`` (in progress), ``blocked`` or empty (not started), as the progress rules read a decision."""
    from planner.analysis.progress import DONE, IN_PROGRESS, decision_progress

    state = decision_progress(plan, d, None).state
    if state == DONE:
        return "done"
    if d.status.value == "blocked":
        return "blocked"
    if state == IN_PROGRESS:
        return format_percent(d.progress)
    return ""


def export_dot(plan: Plan) -> str:
    """A Graphviz digraph: one cluster per stage, a node per decision (title and duration), an edge per dependency
    labelled with its type and lag (``SS+2w``; plain FS links carry no label). ``newrank`` ranks the whole graph at
    once: with per-cluster ranking, dot fails to route edges between clusters of large plans."""
    lines = [
        f"digraph {_dot_str(plan.title)} {{",
        "  rankdir=LR;",
        "  newrank=true;",
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    areas = {a.id: a.color for a in plan.areas}
    stage_ids = {s.id for s in plan.stages}
    for k, st in enumerate(plan.stages):
        members = [d for d in plan.decisions if d.stage == st.id]
        lines.append(f"  subgraph cluster_{k} {{")
        lines.append(f'    label={_dot_str(st.name)}; style=rounded; color="#888888";')
        for d in members:
            size = "milestone" if d.milestone else format_weeks(d.weeks()) + " w"
            # progress as the planner's rules read it: done, or the share done of work under way
            state = _state_text(plan, d)
            label = f"{d.title}\\n{size}" + (f" \u00b7 {state}" if state else "")
            color = areas.get(d.area or "") or "#ffffff"
            shape = ", shape=diamond" if d.milestone else ""
            if state == "done":
                shape += ', style="rounded,filled,dashed"'
            elif state:
                shape += ", penwidth=2"
            lines.append(
                f"    {_dot_str(d.id)} [label={_dot_str(label).replace(chr(92) * 2 + 'n', chr(92) + 'n')}, "
                f"fillcolor={_dot_str(color + '40' if color != '#ffffff' else color)}{shape}];"
            )
        lines.append("  }")
    for d in plan.decisions:
        if d.stage not in stage_ids:
            lines.append(f"  {_dot_str(d.id)} [label={_dot_str(d.title)}];")
    for dep in plan.dependencies:
        label = (
            ""
            if dep.type == DependencyType.FS and not dep.lag
            else (
                f"{dep.type}" + (f"{'+' if dep.lag > 0 else ''}{format_weeks(dep.lag)}w" if dep.lag else "")
            )
        )
        attr = f" [label={_dot_str(label)}]" if label else ""
        lines.append(f"  {_dot_str(dep.from_)} -> {_dot_str(dep.to)}{attr};")
    lines.append("}")
    return "\n".join(lines) + "\n"
