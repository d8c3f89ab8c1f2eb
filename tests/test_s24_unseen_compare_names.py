"""``compare --scenarios`` refuses two names that pick the same scenario, whatever their spelling (H-unseen24).

Before: 'Base,Base' was refused ("names a scenario twice", without the file), but 'Base,base' -- both the base
plan, as --scenario reads them -- compared the base against itself as if they were two scenarios, and so did a
scenario's name typed in two Unicode forms. Now a name counts as what it picks (model.scenarios.resolve's rule), and
the message names the file and the two names.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_s18_unseen_one_truth import run

NFD, NFC = "Cafe\u0301 plan", "Caf\u00e9 plan"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    data = {
        "schema_version": 1,
        "title": "Names",
        "stages": [{"id": "s", "name": "S"}],
        "decisions": [{"id": "a", "title": "A", "stage": "s", "duration": 2}],
        "scenarios": [{"name": NFD, "decisions": {"a": {"duration": 1}}}],
    }
    path = tmp_path / "c.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("names", "words"),
    [
        ("Base,base", "'Base' and 'base' are the same scenario; name each once"),
        (f"{NFD},{NFC}", f"'{NFD}' and '{NFC}' are the same scenario; name each once"),
        ("Base,Base", "'Base' is named twice; name each scenario once"),
    ],
)
def test_two_names_of_one_scenario_are_refused(plan: Path, names: str, words: str) -> None:
    rc, out, err = run(["compare", str(plan), "-n", "0", "--scenarios", names])
    assert (rc, out) == (2, "")
    assert err == f"planner: {plan}: --scenarios: {words}\n"


def test_the_base_and_a_scenario_still_compare(plan: Path) -> None:
    rc, out, err = run(["compare", str(plan), "-n", "0", "--scenarios", f"base,{NFC}", "--format", "json"])
    assert rc == 0, err
    # by hand: the base's a takes 2 weeks, the scenario's 1
    assert [r["finish"] for r in json.loads(out)["scenarios"]] == [2.0, 1.0]
