"""Deterministic random plans for benchmarks (and for anyone who needs a big, valid plan).

    from benchmarks._plans import random_plan
    plan = random_plan(10_000, seed=0)          # a valid planner.model.Plan

What the generated plans look like (all decided by ``seed``):

- ``n`` decisions ``d0000000 ...`` spread over the four standard stages in index order (a decision's stage is
  its position in the plan, with ~4 % nudged one stage either way), the eight standard areas, and 24 teams
  (~5 % of decisions have no owner);
- three-point estimates (likely 0.5-12 weeks in half weeks, optimistic <= likely <= pessimistic), ~2 %
  milestones (duration 0), ~5 % with a ``not_before``;
- about ``deps_per_decision`` dependencies per decision (1 to 2x-1, mean x), always from a lower to a higher
  index, so the graph is acyclic by construction. 85 % of predecessors come from a locality window of the 150
  previous decisions, which gives the graph realistic depth (~200 levels at 10k, ~1,900 at 100k);
  the rest come from anywhere earlier. Link types FS 70 %, SS 12 %, FF 12 %, SF 6 %; lags 0 (70 %),
  +0.5..+4 (20 %) or -0.5..-2 (10 %). No duplicate links, no self links. Because stages mostly follow the index,
  dependencies mostly go forward in stage order; the nudged decisions give a realistic handful of
  stage inversions (~3 % of links; warnings, not errors).
- some early decisions done or in progress, gate criteria on every stage but the last.

All numbers are multiples of 0.5, so schedule arithmetic is exact in binary floating point.
The plan validates with no errors (``planner.analysis.validate``).
"""

from __future__ import annotations

import gc
import random
from typing import Any

from planner.model.plan import DEFAULT_AREAS, DEFAULT_STAGES, SCHEMA_VERSION, Plan

WINDOW = 150
"""Locality window: most predecessors of decision j are among the WINDOW decisions before it."""

_TYPES = ("FS",) * 70 + ("SS",) * 12 + ("FF",) * 12 + ("SF",) * 6
_VERBS = (
    "Define",
    "Decouple",
    "Stand up",
    "Classify",
    "Automate",
    "Migrate",
    "Harden",
    "Train",
    "Roll out",
    "Assess",
    "Document",
    "Monitor",
)
_OBJECTS = (
    "the value case",
    "the inference service",
    "drift detection",
    "the feature store",
    "model CI/CD",
    "the data quality pipeline",
    "the EU AI Act classification",
    "the shared platform",
    "the operating model",
    "the evaluation suite",
    "access controls",
    "the retraining loop",
)


def random_plan_dict(n: int, seed: int = 0, deps_per_decision: int = 3) -> dict[str, Any]:
    """The plan as a JSON-ready dict (what :func:`random_plan` validates)."""
    rng = random.Random(seed)
    n_stages = len(DEFAULT_STAGES)
    stages = [
        {
            "id": sid,
            "name": name,
            "goal": goal,
            "gate_criteria": []
            if k == n_stages - 1
            else [{"text": f"{name} gate criterion {c + 1}", "met": c == 0} for c in range(3)],
        }
        for k, (sid, name, goal) in enumerate(DEFAULT_STAGES)
    ]
    areas = [{"id": a, "name": nm, "color": c} for a, nm, c in DEFAULT_AREAS]
    teams = [
        {"id": f"team-{t:02d}", "name": f"Team {t:02d}", "capacity": float(rng.randint(2, 12))}
        for t in range(24)
    ]
    stage_ids = [s["id"] for s in stages]
    area_ids = [a["id"] for a in areas]
    team_ids = [t["id"] for t in teams]
    width = max(7, len(str(max(n - 1, 0))))
    ids = [f"d{i:0{width}d}" for i in range(n)]

    decisions: list[dict[str, Any]] = []
    for i in range(n):
        k = min(n_stages - 1, i * n_stages // max(n, 1))
        r = rng.random()
        if r < 0.02 and k > 0:
            k -= 1
        elif r < 0.04 and k < n_stages - 1:
            k += 1
        d: dict[str, Any] = {
            "id": ids[i],
            "title": f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} #{i}",
            "area": rng.choice(area_ids),
            "stage": stage_ids[k],
        }
        if rng.random() >= 0.05:
            d["owner"] = rng.choice(team_ids)
        if rng.random() < 0.02:
            d["milestone"] = True
            d["duration"] = 0
        else:
            likely = rng.randint(1, 24) * 0.5
            opt = max(0.0, likely - rng.randint(0, 4) * 0.5)
            pess = likely + rng.randint(0, 12) * 0.5
            d["duration"] = {"optimistic": opt, "likely": likely, "pessimistic": pess}
            d["headcount"] = float(rng.randint(1, 4))
        if rng.random() < 0.05:
            d["not_before"] = rng.randint(0, 2 * max(1, i // 20)) * 0.5
        if k == 0 and rng.random() < 0.3:
            d["status"] = "done"
            d["progress"] = 100.0
        elif k <= 1 and rng.random() < 0.05:
            d["status"] = "in_progress"
            d["progress"] = float(rng.randint(1, 9) * 10)
        decisions.append(d)

    dependencies: list[dict[str, Any]] = []
    for j in range(1, n):
        want = rng.randint(1, 2 * deps_per_decision - 1)
        preds: set[int] = set()
        tries = 0
        while len(preds) < min(want, j) and tries < 4 * want:
            tries += 1
            local = rng.random() < 0.85
            preds.add(rng.randint(max(0, j - WINDOW), j - 1) if local else rng.randint(0, j - 1))
        for i in sorted(preds):
            dep: dict[str, Any] = {"from": ids[i], "to": ids[j], "type": rng.choice(_TYPES)}
            r = rng.random()
            if r < 0.2:
                dep["lag"] = rng.randint(1, 8) * 0.5
            elif r < 0.3:
                dep["lag"] = -rng.randint(1, 4) * 0.5
            dependencies.append(dep)

    return {
        "schema_version": SCHEMA_VERSION,
        "title": f"Random benchmark plan ({n} decisions, seed {seed})",
        "start_date": "2027-01-04",
        "currency": "USD",
        "stages": stages,
        "areas": areas,
        "teams": teams,
        "decisions": decisions,
        "dependencies": dependencies,
    }


def random_plan(n: int, seed: int = 0, deps_per_decision: int = 3) -> Plan:
    """A valid random plan of ``n`` decisions with about ``deps_per_decision`` dependencies each."""
    data = random_plan_dict(n, seed, deps_per_decision)
    was = gc.isenabled()
    gc.disable()
    try:
        return Plan.model_validate(data)
    finally:
        if was:
            gc.enable()


__all__ = ["WINDOW", "random_plan", "random_plan_dict"]
