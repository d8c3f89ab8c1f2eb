"""The cover's Top risk tile does not call a register of harmless risks empty (H-unseen32).

A plan with one risk of probability 0 ('Vendor slips') had its cover say 'Top risk: none, no risk in the register'
while its Schedule risk section said 'The register holds 1 risk'. The tile now says how many risks the register
holds and that none of them delays the plan, by the measure the tile ranks risks by.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from tests.report.report_helpers import analysis_of, make_report, normalise


def _plan(risks: list[dict[str, object]]) -> dict[str, object]:
    return {
        "schema_version": 1,
        "title": "Harmless register",
        "stages": [{"id": "validate", "name": "Validate"}],
        "decisions": [
            {"id": "a", "title": "Agree the value case", "stage": "validate", "duration": 3},
            {"id": "b", "title": "Decide inference", "stage": "validate", "duration": 2},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
        "risks": risks,
    }


HARMLESS = {"id": "r1", "title": "Vendor slips", "probability": 0.0, "impact": 2, "decisions": ["b"]}


@pytest.mark.parametrize("simulated", [False, True])
def test_s32b_cover_counts_a_register_of_risks_that_delay_nothing(tmp_path: Path, simulated: bool) -> None:
    analysis = analysis_of(plan_from_dict(_plan([HARMLESS])))
    sim = simulate(analysis.plan, 300, 0) if simulated else None
    report = make_report(analysis, tmp_path / "r.pdf", simulation=sim)
    cover = normalise(report.pages[0])
    assert "no risk in the register" not in cover, cover
    assert "1 risk in the register; none" in cover, cover
    assert "Vendor slips" in report.flat  # the Schedule risk section lists it


def test_s32b_cover_of_a_plan_without_risks_still_says_so(tmp_path: Path) -> None:
    analysis = analysis_of(plan_from_dict(_plan([])))
    cover = normalise(make_report(analysis, tmp_path / "r.pdf").pages[0])
    assert "no risk in the register" in cover
