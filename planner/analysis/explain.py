"""Explanations: why a decision starts when it does, and why it is or is not critical (SPEC §3.2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.analysis.graph import TYPE_NAMES, LinkIndex, link_index
from planner.analysis.schedule import Schedule
from planner.model import units
from planner.model.plan import Decision, Plan, Status


@dataclass
class Explanation:
    """Plain-language reasons, plus the ids a view can highlight."""

    decision: str
    start_reason: str
    driver: str | None  # id of the predecessor that drives the start, or None (plan start / not_before)
    driver_kind: str  # "dependency", "not_before", "plan_start", "status_date", "actual_start" or "done"
    float_text: str
    critical_text: str
    critical: bool
    driving_chain: list[str] = field(default_factory=list)  # from a start to this decision
    longest_chain: list[str] = field(default_factory=list)  # the longest path through it, start to finish

    def text(self) -> str:
        return "\n".join([self.start_reason, self.float_text, self.critical_text])


def _w(x: float, start: dt.date | None = None) -> str:
    """``week 3``, or ``week 3 (25 Jan 2027)`` with the plan's start date (SPEC §3.3a)."""
    return units.format_when(start, x)


def _wp(x: float, start: dt.date | None = None) -> str:
    """:func:`_w` for inside parentheses: ``week 3, 25 Jan 2027``."""
    date = units.week_to_date(start, x)
    return f"week {units.format_weeks(x)}" + (f", {units.format_date(date)}" if date is not None else "")


def _weeks(x: float) -> str:
    return units.plural_weeks(x)


CHAIN_MOST = 7
"""A chain of at most this many decisions is named whole in a sentence; a longer one by its first and last
:data:`CHAIN_ENDS` and how many are between (a 72-decision chain took 30 lines of the inspector, and again beside it
as the driving chain)."""
CHAIN_ENDS = 3
OTHERS_MOST = 5
"""At most this many other equally driving predecessors are named ('b would hold it to the same date'); more are
counted (60 of them took 12 lines)."""


def chain_words(ids: list[str], arrow: str = "->") -> str:
    """A chain of decision ids as a sentence names it: ``a -> b -> c``, and a long one by its ends and how many are
    between (the whole chain is the explanation's list, and the graph's highlight).

    >>> chain_words(["a", "b", "c"])
    'a -> b -> c'
    >>> chain_words([f"d{k}" for k in range(1, 11)], "→")
    'd1 → d2 → d3 → … 4 more … → d8 → d9 → d10'
    """
    if len(ids) <= CHAIN_MOST:
        return f" {arrow} ".join(ids)
    head, tail = ids[:CHAIN_ENDS], ids[-CHAIN_ENDS:]
    between = len(ids) - 2 * CHAIN_ENDS
    return f" {arrow} ".join([*head, f"\u2026 {between:,} more \u2026", *tail])


def _others_words(ids: list[str]) -> str:
    """The other predecessors that hold a decision to the same date: all of a few, the first of many and a count."""
    if len(ids) <= OTHERS_MOST:
        return ", ".join(ids)
    shown = ids[: OTHERS_MOST - 1]
    return f"{', '.join(shown)} and {units.count(len(ids) - len(shown), 'other', 'others')}"


def _progress_reason(plan: Plan, s: Schedule, i: int) -> tuple[str, str] | None:
    """Why a decision starts when it does when recorded progress decides it (docs/progress-and-status-date.md):
    (text, driver kind), or None when the ordinary reasons apply."""
    from planner.analysis.progress import DONE, ProgressGraph, decision_progress, status_week

    if not isinstance(s.graph, ProgressGraph) or i >= len(plan.decisions):
        return None
    p = decision_progress(plan, plan.decisions[i], status_week(plan))  # one decision: no whole-plan pass
    es = float(s.es[i])
    start = plan.start_date
    if p.state == DONE:
        where = {
            "actual-finish": "its actual finish",
            "status-date": "the status date (no actual finish is recorded)",
            "actual-start": "its actual start (no actual finish or status date is recorded)",
        }.get(p.floor_reason or "", "the plan start (no actual finish or status date is recorded)")
        return f"It is done: it sits at {_w(es, start)}, {where}, and no longer waits for anything.", "done"
    if abs(es - p.floor) > s.tolerance:
        return None  # a dependency holds it later than its floor
    if p.floor_reason == "status-date":
        if p.state == "in_progress":
            left = _weeks(float(s.duration[i]))
            return (
                f"Its remaining work ({left}) starts at the status date ({_wp(es, start)}): it is in progress.",
                "status_date",
            )
        return f"Starts at the status date ({_wp(es, start)}) because it has not started.", "status_date"
    if p.floor_reason == "actual-start":
        return f"Its remaining work starts in {_w(es, start)}, its actual start.", "actual_start"
    return None


def _decision(plan: Plan, i: int, decision_id: str) -> Decision | None:
    """The decision at position ``i`` (the plan's order, as the schedule's), else the one of that id."""
    decisions = plan.decisions
    if i < len(decisions) and decisions[i].id == decision_id:
        return decisions[i]
    return next((x for x in decisions if x.id == decision_id), None)


def _blocked(plan: Plan, i: int, decision_id: str) -> bool:
    """True when the decision is marked blocked."""
    d = _decision(plan, i, decision_id)
    return d is not None and str(d.status) == Status.BLOCKED.value


def _in_progress(plan: Plan, i: int, decision_id: str) -> bool:
    """True when the schedule counts the decision as started (progress or an actual start: blocked work too)."""
    from planner.analysis.progress import IN_PROGRESS, decision_progress, status_week

    d = _decision(plan, i, decision_id)
    return d is not None and decision_progress(plan, d, status_week(plan)).state == IN_PROGRESS


def _driving_in(s: Schedule, links: LinkIndex, node: int) -> list[int]:
    """The driving links into ``node`` (edge positions, ascending)."""
    driving = s.driving
    return [e for e in links.in_edges[links.in_ptr[node] : links.in_ptr[node + 1]] if driving[e]]


def driving_chain(s: Schedule, decision_id: str) -> list[str]:
    """The chain of driving dependencies that ends at ``decision_id``, from a decision that starts on its own
    (each step to the driving predecessor with the lowest index)."""
    g = s.graph
    links = link_index(g)
    src = g.src
    node = s.index[decision_id]
    chain = [node]
    seen = {node}
    while True:
        preds = [int(src[e]) for e in _driving_in(s, links, node)]
        if not preds:
            break
        node = min(preds)
        if node in seen:  # cannot happen in a DAG; a guard against looping forever
            break
        seen.add(node)
        chain.append(node)
    return [s.ids[i] for i in reversed(chain)]


def _successor_chain(s: Schedule, node: int) -> list[int]:
    """Follow, from ``node``, the successor that binds its late start, up to a decision that binds to the finish
    (each step to the binding successor with the lowest index)."""
    g = s.graph
    if not len(g.src):
        return []
    links = link_index(g)
    src, dst, ls, weight, tol = g.src, g.dst, s.ls, s.weight, s.tolerance
    out: list[int] = []
    seen = {node}
    while True:
        succ = [
            int(dst[e])
            for e in links.out_edges[links.out_ptr[node] : links.out_ptr[node + 1]]
            if abs((ls[dst[e]] - weight[e]) - ls[src[e]])
            <= tol  # (the same arithmetic as a whole-array test)
        ]
        if not succ:
            break
        node = min(succ)
        if node in seen:
            break
        seen.add(node)
        out.append(node)
    return out


def _finish_slack(s: Schedule, node: int) -> float:
    """How much later decision ``node`` could finish, its start kept, before the plan's finish moves: the least of
    the finish itself and the late dates its finish-to-start and finish-to-finish successors allow (weeks; a
    start-to-start or start-to-finish link waits on its start only). Equal to its total float unless what waits on
    it waits on its start."""
    g = s.graph
    bound = float(s.finish)
    if len(g.src):
        links = link_index(g)
        for e in links.out_edges[links.out_ptr[node] : links.out_ptr[node + 1]]:
            kind = TYPE_NAMES[int(g.kind[e])]
            k = int(g.dst[e])
            if kind == "FS":
                bound = min(bound, float(s.ls[k]) - float(g.lag[e]))
            elif kind == "FF":
                bound = min(bound, float(s.lf[k]) - float(g.lag[e]))
    return max(0.0, bound - float(s.ef[node]))


def explain(plan: Plan, s: Schedule, decision_id: str) -> Explanation:
    """Why ``decision_id`` starts when it does and why it is (not) critical.

    >>> from planner.model import new_plan, Decision, Dependency
    >>> plan = new_plan()
    >>> plan.decisions += [Decision(id="a", title="A", stage="validate", duration=3),
    ...                    Decision(id="b", title="B", stage="validate", duration=2),
    ...                    Decision(id="c", title="C", stage="validate", duration=1)]
    >>> plan.dependencies += [Dependency(**{"from": "a", "to": "b"}), Dependency(**{"from": "a", "to": "c"})]
    >>> from planner.analysis.schedule import schedule
    >>> e = explain(plan, schedule(plan), "c")
    >>> e.driver, e.critical
    ('a', False)
    """
    g = s.graph
    i = s.index[decision_id]
    es = float(s.es[i])
    nb = float(g.not_before[i])
    start = plan.start_date  # the text shows calendar dates beside weeks when the plan has one (SPEC §4)

    driving_edges = _driving_in(s, link_index(g), i)
    driver = None
    progress_reason = _progress_reason(plan, s, i)
    if progress_reason is not None and progress_reason[1] == "done":
        driving_edges = []  # a done decision waits for nothing
    if driving_edges and es > 0:
        e = min(driving_edges, key=lambda e: int(g.src[e]))
        u = int(g.src[e])
        driver = s.ids[u]
        # The driver's title: the plan's decisions are in the graph's order (no dict of every title per call).
        decisions = plan.decisions
        title = (
            decisions[u].title
            if u < len(decisions) and decisions[u].id == driver
            else next(d.title for d in decisions if d.id == driver)
        )
        kind = TYPE_NAMES[int(g.kind[e])]
        lag = float(g.lag[e])
        lag_txt = (
            ""
            if lag == 0
            else (f" plus a lag of {_weeks(lag)}" if lag > 0 else f" minus a lead of {_weeks(-lag)}")
        )
        what = {
            "FS": f"it can start only when '{title}' ({driver}) finishes",
            "SS": f"it can start only when '{title}' ({driver}) starts",
            "FF": f"it can finish only when '{title}' ({driver}) finishes",
            "SF": f"it can finish only when '{title}' ({driver}) starts",
        }[kind]
        start_reason = f"Starts in {_w(es, start)} because {what}{lag_txt} ({kind} dependency)."
        others: list[str] = []
        if len(driving_edges) > 1:
            # (each once, the driver not again: two links from one decision can both drive)
            held = dict.fromkeys(s.ids[int(g.src[x])] for x in driving_edges)
            others = [o for o in held if o != driver]
        if others:
            start_reason += f" {_others_words(others)} would hold it to the same date."
        driver_kind = "dependency"
    elif progress_reason is not None:
        start_reason, driver_kind = progress_reason
    elif nb > 0 and abs(es - nb) <= s.tolerance:
        start_reason = (
            f"Starts in {_w(es, start)} because it may not start earlier (not before {_wp(nb, start)})."
        )
        driver_kind = "not_before"
    else:
        start_reason = f"Starts at the plan start ({_wp(0, start)}): nothing it depends on holds it back."
        driver_kind = "plan_start"

    tf = float(s.total_float[i])
    ff = float(s.free_float[i])
    done = progress_reason is not None and progress_reason[1] == "done"
    if done:
        float_text = "It is done: no work of it is left, so it has nothing to slip."
    elif tf == 0:
        longer = _finish_slack(s, i)
        float_text = (
            # What waits on it waits on its start (start-to-start links): a later start moves the finish, a longer
            # run does not. "Any delay" sent a presenter pressing + on its duration to a plan that did not move.
            f"It has no float: a later start moves the plan's finish; it could run {_weeks(longer)} longer without "
            "moving it (what waits on it needs only its start)."
            if longer > s.tolerance and float(s.duration[i]) > 0
            else "It has no float: any delay moves the plan's finish."
        )
    else:
        float_text = f"It can slip {_weeks(tf)} before the plan's finish moves (total float)" + (
            f", and {_weeks(ff)} before it delays any successor (free float)."
            if ff > 0
            else ", but any slip delays a successor (no free float)."
        )
    if not done and _blocked(plan, i, decision_id):
        # the schedule counts on the block being lifted by the start it gives: say so, and what waiting costs
        # (the words of the report's "needs the board's attention": analysis.board.attention)
        what = "its remaining work resuming" if _in_progress(plan, i, decision_id) else "it starting"
        float_text = (
            f"It is blocked and has no float: every week it stays blocked past {_w(es, start)} moves the plan's "
            "finish."
            if tf == 0
            else f"It is blocked: the schedule counts on {what} in {_w(es, start)}; it can stay blocked "
            f"{_weeks(tf)} longer before the plan's finish moves (total float)"
            + (
                f", and {_weeks(ff)} before it delays any successor (free float)."
                if ff > 0
                else ", but any later start delays a successor (no free float)."
            )
        )
    chain_back = driving_chain(s, decision_id)
    longest = [*chain_back, *(s.ids[k] for k in _successor_chain(s, i))]
    critical = bool(s.critical[i])
    if done:
        critical_text = "It is not critical: it is done (nothing of it is left to manage)."
    elif critical:
        on_path = decision_id in s.critical_path
        critical_text = "It is critical: it lies on the longest chain of work, " + (
            "the critical path shown." if on_path else "a critical chain parallel to the one shown."
        )
    else:
        critical_text = (
            f"It is not critical. Its longest chain ({chain_words(longest)}) is {_weeks(tf)} shorter than the "
            f"plan; it would become critical if it slipped by more than {_weeks(tf)}."
        )
    return Explanation(
        decision=decision_id,
        start_reason=start_reason,
        driver=driver,
        driver_kind=driver_kind,
        float_text=float_text,
        critical_text=critical_text,
        critical=critical,
        driving_chain=chain_back,
        longest_chain=longest,
    )
