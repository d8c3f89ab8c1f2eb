"""Comparing plans side by side (issue 13): the scenarios of one plan, or two plan files.

Every plan compared is analysed with the same functions as any plan (:func:`planner.analysis.analyze`,
:func:`planner.analysis.montecarlo.simulate`); a scenario is first materialised as a plan
(:func:`planner.model.scenarios.materialise`). The Monte Carlo runs use **common random numbers**: the same seed and
one random stream per decision and risk id, so a decision gets the same draws in every plan compared and the
differences in P50/P80 are the plans' differences, not sampling noise (two identical plans have exactly equal
percentiles).

Figures per plan, all in weeks from the plan start: the rolling finish and the gated finish (SPEC §3.3) with their
dates, the price of gating, P50/P80 of the finish, the spend where the plan has costs, the critical decisions
(and which joined or left the critical set relative to the first plan, the *reference*), each stage's gate
(gated schedule) and each team's peak load (people, rolling schedule).

>>> from planner.model import new_plan, Decision, DecisionOverride, Scenario
>>> plan = new_plan()
>>> plan.decisions += [Decision(id="a", title="A", stage="validate", duration=4)]
>>> plan.scenarios.append(Scenario(name="Quick", decisions={"a": DecisionOverride(duration=3)}))
>>> c = compare_scenarios(plan, iterations=200)
>>> [(f.name, f.finish) for f in c.items], c.items[1].delta("finish")
([('Base', 4.0), ('Quick', 3.0)], -1.0)
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.analysis import Analysis, analyze
from planner.analysis.capacity import team_loads
from planner.analysis.cost import target_margin, target_week
from planner.analysis.montecarlo import SimulationResult, simulate
from planner.model import units
from planner.model.plan import Baseline, Plan
from planner.model.scenarios import BASE
from planner.units import format_money, quoted

DEFAULT_ITERATIONS = 5_000
TOL = 1e-9

Progress = Callable[[int, int], "bool | None"]


def plan_cost(plan: Plan, result: Analysis) -> float | None:
    """The plan's spend (currency units) where it has costs, else None: the cost model's total when the cost
    analysis is present (issue 17), otherwise the sum of the decisions' one-off costs."""
    try:
        from planner.analysis import cost as cost_mod
    except ImportError:
        cost_mod = None  # type: ignore[assignment]
    if cost_mod is not None and hasattr(cost_mod, "cost_breakdown") and hasattr(cost_mod, "has_costs"):
        if not cost_mod.has_costs(plan) or result.schedule is None:
            return None
        return float(cost_mod.cost_breakdown(plan, result.schedule, result.stages).total)
    costs = [d.cost for d in plan.decisions if d.cost is not None]
    return float(sum(costs)) if costs else None


@dataclass
class PlanFigures:
    """The comparison figures of one plan (weeks). ``analysis.ok`` is False when the plan has errors; then the
    schedule figures are None."""

    name: str
    plan: Plan
    analysis: Analysis
    simulation: SimulationResult | None
    cost: float | None
    reference: PlanFigures | None = (
        None  # the plan the deltas are taken against (None for the reference itself)
    )

    # -- figures --------------------------------------------------------------------------------------------------
    @property
    def ok(self) -> bool:
        return self.analysis.ok

    @property
    def finish(self) -> float | None:
        return self.analysis.schedule.finish if self.analysis.schedule is not None else None

    @property
    def gated_finish(self) -> float | None:
        return self.analysis.stages.gated_finish if self.analysis.stages is not None else None

    @property
    def gating_price(self) -> float | None:
        return self.analysis.stages.gating_price if self.analysis.stages is not None else None

    @property
    def target(self) -> float | None:
        """The plan's target finish in weeks (None without one)."""
        return target_week(self.plan)

    @property
    def weeks_to_spare(self) -> float | None:
        """Weeks between the rolling finish and the plan's target, negative when it misses it
        (:func:`planner.analysis.cost.target_margin`); None without a target or a schedule."""
        return None if self.finish is None else target_margin(self.plan, self.finish)

    def percentile(self, q: float) -> float | None:
        return self.simulation.percentile(q) if self.simulation is not None else None

    @property
    def p50(self) -> float | None:
        return self.percentile(50)

    @property
    def p80(self) -> float | None:
        return self.percentile(80)

    @property
    def critical(self) -> list[str]:
        return self.analysis.schedule.critical_ids if self.analysis.schedule is not None else []

    @property
    def critical_path(self) -> list[str]:
        return list(self.analysis.schedule.critical_path) if self.analysis.schedule is not None else []

    @property
    def gates(self) -> list[tuple[str, str, float]]:
        """(stage id, stage name, gate week) of the gated schedule, in stage order."""
        if self.analysis.stages is None:
            return []
        return [(s.id, s.name, s.gate) for s in self.analysis.stages.stages]

    @property
    def stages_without_work(self) -> frozenset[str]:
        """Ids of the stages that hold no decision in this plan (a scenario that drops all of a stage's work). Such
        a stage's gate is the gate before it carried forward (``gates``, as ``planner analyze`` gives it): the
        comparison's views say the stage has no decisions there rather than show that week as its own gate."""
        if self.analysis.stages is None:
            return frozenset()
        return frozenset(s.id for s in self.analysis.stages.stages if s.gated_start is None)

    @functools.cached_property
    def team_peaks(self) -> list[tuple[str, str, float, float | None]]:
        """(team id, team name, peak load in people, capacity) under the rolling schedule, in team order. Computed
        once: every view reads it once per team (a plan of 3,000 teams took minutes in `planner diff`)."""
        s = self.analysis.schedule
        if s is None:
            return []
        return [(t.id, t.name, t.peak, t.capacity) for t in team_loads(self.plan, s.es, s.ef)]

    # -- against the reference ------------------------------------------------------------------------------------
    def delta(self, figure: str) -> float | None:
        """This plan's ``figure`` (finish, gated_finish, gating_price, p50, p80, cost) minus the reference's;
        0 for the reference itself, None when either is unknown. Exact (the JSON's figure); a view writes
        :meth:`shown_delta`."""
        ref = self.reference or self
        a, b = getattr(self, figure), getattr(ref, figure)
        if a is None or b is None:
            return None
        return float(a) - float(b)

    def shown_delta(self, figure: str) -> float | None:
        """:meth:`delta` as a view writes it beside the two figures: for weeks, the difference of the figures as
        they are written (:func:`units.week_delta`), so P50s written 35.87 and 35.9 differ by +0.03 where the
        exact figures differ by 0.0351; money as it is."""
        ref = self.reference or self
        a, b = getattr(self, figure), getattr(ref, figure)
        if a is None or b is None:
            return None
        return float(a) - float(b) if figure == "cost" else units.week_delta(a, b)

    @property
    def joined(self) -> list[str]:
        """Critical here, not critical in the reference (this plan's order)."""
        if self.reference is None:
            return []
        before = set(self.reference.critical)
        return [i for i in self.critical if i not in before]

    @property
    def left(self) -> list[str]:
        """Critical in the reference, not critical here (reference order)."""
        if self.reference is None:
            return []
        now = set(self.critical)
        return [i for i in self.reference.critical if i not in now]

    def date(self, week: float | None) -> str | None:
        return units.iso_date(self.plan.start_date, week)

    def to_dict(self) -> dict[str, Any]:
        """One entry of ``planner compare --format json`` (README, "planner compare")."""
        gates_ref = {g[0]: g[2] for g in (self.reference or self).gates}
        peaks_ref = {t[0]: t[2] for t in (self.reference or self).team_peaks}
        return {
            "name": self.name,
            "ok": self.ok,
            "errors": [f.message for f in self.analysis.errors],
            "finish": self.finish,
            "finish_date": self.date(self.finish),
            "gated_finish": self.gated_finish,
            "gated_finish_date": self.date(self.gated_finish),
            "gating_price": self.gating_price,
            "p50": self.p50,
            "p50_date": self.date(self.p50),
            "p80": self.p80,
            "p80_date": self.date(self.p80),
            "cost": self.cost,
            "target": self.target,
            "weeks_to_spare": self.weeks_to_spare,
            "delta": {
                k: self.delta(k) for k in ("finish", "gated_finish", "gating_price", "p50", "p80", "cost")
            },
            "critical_path": self.critical_path,
            "critical": self.critical,
            "critical_joined": self.joined,
            "critical_left": self.left,
            "stages": [
                {
                    "id": sid,
                    "gate": g,
                    "gate_date": self.date(g),
                    "delta": (g - gates_ref[sid]) if sid in gates_ref else None,
                }
                for sid, _, g in self.gates
            ],
            "teams": [
                {
                    "id": tid,
                    "peak": p,
                    "capacity": cap,
                    "delta": (p - peaks_ref[tid]) if tid in peaks_ref else None,
                }
                for tid, _, p, cap in self.team_peaks
            ],
        }


@dataclass
class Comparison:
    """Two or more plans compared; ``items[0]`` is the reference the deltas are taken against."""

    title: str
    items: list[PlanFigures]
    iterations: int
    seed: int
    notes: list[str] = field(default_factory=list)
    base: Plan | None = None  # the plan whose scenarios these are (compare_scenarios), for describing them

    @property
    def reference(self) -> PlanFigures:
        return self.items[0]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``planner compare`` (README, "planner compare")."""
        return {
            "title": self.title,
            "unit": "week",
            "reference": self.reference.name,
            "iterations": self.iterations,
            "seed": self.seed,
            "random_numbers": "common",
            "scenarios": [x.to_dict() for x in self.items],
        }

    def sentences(self) -> list[str]:
        """One plain-language sentence per plan after the reference (see :func:`describe`)."""
        return [describe(x) for x in self.items[1:]]


def _when(item: PlanFigures, week: float) -> str:
    date = units.week_to_date(item.plan.start_date, week)
    return units.format_date(date) if date is not None else f"week {units.format_weeks(week)}"


def _titles(item: PlanFigures, ids: Sequence[str], limit: int = 3) -> str:
    names = []
    for i in ids[:limit]:
        d = item.plan.decision(i) or (item.reference.plan.decision(i) if item.reference else None)
        names.append(d.title if d is not None else i)
    more = len(ids) - limit
    text = ", ".join(quoted(n) for n in names)
    return text + (f" and {more} more" if more > 0 else "")


def _money(amount: float, currency: str | None) -> str:
    return format_money(abs(amount), currency)  # "40,000 more spend": the sign is in the words


def describe(item: PlanFigures) -> str:
    """A sentence on what ``item`` does against its reference, e.g. "Hire MLOps early brings the finish forward
    5 weeks, to 12 Jul 2027 (P80 3 weeks earlier), at 40,000 more spend; 'X' joins the critical path."."""
    ref = item.reference
    if ref is None:
        return ""
    if not item.ok:
        return (
            f"{item.name} cannot be scheduled: {item.analysis.errors[0].message}"
            if item.analysis.errors
            else ""
        )
    if not ref.ok:
        return f"{item.name} finishes {_when(item, item.finish or 0.0)}; {ref.name} cannot be scheduled."
    d = item.shown_delta("finish") or 0.0
    finish = item.finish or 0.0
    if abs(d) <= TOL:
        text = f"{item.name} leaves the finish unchanged, at {_when(item, finish)}"
    elif d < 0:
        text = f"{item.name} brings the finish forward {units.plural_weeks(-d)}, to {_when(item, finish)}"
    else:
        text = f"{item.name} pushes the finish back {units.plural_weeks(d)}, to {_when(item, finish)}"
    dp80 = item.shown_delta("p80")
    if dp80 is not None and abs(dp80) > 0.005 and abs(dp80 - d) > 0.005:  # said only when it tells more
        text += f" (P80 {units.plural_weeks(abs(dp80))} {'earlier' if dp80 < 0 else 'later'})"
    dc = item.delta("cost")
    if dc is not None and abs(dc) >= 0.5:
        text += f", at {_money(dc, item.plan.currency)} {'more' if dc > 0 else 'less'} spend"
    parts = []
    if item.joined:
        verb = units.agree(len(item.joined), "joins", "join")
        parts.append(f"{_titles(item, item.joined)} {verb} the critical path")
    # a critical decision the plan no longer has (a scenario dropped it) did not "leave" the path: dropping it did
    here = {d.id for d in item.plan.decisions}
    stayed = [i for i in item.left if i in here]
    gone = [i for i in item.left if i not in here]
    if stayed:
        verb = units.agree(len(stayed), "leaves", "leave")
        parts.append(
            f"{_titles(item, stayed)} {verb} it"
            if parts
            else f"{_titles(item, stayed)} {verb} the critical path"
        )
    if gone:
        them = units.agree(len(gone), "it", "them")
        parts.append(f"dropping {_titles(item, gone)} takes {them} off the critical path")
    dg = item.shown_delta("gating_price")
    if dg is not None and abs(dg) > TOL:
        parts.append(
            f"strict gates cost {units.plural_weeks(item.gating_price or 0.0)} "
            f"({'up' if dg > 0 else 'down'} from {units.plural_weeks(ref.gating_price or 0.0)})"
        )
    return text + ("; " + "; ".join(parts) if parts else "") + "."


def ghost_analysis(item: PlanFigures) -> Analysis:
    """``item``'s analysis with its reference's schedule kept as a baseline named after the reference, so the Gantt
    draws the reference's bars as thin "ghosts" under the scenario's (``draw_gantt(..., baseline=name)``)."""
    from planner.analysis.baselines import make_baseline, with_baseline

    ref = item.reference or item
    if ref.analysis.schedule is None:
        return item.analysis
    ghost = make_baseline(ref.analysis.schedule, ref.name, plan=ref.analysis.plan)
    plan = with_baseline(item.plan, ghost).model_copy(update={"title": f"{item.name} against {ref.name}"})
    return dataclasses.replace(item.analysis, plan=plan)


def reference_baseline(reference: Plan, name: str) -> Baseline | None:
    """``reference``'s schedule as a baseline called ``name`` (None when it cannot be scheduled): added to a
    scenario's plan, it makes the Gantt draw the reference's bars under the scenario's and the table's slip columns
    measure against the reference."""
    from planner.analysis.baselines import make_baseline

    result = analyze(reference)
    if result.schedule is None:
        return None
    return make_baseline(result.schedule, name, stages=result.stages, plan=result.plan)


def compare_plans(
    plans: Sequence[tuple[str, Plan]],
    iterations: int = DEFAULT_ITERATIONS,
    seed: int = 0,
    *,
    title: str | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Compare ``plans`` ((name, plan) pairs; the first is the reference). ``iterations`` 0 skips the Monte
    Carlo (P50/P80 are then None). ``progress(done, total)`` is called after each plan; False cancels
    (:class:`planner.analysis.montecarlo.SimulationCancelled`)."""
    from planner.analysis.montecarlo import SimulationCancelled

    if not plans:
        raise ValueError("nothing to compare")
    items: list[PlanFigures] = []
    for k, (name, plan) in enumerate(plans):
        result = analyze(plan)
        sim = None
        if result.ok and iterations > 0:
            sim = simulate(plan, iterations, seed, common_random_numbers=True)
        items.append(
            PlanFigures(
                name, plan, result, sim, plan_cost(plan, result), reference=items[0] if items else None
            )
        )
        if progress is not None and progress(k + 1, len(plans)) is False:
            raise SimulationCancelled()
    return Comparison(title or plans[0][1].title, items, iterations, seed)


def compare_scenarios(
    plan: Plan,
    names: Sequence[str] | None = None,
    iterations: int = DEFAULT_ITERATIONS,
    seed: int = 0,
    *,
    progress: Progress | None = None,
) -> Comparison:
    """Compare scenarios of ``plan`` by name (``Base`` is the plan itself); by default the base and every
    scenario. The first name is the reference. Raises :class:`planner.model.scenarios.ScenarioError` for an
    unknown name."""
    from planner.model.scenarios import is_base, materialise, resolve

    if names is not None:
        pairs = [(n, resolve(plan, n)) for n in names]
    else:  # the plan itself first, then each scenario once (the first of a name, as --scenario NAME takes it)
        pairs = [(BASE, plan)]
        seen: set[str] = set()
        for sc in plan.scenarios:
            if sc.name not in seen:
                seen.add(sc.name)
                pairs.append(
                    (f"{sc.name} (scenario)" if is_base(sc.name) else sc.name, materialise(plan, sc))
                )
    comparison = compare_plans(pairs, iterations, seed, title=plan.title, progress=progress)
    comparison.base = plan
    return comparison


__all__ = [
    "DEFAULT_ITERATIONS",
    "Comparison",
    "PlanFigures",
    "compare_plans",
    "compare_scenarios",
    "describe",
    "ghost_analysis",
    "plan_cost",
    "reference_baseline",
]
