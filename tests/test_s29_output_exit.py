"""Session 29, issue 12: ``planner check`` and ``planner analyze`` hold their plan, analysis and JSON object to the end
(:func:`planner.commands.common.keep_to_the_end`) and, run as the process's own command line, end the process at
once after writing their output, where Python's exit freed a few million objects one by one (~0.25 s of a
100k-decision analyze). What they write, on stdout and stderr, and their exit code are as before; run in-process
(tests, scripts), nothing is held after main() returns."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.commands.common import holding_kept

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "bank-assistant.plan.json"

# The process's own command line (main() with no arguments, as the `planner` script calls it), with an exit handler
# that says whether Python's usual exit ran.
CHILD = (
    "import atexit, sys\n"
    "atexit.register(lambda: sys.stderr.write('python exit ran\\n'))\n"
    "from planner.cli import main\n"
    "sys.argv = ['planner', *sys.argv[1:]]\n"
    "sys.exit(main())\n"
)


def _process(argv: list[str]) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, env=env, cwd=ROOT)


def _in_process(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert not holding_kept()  # let go when main() returned
    return code, out.getvalue(), err.getvalue()


def _plan_with_an_error(tmp_path: Path) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    first, second = data["decisions"][0]["id"], data["decisions"][1]["id"]
    data["dependencies"] += [{"from": first, "to": second}, {"from": second, "to": first}]  # a cycle
    path = tmp_path / "cycle.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze", "--format", "json"],
        ["analyze"],
        ["check", "--format", "json"],
        ["check"],
        ["check", "--strict"],
    ],
)
@pytest.mark.parametrize("plan", ["sample", "cycle"])
def test_a_reading_command_ends_at_once_with_the_same_output_and_code(
    tmp_path: Path, argv: list[str], plan: str
) -> None:
    path = str(SAMPLE if plan == "sample" else _plan_with_an_error(tmp_path))
    full = [argv[0], path, *argv[1:]]
    code, out, err = _in_process(full)
    done = _process(full)
    assert done.returncode == code
    assert done.stdout.decode("utf-8") == out
    assert done.stderr.decode("utf-8") == err  # and no "python exit ran": the process ended at once
    assert code == (0 if plan == "sample" and "--strict" not in argv else 1)


def test_several_files_and_a_missing_one(tmp_path: Path) -> None:
    full = ["check", str(SAMPLE), str(tmp_path / "missing.plan.json"), "--format", "json"]
    code, out, err = _in_process(full)
    done = _process(full)
    # several files hold nothing to the end (test_several_files_are_not_all_held_at_once): Python's exit runs
    assert (done.returncode, done.stdout.decode("utf-8")) == (code, out)
    assert done.stderr.decode("utf-8") == err + "python exit ran\n"
    assert code == 2 and "missing.plan.json" in err


def test_other_commands_end_as_python_ends() -> None:
    done = _process(["coverage", str(SAMPLE)])
    assert done.returncode == 0
    assert done.stderr.decode("utf-8").endswith("python exit ran\n")
    done = _process(["check", str(SAMPLE.with_name("no-such.plan.json"))])  # nothing loaded, nothing held
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").endswith("python exit ran\n")


def test_under_a_profiler_python_exits_as_usual(tmp_path: Path) -> None:
    # `python -m cProfile -o FILE -m planner analyze ...` writes its profile as Python exits
    profile = tmp_path / "analyze.prof"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "planner", "analyze", str(SAMPLE)],
        capture_output=True,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == _in_process(["analyze", str(SAMPLE)])[1]
    assert profile.stat().st_size > 0


def test_several_files_are_not_all_held_at_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # a pre-commit hook checks every staged plan in turn: each is let go before the next is loaded
    import planner.commands.core as core

    held: list[int] = []
    monkeypatch.setattr(core, "keep_to_the_end", lambda *objects: held.append(len(objects)))
    other = tmp_path / "other.plan.json"
    other.write_bytes(SAMPLE.read_bytes())
    for fmt in ("json", "text"):
        assert _in_process(["check", str(SAMPLE), str(other), "--format", fmt])[0] == 0
    assert held == []
    assert _in_process(["check", str(SAMPLE)])[0] == 0
    assert held == [2]  # one file: its plan and findings, to the end
