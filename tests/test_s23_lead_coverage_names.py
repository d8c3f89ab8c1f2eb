"""`planner coverage` text and JSON count the same references (H-review23's repro of 9400701): a reference written
with a line break between its words ('NIST AI RMF MAP' newline '3.2') is the subcategory MAP 3.2 for the JSON,
while the text, made from the plan with its names escaped on one line, read 'MAP\\x0a3.2', counted one fewer and
warned it malformed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_text_and_json_count_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((ROOT / "sample_plans" / "fraud-detection.plan.json").read_text(encoding="utf-8"))
    d = next(x for x in data["decisions"] if "NIST AI RMF MAP 3.2" in x.get("references", []))
    d["references"] = ["NIST AI RMF MAP\n3.2" if r == "NIST AI RMF MAP 3.2" else r for r in d["references"]]
    path = tmp_path / "cov.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["coverage", str(path), "--framework", "nist", "--format", "json"]) == 0
    covered = json.loads(capsys.readouterr().out)["frameworks"][0]["covered"]
    assert main(["coverage", str(path), "--framework", "nist"]) == 0
    text = capsys.readouterr().out
    assert f"NIST AI Risk Management Framework 1.0: {covered} of 72 covered" in text
    assert "reference-malformed" not in text
