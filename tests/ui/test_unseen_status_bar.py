"""One truth on plans we have not seen (H-unseen), the app's side: for unusual but valid generated plans the status
bar gives the finish, the gated finish with the price of gates, and the critical count exactly as the CLI prints
them (tests/test_unseen_one_truth.py checks the CLI, JSON, simulation and report against the same analysis)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.cli import main
from planner.model import load_plan, units
from tests.unseen_plans import random_plan, shape

SHAPES = [
    "empty",
    "empty-no-date",
    "one-decision",
    "only-milestones",
    "links-and-lags",
    "zero-durations",
    "leap-day",
    "new-years-eve",
    "weeks-only",
    "status-before",
    "status-middle",
    "status-after",
    "all-done",
    "stages-without-decisions",
    "scripts",
]


def _line(text: str, label: str) -> str:
    return next(x for x in text.splitlines() if x.startswith(label))[len(label) :].strip()


@pytest.mark.parametrize("name", [*SHAPES, "random-3", "random-17", "random-2029"])
def test_status_bar_says_what_the_cli_says(
    name: str, qtbot, window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = random_plan(int(name.split("-")[1]), 12) if name.startswith("random-") else shape(name)
    path = tmp_path / f"{name}.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    plan = load_plan(path)
    a = analyze(plan)
    assert a.schedule is not None and a.stages is not None
    start = plan.start_date

    assert main(["analyze", str(path)]) == 0
    text = capsys.readouterr().out

    assert window.open_file(path)
    window.doc.analyze_now()
    bar = window.status
    finish = units.format_when(start, a.schedule.finish)
    gated = units.format_when(start, a.stages.gated_finish)
    assert _line(text, "Finish (rolling stages):") == finish
    assert bar.finish.text() == f"Finish: {finish}"
    assert _line(text, "Finish (strict gates):") == gated
    assert bar.gated.text().startswith(f"Gated: {gated} (")
    price = a.stages.gating_price
    if price:
        assert f"(+{units.format_weeks(price)} w" in bar.gated.text()
        assert _line(text, "Price of strict gates:") == units.plural_weeks(price)
    else:
        assert bar.gated.text().endswith("(no cost)")
    n = int(a.schedule.critical.sum())
    assert _line(text, "Critical decisions:") == f"{n} of {len(plan.decisions)}"
    assert bar.critical.text() == f"Critical: {n} of {len(plan.decisions)}"
