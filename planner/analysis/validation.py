"""Validation (SPEC §3.1): referential and semantic checks that do not stop a plan from loading.

Errors (the schedule cannot be computed while any remain): ``duplicate-id``, ``unknown-reference``,
``self-dependency``, ``cycle``, ``milestone-duration``, ``dates-out-of-range`` (the schedule could run past
31 Dec 9999, so no date could be written for it). Warnings: ``stage-inversion``, ``duplicate-dependency``,
``gate-not-met``, ``duplicate-scenario`` and ``scenario-named-base`` (a scenario that ``--scenario NAME`` and the app's
switcher cannot tell from another or from the plan itself), ``scenario-unknown-reference`` and
``scenario-duplicate-id`` (a scenario's change that names what the plan does not have, or adds an id it has),
``scenario-cycle`` (a link a scenario adds closes a loop: the scenario cannot be scheduled),
``scenario-milestone-duration`` (a scenario gives a milestone a duration: it cannot be scheduled),
``scenario-duplicate-dependency`` (a scenario adds a link the plan keeps, or one link twice), ``scenario-blank-name``,
``case-duplicate-id`` (ids of one list that differ only in case), ``go-live-unknown`` (``ai_system.go_live`` names
no decision), ``target-needs-start-date`` (a target date and no
start date: the target is left out), ``target-before-start`` (a target no schedule can meet);
``over-capacity`` comes from :mod:`planner.analysis.capacity`. Info: ``isolated-decision``, ``empty-stage``, ``missing-owner``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection

import numpy as np

from planner.analysis.findings import Finding, Severity, has_errors, sort_findings
from planner.analysis.graph import (
    Columns,
    PlanGraph,
    backward_sweep,
    columns_of,
    compile_plan,
    gc_paused,
    radix_argsort,
)
from planner.analysis.progress import progress_findings
from planner.model import units
from planner.model.edits import find_path
from planner.model.names import name_key
from planner.model.plan import Plan, Status, duration_value
from planner.units import joined, quoted, title_and_id

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

_MAX_LISTED = 5
_MAX_CYCLE_SPELLED = 60

Namer = Callable[[str], str]


def name(plan: Plan, decision_id: str, titles: dict[str, str] | _Titles | None = None) -> str:
    """How a decision is named in messages: its title and id, e.g. ``'Define the value case' (value-case)``."""
    if titles is None:
        d = plan.decision(decision_id)
        title = d.title if d else None
    else:
        title = titles.get(decision_id)
    return title_and_id(title, decision_id)


def validate(plan: Plan, graph: PlanGraph | None = None, *, scheduled: bool = True) -> list[Finding]:
    """Every validation finding of ``plan`` (SPEC §3.1), errors first: the list ``planner check`` prints.

    Some need the schedule: ``over-capacity`` (SPEC §3.1) and, against the status date, ``late-start`` and
    ``late-finish``. With ``scheduled`` (the default) they are computed when no error stops the schedule, on the
    likely estimate (or the estimate ``graph`` was compiled under). :func:`planner.analysis.analyze` passes False and
    adds them for its own estimate from the schedule it computes anyway; so do callers that read only the errors.

    >>> from planner.model import new_plan, Decision, Team
    >>> plan = new_plan()
    >>> plan.decisions.append(Decision(id="a", title="A", stage="nowhere", owner="x"))
    >>> [f.code for f in validate(plan) if f.severity == "error"]
    ['unknown-reference', 'unknown-reference']
    >>> plan = new_plan()
    >>> plan.teams.append(Team(id="t", name="T", capacity=1))
    >>> plan.decisions.append(Decision(id="a", title="A", stage="validate", owner="t", headcount=2))
    >>> [f.code for f in validate(plan) if f.severity == "warning"]
    ['over-capacity', 'over-capacity']
    """
    with gc_paused():  # issue 12: thousands of findings, no cyclic collections over a big loaded plan
        found = _validate(plan, graph)
        if scheduled and not has_errors(found):
            found = sort_findings(found + _schedule_findings(plan, graph))
        return found


def _schedule_findings(plan: Plan, graph: PlanGraph | None) -> list[Finding]:
    """The findings that need the schedule, as :func:`planner.analysis.analyze` adds them (likely estimate)."""
    from planner.analysis.progress import schedule_progress_findings, status_week

    has_capacity = any(t.capacity is not None for t in plan.teams)
    if not has_capacity and status_week(plan) is None:
        return []  # nothing to measure: no schedule computed
    from planner.analysis.capacity import capacity_findings
    from planner.analysis.progress import progress_schedule

    sched = progress_schedule(plan, "likely", graph)
    return (capacity_findings(plan, sched) if has_capacity else []) + schedule_progress_findings(
        plan, sched, "likely"
    )


def _validate(plan: Plan, graph: PlanGraph | None) -> list[Finding]:
    if graph is None:
        graph = compile_plan(plan)
    cols = columns_of(plan, graph)
    # First title wins for a duplicate id: graph.index holds each id's first position. Titles are looked up only
    # for the decisions a message names (issue 12).
    titles = _Titles(plan, graph.index)

    def nm(did: str) -> str:
        return name(plan, did, titles)

    out: list[Finding] = []
    all_linked = len(graph.src) == len(
        plan.dependencies
    )  # compile_plan resolved every link: none unknown or self
    out += _duplicate_ids(plan, skip_decisions=len(graph.index) == len(plan.decisions))
    out += _ids_alike_but_case(plan, graph, nm)
    out += _unknown_references(plan, graph, titles, nm, cols)
    out += [] if all_linked else _self_dependencies(plan, nm)
    out += _cycles(graph, nm)
    out += _milestones(plan, nm, cols)
    out += _dates_in_range(plan, graph, nm, cols)
    out += _duplicate_dependencies(plan, graph, nm)
    out += _stage_inversions(plan, graph, nm)
    out += _gates_not_met(plan, cols, nm)
    out += _isolated(plan, graph, nm)
    out += _empty_stages(plan, cols)
    out += _missing_owner(plan, graph, cols)
    out += _scenario_names(plan)
    out += _go_live(plan, titles)
    out += _target_date(plan)
    out += progress_findings(plan, cols)  # status date and actuals (issue 16)
    return sort_findings(out)


class _Titles:
    """The read-only mapping id -> title (of the first decision with that id) that messages need, looked up in the
    plan's objects only for the ids asked about."""

    __slots__ = ("_decisions", "_index")

    def __init__(self, plan: Plan, index: dict[str, int]) -> None:
        self._decisions = plan.decisions
        self._index = index

    def get(self, did: str, default: str | None = None) -> str | None:
        i = self._index.get(did)
        return default if i is None else self._decisions[i].title

    def __contains__(self, did: object) -> bool:
        return did in self._index


def _duplicate_ids(plan: Plan, skip_decisions: bool = False) -> list[Finding]:
    out = []
    for kind, items in (
        ("decision", [] if skip_decisions else plan.decisions),
        ("stage", plan.stages),
        ("area", plan.areas),
        ("team", plan.teams),
        ("risk", plan.risks),
    ):
        counts = Counter(item.id for item in items)
        for did, c in counts.items():
            if c > 1:
                # Named as the user sees them (SPEC §3.1: by title and id), so the copies can be told apart.
                labels = [
                    f"'{getattr(item, 'title', None) or getattr(item, 'name', '')}'"
                    for item in items
                    if item.id == did
                ]
                out.append(
                    Finding(
                        E,
                        "duplicate-id",
                        f"{c} {kind}s share the id '{did}': {_named_list(labels)}. Ids must be unique; rename all "
                        "but one.",
                        [did] if kind == "decision" else [],
                    )
                )
    return out


def _ids_alike_but_case(plan: Plan, graph: PlanGraph, nm: Namer) -> list[Finding]:
    """``case-duplicate-id``: ids of one list that differ only in case (``Gpu`` and ``gpu``). The planner tells them
    apart, but Microsoft Project, Primavera P6 and spreadsheet lookups take them for one id, so an export or a
    merge made elsewhere mixes the two up, and a reader cannot tell them apart by ear (H-unseen24). Ids are ASCII
    (SPEC §2), so ``lower`` is their case rule. Ids given twice exactly are ``duplicate-id`` and counted once here.

    >>> from planner.model import new_plan, Decision
    >>> plan = new_plan("P")
    >>> plan.decisions = [Decision(id=i, title=t, stage="validate") for i, t in [("Gpu", "GPU"), ("gpu", "GPU 2")]]
    >>> [f.message for f in validate(plan) if f.code == "case-duplicate-id"]  # doctest: +NORMALIZE_WHITESPACE
    ["2 decisions have ids that differ only in case: 'GPU' (Gpu) and 'GPU 2' (gpu). Microsoft Project, Primavera
    P6 and spreadsheets take them for one id; rename all but one."]
    """
    out = []
    ids: Collection[str]
    for kind, ids in (
        ("decision", graph.index),  # each id once
        ("stage", list(dict.fromkeys(s.id for s in plan.stages))),
        ("area", list(dict.fromkeys(a.id for a in plan.areas))),
        ("team", list(dict.fromkeys(t.id for t in plan.teams))),
        ("risk", list(dict.fromkeys(r.id for r in plan.risks))),
    ):
        joined = "\n".join(ids)  # (ids hold no line break) one pass of C over a 100k-decision plan's ids
        lowered = joined.lower()
        if lowered == joined or len(set(lowered.split("\n"))) == len(ids):
            continue  # the usual case: no capitals, or no two ids alike but case
        if kind == "decision":
            ids = list(dict.fromkeys(d.id for d in plan.decisions))  # in file order, as the file lists them
        groups: dict[str, list[str]] = {}
        for i in ids:
            groups.setdefault(i.lower(), []).append(i)
        for alike in groups.values():
            if len(alike) < 2:
                continue
            labels = [nm(i) for i in alike] if kind == "decision" else [quoted(i) for i in alike]
            out.append(
                Finding(
                    W,
                    "case-duplicate-id",
                    f"{len(alike)} {kind}s have ids that differ only in case: {_named_list(labels)}. Microsoft "
                    "Project, Primavera P6 and spreadsheets take them for one id; rename all but one.",
                    alike if kind == "decision" else [],
                )
            )
    return out


def _unknown_references(
    plan: Plan, graph: PlanGraph, titles: _Titles, nm: Namer, cols: Columns
) -> list[Finding]:
    out = []
    stages = {s.id for s in plan.stages}
    areas = {a.id for a in plan.areas}
    teams = {t.id for t in plan.teams}
    decisions = plan.decisions
    if set(cols.stage) <= stages and set(cols.area) - {None} <= areas and set(cols.owner) - {None} <= teams:
        decisions = []  # every stage, area and owner resolves: nothing to report per decision
    for d in decisions:
        if d.stage not in stages:
            out.append(
                Finding(
                    E,
                    "unknown-reference",
                    f"{nm(d.id)} is in stage '{d.stage}', which the plan does not define. "
                    f"Choose one of: {', '.join(s.id for s in plan.stages)}.",
                    [d.id],
                )
            )
        if d.area is not None and d.area not in areas:
            out.append(
                Finding(
                    E,
                    "unknown-reference",
                    f"{nm(d.id)} is in area '{d.area}', which the plan does not define. "
                    "Add the area or choose an existing one.",
                    [d.id],
                )
            )
        if d.owner is not None and d.owner not in teams:
            out.append(
                Finding(
                    E,
                    "unknown-reference",
                    f"{nm(d.id)} is owned by team '{d.owner}', which the plan does not define. "
                    "Add the team or choose an existing one.",
                    [d.id],
                )
            )
    # compile_plan already resolved every dependency; only look closer when some did not resolve.
    unresolved = plan.dependencies[:0]
    if len(graph.src) < len(plan.dependencies):  # some link has an unknown end or is a self link
        resolved = len(graph.src) + sum(1 for dep in plan.dependencies if dep.from_ == dep.to)
        if resolved < len(plan.dependencies):
            unresolved = plan.dependencies
    for i, dep in enumerate(unresolved):
        missing = [x for x in (dep.from_, dep.to) if x not in titles]
        if missing:
            known = [x for x in (dep.from_, dep.to) if x in titles]
            out.append(
                Finding(
                    E,
                    "unknown-reference",
                    f"Dependency #{i + 1} ({dep.from_} -> {dep.to}) names "
                    f"{' and '.join(quoted(m) for m in missing)}, which "
                    f"{units.agree(len(missing), 'is not a decision', 'are not decisions')} of this plan. "
                    "Fix the id or remove the dependency.",
                    known,
                )
            )
    for r in plan.risks:
        for did in r.decisions:
            if did not in titles:
                out.append(
                    Finding(
                        E,
                        "unknown-reference",
                        f"Risk '{r.title}' ({r.id}) affects '{did}', which is not a decision of this "
                        "plan. Fix the id or remove it from the risk.",
                        [],
                    )
                )
        if r.owner is not None and r.owner not in teams:
            out.append(
                Finding(
                    E,
                    "unknown-reference",
                    f"Risk '{r.title}' ({r.id}) is owned by team '{r.owner}', which the plan does not "
                    "define.",
                    [],
                )
            )
    return out


def _self_dependencies(plan: Plan, nm: Namer) -> list[Finding]:
    return [
        Finding(
            E, "self-dependency", f"{nm(dep.from_)} depends on itself. Remove this dependency.", [dep.from_]
        )
        for dep in plan.dependencies
        if dep.from_ == dep.to
    ]


def _cycles(graph: PlanGraph, nm: Namer) -> list[Finding]:
    if graph.order is not None:
        return []
    import networkx as nx  # only needed when there is a cycle; importing it costs ~0.4 s at start-up

    left = set(graph.cyclic)
    g = nx.DiGraph()
    g.add_edges_from(
        (int(u), int(v))
        for u, v in zip(graph.src, graph.dst, strict=True)
        if int(u) in left and int(v) in left
    )
    out = []
    components = [c for c in nx.strongly_connected_components(g) if len(c) > 1]
    components.sort(key=min)
    for comp in components:
        start = min(comp)
        # The shortest loop through the first decision of the component: the edit layer's search (one copy).
        succ = {u: [v for v in g.successors(u) if v in comp] for u in comp}
        loop = find_path(succ, start, start)
        if loop is None:  # cannot happen: a strongly connected component has a loop through each decision
            continue
        chain = [graph.ids[u] for u in loop]
        # A long loop is spelled by its ends: one finding of a 100k-decision loop stays one readable line.
        shown = (
            chain
            if len(chain) <= _MAX_CYCLE_SPELLED
            else (chain[: _MAX_CYCLE_SPELLED // 2] + ["…"] + chain[-(_MAX_CYCLE_SPELLED // 2) :])
        )
        spelled = " -> ".join(shown)
        names = " -> ".join(c if c == "…" else nm(c) for c in shown)
        # ids left out for "…" (a loop one id too long to spell leaves out one: it was said to leave out none)
        skipped = len(chain) - (len(shown) - 1) if len(chain) > _MAX_CYCLE_SPELLED else 0
        extra = f" ({len(comp)} decisions are caught in this loop.)" if len(comp) > len(chain) - 1 else ""
        if skipped > 0:
            left_out = f"{skipped} {units.agree(skipped, 'is', 'are')}"
            extra = f" (The loop runs through {len(chain) - 1} decisions; {left_out} left out above.)" + extra
        out.append(
            Finding(
                E,
                "cycle",
                f"Dependency cycle: {spelled}. {names} can never be scheduled; remove or reverse one "
                f"of these dependencies.{extra}",
                chain[:-1],
            )
        )
    return out


def _dates_in_range(plan: Plan, graph: PlanGraph, nm: Namer, cols: Columns) -> list[Finding]:
    """``dates-out-of-range``: with a start date, every week any output can show (the schedule under the
    pessimistic estimates with every risk firing, rolling or gated, and the baselines) must be a calendar date.

    A cheap bound first (latest earliest start + every duration, impact and positive lag in a row), which every
    real plan passes; only past it the pessimistic forward passes decide. So ``check`` refuses exactly the plans
    whose dates ``analyze``, ``simulate`` or the report could not write."""
    start = plan.start_date
    # The cost figures run to the horizon and count delay from a target given in weeks: those are dates too (a
    # plan without decisions has them: its target line wrote a date past 9999, an internal error; H-unseen23).
    # A status date in weeks is written as a date by every command too (H-unseen25: 10,000 weeks after 9990-01-01
    # stopped them all on an internal error).
    status_date = getattr(plan, "status_date", None)
    status = (
        float(status_date)
        if isinstance(status_date, int | float) and not isinstance(status_date, bool)
        else None
    )
    late_status = status is not None and start is not None and status > ((dt.date.max - start).days - 1) / 7
    marks = [
        float(x)
        for x in (getattr(plan, "horizon", None), getattr(plan, "target", None), status)
        if isinstance(x, int | float) and not isinstance(x, bool)
    ]
    if start is None or graph.n == 0 and not plan.baselines and not marks:
        return []
    # weeks with a date after and before the start (a day's margin for rounding; none before a start of 1 Jan 1,
    # where week 0 is the start itself: such a plan was refused for a target or a baseline before it, which it did
    # not have)
    ahead = ((dt.date.max - start).days - 1) / 7
    behind = max(0.0, ((start - dt.date.min).days - 1) / 7)
    worst = cols.durations("pessimistic")  # milestones 0 (issue 12: from the columns)
    for r in plan.risks:
        hit = [graph.index[x] for x in r.decisions if x in graph.index]
        worst[hit] += duration_value(r.impact, "pessimistic")
    nb = graph.not_before
    # Work not done by the status date is placed after it (the rolling schedule every output shows): its floor is
    # the status date, a date too (H-unseen25: a status date of 31 Dec 9999 and a week left stopped every command
    # on an internal error writing the forecast finish).
    from planner.analysis.progress import status_week, to_week

    floor = status_week(plan) if graph.n else None
    held = False  # some work is held to the status date
    left = ~cols.status_is(Status.DONE)
    if floor is not None:
        nb, held = np.where(left, np.maximum(nb, floor), nb), bool(left.any())
    # Work started and not done is placed at its actual start, what is left of it after that: a date too
    # (fuzz_import 961065: an actual start of 31 Dec 9999 with 12 weeks left stopped `check` on an internal error
    # writing the forecast finish).
    started = [
        (i, wk)
        for i, a in enumerate(cols.actual_start)
        if a is not None and left[i] and (wk := to_week(plan, a)) is not None and wk > nb[i]
    ]
    if started:
        at, weeks = zip(*started, strict=True)
        nb = nb.copy()
        nb[list(at)] = weeks
    bound = (
        (float(nb.max()) if len(nb) else 0.0) + float(worst.sum()) + float(np.clip(graph.lag, 0, None).sum())
    )
    if bound > ahead and graph.order is not None and graph.levels > 0:
        # A second cheap bound (issue 12: a big plan's durations add up past it, and the passes below were a
        # tenth of its `check`): every link's weight is at most its predecessor's duration plus its positive lag,
        # no chain holds more than graph.levels decisions, and each stage's gate adds at most one such chain to the
        # one before (sequenced stages never decrease along a link).
        step = float(worst.max()) + max(0.0, float(graph.lag.max()) if len(graph.lag) else 0.0)
        bound = len(plan.stages) * ((float(nb.max()) if len(nb) else 0.0) + graph.levels * step)
    finish = bound
    if bound > ahead and graph.order is not None and graph.n:
        from dataclasses import replace

        from planner.analysis.schedule import forward_pass
        from planner.analysis.stages import gated_schedule, sequenced_stages

        g = replace(graph, duration=worst, not_before=nb)
        w = g.weights()
        es = forward_pass(g, w, np.maximum(nb, 0.0))
        _, gated_ef, gates = gated_schedule(g, w, sequenced_stages(g), len(plan.stages))
        finish = max(float((es + worst).max()), float(gated_ef.max()), max(gates, default=0.0))
    base_hi = max(
        (max([b.finish, *(e.finish for e in b.decisions.values())]) for b in plan.baselines), default=0
    )
    base_lo = min((min([0.0, *(e.start for e in b.decisions.values())]) for b in plan.baselines), default=0)
    base_hi, base_lo = max([base_hi, *marks]), min([base_lo, *marks])
    runs_past = graph.n > 0 and finish > ahead  # (no decisions: no schedule, only the marks and baselines)
    if not runs_past and base_hi <= ahead and -base_lo <= behind:
        return []
    longest = [graph.ids[i] for i in np.argsort(-worst, kind="stable")[:_MAX_LISTED].tolist()]
    if runs_past and not late_status and ahead <= 0 and round(finish) == 0:
        # a start on the calendar's last days: a schedule of 0 weeks is refused too (the charts draw past it), and
        # "can run 0 weeks past 31 Dec 9999" read as nonsense (H-unseen25)
        return [
            Finding(
                E,
                "dates-out-of-range",
                f"The start date, {units.format_date(start)}, is at the end of the calendar (31 Dec 9999 is the "
                "last date it holds): it leaves no room for the schedule and its charts. Move the start date "
                "earlier.",
                [],
            )
        ]
    if runs_past and not late_status:
        return [
            Finding(
                E,
                "dates-out-of-range",
                f"With the start date {units.format_date(start)}, the schedule can run {finish:,.0f} weeks "
                "(pessimistic estimates, every risk firing"
                + (
                    f", the work left placed after the status date, {units.format_when(start, floor)}"
                    if held
                    else ""
                )
                + (", started work placed at its actual start" if started else "")
                + "), past 31 Dec 9999, the last date a calendar holds. Move the start date earlier"
                + (", the status date earlier" if held else "")
                + (", correct the actual starts" if started else "")
                + f" or shorten the longest durations ({', '.join(nm(x) for x in longest)}).",
                longest,
            )
        ]
    return [
        Finding(
            E,
            "dates-out-of-range",
            f"With the start date {units.format_date(start)}, the status date at {units.plural_weeks(status or 0.0)} "
            "lies past 31 Dec 9999, the last date a calendar holds. Give the status date as a date, or move the "
            "start date earlier."
            if late_status
            else f"With the start date {units.format_date(start)}, a baseline, the target or the horizon lies outside "
            "the years 1 to 9999. Move the start date, or bring those weeks within the calendar.",
            [],
        )
    ]


def _milestones(plan: Plan, nm: Namer, cols: Columns) -> list[Finding]:
    out = []
    bad = np.flatnonzero(
        cols.milestone & (cols.three[:, 2] != 0)
    ).tolist()  # the pessimistic weeks as written
    for d in [plan.decisions[i] for i in bad]:
        if d.milestone and duration_value(d.duration, "pessimistic") != 0:
            out.append(
                Finding(
                    E,
                    "milestone-duration",
                    f"{nm(d.id)} is a milestone but has a duration. A milestone takes 0 weeks; set its "
                    "duration to 0 or untick 'milestone'.",
                    [d.id],
                )
            )
    return out


def _duplicate_dependencies(plan: Plan, graph: PlanGraph, nm: Namer) -> list[Finding]:
    if not len(graph.src):
        return []
    # Resolved edges only: links naming unknown decisions, and self-links, are reported as errors instead.
    # Links sorted by (predecessor, successor), stable: two links between the same pair are adjacent, the first
    # one first (issue 12: the backward pass's grouping when there is no cycle; it sorts small integers in
    # linear time).
    acyclic = graph.order is not None
    by_pair = backward_sweep(graph).edges if acyclic else radix_argsort(graph.src, graph.dst)
    s, d = graph.src[by_pair], graph.dst[by_pair]
    same = (s[1:] == s[:-1]) & (d[1:] == d[:-1])
    if not same.any():
        return []
    starts = np.flatnonzero(np.concatenate(([True], ~same)))
    counts = np.diff(np.append(starts, len(by_pair)))
    first = by_pair[starts]
    out = []
    for e, c in sorted(zip(first[counts > 1].tolist(), counts[counts > 1].tolist(), strict=True)):
        u, v = graph.ids[int(graph.src[e])], graph.ids[int(graph.dst[e])]
        out.append(
            Finding(
                W,
                "duplicate-dependency",
                f"{nm(u)} -> {nm(v)} is linked {c} times. Keep one dependency; the tightest one wins.",
                [u, v],
            )
        )
    return out


def _stage_inversions(plan: Plan, graph: PlanGraph, nm: Namer) -> list[Finding]:
    if not len(graph.src):
        return []
    su = graph.stage[graph.src]
    sv = graph.stage[graph.dst]
    bad = np.flatnonzero((su > sv) & (sv >= 0))
    out = []
    ids = graph.ids
    names = [st.name for st in plan.stages]
    iu_l, iv_l = graph.src[bad].tolist(), graph.dst[bad].tolist()
    named = _names_at(plan, ids, iu_l + iv_l)  # the links' ends are first occurrences of their ids
    k = len(iu_l)
    for j, (iu, iv, ku, kv) in enumerate(zip(iu_l, iv_l, su[bad].tolist(), sv[bad].tolist(), strict=True)):
        u, v = ids[iu], ids[iv]
        s_u, s_v = names[ku], names[kv]
        out.append(
            Finding(
                W,
                "stage-inversion",
                f"{named[k + j]} ({s_v}) waits for {named[j]}, which sits in a later stage ({s_u}). "
                f"Move {v} to {s_u} or later, or move {u} earlier.",
                [u, v],
            )
        )
    return out


def _named_list(names: list[str], limit: int = _MAX_LISTED) -> str:
    """``'A' (a)``, ``'A' (a) and 'B' (b)``, ``'A' (a), 'B' (b) and 'C' (c)``; past ``limit`` names, ``... and N more``."""
    shown = names[:limit]
    rest = len(names) - len(shown)
    if rest:
        return ", ".join(shown) + f" and {rest} more"
    return joined(shown)


def _gates_not_met(plan: Plan, cols: Columns, nm: Namer) -> list[Finding]:
    out: list[Finding] = []
    if all(c.met for st in plan.stages for c in st.gate_criteria):
        return out  # every gate met (or none): nothing to report, no decision visited
    by_stage: dict[str, list[str]] = {}
    done_ids: set[str] = set()
    all_ids, stage_of = cols.ids, cols.stage
    done = cols.status_is(Status.DONE)  # the progress rules' 'done' (planner.analysis.progress)
    # Started as the progress rules read it (planner.analysis.progress._state): in progress or done, some progress,
    # or an actual start recorded (a decision with only an actual start was not seen as started).
    started_now = (
        cols.status_is(Status.IN_PROGRESS, Status.DONE) | (cols.progress > 0) | cols.has(cols.actual_start)
    )
    for i in np.flatnonzero(started_now).tolist():
        by_stage.setdefault(stage_of[i], []).append(all_ids[i])
        if done[i]:
            done_ids.add(all_ids[i])
    for prev, stage in zip(plan.stages, plan.stages[1:], strict=False):
        unmet = [c.text for c in prev.gate_criteria if not c.met]
        if unmet and stage.id in by_stage:
            ids = by_stage[stage.id]
            listed = ", ".join(unmet[:3]) + (f" and {len(unmet) - 3} more" if len(unmet) > 3 else "")
            # Named by title and id (SPEC §3.1), work done apart from work under way.
            going = [nm(d) for d in ids if d not in done_ids]
            finished = [nm(d) for d in ids if d in done_ids]
            started = "; ".join(
                f"{_named_list(group)} {word}"
                for group, word in ((going, "under way"), (finished, "done"))
                if group
            )
            out.append(
                Finding(
                    W,
                    "gate-not-met",
                    f"Stage {stage.name} has started ({started}) while the {prev.name} gate is not met: {listed}.",
                    ids[: _MAX_LISTED * 4],
                )
            )
    return out


def _isolated(plan: Plan, graph: PlanGraph, nm: Namer) -> list[Finding]:
    if graph.n < 2:
        return []
    linked = np.zeros(graph.n, dtype=bool)
    linked[graph.src] = True
    linked[graph.dst] = True
    return [
        Finding(
            I,
            "isolated-decision",
            f"{nm(graph.ids[i])} has no dependencies in either direction. Link it to the work it needs or "
            "enables, or confirm it really stands alone.",
            [graph.ids[i]],
        )
        for i in np.flatnonzero(~linked).tolist()
    ]


def _empty_stages(plan: Plan, cols: Columns) -> list[Finding]:
    used = set(cols.stage)
    return [
        Finding(I, "empty-stage", f"Stage {s.name} ({s.id}) has no decisions yet.", [])
        for s in plan.stages
        if s.id not in used
    ]


def _missing_owner(plan: Plan, graph: PlanGraph, cols: Columns) -> list[Finding]:
    ids = cols.ids
    at = np.flatnonzero(~cols.has(cols.owner) & ~cols.milestone).tolist()
    first = graph.index
    named = _names_at(plan, ids, [first[ids[i]] for i in at])  # a duplicate id is named by its first title
    return [
        Finding(
            I, "missing-owner", f"{text} has no owner. Assign a team so someone is accountable.", [ids[i]]
        )
        for i, text in zip(at, named, strict=True)
    ]


def _go_live(plan: Plan, titles: _Titles) -> list[Finding]:
    """``go-live-unknown``: ``ai_system.go_live`` names no decision of the plan (a typo in the file; the app keeps it
    in step when the decision is renamed or deleted). A warning: the schedule does not depend on it, but the EU AI
    Act obligations' due date does (:mod:`planner.analysis.coverage` raises the same finding)."""
    ai = plan.ai_system
    if ai is None or ai.go_live is None or ai.go_live in titles:
        return []
    from planner.analysis.coverage import fallback_go_live_stage  # (only for this rare finding)

    stage = fallback_go_live_stage(plan.stages)
    instead = f"the start of the {stage.name} stage" if stage is not None else "the plan's finish"
    return [
        Finding(
            W,
            "go-live-unknown",
            f"ai_system.go_live names '{ai.go_live}', which is not a decision of the plan, so the EU AI Act "
            f"obligations fall due at {instead} instead. Fix the id or remove go_live.",
            [],
        )
    ]


def _target_date(plan: Plan) -> list[Finding]:
    """A ``target`` given as a date in a plan without a ``start_date`` cannot be placed on the week scale: every
    figure that reads it (the cost of delay, the odds of finishing by it, the target line of the charts) leaves it
    out (:func:`planner.analysis.cost.target_week`), so say so rather than drop it without a word.

    A target before the plan starts (a date before ``start_date``, or negative weeks) no schedule can meet: every
    figure counts it missed, by more than the whole plan takes. It is kept (the file says it), and the
    ``target-before-start`` warning says what is wrong (H-unseen24: analyze wrote 'Target: week -4.86 (1 Dec 2026):
    missed by 10.86 weeks' and check had no word; a typo in the year, most likely)."""
    if plan.target is None:
        return []
    if plan.start_date is not None or not isinstance(plan.target, dt.date):
        from planner.analysis.cost import target_week  # (cost imports the analysis, which imports validation)

        week = target_week(plan)
        if week is None or week >= 0:
            return []
        try:
            when = units.format_when(plan.start_date, week)
        except OverflowError:  # before 1 Jan 1: dates-out-of-range says so
            return []
        start = f" ({units.format_date(plan.start_date)})" if plan.start_date is not None else ""
        return [
            Finding(
                W,
                "target-before-start",
                f"The target, {when}, is before the plan starts{start}, so no "
                "schedule can meet it and every figure counts it missed: set a target after the start"
                + (", or an earlier start date." if start else " (0 weeks or more)."),
                [],
            )
        ]
    return [
        Finding(
            W,
            "target-needs-start-date",
            f"The target {plan.target.isoformat()} is a date but the plan has no start date, so it is left out (no "
            "cost of delay, no chance of meeting it): set the plan's start date, or give the target in weeks.",
            [],
        )
    ]


def _scenario_names(plan: Plan) -> list[Finding]:
    """Scenarios a name cannot pick: a second scenario of the same name (``--scenario``, ``planner compare`` and
    the app take the first) and one named like the base plan ('Base', any case), which ``--scenario`` then means
    instead of the plan itself.

    >>> from planner.model import new_plan, Scenario
    >>> plan = new_plan()
    >>> plan.scenarios += [Scenario(name="Fast"), Scenario(name="Fast"), Scenario(name="base")]
    >>> [(f.code, f.message) for f in _scenario_names(plan)]  # doctest: +NORMALIZE_WHITESPACE
    [('duplicate-scenario', "2 scenarios are called 'Fast'; only the first is used by --scenario, compare and the
      app's scenario switcher. Rename the others."), ('scenario-named-base', "Scenario 'base' is named like the
      base plan ('Base'): --scenario base means this scenario, not the plan itself. Rename it.")]
    """
    out = []
    counts = Counter(name_key(s.name) for s in plan.scenarios)  # names alike in every output are one name
    for scenario_name, c in counts.items():
        if c > 1:
            out.append(
                Finding(
                    W,
                    "duplicate-scenario",
                    f"{c} scenarios are called '{scenario_name}'; only the first is used by --scenario, compare "
                    "and the app's scenario switcher. Rename the others.",
                    [],
                )
            )
    for scenario_name in counts:
        if not scenario_name.strip():
            out.append(
                Finding(
                    W,
                    "scenario-blank-name",
                    f"A scenario's name is blank ({quoted(scenario_name)}): --scenario cannot name it and the app's "
                    "scenario switcher shows it as an empty entry. Give it a name.",
                    [],
                )
            )
        if scenario_name.casefold() == "base":
            out.append(
                Finding(
                    W,
                    "scenario-named-base",
                    f"Scenario '{scenario_name}' is named like the base plan ('Base'): --scenario {scenario_name} "
                    "means this scenario, not the plan itself. Rename it.",
                    [],
                )
            )
    if plan.scenarios:
        # what `planner scenarios` lists as warnings: overrides naming what the plan does not have (skipped when
        # the scenario is materialised) and added decisions whose id the plan already uses
        from planner.model.scenarios import scenario_problems

        advice = {
            "scenario-duplicate-id": "Give the added decision another id.",
            "scenario-case-duplicate-id": "Microsoft Project, Primavera P6 and spreadsheets take the two for one id; "
            "give the added decision another id.",
            "scenario-milestone-duration": "Set that duration to 0 or remove it from the scenario.",
            "scenario-cycle": "Remove or reverse that link in the scenario.",
            "scenario-duplicate-dependency": "Keep one: remove the scenario's link, or have the scenario remove "
            "the plan's link first to replace it.",
        }
        for sc in plan.scenarios:
            for problem in scenario_problems(plan, sc):
                code = problem.code
                said = advice.get(code) or (
                    "Correct the id in the scenario or remove that change."
                    if problem.unschedulable
                    else "That change is skipped; correct the id or remove it from the scenario."
                )
                out.append(Finding(W, code, f"Scenario {quoted(sc.name)} {problem}. {said}", []))
    return out


def _names_at(plan: Plan, ids: list[str], at: list[int]) -> list[str]:
    """:func:`name` of the decisions at the positions ``at`` (their titles read from those positions)."""
    decisions = plan.decisions
    titles = [decisions[i].title for i in at]
    return [title_and_id(t, ids[i]) for i, t in zip(at, titles, strict=True)]
