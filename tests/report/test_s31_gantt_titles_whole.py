"""The report's Gantt gives every decision title whole, in portrait as in landscape (session 31).

A portrait page's label column (42 % of 7.3 in) cut most titles of the sample portfolio to one row
('Predictive maintenance: label failure history w…'), and 200-letter titles to a third of their length in either
orientation. A title too long for one row now takes two or more rows, drawn whole; a page never starts inside one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.model import Plan, plan_from_dict
from tests.report.report_helpers import make_report, normalise

LONG = (
    "Establish a company-wide governance framework for every generative model in production, with owners, review "
    "boards, audit trails, incident playbooks and a yearly external assessment of each high-risk use case"
)
_TF = re.compile(rb"/(\S+) ([0-9.]+) Tf")  # a text run's font and size in a content stream
TITLES = [
    "Pick the first use case",
    LONG[:200],
    "Predictive maintenance: label failure history with engineers",
    "Demand forecasting: set success metric (forecast error and stock-outs)",
    "Contract review: pilot clause review on 150 supplier contracts",
]


def _plan(n: int) -> Plan:
    data = {
        "schema_version": 1,
        "title": "Long titles",
        "start_date": "2027-01-04",
        "stages": [{"id": "s0", "name": "Validate"}, {"id": "s1", "name": "Integrate"}],
        "decisions": [
            {"id": f"d{i}", "title": f"{TITLES[i % len(TITLES)]} number {i}", "stage": f"s{2 * i // n}"}
            for i in range(n)
        ],
        "dependencies": [{"from": f"d{i}", "to": f"d{i + 1}"} for i in range(n - 1) if i % 4],
    }
    return plan_from_dict(data, "<long titles>")


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("n", [12, 90])
def test_every_title_is_whole_in_the_gantt(orientation: str, n: int, tmp_path: Path) -> None:
    a = analyze(_plan(n))
    report = make_report(a, tmp_path / "r.pdf", orientation=orientation, sections=["gantt"])
    flat = normalise(" ".join(report.pages))
    for d in a.plan.decisions:
        assert normalise(d.title) in flat, d.title
    assert "\u2026" not in flat  # nothing shortened
    sizes = [
        float(m.group(2)) for p in report.reader.pages for m in _TF.finditer(p.get_contents().get_data())
    ]
    assert sizes and min(sizes) >= 7.0 - 1e-6


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_every_title_is_whole_in_the_baseline_gantt(orientation: str, tmp_path: Path) -> None:
    from planner.analysis.baselines import make_baseline, with_baseline

    plan = _plan(60)
    first = analyze(plan)
    assert first.schedule is not None
    a = analyze(with_baseline(plan, make_baseline(first.schedule, "Q1 board", plan=plan)))
    report = make_report(a, tmp_path / "r.pdf", orientation=orientation, sections=["baseline"])
    pages = [normalise(p) for p in report.pages]
    charts = normalise(" ".join(p for p in pages if "baseline “Q1 board”" in p))
    for d in a.plan.decisions:
        assert normalise(d.title) in charts, d.title
    assert "\u2026" not in charts
    # parts name their rows as the charts' subtitles count them: each stage and decision once
    for p in pages:
        for m in re.finditer(r"part \d+ of \d+ \(rows (\d+)–(\d+) of (\d+)\)", p):
            assert int(m.group(3)) == len(a.plan.decisions) + len(a.plan.stages)
            assert f"rows {m.group(1)}–{m.group(2)} of {m.group(3)}" in p
