"""``planner report``: exit codes 0 / 1 / 2 and what it writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.cli import main
from tests.report.report_helpers import SAMPLES

SMALL = str(SAMPLES / "insights-assistant.plan.json")


def test_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", SMALL, "-o", str(out), "--paper", "letter", "--sections", "cover, summary"]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    assert round(float(reader.pages[0].mediabox.width)) == 792  # landscape by default
    err = capsys.readouterr().err
    assert "Wrote" in err and "100%" in err


def test_simulate_adds_p_dates(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    assert (
        main(
            [
                "report",
                SMALL,
                "-o",
                str(out),
                "--sections",
                "cover",
                "--simulate",
                "--iterations",
                "300",
                "-q",
            ]
        )
        == 0
    )
    cover = PdfReader(out).pages[0].extract_text()
    assert "80% confident by (P80)" in cover and "P50 " in cover


def test_plan_with_errors_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = json.loads(Path(SMALL).read_text())
    first, second = plan["decisions"][0]["id"], plan["decisions"][1]["id"]
    plan["dependencies"].append({"from": second, "to": first})
    plan["dependencies"].append({"from": first, "to": second})
    bad = tmp_path / "bad.plan.json"
    bad.write_text(json.dumps(plan))
    out = tmp_path / "r.pdf"
    assert main(["report", str(bad), "-o", str(out)]) == 1
    assert "cycle" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("case", ["unreadable", "missing-folder", "folder", "not-pdf", "bad-section"])
def test_misuse_exits_2(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = {
        "unreadable": [str(tmp_path / "nope.plan.json"), "-o", str(tmp_path / "r.pdf")],
        "missing-folder": [SMALL, "-o", str(tmp_path / "no" / "r.pdf")],
        "folder": [SMALL, "-o", str(tmp_path)],
        "not-pdf": [SMALL, "-o", str(tmp_path / "r.png")],
        "bad-section": [SMALL, "-o", str(tmp_path / "r.pdf"), "--sections", "cover,charts"],
    }[case]
    assert main(["report", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("planner: ") and "Traceback" not in err
    assert not (tmp_path / "r.pdf").exists()
