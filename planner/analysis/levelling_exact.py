"""Exact levelling (issue 18): the shortest schedule within team capacity, proved, by OR-Tools CP-SAT.

CP-SAT is an optional extra (``pip install -e '.[exact]'``, about 30 MB of wheel and 140 MB installed with its
dependencies: see README "Levelling"), so this module imports it only when called and says how to install it
when it is absent (:class:`ExactUnavailable`).

CP-SAT works in integers. Every figure of the problem (durations, link weights, earliest starts in weeks; demands
and capacities in people) is a rational with a small denominator in practice (quarter weeks, half people), so
the problem is scaled by the least common multiple of the denominators: weeks × ``time_scale`` and people ×
``unit_scale`` per team are then integers, exactly, and a schedule is feasible in the scaled problem if and only
if it is feasible in the original. With integer data some optimal schedule starts every activity at an integer
time (every start of a left-justified schedule is a sum of durations, weights and earliest starts), so the
scaled optimum divided by ``time_scale`` is the optimum: scaling changes nothing. Figures that are not such
rationals (more than 1/10,000 of a week apart from one) are refused with :class:`ExactUnavailable`.
"""

from __future__ import annotations

import math
import shlex
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from planner.analysis.levelling import TIME_TOL, Problem, justify

EXACT_REQUIREMENTS = ("ortools>=9.10",)
"""The packages exact levelling needs: pyproject.toml's ``exact`` extra (a test keeps the two the same)."""


def install_hint() -> str:
    """How to get the optional solver: with pip, into the Python the planner runs on (the planner is installed from
    a copy, not from the package index, so its own extra cannot be named there), or, in the standalone app (a
    PyInstaller bundle, which packaging/planner.spec builds without OR-Tools), that it is left out there."""
    if getattr(sys, "frozen", False):
        return (
            "the standalone app leaves it out (~90 MB); install the planner with pip to use it, then "
            f"pip install {_quoted(EXACT_REQUIREMENTS)}"
        )
    return (
        f"{shlex.quote(sys.executable)} -m pip install {_quoted(EXACT_REQUIREMENTS)} "
        "(or, in a checkout of the planner: pip install -e '.[exact]')"
    )


def _quoted(requirements: Sequence[str]) -> str:
    return " ".join(shlex.quote(r) for r in requirements)


MAX_DENOMINATOR = 10_000


class ExactUnavailable(RuntimeError):
    """Exact levelling cannot run here: the solver is not installed, or the plan's figures cannot be scaled."""


@dataclass
class ExactResult:
    start: list[float]  # weeks, per activity
    finish: float
    optimal: bool  # the solver proved no schedule finishes earlier
    bound: float  # weeks: the solver's proved lower bound on the finish
    time_scale: int  # time units per week used in the model
    wall_time: float  # seconds the solver ran


def _fraction(x: float, what: str) -> Fraction:
    f = Fraction(x).limit_denominator(MAX_DENOMINATOR)
    if abs(float(f) - x) > 1e-9 * max(1.0, abs(x)):
        raise ExactUnavailable(
            f"exact levelling needs {what} in multiples of 1/{MAX_DENOMINATOR} (got {x!r}); use the heuristic"
        )
    return f


def _lcm_of(values: Sequence[Fraction]) -> int:
    out = 1
    for f in values:
        out = math.lcm(out, f.denominator)
    return out


def load_solver() -> object:
    """The ``ortools.sat.python.cp_model`` module, or :class:`ExactUnavailable` saying how to install it."""
    try:
        from ortools.sat.python import cp_model
    except ImportError:
        raise ExactUnavailable(
            f"exact levelling needs the optional OR-Tools CP-SAT solver, which is not installed: {install_hint()}"
        ) from None
    return cp_model


def _scaled(
    p: Problem,
) -> tuple[list[Fraction], list[Fraction], list[list[tuple[int, Fraction]]], int, list[int]]:
    """Durations, earliest starts and link weights as fractions of a week, the time scale that makes them all
    integers, and per resource the scale that makes its capacity and demands integers."""
    n = p.n
    dur = [_fraction(d, "durations") for d in p.duration]
    floor = [_fraction(f, "not_before weeks") for f in p.floor]
    weights = [[(u, _fraction(w, "link lags")) for u, w in p.preds[v]] for v in range(n)]
    scale = _lcm_of(dur + floor + [w for ws in weights for _, w in ws])
    if scale > MAX_DENOMINATOR:
        raise ExactUnavailable(f"exact levelling cannot scale this plan's weeks to integers (1/{scale} week)")
    units: list[int] = []  # per resource: people -> integer units
    for r, cap in enumerate(p.capacity):
        fr = [_fraction(cap, "team capacities")] + [
            _fraction(q, "headcounts") for i in range(n) for rr, q in p.demand[i] if rr == r
        ]
        units.append(_lcm_of(fr))
    return dur, floor, weights, scale, units


def _tidy(p: Problem, start: list[float], hint: Sequence[float] | None) -> list[float]:
    """The heuristic's schedule when the solver's is no shorter (it moves less work), else the solver's with
    every activity as early as it can go."""
    if hint is not None:
        hinted = max((hint[i] + p.duration[i] for i in range(p.n)), default=0.0)
        if hinted <= max((start[i] + p.duration[i] for i in range(p.n)), default=0.0) + TIME_TOL:
            return list(hint)
    return justify(p, start, p.rank(), rounds=1)


def solve_exact(
    p: Problem, hint: Sequence[float] | None = None, time_limit: float = 10.0, workers: int = 1
) -> ExactResult:
    """The shortest schedule of ``p`` within every capacity, or the best found in ``time_limit`` seconds
    with the solver's proved bound. ``hint`` (a feasible schedule, e.g. the heuristic's) bounds the horizon
    and seeds the search. One worker by default, so the same plan gives the same answer."""
    cp_model = load_solver()
    n = p.n
    dur, floor, weights, scale, units = _scaled(p)

    def ticks(x: Fraction) -> int:
        v = x * scale
        assert v.denominator == 1
        return int(v)

    d_int = [ticks(d) for d in dur]
    if hint is not None:
        horizon = math.ceil(max((hint[i] + p.duration[i] for i in range(n)), default=0.0) * scale + 1e-6)
    else:
        horizon = (
            sum(d_int) + sum(ticks(f) for f in floor) + sum(abs(ticks(w)) for ws in weights for _, w in ws)
        )
    model = cp_model.CpModel()  # type: ignore[attr-defined]
    starts = []
    intervals: list[list[tuple[object, int]]] = [[] for _ in p.capacity]
    for i in range(n):
        lo = max(ticks(floor[i]), math.floor(p.es[i] * scale + 1e-6))  # the CPM early start is a valid cut
        s = model.NewIntVar(lo, max(lo, horizon - d_int[i]), f"s{i}")
        starts.append(s)
        if d_int[i] > 0 and p.demand[i]:
            iv = model.NewFixedSizeIntervalVar(s, d_int[i], f"i{i}")
            for r, q in p.demand[i]:
                intervals[r].append((iv, int(_fraction(q, "headcounts") * units[r])))
    for v in range(n):
        for u, w in weights[v]:
            model.Add(starts[v] >= starts[u] + ticks(w))
    if p.pinned and hint is not None:  # work under way stays where the heuristic put it (feasible: it is)
        for i in range(n):
            if p.pinned[i]:
                model.Add(starts[i] == round(hint[i] * scale))
    makespan = model.NewIntVar(0, max(horizon, 0), "makespan")
    for i in range(n):
        model.Add(makespan >= starts[i] + d_int[i])
    for r, items in enumerate(intervals):
        if items:
            cap = int(_fraction(p.capacity[r], "team capacities") * units[r])
            model.AddCumulative([iv for iv, _ in items], [q for _, q in items], cap)
    model.Minimize(makespan)
    if hint is not None:
        for i in range(n):
            model.AddHint(starts[i], round(hint[i] * scale))
    solver = cp_model.CpSolver()  # type: ignore[attr-defined]
    solver.parameters.max_time_in_seconds = float(time_limit)
    solver.parameters.num_search_workers = workers
    solver.parameters.random_seed = 0
    status = solver.Solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):  # type: ignore[attr-defined]
        if hint is None:
            raise ExactUnavailable(f"the solver found no schedule within {time_limit:g} s; use the heuristic")
        start = list(hint)
        bound = solver.BestObjectiveBound() / scale
        return ExactResult(
            start, max(start[i] + p.duration[i] for i in range(n)), False, bound, scale, solver.WallTime()
        )
    start = _tidy(p, [solver.Value(s) / scale for s in starts], hint)
    finish = max((start[i] + p.duration[i] for i in range(n)), default=0.0)
    optimal = status == cp_model.OPTIMAL  # type: ignore[attr-defined]
    bound = finish if optimal else solver.BestObjectiveBound() / scale
    return ExactResult(start, finish, optimal, bound, scale, solver.WallTime())


__all__ = [
    "EXACT_REQUIREMENTS",
    "ExactResult",
    "ExactUnavailable",
    "install_hint",
    "load_solver",
    "solve_exact",
]
