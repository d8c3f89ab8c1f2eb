"""Never lose an edit (issue 11): crash recovery that keeps up with fast editing, tells sessions apart by more
than a pid, survives malformed recovery files and says when it is off; outside changes to the open file are
never overwritten without asking; the same plan open twice is noticed."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.model import dump_plan, load_plan
from planner.ui.main_window import MainWindow
from planner.ui.state import recovery


def _recovered_titles(path: Path) -> set[str]:
    payload = json.loads(path.read_text(encoding="utf-8"))
    return {d["title"] for d in payload["plan"]["decisions"]}


def test_snapshot_keeps_up_with_continuous_editing(qtbot, window):
    """Edits 50 ms apart for 1.5 s: every edit is in the recovery file within SNAPSHOT_DELAY_MS + slack,
    although the edits never pause (a restarted timer would never fire)."""
    window.new_from_template("blank")
    doc = window.doc
    late = []
    for k in range(30):
        doc.add_decision(f"Edit {k}")
        t0 = time.perf_counter()
        qtbot.wait(50)
        if k >= 8:  # an edit made 8 steps (>= 400 ms) ago must be on disk already
            titles = _recovered_titles(window.recovery.path)
            if f"Edit {k - 8}" not in titles:
                late.append(k - 8)
        assert time.perf_counter() - t0 < 5
    assert late == []
    assert window.recovery_writer.writes >= 5


def test_a_live_pid_with_another_start_time_is_still_offered(qtbot, window):
    folder = recovery.recovery_dir()
    plan = json.loads(dump_plan(window.doc.plan))
    plan["title"] = "Left by a crash before a reboot"
    # pid 1 is alive (init), but it is not the process that wrote this file: its start time differs.
    payload = {
        "format": recovery.FORMAT,
        "version": 2,
        "pid": 1,
        "session": "1-notthesamestart",
        "written": "2026-12-01T10:00:00",
        "original_path": None,
        "plan": plan,
    }
    (folder / "deadbeef.recovery.json").write_text(json.dumps(payload), encoding="utf-8")
    entries = recovery.orphans()
    assert [e.title for e in entries] == ["Left by a crash before a reboot"]
    box = window.check_recovery()
    assert box is not None and "Left by a crash before a reboot" in box.text()
    box.done(0)


def test_a_file_of_a_live_session_is_not_offered(qtbot, window):
    window.doc.add_decision("Mine, still open")
    window.write_recovery()
    recovery._LIVE.discard(
        window.recovery.token
    )  # as if another process owned it: only the lock says "alive"
    try:
        assert recovery.orphans() == []
    finally:
        recovery._LIVE.add(window.recovery.token)


def test_malformed_recovery_files_are_skipped_and_reported_one_by_one(qtbot, window):
    folder = recovery.recovery_dir()
    good_plan = json.loads(dump_plan(window.doc.plan))
    good_plan["title"] = "The good one"
    base = {"format": recovery.FORMAT, "version": 2, "written": "2026-12-01T10:00:00", "original_path": None}
    (folder / "a1.recovery.json").write_text(json.dumps({**base, "pid": "not a number", "plan": good_plan}))
    (folder / "a2.recovery.json").write_text(json.dumps({**base, "pid": 999999999, "plan": [1, 2]}))
    (folder / "a3.recovery.json").write_text('{"format": "planner-recovery", "pid": 3, "pla')
    (folder / "a4.recovery.json").write_text(json.dumps({**base, "pid": 999999999, "plan": good_plan}))
    box = window.check_recovery()
    assert box is not None and "The good one" in box.text()
    reasons = {u.file.name: u.reason for u in window.unreadable_recovery}
    assert reasons == {
        "a1.recovery.json": "names no valid process id",
        "a2.recovery.json": "holds no plan",
        "a3.recovery.json": "is not valid JSON (cut short?)",
    }
    message = window.status.currentMessage()
    assert "a1.recovery.json" in message and "a3.recovery.json" in message
    assert sorted(p.name for p in (folder / "unreadable").iterdir()) == [
        "a1.recovery.json",
        "a2.recovery.json",
        "a3.recovery.json",
    ]
    box.done(0)
    QApplication.processEvents()
    window.unreadable_recovery.clear()
    assert window.check_recovery() is not None  # reported once; the good one is still there
    window.active_prompt.done(0)
    assert window.unreadable_recovery == []


def test_status_bar_says_when_crash_protection_is_off(qtbot, window, monkeypatch):
    label = window.findChild(type(window.recovery_writer.label), "crashProtectionOff")
    assert label is not None and not label.isVisible()

    def full(_payload: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(window.recovery, "write_payload", full)
    window.doc.add_decision("Typed while the disk is full")
    qtbot.waitUntil(lambda: label.isVisible(), timeout=3000)
    assert label.text() == "\u26a0 Crash protection off"
    assert window.recovery_writer.problem == "the recovery file cannot be written (No space left on device)"
    assert "No space left on device" in label.toolTip()
    monkeypatch.undo()
    window.doc.add_decision("Typed after freeing space")
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=3000)
    assert "Typed after freeing space" in _recovered_titles(window.recovery.path)


def test_recovery_restores_after_abandon(qtbot, window):
    window.doc.add_decision("Typed before the crash")
    qtbot.waitUntil(lambda: window.recovery.path.exists(), timeout=2000)
    window.recovery.abandon()
    second = MainWindow(persist_layout=False)
    qtbot.addWidget(second)
    try:
        box = second.check_recovery()
        assert box is not None
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        assert any(d.title == "Typed before the crash" for d in second.doc.plan.decisions)
    finally:
        second.discard_and_close()
        window.recovery.remove()


def test_stale_temps_are_removed_on_open_and_after_a_failed_save(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "p.plan.json"
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    stale = tmp_path / ".p.plan.json.~999999999-5~abc.tmp"
    stale.write_text("half")
    report_part = tmp_path / ".p.pdf.~999999999-5~xyz.part"  # a report killed while it was written
    report_part.write_text("half a pdf")
    someone_elses = tmp_path / ".notes.txt.swp"
    someone_elses.write_text("not ours")
    assert window.open_file(path)
    assert not stale.exists() and not report_part.exists()
    assert someone_elses.exists()
    stale.write_text("half")
    import planner.ui.main_window as mw

    def fail(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(mw, "write_text_atomic", fail)
    window.doc.add_decision("x")
    assert not window.save()
    assert not stale.exists()
    window.active_prompt.done(0)


def _replace_outside(path: Path, title: str) -> None:
    """What git or another editor does: write a new file and rename it over the old one."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = title
    tmp = path.with_name("outside.tmp")
    tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def _opened(qtbot, window, tmp_path) -> Path:
    path = tmp_path / "shared.plan.json"
    path.write_text(dump_plan(window.doc.plan), encoding="utf-8")
    assert window.open_file(path)
    return path


def test_outside_change_offers_reload(qtbot, window, tmp_path):
    path = _opened(qtbot, window, tmp_path)
    _replace_outside(path, "Changed by a colleague")
    window.file_guard.check()
    box = window.file_guard.prompt
    assert box is not None and "was changed by another program" in box.text()
    labels = sorted(b.text() for b in box.buttons())
    assert labels == ["Compare…", "Keep Mine", "Reload"]
    reload_button = next(b for b in box.buttons() if b.text() == "Reload")
    reload_button.click()
    QApplication.processEvents()
    assert window.doc.plan.title == "Changed by a colleague"


def test_outside_change_is_not_overwritten_without_asking(qtbot, window, tmp_path):
    path = _opened(qtbot, window, tmp_path)
    window.doc.add_decision("My edit")
    _replace_outside(path, "Changed by a colleague")
    # the save comes before the watcher noticed: it must ask, and leave the file alone
    assert not window.save_to(str(path))
    assert load_plan(path).title == "Changed by a colleague"
    box = window.active_prompt
    assert box is not None and "changed by another program since you opened it" in box.text()
    overwrite = box.button(QMessageBox.StandardButton.Save)
    assert overwrite.text() == "Overwrite"
    overwrite.click()
    QApplication.processEvents()
    assert any(d.title == "My edit" for d in load_plan(path).decisions)
    assert not window.isWindowModified()
    assert window.file_guard.disk_state()[0] == "same"  # our own save is not an outside change


def test_keep_mine_then_save_does_not_ask_again(qtbot, window, tmp_path):
    path = _opened(qtbot, window, tmp_path)
    window.doc.add_decision("My edit")
    _replace_outside(path, "Changed by a colleague")
    window.file_guard.check()
    box = window.file_guard.prompt
    next(b for b in box.buttons() if b.text() == "Keep Mine").click()
    QApplication.processEvents()
    assert window.save_to(str(path))
    assert load_plan(path).title != "Changed by a colleague"


def test_compare_shows_the_difference(qtbot, window, tmp_path):
    path = _opened(qtbot, window, tmp_path)
    _replace_outside(path, "Changed by a colleague")
    dialog = window.file_guard.compare()
    from PySide6.QtWidgets import QPlainTextEdit

    text = dialog.findChild(QPlainTextEdit, "linesView").toPlainText()  # (its Lines tab; Changes comes first)
    assert '-  "title": "Changed by a colleague",' in text
    dialog.reject()


def test_deleted_file_is_not_recreated_silently(qtbot, window, tmp_path):
    path = _opened(qtbot, window, tmp_path)
    path.unlink()
    window.file_guard.check()
    box = window.file_guard.prompt
    assert box is not None and "deleted or moved" in box.text()
    box.done(0)
    QApplication.processEvents()
    assert window.save_to(str(path))  # dismissed = Keep mine: seen, so Save recreates it
    assert path.exists()
    path.unlink()
    assert not window.save_to(str(path))  # not seen: ask first
    assert not path.exists()
    assert window.active_prompt.button(QMessageBox.StandardButton.Save).text() == "Recreate"
    window.active_prompt.done(0)


def test_same_plan_open_twice_is_noticed(qtbot, window, tmp_path):
    path = _opened(qtbot, window, tmp_path)
    second = MainWindow(persist_layout=False)
    qtbot.addWidget(second)
    try:
        assert second.open_file(path)
        assert "also open in another window of this planner" in second.status.currentMessage()
        assert second.file_guard.other_instance is not None
    finally:
        second.discard_and_close()
    window.file_guard.watch(None)
    third = MainWindow(persist_layout=False)
    qtbot.addWidget(third)
    try:
        assert third.open_file(path)
        assert third.file_guard.other_instance is None  # the first window let go: no warning
    finally:
        third.discard_and_close()


def test_large_plans_are_written_off_the_gui_thread(qtbot, window, monkeypatch):
    monkeypatch.setattr(recovery, "THREADED_FROM_DECISIONS", 0)  # every plan counts as large
    window.doc.add_decision("Written by the background thread")
    qtbot.waitUntil(lambda: window.recovery.path.exists(), timeout=3000)
    window.recovery_writer.wait()
    assert "Written by the background thread" in _recovered_titles(window.recovery.path)
    assert window.recovery_writer.problem == ""


def test_a_slow_snapshot_is_taken_less_often(qtbot, window, monkeypatch):
    """Snapshots never take more than a quarter of the GUI thread: a plan that takes 100 ms to serialise is
    snapshotted every 300 ms at most; a quick one every SNAPSHOT_DELAY_MS."""
    real = window.recovery.payload

    def slow(plan, original_path):
        time.sleep(0.1)
        return real(plan, original_path)

    monkeypatch.setattr(window.recovery, "payload", slow)
    window.doc.add_decision("slow to serialise")
    window.write_recovery()
    assert window.recovery_writer._soon.interval() >= 300
    monkeypatch.undo()
    window.doc.add_decision("quick again")
    window.write_recovery()
    assert window.recovery_writer._soon.interval() == recovery.SNAPSHOT_DELAY_MS
