"""The builder's contract: options, pluggable sections, P-dates, progress and cancel, atomic writes, errors."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import units
from planner.report import (
    ReportCancelled,
    ReportError,
    Section,
    all_sections,
    available_sections,
    build_report,
    register_section,
)
from planner.report.sections import unregister_section
from tests.report.report_helpers import analysis_of, generated_plan, make_report, normalise, sample


@pytest.fixture(scope="module")
def small() -> Any:
    return analysis_of(sample("insights-assistant"))


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_sections_subset_in_report_order(small: Any, tmp_path: Path) -> None:
    r = make_report(small, tmp_path / "r.pdf", sections=["findings", "summary"])
    flat = r.flat
    assert flat.index("Executive summary") < flat.index("Findings")
    assert "Gantt chart" not in flat and "Appendix" not in flat
    assert [o.title for o in r.reader.outline] == ["Executive summary", "Findings"]


def test_unknown_section_is_refused(small: Any, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="unknown report section 'nope'"):
        build_report(small, tmp_path / "r.pdf", sections=["summary", "nope"])
    assert _leftovers(tmp_path) == []


def test_paper_and_orientation(small: Any, tmp_path: Path) -> None:
    build_report(small, tmp_path / "r.pdf", paper="letter", orientation="landscape", sections=["summary"])
    box = PdfReader(tmp_path / "r.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    for orientation, size in (("portrait", (595, 842)), ("landscape", (842, 595)), (None, (842, 595))):
        extra: dict[str, Any] = {} if orientation is None else {"orientation": orientation}
        build_report(
            small, tmp_path / "r.pdf", paper="a4", sections=["cover", "summary", "gantt", "graph"], **extra
        )
        sizes = {
            (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in PdfReader(tmp_path / "r.pdf").pages
        }
        assert sizes == {size}, "one orientation per report (issue 8), landscape by default"
    with pytest.raises(ReportError, match="paper"):
        build_report(small, tmp_path / "r.pdf", paper="a5")


def test_registered_section_is_built(small: Any, tmp_path: Path) -> None:
    def build(ctx: Any) -> list[Any]:
        if ctx.simulation is None:
            return [ctx.heading("Schedule risk"), ctx.p("No simulation was run for this report.")]
        return [ctx.heading("Schedule risk"), ctx.p(f"P80 is week {ctx.simulation.percentile(80):g}.")]

    register_section(Section("risk-test", "Schedule risk", build, 74, description="test section"))
    try:
        assert "risk-test" in [name for name, _, _ in available_sections()]
        r = make_report(small, tmp_path / "r.pdf", sections=["critical-path", "risk-test", "findings"])
        flat = r.flat
        assert flat.index("Critical path") < flat.index("Schedule risk") < flat.index("Findings")
        assert "No simulation was run" in flat
    finally:
        unregister_section("risk-test")
    assert "risk-test" not in [s.name for s in all_sections()]


class FakeSimulation:
    iterations = 5000

    def percentile(self, q: float) -> float:
        return {50: 30.0, 80: 33.5}[int(q)]


def test_simulation_puts_p_dates_on_the_cover_and_summary(small: Any, tmp_path: Path) -> None:
    r = make_report(small, tmp_path / "r.pdf", sections=["cover", "summary"], simulation=FakeSimulation())
    cover = normalise(r.pages[0])
    plan = small.plan
    p50, p80 = (units.format_date(plan.date_of(w)) for w in (30.0, 33.5))
    assert "80% confident by (P80)" in cover and p80 in cover and f"P50 {p50}" in cover
    assert "(P50)" in r.flat and "(P80)" in r.flat and "5,000 runs" in r.flat


def test_real_simulation_result(small: Any, tmp_path: Path) -> None:
    from planner.analysis.montecarlo import simulate

    sim = simulate(small.plan, 500, 1)
    r = make_report(small, tmp_path / "r.pdf", sections=["cover"], simulation=sim)
    cover = normalise(r.pages[0])
    assert units.format_date(small.plan.date_of(sim.percentile(80))) in cover
    assert f"P50 {units.format_date(small.plan.date_of(sim.percentile(50)))}" in cover


def test_progress_goes_from_0_to_1(small: Any, tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []

    def progress(f: float, m: str) -> bool:
        seen.append((f, m))
        return True

    build_report(small, tmp_path / "r.pdf", sections=["summary", "gantt", "appendix"], progress=progress)
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in fractions)
    assert fractions == sorted(fractions), "progress never goes back"
    assert len(seen) > 5 and all(m for _, m in seen)


@pytest.mark.parametrize("stop_after", [1, 5, 30])
def test_cancel_leaves_no_file(small: Any, tmp_path: Path, stop_after: int) -> None:
    calls = []

    def progress(f: float, m: str) -> bool:
        calls.append(f)
        return len(calls) < stop_after

    with pytest.raises(ReportCancelled):
        build_report(small, tmp_path / "r.pdf", progress=progress)
    assert _leftovers(tmp_path) == []


def test_cancel_keeps_the_previous_report(small: Any, tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"%PDF-old")
    with pytest.raises(ReportCancelled):
        build_report(small, target, progress=lambda f, m: f < 0.5)
    assert target.read_bytes() == b"%PDF-old"
    assert _leftovers(tmp_path) == ["r.pdf"]


def test_an_error_in_a_section_leaves_no_file(small: Any, tmp_path: Path) -> None:
    def broken(ctx: Any) -> list[Any]:
        raise RuntimeError("boom")

    register_section(Section("broken-test", "Broken", broken, 85))
    try:
        with pytest.raises(RuntimeError, match="boom"):
            build_report(small, tmp_path / "r.pdf", sections=["summary", "broken-test"])
    finally:
        unregister_section("broken-test")
    assert _leftovers(tmp_path) == []


def test_success_writes_an_ordinary_file_and_nothing_else(small: Any, tmp_path: Path) -> None:
    out = build_report(small, tmp_path / "r.pdf", sections=["summary"])
    assert out == tmp_path / "r.pdf"
    assert _leftovers(tmp_path) == ["r.pdf"]
    umask = os.umask(0)
    os.umask(umask)
    assert (out.stat().st_mode & 0o777) == (0o666 & ~umask)


def test_unwritable_destinations(small: Any, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        build_report(small, tmp_path / "missing" / "r.pdf")
    with pytest.raises(ReportError, match="is a folder"):
        build_report(small, tmp_path)


def test_plan_with_errors_is_refused(make_plan: Any, tmp_path: Path) -> None:
    plan = make_plan([{"id": "a"}, {"id": "b"}], [("a", "b"), ("b", "a")])
    result = analyze(plan)
    assert not result.ok
    with pytest.raises(ReportError, match="error"):
        build_report(result, tmp_path / "r.pdf")
    assert _leftovers(tmp_path) == []


def test_empty_plan(make_plan: Any, tmp_path: Path) -> None:
    r = make_report(analyze(make_plan([])), tmp_path / "r.pdf")
    assert "no decisions" in r.flat.lower()
    # An honest short report: the cover and the summary with the stages; no empty charts or tables.
    assert len(r.reader.pages) == 2
    for absent in ("Gantt chart", "Dependency graph", "Critical path", "Appendix", "Team capacity"):
        assert absent not in r.flat


def test_landscape_report_of_a_generated_plan(tmp_path: Path) -> None:
    r = make_report(
        analysis_of(generated_plan(60, seed=3)), tmp_path / "r.pdf", paper="letter", orientation="landscape"
    )
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in r.reader.pages}
    assert sizes == {(792, 612)}
    for d in r.analysis.plan.decisions:
        assert normalise(d.title) in r.flat
