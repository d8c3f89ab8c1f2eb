"""Scenario comparison speed (issue 13). Run on demand:

    python benchmarks/bench_scenarios.py            # 200, 1,000 and 10,000 decisions
    python benchmarks/bench_scenarios.py --quick    # 200 and 1,000

For each plan size it prints: materialising one scenario (20 overrides, one dropped and one added decision);
deriving the overrides back from the edited plan; Monte Carlo with the plan-order stream (the default) against
common random numbers (one stream per decision and risk id, what comparisons use), 2,000 iterations; and the whole
``compare_scenarios`` of Base and two scenarios (2,000 iterations each). Best of ``--repeats`` runs, wall clock.
No targets: the issue sets none; these are the figures to watch.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_montecarlo import random_plan

from planner.analysis.compare import compare_scenarios
from planner.analysis.montecarlo import simulate
from planner.model import Decision, DecisionOverride, Dependency, Scenario, ThreePoint
from planner.model.plan import Plan
from planner.model.scenarios import derive_scenario, materialise


def scenarios_for(plan: Plan) -> list[Scenario]:
    ids = [d.id for d in plan.decisions]
    step = max(1, len(ids) // 20)
    faster = Scenario(
        name="Faster",
        decisions={
            i: DecisionOverride(duration=ThreePoint(optimistic=0.5, likely=1, pessimistic=2))
            for i in ids[::step][:20]
        },
    )
    reshaped = Scenario(
        name="Reshaped",
        drop_decisions=[ids[len(ids) // 2]],
        add_decisions=[Decision(id="extra", title="Extra work", stage="integrate", duration=3)],
        add_dependencies=[Dependency.model_validate({"from": ids[0], "to": "extra"})],
    )
    return [faster, reshaped]


def best(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    sizes = (200, 1_000) if args.quick else (200, 1_000, 10_000)
    print(
        f"{'decisions':>9} {'materialise':>12} {'derive':>8} {'MC plain':>9} {'MC common':>10} {'compare x3':>11}"
    )
    for n in sizes:
        row(n, args.repeats)


def row(n: int, repeats: int, iters: int = 2_000) -> None:
    """Measure and print one plan size."""
    plan = random_plan(n)
    plan.scenarios = scenarios_for(plan)
    edited = materialise(plan, "Faster")
    t_mat = best(lambda: materialise(plan, "Faster"), repeats)
    t_der = best(lambda: derive_scenario(plan, edited, "Faster"), repeats)
    reps = 1 if n >= 10_000 else repeats
    t_plain = best(lambda: simulate(plan, iters, 0), reps)
    t_crn = best(lambda: simulate(plan, iters, 0, common_random_numbers=True), reps)
    t_cmp = best(lambda: compare_scenarios(plan, None, iters), 1)
    print(
        f"{n:>9,} {t_mat * 1e3:>10.1f}ms {t_der * 1e3:>6.1f}ms {t_plain:>8.2f}s {t_crn:>9.2f}s {t_cmp:>10.2f}s"
    )


if __name__ == "__main__":
    main()
