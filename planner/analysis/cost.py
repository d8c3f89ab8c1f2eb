"""What the plan costs, and how sure we are (issue 17). Pure functions, no Qt.

Money is in the plan's ``currency``; time in weeks from the plan start. For each decision ``j`` with duration
``d_j`` (weeks, under the analysis' estimate; a milestone takes 0):

- **labour** = ``headcount_j × d_j × rate(owner_j)``, where ``rate`` is the owner team's cost per person-week
  (no owner, or an owner without a rate: no labour cost). Labour is always in the ``people`` category. With
  progress recorded, ``d_j`` is the whole planned duration: the work done
  (:func:`planner.analysis.progress.done_weeks`) plus the remaining work the schedule runs on;
- **one-off** = the decision's ``cost``, in its ``cost_category`` (``other`` by default);
- **run** = ``run_rate_j × max(0, H − EF_j)``: a running cost per week (inference, licences) from the decision's
  finish up to the plan **horizon** ``H`` (the plan's ``horizon``, or the project finish when it has none), in the
  decision's ``cost_category``.

The decision's **spend** is labour + one-off + run. Labour and one-off are spent evenly while the decision runs
(a milestone's one-off cost at its date), the run cost evenly from its finish to ``H``; the **spend curve** is the
cumulative spend over time, piecewise linear between the decisions' starts and finishes (and ``H``), exact at
every point it lists. Totals by stage (the stage the decision is assigned to), area, owner team and category
each add up to the total spend.

**Cost of delay**: ``cost_of_delay × max(0, finish − target)`` when the plan has a ``target`` (a week, or a date
that needs ``start_date``). It is not spend: the budget compares spend only.

**Price of strict gates in money** (SPEC §3.3 gives it in weeks): ``extra weeks × burn rate + extra delay cost``,
where extra weeks = gated finish − rolling finish, the burn rate is the average labour spend per week of the
rolling schedule (labour ÷ rolling finish: what keeping the programme's people costs per week) and the extra delay
cost is ``cost_of_delay × (max(0, gated − target) − max(0, rolling − target))``.

**Uncertainty**: :func:`planner.analysis.montecarlo.simulate` computes the spend (and delay cost) of every
iteration from the same sampled durations (risk delays included: a risk that fires lengthens the work) and finish
dates, without drawing any extra random number, so adding costs changes no existing figure and the same seed gives
the same costs. :func:`cost_risk` reads P50/P80 spend, the probability of staying within the budget, of finishing
by the target, and of both (the **joint** probability, never above either).

Every view (CLI, app, report) calls :func:`cost_summary`, so they all show the same figures.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from planner.model import units
from planner.model.plan import CostCategory, Plan
from planner.units import format_money, signed_money  # the one rule for money (kept importable from here)

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.analysis.montecarlo import SimulationResult
    from planner.analysis.schedule import Schedule
    from planner.analysis.stages import StageAnalysis

CATEGORIES: tuple[str, ...] = tuple(c.value for c in CostCategory)
NO_AREA = "(no area)"
NO_TEAM = "(no owner)"


# -- inputs ---------------------------------------------------------------------------------------------------
@dataclass
class CostVectors:
    """The plan's cost inputs as arrays in plan order (what the Monte Carlo multiplies per iteration)."""

    labour_per_week: np.ndarray  # headcount x team rate, per week the decision runs
    one_off: np.ndarray
    run_rate: np.ndarray
    horizon: float | None  # weeks; None: each schedule's own finish
    target: float | None  # weeks
    cost_of_delay: float
    budget: float | None
    done_weeks: np.ndarray | None = None  # weeks of each decision's work already done (None: nothing done)

    @property
    def one_off_total(self) -> float:
        return math.fsum(self.one_off.tolist())

    @property
    def labour_done(self) -> float:
        """Labour of the work already done: a fixed amount, whatever the remaining work turns out to take."""
        return (
            0.0 if self.done_weeks is None else math.fsum((self.labour_per_week * self.done_weeks).tolist())
        )

    def labour(self, remaining: np.ndarray) -> float:
        """Total labour with the remaining work taking ``remaining`` weeks per decision: done + remaining, each
        decision's labour summed exactly (math.fsum), as :func:`cost_breakdown` sums its labour -- so this is that
        figure, bit for bit, and no dot product in the file's order (the price of gates read 1224.0437158469942 a
        week in one order of the file and ...994 in another)."""
        weeks = remaining if self.done_weeks is None else remaining + self.done_weeks
        return math.fsum((self.labour_per_week * weeks).tolist())

    def burn_rate(self, remaining: np.ndarray, finish: float) -> float:
        """The average labour spend per week of a schedule finishing at ``finish`` (what keeping the programme's
        people costs per week): its whole labour over its length. The price of strict gates and of levelling in
        money use it."""
        return self.labour(remaining) / finish if finish > 0 else 0.0


def target_week(plan: Plan) -> float | None:
    """The plan's ``target`` in weeks from the start (a date needs ``start_date``; without it: None)."""
    t = plan.target
    if t is None:
        return None
    if isinstance(t, dt.date):
        if plan.start_date is None:
            return None
        return (t - plan.start_date).days / 7.0
    return float(t)


def target_margin(plan: Plan, finish: float) -> float | None:
    """Weeks to spare between ``finish`` and the plan's target (negative: late by that much), as the two are
    written (:func:`planner.units.week_delta`), so that the margin shown is the difference of the weeks shown beside
    it; None without a target (or with a target date and no start date). :func:`planner.units.target_verdict`
    words it."""
    target = target_week(plan)
    return None if target is None else units.week_delta(target, finish)


def has_costs(plan: Plan) -> bool:
    """True when the plan says anything about money: a team rate, a decision cost or run rate, or a budget."""
    return (
        any(t.rate for t in plan.teams)
        or any(d.cost or d.run_rate for d in plan.decisions)
        or plan.budget is not None
    )


def cost_vectors(plan: Plan, estimate: str = "likely") -> CostVectors:
    """Per-decision cost inputs (plan order). Labour rate = headcount × the owner team's rate. The work already done
    (:func:`planner.analysis.progress.done_weeks` under ``estimate``) is labour spent: a schedule of the remaining
    work adds it to the labour of its remaining durations."""
    from planner.analysis.progress import done_weeks

    rates = {t.id: float(t.rate or 0.0) for t in plan.teams}
    labour = np.array([d.headcount * rates.get(d.owner or "", 0.0) for d in plan.decisions], dtype=np.float64)
    one_off = np.array([float(d.cost or 0.0) for d in plan.decisions], dtype=np.float64)
    run = np.array([float(d.run_rate or 0.0) for d in plan.decisions], dtype=np.float64)
    return CostVectors(
        labour_per_week=labour,
        one_off=one_off,
        run_rate=run,
        horizon=None if plan.horizon is None else float(plan.horizon),
        target=target_week(plan),
        cost_of_delay=float(plan.cost_of_delay or 0.0),
        budget=None if plan.budget is None else float(plan.budget),
        done_weeks=done_weeks(plan, estimate),
    )


def iteration_costs(
    v: CostVectors, d: np.ndarray, ef: np.ndarray, finish: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Spend and delay cost of a batch of schedules: ``d`` and ``ef`` are (decisions, iterations) durations and
    early finishes in the *same* numbering as ``v``'s arrays (column vectors broadcast), ``finish`` is
    (iterations,). Used by the Monte Carlo on every chunk, and by :func:`cost_breakdown` for one schedule."""
    spend = v.labour_per_week @ d if len(v.labour_per_week) else np.zeros(finish.shape)
    spend = spend + (v.one_off_total + v.labour_done)
    if np.any(v.run_rate):
        horizon = finish if v.horizon is None else np.full(finish.shape, v.horizon)
        spend = spend + v.run_rate @ np.maximum(horizon[None, :] - ef, 0.0)
    if v.target is not None and v.cost_of_delay:
        delay = v.cost_of_delay * np.maximum(finish - v.target, 0.0)
    else:
        delay = np.zeros(finish.shape)
    return spend, delay


# -- the deterministic breakdown --------------------------------------------------------------------------------
SPEND_KIND_NAMES = {"labour": "labour", "one_off": "one-off", "run": "running"}
"""The short name of each kind of spend (:meth:`CostBreakdown.spend_kinds`), as the chart and the app say it."""


@dataclass
class DecisionCost:
    id: str
    labour: float
    one_off: float
    run: float
    category: str

    @property
    def total(self) -> float:
        return self.labour + self.one_off + self.run


@dataclass
class GatingPrice:
    """The price of running the stages as strict gates: weeks, and money (see the module docstring)."""

    weeks: float
    burn_rate: float  # labour per week of the rolling schedule
    labour: float  # weeks x burn rate
    delay: float  # extra cost of delay
    currency: str | None = None

    @property
    def money(self) -> float:
        return self.labour + self.delay


@dataclass
class CostBreakdown:
    """The plan's spend under one schedule; every ``by_*`` list is ``(key, label, amount)`` and sums to ``total``."""

    currency: str | None
    labour: float
    one_off: float
    run: float
    delay: float
    finish: float
    horizon: float
    target: float | None
    budget: float | None
    decisions: list[DecisionCost]
    by_stage: list[tuple[str, str, float]]
    by_area: list[tuple[str, str, float]]
    by_team: list[tuple[str, str, float]]
    by_category: list[tuple[str, str, float]]
    spend_curve: list[
        tuple[float, float]
    ]  # (week, cumulative spend), piecewise linear; a jump repeats the week
    gating: GatingPrice | None
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        """Spend: labour + one-off + run (cost of delay excluded)."""
        return self.labour + self.one_off + self.run

    def spend_kinds(self) -> list[tuple[str, float]]:
        """The kinds of spend the plan has, ``(kind, amount)`` in the order ``labour``, ``one_off``, ``run``: a kind
        that is nothing in money (under 0.5, shown as 0) is left out, as "labour EUR 0" says nothing. The one rule
        for the cost chart's subtitle, the report's cost sentence and the app's Cost tab.

        >>> CostBreakdown(None, 0.2, 1500.0, 0.0, 0.0, 10.0, 10.0, None, None, [], [], [], [], [], [], None).spend_kinds()
        [('one_off', 1500.0)]
        """
        kinds = (("labour", self.labour), ("one_off", self.one_off), ("run", self.run))
        return [(kind, amount) for kind, amount in kinds if abs(amount) >= 0.5]

    def spend_texts(self, currency: str | None = None, run_until: str = "") -> list[str]:
        """Each kind of spend of :meth:`spend_kinds` as the chart's subtitle and the Cost tab write it, ``labour EUR
        8,000``; ``run_until`` follows the running costs (`` to week 10``)."""
        return [
            f"{SPEND_KIND_NAMES[kind]} {format_money(amount, currency)}"
            + (run_until if kind == "run" else "")
            for kind, amount in self.spend_kinds()
        ]

    def spend_split(self, currency: str | None = None, run_until: str = "") -> str:
        """How the spend splits, after its total, as the command line and the Cost tab write it: `` (labour EUR
        8,000, one-off EUR 600)`` for several kinds (:meth:`spend_texts`), `` (all of it one-off)`` for one, ``""``
        for none.

        >>> CostBreakdown(None, 0.2, 1500.0, 0.0, 0.0, 10.0, 10.0, None, None, [], [], [], [], [], [], None).spend_split()
        ' (all of it one-off)'
        """
        kinds = self.spend_kinds()
        if len(kinds) > 1:
            return f" ({', '.join(self.spend_texts(currency, run_until))})"
        if kinds:
            kind = kinds[0][0]
            return f" (all of it {SPEND_KIND_NAMES[kind]}{run_until if kind == 'run' else ''})"
        return ""

    @property
    def headroom(self) -> float | None:
        """Budget minus spend (negative: over budget); None without a budget."""
        return None if self.budget is None else self.budget - self.total

    def by_stage_and_category(self, plan: Plan) -> list[tuple[str, str, dict[str, float]]]:
        """``(stage id, stage name, {category: amount})`` in plan order; labour is ``people``."""
        stage_of = {d.id: d.stage for d in plan.decisions}
        parts: dict[str, dict[str, list[float]]] = {s.id: {c: [] for c in CATEGORIES} for s in plan.stages}
        for row in self.decisions:
            cell = parts.setdefault(stage_of[row.id], {c: [] for c in CATEGORIES})
            cell["people"].append(row.labour)
            cell[row.category].append(row.one_off + row.run)
        names = {s.id: s.name for s in plan.stages}
        return [(k, names.get(k, k), {c: math.fsum(v) for c, v in cell.items()}) for k, cell in parts.items()]

    def spend_by(self, week: float) -> float:
        """Cumulative spend at ``week`` (linear between the curve's points; the later value at a jump)."""
        pts = self.spend_curve
        if not pts or week < pts[0][0]:
            return 0.0
        for (w0, c0), (w1, c1) in zip(pts, pts[1:], strict=False):
            if w0 <= week < w1:
                return c0 + (c1 - c0) * (week - w0) / (w1 - w0)
        return pts[-1][1]

    def to_dict(self, plan: Plan) -> dict[str, Any]:
        from planner.model.units import iso_date

        def rows(items: list[tuple[str, str, float]]) -> list[dict[str, Any]]:
            return [{"id": k, "name": n, "cost": c} for k, n, c in items]

        out: dict[str, Any] = {
            "currency": self.currency,
            "total": self.total,
            "labour": self.labour,
            "one_off": self.one_off,
            "run": self.run,
            "cost_of_delay": self.delay,
            "horizon": self.horizon,
            "budget": self.budget,
            "headroom": self.headroom,
            "by_stage": rows(self.by_stage),
            "by_area": rows(self.by_area),
            "by_team": rows(self.by_team),
            "by_category": rows(self.by_category),
            "spend_curve": [
                {
                    "week": w,
                    "cumulative": c,
                    **({"date": iso_date(plan.start_date, w)} if plan.start_date else {}),
                }
                for w, c in self.spend_curve
            ],
            "decisions": [
                {"id": d.id, "labour": d.labour, "one_off": d.one_off, "run": d.run, "total": d.total}
                for d in self.decisions
            ],
        }
        if self.gating is not None:
            out["gating_price"] = {
                "weeks": self.gating.weeks,
                "burn_rate": self.gating.burn_rate,
                "labour": self.gating.labour,
                "cost_of_delay": self.gating.delay,
                "total": self.gating.money,
            }
        return out


def _grouped(
    keys: list[str], labels: dict[str, str], amounts: list[float], order: list[str]
) -> list[tuple[str, str, float]]:
    # exact sums (math.fsum): a group's figure does not depend on the order of the file's decisions
    parts: dict[str, list[float]] = {}
    for k, a in zip(keys, amounts, strict=True):
        parts.setdefault(k, []).append(a)
    sums = {k: math.fsum(v) for k, v in parts.items()}
    ordered = [k for k in order if k in sums] + sorted(k for k in sums if k not in order)
    return [(k, labels.get(k, k), sums[k]) for k in ordered]


def _spend_curve(
    es: np.ndarray, ef: np.ndarray, work: np.ndarray, run: np.ndarray, horizon: float
) -> list[tuple[float, float]]:
    """Cumulative spend at every breakpoint: ``work`` spread over [ES, EF] (at ES when EF == ES), ``run`` per
    week over [EF, horizon]."""
    n = len(es)
    if n == 0:
        return [(0.0, 0.0)]
    # the pieces in an order of their own values, so that the sums below do not depend on the file's order
    order = np.lexsort((run, work, ef, es))
    es, ef, work, run = es[order], ef[order], work[order], run[order]
    points = np.unique(np.concatenate([[0.0], es, ef, [horizon]]))
    dur = ef - es

    def at(t: float, before: bool) -> float:
        with np.errstate(divide="ignore", invalid="ignore"):
            frac = np.where(
                dur > 0,
                np.clip((t - es) / np.where(dur > 0, dur, 1.0), 0.0, 1.0),
                (es < t) if before else (es <= t),
            )
        running = np.clip(np.minimum(t, horizon) - ef, 0.0, None)
        return float(work @ frac + run @ running)

    curve: list[tuple[float, float]] = []
    for t in points.tolist():
        lo, hi = at(t, True), at(t, False)
        if hi - lo > 1e-9 * max(1.0, abs(hi)) and curve:
            curve.append((t, lo))
        curve.append((t, hi))
    return curve


def cost_breakdown(plan: Plan, sched: Schedule, stages: StageAnalysis | None = None) -> CostBreakdown:
    """The plan's costs under ``sched`` (any estimate); with ``stages``, also the price of strict gates.

    ``sched`` schedules the remaining work (:func:`planner.analysis.progress.progress_schedule`): each decision's
    labour is that of its whole planned work, the part done included, and the spend curve has the part done where
    the charts draw it (:func:`planner.analysis.progress.part_done`)."""
    from planner.analysis.progress import part_done

    v = cost_vectors(plan, sched.estimate)
    n = len(plan.decisions)
    idx = [sched.index[d.id] for d in plan.decisions]
    d = np.asarray(sched.duration, dtype=np.float64)[idx] if n else np.zeros(0)
    es = np.asarray(sched.es, dtype=np.float64)[idx] if n else np.zeros(0)
    ef = np.asarray(sched.ef, dtype=np.float64)[idx] if n else np.zeros(0)
    finish = float(sched.finish)
    horizon = finish if v.horizon is None else v.horizon
    done = v.done_weeks if v.done_weeks is not None else np.zeros(n)
    labour = v.labour_per_week * (d + done)
    run = v.run_rate * np.maximum(horizon - ef, 0.0)
    # The spend curve's pieces: the remaining work (with the one-off cost) over [ES, EF], the part done over where
    # it lies (never before the plan start, where the curve begins).
    began, ends = part_done(plan, es, ef, d, sched.estimate)
    past = np.flatnonzero(~np.isnan(ends) & (done > 0))
    lo = np.maximum(np.minimum(began[past], ends[past]), 0.0)
    hi = np.maximum(ends[past], 0.0)
    notes: list[str] = []
    if plan.target is not None and v.target is None:
        notes.append("the target is a date but the plan has no start_date, so no cost of delay is counted")
    if v.horizon is not None and np.any((v.run_rate > 0) & (ef > v.horizon)):
        notes.append("some running costs start after the horizon and count nothing")

    rows = [
        DecisionCost(x.id, float(labour[i]), float(v.one_off[i]), float(run[i]), str(x.cost_category))
        for i, x in enumerate(plan.decisions)
    ]
    totals = [r.total for r in rows]
    stage_names = {s.id: s.name for s in plan.stages}
    area_names = {a.id: a.name for a in plan.areas}
    team_names = {t.id: t.name for t in plan.teams}
    by_stage = _grouped([x.stage for x in plan.decisions], stage_names, totals, [s.id for s in plan.stages])
    by_area = _grouped(
        [x.area or NO_AREA for x in plan.decisions],
        area_names,
        totals,
        [a.id for a in plan.areas] + [NO_AREA],
    )
    by_team = _grouped(
        [x.owner or NO_TEAM for x in plan.decisions],
        team_names,
        totals,
        [t.id for t in plan.teams] + [NO_TEAM],
    )
    cat_keys = ["people"] * n + [r.category for r in rows]
    cat_amounts = [r.labour for r in rows] + [r.one_off + r.run for r in rows]
    by_category = [
        (k, k.capitalize(), a)
        for k, _, a in _grouped(cat_keys, {}, cat_amounts, list(CATEGORIES))
        if a or k == "people"
    ]

    delay = v.cost_of_delay * max(0.0, finish - v.target) if v.target is not None else 0.0
    gating = None
    if stages is not None:
        weeks = float(stages.gating_price)
        burn = v.burn_rate(d, finish)
        extra_delay = 0.0
        if v.target is not None:
            extra_delay = v.cost_of_delay * (
                max(0.0, float(stages.gated_finish) - v.target) - max(0.0, finish - v.target)
            )
        gating = GatingPrice(
            weeks=weeks, burn_rate=burn, labour=weeks * burn, delay=extra_delay, currency=plan.currency
        )
    return CostBreakdown(
        currency=plan.currency,
        labour=math.fsum(labour.tolist()),
        one_off=v.one_off_total,
        run=math.fsum(run.tolist()),
        delay=delay,
        finish=finish,
        horizon=horizon,
        target=v.target,
        budget=v.budget,
        decisions=rows,
        by_stage=by_stage,
        by_area=by_area,
        by_team=by_team,
        by_category=by_category,
        spend_curve=_spend_curve(
            np.concatenate([es, lo]),
            np.concatenate([ef, hi]),
            np.concatenate([v.labour_per_week * d + v.one_off, v.labour_per_week[past] * done[past]]),
            np.concatenate([v.run_rate, np.zeros(len(past))]),
            horizon,
        ),
        gating=gating,
        notes=notes,
    )


# -- uncertainty ------------------------------------------------------------------------------------------------
@dataclass
class CostRisk:
    """Cost figures of a Monte Carlo run (spend per iteration; see the module docstring)."""

    iterations: int
    mean: float
    p50: float
    p80: float
    p90: float
    budget: float | None
    target: float | None
    p_within_budget: float | None
    p_by_target: float | None
    p_joint: float | None  # finish by the target AND spend within the budget
    delay_p80: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "iterations": self.iterations,
            "mean": self.mean,
            "p50": self.p50,
            "p80": self.p80,
            "p90": self.p90,
            "budget": self.budget,
            "target": self.target,
            "p_within_budget": self.p_within_budget,
            "p_by_target": self.p_by_target,
            "p_target_and_budget": self.p_joint,
            "cost_of_delay_p80": self.delay_p80,
        }


def cost_risk(sim: SimulationResult) -> CostRisk | None:
    """P50/P80 spend, P(within budget), P(finish by target) and their joint probability; None when the run
    carries no costs (the plan had none)."""
    spend = getattr(sim, "cost", None)
    v = getattr(sim, "cost_inputs", None)
    if spend is None or v is None or not sim.iterations:
        return None
    within = by_target = None
    ok_budget = ok_time = None
    if v.budget is not None:
        ok_budget = spend <= v.budget * (1 + 1e-12)
        within = float(np.count_nonzero(ok_budget) / sim.iterations)
    if v.target is not None:
        ok_time = sim.finish <= v.target + 1e-9 * max(1.0, abs(v.target))
        by_target = float(np.count_nonzero(ok_time) / sim.iterations)
    joint = None
    if ok_budget is not None and ok_time is not None:
        joint = float(np.count_nonzero(ok_budget & ok_time) / sim.iterations)
    p50, p80, p90 = (float(x) for x in np.percentile(spend, [50, 80, 90]))
    delay = getattr(sim, "delay_cost", None)
    return CostRisk(
        iterations=sim.iterations,
        mean=float(spend.mean()),
        p50=p50,
        p80=p80,
        p90=p90,
        budget=v.budget,
        target=v.target,
        p_within_budget=within,
        p_by_target=by_target,
        p_joint=joint,
        delay_p80=float(np.percentile(delay, 80)) if delay is not None else 0.0,
    )


# -- the one summary every view shows ---------------------------------------------------------------------------
@dataclass
class CostSummary:
    """What the app's cost panel, ``analyze --format json`` and the report's cost section all show."""

    breakdown: CostBreakdown
    risk: CostRisk | None

    @property
    def currency(self) -> str | None:
        return self.breakdown.currency

    @property
    def spend_varies(self) -> bool:
        """True when the simulated spend differs between runs (P50 or P80 off the plan's total by more than half a
        percent): the one rule for whether a view gives simulated cost percentiles or says every run spends the
        same. False without a simulation."""
        r, total = self.risk, self.breakdown.total
        if r is None:
            return False
        tol = 0.005 * max(1.0, abs(total))
        return abs(r.p80 - r.p50) > tol or abs(r.p50 - total) > tol or abs(r.p80 - total) > tol

    def to_dict(self, plan: Plan) -> dict[str, Any]:
        out = self.breakdown.to_dict(plan)
        if self.risk is not None:
            out["simulation"] = self.risk.to_dict()
        return out


def cost_summary(
    plan: Plan, analysis: Analysis, simulation: SimulationResult | None = None
) -> CostSummary | None:
    """The plan's cost figures under ``analysis`` (its schedule and stages) and, when a Monte Carlo run is given
    (or attached to the analysis), its cost percentiles and probabilities. None while the plan has no schedule
    (validation errors) or says nothing about money (:func:`has_costs`)."""
    if analysis.schedule is None or not has_costs(plan):
        return None
    sim = simulation if simulation is not None else getattr(analysis, "simulation", None)
    risk = cost_risk(sim) if sim is not None else None
    return CostSummary(cost_breakdown(plan, analysis.schedule, analysis.stages), risk)


__all__ = [
    "CATEGORIES",
    "SPEND_KIND_NAMES",
    "CostBreakdown",
    "CostRisk",
    "CostSummary",
    "CostVectors",
    "DecisionCost",
    "GatingPrice",
    "cost_breakdown",
    "cost_risk",
    "cost_summary",
    "cost_vectors",
    "format_money",
    "has_costs",
    "signed_money",
    "iteration_costs",
    "target_margin",
    "target_week",
]


NOT_PRICED = "not priced (no team rates or cost of delay)"


def gating_money_text(gating: GatingPrice) -> str:
    """What strict gates cost in money, written one way for every view: the amount, or :data:`NOT_PRICED` when the
    plan sets no team rates and no cost of delay (the weeks are known, their price is not; never "0").

    >>> gating_money_text(GatingPrice(weeks=2, burn_rate=0.0, labour=0.0, delay=0.0, currency="EUR"))
    'not priced (no team rates or cost of delay)'
    >>> gating_money_text(GatingPrice(weeks=2, burn_rate=5000.0, labour=10000.0, delay=0.0, currency="EUR"))
    'EUR 10,000'
    """
    return format_money(gating.money, gating.currency) if gating.money > 0 else NOT_PRICED
