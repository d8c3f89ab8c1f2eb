"""The report's "Scenarios compared" section (issue 13): sentences, the side-by-side table, delta Gantts; only with
a comparison; ``planner report --scenarios``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.cli import main
from planner.model import save_plan
from tests.report.report_helpers import make_report, normalise
from tests.test_cli_scenarios import hand_plan


@pytest.fixture
def hand(tmp_path: Path) -> Path:
    from planner.model import plan_from_dict

    path = tmp_path / "hand.plan.json"
    save_plan(plan_from_dict(hand_plan()), path)
    return path


def test_section_reads_in_sentences_with_the_table_and_delta_gantts(tmp_path: Path) -> None:
    from planner.model import plan_from_dict

    plan = plan_from_dict(hand_plan())
    result = analyze(plan)
    result.comparison = compare_scenarios(plan, ["Base", "Fast b", "Parallel c"], iterations=200)
    report = make_report(result, tmp_path / "r.pdf", sections=["summary", "comparison"])
    pages = [normalise(p) for p in report.pages]
    start = next(
        k for k, p in enumerate(pages) if "Scenarios compared" in p and "2 scenarios of this plan" in p
    )
    text = " ".join(pages[start:])
    assert "2 scenarios of this plan (“Fast b”, “Parallel c”) against “Base”" in text
    assert "Fast b brings the finish forward 2 weeks, to 15 Mar 2027, at EUR 500 more spend." in text
    assert "Parallel c brings the finish forward 4 weeks, to 1 Mar 2027; 'B' leaves the critical path" in text
    # the table: finishes with dates and deltas, the price of gating, spend, gates, peak load
    assert "wk 12 29 Mar 2027" in text and "wk 10 15 Mar 2027 −2" in text and "wk 8 1 Mar 2027 −4" in text
    assert "4 weeks (+4)" in text and "EUR 1,500 (+500)" in text
    assert (
        "What “Fast b” changes" in text
        and "'B' takes 2 weeks (was 4 weeks), costs EUR 500 (was none)" in text
    )
    assert "Validate gate" in text and "Peak load: Platform" in text and "2 of 3" in text
    # one delta Gantt per scenario, after the summary
    assert "“Fast b” against “Base”" in text and "“Parallel c” against “Base”" in text
    assert start > next(k for k, p in enumerate(pages) if "Executive summary" in p or "Summary" in p)


def test_no_comparison_no_section(tmp_path: Path) -> None:
    from planner.model import plan_from_dict

    report = make_report(
        analyze(plan_from_dict(hand_plan())), tmp_path / "r.pdf", sections=["summary", "comparison"]
    )
    assert not any("Scenarios compared" in p for p in report.pages)


def test_cli_report_scenarios(hand: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    assert (
        main(
            ["report", str(hand), "-o", str(out), "-q", "--scenarios", "Parallel c", "--sections", "summary"]
        )
        == 0
    )
    text = normalise(" ".join(p.extract_text() or "" for p in PdfReader(out).pages))
    assert "1 scenario of this plan (“Parallel c”) against “Base”" in text
    code = main(["report", str(hand), "-o", str(out), "-q", "--scenarios", "Nope"])
    err = capsys.readouterr().err
    assert code == 2 and "valid scenarios: 'Base', 'Fast b', 'Parallel c', 'Same'" in err
    # --scenario reports one scenario: its title says so
    assert (
        main(["report", str(hand), "-o", str(out), "-q", "--scenario", "Fast b", "--sections", "summary"])
        == 0
    )
    text = normalise(" ".join(p.extract_text() or "" for p in PdfReader(out).pages))
    assert "Test plan (scenario: Fast b)" in text
