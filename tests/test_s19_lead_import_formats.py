"""`planner import --format` offers every format the readers know (it lacked ods: an .ods spreadsheet under
another suffix could not be named), and each choice reads its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.commands.interop import FORMAT_CHOICES
from planner.io import IMPORT_FORMATS

DATA = Path(__file__).parent / "io" / "data"


def test_the_choices_are_the_readers_formats() -> None:
    assert sorted(FORMAT_CHOICES) == sorted(IMPORT_FORMATS)


def test_an_ods_under_another_suffix_reads_with_format_ods(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ods = next(DATA.rglob("*.ods"))
    src = tmp_path / "export.dat"
    src.write_bytes(ods.read_bytes())
    out = tmp_path / "out.plan.json"
    assert main(["import", str(src), "--format", "ods", "-o", str(out)]) == 0
    assert "OpenDocument spreadsheet" in capsys.readouterr().err
    assert out.exists()
