"""The command line against hostile files and odd arguments (issue 11): one clear message, exit 0/1/2, never
"internal error", never a file written where the user did not mean it."""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import pytest

from planner.cli import dump_json, main
from planner.model import load_plan
from planner.model.sessions import clean_stale_temps, temp_prefix, this_session

SAMPLE = Path(__file__).resolve().parent.parent / "sample_plans" / "bank-assistant.plan.json"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_new_with_an_empty_output_name_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["new", "-o", ""], capsys)
    assert (code, out) == (2, "")
    assert (
        err
        == "planner: -o/--output: the file name is empty; give a file name, or leave -o out to print the plan\n"
    )


def test_new_into_a_folder_says_folder_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["new", "-o", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err and "--force" not in err
    code, _, err = run(["new", "--force", "-o", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_new_force_through_a_symlink_writes_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.plan.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.plan.json"
    link.symlink_to(real.name)
    code, _, _ = run(["new", "--force", "-o", str(link)], capsys)
    assert code == 0
    assert link.is_symlink() and os.readlink(link) == real.name
    assert load_plan(real).decisions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.plan.json", "real.plan.json"]


def test_json_output_never_holds_nan_or_infinity() -> None:
    import io

    buf = io.StringIO()
    dump_json({"a": math.nan, "b": [1.0, math.inf, -math.inf], "c": {"d": 2.5}}, buf)
    assert json.loads(buf.getvalue()) == {"a": None, "b": [1.0, None, None], "c": {"d": 2.5}}
    assert "NaN" not in buf.getvalue() and "Infinity" not in buf.getvalue()


def test_numpy_warnings_never_reach_stderr(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np

    import planner.cli as cli

    def noisy(_args: object) -> int:
        np.array([1e308]) * 10.0  # overflow: a RuntimeWarning that names numpy's source files
        return 0

    parser = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", lambda: _with_func(parser(), noisy))
    code, _, err = run(["templates"], capsys)
    assert (code, err) == (0, "")


def _with_func(parser: object, func: object) -> object:
    import argparse

    assert isinstance(parser, argparse.ArgumentParser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            action.choices["templates"].set_defaults(func=func)
    return parser


@pytest.mark.parametrize(
    "command",
    [["check"], ["analyze", "--format", "json"], ["simulate", "--format", "json", "--iterations", "100"]],
)
@pytest.mark.parametrize("case", ["deep", "digits", "migration", "late", "huge", "fifo", "duplicate"])
def test_hostile_files_get_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], case: str
) -> None:
    path = tmp_path / "p.json"
    base = json.loads(SAMPLE.read_text(encoding="utf-8"))
    if case == "deep":
        path.write_text('{"schema_version": 1, "x": ' + "[" * 3000 + "]" * 3000 + "}")
    elif case == "digits":
        path.write_text(json.dumps(base).replace('"schema_version": 1', '"schema_version": ' + "1" * 5000))
    elif case == "migration":
        path.write_text(
            json.dumps(
                {
                    "schema_version": 0,
                    "title": "t",
                    "stages": [{"id": "s", "name": "S"}],
                    "decisions": [],
                    "dependencies": None,
                }
            )
        )
    elif case == "late":
        base["start_date"] = "9999-09-01"
        path.write_text(json.dumps(base))
    elif case == "huge":
        base["decisions"][0]["not_before"] = 1e308
        path.write_text(json.dumps(base))
    elif case == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        os.mkfifo(path)
    elif case == "duplicate":
        path.write_text(
            json.dumps(base).replace('"schema_version": 1', '"schema_version": 1, "schema_version": 1')
        )
    code, out, err = run([command[0], str(path), *command[1:]], capsys)
    assert "internal error" not in err and "Traceback" not in err
    if case == "late":  # a check error: the findings on stdout, exit 1
        assert code == 1 and "dates-out-of-range" in out and err == ""
        if "--format" in command:
            json.loads(out)
    else:
        assert code == 2 and out == "" and err.startswith(f"planner: {path}"), err


def test_stale_temps_of_a_dead_writer_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "plan.plan.json"
    target.write_text("{}")
    dead = tmp_path / f".{target.name}.~999999999-1.2~abcd.tmp"  # no such process
    dead.write_text("half")
    mine = tmp_path / f"{temp_prefix(target)}efgh.tmp"  # this (live) process's
    mine.write_text("half")
    other = tmp_path / ".other.plan.json.~999999999-1~x.tmp"  # another file's temp
    other.write_text("half")
    old_untagged = tmp_path / f".{target.name}.k2j3h4.part"
    old_untagged.write_text("half")
    os.utime(old_untagged, (time.time() - 7200, time.time() - 7200))
    new_untagged = tmp_path / f".{target.name}.zz9x8c.tmp"
    new_untagged.write_text("half")
    assert this_session() in mine.name
    assert clean_stale_temps(target) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, mine.name, other.name, new_untagged.name]
    )


def test_a_save_cleans_up_after_a_killed_save(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plan.plan.json"
    (tmp_path / f".{target.name}.~999999999-7~leftover.tmp").write_text("half a plan")
    assert run(["new", "-o", str(target)], capsys)[0] == 0
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("suffix", [".xml", ".gan", ".mmd", ".csv"])
def test_data_export_of_a_plan_past_the_calendar_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    base = json.loads(SAMPLE.read_text(encoding="utf-8"))
    base["start_date"] = "9999-09-01"
    path = tmp_path / "late.plan.json"
    path.write_text(json.dumps(base), encoding="utf-8")
    out = tmp_path / f"late{suffix}"
    code, _, err = run(["export", str(path), "-o", str(out)], capsys)
    assert code == 1 and "not exported" in err and "dates-out-of-range" not in err and "31 Dec 9999" in err
    assert "internal error" not in err and not out.exists()
