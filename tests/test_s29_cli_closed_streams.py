"""Found by H-install29 (session 29), each an internal error or a traceback before:

- a command started with its standard output closed (`planner analyze FILE >&-`, a service without stdout):
  Python gives None for sys.stdout and the first write stopped it with "internal error: AttributeError";
  `python -m planner --version >&-` printed a traceback. Now: "cannot write the output: standard output is
  closed", exit code 2, as for a full disk; with stderr closed too, exit 2 and nothing half-done;
- `planner new --title` and `planner baseline FILE NAME` given bytes that are not text in the system's encoding
  (a Latin-1 terminal's 'é'): "internal error: ValidationError"; now the option, the bytes and what to do."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_plans" / "fraud-detection.plan.json"


def _closed(command: str, closing: str = ">&-") -> subprocess.CompletedProcess[str]:
    line = f"exec {shlex.quote(sys.executable)} -m planner {command} {closing}"
    return subprocess.run(["sh", "-c", line], capture_output=True, text=True, timeout=120, cwd=ROOT)


@pytest.mark.parametrize(
    "command",
    [
        f"analyze {SAMPLE}",
        f"analyze {SAMPLE} --format json",
        f"check {SAMPLE}",
        f"simulate {SAMPLE} --iterations 100",
        "templates",
        "--version",
    ],
)
def test_a_closed_stdout_is_said(command: str) -> None:
    done = _closed(command)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == "planner: cannot write the output: standard output is closed", done.stderr


def test_closed_stdout_and_stderr_end_with_the_usage_code() -> None:
    assert _closed(f"analyze {SAMPLE}", ">&- 2>&-").returncode == 2


def test_a_command_writing_a_file_needs_no_stdout(tmp_path: Path) -> None:
    out = tmp_path / "g.svg"
    done = _closed(f"export {SAMPLE} --chart gantt -o {out}")
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize(
    ("argv", "flag"),
    [(["new", "--title", "T\udce9st"], "--title"), (["baseline", "{plan}", "B\udce9"], "--name")],
)
def test_bytes_that_are_not_text_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], flag: str
) -> None:
    plan = tmp_path / "p.plan.json"
    plan.write_bytes(SAMPLE.read_bytes())
    before = plan.read_bytes()
    code = main([a.replace("{plan}", str(plan)) for a in argv])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith(f"planner: {flag}: '") and "\\xe9" in err and "UTF-8" in err, err
    assert "internal error" not in err
    assert plan.read_bytes() == before  # nothing written


def test_text_from_a_utf8_terminal_is_taken(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--title", "Tést"]) == 0
    assert '"title": "Tést"' in capsys.readouterr().out


def test_no_stand_in_when_the_streams_are_open() -> None:
    env = {**os.environ}
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--version"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0 and done.stdout.startswith("planner "), done.stderr


def test_the_app_says_qt_cannot_be_loaded(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `planner FILE` on a machine without a library Qt needs (H-install29 hid libxkbcommon): the import of Qt's
    # widgets happened inside the app's start, outside the guard, and printed an internal error
    monkeypatch.setitem(sys.modules, "PySide6.QtWidgets", None)
    assert main([str(SAMPLE)]) == 2
    err = capsys.readouterr().err
    assert "Qt cannot be loaded" in err and "apt-get install" in err and "internal error" not in err, err
