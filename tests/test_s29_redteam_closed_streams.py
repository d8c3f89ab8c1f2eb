"""Session 29 red team: ``check`` and ``analyze`` end the process with ``os._exit`` once their output is written
(planner.cli._end_now, f9c98a0). Run with stdout or stderr closed (``planner check plan >&-``, ``2>&-`` in a cron
job or a hook), Python gives the command ``sys.stdout`` / ``sys.stderr`` = None, and ``_end_now``'s
``sys.stderr.flush()`` raised AttributeError out of main(): a traceback and exit code 1 where the commands
exited 0 (a clean plan), 1 (a plan with errors) or 2 (stdout closed: the output cannot be written) at fe8d26e.
Fixed meanwhile by cb1a21a (a closed stream's stand-in, cli._ClosedOutput); these pin the exit codes of the
commands that end with os._exit, with stderr closed alone (not covered by tests/test_s29_cli_closed_streams.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "bank-assistant.plan.json"


def _cycle(tmp_path: Path) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    first, second = data["decisions"][0]["id"], data["decisions"][1]["id"]
    data["dependencies"] += [{"from": first, "to": second}, {"from": second, "to": first}]
    path = tmp_path / "cycle.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _run_closed(argv: list[str], fd: int) -> subprocess.CompletedProcess[bytes]:
    """``python -m planner ARGV`` with file descriptor ``fd`` (1 or 2) closed, as ``>&-`` / ``2>&-`` leave it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "planner", *argv],
        capture_output=True,
        env=env,
        cwd=ROOT,
        preexec_fn=lambda: os.close(fd),  # the child closes its own fd, before exec
    )


COMMANDS = [["check"], ["check", "--format", "json"], ["analyze"], ["analyze", "--format", "json"]]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("plan", ["sample", "cycle"])
def test_stderr_closed_keeps_the_exit_code(tmp_path: Path, argv: list[str], plan: str) -> None:
    path = SAMPLE if plan == "sample" else _cycle(tmp_path)
    done = _run_closed([argv[0], str(path), *argv[1:]], 2)
    assert done.returncode == (0 if plan == "sample" else 1)


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_stdout_closed_is_exit_2_without_a_traceback(argv: list[str]) -> None:
    done = _run_closed([argv[0], str(SAMPLE), *argv[1:]], 1)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
