"""An export (planner export -o plan.xml, the app's File > Export As...) onto a full disk said 'cannot write: No space
left on device' (H-guirt29 noticed it beside Save's new wording): it now says the disk is full and what to do, in
the words Save and Export Report use (planner.model.io.disk_full_text, the one table of them), and the old file
stays whole."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from planner.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "sample_plans" / "fraud-detection.plan.json"


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "no space left"), (errno.EDQUOT, "quota")])
@pytest.mark.parametrize("suffix", [".xml", ".csv", ".gan"])
def test_an_export_onto_a_full_disk_says_so(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
    words: str,
    suffix: str,
) -> None:
    out = tmp_path / f"plan{suffix}"
    out.write_bytes(b"the export before\n")

    def full(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", full)
    assert main(["export", str(SAMPLE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "cannot write: the disk is full" in err and words in err, err
    assert "free some space and export again, or export to another disk" in err, err
    assert out.read_bytes() == b"the export before\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


def test_a_report_onto_a_full_disk_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"%PDF the report before\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert main(["report", str(SAMPLE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "cannot write: the disk is full (no space left on device); free some space" in err, err
    assert out.read_bytes() == b"%PDF the report before\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
