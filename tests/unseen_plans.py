"""Generators of unusual but VALID plans (H-unseen): the shapes, sizes, dates, progress and scripts that real users
bring and the samples do not have. Every plan here loads without error and validates without an error finding, so
every output (analyze, simulate, each chart, the report, the app) must handle it.

``SHAPES`` names each generator; ``shape(name)`` returns the plan as a dict (what a user's file holds);
``random_plan(seed, n)`` draws a small mixed plan for hypothesis-driven one-truth checks.

Run as a script to write every shape to a folder (``python -m tests.unseen_plans OUTDIR``); with ``--sweep``, also
push each through every output (analyze text and JSON, simulate, every chart as PNG, SVG and PDF, the report) into
that folder, printing one line per run and the error of any that exits non-zero or shows a traceback. The PNGs and
PDFs are there to be looked at (``pdftoppm -r 50 -png report.pdf page``).
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

STAGES4 = [
    ("validate", "Validate"),
    ("integrate", "Integrate"),
    ("operationalize", "Operationalize"),
    ("scale", "Scale"),
]
AREAS = [
    ("architecture", "Architecture", "#4C72B0"),
    ("data", "Data", "#55A868"),
    ("governance", "Governance", "#C44E52"),
]

LONG_TITLE = (
    "Decouple the foundation model behind an inference service with versioned contracts, canary releases, "
    "shadow traffic, per-tenant quotas and a rollback plan signed off by the architecture review board and "
    "the chief risk officer before the first production customer is onboarded"
)
SCRIPTS = [
    "数据质量管道与负责人签字",  # Chinese
    "データ品質パイプライン",  # Japanese
    "إعداد خط أنابيب جودة البيانات",  # Arabic
    "डेटा गुणवत्ता पाइपलाइन स्थापित करें",  # Hindi
    "Launch 🚀 the assistant 🤖 to every branch 🏦",
    "데이터 품질 파이프라인",  # Korean
    "Ünïcödé façade — “quoted” ‘text’ …",
]


def _base(title: str = "Unusual plan", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": title,
        "stages": [
            {"id": s, "name": n, "gate_criteria": [{"text": "criterion", "met": False}]} for s, n in STAGES4
        ],
        "areas": [{"id": a, "name": n, "color": c} for a, n, c in AREAS],
        "teams": [{"id": "platform", "name": "Platform", "capacity": 3}],
        "decisions": [],
        "dependencies": [],
    }
    data.update(extra)
    return data


def _d(i: int | str, stage: str = "validate", duration: Any = 2, **kw: Any) -> dict[str, Any]:
    ident = i if isinstance(i, str) else f"d{i:04d}"
    d: dict[str, Any] = {
        "id": ident,
        "title": kw.pop("title", f"Decision {ident}"),
        "stage": stage,
        "area": kw.pop("area", AREAS[sum(map(ord, ident)) % len(AREAS)][0]),
        "owner": kw.pop("owner", "platform"),
        "duration": duration,
    }
    d.update(kw)
    if d.get("milestone"):
        d.pop("duration", None)
    return d


def empty() -> dict[str, Any]:
    return _base("Empty plan", start_date="2027-01-04")


def empty_no_date() -> dict[str, Any]:
    return _base("Empty plan, weeks only")


def one_decision() -> dict[str, Any]:
    return _base("One decision", start_date="2027-01-04", decisions=[_d(0, duration=3)])


def only_milestones() -> dict[str, Any]:
    ds = [_d(i, STAGES4[i % 4][0], milestone=True, title=f"Milestone {i}") for i in range(5)]
    deps = [{"from": f"d{i:04d}", "to": f"d{i + 1:04d}", "lag": 2} for i in range(3)]
    return _base("Only milestones", start_date="2027-01-04", decisions=ds, dependencies=deps)


def chain(n: int = 500) -> dict[str, Any]:
    ds = [_d(i, STAGES4[min(3, i * 4 // n)][0], duration=1 + (i % 3)) for i in range(n)]
    deps = [{"from": f"d{i:04d}", "to": f"d{i + 1:04d}"} for i in range(n - 1)]
    return _base(f"One long chain of {n}", start_date="2027-01-04", decisions=ds, dependencies=deps)


def fan(width: int = 300) -> dict[str, Any]:
    ds = [_d("source", "validate", 1, title="Source")]
    ds += [_d(i, "integrate", 1 + i % 7) for i in range(width)]
    ds.append(_d("sink", "scale", 1, title="Sink"))
    deps = [{"from": "source", "to": f"d{i:04d}"} for i in range(width)]
    deps += [{"from": f"d{i:04d}", "to": "sink"} for i in range(width)]
    return _base(f"Fan-out and fan-in of {width}", start_date="2027-01-04", decisions=ds, dependencies=deps)


def one_stage() -> dict[str, Any]:
    ds = [_d(i, "operationalize", 1 + i % 4) for i in range(12)]
    deps = [{"from": f"d{i:04d}", "to": f"d{i + 2:04d}"} for i in range(10)]
    return _base("All in one stage", start_date="2027-01-04", decisions=ds, dependencies=deps)


def inversions() -> dict[str, Any]:
    ds = [_d(0, "scale", 3), _d(1, "validate", 2), _d(2, "operationalize", 4), _d(3, "integrate", 1)]
    deps = [
        {"from": "d0000", "to": "d0001"},
        {"from": "d0002", "to": "d0003"},
        {"from": "d0001", "to": "d0002"},
    ]
    return _base("Stages out of order", start_date="2027-01-04", decisions=ds, dependencies=deps)


def links_and_lags() -> dict[str, Any]:
    ds = [_d(i, STAGES4[i % 4][0], 2 + i % 5) for i in range(10)]
    deps = [
        {"from": "d0000", "to": "d0001", "type": "FS", "lag": -1.5},
        {"from": "d0001", "to": "d0002", "type": "SS", "lag": 80},
        {"from": "d0002", "to": "d0003", "type": "FF", "lag": -3},
        {"from": "d0003", "to": "d0004", "type": "SF", "lag": 5},
        {"from": "d0004", "to": "d0005", "type": "FS", "lag": 250},
        {"from": "d0005", "to": "d0006", "type": "SF", "lag": -10},
        {"from": "d0006", "to": "d0007", "type": "FF", "lag": 0.25},
        {"from": "d0007", "to": "d0008", "type": "SS", "lag": -2},
        {"from": "d0008", "to": "d0009", "type": "FS", "lag": 0.5},
    ]
    return _base(
        "Every link type, leads and big lags", start_date="2027-01-04", decisions=ds, dependencies=deps
    )


def far_not_before() -> dict[str, Any]:
    ds = [_d(0, "validate", 2), _d(1, "integrate", 3, not_before=2600), _d(2, "scale", 1, not_before=9000)]
    deps = [{"from": "d0000", "to": "d0001"}]
    return _base("not_before far in the future", start_date="2027-01-04", decisions=ds, dependencies=deps)


def zero_durations() -> dict[str, Any]:
    ds = [_d(i, STAGES4[i % 4][0], 0) for i in range(6)] + [_d(6, "scale", 2)]
    deps = [{"from": f"d{i:04d}", "to": f"d{i + 1:04d}"} for i in range(6)]
    return _base("Zero-duration work", start_date="2027-01-04", decisions=ds, dependencies=deps)


def huge_spread() -> dict[str, Any]:
    ds = [
        _d(i, STAGES4[i % 4][0], {"optimistic": 0.1, "likely": 1 + i, "pessimistic": 400 + 100 * i})
        for i in range(8)
    ]
    deps = [{"from": f"d{i:04d}", "to": f"d{i + 1:04d}"} for i in range(7)]
    risks = [
        {
            "id": "r1",
            "title": "Regulator rejects",
            "probability": 0.9,
            "impact": {"optimistic": 1, "likely": 50, "pessimistic": 900},
            "decisions": ["d0003"],
        }
    ]
    return _base(
        "Three-point estimates with huge spread",
        start_date="2027-01-04",
        decisions=ds,
        dependencies=deps,
        risks=risks,
    )


def big(n: int = 2000, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    ds = []
    for i in range(n):
        kw: dict[str, Any] = {}
        if rng.random() < 0.03:
            kw["milestone"] = True
        if rng.random() < 0.05:
            kw["not_before"] = rng.randint(1, 30)
        ds.append(_d(i, STAGES4[min(3, i * 4 // n)][0], rng.choice([0.5, 1, 2, 3, 5]), **kw))
    deps = []
    seen = set()
    for j in range(1, n):
        for _ in range(rng.randint(1, 2)):
            i = max(0, j - 1 - int(rng.expovariate(0.1)))
            if (i, j) in seen:
                continue
            seen.add((i, j))
            deps.append(
                {
                    "from": f"d{i:04d}",
                    "to": f"d{j:04d}",
                    "type": rng.choice(["FS"] * 5 + ["SS", "FF"]),
                    "lag": rng.choice([0, 0, 1, -0.5]),
                }
            )
    return _base(f"{n} decisions", start_date="2027-01-04", decisions=ds, dependencies=deps)


def leap_day() -> dict[str, Any]:
    d = small_mixed()
    d.update(title="Starts on 29 Feb", start_date="2028-02-29")
    return d


def new_years_eve() -> dict[str, Any]:
    d = small_mixed()
    d.update(title="Starts on 31 Dec", start_date="2027-12-31")
    return d


def weeks_only() -> dict[str, Any]:
    d = small_mixed()
    d.pop("start_date", None)
    d["title"] = "Weeks only, no start date"
    return d


def small_mixed() -> dict[str, Any]:
    ds = [
        _d(
            "value",
            "validate",
            {"optimistic": 1, "likely": 2, "pessimistic": 5},
            title="Agree the value case",
            cost=20000,
        ),
        _d("arch", "integrate", 3, title="Inference service", cost=50000, headcount=2),
        _d(
            "data",
            "integrate",
            {"optimistic": 2, "likely": 4, "pessimistic": 9},
            title="Data pipeline",
            cost=30000,
        ),
        _d("ops", "operationalize", 5, title="Drift detection", cost=40000),
        _d("gov", "operationalize", 2, title="Governance board", cost=5000),
        _d("live", "scale", milestone=True, title="Go live"),
    ]
    deps = [
        {"from": "value", "to": "arch"},
        {"from": "value", "to": "data", "type": "SS", "lag": 1},
        {"from": "arch", "to": "ops"},
        {"from": "data", "to": "ops", "type": "FF", "lag": 1},
        {"from": "gov", "to": "live"},
        {"from": "ops", "to": "live"},
    ]
    risks = [{"id": "r1", "title": "Vendor late", "probability": 0.3, "impact": 3, "decisions": ["arch"]}]
    return _base(
        "Small mixed plan",
        start_date="2027-01-04",
        currency="EUR",
        budget=120000,
        decisions=ds,
        dependencies=deps,
        risks=risks,
    )


def _status(weeks: float, title: str) -> dict[str, Any]:
    d = small_mixed()
    d.update(title=title, status_date=weeks)
    return d


def status_before() -> dict[str, Any]:
    d = small_mixed()
    d.update(title="Status date before the start", start_date="2027-03-01", status_date="2027-01-15")
    return d


def status_middle() -> dict[str, Any]:
    d = _status(6, "Status date in the middle")
    d["decisions"][0].update(
        status="done", progress=100, actual_start="2027-01-04", actual_finish="2027-01-25"
    )
    d["decisions"][1].update(status="in_progress", progress=40, actual_start="2027-01-27")
    d["decisions"][2].update(status="in_progress", progress=10, actual_start=2)
    return d


def status_after() -> dict[str, Any]:
    d = _status(200, "Status date after the finish")
    d["decisions"][0].update(status="done", progress=100, actual_start=0, actual_finish=2.5)
    return d


def all_done() -> dict[str, Any]:
    d = small_mixed()
    d["title"] = "Everything done"
    t = 0.0
    for x in d["decisions"]:
        x.update(status="done", progress=100, actual_start=t, actual_finish=t + 2)
        t += 2
    d["status_date"] = t + 1
    return d


def with_baseline() -> dict[str, Any]:
    d = small_mixed()
    d["title"] = "With a baseline"
    d["baselines"] = [
        {
            "name": "Kick-off",
            "finish": 10,
            "decisions": {
                "value": {"start": 0, "finish": 2},
                "arch": {"start": 2, "finish": 4},
                "ops": {"start": 5, "finish": 9},
            },
            "gates": {"validate": 2, "integrate": 6},
        }
    ]
    return d


def stages_without_decisions() -> dict[str, Any]:
    d = small_mixed()
    d["title"] = "Stages with no decisions"
    d["stages"] = [{"id": "empty0", "name": "Discovery"}] + d["stages"] + [{"id": "empty1", "name": "Sunset"}]
    d["stages"].insert(3, {"id": "empty2", "name": "Pause"})
    return d


def long_text() -> dict[str, Any]:
    ds = [
        _d("x" * 64, "validate", 3, title=LONG_TITLE[:300], owner="t" * 64),
        _d("a" + "b" * 60 + "-2", "integrate", 2, title=LONG_TITLE[40:340], owner="t" * 64),
        _d("short", "scale", 4, title="W" * 300, owner="t" * 64),
    ]
    deps = [{"from": "x" * 64, "to": "a" + "b" * 60 + "-2"}, {"from": "a" + "b" * 60 + "-2", "to": "short"}]
    return _base(
        LONG_TITLE * 3,
        start_date="2027-01-04",
        decisions=ds,
        dependencies=deps,
        teams=[
            {
                "id": "t" * 64,
                "name": "The enterprise-wide machine learning platform engineering guild " * 4,
                "capacity": 1,
            }
        ],
        stages=[{"id": s, "name": (n + " ") * 12} for s, n in STAGES4],
        areas=[{"id": a, "name": n * 10, "color": c} for a, n, c in AREAS],
        risks=[
            {
                "id": "r" * 64,
                "title": LONG_TITLE[:300],
                "probability": 0.5,
                "impact": 4,
                "decisions": ["short"],
            }
        ],
    )


def scripts() -> dict[str, Any]:
    ds = [_d(i, STAGES4[i % 4][0], 2 + i % 3, title=SCRIPTS[i % len(SCRIPTS)]) for i in range(len(SCRIPTS))]
    deps = [{"from": f"d{i:04d}", "to": f"d{i + 1:04d}"} for i in range(len(SCRIPTS) - 1)]
    return _base(
        "路线图 — خارطة الطريق — रोडमैप 🚀",
        start_date="2027-01-04",
        decisions=ds,
        dependencies=deps,
        teams=[{"id": "platform", "name": "平台团队 فريق", "capacity": 1}],
        stages=[
            {"id": s, "name": f"{n} · {z}"}
            for (s, n), z in zip(STAGES4, ["验证", "التكامل", "संचालन", "スケール"], strict=True)
        ],
        risks=[
            {"id": "r1", "title": "供应商延迟 🚚", "probability": 0.4, "impact": 2, "decisions": ["d0001"]}
        ],
    )


SHAPES: dict[str, Callable[[], dict[str, Any]]] = {
    "empty": empty,
    "empty-no-date": empty_no_date,
    "one-decision": one_decision,
    "only-milestones": only_milestones,
    "chain-500": chain,
    "fan-300": fan,
    "one-stage": one_stage,
    "inversions": inversions,
    "links-and-lags": links_and_lags,
    "far-not-before": far_not_before,
    "zero-durations": zero_durations,
    "huge-spread": huge_spread,
    "big-2000": big,
    "leap-day": leap_day,
    "new-years-eve": new_years_eve,
    "weeks-only": weeks_only,
    "status-before": status_before,
    "status-middle": status_middle,
    "status-after": status_after,
    "all-done": all_done,
    "baseline": with_baseline,
    "stages-without-decisions": stages_without_decisions,
    "long-text": long_text,
    "scripts": scripts,
}
SMALL_SHAPES = [k for k in SHAPES if k not in ("chain-500", "fan-300", "big-2000")]


def shape(name: str) -> dict[str, Any]:
    return SHAPES[name]()


# -- stress shapes (session 18): plans built to stress the rules the shapes above leave alone ----------------------
# Not in SHAPES (whose tests run every shape): tests/test_s18_unseen_one_truth.py runs a handful of these, and its
# script mode (``python -m tests.test_s18_unseen_one_truth OUTDIR``) sweeps all of them through every output.


def _stages(*names: str) -> list[dict[str, Any]]:
    return [
        {
            "id": n.lower().replace(" ", "-"),
            "name": n,
            "gate_criteria": [{"text": f"{n} signed off", "met": i == 0}],
        }
        for i, n in enumerate(names)
    ]


def two_stages() -> dict[str, Any]:
    """Two stages named otherwise, a decision of the second feeding the first (an inversion), fractional weeks."""
    ds = [
        _d("pilot", "pilot", 0.35, title="Pilot the assistant", cost=1000),
        _d("rollout", "rollout", 2.75, title="Roll out to all branches", cost=2500),
        _d("policy", "rollout", 0.1, title="Write the usage policy"),
        _d("train", "pilot", 1.2, title="Train the pilot users"),
    ]
    deps = [
        {"from": "pilot", "to": "rollout"},
        {"from": "policy", "to": "train"},  # rollout (later) feeds pilot (earlier)
    ]
    return _base(
        "Two stages, renamed",
        start_date="2027-03-01",
        stages=_stages("Pilot", "Rollout"),
        decisions=ds,
        dependencies=deps,
        currency="GBP",
    )


def seven_stages() -> dict[str, Any]:
    """Seven stages, one of them empty and one reordered against its id, strict gates that cost weeks."""
    names = ["Discover", "Prove", "Build", "Harden", "Empty", "Launch", "Grow"]
    stages = _stages(*names)
    stages[2], stages[3] = stages[3], stages[2]  # 'harden' before 'build' in the plan's order
    ds = [
        _d("d1", "discover", 1.5),
        _d("d2", "prove", 0.35),
        _d("d3", "prove", 4.25, not_before=1),
        _d("d4", "build", 2.75),
        _d("d5", "harden", 0.1),
        _d("d6", "launch", 3.3),
        _d("d7", "grow", 0.65),
        _d("d8", "grow", 6),
        _d("d9", "discover", 9.5),  # long work of the first stage: every gate waits for it
    ]
    deps = [
        {"from": "d1", "to": "d2"},
        {"from": "d2", "to": "d4"},
        {"from": "d4", "to": "d5"},  # build (4th) feeds harden (3rd): an inversion
        {"from": "d5", "to": "d6"},
        {"from": "d6", "to": "d7", "type": "SS", "lag": 0.5},
        {"from": "d3", "to": "d8", "type": "FF", "lag": 1.25},
    ]
    return _base(
        "Seven stages, one empty", start_date="2027-01-04", stages=stages, decisions=ds, dependencies=deps
    )


def milestone_links() -> dict[str, Any]:
    """Milestones joined by every link type with leads; zero-duration decisions that are not milestones; an SF
    link; a not_before after everything else."""
    ds = [
        _d("m0", "validate", milestone=True, title="Kick-off"),
        _d("a", "validate", 2.75),
        _d("z0", "integrate", 0, title="Zero-length review"),
        _d("m1", "integrate", milestone=True, title="Design frozen"),
        _d("b", "integrate", 1.35),
        _d("m2", "operationalize", milestone=True, title="Ready"),
        _d("z1", "operationalize", 0, title="Sign-off, no work"),
        _d("c", "operationalize", 0.1),
        _d("m3", "scale", milestone=True, title="Go live"),
        _d("late", "scale", 1, not_before=40.5, title="Late start on purpose"),
    ]
    deps = [
        {"from": "m0", "to": "a", "type": "FS", "lag": 0},
        {"from": "a", "to": "m1", "type": "FF", "lag": -0.5},
        {"from": "m1", "to": "z0", "type": "SS", "lag": -0.25},
        {"from": "m1", "to": "b", "type": "SF", "lag": 2.5},
        {"from": "b", "to": "m2", "type": "FS", "lag": -0.75},
        {"from": "m2", "to": "z1", "type": "SF", "lag": 0},
        {"from": "z1", "to": "c", "type": "FF", "lag": 0.35},
        {"from": "c", "to": "m3", "type": "FS", "lag": -0.1},
        {"from": "z0", "to": "m2", "type": "SS", "lag": 1.5},
    ]
    return _base("Milestones on every link type", start_date="2027-01-04", decisions=ds, dependencies=deps)


def _progress_plan(title: str, status: Any, start: str | None = "2027-01-04") -> dict[str, Any]:
    d = small_mixed()
    d.update(title=title, status_date=status)
    if start is None:
        d.pop("start_date")
    else:
        d["start_date"] = start
    x = d["decisions"]
    x[0].update(status="done", progress=100, actual_start=0, actual_finish=2.35)
    x[1].update(status="in_progress", progress=35, actual_start=2.5)
    x[2].update(status="in_progress", progress=80, actual_start=1.1)
    x[4].update(status="blocked")
    return d


def progress_mixed() -> dict[str, Any]:
    return _progress_plan("Done, in progress, not started", 4.35)


def progress_week_boundary() -> dict[str, Any]:
    return _progress_plan("Status date on a week boundary", "2027-02-01")  # week 4 exactly


def progress_before_start() -> dict[str, Any]:
    d = _progress_plan("Status date before the start, some done", "2026-12-01")
    for x in d["decisions"]:  # nothing can be done before the plan starts
        for k in ("status", "progress", "actual_start", "actual_finish"):
            x.pop(k, None)
    return d


def progress_after_finish() -> dict[str, Any]:
    return _progress_plan("Status date after the finish", 120.5)


def progress_weeks_only() -> dict[str, Any]:
    return _progress_plan("Progress in weeks, no dates", 3.5, start=None)


def baselines_and_scenarios() -> dict[str, Any]:
    d = small_mixed()
    d["title"] = "Several baselines and scenarios"
    d["baselines"] = [
        {
            "name": "Kick-off",
            "created": "2027-01-01T09:00:00",
            "finish": 9.5,
            "decisions": {"value": {"start": 0, "finish": 2}, "arch": {"start": 2, "finish": 4.5}},
            "gates": {"validate": 2, "integrate": 6.25},
        },
        {
            "name": "Replan",
            "created": "2027-02-01T09:00:00",
            "finish": 12.75,
            "decisions": {
                "value": {"start": 0, "finish": 2},
                "arch": {"start": 2, "finish": 5},
                "ops": {"start": 5.5, "finish": 10.5},
                "live": {"start": 12.75, "finish": 12.75},
            },
            "gates": {"validate": 2, "integrate": 6.5, "operationalize": 10.5, "scale": 12.75},
        },
    ]
    d["scenarios"] = [
        {"name": "Faster arch", "decisions": {"arch": {"duration": 1.35}}},
        {
            "name": "Rewired",
            "remove_dependencies": [{"from": "arch", "to": "ops"}],
            "add_dependencies": [{"from": "gov", "to": "ops", "type": "SS", "lag": 0.5}],
        },
        {"name": "Moved", "decisions": {"gov": {"stage": "validate"}, "ops": {"stage": "scale"}}},
    ]
    return d


def costs_and_capacity() -> dict[str, Any]:
    d = small_mixed()
    d.update(
        title="Teams over capacity, rates, JPY",
        currency="JPY",
        cost_of_delay=125000,
        target="2027-03-01",
        budget=9000000,
    )
    d["teams"] = [
        {"id": "platform", "name": "Platform", "capacity": 1.5, "rate": 210000},
        {"id": "data", "name": "Data", "capacity": 0.5, "rate": 180000.5},
    ]
    for i, x in enumerate(d["decisions"]):
        x["owner"] = "data" if i % 2 else "platform"
        x["headcount"] = 1 + (i % 3) * 0.75
    d["decisions"][1]["run_rate"] = 3300
    d["horizon"] = 52
    return d


def certain_risks() -> dict[str, Any]:
    d = small_mixed()
    d["title"] = "Risks that never and always fire"
    d["risks"] = [
        {"id": "never", "title": "Never fires", "probability": 0, "impact": 40, "decisions": ["arch"]},
        {"id": "always", "title": "Always fires", "probability": 1, "impact": 2.75, "decisions": ["ops"]},
        {
            "id": "spread",
            "title": "Spread",
            "probability": 1,
            "impact": {"optimistic": 0.1, "likely": 0.35, "pessimistic": 2.75},
            "decisions": ["gov", "data"],
        },
    ]
    return d


def single() -> dict[str, Any]:
    return _base(
        "One decision, one stage",
        start_date="2027-06-30",
        stages=_stages("Only"),
        decisions=[_d("only", "only", {"optimistic": 0.1, "likely": 0.35, "pessimistic": 2.75}, cost=99.5)],
        currency="CHF",
    )


def everything_done() -> dict[str, Any]:
    d = all_done()
    d["title"] = "Everything done, fractional actuals"
    for i, x in enumerate(d["decisions"]):
        x.update(actual_start=i * 1.35, actual_finish=i * 1.35 + 0.1)
    d["status_date"] = "2027-03-01"
    return d


def random_links(
    rng: Any, n: int, ident: Callable[[int], str], types: list[str], lags: list[float]
) -> list[dict[str, Any]]:
    """Up to two links into each of ``n`` decisions from earlier ones (no pair twice), their type and lag drawn from
    ``types`` and ``lags``; ``ident(k)`` is the k-th decision's id."""
    deps: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for j in range(1, n):
        for _ in range(rng.randint(0, 2)):
            i = rng.randrange(j)
            if (i, j) in seen:
                continue
            seen.add((i, j))
            deps.append(
                {"from": ident(i), "to": ident(j), "type": rng.choice(types), "lag": rng.choice(lags)}
            )
    return deps


def stress_random(n: int = 300, seed: int = 18) -> dict[str, Any]:
    """``n`` decisions over six stages, fractional weeks, every link type with leads, inversions, milestones,
    zero-duration work, not_before, progress, teams over capacity with rates, risks at 0 and 1."""
    rng = random.Random(seed)
    stages = _stages("Frame", "Pilot", "Wire", "Harden", "Ship", "Spread")
    ds = []
    for i in range(n):
        kw: dict[str, Any] = {
            "owner": rng.choice(["platform", "data", "risk"]),
            "headcount": rng.choice([0.5, 1, 2]),
        }
        r = rng.random()
        if r < 0.05:
            kw["milestone"] = True
        elif r < 0.2:
            kw["duration"] = 0
        elif r < 0.5:
            o = rng.choice([0.1, 0.35, 1])
            kw["duration"] = {
                "optimistic": o,
                "likely": o + rng.choice([0, 0.35, 2.75]),
                "pessimistic": o + 6,
            }
        else:
            kw["duration"] = rng.choice([0.1, 0.35, 1, 2.75, 4.5])
        if rng.random() < 0.05:
            kw["not_before"] = rng.choice([0.35, 7.1, 30.25])
        if rng.random() < 0.3:
            kw["cost"] = rng.choice([100, 2500.5, 40000])
        stage = stages[min(5, i * 6 // n) if rng.random() < 0.85 else rng.randrange(6)]["id"]
        if i < n // 4:  # the first quarter has progress: done, in progress or not started, actuals in weeks
            state = rng.choice(["done", "in_progress", "not_started"])
            if state == "done":
                kw.update(status="done", progress=100, actual_start=i * 0.1, actual_finish=i * 0.1 + 0.35)
            elif state == "in_progress":
                kw.update(status="in_progress", progress=rng.choice([10, 35, 80]), actual_start=i * 0.1)
        ds.append(_d(i, stage, **kw))
    deps, seen = [], set()
    for j in range(1, n):
        for _ in range(rng.randint(0, 2)):
            i = max(0, j - 1 - int(rng.expovariate(0.15)))
            if (i, j) in seen:
                continue
            seen.add((i, j))
            deps.append(
                {
                    "from": f"d{i:04d}",
                    "to": f"d{j:04d}",
                    "type": rng.choice(["FS"] * 4 + ["SS", "FF", "SF"]),
                    "lag": rng.choice([0, 0, 0.35, -0.1, 1.25, -2.75]),
                }
            )
    risks = [
        {"id": "r0", "title": "Never", "probability": 0, "impact": 10, "decisions": [f"d{n // 3:04d}"]},
        {"id": "r1", "title": "Always", "probability": 1, "impact": 1.35, "decisions": [f"d{n // 2:04d}"]},
    ]
    teams = [
        {"id": "platform", "name": "Platform", "capacity": 3, "rate": 5000},
        {"id": "data", "name": "Data", "capacity": 2.5, "rate": 4200},
        {"id": "risk", "name": "Risk", "capacity": 1},
    ]
    return _base(
        f"{n} decisions under stress",
        start_date="2027-01-04",
        stages=stages,
        decisions=ds,
        dependencies=deps,
        risks=risks,
        teams=teams,
        currency="SEK",
        cost_of_delay=20000,
        target=40.5,
        status_date=round(n * 0.025 + 0.35, 2),
    )


STRESS_SHAPES: dict[str, Callable[[], dict[str, Any]]] = {
    "two-stages": two_stages,
    "seven-stages": seven_stages,
    "milestone-links": milestone_links,
    "progress-mixed": progress_mixed,
    "progress-week-boundary": progress_week_boundary,
    "progress-before-start": progress_before_start,
    "progress-after-finish": progress_after_finish,
    "progress-weeks-only": progress_weeks_only,
    "baselines-and-scenarios": baselines_and_scenarios,
    "costs-and-capacity": costs_and_capacity,
    "certain-risks": certain_risks,
    "single": single,
    "everything-done": everything_done,
    "stress-300": stress_random,
}


def random_plan(seed: int, n: int = 12) -> dict[str, Any]:
    """A small valid plan drawn from ``seed``: mixed link types and lags, milestones, not_before, three-point
    estimates, stage inversions, empty stages, an optional start date (sometimes 29 Feb or 31 Dec)."""
    rng = random.Random(seed)
    nstages = rng.randint(1, 5)
    stages = [{"id": f"s{k}", "name": f"Stage {k}"} for k in range(nstages)]
    ds = []
    for i in range(n):
        kw: dict[str, Any] = {}
        r = rng.random()
        if r < 0.1:
            kw["milestone"] = True
        dur: Any
        if rng.random() < 0.4:
            o = rng.choice([0, 0.5, 1, 2])
            lk = o + rng.choice([0, 0.5, 1, 3])
            dur = {"optimistic": o, "likely": lk, "pessimistic": lk + rng.choice([0, 1, 5, 40])}
        else:
            dur = rng.choice([0, 0.25, 0.5, 1, 1.5, 2, 3, 7, 13.3])
        if rng.random() < 0.15:
            kw["not_before"] = rng.choice([0.5, 3, 10, 52.5])
        stage = f"s{min(nstages - 1, int(i * nstages / n) if rng.random() < 0.8 else rng.randrange(nstages))}"
        ds.append(_d(i, stage, dur, **kw))
    deps = random_links(
        rng, n, lambda k: f"d{k:04d}", ["FS", "FS", "SS", "FF", "SF"], [0, 0, 0.5, 1, -1, 4, -0.25]
    )
    data = _base(f"Random plan {seed}", stages=stages, decisions=ds, dependencies=deps)
    start = rng.choice([None, "2027-01-04", "2028-02-29", "2027-12-31", "2030-06-30"])
    if start:
        data["start_date"] = start
    return data


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, make in SHAPES.items():
        p = folder / f"{name}.plan.json"
        p.write_text(json.dumps(make(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        out.append(p)
    return out


def sweep(folder: Path, names: list[str] | None = None, iterations: int = 2000) -> int:
    """Every output of every shape (or of ``names``) into ``folder``/<shape>/; the number of runs that failed."""
    import contextlib
    import io
    import traceback

    from planner.charts import CHARTS
    from planner.cli import main

    def run(argv: list[str]) -> bool:
        out, err = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                rc: object = main(argv)
        except BaseException:  # noqa: BLE001 - the sweep reports every failure and goes on
            rc = "exception"
            err.write(traceback.format_exc())
        bad = rc != 0 or "Traceback" in err.getvalue() or "internal error" in err.getvalue()
        print(("FAIL " if bad else "ok   ") + " ".join(argv[:1] + argv[2:]), flush=True)
        if bad:
            print("     " + err.getvalue()[-1500:].replace("\n", "\n     "), flush=True)
        return not bad

    failed = 0
    for path in write_all(folder):
        name = path.name.split(".")[0]
        if names and name not in names:
            continue
        d = folder / name
        d.mkdir(exist_ok=True)
        p, n = str(path), str(iterations)
        runs = [["analyze", p], ["analyze", p, "--format", "json"], ["simulate", p, "-n", n]]
        suffixes = ("png",) if name in ("chain-500", "fan-300", "big-2000") else ("png", "svg", "pdf")
        runs += [["export", p, "--chart", c, "-o", str(d / f"{c}.{s}")] for c in CHARTS for s in suffixes]
        runs += [["report", p, "-o", str(d / "report.pdf"), "--simulate", "--iterations", n, "-q"]]
        failed += sum(not run(argv) for argv in runs)
    return failed


if __name__ == "__main__":
    target = Path(sys.argv[1])
    if "--sweep" in sys.argv[2:]:
        sys.exit(1 if sweep(target, [a for a in sys.argv[2:] if not a.startswith("--")]) else 0)
    for p in write_all(target):
        print(p)
