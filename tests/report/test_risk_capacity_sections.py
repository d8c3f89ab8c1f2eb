"""The risk, capacity and baseline sections of the report, read back with pypdf."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis.baselines import make_baseline, with_baseline
from planner.analysis.capacity import level, team_loads
from planner.analysis.montecarlo import simulate
from planner.model.plan import ThreePoint, duration_triple
from tests.report.report_helpers import Report, analysis_of, make_report, normalise, sample


@pytest.fixture(scope="module")
def bank_sim() -> tuple[Report, object]:
    analysis = analysis_of(sample("bank-assistant"))
    sim = simulate(analysis.plan, 2_000, 3)
    import tempfile

    folder = Path(tempfile.mkdtemp())
    return make_report(
        analysis, folder / "risk.pdf", sections=["summary", "risk", "capacity"], simulation=sim
    ), sim


def test_risk_section_with_a_simulation(bank_sim: tuple[Report, object]) -> None:
    report, sim = bank_sim
    text = report.flat
    assert "Schedule risk" in text
    p80 = report.analysis.plan.date_of(round(sim.percentile(80), 1))  # type: ignore[attr-defined]
    assert f"80% chance of finishing by {p80.day} {p80.strftime('%b %Y')}" in text
    assert "P80" in text and "Risk register" in text
    for risk in report.analysis.plan.risks:
        assert normalise(risk.title) in text
    outline = [o.title for o in report.reader.outline if not isinstance(o, list)]
    assert "Schedule risk" in outline and "Team capacity" in outline


def test_risk_section_without_a_simulation_says_how_to_get_one(tmp_path: Path) -> None:
    report = make_report(
        analysis_of(sample("fraud-detection")), tmp_path / "r.pdf", sections=["summary", "risk"]
    )
    assert "Schedule risk" in report.flat
    assert "Not simulated." in report.flat
    assert "planner" not in report.flat.replace("Scaling Roadmap Planner", ""), "no command-line text"
    # Without a simulation the register is ranked by expected delay (probability x mean delay).
    assert "Risk register" in report.flat and "Expected delay" in report.flat


def test_capacity_section_names_the_teams_over_capacity_and_the_levelled_finish(
    bank_sim: tuple[Report, object],
) -> None:
    report, _ = bank_sim
    a = report.analysis
    over = [tl.name for tl in team_loads(a.plan, a.schedule.es, a.schedule.ef) if tl.over()]
    assert over
    text = report.flat
    assert "Team capacity" in text and "When teams are over capacity" in text
    for name in over:
        assert name in text
    assert a.schedule is not None
    lv = level(a.plan, a.schedule)
    d = a.plan.date_of(round(lv.finish, 1))
    assert f"levelled finish is {d.day} {d.strftime('%b %Y')}" in text
    assert "What levelling delays" in text


def test_baseline_section_only_with_a_baseline(tmp_path: Path) -> None:
    plan = sample("bank-assistant")
    none = make_report(analysis_of(plan), tmp_path / "n.pdf", sections=["summary", "baseline"])
    assert "Baseline variance" not in none.flat

    schedule = analysis_of(plan).schedule
    assert schedule is not None
    plan = with_baseline(plan, make_baseline(schedule, "Board approval", created=dt.datetime(2027, 2, 15)))
    d = next(d for d in plan.decisions if d.id == "model-validation")
    o, lk, pe = duration_triple(d.duration)
    d.duration = ThreePoint(optimistic=o + 3, likely=lk + 3, pessimistic=pe + 3)
    report = make_report(analysis_of(plan), tmp_path / "b.pdf", sections=["summary", "baseline"])
    text = report.flat
    assert "Baseline variance" in text and "Board approval" in text
    assert "slipped by 3 weeks" in text
    assert "Decisions that slipped" in text and "Independent model-risk validation of the assistant" in text
    assert "The schedule against the baseline" in text


def test_new_sections_keep_text_at_7_points_or_more(bank_sim: tuple[Report, object]) -> None:
    import re

    report, _ = bank_sim
    sizes = []
    for page in report.reader.pages:
        sizes += [
            float(m.group(1)) for m in re.finditer(rb"/\S+ ([0-9.]+) Tf", page.get_contents().get_data())
        ]
    assert sizes and min(sizes) >= 7.0 - 1e-6
    # Chart pages are vectors: no images.
    for page in report.reader.pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
