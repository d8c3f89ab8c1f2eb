"""Scenario names that look alike are one name, whatever their Unicode form (H-unseen23).

Before: a plan whose scenario is called 'Café plan' with the accent as a combining mark (NFD, as text pasted from
a file written on macOS holds it) refused ``--scenario 'Café plan'`` typed on a keyboard (NFC): "no scenario called
'Café plan' ...; valid scenarios: 'Base', 'Café plan'", the same name to the eye; and two scenarios so named were
not warned of, though --scenario and the outputs cannot tell them apart. Now names compare in NFC
(planner.model.scenarios.name_key): --scenario and --scenarios find the scenario, and the pair is a
``duplicate-scenario`` warning.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_s18_unseen_one_truth import run

NFD, NFC = "Cafe\u0301 plan", "Caf\u00e9 plan"


def _plan(tmp_path: Path, names: list[str]) -> str:
    data = {
        "schema_version": 1,
        "title": "Names",
        "stages": [{"id": "s", "name": "S"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "s", "duration": 2},
            {"id": "b", "title": "B", "stage": "s", "duration": 3},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
        "scenarios": [{"name": n, "decisions": {"b": {"duration": 1 + k}}} for k, n in enumerate(names)],
    }
    path = tmp_path / "n.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_name_typed_in_another_unicode_form_finds_the_scenario(tmp_path: Path) -> None:
    p = _plan(tmp_path, [NFD])
    # by hand: a 0-2, the scenario's b takes 1 week: 2-3
    for name in (NFD, NFC):
        rc, out, err = run(["analyze", p, "--scenario", name, "--format", "json"])
        assert rc == 0, err
        assert json.loads(out)["finish"] == 3.0
    rc, out, err = run(["compare", p, "-n", "0", "--scenarios", f"Base,{NFC}", "--format", "json"])
    assert rc == 0, err
    assert [x["finish"] for x in json.loads(out)["scenarios"]] == [5.0, 3.0]


def test_two_names_alike_to_the_eye_are_a_duplicate(tmp_path: Path) -> None:
    p = _plan(tmp_path, [NFD, NFC])
    rc, out, err = run(["check", p, "--format", "json"])
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert codes.count("duplicate-scenario") == 1
    # the first is the one used, as the warning says and as with two names spelled byte for byte alike: its b
    # takes 1 week, finish 3 (the second's b 2 weeks: 4), however the name is typed
    for name in (NFC, NFD):
        rc, out, err = run(["analyze", p, "--scenario", name, "--format", "json"])
        assert rc == 0 and json.loads(out)["finish"] == 3.0
