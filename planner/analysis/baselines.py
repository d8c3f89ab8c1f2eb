"""Baselines (SPEC §3.4): a named snapshot of the schedule kept in the plan, and the variance against it.

A baseline records, for every decision, its early start and early finish (weeks from the plan start) and the
project finish, at the moment it was taken. Variance compares the current schedule with it: a positive slip
means later than the baseline. Everything here is pure: functions return new objects and never mutate the plan
(the GUI's edit layer applies the result through an undoable command).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planner.analysis.schedule import Schedule
from planner.analysis.stages import StageAnalysis
from planner.model import units
from planner.model.plan import Baseline, BaselineEntry, Plan
from planner.units import quoted

SLIP_TOL = 1e-7
"""Weeks: slips smaller than this are rounding noise and reported as 0."""


def make_baseline(
    schedule: Schedule,
    name: str,
    created: dt.datetime | None = None,
    stages: StageAnalysis | None = None,
    plan: Plan | None = None,
) -> Baseline:
    """A baseline named ``name`` from ``schedule`` (ES/EF per decision, the finish). ``created`` defaults to now
    (UTC, to the second). With ``plan``, a decision's start is its actual start when one is recorded, as
    :func:`variance` reads the current schedule against it (:func:`_starts`): a baseline taken now has no slip.

    >>> from planner.model import new_plan, Decision
    >>> from planner.analysis.schedule import schedule
    >>> plan = new_plan()
    >>> plan.decisions.append(Decision(id="a", title="A", stage="validate", duration=3))
    >>> b = make_baseline(schedule(plan), "Board approval", created=dt.datetime(2027, 1, 4))
    >>> b.finish, b.decisions["a"].finish
    (3.0, 3.0)
    """
    if created is None:
        created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    starts = _starts(schedule, plan)
    entries = {
        did: BaselineEntry(start=starts[i], finish=float(schedule.ef[i]))
        for i, did in enumerate(schedule.ids)
        if schedule.index.get(did) == i  # first of duplicate ids only
    }
    gates = {st.id: float(st.gate) for st in stages.stages} if stages is not None else {}
    windows = {
        st.id: BaselineEntry(start=st.start, finish=st.finish)
        for st in (stages.stages if stages is not None else ())
        if st.start is not None and st.finish is not None
    }
    return Baseline(
        name=name,
        created=created,
        finish=float(schedule.finish),
        decisions=entries,
        gates=gates,
        stages=windows,
    )


def _starts(schedule: Schedule, plan: Plan | None) -> list[float]:
    """Each decision's start as a baseline keeps it and variance compares it: its scheduled start (the start of its
    remaining work), or its actual start when ``plan`` records an earlier one (issue 16)."""
    starts = [float(x) for x in schedule.es]
    if plan is None:
        return starts
    from planner.analysis.progress import progress_state

    actual = {p.id: p.actual_start for p in progress_state(plan).decisions if p.actual_start is not None}
    if not actual:
        return starts
    return [min(s, actual.get(did, s)) for s, did in zip(starts, schedule.ids, strict=True)]


def with_baseline(plan: Plan, baseline: Baseline) -> Plan:
    """A copy of ``plan`` holding ``baseline``: it replaces a baseline of the same name (:func:`planner.model.names
    .name_key`) in place, or is added at the end. A ``ValueError`` that says what to do when the plan already holds
    the most baselines a plan file may (:data:`planner.model.limits.MAX_BASELINES`): the file written with one more
    would not load (H-unseen24: ``planner baseline --name`` wrote a 101st, and the plan then refused to open)."""
    from planner.model.limits import MAX_BASELINES
    from planner.model.names import name_key

    baselines = list(plan.baselines)
    key = name_key(baseline.name)
    for k, b in enumerate(baselines):
        if name_key(b.name) == key:
            baselines[k] = baseline
            break
    else:
        if len(baselines) >= MAX_BASELINES:
            raise ValueError(
                f"the plan already has {len(baselines)} baselines, the most a plan file holds; replace one by "
                f"giving its name (the oldest is {quoted(baselines[0].name)}), or delete one in the app"
            )
        baselines.append(baseline)
    return plan.model_copy(update={"baselines": baselines})


def find_baseline(plan: Plan, name: str | None = None) -> Baseline | None:
    """The baseline called ``name``, or the most recently added one when ``name`` is None."""
    return plan.baseline(name)


@dataclass
class DecisionVariance:
    """One decision against the baseline (weeks). ``status``: ``"same"``, ``"slipped"``, ``"ahead"``,
    ``"new"`` (not in the baseline) or ``"removed"`` (in the baseline, no longer in the plan)."""

    id: str
    status: str
    baseline_start: float | None
    baseline_finish: float | None
    start: float | None
    finish: float | None

    @property
    def start_slip(self) -> float | None:
        if self.start is None or self.baseline_start is None:
            return None
        return _clean(self.start - self.baseline_start)

    @property
    def finish_slip(self) -> float | None:
        if self.finish is None or self.baseline_finish is None:
            return None
        return _clean(self.finish - self.baseline_finish)

    @property
    def span_change(self) -> float | None:
        """Weeks longer (positive) or shorter the decision itself runs from start to finish than in the baseline:
        the slip it makes rather than the slip it inherits from what it waits for."""
        start, finish, then_start, then_finish = (
            self.start,
            self.finish,
            self.baseline_start,
            self.baseline_finish,
        )
        if start is None or finish is None or then_start is None or then_finish is None:
            return None
        return _clean((finish - start) - (then_finish - then_start))

    @property
    def shown_start_slip(self) -> float | None:
        """:attr:`start_slip` as a view writes it beside the two starts (:func:`shown_slip`)."""
        return shown_slip(self.start, self.baseline_start)

    @property
    def shown_finish_slip(self) -> float | None:
        """:attr:`finish_slip` as a view writes it beside the two finishes (:func:`shown_slip`)."""
        return shown_slip(self.finish, self.baseline_finish)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "baseline_start": self.baseline_start,
            "baseline_finish": self.baseline_finish,
            "start": self.start,
            "finish": self.finish,
            "start_slip": self.start_slip,
            "finish_slip": self.finish_slip,
            "span_change": self.span_change,
        }


@dataclass
class Variance:
    """The current schedule against one baseline."""

    baseline: str
    baseline_finish: float
    finish: float
    decisions: list[DecisionVariance] = field(default_factory=list)

    @property
    def finish_slip(self) -> float:
        """Weeks the project finish moved since the baseline (positive: later)."""
        return _clean(self.finish - self.baseline_finish)

    @property
    def shown_finish_slip(self) -> float:
        """:attr:`finish_slip` as a view writes it beside the two finishes (:func:`shown_slip`)."""
        return units.week_delta(self.finish, self.baseline_finish)

    def slipped(self) -> list[DecisionVariance]:
        """Decisions finishing later than baselined by a slip a view shows (:attr:`DecisionVariance
        .shown_finish_slip`: a few thousandths of a week read "=" and do not count, so "57 decisions finish later"
        never stands beside finishes that all read as in the baseline), most slipped first (then id)."""
        rows = [d for d in self.decisions if (d.finish_slip or 0.0) > 0 and (d.shown_finish_slip or 0.0) > 0]
        rows.sort(key=lambda d: (-(d.finish_slip or 0.0), d.id))
        return rows

    def grew(self) -> list[DecisionVariance]:
        """Decisions that run longer from start to finish than in the baseline (the slip they make, not inherit),
        longest growth first (then id)."""
        rows = [d for d in self.decisions if (d.span_change or 0.0) > 0]
        rows.sort(key=lambda d: (-(d.span_change or 0.0), d.id))
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline,
            "baseline_finish": self.baseline_finish,
            "finish": self.finish,
            "finish_slip": self.finish_slip,
            "decisions": [d.to_dict() for d in self.decisions],
        }


def _clean(x: float) -> float:
    return 0.0 if abs(x) <= SLIP_TOL * max(1.0, abs(x)) else float(x)


def shown_slip(now: float | None, then: float | None) -> float | None:
    """A slip as a view writes it beside the two figures it separates: their difference as written
    (:func:`units.week_delta`, two decimals), so that a baseline finish written 7.29 and a forecast written 8.41
    read a slip of +1.12 (the exact 1.125 would read +1.13). The exact slips (``finish_slip`` ...) stay in the
    JSON and decide what slipped; None when either figure is unknown."""
    if now is None or then is None:
        return None
    return units.week_delta(now, then)


def variance(schedule: Schedule, baseline: Baseline, plan: Plan | None = None) -> Variance:
    """Start and finish slip of every decision, and of the project finish, since ``baseline``.

    Decisions are listed in the current plan order, then those only in the baseline (``removed``). With ``plan``
    (issue 16), a decision's start is its actual start when one is recorded (the schedule holds the start of its
    remaining work), so start slip is what really happened; its finish is the forecast finish.

    >>> from planner.model import new_plan, Decision
    >>> from planner.analysis.schedule import schedule
    >>> plan = new_plan()
    >>> plan.decisions.append(Decision(id="a", title="A", stage="validate", duration=3))
    >>> b = make_baseline(schedule(plan), "v1")
    >>> plan.decisions[0].duration = 5
    >>> v = variance(schedule(plan), b)
    >>> v.finish_slip, v.decisions[0].status, v.decisions[0].finish_slip
    (2.0, 'slipped', 2.0)
    """
    rows: list[DecisionVariance] = []
    seen: set[str] = set()
    starts = _starts(schedule, plan)
    for i, did in enumerate(schedule.ids):
        if did in seen:
            continue
        seen.add(did)
        s, f = starts[i], float(schedule.ef[i])
        entry = baseline.decisions.get(did)
        if entry is None:
            rows.append(DecisionVariance(did, "new", None, None, s, f))
            continue
        row = DecisionVariance(did, "same", entry.start, entry.finish, s, f)
        slip = row.finish_slip or 0.0
        start_slip = row.start_slip or 0.0
        if slip > 0 or (slip == 0 and start_slip > 0):
            row.status = "slipped"
        elif slip < 0 or start_slip < 0:
            row.status = "ahead"
        rows.append(row)
    for did, entry in baseline.decisions.items():
        if did not in seen:
            rows.append(DecisionVariance(did, "removed", entry.start, entry.finish, None, None))
    return Variance(
        baseline=baseline.name, baseline_finish=baseline.finish, finish=float(schedule.finish), decisions=rows
    )


@dataclass
class StageVariance:
    """One stage against the baseline (weeks): its rolling window finish (latest finish of its decisions; the
    baseline's from its recorded decisions under today's stage assignment) and its gate (gated finish; only for
    baselines that recorded gates)."""

    id: str
    baseline_finish: float | None
    finish: float | None
    baseline_gate: float | None
    gate: float

    @property
    def finish_slip(self) -> float | None:
        if self.finish is None or self.baseline_finish is None:
            return None
        return _clean(self.finish - self.baseline_finish)

    @property
    def gate_slip(self) -> float | None:
        return None if self.baseline_gate is None else _clean(self.gate - self.baseline_gate)

    @property
    def shown_finish_slip(self) -> float | None:
        """:attr:`finish_slip` as a view writes it beside the two window ends (:func:`shown_slip`)."""
        return shown_slip(self.finish, self.baseline_finish)

    @property
    def shown_gate_slip(self) -> float | None:
        """:attr:`gate_slip` as a view writes it beside the two gates (:func:`shown_slip`)."""
        return shown_slip(self.gate, self.baseline_gate)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "baseline_finish": self.baseline_finish,
            "finish": self.finish,
            "finish_slip": self.finish_slip,
            "baseline_gate": self.baseline_gate,
            "gate": self.gate,
            "gate_slip": self.gate_slip,
        }


def stage_variance(plan: Plan, stages: StageAnalysis, baseline: Baseline) -> list[StageVariance]:
    """Each stage's window finish and gate against ``baseline`` (positive: later), in plan order. The baseline's
    window finish is the one it recorded; a baseline without one (taken before baselines kept stage windows, or
    imported) has it read from the finishes it kept of the decisions the stage holds today.

    >>> from planner.model import new_plan, Decision
    >>> from planner.analysis import analyze
    >>> plan = new_plan()
    >>> plan.decisions.append(Decision(id="a", title="A", stage="validate", duration=3))
    >>> a = analyze(plan)
    >>> b = make_baseline(a.schedule, "v1", stages=a.stages)
    >>> plan.decisions[0].duration = 5
    >>> a = analyze(plan)
    >>> [(v.id, v.finish_slip, v.gate_slip) for v in stage_variance(plan, a.stages, b)][:2]
    [('validate', 2.0, 2.0), ('integrate', None, 2.0)]
    """
    out = []
    for st in stages.stages:
        kept = baseline.stages.get(st.id)
        if kept is not None:
            baseline_finish: float | None = kept.finish
        elif baseline.stages:  # the stage held no work when the baseline was taken
            baseline_finish = None
        else:
            ends = [
                baseline.decisions[d.id].finish
                for d in plan.decisions
                if d.stage == st.id and d.id in baseline.decisions
            ]
            baseline_finish = max(ends) if ends else None
        out.append(
            StageVariance(
                id=st.id,
                baseline_finish=baseline_finish,
                finish=st.finish,
                baseline_gate=baseline.gates.get(st.id),
                gate=float(st.gate),
            )
        )
    return out


__all__ = [
    "DecisionVariance",
    "StageVariance",
    "SLIP_TOL",
    "Variance",
    "find_baseline",
    "make_baseline",
    "stage_variance",
    "variance",
    "with_baseline",
]


def baseline_json(
    plan: Plan, schedule: Schedule, stages: StageAnalysis, baseline: Baseline
) -> dict[str, Any]:
    """The ``baseline`` object of ``planner analyze --format json --baseline NAME``: the decisions' and the
    project's slip (:func:`variance`, actual starts honoured) and each stage's finish and gate slip. With the
    plan's ``start_date``, every point in time (a start, a finish, a gate, the baseline's or today's) has its ISO
    date beside it as ``<key>_date`` (SPEC §3.3a); slips are spans and stay weeks."""
    out = {
        **variance(schedule, baseline, plan).to_dict(),
        "stages": [x.to_dict() for x in stage_variance(plan, stages, baseline)],
    }
    start = plan.start_date
    if start is not None:
        _date_points(out, start)
        for row in (*out.get("decisions", ()), *out["stages"]):
            _date_points(row, start)
    return out


_POINTS = ("baseline_start", "baseline_finish", "start", "finish", "baseline_gate", "gate")
"""The keys of the baseline JSON that are points in time (weeks from the plan start), not spans."""


def _date_points(row: dict[str, Any], start: dt.date) -> None:
    """Put ``<key>_date`` right after each point-in-time key of ``row`` (None where the week is None)."""
    items = list(row.items())
    row.clear()
    for key, value in items:
        row[key] = value
        if (
            key in _POINTS
            and (value is None or isinstance(value, int | float))
            and not isinstance(value, bool)
        ):
            row[f"{key}_date"] = units.iso_date(start, value)
