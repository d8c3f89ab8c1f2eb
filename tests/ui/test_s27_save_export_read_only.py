"""File > Export As… over a file marked read-only replaced it without a word (the plan's own Save refused): it says
the file is read-only in a message box and leaves it as it was."""

from __future__ import annotations

from pathlib import Path

from planner.ui.dialogs.interop import export_to


def test_export_as_over_a_read_only_file_is_refused(window, tmp_path: Path) -> None:
    target = tmp_path / "kept.csv"
    target.write_text("precious\n", encoding="utf-8")
    target.chmod(0o444)
    try:
        window.doc.add_decision("Something to export")
        assert export_to(window, str(target)) is False
        box = window.active_prompt
        assert box is not None and box.windowTitle() == "Cannot export"
        assert "read-only" in box.informativeText()
        box.done(0)
        assert target.read_text(encoding="utf-8") == "precious\n"
    finally:
        target.chmod(0o644)
