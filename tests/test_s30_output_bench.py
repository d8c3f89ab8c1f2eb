"""Session 30: bench_commands.py runs the previous release as its command line, as it runs this one: ``main()`` reading
``sys.argv``, which ends the process at once once the output is written (session 29). It ran it as ``main(argv)``,
a script calling the planner, which frees the plan and the analysis object by object before Python's own exit:
at 100k decisions 0.25 s more of CPU for the previous release (2.22 against 1.97 s for 003634a's analyze), so the
'x previous' figures flattered the planner."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from benchmarks import bench_commands

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "bank-assistant.plan.json"


@pytest.mark.parametrize("previous", [False, True])
def test_the_planner_and_the_previous_release_end_as_a_command_ends(tmp_path: Path, previous: bool) -> None:
    # An exit handler in every Python process started here says whether Python's usual exit ran.
    (tmp_path / "sitecustomize.py").write_text(
        "import atexit, sys\natexit.register(lambda: sys.stderr.write('python exit ran\\n'))\n",
        encoding="utf-8",
    )
    env = {**bench_commands.COMMAND_ENV, "PYTHONPATH": str(tmp_path)}
    cmd = bench_commands.planner_cmd(["analyze", str(SAMPLE), "--format", "json"], ROOT if previous else None)
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.startswith("{"), done.stderr
    assert "python exit ran" not in done.stderr
    # (a process that ends as usual says so: the handler is there)
    usual = subprocess.run([*cmd[:2], "pass"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert "python exit ran" in usual.stderr
