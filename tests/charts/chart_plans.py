"""Plans for the chart tests: empty, tiny, the samples, a large generated one, and one with errors.

(A module of its own, not conftest, so that test modules can import it by name.)
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from planner.analysis import Analysis, analyze
from planner.model import Plan, load_plan, new_plan, plan_from_dict
from planner.model.plan import DEFAULT_AREAS, DEFAULT_STAGES

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_plans").glob("*.plan.json"))

_WORDS = (
    "Decouple the foundation model behind an inference service",
    "Classify the use case under the EU AI Act",
    "Stand up drift detection and retraining",
    "Agree the value case with finance",
    "Model CI/CD",
    "Data quality pipeline with owner sign-off and alerting on schema changes",
    "Train analysts",
    "Shared platform for every business line, with self-service onboarding and chargeback",
)


def generated_plan(
    n: int, seed: int = 0, *, start_date: str | None = "2027-01-04", baselines: bool = True
) -> Plan:
    """A valid plan with ``n`` decisions over the four stages: all link types, lags, milestones, not_before,
    long titles, a decision without an area, and (optionally) two baselines."""
    rng = random.Random(seed)
    stages = [
        {"id": s, "name": nm, "gate_criteria": [{"text": "criterion", "met": rng.random() < 0.5}]}
        for s, nm, _ in DEFAULT_STAGES
    ]
    areas = [{"id": a, "name": nm, "color": c} for a, nm, c in DEFAULT_AREAS]
    decisions: list[dict[str, Any]] = []
    for i in range(n):
        stage = DEFAULT_STAGES[min(3, i * 4 // max(1, n))][0]
        d: dict[str, Any] = {
            "id": f"d{i:04d}",
            "title": f"{rng.choice(_WORDS)} ({i})",
            "stage": stage,
            "area": areas[i % len(areas)]["id"] if i != 1 else None,
            "duration": rng.choice([0.5, 1, 2, 3, 5, 8]),
        }
        if rng.random() < 0.04:
            d["milestone"] = True
            d.pop("duration")
        if rng.random() < 0.05:
            d["not_before"] = float(rng.randint(1, 10))
        if i < n // 10:
            d["status"] = "done"
        decisions.append(d)
    deps = []
    seen = set()
    for j in range(1, n):
        for _ in range(rng.randint(1, 3)):
            i = max(0, j - 1 - int(rng.expovariate(0.2)))
            if (i, j) in seen or i == j:
                continue
            seen.add((i, j))
            kind = rng.choice(["FS"] * 6 + ["SS", "FF", "SF"])
            deps.append(
                {"from": f"d{i:04d}", "to": f"d{j:04d}", "type": kind, "lag": rng.choice([0, 0, 0, 1, -0.5])}
            )
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": f"Generated plan with {n} decisions",
        "stages": stages,
        "areas": areas,
        "decisions": decisions,
        "dependencies": deps,
    }
    if start_date:
        data["start_date"] = start_date
    plan = plan_from_dict(data, "<generated>")
    if baselines and n:
        a = analyze(plan)
        assert a.schedule is not None
        s = a.schedule
        for name, shift in (("kick-off", -1.0), ("steering committee", 0.5)):
            plan.baselines.append(
                _baseline(
                    name,
                    s.finish + shift,
                    {
                        d: (float(s.es[k]) + shift, float(s.ef[k]) + shift)
                        for k, d in enumerate(s.ids)
                        if k % 3
                    },
                )
            )
    return plan


def _baseline(name: str, finish: float, entries: dict[str, tuple[float, float]]) -> Any:
    from planner.model import Baseline, BaselineEntry

    return Baseline(
        name=name,
        finish=finish,
        decisions={k: BaselineEntry(start=max(0.0, a), finish=max(0.0, b)) for k, (a, b) in entries.items()},
    )


def tiny_plan() -> Plan:
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "Tiny",
            "stages": [{"id": "validate", "name": "Validate"}, {"id": "integrate", "name": "Integrate"}],
            "areas": [{"id": "data", "name": "Data"}, {"id": "arch", "name": "Architecture"}],
            "decisions": [
                {
                    "id": "a",
                    "title": "Agree the value case",
                    "stage": "validate",
                    "area": "data",
                    "duration": 2,
                },
                {"id": "b", "title": "Build it", "stage": "integrate", "area": "arch", "duration": 3},
                {"id": "m", "title": "Go live", "stage": "integrate", "milestone": True},
            ],
            "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "m"}],
        },
        "<tiny>",
    )


def broken_plan() -> Plan:
    plan = tiny_plan()
    plan.dependencies.append(plan.dependencies[0].model_copy(update={"from_": "m", "to": "a"}))
    return plan


PLANS = ["empty", "tiny", *[p.name.split(".")[0] for p in SAMPLES], "large", "errors"]


def make_analysis(kind: str) -> Analysis:
    if kind == "empty":
        return analyze(new_plan("Empty plan"))
    if kind == "tiny":
        return analyze(tiny_plan())
    if kind == "large":
        return analyze(generated_plan(300, seed=1))
    if kind == "errors":
        return analyze(broken_plan())
    path = next(p for p in SAMPLES if p.name.startswith(kind))
    return analyze(load_plan(path))
