"""A plan edited by hand in a text editor: the JSON mistakes people make there are named as such, at the place to fix,
with what to do (before: 'not valid JSON: Expecting value -- Fix the JSON syntax at that position', at the ']' after a
trailing comma)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.model.io import PlanLoadError, load_plan
from planner.model.plan import new_plan

GOOD = json.dumps(new_plan("Hand edited").model_dump(mode="json", by_alias=True), indent=2)


def _load_error(tmp_path: Path, text: str) -> PlanLoadError:
    path = tmp_path / "hand.plan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    return info.value


def _line_col(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def test_a_trailing_comma_is_named_at_the_comma(tmp_path: Path) -> None:
    text = GOOD.replace('"decisions": []', '"decisions": [1,]')
    err = _load_error(tmp_path, text)
    assert "a comma after the last item, before ']'" in str(err)
    assert "delete that comma" in str(err)
    line, col = _line_col(text, ",]")
    assert f":{line}:{col}:" in str(err)


def test_a_trailing_comma_in_an_object(tmp_path: Path) -> None:
    text = GOOD.rstrip().removesuffix("}").rstrip() + ",\n}\n"
    err = _load_error(tmp_path, text)
    assert "a comma after the last item, before '}'" in str(err)


@pytest.mark.parametrize("comment", ["// to do: ask Ana", "/* draft */", "# draft"])
def test_a_comment_is_named(tmp_path: Path, comment: str) -> None:
    text = GOOD.replace("{", "{\n  " + comment, 1)
    err = _load_error(tmp_path, text)
    assert "a comment: JSON has no comments" in str(err)
    assert ":2:3:" in str(err)


def test_single_quotes_are_named(tmp_path: Path) -> None:
    err = _load_error(tmp_path, GOOD.replace('"title"', "'title'", 1))
    assert "text in single quotes: JSON needs double quotes" in str(err)


@pytest.mark.parametrize(("word", "right"), [("True", "true"), ("False", "false"), ("None", "null")])
def test_python_words_are_named(tmp_path: Path, word: str, right: str) -> None:
    text = GOOD.replace('"title": "Hand edited"', f'"title": {word}', 1)
    err = _load_error(tmp_path, text)
    assert f"'{word}' is not JSON: write {right}" in str(err)


def test_other_syntax_errors_keep_the_readers_words(tmp_path: Path) -> None:
    err = _load_error(tmp_path, GOOD.replace('"title":', '"title"', 1))
    assert "not valid JSON: Expecting ':' delimiter" in str(err)


def test_the_command_line_says_it_with_exit_code_2(tmp_path: Path) -> None:
    path = tmp_path / "hand.plan.json"
    path.write_text(GOOD.replace('"decisions": []', '"decisions": [1,]'), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "planner", "check", str(path)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 2
    assert "a comma after the last item" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        (
            "duration",
            "3 weeks",
            'duration: Input should be a valid number (got "3 weeks"); write the number alone, '
            "without quotes or a unit (the unit is weeks)",
        ),
        (
            "progress",
            "50%",
            'progress: Input should be a valid number (got "50%"); write the number alone, '
            "without quotes or a unit",
        ),
    ],
)
def test_a_number_written_as_text_says_to_write_it_alone(
    tmp_path: Path, field: str, value: str, said: str
) -> None:
    data = json.loads(GOOD)
    data["decisions"] = [
        {"id": "a", "title": "A", "stage": data["stages"][0]["id"], "duration": 1, field: value}
    ]
    err = _load_error(tmp_path, json.dumps(data))
    assert said in str(err)
