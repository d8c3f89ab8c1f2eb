"""The board's questions, answered from the analysis: what sets the finish, the top risks, what needs attention.

One function each, Qt-free, used by the report's cover and executive summary (and by any other view that wants
the same words). Every figure here comes from the schedule, the stages or a Monte Carlo result already computed;
nothing is recomputed, so the summary can never disagree with the Gantt, the CLI or the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from planner.model import units
from planner.model.plan import Plan, Status, duration_triple

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.analysis.montecarlo import SimulationResult


@dataclass
class FinishDriver:
    """What sets the finish: the start of the driving chain and the chain itself (weeks)."""

    kind: str  # "plan_start", "not_before", "status_date", "actual_start", "done" (all of it) or "empty"
    first: str | None  # the decision that starts the chain
    constraint_week: float  # its not-before week (0 at the plan start)
    chain: list[str] = field(default_factory=list)  # the critical path, start to finish
    finish: float = 0.0

    def sentence(self, plan: Plan) -> str:
        """The finish and what sets it, in one or two plain sentences (no markup)."""
        titles = {d.id: d.title for d in plan.decisions}
        when = units.format_when(plan.start_date, self.finish)
        if self.kind == "done":
            return f"Every decision is done: the plan finished {'in ' if self.finish else 'at '}{when}."
        if self.kind == "empty" or not self.chain:
            return f"The plan finishes in {when}: it has no work that takes time yet."
        n = len(self.chain)
        first, last = titles[self.chain[0]], titles[self.chain[-1]]
        if self.kind in ("status_date", "actual_start"):
            start = units.format_when(plan.start_date, self.constraint_week)
            where = (
                f"the status date, {start}" if self.kind == "status_date" else f"its actual start, {start}"
            )
            if n == 1:
                return (
                    f"The finish, {when}, is set by the remaining work of \u201c{first}\u201d from {where}."
                )
            return (
                f"The finish, {when}, is set by a chain of {n} decisions with no slack between them, from "
                f"\u201c{first}\u201d at {where}, to \u201c{last}\u201d."
            )
        if self.kind == "not_before":
            start = units.format_when(plan.start_date, self.constraint_week)
            text = (
                f"The finish, {when}, is set by a date constraint: \u201c{first}\u201d may not start before "
                f"{start}."
            )
            if n > 1:
                text += (
                    f" From there a chain of {n} decisions, with no slack between them, runs to "
                    f"\u201c{last}\u201d."
                )
            return text
        if n == 1:
            return f"The finish, {when}, is set by \u201c{first}\u201d alone: nothing else takes as long."
        return (
            f"The finish, {when}, is set by a chain of {n} decisions with no slack between them, from "
            f"\u201c{first}\u201d at the plan start to \u201c{last}\u201d."
        )


def finish_driver(plan: Plan, analysis: Analysis) -> FinishDriver:
    """What sets ``analysis``'s finish: the critical path and whether a not-before constraint starts it."""
    s = analysis.schedule
    if s is not None and plan.decisions:
        from planner.analysis.progress import DONE, progress_state

        if all(p.state == DONE for p in progress_state(plan).decisions):  # as the progress rules read "done"
            return FinishDriver("done", None, 0.0, [], float(s.finish))
    if s is None or not s.critical_path or s.finish <= 0:
        return FinishDriver("empty", None, 0.0, [], float(s.finish) if s is not None else 0.0)
    first = s.critical_path[0]
    i = s.index[first]
    es, nb = float(s.es[i]), float(s.graph.not_before[i])
    kind = "not_before" if nb > 0 and abs(es - nb) <= s.tolerance else "plan_start"
    if (
        kind == "not_before"
    ):  # the floor may be the status date or an actual start (issue 16), not a constraint
        from planner.analysis.progress import ProgressGraph, decision_progress, status_week

        if isinstance(s.graph, ProgressGraph):
            why = decision_progress(plan, plan.decisions[i], status_week(plan)).floor_reason
            if why in ("status-date", "actual-start"):
                kind = why.replace("-", "_")
    return FinishDriver(
        kind, first, nb if kind != "plan_start" else 0.0, list(s.critical_path), float(s.finish)
    )


@dataclass
class RiskLine:
    """One risk as the board sees it: weeks it adds, and how that was measured."""

    id: str
    title: str
    weeks: float
    measure: str  # "p80" (weeks added to the simulated P80) or "expected" (probability x mean impact)
    probability: float
    mitigation: str = ""


def top_risks(plan: Plan, simulation: SimulationResult | None = None, n: int = 3) -> list[RiskLine]:
    """The ``n`` risks that cost the most weeks: by what each adds to the simulated P80 when a simulation is
    given, otherwise by expected delay (probability x mean impact). Ties by id; risks costing nothing left out."""
    risks = {r.id: r for r in plan.risks}
    lines: list[RiskLine] = []
    effects = getattr(simulation, "risks", None) if simulation is not None else None
    if effects:
        for e in effects:
            r = risks.get(e.id)
            lines.append(
                RiskLine(
                    e.id,
                    e.title,
                    max(0.0, float(e.delta)),
                    "p80",
                    float(e.probability),
                    r.mitigation if r is not None else "",
                )
            )
    else:
        for r in plan.risks:
            o, m, p = duration_triple(r.impact)
            lines.append(
                RiskLine(
                    r.id,
                    r.title,
                    float(r.probability) * (o + m + p) / 3.0,
                    "expected",
                    float(r.probability),
                    r.mitigation,
                )
            )
    lines = [x for x in lines if x.weeks > 1e-9]
    lines.sort(key=lambda x: (-x.weeks, x.id))
    return lines[:n]


@dataclass
class Attention:
    """A decision the board should look at, and why (plain words)."""

    id: str
    title: str
    reasons: list[str]
    score: float


def attention(
    plan: Plan, analysis: Analysis, simulation: SimulationResult | None = None, n: int | None = 3
) -> list[Attention]:
    """The ``n`` decisions that most need the board's attention, with the reasons (``n=None``: all of them).

    Scored from figures already computed: blocked or late-to-start critical work first, then how often a decision
    is critical in the simulation and how much downside its estimate carries, then work that sequencing moves to a
    later stage under strict gates. Done decisions never appear.
    """
    s, st = analysis.schedule, analysis.stages
    if s is None or st is None:
        return []
    crit_index: dict[str, float] = {}
    if simulation is not None and hasattr(simulation, "criticality") and hasattr(simulation, "ids"):
        crit_index = dict(zip(simulation.ids, (float(c) for c in simulation.criticality), strict=True))
    moves = {did: (frm, to) for did, frm, to in st.suggested_moves}
    stage_names = {x.id: x.name for x in plan.stages}
    risk_of: dict[str, list[str]] = {}
    for r in plan.risks:
        if r.probability <= 0:  # it never fires: it bears on nothing (the simulation's 'adds 0 wk')
            continue
        for did in r.decisions:
            risk_of.setdefault(did, []).append(r.title)
    out: list[Attention] = []
    for i, d in enumerate(plan.decisions):
        if d.status == Status.DONE:
            continue
        reasons: list[str] = []
        score = 0.0
        critical = bool(s.critical[i])
        o, m, p = duration_triple(d.duration)
        downside = max(0.0, p - m)
        if d.status == Status.BLOCKED and critical:
            reasons.append(
                "it is blocked and on the critical path: every week it stays blocked moves the finish"
            )
            score += 100
        elif d.status == Status.BLOCKED:
            reasons.append(f"it is blocked, with {units.plural_weeks(float(s.total_float[i]))} of float left")
            score += 30
        ci = crit_index.get(d.id)
        if ci is not None and ci >= 0.5:
            reasons.append(f"it is critical in {units.format_share(ci)} of simulated runs")
            score += 40 * ci
        elif critical and not d.milestone and d.status != Status.BLOCKED:
            # (a blocked one said it already: "it is blocked and on the critical path"). Every critical decision,
            # not only those of the chain shown: of equally long chains that one is picked by the file's order,
            # and the ranking must not change when the file is only reordered
            reasons.append("it is on the critical path")
            score += 20
        if (critical or (ci or 0) >= 0.5) and downside > 0:
            reasons.append(
                f"its estimate could run {units.plural_weeks(downside)} over the likely "
                f"{units.plural_weeks(m)}"
            )
            score += 5 * downside
        if d.id in risk_of and (critical or (ci or 0) >= 0.3):
            names = risk_of[d.id]
            reasons.append(
                f"risk \u201c{names[0]}\u201d"
                + (f" and {len(names) - 1} more" if len(names) > 1 else "")
                + " bears on it"
            )
            score += 10 * len(names)
        if d.id in moves:
            frm, to = moves[d.id]
            reasons.append(
                f"it is planned in {stage_names.get(frm, frm)}, but a dependency that runs backwards "
                f"between stages puts it behind {stage_names.get(to, to)} work under strict gates"
            )
            score += 15
        if score > 0:
            out.append(Attention(d.id, d.title, reasons[:3], score))
    out.sort(key=lambda a: (-a.score, s.index[a.id]))
    return out if n is None else out[:n]


def probability_by(simulation: SimulationResult | None, week: float | None) -> float | None:
    """The simulated chance of finishing by ``week`` (None without a simulation or a week)."""
    if simulation is None or week is None or not hasattr(simulation, "probability_by"):
        return None
    return float(simulation.probability_by(week))


def finish_percentiles(simulation: SimulationResult | None) -> dict[int, float]:
    """``{50: weeks, 80: weeks}`` from a Monte Carlo result (the one source of P50/P80 for every view)."""
    if simulation is None:
        return {}
    return {q: float(simulation.percentile(q)) for q in (50, 80)}


def float_range(analysis: Analysis) -> tuple[float, float] | None:
    """The least and most total float of the non-critical decisions still to finish (weeks), or None when all
    of those are critical. Done work is left out: it sits where it finished, and its float (up to the whole plan)
    is room nobody can use."""
    from planner.analysis.graph import columns_of

    s = analysis.schedule
    if s is None or not len(s.total_float):
        return None
    done = columns_of(analysis.plan, s.graph).status_is(Status.DONE)
    floats = s.total_float[~s.critical & ~done]
    if not len(floats):
        return None
    return float(np.min(floats)), float(np.max(floats))


__all__ = [
    "Attention",
    "FinishDriver",
    "RiskLine",
    "attention",
    "finish_driver",
    "finish_percentiles",
    "float_range",
    "probability_by",
    "top_risks",
]
