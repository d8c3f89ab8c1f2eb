"""The app writes counts as every output does (planner.units.count): '1 error to fix', not '1 error(s) to fix'."""

from __future__ import annotations

import json
from pathlib import Path

from planner.units import count


def test_count_is_singular_for_one() -> None:
    assert [count(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert count(1, "dependency", "dependencies") == "1 dependency"
    assert count(3, "dependency", "dependencies") == "3 dependencies"


def test_opening_a_plan_with_one_error_says_one_error(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "one-error.plan.json"
    assert window.doc is not None
    plan = json.loads(
        (Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json").read_text()
    )
    first, second = plan["decisions"][0]["id"], plan["decisions"][1]["id"]
    plan["dependencies"] += [
        {"from": first, "to": second},
        {"from": second, "to": first},
    ]  # a cycle: one error
    path.write_text(json.dumps(plan), encoding="utf-8")
    window.open_file(path)
    window.doc.wait_for_analysis()
    qtbot.waitUntil(lambda: "to fix" in window.status.currentMessage(), timeout=5000)
    message = window.status.currentMessage()
    n = len(window.doc.analysis.errors)
    assert f": {count(n, 'error')} to fix, see Findings" in message
    assert "(s)" not in message
