"""Superscript digits ('¹²³', which str.isdigit() accepts and int() refuses) where a number is read: a row number in
a predecessor cell, an MPX record number, field list or outline level. Each was an internal error (ValueError);
found by benchmarks/fuzz_mutate.py (seed 20). Now the file's own clear message, or a link the check reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import import_file
from planner.io.common import InteropError


def test_s20_a_superscript_row_number_is_an_unknown_predecessor(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("title,duration,predecessors\nA,1,\nB,1,\u00b9\n", encoding="utf-8")
    plan, report = import_file(path)
    assert plan.dependencies == []  # a link to no row is left out and named (session 32)
    assert "line 3 depends on '\u00b9'" in report.text(limit=None)


@pytest.mark.parametrize(
    ("records", "says"),
    [
        (b"61,1,3,40\n70,A,\xb2,1d\n", "the outline level '\u00b2' is not a whole number"),
        (b"61,1,\xb3\n70,A\n", "the field list holds '\u00b3', not a field number"),
        (b"61,1\n7\xb9,A\n", "'7\u00b9' is not an MPX record number"),
    ],
)
def test_s20_superscript_digits_in_mpx_records_are_refused_clearly(
    tmp_path: Path, records: bytes, says: str
) -> None:
    path = tmp_path / "p.mpx"
    path.write_bytes(b"MPX,Microsoft Project for Windows,4.0,ANSI\n30,Project\n" + records)
    with pytest.raises(InteropError, match=says.replace("(", r"\(")):
        import_file(path)
