"""Autosave recovery files: the unsaved state of an open plan, written periodically and after edits, removed
after a clean save or close, and offered for restore on the next start after a crash.

Each window owns one file ``<data>/recovery/<token>.recovery.json``. A file is an orphan (left by a crash) when
its process is gone, or when it is in this process but no live window owns it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.model import Plan, plan_from_dict, plan_to_dict, write_text_atomic
from planner.ui.settings import data_dir

FORMAT = "planner-recovery"
_LIVE: set[str] = set()


def recovery_dir() -> Path:
    d = data_dir() / "recovery"
    d.mkdir(parents=True, exist_ok=True)
    return d


@dataclass
class RecoveryEntry:
    file: Path
    original_path: str | None
    title: str
    written: dt.datetime | None
    data: dict[str, Any]

    def plan(self) -> Plan:
        return plan_from_dict(self.data, self.file)

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)


class RecoveryFile:
    """The recovery file of one window."""

    def __init__(self) -> None:
        self.token = uuid.uuid4().hex
        _LIVE.add(self.token)
        self.path = recovery_dir() / f"{self.token}.recovery.json"

    def write(self, plan: Plan, original_path: str | None) -> None:
        payload = {
            "format": FORMAT,
            "version": 1,
            "pid": os.getpid(),
            "written": dt.datetime.now().isoformat(timespec="seconds"),
            "original_path": original_path,
            "plan": plan_to_dict(plan),
        }
        write_text_atomic(self.path, json.dumps(payload, indent=1, ensure_ascii=False) + "\n")

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)

    def release(self) -> None:
        """The window is gone (cleanly): remove the file and forget the token."""
        self.remove()
        _LIVE.discard(self.token)

    def abandon(self) -> None:
        """Simulate a crash (tests): forget the token but leave the file behind."""
        _LIVE.discard(self.token)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def orphans() -> list[RecoveryEntry]:
    """Recovery files left by a crashed session, newest first. Unreadable files are skipped (and kept)."""
    out = []
    for f in recovery_dir().glob("*.recovery.json"):
        token = f.name.split(".", 1)[0]
        try:
            payload = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            continue
        pid = int(payload.get("pid") or 0)
        if token in _LIVE or (pid != os.getpid() and _pid_alive(pid)):
            continue
        plan = payload.get("plan") or {}
        try:
            written = dt.datetime.fromisoformat(str(payload.get("written")))
        except ValueError:
            written = None
        out.append(RecoveryEntry(f, payload.get("original_path"), str(plan.get("title", "Untitled plan")),
                                 written, plan))
    out.sort(key=lambda e: e.written or dt.datetime.min, reverse=True)
    return out
