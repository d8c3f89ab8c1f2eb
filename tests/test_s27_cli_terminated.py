"""A command stopped by SIGTERM (kill, a CI job's time limit, a shutdown) while a file goes to disk leaves the old
file as it was and no temporary file beside it, says 'planner: terminated' and exits 143 (session 27). SIGTERM's
default ended the process at once: the file was intact, but the temporary file stayed until the next write, and
nothing was said. A real signal, sent by the process to itself at the atomic write's fsync, in a child process."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from planner.commands.common import sample_plan_path

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    import planner.model.io as model_io
    from planner.cli import main

    real = model_io.os.fsync

    def fsync(fd):
        os.kill(os.getpid(), signal.SIGTERM)
        real(fd)

    model_io.os.fsync = fsync
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_terminated_write_leaves_the_old_file_and_says_so(tmp_path: Path) -> None:
    sample = sample_plan_path()
    assert sample is not None
    plan = tmp_path / "plan.plan.json"
    shutil.copyfile(sample, plan)
    before = plan.read_bytes()
    names = sorted(p.name for p in tmp_path.iterdir())
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "baseline", str(plan), "--name", "Kept"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 143, (done.returncode, done.stderr)
    assert done.stderr.endswith("planner: terminated\n") and "Traceback" not in done.stderr, done.stderr
    assert plan.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # no temporary file left


def test_the_handler_is_the_callers_again_after_an_in_process_command(tmp_path: Path) -> None:
    import signal

    from planner.cli import main

    before = signal.getsignal(signal.SIGTERM)
    assert main(["templates"]) == 0
    assert signal.getsignal(signal.SIGTERM) == before
