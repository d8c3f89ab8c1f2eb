"""Session 30, issue 12: ``planner check``, ``analyze`` and ``simulate`` read their arguments with a parser that
declares that command alone (``planner.cli._parser_for``), where every run declared all the commands' arguments
and imported every command's module to do it (~8 ms of each run). To the command it is the same parser: the same
arguments, help, usage and messages, which these tests compare with the whole parser's."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import planner.cli as cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(ROOT / "sample_plans" / "bank-assistant.plan.json")

ARGVS = [
    [],
    ["--help"],
    ["-h"],
    [SAMPLE, "--format", "xml"],
    [SAMPLE, "--bogus"],
    [SAMPLE, "--form", "json"],  # an abbreviation
    [SAMPLE, "--status-date", "-inf"],  # a value that starts with '-'
    [SAMPLE, "--scenario"],
    [SAMPLE, "--format", "json", "--indent"],
    [SAMPLE, "extra"],
    ["--version"],
]


def _run(argv: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: object = cli.main(argv)
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("command", sorted(cli._LOAD_FIRST))
def test_the_command_alone_reads_its_arguments_as_the_whole_parser(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = ["--iterations", "50"] if command == "simulate" else []
    argvs = [[command, *a] for a in ARGVS] + [
        [command, SAMPLE, *extra],
        [command, SAMPLE, "--format", "json", *extra],
    ]
    alone = [_run(argv) for argv in argvs]
    assert [a[0] for a in alone[-2:]] == [0, 0] and json.loads(alone[-1][1])  # it ran
    assert any("usage: planner " + command in a[1] + a[2] for a in alone)
    monkeypatch.setattr(cli, "_parser_for", lambda argv: cli.build_parser())
    assert [_run(argv) for argv in argvs] == alone


def test_its_parser_declares_the_command_as_the_whole_parser_does() -> None:
    def commands(parser: object) -> dict[str, object]:
        import argparse

        assert isinstance(parser, argparse.ArgumentParser)
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return dict(action.choices)

    whole = commands(cli.build_parser())
    for command in cli._LOAD_FIRST:
        alone = commands(cli._parser_for([command, SAMPLE]))
        assert list(alone) == [command]
        assert alone[command].format_help() == whole[command].format_help()  # type: ignore[attr-defined]
    assert commands(cli._parser_for(["report", SAMPLE])).keys() == whole.keys()
    assert commands(cli._parser_for([SAMPLE])).keys() == whole.keys()  # `planner FILE`
    assert commands(cli._parser_for([])).keys() == whole.keys()


@pytest.mark.parametrize("command", ["check", "analyze"])
def test_a_core_command_imports_no_other_command(command: str) -> None:
    """Nor what only the others need: pkgutil (to find them) and the levelling (``--level``)."""
    code = (
        "import sys, contextlib, io\n"
        "from planner.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main([{command!r}, {SAMPLE!r}, '--format', 'json']) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('planner.commands.')))\n"
        "print(sorted(m for m in ('pkgutil', 'planner.analysis.levelling') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    commands, others = done.stdout.splitlines()
    assert json.loads(commands.replace("'", '"')) == ["planner.commands.common", "planner.commands.core"]
    assert json.loads(others.replace("'", '"')) == []


def test_levelling_still_works_when_asked_for() -> None:
    code, out, err = _run(["analyze", SAMPLE, "--level", "--format", "json"])
    assert (code, err) == (0, "") and "levelled" in json.loads(out)
