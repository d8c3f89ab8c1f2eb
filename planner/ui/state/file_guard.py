"""Outside changes to the open plan file, and the same plan open twice.

- The open file is watched with ``QFileSystemWatcher`` *and* a content hash checked on a short poll: a watcher
  stops watching a path that another program replaced by an atomic rename (git, most editors, our own save), and
  a touch without a change must not prompt. When the content differs from what the app last read or wrote, the
  user chooses **Reload** (their unsaved edits are dropped), **Keep mine** (the file's change is noted as seen;
  the next save replaces it), **Merge** (with unsaved edits: the file's changes and the window's put together by
  the three-way merge of ``planner merge``, against the file as the window last read or wrote it; one undo step,
  conflicts listed) or **Compare** (a line diff of the file against the plan in the window).
- Before a save replaces the file, :meth:`FileGuard.confirm_overwrite` refuses to overwrite a change the user has
  not seen (or to recreate a file deleted since) without asking.
- While a plan is open, a lock in the app's data folder names the host and process; another instance opening the
  same plan is warned. A lock whose process is gone is stale and taken over (``QLockFile``).
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.model import dump_plan
from planner.ui.state.settings import data_dir
from planner.ui.views.busy import wait_cursor
from planner.units import count, one_line

log = logging.getLogger(__name__)

POLL_MS = 1_000
"""How often the file's size, time and inode are compared (cheap); the content is hashed only when they change."""


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """SHA-256 of the file's bytes, or None when it does not exist or cannot be read."""
    h = hashlib.sha256()
    try:  # without blocking: a FIFO put in the plan's place would wait for a writer (on the GUI thread) for good
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):  # (ValueError: a NUL in the name)
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO, or a link to /dev/zero that never ends
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    return h.hexdigest()


BASE_MOST = 64 * 1024 * 1024
"""The largest file whose content is kept as the common ancestor of a merge (the plan as last read or written)."""


def regular_bytes(path: str | os.PathLike[str], most: int) -> bytes | None:
    """The bytes of ``path`` when it is a regular file of at most ``most`` bytes (read without blocking, as
    :func:`file_digest` reads), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > most:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(most + 1)
        return raw if len(raw) <= most else None
    except OSError:
        return None
    finally:
        os.close(fd)


SHOWN_NAME_MOST = 60
"""The most characters of one part of a path (a folder's or the file's name) a message shows; a longer one loses
its middle (…)."""


def shown_path(path: str | os.PathLike[str], most: int = SHOWN_NAME_MOST) -> str:
    r"""A file's path or name as a message shows it: on one line (a control character as its escape,
    :func:`planner.units.one_line`), and each folder's or the file's name longer than ``most`` characters with its
    middle left out (…). A message box wraps a path after its slashes, but a name of 250 letters has nowhere to
    wrap and the box cut it off at its edge.

    >>> shown_path("/plans/a\0b.plan.json"), shown_path("/p/" + "x" * 100 + ".plan.json", 21)
    ('/plans/a\\x00b.plan.json', '/p/xxxxxxxxxx….plan.json')
    """
    parts = one_line(os.fspath(path)).split("/")
    head = (most - 1) // 2
    return "/".join(
        part if len(part) <= most else part[:head] + "\u2026" + part[len(part) - (most - 1 - head) :]
        for part in parts
    )


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is an existing file that its owner marked read-only (no write permission bit), or that
    this user may not write. A save replaces the file by a rename in its folder, which a read-only file does not
    stop (the new file even keeps the read-only mode): the app asks for Save As instead."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):  # not there, or a name the system refuses (the save says why)
        return False
    return stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK))


def on_read_only_disk(path: str | os.PathLike[str]) -> bool:
    """True when the folder that holds (or would hold) ``path`` is on a file system mounted read-only: a save
    there fails whatever the file's mode, and so does Save As into that folder."""
    statvfs = getattr(os, "statvfs", None)  # (not on Windows)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(os.path.dirname(os.path.abspath(path))).f_flag & os.ST_RDONLY)
    except (OSError, ValueError):  # no such folder, or a name the system refuses: the save says why
        return False


def _signature(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def _same_file(a: str, b: str) -> bool:
    """True when names ``a`` and ``b`` lead to the same file: through symbolic links too (Save As onto a link
    to the open file writes the open file), whether or not it exists now."""
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):  # a name the system refuses: not the open file (the save says why)
        return False


def lock_path_for(path: str) -> Path:
    key = hashlib.sha256(os.path.normcase(os.path.abspath(path)).encode("utf-8")).hexdigest()[:24]
    folder = data_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{key}.lock"


class FileGuard(QObject):
    """Watches the open file of ``window`` (a :class:`planner.ui.main_window.MainWindow`)."""

    changed_outside = Signal(str)  # "modified" or "deleted"

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.path: str | None = None
        self.known: str | None = (
            None  # digest of the content last read, written or acknowledged (None: absent)
        )
        self._sig: tuple[int, int, int] | None = None
        self.lock: QLockFile | None = None
        self.other_instance: str | None = None  # "process 123 on host" holding the plan, when there is one
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(100)  # a save by another program is several events; look once it settled
        self._soon.timeout.connect(self.check)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _p: self._soon.start())
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check)
        self.prompt: QMessageBox | None = None
        self.compare_dialog: QDialog | None = None
        self.merge_report: QMessageBox | None = None
        self.base: bytes | None = (
            None  # the file as the window last read or wrote it: a merge's common ancestor
        )

    # -- what is open ----------------------------------------------------------------------------------------
    def watch(self, path: str | None) -> None:
        """``path`` was just opened or saved: its current content is what the window holds."""
        if path != self.path:
            self._release_lock()
            if self._watcher.files():
                self._watcher.removePaths(self._watcher.files())
            self.path = path
            if path is not None:
                self._take_lock(path)
        if path is None:
            self.known, self._sig, self.base = None, None, None
            self._poll.stop()
            return
        self.base = regular_bytes(path, BASE_MOST)
        self.known = hashlib.sha256(self.base).hexdigest() if self.base is not None else file_digest(path)
        self._sig = _signature(path)
        if path not in self._watcher.files() and os.path.exists(path):
            self._watcher.addPath(path)
        self._poll.start()

    def close(self) -> None:
        """The window closes: stop watching, close an open question, let go of the lock."""
        self._poll.stop()
        self._soon.stop()
        for dialog in (self.prompt, self.compare_dialog, self.merge_report):
            if dialog is not None:
                dialog.done(0)
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._release_lock()
        self.path = None

    # -- the lock --------------------------------------------------------------------------------------------
    def _take_lock(self, path: str) -> None:
        self.other_instance = None
        try:
            lock = QLockFile(str(lock_path_for(path)))
        except OSError:
            return
        lock.setStaleLockTime(0)  # held for as long as the plan is open: stale only when its process is gone
        if lock.tryLock(0):
            self.lock = lock
            return
        raw: tuple[Any, ...] = tuple(
            lock.getLockInfo() or ()
        )  # (pid, host, app); older bindings lead with a bool
        fields = raw[1:] if raw and isinstance(raw[0], bool) else raw
        pid, host = (*fields, 0, "")[:2]
        if pid == os.getpid():
            self.other_instance = "another window of this planner"
        elif pid:
            self.other_instance = f"another planner (process {pid}{f' on {host}' if host else ''})"
        else:
            self.other_instance = "another planner"

    def open_elsewhere_text(self) -> str | None:
        """A warning when the plan is open in another instance or window, else None."""
        if self.other_instance is None or self.path is None:
            return None
        return (
            f"{Path(self.path).name} is also open in {self.other_instance}. Edits in both overwrite each "
            "other; the planner asks before replacing changes saved elsewhere."
        )

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
        self.other_instance = None

    # -- checking --------------------------------------------------------------------------------------------
    def disk_state(self) -> tuple[str, str | None]:
        """("same" | "modified" | "deleted", current digest) of the file against what the window knows."""
        if self.path is None:
            return "same", None
        digest = file_digest(self.path)
        if digest == self.known:
            return "same", digest
        return ("deleted" if digest is None else "modified"), digest

    def check(self) -> None:
        """Compare the file with what the window knows; ask the user when another program changed it."""
        if self.path is None:
            return
        sig = _signature(self.path)
        if sig is not None and self.path not in self._watcher.files():
            self._watcher.addPath(self.path)  # replaced by a rename: watch the new file
        if sig == self._sig:
            return
        self._sig = sig
        state, _digest = self.disk_state()
        if state != "same":
            self.changed_outside.emit(state)
            self.ask(state)

    def ask_again(self) -> None:
        """Ask about the file at the next check, though the window has seen no change since (a restored crashed
        session whose file changed on disk since its edits were made)."""
        self._sig = None

    def acknowledge(self) -> None:
        """The user has seen the file's current content (Keep mine): a save may replace it without asking, and a
        later merge takes it as the common ancestor (what the file held when the window chose its own plan over it),
        so the change the user turned down is not brought back by the next one."""
        if self.path is not None:
            self.base = regular_bytes(self.path, BASE_MOST)
            self.known = (
                hashlib.sha256(self.base).hexdigest() if self.base is not None else file_digest(self.path)
            )
            self._sig = _signature(self.path)

    # -- prompts ---------------------------------------------------------------------------------------------
    def ask(self, state: str) -> QMessageBox | None:
        """Reload / Keep mine / Compare (modified), or Keep mine / Save As (deleted)."""
        w = self.window
        if self.prompt is not None or getattr(w, "active_prompt", None) is not None:
            self._sig = None  # ask again once the other prompt is answered
            return None
        name = shown_path(Path(self.path or "").name)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "File changed on disk", "", QMessageBox.StandardButton.NoButton, w
        )
        box.setObjectName("fileChangedPrompt")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        merge_b = None
        mine = "your unsaved changes" if w.doc.is_modified else "the plan in this window"
        if state == "modified":
            box.setText(f"{name} was changed by another program.")
            box.setInformativeText(
                f"Reload it (dropping {mine}), keep yours (the next save replaces the file), "
                "or compare the two first?"
            )
            reload_b = box.addButton("Reload", QMessageBox.ButtonRole.DestructiveRole)
            keep_b = box.addButton("Keep Mine", QMessageBox.ButtonRole.RejectRole)
            compare_b = box.addButton("Compare…", QMessageBox.ButtonRole.ActionRole)
            box.setDefaultButton(keep_b)
            if self.can_merge():
                merge_b = box.addButton("Merge", QMessageBox.ButtonRole.ActionRole)
                box.setInformativeText(
                    f"Reload it (dropping {mine}), keep yours (the next save replaces the file), merge the two "
                    "(its changes and yours in one plan; where both changed the same thing, yours is kept and "
                    "listed), or compare them first?"
                )
        elif os.path.isdir(self.path or ""):  # (a checkout that turned the file into a folder, or a mistake)
            box.setText(f"{name} was replaced by a folder of the same name.")
            box.setInformativeText(
                "Your plan is still here, but Save cannot write it there while the folder is in its place: "
                "save it somewhere else?"
            )
            reload_b = compare_b = None  # type: ignore[assignment]
            keep_b = box.addButton("Keep Mine", QMessageBox.ButtonRole.RejectRole)
            box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(keep_b)
        else:
            box.setText(f"{name} was deleted or moved by another program.")
            box.setInformativeText("Keep the plan open (Save recreates the file), or save it somewhere else?")
            reload_b = compare_b = None  # type: ignore[assignment]
            keep_b = box.addButton("Keep Mine", QMessageBox.ButtonRole.RejectRole)
            box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(keep_b)
        self.prompt = box

        def finished(_r: int) -> None:
            clicked = box.clickedButton()
            self.prompt = None
            box.deleteLater()
            if clicked is reload_b and reload_b is not None:
                self.reload()
            elif merge_b is not None and clicked is merge_b:
                self.merge()
            elif clicked is compare_b and compare_b is not None:
                self.compare()
            elif clicked is keep_b or clicked is None:
                self.acknowledge()
            else:  # Save As
                self.acknowledge()
                w.save_as()

        box.finished.connect(finished)
        box.open()
        return box

    def reload(self) -> None:
        if self.path is not None:
            self.window.open_file(self.path)

    def can_merge(self) -> bool:
        """Merge is offered when the window has unsaved edits (else Reload is the same) and knows the file as it
        last read or wrote it (not after restoring a crashed session whose file changed since)."""
        return self.base is not None and self.window.doc.is_modified

    def merge(self) -> QMessageBox | None:
        """Put the file's changes and the window's together (:func:`planner.model.merge.merge_plans`, the file as
        last read or written the common ancestor, the window's value kept where both changed one thing) as one
        undo step, and say what the merge could not decide. Nothing is saved: the file on disk counts as seen, so
        the next save writes the merged plan without asking."""
        from planner.model import PlanLoadError, load_plan_bytes
        from planner.model.merge import merge_plans
        from planner.ui.state.undo import ReplacePlanCommand

        w = self.window
        path = self.path or ""
        raw = regular_bytes(path, BASE_MOST)
        try:
            if raw is None or self.base is None:
                raise PlanLoadError(path, "the file can no longer be read as a plan")
            with wait_cursor():  # reading two plans and merging three: a second or two at 10,000 decisions
                theirs = load_plan_bytes(raw, path)
                base = load_plan_bytes(self.base, path)
                result = merge_plans(base, w.doc.file_plan(), theirs, prefer="ours")
        except PlanLoadError as exc:
            w.show_error(
                "Cannot merge", "The file on disk and this window's plan could not be merged.", str(exc)
            )
            return None
        selection = list(w.doc.selection)
        scenarios = w.doc.scenarios
        shown = scenarios.active
        if shown is None:
            w.doc.undo_stack.push(ReplacePlanCommand(w.doc, result.plan, "Merge Changes from Disk"))
        else:  # the merge is of the files (base and scenarios): swap the base, then show the scenario again
            w.doc.undo_stack.beginMacro("Merge Changes from Disk")
            scenarios.switch(None)
            w.doc.undo_stack.push(ReplacePlanCommand(w.doc, result.plan, "Merge Changes from Disk"))
            if shown in scenarios.names():
                scenarios.switch(shown)
            w.doc.undo_stack.endMacro()
        w.doc.select([i for i in selection if w.doc.decision(i) is not None])
        self.base = raw
        self.known = hashlib.sha256(raw).hexdigest()
        self._sig = _signature(path)
        name = shown_path(Path(path).name)
        said = result.described()
        box = QMessageBox(QMessageBox.Icon.Information, "Merged", "", QMessageBox.StandardButton.Ok, w)
        box.setObjectName("mergeReport")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        if not said:
            box.setText(f"The changes to {name} and yours are both in the plan now.")
        else:
            n = len(result.conflicts)
            both = f" You both changed {count(n, 'thing')} differently: your value was kept." if n else ""
            box.setText(
                f"The changes to {name} and yours are in the plan now.{both} Show Details lists what to check."
            )
            box.setDetailedText("\n".join(f"{sign} {sentence}" for sign, sentence in said))
        box.setInformativeText(
            "Nothing is saved yet: save to write the merged plan (Undo takes the merge back)."
        )
        box.finished.connect(lambda _r: setattr(self, "merge_report", None))
        self.merge_report = box
        box.open()
        return box

    def changes_text(self, disk_raw: bytes | None) -> str:
        """What changed, said as ``planner diff`` says it (:meth:`planner.model.diff.PlanDiff.changes`): with the
        file as the window last read or wrote it, the file's changes since and the window's unsaved ones apart;
        without it, what differs from the window's plan to the file."""
        from planner.model import PlanLoadError, load_plan_bytes
        from planner.model.diff import diff_plans

        def listed(d: Any) -> list[str]:
            return [f"  {sign} {text}" if sign else f"  {text}" for sign, text in d.changes()] or [
                "  (nothing)"
            ]

        path = self.path or ""
        mine = self.window.doc.file_plan()
        try:
            if disk_raw is None:
                raise PlanLoadError(path, "the file cannot be read")
            disk = load_plan_bytes(disk_raw, path)
            base = load_plan_bytes(self.base, path) if self.base is not None else None
        except PlanLoadError as exc:
            return f"The file on disk cannot be read as a plan:\n  {exc}"
        if base is None:
            return "From the plan in this window to the file on disk:\n" + "\n".join(
                listed(diff_plans(mine, disk))
            )
        return (
            "Changed in the file on disk since this window last read or wrote it:\n"
            + "\n".join(listed(diff_plans(base, disk)))
            + "\n\nChanged in this window and not saved:\n"
            + "\n".join(listed(diff_plans(base, mine)))
        )

    def compare(self) -> QDialog:
        """What changed on disk and in the window (:meth:`changes_text`) and a line diff of the two, with Reload,
        Keep Mine and (when :meth:`can_merge`) Merge."""
        w = self.window
        raw = regular_bytes(self.path or "", BASE_MOST)
        try:
            if not os.path.isfile(self.path or ""):  # (a FIFO in its place would block the read for good)
                raise OSError(0, "it is no longer a regular file")
            disk = Path(self.path or "").read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            disk = [f"(the file cannot be read: {exc.strerror or exc})"]
        plan = w.doc.file_plan() if hasattr(w.doc, "file_plan") else w.doc.plan
        mine = dump_plan(plan).splitlines()
        name = shown_path(Path(self.path or "").name)
        diff = list(
            difflib.unified_diff(disk, mine, f"{name} (on disk)", f"{name} (this window)", lineterm="", n=2)
        )
        dialog = QDialog(w)
        dialog.setObjectName("compareDialog")
        dialog.setWindowTitle(f"Compare {name}")
        layout = QVBoxLayout(dialog)
        tabs = QTabWidget(dialog)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        changes = QPlainTextEdit(dialog)
        changes.setObjectName("changesView")
        changes.setReadOnly(True)
        with wait_cursor():  # (the file, its ancestor and the window's plan, read and compared)
            changes.setPlainText(self.changes_text(raw))
        tabs.addTab(changes, "Changes")
        lines = QWidget(dialog)
        lines_layout = QVBoxLayout(lines)
        lines_layout.addWidget(
            QLabel("Lines starting with − are only in the file on disk; with + only in this window.")
        )
        view = QPlainTextEdit(lines)
        view.setObjectName("linesView")
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setFont(fixed)
        view.setPlainText("\n".join(diff[:20_000]) if diff else "No differences.")
        lines_layout.addWidget(view)
        tabs.addTab(lines, "Lines")
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(dialog)
        reload_b = buttons.addButton("Reload", QDialogButtonBox.ButtonRole.DestructiveRole)
        keep_b = buttons.addButton("Keep Mine", QDialogButtonBox.ButtonRole.RejectRole)
        reload_b.setAutoDefault(False)  # Enter keeps the window's plan, as in the prompt; Reload drops edits
        keep_b.setDefault(True)
        reload_b.clicked.connect(dialog.accept)
        reload_b.clicked.connect(self.reload)
        keep_b.clicked.connect(dialog.reject)
        keep_b.clicked.connect(self.acknowledge)
        if self.can_merge():
            merge_b = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.ActionRole)
            merge_b.setAutoDefault(False)
            merge_b.clicked.connect(dialog.accept)
            merge_b.clicked.connect(self.merge)
        layout.addWidget(buttons)
        dialog.resize(900, 600)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _r: setattr(self, "compare_dialog", None))
        self.compare_dialog = dialog
        dialog.open()
        return dialog

    def confirm_overwrite(self, path: str, retry: Callable[[], Any]) -> bool:
        """True when saving to ``path`` may go ahead now. When the open file changed (or vanished) on disk since
        the window last read or wrote it and the user has not seen that, ask first and return False; choosing
        Overwrite calls ``retry``."""
        if self.path is None or not _same_file(path, self.path):
            return True
        state, _ = self.disk_state()
        if state == "same":
            return True  # unchanged (also: still absent, as when it was deleted and that was seen)
        w = self.window
        name = shown_path(Path(path).name)
        SB = QMessageBox.StandardButton
        text = (
            f"{name} was changed by another program since you opened it."
            if state == "modified"
            else f"{name} was deleted or moved by another program since you opened it."
        )

        def done(button: QMessageBox.StandardButton) -> None:
            if button == SB.Save:
                self.known = file_digest(path)  # seen: overwrite it
                retry()
            elif button == SB.SaveAll:
                w.save_as()

        box = w._prompt(
            QMessageBox.Icon.Warning,
            "Overwrite outside changes?",
            text,
            SB.Save | SB.SaveAll | SB.Cancel,
            done,
            "Saving replaces the file with the plan in this window. Save it under another name to keep both.",
            SB.Cancel,
        )
        box.button(SB.Save).setText("Overwrite" if state == "modified" else "Recreate")
        box.button(SB.SaveAll).setText("Save As…")
        return False
