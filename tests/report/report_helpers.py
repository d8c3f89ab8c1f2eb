"""Helpers for the report tests: plans, building a report once, reading it back with pypdf.

(A module of its own, not conftest, so that test modules can import it by name.)
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from planner.analysis import Analysis, analyze
from planner.model import Plan, load_plan, plan_from_dict
from planner.model.plan import DEFAULT_AREAS, DEFAULT_STAGES
from planner.report import build_report

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"

_TITLES = (
    "Decouple the foundation model behind an inference service",
    "Classify the use case under the EU AI Act",
    "Stand up drift detection and retraining",
    "Agree the value case with finance",
    "Data quality pipeline with owner sign-off",
    "Train analysts on the assistant",
)


def sample(name: str) -> Plan:
    return load_plan(SAMPLES / f"{name}.plan.json")


def generated_plan(n: int, seed: int = 0) -> Plan:
    """A valid plan of ``n`` decisions over the four stages, ~2 links each, with dates, owners and criteria."""
    rng = random.Random(seed)
    stages = [
        {
            "id": s,
            "name": nm,
            "goal": goal,
            "gate_criteria": [
                {"text": f"{nm} criterion {k + 1}", "met": rng.random() < 0.5} for k in range(2)
            ],
        }
        for s, nm, goal in DEFAULT_STAGES
    ]
    areas = [{"id": a, "name": nm, "color": c} for a, nm, c in DEFAULT_AREAS]
    teams = [{"id": f"team-{t}", "name": f"Team {t}", "capacity": 6} for t in range(6)]
    decisions = []
    for i in range(n):
        decisions.append(
            {
                "id": f"d{i:04d}",
                "title": f"{rng.choice(_TITLES)} number {i}",
                "stage": DEFAULT_STAGES[min(3, i * 4 // n)][0],
                "area": areas[i % 8]["id"],
                "owner": f"team-{rng.randrange(6)}",
                "duration": {"optimistic": 1, "likely": rng.choice([1, 2, 3, 4]), "pessimistic": 6},
            }
        )
    deps = []
    seen = set()
    for j in range(1, n):
        for _ in range(rng.choice([1, 2, 2, 3])):
            i = rng.randrange(max(0, j - 25), j)
            if (i, j) not in seen:
                seen.add((i, j))
                deps.append({"from": f"d{i:04d}", "to": f"d{j:04d}"})
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": f"Generated plan of {n} decisions",
            "start_date": "2027-01-04",
            "stages": stages,
            "areas": areas,
            "teams": teams,
            "decisions": decisions,
            "dependencies": deps,
        },
        "<generated>",
    )


@dataclass
class Report:
    """A built report and what pypdf reads back from it."""

    analysis: Analysis
    path: Path
    reader: PdfReader
    pages: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All text with runs of whitespace collapsed, so that wrapped titles read as one line."""
        return normalise(self.text)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def make_report(analysis: Analysis, path: Path, **options: Any) -> Report:
    build_report(analysis, path, **options)
    reader = PdfReader(path)
    return Report(analysis, path, reader, [p.extract_text() or "" for p in reader.pages])


def analysis_of(plan: Plan) -> Analysis:
    result = analyze(plan)
    assert result.ok, result.errors
    return result


def text_runs(page: Any) -> list[tuple[str, float, float, float]]:
    """Text runs of a pypdf page: (text, x, y, width in points)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from planner.report.fonts import BOLD, REGULAR

    out: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip() and font is not None:
            name = BOLD if "Bold" in str(font.get("/BaseFont")) else REGULAR
            x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
            out.append((text.strip(), x, y, stringWidth(text.strip(), name, size)))

    page.extract_text(visitor_text=visit)
    return out


def figures_apart(page: Any) -> int:
    """Assert that no figure (digits, commas, a percent sign) of a pypdf page runs into the next one on its line;
    return how many neighbouring pairs were checked."""
    runs = [r for r in text_runs(page) if r[0].replace(",", "").replace("%", "").isdigit()]
    rows: dict[float, list[tuple[str, float, float, float]]] = {}
    for r in runs:
        rows.setdefault(round(r[2], 1), []).append(r)
    pairs = 0
    for row in rows.values():
        row.sort(key=lambda r: r[1])
        for a, b in zip(row, row[1:], strict=False):
            pairs += 1
            assert a[1] + a[3] + 2 <= b[1], f"{a[0]} runs into {b[0]}"
    return pairs
