"""The report's board layer and the defects of issue 8: one-page cover with a contents list whose page numbers are
right, a one-page summary, literal '&', the 7 pt floor in every paper and orientation, -q silent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis.montecarlo import simulate
from planner.cli import main
from planner.model import plan_from_dict
from planner.report import build_report
from tests.report.report_helpers import SAMPLES, analysis_of, make_report, normalise, sample

_TF = re.compile(rb"/(\S+) ([0-9.]+) Tf")


def _sizes(reader: PdfReader) -> list[float]:
    out: list[float] = []
    for page in reader.pages:
        out += [float(m.group(2)) for m in _TF.finditer(page.get_contents().get_data())]
    return out


def _hostile_plan() -> object:
    """Names with markup characters and a very long title and description."""
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "R&D <pilot> & scale " * 40,
            "description": "Budget & scope <b>not</b> " * 60,
            "start_date": "2027-01-04",
            "stages": [
                {"id": "s1", "name": "Build & test", "gate_criteria": [{"text": "A & B <ok>", "met": True}]},
                {"id": "s2", "name": "Run <live>"},
            ],
            "areas": [{"id": "a", "name": "Data & AI", "color": "#4C72B0"}],
            "teams": [{"id": "t", "name": "Data & streaming <core>", "capacity": 1}],
            "decisions": [
                {
                    "id": "x",
                    "title": "Pick A & B <now>",
                    "stage": "s1",
                    "area": "a",
                    "owner": "t",
                    "duration": 2,
                    "headcount": 2,
                },
                {"id": "y", "title": "Ship & learn", "stage": "s2", "area": "a", "owner": "t", "duration": 1},
            ],
            "dependencies": [{"from": "x", "to": "y"}],
            "risks": [
                {
                    "id": "r",
                    "title": "Vendor & legal <delay>",
                    "probability": 0.5,
                    "impact": 2,
                    "decisions": ["x"],
                    "mitigation": "Talk & agree",
                }
            ],
        }
    )


@pytest.mark.parametrize(("paper", "orientation"), [("a4", "portrait"), ("letter", "landscape")])
def test_markup_is_literal_and_no_text_is_under_7_points(
    paper: str, orientation: str, tmp_path: Path
) -> None:
    a = analysis_of(_hostile_plan())  # type: ignore[arg-type]
    r = make_report(a, tmp_path / "r.pdf", paper=paper, orientation=orientation)
    assert "&amp;" not in r.flat and "&lt;" not in r.flat and "&gt;" not in r.flat
    assert "Data & streaming <core>" in r.flat and "Pick A & B <now>" in r.flat
    sizes = _sizes(r.reader)
    assert sizes and min(sizes) >= 7.0 - 1e-6


@pytest.mark.parametrize(
    ("paper", "orientation"),
    [("a4", "portrait"), ("letter", "landscape"), ("letter", "portrait"), ("a4", "landscape")],
)
def test_cover_and_summary_are_one_page_each(paper: str, orientation: str, tmp_path: Path) -> None:
    plan = sample("fraud-detection")
    a = analysis_of(plan)
    sim = simulate(plan, 1000, 2)
    r = make_report(
        a,
        tmp_path / "r.pdf",
        paper=paper,
        orientation=orientation,
        simulation=sim,
        sections=["cover", "summary", "gantt"],
    )
    cover, summary, after = (normalise(t) for t in r.pages[:3])
    assert "Contents" in cover and "Executive summary" in cover
    assert "Executive summary" in summary and "Key dates" in summary, (
        "the summary, key dates included, on one page"
    )
    assert "Gantt chart" in after, "the next section starts on the third page"
    assert min(_sizes(r.reader)) >= 7.0 - 1e-6


def test_contents_page_numbers_are_where_the_sections_start(tmp_path: Path) -> None:
    r = make_report(analysis_of(sample("bank-assistant")), tmp_path / "r.pdf")
    cover = r.pages[0]
    entries = re.findall(r"^(\S.*?)\s+(\d+)$", cover.split("Contents", 1)[1], flags=re.M)
    assert len(entries) >= 8
    for title, page in entries:
        text = normalise(r.pages[int(page) - 1])
        assert title.strip() in text, (title, page)
    # ... and each row links to its section (a link annotation per entry).
    annots = r.reader.pages[0].get("/Annots")
    assert annots is not None and len(annots) >= len(entries)


def test_without_a_simulation_the_report_says_so_plainly(tmp_path: Path) -> None:
    r = make_report(analysis_of(sample("fraud-detection")), tmp_path / "r.pdf")
    assert "Not simulated" in normalise(r.pages[0])
    assert "--simulate" not in r.flat and "planner report" not in r.flat


def test_quiet_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    assert (
        main(
            [
                "report",
                str(SAMPLES / "insights-assistant.plan.json"),
                "-o",
                str(out),
                "-q",
                "--sections",
                "cover,summary",
            ]
        )
        == 0
    )
    assert capsys.readouterr() == ("", "")
    assert out.is_file()


@pytest.mark.parametrize(
    ("name", "budget", "paper", "orientation"),
    [
        ("ai-portfolio", 40, "a4", "landscape"),
        ("fraud-detection", 16, "a4", "landscape"),
        ("fraud-detection", 16, "a4", "portrait"),
        ("fraud-detection", 16, "letter", "landscape"),
    ],
)
def test_page_budget_with_a_simulation(
    name: str, budget: int, paper: str, orientation: str, tmp_path: Path
) -> None:
    # Issue 8: <= 40 pages for the portfolio and <= 16 for fraud detection, with a simulation.
    plan = sample(name)
    out = tmp_path / "r.pdf"
    # Only the pages are counted: their text is not read (reading 40 pages took as long as writing them).
    build_report(
        analysis_of(plan), out, simulation=simulate(plan, 1000, 1), paper=paper, orientation=orientation
    )
    assert len(PdfReader(out).pages) <= budget


def test_no_table_header_repeats_in_the_middle_of_a_page(tmp_path: Path) -> None:
    # Issue 8: a long table's header row is repeated at the top of each page it runs onto, never mid-page.
    r = make_report(analysis_of(sample("ai-portfolio")), tmp_path / "a.pdf", sections=["appendix"])
    for k, text in enumerate(r.pages):
        heads = text.count("Decision\nStage\nOwner")
        assert heads <= 1, f"page {k + 1} repeats the appendix header {heads} times"


def test_a_header_word_is_never_broken_inside(tmp_path: Path) -> None:
    # Issue 8: on a narrow page the appendix's "Float" and "Critical" columns were narrower than their header word,
    # which wrapped inside it ("Floa" / "t"); a column is at least its header's longest word.
    r = make_report(
        analysis_of(sample("fraud-detection")),
        tmp_path / "p.pdf",
        paper="letter",
        orientation="portrait",
        sections=["appendix"],
    )
    lines = {line.strip() for text in r.pages for line in text.splitlines()}
    assert "Float" in lines and "Critical" in lines
    assert not {"Floa", "Critic", "t", "al"} & lines


def test_a_report_with_a_status_date_keeps_every_text_at_7pt(tmp_path: Path) -> None:
    # The status-date label on the compact stage timeline was scaled to 6.6 pt; the 7 pt floor holds in every view.
    import json

    data = json.loads((SAMPLES / "fraud-detection.plan.json").read_text())
    data["status_date"] = "2027-05-01"
    r = make_report(analysis_of(plan_from_dict(data)), tmp_path / "s.pdf")
    sizes = [
        float(m.group(1))
        for page in r.reader.pages
        for m in re.finditer(rb"/\S+ ([0-9.]+) Tf", page.get_contents().get_data())
    ]
    assert "status 1 May" in r.flat or "1 May 2027" in r.flat
    assert min(sizes) >= 7.0 - 1e-6
