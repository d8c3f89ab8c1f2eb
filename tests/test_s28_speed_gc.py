"""Session 28, issue 12: the cyclic GC is off while a command starts (its imports make no garbage, and the
collections they set off walked every new object again), on again once a reading command has loaded its plan,
on before any other command runs, and as the caller had it after :func:`planner.cli.main`."""

from __future__ import annotations

import contextlib
import gc
import io
from pathlib import Path
from typing import Any

import pytest

import planner.analysis
import planner.cli
import planner.model
from planner.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "sample_plans" / "bank-assistant.plan.json"


def _run(argv: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()):
        return main(argv)


@pytest.mark.parametrize("command", ["check", "analyze"])
def test_a_reading_command_starts_without_the_collector_and_analyses_with_it(
    monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    seen: dict[str, bool] = {}
    load_plan, analyze, plan_findings = (
        planner.model.load_plan,
        planner.analysis.analyze,
        planner.analysis.plan_findings,
    )

    def loading(*args: Any, **kwargs: Any) -> Any:
        seen["load"] = gc.isenabled()
        return load_plan(*args, **kwargs)

    def analysing(*args: Any, **kwargs: Any) -> Any:
        seen["analysis"] = gc.isenabled()
        return (analyze if command == "analyze" else plan_findings)(*args, **kwargs)

    monkeypatch.setattr(planner.model, "load_plan", loading)
    monkeypatch.setattr(planner.analysis, "analyze" if command == "analyze" else "plan_findings", analysing)
    assert gc.isenabled()
    assert _run([command, str(SAMPLE), "--format", "json"]) in (0, 1)
    assert seen == {"load": False, "analysis": True}
    assert gc.isenabled()


def test_the_caller_gets_its_collector_back_as_it_was() -> None:
    gc.disable()
    try:
        assert _run(["check", str(SAMPLE), "--format", "json"]) in (0, 1)
        assert not gc.isenabled()  # load turned it on for the command; main put the caller's state back
        assert _run(["check", str(SAMPLE.with_name("no-such.plan.json"))]) == 2
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert _run(["check", str(SAMPLE.with_name("no-such.plan.json"))]) == 2
    assert gc.isenabled()  # a command that failed before its plan was loaded


def test_any_other_command_runs_with_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def command(_args: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(planner.cli, "cmd_open", command)
    monkeypatch.setattr(planner.cli, "cmd_templates", command)
    assert _run([str(SAMPLE)]) == 0  # `planner FILE`: the app, which runs as long as the user works
    assert _run(["templates"]) == 0
    assert seen == [True, True]
