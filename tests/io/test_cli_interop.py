"""``planner import`` and the data formats of ``planner export``: exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from tests.conftest import REPO_ROOT

SAMPLE = REPO_ROOT / "sample_plans" / "fraud-detection.plan.json"


@pytest.mark.parametrize("suffix", [".xml", ".gan", ".csv", ".xlsx", ".tjp", ".mmd", ".dot"])
def test_export_every_format(tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"plan{suffix}"
    assert main(["export", str(SAMPLE), "-o", str(out)]) == 0
    assert out.stat().st_size > 200
    assert "41 decisions" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".xml", ".gan", ".csv", ".xlsx"])
def test_export_then_import(tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"plan{suffix}"
    assert main(["export", str(SAMPLE), "-o", str(out)]) == 0
    target = tmp_path / "back.plan.json"
    assert main(["import", str(out), "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "Imported 41 decisions" in err and f"Wrote {target}" in err
    assert main(["check", str(target)]) == 0


def test_import_errors_are_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "missing.xml"), "-o", str(tmp_path / "x.plan.json")]) == 2
    assert capsys.readouterr().err.strip().endswith("missing.xml: no such file")
    odd = tmp_path / "plan.odt"
    odd.write_text("x", encoding="utf-8")
    assert main(["import", str(odd), "-o", str(tmp_path / "x.plan.json")]) == 2
    assert "give --format" in capsys.readouterr().err
    existing = tmp_path / "exists.plan.json"
    existing.write_text("{}", encoding="utf-8")
    csv = tmp_path / "a.csv"
    csv.write_text("title\nA\n", encoding="utf-8")
    assert main(["import", str(csv), "-o", str(existing)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["import", str(csv), "--format", "csv", "-o", str(existing), "--force"]) == 0


def test_chart_options_refused_for_data_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "x.xml"), "--gated"]) == 2
    assert "apply to chart exports" in capsys.readouterr().err
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "x.xml"), "--bom"]) == 2
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "x.csv"), "--bom"]) == 0
    assert (tmp_path / "x.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
