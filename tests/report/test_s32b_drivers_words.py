"""The report's 'What drives the finish' names what the tornado draws, and says true things of it (H-unseen32).

On a plan whose go-live milestone carries a regulator's risk, over 2,000 runs, the report's text said 'The finish
moves most with the durations of Decide go live, Decide inference and Decide drift: firming up their estimates, or
giving them more people, narrows the range of dates most.' Two things were false: Decide drift (correlation +0.01)
is not drawn by the tornado, which leaves out what cannot be told from noise; and a milestone has no estimate to
firm up nor work for more people: only the risks on it move it.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.analysis.montecarlo import simulate
from planner.charts.risk import measured_sensitivity, sensitivity_noise
from planner.model import plan_from_dict
from tests.report.report_helpers import analysis_of, make_report, normalise

ITERATIONS = 2000


def _plan() -> dict[str, object]:
    stages = [{"id": "validate", "name": "Validate"}, {"id": "scale", "name": "Scale"}]
    three = {"optimistic": 2, "likely": 4, "pessimistic": 9}
    decisions = [
        {"id": "value", "title": "Agree the value case", "stage": "validate", "duration": 3},
        {"id": "inference", "title": "Decide inference", "stage": "validate", "duration": three},
        {
            "id": "drift",
            "title": "Decide drift",
            "stage": "scale",
            "duration": {"optimistic": 1, "likely": 2, "pessimistic": 3},
        },
        {"id": "live", "title": "Decide go live", "stage": "scale", "duration": 0, "milestone": True},
    ]
    deps = [
        {"from": "value", "to": "inference"},
        {"from": "inference", "to": "live"},
        {"from": "value", "to": "drift"},
        {"from": "drift", "to": "live"},
    ]
    risks = [
        {
            "id": "reg",
            "title": "Regulator asks for a second review",
            "probability": 0.6,
            "impact": {"optimistic": 2, "likely": 6, "pessimistic": 20},
            "decisions": ["live"],
        }
    ]
    return {
        "schema_version": 1,
        "title": "Drivers",
        "stages": stages,
        "decisions": decisions,
        "dependencies": deps,
        "risks": risks,
    }


def _drivers(text: str) -> str:
    m = re.search(r"The finish moves most with (.*? most\.(?: It moves with .*? too\.)?)", text)
    assert m, text
    return m.group(1)


def test_s32b_drivers_text_names_what_the_tornado_draws_and_no_estimate_of_a_milestone(
    tmp_path: Path,
) -> None:
    analysis = analysis_of(plan_from_dict(_plan()))
    sim = simulate(analysis.plan, ITERATIONS, 0)
    titles = {d.id: d.title for d in analysis.plan.decisions}
    drawn = {d for d, c in measured_sensitivity(sim) if c > 0}
    quiet = {d for d, c in sim.sensitivity() if abs(c) < sensitivity_noise(sim)}
    assert "drift" in quiet and "live" in drawn and "inference" in drawn  # the plan shows both cases
    report = make_report(analysis, tmp_path / "r.pdf", simulation=sim)
    said = _drivers(normalise(report.text))
    for d in quiet:
        assert titles[d] not in said, said
    for d in drawn:
        assert titles[d] in said, said
    # the milestone is moved by its risk, not by an estimate or people
    live = said.index(titles["live"])
    assert "risks on Decide go live" in said, said
    assert "durations of Decide go live" not in said, said
    assert said.index("durations of") > live  # the strongest (the milestone's risk) is said first, 'most'
