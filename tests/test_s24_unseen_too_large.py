"""A number too large for the computer in a plan file is called that (H-unseen24).

Before: a duration of ``1e400`` (which JSON readers take as infinity) was refused with pydantic's words, "Input
should be a finite number (got Infinity)": the file has no Infinity, and nothing said what to write. Now the load
error says the number is too large, names the file and the field, and gives the range the field takes; NaN and
Infinity written as such are still called not finite numbers, which JSON does not have.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_s18_unseen_one_truth import run


def _plan_text(duration: str, lag: str = "0", impact: str = "1") -> str:
    data = {
        "schema_version": 1,
        "title": "Big numbers",
        "stages": [{"id": "s", "name": "S"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "s", "duration": "DURATION"},
            {"id": "b", "title": "B", "stage": "s", "duration": 1},
        ],
        "dependencies": [{"from": "a", "to": "b", "lag": "LAG"}],
        "risks": [{"id": "r", "title": "R", "probability": 0.5, "impact": "IMPACT", "decisions": ["a"]}],
    }
    return json.dumps(data).replace('"DURATION"', duration).replace('"LAG"', lag).replace('"IMPACT"', impact)


@pytest.mark.parametrize(
    ("duration", "lag", "impact", "where", "words"),
    [
        (
            "1e400",
            "0",
            "1",
            "at decisions[0] (id 'a').duration: ",
            "the number is too large (more than about 1.8e308, the most a number can be); "
            "write a number from 0 to 10,000",
        ),
        (
            '{"optimistic": 1, "likely": 2, "pessimistic": 1e400}',
            "0",
            "1",
            "at decisions[0] (id 'a').duration.pessimistic: ",
            "the number is too large (more than about 1.8e308, the most a number can be); "
            "write a number from 0 to 10,000",
        ),
        (
            "2",
            "-1e400",
            "1",
            "at dependencies[0].lag: ",
            "the number is too far below zero (less than about -1.8e308, the least a number can be); "
            "write a number from -10,000 to 10,000",
        ),
        (
            "2",
            "0",
            "1E999",
            "at risks[0] (id 'r').impact: ",
            "the number is too large (more than about 1.8e308, the most a number can be); "
            "write a number from 0 to 10,000",
        ),
        (
            "NaN",
            "0",
            "1",
            "at decisions[0] (id 'a').duration: ",
            "NaN is not a finite number (JSON has no NaN or Infinity); write a number from 0 to 10,000",
        ),
    ],
)
def test_a_number_too_large_is_called_too_large(
    tmp_path: Path, duration: str, lag: str, impact: str, where: str, words: str
) -> None:
    path = tmp_path / "big.plan.json"
    path.write_text(_plan_text(duration, lag, impact), encoding="utf-8")
    for command in ("check", "analyze"):
        rc, out, err = run([command, str(path)])
        assert rc == 2
        assert out == ""
        assert err == f"planner: {path}: {where}{words}\n"
