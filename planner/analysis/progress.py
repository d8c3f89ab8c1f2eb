"""Progress, actuals and the status date (issue 16; docs/progress-and-status-date.md): the pre-pass that turns a
plan's recorded reality into the schedule's inputs, and the findings about it.

The critical path method itself (:mod:`planner.analysis.schedule`) is unchanged: :func:`apply_progress` rewrites
only its inputs -- each decision's duration becomes its **remaining** work, its earliest start (the ``not_before``
floor) becomes the status date for work not done, and a done decision no longer waits for its predecessors.
With the status date written ``S`` (weeks from the plan start), a decision of planned duration ``d``:

- **done**: remaining 0; it sits, with no duration, at its finish ``F`` = its ``actual_finish``, else ``S``, else
  its ``actual_start``, else the plan start (0), and its predecessors no longer move it (their links into it are
  dropped from the schedule's graph, never from the plan). It is never critical: nothing of it is left to manage.
- **in progress** (also ``blocked`` and ``not_started`` with progress recorded): remaining
  ``d × (1 − progress/100)``, starting no earlier than ``S`` (and its ``actual_start``); an ``actual_start``
  replaces its ``not_before`` (the constraint was on a start that has happened).
- **not started**: the full ``d``, starting no earlier than ``S`` nor its ``not_before``.

Without a status date, in-progress and not-started work keeps its dependencies and ``not_before`` only. A plan with
no progress recorded at all (no status date, no actuals, every decision not started with progress 0) schedules
exactly as before.

Weeks throughout; a date (status date or actual) is converted with the plan's ``start_date`` as
``(date - start_date).days / 7``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

import numpy as np

from planner.analysis.findings import Finding, Severity
from planner.analysis.graph import Columns, PlanGraph, columns_of
from planner.model.limits import MAX_SCHEDULE_WEEKS
from planner.model.plan import Decision, Plan, Status
from planner.units import format_when, iso_date, plural_weeks, title_and_id

if TYPE_CHECKING:
    from planner.analysis.schedule import Schedule

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

TOL = 1e-7
"""Weeks: differences smaller than this are rounding noise."""

DONE, IN_PROGRESS, NOT_STARTED = "done", "in_progress", "not_started"


def shown_float(status: Status | str, total_float: float) -> float | None:
    """The total float a view writes for a decision: none for done work (nothing of it is left to slip, as its
    explanation says), else the schedule's. One rule for the command line, the app's table, the report's appendix and
    its summarised graph; the JSON keeps the schedule's figure (SPEC: TF = LS - ES on the remaining work)."""
    return None if str(status) == Status.DONE.value else float(total_float)


def to_week(plan: Plan, value: dt.date | float | None) -> float | None:
    """``value`` in weeks from the plan start: a number is already weeks; a date needs ``start_date`` (without
    it: None, and :func:`progress_findings` reports it). Dates before the start give negative weeks.

    >>> from planner.model import new_plan
    >>> plan = new_plan().model_copy(update={"start_date": dt.date(2027, 1, 4)})
    >>> to_week(plan, dt.date(2027, 3, 15)), to_week(plan, 2.5), to_week(new_plan(), dt.date(2027, 1, 4))
    (10.0, 2.5, None)
    """
    if value is None:
        return None
    if isinstance(value, dt.date):
        if plan.start_date is None:
            return None
        return (value - plan.start_date).days / 7.0
    return float(value)


def status_week(plan: Plan) -> float | None:
    """The plan's status date in weeks from the start (never below 0), or None when it has none (or it is a date
    and the plan has no start date)."""
    w = to_week(plan, plan.status_date)
    return None if w is None else max(0.0, w)


def has_progress(plan: Plan, cols: Columns | None = None) -> bool:
    """True when anything of the plan's reality is recorded: a status date, an actual date, a decision that is not
    ``not_started`` or has progress. Without any, the pre-pass changes nothing. ``cols``: the plan's columns
    (:func:`planner.analysis.graph.plan_columns`), when already taken."""
    if plan.status_date is not None:
        return True
    if cols is not None:
        return bool((~cols.status_is(Status.NOT_STARTED)).any() or cols.progress.any() or cols.any_actuals())
    for d in plan.decisions:
        if (
            d.status is not Status.NOT_STARTED
            or d.progress
            or d.actual_start is not None
            or d.actual_finish is not None
        ):
            return True
    return False


@dataclass(frozen=True)
class DecisionProgress:
    """One decision's recorded reality, as the schedule uses it (weeks from the plan start).

    ``state`` is ``done``, ``in_progress`` or ``not_started`` (``blocked`` counts as in progress when it has
    progress or an actual start, else as not started). ``remaining_fraction`` is the share of the planned duration
    still to do (0 when done). ``floor`` is the earliest start of the remaining work (for a done decision: where
    it sits) and ``floor_reason`` what sets it: ``actual-finish``, ``status-date``, ``actual-start``,
    ``not-before`` or None (nothing: the plan start)."""

    id: str
    state: str
    remaining_fraction: float
    actual_start: float | None
    actual_finish: float | None
    floor: float
    floor_reason: str | None


def _state(d: Decision) -> str:
    if d.status is Status.DONE:
        return DONE
    if d.status is Status.IN_PROGRESS or d.progress > 0 or d.actual_start is not None:
        return IN_PROGRESS
    return NOT_STARTED


def decision_progress(plan: Plan, d: Decision, status: float | None) -> DecisionProgress:
    """What the pre-pass makes of ``d`` with the status date at ``status`` weeks (None: no status date)."""
    a_s = to_week(plan, d.actual_start)
    a_f = to_week(plan, d.actual_finish)
    a_s = None if a_s is None else max(0.0, a_s)
    a_f = None if a_f is None else max(0.0, a_f)
    state = _state(d)
    floor, reason = 0.0, None
    if state == DONE:
        for value, why in ((a_f, "actual-finish"), (status, "status-date"), (a_s, "actual-start")):
            if value is not None:
                floor, reason = value, why
                break
        return DecisionProgress(d.id, state, 0.0, a_s, a_f, floor, reason)
    fraction = max(0.0, 1.0 - d.progress / 100.0)
    if state == IN_PROGRESS and a_s is not None:
        floor, reason = a_s, "actual-start"  # the actual start replaces the not-before constraint
    elif d.not_before:
        floor, reason = float(d.not_before), "not-before"
    if status is not None and status >= floor and (status > floor or reason is None):
        floor, reason = status, "status-date"
    return DecisionProgress(d.id, state, fraction, a_s, None if state != DONE else a_f, floor, reason)


RELEASED_WEIGHT = -4.0 * MAX_SCHEDULE_WEEKS
"""The forward-pass weight of a link into a done decision: so negative that it never binds in either pass (the
link stays in the graph, so layout, sequencing and stage inversions still see it)."""


@dataclass
class ProgressGraph(PlanGraph):
    """A :class:`PlanGraph` of the remaining work (:func:`apply_progress`). ``done`` marks the decisions with no
    work left (never critical); ``released`` the links into them, which no longer constrain anything."""

    done: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    released: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def weights(self) -> np.ndarray:
        w = super().weights()
        w[self.released] = RELEASED_WEIGHT
        return w


@dataclass
class ProgressState:
    """The recorded reality of a whole plan, in plan order (:func:`progress_state`)."""

    status_week: float | None
    decisions: list[DecisionProgress]
    active: bool

    @property
    def remaining_fraction(self) -> np.ndarray:
        return np.array([p.remaining_fraction for p in self.decisions], dtype=np.float64)

    @property
    def floor(self) -> np.ndarray:
        return np.array([p.floor for p in self.decisions], dtype=np.float64)

    @property
    def done(self) -> np.ndarray:
        return np.array([p.state == DONE for p in self.decisions], dtype=bool)

    def of(self, decision_id: str) -> DecisionProgress | None:
        return next((p for p in self.decisions if p.id == decision_id), None)


def progress_state(plan: Plan) -> ProgressState:
    """Every decision's :class:`DecisionProgress` under the plan's status date."""
    s = status_week(plan)
    return ProgressState(
        status_week=s,
        decisions=[decision_progress(plan, d, s) for d in plan.decisions],
        active=has_progress(plan),
    )


def apply_progress(plan: Plan, graph: PlanGraph, state: ProgressState | None = None) -> PlanGraph:
    """The schedule's inputs for the remaining work: a :class:`ProgressGraph` whose durations are the remaining
    durations, whose ``not_before`` are the floors, and whose links into done decisions are released (their weight
    never binds). Returns ``graph`` itself when the plan records no progress, or when ``graph`` is already the
    result of this function. The edges and the topological order are ``graph``'s, so the passes run unchanged.

    >>> from planner.model import new_plan, Decision, Dependency
    >>> from planner.analysis.graph import compile_plan
    >>> plan = new_plan()
    >>> plan.decisions += [Decision(id="a", title="A", stage="validate", duration=4, status="done",
    ...                             actual_finish=3),
    ...                    Decision(id="b", title="B", stage="validate", duration=5, progress=40)]
    >>> plan.dependencies.append(Dependency(**{"from": "a", "to": "b"}))
    >>> g = apply_progress(plan, compile_plan(plan))
    >>> g.duration.tolist(), g.not_before.tolist()
    ([0.0, 3.0], [3.0, 0.0])
    """
    if isinstance(graph, ProgressGraph):
        return graph
    base = {f.name: getattr(graph, f.name) for f in fields(PlanGraph) if f.init}
    if state is None:
        cols = columns_of(plan, graph)
        if not has_progress(plan, cols):  # the common case: no objects, no per-decision work
            return graph
        if graph.n != cols.n:
            return graph
        fraction, floor, done = _progress_arrays(plan, cols)
    else:
        if not state.active or graph.n != len(state.decisions):
            return graph
        fraction, floor, done = state.remaining_fraction, state.floor, state.done
    base.update(duration=graph.duration * fraction, not_before=floor)
    released = done[graph.dst] if len(graph.dst) else np.zeros(0, dtype=bool)
    out = ProgressGraph(**base, done=done, released=released)
    out.cols, out._plan = graph.cols, graph._plan  # the same plan's columns (see PlanGraph.cols)
    return out


def _progress_arrays(plan: Plan, cols: Columns) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(remaining fraction, floor, done) of every decision, as :func:`decision_progress` gives them, column by
    column (issue 12: no DecisionProgress object per decision; the actual dates, which few decisions have, one
    by one)."""
    n = cols.n
    status = status_week(plan)
    done = cols.status_is(Status.DONE)
    a_s = np.full(n, np.nan)
    a_f = np.full(n, np.nan)
    started = cols.has(cols.actual_start)
    for col, given, out in (
        (cols.actual_start, started, a_s),
        (cols.actual_finish, cols.has(cols.actual_finish), a_f),
    ):
        for i in np.flatnonzero(given).tolist():
            w = to_week(plan, col[i])
            if w is not None:
                out[i] = max(0.0, w)
    has_s = ~np.isnan(a_s)
    in_progress = ~done & (cols.status_is(Status.IN_PROGRESS) | (cols.progress > 0) | started)
    fraction = np.maximum(0.0, 1.0 - cols.progress / 100.0)
    fraction[done] = 0.0
    # Not done: the actual start (in progress), else not_before (0 when none), then no earlier than the status.
    floor = np.where(in_progress & has_s, a_s, cols.not_before)
    if status is not None:
        floor = np.where(status >= floor, status, floor)
    # Done: where it sits -- its actual finish, else the status date, else its actual start, else 0.
    if done.any():
        sits = np.where(np.isnan(a_s[done]), 0.0, a_s[done])
        if status is not None:
            sits[:] = status
        sits = np.where(np.isnan(a_f[done]), sits, a_f[done])
        floor[done] = sits
    return fraction, floor.astype(np.float64), done


def part_done(
    plan: Plan,
    es: Sequence[float] | np.ndarray,
    ef: Sequence[float] | np.ndarray,
    remaining: Sequence[float] | np.ndarray,
    estimate: str = "likely",
    cols: Columns | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Where the part done of each started decision lies: ``(began, ends)`` in weeks, in plan order, NaN for work
    not started. The one rule the charts draw the work done by (:func:`planner.charts.status.done_spans`) and the
    exports write an actual start by (:func:`planner.io.exporting.export_schedule`). ``es``, ``ef`` and
    ``remaining`` are the schedule of the remaining work (:func:`progress_schedule`: its ``es``, ``ef`` and
    ``duration``); the part done is the planned duration under ``estimate`` less ``remaining``.

    - ``ends``: done work at its finish ``ef``; work in progress where its remaining work starts (``es``) but no
      later than the status date -- the work done is done by then. Remaining work that a predecessor or a
      not_before holds past the status date has its part done before the status date and a pause after it,
      never a start in the future (which the other tools, and an import, would restart it from).
    - ``began``: its actual start when recorded, else the part done's duration before ``ends``.

    A recorded actual start is read as the schedule reads it, from the plan start on (:func:`progress_columns`
    holds one before the plan start at week 0); a long part done without one may still begin before the plan start,
    and ``began`` is not held to ``ends`` (an actual start recorded after them): each output places them on its own
    scale.

    >>> from planner.model import new_plan, Decision
    >>> plan = new_plan()
    >>> plan.status_date = 4
    >>> plan.decisions += [Decision(id="b", title="B", stage="validate", duration=4, progress=50, not_before=8),
    ...                    Decision(id="q", title="Q", stage="validate", duration=4, progress=50),
    ...                    Decision(id="d", title="D", stage="validate", duration=3, status="done"),
    ...                    Decision(id="s", title="S", stage="validate", duration=4, progress=50, actual_start=1.5),
    ...                    Decision(id="n", title="N", stage="validate", duration=2)]
    >>> began, ends = part_done(plan, [8, 3, 6, 8, 4], [10, 5, 6, 10, 6], [2, 2, 0, 2, 2])
    >>> began.tolist()[:4], ends.tolist()[:4]  # b held to week 8 by its not_before: began at 2, not 6
    ([2.0, 1.0, 3.0, 1.5], [4.0, 3.0, 6.0, 4.0])
    >>> bool(np.isnan(began[4]) and np.isnan(ends[4]))
    True
    >>> plan.status_date = None
    >>> part_done(plan, [8, 0, 3, 1.5, 0], [10, 2, 3, 3.5, 2], [2, 2, 0, 2, 2])[0][:2].tolist()  # no status date
    [6.0, -2.0]
    """
    cols = columns_of(plan) if cols is None else cols
    n = cols.n
    began, ends = np.full(n, np.nan), np.full(n, np.nan)
    masks = _state_masks(plan, cols) if n else None
    if masks is None:
        return began, ends
    done, in_progress, started, _ = masks
    planned = cols.durations(estimate)
    es_, ef_ = np.asarray(es, dtype=np.float64), np.asarray(ef, dtype=np.float64)
    status = status_week(plan)
    held = es_ if status is None else np.minimum(es_, status)
    ends[done], ends[in_progress] = ef_[done], held[in_progress]
    actual = np.full(n, np.nan)
    for i, w in _actual_weeks(plan, cols.actual_start, started):
        if w is not None:
            actual[i] = w
    done_weeks = planned - np.asarray(remaining, dtype=np.float64)
    began = np.where(np.isnan(actual), ends - done_weeks, actual)
    began[~(done | in_progress)] = np.nan
    return began, ends


def done_weeks(plan: Plan, estimate: str = "likely", cols: Columns | None = None) -> np.ndarray:
    """Weeks of each decision's planned duration under ``estimate`` that are done, in plan order: all of a done
    decision's, the ``progress`` share of one in progress, none of one not started (zeros when the plan records no
    progress). The pre-pass (:func:`apply_progress`) schedules the rest, so work done + remaining work = the planned
    duration; the cost counts both (:func:`planner.analysis.cost.cost_vectors`: the work done was paid for).

    >>> from planner.model import new_plan, Decision
    >>> plan = new_plan()
    >>> plan.decisions += [Decision(id="a", title="A", stage="validate", duration=2, status="done"),
    ...                    Decision(id="b", title="B", stage="validate", duration=4, progress=25),
    ...                    Decision(id="c", title="C", stage="validate", duration=3)]
    >>> done_weeks(plan).tolist()
    [2.0, 1.0, 0.0]
    """
    cols = columns_of(plan) if cols is None else cols
    masks = _state_masks(plan, cols)
    if masks is None:
        return np.zeros(cols.n, dtype=np.float64)
    done, in_progress, _, _ = masks
    share = np.clip(cols.progress / 100.0, 0.0, 1.0)
    share = np.where(done, 1.0, np.where(in_progress, share, 0.0))
    return cols.durations(estimate) * share


def progress_schedule(
    plan: Plan, estimate: str = "likely", graph: PlanGraph | None = None, state: ProgressState | None = None
) -> Schedule:
    """The schedule of the remaining work, as :func:`planner.analysis.analyze` computes it and every output
    (exports included) shows it: the passes on the :func:`apply_progress` graph, then :func:`settle_schedule`.
    ``graph``: ``plan`` compiled under ``estimate`` when the caller has it. Raises
    :class:`~planner.analysis.schedule.ScheduleError` on a cycle."""
    from planner.analysis.graph import compile_plan
    from planner.analysis.schedule import schedule

    if graph is None:
        graph = compile_plan(plan, estimate)
    sched = schedule(plan, estimate, apply_progress(plan, graph, state))
    settle_schedule(sched)
    return sched


def settle_schedule(sched: object) -> None:
    """After the passes on an :func:`apply_progress` graph: a released link reports its plain slack and never
    drives, and a done decision is never critical (nothing of it is left to manage) -- its flag is cleared and
    the critical path picked again among the decisions with work left. ``sched`` is a :class:`planner.analysis.schedule.Schedule`
    computed on an :func:`apply_progress` graph; anything else is left alone."""
    from planner.analysis.schedule import Schedule, _critical_path

    if not isinstance(sched, Schedule) or not isinstance(sched.graph, ProgressGraph):
        return
    g = sched.graph
    done = g.done
    if g.released.any():  # report the released links' slack as the plain figure, never driving
        w0 = PlanGraph.weights(g)
        rel = g.released
        sched.slack[rel] = np.maximum(sched.es[g.dst[rel]] - (sched.es[g.src[rel]] + w0[rel]), 0.0)
        sched.driving[rel] = False
    if not (sched.critical & done).any():
        return
    sched.critical = sched.critical & ~done
    sched.critical_path = []
    sched.critical_chain_count = 0
    sched.notes = [n for n in sched.notes if "critical chains" not in n]
    if sched.critical.any():
        _critical_path(sched)


# -- findings ------------------------------------------------------------------------------------------------
def _name(d: Decision) -> str:
    return title_and_id(d.title, d.id)


def _when(plan: Plan, week: float) -> str:
    """``week 10 (15 Mar 2027)``, or ``week 10`` without a start date (:func:`planner.units.format_when`)."""
    return format_when(plan.start_date, week)


def progress_findings(plan: Plan, cols: Columns | None = None) -> list[Finding]:
    """Findings about the recorded reality itself (no schedule needed).

    - ``date-needs-start-date`` (error): a status date or an actual date written as a date in a plan without a
      ``start_date`` -- it cannot be placed on the week scale, so no schedule is computed until one is set.
    - ``date-before-plan-start`` (warning): such a date before the plan start; it counts as the plan start.
    - ``actual-finish-before-start`` (warning): an actual finish earlier than the actual start.
    - ``actual-after-status-date`` (warning): an actual date later than the status date (progress can only be
      recorded up to the status date; a done decision needs no future dates).
    - ``actual-ignored`` (warning): an actual finish on a decision that is not done (the schedule ignores it).
    """
    out: list[Finding] = []
    if not has_progress(plan, cols):
        return out
    # Only decisions with an actual date can have a finding of their own (issue 12: the others are not visited).
    if cols is not None:
        given = cols.has(cols.actual_start) | cols.has(cols.actual_finish)
        dated = [plan.decisions[i] for i in np.flatnonzero(given).tolist()]
    else:
        dated = [d for d in plan.decisions if d.actual_start is not None or d.actual_finish is not None]
    if plan.start_date is None:
        if isinstance(plan.status_date, dt.date):
            out.append(
                Finding(
                    E,
                    "date-needs-start-date",
                    f"The status date {plan.status_date.isoformat()} is a date but the plan has no start date: "
                    "set the plan's start date, or give the status date in weeks.",
                )
            )
        for d in dated:
            named = [k for k in ("actual_start", "actual_finish") if isinstance(getattr(d, k), dt.date)]
            if named:
                words = " and ".join(k.replace("_", " ") for k in named)
                out.append(
                    Finding(
                        E,
                        "date-needs-start-date",
                        f"{_name(d)} has its {words} as a date but the plan has no start date: set the plan's "
                        "start date, or give it in weeks.",
                        [d.id],
                    )
                )
    raw_status = to_week(plan, plan.status_date)
    if raw_status is not None and raw_status < -TOL:
        out.append(
            Finding(
                W,
                "date-before-plan-start",
                f"The status date is {plural_weeks(-raw_status)} before the plan start; it counts as the plan "
                "start. Move the status date or the plan's start date.",
            )
        )
    status = status_week(plan)
    for d in dated:
        a_s, a_f = to_week(plan, d.actual_start), to_week(plan, d.actual_finish)
        for value, word in ((a_s, "actual start"), (a_f, "actual finish")):
            if value is not None and value < -TOL:
                out.append(
                    Finding(
                        W,
                        "date-before-plan-start",
                        f"{_name(d)} has an {word} {plural_weeks(-value)} before the plan start; it counts as "
                        "the plan start.",
                        [d.id],
                    )
                )
        if a_s is not None and a_f is not None and a_f < a_s - TOL:
            out.append(
                Finding(
                    W,
                    "actual-finish-before-start",
                    f"{_name(d)} has an actual finish, {_when(plan, a_f)}, before its actual start, "
                    f"{_when(plan, a_s)}: correct one of them.",
                    [d.id],
                )
            )
        if status is not None:
            for value, word in ((a_s, "actual start"), (a_f, "actual finish")):
                if value is not None and value > status + TOL:
                    out.append(
                        Finding(
                            W,
                            "actual-after-status-date",
                            f"{_name(d)} has an {word} at {_when(plan, value)}, after the status date "
                            f"({_when(plan, status)}): actuals are recorded up to the status date, so correct "
                            "the date or move the status date.",
                            [d.id],
                        )
                    )
        if d.actual_finish is not None and d.status is not Status.DONE:
            out.append(
                Finding(
                    W,
                    "actual-ignored",
                    f"{_name(d)} has an actual finish but is not marked done, so the schedule ignores the actual "
                    "finish: mark it done or clear the actual finish.",
                    [d.id],
                )
            )
    return out


def late_findings(
    plan: Plan,
    state: ProgressState,
    planned_start: dict[str, float],
    planned_finish: dict[str, float],
    forecast_finish: dict[str, float],
    against: str,
) -> list[Finding]:
    """``late-finish`` / ``late-start`` (warnings) at the status date: a decision not done whose planned finish
    (in ``against``: a baseline's name, or "the plan without progress") is before the status date, or a decision
    not started whose planned start is. Weeks late = status date − planned date. One finding per decision, the
    finish first."""
    s = state.status_week
    if s is None:
        return []
    out: list[Finding] = []
    by_id = {d.id: d for d in reversed(plan.decisions)}
    for p in state.decisions:
        d = by_id[p.id]
        if p.state == DONE:
            continue
        pf, ps = planned_finish.get(p.id), planned_start.get(p.id)
        forecast = forecast_finish.get(p.id)
        tail = f"; forecast finish {_when(plan, forecast)}" if forecast is not None else ""
        if pf is not None and pf < s - TOL:
            out.append(
                Finding(
                    W,
                    "late-finish",
                    f"{_name(d)} should have finished by {_when(plan, pf)} in {against} and is not done: "
                    f"{plural_weeks(s - pf)} late at the status date{tail}.",
                    [d.id],
                )
            )
        elif p.state == NOT_STARTED and ps is not None and ps < s - TOL:
            out.append(
                Finding(
                    W,
                    "late-start",
                    f"{_name(d)} should have started by {_when(plan, ps)} in {against} and has not: "
                    f"{plural_weeks(s - ps)} late at the status date{tail}.",
                    [d.id],
                )
            )
    return out


def schedule_progress_findings(plan: Plan, sched: object, estimate: str = "likely") -> list[Finding]:
    """The ``late-*`` findings of :func:`late_findings` for a computed schedule (on the remaining work): planned
    dates from the plan's latest baseline, or, without one, from the plan's schedule without any progress."""
    from planner.analysis.graph import compile_plan
    from planner.analysis.schedule import Schedule, schedule

    if status_week(plan) is None or not isinstance(sched, Schedule):
        return []
    state = progress_state(plan)
    base = plan.baseline()
    if base is not None:
        planned_start = {k: e.start for k, e in base.decisions.items()}
        planned_finish = {k: e.finish for k, e in base.decisions.items()}
        against = f"baseline '{base.name}'"
    else:
        plain = schedule(plan, estimate, compile_plan(plan, estimate))
        planned_start = {i: float(plain.es[k]) for k, i in enumerate(plain.ids)}
        planned_finish = {i: float(plain.ef[k]) for k, i in enumerate(plain.ids)}
        against = "the plan without progress"
    forecast = {i: float(sched.ef[k]) for k, i in enumerate(sched.ids)}
    return late_findings(plan, state, planned_start, planned_finish, forecast, against)


mark_done_not_critical = settle_schedule  # its first name, kept for code written against it


# -- JSON (planner analyze --format json) ------------------------------------------------------------------------
def progress_json(plan: Plan) -> dict[str, object]:
    """The status date as written in the plan (ISO date or weeks), in weeks, and as an ISO date when the plan has
    a start date (None past 31 Dec 9999: validation's dates-out-of-range error, and no schedule, H-unseen25)."""
    s = status_week(plan)
    sd = plan.status_date
    try:
        iso = iso_date(plan.start_date, s)
    except OverflowError:
        iso = None
    return {
        "status_date": sd.isoformat() if isinstance(sd, dt.date) else sd,
        "status_week": s,
        "status_date_iso": iso,
    }


def progress_columns(
    plan: Plan, estimate: str = "likely", cols: Columns | None = None
) -> tuple[list[str], list[float] | None, list[float | None], list[float | None]]:
    """Per decision, in plan order: the state (``not_started``, ``in_progress``, ``done``), the planned duration in
    weeks under ``estimate`` (None when the plan records no progress: then the schedule's durations are the
    planned ones), the actual start and the actual finish (weeks, or None; a finish only for done work) -- what
    :func:`decision_progress` gives, a column at a time (issue 12: no object per decision; the actual dates, which
    few decisions have, one by one). ``cols``: the plan's columns when the caller has them."""
    cols = columns_of(plan) if cols is None else cols
    n = cols.n
    masks = _state_masks(plan, cols)
    if masks is None:
        return [NOT_STARTED] * n, None, [None] * n, [None] * n
    done, in_progress, started, finished = masks
    names = (NOT_STARTED, IN_PROGRESS, DONE)
    state = [names[k] for k in (done * 2 + in_progress).tolist()]
    actual: list[list[float | None]] = []
    for column, given in ((cols.actual_start, started), (cols.actual_finish, finished)):
        weeks: list[float | None] = [None] * n
        for i, w in _actual_weeks(plan, column, given):
            weeks[i] = w
        actual.append(weeks)
    return state, cols.durations(estimate).tolist(), actual[0], actual[1]


def _state_masks(plan: Plan, cols: Columns) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """:func:`progress_columns`'s states as masks: (done, in progress, an actual start given, an actual finish given
    to done work); None when the plan records no progress. The arrays :func:`part_done` and :func:`done_weeks` read
    (issue 12: at 100k decisions, the states as a list of names and back to masks were ~15 ms of ``analyze``)."""
    if not has_progress(plan, cols):
        return None
    done = cols.status_is(Status.DONE)
    started = cols.has(cols.actual_start)
    in_progress = ~done & (cols.status_is(Status.IN_PROGRESS) | (cols.progress > 0) | started)
    return done, in_progress, started, cols.has(cols.actual_finish) & done


def _actual_weeks(plan: Plan, column: list[Any], given: np.ndarray) -> list[tuple[int, float | None]]:
    """(position, weeks never before the plan start, or None when it cannot be placed) of each actual date that
    ``given`` marks in ``column``."""
    out: list[tuple[int, float | None]] = []
    for i in np.flatnonzero(given).tolist():
        w = to_week(plan, column[i])
        out.append((i, None if w is None else max(0.0, w)))
    return out
