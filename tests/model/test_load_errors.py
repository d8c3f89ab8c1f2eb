"""Bad plan files (SPEC §2): every load error names the file, the JSON path (or line:column for syntax) and what
is wrong, and `planner check FILE` exits 2 with that message on stderr and no traceback."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.model import PlanLoadError, load_plan


def base_plan(**overrides: Any) -> dict[str, Any]:
    plan: dict[str, Any] = {
        "schema_version": 1,
        "title": "Broken plan",
        "stages": [{"id": "validate", "name": "Validate"}],
        "decisions": [{"id": "a", "title": "Alpha", "stage": "validate", "duration": 2}],
        "dependencies": [],
        "risks": [],
    }
    plan.update(overrides)
    return plan


def decision(**fields: Any) -> dict[str, Any]:
    return {"id": "a", "title": "Alpha", "stage": "validate", **fields}


@dataclass
class Case:
    name: str
    content: bytes
    where: str  # what must follow the file name: ":line:col: ..." or ": at <json path>: ..."
    problem: str  # a phrase saying what is wrong


def json_case(name: str, plan: dict[str, Any], where: str, problem: str) -> Case:
    return Case(name, json.dumps(plan, indent=2).encode(), where, problem)


VALID_TEXT = json.dumps(base_plan(), indent=2)

CASES = [
    Case("not-json", b"this is not a plan\n", ":1:1: ", "not valid JSON: Expecting value"),
    Case(
        "syntax",
        b'{\n  "schema_version": 1,\n  "title": "x",,\n}\n',
        ":3:16: ",
        "not valid JSON: Expecting property name",
    ),
    Case(
        "truncated",
        VALID_TEXT[: VALID_TEXT.index('"decisions"') + 20].encode(),
        ":11:6: ",
        "the file ends unexpectedly (Expecting property name enclosed in double quotes); it may be truncated",
    ),
    Case("truncated-at-end", VALID_TEXT[:-3].encode(), ":19:13: ", "the file ends unexpectedly"),
    Case(
        "truncated-in-text",
        VALID_TEXT[: VALID_TEXT.index("Broken") + 3].encode(),
        ":3:12: ",
        "the file ends inside the text value that starts here; it may be truncated",
    ),
    Case("top-level-list", b"[1, 2, 3]\n", ": ", "the top level must be a JSON object, not list"),
    json_case("title-not-text", base_plan(title=5), ": at title: ", "Input should be a valid string"),
    json_case(
        "decisions-not-list", base_plan(decisions={}), ": at decisions: ", "Input should be a valid array"
    ),
    json_case(
        "duration-text",
        base_plan(decisions=[decision(duration="three")]),
        ": at decisions[0] (id 'a').duration: ",
        "Input should be a valid number",
    ),
    # Strict JSON types: a number in quotes or a boolean is not a duration, "yes" is not a boolean.
    json_case(
        "duration-quoted-number",
        base_plan(decisions=[decision(duration="3")]),
        ": at decisions[0] (id 'a').duration: ",
        "Input should be a valid number",
    ),
    json_case(
        "duration-boolean",
        base_plan(decisions=[decision(duration=True)]),
        ": at decisions[0] (id 'a').duration: ",
        "Input should be a valid number",
    ),
    json_case(
        "milestone-text",
        base_plan(decisions=[decision(milestone="yes")]),
        ": at decisions[0] (id 'a').milestone: ",
        "Input should be a valid boolean",
    ),
    json_case(
        "bad-enum",
        base_plan(decisions=[decision(status="finished")]),
        ": at decisions[0] (id 'a').status: ",
        "'not_started', 'in_progress', 'done' or 'blocked'",
    ),
    json_case("bad-date", base_plan(start_date="next monday"), ": at start_date: ", "valid date"),
    json_case(
        "bad-id",
        base_plan(decisions=[decision(id="has space")]),
        ": at decisions[0] (id 'has space').id: ",
        "String should match pattern",
    ),
    json_case(
        "probability-2",
        base_plan(risks=[{"id": "r", "title": "Risk", "probability": 2, "impact": 1}]),
        ": at risks[0] (id 'r').probability: ",
        "Input should be less than or equal to 1",
    ),
    json_case(
        "progress-150",
        base_plan(decisions=[decision(progress=150)]),
        ": at decisions[0] (id 'a').progress: ",
        "Input should be less than or equal to 100",
    ),
    json_case(
        "optimistic-above-likely",
        base_plan(decisions=[decision(duration={"optimistic": 3, "likely": 2, "pessimistic": 4})]),
        ": at decisions[0] (id 'a').duration: ",
        "estimates must satisfy optimistic <= likely <= pessimistic (got 3 / 2 / 4)",
    ),
    json_case(
        "three-point-missing",
        base_plan(decisions=[decision(duration={"optimistic": 1, "likely": 2})]),
        ": at decisions[0] (id 'a').duration.pessimistic: ",
        "required field is missing",
    ),
    json_case(
        "negative-duration",
        base_plan(decisions=[decision(duration=-1)]),
        ": at decisions[0] (id 'a').duration: ",
        "greater than or equal to 0",
    ),
    Case(
        "infinite-not-before",
        VALID_TEXT.replace('"duration": 2', '"duration": 2, "not_before": Infinity').encode(),
        ": at decisions[0] (id 'a').not_before: ",
        "finite number",
    ),
    json_case(
        "typo-titel",
        {**{k: v for k, v in base_plan().items() if k != "title"}, "titel": "Broken plan"},
        ": 2 problems:\n",
        "titel: unknown field (did you mean 'title'?",
    ),
    json_case(
        "unknown-decision-field",
        base_plan(decisions=[decision(duraton=3)]),
        ": at decisions[0] (id 'a').duraton: ",
        "unknown field (did you mean 'duration'?",
    ),
    json_case(
        "newer-version",
        base_plan(schema_version=2),
        ": at schema_version: ",
        "written by a newer version of the planner (schema_version 2; this program reads up to 1)",
    ),
    json_case(
        "version-missing",
        {k: v for k, v in base_plan().items() if k != "schema_version"},
        ": at schema_version: ",
        "required field is missing",
    ),
    json_case(
        "version-text", base_plan(schema_version="1"), ": at schema_version: ", "must be a whole number"
    ),
    Case("empty", b"", ": ", "the file is empty"),
    Case("blank", b"  \n\n", ": ", "only blank space"),
    Case(
        "latin-1", VALID_TEXT.replace("Alpha", "Caf\u00e9").encode("latin-1"), ":13:20: ", "is not UTF-8 text"
    ),
    # What Windows tools write by default (PowerShell's Out-File, Notepad's "Unicode"), with and without the mark:
    # named, with what to do, never a JSON syntax error at the first character.
    Case("utf-16", VALID_TEXT.encode("utf-16"), ": ", "is UTF-16 text, not UTF-8\n  Save it as UTF-8"),
    Case("utf-16-le", VALID_TEXT.encode("utf-16-le"), ": ", "is UTF-16 text, not UTF-8"),
    Case("utf-16-be", VALID_TEXT.encode("utf-16-be"), ": ", "is UTF-16 (big-endian) text, not UTF-8"),
    Case("utf-32", VALID_TEXT.encode("utf-32"), ": ", "is UTF-32 text, not UTF-8"),
    Case("utf-32-be", VALID_TEXT.encode("utf-32-be"), ": ", "is UTF-32 (big-endian) text, not UTF-8"),
]


@pytest.fixture(params=CASES, ids=[c.name for c in CASES])
def bad_file(request, tmp_path: Path) -> tuple[Path, Case]:
    case: Case = request.param
    path = tmp_path / f"{case.name}.plan.json"
    path.write_bytes(case.content)
    return path, case


def assert_cli_refuses(path: Path, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"planner: {message}\n"
    assert "Traceback" not in err


def test_bad_file(bad_file: tuple[Path, Case], capsys: pytest.CaptureFixture[str]) -> None:
    path, case = bad_file
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    message = str(info.value)
    assert message.startswith(f"{path}{case.where}"), message
    assert case.problem in message
    assert info.value.path == str(path)
    assert_cli_refuses(path, message, capsys)


def test_syntax_errors_carry_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.plan.json"
    path.write_text('{\n  "schema_version": 1,\n  "title": "x",,\n}\n', encoding="utf-8")
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    assert (info.value.line, info.value.column) == (3, 16)  # the second comma
    assert info.value.json_path is None


def test_truncated_inside_a_text_value(tmp_path: Path) -> None:
    # The text ends inside the title's value: the position given is where that value starts (line 3).
    path = tmp_path / "cut.plan.json"
    path.write_text('{\n  "schema_version": 1,\n  "title": "Fraud detect', encoding="utf-8")
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    assert str(info.value).startswith(f"{path}:3:12: the file ends inside the text value that starts here")


def test_non_utf8_position(tmp_path: Path) -> None:
    path = tmp_path / "latin.plan.json"
    path.write_bytes(b'{\n  "title": "Caf\xe9"\n}\n')
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    assert (info.value.line, info.value.column) == (2, 16)


def test_utf8_with_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.plan.json"
    path.write_bytes(b"\xef\xbb\xbf" + VALID_TEXT.encode())
    assert load_plan(path).title == "Broken plan"


def test_many_problems_are_listed_and_capped(tmp_path: Path) -> None:
    path = tmp_path / "many.plan.json"
    path.write_text(json.dumps(base_plan(decisions=[decision(id=f"d{k}", progress=200) for k in range(12)])))
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    message = str(info.value)
    assert message.startswith(f"{path}: 12 problems:\n  decisions[0] (id 'd0').progress: ")
    assert "decisions[7] (id 'd7').progress" in message
    assert "decisions[8]" not in message
    assert message.endswith("... and 4 more problems")


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nowhere.plan.json"
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    assert str(info.value).splitlines()[0] == f"{path}: no such file"
    assert (
        str(info.value).splitlines()[1] == "  Check the name and the folder."
    )  # what to do (tests/test_s26_missing_file.py)
    assert_cli_refuses(path, str(info.value), capsys)


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(PlanLoadError) as info:
        load_plan(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}: is a folder, not a plan file")
    assert_cli_refuses(tmp_path, str(info.value), capsys)


FIFTY_MB = 50 * 1024 * 1024


def test_fifty_megabytes_of_garbage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "garbage.plan.json"
    path.write_bytes(b"garbage " * (FIFTY_MB // 8))
    with pytest.raises(PlanLoadError) as info:  # (how fast: benchmarks, not a timed test)
        load_plan(path)
    assert str(info.value).startswith(f"{path}:1:1: not valid JSON")
    assert_cli_refuses(path, str(info.value), capsys)


def test_fifty_megabytes_of_valid_json_padding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Valid JSON, but a 50 MB decision title: refused quickly, naming the field and its limit.
    path = tmp_path / "padded.plan.json"
    path.write_text(json.dumps(base_plan(decisions=[decision(title="x" * FIFTY_MB)])), encoding="utf-8")
    with pytest.raises(PlanLoadError) as info:  # (how fast: benchmarks, not a timed test)
        load_plan(path)
    message = str(info.value)
    assert message.startswith(
        f"{path}: at decisions[0] (id 'a').title: String should have at most 300 characters"
    )
    assert len(message) < 1000  # the offending value is not echoed back
    assert_cli_refuses(path, message, capsys)


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.model.io as plan_io

    monkeypatch.setattr(plan_io, "MAX_PLAN_BYTES", 1000)
    path = tmp_path / "big.plan.json"
    path.write_text(" " * 2000 + VALID_TEXT, encoding="utf-8")
    with pytest.raises(PlanLoadError, match="larger than the"):
        load_plan(path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.plan.json"
    path.write_text(VALID_TEXT, encoding="utf-8")

    real_open = os.open

    def deny(file: object, flags: int, *args: object) -> int:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    assert str(info.value) == f"{path}: permission denied: the file cannot be read"


def test_referential_problems_are_not_load_errors(tmp_path: Path) -> None:
    # Unknown ids and cycles load, so the user can open the file and fix them (validation reports them).
    path = tmp_path / "refs.plan.json"
    path.write_text(
        json.dumps(
            base_plan(
                decisions=[decision(stage="nowhere", owner="ghost"), decision(id="b")],
                dependencies=[{"from": "a", "to": "b"}, {"from": "b", "to": "a"}, {"from": "a", "to": "zz"}],
            )
        )
    )
    plan = load_plan(path)
    assert [d.id for d in plan.decisions] == ["a", "b"]
