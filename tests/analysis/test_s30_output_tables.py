"""``analyze --format json``'s decisions and team loads as tables (issue 12, session 30): the rows are held as
columns (:class:`planner.analysis.json_table.JsonTable`) and written by msgspec a few hundred rows at a time, where
a dict per row was made and orjson wrote the whole text at once. The text must be byte for byte what orjson writes
for the rows' dicts, whatever the rows hold: any text, booleans, None, and any float (msgspec writes ``1e16`` where
orjson writes ``1e+16``: a table that holds such a float is written by orjson)."""

from __future__ import annotations

import io

import numpy as np
import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.analysis.json_table import JsonTable

_texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)  # (JSON text has no lone surrogate)
_floats = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [1e16, -1e16, 9999999999999998.0, -0.0]
)
_cells = st.one_of(st.none(), st.booleans(), _texts, _floats, st.integers(-(2**63), 2**63 - 1))


def _written(table: JsonTable) -> bytes:
    out = io.BytesIO()
    table.write_json(out.write)
    return out.getvalue()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    keys=st.lists(_texts, min_size=1, max_size=5, unique=True),  # (any key: a quote, a control character)
    data=st.data(),
    at_once=st.integers(1, 4),
)
@example(keys=["x"], data=None, at_once=2)  # (data None: an empty table)
def test_a_table_is_written_as_orjson_writes_its_dicts(
    keys: list[str], data: st.DataObject | None, at_once: int
) -> None:
    n = 0 if data is None else data.draw(st.integers(0, 9))
    columns: list[list[object] | np.ndarray] = []
    for _ in keys:
        if data is not None and data.draw(st.booleans()):  # an array column, as the schedule's figures are
            columns.append(np.array(data.draw(st.lists(_floats, min_size=n, max_size=n)), dtype=np.float64))
        else:  # (a list column holds no float of 1e16 or more, by contract)
            cells = [] if data is None else data.draw(st.lists(_cells, min_size=n, max_size=n))
            columns.append([1.5 if isinstance(x, float) and abs(x) >= 1e16 else x for x in cells])
    table = JsonTable(dict(zip(keys, columns, strict=True)))
    plain = [c.tolist() if isinstance(c, np.ndarray) else c for c in columns]
    dicts = [{k: c[i] for k, c in zip(keys, plain, strict=True)} for i in range(n)]
    assert orjson.dumps(table.to_list()) == orjson.dumps(dicts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(JsonTable, "ROWS_AT_ONCE", at_once)  # a few rows at a time: the joins between them too
        assert _written(table) == orjson.dumps(dicts)


def test_a_big_float_in_an_array_is_written_as_orjson_writes_it() -> None:
    table = JsonTable({"id": ["a", "b"], "es": np.array([1.0, 1e16])})
    assert _written(table) == b'[{"id":"a","es":1.0},{"id":"b","es":1e+16}]'


def test_columns_of_other_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match=r"columns of \[2, 1\] rows"):
        JsonTable({"a": [1, 2], "b": [3]})


def test_a_table_is_written_a_few_hundred_rows_at_a_time() -> None:
    """The memory of a big table's text is that of the rows written at once, not of the whole table (at 100k
    decisions the text was 55 MB, held whole, and then copied whole into the output's text)."""
    n = 20 * JsonTable.ROWS_AT_ONCE + 7
    table = JsonTable({"id": [f"d{i}" for i in range(n)], "es": np.arange(n) / 7, "critical": [True] * n})
    pieces: list[int] = []
    table.write_json(lambda piece: pieces.append(len(piece)))
    assert len(pieces) == 22 and sum(pieces) == len(orjson.dumps(table.to_list()))
    assert max(pieces) < sum(pieces) / 15


def test_numpy_numbers_in_a_list_column_are_written_as_orjson_writes_them() -> None:
    values = [np.float64(0.1), np.float64(12.5), np.int64(-3), np.bool_(True), np.uint8(7), None]
    table = JsonTable({"x": values, "y": ["a"] * len(values)})
    assert _written(table) == orjson.dumps(
        [{"x": v, "y": "a"} for v in values], option=orjson.OPT_SERIALIZE_NUMPY
    )
    with pytest.raises(TypeError, match="cannot be float32"):
        _written(JsonTable({"x": [np.float32(0.1)]}))
