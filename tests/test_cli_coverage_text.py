"""`planner coverage`'s text reads on an 80-column terminal and says what each item asks: NIST subcategory and
ISO control rows showed their group ("GOVERN 1.2   GOVERN 1") rather than what the item is, and the list of items
not cited ended in "...."."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis.coverage import _coverage_row, load_catalogue
from planner.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "sample_plans"


def _text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(["coverage", *argv])
    return capsys.readouterr().out


@pytest.mark.parametrize("name", ["bank-assistant", "fraud-detection"])
def test_every_line_fits_80_columns_and_rows_say_what_the_item_asks(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text = _text(capsys, str(SAMPLES / f"{name}.plan.json"), "--role", "provider", "--tier", "high-risk")
    table = text.split("\nFindings\n", 1)[0]  # findings are one a line, as `planner check` writes them
    assert max(len(line) for line in table.splitlines()) <= 80
    nist = load_catalogue("nist")
    summary = next(i.summary for i in nist.items if i.id == "GOVERN 1.7")
    row = next(line for line in text.splitlines() if " GOVERN 1.7 " in line)
    assert row.split("GOVERN 1.7", 1)[1].strip().startswith(summary[:20])  # not its group, "GOVERN 1"
    assert "...." not in text
    assert "more." in text  # "not cited: ..., MAP 1.3 and 30 more."


def test_a_row_keeps_the_dates_aligned_and_uses_the_room_it_has() -> None:
    obligation = _coverage_row(
        "MISSING", "Art. 13", "Transparency and instructions for use", "", "applies 2 Aug 2026"
    )
    assert obligation == ["  MISSING Art. 13      Transparency and instructions\u2026 applies 2 Aug 2026"]
    alone = _coverage_row("-", "GOVERN 1.7", "AI systems can be decommissioned and phased out safely.", "")
    assert alone == ["  -       GOVERN 1.7   AI systems can be decommissioned and phased out safely."]
    beside = _coverage_row(
        "ok", "GOVERN 1.6", "An inventory of AI systems is kept, resourced by risk priority.", "ai-policy"
    )
    assert len(beside) == 1 and len(beside[0]) == 80 and beside[0].endswith(" ai-policy")
    assert "An inventory of AI systems is kept" in beside[0] and "\u2026" in beside[0]


def test_coverage_of_a_scenario_and_at_a_status_date(capsys: pytest.CaptureFixture[str]) -> None:
    """`planner coverage --scenario NAME --status-date W`, as analyze and simulate take them: the scenario's own
    decisions and schedule (here: one more decision) and an unknown name refused with the valid ones (exit 2)."""
    import json

    path = str(SAMPLES / "fraud-detection.plan.json")
    assert main(["coverage", path, "--format", "json"]) == 0
    base = json.loads(capsys.readouterr().out)
    assert main(["coverage", path, "--format", "json", "--scenario", "Buy the feature store"]) == 0
    scenario = json.loads(capsys.readouterr().out)
    assert scenario["title"].endswith("(scenario: Buy the feature store)")
    assert base["title"] != scenario["title"]
    assert main(["coverage", path, "--status-date", "4", "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["coverage", path, "--scenario", "nope"]) == 2
    assert "valid scenarios: 'Base'" in capsys.readouterr().err
