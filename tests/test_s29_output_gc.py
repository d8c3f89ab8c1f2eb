"""Session 29, issue 12: ``analyze``'s JSON object, which the command keeps to its end, is made with the cyclic GC
off and then frozen with the plan, so no collection walks it and finds nothing (at 100k decisions 14 ms); and a
reading command run as the process's own command line leaves what it froze frozen at its end, where giving it back
only had the collection Python makes at exit walk it all (20 ms at 100k; check and analyze now end the process at
once, tests/test_s29_output_exit.py, so simulate shows it)."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import planner.analysis
from benchmarks._plans import random_plan_dict
from planner.cli import main
from planner.commands.common import kept

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "bank-assistant.plan.json"


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # big enough that the JSON object's making sets off a collection of its own (as at 20k decisions)
    path = tmp_path_factory.mktemp("s29gc") / "big.plan.json"
    path.write_text(json.dumps(random_plan_dict(20_000, seed=0)), encoding="utf-8")
    return path


@contextlib.contextmanager
def _collections_from_the_json_object(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The generations of the cyclic collections made from the moment analyze starts making its JSON object."""
    seen: list[int] = []
    started: list[bool] = []
    analysis_to_dict = planner.analysis.analysis_to_dict

    def making(*args: Any, **kwargs: Any) -> Any:
        started.append(True)
        return analysis_to_dict(*args, **kwargs)

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and started:
            seen.append(info["generation"])

    monkeypatch.setattr(planner.analysis, "analysis_to_dict", making)
    gc.callbacks.append(callback)
    try:
        yield seen
    finally:
        gc.callbacks.remove(callback)


def test_no_collection_walks_the_json_object(big_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert gc.isenabled()
    with (
        _collections_from_the_json_object(monkeypatch) as seen,
        contextlib.redirect_stdout(io.StringIO()) as out,
    ):
        assert main(["analyze", str(big_plan), "--format", "json"]) == 0
    assert seen == []
    assert len(json.loads(out.getvalue())["decisions"]) == 20_000  # it did its work
    assert gc.isenabled() and gc.get_freeze_count() == 0  # run in-process: the caller's GC as it was


def test_kept_freezes_what_was_made_and_puts_the_gc_back() -> None:
    assert gc.isenabled()
    try:
        with kept():
            assert not gc.isenabled()
            made = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(made)
        assert gc.get_count()[0] == 0  # nothing new to set off a collection
        gc.disable()
        with kept():
            pass
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def _freeze_count_at_exit(call: str, *command: str) -> int:
    """What ``gc.get_freeze_count()`` is once ``planner COMMAND SAMPLE ...`` has run as ``call`` in a fresh process."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: sys.stderr.write(f'frozen {gc.get_freeze_count()}\\n'))\n"
        "from planner.cli import main\n"
        f"sys.argv = ['planner', {command[0]!r}, {str(SAMPLE)!r}, *{list(command[1:])!r}]\n"
        f"code = {call}\n"
        "sys.exit(code)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return int(done.stderr.rsplit("frozen ", 1)[1])


def test_the_command_line_leaves_its_objects_frozen_and_a_caller_gets_them_back() -> None:
    # `planner simulate FILE`: the process ends with the command (check and analyze end it at once: nothing of
    # Python's exit runs, tests/test_s29_output_exit.py)
    simulate = ("simulate", "--iterations", "50")
    assert _freeze_count_at_exit("main()", *simulate) > 0
    assert (
        _freeze_count_at_exit("main(sys.argv[1:])", *simulate) == 0
    )  # a script calling main(argv): all back
    # any other command gets them back (the app's objects are finalized at exit as ever); coverage loads a plan too
    assert _freeze_count_at_exit("main()", "coverage") == 0
