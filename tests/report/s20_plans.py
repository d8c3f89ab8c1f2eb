"""Plans unlike the samples, for looking at the PDF report (H-report20).

``python -m tests.report.s20_plans OUTDIR`` writes each as ``OUTDIR/NAME.plan.json``; the tests import ``PLANS``.
Every plan validates without an error finding.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.model.plan import DEFAULT_AREAS, DEFAULT_STAGES

LONG = (
    "Decouple the foundation model behind an inference service with versioned contracts, canary releases, "
    "shadow traffic, per-tenant quotas and a rollback plan signed off by the architecture review board and "
    "the chief risk officer before the first production customer is onboarded in every market we serve"
)
CJK = "数据质量管道与负责人签字并完成模型风险评估"
ARABIC = "إعداد خط أنابيب جودة البيانات"
HEBREW = "הקמת צינור איכות נתונים"
EMOJI = "Launch 🚀 the assistant 🤖 to every branch 🏦"


def _base(title: str, n: int, **extra: Any) -> dict[str, Any]:
    stages = [
        {"id": s, "name": nm, "goal": goal, "gate_criteria": [{"text": f"{nm} criterion", "met": False}]}
        for s, nm, goal in DEFAULT_STAGES
    ]
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": title,
        "start_date": "2027-01-04",
        "currency": "EUR",
        "stages": stages,
        "areas": [{"id": a, "name": nm, "color": c} for a, nm, c in DEFAULT_AREAS],
        "teams": [{"id": "platform", "name": "Platform", "capacity": 3, "rate": 2000}],
        "decisions": [
            {
                "id": f"d{i:03d}",
                "title": f"Decision number {i} of the plan",
                "stage": DEFAULT_STAGES[min(3, i * 4 // max(n, 1))][0],
                "area": DEFAULT_AREAS[i % 8][0],
                "owner": "platform",
                "duration": {"optimistic": 1, "likely": 2 + i % 3, "pessimistic": 5},
                "cost": 10000 + 1000 * i,
            }
            for i in range(n)
        ],
        "dependencies": [{"from": f"d{i:03d}", "to": f"d{i + 1:03d}"} for i in range(n - 1)],
        "risks": [],
    }
    data.update(extra)
    return data


def one() -> dict[str, Any]:
    return _base("One decision", 1)


def two_no_links() -> dict[str, Any]:
    return _base("Two decisions, no links", 2, dependencies=[])


def all_done() -> dict[str, Any]:
    d = _base("Every decision done", 6, status_date="2027-05-10")  # week 18: the last one finishes then
    t = 0.0
    for x in d["decisions"]:
        w = x["duration"]["likely"]
        x.update(status="done", progress=100, actual_start=t, actual_finish=t + w)
        t += w
    return d


def nothing_started() -> dict[str, Any]:
    return _base("Nothing started, status date set", 8, status_date="2027-03-01")


def no_start_date() -> dict[str, Any]:
    d = _base("No start date", 8)
    d.pop("start_date")
    return d


_WAVES = [
    "Discovery",
    "Value case",
    "Data readiness",
    "Prototype",
    "Pilot",
    "Risk review",
    "Integration",
    "Hardening",
    "Regulatory approval",
    "Rollout wave one",
    "Rollout wave two",
    "Enterprise scale",
]


def many_stages(k: int = 12, risks: int = 0) -> dict[str, Any]:
    """``k`` stages with long names, three decisions in each on one chain; ``risks`` risks with mitigations."""
    names = [
        f"Stage {j + 1}: {_WAVES[j] if j < len(_WAVES) else f'extra wave {j}'} and sign-off by the steering committee"
        for j in range(k)
    ]
    stages = [
        {"id": f"s{j:02d}", "name": nm, "gate_criteria": [{"text": f"Criterion of {nm}", "met": j < 3}]}
        for j, nm in enumerate(names)
    ]
    title = "Twelve stages with long names" if k == 12 else f"{k} stages with long names"
    d = _base(title, 3 * k, stages=stages)
    for i, x in enumerate(d["decisions"]):
        x["stage"] = f"s{i // 3:02d}"
    d["risks"] = [
        {
            "id": f"r{j}",
            "title": f"Risk {j}: the regulator asks for more evidence on the model",
            "probability": 0.3,
            "impact": {"optimistic": 1, "likely": 3, "pessimistic": 8},
            "decisions": [f"d{5 * j:03d}"],
            "mitigation": "Engage the regulator early and share the evaluation design before the pilot starts.",
        }
        for j in range(risks)
    ]
    return d


def twelve_stages() -> dict[str, Any]:
    return many_stages(12)


def scripts() -> dict[str, Any]:
    titles = [CJK, ARABIC, HEBREW, EMOJI, LONG[:300], "12345", "0000", "数据 " + ARABIC]
    d = _base(f"{CJK} · {ARABIC} · {EMOJI}", len(titles))
    for x, t in zip(d["decisions"], titles, strict=True):
        x["title"] = t
    d["areas"][0]["name"] = "数据治理"
    d["areas"][1]["name"] = HEBREW
    d["areas"][2]["name"] = "42"
    d["stages"][0]["name"] = "验证"
    d["stages"][1]["name"] = "التكامل"
    d["stages"][2]["name"] = "🚀 Launch"
    d["stages"][3]["name"] = "2027"
    d["teams"][0]["name"] = "平台团队"
    d["risks"] = [
        {
            "id": "r1",
            "title": ARABIC,
            "probability": 0.4,
            "impact": {"optimistic": 1, "likely": 2, "pessimistic": 4},
            "decisions": ["d001"],
            "mitigation": CJK,
        }
    ]
    return d


def long_title() -> dict[str, Any]:
    d = _base(LONG[:300], 6)
    for x in d["decisions"]:
        x["title"] = LONG[:300]
    return d


def risks_0_100() -> dict[str, Any]:
    risks = [
        {
            "id": f"r{k}",
            "title": f"Risk with probability {p}",
            "probability": p,
            "impact": {"optimistic": 1, "likely": 3, "pessimistic": 6},
            "decisions": [f"d00{k}"],
        }
        for k, p in enumerate([0.0, 1.0, 0.5])
    ]
    return _base("Risks at 0 % and 100 %", 6, risks=risks)


def jpy_huge() -> dict[str, Any]:
    d = _base("Costs in yen, huge sums", 6, currency="JPY")
    d["teams"][0]["rate"] = 1_500_000
    for i, x in enumerate(d["decisions"]):
        x["cost"] = 1e12 if i % 2 else 123_456_789
        x["run_rate"] = 2_000_000_000
    return d


def half_capacity() -> dict[str, Any]:
    d = _base("Teams of capacity 0.5", 8)
    d["teams"] = [
        {"id": "platform", "name": "Platform", "capacity": 0.5},
        {"id": "data", "name": "Data", "capacity": 0.5},
    ]
    for i, x in enumerate(d["decisions"]):
        x["owner"] = "platform" if i % 2 else "data"
        x["headcount"] = 1
    d["dependencies"] = []
    return d


def finish_before_status() -> dict[str, Any]:
    """Every decision done by week 18; the status date a year later."""
    d = all_done()
    d.update(title="Finish before the status date", status_date="2028-05-08")
    return d


PLANS: dict[str, Callable[[], dict[str, Any]]] = {
    "one": one,
    "two-no-links": two_no_links,
    "all-done": all_done,
    "nothing-started": nothing_started,
    "no-start-date": no_start_date,
    "twelve-stages": twelve_stages,
    "scripts": scripts,
    "long-title": long_title,
    "risks-0-100": risks_0_100,
    "jpy-huge": jpy_huge,
    "half-capacity": half_capacity,
    "finish-before-status": finish_before_status,
}


def report_pages(
    data: dict[str, Any], out: Path, sections: list[str], *, paper: str = "a4", orientation: str = "landscape"
) -> list[str]:
    """The text of each page (whitespace collapsed) of the report of ``data`` written to ``out``, with a
    simulation of 300 runs (seed 0)."""
    from pypdf import PdfReader

    from planner.analysis import analyze
    from planner.analysis.montecarlo import simulate
    from planner.model import plan_from_dict
    from planner.report import build_report

    plan = plan_from_dict(data, "<s20>")
    build_report(
        analyze(plan),
        out,
        paper=paper,
        orientation=orientation,
        sections=sections,
        simulation=simulate(plan, 300, seed=0),
    )
    return [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, make in PLANS.items():
        (out / f"{name}.plan.json").write_text(
            json.dumps(make(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from benchmarks._plans import random_plan_dict

    for n in (300, 2000):
        (out / f"random-{n}.plan.json").write_text(json.dumps(random_plan_dict(n, seed=1)), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
