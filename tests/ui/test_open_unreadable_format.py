"""File > Open (or `planner FILE`) of MS Project's binary .mpp, ProjectLibre's .pod, old Excel: the message says how
to save the file in a format the planner reads, as `planner import` does; it said the file was not valid JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize(
    ("name", "says"), [("plan.mpp", "Save As > XML Format"), ("plan.pod", "ProjectLibre")]
)
@pytest.mark.usefixtures("without_mpxj")  # the message of a machine without MPXJ (CI's)
def test_open_of_an_unreadable_format_says_how_to_save_it(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 binary")
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(window, "show_error", lambda title, text, info="": shown.append((title, text, info)))
    before = window.doc.plan
    assert window.open_file(path) is False
    assert len(shown) == 1
    title, text, info = shown[0]
    assert says in info and "JSON" not in text + info
    assert window.doc.plan is before  # the current plan stays
