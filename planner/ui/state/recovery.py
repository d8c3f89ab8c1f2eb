"""Crash recovery: the unsaved state of an open plan, written shortly after every undo step, removed after a
clean save or close, and offered for restore on the next start after a crash.

Each window owns one file ``<data>/recovery/<token>.recovery.json``, written atomically. While the window lives
it also holds an OS lock on ``<token>.lock`` (released by the system when the process dies, however it dies), and
the file records the session tag ``<pid>-<process start time>``: a file is an orphan (left by a crash) when no live
session owns it. A pid alone is not enough: after a reboot the same number belongs to another process, and the
file would never be offered.

:class:`RecoveryWriter` writes a snapshot at most :data:`SNAPSHOT_DELAY_MS` after the first unsaved edit, however
fast edits come (the timer is started by the first edit and not restarted by the next ones), so a crash loses at
most the last quarter second. A large plan is serialised on the GUI thread (a consistent snapshot) and written by a
background thread; when serialising itself takes longer than a tenth of the delay (thousands of decisions), the
delay grows to :data:`SLOW_SNAPSHOT_FACTOR` times that cost, so that snapshots never take more than a tenth of the
GUI thread while editing (issue 12: at 10,000 decisions a snapshot costs ~70 ms, which at a quarter landed in every
other edit of a continuous run of edits). When a write fails (disk full, folder gone) the
status bar says that crash protection is off until a write succeeds again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from planner.model import Plan, plan_from_dict
from planner.model.io import atomic_write

if TYPE_CHECKING:
    from planner.ui.state.document import PlanDocument
from planner.model.sessions import clean_stale_temps, pid_alive, session_alive, this_session
from planner.ui.state.file_guard import file_digest
from planner.ui.state.settings import data_dir, data_path

log = logging.getLogger(__name__)

FORMAT = "planner-recovery"
SNAPSHOT_DELAY_MS = 200
"""The longest a snapshot lags behind the first unsaved edit (plus the time to write it)."""
PERIODIC_MS = 60_000
"""A periodic rewrite while modified, in case a write failed and the disk has room again."""
SLOW_SNAPSHOT_FACTOR = 10
"""A snapshot that takes longer than SNAPSHOT_DELAY_MS / this to serialise comes at most every this many times its
cost (at 10,000 decisions ~70 ms: one every ~0.7 s while edits go on)."""
THREADED_FROM_DECISIONS = 2_000
"""Plans from this size are written by a background thread (serialising stays on the GUI thread)."""

_LIVE: set[str] = set()

try:
    import fcntl
except ImportError:  # Windows: the session tag alone tells live from dead
    fcntl = None  # type: ignore[assignment]


def recovery_path() -> Path:
    """The recovery folder (not created: see :func:`recovery_dir`)."""
    return data_path() / "recovery"


def recovery_dir() -> Path:
    """The recovery folder, created on demand; OSError when it cannot be made."""
    d = data_dir() / "recovery"
    d.mkdir(mode=0o700, parents=True, exist_ok=True)  # (a new folder: this user's alone, as the snapshots)
    return d


@dataclass
class RecoveryEntry:
    file: Path
    original_path: str | None
    title: str
    written: dt.datetime | None
    data: dict[str, Any]
    scenario: str | None = None
    """The scenario that was shown (its edits are in the plan's scenarios): restoring shows it again."""
    original_digest: str | None = None
    """SHA-256 of the original file as the crashed window had read or written it (the edits are based on it);
    None when not known (an unsaved plan, or a recovery file of an older version)."""

    def plan(self) -> Plan:
        return plan_from_dict(self.data, self.file)

    @property
    def base_file(self) -> Path:
        """Where the crashed window kept the original file as it had read or written it (``<token>.base.json``)."""
        return self.file.with_name(self.file.name.replace(".recovery.json", ".base.json"))

    def base_bytes(self) -> bytes | None:
        """The original file as the edits' window had read or written it, when it was kept and is that very file
        (its SHA-256 is :attr:`original_digest`): the common ancestor that lets a restore merge the file's changes
        since with the edits. None otherwise."""
        if self.original_digest is None:
            return None
        try:
            raw = self.base_file.read_bytes()
        except OSError:
            return None
        return raw if hashlib.sha256(raw).hexdigest() == self.original_digest else None

    def disk_changed(self) -> str | None:
        """ "modified" or "deleted" when the original file is no longer what the edits were based on (saved since
        by another window or program, a git checkout, ...); None when it is the same or that cannot be told."""
        if self.original_path is None or self.original_digest is None:
            return None
        now = file_digest(self.original_path)
        if now == self.original_digest:
            return None
        return "deleted" if now is None else "modified"

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.base_file.unlink(missing_ok=True)
        self.file.with_name(self.file.name.replace(".recovery.json", ".lock")).unlink(missing_ok=True)


@dataclass
class Unreadable:
    """A recovery file that could not be read: skipped (and moved aside so it is reported once)."""

    file: Path
    reason: str


class RecoveryFile:
    """The recovery file of one window, and the OS lock that says its session is alive."""

    def __init__(self) -> None:
        self.token = uuid.uuid4().hex
        _LIVE.add(self.token)
        self.unavailable = ""
        """Why no recovery file can be kept (the folder cannot be made); empty when it can."""
        folder = recovery_path()
        self.path = folder / f"{self.token}.recovery.json"
        self.lock_path = folder / f"{self.token}.lock"
        self.base_path = folder / f"{self.token}.base.json"
        self._base_kept: bytes | None = None  # the bytes last written to base_path (the same object)
        self._lock_fd: int | None = None
        self.scenario: str | None = None
        """The scenario shown when the next snapshot is taken (None: the base plan)."""
        self.base_digest: str | None = None
        """SHA-256 of the open file as the window last read or wrote it, kept in the snapshot: a restore tells
        whether the file changed on disk since (:meth:`RecoveryEntry.disk_changed`)."""
        # No folder: the app still runs; the writer says crash protection is off, and why.
        with contextlib.suppress(OSError):
            self._make_folder()

    def _make_folder(self) -> None:
        """Make the recovery folder and take this session's lock in it; when the folder cannot be made (a read-only
        home or disk, a file in its place), :attr:`unavailable` says why and OSError is raised. Tried again before
        each snapshot while it is unavailable, so that protection comes back once the folder can be made."""
        try:
            recovery_dir()
        except OSError as exc:
            self.unavailable = f"the recovery folder cannot be made ({exc.strerror or exc})"
            raise
        self.unavailable = ""
        if fcntl is not None and self._lock_fd is None:
            try:
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._lock_fd = fd
            except OSError:
                log.warning("could not lock %s; the session tag alone marks this session", self.lock_path)

    def payload(self, plan: Plan, original_path: str | None) -> str:
        """The text that is written, serialised now on the calling thread (the plan may change right after), with
        the scenario shown (:attr:`scenario`: the last edits may be its own).

        The plan goes in as pydantic's own JSON (all fields, compact; several times faster than the deterministic
        file format, which a snapshot does not need), so the GUI thread spends little time on it."""
        head = json.dumps(
            {
                "format": FORMAT,
                "version": 2,
                "pid": os.getpid(),
                "session": this_session(),
                "written": dt.datetime.now().isoformat(timespec="milliseconds"),
                "original_path": original_path,
                "original_digest": self.base_digest if original_path is not None else None,
                "scenario": self.scenario,
            },
            ensure_ascii=False,
        )
        return head[:-1] + ', "plan": ' + plan.model_dump_json(by_alias=True) + "}\n"

    def write_payload(self, payload: str) -> None:
        """Write a snapshot atomically, readable by this user alone (0600): it holds the plan's unsaved content,
        and the app's data folder is often readable by every user of the machine. While the folder is unavailable
        it is made first; OSError (with :attr:`unavailable` saying why) when it still cannot be."""
        if self.unavailable:
            self._make_folder()
        with atomic_write(self.path, new_file_mode=0o600) as fh:
            fh.write(payload.encode("utf-8"))

    def keep_base(self, raw: bytes | None) -> None:
        """Keep the open file as the window last read or wrote it (``raw``, the file guard's merge ancestor) beside
        the snapshot, written when it is a new one (after an open, a save or a merge), so that a restore after a
        crash can merge the file's changes since with the edits. OSError when it cannot be written."""
        if raw is None or (raw is self._base_kept and self.base_path.exists()):
            return
        if self.unavailable:
            self._make_folder()
        with atomic_write(self.base_path, new_file_mode=0o600) as fh:
            fh.write(raw)
        self._base_kept = raw

    def write(self, plan: Plan, original_path: str | None) -> None:
        self.write_payload(self.payload(plan, original_path))

    def remove(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:  # no folder to remove it from (:attr:`unavailable`), or no right to
            if not self.unavailable:
                log.warning("could not remove the recovery file %s: %s", self.path, exc)

    def release(self) -> None:
        """The window is gone (cleanly): remove the file, the lock and forget the token."""
        self.remove()
        with contextlib.suppress(OSError):
            self.base_path.unlink(missing_ok=True)
        self._unlock(remove=True)
        _LIVE.discard(self.token)

    def abandon(self) -> None:
        """Simulate a crash (tests): forget the token and drop the lock but leave the file behind."""
        self._unlock(remove=False)
        _LIVE.discard(self.token)

    def _unlock(self, remove: bool) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)  # closing releases the flock
            self._lock_fd = None
        if remove:
            with contextlib.suppress(OSError):
                self.lock_path.unlink(missing_ok=True)


def _locked_by_someone(lock: Path) -> bool | None:
    """True when another open descriptor holds the lock, False when it is free, None when unknown."""
    if fcntl is None or not lock.exists():
        return None
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return None
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _owner_alive(payload: dict[str, Any], lock: Path) -> bool:
    held = _locked_by_someone(lock)
    if held is not None:
        return held
    tag = payload.get("session")
    if isinstance(tag, str) and tag:
        return session_alive(tag)
    pid = payload.get("pid")
    return isinstance(pid, int) and not isinstance(pid, bool) and pid != os.getpid() and pid_alive(pid)


def _read(f: Path) -> tuple[dict[str, Any] | None, str | None]:
    """(payload, None) or (None, why it cannot be used)."""
    from planner.model import PlanLoadError
    from planner.model.io import MAX_PLAN_BYTES, read_capped

    try:
        # Only a regular file, and no more than a plan may be: a FIFO put there blocked the app's start for good,
        # a link to /dev/zero read without end.
        payload = json.loads(read_capped(f, 2 * MAX_PLAN_BYTES).decode("utf-8"))
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    except PlanLoadError as exc:
        return None, f"cannot be read: it {exc.problem}" if exc.problem.startswith("is ") else exc.problem
    except (ValueError, RecursionError):
        return None, "is not valid JSON (cut short?)"
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        return None, "is not a recovery file of this program"
    pid = payload.get("pid")
    if pid is not None and (isinstance(pid, bool) or not isinstance(pid, int)):
        return None, "names no valid process id"
    if not isinstance(payload.get("plan"), dict):
        return None, "holds no plan"
    original = payload.get("original_path")
    if not isinstance(original, str | None):
        return None, "names no valid original file"
    if original is not None and not _usable_path(original):
        # The edits are still good: they come back as an unsaved plan (Save asks where), not a window whose Save
        # writes to '' or a relative name, or whose file checks raise (a NUL in the name).
        log.warning(
            "recovery file %s names an unusable original file %r; restored as unsaved", f.name, original
        )
        payload["original_path"] = None
    return payload, None


def _usable_path(path: str) -> bool:
    """True for what a window records as its file: a non-empty absolute path the system can look up."""
    return bool(path) and "\0" not in path and os.path.isabs(path)


def scan() -> tuple[list[RecoveryEntry], list[Unreadable]]:
    """Recovery files left by crashed sessions (newest first), and the files that could not be read.

    An unreadable file never hides the others: it is reported on its own and moved to ``recovery/unreadable``
    (kept, not deleted, in case someone wants to look at it)."""
    out: list[RecoveryEntry] = []
    bad: list[Unreadable] = []
    try:
        folder = recovery_dir()
    except OSError:  # no recovery folder: nothing was kept to offer (the window says crash protection is off)
        return out, bad
    clean_recovery_temps()  # a snapshot cut short by a crash left its temporary file
    for f in sorted(folder.glob("*.recovery.json")):
        token = f.name.split(".", 1)[0]
        if token in _LIVE:
            continue
        lock = folder / f"{token}.lock"
        payload, why = _read(f)
        if payload is None:
            if _locked_by_someone(lock):
                continue  # being written by a live session right now
            bad.append(Unreadable(f, why or "cannot be used"))
            _move_aside(f)
            continue
        if _owner_alive(payload, lock):
            continue
        plan = payload["plan"]
        if _already_saved(payload.get("original_path"), plan):
            # Killed between a save's rename and the snapshot's removal: the file holds these very edits.
            # Offering them said the file had 'changed on disk since these edits were made'.
            log.info("recovery file %s holds what its plan file already holds; removed", f.name)
            RecoveryEntry(f, None, "", None, plan).discard()
            continue
        try:
            written = dt.datetime.fromisoformat(str(payload.get("written")))
        except ValueError:
            written = None
        title = plan.get("title")
        scenario = payload.get("scenario")
        digest = payload.get("original_digest")
        out.append(
            RecoveryEntry(
                f,
                payload.get("original_path"),
                title[:200] if isinstance(title, str) and title else "Untitled plan",
                written,
                plan,
                scenario if isinstance(scenario, str) and scenario else None,
                digest if isinstance(digest, str) and digest else None,
            )
        )
    out.sort(key=lambda e: e.written or dt.datetime.min, reverse=True)
    return out, bad


def _already_saved(original: str | None, data: dict[str, Any]) -> bool:
    """True when the plan file ``original`` holds exactly the plan of snapshot ``data`` (as a save writes it)."""
    from planner.model import PlanLoadError, dump_plan
    from planner.model.io import MAX_PLAN_BYTES, read_capped

    if original is None:
        return False
    try:
        on_disk = read_capped(original, MAX_PLAN_BYTES)
        return on_disk == dump_plan(plan_from_dict(data, original)).encode("utf-8")
    except (OSError, ValueError, PlanLoadError):
        return False


def orphans() -> list[RecoveryEntry]:
    """Recovery files left by a crashed session, newest first (unreadable ones are skipped: see :func:`scan`)."""
    return scan()[0]


def _move_aside(f: Path) -> None:
    aside = recovery_path() / "unreadable"
    with contextlib.suppress(OSError):
        aside.mkdir(exist_ok=True)
        shutil.move(str(f), str(aside / f.name))


def clean_recovery_temps() -> int:
    """Remove temporary files in the recovery folder whose writer is gone (a crash during a snapshot)."""
    try:
        folder = recovery_dir()
    except OSError:
        return 0
    n = 0
    for f in folder.glob("*.recovery.json"):
        n += clean_stale_temps(f)
    for f in folder.glob(".*.recovery.json.*.tmp"):  # the temp of a file that was never completed
        target = folder / f.name[1:].split(".recovery.json", 1)[0]
        n += clean_stale_temps(target.with_name(target.name + ".recovery.json"))
    for f in folder.glob("*.base.json"):  # kept for a snapshot no longer there, by a session that is gone
        n += clean_stale_temps(f)
        token = f.name.split(".", 1)[0]
        if token in _LIVE or (folder / f"{token}.recovery.json").exists():
            continue
        lock = folder / f"{token}.lock"
        held = _locked_by_someone(lock)
        if held or (held is None and (lock.exists() or fcntl is None)):
            continue  # a live window with no unsaved edits now keeps its own (or it cannot be told)
        with contextlib.suppress(OSError):
            f.unlink()
            n += 1
    return n


class RecoveryWriter(QObject):
    """Keeps the recovery file of one window current: at most :data:`SNAPSHOT_DELAY_MS` behind the first unsaved
    edit, removed when the document is clean. ``protection_changed(reason)`` says why crash protection is off
    (empty: it is on)."""

    protection_changed = Signal(str)

    def __init__(self, doc: PlanDocument, recovery: RecoveryFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.recovery = recovery
        self.problem = ""
        self.writes = 0
        self._closed = False
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SNAPSHOT_DELAY_MS)
        self._soon.timeout.connect(self.write_now)
        self._periodic = QTimer(self)
        self._periodic.setInterval(PERIODIC_MS)
        self._periodic.timeout.connect(self.write_now)
        self._periodic.start()
        self._lock = threading.Lock()
        self._pending: str | None = None
        self._thread: threading.Thread | None = None
        self._thread_error: str | None = None
        self._poll = QTimer(self)  # picks up the result of a background write on the GUI thread
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check_thread)
        self.label: QLabel | None = None
        self.base_digest: Callable[[], str | None] = lambda: None
        """The open file's digest as the window knows it (the window's file guard), kept in each snapshot."""
        self.base_bytes: Callable[[], bytes | None] = lambda: None
        """The open file as the window last read or wrote it (the file guard's merge ancestor), kept beside."""
        doc.plan_changed.connect(self.edited)
        doc.undo_stack.cleanChanged.connect(self._clean_changed)

    # -- scheduling ------------------------------------------------------------------------------------------
    def edited(self) -> None:
        """An undo step happened: snapshot soon. The timer is *not* restarted by later edits, so continuous
        editing cannot postpone the snapshot."""
        if self._closed or not self.doc.is_modified:
            return
        if not self._soon.isActive():
            self._soon.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self._soon.stop()
            self.wait()
            self.recovery.remove()

    @property
    def pending(self) -> bool:
        return self._soon.isActive()

    # -- writing ---------------------------------------------------------------------------------------------
    def write_now(self) -> None:
        self._soon.stop()
        if self._closed or not self.doc.is_modified:
            return
        plan = self.doc.file_plan() if hasattr(self.doc, "file_plan") else self.doc.plan
        started = time.perf_counter()
        try:
            self.recovery.scenario = getattr(getattr(self.doc, "scenarios", None), "active", None)
            self.recovery.base_digest = self.base_digest()
            payload = self.recovery.payload(plan, self.doc.path)
            if self.doc.path is not None:
                try:
                    self.recovery.keep_base(self.base_bytes())
                except OSError as exc:  # the snapshot still protects the edits; a restore then cannot merge
                    log.warning("could not keep the original file beside the recovery file: %s", exc)
        except Exception as exc:  # a snapshot must never take the editor down
            log.exception("could not serialise the recovery snapshot")
            self._set_problem(f"the snapshot could not be made ({type(exc).__name__})")
            return
        # Snapshots take at most a tenth of the GUI thread: a plan whose snapshot takes longer than
        # SNAPSHOT_DELAY_MS / SLOW_SNAPSHOT_FACTOR to serialise (thousands of decisions) is snapshotted less often.
        cost_ms = (time.perf_counter() - started) * 1000
        self._soon.setInterval(max(SNAPSHOT_DELAY_MS, int(SLOW_SNAPSHOT_FACTOR * cost_ms)))
        if len(self.doc.plan.decisions) < THREADED_FROM_DECISIONS:
            try:
                self.recovery.write_payload(payload)
            except OSError as exc:
                log.warning("could not write the recovery file: %s", exc)
                self._set_problem(self._write_problem(exc))
                return
            self.writes += 1
            self._set_problem("")
            return
        with self._lock:
            self._pending = payload  # the newest snapshot wins; an older one not yet written is dropped
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._drain, name="recovery-writer", daemon=True)
                self._thread.start()
        self._poll.start()

    def _drain(self) -> None:
        while True:
            with self._lock:
                payload, self._pending = self._pending, None
            if payload is None:
                return
            try:
                self.recovery.write_payload(payload)
                error = ""
            except OSError as exc:
                error = self._write_problem(exc)
            with self._lock:
                self._thread_error = error
                self.writes += 1 if not error else 0

    def _write_problem(self, exc: OSError) -> str:
        """Why a snapshot was not written: the folder's reason while it cannot be made (not "the folder does not
        exist", which only follows from it), else the write's own."""
        return self.recovery.unavailable or f"the recovery file cannot be written ({exc.strerror or exc})"

    def _check_thread(self) -> None:
        with self._lock:
            done = self._thread is None or not self._thread.is_alive()
            error, self._thread_error = self._thread_error, None
        if error is not None:
            self._set_problem(error)
        if done:
            self._poll.stop()

    def wait(self) -> None:
        """Finish a background write (before removing the file, and at close)."""
        thread = self._thread
        if thread is not None:
            thread.join()
        self._check_thread()

    def close(self) -> None:
        self._closed = True
        self._soon.stop()
        self._periodic.stop()
        self.wait()
        self._poll.stop()

    # -- crash protection status -----------------------------------------------------------------------------
    def install(self, status: QStatusBar) -> QLabel:
        """A permanent status-bar notice, visible only while crash protection is off."""
        label = QLabel(status)
        label.setObjectName("crashProtectionOff")
        label.setStyleSheet("color: #B00020; font-weight: bold;")
        label.hide()
        status.addPermanentWidget(label)
        self.label = label
        if self.recovery.unavailable:  # said from the start, not only at the first edit's snapshot
            self._set_problem(self.recovery.unavailable)
        return label

    def _remedy(self) -> str:
        """What clears the notice: a folder that cannot be made needs a writable place (not free space in a
        folder that is not there)."""
        if self.recovery.unavailable:
            return (
                f"make {recovery_path()} possible to create (a writable home folder or disk, no file in its "
                "way, or PLANNER_DATA_DIR naming a writable folder)"
            )
        return f"free space in {recovery_path()}"

    def _set_problem(self, problem: str) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        if (
            self.label is not None
        ):  # short in the bar (it shares the row with the figures); the reason on hover
            self.label.setText("\u26a0 Crash protection off" if problem else "")
            self.label.setToolTip(
                f"Crash protection is off: {problem}. Unsaved changes cannot be restored after a "
                f"crash until this clears. Save the plan, or {self._remedy()}."
                if problem
                else ""
            )
            self.label.setVisible(bool(problem))
        self.protection_changed.emit(problem)
