"""Session 29's faster duplicate-key check for big plan files (issue 12): the colons of a file over a megabyte are
counted by numpy a slice at a time. The count is ``bytes.count``'s at every size and slice boundary, and a big
file with a key given twice still takes the careful path and gets its message, as models and as rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import planner.model.io as model_io
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


# -- the fast paths parse with msgspec: as strict as orjson was, and never accepting what the careful path words ----
SAMPLE = sorted((Path(__file__).resolve().parents[2] / "sample_plans").glob("*.plan.json"))[0]


def _loaded(path: Path, rows: bool) -> object:
    try:
        return load_plan(path, rows=rows).model_dump(mode="json")
    except PlanLoadError as exc:
        return str(exc).replace(str(path), "FILE")


_HOSTILE = [
    (b'"title": ', b'"title": "\\ud800", "x": '),  # a lone surrogate
    (b'"title": "', b'"title": "a\x01'),  # a control character in a string
    (b'"title": "', b'"title": "\xff'),  # not UTF-8
    (b'"title": "', b'"title": "\xed\xa0\x80'),  # a surrogate written as UTF-8
    (b'"schema_version": 1', b'"schema_version": 1, "x": NaN'),
    (b'"schema_version": 1', b'"schema_version": 18446744073709551617'),
    (b'"schema_version": 1', b'"schema_version": 1, "extensions": {"a": 1e400}'),
    (b'"schema_version": 1', b'"schema_version": 1, "extensions": {"a": ' + b"[" * 2000 + b"]" * 2000 + b"}"),
    (b'"title": ', b'"title": "x", "title": '),
]


@pytest.mark.parametrize("k", range(len(_HOSTILE)))
def test_a_hostile_file_gets_the_careful_paths_answer_as_models_and_as_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, k: int
) -> None:
    old, new = _HOSTILE[k]
    raw = SAMPLE.read_bytes().replace(old, new, 1)
    assert raw != SAMPLE.read_bytes()
    path = tmp_path / "p.plan.json"
    path.write_bytes(raw)
    got = [_loaded(path, rows=False), _loaded(path, rows=True)]
    with monkeypatch.context() as m:  # the careful path alone
        m.setattr(model_io, "_parse_fast", lambda text: None)
        m.setattr(model_io, "_parse_fast_rows", lambda text: None)
        want = _loaded(path, rows=False)
    assert isinstance(want, str)  # each is refused, with a message
    assert got == [want, want]


def test_an_integer_past_64_bits_is_kept_as_the_file_wrote_it_with_rows_too(tmp_path: Path) -> None:
    """orjson, which the rows' path parsed with before session 29, read such an integer as a float, so a plan's
    extensions held 1.2345678901234568e+29 for 123456789012345678901234567890 under ``check``, ``analyze`` and
    ``simulate`` while the app (models) held the integer. msgspec keeps the int, which orjson does not write back:
    the file takes the careful path, the integer the file holds."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    big, low = 123456789012345678901234567890, -9223372036854775809
    data["extensions"] = {"big": big, "low": low}
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for rows in (False, True):
        extensions = load_plan(path, rows=rows).extensions
        assert extensions == {"big": big, "low": low}
        assert type(extensions["big"]) is int and type(extensions["low"]) is int
