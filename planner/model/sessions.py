"""Which process wrote a file, told apart by more than its process id (Qt-free).

A process id alone is not an identity: after a reboot, or simply later, the same number belongs to another
process, and a file "owned by a live process" would be kept (or never offered for recovery) forever. A session
tag is ``<pid>-<start>``, where ``start`` is the process's start time as the system reports it (on Linux the start
tick from ``/proc/<pid>/stat`` plus the boot id; elsewhere ``0``, and only the pid is compared).

The app's own temporary files (``.<name>.~<tag>~XXXX.tmp`` beside a saved plan, ``.part`` beside a report) carry the
tag, so :func:`clean_stale_temps` can remove the ones whose writer is gone (killed mid-save) and leave a live
writer's alone.
"""

from __future__ import annotations

import contextlib
import os
import time
from functools import cache
from pathlib import Path

STALE_UNTAGGED_SECONDS = 3600
"""A temporary file without a session tag (written by an older version) is stale after an hour."""


@cache
def _boot_id() -> str:
    try:
        return (
            Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip().replace("-", "")[:12]
        )
    except OSError:
        return ""


def process_start(pid: int) -> str | None:
    """An opaque start-time token of process ``pid``; None when the process does not exist, ``"0"`` when the
    system does not say (then only the pid identifies the process)."""
    if pid <= 0:
        return None
    stat_file = Path(f"/proc/{pid}/stat")
    if Path("/proc/self/stat").exists():
        try:
            text = stat_file.read_text(encoding="ascii", errors="replace")
        except OSError:
            return None
        fields = text[text.rfind(")") + 2 :].split()  # the name (field 2) may hold spaces and parentheses
        return f"{_boot_id()}.{fields[19]}" if len(fields) > 19 else "0"
    return "0" if pid_alive(pid) else None


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, OverflowError):
        return False
    return True


@cache
def this_session() -> str:
    """This process's tag, ``<pid>-<start>``."""
    pid = os.getpid()
    return f"{pid}-{process_start(pid) or '0'}"


def session_alive(tag: str) -> bool:
    """True while the process that had ``tag`` still runs (same pid *and* same start time)."""
    pid_text, _, start = tag.partition("-")
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    now = process_start(pid)
    if now is None:
        return False
    return start in ("", "0") or now == "0" or now == start


def temp_prefix(target: str | os.PathLike[str]) -> str:
    """The name prefix of this process's temporary files for ``target`` (``mkstemp`` adds random letters)."""
    return f".{Path(target).name}.~{this_session()}~"


def clean_stale_temps(target: str | os.PathLike[str], suffixes: tuple[str, ...] = (".tmp", ".part")) -> int:
    """Remove the temporary files of ``target`` (``.<name>.*.tmp`` / ``.part`` in its folder) left by a writer that
    is gone. Files of a live writer are kept; untagged ones only after :data:`STALE_UNTAGGED_SECONDS`. Returns how
    many were removed; never raises."""
    p = Path(target)
    folder = p.parent if str(p.parent) else Path(".")
    head = f".{p.name}."
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        name = entry.name
        if not name.startswith(head) or not name.endswith(suffixes):
            continue
        rest = name[len(head) :]
        if rest.startswith("~") and rest.count("~") >= 2:
            stale = not session_alive(rest[1 : rest.index("~", 1)])
        else:
            try:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > STALE_UNTAGGED_SECONDS
            except OSError:
                continue
        if stale:
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def clean_folder_temps(folder: str | os.PathLike[str]) -> int:
    """Remove every temporary file of this app in ``folder`` (``.<name>.~<tag>~XXXX.tmp`` / ``.part``, whatever the
    target) whose writer is gone: a plan's folder on opening it also holds its reports and exports. Only tagged
    files are touched (the tag is this app's); returns how many were removed; never raises."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith((".tmp", ".part"))) or ".~" not in name:
            continue
        start = name.index(".~") + 2
        end = name.find("~", start)
        if end < 0 or session_alive(name[start:end]):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed += 1
    return removed
