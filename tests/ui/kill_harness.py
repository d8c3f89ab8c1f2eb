"""One GUI kill (issue 11): start ``recovery_child.py``, let it edit, kill it with SIGKILL at a random moment, and
check that the recovery file it left holds every edit made more than 0.5 s before the kill."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CHILD = Path(__file__).resolve().parent / "recovery_child.py"
GRACE = 0.5
"""Edits older than this (seconds) at the moment of the kill must be recoverable."""


@dataclass
class KillResult:
    edits: int  # edits the child logged before it died
    old_edits: int  # of those, made more than GRACE before the kill
    recovered: int  # edits found in the recovery file
    lost_old: list[int]  # old edits missing from the recovery file (must be empty)
    offered: bool  # the recovery file is offered as an orphan (its session is dead)
    newest_lag: float  # seconds between the newest recovered edit and the kill


def kill_once(folder: Path, seed: int, rng: random.Random | None = None, timeout: float = 60.0) -> KillResult:
    rng = rng or random.Random(seed)
    data = folder / "appdata"
    log = folder / "edits.log"
    log.write_text("", encoding="utf-8")
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(log), str(seed)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + timeout
        while "ready" not in log.read_text(encoding="utf-8"):
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"the child did not start (exit {proc.returncode})")
            time.sleep(0.05)
        time.sleep(rng.uniform(0.3, 4.0))
        killed_at = time.time()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    edits: dict[int, float] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        key, _, when = line.partition(" ")
        if key.isdigit():
            edits[int(key)] = float(when)
    files = sorted((data / "recovery").glob("*.recovery.json"))
    titles: set[str] = set()
    for f in files:
        payload = json.loads(f.read_text(encoding="utf-8"))
        titles |= {d["title"] for d in payload["plan"]["decisions"]}
    recovered = sorted(k for k in edits if f"edit-{k}" in titles)
    old = [k for k, t in edits.items() if t < killed_at - GRACE]
    lost = [k for k in old if f"edit-{k}" not in titles]
    offered = _offered(data)
    newest = max((edits[k] for k in recovered), default=killed_at)
    return KillResult(len(edits), len(old), len(recovered), lost, offered, killed_at - newest)


def _offered(data: Path) -> bool:
    """Does a new session see exactly one readable file left by a crash, with a plan that loads?"""
    from planner.ui.state import recovery

    before = os.environ.get("PLANNER_DATA_DIR")
    os.environ["PLANNER_DATA_DIR"] = str(data)
    try:
        entries, bad = recovery.scan()
        return len(entries) == 1 and not bad and bool(entries[0].plan().decisions)
    finally:
        if before is None:
            os.environ.pop("PLANNER_DATA_DIR", None)
        else:
            os.environ["PLANNER_DATA_DIR"] = before
