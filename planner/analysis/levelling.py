"""The levelling engine (issue 18): a resource-constrained schedule close to the best possible, in continuous time.

This module knows nothing about plans: it works on a :class:`Problem` (activities by index, durations in weeks,
precedence edges ``u -> v`` with a static weight ``w`` meaning ``S_v >= S_u + w`` -- exactly the weights of the
CPM forward pass, see :mod:`planner.analysis.graph`, so FS/SS/FF/SF links, lags, leads and ``not_before`` are
honoured the way the schedule honours them -- and renewable resources with a capacity, each activity needing
``q`` units of some of them while it runs on ``[S, S + d)``). :func:`planner.analysis.capacity.level` builds the
problem from a plan; ``benchmarks/bench_levelling.py`` builds it from PSPLIB-style instances.

The heuristic (:func:`solve`) is the textbook portfolio that the RCPSP literature finds hard to beat without a
metaheuristic: several priority rules (latest finish time, latest start time, minimum slack, most total
successors, the old rule -- least total float then earliest start --, rank positional weight, and resource use
with precedence; see :data:`RULES`), each in the **serial** and the
**parallel** schedule-generation scheme, each schedule improved by **forward-backward improvement** (double
justification: every activity shifted as late as possible in order of decreasing finish, then as early as
possible in order of increasing start, repeated while the finish improves), and the best kept; bigger plans
get fewer rules and passes (:func:`portfolio`, by size only). Plans of up to
400 activities also get regret-based biased random samples of four rules (seeded, so still deterministic), each
justified the same way: cheap at that size, and it finds most of the optima the rules miss. Ties between
schedules are broken by the least delay of critical work, then the least total delay, so that when several
schedules finish together the one that moves non-critical work is chosen.

Determinism: priorities never look at ids or at the order of the input. Ties between activities are broken by
CPM figures and then by a structural rank (a Weisfeiler-Lehman refinement of duration, demand and neighbours), so
reordering the decisions gives the same schedule, and so does renaming them (activities that tie on all of these
are interchangeable, and the caller's ``tie`` -- :func:`planner.analysis.capacity.level` passes the id order --
decides which goes first: renaming two of them may swap them, reordering the file never does).

Every schedule produced starts each activity at or after its CPM early start, satisfies every edge and never
exceeds a capacity (a demand above its resource's capacity is clipped to the capacity by the caller).
"""

from __future__ import annotations

import heapq
import math
import random
from bisect import bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

TIME_TOL = 1e-9


class Timeline:
    """A resource's load as a step function: ``load[i]`` units on ``[times[i], times[i + 1])``, 0 after the last.
    Adding and removing work (negative units) are both allowed; comparisons use a small tolerance."""

    __slots__ = ("times", "load", "cap", "eps")

    def __init__(self, capacity: float) -> None:
        self.times: list[float] = [-math.inf, math.inf]
        self.load: list[float] = [0.0, 0.0]
        self.cap = capacity
        self.eps = 1e-9 * max(1.0, capacity)

    def _split(self, t: float) -> int:
        times = self.times
        i = bisect_right(times, t) - 1
        if times[i] == t:
            return i
        times.insert(i + 1, t)
        self.load.insert(i + 1, self.load[i])
        return i + 1

    def add(self, start: float, finish: float, units: float) -> None:
        if finish - start <= 0:
            return
        i = self._split(start)
        j = self._split(finish)
        load = self.load
        for k in range(i, j):
            load[k] += units

    def earliest(self, t0: float, duration: float, units: float) -> float:
        """The earliest ``t >= t0`` with ``load + units <= capacity`` throughout ``[t, t + duration)``."""
        limit = self.cap + self.eps - units
        times, load = self.times, self.load
        t = t0
        i = bisect_right(times, t) - 1
        while True:
            end = t + duration - TIME_TOL
            k = i
            while times[k] < end:
                if load[k] > limit and times[k + 1] > t + TIME_TOL:
                    break
                k += 1
            else:
                return t
            t = times[k + 1]  # any start before the end of this segment overlaps it
            i = k + 1

    def latest(self, t1: float, duration: float, units: float) -> float:
        """The latest ``t <= t1`` with ``load + units <= capacity`` throughout ``[t, t + duration)``."""
        limit = self.cap + self.eps - units
        times, load = self.times, self.load
        t = t1
        while True:
            end = t + duration
            k = bisect_right(times, end - TIME_TOL) - 1  # the segment holding the last moment of the run
            while times[k + 1] > t + TIME_TOL:
                if load[k] > limit and times[k] < end - TIME_TOL:
                    break
                k -= 1
            else:
                return t
            t = times[k] - duration  # the run must finish before this segment starts

    def fits_at(self, t: float, units: float) -> bool:
        """True when ``units`` more fit from ``t`` on, for as long as the load does not rise again (the parallel
        scheme only ever asks this when nothing is scheduled to start after ``t``)."""
        i = bisect_right(self.times, t + TIME_TOL) - 1
        return self.load[i] + units <= self.cap + self.eps


@dataclass
class Problem:
    """A resource-constrained scheduling problem (weeks).

    ``duration[i]``, ``floor[i]`` (earliest start, >= 0), ``preds[v]`` = [(u, w)] meaning ``S_v >= S_u + w``,
    ``succs[u]`` = [(v, w)], ``order`` a topological order, ``demand[i]`` = [(resource, units)] with
    ``0 < units <= capacity[resource]``, and the CPM figures ``es``/``ls``/``lf``/``total_float`` (the
    unconstrained schedule, which every priority rule reads).
    """

    duration: list[float]
    floor: list[float]
    preds: list[list[tuple[int, float]]]
    succs: list[list[tuple[int, float]]]
    order: list[int]
    demand: list[list[tuple[int, float]]]
    capacity: list[float]
    es: list[float]
    ls: list[float]
    lf: list[float]
    total_float: list[float]
    pinned: list[bool] | None = None  # work in progress (capacity._under_way): placed first, never shifted
    tie: list[int] | None = None  # the last tie-break (capacity.level_problem: places in id order)
    _rank: list[int] | None = field(default=None, repr=False)

    @property
    def n(self) -> int:
        return len(self.duration)

    def rank(self) -> list[int]:
        """A structural rank per activity: equal only for activities alike in duration, demand, earliest start and
        (two rounds deep) their neighbours and links. Independent of ids and of the input order. Activities alike
        in all of these are then told apart by ``tie`` when the caller gives it (so that which of two interchangeable
        decisions goes first does not depend on their order in the file)."""
        if self._rank is not None:
            return self._rank
        caps = self.capacity
        sig: list[tuple[object, ...]] = [
            (self.duration[i], self.floor[i], tuple(sorted((caps[r], q) for r, q in self.demand[i])))
            for i in range(self.n)
        ]
        rank = _ranks(sig)
        for _ in range(2):
            sig = [
                (
                    rank[i],
                    tuple(sorted((rank[v], w) for v, w in self.succs[i])),
                    tuple(sorted((rank[u], w) for u, w in self.preds[i])),
                )
                for i in range(self.n)
            ]
            new = _ranks(sig)
            if len(set(new)) == len(set(rank)):
                rank = new
                break
            rank = new
        if self.tie is not None:
            rank = _ranks([(rank[i], self.tie[i]) for i in range(self.n)])
        self._rank = rank
        return rank

    def total_successors(self) -> list[int]:
        """How many activities follow each one, directly or not."""
        reach = [0] * self.n
        for u in reversed(self.order):
            bits = 0
            for v, _w in self.succs[u]:
                bits |= reach[v] | (1 << v)
            reach[u] = bits
        return [b.bit_count() for b in reach]


def _pin_first(p: Problem, keys: list[tuple[float, ...]]) -> list[tuple[float, ...]]:
    """Work under way (``p.pinned``) before anything else, whatever the rule: it is not the plan's to delay."""
    if not p.pinned or not any(p.pinned):
        return keys
    return [(0.0 if pin else 1.0, *k) for pin, k in zip(p.pinned, keys, strict=True)]


def _ranks(sig: Sequence[tuple[object, ...]]) -> list[int]:
    distinct = {s: k for k, s in enumerate(sorted(set(sig)))}
    return [distinct[s] for s in sig]


# -- schedule-generation schemes ------------------------------------------------------------------------------------
def _start_bound(p: Problem, v: int, start: list[float]) -> float:
    t = p.floor[v]
    for u, w in p.preds[v]:
        c = start[u] + w
        if c > t:
            t = c
    return t


def _earliest(lines: list[Timeline], need: list[tuple[int, float]], t: float, d: float) -> float:
    """The earliest ``t' >= t`` at which ``need`` fits on every resource for ``d`` weeks."""
    if not need or d <= 0:
        return t
    while True:
        moved = False
        for r, q in need:
            t2 = lines[r].earliest(t, d, q)
            if t2 > t:
                t, moved = t2, True
        if not moved:
            return t


def _latest(lines: list[Timeline], need: list[tuple[int, float]], t: float, d: float) -> float:
    if not need or d <= 0:
        return t
    while True:
        moved = False
        for r, q in need:
            t2 = lines[r].latest(t, d, q)
            if t2 < t:
                t, moved = t2, True
        if not moved:
            return t


def serial(p: Problem, key: Sequence[tuple[Any, ...]]) -> list[float]:
    """Serial scheme: take the eligible activity (all predecessors placed) with the least ``key`` and start it
    at the earliest time its links and every resource allow."""
    n = p.n
    lines = [Timeline(c) for c in p.capacity]
    start = [0.0] * n
    left = [len(p.preds[i]) for i in range(n)]
    ready = [(key[i], i) for i in range(n) if left[i] == 0]
    heapq.heapify(ready)
    dur, demand = p.duration, p.demand
    while ready:
        _, v = heapq.heappop(ready)
        d = dur[v]
        t = _earliest(lines, demand[v], _start_bound(p, v, start), d)
        start[v] = t
        if d > 0:
            for r, q in demand[v]:
                lines[r].add(t, t + d, q)
        for s, _w in p.succs[v]:
            left[s] -= 1
            if left[s] == 0:
                heapq.heappush(ready, (key[s], s))
    return start


def sampled(p: Problem, key: Sequence[tuple[Any, ...]], rng: random.Random) -> list[float]:
    """Serial scheme with regret-based biased random sampling (Drexl 1991): among the eligible activities,
    pick one with probability proportional to ``1 + regret``, the regret being how much better its priority
    (``key[i][0]``, least first) is than the worst eligible one. The eligible set is kept in ``key`` order, so
    a seeded ``rng`` gives the same schedule whatever the input order."""
    n = p.n
    lines = [Timeline(c) for c in p.capacity]
    start = [0.0] * n
    left = [len(p.preds[i]) for i in range(n)]
    eligible = sorted((key[i], i) for i in range(n) if left[i] == 0)
    dur, demand = p.duration, p.demand
    pin = p.pinned if p.pinned and any(p.pinned) else None
    col = 1 if pin is not None else 0  # the rule's own figure (after the pin flag)
    while eligible:
        if pin is not None and pin[eligible[0][1]]:  # work under way goes first (keys sort it first)
            weights = [1.0] + [0.0] * (len(eligible) - 1)
        else:
            worst = max(k[col] for k, _ in eligible)
            weights = [1.0 + (worst - k[col]) for k, _ in eligible]
        pick = rng.random() * sum(weights)
        j = 0
        while j < len(eligible) - 1 and pick >= weights[j]:
            pick -= weights[j]
            j += 1
        _, v = eligible.pop(j)
        d = dur[v]
        t = _earliest(lines, demand[v], _start_bound(p, v, start), d)
        start[v] = t
        if d > 0:
            for r, q in demand[v]:
                lines[r].add(t, t + d, q)
        for x, _w in p.succs[v]:
            left[x] -= 1
            if left[x] == 0:
                insort(eligible, (key[x], x))
    return start


def parallel(p: Problem, key: Sequence[tuple[Any, ...]]) -> list[float]:
    """Parallel scheme: walk forward through decision times; at each, start every eligible activity whose links
    allow it by then and that fits beside the work already running, in ``key`` order."""
    n = p.n
    lines = [Timeline(c) for c in p.capacity]
    start = [0.0] * n
    left = [len(p.preds[i]) for i in range(n)]
    dur, demand = p.duration, p.demand
    # eligible: (key, i) with the earliest its links allow in bound[i]
    bound = [0.0] * n
    eligible: list[tuple[tuple[Any, ...], int]] = []
    events: list[float] = []
    for i in range(n):
        if left[i] == 0:
            bound[i] = p.floor[i]
            eligible.append((key[i], i))
            heapq.heappush(events, bound[i])
    done = 0
    while done < n:
        t = heapq.heappop(events)
        while events and events[0] <= t + TIME_TOL:
            heapq.heappop(events)
        progress = True
        while progress:  # a start now may make a successor (SS, lead) eligible at this very time
            progress = False
            eligible.sort()
            keep: list[tuple[tuple[Any, ...], int]] = []
            for k, v in eligible:
                if bound[v] > t + TIME_TOL:
                    keep.append((k, v))
                    continue
                need = demand[v] if dur[v] > 0 else []
                if not all(lines[r].fits_at(t, q) for r, q in need):
                    keep.append((k, v))
                    continue
                s = max(t, bound[v])
                start[v] = s
                done += 1
                for r, q in need:
                    lines[r].add(s, s + dur[v], q)
                if dur[v] > 0:
                    heapq.heappush(events, s + dur[v])
                for x, _w in p.succs[v]:
                    left[x] -= 1
                    if left[x] == 0:
                        bound[x] = _start_bound(p, x, start)
                        keep.append((key[x], x))
                        if bound[x] > t + TIME_TOL:
                            heapq.heappush(events, bound[x])
                        else:
                            progress = True
            eligible = keep
        if done < n and not events:  # cannot happen: work that waits always has a finish or a bound ahead
            raise RuntimeError("parallel scheme stalled")
    return start


def _lines_of(p: Problem, start: list[float]) -> list[Timeline]:
    lines = [Timeline(c) for c in p.capacity]
    for i, s in enumerate(start):
        d = p.duration[i]
        if d > 0:
            for r, q in p.demand[i]:
                lines[r].add(s, s + d, q)
    return lines


def justify(p: Problem, start: list[float], rank: list[int], rounds: int = 4) -> list[float]:
    """Forward-backward improvement: shift every activity as late as possible (by decreasing finish) without
    passing the current finish, then as early as possible (by increasing start); repeat while the finish
    shortens. Never lengthens the schedule and never starts an activity before its links allow."""
    n = p.n
    dur, demand = p.duration, p.demand
    pinned = p.pinned or [False] * n  # work under way stays where the scheme put it
    start = list(start)
    best = max((start[i] + dur[i] for i in range(n)), default=0.0)
    for _ in range(rounds):
        lines = _lines_of(p, start)
        finish = best
        for v in sorted(range(n), key=lambda i: (-(start[i] + dur[i]), -start[i], rank[i], i)):
            if pinned[v]:
                continue
            d = dur[v]
            t1 = finish - d
            for s, w in p.succs[v]:
                c = start[s] - w
                if c < t1:
                    t1 = c
            if t1 <= start[v] + TIME_TOL:
                continue
            need = demand[v] if d > 0 else []
            for r, q in need:
                lines[r].add(start[v], start[v] + d, -q)
            t = max(_latest(lines, need, t1, d), start[v])
            for r, q in need:
                lines[r].add(t, t + d, q)
            start[v] = t
        for v in sorted(range(n), key=lambda i: (start[i], start[i] + dur[i], rank[i], i)):
            if pinned[v]:
                continue
            d = dur[v]
            t0 = _start_bound(p, v, start)
            if t0 >= start[v] - TIME_TOL:
                continue
            need = demand[v] if d > 0 else []
            for r, q in need:
                lines[r].add(start[v], start[v] + d, -q)
            t = min(_earliest(lines, need, t0, d), start[v])
            for r, q in need:
                lines[r].add(t, t + d, q)
            start[v] = t
        new = max((start[i] + dur[i] for i in range(n)), default=0.0)
        if new >= best - TIME_TOL:
            best = min(best, new)
            break
        best = new
    return start


# -- the portfolio --------------------------------------------------------------------------------------------------
RULES = ("LFT", "LST", "MSLK", "MTS", "TF-ES", "GRPW", "WRUP")
"""Priority rules: latest finish time, latest start time, minimum slack, most total successors, the rule of the
first levelling (least total float, then earliest start), greatest rank positional weight (own duration plus
the successors'), weighted resource use and precedence (0.7 x successors + 0.3 x share of capacity needed)."""

SAMPLED_RULES = ("LFT", "MTS", "GRPW", "WRUP")
"""Rules whose biased random sampling (each sample improved by justification) small plans add to the
portfolio."""

SAMPLE_SEED = 18
"""Fixed: the samples are pseudo-random but the same on every run."""


def rule_keys(p: Problem, rule: str) -> list[tuple[float, ...]]:
    return _pin_first(p, _rule_keys(p, rule))


def _rule_keys(p: Problem, rule: str) -> list[tuple[float, ...]]:
    """Sort keys per activity for ``rule`` (least first); ties by CPM figures, then by the structural rank."""
    rank = p.rank()
    es, ls, lf, tf = p.es, p.ls, p.lf, p.total_float
    if rule == "LFT":
        return [(lf[i], ls[i], es[i], rank[i], i) for i in range(p.n)]
    if rule == "LST":
        return [(ls[i], lf[i], es[i], rank[i], i) for i in range(p.n)]
    if rule == "MSLK":
        return [(tf[i], lf[i], es[i], rank[i], i) for i in range(p.n)]
    if rule == "MTS":
        ts = p.total_successors()
        return [(-ts[i], lf[i], es[i], rank[i], i) for i in range(p.n)]
    if rule == "TF-ES":
        return [(tf[i], es[i], lf[i], rank[i], i) for i in range(p.n)]
    if rule == "GRPW":
        d = p.duration
        w = [d[i] + sum(d[v] for v, _ in p.succs[i]) for i in range(p.n)]
        return [(-w[i], lf[i], es[i], rank[i], i) for i in range(p.n)]
    if rule == "WRUP":
        caps = p.capacity
        w = [
            0.7 * len(p.succs[i]) + 0.3 * sum(q / caps[r] for r, q in p.demand[i] if caps[r] > 0)
            for i in range(p.n)
        ]
        return [(-w[i], lf[i], es[i], rank[i], i) for i in range(p.n)]
    raise ValueError(f"unknown priority rule {rule!r}; choose one of {', '.join(RULES)}")


def portfolio(n: int) -> tuple[tuple[str, ...], tuple[str, ...], int, int | None]:
    """(rules, schemes, justification rounds, how many of the best schedules to justify; None: all) by plan
    size: everything for small plans, fewer passes for large ones so that 1,000 decisions level in about a
    tenth of a second and 10,000 in well under a second. Chosen by size, never by a clock, so the same plan
    always gets the same answer."""
    if n <= 400:
        return RULES, ("serial", "parallel"), 4, None
    if n <= 3000:
        return ("LFT", "MTS", "TF-ES"), ("serial", "parallel"), 2, 2
    return ("LFT", "MTS", "TF-ES"), ("serial",), 0, 0  # justification rarely pays off here: 3x the time


@dataclass
class Candidate:
    rule: str
    scheme: str
    start: list[float]
    finish: float
    critical_delay: float
    total_delay: float

    def score(self) -> tuple[float, float, float]:
        return (round(self.finish, 9), round(self.critical_delay, 9), round(self.total_delay, 9))


def evaluate(p: Problem, start: list[float], rule: str, scheme: str) -> Candidate:
    finish = max((start[i] + p.duration[i] for i in range(p.n)), default=0.0)
    crit = 0.0
    total = 0.0
    tol = 1e-7 * max(1.0, max(p.lf, default=0.0))
    for i in range(p.n):
        dl = start[i] - p.es[i]
        if dl > TIME_TOL:
            total += dl
            if p.total_float[i] <= tol:
                crit += dl
    return Candidate(rule, scheme, start, finish, crit, total)


def solve(
    p: Problem,
    rules: Sequence[str] | None = None,
    schemes: Sequence[str] | None = None,
    rounds: int | None = None,
    samples: int | None = None,
) -> tuple[Candidate, list[Candidate]]:
    """The best schedule of the portfolio (see the module docstring) and every candidate tried, in the order
    tried. ``rules``/``schemes``/``rounds``/``samples`` override the size-based portfolio (the benchmark compares
    them; overriding any of the first three leaves the samples out unless ``samples`` is given)."""
    d_rules, d_schemes, d_rounds, top = portfolio(p.n)
    overridden = rules is not None or schemes is not None or rounds is not None
    if overridden:
        top = None
    rules = d_rules if rules is None else rules
    schemes = d_schemes if schemes is None else schemes
    rounds = d_rounds if rounds is None else rounds
    rank = p.rank()
    raw: list[Candidate] = []
    for rule in rules:
        key = rule_keys(p, rule)
        for scheme in schemes:
            start = serial(p, key) if scheme == "serial" else parallel(p, key)
            raw.append(evaluate(p, start, rule, scheme))  # kept: it may move less work for the same finish
    tried = list(raw)
    if rounds:
        chosen = raw if top is None else sorted(raw, key=Candidate.score)[:top]
        for c in chosen:
            tried.append(evaluate(p, justify(p, c.start, rank, rounds), c.rule, c.scheme + "+FBI"))
    if samples is None:
        samples = 0 if overridden else sample_count(p.n)
    if samples > 0:
        for k, rule in enumerate(SAMPLED_RULES):
            key, rng = rule_keys(p, rule), random.Random(SAMPLE_SEED + k)
            for _ in range(samples // len(SAMPLED_RULES)):
                start = justify(p, sampled(p, key, rng), rank, 2)
                tried.append(evaluate(p, start, rule, "sampled+FBI"))
    best = min(tried, key=Candidate.score)
    return best, tried


def sample_count(n: int) -> int:
    """How many biased random samples (each justified) a plan of ``n`` activities gets: 100 at 30, 25 at 120,
    none above 400 (about 3,000 placements and their justification: ~25 ms at 30 activities)."""
    if n > 400 or n == 0:
        return 0
    return min(100, max(len(SAMPLED_RULES), 3000 // n))


def lower_bound(p: Problem) -> tuple[float, str]:
    """A finish no schedule can beat, and why: the critical path, or a resource's work (all of its work done
    back to back at full capacity between the earliest any of it can start and the least time the work after
    it needs), or the work of a resource that no two activities can share (each needs more than half of it)."""
    n = p.n
    cpm = max((p.es[i] + p.duration[i] for i in range(n)), default=0.0)
    best, why = cpm, "critical path"
    by_res: dict[int, list[tuple[int, float]]] = {}
    for i in range(n):
        if p.duration[i] > 0:
            for r, q in p.demand[i]:
                by_res.setdefault(r, []).append((i, q))
    for r, items in sorted(by_res.items()):
        cap = p.capacity[r]
        if cap <= 0:
            continue
        head = min(p.es[i] for i, _ in items)
        tail = min(cpm - p.lf[i] for i, _ in items)
        energy = sum(q * p.duration[i] for i, q in items) / cap
        if head + energy + tail > best + 1e-9:
            best, why = head + energy + tail, f"resource:{r}"
        big = [i for i, q in items if q > cap / 2 + 1e-12]
        if len(big) > 1:
            head = min(p.es[i] for i in big)
            tail = min(cpm - p.lf[i] for i in big)
            span = head + sum(p.duration[i] for i in big) + tail
            if span > best + 1e-9:
                best, why = span, f"disjunctive:{r}"
    return best, why


__all__ = [
    "RULES",
    "Candidate",
    "Problem",
    "Timeline",
    "justify",
    "within_capacity",
    "lower_bound",
    "parallel",
    "portfolio",
    "rule_keys",
    "serial",
    "solve",
]


def within_capacity(p: Problem, start: Sequence[float]) -> bool:
    """True when running every activity at ``start`` never exceeds any resource's capacity."""
    for line in _lines_of(p, list(start)):
        t, load = line.times, line.load
        for k, x in enumerate(load):
            if x > line.cap + line.eps and t[k + 1] - t[k] > TIME_TOL:
                return False
    return True
