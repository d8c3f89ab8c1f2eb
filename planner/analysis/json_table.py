"""Rows of ``planner analyze --format json`` held as columns and written without a dict per row (issue 12).

:class:`JsonTable` is what :func:`planner.analysis.analysis_to_dict` gives for the decisions and every team's load
steps when asked for tables, and what :func:`planner.commands.common.dump_json` writes in pieces.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np


class JsonTable:
    """Rows of analyze's JSON that have the same keys (its decisions, a team's load steps), held as one column per
    key: :meth:`to_list` gives them as dicts, :meth:`write_json` writes them as JSON without a dict per row (issue
    12: at 100k decisions the 100k decision dicts and 125k step dicts, and the JSON text of them all held at once,
    were a fifth of ``analyze``; :func:`planner.commands.common.dump_json` writes a table so). A column is a list, or
    a numpy array standing for its ``tolist()``."""

    __slots__ = ("columns", "keys")

    ROWS_AT_ONCE = 512
    """Rows :meth:`write_json` writes at a time: each batch's objects and text reuse the memory of the batch before
    (512: as fast as 4096 or 65536 at 100k decisions, and the least memory)."""

    def __init__(self, columns: dict[str, Sequence[Any] | np.ndarray]) -> None:
        """``columns``: each key of the rows, in order, with its column."""
        if len({len(c) for c in columns.values()}) > 1:
            raise ValueError(f"columns of {[len(c) for c in columns.values()]} rows")
        self.keys = tuple(columns)
        self.columns = list(columns.values())

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def to_list(self) -> list[dict[str, Any]]:
        """The rows, each a dict of the keys in order."""
        keys = self.keys
        columns = [c.tolist() if isinstance(c, np.ndarray) else c for c in self.columns]
        # (zip(keys, row) needs no check: a row has a value per key, and a check per row costs a tenth more)
        return [dict(zip(keys, row, strict=False)) for row in zip(*columns, strict=True)]

    def write_json(self, write: Callable[[bytes | memoryview], object]) -> None:
        """Write the rows as a compact JSON array by ``write`` (a binary stream's), in pieces, byte for byte as
        orjson writes :meth:`to_list` (``dump_json``'s writer): :data:`ROWS_AT_ONCE` rows at a time, each row a
        msgspec struct made in C (``map``), written by msgspec into a buffer used again for the next rows. msgspec
        writes text, booleans, null and numbers as orjson does, except a float of 1e16 or more (``1e16`` where
        orjson writes ``1e+16``): a table whose array columns hold one, or whose keys hold a quote, a backslash or a
        control character (msgspec writes a key as it is), is written by orjson. A schedule has none (its figures
        are week counts and headcounts bounded by the plan's limits), and list columns must hold none either: they
        hold text, booleans, None and the plan's own week figures."""
        import msgspec

        if not all(map(_written_alike, self.columns)) or any(map(_ESCAPED.search, self.keys)):
            import orjson

            write(orjson.dumps(self.to_list()))
            return
        row = _json_row(self.keys)
        encoder = msgspec.json.Encoder(enc_hook=_numpy_scalar)
        text = bytearray()
        for first in range(0, len(self), self.ROWS_AT_ONCE):
            part = slice(first, first + self.ROWS_AT_ONCE)
            columns = [c[part].tolist() if isinstance(c, np.ndarray) else c[part] for c in self.columns]
            encoder.encode_into(list(map(row, *columns)), text)
            if first:
                text[0] = ord(",")  # the rows go on after the ones before
            with memoryview(text) as view:
                write(view[:-1])  # (the list's closing bracket comes after the last rows)
        write(b"]" if len(self) else b"[]")


_ESCAPED = re.compile(r'["\\\x00-\x1f]')
"""What a key written by msgspec must not hold (a struct field's name: a key is written as it is, not escaped)."""


def _numpy_scalar(value: Any) -> Any:
    """A numpy number or boolean in a list column as the Python one orjson writes it as (msgspec writes none of
    them); a float of another size than 64 bits is refused (orjson writes a float32 by its own shortest form)."""
    if isinstance(value, np.float64 | np.integer | np.bool_):
        return value.item()
    raise TypeError(f"a table's cell cannot be {type(value).__name__}")


def _written_alike(column: Sequence[Any] | np.ndarray) -> bool:
    """Whether msgspec writes the numbers of ``column`` as orjson does: not an array of floats with one of 1e16 or
    more (:meth:`JsonTable.write_json`)."""
    if not isinstance(column, np.ndarray) or column.dtype.kind != "f":
        return True
    return not bool((np.abs(column) >= 1e16).any())  # (NaN, null in both, is not)


@functools.cache
def _json_row(keys: tuple[str, ...]) -> Any:
    """A msgspec struct class written with these keys in this order, untracked by the cyclic GC (rows hold no
    cycles). Its fields are named ``f0``, ``f1``... and written by the keys (``rename``): a key need not be a name
    a struct's field may have (``__a``, ``from``)."""
    import msgspec

    fields = [f"f{k}" for k in range(len(keys))]
    return msgspec.defstruct("JsonRow", fields, rename=dict(zip(fields, keys, strict=True)), gc=False)
