"""A load error gives the value the file has and what a pattern means, so the author can find and fix the typo:
"at dependencies[0].lag: Input should be a valid number" did not say the file had "2w", and an id's error quoted a
regular expression."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.model import PlanLoadError, load_plan


def _plan(**overrides: Any) -> dict[str, Any]:
    plan: dict[str, Any] = {
        "schema_version": 1,
        "title": "Broken plan",
        "stages": [{"id": "validate", "name": "Validate"}],
        "decisions": [
            {"id": "a", "title": "Alpha", "stage": "validate", "duration": 2},
            {"id": "b", "title": "Beta", "stage": "validate", "duration": 1},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
    }
    plan.update(overrides)
    return plan


def _error(tmp_path: Path, data: dict[str, Any]) -> str:
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    return str(info.value)


@pytest.mark.parametrize(
    ("overrides", "says"),
    [
        (
            {"dependencies": [{"from": "a", "to": "b", "lag": "2w"}]},
            'lag: Input should be a valid number (got "2w")',
        ),
        ({"dependencies": [{"from": "a", "to": "b", "type": "fs"}]}, "'FS', 'SS', 'FF' or 'SF' (got \"fs\")"),
        ({"teams": [{"id": "t", "name": "T", "capacity": -1}]}, "greater than or equal to 0 (got -1)"),
        ({"start_date": "2027-13-01"}, '(got "2027-13-01")'),
        ({"currency": "usd"}, 'a three-letter ISO 4217 code in capitals, e.g. USD (got "usd")'),
        (
            {"areas": [{"id": "x", "name": "X", "color": "red"}]},
            'a colour is written #RRGGBB, e.g. #4C72B0 (got "red")',
        ),
        ({"title": True}, "(got true)"),  # as JSON writes it
    ],
)
def test_the_message_gives_the_files_value(tmp_path: Path, overrides: dict[str, Any], says: str) -> None:
    assert says in _error(tmp_path, _plan(**overrides))


def test_an_id_pattern_is_explained_in_words_and_the_id_not_repeated(tmp_path: Path) -> None:
    data = _plan()
    data["decisions"][1]["id"] = "has space"
    message = _error(tmp_path, data)
    assert "at decisions[1] (id 'has space').id: " in message
    assert "an id starts with a letter or digit and has only letters, digits, '_', '.' and '-'" in message
    assert "(got" not in message  # the path already shows it


def test_a_long_value_is_cut(tmp_path: Path) -> None:
    message = _error(tmp_path, _plan(start_date="x" * 500))
    assert '(got "' + "x" * 39 + "\u2026)" in message
    assert len(message) < 300
