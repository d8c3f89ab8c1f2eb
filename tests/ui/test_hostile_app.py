"""The app against hostile files (H-hostile): opening or importing each one shows a message box and leaves the
open plan exactly as it was (unsaved edits included); saving where nothing can be written keeps the plan dirty,
says why, and never replaces a device or a pipe with a file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner.ui.main_window import MainWindow


def _hostile_files(folder: Path, sample: Path) -> dict[str, str]:
    base = json.loads(sample.read_text(encoding="utf-8"))
    files: dict[str, str] = {}

    def put(name: str, data: bytes | str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        files[name] = str(path)

    put("empty.plan.json", b"")
    put("binary.plan.json", bytes(range(256)) * 8)
    put("utf16.plan.json", sample.read_text(encoding="utf-8").encode("utf-16"))
    put("list.plan.json", "[1, 2, 3]")
    put("string.plan.json", '"a plan"')
    put("deep.plan.json", '{"schema_version": 1, "x": ' + "[" * 5000 + "]" * 5000 + "}")
    put("digits.plan.json", '{"schema_version": ' + "9" * 5000 + "}")
    put("newer.plan.json", json.dumps({**base, "schema_version": 99}))
    put("title.plan.json", json.dumps({**base, "title": "T" * 100_000}))
    put("nan.plan.json", json.dumps(base).replace('"schema_version": 1', '"schema_version": 1, "x": NaN'))
    put(
        "types.plan.json",
        json.dumps({"schema_version": 1, "title": 5, "stages": {"a": 1}, "decisions": "none"}),
    )
    (folder / "folder.plan.json").mkdir()
    files["folder"] = str(folder / "folder.plan.json")
    sparse = folder / "sparse.plan.json"
    with open(sparse, "wb") as fh:
        fh.truncate(1 << 30)  # 1 GB of nothing, on disk as a few blocks
    files["sparse"] = str(sparse)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.plan.json")  # no writer: a blocking open would hang the app
        files["fifo"] = str(folder / "fifo.plan.json")
    if hasattr(os, "symlink"):
        (folder / "loop-a.plan.json").symlink_to(folder / "loop-b.plan.json")
        (folder / "loop-b.plan.json").symlink_to(folder / "loop-a.plan.json")
        files["loop"] = str(folder / "loop-a.plan.json")
    if os.path.exists("/dev/zero"):
        files["zero"] = "/dev/zero"
    files["missing"] = str(folder / "missing.plan.json")
    return files


def _dismiss_error(qtbot, window: MainWindow, title: str) -> str:
    box = window.active_prompt
    assert isinstance(box, QMessageBox) and box.isVisible(), title
    assert box.windowTitle() == title
    text = f"{box.text()}\n{box.informativeText()}"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.active_prompt is None
    return text


def _state(window: MainWindow) -> tuple[object, ...]:
    doc = window.doc
    return (
        doc.path,
        doc.plan.title,
        [d.id for d in doc.plan.decisions],
        doc.undo_stack.index(),
        doc.is_modified,
        window.windowTitle(),
    )


def test_every_hostile_plan_file_is_a_message_box_and_the_open_plan_stays(
    qtbot, sample_window: MainWindow, tmp_path: Path, sample_path: Path
) -> None:
    window = sample_window
    window.doc.add_decision("An edit not saved yet")
    before = _state(window)
    assert before[4]  # modified
    for name, path in _hostile_files(tmp_path, sample_path).items():
        assert window.open_file(path) is False, name
        text = _dismiss_error(qtbot, window, "Cannot open plan")
        assert Path(path).name in text, (name, text)
        assert "Traceback" not in text and "internal error" not in text
        assert _state(window) == before, name
    assert window.doc.plan.decisions[-1].title == "An edit not saved yet"


def test_hostile_imports_are_a_message_box_and_the_open_plan_stays(
    qtbot, sample_window: MainWindow, tmp_path: Path
) -> None:
    from planner.ui.dialogs import interop

    window = sample_window
    before = _state(window)
    deep = tmp_path / "deep.gan"
    depth = 3000
    deep.write_text(
        '<?xml version="1.0"?><project name="d" version="2.8"><tasks>'
        + "".join(f'<task id="{k}" name="T{k}" start="2027-01-04" duration="1">' for k in range(depth))
        + "</task>" * depth
        + "</tasks></project>",
        encoding="utf-8",
    )
    xxe = tmp_path / "xxe.xml"
    xxe.write_text(
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name></Project>',
        encoding="utf-8",
    )
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"id,title\na,A\x00B\n")
    not_zip = tmp_path / "not-zip.xlsx"
    not_zip.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    expected = {
        deep: "summary levels deep",
        xxe: "refused: the XML declares a DTD or entities",
        nul: "holds NUL bytes",
        not_zip: "is an .xlsx file cut short or damaged",  # (c65b7f0: a zip without its directory is cut short)
    }
    if hasattr(os, "mkfifo"):  # no writer: the import step waited for one for good
        os.mkfifo(tmp_path / "pipe.csv")
        expected[tmp_path / "pipe.csv"] = "is a pipe (FIFO), not a file"
    for path, words in expected.items():
        assert interop.start_import(window, str(path)) is None, path.name
        text = _dismiss_error(qtbot, window, "Cannot import")
        assert words in text and path.name in text, text
        assert _state(window) == before, path.name


@pytest.mark.parametrize("target", ["fifo", "dev-null", "missing-folder", "folder"])
def test_saving_where_nothing_can_be_written_keeps_the_plan_dirty_and_says_why(
    qtbot, sample_window: MainWindow, tmp_path: Path, target: str
) -> None:
    """The atomic save renamed its new file over the target: over a FIFO (or, as root, /dev/null) that replaced
    the pipe or the device itself, and the plan was marked saved."""
    window = sample_window
    window.doc.add_decision("An edit not saved yet")
    if target == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        path = tmp_path / "pipe.plan.json"
        os.mkfifo(path)
    elif target == "dev-null":
        if not os.path.exists("/dev/null"):
            pytest.skip("no /dev/null on this system")
        path = Path("/dev/null")
    elif target == "missing-folder":
        path = tmp_path / "no" / "such" / "plan.plan.json"
    else:
        path = tmp_path / "a-folder.plan.json"
        path.mkdir()
    before = _state(window)
    assert window.save_to(str(path)) is False
    text = _dismiss_error(qtbot, window, "Cannot save plan")
    assert str(path) in text and "Your changes are still here" in text
    assert _state(window) == before and window.doc.is_modified
    if target == "fifo":
        assert stat.S_ISFIFO(os.stat(path).st_mode)
        assert "is a pipe (FIFO), not a regular file" in text
    if target == "dev-null":
        assert stat.S_ISCHR(os.stat(path).st_mode)
        assert "is a device, not a regular file" in text
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith((".tmp", ".part"))]
    assert leftovers == []


def test_hostile_recovery_files_are_reported_and_never_block_the_start(qtbot, window: MainWindow) -> None:
    """A FIFO among the recovery files blocked the app's start for good (read_text waits for a writer), a link to
    /dev/zero read without end; now each is reported as unreadable and moved aside, and a good one is offered."""
    from planner.model import dump_plan
    from planner.ui.state import recovery

    folder = recovery.recovery_dir()
    good_plan = json.loads(dump_plan(window.doc.plan))
    good_plan["title"] = "The good one"
    base = {"format": recovery.FORMAT, "version": 2, "written": "2026-12-01T10:00:00", "original_path": None}
    (folder / "b0.recovery.json").write_text(json.dumps({**base, "pid": 999999999, "plan": good_plan}))
    (folder / "b1.recovery.json").write_bytes(bytes(range(256)))
    expected = {"b1.recovery.json": "is not valid JSON (cut short?)"}
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "b2.recovery.json")
        expected["b2.recovery.json"] = (
            "cannot be read: it is a pipe (FIFO), not a plan file; only regular files are read"
        )
    if hasattr(os, "symlink") and os.path.exists("/dev/zero"):
        (folder / "b3.recovery.json").symlink_to("/dev/zero")
        expected["b3.recovery.json"] = (
            "cannot be read: it is a device, not a plan file; only regular files are read"
        )
    box = window.check_recovery()
    assert box is not None and "The good one" in box.text()
    assert {u.file.name: u.reason for u in window.unreadable_recovery} == expected
    assert sorted(p.name for p in (folder / "unreadable").iterdir()) == sorted(expected)
    box.done(0)


def test_a_fifo_put_in_place_of_the_open_plan_never_blocks_the_app(
    qtbot, isolated_settings, tmp_path: Path, sample_path: Path
) -> None:
    """The outside-change check hashed the file with a plain open: a FIFO renamed over the open plan (or a link to
    /dev/zero) blocked the GUI thread for good. Now it is told as a file gone and the plan stays."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    from planner.ui.state.file_guard import file_digest

    path = tmp_path / "plan.plan.json"
    path.write_bytes(sample_path.read_bytes())
    window = MainWindow(persist_layout=False)
    qtbot.addWidget(window)
    try:
        assert window.open_file(path)
        before = _state(window)
        os.mkfifo(tmp_path / "pipe")
        os.replace(tmp_path / "pipe", path)
        assert file_digest(path) is None
        window.file_guard.check()
        box = window.file_guard.prompt
        assert isinstance(box, QMessageBox) and box.windowTitle() == "File changed on disk"
        dialog = window.file_guard.compare()  # the diff against the disk does not read the FIFO either
        dialog.reject()
        box.reject()
        assert _state(window) == before
        assert stat.S_ISFIFO(os.stat(path).st_mode)
    finally:
        window.discard_and_close()
