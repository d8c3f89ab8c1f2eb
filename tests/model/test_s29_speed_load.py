"""Session 29's faster duplicate-key check for big plan files (issue 12): the colons of a file over a megabyte are
counted by numpy a slice at a time. The count is ``bytes.count``'s at every size and slice boundary, and a big
file with a key given twice still takes the careful path and gets its message, as models and as rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.model import PlanLoadError, load_plan
from planner.model.io import _BIG_TEXT, _SLICE, _colons


@pytest.mark.parametrize(
    "size",
    [0, 1, _BIG_TEXT - 1, _BIG_TEXT, _BIG_TEXT + 1, 4 * _SLICE + _SLICE // 3, 5 * _SLICE],
)
def test_the_colons_are_counted_as_bytes_count_counts_them(size: int) -> None:
    pattern = b'{"a": "x:y", "b":1}\n\xc3\xa9:'
    text = (pattern * (size // len(pattern) + 1))[:size]
    edges = bytearray(text)
    for at in (0, _SLICE - 1, _SLICE, 2 * _SLICE + 1, size - 1):  # colons on the slices' edges
        if 0 <= at < size:
            edges[at] = ord(":")
    for data in (text, bytes(edges)):
        assert _colons(data) == data.count(b":")
        assert _colons(data.decode("utf-8", "replace")) == data.decode("utf-8", "replace").count(":")


def _big_plan_text(n: int) -> str:
    from benchmarks._plans import random_plan_dict

    return json.dumps(random_plan_dict(n, seed=3), indent=2)


@pytest.mark.parametrize("rows", [False, True])
def test_a_key_given_twice_in_a_big_file_is_still_refused_with_its_message(
    tmp_path: Path, rows: bool
) -> None:
    text = _big_plan_text(3000)
    assert len(text.encode()) > _BIG_TEXT  # counted by numpy
    good = tmp_path / "good.plan.json"
    good.write_text(text, encoding="utf-8")
    assert len(load_plan(good, rows=rows).decisions) == 3000
    # the last decision's title given twice: one colon more in the file than in what a parser keeps
    at = text.rindex('"title": ')
    twice = text[:at] + '"title": "first",\n      ' + text[at:]
    bad = tmp_path / "bad.plan.json"
    bad.write_text(twice, encoding="utf-8")
    with pytest.raises(PlanLoadError) as caught:
        load_plan(bad, rows=rows)
    assert "the key 'title' appears twice in the same object" in str(caught.value)
    assert "decisions[2999].title" in str(caught.value)
