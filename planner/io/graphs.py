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

from planner.model.plan import DependencyType, Plan
from planner.model.units import format_weeks, week_to_date


def _schedule(plan: Plan) -> tuple[list[float], list[float], float, bool]:
    from planner.analysis.schedule import ScheduleError, schedule

    try:
        s = schedule(plan)
        return [float(x) for x in s.es], [float(x) for x in s.ef], float(s.finish), True
    except (ScheduleError, ValueError, KeyError):
        es = [d.not_before or 0.0 for d in plan.decisions]
        ef = [e + d.weeks() for e, d in zip(es, plan.decisions, strict=True)]
        return es, ef, max(ef, default=0.0), False


def _origin(plan: Plan) -> dt.date:
    return plan.start_date or dt.date.today()


# -- TaskJuggler ------------------------------------------------------------------------------------------------------
def tj_ids(ids: list[str]) -> dict[str, str]:
    """Plan ids -> unique TaskJuggler ids matching ``[A-Za-z_][A-Za-z0-9_]*``."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for i in ids:
        base = re.sub(r"[^A-Za-z0-9_]", "_", i)
        if not re.match(r"[A-Za-z_]", base):
            base = "t_" + base
        cand, n = base, 2
        while cand in taken:
            cand = f"{base}_{n}"
            n += 1
        taken.add(cand)
        out[i] = cand
    return out


def _tj_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _hours(weeks: float) -> int:
    return max(0, round(weeks * 7 * 24))


def export_tjp(plan: Plan) -> str:
    """A TaskJuggler 3 project that ``tj3`` accepts and schedules to the same finish for FS/SS plans."""
    es, ef, finish, ok = _schedule(plan)
    start = _origin(plan)
    end_days = max(30, math.ceil(finish * 7) + 60)
    tid = tj_ids([d.id for d in plan.decisions])
    sid = tj_ids([f"stage_{s.id}" for s in plan.stages])
    stage_of = {s.id: sid[f"stage_{s.id}"] for s in plan.stages}
    path: dict[str, str] = {}
    for d in plan.decisions:
        path[d.id] = f"{stage_of.get(d.stage, 'unstaged')}.{tid[d.id]}"
    preds: dict[str, list] = {}
    for dep in plan.dependencies:
        preds.setdefault(dep.to, []).append(dep)
    by_id = {d.id: d for d in plan.decisions}
    lines = [
        f"# {plan.title} - exported by Scaling Roadmap Planner. Durations are calendar time (1 week = 7 days).",
        f"project plan {_tj_str(plan.title)} {start.isoformat()} +{end_days}d {{",
        "  timingresolution 60min",
        "}",
        "",
    ]
    if not ok:
        lines.insert(1, "# The plan has validation errors (e.g. a cycle); starts are approximate.")
    groups = [(s.id, s.name) for s in plan.stages]
    if any(d.stage not in stage_of for d in plan.decisions):
        groups.append(("", "Unknown stage"))
    for key, name in groups:
        members = [d for d in plan.decisions if (d.stage if d.stage in stage_of else "") == key]
        if not members:
            continue
        lines.append(f"task {stage_of.get(key, 'unstaged')} {_tj_str(name)} {{")
        for d in members:
            lines.append(f"  task {tid[d.id]} {_tj_str(d.title)} {{")
            if d.milestone or d.weeks() == 0:
                lines.append("    milestone")
            else:
                lines.append(f"    duration {_hours(d.weeks())}h")
            deps = [x for x in preds.get(d.id, []) if x.from_ in by_id]
            if d.not_before and not deps:
                lines.append(f"    start {(start + dt.timedelta(hours=_hours(d.not_before))).isoformat()}")
            elif not deps:
                lines.append(f"    start {start.isoformat()}")
            elif d.not_before:
                lines.append(f"    # not before week {format_weeks(d.not_before)}: a helper milestone")
                lines.append(f"    depends !!nb_{tid[d.id]}")
            for dep in deps:
                gap = dep.lag
                onstart = dep.type in (DependencyType.SS, DependencyType.SF)
                if dep.type in (DependencyType.FF, DependencyType.SF):
                    gap = dep.lag - d.weeks()
                    lines.append(
                        f"    # {dep.type} link from {dep.from_} (lag {format_weeks(dep.lag)} weeks) "
                        f"written as {'SS' if onstart else 'FS'} with gap lag - duration"
                    )
                if gap < 0:
                    lines.append(
                        f"    # the gap of {format_weeks(gap)} weeks is negative; TaskJuggler has no "
                        "leads, so it is written as 0"
                    )
                    gap = 0.0
                attrs = []
                if onstart:
                    attrs.append("onstart")
                if _hours(gap):
                    attrs.append(f"gapduration {_hours(gap)}h")
                lines.append(
                    f"    depends {path[dep.from_]}" + (f" {{ {' '.join(attrs)} }}" if attrs else "")
                )
            lines.append("  }")
        lines.append("}")
    helpers = [
        d for d in plan.decisions if d.not_before and any(x.from_ in by_id for x in preds.get(d.id, []))
    ]
    for d in helpers:
        lines.append(f"task nb_{tid[d.id]} {_tj_str('not before: ' + d.title)} {{")
        lines.append("  milestone")
        lines.append(f"  start {(start + dt.timedelta(hours=_hours(d.not_before or 0))).isoformat()}")
        lines.append("}")
    return "\n".join(lines) + "\n"


# -- Mermaid ----------------------------------------------------------------------------------------------------------
def _mm_text(text: str) -> str:
    """Mermaid gantt text: ``:``, ``;``, ``#`` and ``%`` end or break a task line, so they become Mermaid's entity
    codes (``#58;``), which it draws as the character."""
    text = " ".join(text.split())
    return re.sub(r"[#:;%]", lambda m: f"#{ord(m.group())};", text) or "untitled"


def export_mermaid(plan: Plan) -> str:
    """A Mermaid gantt chart: sections are stages, bars at their scheduled dates (whole days)."""
    es, ef, _finish, ok = _schedule(plan)
    start = _origin(plan)
    ids = tj_ids([d.id for d in plan.decisions])
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
            if d.status.value == "done":
                tags.append("done")
            elif d.status.value == "in_progress":
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
            label = f"{d.title}\\n{'milestone' if d.milestone else format_weeks(d.weeks()) + ' w'}"
            color = areas.get(d.area or "") or "#ffffff"
            shape = ", shape=diamond" if d.milestone else ""
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
