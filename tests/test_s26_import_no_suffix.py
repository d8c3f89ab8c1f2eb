"""An import of a file whose name has no suffix said "cannot tell the format from the suffix '(none)'", as if
'(none)' were a suffix; it says the name has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import InteropError, import_file


def test_a_file_without_a_suffix(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_text("Summary,Issue key\nA,P-1\n", encoding="utf-8")
    with pytest.raises(InteropError) as info:
        import_file(path)
    assert str(info.value).startswith(
        f"{path}: cannot tell the format: the file name has no suffix; give --format ("
    )
    assert "(none)" not in str(info.value)


def test_an_unknown_suffix_is_named(tmp_path: Path) -> None:
    path = tmp_path / "export.weird"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(
        InteropError, match=r"cannot tell the format from the suffix '\.weird'; give --format"
    ):
        import_file(path)
