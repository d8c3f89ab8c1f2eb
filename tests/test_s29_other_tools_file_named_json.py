"""Another tool's file under a plan's name (`project.json`: an MS Project XML export renamed, a download given the
wrong suffix): `planner check/analyze` said "not valid JSON: Expecting value ... Fix the JSON syntax at that
position", sending the user to edit XML as JSON (H-guirt29 fixed the app's File > Open; the command line is the same
rule, planner.io.format_by_content). It now names the tool and the import command, with the format, and the command
it gives works; a broken plan keeps the JSON message."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from planner.cli import main

DATA = Path(__file__).resolve().parent / "io" / "data"


@pytest.mark.parametrize(
    ("source", "fmt", "name"),
    [
        ("delivery-4x10-mspdi.xml", "mspdi", "MS Project XML"),
        ("p6-mpxj-built.xml", "p6xml", "Primavera P6 XML"),
        ("p6-hand-fs-ss-lags.xer", "xer", "Primavera P6 XER"),
        ("HouseBuildingSample.gan", "gan", "GanttProject"),
    ],
)
@pytest.mark.parametrize("named", ["project.json", "project.plan.json"])
def test_the_tool_is_named_and_its_import_command_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, fmt: str, name: str, named: str
) -> None:
    path = tmp_path / named
    path.write_bytes((DATA / source).read_bytes())
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert f"is not a plan file but, by its content, another tool's ({name}); import it first: " in err, err
    assert "JSON" not in err.split("import it first")[0]
    command = shlex.split(err.split("import it first: ")[1])
    assert command[0] == "planner" and command[-2:] == ["--format", fmt], command
    out = Path(command[command.index("-o") + 1])
    assert out != path  # never over the file it reads
    assert main(command[1:]) == 0
    capsys.readouterr()
    assert main(["check", str(out)]) in (0, 1)  # a plan now


def test_a_broken_plan_keeps_the_json_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.plan.json"
    path.write_text('{"schema_version": 1, "title": "x",}\n', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "comma after the last item" in err and "another tool" not in err, err
