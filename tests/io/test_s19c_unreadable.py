"""A file its reading library fails on is refused on one line by one rule (planner.io.common.unreadable): the
library's error type and the first line of its message, without the closing full stop, then what to do."""

from __future__ import annotations

from planner.io.common import library_reason, unreadable


def test_the_refusal_quotes_the_first_line_only() -> None:
    exc = ValueError(
        "Unable to read workbook: could not read stylesheet.\nPlease see the exception for more details."
    )
    assert library_reason(exc) == "Unable to read workbook: could not read stylesheet"
    err = unreadable("book.xlsx", exc, "cannot be read as a workbook", hint="save it as CSV")
    assert str(err) == (
        "book.xlsx: cannot be read as a workbook (ValueError: Unable to read workbook: could not read "
        "stylesheet); save it as CSV"
    )
    assert err.hint == "save it as CSV" and err.path == "book.xlsx"
