"""Session 30 (issue 12): the fast load path's check for a colon spelt ``\\u003a`` looks for a backslash first.

A search for one byte is a memchr (4 ms in a 100k-decision file) where a search for the five bytes ``\\u003`` took
38 ms, and a plan without any escape cannot hold that spelling. A plan with escapes still gets the whole search, and
each kind of file gets the same answer as before: tests/model/test_s29_redteam_fast_load.py checks the escaped
colons among its hostile files; here, that the one-byte search is the only one a plain file pays, and a file with
other escapes still loads on the fast path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planner.model import io as plan_io
from planner.model import load_plan, new_plan, plan_to_dict
from planner.model.plan import Decision
from planner.model.rows import DecisionRow


class _Searched(bytes):
    """A file's bytes that note every ``in`` test made on them."""

    searches: list[bytes]

    def __contains__(self, part: object) -> bool:
        assert isinstance(part, bytes)
        self.searches.append(part)
        return super().__contains__(part)


def _text(title: str) -> bytes:
    plan = new_plan("Speed")
    plan.decisions.append(Decision(id="a", title=title, stage="validate", duration=2))
    return json.dumps(plan_to_dict(plan), indent=2).encode()


def _searched(text: bytes) -> tuple[Any, list[bytes]]:
    data = _Searched(text)
    data.searches = []
    return plan_io._clean_data(data), data.searches


def test_a_file_without_a_backslash_is_searched_for_one_byte_only() -> None:
    data, searches = _searched(_text("Plain title"))
    assert data is not None  # the fast path goes on
    assert searches == [b"\\"]


def test_a_file_with_an_escape_is_searched_for_the_escaped_colon_too() -> None:
    data, searches = _searched(_text('A "quoted" title'))  # written as \"quoted\"
    assert data is not None
    assert searches == [b"\\", b"\\u003"]
    escaped, searches = _searched(_text("A title").replace(b'"A title"', b'"A\\u003a title"'))
    assert escaped is None  # the careful path decides
    assert searches == [b"\\", b"\\u003"]


def test_a_file_with_other_escapes_loads_as_rows_the_same_plan(tmp_path: Path) -> None:
    path = tmp_path / "escapes.plan.json"
    path.write_bytes(_text('Say "go"\tnow \\ then'))
    rows = load_plan(path, rows=True)
    models = load_plan(path)
    assert type(rows.decisions[0]) is DecisionRow  # the fast path
    assert rows.decisions[0].title == models.decisions[0].title == 'Say "go"\tnow \\ then'


def test_a_colon_spelt_as_an_escape_still_takes_the_careful_path(tmp_path: Path) -> None:
    path = tmp_path / "colon.plan.json"
    path.write_bytes(_text("A title").replace(b'"A title"', b'"A\\u003a title"'))
    plan = load_plan(path, rows=True)
    assert type(plan.decisions[0]) is Decision  # models: the careful path
    assert plan.decisions[0].title == "A: title"
