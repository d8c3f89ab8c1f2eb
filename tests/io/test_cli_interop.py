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
    err = capsys.readouterr().err.strip()
    assert "missing.xml: no such file; check the name and the folder" in err and len(err.splitlines()) == 1
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


@pytest.mark.parametrize(
    ("suffix", "written"), [(".tjp", False), (".xml", False), (".gan", False), (".csv", True)]
)
def test_a_plan_with_a_cycle_is_not_exported_to_a_tool_that_schedules_it(
    tmp_path: Path, suffix: str, written: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """tj3 aborts on the loop ('Dependency loop detected'), and MS Project and GanttProject refuse circular links:
    the export said 'Wrote' with exit 0. A table still carries the plan as it is, so it can be fixed elsewhere."""
    from planner.model import save_plan
    from tests.conftest import build_plan

    plan = build_plan([{"id": "a", "duration": 1}, {"id": "b", "duration": 2}], [("a", "b"), ("b", "a")])
    src = tmp_path / "loop.plan.json"
    save_plan(plan, src)
    out = tmp_path / f"loop{suffix}"
    code = main(["export", str(src), "-o", str(out)])
    err = capsys.readouterr().err
    assert out.exists() is written
    if written:
        assert code == 0
    else:
        assert code == 1 and "not exported: Dependency cycle: a -> b -> a" in err and "Traceback" not in err
        assert "break it (planner check lists it), or export to .csv" in err
