"""The report writes a name with a control character as the command line does (``units.one_line``: its escape,
``\\x1b``), through the one rule (``planner.model.names.one_line_names``). Before, an ESC in the plan's title was
drawn as a box on the cover, with a note asking the user to install a font for U+001B (H-review23)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_control_characters_in_names_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((ROOT / "sample_plans" / "fraud-detection.plan.json").read_text(encoding="utf-8"))
    data["title"] = "Fraud\x1b[31m detection\tplan"
    path = tmp_path / "ctl.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    pdf = tmp_path / "ctl.pdf"
    assert main(["report", str(path), "-o", str(pdf), "--sections", "cover,summary"]) == 0
    assert main(["analyze", str(path)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    text = "\n".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages)
    assert first == "Fraud\\x1b[31m detection\\x09plan"
    assert first in text  # the cover and the page headers say what the command line says
    assert "\x1b" not in text and "U+001B" not in text and "show as boxes" not in text
