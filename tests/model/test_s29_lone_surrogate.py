"""A plan whose text holds half of a character written as an escape (a lone surrogate, "\\ud800", as a tool that
cuts text between the halves of an emoji writes it) was refused with pydantic's JSON reader's words: "Invalid JSON:
unexpected end of hex escape at line 1 column 41" (found by H-redteam29, as at fe8d26e). It now says what is wrong
at the escape and what to do; a pair, and an escaped backslash before 'u', are still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.model import PlanLoadError, load_plan


def _plan(title: str, stage: str = "S") -> str:
    return (
        '{"schema_version": 1, "title": "' + title + '", "stages": [{"id": "s", "name": "' + stage + '"}], '
        '"decisions": []}\n'
    )


@pytest.mark.parametrize("rows", [False, True])
@pytest.mark.parametrize(
    ("text", "escape"),
    [
        (_plan("A \\ud800 b"), "\\ud800"),  # a first half alone
        (_plan("A \\uDBFF"), "\\uDBFF"),
        (_plan("A", "S \\udc00"), "\\udc00"),  # a second half alone
        (_plan("\\ude00\\ud83d"), "\\ude00"),  # the halves in the wrong order
    ],
)
def test_a_lone_surrogate_escape_is_named_where_it_is(
    tmp_path: Path, rows: bool, text: str, escape: str
) -> None:
    column = text.index(escape) + 1  # where the escape starts (one line)
    path = tmp_path / "p.plan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanLoadError) as err:
        load_plan(path, rows=rows)
    said = str(err.value)
    assert f":1:{column}: the escape {escape} is half of a character (a lone surrogate)" in said, said
    assert "both halves of its pair" in said and "Invalid JSON" not in said


@pytest.mark.parametrize("title", ["A \\ud83d\\ude00 b", "A \\\\ud800 b", "\\\\\\\\ud800"])
def test_pairs_and_escaped_backslashes_are_read(tmp_path: Path, title: str) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(_plan(title), encoding="utf-8")
    assert load_plan(path, rows=False).title == load_plan(path, rows=True).title
