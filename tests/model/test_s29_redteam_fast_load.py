"""Session 29 red team: the fast load paths (msgspec parse, numpy colon count, rows) against hostile files.

The rule: ``load_plan(p, rows=True)``, ``load_plan(p, rows=False)`` and the careful path alone (json with its
duplicate-key hook, then pydantic: the fast paths switched off) give the same plan, or the same message. Files: a
key given twice at every depth and in every kind of list item, with escaped spellings of the key; colons in text,
in keys, escaped, beside multibyte characters; byte order marks, UTF-16/32, CRLF, NUL bytes; numbers at the edges of
what JSON, msgspec, orjson and Python read, in every numeric field; nesting in extensions around the limit; empty
and missing decision lists; and big files whose duplicate's colon sits on the numpy count's slice edges.
"""

from __future__ import annotations

import copy
import enum
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from pydantic import BaseModel

import planner.model.io as model_io
from planner.model import Plan, PlanLoadError, load_plan
from planner.model.io import _BIG_TEXT, _SLICE

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_plans" / "insights-assistant.plan.json"


def _norm(value: Any) -> Any:
    """A plan's content as plain values, models and rows alike (enum members as their values, types kept: 4 and
    4.0 differ)."""
    if isinstance(value, enum.Enum):
        return ("enum", value.value)
    if isinstance(value, BaseModel):
        return {k: _norm(v) for k, v in value.model_dump(mode="python").items()}
    if isinstance(value, msgspec.Struct):
        return {k: _norm(v) for k, v in msgspec.structs.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_norm(v) for v in value]
    return (type(value).__name__, repr(value))


def _content(plan: Plan) -> Any:
    fields = {name: _norm(getattr(plan, name)) for name in type(plan).model_fields}
    return fields, sorted(plan.model_fields_set)


def _answer(load: Callable[[], Plan]) -> Any:
    try:
        return _content(load())
    except PlanLoadError as exc:
        return f"PlanLoadError: {exc}"


def _careful(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as m:
        m.setattr(model_io, "_parse_fast", lambda text: None)
        m.setattr(model_io, "_parse_fast_rows", lambda text: None)
        return _answer(lambda: load_plan(path))


def _assert_same_answers(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    careful = _careful(path, monkeypatch)
    assert _answer(lambda: load_plan(path, rows=False)) == careful
    assert _answer(lambda: load_plan(path, rows=True)) == careful
    return careful


# -- the hostile files, as text made from a sample ------------------------------------------------------------
_BASE = json.loads(SAMPLE.read_text(encoding="utf-8"))
_LINE = json.dumps(_BASE, ensure_ascii=False)  # one line: the edits below find their anchors in it
_INDENTED = json.dumps(_BASE, ensure_ascii=False, indent=2)


def _with(path: list[Any], value: Any) -> str:
    data = copy.deepcopy(_BASE)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return json.dumps(data, ensure_ascii=False)


def _edit(old: str, new: str, text: str = _LINE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


_TITLE = '"title": "Internal'
_DECISION = '"id": "question-set",'
_DEPENDENCY = '"from": "question-set",'
_EXT = _with(["extensions"], {"tool": {"a": [{"k": 1}, {"k": 2}]}})

FILES: dict[str, str | bytes] = {
    # a key given twice: top, stage, decision, dependency, gate criterion, team, risk, extensions (deep, list item)
    "twice top": _edit(_TITLE, '"title": "X", ' + _TITLE),
    "twice top escaped": _edit(_TITLE, '"\\u0074itle": "X", ' + _TITLE),
    "twice stage": _edit('"id": "validate",', '"id": "validate", "id": "validate",'),
    "twice decision escaped": _edit(_DECISION, '"\\u0069d": "question-set", ' + _DECISION),
    "twice decision other value": _edit(_DECISION, '"id": "other", ' + _DECISION),
    "twice dependency": _edit(_DEPENDENCY, _DEPENDENCY + " " + _DEPENDENCY),
    "twice dependency type": _edit('"to": "success-metric",', '"to": "success-metric", "type": "SS",'),
    "twice gate": _edit('"met": true', '"met": true, "met": false'),
    "twice team": _edit('"capacity": 3', '"capacity": 3, "capacity": 3'),
    "twice risk": _edit('"probability": 0.4', '"probability": 0.4, "probability": 0.5'),
    "twice extensions deep": _EXT.replace('"k": 2', '"k": 2, "k": 3', 1),
    "twice extensions item escaped": _EXT.replace('"k": 2', '"\\u006b": 2, "k": 3', 1),
    "twice extensions top": _EXT.replace('"tool": {', '"tool": 1, "tool": {', 1),
    "twice with a colon more in the kept value": _edit(_TITLE, '"title": "X", "title": "Internal::'),
    # colons
    "colons in text": _with(["title"], "a: b :: c:"),
    "colons in keys": _with(["extensions"], {"a:b": {"c::": ":"}}),
    "escaped colon": _edit(_TITLE, '"title": "\\u003a Internal'),
    "escaped colon capital": _edit(_TITLE, '"title": "\\u003A Internal'),
    "escaped colon twice": _edit(_TITLE, '"title": "\\u003a", ' + _TITLE),
    # the kept value's escaped colon, written back as ':', would make up for the pair dropped
    "twice, the kept value an escaped colon": _edit(_TITLE, '"title": "X", "title": "\\u003aInternal'),
    "colon beside multibyte": _with(["title"], "日本語: 計画 ：é:ü"),
    "backslash u003 as text": _with(["title"], "\\u003a literal"),
    "escaped NUL": _edit(_TITLE, '"title": "In\\u0000ternal'),
    "escaped surrogate pair": _edit(_TITLE, '"title": "\\ud83d\\ude00Internal'),
    "escaped lone surrogate": _edit(_TITLE, '"title": "\\ud800Internal'),
    "NUL byte in text": _edit(_TITLE, '"title": "In\x00ternal'),
    "NUL byte outside": _edit('"title"', '\x00"title"'),
    "NUL byte at the end": _LINE + "\x00",
    # encodings and line ends
    "BOM": b"\xef\xbb\xbf" + _LINE.encode(),
    "BOM twice": b"\xef\xbb\xbf\xef\xbb\xbf" + _LINE.encode(),
    "BOM and a key twice": b"\xef\xbb\xbf" + _edit(_TITLE, '"title": "X", ' + _TITLE).encode(),
    "UTF-16": _INDENTED.encode("utf-16"),
    "UTF-16 LE without BOM": _INDENTED.encode("utf-16-le"),
    "UTF-32": _INDENTED.encode("utf-32"),
    "Latin-1": _with(["title"], "Café").encode("latin-1"),
    "CRLF": _INDENTED.replace("\n", "\r\n"),
    "CRLF and a key twice": _edit(
        '"title": "Internal', '"title": "X",\r\n  "title": "Internal', _INDENTED
    ).replace("\n", "\r\n"),
    "CR only": _INDENTED.replace("\n", "\r"),
    "trailing data": _LINE + "\n{}",
    "no-break space": _INDENTED.replace("{\n", "{\u00a0\n", 1),
    # decisions
    "no decisions": json.dumps(dict(_BASE, decisions=[], dependencies=[])),
    "no decisions key": json.dumps(
        {k: v for k, v in _BASE.items() if k not in ("decisions", "dependencies")}
    ),
    "no dependencies key": json.dumps({k: v for k, v in _BASE.items() if k != "dependencies"}),
    "decisions null": _with(["decisions"], None),
    "decisions an object": _with(["decisions"], {}),
    "from_ for from": _edit('"from": "question-set"', '"from_": "question-set"'),
    "milestone without duration": _edit(
        '"duration": {"optimistic": 1, "likely": 1, "pessimistic": 2}', '"milestone": true'
    ),
    "estimates out of order": _edit('"likely": 1,', '"likely": 3,'),
    "compact ISO date": _edit('"status": "done",', '"status": "done", "actual_start": "20270104",'),
    "date and time": _edit('"status": "done",', '"status": "done", "actual_start": "2027-01-04T00:00:00",'),
    "30 February": _edit('"status": "done",', '"status": "done", "actual_start": "2027-02-30",'),
    "id with a final newline": _edit('"id": "question-set"', '"id": "question-set\\n"'),
    "id with an Arabic digit": _edit('"id": "question-set"', '"id": "question-set\u0663"'),
    # JSON5 and hand-editing: refused by msgspec, worded by the careful path
    "JSON5 +Infinity": _edit('"probability": 0.4', '"probability": +Infinity'),
    "JSON5 -NaN": _edit('"probability": 0.4', '"probability": -NaN'),
    "JSON5 unquoted key": _edit('"schema_version": 1', "schema_version: 1"),
    "JSON5 single quotes": _edit(_TITLE, "'title': \"Internal"),
    "JSON5 comment": _edit('"schema_version": 1,', '"schema_version": 1, // a note\n'),
    "JSON5 trailing comma": _LINE[:-1] + ", }",
    "schema_version 1.0": _edit('"schema_version": 1', '"schema_version": 1.0'),
    "schema_version true": _edit('"schema_version": 1', '"schema_version": true'),
}
for depth in (61, 62, 63, 3000):
    FILES[f"extensions {depth} lists deep"] = _edit(
        '"schema_version": 1,', '"schema_version": 1, "extensions": {"d": ' + "[" * depth + "]" * depth + "},"
    )
    FILES[f"extensions {depth} objects deep"] = _edit(
        '"schema_version": 1,',
        '"schema_version": 1, "extensions": {"d": ' + '{"a":' * depth + "1" + "}" * depth + "},",
    )

_NUMBERS = {
    "1e308": "1e308",
    "-0.0": "-0.0",
    "-0": "-0",
    "1e-320": "1e-320",
    "2**64-1": str(2**64 - 1),
    "-2**63": str(-(2**63)),
    "2**64": str(2**64),
    "-2**63-1": str(-(2**63) - 1),
    "10**90": str(10**90),
    "4301 digits": "1" + "0" * 4300,
    "800 decimals": "0." + "3" * 800,
    "1e400": "1e400",
    "NaN": "NaN",
    "Infinity": "Infinity",
    "-Infinity": "-Infinity",
    "+1": "+1",
    ".5": ".5",
    "0x10": "0x10",
    "4": "4",
    "4.0": "4.0",
    "4E0": "4E0",
    "04": "04",
}
_NUMERIC_FIELDS = {
    "duration": ('"duration": {"optimistic": 1, "likely": 1, "pessimistic": 2}', '"duration": {N}'),
    "likely": ('"likely": 1,', '"likely": {N},'),
    "headcount": ('"headcount": 2,', '"headcount": {N},'),
    "cost": ('"cost": 8000,', '"cost": {N},'),
    "progress": ('"progress": 100,', '"progress": {N},'),
    "capacity": ('"capacity": 3', '"capacity": {N}'),
    "probability": ('"probability": 0.4', '"probability": {N}'),
    "schema_version": ('"schema_version": 1', '"schema_version": {N}'),
    "extensions": ('"schema_version": 1,', '"schema_version": 1, "extensions": {"n": {N}},'),
    "lag": ('"type": "FS"', '"type": "FS", "lag": {N}'),
    "not_before": ('"status": "done",', '"status": "done", "not_before": {N},'),
    "budget": ('"currency": "USD",', '"currency": "USD", "budget": {N},'),
    "target": ('"currency": "USD",', '"currency": "USD", "target": {N},'),
    "status_date": ('"currency": "USD",', '"currency": "USD", "status_date": {N},'),
    "actual_start": ('"status": "done",', '"status": "done", "actual_start": {N},'),
}
for _field, (_old, _new) in _NUMERIC_FIELDS.items():
    for _name, _number in _NUMBERS.items():
        FILES[f"{_field} {_name}"] = _edit(_old, _new.replace("{N}", _number))


@pytest.mark.parametrize("name", list(FILES))
def test_a_hostile_file_gets_one_answer_on_every_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    content = FILES[name]
    path = tmp_path / "hostile.plan.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    _assert_same_answers(path, monkeypatch)


def test_the_hostile_files_are_not_all_refused_nor_all_taken(tmp_path: Path) -> None:
    # the matrix above exercises both outcomes: some files are taken, some refused
    taken = 0
    for content in FILES.values():
        path = tmp_path / "f.plan.json"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        try:
            load_plan(path, rows=True)
        except PlanLoadError:
            continue
        taken += 1
    assert 0 < taken < len(FILES)


# -- big files: the duplicate's colon on the numpy count's slice edges -----------------------------------------
def _big(pad_to: int, key_twice: bool) -> Iterator[bytes]:
    """A plan file over a megabyte whose extensions end ``"k": 1, "k": 2`` (or ``"j": 2``) with the second colon
    just before, at and just after byte ``pad_to`` (a slice edge)."""
    from benchmarks._plans import random_plan_dict

    data = random_plan_dict(1500, seed=5)
    head = json.dumps(data).encode()[:-1] + b', "extensions": {"pad": "'
    after = b'", "k": 1, ' + (b'"k"' if key_twice else b'"j"')
    for shift in (-1, 0, 1):
        pad = pad_to + shift - len(head) - len(after)
        assert pad > 0
        text = head + b"x" * pad + after + b": 2}}"
        assert text.index(b": 2}}") == pad_to + shift
        yield text


@pytest.mark.parametrize("edge", [_BIG_TEXT - _SLICE, _BIG_TEXT, _BIG_TEXT + _SLICE, 5 * _SLICE])
def test_a_key_given_twice_on_a_slice_edge_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edge: int
) -> None:
    path = tmp_path / "big.plan.json"
    for twice in (True, False):
        for text in _big(edge, twice):
            path.write_bytes(text)
            answer = _assert_same_answers(path, monkeypatch)
            if twice:
                assert "at extensions.k: the key 'k' appears twice in the same object" in answer
            else:
                assert not isinstance(answer, str)  # taken, and the same plan on every path
