"""A plan read from standard input: ``-`` as the plan file (session 32).

Plans are JSON files their owners keep in git; ``git show HEAD~1:plan.plan.json | planner diff - plan.plan.json``
compares a plan with its last commit without writing a temporary file. Pipes given as paths (``<(...)``) stay
refused (a FIFO may never end); ``-`` is the user's explicit request to read standard input, once, up to the size
a plan may have."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import planner.commands.common as common
from planner.cli import main
from planner.model import dump_plan

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_plans" / "bank-assistant.plan.json"


def planner(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args], input=stdin, capture_output=True, cwd=ROOT, check=False
    )


class _Stdin:
    """A stand-in for ``sys.stdin``: its bytes, and whether it is a terminal."""

    def __init__(self, data: bytes, tty: bool = False) -> None:
        self.buffer = io.BytesIO(data)
        self.reads = 0
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(common, "_stdin", [])

    def give(data: bytes, tty: bool = False) -> _Stdin:
        fake = _Stdin(data, tty)
        monkeypatch.setattr(sys, "stdin", fake)
        return fake

    return give


def test_analyze_from_stdin_is_analyze_of_the_file() -> None:
    piped = planner("analyze", "-", "--format", "json", stdin=SAMPLE.read_bytes())
    direct = planner("analyze", str(SAMPLE), "--format", "json", stdin=b"")
    assert (piped.returncode, piped.stderr) == (0, b"")
    assert json.loads(piped.stdout) == json.loads(direct.stdout)


def test_diff_against_the_last_commit_through_a_pipe(tmp_path: Path, make_plan: Any) -> None:
    old = make_plan([{"id": "a", "duration": 2}, {"id": "b", "duration": 3}], [("a", "b")])
    new = make_plan([{"id": "a", "duration": 4}, {"id": "b", "duration": 3}], [("a", "b")])
    path = tmp_path / "p.plan.json"
    path.write_text(dump_plan(new), encoding="utf-8")
    out = planner("diff", "-", str(path), "--format", "json", stdin=dump_plan(old).encode())
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["a"] == "-"
    assert [d["id"] for d in data["changes"]["decisions"]["changed"]] == ["a"]
    finishes = {s["name"]: s["finish"] for s in data["comparison"]["scenarios"]}
    assert finishes == {"-": 5.0, path.name: 7.0}


def test_standard_input_is_read_once_when_a_command_loads_twice(stdin: Any, capsys) -> None:
    fake = stdin(SAMPLE.read_bytes())
    first = common.load("-")
    second = common.load("-")  # the report with --scenarios loads the base, then the plan
    assert first.title == second.title and len(first.decisions) == len(second.decisions) == 48
    assert fake.buffer.tell() == len(SAMPLE.read_bytes())


def test_a_terminal_is_not_waited_on(stdin: Any, capsys) -> None:
    stdin(b"", tty=True)
    code = main(["check", "-"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "nothing is piped in" in err and "give a file's path" in err


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "standard input: the file is empty"),
        (b'{"schema_version": 1, "title": ', "standard input:1:"),
        (b"\xff\xfe{\x00}\x00", "UTF-16"),
    ],
)
def test_bad_input_is_named_as_standard_input(stdin: Any, capsys, data: bytes, said: str) -> None:
    stdin(data)
    code = main(["analyze", "-"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert said in err and "Traceback" not in err


def test_more_than_a_plan_may_hold_is_refused(stdin: Any, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.model.limits as limits

    monkeypatch.setattr(limits, "MAX_PLAN_BYTES", 100)
    fake = stdin(SAMPLE.read_bytes())
    code = main(["check", "-"])
    _, err = capsys.readouterr()
    assert code == 2 and "more than" in err and "standard input" in err
    assert fake.buffer.tell() == 101  # read no further than needed to know


def test_a_baseline_cannot_be_written_into_standard_input(stdin: Any, capsys) -> None:
    fake = stdin(SAMPLE.read_bytes())
    code = main(["baseline", "-", "--name", "v1"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "give the plan file's path" in err
    assert fake.buffer.tell() == 0
    stdin(SAMPLE.read_bytes())
    assert main(["baseline", "-"]) == 0  # listing reads it
    out, _ = capsys.readouterr()
    assert out.startswith("-: no baselines; `planner baseline FILE --name NAME`")


def test_help_says_dash_reads_standard_input(capsys) -> None:
    for command in (
        "check",
        "analyze",
        "simulate",
        "report",
        "export",
        "coverage",
        "scenarios",
        "compare",
        "diff",
    ):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out, _ = capsys.readouterr()
        assert "standard input" in " ".join(out.split()), command


@pytest.mark.parametrize("argv", [["open", "-"], ["-"]], ids=["open -", "planner -"])
def test_the_app_opens_a_piped_plan_as_a_new_unsaved_one(tmp_path: Path, argv: list[str]) -> None:
    import os

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PLANNER_EXIT_AFTER_OPEN": "1",
        "PLANNER_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "planner", *argv],
        input=SAMPLE.read_bytes(),
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines() == ["opened 'Untitled — Scaling Roadmap Planner': 48 decisions"]
    bad = subprocess.run(
        [sys.executable, "-m", "planner", *argv],
        input=b"{",
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2 and bad.stdout == b""
    assert bad.stderr.decode().startswith("planner: standard input:")  # said before the app starts
